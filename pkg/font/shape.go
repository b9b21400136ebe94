package font

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	gotext "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"

	"github.com/galleypress/galley/pkg/internal/bidi"
)

// Shaping: a piece of text becomes the glyphs a face draws it with,
// through go-text/typesetting's port of HarfBuzz. The font's GSUB and
// GPOS (or kern) tables choose and place the glyphs: kerning, standard
// ligatures, contextual forms, Arabic joining, Indic reordering and
// conjuncts, mark positioning. A family caches shaped text per face,
// direction and text: a document's words repeat, and the line breaker
// measures each piece of a word many times.

// Glyph is a shaped glyph: its id in the face, its advance and offsets in
// the face's units (Face.Upem to the em), and the byte offset in the
// run's text of the cluster it belongs to: the characters it draws, with
// the other glyphs of the same cluster.
type Glyph struct {
	ID              uint16
	Advance, DX, DY int32
	Cluster         int32
}

// Shaped is a piece of text shaped in one face: its glyphs in the order
// they are drawn, left to right, and their advances' sum.
type Shaped struct {
	Glyphs []Glyph
	Width  int64
}

// MaxShapes bounds a face's cache of shaped text (and a user's, such as
// a layout's per face and direction): a long book has some tens of
// thousands of distinct words; beyond this the cache starts over.
const MaxShapes = 1 << 17

// hbFont returns the face as HarfBuzz's font, parsed the first time; the
// caller holds mu.
func (f *Face) hbFont() *harfbuzz.Font {
	if f.hb == nil && !f.hbFailed {
		ff, err := gotext.ParseTTF(bytes.NewReader(f.Data))
		if err != nil {
			f.hbFailed = true
			return nil
		}
		f.hb = harfbuzz.NewFont(ff)
		f.hbuf = harfbuzz.NewBuffer()
	}
	return f.hb
}

// Shape returns text shaped in the face, for language lang: each script
// run in its script's direction, or, rtl, all of it right to left (as a
// resolved bidi level says). Glyphs the face lacks are its replacement
// character's glyph (the cluster still tells what they stand for). The
// face caches what it shaped, for the documents set after it in the same
// process (a build of many); the result is shared and must not be
// changed.
func (f *Face) Shape(text string, lang language.Language, rtl bool) *Shaped {
	return f.ShapeFeatures(text, lang, rtl, "")
}

// ShapeFeatures is Shape with OpenType features turned on or off, as
// HarfBuzz writes them, space-separated: "onum tnum" (old-style and
// tabular figures), "-liga" (no standard ligatures). A feature the face
// lacks does nothing; one that does not parse is left out (CheckFeatures
// tells).
func (f *Face) ShapeFeatures(text string, lang language.Language, rtl bool, features string) *Shaped {
	key := shapeKey{text, lang, rtl, features}
	f.mu.Lock()
	defer f.mu.Unlock()
	if s, ok := f.shapes[key]; ok {
		return s
	}
	f.features = parseFeatures(features)
	s := f.shapeSafely(text, lang, rtl)
	if f.shapes == nil || len(f.shapes) >= MaxShapes {
		f.shapes = map[shapeKey]*Shaped{}
	}
	f.shapes[key] = s
	return s
}

type shapeKey struct {
	text     string
	lang     language.Language
	rtl      bool
	features string
}

// parseFeatures parses HarfBuzz's feature syntax, space-separated,
// leaving out what does not parse.
func parseFeatures(s string) []harfbuzz.Feature {
	var out []harfbuzz.Feature
	for _, w := range strings.Fields(s) {
		if ft, err := harfbuzz.ParseFeature(w); err == nil {
			out = append(out, ft)
		}
	}
	return out
}

// CheckFeatures reports the first of space-separated OpenType features
// that does not parse ("onum", "-liga", "ss01" are fine).
func CheckFeatures(s string) error {
	for _, w := range strings.Fields(s) {
		if _, err := harfbuzz.ParseFeature(w); err != nil || !featureTag.MatchString(strings.TrimLeft(w, "+-")) {
			return fmt.Errorf("%q is not an OpenType feature: four letters or digits (onum, tnum, smcp, ss01), - before it to turn it off", w)
		}
	}
	return nil
}

var featureTag = regexp.MustCompile(`^[a-z0-9]{4}$`)

// shapeSafely is shapeLocked, but a font that makes the shaper fail
// (a damaged or hostile table it did not catch) is shaped without it
// from then on, a glyph a character; the caller holds mu.
func (f *Face) shapeSafely(text string, lang language.Language, rtl bool) (s *Shaped) {
	defer func() {
		if recover() != nil {
			f.hb, f.hbuf, f.hbFailed = nil, nil, true
			s = f.shapeLocked(text, lang, rtl)
		}
	}()
	return f.shapeLocked(text, lang, rtl)
}

