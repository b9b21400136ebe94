package plaintext

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
)

// chunk is a run of non-blank lines.
type chunk []line

func chunks(lines []line) []chunk {
	var out []chunk
	var cur chunk
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func indent(s string) int {
	return utf8.RuneCountInString(s) - utf8.RuneCountInString(strings.TrimLeft(s, " "))
}

var (
	underline   = regexp.MustCompile(`^\s*(=+|-+|\*+|~+)\s*$`)
	chapterLine = regexp.MustCompile(`(?i)^(chapter|section|article|part|hoofdstuk|artikel|afdeling|kapitel|chapitre)\s+(\d+|[ivxlc]+)\b[.:]?\s*(.*)$`)
	// listMarker matches a bullet ("-", "*", "•"), a number ("1.", "2)"),
	// a letter ("a.", "(b)") or a roman numeral ("(iv)") and the space
	// after it.
	listMarker = regexp.MustCompile(`^(\s*)([-*•+–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-zA-Z][.)]|\([a-zA-Z]\)|\((?:[ivx]+|[IVX]+)\)|(?:[ivx]+|[IVX]+)[.)])\s+(\S.*)$`)
)

// wrappedBlocks reads the hard-wrapped style.
func (p *parser) wrappedBlocks(lines []line) []block {
	width := textWidth(lines)
	base := 1 << 30 // the usual left margin
	for _, l := range lines {
		if strings.TrimSpace(l.text) != "" {
			base = min(base, indent(l.text))
		}
	}
	var out []block
	for i, c := range chunks(lines) {
		if i == 0 && len(c) <= 3 && allCentered(c, width, base, true) {
			// A centred block opening the text is its title: the lines
			// in capitals, then a subtitle.
			var title, sub []string
			for _, l := range c {
				if len(sub) == 0 && isCaps(strings.TrimSpace(l.text)) {
					title = append(title, l.text)
				} else {
					sub = append(sub, l.text)
				}
			}
			if len(title) == 0 {
				title, sub = sub[:1], sub[1:]
			}
			b := block{kind: kTitle, line: c[0].n, text: joinLines(title), number: joinLines(sub)}
			p.opts.Logf(c[0].n, "title %q: centred lines at the start", b.text)
			out = append(out, b)
			continue
		}
		out = append(out, p.wrappedChunk(c, width, base)...)
	}
	return mergeLists(out)
}

func (p *parser) wrappedChunk(c chunk, width, base int) []block {
	first := strings.TrimSpace(c[0].text)
	// Underlined heading: "Title" over "=====" or "-----".
	if len(c) == 2 && underline.MatchString(c[1].text) && !p.notHeading(first) &&
		utf8.RuneCountInString(strings.TrimSpace(c[1].text)) >= 3 {
		rank, how := rankUnderlineSingle, "underlined with '-'"
		if strings.Contains(c[1].text, "=") {
			rank, how = rankUnderlineDouble, "underlined with '='"
		}
		p.opts.Logf(c[0].n, "heading %q: %s", first, how)
		return []block{p.heading(c[0].n, first, rank)}
	}
	if len(c) == 1 && !p.notHeading(first) {
		if h, ok := p.singleLineHeading(c[0], width, base); ok {
			return []block{h}
		}
	}
	// Centred lines: a heading if they are in capitals, else a paragraph
	// whose lines are kept.
	if len(c) > 1 && allCentered(c, width, base, false) {
		var ls []string
		for _, l := range c {
			ls = append(ls, l.text)
		}
		joined := joinLines(ls)
		if isCaps(joined) && !p.notHeading(joined) {
			p.opts.Logf(c[0].n, "heading %q: centred, in capitals", joined)
			return []block{p.heading(c[0].n, joined, rankCentered)}
		}
		var ins []doc.Inline
		for i, l := range c {
			if i > 0 {
				ins = append(ins, &doc.LineBreak{})
			}
			ins = append(ins, p.inlines(strings.TrimSpace(l.text), false)...)
		}
		return []block{{kind: kVerbatim, line: c[0].n, b: &doc.Paragraph{Inlines: ins}}}
	}
	// A list starts at the first line with a marker.
	for i, l := range c {
		if listMarker.MatchString(l.text) && (i == 0 || indent(l.text) >= indent(c[0].text)) {
			var out []block
			if i > 0 {
				out = append(out, p.paragraph(c[:i]))
			}
			lst := p.list(c[i:])
			if lst != nil {
				p.opts.Logf(l.n, "list: lines start with item markers")
				return append(out, block{kind: kList, line: l.n, b: lst})
			}
			break
		}
	}
	// Verbatim: every line indented beyond the margin.
	verbatim := true
	for _, l := range c {
		if indent(l.text) < base+4 {
			verbatim = false
			break
		}
	}
	if verbatim {
		p.opts.Logf(c[0].n, "verbatim block: every line is indented")
		return []block{{kind: kVerbatim, line: c[0].n, b: &doc.CodeBlock{Text: dedent(c)}}}
	}
	return []block{p.paragraph(c)}
}

func (p *parser) heading(n int, text string, rank int) block {
	return block{kind: kHeading, line: n, text: text, rank: rank}
}

// singleLineHeading recognises a line standing alone as a heading.
func (p *parser) singleLineHeading(l line, width, base int) (block, bool) {
	t := strings.TrimSpace(l.text)
	runes := utf8.RuneCountInString(t)
	words := len(strings.Fields(t))
	if runes > 70 || words > 10 {
		return block{}, false
	}
	if m := numbered.FindStringSubmatch(t); m != nil && numberedHeading(m[2]) {
		depth := strings.Count(strings.TrimSuffix(m[1], "."), ".") + 1
		title := strings.TrimSuffix(strings.TrimSpace(m[2]), ".")
		p.opts.Logf(l.n, "heading %q: a short numbered line (number %s)", title, m[1])
		return block{kind: kHeading, line: l.n, text: title, number: m[1], rank: rankNumbered + depth}, true
	}
	if m := chapterLine.FindStringSubmatch(t); m != nil {
		p.opts.Logf(l.n, "heading %q: names a chapter or article", t)
		return block{kind: kHeading, line: l.n, text: t, rank: rankNumbered + 1}, true
	}
	if isCaps(t) {
		p.opts.Logf(l.n, "heading %q: in capitals", t)
		return p.heading(l.n, t, rankCaps), true
	}
	if centered(l.text, width, base) {
		p.opts.Logf(l.n, "heading %q: centred", t)
		return p.heading(l.n, t, rankCentered), true
	}
	return block{}, false
}

// numberedHeading reports whether the text after a number reads as a
// heading ("Scope.", "Definitions", "Acceptance Not Required for Having
// Copies.") rather than a list item's sentence: short, or in title case.
func numberedHeading(t string) bool {
	words := strings.Fields(t)
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) || len(words) > 10 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(",;:!?", last) {
		return false
	}
	return last != '.' || len(words) <= 4 || titleCase(words)
}

