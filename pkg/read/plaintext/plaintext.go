// Package plaintext reads plain text as people really have it and recovers
// its structure: headings, paragraphs, lists, verbatim blocks and note
// markers.
//
// Two styles are recognised, and chosen per document unless
// Config.Style names one:
//
//   - Lines: one line per paragraph, as text scraped from web pages comes.
//     A short line without closing punctuation is a heading; a numbered
//     one ("2.1 Beleidsprioriteiten") keeps its number. Headings that the
//     scrape glued onto their paragraph ("OekraïneOekraïne strijdt …") are
//     split off, as are paragraphs glued at a sentence end ("landen.De").
//   - Wrapped: hard-wrapped at about 72 columns, as licences, RFCs and
//     e-texts are. Lines are joined into paragraphs; centred, ALL-CAPS,
//     underlined and numbered short lines become headings; bulleted,
//     numbered and lettered items become lists; indented blocks stay
//     verbatim.
//
// In both styles a digit glued to the end of a word ("landen1.") is a
// note marker when it continues the document's count of markers; it
// becomes a superscript. Every decision is reported through
// read.Options.Log, so that a user can check it and override it with
// Config.NotHeadings or read.Options.Drop.
package plaintext

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"index/suffixarray"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
)

// Style is a plain-text layout.
type Style int

// Styles of plain text.
const (
	Auto    Style = iota // decide from the text
	Lines                // one line per paragraph
	Wrapped              // hard-wrapped lines, paragraphs separated by blank lines
)

func (s Style) String() string {
	switch s {
	case Lines:
		return "lines"
	case Wrapped:
		return "wrapped"
	}
	return "auto"
}

// ParseStyle parses "auto", "lines" or "wrapped".
func ParseStyle(s string) (Style, error) {
	switch s {
	case "", "auto":
		return Auto, nil
	case "lines":
		return Lines, nil
	case "wrapped":
		return Wrapped, nil
	}
	return Auto, fmt.Errorf("plaintext: unknown style %q (known: auto, lines, wrapped)", s)
}

// Config configures a Reader. The zero value is the default.
type Config struct {
	Style Style `option:"style" flag:"text-style" default:"auto" choices:"auto,lines,wrapped" help:"plain-text layout: auto, lines (one line per paragraph) or wrapped"`
	// NotHeadings lists texts that must not become headings: a line, or
	// the heading part of a glued line, equal to one of them (ignoring
	// surrounding space) stays in its paragraph.
	NotHeadings []string `option:"not-headings" flag:"not-heading" help:"plain text: the line TEXT is not a heading (repeatable)"`
	// NoNoteMarkers keeps digits glued to words as they are.
	NoNoteMarkers bool `option:"no-note-markers" help:"plain text: keep digits glued to words as they are, not as note markers"`
}

// Reader reads plain text.
type Reader struct{ cfg Config }

// Config returns a copy of the reader's configuration; see
// read.Configurable.
func (r *Reader) Config() any { c := r.cfg; return &c }

// WithConfig returns a reader with cfg, a *Config.
func (r *Reader) WithConfig(cfg any) read.Reader { return New(*cfg.(*Config)) }

// UnmarshalText parses a style: auto, lines or wrapped.
func (s *Style) UnmarshalText(b []byte) error {
	st, err := ParseStyle(string(b))
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "plaintext: "))
	}
	*s = st
	return nil
}

// New returns a plain-text reader.
func New(cfg Config) *Reader { return &Reader{cfg: cfg} }

func init() {
	read.Register(read.Format{Name: "text", Exts: []string{".txt", ".text"}, Aliases: []string{"plain", "plaintext"}}, New(Config{}))
}

// line is one input line with its 1-based number.
type line struct {
	n    int
	text string
}

