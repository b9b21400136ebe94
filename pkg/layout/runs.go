package layout

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/font"
	"github.com/galleypress/galley/pkg/internal/bidi"
	"github.com/galleypress/galley/pkg/internal/mathml"
	"github.com/galleypress/galley/pkg/theme"
	"github.com/galleypress/galley/pkg/wordbreak"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/typeset"
)

type unit = typeset.Unit

const pt = typeset.Pt

// box kinds drawn by the emitter for typeset.VBox elements.
type (
	ruleBox  struct{ Width unit }
	imageBox struct {
		Picture       *Picture
		Width, Height unit
		Src           string
		Elem          *StructElem
	}
)

func (r ruleBox) String() string  { return "rule " + r.Width.String() }
func (i imageBox) String() string { return fmt.Sprintf("image %s %sx%s", i.Src, i.Width, i.Height) }

// ctx is where blocks are set: the indent, the measure and the type.
type ctx struct {
	x, width unit
	size     unit // body size
	leading  unit
	font     typeset.Face
	ragged   bool
	hyphens  bool
	indent   unit // the first line's indent
}

// layout turns a document into the vertical list of the page builder.
type layout struct {
	theme  *theme.Theme
	colors pdfColors
	// logos are the theme's header, footer and title page logos, and
	// its title page's image, if any.
	logos [4]*Picture
	// colWidth and colGap are the body's columns' width and the space
	// between them when a theme sets it in two (colWidth 0: one);
	// inColumns is set while the body is laid out.
	colWidth, colGap unit
	inColumns        bool
	cfg              *Config
	// fitted holds the running headers fit has shortened.
	fitted map[fitKey]string
	fam    *family
	g      geometry
	d      *doc.Document
	host   Host
	hyph   typeset.Hyphenator
	// lang is the language of the text being set: the document's, or a
	// part's in another (a Div's); hyphs caches each language's
	// hyphenator.
	lang    string
	hyphs   map[string]typeset.Hyphenator
	docHyph typeset.Hyphenator // the document's language's
	// lastHeading is the level of the last heading element made.
	lastHeading int
	// words finds where Thai words meet: the machine's word list, nil
	// when there is none or the document has no Thai.
	words *wordbreak.Dictionary
	elems []typeset.Elem
	// keep counts the lines that must still follow a heading before a
	// page may break.
	keep  int
	notes []*doc.Note
	// refs are the Link elements of the notes' references, so that a
	// footnote is read right after its reference.
	refs  map[*doc.Note]*StructElem
	place string // where text is being set, for warnings
	// missing records characters without a glyph and the first places
	// each occurs; missingCount counts them, missingPlaces lists the
	// places in order.
	missing       map[rune][]string
	missingCount  map[rune]int
	missingPlaces []string
	images        *imageSet
	err           error
	// deepWarned and wideWarned record that the warning about nesting
	// too deep to indent, and tables too wide to set, were given.
	deepWarned, wideWarned bool
	// mathWarned records that formulas were reported set as TeX.
	mathWarned bool
	// noAlt lists the images that have neither alternative text nor
	// a caption.
	noAlt []string
	// root is the document's logical structure; cur the element being
	// set.
	root, cur *StructElem
	// landscape is set while a table is set for landscape pages.
	landscape bool
	// measuring is set while text is measured, not set: runs then
	// leave the notes and the structure alone.
	measuring bool
	// src is the part of the document being set: lines and boxes pushed
	// get it as their Src, for the page breaks (see Document.Breaks).
	src source
	// recipes records how paragraphs were set, and lazyLines the lines
	// whose boxes were let go until they are drawn (see recipe.go).
	recipes   []*recipe
	lazyLines map[*typeset.Line]*recipe
	// pieces is visualOrder's buffer.
	pieces []piece
	// svgFaces holds the faces SVG texts are set in, by file name (0
	// for one not found: the regular face is never one of them).
	svgFaces map[string]typeset.Face
	// svgUsed lists those faces, in order, for the warning.
	svgUsed []*font.Face
}

