package odt

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/internal/officexml"
)

// maxRowsCols bounds a table's rows and columns, and maxDepth the
// nesting of lists, sections and notes.
const (
	maxRowsCols = 10000
	maxDepth    = 64
)

// blocks converts body content: headings, paragraphs, lists, tables,
// sections.
func (c *converter) blocks(kids []*node, depth int) []doc.Block {
	var out []doc.Block
	var code []string
	flushCode := func() {
		if len(code) > 0 {
			out = append(out, &doc.CodeBlock{Text: strings.Join(code, "\n")})
			code = nil
		}
	}
	if depth > maxDepth {
		c.warnOnce("deep-nesting", "content nested more than %d deep is left out", maxDepth)
		return nil
	}
	for _, k := range kids {
		if k.Name != "text:p" {
			flushCode()
		}
		switch k.Name {
		case "text:h":
			level, _ := strconv.Atoi(k.Attr("text:outline-level"))
			if n := c.namedHeading(k.Attr("text:style-name")); n > 0 {
				level = n
			}
			ins := officexml.Trim(c.inlines(k.Kids, depth))
			if strings.TrimSpace(doc.PlainText(ins)) == "" {
				continue // an empty heading, or an anchor alone
			}
			out = append(out, &doc.Heading{Level: max(min(level, 9), 1), Inlines: c.paraLang(k, ins)})
		case "text:p":
			kind, level := c.paragraphKind(k)
			ins := c.inlines(k.Kids, depth)
			if kind == "code" {
				code = append(code, doc.PlainText(ins))
				continue
			}
			flushCode()
			ins = officexml.Trim(ins)
			switch {
			case kind == "title":
				c.title = strings.TrimSpace(doc.PlainText(ins))
				continue
			case kind == "subtitle":
				c.subtitle = strings.TrimSpace(doc.PlainText(ins))
				continue
			case len(ins) == 0:
				continue
			case level > 0:
				out = append(out, &doc.Heading{Level: level, Inlines: c.paraLang(k, ins)})
				continue
			}
			if len(ins) == 1 {
				if m, ok := ins[0].(*doc.Math); ok {
					m.Display = true // a formula alone in its paragraph
				}
			}
			ins = c.paraLang(k, ins)
			if f := officexml.FigureOf(ins); f != nil {
				out = append(out, f)
				continue
			}
			var bl doc.Block = &doc.Paragraph{Inlines: ins}
			if kind == "quote" {
				bl = &doc.Quote{Blocks: []doc.Block{bl}}
				if n := len(out); n > 0 {
					if q, ok := out[n-1].(*doc.Quote); ok {
						q.Blocks = append(q.Blocks, bl.(*doc.Quote).Blocks...)
						continue
					}
				}
			}
			out = append(out, bl)
		case "text:list":
			if k.Find("text:h") != nil {
				// Numbered headings: LibreOffice puts them in a list.
				out = append(out, c.blocks(listContent(k), depth+1)...)
				continue
			}
			l := c.list(k, k.Attr("text:style-name"), 1, depth+1)
			if l == nil {
				continue
			}
			if n := len(out); n > 0 && !startsWithList(l.Items[0].Blocks) {
				// Lists one after the other are one when they are
				// bulleted (a word processor's list styles change
				// from item to item), or when numbering goes on.
				goesOn := k.Attr("text:continue-numbering") == "true" || k.Attr("text:continue-list") != ""
				if prev, ok := out[n-1].(*doc.List); ok && prev.Ordered == l.Ordered && (goesOn || !l.Ordered) {
					for _, it := range l.Items {
						prev.Items = append(prev.Items, it)
					}
					continue
				}
			}
			out = appendList(out, l)
		case "table:table":
			if t := c.table(k, depth); t != nil {
				out = append(out, t)
			}
		case "text:section", "text:index-body", "office:forms":
			out = append(out, c.blocks(k.Kids, depth+1)...)
		case "text:table-of-content", "text:illustration-index", "text:table-index", "text:alphabetical-index", "text:bibliography", "text:object-index", "text:user-index":
			// galley makes its own contents
		case "text:tracked-changes", "text:sequence-decls", "text:variable-decls", "text:user-field-decls", "office:annotation", "text:soft-page-break":
		}
	}
	flushCode()
	return out
}

