package layout

// StructElem is a logical element of the document, named as tagged PDF names
// structure elements: Document, Sect, H1 to H6, P, L, LI, Lbl, LBody,
// BlockQuote, Code, Table, TR, TH, TD, Caption, Figure, Link, Note. Every
// glyph run of the display list belongs to one (its Item.StructElem); page
// furniture and decoration belong to none.
type StructElem struct {
	Role   string
	Parent *StructElem
	// Kids are the element's children, in reading order.
	Kids []*StructElem
	// Alt is a figure's alternative text.
	Alt string
	// Scope is a header cell's: "Column", "Row" or "Both".
	Scope string
	// ColSpan and RowSpan are a table cell's spans, when more than 1.
	ColSpan, RowSpan int
	// ID identifies the element (a note's: PDF/UA-1 7.9 asks one of
	// every Note); unique in the document.
	ID string
	// Lang is the element's language, where it differs from its
	// parent's (a passage in another language: WCAG 3.1.2).
	Lang string
	// ActualText, if set, is what the element reads as, instead of the
	// glyphs it draws: a task box's state.
	ActualText string
	// After, if set, is the sibling element this one is read right
	// after, wherever it is drawn: a footnote's reference, whose Note
	// is drawn at the foot of the page but read where it is referred to.
	After *StructElem
}

// decoration tags text that is drawn but is not content, such as the
// leader dots of the contents: its items have no Elem (an artifact in
// tagged PDF).
type decoration struct{}

// open starts a child element of the current one and makes it current;
// close returns to its parent.
func (l *layout) open(role string) *StructElem {
	e := &StructElem{Role: role, Parent: l.cur}
	if l.cur != nil {
		l.cur.Kids = append(l.cur.Kids, e)
	}
	l.cur = e
	return e
}

func (l *layout) close(e *StructElem) {
	if e != nil && e.Parent != nil {
		l.cur = e.Parent
	}
}

// headingRole names a heading by its depth: H1 to H6.
// heading returns the role of a heading of level depth: never more than
// one level below the heading before it (PDF/UA-1 7.4.2: no level is
// skipped), as a web page's h1 then h3 would have it.
func (l *layout) heading(depth int) string {
	depth = min(max(depth, 1), l.lastHeading+1)
	if !l.measuring {
		l.lastHeading = depth
	}
	return headingRole(depth)
}

func headingRole(depth int) string {
	return "H" + string(rune('0'+min(max(depth, 1), 6)))
}
