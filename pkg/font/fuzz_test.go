package font

import (
	"testing"
	"testing/fstest"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// FuzzFont loads a font file as the PDF does (a face of a collection
// too) and subsets it: a damaged or hostile file is an error, never a
// panic, a hang or an allocation out of proportion to the file.
//
//	go test -run '^$' -fuzz FuzzFont ./pkg/font
func FuzzFont(f *testing.F) {
	f.Add(goregular.TTF[:4096], uint8(0))
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10\x00\x01\x00\x00\xff\xff"), uint8(0))
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x14\x00\x00\x00\x14\x00\x01\x00\x00\x00\x01"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, index uint8) {
		if len(data) > 1<<20 {
			return
		}
		name := "f.ttf"
		if index > 0 {
			name = "f.ttc#" + string(rune('0'+index%10))
		}
		face, err := load(fstest.MapFS{"f.ttf": {Data: data}, "f.ttc": {Data: data}}, name)
		if err != nil {
			return
		}
		used := make([]bool, face.font.NumGlyphs())
		for r := rune(32); r < 128; r++ {
			if g := face.cached(r); g.adv >= 0 && int(g.id) < len(used) {
				used[g.id] = true
			}
		}
		for _, rtl := range []bool{false, true} {
			for _, g := range face.Shape("office AVATAR مرحبا क्षत्रिय שלום", "", rtl).Glyphs {
				if int(g.ID) < len(used) {
					used[g.ID] = true
				}
			}
		}
		sub, _, err := face.Subset(used)
		if err == nil && face.cff {
			if _, err := sfnt.Parse(sub); err != nil {
				t.Fatalf("the CFF subset does not parse: %v", err)
			}
		}
		if err == nil && len(sub) > 2*len(face.Data)+1<<16 {
			t.Fatalf("a subset of %d bytes from a font of %d", len(sub), len(face.Data))
		}
	})
}