// Read implements read.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader, opts *read.Options) (*doc.Document, error) {
	if opts == nil {
		opts = &read.Options{}
	}
	var lines []line
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimRight(sc.Text(), " \t\r")
		t = strings.ReplaceAll(t, "\t", "    ")
		if opts.Dropped(t) && t != "" {
			opts.Logf(n, "line dropped (--drop-line)")
			continue
		}
		lines = append(lines, line{n, t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("plaintext: %w", err)
	}
	style := r.cfg.Style
	if style == Auto {
		style = detectStyle(lines)
		opts.Logf(0, "reading as %s text", style)
	}
	p := &parser{cfg: r.cfg, opts: opts}
	var blocks []block
	if style == Lines {
		blocks = p.lineBlocks(lines)
	} else {
		blocks = p.wrappedBlocks(lines)
	}
	return p.build(blocks), nil
}

// detectStyle calls text with many long lines one-line-per-paragraph.
func detectStyle(lines []line) Style {
	long, total := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		total++
		if utf8.RuneCountInString(l.text) > 100 {
			long++
		}
	}
	if total > 0 && long*4 >= total {
		return Lines
	}
	return Wrapped
}

// kind is what a block was recognised as.
type kind int

const (
	kPara kind = iota
	kHeading
	kVerbatim
	kList
	kTitle
)

// block is an intermediate block: a heading with its rank, or a finished
// doc.Block.
type block struct {
	kind kind
	line int
	// For headings: text, number and a rank. Ranks order heading kinds
	// from the most to the least important; levels are assigned from the
	// ranks present in the document. For a title, number holds the
	// subtitle.
	text   string
	number string
	rank   int
	b      doc.Block
	// inlineText is paragraph text still to be scanned for inlines.
	inlineText string
}

// Heading ranks: headings of one rank are peers. Lines in capitals,
// centred lines and lines underlined with '=' are the top rank; lines
// underlined with '-' and chapter or article lines rank with numbered
// headings of depth 1 ("3. Scope."); deeper numbers rank lower. In the
// one-line-per-paragraph style, short lines rank below numbered ones and
// glued headings below short lines.
const (
	rankTop             = 10
	rankUnderlineDouble = rankTop
	rankCentered        = rankTop
	rankCaps            = rankTop
	rankNumbered        = 50 // + depth
	rankUnderlineSingle = rankNumbered + 1
	rankShort           = 70
	rankGlued           = 80
)

type parser struct {
	cfg     Config
	opts    *read.Options
	nextRef int // the next note marker number expected
}

func (p *parser) notHeading(s string) bool {
	s = strings.TrimSpace(s)
	for _, n := range p.cfg.NotHeadings {
		if s == strings.TrimSpace(n) {
			return true
		}
	}
	return false
}

