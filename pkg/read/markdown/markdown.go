// Package markdown reads CommonMark with the GitHub extensions people use
// most (tables, strikethrough, autolinked URLs), footnotes and YAML or TOML
// front matter into a galley document. It is the only package that
// imports goldmark.
//
// Headings open sections: a heading closes every open section of its level
// or deeper, so a jump from a level-1 to a level-3 heading nests the
// level-3 section inside the level-1 one. Blocks before the first heading
// stay in Document.Blocks. A heading inside a quote or a list item cannot
// open a section; it is kept in place as a doc.Heading.
//
// Raw HTML is never passed through. A few harmless inline elements become
// their inlines (<sub>, <sup>, <em>, <strong>, <del>, <code>, <br>); all
// other HTML is dropped with a warning.
package markdown

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	stdhtml "html"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	htmlreader "github.com/galleypress/galley/pkg/read/html"
)

// Config configures a Reader. The zero value is the default.
type Config struct {
	// NoFigures keeps an image that stands alone in a paragraph as an
	// inline image. By default it becomes a doc.Figure whose caption is
	// the image's alternative text, as in pandoc.
	NoFigures bool `option:"no-figures" help:"keep an image alone in a paragraph inline instead of making it a figure"`
}

// Reader reads Markdown.
type Reader struct {
	cfg   Config
	chunk int // chunk size; 0 means chunkSize (tests set it)
}

// parsers returns the goldmark parsers every reader shares, made when
// first needed (not when a program that never reads Markdown starts):
// one with GitHub's autolinks, and one without, for text in which there
// is nothing to autolink (the autolink parser looks at every space).
var parsers = sync.OnceValues(func() (linky, unlinky goldmark.Markdown) {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.TaskList,
		extension.DefinitionList, emoji.Emoji, footnotes{}, extras{}}
	opts := goldmark.WithParserOptions(parser.WithHeadingAttribute())
	return goldmark.New(goldmark.WithExtensions(append(exts, extension.Linkify)...), opts),
		goldmark.New(goldmark.WithExtensions(exts...), opts)
})