// namedHeading gives N when the style, or one it is based on, is named
// "Heading N" (as the Word reader reads it: a "Heading 0" based on
// "Heading 1" is a chapter title, whatever its outline level); else 0.
func (c *converter) namedHeading(name string) int {
	for _, s := range c.chain("paragraph", name) {
		if m := headingName.FindStringSubmatch(styleName(s)); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	return 0
}

var headingName = regexp.MustCompile(`^heading\s*([1-9])$`)

// paragraphKind tells what a paragraph's style makes it: a title, a
// subtitle, a heading (its outline level), a code line or a quote.
func (c *converter) paragraphKind(p *node) (kind string, level int) {
	for _, s := range c.chain("paragraph", p.Attr("text:style-name")) {
		name := styleName(s)
		switch {
		case kind == "" && name == "title":
			return "title", 0
		case kind == "" && name == "subtitle":
			return "subtitle", 0
		case kind == "" && (name == "preformatted text" || strings.Contains(name, "source code") || name == "code"):
			kind = "code"
		case kind == "" && (name == "quotations" || strings.Contains(name, "quote")):
			kind = "quote"
		}
		if level == 0 && s.outline > 0 {
			level = s.outline
		}
	}
	if kind == "code" || kind == "quote" {
		level = 0
	}
	return kind, level
}

// paraLang marks a paragraph's inlines with its language when that is
// not the document's.
func (c *converter) paraLang(p *node, ins []doc.Inline) []doc.Inline {
	for _, s := range c.chain("paragraph", p.Attr("text:style-name")) {
		if s.lang != "" {
			return officexml.WrapLang(ins, s.lang, c.defaultLang)
		}
	}
	return ins
}

// list converts a text:list: numbered or bulleted by its list style at
// its level, starting where the style or its first item says.
func (c *converter) list(k *node, styleName string, level, depth int) *doc.List {
	if depth > maxDepth {
		c.warnOnce("deep-nesting", "content nested more than %d deep is left out", maxDepth)
		return nil
	}
	if s := k.Attr("text:style-name"); s != "" {
		styleName = s
	}
	l := &doc.List{Tight: true}
	if ls := c.lists[styleName]; ls != nil {
		l.Ordered = ls.numbered[level]
		if l.Ordered {
			l.Start = max(ls.start[level], 1)
		}
	}
	for _, it := range k.Kids {
		if it.Name != "text:list-item" && it.Name != "text:list-header" {
			continue
		}
		if l.Ordered && len(l.Items) == 0 {
			if sv, err := strconv.Atoi(it.Attr("text:start-value")); err == nil {
				l.Start = sv
			}
		}
		var blocks []doc.Block
		for _, b := range it.Kids {
			if b.Name == "text:list" {
				if sub := c.list(b, styleName, level+1, depth+1); sub != nil {
					blocks = append(blocks, sub)
				}
				continue
			}
			blocks = append(blocks, c.blocks([]*node{b}, depth+1)...)
		}
		if len(blocks) == 0 {
			blocks = []doc.Block{&doc.Paragraph{}}
		}
		if n := len(l.Items); n > 0 && (it.Name == "text:list-header" || startsWithList(blocks)) {
			// An item without a paragraph of its own continues the one
			// before: a list nested in it, or more of its text.
			prev := l.Items[n-1]
			for _, b := range blocks {
				prev.Blocks = appendList(prev.Blocks, b)
			}
			continue
		}
		l.Items = append(l.Items, &doc.ListItem{Blocks: blocks})
	}
	if len(l.Items) == 0 {
		return nil
	}
	return l
}

// listContent gives the paragraphs and headings of a list's items, in
// order, nested lists opened.
func listContent(l *node) []*node {
	var out []*node
	for _, it := range l.Kids {
		for _, k := range it.Kids {
			if k.Name == "text:list" {
				out = append(out, listContent(k)...)
			} else if k.Name != "#text" {
				out = append(out, k)
			}
		}
	}
	return out
}

func startsWithList(bs []doc.Block) bool {
	_, ok := bs[0].(*doc.List)
	return ok
}

// appendList appends b to blocks. OpenDocument writes a list nested in
// an item as a list of its own whose first item holds no paragraph,
// only the nested list: that list joins the last item of the list
// before it, and the items after it join that list.
func appendList(blocks []doc.Block, b doc.Block) []doc.Block {
	l, ok := b.(*doc.List)
	n := len(blocks)
	if !ok || n == 0 || !startsWithList(l.Items[0].Blocks) {
		return append(blocks, b)
	}
	prev, ok := blocks[n-1].(*doc.List)
	if !ok {
		return append(blocks, b)
	}
	last := prev.Items[len(prev.Items)-1]
	for _, x := range l.Items[0].Blocks {
		last.Blocks = appendList(last.Blocks, x)
	}
	prev.Items = append(prev.Items, l.Items[1:]...)
	return blocks
}

// table converts a table:table: its header rows (table:table-header-rows)
// as the header, cells spanning columns and rows, covered cells left
// out.
func (c *converter) table(t *node, depth int) *doc.Table {
	tb := &doc.Table{}
	var head, body [][]doc.Cell
	var rows func(kids []*node, header bool)
	rows = func(kids []*node, header bool) {
		for _, r := range kids {
			switch r.Name {
			case "table:table-header-rows":
				rows(r.Kids, true)
			case "table:table-rows", "table:table-row-group":
				rows(r.Kids, header)
			case "table:table-row":
				if len(head)+len(body) >= maxRowsCols {
					continue
				}
				var cells []doc.Cell
				for _, tc := range r.Kids {
					if tc.Name != "table:table-cell" || len(cells) >= maxRowsCols {
						continue
					}
					cell := c.cell(tc, depth)
					if n, _ := strconv.Atoi(tc.Attr("table:number-columns-spanned")); n > 1 {
						cell.ColSpan = n
					}
					if n, _ := strconv.Atoi(tc.Attr("table:number-rows-spanned")); n > 1 {
						cell.RowSpan = n
					}
					cells = append(cells, cell)
					// A cell repeated (table:number-columns-repeated) is an
					// empty run of columns; one is enough.
				}
				if header {
					head = append(head, cells)
				} else {
					body = append(body, cells)
				}
			}
		}
	}
	rows(t.Kids, false)
	if len(head)+len(body) == 0 {
		return nil
	}
	cols := 0
	for _, r := range append(head, body...) {
		w := 0
		for _, c := range r {
			w += max(c.ColSpan, 1)
		}
		cols = max(cols, w)
	}
	tb.Align = make([]doc.Align, min(cols, maxRowsCols))
	if len(head) > 0 {
		tb.Header = head[0]
		tb.HeadRows = len(head) - 1
		body = append(head[1:], body...)
	}
	tb.Rows = body
	return tb
}

// cell returns a cell with its content: a line of inlines, or blocks
// when it holds a list or a table of its own.
func (c *converter) cell(tc *node, depth int) doc.Cell {
	var blocks func(kids []*node) bool
	blocks = func(kids []*node) bool {
		for _, k := range kids {
			switch k.Name {
			case "text:list", "table:table":
				return true
			case "text:section":
				if blocks(k.Kids) {
					return true
				}
			}
		}
		return false
	}
	if blocks(tc.Kids) {
		return doc.Cell{Blocks: read.CellBlocks(c.blocks(tc.Kids, depth+1))}
	}
	return doc.Cell{Inlines: c.cellInlines(tc, depth)}
}

// cellInlines gives a cell's or a text box's paragraphs as inlines
// parted by line breaks; a list's items begin with a bullet.
func (c *converter) cellInlines(tc *node, depth int) []doc.Inline {
	var out []doc.Inline
	add := func(ins []doc.Inline) {
		if ins = officexml.Trim(ins); len(ins) == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, &doc.LineBreak{})
		}
		out = append(out, ins...)
	}
	var walk func(kids []*node, bullet string)
	walk = func(kids []*node, bullet string) {
		for _, k := range kids {
			switch k.Name {
			case "text:p", "text:h":
				ins := c.inlines(k.Kids, depth)
				if bullet != "" && len(officexml.Trim(ins)) > 0 {
					ins = append([]doc.Inline{&doc.Text{Text: bullet}}, officexml.Trim(ins)...)
				}
				add(ins)
			case "text:list":
				for _, it := range k.Kids {
					walk(it.Kids, "•\u00a0")
				}
				c.warnOnce("odt-box-list", "a list inside a text box is kept as lines that begin with a bullet")
			case "table:table":
				for _, r := range k.Kids {
					for _, cell := range r.Kids {
						walk(cell.Kids, "")
					}
				}
			case "text:section":
				walk(k.Kids, bullet)
			}
		}
	}
	walk(tc.Kids, "")
	return out
}

