package layout

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/theme"

	"github.com/galleypress/galley/pkg/typeset"
)

// Page is one page's display list: its items, in drawing order.
type Page struct {
	// Number is the page's place in the document, from 1; Label is the
	// number printed on it ("ii", "3"; see PageLabel).
	Number int
	Label  string
	Items  []Item
	// Landscape marks a page turned to landscape (for a wide table): it
	// is the document's Height wide and Width high.
	Landscape bool
}

// PageLabel returns the number printed on page n of a document whose
// first front pages are front matter: i, ii, … for those, then 1, 2, ….
func PageLabel(n, front int) string {
	if n <= front {
		return doc.Ordinal(n, "i")
	}
	return fmt.Sprint(n - front)
}

// ItemKind is the kind of a display list item.
type ItemKind int

// Item kinds.
const (
	Glyphs   ItemKind = iota // a run of text in one face, size and scale
	Rule                     // a straight line
	Image                    // a picture
	LinkArea                 // an area that links to a place or a URL
	Dest                     // a named place that links lead to
	Outline                  // an entry of the outline (bookmarks)
	Fill                     // a rectangle filled with Color (a background)
)

// Item is one thing to draw or to record on a page. Positions are in
// Units from the page's top-left corner, y growing downwards.
type Item struct {
	Kind ItemKind
	// X and Y: a glyph run's start on its baseline; a rule's start; an
	// image's or a link area's top-left corner; a destination's or an
	// outline entry's height.
	X, Y typeset.Unit
	// W and H: a rule's extent (to X+W, Y+H); an image's or a link
	// area's size.
	W, H typeset.Unit

	// Glyphs: the text, its face and size, and its horizontal scale
	// (font expansion; 0 or 1 for none). Link is set for text drawn in the
	// link colour. Glyphs are the shaped glyphs drawn, left to right; Text
	// is what they stand for, in reading order (their clusters are byte
	// offsets in it). RTL marks a run shaped right to left: its glyphs
	// are in the reverse order of its text (but for a space that ends
	// Text, drawn last).
	Text   string
	Glyphs []Glyph
	RTL    bool
	// Actual marks a run that is one cluster of several glyphs: its
	// glyphs do not map to its characters one by one (see glyphs).
	Actual bool
	Font   typeset.Face
	Size   typeset.Unit
	Scale  float64
	Link   bool
	// Color is the text's own colour (highlighted code), 0 for none; a
	// Fill's colour.
	Color typeset.Color
	// Furniture marks the running header and the page number: page
	// furniture, not content (an artifact in tagged PDF).
	Furniture bool
	// Hyphen marks the hyphen that the line breaker added to break a
	// word at a line's end: drawn, but not part of the text.
	Hyphen bool
	// Elem is the logical element the item belongs to: glyph runs,
	// images and link areas have one; furniture and decoration (rules,
	// strikes) have none.
	Elem *StructElem

	// Rule: its thickness.
	Thick typeset.Unit

	// Image: the picture.
	Picture *Picture

	// LinkArea: the target, "#id" for a Dest of that name or a URL.
	Target string

	// Dest: its name. Outline: its title and level (0 for the top).
	Name  string
	Title string
	Level int
}

// display turns the pages the page builder made into display lists:
// furniture, lines as glyph runs, rules, images, links, destinations and
// outline entries.
func (l *layout) display(pages []typeset.Page, titled bool, front int) []Page {
	out := make([]Page, len(pages))
	last := 64
	for i := range pages {
		out[i] = l.displayPage(pages, i, titled, front, last, nil)
		last = len(out[i].Items)
	}
	return out
}