// parse parses a chunk of Markdown.
func (r *Reader) parse(src []byte, pc parser.Context) ast.Node {
	linky, md := parsers()
	// GitHub's autolinks: URLs (http://, https://, ftp://), www. and
	// e-mail addresses.
	if bytes.Contains(src, []byte("://")) || bytes.Contains(src, []byte("www.")) || bytes.IndexByte(src, '@') >= 0 {
		md = linky
	}
	return md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

// Config returns a copy of the reader's configuration; see
// read.Configurable.
func (r *Reader) Config() any { c := r.cfg; return &c }

// WithConfig returns a reader with cfg, a *Config.
func (r *Reader) WithConfig(cfg any) read.Reader { return New(*cfg.(*Config)) }

// New returns a Markdown reader.
func New(cfg Config) *Reader { return &Reader{cfg: cfg} }

func init() {
	read.Register(read.Format{Name: "markdown", Exts: []string{".md", ".markdown"}, Aliases: []string{"gfm", "commonmark", "commonmark_x", "markdown_strict", "markdown_github", "markdown_mmd", "markdown_phpextra"}}, New(Config{}))
}

// Read implements read.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader, opts *read.Options) (*doc.Document, error) {
	if opts == nil {
		opts = &read.Options{}
	}
	var src []byte
	var err error
	if b, ok := in.(interface{ Bytes() []byte }); ok {
		src = b.Bytes() // a bytes.Buffer: no copy (src is never changed in place)
	} else if src, err = io.ReadAll(in); err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	if len(opts.Drop) > 0 {
		src = dropLines(src, opts)
	}
	c := &converter{src: src, opts: opts, cfg: r.cfg, notes: map[string][]doc.Block{}, busy: map[string]bool{}}
	c.lines = lineStarts(src)
	c.src = src
	d := &doc.Document{}
	if content, delim, end, ok := frontMatter(src); ok {
		entries, ok, err := readFrontMatter(content, delim, opts.MaxDepth)
		if err != nil {
			var le *lineError
			if errors.As(err, &le) {
				return nil, &read.Error{File: opts.Name, Line: le.line, Err: fmt.Errorf("markdown: front matter: %s", le.msg)}
			}
			return nil, err
		}
		if ok { // else not metadata after all: the "---" lines are rules
			if err := c.meta(entries, &d.Meta); err != nil {
				return nil, err
			}
			// The block's lines become blank lines, so that line
			// numbers stay those of the file.
			blank := bytes.Repeat([]byte("\n"), bytes.Count(src[:end], []byte("\n")))
			src = append(blank, src[end:]...)
			c.lines = lineStarts(src)
		}
	}
	g := &guard{warn: func(line int, format string, args ...any) {
		opts.Warnf(line, "%w", diag.Warnf("deep-nesting", "markdown: "+format, args...))
	}}
	if guarded, changed := g.rewrite(src); changed {
		src = guarded
		c.lines, c.inserted = lineStarts(src), g.inserted
	}
	// Large documents are parsed a chunk at a time, so that goldmark's
	// syntax tree (some 14 times the size of the text) never exists for
	// more than one chunk; see chunks.
	size := r.chunk
	if size == 0 {
		size = chunkSize
	}
	parts := chunks(src, size)
	var labels map[string]bool
	var refs []parser.Reference
	if len(parts) > 1 {
		labels = noteLabels(src)
		// Definitions reach across chunks: link reference definitions
		// and footnotes are collected first from the chunks that hold
		// any.
		for _, part := range parts {
			if !hasDefinitions(src[part[0]:part[1]]) {
				continue
			}
			pc := r.context(labels, nil)
			root := r.parse(src[part[0]:part[1]], pc)
			refs = append(refs, pc.References()...)
			c.at(src, part[0], definitions(pc))
			if err := c.convertNotes(root); err != nil {
				return nil, err
			}
		}
	}
	tree := doc.NewBuilder(d)
	deepWarned := false
	for _, part := range parts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pc := r.context(labels, refs)
		root := r.parse(src[part[0]:part[1]], pc)
		if pc.Get(admonTooDeep) != nil && !deepWarned {
			deepWarned = true
			opts.Warnf(0, "%w", diag.Warnf("deep-nesting", "markdown: admonitions (::: or !!!) nested more than %d deep are left as text", maxAdmonDepth))
		}
		c.at(src, part[0], definitions(pc))
		for n := root.FirstChild(); n != nil; n = n.NextSibling() {
			if h, ok := n.(*ast.Heading); ok {
				s := &doc.Section{Level: h.Level}
				if id, ok := h.AttributeString("id"); ok {
					if b, ok := id.([]byte); ok {
						s.ID = string(b)
					}
				}
				if s.Title, err = c.inlines(h); err != nil {
					return nil, err
				}
				tree.Section(s)
				continue
			}
			if hb, ok := n.(*ast.HTMLBlock); ok {
				bs, last, err := c.htmlBlocks(hb)
				if err != nil {
					return nil, err
				}
				for _, b := range bs {
					if h, ok := b.(*doc.Heading); ok {
						tree.Section(&doc.Section{Level: h.Level, Title: h.Inlines})
					} else {
						tree.Block(b)
					}
				}
				n = last
				continue
			}
			b, err := c.block(n)
			if err != nil {
				return nil, err
			}
			if b != nil {
				tree.Block(b)
			}
		}
	}
	d.Blocks = tableCaptions(d.Blocks)
	for _, s := range d.AllSections() {
		s.Blocks = tableCaptions(s.Blocks)
	}
	return d, nil
}

// dropLines blanks the lines listed in opts.Drop, keeping line numbers.
func dropLines(src []byte, opts *read.Options) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var out bytes.Buffer
	for _, l := range lines {
		if opts.Dropped(string(l)) && len(bytes.TrimSpace(l)) > 0 {
			if bytes.HasSuffix(l, []byte("\n")) {
				out.WriteByte('\n')
			}
			continue
		}
		out.Write(l)
	}
	return out.Bytes()
}

func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for at := 0; ; {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 {
			return starts
		}
		at += i + 1
		starts = append(starts, at)
	}
}

