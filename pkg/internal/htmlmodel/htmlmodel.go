// Package htmlmodel maps HTML to the document model. The HTML reader uses
// it for whole web pages (finding their main content first), and the
// Markdown reader for the raw HTML inside Markdown, so that both map
// HTML alike and neither imports the other. It is the only package that
// parses HTML (golang.org/x/net/html, the HTML5 parsing algorithm: tag
// soup parses as browsers parse it) and selects in it
// (github.com/andybalholm/cascadia).
//
// Nothing is passed through: what the model cannot hold is mapped to what
// it can (a <details> becomes its summary in bold and its content; a
// definition list, terms in bold and their definitions), and what is not
// content (scripts, styles, frames, forms, event handlers, javascript:
// links) is dropped, with one warning per kind.
package htmlmodel

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

// Converter maps HTML nodes to model blocks and inlines.
type Converter struct {
	// Warn receives one warning per kind of thing dropped or degraded
	// ("script element", "colspan"), with the first place seen.
	Warn func(msg string)
	// Drop, if set, reports whether a paragraph of this text is site
	// boilerplate to leave out.
	Drop func(text string) bool

	warned map[string]bool
	// notes maps the id of an element that holds a footnote's text to
	// the element; used records the notes referred to, so that their
	// text is not also set where it stands.
	notes map[string]*html.Node
	used  map[*html.Node]*doc.Note
	// slots hold content already converted, standing in a fragment as
	// <galley-slot> elements; see fragment.go.
	slots []slot
}

// warn reports a kind of thing dropped or degraded, once per kind.
func (c *Converter) warn(kind, format string, args ...any) {
	if c.warned == nil {
		c.warned = map[string]bool{}
	}
	if c.warned[kind] || c.Warn == nil {
		return
	}
	c.warned[kind] = true
	c.Warn(fmt.Sprintf(format, args...))
}

// dropped are elements that are not content: they are left out, with a
// warning for the active ones.
var dropped = map[atom.Atom]string{
	atom.Script: "<script>", atom.Style: "<style>", atom.Iframe: "<iframe>", atom.Frame: "<frame>",
	atom.Frameset: "<frameset>", atom.Object: "<object>", atom.Embed: "<embed>", atom.Applet: "<applet>",
	atom.Form: "<form>", atom.Input: "form controls", atom.Button: "form controls", atom.Select: "form controls",
	atom.Textarea: "form controls", atom.Template: "<template>", atom.Noscript: "", atom.Canvas: "<canvas>",
	atom.Video: "<video>", atom.Audio: "<audio>", atom.Svg: "inline <svg>", atom.Link: "",
	atom.Meta: "", atom.Head: "", atom.Title: "", atom.Base: "", atom.Map: "", atom.Dialog: "<dialog>",
}

// blockTags are the elements that start a block.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Figure: true, atom.Hr: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Details: true, atom.Summary: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Address: true, atom.Center: true, atom.Figcaption: true,
	atom.Body: true, atom.Html: true, atom.Caption: true, atom.Fieldset: true, atom.Legend: true, atom.Hgroup: true,
	atom.Menu: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// Attr returns an attribute of n, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isBlock reports whether n is an element that starts a block. An img
// standing alone between blocks is a figure; inline it is an image.
func isBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && blockTags[n.DataAtom] || isBlockSlot(n)
}

