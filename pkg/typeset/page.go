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
	// page.
	Header string
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
func Paginate(elems []Elem, height Unit) []Page {
	var pages []Page
	current := "" // the top-level section in force
	start := 0
	for start < len(elems) {
		// Drop discardable elements at the top of the page.
		for start < len(elems) && (elems[start].Kind == VSpace || elems[start].Kind == VPenalty) {
			start++
		}
		if start >= len(elems) {
			break
		}
		end := pageEnd(elems, start, height)
		p := Page{Number: len(pages) + 1}
		var y Unit
		first := ""
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
			}
		}
		// The running header names the first top-level section that
		// starts on the page, else the one the page continues.
		p.Header = first
		if p.Header == "" {
			p.Header = current
		}
		pages = append(pages, p)
		start = end
	}
	return pages
}

// pageEnd returns the index after the last element of the page that
// starts at start.
func pageEnd(elems []Elem, start int, height Unit) int {
	var h Unit
	lastBreak := -1
	for i := start; i < len(elems); i++ {
		e := elems[i]
		switch e.Kind {
		case VPenalty:
			if e.Penalty <= -Infinity {
				return i
			}
			if e.Penalty < Infinity && i > start {
				lastBreak = i
			}
			continue
		case VSpace:
			if i > start && elems[i-1].Kind != VSpace && elems[i-1].Kind != VPenalty {
				lastBreak = i
			}
		}
		if h+e.Height > height && e.Kind != VSpace {
			if lastBreak > start {
				return lastBreak
			}
			if i == start {
				return i + 1 // taller than a page: a page of its own
			}
			return i
		}
		h += e.Height
	}
	return len(elems)
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
	}
	_, err := io.WriteString(w, b.String())
	return err
}