type converter struct {
	src   []byte
	lines []int
	opts  *read.Options
	cfg   Config
	defs  map[string]*noteDef    // footnote definitions by label
	notes map[string][]doc.Block // definitions converted so far
	busy  map[string]bool        // definitions being converted
	// inserted lists lines the guard inserted, to map lines back.
	inserted []int
	// base is where the chunk in src starts in the whole text.
	base int
	// htmlc maps raw HTML (see rawhtml.go); htmlLine is the line of
	// the raw HTML it maps, for its warnings.
	htmlc    *htmlreader.Converter
	htmlLine int
	htmlTags map[*ast.HTMLBlock]htmlreader.Tags
}

// at makes the converter read the chunk of src that starts at base, whose
// footnote definitions are defs.
func (c *converter) at(src []byte, base int, defs map[string]*noteDef) {
	c.src, c.base, c.defs = src[base:], base, defs
}

// context returns a parser context that knows the footnote labels of the
// whole document and its link reference definitions.
func (r *Reader) context(labels map[string]bool, refs []parser.Reference) parser.Context {
	pc := parser.NewContext()
	for _, ref := range refs {
		pc.AddReference(ref)
	}
	defs := definitions(pc)
	for l := range labels {
		defs[l] = nil // known, its definition elsewhere
	}
	return pc
}

// convertNotes converts the footnote definitions of a chunk's tree.
func (c *converter) convertNotes(root ast.Node) error {
	for label, def := range c.defs {
		if def == nil {
			continue
		}
		if _, err := c.note(label); err != nil {
			return err
		}
	}
	return nil
}

// line returns the 1-based line of a byte offset of the chunk being
// read, in the input as given.
func (c *converter) line(off int) int {
	off += c.base
	l := sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off })
	return l - sort.Search(len(c.inserted), func(i int) bool { return c.inserted[i] >= l })
}

// nodeLine returns the line where n starts, looking at its ancestors'
// lines when n has none.
func (c *converter) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		switch x := n.(type) {
		case *ast.Text:
			return c.line(x.Segment.Start)
		case *ast.RawHTML:
			if x.Segments.Len() > 0 {
				seg := x.Segments.At(0)
				return c.line(seg.Start)
			}
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return c.line(n.Lines().At(0).Start)
		}
	}
	return 0
}

func (c *converter) blocks(parent ast.Node) ([]doc.Block, error) {
	var out []doc.Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if hb, ok := n.(*ast.HTMLBlock); ok {
			bs, last, err := c.htmlBlocks(hb)
			if err != nil {
				return nil, err
			}
			out = append(out, bs...)
			n = last
			continue
		}
		bs, err := c.blocksOf(n)
		if err != nil {
			return nil, err
		}
		out = append(out, bs...)
	}
	return tableCaptions(out), nil
}

// tableCaptions makes a paragraph "Table: …" (or ": …") right after or
// before a table its caption, as pandoc reads Markdown.
func tableCaptions(bs []doc.Block) []doc.Block {
	caption := func(b doc.Block) ([]doc.Inline, bool) {
		p, ok := b.(*doc.Paragraph)
		if !ok || len(p.Inlines) == 0 {
			return nil, false
		}
		t, ok := p.Inlines[0].(*doc.Text)
		if !ok {
			return nil, false
		}
		for _, prefix := range []string{"Table: ", ": "} {
			if rest, ok := strings.CutPrefix(t.Text, prefix); ok {
				ins := append([]doc.Inline{}, p.Inlines...)
				ins[0] = &doc.Text{Text: rest}
				if rest == "" {
					ins = ins[1:]
				}
				return tableID(ins), true
			}
		}
		return nil, false
	}
	out := bs[:0:0]
	for i := 0; i < len(bs); i++ {
		t, ok := bs[i].(*doc.Table)
		if ok && len(t.Caption) == 0 {
			if c, ok := caption(next(bs, i+1)); ok {
				t.Caption = c
				out = append(out, t)
				i++
				continue
			}
		}
		if c, ok := caption(bs[i]); ok {
			if t, ok := next(bs, i+1).(*doc.Table); ok && len(t.Caption) == 0 {
				t.Caption = c
				continue
			}
		}
		out = append(out, bs[i])
	}
	return out
}

