package typeset

import (
	"fmt"
	"io"
	"strings"
)

// VKind is the kind of an Elem.
type VKind uint8

// Elem kinds.
const (
	VLine    VKind = iota // a line of text
	VSpace                // vertical space; discarded at the top of a page
	VPenalty              // a possible page break with a cost
	VBox                  // a block drawn by the renderer: an image, a rule
)

// Elem is an element of the vertical list that the page builder cuts into
// pages.
type Elem struct {
	Kind VKind
	// Height is the element's height: for a line, the distance to the
	// next baseline (the leading).
	Height Unit
	// Baseline is the distance from the element's top to a line's
	// baseline.
	Baseline Unit
	// X is the element's indent from the text block's left edge.
	X    Unit
	Line *Line
	// Penalty is the cost of a page break here: Infinity forbids it,
	// -Infinity forces it.
	Penalty int
	// Box is what the renderer draws for a VBox (an image, a rule).
	Box any
	// Marks are the section starts at this element.
	Marks []Mark
	// Head is what repeats at the top of a page that starts with this
	// element: a table's header row, on the pages the table continues
	// on.
	Head []Elem
	// Src is the caller's note of where the element comes from (the
	// layout's: which part of the document); the page builder keeps it.
	Src any
	// Foot is what this element sends to the foot of its page: the
	// vertical list of the footnotes it refers to. The page builder puts
	// it on the same page, below the text (see Paginate).
	Foot []Elem
	// Fill is a background drawn behind the element (a code block's, a
	// table header's).
	Fill Fill
}

// Fill is a background behind an element: Color from X (from the text
// block's left edge), W wide, as high as the element, with a bar in Bar
// down its left edge (an admonition's). A zero Color is none.
type Fill struct {
	Color, Bar Color
	X, W       Unit
}

// Mark records a section heading in the vertical list, for running
// headers, the outline and link destinations.
type Mark struct {
	Depth int // 1 for a top-level section
	Title string
	ID    string
}

// Page is one page: its elements with their positions.
type Page struct {
	Number int
	Elems  []PageElem
	// Header is the title of the top-level section in force on the
	// page; Section that of the section of any depth: the first that
	// starts on the page, else the one the page continues.
	Header, Section string
	// Foot holds the footnotes set at the foot of the page, with Y
	// measured from FootY, the top of the foot area (which the
	// separator's space and rule begin), from the top of the text
	// block.
	Foot  []PageElem
	FootY Unit
}

// FootStyle says how footnotes are set at the foot of a page.
type FootStyle struct {
	// Separator is the height of the space and rule above the first
	// footnote of a page.
	Separator Unit
}

// PageElem is an element placed on a page; Y is its top, measured from
// the top of the text block.
type PageElem struct {
	Elem
	Y Unit
}

// Paginate cuts the vertical list into pages of the given height. A page
// ends at the last legal break (a space after content, or a penalty below
// Infinity) before the content overflows, or at a forced break; space at
// the top of a page is dropped. An element taller than a page gets a page
// of its own.
//
// Footnotes go to the foot of the page of the line that refers to them
// (Elem.Foot), below a separator: the page's text is shortened to make
// room. A note too long for the room left is split, as TeX splits it: its
// first lines stay with its reference, the rest go to the foot of the next
// page, before that page's own notes; the reference line is never pushed
// to the next page for the sake of its note, nor a page left half empty.
func Paginate(elems []Elem, height Unit) []Page {
	return PaginateFoot(elems, height, FootStyle{})
}

// PaginateFoot is Paginate with footnotes set in the given style.
func PaginateFoot(elems []Elem, height Unit, fs FootStyle) []Page {
	var pages []Page
	current := ""    // the top-level section in force
	currentSec := "" // the section of any depth in force
	start := 0
	var carry []Elem // footnote lines that did not fit the previous page
	for start < len(elems) || len(carry) > 0 {
		// Drop discardable elements at the top of the page.
		for start < len(elems) && (elems[start].Kind == VSpace || elems[start].Kind == VPenalty) {
			start++
		}
		if start >= len(elems) && len(carry) == 0 {
			break
		}
		// A table's header row repeats at the top of the page.
		var head []Elem
		if start < len(elems) {
			if h := elems[start].Head; len(h) > 0 && heightOf(h) < height/2 {
				head = h
			}
		}
		end, foot, rest := pageEnd(elems, start, height-heightOf(head), carry, fs)
		carry = rest
		p := Page{Number: len(pages) + 1}
		var y Unit
		for _, e := range head {
			p.Elems = append(p.Elems, PageElem{Elem: e, Y: y})
			y += e.Height
		}
		first, firstSec := "", ""
		for _, e := range elems[start:end] {
			if e.Kind == VPenalty {
				continue
			}
			p.Elems = append(p.Elems, PageElem{Elem: e, Y: y})
			y += e.Height
			for _, m := range e.Marks {
				if m.Depth == 1 {
					if first == "" {
						first = m.Title
					}
					current = m.Title
				}
				if m.Depth >= 1 {
					if firstSec == "" {
						firstSec = m.Title
					}
					currentSec = m.Title
				}
			}
		}
		if len(foot) > 0 {
			fh := fs.Separator
			for _, e := range foot {
				fh += e.Height
			}
			p.FootY = height - fh
			fy := fs.Separator
			for _, e := range foot {
				if e.Kind == VPenalty {
					continue
				}
				p.Foot = append(p.Foot, PageElem{Elem: e, Y: fy})
				fy += e.Height
			}
		}
		// The running header names the first top-level section that
		// starts on the page, else the one the page continues.
		p.Header, p.Section = first, firstSec
		if p.Header == "" {
			p.Header = current
		}
		if p.Section == "" {
			p.Section = currentSec
		}
		pages = append(pages, p)
		start = end
	}
	return pages
}

