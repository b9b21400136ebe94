package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Footnotes as PHP Markdown Extra and GitHub write them: "[^label]" refers
// to the definition "[^label]: text", whose following lines indented by
// four spaces belong to it.
//
// goldmark's own footnote extension finds a reference's definition by
// walking the list of every definition, and sorts that list by insertion,
// so that 20,000 notes take seconds and 100,000 never finish. This one
// keeps definitions in a map: time is linear in the number of notes. It
// only parses; the converter turns the nodes into doc.Note.

// footnoteLabelLimit is the longest label, as for link labels.
const footnoteLabelLimit = 999

var footnoteDefsKey = parser.NewContextKey()

// noteDef is a footnote definition; its children are the note's blocks.
type noteDef struct {
	ast.BaseBlock
	label string
}

var kindNoteDef = ast.NewNodeKind("GalleyNoteDef")

func (n *noteDef) Kind() ast.NodeKind { return kindNoteDef }
func (n *noteDef) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.label}, nil)
}

// noteRef is a reference to a defined footnote.
type noteRef struct {
	ast.BaseInline
	label string
}

var kindNoteRef = ast.NewNodeKind("GalleyNoteRef")

func (n *noteRef) Kind() ast.NodeKind { return kindNoteRef }
func (n *noteRef) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.label}, nil)
}

// definitions returns the footnote labels a parse knows: those defined
// in the text parsed so far, and those set beforehand (with a nil
// definition) because another chunk defines them.
func definitions(pc parser.Context) map[string]*noteDef {
	if m, ok := pc.Get(footnoteDefsKey).(map[string]*noteDef); ok {
		return m
	}
	m := map[string]*noteDef{}
	pc.Set(footnoteDefsKey, m)
	return m
}

// noteLabel reads "[^label]" at pos in line and returns the label and the
// position after "]"; ok is false if there is none there.
func noteLabel(line []byte, pos int) (label []byte, end int, ok bool) {
	if pos+2 >= len(line) || line[pos] != '[' || line[pos+1] != '^' {
		return nil, 0, false
	}
	open := pos + 2
	window := line[open:min(len(line), open+footnoteLabelLimit)]
	closure := util.FindClosure(window, '[', ']', false, false) //nolint:staticcheck // as goldmark's own parser
	if closure < 0 {
		return nil, 0, false
	}
	label = line[open : open+closure]
	if util.IsBlank(label) {
		return nil, 0, false
	}
	return label, open + closure + 1, true
}

type noteDefParser struct{}

func (noteDefParser) Trigger() []byte { return []byte{'['} }

func (noteDefParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	label, end, ok := noteLabel(line, pos)
	if !ok || end >= len(line) || line[end] != ':' {
		return nil, parser.NoChildren
	}
	def := &noteDef{label: string(label)}
	if m := definitions(pc); m[def.label] == nil {
		m[def.label] = def // the first definition of a label wins
	}
	after := end + 1 - segment.Padding
	if after >= len(line) {
		reader.Advance(after)
		return def, parser.NoChildren
	}
	reader.AdvanceAndSetPadding(after, segment.Padding)
	return def, parser.HasChildren
}

func (noteDefParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return indented(reader)
}

// indented continues a block whose content is indented by four spaces
// (a footnote's, a MkDocs admonition's): blank lines and indented lines
// belong to it, without their indent; any other line closes it.
func indented(reader text.Reader) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	childpos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	if childpos < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(childpos, padding)
	return parser.Continue | parser.HasChildren
}

func (noteDefParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (noteDefParser) CanInterruptParagraph() bool                                { return true }
func (noteDefParser) CanAcceptIndentedLine() bool                                { return false }

type noteRefParser struct{}

// Trigger includes '!' so that "![^1]" is a "!" and a reference, not an
// image.
func (noteRefParser) Trigger() []byte { return []byte{'!', '['} }

func (noteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	pos := 0
	if len(line) > 0 && line[0] == '!' {
		pos = 1
	}
	label, end, ok := noteLabel(line, pos)
	if !ok {
		return nil
	}
	if _, ok := definitions(pc)[string(label)]; !ok {
		return nil // no such note: the text stays as written
	}
	block.Advance(end)
	if pos == 1 {
		parent.AppendChild(parent, ast.NewTextSegment(text.NewSegment(segment.Start, segment.Start+1)))
	}
	return &noteRef{label: string(label)}
}

// footnotes is the goldmark extension that adds the two parsers.
type footnotes struct{}

func (footnotes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(noteDefParser{}, 999)),
		parser.WithInlineParsers(util.Prioritized(noteRefParser{}, 101)),
	)
}
