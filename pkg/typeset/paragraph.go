package typeset

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// Run is a piece of paragraph text in one style, or an object drawn in
// the line (an inline image): Width wide, with no text.
type Run struct {
	Text   string
	Style  Style
	Object any
	Width  Unit
}

// ParagraphStyle says how a paragraph is set.
type ParagraphStyle struct {
	// Width is the measure: the width of every line.
	Width Unit
	// Indent is the first line's indent.
	Indent Unit
	// Ragged sets the lines ragged-right instead of justified.
	Ragged bool
	// Hyphenator, if set, allows hyphenation (in the second pass).
	Hyphenator Hyphenator
	// Words, if set, finds where words meet in Thai text, which is
	// written without spaces; without it such text breaks only where
	// it must (a *wordbreak.Dictionary).
	Words WordBreaker
	// Hyphen is drawn at a hyphenated line end; empty means "-".
	Hyphen string
	// NoBreak keeps the paragraph on one line per forced break: code.
	NoBreak bool
	// Expansion lets justified lines scale their glyphs horizontally by
	// up to this share (0.02 is 2%), as pdfTeX's font expansion does, so
	// that word spaces vary less.
	Expansion float64
	// RTL marks a right-to-left paragraph (Hebrew, Arabic): its lines
	// carry the mark, for the caller, which draws them right to left and
	// aligns them right. Breaking is the same.
	RTL bool
}

// Paragraph is a paragraph turned into items, ready to be broken.
type Paragraph struct {
	Items []Item
	// hyph holds, for the second pass, the items with hyphenation
	// points added; nil if there are none.
	hyph  []Item
	style ParagraphStyle
	// breaks are where Break broke it.
	breaks []int
}

// space returns the interword glue for a style: the space's width,
// stretching by half and shrinking by a third of it, as in TeX's fonts.
func space(m Metrics, st Style) (w, stretch, shrink Unit) {
	w = m.Width(st.Font, st.Size, " ")
	if st.Font == Mono || st.Font == MonoBold {
		return w, 0, 0
	}
	return w, w / 2, w / 3
}

// Hyphenation parameters: the shortest word hyphenated, and the penalty
// of a hyphenated line end (TeX's \hyphenpenalty).
const (
	minHyphenWord = 5
	hyphenPenalty = 50
)

// NewParagraph turns runs into items. Spaces become glue (a no-break space
// becomes glue that cannot break); "\n" forces a line break; a hyphen or
// dash inside a word allows a break after it. Words longer than the
// measure get emergency break points between their letters, so that no
// line ever runs into the margin.
func NewParagraph(m Metrics, runs []Run, ps ParagraphStyle) *Paragraph {
	size := 0
	for _, r := range runs {
		size += len(r.Text)
	}
	// About a box and a glue a word; a hyphenated paragraph has half as
	// many again (the pieces, the penalties between them).
	// Words are hyphenated if the paragraph or a run has a hyphenator.
	hyph := ps.Hyphenator != nil
	for _, r := range runs {
		hyph = hyph || r.Style.Hyphenator != nil && r.Style.Hyphenator != NoHyphens
	}
	estimate := size/3 + 8
	if hyph {
		estimate = size/2 + 8
	}
	b := &builder{m: m, ps: ps, hyph: hyph, items: itemBuffer(estimate)}
	if ps.Indent > 0 {
		b.items = append(b.items, Item{Kind: BoxItem, Width: ps.Indent})
	}
	for _, r := range runs {
		b.run(r)
	}
	b.flushWord()
	b.forceBreak() // the last line is filled
	p := &Paragraph{Items: b.items, style: ps}
	if hyph && b.hyphenatable && len(b.words) > 0 {
		p.hyph = b.withHyphens()
	}
	return p
}

// items holds item arrays that released paragraphs gave back: a long
// document makes tens of thousands of paragraphs, one after the other.
var items = sync.Pool{New: func() any { return new([]Item) }}

