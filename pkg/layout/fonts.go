package layout

import (
	"fmt"
	"io"
	"os"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/galleypress/galley/pkg/typeset"
)

// Fonts names TrueType or OpenType font files (TTF/OTF with TrueType
// outlines) for the faces of a family. Empty entries use the built-in Go
// fonts; a missing bold or italic face falls back to the regular one.
type Fonts struct {
	Regular    string `option:"regular"`
	Bold       string `option:"bold"`
	Italic     string `option:"italic"`
	BoldItalic string `option:"bolditalic"`
	Mono       string `option:"mono"`
}

// Face is one loaded font.
type Face struct {
	// Name is for messages: "Go Regular", or the file's path.
	Name string
	// Data is the font file. Shared: a user must not change it.
	Data []byte
	font *sfnt.Font
	upem int64

	// low holds the advances of the first runes, read once; the rest
	// are looked up and cached under mu.
	low [lowRunes]int32
	mu  sync.Mutex
	buf sfnt.Buffer
	adv map[rune]int32 // advance in font units; -1 for a missing glyph
}

// family is the set of faces a document is set in; it implements
// typeset.Metrics.
type family struct {
	faces [6]*Face // by typeset.Font
}

var (
	builtinOnce sync.Once
	builtin     *family
	builtinErr  error
)

// builtinFamily returns the Go fonts, parsed once.
func builtinFamily() (*family, error) {
	builtinOnce.Do(func() {
		srcs := []struct {
			name string
			data []byte
		}{
			{"Go Regular", goregular.TTF}, {"Go Bold", gobold.TTF}, {"Go Italic", goitalic.TTF},
			{"Go Bold Italic", gobolditalic.TTF}, {"Go Mono", gomono.TTF}, {"Go Mono Bold", gomonobold.TTF},
		}
		builtin = &family{}
		for i, s := range srcs {
			f, err := newFace(s.name, s.data)
			if err != nil {
				builtinErr = err
				return
			}
			builtin.faces[i] = f
		}
	})
	return builtin, builtinErr
}

func newFace(name string, data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: not a TrueType or OpenType font: %w", name, err)
	}
	fc := &Face{Name: name, Data: data, font: f, upem: int64(f.UnitsPerEm()), adv: map[rune]int32{}}
	for r := range fc.low {
		fc.low[r] = fc.lookup(rune(r))
	}
	return fc, nil
}

// lowRunes is how many runes, from U+0000, have their advances in a
// table: Latin, Greek, Cyrillic and general punctuation.
const lowRunes = 0x2100

// loadFamily returns the family for the configured font files.
func loadFamily(cfg Fonts) (*family, error) {
	base, err := builtinFamily()
	if err != nil {
		return nil, err
	}
	if cfg == (Fonts{}) {
		return base, nil
	}
	fam := &family{}
	files := []string{cfg.Regular, cfg.Bold, cfg.Italic, cfg.BoldItalic, cfg.Mono, ""}
	for i, path := range files {
		if path == "" {
			continue
		}
		data, err := readFont(path)
		if err != nil {
			return nil, err
		}
		if fam.faces[i], err = newFace(path, data); err != nil {
			return nil, err
		}
		if fam.faces[i].font.NumGlyphs() == 0 {
			return nil, fmt.Errorf("pdf: font %s has no glyphs", path)
		}
	}
	// Fill the gaps: a user's regular face stands in for missing styles;
	// without one, the Go fonts do.
	for i := range fam.faces {
		if fam.faces[i] != nil {
			continue
		}
		switch {
		case i == int(typeset.MonoBold) && fam.faces[typeset.Mono] != nil:
			fam.faces[i] = fam.faces[typeset.Mono]
		case i < int(typeset.Mono) && fam.faces[typeset.Regular] != nil:
			fam.faces[i] = fam.faces[typeset.Regular]
		default:
			fam.faces[i] = base.faces[i]
		}
	}
	return fam, nil
}

// maxFontFile is the largest font file read: big CJK fonts are about
// 20 MB, collections of them a few times that.
const maxFontFile = 256 << 20

// readFont reads a font file: a regular file of at most maxFontFile
// bytes.
func readFont(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, fmt.Errorf("pdf: font: %w", err)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("pdf: font %s is not a regular file", path)
	case st.Size() > maxFontFile:
		return nil, fmt.Errorf("pdf: font %s is larger than %d MB", path, maxFontFile>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFontFile))
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	return data, nil
}

// advance returns the advance of r in font units, or -1 if the font has
// no glyph for it.
func (f *Face) advance(r rune) int32 {
	if r >= 0 && r < lowRunes {
		return f.low[r]
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.adv[r]; ok {
		return a
	}
	a := f.lookup(r)
	f.adv[r] = a
	return a
}

// lookup reads the advance of r from the font; the caller must hold mu
// or be the only user.
func (f *Face) lookup(r rune) int32 {
	if idx, err := f.font.GlyphIndex(&f.buf, r); err == nil && idx != 0 {
		if adv, err := f.font.GlyphAdvance(&f.buf, idx, fixed.Int26_6(f.upem<<6), 0); err == nil {
			return int32(adv >> 6)
		}
	}
	return -1
}

// has reports whether the face has a glyph for r.
func (f *Face) has(r rune) bool { return f.advance(r) >= 0 }

// Width implements typeset.Metrics. A character without a glyph measures
// as the replacement character it will be drawn as.
func (fam *family) Width(font typeset.Font, size typeset.Unit, s string) typeset.Unit {
	f := fam.faces[font]
	var units int64
	for _, r := range s {
		a := f.advance(r)
		if a < 0 {
			a = max(f.advance(replacement), 0)
		}
		units += int64(a)
	}
	return typeset.Unit(units * int64(size) / f.upem)
}

// replacement is drawn for characters a font lacks.
const replacement = '\ufffd'
