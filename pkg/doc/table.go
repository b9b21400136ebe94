package doc

import "slices"

// Columns returns how many columns t has: its alignments', or the
// widest row's, counting the columns its cells span and those cells
// from the rows above cover.
func (t *Table) Columns() int {
	_, n := t.place()
	return n
}

// HeaderRows returns how many of the rows Grid gives head the table:
// Header and the HeadRows below it (none without a Header).
func (t *Table) HeaderRows() int {
	if len(t.Header) == 0 {
		return 0
	}
	return 1 + min(max(t.HeadRows, 0), len(t.Rows))
}

func (t *Table) allRows() [][]Cell {
	if len(t.Header) == 0 {
		return t.Rows
	}
	return append([][]Cell{t.Header}, t.Rows...)
}

// GridCell is a cell where it sits in its table's grid of rows and
// columns.
type GridCell struct {
	*Cell
	// Row and Col are where the cell starts: rows count from 0, the
	// header rows first (HeaderRows).
	Row, Col int
	// ColSpan and RowSpan are the columns and rows it covers (1 or
	// more), kept inside the table: a cell never spans past the last
	// column or the last row, nor from the header rows into the body.
	ColSpan, RowSpan int
}

// Grid returns t's rows (the header first, if any) as cells placed in a
// grid of Columns() columns. Every row covers every column: cells a row
// lacks at its end, or that the model leaves out, are given as empty
// cells (with a nil Cell's fields zero: check Cell != nil for content).
// Formats that cannot span (plain text, Markdown) repeat nothing and
// leave covered places empty.
func (t *Table) Grid() [][]GridCell {
	out, cols := t.place()
	for ri, row := range out {
		// Fill each row to the full width: the places no cell covers
		// get empty ones.
		covered := make([]bool, cols)
		for _, above := range out[:ri+1] {
			for _, g := range above {
				if g.Row+g.RowSpan > ri {
					for j := g.Col; j < g.Col+g.ColSpan; j++ {
						covered[j] = true
					}
				}
			}
		}
		for c := range cols {
			if !covered[c] {
				row = append(row, GridCell{Cell: &Cell{}, Row: ri, Col: c, ColSpan: 1, RowSpan: 1})
			}
		}
		slices.SortFunc(row, func(a, b GridCell) int { return a.Col - b.Col })
		out[ri] = row
	}
	return out
}

// place places t's cells in a grid of as many columns as they need, and
// returns how many that is (at least len(t.Align)).
func (t *Table) place() ([][]GridCell, int) {
	rows := t.allRows()
	head := t.HeaderRows()
	var below []int // rows a cell above still covers, by column
	covers := func(c int) bool { return c < len(below) && below[c] > 0 }
	out := make([][]GridCell, len(rows))
	cols := len(t.Align)
	for ri, r := range rows {
		c := 0
		for k := range r {
			for covers(c) {
				c++
			}
			cell := &r[k]
			g := GridCell{Cell: cell, Row: ri, Col: c, ColSpan: max(cell.ColSpan, 1), RowSpan: max(cell.RowSpan, 1)}
			// A span stops at a column a cell above still covers.
			for span := 1; span < g.ColSpan; span++ {
				if covers(c + span) {
					g.ColSpan = span
					break
				}
			}
			last := len(rows)
			if ri < head {
				last = head
			}
			g.RowSpan = min(g.RowSpan, last-ri)
			for len(below) < c+g.ColSpan {
				below = append(below, 0)
			}
			for j := c; j < c+g.ColSpan; j++ {
				below[j] = g.RowSpan
			}
			out[ri] = append(out[ri], g)
			c += g.ColSpan
		}
		for j := range below {
			if below[j] > 0 {
				cols = max(cols, j+1)
				below[j]--
			}
		}
		cols = max(cols, c)
	}
	return out, cols
}

// Places returns t's grid (the header row first, if any) as one cell per
// place: the cell that starts there, or nil where a cell from the left
// or above covers it. Formats that cannot span (plain text, Markdown
// tables) write the covered places empty.
func (t *Table) Places() [][]*Cell {
	grid := t.Grid()
	cols := t.Columns()
	out := make([][]*Cell, len(grid))
	for ri, row := range grid {
		out[ri] = make([]*Cell, cols)
		for _, g := range row {
			out[ri][g.Col] = g.Cell
		}
	}
	return out
}

// ColumnHeads returns, for each column, the header cells above it, top
// to bottom: a cell that spans columns heads each of them ("Amount"
// over "2023" and "2024").
func (t *Table) ColumnHeads() [][]*Cell {
	out := make([][]*Cell, t.Columns())
	grid := t.Grid()
	for _, row := range grid[:t.HeaderRows()] {
		for _, g := range row {
			if g.Empty() {
				continue
			}
			for c := g.Col; c < g.Col+g.ColSpan; c++ {
				out[c] = append(out[c], g.Cell)
			}
		}
	}
	return out
}
