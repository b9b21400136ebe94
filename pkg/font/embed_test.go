package font_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/font"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

// goRegular returns Go Regular, built in.
func goRegular(t *testing.T) *font.Face {
	t.Helper()
	faces, err := font.Builtin(font.Go)
	if err != nil {
		t.Fatal(err)
	}
	return faces[0]
}

// outline returns the segments of glyph g of a font, as text.
func outline(t *testing.T, f *sfnt.Font, g sfnt.GlyphIndex) []sfnt.Segment {
	t.Helper()
	var buf sfnt.Buffer
	segs, err := f.LoadGlyph(&buf, g, fixed.I(1000), nil)
	if err != nil {
		t.Fatalf("glyph %d: %v", g, err)
	}
	return append([]sfnt.Segment(nil), segs...)
}

// TestSubset checks a subset of Go Regular: a valid font file (its
// checksum adjustment right) with the same glyph ids, the glyphs asked
// for and the components of composite ones drawn as in the whole font,
// the others empty.
func TestSubset(t *testing.T) {
	face := goRegular(t)
	whole, err := sfnt.Parse(face.Data)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[rune]uint16{}
	for _, r := range "Aéb€" {
		id, ok := face.GlyphID(r)
		if !ok || id == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		ids[r] = id
	}
	used := make([]bool, whole.NumGlyphs())
	for _, r := range "Aé€" {
		used[ids[r]] = true
	}
	data, _, err := face.Subset(used)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) >= len(face.Data)/2 {
		t.Errorf("subset of 3 glyphs is %d bytes, the font %d", len(data), len(face.Data))
	}
	var sum uint32
	for i := 0; i+4 <= len(data); i += 4 {
		sum += binary.BigEndian.Uint32(data[i:])
	}
	if sum != 0xB1B0AFBA {
		t.Errorf("checksum %#x: the head table's adjustment is wrong", sum)
	}
	sub, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if sub.NumGlyphs() != whole.NumGlyphs() {
		t.Errorf("%d glyphs, want %d (ids kept)", sub.NumGlyphs(), whole.NumGlyphs())
	}
	for _, r := range "Aé€" {
		g := sfnt.GlyphIndex(ids[r])
		if a, b := outline(t, whole, g), outline(t, sub, g); !reflect.DeepEqual(a, b) || len(a) == 0 {
			t.Errorf("%q is drawn differently in the subset (%d segments, want %d)", r, len(b), len(a))
		}
	}
	if segs := outline(t, sub, sfnt.GlyphIndex(ids['b'])); len(segs) != 0 {
		t.Errorf("'b', not asked for, kept %d segments", len(segs))
	}
	if id, ok := face.GlyphID('✓'); ok {
		t.Errorf("Go Regular has no ✓, yet GlyphID gives %d", id)
	} else if rep, _ := face.GlyphID('\ufffd'); id != rep {
		t.Errorf("✓ is drawn as glyph %d, not the replacement character's %d", id, rep)
	}
	m := face.Metrics()
	if m.Ascent <= 0 || m.Descent >= 0 || m.CapHeight <= 0 || m.BBox[2] <= m.BBox[0] || m.PostScriptName != "GoRegular" {
		t.Errorf("metrics: %+v", m)
	}
	if w := face.GlyphWidth(ids['A']); w < 500 || w > 800 {
		t.Errorf("'A' is %d thousandths of an em wide", w)
	}
}

// TestSubsetComposite checks that a subset of DejaVu Sans keeps the
// glyphs its composite glyphs are made of: "é" and "ǅ" are composites
// there, and draw as in the whole font.
func TestSubsetComposite(t *testing.T) {
	path := validate.File(t, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core")
	face, err := font.Open(nil, path)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := sfnt.Parse(face.Data)
	if err != nil {
		t.Fatal(err)
	}
	used := make([]bool, whole.NumGlyphs())
	for _, r := range "éǅ" {
		id, _ := face.GlyphID(r)
		used[id] = true
	}
	data, _, err := face.Subset(used)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "éǅ" {
		id, _ := face.GlyphID(r)
		if a, b := outline(t, whole, sfnt.GlyphIndex(id)), outline(t, sub, sfnt.GlyphIndex(id)); !reflect.DeepEqual(a, b) || len(a) == 0 {
			t.Errorf("%q: %d segments in the subset, %d in the font", r, len(b), len(a))
		}
	}
	if len(data) > len(face.Data)/4 {
		t.Errorf("a subset of 2 glyphs is %d bytes of %d", len(data), len(face.Data))
	}
}

// TestFaceCache checks that documents set in the same font file share
// one parsed face, and that a changed file is read again.
func TestFaceCache(t *testing.T) {
	src := validate.File(t, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "body.ttf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := files.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	face := func() *font.Face {
		f, err := font.Open(root, "body.ttf")
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	first := face()
	if face() != first {
		t.Error("the same font file was parsed twice")
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if face() == first {
		t.Error("a changed font file was not read again")
	}
}

// TestSubsetFor: a face cut down to a text keeps the outlines of the
// text's glyphs and empties the others; Embeddable reads the licence's
// fsType (2: restricted, not to be carried).
func TestSubsetFor(t *testing.T) {
	face := goRegular(t)
	data, err := face.SubsetFor("Dijk")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := face.GlyphID('D')
	gone, _ := face.GlyphID('Q')
	if len(outline(t, sub, sfnt.GlyphIndex(kept))) == 0 || len(outline(t, sub, sfnt.GlyphIndex(gone))) != 0 {
		t.Error("the subset does not keep D's outline and drop Q's")
	}
	if !face.Embeddable() {
		t.Error("Go Regular (BSD) is not embeddable")
	}
	restricted := append([]byte(nil), face.Data...)
	// The OS/2 table's fsType, at offset 8 of the table: 2.
	n := int(binary.BigEndian.Uint16(restricted[4:]))
	for i := range n {
		rec := restricted[12+16*i:]
		if string(rec[:4]) == "OS/2" {
			off := int(binary.BigEndian.Uint32(rec[8:]))
			binary.BigEndian.PutUint16(restricted[off+8:], 2)
		}
	}
	f, err := font.Parse("restricted", restricted)
	if err != nil {
		t.Fatal(err)
	}
	if f.Embeddable() {
		t.Error("a face with fsType 2 is embeddable")
	}
}
