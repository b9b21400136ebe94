// Package markdown writes documents as Markdown, in three flavours
// registered as formats of their own:
//
//   - "markdown" (.md): what galley's Markdown reader reads back to the
//     same document: CommonMark with YAML front matter for the metadata,
//     GitHub's tables, strikethrough and task lists, footnotes ([^1]),
//     math in dollars, admonitions as ":::kind" containers, definition
//     lists, {#id} after a heading whose id is not the one its title
//     gives, and pandoc's bracketed spans ("[words]{lang=en}") and
//     fenced divs ("::: {lang=en}") for parts with attributes.
//   - "gfm": GitHub Flavored Markdown: the same, with admonitions as
//     GitHub's alerts ("> [!NOTE]") where GitHub has the kind,
//     definition lists as HTML, and no heading ids (GitHub makes its
//     own).
//   - "commonmark": CommonMark alone: strikethrough as <del>, notes as
//     superscript links to a list at the end, definition lists as HTML,
//     no front matter (CommonMark has none: the metadata is left out).
//
// Paragraphs are written on one line each, never wrapped, so that a
// diff shows what changed. Text is escaped wherever a character would
// otherwise mean something, so it reads back as written.
package markdown

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/transform"
)

// Flavours of Markdown.
const (
	Markdown   = "markdown"
	GFM        = "gfm"
	CommonMark = "commonmark"
)

// Renderer writes one flavour of Markdown.
type Renderer struct{ flavour string }

// New returns a renderer of flavour: Markdown, GFM or CommonMark.
func New(flavour string) *Renderer {
	switch flavour {
	case GFM, CommonMark:
	default:
		flavour = Markdown
	}
	return &Renderer{flavour: flavour}
}

func init() {
	render.Register(render.Format{Name: Markdown, Ext: ".md", MediaType: "text/markdown; charset=utf-8", OtherExts: []string{".markdown"}}, New(Markdown))
	render.Register(render.Format{Name: GFM, MediaType: "text/markdown; charset=utf-8; variant=GFM", Aliases: []string{"markdown_github"}}, New(GFM))
	render.Register(render.Format{Name: CommonMark, MediaType: "text/markdown; charset=utf-8; variant=CommonMark", Aliases: []string{"commonmark_x", "markdown_strict"}}, New(CommonMark))
}

// Render writes d to w. It does not modify d.
func (r *Renderer) Render(ctx context.Context, w io.Writer, d *doc.Document, opts *render.Options) error {
	opts = opts.WithContext(ctx)
	m := &writer{flavour: r.flavour}
	var out []string
	if r.flavour != CommonMark {
		fm, err := frontMatter(&d.Meta)
		if err != nil {
			return err
		}
		out = append(out, fm...)
	}
	var parts [][]string
	if len(d.Blocks) > 0 {
		parts = append(parts, m.blocks(d.Blocks, false))
	}
	for _, s := range d.Sections {
		if err := opts.Err(); err != nil {
			return err
		}
		parts = append(parts, m.section(s))
	}
	parts = append(parts, m.notes())
	out = append(out, join(parts, false)...)
	bw := bufio.NewWriter(w)
	for _, l := range out {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

type writer struct {
	flavour string
	// pending are the notes referred to so far, written at the end.
	pending []*doc.Note
}

// join joins blocks' lines, with a blank line between two blocks unless
// tight; empty blocks are left out.
func join(parts [][]string, tight bool) []string {
	var out []string
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		if len(out) > 0 && !tight {
			out = append(out, "")
		}
		out = append(out, p...)
	}
	return out
}

// prefixed returns lines with first before the first and rest before
// the others; an empty line gets the prefix without its trailing spaces.
func prefixed(lines []string, first, rest string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" {
			p = strings.TrimRight(p, " ")
		}
		out[i] = p + l
	}
	return out
}

