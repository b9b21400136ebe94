package layout

import (
	"embed"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/galleypress/galley/pkg/files"
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

// Face is one loaded font.
type Face struct {
	// Name is for messages: "Go Regular", or the file's path.
	Name string
	// Data is the font file. Shared: a user must not change it.
	Data []byte
	font *sfnt.Font
	upem int64

	// low holds the advances and glyphs of the first runes, read once;
	// the rest are looked up and cached under mu.
	low    [lowRunes]int32
	lowGID [lowRunes]uint16
	// lowOnce fills low and lowGID, the first time they are needed: a
	// family's faces that a document does not use cost nothing.
	lowOnce sync.Once
	mu      sync.Mutex
	buf     sfnt.Buffer
	adv     map[rune]glyph

	// cff marks a font with PostScript (CFF) outlines.
	cff bool

	// hb and hbuf shape text (see shape.go), under mu; hbFailed records
	// a face HarfBuzz cannot read.
	hb       *harfbuzz.Font
	hbuf     *harfbuzz.Buffer
	hbFailed bool
	// shapes holds what the face shaped, under mu.
	shapes map[shapeKey]*shaped
	// runes, offs and runs are shapeLocked's buffers.
	runes []rune
	offs  []int32
	runs  []scriptRun
}

// glyph is a rune's glyph in a face and its advance in font units; the
// advance is -1 for a missing glyph.
type glyph struct {
	adv int32
	id  uint16
}

// family is the set of faces a document is set in; it implements
// typeset.Metrics.
type family struct {
	// faces holds the six styles (by typeset.Font), then the fallback
	// faces, then the system faces found for missing characters.
	faces []*Face
	// system, if set, finds faces in the system's fonts.
	system *systemFonts
	// lang is the language text is shaped for.
	lang language.Language
	// shaped caches, by face and direction, the text shaped so far: a
	// family serves one layout, which uses it from one goroutine;
	// spacedRuns the same followed by a space's glyph (see spaced).
	shapedBy   []map[string]*shaped
	spacedRuns []map[string][]Glyph
	// units is Pieces' buffer.
	units []int64
}

// styles is how many faces a family has before its fallbacks.
const styles = 6

// faceFor returns the face that sets r in the style font: the style's
// own, else the first fallback that has r, else a system font that has
// it; ok is false when no font has it.
func (fam *family) faceFor(r rune, font typeset.Font) (_ typeset.Font, ok bool) {
	if fam.faces[font].has(r) {
		return font, true
	}
	for i := styles; i < len(fam.faces); i++ {
		if fam.faces[i].has(r) {
			return typeset.Font(i), true
		}
	}
	if fam.system != nil && len(fam.faces) < 255 {
		if f := fam.system.find(r); f != nil {
			fam.faces = append(fam.faces, f)
			return typeset.Font(len(fam.faces) - 1), true
		}
	}
	return font, false
}

// The built-in families: Noto Serif with Noto Sans Mono (the default:
// kerning, ligatures, Latin for every European language and Vietnamese,
// Greek and Cyrillic; SIL Open Font License, see builtin/OFL.txt), and
// the Go fonts.
//
//go:embed builtin/*.ttf
var notoFonts embed.FS

// Built-in family names (Config.Builtin).
const (
	Noto = "noto"
	Go   = "go"
)

var builtinFamilies struct {
	sync.Mutex
	byName map[string]*family
}

// builtinFamily returns a built-in family, parsed once: Noto (also for
// "") or Go.
func builtinFamily(name string) (*family, error) {
	builtinFamilies.Lock()
	defer builtinFamilies.Unlock()
	if name == "" {
		name = Noto
	}
	if f, ok := builtinFamilies.byName[name]; ok {
		return f, nil
	}
	type src struct {
		name string
		data []byte
	}
	var srcs []src
	switch name {
	case Go:
		srcs = []src{
			{"Go Regular", goregular.TTF}, {"Go Bold", gobold.TTF}, {"Go Italic", goitalic.TTF},
			{"Go Bold Italic", gobolditalic.TTF}, {"Go Mono", gomono.TTF}, {"Go Mono Bold", gomonobold.TTF},
		}
	case Noto:
		for _, f := range []string{"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic", "NotoSansMono-Regular", "NotoSansMono-Bold"} {
			data, err := notoFonts.ReadFile("builtin/" + f + ".ttf")
			if err != nil {
				return nil, err
			}
			srcs = append(srcs, src{strings.Replace(f, "-", " ", 1), data})
		}
	default:
		return nil, fmt.Errorf("pdf: no built-in font family %q: %s or %s", name, Noto, Go)
	}
	fam := &family{faces: make([]*Face, styles)}
	for i, s := range srcs {
		f, err := newFace(s.name, s.data)
		if err != nil {
			return nil, err
		}
		fam.faces[i] = f
	}
	if builtinFamilies.byName == nil {
		builtinFamilies.byName = map[string]*family{}
	}
	builtinFamilies.byName[name] = fam
	return fam, nil
}

func newFace(name string, data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: not a TrueType or OpenType font: %w", name, err)
	}
	fc := &Face{Name: name, Data: data, font: f, upem: int64(f.UnitsPerEm()), adv: map[rune]glyph{}}
	return fc, nil
}

