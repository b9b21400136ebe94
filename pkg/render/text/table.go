package text

import (
	"strings"

	"github.com/galleypress/galley/pkg/doc"
)

// table writes t as aligned columns separated by two spaces, the header
// underlined. When the natural widths do not fit, the widest columns
// shrink and their cells wrap; when even columns 8 wide do not fit, each
// row is a paragraph of its cells, each after its column's heading.
func (t *writer) table(tb *doc.Table, first, rest string) {
	cols := tb.Columns()
	if cols == 0 {
		return
	}
	// A cell that spans is written where it starts; the places it
	// covers are empty.
	var rows [][]string
	for _, row := range tb.Places() {
		out := make([]string, cols)
		for i, c := range row {
			if c != nil {
				out[i] = strings.ReplaceAll(t.inlines(c.Flat()), "\n", " ")
			}
		}
		rows = append(rows, out)
	}
	widths := make([]int, cols)
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], width(c))
		}
	}
	avail := t.width - width(rest) - 2*(cols-1)
	for sum(widths) > avail {
		i := widest(widths)
		if widths[i] <= 8 {
			break
		}
		widths[i]--
	}
	t.para()
	if len(tb.Caption) > 0 {
		t.wrapped(t.inlines(tb.Caption), first, rest)
		t.w.WriteByte('\n')
		first = rest
	}
	if sum(widths) > avail {
		body := rows[tb.HeaderRows():]
		head := make([]string, cols)
		for i, cells := range tb.ColumnHeads() {
			var names []string
			for _, c := range cells {
				names = append(names, strings.ReplaceAll(t.inlines(c.Flat()), "\n", " "))
			}
			head[i] = strings.Join(names, " ")
		}
		for ri, r := range body {
			if ri > 0 {
				t.w.WriteByte('\n')
			}
			var cells []string
			for i, c := range r {
				if i < len(head) && head[i] != "" {
					c = head[i] + ": " + c
				}
				cells = append(cells, c)
			}
			t.wrapped(strings.Join(cells, "; "), first, rest)
			first = rest
		}
		return
	}
	align := func(i int) doc.Align {
		if i < len(tb.Align) {
			return tb.Align[i]
		}
		return doc.AlignDefault
	}
	for ri, r := range rows {
		cells := make([][]string, cols)
		height := 1
		for i, c := range r {
			cells[i] = wrap(c, widths[i])
			height = max(height, len(cells[i]))
		}
		for k := 0; k < height; k++ {
			var b strings.Builder
			b.WriteString(first)
			first = rest
			for i := range cells {
				if i > 0 {
					b.WriteString("  ")
				}
				s := ""
				if k < len(cells[i]) {
					s = cells[i][k]
				}
				b.WriteString(pad(s, widths[i], align(i)))
			}
			t.line(b.String())
		}
		if ri == tb.HeaderRows()-1 {
			var b strings.Builder
			b.WriteString(rest)
			for i, w := range widths {
				if i > 0 {
					b.WriteString("  ")
				}
				b.WriteString(strings.Repeat("-", w))
			}
			t.line(b.String())
		}
	}
}

func pad(s string, w int, a doc.Align) string {
	gap := max(w-width(s), 0)
	switch a {
	case doc.AlignRight:
		return strings.Repeat(" ", gap) + s
	case doc.AlignCenter:
		return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
	}
	return s + strings.Repeat(" ", gap)
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func widest(xs []int) int {
	k := 0
	for i, x := range xs {
		if x > xs[k] {
			k = i
		}
	}
	return k
}