// source is where an element of the vertical list comes from: a node
// of the document, and a position in it as render.PageBreak counts.
type source struct {
	node doc.Node
	at   int
}

func (l *layout) fail(err error) {
	if l.err == nil {
		l.err = err
	}
}

func (l *layout) body() ctx {
	width := l.g.measure
	if l.inColumns {
		width = l.colWidth
	}
	return ctx{x: 0, width: width, size: l.g.size, leading: l.g.leading, font: typeset.Regular, hyphens: true, ragged: l.cfg.Ragged}
}

// push appends elements.
func (l *layout) push(e ...typeset.Elem) {
	for i := range e {
		if e[i].Src == nil && (e[i].Kind == typeset.VLine || e[i].Kind == typeset.VBox) && l.src.node != nil {
			e[i].Src = l.src
		}
	}
	l.elems = append(l.elems, e...)
}

func (l *layout) space(h unit) {
	if h <= 0 {
		return
	}
	if l.keep > 0 {
		l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: typeset.Infinity})
	}
	l.push(typeset.Elem{Kind: typeset.VSpace, Height: h})
}

func (l *layout) breakPage() {
	l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: -typeset.Infinity})
}

// clean prepares text for a font: characters the font lacks are
// recorded, and drawn as U+FFFD (measured as it, and read back from the
// PDF as themselves), or replaced by "?" when the font lacks U+FFFD too;
// control characters are dropped.
func (l *layout) clean(s string, f typeset.Face) string {
	face := l.fam.faces[f]
	ok := true
	for _, r := range s {
		if r < 0x20 && r != '\n' || !face.Has(r) && r != '\n' {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	keep := face.Has(font.Replacement)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		case !face.Has(r):
			l.recordMissing(r)
			if keep {
				b.WriteRune(r)
			} else {
				b.WriteByte('?')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// segment is a piece of text and the face that sets it.
type segment struct {
	text string
	font typeset.Face
}

// segments splits text set in a style into pieces, each in the first
// face that has its characters: the style's own, a fallback, a system
// font. Characters no font has are recorded and set in the style's face,
// drawn as U+FFFD (or replaced by "?"; see clean); control characters
// and variation selectors are dropped. Spaces stay with the piece they are
// in.
func (l *layout) segments(s string, style typeset.Face) []segment {
	face := l.fam.faces[style]
	simple := true
	for _, r := range s {
		if r < 0x20 && r != '\n' || r != '\n' && !face.Has(r) || r >= 0x061C && unseen(r) {
			simple = false
			break
		}
	}
	if simple {
		return []segment{{s, style}}
	}
	var out []segment
	var b strings.Builder
	cur := style
	flush := func() {
		if b.Len() > 0 {
			out = append(out, segment{b.String(), cur})
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
			continue
		case r < 0x20 || r == 0x7f:
			continue
		case unseen(r):
			continue
		case r == ' ' || r == '\u00a0':
			if l.fam.faces[cur].Has(r) {
				b.WriteRune(r)
				continue
			}
		}
		f, ok := l.fam.faceFor(r, style)
		if !ok {
			l.recordMissing(r)
			f = style
			if !l.fam.faces[style].Has(font.Replacement) {
				r = '?'
			}
		}
		if f != cur {
			flush()
			cur = f
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

// unseen reports whether r is a character that draws nothing and is
// dropped: a variation selector (an emoji's colour or text style, which
// a PDF's fonts do not have), a direction mark or embedding (the line's
// order is made by then), a word joiner or byte order mark. A font may
// map them to an empty glyph, which PDF/UA forbids drawing.
func unseen(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF || r == 0x200E || r == 0x200F || r == 0x061C ||
		r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x2060 || r == 0xFEFF
}

// cleanFallback is clean for text set with fallback faces (segments):
// control characters go, and characters no face has (the given, the
// fallbacks, the machine's) are recorded once and drawn as U+FFFD (or
// "?"), so that measuring the text again records nothing.
func (l *layout) cleanFallback(s string, f typeset.Face) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			continue
		case r == ' ':
		default:
			if _, ok := l.fam.faceFor(r, f); !ok {
				l.recordMissing(r)
				r = font.Replacement
				if !l.fam.faces[f].Has(r) {
					r = '?'
				}
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (l *layout) recordMissing(r rune) {
	l.missingCount[r]++
	places := l.missing[r]
	for _, p := range places {
		if p == l.place {
			return
		}
	}
	if len(places) < 3 {
		l.missing[r] = append(places, l.place)
	} else if places == nil {
		l.missing[r] = []string{}
	}
	if !slices.Contains(l.missingPlaces, l.place) {
		l.missingPlaces = append(l.missingPlaces, l.place)
	}
}

// missingReport describes the characters without glyphs, one line of
// bounded length for each script (the most frequent first): each
// character once with its count, the first dozen only, the first
// places they occur, and what to install or add.
func (l *layout) missingReport() []string {
	if len(l.missing) == 0 {
		return nil
	}
	byScript := map[string][]rune{}
	count := map[string]int{}
	var scripts []string
	for r := range l.missing {
		sc := scriptOf(r)
		if byScript[sc] == nil {
			scripts = append(scripts, sc)
		}
		byScript[sc] = append(byScript[sc], r)
		count[sc] += l.missingCount[r]
	}
	sort.Slice(scripts, func(i, j int) bool {
		if ci, cj := count[scripts[i]], count[scripts[j]]; ci != cj {
			return ci > cj
		}
		return scripts[i] < scripts[j]
	})
	var out []string
	for _, sc := range scripts {
		rs := byScript[sc]
		// The most frequent first; then by code point.
		sort.Slice(rs, func(i, j int) bool {
			if ci, cj := l.missingCount[rs[i]], l.missingCount[rs[j]]; ci != cj {
				return ci > cj
			}
			return rs[i] < rs[j]
		})
		const shown = 12
		var parts []string
		for _, r := range rs[:min(len(rs), shown)] {
			part := fmt.Sprintf("%q U+%04X", r, r)
			if n := l.missingCount[r]; n > 1 {
				part += fmt.Sprintf(" ×%d", n)
			}
			parts = append(parts, part)
		}
		list := strings.Join(parts, ", ")
		if len(rs) > shown {
			list += fmt.Sprintf(" and %d more", len(rs)-shown)
		}
		// The places, in the order they were met.
		var places []string
		for _, p := range l.missingPlaces {
			for _, r := range rs {
				if slices.Contains(l.missing[r], p) {
					places = append(places, p)
					break
				}
			}
		}
		where := strings.Join(places[:min(len(places), 3)], "; ")
		if len(places) > 3 {
			where += fmt.Sprintf(" and %d more places", len(places)-3)
		}
		fix := "add a font that has them with --font fallback=FILE (this build uses no fonts of the machine's: --no-system-fonts)"
		if l.fam.system != nil {
			fix = fmt.Sprintf("no font here has them: install one (Debian: %s) or add one with --font fallback=FILE", fontPackage(sc))
		}
		name := sc
		if name != "symbols" {
			name += " characters"
		}
		out = append(out, fmt.Sprintf("%d %s (%d in all) are drawn as %q: %s; in %s; %s", len(rs), name, count[sc], font.Replacement, list, where, fix))
	}
	return out
}

// fontPackage names a Debian package of fonts for a script.
func fontPackage(script string) string {
	switch script {
	case "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo":
		return "fonts-noto-cjk"
	case "symbols":
		return "fonts-symbola, fonts-noto-core"
	}
	return "fonts-noto-core"
}

// scriptNames are Unicode's scripts, sorted, for scriptOf.
var scriptNames = func() []string {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}()

// scriptOf names r's Unicode script ("Han", "Arabic"); characters of
// no one script (emoji, ⅔, arrows) are "symbols".
func scriptOf(r rune) string {
	for _, name := range scriptNames {
		if unicode.Is(unicode.Scripts[name], r) {
			switch name {
			case "Common", "Inherited":
				return "symbols"
			}
			return name
		}
	}
	return "unassigned"
}

// runs converts inlines into typeset runs in the given base style.
func (l *layout) runs(ins []doc.Inline, st typeset.Style) []typeset.Run {
	var out []typeset.Run
	var walk func([]doc.Inline, typeset.Style)
	add := func(s string, st typeset.Style) {
		if s == "" {
			return
		}
		// Each piece in the first font that has its characters.
		for _, seg := range l.segments(s, st.Font) {
			sst := st
			sst.Font = seg.font
			if n := len(out); n > 0 && out[n-1].Style == sst && out[n-1].Object == nil {
				out[n-1].Text += seg.text
				continue
			}
			out = append(out, typeset.Run{Text: seg.text, Style: sst})
		}
	}
	walk = func(ins []doc.Inline, st typeset.Style) {
		for _, in := range ins {
			switch in := in.(type) {
			case *doc.Text:
				add(in.Text, st)
			case *doc.Emph:
				s := st
				if up := s.Font.Upright(); up != s.Font {
					s.Font = up
				} else {
					s.Font = s.Font.WithItalic()
				}
				walk(in.Inlines, s)
			case *doc.Strong:
				s := st
				s.Font = s.Font.WithBold()
				walk(in.Inlines, s)
			case *doc.Strike:
				s := st
				s.Strike = true
				walk(in.Inlines, s)
			case *doc.Span:
				s := st
				if lang := in.Attr.Get("lang"); lang != "" && !sameLang(lang, l.lang) && tagOf(st) != nil {
					// Words in another language: a Span with its /Lang,
					// hyphenated by that language's patterns (or not at
					// all).
					span := &StructElem{Role: "Span", Parent: tagOf(st), Lang: lang}
					tagOf(st).Kids = append(tagOf(st).Kids, span)
					s.Tag = span
					s.Hyphenator = l.hyphenatorFor(lang)
					if s.Hyphenator == nil {
						s.Hyphenator = typeset.NoHyphens
					}
				}
				walk(in.Inlines, s)
			case *doc.Sup:
				walk(in.Inlines, script(st, true))
			case *doc.Sub:
				walk(in.Inlines, script(st, false))
			case *doc.Code:
				s := st
				s.Font = typeset.Mono
				s.Size = st.Size * 9 / 10
				add(strings.ReplaceAll(in.Text, "\n", " "), s)
			case *doc.Link:
				s := st
				if doc.SafeURL(in.URL) {
					s.Link = in.URL
					link := &StructElem{Role: "Link", Parent: tagOf(st)}
					if p := tagOf(st); p != nil {
						p.Kids = append(p.Kids, link)
					}
					s.Tag = link
				}
				walk(in.Inlines, s)
			case *doc.Image:
				pic, err := l.images.get(in.Src)
				if err != nil {
					l.fail(err)
					return
				}
				if pic == nil || pic.Height <= 0 {
					// A remote image, or one that cannot be read: its
					// alternative text stands in.
					alt := in.Alt
					if alt == "" {
						alt = in.Src
					}
					add("["+alt+"]", st)
					continue
				}
				// An image in a line is as tall as the type.
				h := st.Size
				w := unit(int64(h) * int64(pic.Width) / int64(pic.Height))
				s := st
				if alt := strings.TrimSpace(in.Alt); alt == "" {
					s.Tag = decoration{}
					if !l.measuring {
						l.noAlt = append(l.noAlt, in.Src)
					}
				} else if !l.measuring {
					fig := &StructElem{Role: "Figure", Parent: tagOf(st), Alt: alt}
					s.Tag = fig
				}
				out = append(out, typeset.Run{Style: s, Object: inlineImage{Picture: pic, Width: w, Height: h}, Width: w})
			case *doc.Note:
				if l.measuring {
					add(strconv.Itoa(in.Number), script(st, true))
					continue
				}
				l.notes = append(l.notes, in)
				s := script(st, true)
				s.Link = "#" + doc.NoteID(in.Number)
				// The raised number is a word of its own, not the end of
				// the word it follows ("Directive 1", not "Directive1"),
				// for a reader that joins what it reads.
				ref := &StructElem{Role: "Link", Parent: tagOf(st), ActualText: " " + strconv.Itoa(in.Number)}
				if p := tagOf(st); p != nil {
					p.Kids = append(p.Kids, ref)
				}
				if l.refs == nil {
					l.refs = map[*doc.Note]*StructElem{}
				}
				l.refs[in] = ref
				s.Tag = ref
				add(strconv.Itoa(in.Number), s)
			case *doc.LineBreak:
				add("\n", st)
			case *doc.Math:
				// The TeX source in the monospaced face: the PDF does
				// not typeset formulas yet (one warning per document).
				if !l.measuring && !l.mathWarned {
					l.mathWarned = true
					l.host.Warnf("%w", diag.Warnf("math-as-tex", "pdf: formulas are set as their TeX source in the monospaced face (%q first)", clipTeX(in.TeX)))
				}
				s := st
				s.Font = typeset.Mono
				s.Size = st.Size * 9 / 10
				if !l.measuring {
					// Its alternative text is the formula in words, in
					// the text's language, not the TeX.
					f := &StructElem{Role: "Formula", Parent: tagOf(st), Alt: mathml.Speech(in.TeX, l.lang)}
					if p := tagOf(st); p != nil {
						p.Kids = append(p.Kids, f)
					}
					s.Tag = f
				}
				add(strings.ReplaceAll(in.TeX, "\n", " "), s)
			case *doc.Anchor:
				// A link target: its place is the paragraph's.
			default:
				l.fail(fmt.Errorf("pdf: unsupported inline %T", in))
			}
		}
	}
	walk(ins, st)
	return out
}

// clipTeX shortens a formula for a message.
func clipTeX(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// inlineImage is an image drawn in a line of text.
type inlineImage struct {
	Picture       *Picture
	Width, Height unit
}

// tagOf returns the element a style's text belongs to.
func tagOf(st typeset.Style) *StructElem {
	e, _ := st.Tag.(*StructElem)
	return e
}

// script returns the style of superscript (up) or subscript text.
func script(st typeset.Style, up bool) typeset.Style {
	s := st
	s.Size = st.Size * 7 / 10
	if up {
		s.Rise = st.Size * 35 / 100
	} else {
		s.Rise = -st.Size * 15 / 100
	}
	return s
}

// maxPiece is how much text is broken into lines at once: a longer
// paragraph is broken a piece at a time, so that what line breaking
// holds (a few hundred bytes a word) stays bounded however long the
// paragraph (a 50 MB one held 3.6 GB). Each piece keeps the lines it
// set but its last few, whose words begin the next piece: every line
// is set as in a paragraph that goes on, and the breaks differ from
// the whole paragraph's only where a piece's lines could not see the
// next. A paragraph of 10,000 words is one piece.
var maxPiece = 64 << 10

// pieceOverlap is how many of a piece's last lines go to the next.
const pieceOverlap = 3

// paragraph sets runs and pushes the lines, with page breaks allowed
// only where they leave at least two lines on each side.
func (l *layout) paragraph(runs []typeset.Run, c ctx, marks []typeset.Mark) []*typeset.Line {
	ps := typeset.ParagraphStyle{Width: c.width, Ragged: c.ragged, Expansion: l.g.expansion, RTL: rightToLeft(runs), Indent: c.indent}
	if c.hyphens && l.hyph != nil {
		ps.Hyphenator = l.hyph
	}
	if l.words != nil {
		ps.Words = l.words
	}
	var out []*typeset.Line
	words := 0
	for first := true; ; first = false {
		piece, rest := cutRuns(runs, maxPiece)
		p := typeset.NewParagraph(l.fam, piece, ps)
		lines := p.Break()
		breaks := p.Breaks()
		p.Release()
		keep := len(lines)
		var carry []typeset.Run
		if rest != nil {
			// Keep the lines up to one that ends at a word space, with
			// a few after it; the words after it begin the next piece.
			keep = len(lines) - pieceOverlap
			for keep > 0 && !(lines[keep-1].Spaced && !lines[keep-1].Hyphenated) {
				keep--
			}
			n := 0
			for i := range keep {
				n += lines[i].Words()
				if i > 0 && !lines[i-1].Spaced && !lines[i-1].Last && lines[i].Words() > 0 {
					n-- // the word the line before broke
				}
			}
			var ok bool
			if carry, ok = skipWords(piece, n); !ok || keep == 0 {
				// The words did not match the runs (it never happens):
				// the piece is kept whole, and the next starts after it.
				keep, carry = len(lines), nil
			}
		}
		if !first {
			p := 0
			if l.keep > 0 {
				p = typeset.Infinity
			}
			l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: p})
		}
		var pushed []*typeset.Line
		pushed, words = l.pushPiece(lines[:keep], nil, c, marks, first, rest == nil, words)
		marks = nil
		l.remember(piece, ps, breaks, pushed)
		out = append(out, pushed...)
		if rest == nil || l.err != nil {
			break
		}
		runs = append(carry, rest...)
		if err := l.host.Err(); err != nil {
			l.fail(err)
			break
		}
	}
	return out
}

// loadWords reads the machine's Thai word list, or warns that Thai text
// will break only at spaces.
func (l *layout) loadWords() {
	d, _, err := wordbreak.System()
	switch {
	case err != nil:
		l.host.Warnf("%w", diag.Warnf("no-word-list", "Thai text breaks only at spaces: its word list %v", err))
	case d == nil:
		l.host.Warnf("%w", diag.Warnf("no-word-list", "Thai text breaks only at spaces: no Thai word list on this machine (on Debian: apt-get install hunspell-th)"))
	default:
		l.words = d
	}
}

// rightToLeft reports whether a paragraph runs right to left: whether
// its first strongly directed character does (rules P2 and P3 of the
// Unicode Bidirectional Algorithm).
func rightToLeft(runs []typeset.Run) bool {
	for _, r := range runs {
		if d := bidi.First(r.Text); d != bidi.Neutral {
			return d == bidi.RTL
		}
	}
	return false
}

// cutRuns cuts, from a paragraph's runs, a piece of at least limit bytes
// of text ending before a word space; rest is what follows, from that
// space, nil when the runs are short enough to be one piece.
func cutRuns(runs []typeset.Run, limit int) (piece, rest []typeset.Run) {
	size := 0
	for i, r := range runs {
		if r.Object == nil && size+len(r.Text) > limit+limit/2 {
			from := max(limit-size, 0)
			if j := strings.IndexByte(r.Text[from:], ' '); j >= 0 {
				at := from + j
				piece = append(runs[:i:i], r)
				piece[i].Text = r.Text[:at]
				tail := r
				tail.Text = r.Text[at:]
				rest = append([]typeset.Run{tail}, runs[i+1:]...)
				return piece, rest
			}
		}
		size += len(r.Text)
	}
	return runs, nil
}

// skipWords returns runs less their first n words, as Line.Words counts
// them, and the space after them; ok is false when there are not n
// words followed by a space.
func skipWords(runs []typeset.Run, n int) (rest []typeset.Run, ok bool) {
	if n == 0 {
		return runs, true
	}
	words, in := 0, false
	for i, r := range runs {
		for j, c := range r.Text {
			space := c == ' ' || c == '\t' || c == '\n' || c >= 0x80 && unicode.IsSpace(c)
			if !space && !in {
				words++
			}
			if space && in && words == n {
				if c != ' ' {
					return nil, false // a space the line breaker cannot break at
				}
				tail := r
				tail.Text = r.Text[j+1:]
				return append([]typeset.Run{tail}, runs[i+1:]...), true
			}
			in = !space
		}
	}
	return nil, false
}

// pushLines pushes lines with the given leading. With protect set, a page
// may not break after a paragraph's first line or before its last.
func (l *layout) pushLines(lines []typeset.Line, c ctx, marks []typeset.Mark, protect bool) []*typeset.Line {
	return l.pushLinesAt(lines, nil, c, marks, protect)
}

// pushLinesAt is pushLines with the position in its source of each
// line (see source): for the lines of a paragraph, heading or section
// title, nil: they are the number of the line's first word.
func (l *layout) pushLinesAt(lines []typeset.Line, at []int, c ctx, marks []typeset.Mark, protect bool) []*typeset.Line {
	out, _ := l.pushPiece(lines, at, c, marks, protect, protect, 0)
	return out
}

// pushPiece pushes the lines of a piece of a paragraph: no page breaks
// after its first line when it starts the paragraph (start), nor before
// its last when it ends it (end). words counts the paragraph's words
// before the piece; it returns them after.
func (l *layout) pushPiece(lines []typeset.Line, at []int, c ctx, marks []typeset.Mark, start, end bool, words int) ([]*typeset.Line, int) {
	var out []*typeset.Line
	n := len(lines)
	src := l.src
	for i := range lines {
		if src.node != nil {
			switch {
			case at != nil:
				src.at = at[i]
			case isText(src.node):
				// A word the previous line broke (at a hyphen, or one
				// the line breaker added) started there.
				cont := i > 0 && !lines[i-1].Spaced && !lines[i-1].Last
				src.at = words
				k := lines[i].Words()
				if cont && k > 0 {
					src.at--
					k--
				}
				words += k
			}
		}
		if i > 0 {
			p := 0
			// No widow or orphan; nothing parted from a heading; and no
			// page that ends in a hyphenated word (TeX's \brokenpenalty,
			// made absolute).
			if start && i < 2 || end && i > n-2 || l.keep > 0 || endsInHyphen(&lines[i-1]) {
				p = typeset.Infinity
			}
			l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: p})
		}
		line := &lines[i]
		e := typeset.Elem{Kind: typeset.VLine, Height: c.leading, Baseline: baseline(c), X: c.x, Line: line}
		if line.RTL {
			// A right-to-left line is aligned right.
			e.X += max(line.Width-line.End(), 0)
		}
		if src.node != nil {
			e.Src = src
		}
		if i == 0 {
			e.Marks = marks
		}
		e.Foot = l.footnotes(line) // sets notes, which have sources of their own
		l.src = src
		l.push(e)
		out = append(out, line)
		if l.keep > 0 {
			l.keep--
		}
	}
	return out, words
}

// isText reports whether a node's page breaks count words.
func isText(n doc.Node) bool {
	switch n.(type) {
	case *doc.Paragraph, *doc.Heading, *doc.Section:
		return true
	}
	return false
}

// baseline places a line's baseline in its leading: the text's height
// (about 0.8 of the size) plus half the extra leading.
func baseline(c ctx) unit {
	return c.size*8/10 + (c.leading-c.size)/2
}

// center moves the lines of the last n elements to the middle of the
// measure.
func (l *layout) center(lines []*typeset.Line, c ctx) {
	k := 0
	for i := len(l.elems) - 1; i >= 0 && k < len(lines); i-- {
		e := &l.elems[i]
		if e.Kind != typeset.VLine {
			continue
		}
		for _, ln := range lines {
			if e.Line == ln {
				e.X = c.x + (c.width-ln.End())/2
				k++
			}
		}
	}
}

// endsInHyphen reports whether a line ends in a hyphen, added or typed.
func endsInHyphen(l *typeset.Line) bool {
	if l.Hyphenated {
		return true
	}
	if len(l.Boxes) == 0 {
		return false
	}
	return strings.HasSuffix(l.Boxes[len(l.Boxes)-1].Text, "-")
}
