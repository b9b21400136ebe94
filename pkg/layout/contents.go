package layout

import (
	"fmt"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/labels"
	"github.com/galleypress/galley/pkg/typeset"
)

// contents sets the table of contents: its title, then an entry per
// section to depth levels, indented by level, with dot leaders to the
// page number, right-aligned; each entry links to its section. pageOf
// gives each section's (body) page.
func (l *layout) contents(pageOf map[string]int, depth int) {
	l.place = "the contents"
	title := labels.Label(l.d.Meta.Lang, "contents")
	size, font := l.headingStyle(1)
	c := l.body()
	c.size, c.leading, c.font = size, size*13/10, font
	c.ragged, c.hyphens = true, false
	// The title is a heading before the TOC element, not in it (PDF/UA-1
	// 7.2: a TOC holds only TOCIs, and a Caption, which ISO 32000-1's
	// parent-child rules do not allow there): a screen reader's list of
	// headings leads to the contents.
	h := l.open("H1")
	l.keep = 1 << 20
	l.paragraph([]typeset.Run{{Text: l.clean(title, font), Style: typeset.Style{Font: font, Size: size, Tag: l.cur}}}, c,
		[]typeset.Mark{{Depth: 1, Title: title, ID: "contents"}})
	l.close(h)
	toc := l.open("TOC")
	defer l.close(toc)
	l.keep = 2
	l.push(typeset.Elem{Kind: typeset.VPenalty, Penalty: typeset.Infinity})
	l.push(typeset.Elem{Kind: typeset.VSpace, Height: l.g.leading})
	// Every number ends at the right margin and every leader at the same
	// place before the widest number.
	widest := unit(0)
	for _, p := range pageOf {
		widest = max(widest, l.fam.Width(typeset.Regular, l.g.size, fmt.Sprint(p)))
	}
	var walk func(ss []*doc.Section, level int)
	walk = func(ss []*doc.Section, level int) {
		if level > depth {
			return
		}
		for _, s := range ss {
			l.contentsEntry(s, level, pageOf[s.ID], widest)
			walk(s.Sections, level+1)
		}
	}
	walk(l.d.Sections, 1)
	l.breakPage()
}

// contentsEntry sets one entry: the section's number and title, wrapped
// if long, then leaders and the page number on its last line.
func (l *layout) contentsEntry(s *doc.Section, level, page int, widest unit) {
	// TOCI > Reference > Link (ISO 32000-1 Table 333: a TOCI holds
	// Lbl, Reference, NonStruct, P or TOC).
	item := l.open("TOCI")
	defer l.close(item)
	ref := l.open("Reference")
	defer l.close(ref)
	link := l.open("Link")
	defer l.close(link)
	c := l.body()
	c.x = l.g.size * 3 / 2 * unit(level-1)
	c.width = l.g.measure - c.x
	c.ragged, c.hyphens = true, false
	font := typeset.Regular
	if level == 1 {
		font = typeset.Bold
		l.space(l.g.parskip / 2)
	}
	st := typeset.Style{Font: font, Size: l.g.size, Link: "#" + s.ID, Tag: link}
	num := fmt.Sprint(page)
	numW := l.fam.Width(typeset.Regular, l.g.size, num)
	gap := l.g.size
	var runs []typeset.Run
	if s.Number != "" {
		runs = append(runs, typeset.Run{Text: l.clean(s.Number+"\u00a0", font), Style: st})
	}
	for _, r := range l.runs(doc.CloneInlines(withoutNotes(s.Title)), st) {
		r.Style.Link, r.Style.Tag = st.Link, link
		runs = append(runs, r)
	}
	ps := typeset.ParagraphStyle{Width: c.width - widest - 2*gap, Ragged: true}
	lines := typeset.NewParagraph(l.fam, runs, ps).Break()
	if len(lines) == 0 {
		return
	}
	// Leaders and the page number on the last line.
	last := &lines[len(lines)-1]
	nst := typeset.Style{Font: typeset.Regular, Size: l.g.size, Link: st.Link, Tag: link}
	// Leader dots sit on a grid of the measure, as TeX's \leaders do, so
	// that they line up from entry to entry.
	dot := l.fam.Width(typeset.Regular, l.g.size, ". ")
	first := (c.x + last.End() + gap/2 + dot - 1) / dot
	end := (l.g.measure - widest - gap/2) / dot
	if n := int(end - first); n > 0 {
		leader := strings.Repeat(". ", n)
		lst := nst
		lst.Tag = decoration{} // not read out: an artifact
		last.Boxes = append(last.Boxes, typeset.Placed{X: first*dot - c.x, Width: dot * unit(n), Text: leader, Style: &lst})
	}
	last.Boxes = append(last.Boxes, typeset.Placed{X: c.width - numW, Width: numW, Text: num, Style: &nst})
	for i := range lines {
		lines[i].Width = c.width
	}
	l.pushLines(lines, c, nil, false)
}

// withoutNotes returns inlines without their notes: a contents entry
// does not repeat a heading's note references.
func withoutNotes(ins []doc.Inline) []doc.Inline {
	var out []doc.Inline
	for _, in := range ins {
		if _, ok := in.(*doc.Note); !ok {
			out = append(out, in)
		}
	}
	return out
}