// displayPage makes the display list of pages[i]; last is the number of
// items of the page before, this page's likely number; reuse, if not
// nil, is an array the list may be made in.
func (l *layout) displayPage(pages []typeset.Page, i int, titled bool, front, last int, reuse []Item) Page {
	var out Page
	portrait := l.g
	defer func() { l.g = portrait }()
	p := &pages[i]
	d := &displayer{l: l, page: &out}
	if reuse != nil {
		clear(reuse[:cap(reuse)]) // no pointer into the page before stays
		d.page.Items = reuse[:0]
	} else {
		d.page.Items = make([]Item, 0, last+last/8)
	}
	// A page of a table turned to landscape is drawn as a page of its
	// own, in landscape geometry.
	if len(p.Elems) == 1 {
		if b, ok := p.Elems[0].Box.(landscapeBox); ok {
			lp := b.Page
			lp.Number, lp.Header, lp.Section = p.Number, p.Header, p.Section
			p = &lp
			l.g = portrait.landscape()
			d.page.Landscape = true
		}
	}
	d.page.Number = p.Number
	d.page.Label = PageLabel(p.Number, front)
	if l.theme.Page.Margins.TwoSided() && p.Number%2 == 0 && !d.page.Landscape {
		// A left-hand page: the binding on its right.
		l.g.left, l.g.right = l.g.right, l.g.left
	}
	if titled && p.Number == 1 {
		d.titleDecor()
	} else {
		page, pages := strconv.Itoa(p.Number-front), strconv.Itoa(len(pages)-front)
		if p.Number <= front {
			page, pages = d.page.Label, ""
		}
		d.furniture(p, page, pages)
	}
	for _, pe := range p.Elems {
		y := l.g.top + pe.Y
		for _, mk := range pe.Marks {
			if mk.ID != "" {
				d.add(Item{Kind: Dest, Name: mk.ID, Y: y})
			}
			if mk.Depth > 0 {
				d.add(Item{Kind: Outline, Title: mk.Title, Level: mk.Depth - 1, Y: y})
			}
		}
		if f := pe.Fill; f.Color != 0 {
			d.add(Item{Kind: Fill, X: l.g.left + f.X, Y: y, W: f.W, H: pe.Height, Color: f.Color})
			if f.Bar != 0 {
				d.add(Item{Kind: Fill, X: l.g.left + f.X, Y: y, W: typeset.FromPoints(2.5), H: pe.Height, Color: f.Bar})
			}
		}
		switch pe.Kind {
		case typeset.VLine:
			d.line(pe.Line, l.g.left+pe.X, y+pe.Baseline)
		case typeset.VBox:
			switch b := pe.Box.(type) {
			case ruleBox:
				if b.Width > 0 {
					yy := y + pe.Height/2
					d.add(Item{Kind: Rule, X: l.g.left + pe.X, Y: yy, W: b.Width, Thick: typeset.FromPoints(0.4)})
				}
			case imageBox:
				d.add(Item{Kind: Image, X: l.g.left + pe.X, Y: y, W: b.Width, H: b.Height, Picture: b.Picture, Elem: b.Elem})
			}
		}
	}
	d.foot(p)
	return out
}

// footSeparator is the height of the space and rule above a page's
// first footnote: a line of space, the rule in its middle.
func (l *layout) footSeparator() unit { return l.g.leading }

type displayer struct {
	l    *layout
	page *Page
}

func (d *displayer) add(it Item) { d.page.Items = append(d.page.Items, it) }

// foot adds the footnotes of a page, below a short rule: TeX's
// \footnoterule, a third of the measure.
func (d *displayer) foot(p *typeset.Page) {
	if len(p.Foot) == 0 {
		return
	}
	l := d.l
	top := l.g.top + p.FootY
	width := l.g.measure
	if l.colWidth > 0 && !d.page.Landscape {
		width = l.colWidth
	}
	if p.Foot[0].Kind != typeset.VBox {
		d.add(Item{Kind: Rule, X: l.g.left, Y: top + l.footSeparator()/2, W: width / 3, Thick: typeset.FromPoints(0.4)})
	}
	for _, pe := range p.Foot {
		y := top + pe.Y
		if rb, ok := pe.Box.(ruleBox); ok && pe.Kind == typeset.VBox {
			// A right-hand column's rule (see mergeColumns).
			d.add(Item{Kind: Rule, X: l.g.left + pe.X, Y: y, W: rb.Width, Thick: typeset.FromPoints(0.4)})
			continue
		}
		for _, mk := range pe.Marks {
			if mk.ID != "" {
				d.add(Item{Kind: Dest, Name: mk.ID, Y: y})
			}
		}
		if pe.Kind == typeset.VLine {
			d.line(pe.Line, l.g.left+pe.X, y+pe.Baseline)
		}
	}
}

