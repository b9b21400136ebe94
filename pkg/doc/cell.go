package doc

import (
	"strconv"
	"strings"
)

// Empty reports whether c holds nothing.
func (c *Cell) Empty() bool { return len(c.Inlines) == 0 && len(c.Blocks) == 0 }

// Flat returns what c holds as one run of inlines: its Inlines, or its
// Blocks as lines parted by line breaks, for formats whose cells hold
// only text (plain text, Markdown tables, the PDF's cells). A list's
// items begin with their bullet or number ("•", "–", "·" by depth, as
// the PDF's lists) and are indented by an em space (U+2003, a space
// that holds its width at the start of a line) per depth; a table inside the cell gives a line per row, its cells parted
// by "; "; a figure is its image; a code block its lines in code.
func (c *Cell) Flat() []Inline {
	if len(c.Blocks) == 0 {
		return c.Inlines
	}
	var f flattener
	f.blocks(c.Blocks, "", 0)
	return f.out
}

type flattener struct{ out []Inline }

// line adds a line: indent, then ins.
func (f *flattener) line(indent string, ins ...Inline) {
	if len(ins) == 0 {
		return
	}
	if len(f.out) > 0 {
		f.out = append(f.out, &LineBreak{})
	}
	if indent != "" {
		f.out = append(f.out, &Text{Text: indent})
	}
	f.out = append(f.out, ins...)
}

func (f *flattener) blocks(bs []Block, indent string, depth int) {
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			f.line(indent, b.Inlines...)
		case *Heading:
			f.line(indent, &Strong{Inlines: b.Inlines})
		case *CodeBlock:
			for _, l := range strings.Split(strings.TrimRight(b.Text, "\n"), "\n") {
				if l != "" {
					f.line(indent, &Code{Text: l})
				}
			}
		case *Figure:
			f.line(indent, &Image{Src: b.Src, Alt: b.Alt, Title: b.Title})
			f.line(indent, b.Caption...)
		case *List:
			for i, it := range b.Items {
				// The item's first line begins with its marker; the
				// rest (more paragraphs, a list inside) are indented.
				n := len(f.out)
				f.blocks(it.Blocks, indent+"\u2003", depth+1)
				m := b.Marker(i, it.Task)
				if !b.Ordered {
					m = strings.Replace(m, "•", []string{"•", "–", "·"}[min(depth, 2)], 1)
				}
				marker := &Text{Text: m + "\u00a0"}
				if n == len(f.out) {
					f.line(indent, marker)
					continue
				}
				at := n
				if n > 0 {
					at++ // after the line break
				}
				// Replace the first line's indent with indent+marker.
				if t, ok := f.out[at].(*Text); ok && t.Text == indent+"\u2003" {
					f.out[at] = &Text{Text: indent + marker.Text}
				}
			}
		case *DefList:
			for _, it := range b.Items {
				f.line(indent, &Strong{Inlines: it.Term})
				for _, def := range it.Defs {
					f.blocks(def, indent+"\u2003", depth)
				}
			}
		case *Quote:
			f.blocks(b.Blocks, indent, depth)
		case *Div:
			f.blocks(b.Blocks, indent, depth)
		case *Admonition:
			f.line(indent, b.Title...)
			f.blocks(b.Blocks, indent, depth)
		case *Table:
			f.line(indent, b.Caption...)
			for _, row := range b.allRows() {
				var ins []Inline
				for i := range row {
					cell := row[i].Flat()
					if len(cell) == 0 {
						continue
					}
					if len(ins) > 0 {
						ins = append(ins, &Text{Text: "; "})
					}
					for _, in := range cell {
						if _, br := in.(*LineBreak); br {
							in = &Text{Text: " "}
						}
						ins = append(ins, in)
					}
				}
				f.line(indent, ins...)
			}
		}
	}
}

// Marker returns the marker of l's item i: its number in l's numbering
// with a full stop ("3.", "c.", "iv."), or a bullet; a task item's box
// follows it.
func (l *List) Marker(i int, task Task) string {
	m := "•"
	if l.Ordered {
		m = Ordinal(l.Start+i, l.Numbering) + "."
	}
	switch task {
	case Todo:
		m += " ☐"
	case Done:
		m += " ☑"
	}
	return m
}

// Ordinal formats n in an ordered list's numbering style: "" or "1" for
// 1, 2, 3; "a" and "A" for a, b, … z, aa; "i" and "I" for roman numerals.
func Ordinal(n int, numbering string) string {
	switch numbering {
	case "a", "A":
		s := ""
		for k := n; k > 0; k = (k - 1) / 26 {
			s = string(rune('a'+(k-1)%26)) + s
		}
		if numbering == "A" {
			s = strings.ToUpper(s)
		}
		return s
	case "i", "I":
		s := roman(n)
		if numbering == "I" {
			s = strings.ToUpper(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
