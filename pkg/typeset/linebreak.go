package typeset

import (
	"math"
	"sync"
	"unicode"
)

// Line is one line of a broken paragraph: boxes placed at their x offsets
// from the line's start.
type Line struct {
	Boxes []Placed
	// Width is the measure the line was set to; Natural is its width
	// with glue at its natural size.
	Width, Natural Unit
	// Ratio is the adjustment ratio: how far the glue stretched (> 0) or
	// shrank (< 0), as a share of what it can.
	Ratio float64
	// Hyphenated reports a line ending in a hyphen added by hyphenation.
	Hyphenated bool
	// Last marks the paragraph's last line (not justified).
	Last bool
	// Spaced reports a line that ends at a word space: its last word
	// and the next line's first are two words.
	Spaced bool
	// Spaces is the number of gaps between words; Space their mean
	// width as set.
	Spaces int
	Space  Unit
	// RTL marks a line of a right-to-left paragraph (see
	// ParagraphStyle.RTL).
	RTL bool
}

// Placed is a box placed on a line.
type Placed struct {
	X Unit
	// Width is the box's width as drawn: its natural width times Scale.
	Width Unit
	// Scale is the horizontal scale of the glyphs; 0 means 1.
	Scale float64
	Text  string
	// Style is shared by the boxes of a paragraph in the same style: a
	// user must not change it, but give a box a changed copy.
	Style *Style
	// Hyphen marks the hyphen the line breaker added at a hyphenated
	// line's end.
	Hyphen bool
	// Tight marks a box that no word space separates from the one
	// before, though glue may (inside a web address).
	Tight bool
	// Object is what the box draws instead of text (see Run).
	Object any
}

// End returns the x where the line's last box ends.
func (l *Line) End() Unit {
	if len(l.Boxes) == 0 {
		return 0
	}
	b := l.Boxes[len(l.Boxes)-1]
	return b.X + b.Width
}

// Text returns the line's text, with spaces where glue separates boxes.
func (l *Line) Text() string {
	var out []byte
	var end Unit
	for i, b := range l.Boxes {
		if i > 0 && b.X > end && !b.Tight {
			out = append(out, ' ')
		}
		out = append(out, b.Text...)
		end = b.X + b.Width
	}
	return string(out)
}

// Words returns the number of words in the line's text: the fields of
// Text, counted without making it.
func (l *Line) Words() int {
	n := 0
	in := false // inside a word
	var end Unit
	for i, b := range l.Boxes {
		if i > 0 && b.X > end && !b.Tight {
			in = false
		}
		for _, r := range b.Text {
			space := r == ' ' || r == '\t' || r == '\n' || r >= 0x80 && unicode.IsSpace(r)
			if !space && !in {
				n++
			}
			in = !space
		}
		end = b.X + b.Width
	}
	return n
}

// Parameters of the line breaker, as in TeX.
const (
	linePenalty    = 10    // \linepenalty
	doubleHyphen   = 10000 // \doublehyphendemerits
	finalHyphen    = 5000  // \finalhyphendemerits
	adjDemerits    = 10000 // \adjdemerits
	maxHyphenLines = 3     // consecutive hyphenated lines allowed
)

// Break breaks the paragraph into lines of its measure with the
// Knuth–Plass algorithm, hyphenation allowed, in passes of rising
// tolerance (badness 10, 20, 35, 50, 75, 100 and 200), then an emergency
// pass that accepts any line that is not overfull. No line is ever wider
// than the measure, except a single character wider than it.
func (p *Paragraph) Break() []Line {
	w := p.style.Width
	items := p.breakItems()
	if p.style.NoBreak {
		p.breaks = p.forcedOnly()
		return p.set(items, p.breaks, w)
	}
	s := newSums(items)
	defer sumsPool.Put(s)
	for _, tol := range tolerances {
		if br := breakpoints(items, *s, w, tol); br != nil {
			p.breaks = br
			return p.set(items, br, w)
		}
	}
	// Unreachable with emergency break points in every long word; fill
	// each line as far as it goes rather than fail.
	p.breaks = greedy(items, *s, w)
	return p.set(items, p.breaks, w)
}

// breakItems returns the items Break breaks: with the hyphenation
// points, if there are any.
func (p *Paragraph) breakItems() []Item {
	if p.hyph != nil && !p.style.NoBreak {
		return p.hyph
	}
	return p.Items
}

// Breaks returns where the last Break broke the paragraph: indexes of
// its items, for SetAt.
func (p *Paragraph) Breaks() []int { return p.breaks }

