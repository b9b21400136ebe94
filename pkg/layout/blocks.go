package layout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/highlight"
	"github.com/galleypress/galley/pkg/internal/labels"
	"github.com/galleypress/galley/pkg/typeset"
)

// document lays out the body of the document: the blocks before the
// first section, the sections, and the notes after each top-level section
// (or at the foot of their pages). The front matter comes after, when
// the body's page numbers are known (see front).
func (l *layout) document() {
	l.root = &StructElem{Role: "Document"}
	l.cur = l.root
	l.place = "the text before the first heading"
	l.blocks(l.d.Blocks, l.body())
	l.flushNotes()
	preamble := l.height(0)
	for i, s := range l.d.Sections {
		l.cur = l.root
		// A top-level section starts a page, unless the one before it is
		// only a heading (which would stand alone on its page); the
		// first one after text that fills less than half a page (a
		// README's badges, a logo) goes on below it.
		if i > 0 && !empty(l.d.Sections[i-1]) || i == 0 && preamble > l.g.textHeight/2 {
			if !l.cfg.NoChapterPages {
				l.breakPage()
			}
		}
		l.section(s, 1)
		l.flushNotes()
	}
}

// height returns the height of the elements set from the k-th on.
func (l *layout) height(k int) unit {
	var h unit
	for _, e := range l.elems[k:] {
		switch e.Kind {
		case typeset.VLine, typeset.VBox, typeset.VSpace:
			h += e.Height
		}
	}
	return h
}

// empty reports whether a section has nothing but its heading.
func empty(s *doc.Section) bool {
	return len(s.Blocks) == 0 && len(s.Sections) == 0
}

// titlePage sets the title, subtitle, authors, date and publisher on a
// page of their own.
func (l *layout) titlePage() {
	m := &l.d.Meta
	l.place = "the title page"
	c := l.body()
	c.ragged = true
	c.hyphens = false
	// A quarter down the text block, or below the theme's field and
	// picture.
	l.push(typeset.Elem{Kind: typeset.VBox, Height: max(l.g.textHeight/4, l.titleDecorHeight()-l.g.top+2*l.g.leading), Box: ruleBox{}})
	line := func(text string, font typeset.Face, size, after unit) {
		if strings.TrimSpace(text) == "" {
			return
		}
		// Display type is never broken inside a word: a word wider
		// than the measure makes the line's type smaller.
		for _, w := range strings.Fields(text) {
			var ww unit
			for _, sg := range l.segments(w, font) {
				ww += l.fam.Width(sg.font, size, sg.text)
			}
			if ww > c.width {
				size = unit(int64(size) * int64(c.width) / int64(ww))
			}
		}
		cc := c
		cc.size, cc.leading = size, size*5/4
		defer l.close(l.open("P"))
		st := typeset.Style{Font: font, Size: size, Tag: l.cur}
		if font == typeset.HeadBold {
			st.Color = l.colors.Heading // the title, as a heading
		}
		lines := l.paragraph(l.runs([]doc.Inline{&doc.Text{Text: text}}, st), cc, nil)
		l.center(lines, cc)
		l.push(typeset.Elem{Kind: typeset.VSpace, Height: after})
	}
	line(m.Title, typeset.HeadBold, l.g.size*26/10, l.g.size)
	line(m.Subtitle, typeset.Regular, l.g.size*15/10, l.g.size*2)
	line(strings.Join(m.Authors, ", "), typeset.Regular, l.g.size*13/10, l.g.size*3)
	line(m.Date, typeset.Regular, l.g.size, l.g.size)
	line(m.Publisher, typeset.Italic, l.g.size, l.g.size)
	l.breakPage()
}

// headingStyle returns the size and font of a heading at a depth.
func (l *layout) headingStyle(depth int) (unit, typeset.Face) {
	s := l.g.size
	face := typeset.HeadBold
	if depth > 3 {
		face = typeset.HeadBoldItalic
	}
	def := 1.0 // galley's sizes: 1.7, 1.3, 1.1, then the text's
	if depth >= 1 && depth <= 3 {
		def = [...]float64{1.7, 1.3, 1.1}[depth-1]
	}
	return l.scaled(s, l.theme.Headings.Size(depth), def), face
}

func (l *layout) section(s *doc.Section, depth int) {
	if err := l.host.Err(); err != nil {
		l.fail(err)
		return
	}
	title := s.HeadingText()
	l.place = fmt.Sprintf("section %q", title)
	size, font := l.headingStyle(depth)
	before := l.g.leading * 3 / 2
	if depth == 1 {
		before = l.g.leading * 2
	}
	l.space(before)
	sect := l.open("Sect")
	defer l.close(sect)
	h := l.open(l.heading(depth))
	l.src = source{node: s}
	c := l.body()
	c.size, c.leading, c.font = size, size*13/10, font
	c.ragged, c.hyphens = true, false
	st := typeset.Style{Font: font, Size: size, Tag: l.cur, Color: l.colors.Heading}
	var runs []typeset.Run
	if s.Number != "" {
		runs = append(runs, typeset.Run{Text: l.clean(s.Number+"\u00a0", font), Style: st})
	}
	runs = append(runs, l.runs(s.Title, st)...)
	marks := append([]typeset.Mark{{Depth: depth, Title: title, ID: s.ID}}, anchorMarks(s.Title)...)
	// Heading lines never part from each other nor from the two lines
	// that follow.
	l.keep = 1 << 20
	l.paragraph(runs, c, marks)
	l.close(h)
	l.keep = 2
	l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: typeset.Infinity})
	l.push(typeset.Elem{Kind: typeset.VSpace, Height: l.g.leading / 2})
	l.blocks(s.Blocks, l.body())
	for _, c := range s.Sections {
		l.section(c, depth+1)
	}
}

func (l *layout) blocks(bs []doc.Block, c ctx) {
	for i, b := range bs {
		if i%64 == 63 {
			// A cancelled conversion stops within a few blocks, not at
			// the next section: a long one may have none.
			if err := l.host.Err(); err != nil {
				l.fail(err)
			}
		}
		if l.err != nil {
			return
		}
		// A theme that indents paragraphs sets a paragraph after
		// another with its first line indented, and no space between.
		if indent := l.theme.Paragraphs.Indent; indent > 0 && i > 0 && isParagraph(bs[i-1]) && isParagraph(b) {
			pc := c
			pc.indent = unit(float64(c.size) * indent)
			l.block(b, pc)
			continue
		}
		if i > 0 {
			l.space(l.g.parskip)
		}
		l.block(b, c)
	}
}

