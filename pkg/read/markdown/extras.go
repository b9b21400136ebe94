package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/galleypress/galley/pkg/doc"
)

// The Markdown people write beyond CommonMark and GFM's tables: math in
// dollars ($x^2$, $$…$$, as GitHub, pandoc and MathJax read it), and
// admonitions as containers (":::tip", VitePress, Docusaurus,
// markdown-it-container) and as MkDocs writes them ("!!! note"). GitHub's
// alerts ("> [!NOTE]") are quotes the converter recognises.

// mathNode is a formula: TeX source as written, never unescaped.
type mathNode struct {
	ast.BaseInline
	tex     string
	display bool
}

var kindMath = ast.NewNodeKind("GalleyMath")

func (n *mathNode) Kind() ast.NodeKind { return kindMath }
func (n *mathNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"TeX": n.tex}, nil)
}

// mathParser reads $…$ and $$…$$. A single dollar opens only before a
// non-space and closes only after a non-space and before a non-digit,
// so that "$5 and $10" stays text (pandoc's rule); $…$ stays on one
// line, $$…$$ may span lines of its paragraph. A backslash keeps the
// next character from closing the formula; a backtick (a code span)
// before the closer makes it no formula.
type mathParser struct{}

func (mathParser) Trigger() []byte { return []byte{'$'} }

// noCloser records where a formula's closer was looked for in vain: a
// later opener of the same kind further on finds none either, so that a
// text of thousands of unmatched "$" costs a scan, not one per "$".
var noCloser = parser.NewContextKey()

type noCloserAt struct {
	from, to int // the source's bytes searched in vain
	n        int // for "$" (1) or "$$" (2)
}

func (mathParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	n := 1
	if len(line) > 1 && line[1] == '$' {
		n = 2
	}
	if n == 1 && (len(line) < 2 || isSpaceByte(line[1])) {
		return nil
	}
	saveLine, savePos := block.Position()
	if nc, ok := pc.Get(noCloser).(noCloserAt); ok && nc.n == n && savePos.Start >= nc.from && savePos.Start < nc.to {
		return nil
	}
	searched := savePos.Start
	fail := func() ast.Node {
		block.SetPosition(saveLine, savePos)
		pc.Set(noCloser, noCloserAt{from: savePos.Start, to: searched, n: n})
		return nil
	}
	var tex []byte
	pos := n // where to look in the current line
	for lines := 0; ; lines++ {
		var seg text.Segment
		line, seg = block.PeekLine()
		if line == nil || (n == 1 && lines > 0) {
			return fail()
		}
		searched = max(searched, seg.Stop)
		end := -1
		for i := pos; i < len(line); i++ {
			c := line[i]
			if c == '\\' && i+1 < len(line) {
				i++
				continue
			}
			if c == '`' {
				// A code span starts before any closer: "$5 and
				// `$HOME`" is text and code, never a formula that
				// swallows the code. (No opener before it finds a
				// closer either.)
				searched = seg.Start + i
				return fail()
			}
			if c != '$' {
				continue
			}
			if n == 2 {
				if i+1 < len(line) && line[i+1] == '$' {
					end = i
					break
				}
				continue
			}
			if i > pos && !isSpaceByte(line[i-1]) && (i+1 >= len(line) || line[i+1] < '0' || line[i+1] > '9') {
				end = i
				break
			}
			// A dollar that cannot close would end the formula in TeX:
			// "$20 $ more" is prices, not math.
			if n == 1 {
				searched = seg.Start + i
				return fail()
			}
		}
		if end >= 0 {
			tex = append(tex, line[pos:end]...)
			block.Advance(end + n)
			break
		}
		tex = append(tex, line[pos:]...)
		block.AdvanceLine()
		pos = 0
	}
	s := strings.TrimSpace(string(tex))
	if s == "" {
		block.SetPosition(saveLine, savePos)
		return nil
	}
	return &mathNode{tex: s, display: n == 2}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// admonNode is an admonition: its children are its blocks.
type admonNode struct {
	ast.BaseBlock
	kind, title string
	fence       int // the colons that opened a ":::" container; 0 for MkDocs
	// div, if set, makes the container pandoc's fenced div, "::: {lang=en}":
	// a doc.Div with these attributes.
	div *doc.Attr
}

var kindAdmon = ast.NewNodeKind("GalleyAdmonition")

func (n *admonNode) Kind() ast.NodeKind { return kindAdmon }
func (n *admonNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Kind": n.kind, "Title": n.title}, nil)
}

var (
	containerOpen = regexp.MustCompile(`^(:{3,})[ \t]*([A-Za-z][\w-]*)[ \t]*(.*?)[ \t]*$`)
	divOpen       = regexp.MustCompile(`^(:{3,})[ \t]*(\{[^}]*\})[ \t]*:*[ \t]*$`)
)

// lineBody returns the length of a line without its line end: a
// parser that takes a whole line advances by it (the last line of a
// text may have no line end).
func lineBody(line []byte) int {
	return len(bytes.TrimRight(line, "\r\n"))
}

// containerParser reads ":::kind Title" … ":::", and pandoc's fenced
// div, "::: {#id .class key=value}" … ":::".
type containerParser struct{}

func (containerParser) Trigger() []byte { return []byte{':'} }

// openLine matches a block's opening line, from the block's start, and
// takes the line when it matches.
func openLine(re *regexp.Regexp, reader text.Reader, pc parser.Context) [][]byte {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil
	}
	m := re.FindSubmatch(bytes.TrimRight(line[pos:], "\r\n"))
	if m != nil {
		reader.Advance(lineBody(line))
	}
	return m
}