// SetAt sets the paragraph's lines at the given breaks, as Break
// returned them: a paragraph made again from the same runs and style
// gives the same lines, so that a caller may keep the breaks instead of
// the lines.
func (p *Paragraph) SetAt(breaks []int) []Line {
	items := p.breakItems()
	for _, b := range breaks {
		if b < 0 || b >= len(items) {
			return nil
		}
	}
	return p.set(items, breaks, p.style.Width)
}

// greedy breaks at the last legal point before each line overflows.
func greedy(items []Item, s sums, width Unit) []int {
	var br []int
	start, last := 0, -1 // the line's first item; its last legal break
	for i := range items {
		if !legal(items, i) {
			continue
		}
		var pw Unit
		if items[i].Kind == PenaltyItem {
			pw = items[i].Width
		}
		forced := items[i].Kind == PenaltyItem && items[i].Penalty <= -Infinity
		if s.w[i]-s.w[start]+pw > width && last >= 0 {
			br = append(br, last)
			start, last = last+1, -1
		}
		if forced {
			br = append(br, i)
			start, last = i+1, -1
			continue
		}
		last = i
	}
	if len(br) == 0 || br[len(br)-1] != len(items)-1 {
		br = append(br, len(items)-1)
	}
	return br
}

func (p *Paragraph) forcedOnly() []int {
	var br []int
	for i, it := range p.Items {
		if it.Kind == PenaltyItem && it.Penalty <= -Infinity {
			br = append(br, i)
		}
	}
	return br
}

func legal(items []Item, i int) bool {
	switch it := items[i]; it.Kind {
	case GlueItem:
		return i > 0 && items[i-1].Kind == BoxItem
	case PenaltyItem:
		return it.Penalty < Infinity
	}
	return false
}

// node is an active breakpoint.
type node struct {
	pos      int // index of the break item (-1: the paragraph start)
	line     int
	fitness  int
	w, y, z  Unit // totals after the break
	demerits float64
	hyphens  int // consecutive hyphenated lines ending here
	flagged  bool
	prev     *node
}

// sums holds the widths, stretch and shrink of the items before each
// index, shared by the passes of the line breaker.
type sums struct{ w, y, z []Unit }

// sumsPool holds sums made before, for the next paragraph's.
var sumsPool = sync.Pool{New: func() any { return new(sums) }}

func newSums(items []Item) *sums {
	n := len(items)
	s := sumsPool.Get().(*sums)
	if cap(s.w) < n+1 {
		*s = sums{make([]Unit, n+1), make([]Unit, n+1), make([]Unit, n+1)}
	}
	s.w, s.y, s.z = s.w[:n+1], s.y[:n+1], s.z[:n+1]
	s.w[0], s.y[0], s.z[0] = 0, 0, 0
	for i, it := range items {
		s.w[i+1], s.y[i+1], s.z[i+1] = s.w[i], s.y[i], s.z[i]
		if it.Kind != PenaltyItem {
			s.w[i+1] += it.Width
			s.y[i+1] += it.Stretch
			s.z[i+1] += it.Shrink
		}
	}
	return s
}