// hidden reports whether an element is not shown: hidden, aria-hidden,
// or display: none.
func hidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	if Attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(Attr(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// skip reports whether an element is left out, warning for what is
// active content.
func (c *Converter) skip(n *html.Node) bool {
	if n.Type == html.CommentNode || n.Type == html.DoctypeNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if kind, ok := dropped[n.DataAtom]; ok {
		if kind != "" {
			c.warn(kind, "%s dropped (galley never passes active content or forms through)", kind)
		}
		return true
	}
	if c.used != nil {
		if _, ok := c.used[n]; ok {
			return true // a footnote's text, set as a note
		}
	}
	if st := strings.ReplaceAll(Attr(n, "style"), " ", ""); strings.Contains(st, "mso-element:footnote-list") || strings.Contains(st, "mso-element:endnote-list") {
		return len(c.used) > 0 // Word's notes, set as notes
	}
	return hidden(n)
}

// Blocks maps the children of n to blocks. Headings are *doc.Heading
// blocks at their source level; a reader nests them into sections.
func (c *Converter) Blocks(n *html.Node) []doc.Block {
	var out []doc.Block
	var pending []*html.Node // inline content between blocks
	flush := func() {
		if len(pending) == 0 {
			return
		}
		ins := c.inlineNodes(pending)
		pending = pending[:0]
		if p := c.paragraph(ins); p != nil {
			out = append(out, p)
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if c.skip(k) {
			continue
		}
		if s := c.slotOf(k); s != nil && s.blocks != nil {
			flush()
			out = append(out, s.blocks...)
			continue
		}
		if wordListItem(k) > 0 {
			// Word writes a list as paragraphs with a marker each.
			flush()
			var items []*html.Node
			for ; k != nil; k = k.NextSibling {
				if k.Type == html.TextNode && strings.TrimSpace(k.Data) == "" || k.Type == html.CommentNode {
					continue
				}
				if wordListItem(k) == 0 {
					break
				}
				items = append(items, k)
			}
			out = append(out, c.wordList(items)...)
			if k == nil {
				break
			}
			k = k.PrevSibling // the loop moves on to k again
			continue
		}
		if k.Type == html.ElementNode && k.DataAtom == atom.Img && aloneInBlock(k) {
			flush()
			if f := c.figure(k, nil); f != nil {
				out = append(out, f)
			}
			continue
		}
		if !isBlock(k) && !(k.Type == html.ElementNode && containsBlock(k)) {
			pending = append(pending, k)
			continue
		}
		flush()
		out = append(out, c.block(k)...)
	}
	flush()
	return out
}

var msoLevel = regexp.MustCompile(`mso-list:\s*l\d+\s+level(\d+)`)

// wordListItem returns the list level of a paragraph Word wrote as a list
// item ("mso-list:l0 level1 lfo1"), or 0.
func wordListItem(n *html.Node) int {
	if n.Type != html.ElementNode || n.DataAtom != atom.P {
		return 0
	}
	m := msoLevel.FindStringSubmatch(Attr(n, "style"))
	if m == nil {
		return 0
	}
	lvl, _ := strconv.Atoi(m[1])
	return max(min(lvl, 9), 1)
}

var listMarker = regexp.MustCompile(`^[\s\x{a0}]*([·•o§▪\-–]|\(?([0-9]+|[a-zA-Z]|[ivxIVX]+)[.)])[\s\x{a0}]*$`)

// wordList maps Word's list paragraphs to (nested) lists: each item's
// marker (a span holding "·" or "1.") goes, ordered lists are told by
// their numbers.
func (c *Converter) wordList(items []*html.Node) []doc.Block {
	type entry struct {
		level   int
		ordered bool
		blocks  []doc.Block
	}
	var entries []entry
	for _, p := range items {
		ordered := false
		// The marker: the first element child, if its text is one.
		for k := p.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.TextNode && strings.TrimSpace(k.Data) == "" {
				continue
			}
			if k.Type == html.ElementNode {
				if m := listMarker.FindStringSubmatch(textOf(k)); m != nil {
					ordered = m[2] != ""
					p.RemoveChild(k)
				}
			}
			break
		}
		var bs []doc.Block
		if para := c.paragraph(c.Inlines(p)); para != nil {
			bs = []doc.Block{para}
		}
		entries = append(entries, entry{wordListItem(p), ordered, bs})
	}
	// Nest by level: a deeper item goes into the item before it.
	var build func(i, level int) (*doc.List, int)
	build = func(i, level int) (*doc.List, int) {
		l := &doc.List{Ordered: entries[i].ordered, Tight: true}
		if l.Ordered {
			l.Start = 1 // a bullet list has no start
		}
		for i < len(entries) && entries[i].level >= level {
			if entries[i].level > level && len(l.Items) > 0 {
				sub, next := build(i, entries[i].level)
				last := l.Items[len(l.Items)-1]
				last.Blocks = append(last.Blocks, sub)
				i = next
				continue
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: entries[i].blocks})
			i++
		}
		return l, i
	}
	var out []doc.Block
	for i := 0; i < len(entries); {
		l, next := build(i, entries[i].level)
		out = append(out, l)
		i = next
	}
	return out
}

// containsBlock reports whether an inline element wraps blocks (an <a>
// around a <div>, a <span> around paragraphs): it is then a container.
func containsBlock(n *html.Node) bool {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if isBlock(k) || k.Type == html.ElementNode && containsBlock(k) {
			return true
		}
	}
	return false
}

