// Package font loads the fonts galley sets text in, for layout and for
// the PDF writer: TrueType and OpenType files (TrueType or CFF outlines,
// a face of a collection), read through a file system (a project's,
// confined to it) or from the fonts installed on the machine, parsed
// once and cached; the built-in families (Noto Serif with Noto Sans
// Mono, and the Go fonts); metrics; text shaped through go-text's port
// of HarfBuzz (shape.go); and what a PDF writer needs to embed a face
// (embed.go): glyph widths, descriptor metrics, subsets.
package font

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/go-text/typesetting/harfbuzz"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/galleypress/galley/pkg/files"
)

// Face is one loaded font. It is safe for use by several goroutines.
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
	// empty records, per glyph asked about, whether it has no outline.
	empty map[uint16]bool
	// shapes holds what the face shaped, under mu; features are those
	// of the text being shaped.
	shapes   map[shapeKey]*Shaped
	features []harfbuzz.Feature
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

// Replacement is drawn for characters a font lacks.
const Replacement = '\ufffd'

// Parse reads a font file's data: one face (not a collection), with
// TrueType outlines or CFF ones that are not CID-keyed, and at least
// one glyph. name is for messages.
func Parse(name string, data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: not a TrueType or OpenType font: %w", name, err)
	}
	fc := &Face{Name: name, Data: data, font: f, upem: int64(f.UnitsPerEm()), adv: map[rune]glyph{}}
	switch {
	case hasTable(data, "glyf"):
	case hasTable(data, "CFF "):
		fc.cff = true
		if cidKeyed(data) {
			return nil, fmt.Errorf("pdf: font %s is a CID-keyed OpenType font (CJK fonts such as Noto Sans CJK are); the PDF writer embeds CFF fonts that are not CID-keyed, and TrueType ones: use the font's TrueType (.ttf/.ttc) version", name)
		}
	case hasTable(data, "CFF2"):
		return nil, fmt.Errorf("pdf: font %s is a variable OpenType font with CFF2 outlines, which PDF 1.7 cannot embed; use a static instance (.otf) or its TrueType version", name)
	default:
		return nil, fmt.Errorf("pdf: font %s has no outlines galley can embed (no glyf or CFF table): a bitmap or colour font?", name)
	}
	if f.NumGlyphs() == 0 {
		return nil, fmt.Errorf("pdf: font %s has no glyphs", name)
	}
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

// cache holds the faces read from the font files documents name, so
// that a build of many documents in the same fonts reads and parses each
// once. A face is known by its file's path on the machine, size and
// time: a changed file is read again. Fonts from a file system that is
// not the machine's (a program's own fs.FS) are read every time.
var cache struct {
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

// Open reads a face: name is a font file's name in fsys, or the
// absolute path of a font installed on the machine, with "#N" for a
// face of a collection ("fonts.ttc#1"). Faces read from the machine's
// file system are cached by path, size and time.
func Open(fsys fs.FS, name string) (*Face, error) {
	file, _ := files.SplitFace(fsys, name)
	var key faceKey
	if filepath.IsAbs(file) {
		st, err := files.StatSystemFont(file)
		if err != nil {
			return load(fsys, name) // which says what is wrong
		}
		key = faceKey{name, st.Size(), st.ModTime()}
	} else if p, ok := fsys.(pather); ok && fsys != nil {
		st, err := fs.Stat(fsys, file)
		if err != nil || !st.Mode().IsRegular() || p.Path(file) == "" {
			return load(fsys, name)
		}
		key = faceKey{p.Path(file) + strings.TrimPrefix(name, file), st.Size(), st.ModTime()}
	} else {
		return load(fsys, name)
	}
	cache.Lock()
	f, ok := cache.byFile[key]
	cache.Unlock()
	if ok {
		return f, nil
	}
	f, err := load(fsys, name)
	if err != nil {
		return nil, err
	}
	cache.Lock()
	defer cache.Unlock()
	if cache.byFile == nil || len(cache.byFile) >= maxCachedFaces {
		cache.byFile = map[faceKey]*Face{}
	}
	cache.byFile[key] = f
	return f, nil
}

// load reads a font file, or one face of a collection, as Open does,
// without the cache.
func load(fsys fs.FS, name string) (*Face, error) {
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
	return Parse(name, data)
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

// Advance returns the advance of r in font units, or -1 if the font has
// no glyph for it.
func (f *Face) Advance(r rune) int32 {
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

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool { return f.Advance(r) >= 0 }

// Upem returns the face's units per em.
func (f *Face) Upem() int { return int(f.upem) }

// NumGlyphs returns how many glyphs the face has.
func (f *Face) NumGlyphs() int { return f.font.NumGlyphs() }
