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
	"fmt"
	stdhtml "html"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
)

// Config configures a Reader. The zero value is the default.
type Config struct {
	// NoFigures keeps an image that stands alone in a paragraph as an
	// inline image. By default it becomes a doc.Figure whose caption is
	// the image's alternative text, as in pandoc.
	NoFigures bool
}

// Reader reads Markdown.
type Reader struct {
	cfg Config
	// md parses documents that open with front matter, plain the others.
	md, plain goldmark.Markdown
}

// New returns a Markdown reader.
func New(cfg Config) *Reader {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.Linkify, extension.Footnote}
	opts := goldmark.WithParserOptions(parser.WithHeadingAttribute())
	return &Reader{
		cfg:   cfg,
		md:    goldmark.New(goldmark.WithExtensions(append(exts, &frontmatter.Extender{})...), opts),
		plain: goldmark.New(goldmark.WithExtensions(exts...), opts),
	}
}

// hasFrontMatter reports whether src opens with a front matter block: a
// line "---" (YAML) or "+++" (TOML), some content, and the same line
// closing it.
func hasFrontMatter(src []byte) bool {
	lines := strings.Split(string(src), "\n")
	if len(lines) < 3 {
		return false
	}
	delim := strings.TrimRight(lines[0], " \t\r")
	if delim != "---" && delim != "+++" {
		return false
	}
	content := false
	for _, l := range lines[1:] {
		if strings.TrimRight(l, " \t\r") == delim {
			return content
		}
		content = content || strings.TrimSpace(l) != ""
	}
	return false
}

// looksLikeMapping reports whether front matter content starts like a
// YAML or TOML mapping ("title: …", "title = …").
var looksLikeMapping = regexp.MustCompile(`(?m)\A\s*(#.*\n\s*)*[\w"'-][\w .'"-]*\s*[:=]`)

func init() {
	read.Register(read.Format{Name: "markdown", Exts: []string{".md", ".markdown"}}, New(Config{}))
}

// Read implements read.Reader.
func (r *Reader) Read(in io.Reader, opts *read.Options) (*doc.Document, error) {
	if opts == nil {
		opts = &read.Options{}
	}
	src, err := io.ReadAll(in)
	if err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	if len(opts.Drop) > 0 {
		src = dropLines(src, opts)
	}
	c := &converter{src: src, opts: opts, cfg: r.cfg, notes: map[int][]doc.Block{}, used: map[int]bool{}}
	c.lines = lineStarts(src)
	d := &doc.Document{}
	var root ast.Node
	if hasFrontMatter(src) {
		ctx := parser.NewContext()
		root = r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
		if fm := frontmatter.Get(ctx); fm != nil {
			ok, err := c.meta(fm, &d.Meta)
			if err != nil {
				return nil, err
			}
			if !ok {
				root = nil // not metadata after all: "---" lines are rules
			}
		}
	}
	if root == nil {
		root = r.plain.Parser().Parse(text.NewReader(src))
	}
	// Footnote definitions come at the end of the tree; read them first
	// so that references can hold their content.
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				fn := f.(*east.Footnote)
				bs, err := c.blocks(fn)
				if err != nil {
					return nil, err
				}
				c.notes[fn.Index] = bs
			}
		}
	}
	tree := doc.NewBuilder(d)
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*east.FootnoteList); ok {
			continue
		}
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
		b, err := c.block(n)
		if err != nil {
			return nil, err
		}
		if b != nil {
			tree.Block(b)
		}
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
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

type converter struct {
	src   []byte
	lines []int
	opts  *read.Options
	cfg   Config
	notes map[int][]doc.Block // footnote definitions by index
	used  map[int]bool        // footnotes referenced so far
}