// aloneInBlock reports whether an img is the only content of its
// parent's run of inline content: a figure, not an image in a line.
func aloneInBlock(img *html.Node) bool {
	for _, sib := range []*html.Node{img.PrevSibling, img.NextSibling} {
		for s := sib; s != nil; {
			if isBlock(s) {
				break
			}
			if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" || s.Type == html.CommentNode {
				if sib == img.PrevSibling {
					s = s.PrevSibling
				} else {
					s = s.NextSibling
				}
				continue
			}
			return false
		}
	}
	return true
}

// paragraph makes a paragraph of inlines, or nil when they hold no text
// or are boilerplate.
func (c *Converter) paragraph(ins []doc.Inline) doc.Block {
	ins = trimInlines(ins)
	if len(ins) == 0 || onlySpace(ins) {
		return nil
	}
	if c.Drop != nil && c.Drop(strings.TrimSpace(doc.PlainText(ins))) {
		return nil
	}
	// A paragraph of one image is a figure.
	if len(ins) == 1 {
		if img, ok := ins[0].(*doc.Image); ok {
			return &doc.Figure{Src: img.Src, Alt: img.Alt, Title: img.Title}
		}
	}
	return &doc.Paragraph{Inlines: ins}
}

// onlySpace reports whether inlines hold nothing but white space
// (Word's empty paragraphs of a no-break space).
func onlySpace(ins []doc.Inline) bool {
	if strings.TrimSpace(doc.PlainText(ins)) != "" {
		return false
	}
	found := false
	doc.WalkInlines(ins, func(n doc.Node) doc.Visit {
		switch n.(type) {
		case *doc.Image, *doc.Note:
			found = true
			return doc.Stop
		}
		return doc.Continue
	})
	return !found
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// block maps one block element; one in a language or direction of its
// own (lang, dir) is a doc.Div that says so. (A heading's language is
// its section's business: it stays a heading.)
func (c *Converter) block(n *html.Node) []doc.Block {
	bs := c.blockBody(n)
	if a := partAttr(n); !a.IsZero() && len(bs) > 0 && headingLevel(n.DataAtom) == 0 {
		return []doc.Block{&doc.Div{Attr: a, Blocks: bs}}
	}
	return bs
}

// partAttr returns the attributes of an element that make it a part of
// the document of its own: its language and direction.
func partAttr(n *html.Node) doc.Attr {
	var a doc.Attr
	if l := strings.TrimSpace(Attr(n, "lang")); l != "" && langPattern.MatchString(l) {
		a.Set("lang", l)
	}
	if d := strings.ToLower(strings.TrimSpace(Attr(n, "dir"))); d == "ltr" || d == "rtl" {
		a.Set("dir", d)
	}
	return a
}

var langPattern = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// blockBody maps one block element, without its attributes.
func (c *Converter) blockBody(n *html.Node) []doc.Block {
	if lvl := headingLevel(n.DataAtom); lvl > 0 {
		ins := trimInlines(c.Inlines(n))
		if len(ins) == 0 {
			return nil
		}
		return []doc.Block{&doc.Heading{Level: lvl, Inlines: withAnchor(n, ins)}}
	}
	switch n.DataAtom {
	case atom.P, atom.Dt, atom.Summary, atom.Legend, atom.Caption, atom.Figcaption, atom.Address:
		if containsBlock(n) {
			return c.Blocks(n)
		}
		ins := withAnchor(n, c.Inlines(n))
		if n.DataAtom == atom.Dt || n.DataAtom == atom.Summary {
			ins = trimInlines(ins)
			if len(ins) > 0 {
				ins = []doc.Inline{&doc.Strong{Inlines: ins}}
			}
		}
		if p := c.paragraph(ins); p != nil {
			return []doc.Block{p}
		}
		return nil
	case atom.Ul, atom.Ol, atom.Menu:
		return c.list(n)
	case atom.Blockquote:
		if bs := c.Blocks(n); len(bs) > 0 {
			return []doc.Block{&doc.Quote{Blocks: bs}}
		}
		return nil
	case atom.Pre:
		return []doc.Block{c.pre(n)}
	case atom.Table:
		if t := c.table(n); t != nil {
			return []doc.Block{t}
		}
		return nil
	case atom.Figure:
		return c.figureBlock(n)
	case atom.Hr:
		return []doc.Block{&doc.Rule{}}
	}
	// Containers: div, section, article, details, dl, dd, li outside a
	// list, …
	return c.Blocks(n)
}

// list maps ul and ol.
func (c *Converter) list(n *html.Node) []doc.Block {
	l := &doc.List{Ordered: n.DataAtom == atom.Ol, Tight: true}
	if l.Ordered {
		l.Start = 1 // a bullet list has no start
	}
	if s := Attr(n, "start"); s != "" && l.Ordered {
		if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && v >= 0 && v < 1e9 {
			l.Start = v
		}
	}
	if l.Ordered {
		switch t := Attr(n, "type"); t {
		case "a", "A", "i", "I":
			l.Numbering = t
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if c.skip(k) {
			continue
		}
		if k.Type == html.TextNode && strings.TrimSpace(k.Data) == "" {
			continue
		}
		var blocks []doc.Block
		if k.Type == html.ElementNode && k.DataAtom == atom.Li {
			blocks = c.Blocks(k)
		} else {
			blocks = c.Blocks(&html.Node{Type: html.ElementNode, FirstChild: k}) // stray content
		}
		for _, b := range blocks {
			if _, ok := b.(*doc.Paragraph); ok && hasChild(k, atom.P) {
				l.Tight = false
			}
		}
		l.Items = append(l.Items, &doc.ListItem{Blocks: blocks})
	}
	if len(l.Items) == 0 {
		return nil
	}
	return []doc.Block{l}
}

func hasChild(n *html.Node, a atom.Atom) bool {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && k.DataAtom == a {
			return true
		}
	}
	return false
}

var langClass = regexp.MustCompile(`(?:^|\s)(?:language|lang|highlight-source|sourceCode)-?([A-Za-z0-9_+#-]+)`)

// pre maps preformatted text, its language from a class such as
// "language-go" on the pre or the code inside.
func (c *Converter) pre(n *html.Node) doc.Block {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			switch {
			case k.Type == html.TextNode:
				b.WriteString(k.Data)
			case k.Type == html.ElementNode && k.DataAtom == atom.Br:
				b.WriteByte('\n')
			case k.Type == html.ElementNode && !c.skip(k):
				walk(k)
			}
		}
	}
	walk(n)
	lang := ""
	for _, e := range []*html.Node{n, n.FirstChild} {
		if e != nil && e.Type == html.ElementNode {
			if m := langClass.FindStringSubmatch(Attr(e, "class")); m != nil {
				lang = strings.ToLower(m[1])
			}
		}
	}
	text := strings.TrimPrefix(b.String(), "\n") // HTML drops a newline after <pre>
	return &doc.CodeBlock{Lang: lang, Text: strings.TrimRight(text, "\n \t")}
}

