package html

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

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
		if t := nextElement(k); t != nil && t.DataAtom == atom.Table && isCaption(k) {
			// A caption written before its table as an element of its
			// own (class="caption"): the table's caption, kept with it.
			flush()
			bs := c.block(t)
			if len(bs) == 1 {
				if tb, ok := bs[0].(*doc.Table); ok && len(tb.Caption) == 0 {
					tb.Caption = trimInlines(c.Inlines(k))
				}
			}
			out = append(out, bs...)
			k = t
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

// nextElement returns the element after n among its siblings, past
// white space and comments, or nil.
func nextElement(n *html.Node) *html.Node {
	for k := n.NextSibling; k != nil; k = k.NextSibling {
		switch {
		case k.Type == html.ElementNode:
			return k
		case k.Type == html.TextNode && strings.TrimSpace(k.Data) == "", k.Type == html.CommentNode:
		default:
			return nil
		}
	}
	return nil
}

// isCaption reports whether n is a caption written as an element of its
// own: its class (or that of the one element it wraps) is "caption".
func isCaption(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom == atom.Table {
		return false
	}
	for {
		if slices.Contains(strings.Fields(strings.ToLower(Attr(n, "class"))), "caption") {
			return strings.TrimSpace(textOf(n)) != ""
		}
		var only *html.Node
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			switch {
			case k.Type == html.ElementNode && only == nil:
				only = k
			case k.Type == html.TextNode && strings.TrimSpace(k.Data) == "", k.Type == html.CommentNode:
			default:
				return false
			}
		}
		if only == nil {
			return false
		}
		n = only
	}
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
			case c.slotOf(k) != nil:
				// Markdown inside raw <pre> (CommonMark's example 148):
				// its text, as a browser shows it.
				// A block slot's paragraph starts a line of its own,
				// not after a blank one (the blank line that ended
				// the raw HTML).
				s := c.slotOf(k)
				if len(s.blocks) > 0 {
					text := strings.TrimRight(b.String(), "\n")
					b.Reset()
					b.WriteString(text + "\n")
				}
				b.WriteString(doc.PlainText(s.inlines) + doc.BlocksText(s.blocks))
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