// boxInlines gives a text box's paragraphs as inlines.
func (c *converter) boxInlines(box *node) []doc.Inline {
	return c.cellInlines(box, maxDepth)
}

func (c *converter) runStyle(name string) officexml.Format {
	var st officexml.Format
	var bold, italic, strike, sup, sub, mono *bool
	for _, s := range c.chain("text", name) {
		pick := func(dst **bool, v *bool) {
			if *dst == nil && v != nil {
				*dst = v
			}
		}
		pick(&bold, s.bold)
		pick(&italic, s.italic)
		pick(&strike, s.strike)
		pick(&sup, s.sup)
		pick(&sub, s.sub)
		pick(&mono, s.mono)
		if st.Lang == "" {
			st.Lang = s.lang
		}
		if n := styleName(s); mono == nil && (n == "source text" || n == "source code" || strings.Contains(n, "code")) {
			mono = yes(true)
		}
		if n := styleName(s); bold == nil && (n == "strong emphasis" || n == "strong") {
			bold = yes(true)
		}
		if n := styleName(s); italic == nil && n == "emphasis" {
			italic = yes(true)
		}
	}
	on := func(b *bool) bool { return b != nil && *b }
	st.Bold, st.Italic, st.Strike, st.Sup, st.Sub, st.Code = on(bold), on(italic), on(strike), on(sup), on(sub), on(mono)
	return st
}

