package html

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

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
