package transform

import (
	"fmt"

	"github.com/galleypress/galley/pkg/doc"
)

// Limits bound what a document may hold, so that a hostile or broken
// input costs bounded time and memory in every renderer. The zero value
// gives the defaults.
type Limits struct {
	// MaxDepth is the deepest nesting of blocks (list items, quotes,
	// notes), sections and inline containers (emphasis, links); 0 means
	// DefaultMaxDepth. Deeper content is not refused: it is flattened
	// into the deepest level allowed, with a warning.
	MaxDepth int
	// MaxNotes is the most notes a document may have; 0 means
	// DefaultMaxNotes.
	MaxNotes int
	// MaxTableCells is the most cells one table may have; 0 means
	// DefaultMaxTableCells.
	MaxTableCells int
}

// Default limits.
const (
	DefaultMaxDepth      = 64
	DefaultMaxNotes      = 100_000
	DefaultMaxTableCells = 1_000_000
)

func (l Limits) depth() int { return orDefault(l.MaxDepth, DefaultMaxDepth) }
func (l Limits) notes() int { return orDefault(l.MaxNotes, DefaultMaxNotes) }
func (l Limits) cells() int { return orDefault(l.MaxTableCells, DefaultMaxTableCells) }

func orDefault(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// Limit applies limits to d: content nested deeper than MaxDepth is
// flattened (one warning through warn, which may be nil), and more notes
// or a bigger table than the limits allow is an error naming the option
// that raises the limit. It takes time linear in the size of d.
func Limit(d *doc.Document, limits Limits, warn func(error)) error {
	f := &flattener{max: limits.depth()}
	d.Blocks = f.blocks(d.Blocks, 0)
	d.Sections = f.sections(d.Sections, 1)
	if f.flattened && warn != nil {
		warn(fmt.Errorf("content nested more than %d levels deep is flattened into level %d; raise the limit with --max-depth", f.max, f.max))
	}
	notes, cells := 0, 0
	var err error
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Note:
			if notes++; notes > limits.notes() {
				err = fmt.Errorf("the document has more than %d notes, the limit; raise it with --max-notes", limits.notes())
				return doc.Stop
			}
		case *doc.Table:
			// The grid's places, not the model's cells: one cell that
			// spans 1,000 columns makes every row that wide.
			wide, rows := len(n.Align), len(n.Rows)
			if len(n.Header) > 0 {
				rows++
			}
			for _, r := range append([][]doc.Cell{n.Header}, n.Rows...) {
				w := 0
				for _, c := range r {
					w += max(min(c.ColSpan, 1<<20), 1)
				}
				wide = max(wide, w)
			}
			if cells = wide * rows; cells > limits.cells() {
				err = fmt.Errorf("a table has %d cells (%d rows of %d columns), more than the limit of %d; raise it with --max-table-cells", cells, rows, wide, limits.cells())
				return doc.Stop
			}
		}
		return doc.Continue
	})
	return err
}

// flattener hoists the content of containers nested too deep into their
// parents.
type flattener struct {
	max       int
	flattened bool
}

func (f *flattener) sections(ss []*doc.Section, depth int) []*doc.Section {
	var out []*doc.Section
	for _, s := range ss {
		s.Title = f.inlines(s.Title, depth)
		s.Blocks = f.blocks(s.Blocks, depth)
		out = append(out, s)
		if depth >= f.max && len(s.Sections) > 0 {
			// Subsections too deep become siblings of s.
			f.flattened = true
			sub := s.Sections
			s.Sections = nil
			out = append(out, f.sections(sub, depth)...)
			continue
		}
		s.Sections = f.sections(s.Sections, depth+1)
	}
	return out
}

// blocks limits blocks that sit depth levels deep. A list is rebuilt
// only when something in it is hoisted; otherwise blocks change in place.
func (f *flattener) blocks(bs []doc.Block, depth int) []doc.Block {
	var out []doc.Block // nil until a block is hoisted
	for i, b := range bs {
		var hoisted []doc.Block
		switch b := b.(type) {
		case *doc.List:
			if depth >= f.max {
				f.flattened = true
				for _, it := range b.Items {
					hoisted = append(hoisted, f.blocks(it.Blocks, depth)...)
				}
				break
			}
			for _, it := range b.Items {
				it.Blocks = f.blocks(it.Blocks, depth+1)
			}
		case *doc.Quote:
			if depth >= f.max {
				f.flattened = true
				hoisted = f.blocks(b.Blocks, depth)
				break
			}
			b.Blocks = f.blocks(b.Blocks, depth+1)
		case *doc.Div:
			if depth >= f.max {
				f.flattened = true
				hoisted = f.blocks(b.Blocks, depth)
				break
			}
			b.Blocks = f.blocks(b.Blocks, depth+1)
		case *doc.Admonition:
			b.Title = f.inlines(b.Title, depth)
			if depth >= f.max {
				f.flattened = true
				hoisted = f.blocks(b.Blocks, depth)
				break
			}
			b.Blocks = f.blocks(b.Blocks, depth+1)
		case *doc.DefList:
			if depth >= f.max {
				f.flattened = true
				for _, it := range b.Items {
					hoisted = append(hoisted, &doc.Paragraph{Inlines: f.inlines(it.Term, depth)})
					for _, def := range it.Defs {
						hoisted = append(hoisted, f.blocks(def, depth)...)
					}
				}
				break
			}
			for _, it := range b.Items {
				it.Term = f.inlines(it.Term, depth)
				for k, def := range it.Defs {
					it.Defs[k] = f.blocks(def, depth+1)
				}
			}
		case *doc.Paragraph:
			b.Inlines = f.inlines(b.Inlines, depth)
		case *doc.Heading:
			b.Inlines = f.inlines(b.Inlines, depth)
		case *doc.Table:
			b.Caption = f.inlines(b.Caption, depth)
			for _, r := range append([][]doc.Cell{b.Header}, b.Rows...) {
				for i := range r {
					c := &r[i]
					c.Inlines = f.inlines(c.Inlines, depth)
					if len(c.Blocks) > 0 && depth >= f.max {
						f.flattened = true
						c.Inlines, c.Blocks = c.Flat(), nil
					}
					c.Blocks = f.blocks(c.Blocks, depth+1)
				}
			}
		case *doc.Figure:
			b.Caption = f.inlines(b.Caption, depth)
		}
		hoist := isHoisted(b, depth, f.max)
		if !hoist && out == nil {
			continue
		}
		if out == nil {
			out = append([]doc.Block(nil), bs[:i]...)
		}
		if hoist {
			out = append(out, hoisted...)
		} else {
			out = append(out, b)
		}
	}
	if out == nil {
		return bs
	}
	return out
}

