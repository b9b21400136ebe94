package layout

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"unicode/utf8"

	"github.com/go-text/typesetting/language"

	"github.com/galleypress/galley/pkg/font"
	"github.com/galleypress/galley/pkg/typeset"
)

// Fonts names TrueType or OpenType font files (TTF, OTF with TrueType
// or CFF outlines, or a face of a collection: "FILE.ttc#1") for the faces
// of a family. Empty entries use the built-in family; a missing bold or
// italic face falls back to the regular one.
type Fonts struct {
	Regular    string `option:"regular"`
	Bold       string `option:"bold"`
	Italic     string `option:"italic"`
	BoldItalic string `option:"bolditalic"`
	Mono       string `option:"mono"`
	// Fallback fonts set, in order, the characters the family lacks:
	// another script (CJK, Hebrew, Arabic), symbols.
	Fallback []string `option:"fallback"`
}

// family is the set of faces a document is set in; it implements
// typeset.Metrics.
type family struct {
	// faces holds the six styles (by typeset.Face), then the fallback
	// faces, then the system faces found for missing characters.
	faces []*font.Face
	// system, if set, finds faces in the system's fonts.
	system *font.System
	// lang is the language text is shaped for.
	lang language.Language
	// shaped caches, by face and direction, the text shaped so far: a
	// family serves one layout, which uses it from one goroutine;
	// spacedRuns the same followed by a space's glyph (see spaced).
	shapedBy   []map[string]*font.Shaped
	spacedRuns []map[string][]Glyph
	// units is Pieces' buffer.
	units []int64
	// features are the OpenType features the text's faces are shaped
	// with (a theme's: "onum tnum"); code, in the monospaced face,
	// keeps the font's defaults.
	features string
}

// featuresOf returns the features a face is shaped with.
func (fam *family) featuresOf(face typeset.Face) string {
	if face == typeset.Mono || face == typeset.MonoBold {
		return ""
	}
	return fam.features
}

// styles is how many faces a family has before its fallbacks.
const styles = 8

// faceFor returns the face that sets r in style: the style's
// own, else the first fallback that has r, else a system font that has
// it; ok is false when no font has it.
func (fam *family) faceFor(r rune, style typeset.Face) (_ typeset.Face, ok bool) {
	if fam.faces[style].Has(r) {
		return style, true
	}
	for i := styles; i < len(fam.faces); i++ {
		if fam.faces[i].Has(r) {
			return typeset.Face(i), true
		}
	}
	if fam.system != nil && len(fam.faces) < 255 {
		if f := fam.system.Find(r); f != nil {
			fam.faces = append(fam.faces, f)
			return typeset.Face(len(fam.faces) - 1), true
		}
	}
	return style, false
}

// loadFamily returns the family for the configured font files; with
// system set, characters no given font has are looked for in the
// system's fonts.
func loadFamily(fsys fs.FS, builtin, headings string, cfg Fonts, system bool) (*family, error) {
	base, err := font.Builtin(builtin)
	if err != nil {
		return nil, err
	}
	// The headings' faces: the family's bold ones, or another built-in
	// family's.
	base = append(base[:6:6], base[typeset.Bold], base[typeset.BoldItalic])
	if headings != "" && cmp.Or(headings, font.Noto) != cmp.Or(builtin, font.Noto) {
		hb, err := font.Builtin(headings)
		if err != nil {
			return nil, err
		}
		base[typeset.HeadBold], base[typeset.HeadBoldItalic] = hb[typeset.Bold], hb[typeset.BoldItalic]
	}
	fam := &family{faces: make([]*font.Face, styles)}
	if system {
		fam.system = &font.System{}
	}
	files := []string{cfg.Regular, cfg.Bold, cfg.Italic, cfg.BoldItalic, cfg.Mono, "", "", ""}
	for i, path := range files {
		if path == "" {
			continue
		}
		if fam.faces[i], err = font.Open(fsys, path); err != nil {
			return nil, err
		}
	}
	// Fill the gaps: a user's regular face stands in for missing styles;
	// without one, the built-in family does.
	for i := range fam.faces {
		if fam.faces[i] != nil {
			continue
		}
		switch {
		case i == int(typeset.MonoBold) && cfg.Mono != "":
			fam.faces[i] = fam.faces[typeset.Mono]
		case i == int(typeset.HeadBold) && base[i] == base[typeset.Bold]:
			// Headings in the body's family: its bold faces, the
			// user's if given.
			fam.faces[i] = fam.faces[typeset.Bold]
		case i == int(typeset.HeadBoldItalic) && base[i] == base[typeset.BoldItalic]:
			fam.faces[i] = fam.faces[typeset.BoldItalic]
		case i < int(typeset.Mono) && cfg.Regular != "":
			fam.faces[i] = fam.faces[typeset.Regular]
		default:
			fam.faces[i] = base[i]
		}
	}
	for _, path := range cfg.Fallback {
		f, err := font.Open(fsys, path)
		if err != nil {
			return nil, err
		}
		fam.faces = append(fam.faces, f)
	}
	if len(fam.faces) > 200 {
		return nil, fmt.Errorf("pdf: %d fallback fonts: at most %d", len(cfg.Fallback), 200-styles)
	}
	return fam, nil
}

