package doc

// Builder builds a document in reading order: headings open sections,
// blocks go to the section opened last. A heading closes every open
// section of its level or deeper, so a jump from level 1 to level 3 nests
// the level-3 section in the level-1 one. Blocks before the first heading
// go to the document's own blocks.
type Builder struct {
	Doc   *Document
	stack []*Section
}

// NewBuilder returns a Builder for d.
func NewBuilder(d *Document) *Builder { return &Builder{Doc: d} }

// Section opens s, nesting it by its level.
func (b *Builder) Section(s *Section) {
	for len(b.stack) > 0 && b.stack[len(b.stack)-1].Level >= s.Level {
		b.stack = b.stack[:len(b.stack)-1]
	}
	if len(b.stack) == 0 {
		b.Doc.Sections = append(b.Doc.Sections, s)
	} else {
		parent := b.stack[len(b.stack)-1]
		parent.Sections = append(parent.Sections, s)
	}
	b.stack = append(b.stack, s)
}

// Block adds a block to the section opened last.
func (b *Builder) Block(bl Block) {
	if len(b.stack) == 0 {
		b.Doc.Blocks = append(b.Doc.Blocks, bl)
		return
	}
	s := b.stack[len(b.stack)-1]
	s.Blocks = append(s.Blocks, bl)
}

// Blocks adds blocks in order, a Heading among them opening a section
// of its level with its text as the title (as a reader that finds
// headings in a flat run of blocks builds its document).
func (b *Builder) Blocks(bs []Block) {
	for _, bl := range bs {
		if h, ok := bl.(*Heading); ok {
			b.Section(&Section{Level: h.Level, Title: h.Inlines})
			continue
		}
		b.Block(bl)
	}
}