// frontMatter returns the metadata as YAML between "---" lines.
func frontMatter(meta *doc.Meta) ([]string, error) {
	var node yaml.Node
	node.Kind = yaml.MappingNode
	var err error
	add := func(key string, v any) {
		var k, val yaml.Node
		k.SetString(key)
		if e := val.Encode(v); e != nil {
			err = e
		}
		node.Content = append(node.Content, &k, &val)
	}
	for _, f := range []struct{ key, value string }{{"title", meta.Title}, {"subtitle", meta.Subtitle}} {
		if f.value != "" {
			add(f.key, f.value)
		}
	}
	switch len(meta.Authors) {
	case 0:
	case 1:
		add("author", meta.Authors[0])
	default:
		add("author", meta.Authors)
	}
	for _, f := range []struct{ key, value string }{
		{"lang", meta.Lang}, {"date", meta.Date}, {"identifier", meta.Identifier}, {"publisher", meta.Publisher},
		{"rights", meta.Rights}, {"description", meta.Description},
	} {
		if f.value != "" {
			add(f.key, f.value)
		}
	}
	if len(meta.Keywords) > 0 {
		add("keywords", meta.Keywords)
	}
	if meta.Cover != "" {
		add("cover", meta.Cover)
	}
	for _, f := range meta.Extra {
		add(f.Key, f.Value)
	}
	if len(node.Content) == 0 || err != nil {
		return nil, err
	}
	out, err := yaml.Marshal(&node)
	if err != nil {
		return nil, err
	}
	lines := append([]string{"---"}, strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")...)
	return append(lines, "---", ""), nil
}

func (m *writer) section(s *doc.Section) []string {
	level := min(max(s.Level, 1), 6)
	h := strings.Repeat("#", level) + " "
	text := doc.PlainText(s.Title)
	if s.Number != "" {
		h += escape(s.Number, m.flavour) + " "
		text = s.Number + " " + text
	}
	h += m.inlines(s.Title, false)
	if m.flavour == Markdown && s.ID != "" && (s.ID != transform.Slug(text) || strings.HasSuffix(h, "}")) {
		// The id is written when it is not the one the text gives, and
		// when the heading ends in a span's attributes, which would
		// otherwise read back as the heading's.
		h += " {#" + s.ID + "}"
	}
	parts := [][]string{{h}, m.blocks(s.Blocks, false)}
	for _, sub := range s.Sections {
		parts = append(parts, m.section(sub))
	}
	return join(parts, false)
}

// blocks returns blocks' lines, a blank line between them unless tight.
func (m *writer) blocks(bs []doc.Block, tight bool) []string {
	parts := make([][]string, 0, len(bs))
	alt := false
	for i, b := range bs {
		// Two lists in a row would read as one: the second takes the
		// other marker ("*" for "-", ")" for ".").
		if l, ok := b.(*doc.List); ok {
			if prev, ok := previous(bs, i).(*doc.List); ok && prev.Ordered == l.Ordered {
				alt = !alt
			} else {
				alt = false
			}
			parts = append(parts, m.list(l, alt))
			continue
		}
		parts = append(parts, m.block(b))
	}
	return join(parts, tight)
}

func previous(bs []doc.Block, i int) doc.Block {
	if i > 0 {
		return bs[i-1]
	}
	return nil
}

func (m *writer) block(b doc.Block) []string {
	switch b := b.(type) {
	case *doc.Paragraph:
		return strings.Split(startEscaped(m.inlines(b.Inlines, false)), "\n")
	case *doc.Heading:
		return []string{strings.Repeat("#", min(max(b.Level, 1), 6)) + " " + m.inlines(b.Inlines, false)}
	case *doc.List:
		return m.list(b, false)
	case *doc.Quote:
		return quoted(m.blocks(b.Blocks, false))
	case *doc.Div:
		inner := m.blocks(b.Blocks, false)
		if attrs, ok := pandocAttrs(b.Attr); ok && m.flavour == Markdown {
			// Pandoc's fenced div, longer than any fence inside it.
			fence := strings.Repeat(":", max(3, longestFence(inner)+1))
			return join([][]string{{fence + " " + attrs}, inner, {fence}}, false)
		}
		// GFM and CommonMark have no block of attributes: HTML, with
		// Markdown inside (a blank line after the tag).
		return join([][]string{{"<div" + htmlAttrs(b.Attr) + ">"}, inner, {"</div>"}}, false)
	case *doc.Admonition:
		return m.admonition(b)
	case *doc.DefList:
		return m.defList(b)
	case *doc.CodeBlock:
		fence := strings.Repeat("`", max(3, longestRun(b.Text, '`')+1))
		info := strings.ReplaceAll(strings.TrimSpace(b.Lang), "`", "")
		lines := []string{fence + info}
		if b.Text != "" {
			lines = append(lines, strings.Split(strings.TrimSuffix(b.Text, "\n"), "\n")...)
		}
		return append(lines, fence)
	case *doc.Table:
		return m.table(b)
	case *doc.Figure:
		// An image alone in a paragraph is a figure whose caption is
		// its alternative text; a figure whose caption says something
		// else is written in HTML (its caption as plain text, when it
		// is no more than text).
		caption := doc.PlainText(b.Caption)
		if len(b.Caption) > 0 && caption != b.Alt && plain(b.Caption) {
			img := `<img src="` + htmlAttr(b.Src) + `" alt="` + htmlAttr(b.Alt) + `"`
			if b.Title != "" {
				img += ` title="` + htmlAttr(b.Title) + `"`
			}
			return []string{"<figure>", img + ">", "<figcaption>" + htmlText(caption) + "</figcaption>", "</figure>"}
		}
		alt := m.inlines(b.Caption, false)
		if len(b.Caption) == 0 {
			alt = escape(b.Alt, m.flavour)
		}
		return []string{"![" + alt + "](" + destination(b.Src) + title(b.Title) + ")"}
	case *doc.Rule:
		return []string{"* * *"}
	}
	return nil
}

// quoted returns lines as a block quote; an empty one as a lone ">".
func quoted(lines []string) []string {
	if len(lines) == 0 {
		return []string{">"}
	}
	return prefixed(lines, "> ", "> ")
}

func (m *writer) list(l *doc.List, alt bool) []string {
	n := l.Start
	var items [][]string
	for i, it := range l.Items {
		marker := "- "
		if alt {
			marker = "* "
		}
		if l.Ordered {
			marker = strconv.Itoa(n+i) + ". "
			if alt {
				marker = strconv.Itoa(n+i) + ") "
			}
		}
		indent := strings.Repeat(" ", len(marker))
		switch it.Task {
		case doc.Todo:
			marker += "[ ] "
		case doc.Done:
			marker += "[x] "
		}
		lines := m.blocks(it.Blocks, l.Tight)
		if len(lines) == 0 {
			items = append(items, []string{strings.TrimRight(marker, " ")})
			continue
		}
		items = append(items, prefixed(lines, marker, indent))
	}
	return join(items, l.Tight)
}

// alerts are the admonitions GitHub draws.
var alerts = map[string]string{"note": "NOTE", "tip": "TIP", "important": "IMPORTANT", "warning": "WARNING", "caution": "CAUTION"}

func (m *writer) admonition(a *doc.Admonition) []string {
	kind := strings.ToLower(strings.TrimSpace(a.Kind))
	body := m.blocks(a.Blocks, false)
	switch {
	case m.flavour == Markdown:
		head := ":::" + strings.Map(func(r rune) rune {
			if r == ' ' || r == '{' || r == '}' || r == ':' {
				return -1
			}
			return r
		}, kind)
		if kind == "" {
			head = ":::note"
		}
		if len(a.Title) > 0 {
			head += " " + m.inlines(a.Title, false)
		}
		return join([][]string{join([][]string{{head}, body}, true), {":::"}}, false)
	case m.flavour == GFM && alerts[kind] != "" && len(a.Title) == 0:
		return quoted(join([][]string{{"[!" + alerts[kind] + "]"}, body}, true))
	}
	t := a.Title
	if len(t) == 0 && kind != "" {
		t = []doc.Inline{&doc.Text{Text: strings.ToUpper(kind[:1]) + kind[1:]}}
	}
	var head []string
	if len(t) > 0 {
		head = []string{"**" + m.inlines(t, false) + "**"}
	}
	return quoted(join([][]string{head, body}, false))
}

func (m *writer) defList(dl *doc.DefList) []string {
	var parts [][]string
	if m.flavour == Markdown {
		for _, it := range dl.Items {
			lines := []string{m.inlines(it.Term, false)}
			for _, def := range it.Defs {
				lines = append(lines, prefixed(m.blocks(def, false), ":   ", "    ")...)
			}
			parts = append(parts, lines)
		}
		return join(parts, false)
	}
	// HTML, with Markdown inside: a blank line after each tag.
	parts = append(parts, []string{"<dl>"})
	for _, it := range dl.Items {
		parts = append(parts, []string{"<dt>" + m.inlines(it.Term, false) + "</dt>"})
		for _, def := range it.Defs {
			parts = append(parts, []string{"<dd>"}, m.blocks(def, false), []string{"</dd>"})
		}
	}
	parts = append(parts, []string{"</dl>"})
	return join(parts, false)
}

func (m *writer) table(t *doc.Table) []string {
	cols := t.Columns()
	if cols == 0 {
		return nil
	}
	// A pipe table cannot span: a cell is written where it starts, the
	// places it covers are empty. Its one header row is the first; the
	// header's other rows are body rows.
	row := func(cells []*doc.Cell) string {
		var b strings.Builder
		b.WriteString("|")
		for _, c := range cells {
			var s string
			if c != nil {
				s = m.inlines(c.Flat(), true)
			}
			b.WriteString(" " + s + " |")
		}
		return b.String()
	}
	places := t.Places()
	if len(t.Header) == 0 {
		// A pipe table has a header row: an empty one.
		places = append([][]*doc.Cell{make([]*doc.Cell, cols)}, places...)
	}
	lines := []string{row(places[0])}
	var rule strings.Builder
	rule.WriteString("|")
	for i := 0; i < cols; i++ {
		a := doc.AlignDefault
		if i < len(t.Align) {
			a = t.Align[i]
		}
		switch a {
		case doc.AlignLeft:
			rule.WriteString(" :-- |")
		case doc.AlignCenter:
			rule.WriteString(" :-: |")
		case doc.AlignRight:
			rule.WriteString(" --: |")
		default:
			rule.WriteString(" --- |")
		}
	}
	lines = append(lines, rule.String())
	for _, r := range places[1:] {
		lines = append(lines, row(r))
	}
	if len(t.Caption) > 0 {
		lines = append(lines, "", "Table: "+m.inlines(t.Caption, false))
	}
	return lines
}

// notes returns the notes referred to, in order: footnote definitions,
// or, in CommonMark, a list the references link to.
func (m *writer) notes() []string {
	var parts [][]string
	for i := 0; i < len(m.pending); i++ { // a note may refer to more
		label := strconv.Itoa(i + 1)
		first := "[^" + label + "]: "
		if m.flavour == CommonMark {
			first = label + ". <a id=\"fn-" + label + "\"></a>"
		}
		lines := m.blocks(m.pending[i].Blocks, false)
		if len(lines) == 0 {
			lines = []string{""}
		}
		parts = append(parts, prefixed(lines, first, "    "))
	}
	return join(parts, false)
}

// inlines returns inlines as Markdown on one line (a hard break is a
// backslash and a new line; in a table cell, <br>).
//
// Emphasis, strong emphasis and strikethrough are written between
// delimiters only where CommonMark's flanking rules read them back so:
// which depends on the characters on both sides, so they are decided
// once their neighbours are written; elsewhere (inside a word next to
// punctuation, or nested so that "***" would read another way) in HTML.
func (m *writer) inlines(ins []doc.Inline, cell bool) string {
	type piece struct {
		s                 string
		delim, tag        string
		lead, core, trail string
		delimited         bool
	}
	pieces := make([]piece, len(ins))
	for i, in := range ins {
		var delim, tag string
		var children []doc.Inline
		switch in := in.(type) {
		case *doc.Emph:
			delim, tag, children = "*", "em", in.Inlines
		case *doc.Strong:
			delim, tag, children = "**", "strong", in.Inlines
		case *doc.Strike:
			delim, tag, children = "~~", "del", in.Inlines
		default:
			var b strings.Builder
			m.inline(&b, in, cell)
			pieces[i] = piece{s: b.String()}
			continue
		}
		s := m.inlines(children, cell)
		core := strings.TrimSpace(s)
		if core == "" {
			pieces[i] = piece{s: s}
			continue
		}
		lead := s[:strings.Index(s, core)]
		pieces[i] = piece{delimited: true, delim: delim, tag: tag, lead: lead, core: core, trail: s[len(lead)+len(core):]}
	}
	var b strings.Builder
	for i, p := range pieces {
		if !p.delimited {
			b.WriteString(p.s)
			// A "!" right before a link would make it an image.
			if _, ok := ins[i].(*doc.Text); ok && i+1 < len(ins) {
				if _, ok := ins[i+1].(*doc.Link); ok && strings.HasSuffix(p.s, "!") && !strings.HasSuffix(p.s, "\\!") {
					s := b.String()
					b.Reset()
					b.WriteString(s[:len(s)-1] + "\\!")
				}
			}
			continue
		}
		b.WriteString(p.lead)
		prev, _ := utf8.DecodeLastRuneInString(b.String())
		if b.Len() == 0 {
			prev = ' '
		}
		next := ' '
		switch {
		case p.trail != "":
		case i+1 < len(pieces) && pieces[i+1].delimited:
			if pieces[i+1].lead == "" {
				next = '*' // its delimiter or its tag: punctuation either way
			}
		case i+1 < len(pieces) && pieces[i+1].s != "":
			next, _ = utf8.DecodeRuneInString(pieces[i+1].s)
		}
		first, _ := utf8.DecodeRuneInString(p.core)
		last, _ := utf8.DecodeLastRuneInString(p.core)
		opens := !punct(first) || space(prev) || punct(prev)
		closes := !punct(last) || space(next) || punct(next)
		html := !opens || !closes || p.delim[0] == '*' && ambiguous(p.delim, p.core) || p.delim == "~~" && m.flavour == CommonMark
		if html {
			b.WriteString("<" + p.tag + ">" + p.core + "</" + p.tag + ">")
		} else {
			b.WriteString(p.delim + p.core + p.delim)
		}
		b.WriteString(p.trail)
	}
	return b.String()
}

// punct reports whether r is punctuation as CommonMark's flanking rules
// count it (Unicode's punctuation and symbols).
func punct(r rune) bool {
	return r < utf8.RuneSelf && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) || unicode.In(r, unicode.P, unicode.S)
}