// isParagraph reports whether b is a paragraph of text (not a displayed
// formula).
func isParagraph(b doc.Block) bool {
	p, ok := b.(*doc.Paragraph)
	if !ok {
		return false
	}
	_, display := displayMath(p)
	return !display
}

func (l *layout) block(b doc.Block, c ctx) {
	role := map[string]string{"*doc.Paragraph": "P", "*doc.List": "L", "*doc.Quote": "BlockQuote",
		"*doc.CodeBlock": "Code", "*doc.Table": "Table", "*doc.Figure": "Figure", "*doc.Admonition": "Div",
		"*doc.DefList": "L"}[fmt.Sprintf("%T", b)]
	if h, ok := b.(*doc.Heading); ok {
		role = l.heading(h.Level)
	}
	if role != "" {
		defer l.close(l.open(role))
	}
	l.src = source{node: b}
	st := typeset.Style{Font: c.font, Size: c.size, Tag: l.cur}
	switch b := b.(type) {
	case *doc.Paragraph:
		if m, ok := displayMath(b); ok {
			// A displayed formula: centred on its own lines, as TeX
			// sets a display (its TeX source, for now).
			mc := c
			mc.ragged, mc.hyphens = true, false
			l.center(l.paragraph(l.runs([]doc.Inline{m}, st), mc, nil), mc)
			break
		}
		l.paragraph(l.runs(b.Inlines, st), c, anchorMarks(b.Inlines))
	case *doc.Heading:
		hc := c
		hc.ragged, hc.hyphens, hc.font = true, false, c.font.WithBold()
		l.keep = 1 << 20
		l.paragraph(l.runs(b.Inlines, typeset.Style{Font: hc.font, Size: c.size, Tag: l.cur}), hc, nil)
		l.keep = 2
	case *doc.List:
		l.list(b, c)
	case *doc.Quote:
		qc := c
		if l.indentable(c, l.g.size*4) {
			qc.x += l.g.size * 2
			qc.width -= l.g.size * 4
		}
		l.blocks(b.Blocks, qc)
	case *doc.Div:
		lang := b.Attr.Get("lang")
		if lang == "" || sameLang(lang, l.lang) {
			l.blocks(b.Blocks, c)
			break
		}
		// A part in another language: a Div with its /Lang, hyphenated
		// by that language's patterns.
		div := l.open("Div")
		div.Lang = lang
		savedLang, savedHyph := l.lang, l.hyph
		l.lang, l.hyph = lang, l.hyphenatorFor(lang)
		l.blocks(b.Blocks, c)
		l.lang, l.hyph = savedLang, savedHyph
		l.close(div)
	case *doc.Admonition:
		l.admonition(b, c)
	case *doc.DefList:
		l.defList(b, c)
	case *doc.CodeBlock:
		l.code(b, c)
	case *doc.Table:
		l.table(b, c)
	case *doc.Figure:
		l.figure(b, c)
	case *doc.Rule:
		l.push(typeset.Elem{Kind: typeset.VBox, Height: c.leading, X: c.x + c.width/4, Box: ruleBox{Width: c.width / 2}})
	default:
		l.fail(fmt.Errorf("pdf: unsupported block %T", b))
	}
}

// displayMath returns the formula of a paragraph that is one displayed
// formula.
func displayMath(p *doc.Paragraph) (*doc.Math, bool) {
	if len(p.Inlines) != 1 {
		return nil, false
	}
	m, ok := p.Inlines[0].(*doc.Math)
	return m, ok && m.Display
}

// anchorMarks returns the link targets (anchors) in inlines, as marks
// that make destinations where their paragraph starts.
func anchorMarks(ins []doc.Inline) []typeset.Mark {
	var marks []typeset.Mark
	doc.WalkInlines(ins, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Anchor:
			if n.ID != "" {
				marks = append(marks, typeset.Mark{ID: n.ID})
			}
		case *doc.Note:
			return doc.SkipChildren
		}
		return doc.Continue
	})
	return marks
}

// admonition sets a note, tip or warning indented like a quote, its
// label in bold leading the first paragraph.
func (l *layout) admonition(a *doc.Admonition, c ctx) {
	ac := c
	if l.indentable(c, l.g.size*2) {
		ac.x += l.g.size * 2
		ac.width -= l.g.size * 2
	}
	label := []doc.Inline{&doc.Text{Text: labels.Label(l.d.Meta.Lang, a.Kind)}}
	if len(a.Title) > 0 {
		label = a.Title
	}
	bs := a.Blocks
	lead := []doc.Inline{&doc.Strong{Inlines: label}}
	if p, ok := firstParagraph(bs); ok {
		lead = append(append(lead, &doc.Text{Text: ": "}), p.Inlines...)
		bs = bs[1:]
	}
	start := len(l.elems)
	p := l.open("P")
	l.src = source{node: a}
	l.paragraph(l.runs(lead, typeset.Style{Font: ac.font, Size: ac.size, Tag: l.cur}), ac, nil)
	l.close(p)
	if len(bs) > 0 {
		l.space(l.g.parskip)
		l.blocks(bs, ac)
	}
	if bg := l.colors.Admonition; bg != 0 {
		// The theme's background and bar, from an em before the text
		// to the measure's end.
		l.fill(start, typeset.Fill{Color: bg, Bar: l.colors.AdmonitionBar, X: ac.x - ac.size, W: c.x + c.width - ac.x + ac.size}, true)
	}
}

func firstParagraph(bs []doc.Block) (*doc.Paragraph, bool) {
	if len(bs) == 0 {
		return nil, false
	}
	p, ok := bs[0].(*doc.Paragraph)
	return p, ok
}

// defList sets terms in bold and their definitions indented below them,
// tagged as a list whose items hold the term (Lbl) and the definitions
// (LBody).
func (l *layout) defList(dl *doc.DefList, c ctx) {
	dc := c
	if l.indentable(c, l.g.size*2) {
		dc.x += l.g.size * 2
		dc.width -= l.g.size * 2
	}
	for i, it := range dl.Items {
		if i > 0 {
			l.space(l.g.parskip)
		}
		li := l.open("LI")
		lbl := l.open("Lbl")
		tc := c
		tc.font = c.font.WithBold()
		l.keep = 1 << 20 // a term stays with its definition
		l.paragraph(l.runs(it.Term, typeset.Style{Font: tc.font, Size: c.size, Tag: l.cur}), tc, nil)
		l.keep = 2
		l.close(lbl)
		body := l.open("LBody")
		for k, def := range it.Defs {
			if k > 0 {
				l.space(l.g.parskip / 2)
			}
			l.blocks(def, dc)
		}
		l.close(body)
		l.close(li)
	}
}