// itemBuffer returns an empty item slice with room for n, from the pool
// if it has one.
func itemBuffer(n int) []Item {
	buf := items.Get().(*[]Item)
	if cap(*buf) >= n {
		return (*buf)[:0]
	}
	return make([]Item, 0, n)
}

// Release gives the paragraph's memory back, for the paragraphs made
// after it. The paragraph must not be used again; the lines Break
// returned stay valid.
func (p *Paragraph) Release() {
	for _, s := range [][]Item{p.Items, p.hyph} {
		if cap(s) > 0 {
			clear(s) // no pointer into the document stays in the pool
			s = s[:0]
			items.Put(&s)
		}
	}
	p.Items, p.hyph = nil, nil
}

// fill is the stretch of glue that can fill any line: \parfillskip.
const fill Unit = 1 << 48

// wordPiece is a word's text in one style.
type wordPiece struct {
	text  string
	style Style
}

type builder struct {
	m            Metrics
	ps           ParagraphStyle
	hyph         bool // the paragraph or a run has a hyphenator
	items        []Item
	word         []wordPiece // the word being collected
	words        [][2]int    // item ranges of words hyphenated at the end
	hyphenatable bool
	// tail and cuts are scratch space for hyphenateFrom, widths for
	// hyphenateBox.
	tail   []Item
	cuts   []int
	widths []Unit
	// seg finds Unicode's break opportunities; breaks holds them, thai
	// the dictionary's.
	seg          segmenter.Segmenter
	breaks, thai []int
}

func (b *builder) run(r Run) {
	if r.Object != nil {
		// An object is a box of its own, part of the word around it.
		b.flushWord()
		b.items = append(b.items, Item{Kind: BoxItem, Width: r.Width, Style: r.Style, Object: r.Object})
		return
	}
	start := 0
	for i, c := range r.Text {
		switch {
		case c == '\n':
			b.piece(r.Text[start:i], r.Style)
			b.flushWord()
			b.forceBreak()
			start = i + 1
		case c == ' ' || c == '\t' || c == '\u00a0' || c == '\u202f':
			b.piece(r.Text[start:i], r.Style)
			b.flushWord()
			b.glue(r.Style, c == '\u00a0' || c == '\u202f')
			start = i + utf8.RuneLen(c)
		}
	}
	b.piece(r.Text[start:], r.Style)
}

func (b *builder) piece(s string, st Style) {
	s = strings.ReplaceAll(s, "\u00ad", "") // soft hyphens: our hyphenation decides
	if s == "" {
		return
	}
	if n := len(b.word); n > 0 && b.word[n-1].style == st {
		b.word[n-1].text += s
		return
	}
	b.word = append(b.word, wordPiece{s, st})
}

// glue adds interword glue. In ragged paragraphs the stretch is given
// only at the line end (Knuth and Plass's ragged-right construction);
// a no-break space is preceded by an infinite penalty.
func (b *builder) glue(st Style, nobreak bool) {
	if len(b.items) == 0 || b.items[len(b.items)-1].Kind == GlueItem {
		return // no glue at the start or twice in a row
	}
	w, stretch, shrink := space(b.m, st)
	if b.ps.NoBreak {
		b.items = append(b.items, Item{Kind: BoxItem, Width: w, Style: st})
		return
	}
	if nobreak {
		b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: Infinity})
		if b.ps.Ragged {
			stretch, shrink = 0, 0
		}
		b.items = append(b.items, Item{Kind: GlueItem, Width: w, Stretch: stretch, Shrink: shrink, Style: st})
		return
	}
	if b.ps.Ragged {
		b.raggedBreak(w, st)
		return
	}
	b.items = append(b.items, Item{Kind: GlueItem, Width: w, Stretch: stretch, Shrink: shrink, Style: st})
}

// raggedStretch is the stretch at a ragged line end: three ems of 10pt.
const raggedStretch = 30 * Pt

// raggedBreak adds a break point for ragged setting: glue(0, +R),
// penalty(0), glue(w, -R). Unbroken, it nets a plain space.
func (b *builder) raggedBreak(w Unit, st Style) {
	b.items = append(b.items,
		Item{Kind: GlueItem, Stretch: raggedStretch, Style: st},
		Item{Kind: PenaltyItem},
		Item{Kind: GlueItem, Width: w, Stretch: -raggedStretch, Style: st})
}