// titleCase reports whether most words of four letters or more start with
// a capital, as headings in title case do.
func titleCase(words []string) bool {
	long, caps := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(strings.Trim(w, ".,'’\"")) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return long > 0 && caps*4 >= long*3
}

// textWidth estimates the width the text was wrapped at: the length that
// the longest tenth of its lines reach, between 60 and 80 columns.
func textWidth(lines []line) int {
	var lens []int
	for _, l := range lines {
		if n := utf8.RuneCountInString(l.text); n > 0 {
			lens = append(lens, n)
		}
	}
	if len(lens) == 0 {
		return 72
	}
	slices.Sort(lens)
	return min(max(lens[len(lens)*9/10], 60), 80)
}

// isCaps reports whether t is written in capitals: three or more letters,
// none of them lower case.
func isCaps(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return letters >= 3 && last != ','
}

// centered reports whether a line is centred on the text width: indented
// by four or more, with about as much space on its right (typists centre
// by eye, so a fifth of the width either way is allowed).
func centered(s string, width, base int) bool {
	in := indent(s) - base
	if in < 4 {
		return false
	}
	right := width - base - in - utf8.RuneCountInString(strings.TrimSpace(s))
	return right >= 0 && abs(in-right) <= max(4, width/5)
}

// allCentered reports whether every line of c is centred. Unless single
// is set, c must have lines of different indents: lines that share one
// indent are a verbatim block.
func allCentered(c chunk, width, base int, single bool) bool {
	indents := map[int]bool{}
	for _, l := range c {
		if !centered(l.text, width, base) {
			return false
		}
		indents[indent(l.text)] = true
	}
	return len(indents) > 1 || single && len(c) == 1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func dedent(c chunk) string {
	least := 1 << 30
	for _, l := range c {
		least = min(least, indent(l.text))
	}
	var b strings.Builder
	for i, l := range c {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string([]rune(l.text)[least:]))
	}
	return b.String()
}