// indentable reports whether a block nested in c may be indented by
// more: nesting stops indenting when a third of the measure is left, so
// that deep lists and quotes stay on the page (one warning).
func (l *layout) indentable(c ctx, more unit) bool {
	if c.width-more >= l.g.measure/3 {
		return true
	}
	if !l.deepWarned {
		l.deepWarned = true
		l.host.Warnf("%w", diag.Warnf("deep-nesting", "pdf: lists and quotes nested too deep to indent further in %s are set at the deepest indent", l.place))
	}
	return false
}

// list sets items with a hanging indent; the marker hangs left of the
// item's first line.
func (l *layout) list(lst *doc.List, c ctx) {
	indent := l.g.size * 18 / 10
	ic := c
	if l.indentable(c, indent) {
		ic.x += indent
		ic.width -= indent
	}
	depth := int(c.x/indent) % 3
	gap := l.g.parskip
	if lst.Tight {
		gap /= 4
	}
	for i, it := range lst.Items {
		if i > 0 {
			l.space(gap)
		}
		marker := []string{"•", "–", "·"}[depth]
		if lst.Ordered {
			marker = doc.Ordinal(lst.Start+i, lst.Numbering) + "."
		}
		if it.Task != doc.NoTask {
			marker = l.checkbox(it.Task, c.font)
		}
		first := len(l.elems)
		li := l.open("LI")
		lbl := l.open("Lbl")
		if it.Task != doc.NoTask {
			// A box is read as what it means, in the document's
			// language ("done", "to do"), not as "black square".
			lbl.ActualText = labels.Label(l.d.Meta.Lang, map[doc.Task]string{doc.Todo: "todo", doc.Done: "done"}[it.Task])
		}
		l.close(lbl)
		body := l.open("LBody")
		if len(it.Blocks) == 0 {
			l.paragraph([]typeset.Run{{Text: " ", Style: typeset.Style{Font: c.font, Size: c.size, Tag: l.cur}}}, ic, nil)
		}
		for k, b := range it.Blocks {
			if k > 0 {
				l.space(gap)
			}
			l.block(b, ic)
		}
		l.close(body)
		l.close(li)
		// Hang the marker before the item's first line.
		for k := first; k < len(l.elems); k++ {
			if e := &l.elems[k]; e.Kind == typeset.VLine {
				st := typeset.Style{Font: c.font, Size: c.size, Tag: lbl}
				if sg := l.segments(marker, c.font); len(sg) == 1 {
					st.Font = sg[0].font // a box the face lacks, in a fallback
				}
				w := l.fam.Width(st.Font, st.Size, marker)
				gap := l.g.size / 2
				l.fix(e.Line)
				e.Line.Boxes = append([]typeset.Placed{{X: -w - gap, Width: w, Text: l.clean(marker, st.Font), Style: &st}}, e.Line.Boxes...)
				break
			}
		}
	}
}

// checkbox returns a task item's marker: ☑ or ☐, in the face or a
// fallback that has them, or else ■ or □.
func (l *layout) checkbox(t doc.Task, f typeset.Face) string {
	box := map[doc.Task][2]string{doc.Todo: {"☐", "□"}, doc.Done: {"☑", "■"}}[t]
	if _, ok := l.fam.faceFor([]rune(box[0])[0], f); ok {
		return box[0] // in the face, or a fallback that has it
	}
	return box[1]
}

// code sets a code block in the monospaced face, line for line. A block
// with a line wider than the measure is set smaller until it fits, down
// to 7 pt (as a table is); a drawing (an ASCII table, box drawing), whose
// columns a wrap would break, down to 5 pt. A line still too wide
// continues on the next, broken after a space or punctuation where one
// falls in the line's second half, else where it stops fitting, indented
// as the line is, with a continuation mark in the margin. A block of up
// to 12 lines stays on one page.
func (l *layout) code(cb *doc.CodeBlock, c ctx) {
	cc := c
	cc.size = l.scaled(c.size, l.theme.Fonts.CodeSize, 0.85)
	cc.leading = cc.size * 13 / 10
	cc.x += l.g.size
	cc.width -= l.g.size
	src := strings.Split(strings.ReplaceAll(cb.Text, "\t", "    "), "\n")
	for i := range src {
		src[i] = l.cleanFallback(src[i], typeset.Mono)
	}
	kinds := l.codeKinds(cb, src)
	widest := unit(0)
	for _, s := range src {
		widest = max(widest, l.codeWidth(s, cc.size))
	}
	if widest > cc.width {
		floor := minTableSize
		if drawing(src) {
			floor = 5 * typeset.Pt
		}
		cc.size = min(cc.size, max(unit(int64(cc.size)*int64(cc.width)/int64(widest)), floor))
		cc.leading = cc.size * 13 / 10
	}
	st := typeset.Style{Font: typeset.Mono, Size: cc.size, Tag: l.cur}
	mark := "→"
	if !l.fam.faces[typeset.Mono].Has('→') {
		mark = ">"
	}
	markSt := typeset.Style{Font: typeset.Mono, Size: cc.size, Tag: decoration{}}
	markW := l.fam.Width(typeset.Mono, cc.size, mark)
	var lines []typeset.Line
	var at []int // each line's line in the source
	for n, s := range src {
		cont := false
		indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
		var kind []highlight.Kind // each rune's kind, of s
		if kinds != nil {
			kind = kinds[n]
		}
		for {
			fit, rest := l.fit(s, st, cc.width)
			restKind := kind
			if rest != "" {
				fit, rest = codeBreak(fit, rest)
				restKind = kindsFrom(kind, utf8.RuneCountInString(fit))
				// The next piece starts where the line's text does.
				if strings.TrimSpace(rest) != "" && l.codeWidth(indent, st.Size) < cc.width/2 {
					trimmed := strings.TrimLeft(rest, " ")
					restKind = append(make([]highlight.Kind, len(indent)), kindsFrom(restKind, len(rest)-len(trimmed))...)
					rest = indent + trimmed
				}
			}
			line := l.codeLine(fit, st, cc.width, kind)
			line.Last = rest == "" // the source line continues: no space
			if cont {
				line.Boxes = append([]typeset.Placed{{X: -markW - cc.size/2, Width: markW, Text: mark, Style: &markSt}}, line.Boxes...)
			}
			lines = append(lines, line)
			at = append(at, n)
			if rest == "" {
				break
			}
			s, cont, kind = rest, true, restKind
		}
	}
	if len(lines) <= 12 {
		l.keep = max(l.keep, len(lines))
	}
	start := len(l.elems)
	l.pushLinesAt(lines, at, cc, nil, true)
	if col := l.colors.Code; col != 0 {
		// The theme's background, from half an em before the code to
		// the measure's end.
		l.fill(start, typeset.Fill{Color: col, X: cc.x - cc.size/2, W: cc.width + cc.size/2}, false)
	}
}