func isHoisted(b doc.Block, depth, max int) bool {
	switch b.(type) {
	case *doc.List, *doc.Quote, *doc.Admonition, *doc.DefList:
		return depth >= max
	}
	return false
}

// inlines limits inlines that sit depth levels deep: a container too deep
// gives way to its content, a note too deep to its text. The list is
// rebuilt only when something changes.
func (f *flattener) inlines(ins []doc.Inline, depth int) []doc.Inline {
	var out []doc.Inline // nil until something is replaced
	for i, in := range ins {
		var repl []doc.Inline
		replaced := false
		if n, ok := in.(*doc.Note); ok {
			if depth >= f.max {
				f.flattened, replaced = true, true
				repl = []doc.Inline{&doc.Text{Text: " (" + doc.BlocksText(n.Blocks) + ")"}}
			} else {
				n.Blocks = f.blocks(n.Blocks, depth+1)
			}
		} else if kids := doc.Children(in); kids != nil {
			if depth >= f.max {
				f.flattened, replaced = true, true
				repl = f.inlines(kids, depth)
			} else {
				doc.SetChildren(in, f.inlines(kids, depth+1))
			}
		}
		if !replaced && out == nil {
			continue
		}
		if out == nil {
			out = append([]doc.Inline(nil), ins[:i]...)
		}
		if replaced {
			out = append(out, repl...)
		} else {
			out = append(out, in)
		}
	}
	if out == nil {
		return ins
	}
	return out
}

// DropUnsafeLinks turns links whose URL would run code, read local files
// or carry data (javascript:, vbscript:, file:, data:, …; see
// doc.SafeURL's list) into their text, and such images (but raster
// images in data: addresses, doc.SafeImage) into their alternative text, so that no output (JSON included) carries them. It
// reports how many it dropped through warn, once.
func DropUnsafeLinks(d *doc.Document, warn func(error)) {
	dropped := 0
	var fix func([]doc.Inline) []doc.Inline
	fix = func(ins []doc.Inline) []doc.Inline {
		out := ins[:0]
		for _, in := range ins {
			switch n := in.(type) {
			case *doc.Link:
				n.Inlines = fix(n.Inlines)
				if !doc.SafeURL(n.URL) {
					dropped++
					out = append(out, n.Inlines...)
					continue
				}
			case *doc.Image:
				if !doc.SafeImage(n.Src) {
					dropped++
					out = append(out, &doc.Text{Text: n.Alt})
					continue
				}
			case *doc.Note:
				fixBlocks(n.Blocks, fix, &dropped)
			default:
				if kids := doc.Children(in); kids != nil {
					doc.SetChildren(in, fix(kids))
				}
			}
			out = append(out, in)
		}
		return out
	}
	fixBlocks(d.Blocks, fix, &dropped)
	for _, s := range d.AllSections() {
		s.Title = fix(s.Title)
		fixBlocks(s.Blocks, fix, &dropped)
	}
	if dropped > 0 && warn != nil {
		warn(fmt.Errorf("%d links or images with a script, file or data URL are kept as text only", dropped))
	}
}

func fixBlocks(bs []doc.Block, fix func([]doc.Inline) []doc.Inline, dropped *int) {
	for i, b := range bs {
		switch b := b.(type) {
		case *doc.Paragraph:
			b.Inlines = fix(b.Inlines)
		case *doc.Heading:
			b.Inlines = fix(b.Inlines)
		case *doc.List:
			for _, it := range b.Items {
				fixBlocks(it.Blocks, fix, dropped)
			}
		case *doc.Quote:
			fixBlocks(b.Blocks, fix, dropped)
		case *doc.Div:
			fixBlocks(b.Blocks, fix, dropped)
		case *doc.Admonition:
			b.Title = fix(b.Title)
			fixBlocks(b.Blocks, fix, dropped)
		case *doc.DefList:
			for _, it := range b.Items {
				it.Term = fix(it.Term)
				for _, def := range it.Defs {
					fixBlocks(def, fix, dropped)
				}
			}
		case *doc.Table:
			b.Caption = fix(b.Caption)
			for _, r := range append([][]doc.Cell{b.Header}, b.Rows...) {
				for k := range r {
					r[k].Inlines = fix(r[k].Inlines)
					fixBlocks(r[k].Blocks, fix, dropped)
				}
			}
		case *doc.Figure:
			b.Caption = fix(b.Caption)
			if !doc.SafeImage(b.Src) {
				*dropped++
				bs[i] = &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: b.Alt}}}
			}
		}
	}
}