// table maps a table: a header row from thead, or a first row of th
// cells; alignment from align or text-align; colspan and rowspan become
// empty cells, with a warning.
func (c *Converter) table(n *html.Node) *doc.Table {
	t := &doc.Table{}
	var rows [][]*html.Node
	var headRows int
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inHead bool) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode || c.skip(k) {
				continue
			}
			switch k.DataAtom {
			case atom.Caption:
				t.Caption = trimInlines(c.Inlines(k))
			case atom.Thead:
				walk(k, true)
			case atom.Tbody, atom.Tfoot:
				walk(k, false)
			case atom.Tr:
				var cells []*html.Node
				for td := k.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						cells = append(cells, td)
					}
				}
				rows = append(rows, cells)
				if inHead {
					headRows++
				}
			case atom.Table:
				// A nested table: its cells' text in this one.
			}
		}
	}
	walk(n, false)
	if len(rows) == 0 {
		return nil
	}
	allTH := func(cells []*html.Node) bool {
		for _, td := range cells {
			if td.DataAtom != atom.Th {
				return false
			}
		}
		return len(cells) > 0
	}
	if headRows == 0 && allTH(rows[0]) {
		headRows = 1
	}
	if headRows > 1 {
		c.warn("header rows", "a table's header rows after the first are set as body rows")
	}
	var pending map[int]int // rowspans: column → rows left
	cellsOf := func(tr []*html.Node, first bool) []doc.Cell {
		var out []doc.Cell
		col := 0
		next := map[int]int{}
		for _, td := range tr {
			for pending[col] > 0 {
				next[col] = pending[col] - 1
				out = append(out, doc.Cell{})
				col++
			}
			ins := trimInlines(c.Inlines(td))
			out = append(out, doc.Cell{Inlines: ins})
			if first {
				t.Align = append(t.Align, align(td))
			}
			if rs, _ := strconv.Atoi(Attr(td, "rowspan")); rs > 1 {
				c.warn("rowspan", "a table cell spanning rows is set in its first row; the rows below get an empty cell")
				next[col] = min(rs-1, 1000)
			}
			col++
			if cs, _ := strconv.Atoi(Attr(td, "colspan")); cs > 1 {
				c.warn("colspan", "a table cell spanning columns is set in its first column; the columns after it get an empty cell")
				for i := 1; i < min(cs, 1000); i++ {
					out = append(out, doc.Cell{})
					if first {
						t.Align = append(t.Align, doc.AlignDefault)
					}
					col++
				}
			}
		}
		for col2, left := range pending {
			if col2 >= col && left > 0 {
				next[col2] = left - 1
			}
		}
		pending = next
		return out
	}
	for i, tr := range rows {
		cells := cellsOf(tr, i == 0)
		if i == 0 && headRows > 0 {
			t.Header = cells
			continue
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

func align(td *html.Node) doc.Align {
	a := strings.ToLower(Attr(td, "align"))
	if a == "" {
		style := strings.ToLower(strings.ReplaceAll(Attr(td, "style"), " ", ""))
		if i := strings.Index(style, "text-align:"); i >= 0 {
			a = strings.TrimRight(strings.SplitN(style[i+len("text-align:"):], ";", 2)[0], " ")
		}
	}
	switch a {
	case "left":
		return doc.AlignLeft
	case "center":
		return doc.AlignCenter
	case "right":
		return doc.AlignRight
	}
	return doc.AlignDefault
}

// figureBlock maps a figure: its image and caption, or, without an
// image, its content.
func (c *Converter) figureBlock(n *html.Node) []doc.Block {
	var img, caption *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch {
			case k.DataAtom == atom.Img && img == nil:
				img = k
			case k.DataAtom == atom.Figcaption && caption == nil:
				caption = k
			case k.DataAtom == atom.Picture || k.DataAtom == atom.A || k.DataAtom == atom.Div || k.DataAtom == atom.Span:
				find(k)
			}
		}
	}
	find(n)
	if img == nil {
		return c.Blocks(n)
	}
	var cap []doc.Inline
	if caption != nil {
		cap = trimInlines(c.Inlines(caption))
	}
	if f := c.figure(img, cap); f != nil {
		return []doc.Block{f}
	}
	return nil
}