func space(r rune) bool { return unicode.IsSpace(r) }

func (m *writer) inline(b *strings.Builder, in doc.Inline, cell bool) {
	switch in := in.(type) {
	case *doc.Text:
		t := strings.ReplaceAll(escape(in.Text, m.flavour), "\n", "&#10;")
		if cell {
			t = strings.ReplaceAll(t, "|", `\|`)
		}
		b.WriteString(t)
	case *doc.Sup:
		b.WriteString("<sup>" + m.inlines(in.Inlines, cell) + "</sup>")
	case *doc.Sub:
		b.WriteString("<sub>" + m.inlines(in.Inlines, cell) + "</sub>")
	case *doc.Code:
		c := codeSpan(strings.ReplaceAll(in.Text, "\n", " "))
		if cell {
			c = strings.ReplaceAll(c, "|", `\|`) // GFM reads tables before code spans
		}
		b.WriteString(c)
	case *doc.Link:
		text := m.inlines(in.Inlines, cell)
		if in.Title == "" && isAutolink(in.URL) && doc.PlainText(in.Inlines) == in.URL {
			b.WriteString("<" + in.URL + ">")
			return
		}
		b.WriteString("[" + text + "](" + destination(in.URL) + title(in.Title) + ")")
	case *doc.Image:
		b.WriteString("![" + escape(in.Alt, m.flavour) + "](" + destination(in.Src) + title(in.Title) + ")")
	case *doc.Note:
		m.pending = append(m.pending, in)
		label := strconv.Itoa(len(m.pending))
		if m.flavour == CommonMark {
			b.WriteString(`<sup>[` + label + `](#fn-` + label + `)</sup>`)
		} else {
			b.WriteString("[^" + label + "]")
		}
	case *doc.LineBreak:
		if cell {
			b.WriteString("<br>")
		} else {
			b.WriteString("\\\n")
		}
	case *doc.Math:
		tex := strings.ReplaceAll(in.TeX, "\n", " ")
		if in.Display {
			b.WriteString("$$" + tex + "$$")
		} else {
			b.WriteString("$" + tex + "$")
		}
	case *doc.Anchor:
		if in.ID != "" {
			b.WriteString(`<a id="` + htmlAttr(in.ID) + `"></a>`)
		}
	case *doc.Span:
		attrs, ok := pandocAttrs(in.Attr)
		switch {
		case in.Attr.IsZero():
			b.WriteString(m.inlines(in.Inlines, cell))
		case ok && m.flavour == Markdown:
			// Pandoc's bracketed span.
			b.WriteString("[" + m.inlines(in.Inlines, cell) + "]" + attrs)
		default:
			b.WriteString("<span" + htmlAttrs(in.Attr) + ">" + m.inlines(in.Inlines, cell) + "</span>")
		}
	default:
		b.WriteString(escape(doc.PlainText([]doc.Inline{in}), m.flavour))
	}
}