var numbered = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s+(\S.*)$`)

// lineBlocks reads the one-line-per-paragraph style.
func (p *parser) lineBlocks(lines []line) []block {
	all := make([]string, len(lines))
	for i, l := range lines {
		all[i] = l.text
	}
	whole := strings.Join(all, "\n")
	// The glued-word test counts a word's occurrences in the whole text;
	// a suffix array, built at the first candidate, answers each count
	// in logarithmic time instead of a scan of the text.
	var index *suffixarray.Index
	elsewhere := func(token string) bool {
		if index == nil {
			index = suffixarray.New([]byte(whole))
		}
		return len(index.Lookup([]byte(token), 2)) > 1
	}
	var out []block
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		last := true
		for _, m := range lines[i+1:] {
			if strings.TrimSpace(m.text) != "" {
				last = false
				break
			}
		}
		if !last && !p.notHeading(t) {
			if m := numbered.FindStringSubmatch(t); m != nil && isShortHeading(m[2]) {
				depth := strings.Count(m[1], ".") + 1
				p.opts.Logf(l.n, "heading %q: a short numbered line (number %s)", m[2], m[1])
				out = append(out, block{kind: kHeading, line: l.n, text: m[2], number: m[1], rank: rankNumbered + depth})
				continue
			}
			if isShortHeading(t) {
				p.opts.Logf(l.n, "heading %q: a short line without closing punctuation", t)
				out = append(out, block{kind: kHeading, line: l.n, text: t, rank: rankShort})
				continue
			}
		}
		if h, rest, ok := gluedHeading(t, elsewhere); ok && !p.notHeading(h) {
			p.opts.Logf(l.n, "heading %q: glued to the start of its paragraph; split off", h)
			out = append(out, block{kind: kHeading, line: l.n, text: h, rank: rankGlued})
			t = rest
		}
		for k, para := range splitGluedSentences(t) {
			if k > 0 {
				p.opts.Logf(l.n, "new paragraph at %q: two sentences were glued", clip(para))
			}
			out = append(out, block{kind: kPara, line: l.n, inlineText: para})
		}
	}
	return out
}

// isShortHeading reports whether a line reads as a heading: short, starting
// with a capital or digit, not ending in sentence punctuation.
func isShortHeading(t string) bool {
	if utf8.RuneCountInString(t) > 80 || len(strings.Fields(t)) > 12 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	lastR, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".,;:!?…", lastR)
}

// gluedHeading finds a heading glued to the start of a paragraph: the first
// place where a lower-case letter is directly followed by a capital that
// starts a word ("samenwerkingEen assertieve"). The heading part must be
// short and hold no sentence end, and the glued word must not occur
// elsewhere in the text (then it is a real word, such as "YouTube").
func gluedHeading(t string, elsewhere func(token string) bool) (heading, rest string, ok bool) {
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) {
		return "", "", false
	}
	rs := []rune(t)
	limit := min(len(rs)-1, 100)
	for i := 1; i < limit; i++ {
		prev, cur, next := rs[i-1], rs[i], rs[i+1]
		if !unicode.IsLower(prev) || !unicode.IsUpper(cur) {
			continue
		}
		if !unicode.IsLower(next) && !(next == ' ' && i+2 < len(rs) && unicode.IsLower(rs[i+2])) {
			return "", "", false // "REPowerEU", an acronym
		}
		head, tail := string(rs[:i]), string(rs[i:])
		if len(strings.Fields(head)) > 12 || strings.ContainsAny(head, ".!?") ||
			utf8.RuneCountInString(tail) < 20 {
			return "", "", false
		}
		// The glued token: the last word of head plus the first of tail.
		hw := strings.Fields(head)
		tw := strings.Fields(tail)
		token := hw[len(hw)-1] + tw[0]
		if len([]rune(hw[len(hw)-1])) < 2 || elsewhere(token) {
			return "", "", false
		}
		return strings.TrimSpace(head), tail, true
	}
	return "", "", false
}

// gluedSentence matches a sentence end glued to the next sentence:
// "landen.De" (a lower-case word of two or more letters, closing
// punctuation, a capitalised word).
var gluedSentence = regexp.MustCompile(`\p{Ll}{2}[.!?][’”"')]?\p{Lu}\p{Ll}`)

func splitGluedSentences(t string) []string {
	var out []string
	for {
		loc := gluedSentence.FindStringIndex(t)
		if loc == nil {
			break
		}
		// Split before the capital: it is the last two runes of the match.
		cut := loc[1]
		for k := 0; k < 2; k++ {
			_, size := utf8.DecodeLastRuneInString(t[:cut])
			cut -= size
		}
		out = append(out, t[:cut])
		t = t[cut:]
	}
	return append(out, t)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 50 {
		return string(r[:50]) + "…"
	}
	return s
}

// build assigns heading levels from ranks, builds sections and scans
// paragraph text for inlines.
func (p *parser) build(blocks []block) *doc.Document {
	present := map[int]bool{}
	for _, b := range blocks {
		if b.kind == kHeading {
			present[b.rank] = true
		}
	}
	level := map[int]int{}
	n := 0
	for r := 0; r <= rankGlued; r++ {
		if present[r] {
			n++
			level[r] = min(n, 6)
		}
	}
	d := &doc.Document{}
	tree := doc.NewBuilder(d)
	add := tree.Block
	for _, b := range blocks {
		switch b.kind {
		case kHeading:
			tree.Section(&doc.Section{Level: level[b.rank], Number: b.number, Title: p.inlines(b.text, false)})
		case kTitle:
			d.Meta.Title, d.Meta.Subtitle = b.text, b.number
		case kPara:
			add(&doc.Paragraph{Inlines: p.inlines(b.inlineText, true)})
		default:
			p.finishInlines(b.b)
			add(b.b)
		}
	}
	return d
}

// finishInlines scans the raw text that list items and paragraphs of
// wrapped text were built with.
func (p *parser) finishInlines(b doc.Block) {
	switch b := b.(type) {
	case *doc.Paragraph:
		if len(b.Inlines) == 1 {
			if t, ok := b.Inlines[0].(*doc.Text); ok {
				b.Inlines = p.inlines(t.Text, true)
			}
		}
	case *doc.List:
		for _, it := range b.Items {
			for _, c := range it.Blocks {
				p.finishInlines(c)
			}
		}
	case *doc.Quote:
		for _, c := range b.Blocks {
			p.finishInlines(c)
		}
	case *doc.Div:
		for _, c := range b.Blocks {
			p.finishInlines(c)
		}
	}
}

var (
	// noteMarker is a digit run glued to a word of two or more lower-case
	// letters, followed by punctuation, space or the end.
	noteMarker = regexp.MustCompile(`\p{Ll}{2}(\d{1,3})(?:[\s.,;:!?)]|$)`)
	urlPattern = regexp.MustCompile(`\bhttps?://[^\s<>"]+[^\s<>".,;:!?)\]’”']`)
)

// inlines turns text into inlines: URLs become links, and (when markers
// is set) note markers become superscripts.
func (p *parser) inlines(t string, markers bool) []doc.Inline {
	var out []doc.Inline
	text := func(s string) {
		if s == "" {
			return
		}
		if len(out) > 0 {
			if prev, ok := out[len(out)-1].(*doc.Text); ok {
				prev.Text += s
				return
			}
		}
		out = append(out, &doc.Text{Text: s})
	}
	// The next web address and note marker are found once each and
	// kept until the text reaches them: searching the rest of a long
	// paragraph again after every marker made it quadratic.
	urlAt, urlDone := []int(nil), false
	markAt, markDone := []int(nil), !markers || p.cfg.NoNoteMarkers
	for pos := 0; pos < len(t); {
		if urlAt == nil && !urlDone {
			if loc := urlPattern.FindStringIndex(t[pos:]); loc != nil {
				urlAt = []int{pos + loc[0], pos + loc[1]}
			} else {
				urlDone = true
			}
		}
		if markAt == nil && !markDone {
			if loc := p.findMarker(t[pos:]); loc != nil {
				markAt = []int{pos + loc[0], pos + loc[1]}
			} else {
				markDone = true
			}
		}
		switch {
		case urlAt == nil && markAt == nil:
			text(t[pos:])
			pos = len(t)
		case markAt == nil || (urlAt != nil && urlAt[0] < markAt[0]):
			text(t[pos:urlAt[0]])
			u := t[urlAt[0]:urlAt[1]]
			out = append(out, &doc.Link{URL: u, Inlines: []doc.Inline{&doc.Text{Text: u}}})
			pos, urlAt = urlAt[1], nil
			if markAt != nil && markAt[0] < pos {
				// A marker inside the address is no marker; the number
				// it took is given back.
				p.nextRef--
				markAt = nil
			}
		default:
			text(t[pos:markAt[0]])
			out = append(out, &doc.Sup{Inlines: []doc.Inline{&doc.Text{Text: t[markAt[0]:markAt[1]]}}})
			pos, markAt = markAt[1], nil
			if urlAt != nil && urlAt[0] < pos {
				urlAt = nil
			}
		}
	}
	return out
}

// findMarker returns the position of the digits of the next note marker,
// which must carry the number that follows the last marker found.
func (p *parser) findMarker(t string) []int {
	off := 0
	for {
		m := noteMarker.FindStringSubmatchIndex(t[off:])
		if m == nil {
			return nil
		}
		start, end := off+m[2], off+m[3]
		num := 0
		fmt.Sscan(t[start:end], &num)
		if num == p.nextRef+1 {
			p.nextRef = num
			return []int{start, end}
		}
		off = end
	}
}