// breakpoints returns the item indexes to break at, or nil if no set of
// lines stays within the tolerance.
func breakpoints(items []Item, s sums, width Unit, tol float64) []int {
	n := len(items)
	sw, sy, sz := s.w, s.y, s.z
	active := []*node{{pos: -1, fitness: 1}}
	for i, it := range items {
		if !legal(items, i) {
			continue
		}
		var pw Unit
		flagged := false
		if it.Kind == PenaltyItem {
			pw, flagged = it.Width, it.Flagged
		}
		var best [4]*node
		bestD := [4]float64{math.Inf(1), math.Inf(1), math.Inf(1), math.Inf(1)}
		kept := active[:0]
		for _, a := range active {
			L := sw[i] - a.w + pw
			var r float64
			switch {
			case L < width:
				if y := sy[i] - a.y; y > 0 {
					r = float64(width-L) / float64(y)
				} else {
					r = math.Inf(1)
				}
			case L > width:
				if z := sz[i] - a.z; z > 0 {
					r = float64(width-L) / float64(z)
				} else {
					r = math.Inf(-1)
				}
			}
			forced := it.Kind == PenaltyItem && it.Penalty <= -Infinity
			if r >= -1 && !forced {
				kept = append(kept, a)
			}
			if r < -1 || badness(r) > tol {
				continue
			}
			hyphens := 0
			if flagged || it.Kind == GlueItem && endsInHyphen(items[i-1]) {
				hyphens = a.hyphens + 1
				if hyphens > maxHyphenLines {
					continue
				}
			}
			bad := badness(r)
			d := linePenalty + bad
			d *= d
			if bad >= 10000 && L < width {
				// Lines too loose to rate (badness is capped) are told
				// apart by how much they fall short, so that an
				// emergency prefers full lines to short ones.
				d += 10000 * float64(width-L) / float64(width)
			}
			switch {
			case it.Kind == PenaltyItem && it.Penalty >= 0:
				d += float64(it.Penalty * it.Penalty)
			case it.Kind == PenaltyItem && it.Penalty > -Infinity:
				d -= float64(it.Penalty * it.Penalty)
			}
			if flagged && a.flagged {
				d += doubleHyphen
			}
			if forced && a.flagged && a.hyphens > 0 {
				d += finalHyphen
			}
			fit := fitness(r)
			if a.pos >= 0 && abs(fit-a.fitness) > 1 {
				d += adjDemerits
			}
			d += a.demerits
			if d < bestD[fit] {
				bestD[fit] = d
				best[fit] = &node{pos: i, line: a.line + 1, fitness: fit, demerits: d, hyphens: hyphens, flagged: flagged, prev: a}
			}
		}
		active = kept
		// Totals after the break: glue and penalties that follow it are
		// dropped at the start of the next line.
		tw, ty, tz := sw[i], sy[i], sz[i]
		for j := i; j < n; j++ {
			jt := items[j]
			if jt.Kind == BoxItem || (jt.Kind == PenaltyItem && jt.Penalty <= -Infinity && j > i) {
				break
			}
			if jt.Kind == GlueItem {
				tw += jt.Width
				ty += jt.Stretch
				tz += jt.Shrink
			}
		}
		minD := math.Inf(1)
		for _, d := range bestD {
			minD = math.Min(minD, d)
		}
		for fit, b := range best {
			if b != nil && bestD[fit] <= minD+adjDemerits {
				b.w, b.y, b.z = tw, ty, tz
				active = append(active, b)
			}
		}
		if len(active) == 0 {
			return nil
		}
	}
	var last *node
	for _, a := range active {
		if a.pos == n-1 && (last == nil || a.demerits < last.demerits) {
			last = a
		}
	}
	if last == nil {
		return nil
	}
	var br []int
	for a := last; a != nil && a.pos >= 0; a = a.prev {
		br = append(br, a.pos)
	}
	for i, j := 0, len(br)-1; i < j; i, j = i+1, j-1 {
		br[i], br[j] = br[j], br[i]
	}
	return br
}

// tolerances are the passes of the line breaker: the paragraph is broken
// with the lowest tolerance that admits a solution, so that a paragraph
// that can be set tightly is, before the optimiser trades one loose line
// for fewer demerits elsewhere. The last pass accepts any line that is
// not overfull.
var tolerances = []float64{10, 20, 35, 50, 75, 100, 200, math.Inf(1)}

// badness is TeX's 100·|r|³, at most 10000.
func badness(r float64) float64 {
	if math.IsInf(r, 0) {
		return 10000
	}
	b := 100 * math.Abs(r*r*r)
	return math.Min(b, 10000)
}