// tableID takes a table's id from the end of its caption, as pandoc
// writes it ("Costs {#tbl:costs}"), and puts it at the caption's start
// as an anchor, for references to the table.
func tableID(ins []doc.Inline) []doc.Inline {
	if len(ins) == 0 {
		return ins
	}
	t, ok := ins[len(ins)-1].(*doc.Text)
	if !ok {
		return ins
	}
	text := strings.TrimRight(t.Text, " \t")
	i := strings.LastIndex(text, "{")
	if i < 0 {
		return ins
	}
	a, n, ok := parseAttr(text[i:])
	if !ok || n != len(text)-i || a.ID == "" {
		return ins
	}
	out := append([]doc.Inline{&doc.Anchor{ID: a.ID}}, ins[:len(ins)-1]...)
	if rest := strings.TrimRight(text[:i], " \t"); rest != "" {
		out = append(out, &doc.Text{Text: rest})
	}
	return out
}

func next(bs []doc.Block, i int) doc.Block {
	if i < len(bs) {
		return bs[i]
	}
	return nil
}

// blocksOf converts one block node: a heading is a *doc.Heading block.
func (c *converter) blocksOf(n ast.Node) ([]doc.Block, error) {
	if h, ok := n.(*ast.Heading); ok {
		ins, err := c.inlines(h)
		if err != nil {
			return nil, err
		}
		return []doc.Block{&doc.Heading{Level: h.Level, Inlines: ins}}, nil
	}
	b, err := c.block(n)
	if err != nil || b == nil {
		return nil, err
	}
	return []doc.Block{b}, nil
}

func (c *converter) block(n ast.Node) (doc.Block, error) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		ins, err := c.inlines(n)
		if err != nil {
			return nil, err
		}
		if len(ins) == 0 {
			return nil, nil
		}
		id := ""
		if len(ins) == 2 {
			// "![Caption](map.png){#fig:map}": the figure's id, for
			// references to it ("[](#fig:map)").
			if t, ok := ins[1].(*doc.Text); ok {
				if a, n, ok := parseAttr(strings.TrimSpace(t.Text)); ok && n == len(strings.TrimSpace(t.Text)) && a.ID != "" {
					if _, img := ins[0].(*doc.Image); img {
						id, ins = a.ID, ins[:1]
					}
				}
			}
		}
		if img, ok := loneImage(ins); ok && !c.cfg.NoFigures {
			f := &doc.Figure{Src: img.Src, Alt: img.Alt, Title: img.Title}
			if img.Alt != "" {
				f.Caption, err = c.inlines(loneImageNode(n))
				if err != nil {
					return nil, err
				}
			}
			if id != "" {
				f.Caption = append([]doc.Inline{&doc.Anchor{ID: id}}, f.Caption...)
			}
			return f, nil
		}
		return &doc.Paragraph{Inlines: ins}, nil
	case *ast.Blockquote:
		kind := c.alertKind(n)
		bs, err := c.blocks(n)
		if kind != "" {
			return &doc.Admonition{Kind: kind, Blocks: dropAlertMarker(bs)}, err
		}
		return &doc.Quote{Blocks: bs}, err
	case *ast.List:
		l := &doc.List{Ordered: n.IsOrdered(), Tight: n.IsTight}
		if l.Ordered {
			l.Start = n.Start
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			task := takeCheckbox(it)
			bs, err := c.blocks(it)
			if err != nil {
				return nil, err
			}
			if task != doc.NoTask {
				trimLeadingSpace(bs)
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: bs, Task: task})
		}
		return l, nil
	case *admonNode:
		if n.div != nil {
			bs, err := c.blocks(n)
			return &doc.Div{Attr: *n.div, Blocks: bs}, err
		}
		a := &doc.Admonition{Kind: n.kind}
		if n.title != "" {
			a.Title = []doc.Inline{&doc.Text{Text: n.title}}
		}
		var err error
		a.Blocks, err = c.blocks(n)
		return a, err
	case *east.DefinitionList:
		dl := &doc.DefList{}
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			switch k := k.(type) {
			case *east.DefinitionTerm:
				ins, err := c.inlines(k)
				if err != nil {
					return nil, err
				}
				dl.Items = append(dl.Items, &doc.DefItem{Term: ins})
			case *east.DefinitionDescription:
				bs, err := c.blocks(k)
				if err != nil {
					return nil, err
				}
				if len(dl.Items) == 0 {
					dl.Items = append(dl.Items, &doc.DefItem{})
				}
				it := dl.Items[len(dl.Items)-1]
				it.Defs = append(it.Defs, bs)
			}
		}
		return dl, nil
	case *ast.FencedCodeBlock:
		if n.Info != nil && strings.EqualFold(string(n.Language(c.src)), "math") {
			// GitHub's ```math block: a displayed formula.
			return &doc.Paragraph{Inlines: []doc.Inline{&doc.Math{TeX: c.linesText(n), Display: true}}}, nil
		}
		cb := &doc.CodeBlock{Text: c.linesText(n)}
		if n.Info != nil {
			cb.Lang = string(n.Language(c.src))
			cb.Lang = unescape(cb.Lang)
		}
		return cb, nil
	case *ast.CodeBlock:
		return &doc.CodeBlock{Text: c.linesText(n)}, nil
	case *ast.ThematicBreak:
		return &doc.Rule{}, nil
	case *ast.LinkReferenceDefinition:
		return nil, nil // used by the links that refer to it
	case *noteDef:
		return nil, nil // used by the references to it
	case *ast.HTMLBlock:
		bs, _, err := c.htmlBlocks(n) // not reached: blocks groups them
		if len(bs) == 1 {
			return bs[0], err
		}
		return nil, err
	case *east.Table:
		return c.table(n)
	}
	return nil, &read.Error{File: c.opts.Name, Line: c.nodeLine(n), Err: fmt.Errorf("markdown: unsupported block %s", n.Kind())}
}

