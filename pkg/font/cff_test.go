package font

import (
	"reflect"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

// num encodes a small integer as a Type 2 charstring operand.
func num(v int) byte { return byte(v + 139) }

// TestT2 follows charstrings for their subroutines: through hint masks
// (whose length the stems before them set), into a subroutine that
// calls a global one; and refuses what it cannot follow.
func TestT2(t *testing.T) {
	// 3 local subroutines (bias 107), 2 global ones.
	l := [][]byte{{11}, {num(-106), 29, 11}, {11}} // subr 1 calls gsubr 1
	g := [][]byte{{11}, {num(1), num(2), 5, 11}}
	for _, tc := range []struct {
		name   string
		cs     []byte
		usedL  []bool
		usedG  []bool
		failed bool
	}{
		// hstem of 4 pairs, vstemhm of 5 pairs: 9 stems, a 2-byte
		// mask (whose bytes look like operators), then callsubr 1.
		{"hint mask", []byte{num(1), num(2), num(3), num(4), num(5), num(6), num(7), num(8), 1, num(1), num(2), num(3), num(4), num(5), num(6), num(7), num(8), num(9), num(10), 23, 19, 10, 29, num(-106), 10, 14},
			[]bool{false, true, false}, []bool{false, true}, false},
		// Implicit vstems before the mask: 8 stems in all, 1 byte.
		{"implicit stems", []byte{num(1), num(2), num(3), num(4), 18, num(1), num(2), num(3), num(4), num(5), num(6), num(7), num(8), num(9), num(10), num(11), num(12), 19, 0xff, 14},
			[]bool{false, false, false}, []bool{false, false}, false},
		{"computed subroutine", []byte{num(-107), num(1), 12, 10, 10, 14}, nil, nil, true},
		{"seac", []byte{num(0), num(0), num(65), num(66), 14}, nil, nil, true},
		{"out of range", []byte{num(50), 10, 14}, nil, nil, true},
		{"reserved operator", []byte{num(1), 16, 14}, nil, nil, true},
	} {
		r := &t2{gsubrs: g, lsubrs: l, usedG: make([]bool, len(g)), usedL: make([]bool, len(l))}
		_, err := r.run(tc.cs, 0)
		if (err != nil) != tc.failed {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !tc.failed && (!reflect.DeepEqual(r.usedL, tc.usedL) || !reflect.DeepEqual(r.usedG, tc.usedG)) {
			t.Errorf("%s: subroutines %v %v, want %v %v", tc.name, r.usedL, r.usedG, tc.usedL, tc.usedG)
		}
	}
	// A subroutine that calls itself ends at the depth limit.
	loop := [][]byte{{num(-107), 10, 11}}
	r := &t2{lsubrs: loop, usedL: make([]bool, 1)}
	if _, err := r.run([]byte{num(-107), 10, 14}, 0); err == nil {
		t.Error("a subroutine calling itself was followed")
	}
}

// TestSubsetCFF subsets Debian's EB Garamond and FreeSerif: the glyphs
// kept draw exactly as in the whole font, the others are empty, and the
// file shrinks.
func TestSubsetCFF(t *testing.T) {
	for _, path := range []string{
		validate.File(t, "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf", "fonts-ebgaramond"),
		validate.File(t, "/usr/share/fonts/opentype/freefont/FreeSerif.otf", "fonts-freefont-otf"),
	} {
		face, err := Open(nil, path)
		if err != nil {
			t.Fatal(err)
		}
		used := make([]bool, face.NumGlyphs())
		var ids []sfnt.GlyphIndex
		for _, r := range "OfficeAVATAR½ΩμέγαКириллица" {
			if id, ok := face.GlyphID(r); ok {
				used[id] = true
				ids = append(ids, sfnt.GlyphIndex(id))
			}
		}
		data, whole, err := face.Subset(used)
		if err != nil || whole {
			t.Fatalf("%s: whole %v, %v", path, whole, err)
		}
		if len(data) > len(face.Data)/2 {
			t.Errorf("%s: a subset of %d bytes from %d", path, len(data), len(face.Data))
		}
		all, err := sfnt.Parse(face.Data)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", path, err)
		}
		var b1, b2 sfnt.Buffer
		for _, id := range ids {
			want, err1 := all.LoadGlyph(&b1, id, fixed.I(1000), nil)
			got, err2 := sub.LoadGlyph(&b2, id, fixed.I(1000), nil)
			if err1 != nil || err2 != nil || !reflect.DeepEqual(got, want) || len(want) == 0 {
				t.Errorf("%s: glyph %d: %d segments in the subset (%v), %d in the font (%v)", path, id, len(got), err2, len(want), err1)
			}
		}
		// A glyph not kept draws nothing.
		id, _ := face.GlyphID('Z')
		if got, err := sub.LoadGlyph(&b2, sfnt.GlyphIndex(id), fixed.I(1000), nil); err != nil || len(got) != 0 {
			t.Errorf("%s: 'Z', not kept, has %d segments (%v)", path, len(got), err)
		}
	}
}