// line returns the 1-based line of a byte offset.
func (c *converter) line(off int) int {
	return sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off })
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
		if h, ok := n.(*ast.Heading); ok {
			ins, err := c.inlines(h)
			if err != nil {
				return nil, err
			}
			out = append(out, &doc.Heading{Level: h.Level, Inlines: ins})
			continue
		}
		b, err := c.block(n)
		if err != nil {
			return nil, err
		}
		if b != nil {
			out = append(out, b)
		}
	}
	return out, nil
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
		if img, ok := loneImage(ins); ok && !c.cfg.NoFigures {
			f := &doc.Figure{Src: img.Src, Alt: img.Alt, Title: img.Title}
			if img.Alt != "" {
				f.Caption, err = c.inlines(loneImageNode(n))
				if err != nil {
					return nil, err
				}
			}
			return f, nil
		}
		return &doc.Paragraph{Inlines: ins}, nil
	case *ast.Blockquote:
		bs, err := c.blocks(n)
		return &doc.Quote{Blocks: bs}, err
	case *ast.List:
		l := &doc.List{Ordered: n.IsOrdered(), Tight: n.IsTight}
		if l.Ordered {
			l.Start = n.Start
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			bs, err := c.blocks(it)
			if err != nil {
				return nil, err
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: bs})
		}
		return l, nil
	case *ast.FencedCodeBlock:
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
	case *ast.HTMLBlock:
		c.opts.Warnf(c.nodeLine(n), "raw HTML block dropped (galley never passes HTML through)")
		return nil, nil
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
			tb.Header = cells
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
	return c.siblings(n.FirstChild(), nil)
}

// siblings converts k and the siblings after it, up to stop (exclusive).
// A harmless raw HTML element (<sub>, <sup>, <em>, <strong>, <del> and
// their kin) with its closing tag among the siblings becomes the matching
// inline; other raw HTML is dropped.
func (c *converter) siblings(k, stop ast.Node) ([]doc.Inline, error) {
	var out []doc.Inline
	for ; k != nil && k != stop; k = k.NextSibling() {
		if raw, ok := k.(*ast.RawHTML); ok {
			if tag, ok := openTag(c.rawText(raw)); ok {
				if end := closing(raw, tag, c); end != nil {
					kids, err := c.siblings(raw.NextSibling(), end)
					if err != nil {
						return nil, err
					}
					out = append(out, htmlInline(tag, kids))
					k = end
					continue
				}
			}
		}
		ins, err := c.inline(k)
		if err != nil {
			return nil, err
		}
		for _, in := range ins {
			out = appendInline(out, in)
		}
	}
	return out, nil
}

var (
	openTagRe  = regexp.MustCompile(`(?i)^<(sub|sup|em|i|strong|b|del|s|strike|code|kbd)>$`)
	closeTagRe = regexp.MustCompile(`(?i)^</(sub|sup|em|i|strong|b|del|s|strike|code|kbd)\s*>$`)
)

func openTag(raw string) (string, bool) {
	m := openTagRe.FindStringSubmatch(raw)
	if m == nil {
		return "", false
	}
	return strings.ToLower(m[1]), true
}

// closing finds the sibling after open that closes tag.
func closing(open ast.Node, tag string, c *converter) ast.Node {
	depth := 0
	for k := open.NextSibling(); k != nil; k = k.NextSibling() {
		raw, ok := k.(*ast.RawHTML)
		if !ok {
			continue
		}
		s := c.rawText(raw)
		if t, ok := openTag(s); ok && t == tag {
			depth++
		} else if m := closeTagRe.FindStringSubmatch(s); m != nil && strings.ToLower(m[1]) == tag {
			if depth == 0 {
				return k
			}
			depth--
		}
	}
	return nil
}

func htmlInline(tag string, kids []doc.Inline) doc.Inline {
	switch tag {
	case "sub":
		return &doc.Sub{Inlines: kids}
	case "sup":
		return &doc.Sup{Inlines: kids}
	case "em", "i":
		return &doc.Emph{Inlines: kids}
	case "strong", "b":
		return &doc.Strong{Inlines: kids}
	case "code", "kbd":
		return &doc.Code{Text: doc.PlainText(kids)}
	}
	return &doc.Strike{Inlines: kids}
}

func (c *converter) rawText(n *ast.RawHTML) string {
	var raw strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw.Write(seg.Value(c.src))
	}
	return raw.String()
}

func appendInline(out []doc.Inline, in doc.Inline) []doc.Inline {
	if t, ok := in.(*doc.Text); ok {
		if t.Text == "" {
			return out
		}
		if len(out) > 0 {
			if prev, ok := out[len(out)-1].(*doc.Text); ok {
				prev.Text += t.Text
				return out
			}
		}
		return append(out, &doc.Text{Text: t.Text})
	}
	return append(out, in)
}