func fitness(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// set places the boxes of each line between the breaks.
func (p *Paragraph) set(items []Item, breaks []int, width Unit) []Line {
	lines := make([]Line, 0, len(breaks))
	start := 0
	var styles styleSet
	for k, b := range breaks {
		// Skip glue and penalties at the line's start.
		for start < b && items[start].Kind != BoxItem {
			start++
		}
		lines = append(lines, setLine(items, start, b, width, k == len(breaks)-1, &styles))
		lines[len(lines)-1].RTL = p.style.RTL
		start = b + 1
	}
	return lines
}

// setLine sets items [start, end) with the break at end. Glue takes up
// the difference between the natural width and the measure; boxes that
// may scale (font expansion) take their share, but never beyond their
// limit, even on a line that must be looser than the tolerance.
func setLine(items []Item, start, end int, width Unit, last bool, styles *styleSet) Line {
	var natural, glueY, glueZ, boxY, boxZ Unit
	// boxes counts the boxes placed (as the loop below joins them) and
	// the hyphen, if any.
	boxes := 1
	var prevBox *Item // the last text box, while only penalties follow it
	for i := start; i < end; i++ {
		it := &items[i]
		switch it.Kind {
		case GlueItem:
			natural += it.Width
			glueY += it.Stretch
			glueZ += it.Shrink
			prevBox = nil
		case BoxItem:
			natural += it.Width
			boxY += it.Stretch
			boxZ += it.Shrink
			switch {
			case it.Text == "" && it.Object == nil:
				prevBox = nil
			case prevBox != nil && it.Object == nil && prevBox.Style == it.Style:
			default:
				boxes++
				prevBox = nil
				if it.Object == nil {
					prevBox = it
				}
			}
		}
	}
	brk := items[end]
	hyphen := brk.Kind == PenaltyItem && brk.Text != ""
	if hyphen {
		natural += brk.Width
	}
	var r float64
	switch {
	case natural < width && glueY+boxY > 0:
		r = float64(width-natural) / float64(glueY+boxY)
	case natural > width && glueZ+boxZ > 0:
		r = math.Max(float64(width-natural)/float64(glueZ+boxZ), -1)
	}
	// Boxes scale at most by their limit; glue takes the rest.
	rb, rg := math.Max(math.Min(r, 1), -1), r
	if r > 1 && glueY > 0 {
		rg = (float64(width-natural) - float64(boxY)) / float64(glueY)
	}
	line := Line{Width: width, Natural: natural, Ratio: r, Hyphenated: hyphen, Spaced: brk.Kind == GlueItem || brk.Kind == PenaltyItem && !hyphen && brk.Penalty > -Infinity && end > 0 && items[end-1].Kind == GlueItem,
		Last: last || brk.Kind == PenaltyItem && brk.Penalty <= -Infinity}
	line.Boxes = make([]Placed, 0, boxes)
	// Positions come from cumulative sums, so rounding never accumulates.
	var sumW, sumGY, sumGZ, sumBY, sumBZ Unit
	pos := func() Unit {
		x := float64(sumW)
		if r > 0 {
			x += rb*float64(sumBY) + rg*float64(sumGY)
		} else if r < 0 {
			x += rb*float64(sumBZ) + rg*float64(sumGZ)
		}
		return Unit(math.Round(x))
	}
	tight := false // the glue since the last box is not a word space
	// joined is set while only penalties (hyphenation points not taken)
	// follow the last text box: the pieces of a hyphenated word become
	// one box again, natural its natural width.
	joined := false
	var natural0 Unit
	for i := start; i < end; i++ {
		it := &items[i]
		switch it.Kind {
		case BoxItem:
			x := pos()
			sumW += it.Width
			sumBY += it.Stretch
			sumBZ += it.Shrink
			if it.Text == "" && it.Object == nil {
				joined = false
				continue
			}
			if n := len(line.Boxes); joined && it.Object == nil && *line.Boxes[n-1].Style == it.Style {
				prev := &line.Boxes[n-1]
				prev.Text += it.Text
				natural0 += it.Width
				prev.Width = pos() - prev.X
				prev.Scale = 0
				if prev.Width != natural0 && natural0 > 0 {
					prev.Scale = float64(prev.Width) / float64(natural0)
				}
				continue
			}
			p := Placed{X: x, Width: pos() - x, Text: it.Text, Style: styles.of(it.Style), Tight: tight, Object: it.Object}
			tight = false
			if p.Width != it.Width && it.Width > 0 {
				p.Scale = float64(p.Width) / float64(it.Width)
			}
			line.Boxes = append(line.Boxes, p)
			joined, natural0 = it.Object == nil, it.Width
		case GlueItem:
			sumW += it.Width
			sumGY += it.Stretch
			sumGZ += it.Shrink
			tight = it.Flagged
			joined = false
		}
	}
	if hyphen {
		// The hyphen follows the word it breaks (in ragged lines, glue
		// that stretches stands between them).
		x := pos()
		if n := len(line.Boxes); n > 0 {
			x = line.Boxes[n-1].X + line.Boxes[n-1].Width
		}
		line.Boxes = append(line.Boxes, Placed{X: x, Width: brk.Width, Text: brk.Text, Style: styles.of(brk.Style), Hyphen: true})
	}
	// The word spaces as drawn: the gaps between boxes.
	var spaceTotal Unit
	for k := 1; k < len(line.Boxes); k++ {
		prev := line.Boxes[k-1]
		if gap := line.Boxes[k].X - (prev.X + prev.Width); gap > 0 && !line.Boxes[k].Tight {
			line.Spaces++
			spaceTotal += gap
		}
	}
	if line.Spaces > 0 {
		line.Space = spaceTotal / Unit(line.Spaces)
	}
	return line
}

// styleSet gives the boxes of a paragraph one copy of each style: a
// style is half a placed box's size. A paragraph of thousands of links
// has thousands of styles: they are found by hashing.
type styleSet struct {
	last *Style
	all  map[Style]*Style
}

// of returns the set's copy of st, adding one the first time.
func (s *styleSet) of(st Style) *Style {
	if s.last != nil && *s.last == st {
		return s.last
	}
	p, ok := s.all[st]
	if !ok {
		if s.all == nil {
			s.all = map[Style]*Style{}
		}
		p = &st
		s.all[st] = p
	}
	s.last = p
	return p
}

// endsInHyphen reports whether a box's text ends in a hyphen, as
// "associatie-" in "associatie- en vrijhandelsakkoorden" does.
func endsInHyphen(it Item) bool {
	return it.Kind == BoxItem && len(it.Text) > 0 && it.Text[len(it.Text)-1] == '-'
}
