package doc

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