// linesText joins the lines of a code block, without the final newline.
func (c *converter) linesText(n ast.Node) string {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (c *converter) table(t *east.Table) (doc.Block, error) {
	tb := &doc.Table{}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignLeft:
			tb.Align = append(tb.Align, doc.AlignLeft)
		case east.AlignRight:
			tb.Align = append(tb.Align, doc.AlignRight)
		case east.AlignCenter:
			tb.Align = append(tb.Align, doc.AlignCenter)
		default:
			tb.Align = append(tb.Align, doc.AlignDefault)
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []doc.Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			ins, err := c.inlines(cell)
			if err != nil {
				return nil, err
			}
			cells = append(cells, doc.Cell{Inlines: ins})
		}
		if _, ok := row.(*east.TableHeader); ok {
			// A header row of empty cells (GFM asks for one) is no
			// header: the table has none.
			for _, c := range cells {
				if len(c.Inlines) > 0 {
					tb.Header = cells
					break
				}
			}
		} else {
			tb.Rows = append(tb.Rows, cells)
		}
	}
	return tb, nil
}

func loneImage(ins []doc.Inline) (*doc.Image, bool) {
	if len(ins) != 1 {
		return nil, false
	}
	img, ok := ins[0].(*doc.Image)
	return img, ok
}

func loneImageNode(p ast.Node) ast.Node {
	for n := p.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindImage {
			return n
		}
	}
	return p
}

// inlines converts the inline children of n, merging adjacent text.
func (c *converter) inlines(n ast.Node) ([]doc.Inline, error) {
	if hasRawHTML(n) {
		return c.htmlInlines(n)
	}
	var out []doc.Inline
	var text strings.Builder // text not yet added to out
	flush := func() {
		if text.Len() > 0 {
			out = append(out, &doc.Text{Text: text.String()})
			text.Reset()
		}
	}
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		ins, err := c.inline(k)
		if err != nil {
			return nil, err
		}
		for _, in := range ins {
			if t, ok := in.(*doc.Text); ok {
				text.WriteString(t.Text)
				continue
			}
			flush()
			out = append(out, in)
		}
	}
	flush()
	return bracketSpans(out), nil
}

