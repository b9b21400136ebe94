package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/galleypress/galley/pkg/doc"
	htmlreader "github.com/galleypress/galley/pkg/read/html"
)

// Raw HTML is never passed through: it goes through the same mapping to
// the model as a web page (package read/html), with the Markdown between
// its tags converted as Markdown. So a README's centred logo
// (<p align="center"><img …></p>) is a figure, <h1 align="center"> a
// heading, <details><summary> a bold line and its content, <kbd> code,
// and an HTML table a table. What cannot be mapped (scripts, styles,
// iframes, forms, event handlers, javascript: links) is dropped, with one
// warning per kind.

// maxHTMLGroup bounds how many blocks after an HTML block that leaves
// elements open (<details>, <div align="center">) are searched for the
// block that closes them, so that many unclosed tags cost linear time.
const maxHTMLGroup = 256

// tags returns the tags of an HTML block, read once.
func (c *converter) tags(n *ast.HTMLBlock) htmlreader.Tags {
	if t, ok := c.htmlTags[n]; ok {
		return t
	}
	if c.htmlTags == nil {
		c.htmlTags = map[*ast.HTMLBlock]htmlreader.Tags{}
	}
	t := htmlreader.TagsOf(c.htmlBlockText(n))
	c.htmlTags[n] = t
	return t
}

// html returns the document's converter of raw HTML.
func (c *converter) html() *htmlreader.Converter {
	if c.htmlc == nil {
		c.htmlc = &htmlreader.Converter{Warn: func(err error) { c.opts.Warnf(c.htmlLine, "raw HTML: %w", err) }}
	}
	return c.htmlc
}

// htmlBlocks maps the HTML block first and, when it leaves elements open,
// the blocks after it up to the HTML block that closes them, Markdown
// between them included. It returns the blocks and the last node used.
func (c *converter) htmlBlocks(first *ast.HTMLBlock) ([]doc.Block, ast.Node, error) {
	last := ast.Node(first)
	if open := c.tags(first).Open(nil); len(open) > 0 {
		for k, seen := first.NextSibling(), 0; k != nil && seen < maxHTMLGroup; k, seen = k.NextSibling(), seen+1 {
			if hb, ok := k.(*ast.HTMLBlock); ok {
				if open = c.tags(hb).Open(open); len(open) == 0 {
					last = k
					break
				}
			}
		}
	}
	h := c.html()
	var b strings.Builder
	for k := ast.Node(first); ; k = k.NextSibling() {
		if hb, ok := k.(*ast.HTMLBlock); ok {
			b.WriteString(c.htmlBlockText(hb))
		} else {
			bs, err := c.blocksOf(k)
			if err != nil {
				return nil, nil, err
			}
			b.WriteString(h.BlockSlot(bs))
		}
		b.WriteByte('\n')
		if k == last {
			break
		}
	}
	c.htmlLine = c.nodeLine(first)
	return h.FragmentBlocks(b.String()), last, nil
}

// htmlBlockText returns the raw text of an HTML block.
func (c *converter) htmlBlockText(n *ast.HTMLBlock) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	if n.HasClosure() {
		seg := n.ClosureLine
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

// hasRawHTML reports whether any child of n is raw inline HTML.
func hasRawHTML(n ast.Node) bool {
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		if _, ok := k.(*ast.RawHTML); ok {
			return true
		}
	}
	return false
}

// htmlInlines maps the children of n, some raw HTML tags, as one
// fragment of HTML: <kbd>Ctrl</kbd>, <a href="…">**bold**</a>, <img …>.
func (c *converter) htmlInlines(n ast.Node) ([]doc.Inline, error) {
	h := c.html()
	var b strings.Builder
	var runs []doc.Inline // converted inlines not yet in a slot
	flush := func() {
		if len(runs) > 0 {
			b.WriteString(h.InlineSlot(bracketSpans(slicesDropEmptyText(runs))))
			runs = nil
		}
	}
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		if raw, ok := k.(*ast.RawHTML); ok {
			flush()
			b.WriteString(c.rawText(raw))
			continue
		}
		ins, err := c.inline(k)
		if err != nil {
			return nil, err
		}
		runs = append(runs, ins...)
	}
	flush()
	c.htmlLine = c.nodeLine(n)
	return h.FragmentInlines(b.String()), nil
}

func (c *converter) rawText(n *ast.RawHTML) string {
	var raw strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw.Write(seg.Value(c.src))
	}
	return raw.String()
}