// fill gives the lines pushed from element start on the background f;
// spaces too, when asked, so that the background is whole where the
// elements stand on one page (a space that starts a page is dropped).
func (l *layout) fill(start int, f typeset.Fill, spaces bool) {
	for k := start; k < len(l.elems); k++ {
		if e := &l.elems[k]; e.Kind == typeset.VLine || spaces && (e.Kind == typeset.VSpace || e.Kind == typeset.VBox) {
			e.Fill = f
		}
	}
}

// codeBreak moves the end of a code line that does not fit back to
// after its last space or punctuation, if that falls in its second half.
func codeBreak(fit, rest string) (string, string) {
	for i := len(fit) - 1; i > len(fit)/2; i-- {
		switch fit[i] {
		case ' ', '/', '.', ',', ';', ':', '-', '_', '?', '&', '=', ')', ']', '}', '|', '\\':
			return fit[:i+1], fit[i+1:] + rest
		}
	}
	return fit, rest
}

// drawing reports whether code lines are a drawing: most of the lines
// that hold anything are rules and frames (|, +, -, =, box drawing).
func drawing(lines []string) bool {
	framed, filled := 0, 0
	for _, s := range lines {
		t := strings.TrimSpace(s)
		if t == "" {
			continue
		}
		filled++
		first, _ := utf8.DecodeRuneInString(t)
		last, _ := utf8.DecodeLastRuneInString(t)
		isFrame := func(r rune) bool { return r == '|' || r == '+' || r >= 0x2500 && r <= 0x257f }
		if isFrame(first) && isFrame(last) {
			framed++
		}
	}
	return filled >= 3 && framed*3 >= filled*2
}