// footFit returns how many of the foot elements fit in room, ending at a
// place where a note may be split: after a line, before a space.
func footFit(foot []Elem, room Unit) int {
	var h Unit
	fit := 0
	for i, e := range foot {
		if h+e.Height > room {
			break
		}
		h += e.Height
		if e.Kind == VLine {
			fit = i + 1
		}
	}
	return fit
}

func heightOf(es []Elem) Unit {
	var h Unit
	for _, e := range es {
		h += e.Height
	}
	return h
}

// pageEnd returns the index after the last element of the page that
// starts at start, the footnote elements of that page, and those carried
// to the next. carry are footnote elements carried from the previous
// page: they come first.
func pageEnd(elems []Elem, start int, pageH Unit, carry []Elem, fs FootStyle) (end int, foot, rest []Elem) {
	// A carried note takes at most the whole page but a line of text.
	foot = carry
	if len(carry) > 0 {
		if n := footFit(carry, pageH-fs.Separator-pageH/8); n < len(carry) {
			n = max(n, 1)
			foot, rest = carry[:n], carry[n:]
		}
	}
	footH := func(f []Elem) Unit {
		if len(f) == 0 {
			return 0
		}
		return fs.Separator + heightOf(f)
	}
	var h Unit
	lastBreak, breakFoot := -1, foot
	for i := start; i < len(elems); i++ {
		e := elems[i]
		switch e.Kind {
		case VPenalty:
			if e.Penalty <= -Infinity {
				return i, foot, rest
			}
			if e.Penalty < Infinity && i > start {
				lastBreak, breakFoot = i, foot
			}
			continue
		case VSpace:
			if i > start && elems[i-1].Kind != VSpace && elems[i-1].Kind != VPenalty {
				lastBreak, breakFoot = i, foot
			}
		}
		withNotes := append(foot[:len(foot):len(foot)], e.Foot...)
		// Space never overflows a page: at its end, it is dropped.
		if h+e.Height+footH(withNotes) <= pageH || e.Kind == VSpace {
			h += e.Height
			foot = withNotes
			continue
		}
		// The element and its notes do not fit. If the element fits with
		// the first lines of its notes, and the page may end after it,
		// split the notes: the rest goes to the next page.
		if len(e.Foot) > 0 && breakAfter(elems, i) {
			room := pageH - h - e.Height - footH(foot)
			if len(foot) == 0 {
				room -= fs.Separator
			}
			if n := footFit(e.Foot, room); n > 0 {
				return i + 1, append(foot[:len(foot):len(foot)], e.Foot[:n]...), append(append([]Elem(nil), e.Foot[n:]...), rest...)
			}
		}
		if lastBreak > start {
			return lastBreak, breakFoot, rest
		}
		if i == start {
			// Taller than a page: a page of its own, its notes with it
			// as far as they go.
			return i + 1, withNotes, rest
		}
		return i, foot, rest
	}
	return len(elems), foot, rest
}

// breakAfter reports whether the page may end after element i.
func breakAfter(elems []Elem, i int) bool {
	if i+1 >= len(elems) {
		return true
	}
	switch n := elems[i+1]; n.Kind {
	case VPenalty:
		return n.Penalty < Infinity
	case VSpace:
		return true
	}
	return false
}

// Dump writes pages as text: for each page its number, header, and every
// line with its position (x and baseline y from the text block's top
// left, in points), the measure, the adjustment ratio, flags (H for a
// hyphenated line end, L for a paragraph's last line, § for a section
// heading's first line) and the text.
func Dump(w io.Writer, pages []Page) error {
	total := len(pages)
	var b strings.Builder
	for _, p := range pages {
		fmt.Fprintf(&b, "page %d/%d", p.Number, total)
		if p.Header != "" {
			fmt.Fprintf(&b, " header=%q", p.Header)
		}
		b.WriteByte('\n')
		for _, e := range p.Elems {
			switch e.Kind {
			case VLine:
				l := e.Line
				flags := ""
				if l.Hyphenated {
					flags += "H"
				}
				if l.Last {
					flags += "L"
				}
				for _, m := range e.Marks {
					if m.Depth > 0 {
						flags += "§"
						break
					}
				}
				if flags == "" {
					flags = "-"
				}
				fmt.Fprintf(&b, "  y=%s x=%s w=%s end=%s r=%+.3f sp=%s %s | %s\n",
					e.Y+e.Baseline, e.X, l.Width, l.End(), l.Ratio, l.Space, flags, l.Text())
			case VBox:
				fmt.Fprintf(&b, "  y=%s x=%s h=%s box %v\n", e.Y, e.X, e.Height, e.Box)
			}
		}
		for _, e := range p.Foot {
			if e.Kind == VLine {
				l := e.Line
				fmt.Fprintf(&b, "  foot y=%s x=%s w=%s end=%s | %s\n", p.FootY+e.Y+e.Baseline, e.X, l.Width, l.End(), l.Text())
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