// ambiguous reports whether core between delimiters would read as
// another nesting: only emphasis around strong emphasis that fills it
// ("*" around "**x**") reads back as written.
func ambiguous(delim, core string) bool {
	edge := func(s string) int { // the asterisks at an end
		n := 0
		for n < len(s) && s[n] == '*' {
			n++
		}
		return n
	}
	rev := func(s string) string {
		b := []byte(s)
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
		return string(b)
	}
	for _, n := range []int{edge(core), edge(rev(core))} {
		if n > 0 && !(delim == "*" && n == 2) {
			return true
		}
	}
	return false
}

// escape backslash-escapes the characters that mean something in
// Markdown text, so that it reads back as written.
func escape(s, flavour string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#':
			b.WriteByte('\\')
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				b.WriteByte('\\')
			}
		case '&':
			if entity(s[i:]) {
				b.WriteByte('\\')
			}
		case '$':
			if flavour != CommonMark {
				b.WriteByte('\\')
			}
		case '~':
			if flavour != CommonMark {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// entity reports whether s starts with what reads as an HTML entity.
func entity(s string) bool {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 33 {
		return false
	}
	for _, c := range s[1:end] {
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// startEscaped escapes what would make a paragraph's first line read as
// another block: a heading's "#" (escaped already), a list marker, a
// quote's ">" (escaped already), a rule, a setext underline, a fence.
func startEscaped(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = lineEscaped(l)
	}
	return strings.Join(lines, "\n")
}

func lineEscaped(l string) string {
	t := strings.TrimLeft(l, " \t")
	if t == "" {
		return l
	}
	// Spaces and tabs that start a line would be dropped, or make code.
	lead := strings.NewReplacer(" ", "&#32;", "\t", "&#9;").Replace(l[:len(l)-len(t)])
	switch t[0] {
	case '-', '+', '=':
		return lead + "\\" + t
	}
	// "1. " or "1) ": an ordered list.
	digits := 0
	for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(t) && (t[digits] == '.' || t[digits] == ')') {
		return lead + t[:digits] + "\\" + t[digits:]
	}
	return lead + t
}

// codeSpan returns text as a code span, between enough backticks.
func codeSpan(s string) string {
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.TrimSpace(s) != "" {
		s = " " + s + " "
	}
	return fence + s + fence
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// destination writes a link's destination: in angle brackets when it
// holds spaces or brackets.
func destination(u string) string {
	if u == "" || strings.ContainsAny(u, " ()<>\n\\") {
		r := strings.NewReplacer("<", "\\<", ">", "\\>", "\n", "%0A", "\\", "\\\\")
		return "<" + r.Replace(u) + ">"
	}
	return u
}

func title(t string) string {
	if t == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == '\\' || c == '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString("&#10;")
		case c == '&' && entity(t[i:]):
			b.WriteString("\\&")
		default:
			b.WriteByte(c)
		}
	}
	return ` "` + b.String() + `"`
}

func isAutolink(u string) bool {
	return (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "mailto:")) &&
		!strings.ContainsAny(u, " <>\n")
}