// forceBreak ends a line: trailing glue is dropped, and the line is
// filled (TeX's \parfillskip) and broken.
func (b *builder) forceBreak() {
	for len(b.items) > 0 && b.items[len(b.items)-1].Kind == GlueItem {
		b.items = b.items[:len(b.items)-1]
	}
	b.items = append(b.items,
		Item{Kind: PenaltyItem, Penalty: Infinity},
		Item{Kind: GlueItem, Stretch: fill},
		Item{Kind: PenaltyItem, Penalty: -Infinity})
}

// flushWord turns the collected word into boxes, with break points after
// explicit hyphens and dashes, and emergency break points if it is wider
// than the measure.
func (b *builder) flushWord() {
	if len(b.word) == 0 {
		return
	}
	start := len(b.items)
	total := Unit(0)
	for _, wp := range b.word {
		total += b.m.Width(wp.style.Font, wp.style.Size, wp.text)
	}
	tooWide := !b.ps.NoBreak && b.ps.Width > 0 && total > b.ps.Width-b.ps.Indent && !b.hyphenatedFits(b.ps.Width-b.ps.Indent)
	// A word many lines long gets a break point every few letters
	// instead of after each: its lines may end a little short, but its
	// items (and the breaker's time and memory) shrink eightfold.
	step := 1
	if tooWide && total > 4*b.ps.Width {
		step = 8
	}
	// Chinese and Japanese break between characters, Thai between
	// words: a run of them is not one long word.
	cjk := false
	for _, wp := range b.word {
		if strings.IndexFunc(wp.text, isCJK) >= 0 || b.ps.Words != nil && strings.IndexFunc(wp.text, isThai) >= 0 {
			cjk = true
		}
	}
	if cjk {
		tooWide = false
	}
	url := false
	if !tooWide && !cjk {
		if len(b.word) == 1 {
			url = isURL(b.word[0].text) || longCode(b.word[0])
		} else {
			var all strings.Builder
			for _, wp := range b.word {
				all.WriteString(wp.text)
			}
			url = isURL(all.String())
		}
	}
	for _, wp := range b.word {
		switch {
		case tooWide:
			b.emergency(wp, step)
		case url:
			b.urlBreaks(wp)
		default:
			b.lineBreaks(wp)
		}
	}
	switch {
	case url: // an address is never hyphenated: a hyphen would read as part of it
	case !tooWide && b.hyph:
		// Hyphenated now, in place. A word too wide for the measure is
		// hyphenated at the end, and only if another word is.
		b.hyphenateFrom(start)
	default:
		b.words = append(b.words, [2]int{start, len(b.items)})
	}
	if !tooWide && !url {
		b.hyphenatable = true
	}
	b.word = b.word[:0]
}