// fillLow reads the advances and glyphs of the first runes.
func (f *Face) fillLow() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for r := range f.low {
		g := f.lookup(rune(r))
		f.low[r], f.lowGID[r] = g.adv, g.id
	}
}

// lowRunes is how many runes, from U+0000, have their advances in a
// table: Latin, Greek, Cyrillic and general punctuation.
const lowRunes = 0x2100

// loadFamily returns the family for the configured font files; with
// system set, characters no given font has are looked for in the
// system's fonts.
func loadFamily(fsys fs.FS, builtin string, cfg Fonts, system bool) (*family, error) {
	base, err := builtinFamily(builtin)
	if err != nil {
		return nil, err
	}
	fam := &family{faces: make([]*Face, styles)}
	if system {
		fam.system = &systemFonts{}
	}
	files := []string{cfg.Regular, cfg.Bold, cfg.Italic, cfg.BoldItalic, cfg.Mono, ""}
	for i, path := range files {
		if path == "" {
			continue
		}
		if fam.faces[i], err = cachedFace(fsys, path); err != nil {
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
		case i < int(typeset.Mono) && cfg.Regular != "":
			fam.faces[i] = fam.faces[typeset.Regular]
		default:
			fam.faces[i] = base.faces[i]
		}
	}
	for _, path := range cfg.Fallback {
		f, err := cachedFace(fsys, path)
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

// faces holds the faces read from the font files documents name, so
// that a build of many documents in the same fonts reads and parses each
// once. A face is known by its file's path on the machine, size and
// time: a changed file is read again. Fonts from a file system that is
// not the machine's (a program's own fs.FS) are read every time.
var faces struct {
	sync.Mutex
	byFile map[faceKey]*Face
}

type faceKey struct {
	path string
	size int64
	mod  time.Time
}

// maxCachedFaces bounds the faces kept: a build names a few.
const maxCachedFaces = 32

// pather is a file system on the machine's, which can tell a file's
// path (files.Root, files.Tracker).
type pather interface{ Path(name string) string }

// cachedFace is loadFace, remembered. name is a font file's name in
// fsys, or the absolute path of a font installed on the machine, with
// "#N" for a face of a collection.
func cachedFace(fsys fs.FS, name string) (*Face, error) {
	file, _ := files.SplitFace(fsys, name)
	var key faceKey
	if filepath.IsAbs(file) {
		st, err := files.StatSystemFont(file)
		if err != nil {
			return loadFace(fsys, name) // which says what is wrong
		}
		key = faceKey{name, st.Size(), st.ModTime()}
	} else if p, ok := fsys.(pather); ok && fsys != nil {
		st, err := fs.Stat(fsys, file)
		if err != nil || !st.Mode().IsRegular() || p.Path(file) == "" {
			return loadFace(fsys, name)
		}
		key = faceKey{p.Path(file) + strings.TrimPrefix(name, file), st.Size(), st.ModTime()}
	} else {
		return loadFace(fsys, name)
	}
	faces.Lock()
	f, ok := faces.byFile[key]
	faces.Unlock()
	if ok {
		return f, nil
	}
	f, err := loadFace(fsys, name)
	if err != nil {
		return nil, err
	}
	faces.Lock()
	defer faces.Unlock()
	if faces.byFile == nil || len(faces.byFile) >= maxCachedFaces {
		faces.byFile = map[faceKey]*Face{}
	}
	faces.byFile[key] = f
	return f, nil
}

// loadFace reads a font file, or one face of a collection
// ("fonts.ttc#1"): name in fsys, or the absolute path of an installed
// font.
func loadFace(fsys fs.FS, name string) (*Face, error) {
	file, index := files.SplitFace(fsys, name)
	data, err := readFont(fsys, file)
	if err != nil {
		return nil, err
	}
	if isCollection(data) {
		if data, err = collectionFace(data, index); err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", name, err)
		}
	} else if index > 0 {
		return nil, fmt.Errorf("pdf: font %s: %s is not a collection (.ttc); it has one face, #0", name, file)
	}
	f, err := newFace(name, data)
	if err != nil {
		return nil, err
	}
	switch {
	case hasTable(data, "glyf"):
	case hasTable(data, "CFF "):
		f.cff = true
		if cidKeyed(data) {
			return nil, fmt.Errorf("pdf: font %s is a CID-keyed OpenType font (CJK fonts such as Noto Sans CJK are); the PDF writer embeds CFF fonts that are not CID-keyed, and TrueType ones: use the font's TrueType (.ttf/.ttc) version", name)
		}
	case hasTable(data, "CFF2"):
		return nil, fmt.Errorf("pdf: font %s is a variable OpenType font with CFF2 outlines, which PDF 1.7 cannot embed; use a static instance (.otf) or its TrueType version", name)
	default:
		return nil, fmt.Errorf("pdf: font %s has no outlines galley can embed (no glyf or CFF table): a bitmap or colour font?", name)
	}
	if f.font.NumGlyphs() == 0 {
		return nil, fmt.Errorf("pdf: font %s has no glyphs", name)
	}
	return f, nil
}

// maxFontFile is the largest font file read: big CJK fonts are about
// 20 MB, collections of them a few times that.
const maxFontFile = 256 << 20

// readFont reads a font file: a regular file of at most maxFontFile
// bytes, name in fsys or the absolute path of an installed font. Its
// errors never quote the file.
func readFont(fsys fs.FS, name string) ([]byte, error) {
	var data []byte
	var err error
	switch {
	case filepath.IsAbs(name):
		data, _, err = files.ReadSystemFont(name, maxFontFile)
	case fsys == nil:
		return nil, fmt.Errorf("pdf: font %s: no files to read it from", name)
	default:
		data, err = files.ReadFile(fsys, name, maxFontFile)
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s %s", name, files.Describe(err))
	}
	return data, nil
}

// advance returns the advance of r in font units, or -1 if the font has
// no glyph for it.
func (f *Face) advance(r rune) int32 {
	if r >= 0 && r < lowRunes {
		f.lowOnce.Do(f.fillLow)
		return f.low[r]
	}
	return f.cached(r).adv
}

// cached returns r's glyph from the cache, looking it up the first time.
func (f *Face) cached(r rune) glyph {
	f.mu.Lock()
	defer f.mu.Unlock()
	if g, ok := f.adv[r]; ok {
		return g
	}
	g := f.lookup(r)
	f.adv[r] = g
	return g
}

// lookup reads r's glyph and its advance from the font; the caller must
// hold mu or be the only user.
func (f *Face) lookup(r rune) glyph {
	if idx, err := f.font.GlyphIndex(&f.buf, r); err == nil && idx != 0 {
		if adv, err := f.font.GlyphAdvance(&f.buf, idx, fixed.Int26_6(f.upem<<6), 0); err == nil {
			return glyph{adv: int32(adv >> 6), id: uint16(idx)}
		}
	}
	return glyph{adv: -1}
}

// has reports whether the face has a glyph for r.
func (f *Face) has(r rune) bool { return f.advance(r) >= 0 }

// Width implements typeset.Metrics: the advance of s shaped in the face
// (kerned, with its ligatures and contextual forms). A character without
// a glyph measures as the replacement character it will be drawn as.
func (fam *family) Width(font typeset.Font, size typeset.Unit, s string) typeset.Unit {
	f := fam.faces[font]
	var units int64
	if simpleText(s) {
		for _, r := range s {
			a := f.advance(r)
			if a < 0 {
				a = max(f.advance(replacement), 0)
			}
			units = int64(a)
		}
	} else {
		units = fam.shape(font, s, dirAuto).width
	}
	return typeset.Unit(units * int64(size) / f.upem)
}

// Pieces implements typeset.PieceMetrics: the widths of the pieces of
// s between the cuts (byte offsets), from s shaped whole: each glyph
// counts in the piece where its cluster starts (a kern across a cut
// counts in the piece before it).
func (fam *family) Pieces(font typeset.Font, size typeset.Unit, s string, cuts []int, out []typeset.Unit) []typeset.Unit {
	f := fam.faces[font]
	sh := fam.shape(font, s, dirAuto)
	// A cut inside a cluster (a ligature: "ef|fi" of "effi") makes
	// pieces that, drawn apart, are other glyphs: they are measured
	// apart.
	for _, c := range cuts {
		starts := false
		for _, g := range sh.glyphs {
			starts = starts || int(g.Cluster) == c
		}
		if !starts {
			last := 0
			for _, c := range cuts {
				out = append(out, fam.Width(font, size, s[last:c]))
				last = c
			}
			return append(out, fam.Width(font, size, s[last:]))
		}
	}
	units := append(fam.units[:0], make([]int64, len(cuts)+1)...)
	fam.units = units
	for _, g := range sh.glyphs {
		k, _ := slices.BinarySearch(cuts, int(g.Cluster)+1)
		units[k] += int64(g.Advance)
	}
	for _, u := range units {
		out = append(out, typeset.Unit(u*int64(size)/f.upem))
	}
	return out
}

// shape returns s shaped in face font, in direction dir; the result is
// shared and must not be changed.
func (fam *family) shape(font typeset.Font, s string, dir direction) *shaped {
	m := cacheFor(&fam.shapedBy, int(font)*2+int(dir))
	if sh, ok := m[s]; ok {
		return sh
	}
	sh := fam.faces[font].shape(s, fam.lang, dir)
	m[s] = sh
	return sh
}

// cacheFor returns map i of caches, made (or, at maxShapes entries,
// made again) where needed.
func cacheFor[V any](caches *[]map[string]V, i int) map[string]V {
	for i >= len(*caches) {
		*caches = append(*caches, nil)
	}
	m := (*caches)[i]
	if m == nil || len(m) >= maxShapes {
		m = map[string]V{}
		(*caches)[i] = m
	}
	return m
}

// spaced returns the glyphs of s shaped in face font, in direction dir,
// followed by a space's glyph, drawn at their right (the space that
// ends a word on a line, which text extraction reads); shared, not to
// be changed.
func (fam *family) spaced(font typeset.Font, s string, dir direction) []Glyph {
	m := cacheFor(&fam.spacedRuns, int(font)*2+int(dir))
	if gs, ok := m[s]; ok {
		return gs
	}
	word := fam.shape(font, s, dir).glyphs
	sp := fam.shape(font, " ", dirAuto).glyphs
	gs := make([]Glyph, 0, len(word)+len(sp))
	gs = append(gs, word...)
	for _, g := range sp {
		g.Cluster = int32(len(s))
		gs = append(gs, g)
	}
	m[s] = gs
	return gs
}

// replacement is drawn for characters a font lacks.
const replacement = '\ufffd'
