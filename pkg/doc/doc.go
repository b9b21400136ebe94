// Package doc defines galley's document model: a Document holds metadata,
// the blocks before its first heading, and a tree of sections; blocks hold
// inlines. Readers build a Document, transforms refine it and renderers
// write it out without modifying it.
//
// The model has a versioned JSON form (see Encode and Decode) so that other
// programs can produce or inspect documents.
package doc

import (
	"strconv"
	"strings"
)

// Document is a whole document: metadata, the blocks that come before the
// first section, and the top-level sections.
type Document struct {
	Meta     Meta
	Blocks   []Block
	Sections []*Section
}

// Meta is a document's metadata. Lang is a BCP 47 tag such as "nl" or
// "en-US". Date is free text, preferably an ISO 8601 date (2023-09-19).
// Cover is the path of a cover image, relative to the input's folder.
type Meta struct {
	Title       string
	Subtitle    string
	Authors     []string
	Lang        string
	Date        string
	Identifier  string
	Publisher   string
	Rights      string
	Description string
	Keywords    []string
	Cover       string
	// Extra holds metadata fields that have no place above, in the
	// order they were given, so that nothing a reader found is lost.
	Extra []Field
}

// Field is one extra metadata field.
type Field struct {
	Key, Value string
}

// Section is a heading with the blocks and subsections that follow it.
// Level is 1 for a top-level heading. ID and Number are filled in by
// transforms (or by a reader that finds them in the source, such as the
// "2.1" of "2.1 Beleidsprioriteiten").
type Section struct {
	Level    int
	ID       string
	Number   string
	Title    []Inline
	Blocks   []Block
	Sections []*Section
}

// Block is a block-level element: *Paragraph, *Heading, *List, *Quote,
// *CodeBlock, *Table, *Figure, *Rule, *Admonition, *DefList or *Div.
type Block interface{ isBlock() }

// Inline is an inline element: *Text, *Emph, *Strong, *Strike, *Code,
// *Link, *Image, *Note, *Sup, *Sub, *LineBreak, *Math, *Anchor or *Span.
type Inline interface{ isInline() }

// Paragraph is a paragraph of inlines.
//
//doc:block paragraph
type Paragraph struct {
	Inlines []Inline `doc:"content"`
}

// Heading is a heading that cannot start a section because it sits inside
// a quote or a list item. It is kept in place.
//
//doc:block heading
type Heading struct {
	Level   int      `doc:"level" min:"1" max:"6"`
	Inlines []Inline `doc:"content"`
}

// List is a bullet list, or an ordered list when Ordered is set, numbered
// from Start. A tight list has no space between its items.
//
//doc:block list
type List struct {
	Ordered bool `doc:"ordered"`
	Start   int  `doc:"start" min:"0"`
	// Numbering is the style of an ordered list's numbers: "" or "1" for
	// 1, 2, 3; "a" and "A" for letters; "i" and "I" for roman numerals.
	Numbering string      `doc:"numbering" oneof:"1 a A i I"`
	Tight     bool        `doc:"tight"`
	Items     []*ListItem `doc:"items"`
}

// ListItem is one item of a list. Its blocks may include nested lists.
type ListItem struct {
	Blocks []Block `doc:"blocks"`
	// Task marks a task list item (GFM "- [x] done"): Todo or Done.
	Task Task `doc:"task"`
}

// Task is the state of a task list item.
//
//doc:enum "" todo done
type Task int

// Task states.
const (
	NoTask Task = iota // an ordinary list item
	Todo               // "- [ ]": an open checkbox
	Done               // "- [x]": a ticked checkbox
)

// Admonition is a block set apart with a label: GitHub's alerts
// ("> [!NOTE]"), ":::tip" containers, MkDocs' "!!! warning". Kind is
// lower case: note, tip, important, warning and caution have labels in
// every language galley knows; another kind ("info", "danger") is its
// own label. Title, if set, replaces the label.
//
//doc:block admonition since=2
type Admonition struct {
	Kind   string   `doc:"kind"`
	Title  []Inline `doc:"label"`
	Blocks []Block  `doc:"blocks"`
}

// DefList is a definition list: terms, each with its definitions.
//
//doc:block definition_list since=2
type DefList struct {
	Items []*DefItem `doc:"terms"`
}