// titleDecor adds what the theme puts on the title page besides its
// words: a colour field across its top, a picture over it, a logo in
// it (or, without one, above the title, at the top of the text block),
// all artifacts.
func (d *displayer) titleDecor() {
	g, tp := d.l.g, d.l.theme.TitlePage
	mm := func(v, def float64) unit { return typeset.FromPoints(cmp.Or(v, def) * 72 / 25.4) }
	top, room := g.top, unit(0)
	if c, ok := tp.BandColor(); ok {
		room = mm(tp.BandHeight, 60)
		col := typeset.Color(c)
		if col == 0 {
			col = 0x010101 // black, not "no colour"
		}
		d.add(Item{Kind: Fill, X: 0, Y: 0, W: g.pageW, H: room, Color: col})
		top = 0
	}
	if pic := d.l.logos[3]; pic != nil {
		// The picture across the page's top (over the band).
		x, w, h := d.l.titleImage(pic)
		d.add(Item{Kind: Image, X: x, Y: 0, W: w, H: h, Picture: pic})
		room, top = max(room, h), 0
	}
	if pic := d.l.logos[2]; pic != nil {
		h := mm(tp.LogoHeight, 20)
		if room > 0 {
			h = min(h, room*3/4)
		}
		w := unit(int64(pic.Width) * int64(h) / max(int64(pic.Height), 1))
		y := top
		if room > 0 {
			y = (room - h) / 2
		}
		d.add(Item{Kind: Image, X: g.left, Y: y, W: w, H: h, Picture: pic})
	}
}

// furniture adds the running header and footer, as the theme words
// them for a right- or left-hand page: by default the chapter's title
// above, "page / pages" below (a page of the front matter shows its
// number alone).
func (d *displayer) furniture(p *typeset.Page, page, pages string) {
	g, th := d.l.g, d.l.theme
	size := g.size * 85 / 100
	vars := map[string]string{"title": d.l.d.Meta.Title, "chapter": p.Header, "section": p.Section, "page": page, "pages": pages, "date": d.l.d.Meta.Date}
	header, footer := th.Header.Recto, th.Footer.Recto
	if p.Number%2 == 0 {
		header, footer = th.Header.Verso, th.Footer.Verso
	}
	if pages == "" {
		footer = page // the front matter's roman number
	}
	headY, footY := g.top-g.leading*3/2, g.pageH-g.bottom+g.leading*2
	if text := theme.Fill(header, vars); text != "" {
		d.text(d.fit(text, typeset.Italic, size, g.measure), typeset.Italic, size, headY)
		if th.Header.Rule {
			d.add(Item{Kind: Rule, X: g.left, Y: headY + size/2, W: g.measure, Thick: typeset.FromPoints(0.5), Furniture: true})
		}
	}
	for i, pic := range d.l.logos[:2] {
		if pic == nil {
			continue
		}
		// At the page's outer edge, on the header's or the footer's
		// baseline.
		r := []theme.Running{th.Header, th.Footer}[i]
		h := typeset.FromPoints(cmp.Or(r.LogoHeight, 8) * 72 / 25.4)
		w := unit(int64(pic.Width) * int64(h) / max(int64(pic.Height), 1))
		x := g.left + g.measure - w
		if p.Number%2 == 0 {
			x = g.left
		}
		y := []unit{headY, footY}[i] - h + size/4
		d.add(Item{Kind: Image, X: x, Y: y, W: w, H: h, Picture: pic, Furniture: true})
	}
	if text := theme.Fill(footer, vars); text != "" {
		d.text(d.fit(text, typeset.Regular, size, g.measure), typeset.Regular, size, footY)
		if th.Footer.Rule {
			d.add(Item{Kind: Rule, X: g.left, Y: footY - size*3/2, W: g.measure, Thick: typeset.FromPoints(0.5), Furniture: true})
		}
	}
}

// text adds a line of page furniture, centred on the measure at
// baseline y, each piece in the face that has its characters.
func (d *displayer) text(text string, font typeset.Face, size, y unit) {
	segs := d.l.segments(text, font)
	x := d.l.g.left + (d.l.g.measure-d.width(segs, size))/2
	for _, sg := range segs {
		d.add(Item{Kind: Glyphs, X: x, Y: y, Text: sg.text, Glyphs: d.l.fam.shape(sg.font, sg.text, dirAuto).Glyphs, Font: sg.font, Size: size, Scale: 1, Furniture: true})
		x += d.l.fam.Width(sg.font, size, sg.text)
	}
}

// width returns the width of text set in segments.
func (d *displayer) width(segs []segment, size unit) unit {
	var w unit
	for _, sg := range segs {
		w += d.l.fam.Width(sg.font, size, sg.text)
	}
	return w
}