// admonDepth counts the admonitions open while a text is parsed.
var admonDepth = parser.NewContextKey()

// maxAdmonDepth is how deep admonitions nest: goldmark asks every open
// block about every line, so that thousands of them open at once cost
// time and memory with the square of their number. Deeper ones stay
// text, as the guard flattens other containers (maxPrefixMarkers).
const maxAdmonDepth = maxPrefixMarkers

// admonTooDeep is set once an admonition was left as text for being
// too deep, for the reader's warning.
var admonTooDeep = parser.NewContextKey()

// admonOpen reports whether another admonition may open, and counts it.
func admonOpen(pc parser.Context) bool {
	n, _ := pc.Get(admonDepth).(int)
	if n >= maxAdmonDepth {
		pc.Set(admonTooDeep, true)
		return false
	}
	pc.Set(admonDepth, n+1)
	return true
}

func admonClose(pc parser.Context) {
	if n, _ := pc.Get(admonDepth).(int); n > 0 {
		pc.Set(admonDepth, n-1)
	}
}

func (containerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	body := bytes.TrimRight(line[pos:], "\r\n")
	if m := divOpen.FindSubmatch(body); m != nil {
		attr, _, ok := parseAttr(string(m[2]))
		if !ok || !admonOpen(pc) {
			return nil, parser.NoChildren
		}
		reader.Advance(lineBody(line))
		return &admonNode{fence: len(m[1]), div: &attr}, parser.HasChildren
	}
	if !containerOpen.Match(body) || !admonOpen(pc) {
		return nil, parser.NoChildren
	}
	m := openLine(containerOpen, reader, pc)
	return &admonNode{kind: strings.ToLower(string(m[2])), title: strings.Trim(string(m[3]), `"`), fence: len(m[1])}, parser.HasChildren
}