var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

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
		url := string(n.URL(c.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		return []doc.Inline{&doc.Link{URL: url, Inlines: []doc.Inline{&doc.Text{Text: string(n.Label(c.src))}}}}, nil
	case *ast.Image:
		alt, err := c.inlines(n)
		if err != nil {
			return nil, err
		}
		return []doc.Inline{&doc.Image{Src: unescape(string(n.Destination)), Alt: doc.PlainText(alt), Title: unescape(string(n.Title))}}, nil
	case *ast.RawHTML:
		raw := c.rawText(n)
		if brTag.MatchString(raw) {
			return []doc.Inline{&doc.LineBreak{}}, nil
		}
		c.opts.Warnf(c.nodeLine(n), "raw HTML %s dropped (galley never passes HTML through)", clip(raw))
		return nil, nil
	case *east.FootnoteLink:
		blocks := c.notes[n.Index]
		if c.noteUsed(n.Index) {
			blocks = cloneBlocks(blocks)
		}
		return []doc.Inline{&doc.Note{Blocks: blocks}}, nil
	case *east.FootnoteBacklink:
		return nil, nil
	}
	return nil, &read.Error{File: c.opts.Name, Line: c.nodeLine(n), Err: fmt.Errorf("markdown: unsupported inline %s", n.Kind())}
}

// noteUsed reports whether footnote i was referenced before, and marks it
// referenced. A footnote referenced twice becomes two notes.
func (c *converter) noteUsed(i int) bool {
	used := c.used[i]
	c.used[i] = true
	return used
}

// cloneBlocks copies a note's blocks through the JSON form, so that two
// notes never share nodes.
func cloneBlocks(bs []doc.Block) []doc.Block {
	var buf bytes.Buffer
	if err := doc.Encode(&buf, &doc.Document{Blocks: bs}); err != nil {
		return bs
	}
	d, err := doc.Decode(&buf)
	if err != nil {
		return bs
	}
	return d.Blocks
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return fmt.Sprintf("%q", s)
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

// meta maps front matter onto m. Known keys fill Meta's fields; other keys
// are kept in m.Extra, sorted, with a warning. It reports false if the
// block is not a mapping, and so not front matter at all.
func (c *converter) meta(fm *frontmatter.Data, m *doc.Meta) (bool, error) {
	var raw map[string]any
	if err := fm.Decode(&raw); err != nil {
		body := strings.SplitN(string(c.src), "\n", 2)[1]
		if !looksLikeMapping.MatchString(body) {
			return false, nil
		}
		return false, &read.Error{File: c.opts.Name, Line: 1, Err: fmt.Errorf("markdown: front matter: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if raw == nil {
		return false, nil
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		switch strings.ToLower(k) {
		case "title":
			m.Title = scalar(v)
		case "subtitle":
			m.Subtitle = scalar(v)
		case "author", "authors", "creator":
			m.Authors = append(m.Authors, list(v)...)
		case "lang", "language":
			m.Lang = scalar(v)
		case "date":
			m.Date = scalar(v)
		case "identifier", "isbn", "id":
			m.Identifier = scalar(v)
		case "publisher":
			m.Publisher = scalar(v)
		case "rights", "copyright", "license":
			m.Rights = scalar(v)
		case "description", "abstract", "summary":
			m.Description = scalar(v)
		case "keywords", "tags", "subject":
			for _, kw := range list(v) {
				for _, w := range strings.Split(kw, ",") {
					if w = strings.TrimSpace(w); w != "" {
						m.Keywords = append(m.Keywords, w)
					}
				}
			}
		case "cover", "cover-image", "cover_image":
			m.Cover = scalar(v)
		default:
			m.Extra = append(m.Extra, doc.Field{Key: k, Value: scalar(v)})
			c.opts.Warnf(1, "front matter key %q is not galley metadata; kept as extra metadata", k)
		}
	}
	return true, nil
}

// scalar formats a front matter value as text.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		return strings.Join(list(v), ", ")
	case interface{ Format(string) string }: // time.Time from YAML dates
		return v.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

// list reads a value that may be one item, a comma-separated string (for
// keywords) or a list.
func list(v any) []string {
	switch v := v.(type) {
	case []any:
		var out []string
		for _, x := range v {
			if s := strings.TrimSpace(scalar(x)); s != "" {
				out = append(out, s)
			}
		}
		return out
	case string:
		if s := strings.TrimSpace(v); s != "" {
			return []string{s}
		}
		return nil
	}
	if s := scalar(v); s != "" {
		return []string{s}
	}
	return nil
}
