package doc

import "fmt"

// Clone returns a deep copy of d: no node of the copy is shared with d.
func (d *Document) Clone() *Document {
	c := &Document{Meta: d.Meta.Clone(), Blocks: CloneBlocks(d.Blocks)}
	for _, s := range d.Sections {
		c.Sections = append(c.Sections, s.Clone())
	}
	return c
}

// Clone returns a deep copy of s and its subsections.
func (s *Section) Clone() *Section {
	c := &Section{Level: s.Level, ID: s.ID, Number: s.Number, Title: CloneInlines(s.Title), Blocks: CloneBlocks(s.Blocks)}
	for _, sub := range s.Sections {
		c.Sections = append(c.Sections, sub.Clone())
	}
	return c
}

// Clone returns a copy of m that shares no slice with it.
func (m Meta) Clone() Meta {
	m.Authors = append([]string(nil), m.Authors...)
	m.Keywords = append([]string(nil), m.Keywords...)
	m.Extra = append([]Field(nil), m.Extra...)
	return m
}

// CloneBlocks returns a deep copy of blocks.
func CloneBlocks(bs []Block) []Block {
	if bs == nil {
		return nil
	}
	out := make([]Block, len(bs))
	for i, b := range bs {
		out[i] = cloneBlock(b)
	}
	return out
}

func cloneBlock(b Block) Block {
	switch b := b.(type) {
	case *Paragraph:
		return &Paragraph{Inlines: CloneInlines(b.Inlines)}
	case *Heading:
		return &Heading{Level: b.Level, Inlines: CloneInlines(b.Inlines)}
	case *List:
		c := *b
		c.Items = make([]*ListItem, len(b.Items))
		for i, it := range b.Items {
			c.Items[i] = &ListItem{Blocks: CloneBlocks(it.Blocks), Task: it.Task}
		}
		return &c
	case *Quote:
		return &Quote{Blocks: CloneBlocks(b.Blocks)}
	case *CodeBlock:
		c := *b
		return &c
	case *Table:
		c := &Table{Caption: CloneInlines(b.Caption), Align: append([]Align(nil), b.Align...), Header: cloneCells(b.Header)}
		if b.Rows != nil {
			c.Rows = make([][]Cell, len(b.Rows))
			for i, r := range b.Rows {
				c.Rows[i] = cloneCells(r)
			}
		}
		return c
	case *Figure:
		c := *b
		c.Caption = CloneInlines(b.Caption)
		return &c
	case *Rule:
		return &Rule{}
	case *Admonition:
		return &Admonition{Kind: b.Kind, Title: CloneInlines(b.Title), Blocks: CloneBlocks(b.Blocks)}
	case *DefList:
		c := &DefList{Items: make([]*DefItem, len(b.Items))}
		for i, it := range b.Items {
			d := &DefItem{Term: CloneInlines(it.Term)}
			for _, def := range it.Defs {
				d.Defs = append(d.Defs, CloneBlocks(def))
			}
			c.Items[i] = d
		}
		return c
	}
	// Block's method is unexported: no other type can reach here.
	panic(fmt.Sprintf("doc: Clone: unknown block %T", b))
}

func cloneCells(cs []Cell) []Cell {
	if cs == nil {
		return nil
	}
	out := make([]Cell, len(cs))
	for i, c := range cs {
		out[i] = Cell{Inlines: CloneInlines(c.Inlines)}
	}
	return out
}

// CloneInlines returns a deep copy of inlines.
func CloneInlines(ins []Inline) []Inline {
	if ins == nil {
		return nil
	}
	out := make([]Inline, len(ins))
	for i, in := range ins {
		out[i] = cloneInline(in)
	}
	return out
}

func cloneInline(in Inline) Inline {
	switch in := in.(type) {
	case *Text:
		return &Text{Text: in.Text}
	case *Emph:
		return &Emph{Inlines: CloneInlines(in.Inlines)}
	case *Strong:
		return &Strong{Inlines: CloneInlines(in.Inlines)}
	case *Strike:
		return &Strike{Inlines: CloneInlines(in.Inlines)}
	case *Sup:
		return &Sup{Inlines: CloneInlines(in.Inlines)}
	case *Sub:
		return &Sub{Inlines: CloneInlines(in.Inlines)}
	case *Code:
		return &Code{Text: in.Text}
	case *Link:
		return &Link{URL: in.URL, Title: in.Title, Inlines: CloneInlines(in.Inlines)}
	case *Image:
		c := *in
		return &c
	case *Note:
		return &Note{Number: in.Number, Blocks: CloneBlocks(in.Blocks)}
	case *LineBreak:
		return &LineBreak{}
	case *Math:
		c := *in
		return &c
	case *Anchor:
		return &Anchor{ID: in.ID}
	}
	panic(fmt.Sprintf("doc: Clone: unknown inline %T", in))
}