// figure maps an image alone in its block, nil for a remote image
// without alternative text or caption, which has nothing to show.
func (c *Converter) figure(img *html.Node, caption []doc.Inline) *doc.Figure {
	src := imageSrc(img)
	if blank(img, src) && len(caption) == 0 {
		return nil
	}
	return &doc.Figure{Src: src, Alt: strings.TrimSpace(Attr(img, "alt")), Title: Attr(img, "title"), Caption: caption}
}

// blank reports whether an image is a remote one without alternative
// text: a tracking pixel or decoration that galley, never fetching
// anything, could show only as a bare link.
func blank(img *html.Node, src string) bool {
	return strings.TrimSpace(Attr(img, "alt")) == "" && (strings.Contains(src, "://") || strings.HasPrefix(src, "//"))
}

// imageSrc returns an img's source: of its srcset, the largest local
// file, else src.
func imageSrc(img *html.Node) string {
	src := strings.TrimSpace(Attr(img, "src"))
	best, bestW := "", -1.0
	for _, cand := range strings.Split(Attr(img, "srcset"), ",") {
		f := strings.Fields(cand)
		if len(f) == 0 || strings.Contains(f[0], "://") || strings.HasPrefix(f[0], "//") {
			continue
		}
		w := 1.0
		if len(f) > 1 {
			d := strings.TrimRight(strings.TrimRight(f[1], "w"), "x")
			if v, err := strconv.ParseFloat(d, 64); err == nil {
				w = v
			}
		}
		if w > bestW {
			best, bestW = f[0], w
		}
	}
	if best != "" && (src == "" || strings.Contains(src, "://") || strings.HasPrefix(src, "//") || bestW > 1) {
		return best
	}
	return src
}

// Inlines maps the content of n to inlines.
func (c *Converter) Inlines(n *html.Node) []doc.Inline {
	var kids []*html.Node
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		kids = append(kids, k)
	}
	return c.inlineNodes(kids)
}

func (c *Converter) inlineNodes(nodes []*html.Node) []doc.Inline {
	var out []doc.Inline
	for _, k := range nodes {
		out = append(out, c.inline(k)...)
	}
	return mergeText(out)
}