// Width implements typeset.Metrics: the advance of s shaped in the face
// (kerned, with its ligatures and contextual forms). A character without
// a glyph measures as the font.Replacement character it will be drawn as.
func (fam *family) Width(face typeset.Face, size typeset.Unit, s string) typeset.Unit {
	f := fam.faces[face]
	var units int64
	if simpleText(s) && fam.featuresOf(face) == "" {
		for _, r := range s {
			a := f.Advance(r)
			if a < 0 {
				a = max(f.Advance(font.Replacement), 0)
			}
			units = int64(a)
		}
	} else {
		units = fam.shape(face, s, dirAuto).Width
	}
	return typeset.Unit(units * int64(size) / int64(f.Upem()))
}

// Pieces implements typeset.PieceMetrics: the widths of the pieces of
// s between the cuts (byte offsets), from s shaped whole: each glyph
// counts in the piece where its cluster starts (a kern across a cut
// counts in the piece before it).
func (fam *family) Pieces(face typeset.Face, size typeset.Unit, s string, cuts []int, out []typeset.Unit) []typeset.Unit {
	f := fam.faces[face]
	sh := fam.shape(face, s, dirAuto)
	// A cut inside a cluster (a ligature: "ef|fi" of "effi") makes
	// pieces that, drawn apart, are other glyphs: they are measured
	// apart.
	for _, c := range cuts {
		starts := false
		for _, g := range sh.Glyphs {
			starts = starts || int(g.Cluster) == c
		}
		if !starts {
			last := 0
			for _, c := range cuts {
				out = append(out, fam.Width(face, size, s[last:c]))
				last = c
			}
			return append(out, fam.Width(face, size, s[last:]))
		}
	}
	units := append(fam.units[:0], make([]int64, len(cuts)+1)...)
	fam.units = units
	for _, g := range sh.Glyphs {
		k, _ := slices.BinarySearch(cuts, int(g.Cluster)+1)
		units[k] += int64(g.Advance)
	}
	for _, u := range units {
		out = append(out, typeset.Unit(u*int64(size)/int64(f.Upem())))
	}
	return out
}

// shape returns s shaped in face, in direction dir; the result is
// shared and must not be changed. A family caches what it shaped, for
// the line breaker measures each piece of a word many times; the face
// caches it too, for the next documents of a build.
func (fam *family) shape(face typeset.Face, s string, dir direction) *font.Shaped {
	m := cacheFor(&fam.shapedBy, int(face)*2+int(dir))
	if sh, ok := m[s]; ok {
		return sh
	}
	sh := fam.faces[face].ShapeFeatures(s, fam.lang, dir == dirRTL, fam.featuresOf(face))
	m[s] = sh
	return sh
}

// cacheFor returns map i of caches, made (or, at font.MaxShapes entries,
// made again) where needed.
func cacheFor[V any](caches *[]map[string]V, i int) map[string]V {
	for i >= len(*caches) {
		*caches = append(*caches, nil)
	}
	m := (*caches)[i]
	if m == nil || len(m) >= font.MaxShapes {
		m = map[string]V{}
		(*caches)[i] = m
	}
	return m
}

// spaced returns the glyphs of s shaped in face, in direction dir,
// followed by a space's glyph, drawn at their right (the space that
// ends a word on a line, which text extraction reads); shared, not to
// be changed.
func (fam *family) spaced(face typeset.Face, s string, dir direction) []Glyph {
	m := cacheFor(&fam.spacedRuns, int(face)*2+int(dir))
	if gs, ok := m[s]; ok {
		return gs
	}
	word := fam.shape(face, s, dir).Glyphs
	sp := fam.shape(face, " ", dirAuto).Glyphs
	gs := make([]Glyph, 0, len(word)+len(sp))
	gs = append(gs, word...)
	for _, g := range sp {
		g.Cluster = int32(len(s))
		gs = append(gs, g)
	}
	m[s] = gs
	return gs
}

// Glyph is a shaped glyph in the display list (see font.Glyph).
type Glyph = font.Glyph

// direction is how a piece of text runs: as its script does, or as the
// bidirectional algorithm resolved it.
type direction uint8

const (
	dirAuto direction = iota // each script run in its script's direction
	dirRTL                   // right to left, as a resolved embedding level says
)

// simpleText reports whether s is one character: shaping it gives its
// nominal glyph.
func simpleText(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	return n == len(s)
}
