package html

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
)

// table maps a table: header rows from thead, or a first row of th
// cells; a th in a body row heads its row; alignment from align or
// text-align; colspan and rowspan kept (up to 1,000).
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
	cellsOf := func(tr []*html.Node, first, header bool) []doc.Cell {
		var out []doc.Cell
		for _, td := range tr {
			cell := c.cell(td)
			cell.Header = !header && td.DataAtom == atom.Th
			if rs, _ := strconv.Atoi(Attr(td, "rowspan")); rs > 1 {
				cell.RowSpan = min(rs, 1000)
			}
			if cs, _ := strconv.Atoi(Attr(td, "colspan")); cs > 1 {
				cell.ColSpan = min(cs, 1000)
			}
			if first {
				t.Align = append(t.Align, align(td))
				for range max(cell.ColSpan, 1) - 1 {
					t.Align = append(t.Align, doc.AlignDefault)
				}
			}
			out = append(out, cell)
		}
		return out
	}
	for i, tr := range rows {
		cells := cellsOf(tr, i == 0, i < headRows)
		if i == 0 && headRows > 0 {
			t.Header = cells
			continue
		}
		if i < headRows {
			t.HeadRows++
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

// cell returns a cell with its content: a line of inlines, or blocks
// when it holds more than one paragraph (a list, a table, paragraphs).
func (c *Converter) cell(td *html.Node) doc.Cell {
	if containsBlock(td) {
		bs := c.Blocks(td)
		if len(bs) == 0 {
			return doc.Cell{}
		}
		if p, ok := bs[0].(*doc.Paragraph); ok && len(bs) == 1 {
			return doc.Cell{Inlines: p.Inlines}
		}
		return doc.Cell{Blocks: read.CellBlocks(bs)}
	}
	return doc.Cell{Inlines: trimInlines(c.Inlines(td))}
}