var space = regexp.MustCompile(`[ \t\n\r\f]+`)

// inline maps one node in inline content. An element's id (or an <a>'s
// name) is kept as an anchor that links can point at.
func (c *Converter) inline(n *html.Node) []doc.Inline {
	if c.skip(n) {
		return nil
	}
	ins := c.inlineBody(n)
	if n.Type == html.ElementNode && !isBlock(n) {
		ins = withAnchor(n, ins)
		if a := partAttr(n); !a.IsZero() && len(ins) > 0 {
			ins = []doc.Inline{&doc.Span{Attr: a, Inlines: ins}}
		}
	}
	return ins
}

// withAnchor puts an anchor for n's id (or name) before ins.
func withAnchor(n *html.Node, ins []doc.Inline) []doc.Inline {
	id := strings.TrimSpace(Attr(n, "id"))
	if id == "" && n.DataAtom == atom.A {
		id = strings.TrimSpace(Attr(n, "name"))
	}
	if id == "" || n.Data == slotTag {
		return ins
	}
	return append([]doc.Inline{&doc.Anchor{ID: id}}, ins...)
}

// inlineBody maps one node in inline content, without its id.
func (c *Converter) inlineBody(n *html.Node) []doc.Inline {
	switch n.Type {
	case html.TextNode:
		s := space.ReplaceAllString(n.Data, " ")
		if s == "" {
			return nil
		}
		return []doc.Inline{&doc.Text{Text: s}}
	case html.ElementNode:
	default:
		return nil
	}
	if s := c.slotOf(n); s != nil {
		if s.blocks != nil { // blocks where only inlines can go
			return blockInlines(s.blocks)
		}
		return s.inlines
	}
	kids := func() []doc.Inline { return c.Inlines(n) }
	switch n.DataAtom {
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		return wrap(&doc.Emph{Inlines: kids()})
	case atom.Strong, atom.B:
		return wrap(&doc.Strong{Inlines: kids()})
	case atom.Del, atom.S, atom.Strike:
		return wrap(&doc.Strike{Inlines: kids()})
	case atom.Sup:
		if note := c.noteRef(n); note != nil {
			return []doc.Inline{note}
		}
		return wrap(&doc.Sup{Inlines: kids()})
	case atom.Sub:
		return wrap(&doc.Sub{Inlines: kids()})
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		text := textOf(n)
		if hasSlot(n) {
			text = doc.PlainText(kids())
		}
		text = space.ReplaceAllString(text, " ")
		if text == "" {
			return nil
		}
		return []doc.Inline{&doc.Code{Text: text}}
	case atom.Br:
		return []doc.Inline{&doc.LineBreak{}}
	case atom.Img:
		src := imageSrc(n)
		if src == "" || blank(n, src) {
			return nil
		}
		return []doc.Inline{&doc.Image{Src: src, Alt: strings.TrimSpace(Attr(n, "alt")), Title: Attr(n, "title")}}
	case atom.A:
		if note := c.noteRef(n); note != nil {
			return []doc.Inline{note}
		}
		href := strings.TrimSpace(Attr(n, "href"))
		ins := kids()
		if href == "" || !doc.SafeURL(href) {
			if href != "" {
				c.warn("unsafe link", "links to javascript:, vbscript: or data: addresses are kept as text only")
			}
			return ins
		}
		if len(trimInlines(ins)) == 0 {
			return nil
		}
		return []doc.Inline{&doc.Link{URL: href, Title: Attr(n, "title"), Inlines: ins}}
	case atom.Math:
		c.warn("math", "MathML is set as its plain text")
		text := strings.TrimSpace(Attr(n, "alttext"))
		if text == "" {
			text = strings.TrimSpace(space.ReplaceAllString(textOf(n), " "))
		}
		if text == "" {
			return nil
		}
		return []doc.Inline{&doc.Text{Text: text}}
	case atom.Q:
		return append(append([]doc.Inline{&doc.Text{Text: "“"}}, kids()...), &doc.Text{Text: "”"})
	}
	if isBlock(n) {
		// A block inside inline content (a <p> in a <span>): its text,
		// apart.
		return append(append([]doc.Inline{&doc.Text{Text: " "}}, kids()...), &doc.Text{Text: " "})
	}
	// span, font, small, abbr, mark, u, time, label, …: their content.
	return kids()
}