// fit splits s where it stops fitting the width.
func (l *layout) fit(s string, st typeset.Style, width unit) (string, string) {
	if l.codeWidth(s, st.Size) <= width {
		return s, ""
	}
	var w unit
	for i, r := range s {
		f, _ := l.fam.faceFor(r, st.Font)
		rw := l.fam.Width(f, st.Size, string(r))
		if w+rw > width && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

// codeLine sets a line of code: a box for each piece in one face (the
// monospaced face, or a fallback for the characters it lacks) and one
// colour (kind gives each rune's kind; nil for none).
func (l *layout) codeLine(text string, st typeset.Style, measure unit, kind []highlight.Kind) typeset.Line {
	line := typeset.Line{Width: measure, Last: true}
	if text == "" {
		return line
	}
	var x unit
	at := 0 // runes of text placed
	for _, sg := range l.segments(text, st.Font) {
		for _, piece := range byKind(sg.text, kindsFrom(kind, at)) {
			s := st
			s.Font = sg.font
			s.Color = typeset.Color(highlight.Paper[piece.kind])
			w := l.fam.Width(sg.font, st.Size, piece.text)
			line.Boxes = append(line.Boxes, typeset.Placed{X: x, Width: w, Text: piece.text, Style: &s})
			x += w
		}
		at += utf8.RuneCountInString(sg.text)
	}
	line.Natural = x
	return line
}

// codeKinds returns, for each line of a code block as src gives it
// (tabs as four spaces, characters no face has replaced, controls
// dropped), the kind of each of its runes; nil when the block is not
// highlighted.
func (l *layout) codeKinds(cb *doc.CodeBlock, src []string) [][]highlight.Kind {
	if l.cfg.NoHighlight {
		return nil
	}
	toks, ok := highlight.Tokens(cb.Lang, cb.Text)
	if !ok {
		return nil
	}
	out := [][]highlight.Kind{nil}
	for _, t := range toks {
		for _, r := range t.Text {
			switch {
			case r == '\n':
				out = append(out, nil)
			case r == '\t':
				n := len(out) - 1
				out[n] = append(out[n], t.Kind, t.Kind, t.Kind, t.Kind)
			case r < 0x20 || r == 0x7f:
				// dropped, as cleanFallback drops it
			default:
				n := len(out) - 1
				out[n] = append(out[n], t.Kind)
			}
		}
	}
	if len(out) != len(src) {
		return nil // the lines do not match: leave the colours out
	}
	for i := range out {
		if len(out[i]) != utf8.RuneCountInString(src[i]) {
			out[i] = nil
		}
	}
	return out
}

// kindsFrom returns kind from its rune n on (nil past its end).
func kindsFrom(kind []highlight.Kind, n int) []highlight.Kind {
	if n >= len(kind) {
		return nil
	}
	return kind[n:]
}

type kindPiece struct {
	text string
	kind highlight.Kind
}

// byKind parts s into pieces of one kind each, kind giving each rune's
// (Plain past its end).
func byKind(s string, kind []highlight.Kind) []kindPiece {
	if len(kind) == 0 {
		return []kindPiece{{s, highlight.Plain}}
	}
	var out []kindPiece
	start, i := 0, 0
	cur := kind[0]
	for at := range s {
		k := highlight.Plain
		if i < len(kind) {
			k = kind[i]
		}
		if k != cur && at > start {
			out = append(out, kindPiece{s[start:at], cur})
			start = at
		}
		cur = k
		i++
	}
	return append(out, kindPiece{s[start:], cur})
}

// codeWidth returns the width of a line of code, each piece in its face.
func (l *layout) codeWidth(s string, size unit) unit {
	var w unit
	for _, sg := range l.segments(s, typeset.Mono) {
		w += l.fam.Width(sg.font, size, sg.text)
	}
	return w
}

// minTableSize is the smallest type a table is shrunk to so that it
// fits the measure; minShrunkTable with pdf wide-tables: shrink, which
// shrinks rather than turn the table to landscape.
const (
	minTableSize   = 7 * typeset.Pt
	minShrunkTable = 4 * typeset.Pt
)

// landscapeTable sets a table too wide for the page on pages of its
// own, turned to landscape (the measure is the page's height): the
// table is set and paginated apart, and each of its pages stands in the
// text as a box that fills a page (landscapeBox), which the displayer
// draws on a landscape page.
func (l *layout) landscapeTable(t *doc.Table, c ctx) {
	l.host.Warnf("%w", diag.Warnf("table-landscape", "pdf: a table in %s is too wide for the page: it is set on landscape pages", l.place))
	saved, keep := l.elems, l.keep
	l.elems, l.keep = nil, 0
	lg := l.g.landscape()
	lc := c
	lc.x, lc.width = 0, lg.measure
	l.landscape = true
	l.table(t, lc)
	l.landscape = false
	sub := l.elems
	l.elems, l.keep = saved, keep
	pages := typeset.PaginateFoot(sub, lg.textHeight, typeset.FootStyle{Separator: l.footSeparator()})
	l.breakPage()
	for _, p := range pages {
		l.push(typeset.Elem{Kind: typeset.VBox, Height: l.g.textHeight, Box: landscapeBox{Page: p}})
		l.breakPage()
	}
}

// landscapeBox is a page of a table set in landscape, standing in the
// text for a page.
type landscapeBox struct{ Page typeset.Page }

func (b landscapeBox) String() string {
	lines := 0
	for _, e := range b.Page.Elems {
		if e.Kind == typeset.VLine {
			lines++
		}
	}
	return fmt.Sprintf("landscape page of %d lines", lines)
}

// table sets a table: each cell a ragged, hyphenated paragraph in its
// column, the columns as wide as their content asks (from the widest
// piece no break can split to the cell's text on one line), shrunk to
// the measure; a row's lines are merged so that the row reads across.
// The header row, in bold above a rule, repeats at the top of every page
// the table continues on, and a row never parts across pages unless it
// is taller than a page. A table too wide for the measure even at its
// narrowest columns is set in smaller type, down to 7 pt; wider still,
// row by row (wideTable).
func (l *layout) table(t *doc.Table, c ctx) {
	cols := t.Columns()
	if cols == 0 {
		return
	}
	grid := t.Grid()
	header := t.HeaderRows()
	size := c.size * 9 / 10
	smallest := minTableSize
	if l.cfg.WideTables == "shrink" {
		smallest = minShrunkTable
	}
	widths, size, ok := l.columns(grid, header, cols, c.width, size, smallest)
	if !ok {
		// Too wide for the page: on pages of its own, turned to
		// landscape, if it fits there; else row by row.
		if l.cfg.WideTables != "shrink" && !l.landscape {
			if _, _, fits := l.columns(grid, header, cols, l.g.landscape().measure, c.size*9/10, minTableSize); fits {
				l.landscapeTable(t, c)
				return
			}
		}
		l.wideTable(t, c)
		return
	}
	if size < c.size*9/10 {
		l.host.Warnf("%w", diag.Warnf("table-shrunk", "pdf: a table in %s is too wide for the page at %.1f pt: it is set at %.1f pt", l.place, (c.size*9/10).Points(), size.Points()))
	}
	gap := size
	cc := c
	cc.size, cc.leading = size, size*13/10
	if len(t.Caption) > 0 {
		capc := c
		capc.ragged = true
		cap := l.open("Caption")
		// The caption stays with the table's first rows.
		l.keep = 1 << 20
		l.paragraph(l.runs(t.Caption, typeset.Style{Font: typeset.Italic, Size: c.size, Tag: l.cur}), capc, anchorMarks(t.Caption))
		l.close(cap)
		l.space(l.g.parskip / 2)
		l.keep = 2
	}
	// colX[i] is where column i starts; span gives a cell's width.
	colX := make([]unit, cols+1)
	for i := range cols {
		colX[i+1] = colX[i] + widths[i] + gap
	}
	span := func(g doc.GridCell) unit { return colX[g.Col+g.ColSpan] - colX[g.Col] - gap }
	type setCell struct {
		g     doc.GridCell
		lines []typeset.Line
	}
	var head []typeset.Elem // the header row again, for the next pages
	for first := 0; first < len(grid); {
		// A group of rows that cells spanning rows join: set together,
		// on one page.
		end := first + 1
		if first < header {
			end = header // the header rows are one group
		}
		for r := first; r < end; r++ {
			for _, g := range grid[r] {
				end = max(end, g.Row+g.RowSpan)
			}
		}
		var cells []setCell
		heights := make([]int, end-first)
		for r := first; r < end; r++ {
			isHead := r < header
			tr := l.open("TR")
			for _, g := range grid[r] {
				font := typeset.Regular
				cell := l.open("TD")
				switch {
				case isHead:
					cell.Role, cell.Scope, font = "TH", "Column", typeset.Bold
				case g.Header:
					cell.Role, cell.Scope, font = "TH", "Row", typeset.Bold
				}
				if g.ColSpan > 1 {
					cell.ColSpan = g.ColSpan
				}
				if g.RowSpan > 1 {
					cell.RowSpan = g.RowSpan
				}
				w := span(g)
				runs := l.runs(g.Flat(), typeset.Style{Font: font, Size: size, Tag: l.cur})
				ps := l.cellStyle(w)
				if isHead || g.Header {
					// A heading is hyphenated only where a word of it
					// is wider than its column ("Struc-ture" in a
					// column that had room for "Structure" read badly).
					if ww, _ := typeset.NewParagraph(l.fam, runs, typeset.ParagraphStyle{Width: 1 << 40, Ragged: true}).Widths(); ww <= w {
						ps.Hyphenator = nil
					}
				}
				lines := typeset.NewParagraph(l.fam, runs, ps).Break()
				l.close(cell)
				if g.Col < len(t.Align) && (t.Align[g.Col] == doc.AlignRight || t.Align[g.Col] == doc.AlignCenter) {
					for k := range lines {
						shift := w - lines[k].End()
						if t.Align[g.Col] == doc.AlignCenter {
							shift /= 2
						}
						for b := range lines[k].Boxes {
							lines[k].Boxes[b].X += shift
						}
					}
				}
				if g.RowSpan == 1 {
					heights[r-first] = max(heights[r-first], len(lines))
				}
				cells = append(cells, setCell{g, lines})
			}
			l.close(tr)
		}
		// A cell spanning rows taller than they are makes its last one
		// taller.
		for _, sc := range cells {
			if sc.g.RowSpan > 1 {
				last := sc.g.Row + sc.g.RowSpan - 1 - first
				if have := sumInts(heights[sc.g.Row-first : last+1]); have < len(sc.lines) {
					heights[last] += len(sc.lines) - have
				}
			}
		}
		top := make([]int, len(heights)) // each row's first line
		for i := 1; i < len(heights); i++ {
			top[i] = top[i-1] + heights[i-1]
		}
		total := sumInts(heights)
		merged := make([]typeset.Line, total)
		at := make([]int, total) // the row of each line, counted from 1
		for k := range merged {
			merged[k] = typeset.Line{Width: c.width, Last: true}
		}
		for r := range heights {
			for k := top[r]; k < top[r]+heights[r]; k++ {
				at[k] = max(first+r+1-header, 0)
			}
		}
		// Each line holds its cells' lines in column order, the order
		// they are read (a cell spanning rows from above takes its place
		// among them).
		slices.SortStableFunc(cells, func(a, b setCell) int { return a.g.Col - b.g.Col })
		for _, sc := range cells {
			for k, ln := range sc.lines {
				line := &merged[top[sc.g.Row-first]+k]
				for _, b := range ln.Boxes {
					b.X += colX[sc.g.Col]
					line.Boxes = append(line.Boxes, b)
				}
			}
		}
		if first > 0 {
			l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: 0})
		}
		// Rows count from 1; the header and the caption are the table.
		l.src = source{node: t}
		start := len(l.elems)
		// A group of rows stays on one page.
		l.keep = max(l.keep, len(merged))
		l.pushLinesAt(merged, at, cc, nil, false)
		// The theme's fills: the header rows', every other body row's.
		pad := size / 3
		fill := typeset.Fill{X: c.x - pad, W: c.width + 2*pad}
		switch {
		case first == 0 && header > 0:
			fill.Color = l.colors.TableHeader
		case (first-header)%2 == 1:
			fill.Color = l.colors.Zebra
		}
		if fill.Color != 0 {
			l.fill(start, fill, false)
		}
		rule := typeset.Elem{Kind: typeset.VBox, Height: size / 2, X: c.x, Box: ruleBox{Width: c.width}}
		if first == 0 && header > 0 {
			head = repeatedHead(merged, cc, rule)
			for k := range head {
				if head[k].Kind == typeset.VLine {
					head[k].Fill = fill
				}
			}
			l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: typeset.Infinity})
			l.push(rule)
			first = end
			continue
		}
		if head != nil {
			for k := start; k < len(l.elems); k++ {
				if l.elems[k].Kind == typeset.VLine {
					l.elems[k].Head = head
					break
				}
			}
		}
		first = end
	}
}

