package doc

import "strings"

// Node is any element of a document: a *Section, a Block or an Inline.
type Node any

// Visit is what a Walk callback returns: how the walk goes on.
type Visit int

// Visit values.
const (
	// Continue goes on into the node's children, then its siblings.
	Continue Visit = iota
	// SkipChildren goes on with the node's siblings.
	SkipChildren
	// Stop ends the walk.
	Stop
)

// Walk visits the nodes of d depth-first in document order: its blocks,
// then its sections (each section before its title, blocks and
// subsections). Inside blocks it visits list items' blocks, table captions
// and cells, figure captions and the blocks of notes. fn's result says
// whether to visit a node's children, and whether to go on at all. Walk
// reports false if fn stopped it.
func Walk(d *Document, fn func(n Node) Visit) bool {
	if !walkBlocks(d.Blocks, fn) {
		return false
	}
	for _, s := range d.Sections {
		if !walkSection(s, fn) {
			return false
		}
	}
	return true
}

// WalkBlocks visits blocks as Walk does.
func WalkBlocks(bs []Block, fn func(n Node) Visit) bool {
	return walkBlocks(bs, fn)
}

// WalkInlines visits inlines and their descendants depth-first, including
// the blocks inside notes, as Walk does.
func WalkInlines(ins []Inline, fn func(n Node) Visit) bool {
	return walkInlines(ins, fn)
}

func walkSection(s *Section, fn func(Node) Visit) bool {
	switch fn(s) {
	case Stop:
		return false
	case SkipChildren:
		return true
	}
	if !walkInlines(s.Title, fn) || !walkBlocks(s.Blocks, fn) {
		return false
	}
	for _, c := range s.Sections {
		if !walkSection(c, fn) {
			return false
		}
	}
	return true
}

func walkBlocks(bs []Block, fn func(Node) Visit) bool {
	for _, b := range bs {
		switch fn(b) {
		case Stop:
			return false
		case SkipChildren:
			continue
		}
		if !walkChildren(b, fn) {
			return false
		}
	}
	return true
}

func walkInlines(ins []Inline, fn func(Node) Visit) bool {
	for _, in := range ins {
		switch fn(in) {
		case Stop:
			return false
		case SkipChildren:
			continue
		}
		if !walkChildren(in, fn) {
			return false
		}
	}
	return true
}

// AllSections returns every section of d in document order, parents before
// their subsections.
func (d *Document) AllSections() []*Section {
	var all []*Section
	var add func([]*Section)
	add = func(ss []*Section) {
		for _, s := range ss {
			all = append(all, s)
			add(s.Sections)
		}
	}
	add(d.Sections)
	return all
}

// HeadingText returns the section's number and title as plain text:
// "2.1 Beleidsprioriteiten".
func (s *Section) HeadingText() string {
	t := TitleText(s.Title)
	if s.Number != "" {
		return s.Number + " " + t
	}
	return t
}

// TitleText returns the text of a title: its plain text without its
// images (a README's "# widgetkit [![Build status](…)](…)" is
// "widgetkit", not the badges' alternative text), spaces collapsed; a
// title that is only images is their alternative text.
func TitleText(ins []Inline) string {
	var b strings.Builder
	appendTitle(&b, ins)
	if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
		return t
	}
	return strings.Join(strings.Fields(PlainText(ins)), " ")
}

func appendTitle(b *strings.Builder, ins []Inline) {
	for _, in := range ins {
		switch in := in.(type) {
		case *Image:
		case *LineBreak:
			b.WriteByte(' ')
		case *Text, *Code, *Math, *Note:
			appendPlain(b, []Inline{in})
		default:
			appendTitle(b, Children(in))
		}
	}
}

// PlainText returns the text of inlines without formatting: code and
// text as written, an image as its alternative text, a line break as a
// space. Notes are left out.
func PlainText(ins []Inline) string {
	var b strings.Builder
	appendPlain(&b, ins)
	return b.String()
}

func appendPlain(b *strings.Builder, ins []Inline) {
	for _, in := range ins {
		switch in := in.(type) {
		case *Text:
			b.WriteString(in.Text)
		case *Code:
			b.WriteString(in.Text)
		case *Math:
			b.WriteString(in.TeX)
		case *Image:
			b.WriteString(in.Alt)
		case *LineBreak:
			b.WriteByte(' ')
		case *Note:
		default:
			appendPlain(b, Children(in))
		}
	}
}

// BlocksText returns the plain text of blocks, one line per paragraph,
// including the text of notes. It serves statistics such as language
// detection and word counts.
func BlocksText(bs []Block) string {
	var b strings.Builder
	walkBlocks(bs, func(n Node) Visit {
		switch n := n.(type) {
		case *Text:
			b.WriteString(n.Text)
		case *Code:
			b.WriteString(n.Text)
		case *Math:
			b.WriteString(n.TeX)
		case *CodeBlock:
			b.WriteString(n.Text)
			b.WriteByte('\n')
		case *LineBreak:
			b.WriteByte(' ')
		case *Paragraph, *Heading:
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
		}
		return Continue
	})
	return b.String()
}