func (containerParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	t := bytes.TrimSpace(line)
	if len(t) >= node.(*admonNode).fence && len(bytes.Trim(t, ":")) == 0 {
		reader.Advance(lineBody(line))
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (containerParser) Close(node ast.Node, reader text.Reader, pc parser.Context) { admonClose(pc) }
func (containerParser) CanInterruptParagraph() bool                                { return true }
func (containerParser) CanAcceptIndentedLine() bool                                { return false }

var mkdocsOpen = regexp.MustCompile(`^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$`)

// mkdocsParser reads MkDocs' "!!! kind "Title"" (and the collapsible
// "??? kind"), whose content is indented by four spaces.
type mkdocsParser struct{}

func (mkdocsParser) Trigger() []byte { return []byte{'!', '?'} }

func (mkdocsParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	if pos := pc.BlockOffset(); pos < 0 || !mkdocsOpen.Match(bytes.TrimRight(line[pos:], "\r\n")) || !admonOpen(pc) {
		return nil, parser.NoChildren
	}
	m := openLine(mkdocsOpen, reader, pc)
	return &admonNode{kind: strings.ToLower(string(m[1])), title: string(m[2])}, parser.HasChildren
}

func (mkdocsParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return indented(reader)
}

func (mkdocsParser) Close(node ast.Node, reader text.Reader, pc parser.Context) { admonClose(pc) }
func (mkdocsParser) CanInterruptParagraph() bool                                { return true }
func (mkdocsParser) CanAcceptIndentedLine() bool                                { return false }

// extras is the goldmark extension that adds the parsers above.
type extras struct{}

func (extras) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(containerParser{}, 998), util.Prioritized(mkdocsParser{}, 997)),
		parser.WithInlineParsers(util.Prioritized(mathParser{}, 102)),
	)
}

// alertRe matches the first line of a GitHub alert.
var alertRe = regexp.MustCompile(`(?i)^\[!(note|tip|important|warning|caution)\][ \t]*$`)

// alertKind returns the kind of a GitHub alert ("note" for a quote whose
// first line is "[!NOTE]"), or "".
func (c *converter) alertKind(q *ast.Blockquote) string {
	p := q.FirstChild()
	if p == nil || p.Kind() != ast.KindParagraph || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	m := alertRe.FindSubmatch(bytes.TrimSpace(first.Value(c.src)))
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}

// dropAlertMarker removes "[!NOTE]" from the start of an alert's first
// paragraph, and the paragraph if nothing else is in it.
func dropAlertMarker(bs []doc.Block) []doc.Block {
	if len(bs) == 0 {
		return bs
	}
	p, ok := bs[0].(*doc.Paragraph)
	if !ok || len(p.Inlines) == 0 {
		return bs
	}
	t, ok := p.Inlines[0].(*doc.Text)
	if !ok {
		return bs
	}
	i := strings.Index(t.Text, "]")
	if i < 0 {
		return bs
	}
	t.Text = strings.TrimLeft(t.Text[i+1:], " \t\n")
	if t.Text == "" {
		p.Inlines = p.Inlines[1:]
		if len(p.Inlines) > 0 {
			if _, br := p.Inlines[0].(*doc.LineBreak); br {
				p.Inlines = p.Inlines[1:]
			}
		}
	}
	if len(p.Inlines) == 0 {
		return bs[1:]
	}
	return bs
}

// takeCheckbox removes a task list item's checkbox and returns its state.
func takeCheckbox(item ast.Node) doc.Task {
	first := item.FirstChild()
	if first == nil {
		return doc.NoTask
	}
	cb, ok := first.FirstChild().(*east.TaskCheckBox)
	if !ok {
		return doc.NoTask
	}
	first.RemoveChild(first, cb)
	if cb.IsChecked {
		return doc.Done
	}
	return doc.Todo
}

// trimLeadingSpace removes the space after a checkbox.
func trimLeadingSpace(bs []doc.Block) {
	if len(bs) == 0 {
		return
	}
	if p, ok := bs[0].(*doc.Paragraph); ok && len(p.Inlines) > 0 {
		if t, ok := p.Inlines[0].(*doc.Text); ok {
			t.Text = strings.TrimLeft(t.Text, " \t")
		}
	}
}