func sumInts(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// repeatedHead returns the elements that repeat a table's header row at
// the top of a page: its lines, drawn as decoration (for a reader, the
// header was read once), and its rule.
func repeatedHead(lines []typeset.Line, c ctx, rule typeset.Elem) []typeset.Elem {
	var out []typeset.Elem
	for _, ln := range lines {
		cp := ln
		cp.Boxes = append([]typeset.Placed(nil), ln.Boxes...)
		for i := range cp.Boxes {
			st := *cp.Boxes[i].Style
			st.Tag, st.Link = decoration{}, ""
			cp.Boxes[i].Style = &st
		}
		out = append(out, typeset.Elem{Kind: typeset.VLine, Height: c.leading, Baseline: baseline(c), X: c.x, Line: &cp})
	}
	return append(out, rule)
}

// cellStyle is how a table cell's text is set in a column.
func (l *layout) cellStyle(width unit) typeset.ParagraphStyle {
	ps := typeset.ParagraphStyle{Width: width, Ragged: true, Hyphenator: l.hyph}
	if l.words != nil {
		ps.Words = l.words
	}
	return ps
}

// columns returns the widths of a table's columns in type of the given
// size, and the size: the natural widths when they fit the measure;
// else each column gets its minimum (its widest piece that no break can
// split) and shares the rest by how much more it would like; else the
// type shrinks, down to 7 pt. ok is false for a table too wide even so.
func (l *layout) columns(rows [][]doc.GridCell, header int, cols int, measure, size, smallest unit) (widths []unit, _ unit, ok bool) {
	l.measuring = true
	defer func() { l.measuring = false }()
	for {
		gap := size
		avail := measure - gap*unit(cols-1)
		// The minimum is the widest word, unless the words do not fit:
		// then the widest word of the body and the header's widest piece
		// between hyphenation points (a header may hyphenate where the
		// cells below do not), and if those do not fit either, the
		// widest piece anywhere.
		minW := make([]unit, cols)
		wordW := make([]unit, cols)
		bodyW := make([]unit, cols)
		natural := make([]unit, cols)
		// A cell that spans columns asks for room after the others
		// have theirs (below).
		type spanned struct {
			g          doc.GridCell
			mw, ww, nw unit
		}
		var spans []spanned
		for ri, r := range rows {
			for _, g := range r {
				font := typeset.Regular
				if ri < header || g.Header {
					font = typeset.Bold
				}
				runs := l.runs(g.Flat(), typeset.Style{Font: font, Size: size})
				mw, nw := typeset.NewParagraph(l.fam, runs, l.cellStyle(1<<40)).Widths()
				ww, _ := typeset.NewParagraph(l.fam, runs, typeset.ParagraphStyle{Width: 1 << 40, Ragged: true}).Widths()
				if g.ColSpan > 1 {
					spans = append(spans, spanned{g, mw, ww, nw})
					continue
				}
				i := g.Col
				minW[i] = max(minW[i], mw)
				wordW[i] = max(wordW[i], ww)
				natural[i] = max(natural[i], nw)
				if ri < header {
					bodyW[i] = max(bodyW[i], mw)
				} else {
					bodyW[i] = max(bodyW[i], ww)
				}
			}
		}
		// The columns a cell spans, with the gaps between them, take
		// what it asks: what they lack goes to the last of them.
		for _, sp := range spans {
			for _, w := range []struct {
				ws   []unit
				want unit
			}{{minW, sp.mw}, {wordW, sp.ww}, {bodyW, sp.ww}, {natural, sp.nw}} {
				have := gap * unit(sp.g.ColSpan-1)
				for i := sp.g.Col; i < sp.g.Col+sp.g.ColSpan; i++ {
					have += w.ws[i]
				}
				if have < w.want {
					w.ws[sp.g.Col+sp.g.ColSpan-1] += w.want - have
				}
			}
		}
		var sumMin, sumWord, sumBody, sumNat unit
		for i := range minW {
			sumMin += minW[i]
			sumWord += wordW[i]
			sumBody += bodyW[i]
			sumNat += natural[i]
		}
		switch {
		case sumWord <= avail:
			copy(minW, wordW)
			sumMin = sumWord
		case sumBody <= avail:
			copy(minW, bodyW)
			sumMin = sumBody
		}
		var extra unit
		for i := range minW {
			extra += natural[i] - minW[i]
		}
		widths = make([]unit, cols)
		switch {
		case avail > 0 && sumNat <= avail:
			copy(widths, natural)
			return widths, size, true
		case avail > 0 && sumMin <= avail:
			for i := range widths {
				widths[i] = minW[i]
				if extra > 0 {
					widths[i] += unit(int64(natural[i]-minW[i]) * int64(avail-sumMin) / int64(extra))
				}
			}
			return widths, size, true
		}
		if size <= smallest || sumMin <= 0 {
			return nil, size, false
		}
		// Widths grow with the type: shrink it by as much as the
		// columns are too wide, a little more to be sure.
		next := unit(int64(size) * int64(max(avail, 1)) / int64(sumMin) * 98 / 100)
		size = max(min(next, size-size/50), smallest)
	}
}

// wideTable sets a table with too many columns for the page as one
// paragraph per row, each cell after its column's heading: nothing is
// lost and nothing runs off the page.
func (l *layout) wideTable(t *doc.Table, c ctx) {
	if !l.wideWarned {
		l.wideWarned = true
		l.host.Warnf("%w", diag.Warnf("table-as-paragraphs", "pdf: a table in %s has too many columns to fit the page; each row is set as a paragraph", l.place))
	}
	st := typeset.Style{Font: c.font, Size: c.size * 9 / 10, Tag: l.cur}
	cc := c
	cc.size, cc.ragged = st.Size, true
	cc.leading = cc.size * 13 / 10
	rows := t.Places()[t.HeaderRows():]
	head := t.ColumnHeads()
	for ri, r := range rows {
		if ri > 0 {
			l.space(l.g.parskip / 2)
		}
		var runs []typeset.Run
		for i, cell := range r {
			if cell == nil || cell.Empty() && len(head[i]) == 0 {
				continue // covered by a cell that spans, or empty
			}
			if len(runs) > 0 {
				runs = append(runs, typeset.Run{Text: "; ", Style: st})
			}
			if len(head[i]) > 0 {
				bold := typeset.Style{Font: st.Font.WithBold(), Size: st.Size, Tag: l.cur}
				for k, h := range head[i] {
					if k > 0 {
						runs = append(runs, typeset.Run{Text: " ", Style: bold})
					}
					runs = append(runs, l.runs(h.Flat(), bold)...)
				}
				runs = append(runs, typeset.Run{Text: ": ", Style: bold})
			}
			runs = append(runs, l.runs(cell.Flat(), st)...)
		}
		if len(runs) > 0 {
			l.src = source{node: t, at: ri + 1}
			l.paragraph(runs, cc, nil)
		}
	}
}

// figure sets an image scaled to the measure, with its caption below. A
// remote image is never fetched: its alternative text stands in, linked
// to it.
func (l *layout) figure(f *doc.Figure, c ctx) {
	img, err := l.images.get(f.Src)
	if err != nil {
		l.fail(err)
		return
	}
	// An image that is not drawn shows its alternative text, else its
	// address; its Figure's /Alt is its alternative text, else its
	// caption, else its address.
	shown := strings.TrimSpace(f.Alt)
	if shown == "" {
		shown = f.Src
	}
	alt := strings.TrimSpace(f.Alt)
	if alt == "" {
		alt = strings.TrimSpace(doc.PlainText(f.Caption))
	}
	if alt == "" {
		alt = f.Src
	}
	switch {
	case img == nil && alt == "":
		// Nothing to show and nothing to say: no Figure, only its
		// caption, if any.
		l.cur.Role = "Div"
	case img == nil && shown == "":
		l.cur.Alt = alt // the caption, inside the Figure
	case img == nil:
		st := typeset.Style{Font: typeset.Italic, Size: c.size, Tag: l.cur}
		if s := doc.URLScheme(f.Src); s == "http" || s == "https" {
			// The Figure holds a Link, which owns the link annotation
			// (PDF/UA-1 7.18.5).
			st.Link = f.Src
			st.Tag = &StructElem{Role: "Link", Parent: l.cur}
			l.cur.Kids = append(l.cur.Kids, st.Tag.(*StructElem))
		}
		l.paragraph([]typeset.Run{{Text: l.clean("["+shown+"]", typeset.Italic), Style: st}}, c, nil)
		l.cur.Alt = alt
	default:
		w, h := img.Width, img.Height
		maxH := l.g.textHeight * 6 / 10
		if w > c.width {
			h = h * c.width / w
			w = c.width
		}
		if h > maxH {
			w = w * maxH / h
			h = maxH
		}
		// A figure's alternative text is its own, or else its
		// caption's; an image with neither is decoration, not content
		// (an artifact in tagged PDF, as alt="" is in HTML).
		alt := strings.TrimSpace(f.Alt)
		if alt == "" {
			alt = strings.TrimSpace(doc.PlainText(f.Caption))
		}
		elem := l.cur
		if alt == "" {
			elem = nil
			l.noAlt = append(l.noAlt, f.Src)
		}
		l.push(typeset.Elem{Kind: typeset.VBox, Height: h, X: c.x + (c.width-w)/2, Box: imageBox{Picture: img, Width: w, Height: h, Src: f.Src, Elem: elem}})
		l.cur.Alt = alt
	}
	if len(f.Caption) > 0 {
		l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: typeset.Infinity})
		l.push(typeset.Elem{Kind: typeset.VSpace, Height: l.g.parskip / 2})
		cc := c
		cc.size = l.scaled(c.size, l.theme.Fonts.CaptionSize, 0.9)
		cc.leading = cc.size * 13 / 10
		cc.ragged = true
		// The Figure's /Alt stands for all it holds: a caption that
		// says more than the alternative text is read after it, a
		// Caption beside the Figure; one that says the same is inside
		// it, read once.
		fig := l.cur
		alt := strings.TrimSpace(fig.Alt)
		beside := fig.Parent != nil && alt != "" && alt != strings.TrimSpace(doc.PlainText(f.Caption))
		if beside {
			l.cur = fig.Parent
		}
		cap := l.open("Caption")
		lines := l.paragraph(l.runs(f.Caption, typeset.Style{Font: typeset.Italic, Size: cc.size, Tag: l.cur}), cc, anchorMarks(f.Caption))
		l.close(cap)
		l.cur = fig
		l.center(lines, cc)
	}
}