// htmlAttrs writes attributes as HTML's: id, class, and every other
// named value (lang, dir…).
// pandocAttrs writes a as pandoc's attributes, "{#id .class
// key="value"}", or reports false where they cannot hold it (a value
// with both kinds of quote, a name or class with spaces).
func pandocAttrs(a doc.Attr) (string, bool) {
	var parts []string
	plain := func(s string) bool { return s != "" && !strings.ContainsAny(s, " \t\n{}\"'") }
	if a.ID != "" {
		if !plain(a.ID) {
			return "", false
		}
		parts = append(parts, "#"+a.ID)
	}
	for _, c := range a.Classes {
		if !plain(c) {
			return "", false
		}
		parts = append(parts, "."+c)
	}
	for _, p := range a.Pairs {
		q := `"`
		if strings.Contains(p.Value, `"`) {
			q = "'"
		}
		if !validName(p.Key) || strings.Contains(p.Value, q) || strings.ContainsAny(p.Value, "\n}") {
			return "", false
		}
		parts = append(parts, p.Key+"="+q+p.Value+q)
	}
	return "{" + strings.Join(parts, " ") + "}", len(parts) > 0
}

// longestFence returns the most colons that start one of lines.
func longestFence(lines []string) int {
	n := 0
	for _, l := range lines {
		k := 0
		for k < len(l) && l[k] == ':' {
			k++
		}
		n = max(n, k)
	}
	return n
}

func htmlAttrs(a doc.Attr) string {
	var b strings.Builder
	if a.ID != "" {
		b.WriteString(` id="` + htmlAttr(a.ID) + `"`)
	}
	if len(a.Classes) > 0 {
		b.WriteString(` class="` + htmlAttr(strings.Join(a.Classes, " ")) + `"`)
	}
	for _, p := range a.Pairs {
		if validName(p.Key) {
			b.WriteString(" " + p.Key + `="` + htmlAttr(p.Value) + `"`)
		}
	}
	return b.String()
}

// validName reports whether s can be an HTML attribute's name.
func validName(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '-' || r == '_' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// plain reports whether inlines are text alone.
func plain(ins []doc.Inline) bool {
	for _, in := range ins {
		if _, ok := in.(*doc.Text); !ok {
			return false
		}
	}
	return true
}

func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func htmlAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;").Replace(s)
}
