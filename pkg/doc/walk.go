package doc

import "strings"

// Node is any element of a document: a *Section, a Block or an Inline.
type Node any

// Walk visits the nodes of d depth-first in document order: its blocks,
// then its sections (each section before its title, blocks and
// subsections). Inside blocks it visits list items' blocks, table captions
// and cells, figure captions and the blocks of notes. If fn returns false,
// the children of that node are skipped.
func Walk(d *Document, fn func(n Node) bool) {
	walkBlocks(d.Blocks, fn)
	for _, s := range d.Sections {
		walkSection(s, fn)
	}
}

// WalkInlines visits inlines and their descendants depth-first, including
// the blocks inside notes.
func WalkInlines(ins []Inline, fn func(n Node) bool) {
	walkInlines(ins, fn)
}

func walkSection(s *Section, fn func(Node) bool) {
	if !fn(s) {
		return
	}
	walkInlines(s.Title, fn)
	walkBlocks(s.Blocks, fn)
	for _, c := range s.Sections {
		walkSection(c, fn)
	}
}

func walkBlocks(bs []Block, fn func(Node) bool) {
	for _, b := range bs {
		if !fn(b) {
			continue
		}
		switch b := b.(type) {
		case *Paragraph:
			walkInlines(b.Inlines, fn)
		case *Heading:
			walkInlines(b.Inlines, fn)
		case *List:
			for _, it := range b.Items {
				walkBlocks(it.Blocks, fn)
			}
		case *Quote:
			walkBlocks(b.Blocks, fn)
		case *Table:
			walkInlines(b.Caption, fn)
			for _, c := range b.Header {
				walkInlines(c.Inlines, fn)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					walkInlines(c.Inlines, fn)
				}
			}
		case *Figure:
			walkInlines(b.Caption, fn)
		}
	}
}

func walkInlines(ins []Inline, fn func(Node) bool) {
	for _, in := range ins {
		if !fn(in) {
			continue
		}
		if c := Children(in); c != nil {
			walkInlines(c, fn)
		}
		if n, ok := in.(*Note); ok {
			walkBlocks(n.Blocks, fn)
		}
	}
}

// Children returns the inlines inside a container inline (emphasis,
// strong, strikethrough, superscript, subscript, link), or nil.
func Children(in Inline) []Inline {
	switch in := in.(type) {
	case *Emph:
		return in.Inlines
	case *Strong:
		return in.Inlines
	case *Strike:
		return in.Inlines
	case *Sup:
		return in.Inlines
	case *Sub:
		return in.Inlines
	case *Link:
		return in.Inlines
	}
	return nil
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
	t := PlainText(s.Title)
	if s.Number != "" {
		return s.Number + " " + t
	}
	return t
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
	walkBlocks(bs, func(n Node) bool {
		switch n := n.(type) {
		case *Text:
			b.WriteString(n.Text)
		case *Code:
			b.WriteString(n.Text)
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
		return true
	})
	return b.String()
}