// fit shortens text with an ellipsis until it fits width: the longest
// prefix that fits, found by halving (a prefix is never wider than a
// longer one), so that a heading of thousands of words costs a few
// measurements, not one per character. Every page of a section asks the
// same: the answer is kept.
func (d *displayer) fit(text string, font typeset.Face, size, width unit) string {
	key := fitKey{text, font, size, width}
	if s, ok := d.l.fitted[key]; ok {
		return s
	}
	measure := func(s string) unit { return d.width(d.l.segments(s, font), size) }
	out := text
	if measure(text) > width {
		rs := []rune(text)
		lo, hi := 1, len(rs)-1 // rs[:lo] is kept even if it overflows
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if measure(string(rs[:mid])+"…") <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		out = strings.TrimSpace(string(rs[:lo])) + "…"
	}
	if d.l.fitted == nil {
		d.l.fitted = map[fitKey]string{}
	}
	d.l.fitted[key] = out
	return out
}

// fitKey is what fit was asked.
type fitKey struct {
	text        string
	font        typeset.Face
	size, width unit
}

// line adds a line's boxes as glyph runs, in the order they are drawn
// (see visualOrder): pieces that touch and share a style and a
// direction are one run, shaped as one. A space ends a run that a gap
// follows, so that text extraction sees where words end, however tight
// the line; it draws nothing. Strikes are rules; links are areas, one
// per run of boxes that lead to the same place.
func (d *displayer) line(l *typeset.Line, x, baseline unit) {
	d.l.boxes(l)
	defer d.l.drawn(l)
	boxes := d.l.visualOrder(l)
	for i := 0; i < len(boxes); {
		b := boxes[i]
		var text strings.Builder
		text.WriteString(b.Text)
		end := b.X + b.Width
		j := i + 1
		if img, ok := b.Object.(inlineImage); ok {
			// It stands on the baseline, a little below, as letters
			// with descenders do.
			top := baseline + img.Height/5 - img.Height
			d.add(Item{Kind: Image, X: x + b.X, Y: top, W: img.Width, H: img.Height, Picture: img.Picture, Elem: tagOf(*b.Style)})
			i++
			continue
		}
		for j < len(boxes) && *boxes[j].Style == *b.Style && boxes[j].Scale == b.Scale && boxes[j].X == end && !boxes[j].Hyphen && !b.Hyphen && boxes[j].Object == nil && boxes[j].rtl == b.rtl {
			if b.rtl {
				// Drawn right to left: the piece drawn next was
				// read before.
				s := text.String()
				text.Reset()
				text.WriteString(boxes[j].Text)
				text.WriteString(s)
			} else {
				text.WriteString(boxes[j].Text)
			}
			end = boxes[j].X + boxes[j].Width
			j++
		}
		// A line that ends at a word space, or a forced break, ends
		// with a space, so that its last word and the next line's first
		// read as two. The space is drawn after the run's glyphs, at
		// their right, where the gap that follows is (right to left
		// too: the glyphs are in visual order, and so read by
		// extractors). The word itself is shaped as the line breaker
		// measured it.
		space := j < len(boxes) && boxes[j].X > end && !boxes[j].Tight || j == len(boxes) && (l.Spaced || l.Last)
		// A left-to-right piece holds no right-to-left letters: shaped
		// as the line breaker measured it (dirAuto), its shape is
		// the one measured.
		dir := dirAuto
		if b.rtl {
			dir = dirRTL
		}
		var glyphs []Glyph
		if space {
			glyphs = d.l.fam.spaced(b.Style.Font, text.String(), dir)
			text.WriteByte(' ')
		} else {
			glyphs = d.l.fam.shape(b.Style.Font, text.String(), dir).Glyphs
		}
		bx, by := x+b.X, baseline-b.Style.Rise
		d.glyphs(Item{Kind: Glyphs, X: bx, Y: by, Text: text.String(), Glyphs: glyphs, RTL: b.rtl,
			Font: b.Style.Font, Size: b.Style.Size, Scale: b.Scale, Link: b.Style.Link != "" && !inContents(tagOf(*b.Style)) && b.Style.Tag != decoration{}, Color: b.Style.Color, Elem: tagOf(*b.Style), Hyphen: b.Hyphen})
		if b.Style.Strike {
			sy := by - b.Style.Size*3/10
			d.add(Item{Kind: Rule, X: bx, Y: sy, W: end - b.X, Thick: b.Style.Size / 18})
		}
		i = j
	}
	d.links(l, x, baseline)
}

