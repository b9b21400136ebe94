package layout

import (
	"unicode/utf8"

	gobidi "github.com/go-text/typesetting/bidi"

	"github.com/galleypress/galley/pkg/internal/bidi"
	"github.com/galleypress/galley/pkg/typeset"
)

// piece is a box of a line, or the part of one that runs in one
// direction, placed where it is drawn.
type piece struct {
	typeset.Placed
	rtl bool
}

// visualOrder returns a line's boxes in the order they are drawn, left
// to right (in a buffer the next call reuses), by the Unicode Bidirectional Algorithm (UAX #9, through
// go-text/typesetting's implementation): the line's text is resolved to
// embedding levels in its paragraph's direction, boxes are cut where the
// level changes, and the pieces, with the gaps between boxes, are
// reversed from the highest level to the lowest odd one (rule L2). A
// line that is all left to right is returned as it is.
func (l *layout) visualOrder(line *typeset.Line) []piece {
	boxes := line.Boxes
	out := l.pieces[:0]
	defer func() { l.pieces = out[:0] }()
	if len(boxes) == 0 || !line.RTL && !hasRTL(boxes) {
		for _, b := range boxes {
			out = append(out, piece{Placed: b})
		}
		return out
	}
	// The line's text: each box's, a space for each gap, U+FFFC for an
	// object.
	var text []rune
	type span struct{ start, end int } // a box's runes in text
	spans := make([]span, len(boxes))
	for i, b := range boxes {
		if i > 0 && b.X > boxes[i-1].X+boxes[i-1].Width {
			text = append(text, ' ')
		}
		spans[i].start = len(text)
		if b.Object != nil {
			text = append(text, '\uFFFC')
		} else {
			for _, r := range b.Text {
				text = append(text, r)
			}
		}
		spans[i].end = len(text)
	}
	dir := gobidi.LeftToRight
	if line.RTL {
		dir = gobidi.RightToLeft
	}
	var para gobidi.Paragraph
	runs := para.Segment(text, dir)
	levels := make([]gobidi.Level, len(text))
	for i := 0; i < runs.NumRuns(); i++ {
		r := runs.Run(i)
		for k := r.Start; k < r.End && k < len(levels); k++ {
			levels[k] = r.Level
		}
	}
	// The elements: box pieces of one level each, and the gaps.
	type elem struct {
		p     piece
		level gobidi.Level
		gap   bool
	}
	var elems []elem
	for i, b := range boxes {
		if i > 0 {
			if g := b.X - (boxes[i-1].X + boxes[i-1].Width); g > 0 {
				elems = append(elems, elem{p: piece{Placed: typeset.Placed{Width: g}}, level: levels[spans[i].start-1], gap: true})
			}
		}
		sp := spans[i]
		if b.Object != nil || sp.end-sp.start <= 1 {
			lv := gobidi.Level(0)
			if sp.end > sp.start {
				lv = levels[sp.start]
			}
			elems = append(elems, elem{p: piece{Placed: b, rtl: lv%2 == 1}, level: lv})
			continue
		}
		// Cut the box where the level changes.
		first := len(elems)
		byteAt, k := 0, sp.start
		start := 0
		for j, r := range b.Text {
			if k > sp.start && levels[k] != levels[k-1] {
				elems = append(elems, elem{p: l.part(b, b.Text[start:j], levels[k-1]), level: levels[k-1]})
				start = j
			}
			byteAt = j + utf8.RuneLen(r)
			k++
		}
		elems = append(elems, elem{p: l.part(b, b.Text[start:byteAt], levels[sp.end-1]), level: levels[sp.end-1]})
		// The pieces' widths add up to the box's.
		if len(elems)-first > 1 {
			var sum typeset.Unit
			for _, e := range elems[first : len(elems)-1] {
				sum += e.p.Width
			}
			elems[len(elems)-1].p.Width = b.Width - sum
		} else {
			elems[first].p.Width = b.Width
		}
	}
	// Rule L2: from the highest level to the lowest odd one, reverse
	// every sequence at that level or higher.
	var high, lowOdd gobidi.Level = 0, 127
	for _, e := range elems {
		high = max(high, e.level)
		if e.level%2 == 1 {
			lowOdd = min(lowOdd, e.level)
		}
	}
	for lv := high; lv >= lowOdd && lv > 0; lv-- {
		for i := 0; i < len(elems); {
			if elems[i].level < lv {
				i++
				continue
			}
			j := i
			for j < len(elems) && elems[j].level >= lv {
				j++
			}
			for a, z := i, j-1; a < z; a, z = a+1, z-1 {
				elems[a], elems[z] = elems[z], elems[a]
			}
			i = j
		}
	}
	x := boxes[0].X
	for _, e := range elems {
		if !e.gap {
			p := e.p
			p.X = x
			p.Tight = false
			out = append(out, p)
		}
		x += e.p.Width
	}
	return out
}

// part returns the piece of box b that is its text s, at level lv.
func (l *layout) part(b typeset.Placed, s string, lv gobidi.Level) piece {
	p := piece{Placed: b, rtl: lv%2 == 1}
	p.Text = s
	w := l.fam.Width(b.Style.Font, b.Style.Size, s)
	if b.Scale != 0 {
		w = typeset.Unit(float64(w) * b.Scale)
	}
	p.Width = w
	return p
}

// hasRTL reports whether boxes hold right-to-left text.
func hasRTL(boxes []typeset.Placed) bool {
	for _, b := range boxes {
		for i := 0; i < len(b.Text); i++ {
			if b.Text[i] >= 0xC0 {
				for _, r := range b.Text[i:] {
					if bidi.Of(r) == bidi.RTL {
						return true
					}
				}
				break
			}
		}
	}
	return false
}