func (c *converter) inline(n ast.Node) ([]doc.Inline, error) {
	switch n := n.(type) {
	case *ast.Text:
		var s string
		if n.IsRaw() {
			s = string(n.Segment.Value(c.src))
		} else {
			s = unescape(string(n.Segment.Value(c.src)))
		}
		out := []doc.Inline{&doc.Text{Text: s}}
		if n.HardLineBreak() {
			out = append(out, &doc.LineBreak{})
		} else if n.SoftLineBreak() {
			out = append(out, &doc.Text{Text: " "})
		}
		return out, nil
	case *ast.String:
		s := string(n.Value)
		if !n.IsRaw() && !n.IsCode() {
			s = unescape(s)
		}
		return []doc.Inline{&doc.Text{Text: s}}, nil
	case *ast.CodeSpan:
		var b strings.Builder
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			if t, ok := k.(*ast.Text); ok {
				v := string(t.Segment.Value(c.src))
				if strings.HasSuffix(v, "\n") {
					v = v[:len(v)-1] + " "
				}
				b.WriteString(v)
			} else if s, ok := k.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		return []doc.Inline{&doc.Code{Text: b.String()}}, nil
	case *ast.Emphasis:
		ins, err := c.inlines(n)
		if n.Level == 2 {
			return []doc.Inline{&doc.Strong{Inlines: ins}}, err
		}
		return []doc.Inline{&doc.Emph{Inlines: ins}}, err
	case *east.Strikethrough:
		ins, err := c.inlines(n)
		return []doc.Inline{&doc.Strike{Inlines: ins}}, err
	case *ast.Link:
		ins, err := c.inlines(n)
		return []doc.Inline{&doc.Link{URL: unescape(string(n.Destination)), Title: unescape(string(n.Title)), Inlines: ins}}, err
	case *ast.AutoLink:
		url, label := string(n.URL(c.src)), string(n.Label(c.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		// RFC 1738's "<URL:http://…>", still common in old READMEs.
		if len(url) > 4 && strings.EqualFold(url[:4], "url:") && strings.Contains(url[4:], ":") {
			url = strings.TrimSpace(url[4:])
			label = url
		}
		return []doc.Inline{&doc.Link{URL: url, Inlines: []doc.Inline{&doc.Text{Text: label}}}}, nil
	case *ast.Image:
		alt, err := c.inlines(n)
		if err != nil {
			return nil, err
		}
		return []doc.Inline{&doc.Image{Src: unescape(string(n.Destination)), Alt: doc.PlainText(alt), Title: unescape(string(n.Title))}}, nil
	case *ast.RawHTML:
		return nil, nil // inlines maps it, with its siblings
	case *mathNode:
		return []doc.Inline{&doc.Math{TeX: n.tex, Display: n.display}}, nil
	case *emojiast.Emoji:
		if n.Value != nil && n.Value.IsUnicode() {
			return []doc.Inline{&doc.Text{Text: string(n.Value.Unicode)}}, nil
		}
		return []doc.Inline{&doc.Text{Text: ":" + string(n.ShortName) + ":"}}, nil
	case *east.TaskCheckBox:
		return nil, nil // the list item's Task
	case *noteRef:
		blocks, err := c.note(n.label)
		return []doc.Inline{&doc.Note{Blocks: blocks}}, err
	}
	return nil, &read.Error{File: c.opts.Name, Line: c.nodeLine(n), Err: fmt.Errorf("markdown: unsupported inline %s", n.Kind())}
}

// note returns the blocks of the footnote labelled label, converted on
// its first reference; a note referenced again gets a copy, so that two
// notes never share nodes. A note that refers, through others, back to
// itself gets no blocks the second time.
func (c *converter) note(label string) ([]doc.Block, error) {
	if bs, ok := c.notes[label]; ok {
		return doc.CloneBlocks(bs), nil
	}
	def := c.defs[label]
	if def == nil || c.busy[label] {
		return nil, nil
	}
	c.busy[label] = true
	bs, err := c.blocks(def)
	c.busy[label] = false
	if err != nil {
		return nil, err
	}
	c.notes[label] = bs
	return bs, nil
}

// unescape resolves backslash escapes and entity references the way
// goldmark's HTML writer does, returning plain text.
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) && !strings.ContainsRune(s, 0) {
		return s
	}
	var buf bytes.Buffer
	w := bufioWriter{&buf}
	ghtml.DefaultWriter.Write(w, []byte(s))
	return stdhtml.UnescapeString(buf.String())
}