// notesAtFoot reports whether notes go to the foot of their page.
func (l *layout) notesAtFoot() bool { return l.cfg.Notes != "end" }

// noteCtx is where notes are set: smaller type, the number hanging.
func (l *layout) noteCtx() ctx {
	c := l.body()
	c.size = l.scaled(l.g.size, l.theme.Fonts.NoteSize, 0.85)
	c.leading = c.size * 13 / 10
	c.x += c.size * 2
	c.width -= c.size * 2
	return c
}

// footnotes returns the vertical list of the notes a line refers to that
// have not been set yet, for the foot of the line's page; with notes at
// the end of chapters, nothing.
func (l *layout) footnotes(line *typeset.Line) []typeset.Elem {
	if !l.notesAtFoot() || len(l.notes) == 0 {
		return nil
	}
	var foot []typeset.Elem
	for _, b := range line.Boxes {
		n, ok := doc.NoteNumber(strings.TrimPrefix(b.Style.Link, "#"))
		if !ok {
			continue
		}
		for k, note := range l.notes {
			if note.Number != n {
				continue
			}
			l.notes = append(l.notes[:k:k], l.notes[k+1:]...)
			if len(foot) > 0 {
				foot = append(foot, typeset.Elem{Kind: typeset.VSpace, Height: l.noteCtx().leading / 3})
			}
			foot = append(foot, l.note(note)...)
			break
		}
	}
	return foot
}