// blockInlines returns blocks as inlines, for a place only inlines can
// go (a table cell): the paragraphs' inlines, else the blocks' text, apart.
func blockInlines(bs []doc.Block) []doc.Inline {
	var out []doc.Inline
	for _, b := range bs {
		out = append(out, &doc.Text{Text: " "})
		if p, ok := b.(*doc.Paragraph); ok {
			out = append(out, p.Inlines...)
		} else {
			out = append(out, &doc.Text{Text: doc.BlocksText([]doc.Block{b})})
		}
	}
	return append(out, &doc.Text{Text: " "})
}

func wrap(in doc.Inline) []doc.Inline {
	if len(doc.Children(in)) == 0 {
		return nil
	}
	return []doc.Inline{in}
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			switch k.Type {
			case html.TextNode:
				b.WriteString(k.Data)
			case html.ElementNode:
				if _, ok := dropped[k.DataAtom]; !ok {
					walk(k)
				}
			}
		}
	}
	walk(n)
	return b.String()
}

// mergeText joins adjacent texts and collapses the spaces between them.
func mergeText(ins []doc.Inline) []doc.Inline {
	var out []doc.Inline
	for _, in := range ins {
		t, ok := in.(*doc.Text)
		if !ok {
			out = append(out, in)
			continue
		}
		if n := len(out); n > 0 {
			if prev, ok := out[n-1].(*doc.Text); ok {
				prev.Text = space.ReplaceAllString(prev.Text+t.Text, " ")
				if strings.HasSuffix(prev.Text, "  ") {
					prev.Text = strings.TrimRight(prev.Text, " ") + " "
				}
				continue
			}
		}
		out = append(out, &doc.Text{Text: t.Text})
	}
	// A space after a space-ending inline is one space.
	for i := 1; i < len(out); i++ {
		if t, ok := out[i].(*doc.Text); ok && strings.HasPrefix(t.Text, " ") && endsInSpace(out[i-1]) {
			t.Text = strings.TrimPrefix(t.Text, " ")
		}
	}
	return out
}

func endsInSpace(in doc.Inline) bool {
	s := doc.PlainText([]doc.Inline{in})
	return strings.HasSuffix(s, " ")
}

// trimInlines removes the spaces at the start and end of inlines, and
// texts left empty; line breaks at either end go too.
func trimInlines(ins []doc.Inline) []doc.Inline {
	for len(ins) > 0 {
		switch t := ins[0].(type) {
		case *doc.Text:
			t.Text = strings.TrimLeft(t.Text, " ")
			if t.Text == "" {
				ins = ins[1:]
				continue
			}
		case *doc.LineBreak:
			ins = ins[1:]
			continue
		}
		break
	}
	for len(ins) > 0 {
		switch t := ins[len(ins)-1].(type) {
		case *doc.Text:
			t.Text = strings.TrimRight(t.Text, " ")
			if t.Text == "" {
				ins = ins[:len(ins)-1]
				continue
			}
		case *doc.LineBreak:
			ins = ins[:len(ins)-1]
			continue
		}
		break
	}
	return ins
}

// Footnotes as the web writes them: a reference is a link to "#id",
// alone in a sup or with a number for text, where id is an element that
// holds the note's text: a list item or paragraph with an id such as
// "fn1", "footnote-1", "cite_note-…" (Wikipedia), "_ftn1" (Word), or
// inside a footnotes section.

var noteID = regexp.MustCompile(`(?i)^(fn|footnote|ftn|_ftn|edn|_edn|cite_note|endnote|note)[-_:]?[\w.-]*\d`)

// FindNotes records the elements under root that hold footnotes' text,
// so that references to them become notes. Call it before mapping.
func (c *Converter) FindNotes(root *html.Node) {
	c.notes = map[string]*html.Node{}
	c.used = map[*html.Node]*doc.Note{}
	var walk func(n *html.Node, inNotes bool)
	walk = func(n *html.Node, inNotes bool) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			id := Attr(k, "id")
			class := strings.ToLower(Attr(k, "class"))
			notesHere := inNotes || strings.Contains(class, "footnotes") || strings.Contains(class, "references") || strings.Contains(class, "endnotes") || Attr(k, "role") == "doc-endnotes"
			if id != "" && (noteID.MatchString(id) || notesHere && (k.DataAtom == atom.Li || k.DataAtom == atom.Div || k.DataAtom == atom.P)) {
				c.notes[id] = k
			}
			// Word marks a note with <a name="_ftn1"> in its text: the
			// note is the block around it.
			if name := Attr(k, "name"); k.DataAtom == atom.A && name != "" && noteID.MatchString(name) && !strings.Contains(name, "ref") {
				if box := noteBox(k); box != nil {
					c.notes[name] = box
				}
			}
			walk(k, notesHere)
		}
	}
	walk(root, false)
}

