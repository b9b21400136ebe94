package layout

import "github.com/galleypress/galley/pkg/typeset"

// A long document's typeset lines are most of its memory while it is
// laid out: every page must be set before the first is drawn (the page
// count, the contents' page numbers), and a line's placed boxes are
// some 70 bytes a word. Beyond some 2,500 pages, a Stream layout keeps,
// for each paragraph set as it was broken, its runs and its breaks (a
// recipe) instead of its lines' boxes, and sets the paragraph again when
// its first line is drawn: the lines come out the same, for some 30%
// more time.

// streamLines is the length of the vertical list (lines, and the
// penalties and spaces between them: some 100 a page) from which a
// Stream layout lets the boxes of the lines set before go, about 2,500
// pages; window is how many of the last paragraphs keep theirs, for the
// changes made after a paragraph is set (a list item's marker, a note's
// number).
// (variables for the tests)
var streamLines, window = 250000, 64

// recipe is how a paragraph was set: made again from its runs and style
// and set at its breaks, it gives its lines again.
type recipe struct {
	runs   []typeset.Run
	ps     typeset.ParagraphStyle
	breaks []int
	lines  []*typeset.Line
	// fixed marks a paragraph whose lines were changed after they were
	// set (a list marker, a note number): they keep their boxes.
	fixed bool
}

// remember records how a paragraph's lines were set and, in a long
// document, lets the boxes of all but the last paragraphs' lines go.
func (l *layout) remember(runs []typeset.Run, ps typeset.ParagraphStyle, breaks []int, lines []*typeset.Line) {
	if !l.cfg.Stream || l.cfg.Dump || l.measuring || len(lines) == 0 {
		return
	}
	l.recipes = append(l.recipes, &recipe{runs: runs, ps: ps, breaks: breaks, lines: lines})
	if len(l.elems) >= streamLines && len(l.recipes) > 2*window {
		l.letGo(len(l.recipes) - window)
	}
}

// letGo lets the boxes of the lines of the first n recipes go.
func (l *layout) letGo(n int) {
	if l.lazyLines == nil {
		l.lazyLines = map[*typeset.Line]*recipe{}
	}
	for _, r := range l.recipes[:n] {
		if r.fixed {
			continue
		}
		for _, ln := range r.lines {
			ln.Boxes = nil
			l.lazyLines[ln] = r
		}
	}
	l.recipes = append(l.recipes[:0], l.recipes[n:]...)
}

// fix marks the paragraph of line as changed after it was set: its
// lines keep their boxes (given back if they were let go).
func (l *layout) fix(line *typeset.Line) {
	if r := l.lazyLines[line]; r != nil {
		l.boxes(line)
		for _, ln := range r.lines {
			delete(l.lazyLines, ln)
		}
		r.fixed = true
		return
	}
	for i := len(l.recipes) - 1; i >= 0; i-- {
		for _, ln := range l.recipes[i].lines {
			if ln == line {
				l.recipes[i].fixed = true
				return
			}
		}
	}
}

// forget, once everything is set, lets the boxes of the remaining
// paragraphs' lines go in a long document, and forgets the recipes of a
// short one.
func (l *layout) forget() {
	if l.lazyLines != nil {
		l.letGo(len(l.recipes))
	}
	l.recipes = nil
}

// boxes gives a line its boxes again, if they were let go: its
// paragraph is set again, and its lines not drawn yet get theirs.
func (l *layout) boxes(line *typeset.Line) {
	r := l.lazyLines[line]
	if r == nil || line.Boxes != nil {
		return
	}
	p := typeset.NewParagraph(l.fam, r.runs, r.ps)
	set := p.SetAt(r.breaks)
	p.Release()
	for i, ln := range r.lines {
		if i < len(set) && l.lazyLines[ln] == r {
			ln.Boxes = set[i].Boxes
		}
	}
}

// drawn lets a line's boxes go again once it is drawn.
func (l *layout) drawn(line *typeset.Line) {
	if _, ok := l.lazyLines[line]; ok {
		line.Boxes = nil
		delete(l.lazyLines, line)
	}
}