// joinLines joins wrapped lines into one paragraph text. A line ending in
// a hyphen after a letter joins the next without a space ("well-" "known").
// Runs of spaces, such as a typist's two after a full stop, become one.
func joinLines(ls []string) string {
	var b strings.Builder
	for i, s := range ls {
		s = strings.TrimSpace(s)
		for strings.Contains(s, "  ") {
			s = strings.ReplaceAll(s, "  ", " ")
		}
		if i > 0 {
			prev := b.String()
			if !(strings.HasSuffix(prev, "-") && len(prev) > 1 && unicode.IsLetter(lastRune(prev[:len(prev)-1]))) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func (p *parser) paragraph(c chunk) block {
	var ls []string
	for _, l := range c {
		ls = append(ls, l.text)
	}
	return block{kind: kPara, line: c[0].n, inlineText: joinLines(ls)}
}

// item is a list item being collected.
type item struct {
	indent int
	marker string
	lines  []string
	kids   []*item
}

// list parses lines that start with a marker into a (nested) list. Lines
// without a marker continue the item before them. It returns nil if the
// markers do not form a list (mixed kinds at one level).
func (p *parser) list(c chunk) *doc.List {
	var top []*item
	var stack []*item
	for _, l := range c {
		m := listMarker.FindStringSubmatch(l.text)
		if m != nil && len(stack) > 0 {
			// A marker of another kind at an open item's indent is a
			// wrapped sentence ("under section\n7.  This …"), not an item.
			top := stack[len(stack)-1]
			if k, _, _ := markerKind(m[2]); len(m[1]) <= top.indent && !sameKind(k, siblingKind(stack, len(m[1]))) {
				m = nil
			}
		}
		if m == nil {
			if len(stack) == 0 {
				return nil
			}
			it := stack[len(stack)-1]
			it.lines = append(it.lines, l.text)
			continue
		}
		it := &item{indent: len(m[1]), marker: m[2], lines: []string{m[3]}}
		for len(stack) > 0 && stack[len(stack)-1].indent >= it.indent {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			top = append(top, it)
		} else {
			parent := stack[len(stack)-1]
			parent.kids = append(parent.kids, it)
		}
		stack = append(stack, it)
	}
	return buildList(top)
}

// siblingKind returns the marker kind of the open item at an indent, or
// "" if none is open there.
func siblingKind(stack []*item, indent int) string {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].indent == indent {
			k, _, _ := markerKind(stack[i].marker)
			return k
		}
		if stack[i].indent < indent {
			break
		}
	}
	return ""
}

// sameKind reports whether two marker kinds can be items of one list: a
// single "i" reads as a letter until "ii" follows.
func sameKind(a, b string) bool {
	return a == b || a == "roman" && b == "letter" || a == "letter" && b == "roman"
}

func buildList(items []*item) *doc.List {
	l := &doc.List{Tight: true}
	kind0, start, numbering := markerKind(items[0].marker)
	if len(items) > 1 && kind0 == "letter" && start == 9 {
		// "i" followed by "ii" starts a roman list, not a lettered one.
		if k, _, _ := markerKind(items[1].marker); k == "roman" {
			kind0, start = "roman", 1
			numbering = map[string]string{"a": "i", "A": "I"}[numbering]
		}
	}
	if kind0 != "bullet" {
		l.Ordered, l.Start, l.Numbering = true, start, numbering
	}
	for i, it := range items {
		k, _, _ := markerKind(it.marker)
		if i == 0 || (kind0 == "roman" && k == "letter" && len(strings.Trim(it.marker, "().")) == 1) {
			k = kind0
		}
		if k != kind0 {
			return nil
		}
		li := &doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: joinLines(it.lines)}}}}}
		if len(it.kids) > 0 {
			sub := buildList(it.kids)
			if sub == nil {
				return nil
			}
			li.Blocks = append(li.Blocks, sub)
		}
		l.Items = append(l.Items, li)
	}
	return l
}

// markerKind classifies a list marker: "bullet", "number", "letter" or
// "roman", with the ordinal it stands for and the numbering style.
func markerKind(m string) (kind string, n int, numbering string) {
	core := strings.Trim(m, "().")
	switch {
	case strings.ContainsAny(m, "-*•+–") && len(core) == len(m):
		return "bullet", 0, ""
	case core[0] >= '0' && core[0] <= '9':
		v := 0
		for _, r := range core {
			v = v*10 + int(r-'0')
		}
		return "number", v, ""
	case len(core) > 1 && isRoman(core):
		if core == strings.ToUpper(core) {
			return "roman", romanValue(core), "I"
		}
		return "roman", romanValue(core), "i"
	default:
		r := rune(core[0])
		if unicode.IsUpper(r) {
			return "letter", int(r-'A') + 1, "A"
		}
		return "letter", int(r-'a') + 1, "a"
	}
}

func isRoman(s string) bool {
	return strings.Trim(strings.ToLower(s), "ivxlc") == ""
}

func romanValue(s string) int {
	vals := map[rune]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}
	rs := []rune(strings.ToLower(s))
	total := 0
	for i, r := range rs {
		v := vals[r]
		if i+1 < len(rs) && vals[rs[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

// mergeLists joins lists of the same kind that follow each other, as
// items separated by blank lines do; the result is a loose list.
func mergeLists(bs []block) []block {
	var out []block
	for _, b := range bs {
		if b.kind == kList && len(out) > 0 && out[len(out)-1].kind == kList {
			prev := out[len(out)-1].b.(*doc.List)
			cur := b.b.(*doc.List)
			if prev.Ordered == cur.Ordered && prev.Numbering == cur.Numbering {
				prev.Items = append(prev.Items, cur.Items...)
				prev.Tight = false
				continue
			}
		}
		out = append(out, b)
	}
	return out
}