// note sets one note into a vertical list of its own: its blocks, with
// its number hanging before the first line, linked back to the
// reference. Notes its text refers to follow it.
func (l *layout) note(n *doc.Note) []typeset.Elem {
	saved, keep := l.elems, l.keep
	l.elems, l.keep = nil, 0
	nc := l.noteCtx()
	cur := l.cur // the note may move under its reference: come back here
	defer func() { l.cur = cur }()
	elem := l.open("Note")
	elem.ID = doc.NoteID(n.Number)
	if ref := l.refs[n]; ref != nil && ref.Parent != nil {
		// Read after its reference, in the reference's element.
		if p := elem.Parent; p != nil {
			p.Kids = slices.DeleteFunc(p.Kids, func(k *StructElem) bool { return k == elem })
		}
		elem.Parent, elem.After = ref.Parent, ref
		ref.Parent.Kids = append(ref.Parent.Kids, elem)
	}
	if len(n.Blocks) == 0 {
		l.paragraph([]typeset.Run{{Text: " ", Style: typeset.Style{Size: nc.size, Tag: l.cur}}}, nc, nil)
	}
	l.blocks(n.Blocks, nc)
	l.numberNote(n, 0, nc)
	l.close(elem)
	out := l.elems
	// Notes this note refers to follow it at the same foot.
	var nested []typeset.Elem
	for i := range out {
		nested = append(nested, out[i].Foot...)
		out[i].Foot = nil
	}
	l.elems, l.keep = saved, keep
	return append(out, nested...)
}

// numberNote hangs note n's number before its first line at or after
// element first, linked back to the reference, and marks the line as the
// note's destination.
func (l *layout) numberNote(n *doc.Note, first int, c ctx) {
	num := strconv.Itoa(n.Number)
	for k := first; k < len(l.elems); k++ {
		if e := &l.elems[k]; e.Kind == typeset.VLine {
			// The number links back to the reference: a Link element
			// of the note.
			st := typeset.Style{Font: typeset.Regular, Size: c.size, Link: "#" + doc.NoteRefID(n.Number), Tag: &StructElem{Role: "Link", Parent: l.cur}}
			w := l.fam.Width(st.Font, st.Size, num+".")
			l.fix(e.Line)
			e.Line.Boxes = append([]typeset.Placed{{X: -w - c.size/2, Width: w, Text: num + ".", Style: &st}}, e.Line.Boxes...)
			e.Marks = append(e.Marks, typeset.Mark{ID: doc.NoteID(n.Number)})
			return
		}
	}
}

// flushNotes sets the notes referenced since the last flush, under a
// small heading.
func (l *layout) flushNotes() {
	if len(l.notes) == 0 {
		return
	}
	l.space(l.g.leading * 3 / 2)
	c := l.body()
	c.size = l.scaled(l.g.size, l.theme.Fonts.NoteSize, 0.85)
	c.leading = c.size * 13 / 10
	hc := c
	hc.ragged, hc.hyphens, hc.font = true, false, typeset.Bold
	l.keep = 1 << 20
	l.src = source{} // the notes' heading is not in the document
	head := l.open("P")
	l.paragraph([]typeset.Run{{Text: l.clean(labelNotes(l.d.Meta.Lang), typeset.Bold), Style: typeset.Style{Font: typeset.Bold, Size: c.size, Tag: l.cur}}}, hc, nil)
	l.close(head)
	l.keep = 2
	for len(l.notes) > 0 {
		n := l.notes[0]
		note := l.open("Note")
		note.ID = doc.NoteID(n.Number)
		l.notes = l.notes[1:]
		l.space(c.leading / 3)
		nc := c
		nc.x += c.size * 2
		nc.width -= c.size * 2
		first := len(l.elems)
		if len(n.Blocks) == 0 {
			l.paragraph([]typeset.Run{{Text: " ", Style: typeset.Style{Size: c.size, Tag: l.cur}}}, nc, nil)
		}
		l.blocks(n.Blocks, nc)
		l.numberNote(n, first, c)
		l.close(note)
	}
}

// scaled returns size times f, a theme's factor; the default's, def,
// gives size times it as galley has always computed it (in hundredths),
// so that the default theme's pages stay as they were.
func (l *layout) scaled(size unit, f, def float64) unit {
	if f == 0 || f == def {
		return size * unit(def*100+0.5) / 100
	}
	return unit(float64(size)*f + 0.5)
}
