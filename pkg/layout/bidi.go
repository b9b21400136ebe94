package layout

import (
	"github.com/galleypress/galley/pkg/internal/bidi"
	"github.com/galleypress/galley/pkg/typeset"
)

// visualOrder returns a line's boxes in the order they are drawn, left
// to right, when the line holds right-to-left text (Hebrew, Arabic): the
// boxes of a right-to-left run are reversed, and so are their
// characters; in a line whose first strong character is right-to-left,
// the runs are too. Neutral boxes (numbers, punctuation) between two of
// one direction take it, else the line's. The gaps between boxes are
// kept; the line starts where it did. A line without right-to-left text
// is returned as it is.
//
// This is a simplification of the Unicode Bidirectional Algorithm that
// serves words and phrases of one script within another's text; it does
// not nest embeddings, and Arabic letters keep their isolated forms (the
// PDF writer draws characters, not the contextual glyphs a shaper would
// choose).
func visualOrder(boxes []typeset.Placed) []typeset.Placed {
	dirs := make([]bidi.Direction, len(boxes))
	rtl := false
	base := bidi.Neutral
	for i, b := range boxes {
		dirs[i] = bidi.First(b.Text)
		if dirs[i] == bidi.RTL {
			rtl = true
		}
		if base == bidi.Neutral {
			base = dirs[i]
		}
	}
	if !rtl {
		return boxes
	}
	if base == bidi.Neutral {
		base = bidi.LTR
	}
	// Neutrals between two boxes of one direction take it.
	for i := range dirs {
		if dirs[i] != bidi.Neutral {
			continue
		}
		prev, next := base, base
		for k := i - 1; k >= 0; k-- {
			if dirs[k] != bidi.Neutral {
				prev = dirs[k]
				break
			}
		}
		for k := i + 1; k < len(dirs); k++ {
			if dirs[k] != bidi.Neutral {
				next = dirs[k]
				break
			}
		}
		if prev == next {
			dirs[i] = prev
		} else {
			dirs[i] = base
		}
	}
	// Runs of one direction, in logical order.
	type run struct{ start, end int }
	var runs []run
	for i := range boxes {
		if i == 0 || dirs[i] != dirs[i-1] {
			runs = append(runs, run{i, i})
		}
		runs[len(runs)-1].end = i + 1
	}
	if base == bidi.RTL {
		for i, j := 0, len(runs)-1; i < j; i, j = i+1, j-1 {
			runs[i], runs[j] = runs[j], runs[i]
		}
	}
	var order []int // logical indices, in visual order
	for _, r := range runs {
		if dirs[r.start] == bidi.RTL {
			for k := r.end - 1; k >= r.start; k-- {
				order = append(order, k)
			}
		} else {
			for k := r.start; k < r.end; k++ {
				order = append(order, k)
			}
		}
	}
	gap := func(i int) typeset.Unit { // after logical box i
		if i+1 >= len(boxes) {
			return 0
		}
		return boxes[i+1].X - (boxes[i].X + boxes[i].Width)
	}
	out := make([]typeset.Placed, 0, len(boxes))
	x := boxes[0].X
	for k, i := range order {
		b := boxes[i]
		if dirs[i] == bidi.RTL {
			b.Text = reversed(b.Text)
		}
		if k > 0 {
			p := order[k-1]
			x += gap(min(p, i))
		}
		b.X = x
		x += b.Width
		// A box's Tight flag speaks of the box before it in logical
		// order; in a reversed run that box now follows it.
		b.Tight = false
		out = append(out, b)
	}
	return out
}

// reversed returns s with its characters in reverse order, brackets
// mirrored.
func reversed(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	for i, r := range rs {
		rs[i] = bidi.Mirror(r)
	}
	return string(rs)
}