// DefItem is a term of a definition list and its definitions, each a
// list of blocks.
type DefItem struct {
	Term []Inline  `doc:"term"`
	Defs [][]Block `doc:"definitions"`
}

// Quote is a block quotation.
//
//doc:block quote
type Quote struct {
	Blocks []Block `doc:"blocks"`
}

// CodeBlock is preformatted text. Lang names its language ("go"), if known.
// Text ends without a trailing newline.
//
//doc:block code_block
type CodeBlock struct {
	Lang string `doc:"lang"`
	Text string `doc:"text"`
}

// Align is the alignment of a table column.
//
//doc:enum default left center right
type Align int

// Column alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table with an optional header row. Align has one entry per
// column; rows may be shorter than the number of columns. A heading over
// several rows (a column group's name above its columns' names) goes on
// in the first HeadRows of Rows, below Header.
//
//doc:block table
type Table struct {
	Caption  []Inline `doc:"caption"`
	Align    []Align  `doc:"align"`
	Header   []Cell   `doc:"header"`
	HeadRows int      `doc:"headrows" min:"0"`
	Rows     [][]Cell `doc:"rows"`
}

// Cell is one table cell. A cell that spans columns or rows says how
// many (0 and 1 mean one); the cells it covers are not in the rows.
// Header marks a body cell that heads its row (HTML's <th> in a body
// row); the header row's cells head their columns.
//
// A cell holds a line of inlines, or, when it holds more (a list,
// several paragraphs, a table of its own), Blocks: a cell with Blocks
// has no Inlines. Formats that cannot put blocks in a cell (plain text,
// Markdown, the PDF's table cells) show Flat's lines instead.
type Cell struct {
	Inlines []Inline `doc:"content"`
	Blocks  []Block  `doc:"blocks"`
	ColSpan int      `doc:"colspan" min:"0"`
	RowSpan int      `doc:"rowspan" min:"0"`
	Header  bool     `doc:"header"`
}

// Attr are a node's attributes, as pandoc's: an id, classes, and other
// named values. The ones galley's formats honour are "lang" (the
// language of the part, a BCP 47 tag) and "dir" ("ltr", "rtl"); the
// rest are kept.
type Attr struct {
	ID      string   `doc:"id"`
	Classes []string `doc:"classes"`
	Pairs   []Pair   `doc:"attributes"`
}

// Pair is one named value of an Attr.
type Pair struct {
	Key   string `doc:"key"`
	Value string `doc:"value"`
}

// Get returns the value of key, or "".
func (a Attr) Get(key string) string {
	for _, p := range a.Pairs {
		if p.Key == key {
			return p.Value
		}
	}
	return ""
}

// Set sets key to value, replacing a value it had.
func (a *Attr) Set(key, value string) {
	for i := range a.Pairs {
		if a.Pairs[i].Key == key {
			a.Pairs[i].Value = value
			return
		}
	}
	a.Pairs = append(a.Pairs, Pair{key, value})
}

// IsZero reports whether a holds nothing.
func (a Attr) IsZero() bool { return a.ID == "" && len(a.Classes) == 0 && len(a.Pairs) == 0 }

// Div is a block of blocks with attributes: a part in another language
// (Attr "lang"), or in another direction, or of a class.
//
//doc:block div since=3
type Div struct {
	Attr   Attr    `doc:"attr"`
	Blocks []Block `doc:"blocks"`
}

// Figure is an image standing on its own, with alternative text and an
// optional caption. Src is a path relative to the input's folder, or a URL.
//
//doc:block figure
type Figure struct {
	Src     string   `doc:"src"`
	Alt     string   `doc:"alt"`
	Title   string   `doc:"title"`
	Caption []Inline `doc:"caption"`
}

// Rule is a thematic break.
//
//doc:block rule
type Rule struct{}

// Text is a run of text. Soft line breaks of the source are spaces.
//
//doc:inline text
type Text struct {
	Text string `doc:"text"`
}

// Emph is emphasised text, usually set in italics.
//
//doc:inline emph
type Emph struct {
	Inlines []Inline `doc:"content"`
}