// shapeLocked shapes text, script run by script run; the caller holds
// mu.
func (f *Face) shapeLocked(text string, lang language.Language, rtl bool) *Shaped {
	out := &Shaped{}
	hb := f.hbFont()
	if hb == nil {
		// A face HarfBuzz cannot read (sfnt could): a glyph a
		// character, by the cmap.
		for i, r := range text {
			g := f.lookup(r)
			out.Glyphs = append(out.Glyphs, Glyph{ID: g.id, Advance: g.adv, Cluster: int32(i)})
			out.Width += int64(g.adv)
		}
		return out
	}
	// The runes, and the byte offset of each, for the clusters.
	runes, offs := f.runes[:0], f.offs[:0]
	for k, r := range text {
		runes = append(runes, r)
		offs = append(offs, int32(k))
	}
	offs = append(offs, int32(len(text)))
	runs := splitScripts(runes, f.runs[:0])
	f.runes, f.offs, f.runs = runes, offs, runs
	out.Glyphs = make([]Glyph, 0, len(runes))
	for i := range runs {
		// In a right-to-left piece the script runs go right to left
		// too.
		r := runs[i]
		if rtl {
			r = runs[len(runs)-1-i]
		}
		d := harfbuzz.LeftToRight
		switch {
		case rtl, r.rtl:
			d = harfbuzz.RightToLeft
		}
		buf := f.hbuf
		buf.Clear()
		buf.Props.Direction = d
		buf.Props.Script = r.script
		buf.Props.Language = lang
		buf.AddRunes(runes, r.start, r.end-r.start)
		buf.Shape(hb, f.features)
		first := len(out.Glyphs)
		for i, info := range buf.Info {
			pos := buf.Pos[i]
			g := Glyph{ID: uint16(info.Glyph), Advance: int32(pos.XAdvance), DX: int32(pos.XOffset), DY: int32(pos.YOffset), Cluster: offs[info.Cluster]}
			if d == harfbuzz.LeftToRight && len(out.Glyphs) > first && g.Advance == 0 && g.ID != 0 && f.emptyGlyph(hb, g.ID) {
				// A glyph that draws nothing and takes no room (a
				// font's dummy mark, which its substitutions leave):
				// left out, its characters read with the glyph
				// before, as PDF/UA asks of glyphs drawn.
				continue
			}
			if g.ID == 0 {
				// A character the face lacks: its replacement glyph.
				rep := f.lookup(Replacement)
				if rep.adv >= 0 {
					g.ID, g.Advance = rep.id, rep.adv
				}
			}
			out.Glyphs = append(out.Glyphs, g)
			out.Width += int64(g.Advance)
		}
	}
	return out
}

// emptyGlyph reports whether glyph id of the face has no outline.
func (f *Face) emptyGlyph(hb *harfbuzz.Font, id uint16) bool {
	if e, ok := f.empty[id]; ok {
		return e
	}
	o, ok := hb.Face().GlyphDataOutline(gotext.GID(id))
	e := ok && len(o.Segments) == 0
	if f.empty == nil {
		f.empty = map[uint16]bool{}
	}
	f.empty[id] = e
	return e
}

// scriptRun is a run of text in one script.
type scriptRun struct {
	start, end int
	script     language.Script
	rtl        bool
}

// splitScripts cuts text into runs of one script each: characters of
// no script of their own (spaces, punctuation, digits, combining marks)
// go with the run they are in, or, at the start, with the first run.
func splitScripts(runes []rune, out []scriptRun) []scriptRun {
	cur := scriptRun{script: language.Common}
	for i, r := range runes {
		sc := language.LookupScript(r)
		if sc == language.Common || sc == language.Inherited || sc == language.Unknown || sc == cur.script {
			continue
		}
		if cur.script == language.Common {
			cur.script = sc
			continue
		}
		cur.end = i
		out = append(out, cur)
		cur = scriptRun{start: i, script: sc}
	}
	cur.end = len(runes)
	out = append(out, cur)
	for i := range out {
		out[i].rtl = rtlScript(out[i].script, runes[out[i].start:out[i].end])
	}
	return out
}

// rtlScript reports whether a script runs right to left, by the first
// strong character of a run of it.
func rtlScript(sc language.Script, runes []rune) bool {
	for _, r := range runes {
		if d := bidi.Of(r); d != bidi.Neutral {
			return d == bidi.RTL
		}
	}
	return false
}