// glyphs adds a glyph run. A left-to-right run with clusters of several
// glyphs (a vowel sign drawn before its consonant, a conjunct of two
// glyphs) is cut so that each such cluster is a run of its own, marked
// Actual: no mapping of glyphs to characters reads it back in order,
// and the PDF gives it its text (/ActualText).
func (d *displayer) glyphs(it Item) {
	gs := it.Glyphs
	// Only a run whose clusters go left to right is cut (a piece of
	// right-to-left script the bidirectional algorithm left in a
	// left-to-right run, an unassigned character of a right-to-left
	// block, is shaped right to left: it stays whole).
	split := false
	if !it.RTL {
		for k := 1; k < len(gs); k++ {
			if gs[k].Cluster < gs[k-1].Cluster {
				split = false
				break
			}
			if gs[k].Cluster == gs[k-1].Cluster {
				split = true
			}
		}
	}
	if !split {
		d.add(it)
		return
	}
	face := d.l.fam.faces[it.Font]
	scale := it.Scale
	if scale == 0 {
		scale = 1
	}
	var pen int64 // font units from the run's start
	for i := 0; i < len(gs); {
		// A cluster of several glyphs, or the glyphs up to the next.
		j := i + 1
		for j < len(gs) && gs[j].Cluster == gs[i].Cluster {
			j++
		}
		actual := j-i > 1
		if !actual {
			for j < len(gs) && !(j+1 < len(gs) && gs[j+1].Cluster == gs[j].Cluster) {
				j++
			}
		}
		start := int(gs[i].Cluster)
		end := len(it.Text)
		if j < len(gs) {
			end = int(gs[j].Cluster)
		}
		if start > end {
			start = end
		}
		part := it
		part.X = it.X + unit(float64(pen*int64(it.Size)/int64(face.Upem()))*scale)
		part.Text = it.Text[start:end]
		part.Actual = actual
		part.Glyphs = make([]Glyph, j-i)
		for k := i; k < j; k++ {
			g := gs[k]
			g.Cluster -= int32(start)
			part.Glyphs[k-i] = g
			pen += int64(g.Advance)
		}
		d.add(part)
		i = j
	}
}

// inContents reports whether an element is part of the table of
// contents, whose links are not coloured as links in text are.
func inContents(e *StructElem) bool {
	for ; e != nil; e = e.Parent {
		if e.Role == "TOC" {
			return true
		}
	}
	return false
}

// linkElem returns the Link element e is, or is in (a linked image's
// Figure is in its Link): a link annotation belongs to a Link element
// (PDF/UA-1 7.18.5).
func linkElem(e *StructElem) *StructElem {
	for p := e; p != nil; p = p.Parent {
		if p.Role == "Link" {
			return p
		}
	}
	return e
}

// links adds one link area for each run of boxes on a line that link to
// the same place. A note reference also marks where the note links back
// to.
func (d *displayer) links(l *typeset.Line, x, baseline unit) {
	boxes := l.Boxes
	for i := 0; i < len(boxes); {
		target := boxes[i].Style.Link
		j := i + 1
		for j < len(boxes) && boxes[j].Style.Link == target {
			j++
		}
		if target != "" {
			first, last := boxes[i], boxes[j-1]
			size := first.Style.Size
			for _, b := range boxes[i:j] {
				size = max(size, b.Style.Size)
			}
			top := baseline - size*9/10
			d.add(Item{Kind: LinkArea, Target: target, X: x + first.X, Y: top, W: last.X + last.Width - first.X, H: size * 12 / 10, Elem: linkElem(tagOf(*first.Style))})
			if n, ok := doc.NoteNumber(strings.TrimPrefix(target, "#")); ok {
				d.add(Item{Kind: Dest, Name: doc.NoteRefID(n), Y: top})
			}
		}
		i = j
	}
}

// titleImage places a title page's picture: the page's width, or, if
// that makes it taller than half the page, half the page's height and
// centred.
func (l *layout) titleImage(pic *Picture) (x, w, h unit) {
	g := l.g
	w = g.pageW
	h = unit(int64(w) * int64(pic.Height) / max(int64(pic.Width), 1))
	if h > g.pageH/2 {
		h = g.pageH / 2
		w = unit(int64(h) * int64(pic.Width) / max(int64(pic.Height), 1))
	}
	return (g.pageW - w) / 2, w, h
}

// titleDecorHeight is how far down the title page's field and picture
// reach from the page's top (0: none).
func (l *layout) titleDecorHeight() unit {
	var h unit
	tp := l.theme.TitlePage
	if _, ok := tp.BandColor(); ok {
		h = typeset.FromPoints(cmp.Or(tp.BandHeight, 60) * 72 / 25.4)
	}
	if pic := l.logos[3]; pic != nil {
		_, _, ih := l.titleImage(pic)
		h = max(h, ih)
	}
	return h
}
