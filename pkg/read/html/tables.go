package html

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

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