// lineBreaks adds a piece as boxes, with break points where Unicode's
// line-breaking algorithm (UAX #14) allows them, tailored as a
// typesetter would: after a hyphen, dash or slash only between letters
// (a flagged penalty: the line ends in a hyphen); between Chinese or
// Japanese characters unless the kinsoku rules forbid it, with glue that
// only stretches; between Thai words, found by the dictionary; after a
// zero-width space. An ASCII word, whose only opportunities are its
// hyphens and slashes, skips the algorithm.
func (b *builder) lineBreaks(wp wordPiece) {
	s := wp.text
	if isASCII(s) {
		b.explicitHyphens(wp)
		return
	}
	b.breaks = b.opportunities(s, b.breaks[:0])
	last := 0
	var prev rune
	for _, at := range b.breaks {
		prev, _ = utf8.DecodeLastRuneInString(s[:at])
		next, _ := utf8.DecodeRuneInString(s[at:])
		switch {
		case isCJK(prev) || isCJK(next) || isThai(prev) && isThai(next):
			if strings.ContainsRune(noLineStart, next) || strings.ContainsRune(noLineEnd, prev) {
				continue
			}
			b.box(s[last:at], wp.style)
			// Justified CJK and Thai lines spread their characters and
			// words: glue that only stretches, and is no word space.
			_, stretch, _ := space(b.m, wp.style)
			b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: 0}, Item{Kind: GlueItem, Stretch: stretch / 2, Flagged: true, Style: wp.style})
		case isDash(prev):
			before, _ := utf8.DecodeLastRuneInString(s[:at-utf8.RuneLen(prev)])
			if !unicode.IsLetter(before) || !unicode.IsLetter(next) {
				continue
			}
			b.box(s[last:at], wp.style)
			b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: 50, Flagged: true})
		case isDash(next):
			continue // no line starts with a dash
		case prev == '\u200b':
			b.box(s[last:at], wp.style)
			b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: 0})
		default:
			// After an ellipsis, a question mark between words, around
			// an emoji: allowed, but not where a space would do.
			b.box(s[last:at], wp.style)
			b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: 50})
		}
		last = at
	}
	b.box(s[last:], wp.style)
}

// opportunities appends to dst the byte offsets inside s where UAX #14
// allows a line to break, with the Thai dictionary's word boundaries
// added, in increasing order.
func (b *builder) opportunities(s string, dst []int) []int {
	if err := b.seg.InitWithString(s); err != nil {
		return dst // not UTF-8: no breaks but emergency ones
	}
	it := b.seg.LineIterator()
	for it.Next() {
		if end := it.Line().OffsetInBytes + it.Line().LengthInBytes; end < len(s) {
			dst = append(dst, end)
		}
	}
	if b.ps.Words == nil {
		return dst
	}
	// Thai runs: UAX #14 leaves them to a dictionary.
	n := len(dst)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isThai(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isThai(r) {
				break
			}
			j += size
		}
		b.thai = b.ps.Words.Breaks(s[i:j], b.thai[:0])
		for _, t := range b.thai {
			dst = append(dst, i+t)
		}
		i = j
	}
	if len(dst) > n {
		sort.Ints(dst)
		dst = slices.Compact(dst)
	}
	return dst
}

// WordBreaker finds where words meet in text written without spaces.
type WordBreaker interface {
	// Breaks appends to dst the byte offsets inside s where two words
	// meet, in increasing order.
	Breaks(s string, dst []int) []int
}

// isThai reports whether r is a character of the Thai block.
func isThai(r rune) bool { return r >= 0x0E01 && r <= 0x0E5B }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isDash reports whether a line may end after r with the word it
// joins going on on the next line: a hyphen, a dash or a slash.
func isDash(r rune) bool {
	return r == '-' || r == '‐' || r == '–' || r == '—' || r == '/'
}

// explicitHyphens adds an ASCII piece as boxes, split after hyphens and
// slashes that stand between letters, with a break point there.
func (b *builder) explicitHyphens(wp wordPiece) {
	s := wp.text
	last := 0
	for i := 1; i+1 < len(s); i++ {
		if c := s[i]; c != '-' && c != '/' || !isLetter(s[i-1]) || !isLetter(s[i+1]) {
			continue
		}
		b.box(s[last:i+1], wp.style)
		b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: 50, Flagged: true})
		last = i + 1
	}
	b.box(s[last:], wp.style)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isCJK reports whether r is a Chinese, Japanese or Korean character
// between which lines may break: ideographs, kana, Hangul syllables, and
// the full-width punctuation among them.
func isCJK(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7AF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF
}

// noLineStart holds the characters a line may not start with (closing
// punctuation, small kana: the kinsoku rules); noLineEnd those it may not
// end with (opening brackets).
const (
	noLineStart = "。、，．：；！？）」』】〉》〕］｝ーぁぃぅぇぉっゃゅょァィゥェォッャュョ・…‥%)]},.:;!?"
	noLineEnd   = "（「『【〈《〔［｛([{"
)