// inlines converts a paragraph's content.
func (c *converter) inlines(kids []*node, depth int) []doc.Inline {
	var out []doc.Inline
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, &doc.Text{Text: text.String()})
			text.Reset()
		}
	}
	for _, k := range kids {
		if c.changes != nil {
			switch k.Name {
			case "text:change", "text:change-start", "text:change-end":
				flush()
				out = append(out, c.rejected(k, depth)...)
				continue
			}
			if len(c.inserting) > 0 {
				continue // inserted text, rejected
			}
		}
		switch k.Name {
		case "#text":
			// Spaces in OpenDocument collapse, as in XML text: runs of
			// them are one (text:s writes more).
			text.WriteString(collapse(k.Text))
		case "text:s":
			n, _ := strconv.Atoi(k.Attr("text:c"))
			text.WriteString(strings.Repeat(" ", min(max(n, 1), 100)))
		case "text:tab":
			text.WriteString("\t")
		case "text:line-break":
			flush()
			out = append(out, &doc.LineBreak{})
		case "text:span":
			flush()
			st := c.runStyle(k.Attr("text:style-name"))
			out = append(out, st.Wrap(c.inlines(k.Kids, depth), c.defaultLang)...)
		case "text:a":
			flush()
			ins := c.inlines(k.Kids, depth)
			href := k.Attr("xlink:href")
			if href != "" && len(ins) > 0 {
				out = append(out, &doc.Link{URL: href, Inlines: ins})
			} else {
				out = append(out, ins...)
			}
		case "text:note":
			flush()
			if depth < maxDepth {
				out = append(out, &doc.Note{Blocks: c.blocks(k.Child("text:note-body").Kids, depth+1)})
			}
		case "text:bookmark", "text:bookmark-start", "text:reference-mark", "text:reference-mark-start":
			if name := k.Attr("text:name"); name != "" && name != "_GoBack" { // Word's bookmark of the last edit
				flush()
				out = append(out, &doc.Anchor{ID: name})
			}
		case "draw:frame":
			flush()
			if img := c.image(k); img != nil {
				out = append(out, img)
			}
		case "draw:a":
			flush()
			ins := c.inlines(k.Kids, depth)
			if href := k.Attr("xlink:href"); href != "" && len(ins) > 0 {
				out = append(out, &doc.Link{URL: href, Inlines: ins})
			} else {
				out = append(out, ins...)
			}
		case "text:soft-page-break", "office:annotation", "office:annotation-end", "text:bookmark-end", "text:reference-mark-end", "text:change", "text:change-start", "text:change-end", "text:toc-mark", "text:alphabetical-index-mark", "text:user-index-mark":
			if k.Name == "office:annotation" {
				c.warnOnce("odt-comments", "the document's comments are left out")
			}
		case "text:sequence", "text:page-number", "text:date", "text:time", "text:chapter", "text:sequence-ref", "text:bookmark-ref", "text:reference-ref", "text:note-ref", "text:title", "text:subject", "text:author-name", "text:initial-creator", "text:ruby-base", "text:meta", "text:hidden-text", "text:conditional-text", "text:placeholder", "text:variable-get", "text:user-field-get", "text:expression", "text:page-count", "text:word-count", "text:file-name", "text:creation-date", "text:description", "text:keywords", "text:span-end", "text:database-display", "text:sender-firstname", "text:sender-lastname", "text:author-initials":
			flush()
			ref := k.Attr("text:ref-name")
			ins := c.inlines(k.Kids, depth)
			if ref != "" && (k.Name == "text:bookmark-ref" || k.Name == "text:reference-ref" || k.Name == "text:sequence-ref") && len(ins) > 0 {
				out = append(out, &doc.Link{URL: "#" + ref, Inlines: ins})
			} else {
				out = append(out, ins...)
			}
		case "draw:custom-shape", "draw:g", "draw:rect", "draw:line", "draw:ellipse":
			if box := k.Find("text:p"); box != nil {
				flush()
				if ins := c.boxInlines(k); len(ins) > 0 {
					out = append(out, &doc.Span{Inlines: ins})
				}
			}
		case "math:math":
			flush()
			if tex := strings.TrimSpace(c.tex(k)); tex != "" {
				out = append(out, &doc.Math{TeX: tex})
			}
		}
	}
	flush()
	return officexml.Merge(out)
}

// collapse turns each run of white space into one space.
func collapse(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