// Strong is strongly emphasised text, usually set in bold.
//
//doc:inline strong
type Strong struct {
	Inlines []Inline `doc:"content"`
}

// Strike is struck-through text.
//
//doc:inline strike
type Strike struct {
	Inlines []Inline `doc:"content"`
}

// Sup is superscript.
//
//doc:inline sup
type Sup struct {
	Inlines []Inline `doc:"content"`
}

// Sub is subscript.
//
//doc:inline sub
type Sub struct {
	Inlines []Inline `doc:"content"`
}

// Code is inline code.
//
//doc:inline code
type Code struct {
	Text string `doc:"text"`
}

// Link is a hyperlink. A URL starting with "#" refers to a section id.
//
//doc:inline link
type Link struct {
	URL     string   `doc:"url"`
	Title   string   `doc:"title"`
	Inlines []Inline `doc:"content"`
}

// Image is an inline image.
//
//doc:inline image
type Image struct {
	Src   string `doc:"src"`
	Alt   string `doc:"alt"`
	Title string `doc:"title"`
}

// Note is a footnote or endnote. Number is assigned by the NumberNotes
// transform; it is 0 until then.
//
//doc:inline note
type Note struct {
	Number int     `doc:"number" min:"0"`
	Blocks []Block `doc:"blocks"`
}

// LineBreak is a hard line break.
//
//doc:inline line_break
type LineBreak struct{}

// Math is a formula in TeX notation ("x_{1} \\ x_{n}"), kept as
// written. Display math ("$$…$$") is set apart on its own line; a
// paragraph of one display formula is a displayed equation.
//
//doc:inline math since=2
type Math struct {
	TeX     string `doc:"text"`
	Display bool   `doc:"display"`
}

// Span is inlines with attributes: words in another language (Attr
// "lang"), in another direction, or of a class.
//
//doc:inline span since=3
type Span struct {
	Attr    Attr     `doc:"attr"`
	Inlines []Inline `doc:"content"`
}

// Anchor is a named place in the text that links can point at
// ("#id"), such as HTML's <a name="x"> or <span id="x">.
//
//doc:inline anchor since=2
type Anchor struct {
	ID string `doc:"id"`
}

func (*Paragraph) isBlock()  {}
func (*Heading) isBlock()    {}
func (*List) isBlock()       {}
func (*Quote) isBlock()      {}
func (*CodeBlock) isBlock()  {}
func (*Table) isBlock()      {}
func (*Figure) isBlock()     {}
func (*Rule) isBlock()       {}
func (*Admonition) isBlock() {}
func (*DefList) isBlock()    {}
func (*Div) isBlock()        {}

func (*Text) isInline()      {}
func (*Math) isInline()      {}
func (*Anchor) isInline()    {}
func (*Span) isInline()      {}
func (*Emph) isInline()      {}
func (*Strong) isInline()    {}
func (*Strike) isInline()    {}
func (*Sup) isInline()       {}
func (*Sub) isInline()       {}
func (*Code) isInline()      {}
func (*Link) isInline()      {}
func (*Image) isInline()     {}
func (*Note) isInline()      {}
func (*LineBreak) isInline() {}

// NoteID returns the id every format gives note number n ("fn-3"), and
// NoteRefID the id of the reference to it ("fnref-3"). Section ids never
// take these forms (see transform.AssignIDs).
func NoteID(n int) string { return "fn-" + strconv.Itoa(n) }

// NoteRefID returns the id of the reference to note number n.
func NoteRefID(n int) string { return "fnref-" + strconv.Itoa(n) }

// NoteNumber returns the number of the note whose id is id, if id is a
// note's id.
func NoteNumber(id string) (int, bool) {
	s, ok := strings.CutPrefix(id, "fn-")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

// PageBreak is where a paginated rendering of a document (its PDF)
// starts a page, in terms of the document: before word At of Node's text
// (a paragraph's or a heading's, counting the words of its inlines,
// notes left out; a section's title), before line At of a code block,
// before row At of a table (0: the table itself), or before any other
// block. Label is the page's number as printed ("7", "iv"). Formats
// that mark the pages of the PDF (an EPUB's page list) place them so.
type PageBreak struct {
	Label string
	Node  Node
	At    int
}