// isURL reports whether a word is a web address or an e-mail address.
func isURL(w string) bool {
	w = strings.TrimLeft(w, "(<[\"'")
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && strings.Contains(w[at:], ".") && len(w) > 15
}

// urlPenalty is the cost of breaking a web address.
const urlPenalty = 200

// urlBreaks adds a piece of a web or e-mail address as boxes, with break
// points where The Chicago Manual of Style puts them (no hyphen is
// drawn): after a colon, a double slash, an equals sign or an ampersand;
// before a single slash, a dot, a comma, a hyphen, an underscore, a
// question mark, a number sign, a percent sign, a tilde or an at sign. So
// a long address need not stand alone on a line, nor run into the
// margin; no piece of fewer than six characters is left at its end.
func (b *builder) urlBreaks(wp wordPiece) {
	s := wp.text
	last := 0
	cut := func(at int) {
		if at-last < 2 || len(s)-at < 6 {
			return
		}
		b.box(s[last:at], wp.style)
		// A break, and nothing else: no glue that would stretch, in a
		// justified line, into gaps inside the address that a reader
		// (and pdftotext) takes for spaces.
		b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: urlPenalty})
		last = at
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '/' && s[i-1] == '/':
			cut(i + 1)
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			// the first of "//": the break comes after both
		case c == ':' || c == '=' || c == '&':
			cut(i + 1)
		case c == '/' || c == '.' || c == ',' || c == '-' || c == '_' || c == '?' || c == '#' || c == '%' || c == '~' || c == '@':
			cut(i)
		}
	}
	b.box(s[last:], wp.style)
}

// longCode reports whether a word is a long piece of code (in the
// monospaced face, 16 characters or more): it breaks as an address does,
// at its punctuation ("std::collections::HashMap", "config.load_file"),
// so that the line before it need not stretch to make room.
func longCode(wp wordPiece) bool {
	return (wp.style.Font == Mono || wp.style.Font == MonoBold) && utf8.RuneCountInString(wp.text) >= 16
}

// emergency adds a piece of a word wider than the measure as boxes of
// step characters with costly break points between them. They are not
// flagged: no hyphen is drawn there, so they do not count as hyphenated
// lines (a word of a thousand letters must fill many lines in a row).
func (b *builder) emergency(wp wordPiece, step int) {
	start, n := 0, 0
	for i, r := range wp.text {
		if n > 0 && n%step == 0 && !joins(r) {
			b.emergencyBox(wp.text[start:i], wp.style)
			start = i
		}
		n++
	}
	b.emergencyBox(wp.text[start:], wp.style)
}