// noteBox returns the block that holds a note's anchor: Word's footnote
// div, else the paragraph or list item around it.
func noteBox(a *html.Node) *html.Node {
	var block *html.Node
	for n := a.Parent; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		if strings.Contains(strings.ReplaceAll(Attr(n, "style"), " ", ""), "mso-element:footnote") || strings.Contains(strings.ReplaceAll(Attr(n, "style"), " ", ""), "mso-element:endnote") {
			return n
		}
		if block == nil && (n.DataAtom == atom.P || n.DataAtom == atom.Li || n.DataAtom == atom.Div) {
			block = n
		}
	}
	return block
}

var refText = regexp.MustCompile(`^\[?\s*(\d{1,4}|[*†‡§a-z])\s*\]?$`)

// noteRef returns the note an element refers to, if it is a footnote
// reference: a link to a note's element whose text is a number, or a
// sup holding such a link.
func (c *Converter) noteRef(n *html.Node) *doc.Note {
	if len(c.notes) == 0 {
		return nil
	}
	a := n
	if n.DataAtom == atom.Sup {
		a = nil
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && k.DataAtom == atom.A {
				a = k
			} else if k.Type == html.TextNode && strings.TrimSpace(k.Data) != "" || k.Type == html.ElementNode {
				return nil
			}
		}
		if a == nil {
			return nil
		}
	}
	href := Attr(a, "href")
	i := strings.IndexByte(href, '#')
	if i < 0 || i != strings.LastIndexByte(href, '#') {
		return nil
	}
	target, ok := c.notes[href[i+1:]]
	if !ok || !refText.MatchString(strings.TrimSpace(textOf(a))) {
		return nil
	}
	if note, ok := c.used[target]; ok {
		// Referred to twice: the same text again.
		return &doc.Note{Blocks: note.Blocks}
	}
	note := &doc.Note{}
	c.used[target] = note
	note.Blocks = c.noteBlocks(target)
	return note
}

var backLink = regexp.MustCompile(`^\s*(↩︎?|↑|\^|⤴|back|return)\s*$`)

// noteBlocks maps a note's element, without its back links and the
// number it starts with.
func (c *Converter) noteBlocks(n *html.Node) []doc.Block {
	var strip func(*html.Node)
	strip = func(n *html.Node) {
		for k := n.FirstChild; k != nil; {
			next := k.NextSibling
			if k.Type == html.ElementNode && k.DataAtom == atom.A {
				href := Attr(k, "href")
				if strings.HasPrefix(href, "#") && (backLink.MatchString(textOf(k)) || refText.MatchString(strings.TrimSpace(textOf(k))) || strings.Contains(Attr(k, "class"), "backref") || strings.Contains(strings.ToLower(Attr(k, "class")), "footnote-back")) {
					n.RemoveChild(k)
				}
			} else if k.Type == html.ElementNode && k.DataAtom == atom.Span && strings.Contains(Attr(k, "class"), "mw-cite-backlink") {
				n.RemoveChild(k) // Wikipedia's "^ a b"
			} else if k.Type == html.ElementNode {
				strip(k)
			}
			k = next
		}
	}
	strip(n)
	// The element is set here, not where it stands.
	saved := c.used[n]
	delete(c.used, n)
	bs := c.Blocks(n)
	c.used[n] = saved
	// Word writes the number again at the start of the note: "[1]".
	if len(bs) > 0 {
		if p, ok := bs[0].(*doc.Paragraph); ok && len(p.Inlines) > 0 {
			if t, ok := p.Inlines[0].(*doc.Text); ok {
				t.Text = leadingNumber.ReplaceAllString(t.Text, "")
			}
			p.Inlines = trimInlines(p.Inlines)
		}
	}
	return bs
}

var leadingNumber = regexp.MustCompile(`^\s*\[?\d{1,4}[\].)]?\s+`)

// NotesUsed reports how many footnotes were recognised.
func (c *Converter) NotesUsed() int { return len(c.used) }

// UnusedNotes returns the ids of the elements that looked like notes but
// that nothing referred to, sorted.
func (c *Converter) UnusedNotes() []string {
	var out []string
	for id, n := range c.notes {
		if _, ok := c.used[n]; !ok {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