// joins reports whether r belongs with the character before it, so
// that no line may break before it: a combining mark (a Thai or Indic
// vowel sign, an accent), a joiner, a variation selector.
func joins(r rune) bool {
	return r == '\u200d' || r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF ||
		r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

func (b *builder) emergencyBox(s string, st Style) {
	if s == "" {
		return
	}
	if len(b.items) > 0 && b.items[len(b.items)-1].Kind == BoxItem {
		b.items = append(b.items, Item{Kind: PenaltyItem, Penalty: 1000})
	}
	b.box(s, st)
}

func (b *builder) box(s string, st Style) {
	if s == "" {
		return
	}
	b.items = append(b.items, b.textBox(s, st))
}

// textBox returns a box for text; in justified text it may stretch and
// shrink by the paragraph's expansion.
func (b *builder) textBox(s string, st Style) Item {
	return b.sizedBox(s, st, b.m.Width(st.Font, st.Size, s))
}

// sizedBox is textBox for text measured already: w wide.
func (b *builder) sizedBox(s string, st Style, w Unit) Item {
	it := Item{Kind: BoxItem, Width: w, Text: s, Style: st}
	if b.ps.Expansion > 0 && !b.ps.Ragged && !b.ps.NoBreak && st.Font != Mono && st.Font != MonoBold {
		it.Stretch = Unit(float64(w) * b.ps.Expansion)
		it.Shrink = it.Stretch
	}
	return it
}

// hyphenateFrom adds discretionary hyphens inside the boxes from
// b.items[start] on: the word just added.
func (b *builder) hyphenateFrom(start int) {
	hyphen := b.ps.Hyphen
	if hyphen == "" {
		hyphen = "-"
	}
	n := len(b.items) - start
	b.tail = append(b.tail[:0], b.items[start:]...)
	b.items = b.items[:start]
	for k := 0; k < n; k++ {
		it := b.tail[k]
		if !hyphenatable(&it) {
			b.items = append(b.items, it)
			continue
		}
		b.cuts = b.hyphenCuts(it.Text, it.Style, b.cuts[:0], 16)
		b.items = b.hyphenateBox(b.items, it, hyphen, b.cuts)
	}
	clear(b.tail)
}

// hyphenatable reports whether an item is a box the hyphenator may
// break: not code, not a link.
func hyphenatable(it *Item) bool {
	return it.Kind == BoxItem && it.Style.Font != Mono && it.Style.Font != MonoBold && it.Style.Link == ""
}

// withHyphens returns the items with discretionary hyphens added inside
// the words the hyphenator knows. The hyphenation points are found
// first, so that the items are made in a slice of the right size.
func (b *builder) withHyphens() []Item {
	hyphen := b.ps.Hyphen
	if hyphen == "" {
		hyphen = "-"
	}
	// cuts holds every hyphenatable box's points, in order; counts how
	// many each box has.
	var cuts, counts []int
	perCut := 2 // a piece of the word and a penalty
	if b.ps.Ragged {
		perCut = 5 // and glue around the penalty
	}
	size := len(b.items)
	for _, r := range b.words {
		for k := r[0]; k < r[1]; k++ {
			if it := &b.items[k]; hyphenatable(it) {
				before := len(cuts)
				cuts = b.hyphenCuts(it.Text, it.Style, cuts, before+16)
				counts = append(counts, len(cuts)-before)
				size += perCut * (len(cuts) - before)
			}
		}
	}
	out := itemBuffer(size)
	next, box := 0, 0 // the next word range; the next hyphenatable box
	for i := 0; i < len(b.items); i++ {
		if next < len(b.words) && b.words[next][0] == i {
			r := b.words[next]
			next++
			for k := r[0]; k < r[1]; k++ {
				it := b.items[k]
				if !hyphenatable(&it) {
					out = append(out, it)
					continue
				}
				n := counts[box]
				box++
				out = b.hyphenateBox(out, it, hyphen, cuts[:n])
				cuts = cuts[n:]
			}
			i = r[1] - 1
			continue
		}
		out = append(out, b.items[i])
	}
	return out
}

// hyphenCuts appends to cuts the byte offsets in s, set in st, of the
// hyphenation points of the letter runs inside it: "(Oekraïne),"
// hyphenates "Oekraïne". At most max are returned.
func (b *builder) hyphenCuts(s string, st Style, cuts []int, maxCuts int) []int {
	h := b.ps.Hyphenator
	if st.Hyphenator != nil {
		h = st.Hyphenator
	}
	if h == nil {
		return cuts
	}
	runStart := -1
	flush := func(end int) {
		if runStart < 0 {
			return
		}
		word := s[runStart:end]
		if len(word) >= minHyphenWord && utf8.RuneCountInString(word) >= minHyphenWord && !allUpper(word) {
			pts := h.Points(word)
			k, ri := 0, 0
			for bi := range word {
				if k < len(pts) && ri == pts[k] {
					if len(cuts) < maxCuts {
						cuts = append(cuts, runStart+bi)
					}
					k++
				}
				ri++
			}
		}
		runStart = -1
	}
	for i, c := range s {
		if unicode.IsLetter(c) {
			if runStart < 0 {
				runStart = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return cuts
}

// hyphenateBox appends a box to out, split at its hyphenation points.
func (b *builder) hyphenateBox(out []Item, it Item, hyphen string, cuts []int) []Item {
	s := it.Text
	if len(cuts) == 0 {
		return append(out, it)
	}
	hw := b.m.Width(it.Style.Font, it.Style.Size, hyphen)
	var widths []Unit
	if pm, ok := b.m.(PieceMetrics); ok {
		b.widths = pm.Pieces(it.Style.Font, it.Style.Size, s, cuts, b.widths[:0])
		widths = b.widths
	}
	last := 0
	box := func(k, from, to int) Item {
		if widths != nil {
			return b.sizedBox(s[from:to], it.Style, widths[k])
		}
		return b.textBox(s[from:to], it.Style)
	}
	for k, c := range cuts {
		out = append(out, box(k, last, c))
		if b.ps.Ragged {
			// The line that ends at the hyphen may fall short: glue
			// that stretches, which must not be a break itself (a glue
			// after a box is), or the word would break without its
			// hyphen.
			out = append(out, Item{Kind: PenaltyItem, Penalty: Infinity}, Item{Kind: GlueItem, Stretch: raggedStretch, Style: it.Style})
		}
		out = append(out, Item{Kind: PenaltyItem, Width: hw, Penalty: hyphenPenalty, Flagged: true, Text: hyphen, Style: it.Style})
		if b.ps.Ragged {
			out = append(out, Item{Kind: GlueItem, Stretch: -raggedStretch, Style: it.Style})
		}
		last = c
	}
	return append(out, box(len(cuts), last, len(s)))
}

// hyphenatedFits reports whether a word wider than the measure fits it
// once hyphenated: each of its pieces between hyphenation points (or
// hyphens) is, with its hyphen, no wider than the measure. Such a word
// is hyphenated, not broken anywhere.
func (b *builder) hyphenatedFits(width Unit) bool {
	if !b.hyph {
		return false
	}
	hyphen := b.ps.Hyphen
	if hyphen == "" {
		hyphen = "-"
	}
	var cuts []int
	for _, wp := range b.word {
		cuts = b.hyphenCuts(wp.text, wp.style, cuts[:0], 1<<20)
		for i, c := range wp.text {
			if (c == '-' || c == '–' || c == '—' || c == '/') && i > 0 {
				cuts = append(cuts, i+utf8.RuneLen(c))
			}
		}
		sort.Ints(cuts)
		hw := b.m.Width(wp.style.Font, wp.style.Size, hyphen)
		last := 0
		for _, c := range append(cuts, len(wp.text)) {
			if c <= last {
				continue
			}
			w := b.m.Width(wp.style.Font, wp.style.Size, wp.text[last:c])
			if c < len(wp.text) {
				w += hw
			}
			if w > width {
				return false
			}
			last = c
		}
	}
	return true
}

// Widths returns the paragraph's minimum width, its widest piece that
// no line break can split (with its hyphen when a hyphenation point
// ends it), and its natural width, all of it on one line. Make the
// paragraph with a measure wider than any word, or the emergency break
// points that words wider than the measure get count as breaks.
func (p *Paragraph) Widths() (minimum, natural Unit) {
	items := p.Items
	if p.hyph != nil {
		items = p.hyph
	}
	var piece Unit
	broken := false // glue after a break starts no piece: it is dropped
	for i, it := range items {
		switch it.Kind {
		case BoxItem:
			piece += it.Width
			natural += it.Width
			broken = false
		case GlueItem:
			if it.Stretch >= fill {
				continue
			}
			natural += it.Width
			switch {
			case i > 0 && items[i-1].Kind == BoxItem:
				minimum, piece, broken = max(minimum, piece), 0, true
			case !broken:
				piece += it.Width // a space that cannot break
			}
		case PenaltyItem:
			if it.Penalty < Infinity {
				minimum, piece, broken = max(minimum, piece+it.Width), 0, true
			}
		}
	}
	return max(minimum, piece), natural
}

func allUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// Text returns the paragraph's text, for tests and dumps.
func (p *Paragraph) Text() string {
	var sb strings.Builder
	for _, it := range p.Items {
		switch it.Kind {
		case BoxItem:
			sb.WriteString(it.Text)
		case GlueItem:
			if it.Width > 0 {
				sb.WriteByte(' ')
			}
		}
	}
	return sb.String()
}
