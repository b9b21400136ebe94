package pdf

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/font"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/typeset"
)

// emit writes a laid-out document as PDF: the backend behind the display
// list. It only draws what the display list says; what to draw and where
// is the layout's.
//
// Pages are written as they are drawn, each page's content compressed
// and its display list let go, so that a long document's PDF is never
// held whole: what must wait for the last page (the fonts, whose subsets
// hold every glyph drawn; the outline; the structure tree; the catalog)
// is written after the pages, under object numbers allocated before.
//
// Tagged, it marks every piece of content and adds the structure tree
// (see tag.go).
//
// A PDF/A file (part 2 or 3; level "A", "B" or "U") claims it in its XMP
// metadata and has an output intent with galley's sRGB profile; its
// link annotations are printed.
func emit(w io.Writer, d *doc.Document, opts *render.Options, l *layout.Paged, tagged bool, pdfaPart int, pdfaLevel string) error {
	o := newObjWriter(w)
	b := &backend{o: o, l: l, fonts: map[*font.Face]*fontEnc{}, faceEnc: make([]*fontEnc, len(l.Faces)), dests: map[string]dest{}, archival: pdfaPart > 0}
	if tagged {
		b.tags = &tagging{}
	}
	catalog, info, pagesObj := o.alloc(), o.alloc(), o.alloc()
	b.pagesObj = pagesObj
	b.resources = o.alloc()
	n := l.Len()
	b.pageObjs = make([]int, n)
	for i := range b.pageObjs {
		b.pageObjs[i] = o.alloc()
	}
	b.pending = make([][]*annot, n)
	b.contents = make([]int, n)
	b.landscape = make([]bool, n)
	images, err := b.images(l.Images)
	if err != nil {
		return err
	}
	b.imageIdx = map[*layout.Picture]int{}
	for i, pic := range l.Images {
		b.imageIdx[pic] = i
	}
	for i := 0; i < n; i++ {
		if err := opts.Err(); err != nil {
			return err
		}
		p, err := l.Page(i)
		if err != nil {
			return err
		}
		b.page(i, &p)
	}
	if o.err != nil {
		return fmt.Errorf("pdf: %w", o.err)
	}
	// The destinations are all known now: the links, and the pages that
	// hold them.
	b.writePages()
	fontRes, err := b.writeFonts()
	if err != nil {
		return err
	}
	var res strings.Builder
	res.WriteString("<</ProcSet [/PDF /Text /ImageB /ImageC /ImageI]")
	if fontRes != "" {
		res.WriteString(" /Font <<" + fontRes + ">>")
	}
	if len(images) > 0 {
		res.WriteString(" /XObject <<")
		for i, obj := range images {
			fmt.Fprintf(&res, "/I%d %d 0 R ", i, obj)
		}
		res.WriteString(">>")
	}
	if len(b.vec.stateObj) > 0 {
		res.WriteString(" /ExtGState <<" + strings.Join(b.vec.stateObj, " ") + ">>")
	}
	if len(b.vec.shadings) > 0 {
		res.WriteString(" /Shading <<" + strings.Join(b.vec.shadings, " ") + ">>")
	}
	res.WriteString(">>")
	o.object(b.resources, res.String())

	var kids strings.Builder
	for i, n := range b.pageObjs {
		if i > 0 {
			kids.WriteByte(' ')
		}
		kids.WriteString(strconv.Itoa(n))
		kids.WriteString(" 0 R")
	}
	o.object(pagesObj, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", kids.String(), len(b.pageObjs)))

	mod := render.ModTime(d, opts)
	m := &d.Meta
	date := mod.UTC().Format("2006-01-02T15:04:05Z")
	subject := m.Description
	if subject == "" {
		subject = m.Subtitle
	}
	var inf strings.Builder
	inf.WriteString("<<")
	for _, e := range []struct{ key, val string }{
		{"Title", m.Title}, {"Author", strings.Join(m.Authors, ", ")}, {"Subject", subject},
		{"Keywords", strings.Join(m.Keywords, ", ")}, {"Creator", "galley"}, {"Producer", "galley"},
	} {
		if e.val != "" {
			inf.WriteString("/" + e.key + " " + pdfText(e.val) + " ")
		}
	}
	pdfDate := "(D:" + mod.UTC().Format("20060102150405") + "+00'00')"
	inf.WriteString("/CreationDate " + pdfDate + " /ModDate " + pdfDate + ">>")
	o.object(info, inf.String())

	meta := o.alloc()
	x := xmpInfo{title: m.Title, authors: m.Authors, lang: render.Lang(d), subject: subject, keywords: strings.Join(m.Keywords, ", "),
		date: date, producer: "galley", ua: tagged, pdfaPart: pdfaPart, pdfaLevel: pdfaLevel}
	o.stream(meta, "/Type /Metadata /Subtype /XML ", xmp(x), plain)
	intent := 0
	if pdfaPart > 0 {
		// The output intent: colours are sRGB, as the profile says.
		profile := o.alloc()
		o.stream(profile, "/N 3 ", srgbProfile(), flated)
		intent = o.alloc()
		o.object(intent, fmt.Sprintf("<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>", profile))
	}

	var cat strings.Builder
	fmt.Fprintf(&cat, "<</Type /Catalog /Pages %d 0 R /Metadata %d 0 R /PageLayout /SinglePage", pagesObj, meta)
	if len(b.pageObjs) > 0 {
		fmt.Fprintf(&cat, " /OpenAction [%d 0 R /Fit]", b.pageObjs[0])
	}
	if outline := b.writeOutline(); outline > 0 {
		fmt.Fprintf(&cat, " /Outlines %d 0 R /PageMode /UseOutlines", outline)
	}
	cat.WriteString(" /Lang " + pdfString(asciiURI(render.Lang(d))))
	if l.FrontPages > 0 {
		fmt.Fprintf(&cat, " /PageLabels <</Nums [0 <</S /r>> %d <</S /D>>]>>", l.FrontPages)
	}
	cat.WriteString(" /ViewerPreferences <</DisplayDocTitle true>>")
	if intent > 0 {
		fmt.Fprintf(&cat, " /OutputIntents [%d 0 R]", intent)
	}
	if b.tags != nil {
		objs := b.tags.structTree(len(o.offsets), b.pageObjs, len(b.pageObjs)+b.annots)
		root := len(o.offsets)
		for _, obj := range objs {
			o.object(o.alloc(), obj)
		}
		fmt.Fprintf(&cat, " /StructTreeRoot %d 0 R /MarkInfo <</Marked true>>", root)
	}
	cat.WriteString(">>")
	o.object(catalog, cat.String())
	id := fmt.Sprintf("%s\x00%d\x00%d\x00%s", m.Title, len(b.pageObjs), o.n, date)
	if err := o.finish(catalog, info, []byte(id)); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// annot is a link annotation, written once every destination is known.
type annot struct {
	obj    int // its object number; 0 until written
	target string
	rect   string
	key    int    // its /StructParent, tagged
	desc   string // its /Contents, tagged
}

// dest is where a named destination is: a page (by index) and a height
// from the page's foot, in points.
type dest struct {
	page int
	y    float64
}

// outlineEntry is an entry of the outline, in document order.
type outlineEntry struct {
	title string
	level int
	page  int
	y     float64
}

// backend draws display lists into content streams, remembering the
// graphics state so that it sets a font, a colour or a scale only when it
// changes.
type backend struct {
	o        *objWriter
	l        *layout.Paged
	archival bool   // PDF/A
	cs       []byte // the page's content stream

	pagesObj, resources int
	pageObjs            []int
	contents            []int      // each page's content stream
	landscape           []bool     // each page's orientation
	pending             [][]*annot // each page's links
	imageIdx            map[*layout.Picture]int
	dests               map[string]dest
	outline             []outlineEntry

	// fonts holds an encoding for every face drawn with, faceEnc the
	// same by typeset.Face; order is the order of first use.
	fonts   map[*font.Face]*fontEnc
	faceEnc []*fontEnc
	order   []*fontEnc

	font  *fontEnc
	size  typeset.Unit
	color typeset.Color // the fill colour in force (0: black)
	// stroked is set once a page's stroke colour is the rules' colour.
	stroked bool
	tz      float64 // the horizontal scale in force, in percent
	inText  bool    // in a text object (BT … ET)
	tx, ty  int64   // the text line's origin, in hundredths of a point
	inTJ    bool    // in a TJ array
	curX    float64 // where the glyphs drawn so far end, in points

	// tags records the marked content of each page for the structure
	// tree (see tag.go).
	tags *tagging
	// mcid is the next marked-content identifier on the page; annots
	// counts the link annotations so far; text holds the text drawn so
	// far on the page for each element, to describe its links.
	mcid, annots int
	text         map[*layout.StructElem]*strings.Builder
	open         marked
	// texts is clusterTexts' buffer.
	texts []string
	// vec holds what the SVG images drawn as vectors use.
	vec vectorRes
}

// op appends an operator that is not text: it ends the open TJ array.
func (b *backend) op(s string) {
	b.closeTJ()
	b.cs = append(b.cs, s...)
}

// endText closes the open text object, if any.
func (b *backend) endText() {
	b.closeTJ()
	if b.inText {
		b.op("ET\n")
		b.inText = false
	}
}

// page draws page i and writes it: its content stream, its link
// annotations and the page object.
func (b *backend) page(i int, p *layout.Page) {
	w, h := b.l.Width, b.l.Height
	if p.Landscape {
		w, h = h, w
	}
	b.cs = b.cs[:0]
	// A page's content starts in the default graphics state.
	b.tz, b.color, b.font, b.size, b.inText, b.inTJ, b.stroked = 100, 0, nil, 0, false, false, false
	b.mcid = 0
	clear(b.text)
	if b.text == nil {
		b.text = map[*layout.StructElem]*strings.Builder{}
	}
	if b.tags != nil {
		b.tags.events = append(b.tags.events, nil)
	}
	hp := h.Points()
	b.landscape[i] = p.Landscape
	for _, it := range p.Items {
		switch it.Kind {
		case layout.Glyphs:
			b.mark(it)
			if !b.inText {
				b.op("BT\n")
				b.inText = true
				b.tx, b.ty = 0, 0
			}
			b.setFont(it.Font, it.Size)
			switch {
			case it.Furniture:
				b.scale(1)
				b.setColor(b.l.Colors.Text)
			case it.Link:
				b.setColor(cmp.Or(b.l.Colors.Link, linkColor))
				b.scale(it.Scale)
			default:
				b.setColor(cmp.Or(it.Color, b.l.Colors.Text))
				b.scale(it.Scale)
			}
			b.glyphs(it, hp)
			if it.Elem != nil && !it.Hyphen {
				t := b.text[it.Elem]
				if t == nil {
					t = &strings.Builder{}
					b.text[it.Elem] = t
				}
				t.WriteString(it.Text)
			}
		case layout.Rule:
			b.mark(it)
			b.endText()
			if c := b.l.Colors.Rule; c != 0 && !b.stroked {
				r, g, bl := c.RGB()
				b.op(fmt.Sprintf("%s %s %s RG\n", colorNum(r), colorNum(g), colorNum(bl)))
				b.stroked = true
			}
			b.cs = appendNum(b.cs, it.Thick.Points())
			b.cs = append(b.cs, " w "...)
			b.cs = appendNum(b.cs, it.X.Points())
			b.cs = append(b.cs, ' ')
			b.cs = appendNum(b.cs, hp-it.Y.Points())
			b.cs = append(b.cs, " m "...)
			b.cs = appendNum(b.cs, (it.X + it.W).Points())
			b.cs = append(b.cs, ' ')
			b.cs = appendNum(b.cs, hp-(it.Y+it.H).Points())
			b.cs = append(b.cs, " l S\n"...)
		case layout.Fill:
			b.mark(it)
			b.endText()
			r, g, bl := it.Color.RGB()
			b.op(fmt.Sprintf("q %s %s %s rg ", colorNum(r), colorNum(g), colorNum(bl)))
			b.cs = appendNum(b.cs, it.X.Points())
			b.cs = append(b.cs, ' ')
			b.cs = appendNum(b.cs, hp-(it.Y+it.H).Points())
			b.cs = append(b.cs, ' ')
			b.cs = appendNum(b.cs, it.W.Points())
			b.cs = append(b.cs, ' ')
			b.cs = appendNum(b.cs, it.H.Points())
			b.cs = append(b.cs, " re f Q\n"...)
		case layout.Image:
			b.mark(it)
			b.endText()
			n := b.imageIndex(it.Picture)
			if n < 0 {
				continue
			}
			b.cs = append(b.cs, "q "...)
			sx, sy := it.W.Points(), it.H.Points()
			if v := it.Picture.Vector; v != nil {
				// A form: its box is the drawing's natural size.
				sx, sy = sx/v.Drawing.Width, sy/v.Drawing.Height
				b.font, b.size = nil, 0 // its text sets a font, which Q undoes
			}
			b.cs = appendNum(b.cs, round4(sx))
			b.cs = append(b.cs, " 0 0 "...)
			b.cs = appendNum(b.cs, round4(sy))
			b.cs = append(b.cs, ' ')
			b.cs = appendNum(b.cs, it.X.Points())
			b.cs = append(b.cs, ' ')
			b.cs = appendNum(b.cs, hp-(it.Y+it.H).Points())
			b.cs = fmt.Appendf(b.cs, " cm /I%d Do Q\n", n)
		case layout.LinkArea:
			b.link(i, it, hp)
		case layout.Dest:
			if _, ok := b.dests[it.Name]; !ok {
				b.dests[it.Name] = dest{page: i, y: hp - it.Y.Points()}
			}
		case layout.Outline:
			b.outline = append(b.outline, outlineEntry{title: it.Title, level: it.Level, page: i, y: hp - it.Y.Points()})
		}
	}
	b.endMark()
	b.endText()
	b.contents[i] = b.o.alloc()
	b.o.stream(b.contents[i], "", b.cs, flated)
}

// writePages writes the link annotations, each page's that leads
// somewhere, and the page objects.
func (b *backend) writePages() {
	o := b.o
	w, h := num(b.l.Width.Points()), num(b.l.Height.Points())
	for i, obj := range b.pageObjs {
		var pg strings.Builder
		box := w + " " + h
		if b.landscape[i] {
			box = h + " " + w
		}
		fmt.Fprintf(&pg, "<</Type /Page /Parent %d 0 R /MediaBox [0 0 %s] /Resources %d 0 R /Contents %d 0 R",
			b.pagesObj, box, b.resources, b.contents[i])
		first := true
		for _, a := range b.pending[i] {
			action, ok := b.action(a.target)
			if !ok {
				continue
			}
			a.obj = o.alloc()
			tag := ""
			if b.tags != nil {
				tag = fmt.Sprintf(" /StructParent %d /Contents %s", a.key, pdfText(a.desc))
			}
			if b.archival {
				tag += " /F 4" // printed (PDF/A)
			}
			o.object(a.obj, fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect %s /Border [0 0 0] %s%s>>", a.rect, action, tag))
			if first {
				pg.WriteString(" /Annots [")
				first = false
			} else {
				pg.WriteByte(' ')
			}
			fmt.Fprintf(&pg, "%d 0 R", a.obj)
		}
		if !first {
			pg.WriteString("]")
		}
		b.pending[i] = nil
		if b.tags != nil {
			fmt.Fprintf(&pg, " /StructParents %d /Tabs /S", i)
		}
		pg.WriteString(">>")
		o.object(obj, pg.String())
	}
}

// glyphs draws a glyph run. The runs of a line (one baseline, one font,
// size, scale and colour, one marked-content sequence) go in one TJ
// array, the space before each a number: how far to move from where the
// glyphs before end (by the font's widths) to where the layout put it.
// Inside a run, numbers move each glyph from where the font's width of
// the one before leaves it to where the shaper put it (kerning, marks);
// a glyph the shaper lifted is drawn with a text rise.
//
// Each glyph maps back to the characters it draws (ToUnicode): a
// ligature to its letters. A run that is one cluster of several glyphs
// (a vowel sign drawn before its consonant) has its text as /ActualText,
// so that copying, searching and screen readers get exactly the source.
// A right-to-left run's glyphs map to their characters in visual order,
// which readers reverse (see clusterTexts).
func (b *backend) glyphs(it layout.Item, hp float64) {
	x, y := hundredths(it.X.Points()), hundredths(hp-it.Y.Points())
	// Text space units per point, along the line, with the size and
	// scale as written (to hundredths), as a reader computes them.
	unit := 1000 / (float64(hundredths(it.Size.Points())) / 100 * b.tz / 100)
	texts := clusterTexts(it, b.texts[:0])
	b.texts = texts
	// A cluster of several glyphs is a span whose /ActualText is its
	// text (tagged, a sequence inside its element's; readers such as
	// poppler take /ActualText only from a /Span).
	actual := it.Actual
	if it.Hyphen && it.Elem != nil {
		// The hyphen a line break added is a soft hyphen (U+00AD) in
		// the element's text, as Tagged PDF wants (ISO 32000-1
		// 14.8.2.5): "dreu-" "nen" reads as "dreunen", also to a reader
		// that breaks words where lines change. The glyph gets a code
		// of its own whose text is U+00AD (mark leaves it an artifact
		// in a face whose codes are its glyph ids).
		for k := range texts {
			texts[k] = "\u00ad"
		}
	}
	if actual {
		b.closeTJ()
		b.cs = append(b.cs, "/Span <</ActualText "...)
		b.cs = append(b.cs, pdfText(it.Text)...)
		b.cs = append(b.cs, ">> BDC\n"...)
	}
	if b.inTJ && y == b.ty {
		n := math.Round((b.curX - float64(x)/100) * unit)
		if n != 0 {
			b.cs = strconv.AppendInt(b.cs, int64(n), 10)
			b.curX -= n / unit
		}
	} else {
		b.closeTJ()
		b.cs = appendHundredths(b.cs, x-b.tx)
		b.cs = append(b.cs, ' ')
		b.cs = appendHundredths(b.cs, y-b.ty)
		b.cs = append(b.cs, " Td ["...)
		b.tx, b.ty = x, y
		b.curX = float64(x) / 100
		b.inTJ = true
	}
	var q float64
	b.cs, q = appendGlyphs(b.cs, b.font, it.Glyphs, texts, int64(b.l.Faces[it.Font].Upem()), it.Size.Points())
	b.curX += q / unit
	if actual {
		b.closeTJ()
		b.cs = append(b.cs, "EMC\n"...)
	}
}

// appendGlyphs appends the strings and numbers of a TJ array (after its
// "[") that draw glyphs in enc: each glyph where the shaper put it (a
// number moves it from where the font's width of the one before leaves
// it; a glyph the shaper lifted is drawn with a text rise, which ends the
// array and starts another). texts are what each glyph stands for; size
// is the text's in points, for the rise. It returns how far the glyphs
// drawn reach, in thousandths of an em.
func appendGlyphs(cs []byte, enc *fontEnc, glyphs []layout.Glyph, texts []string, upem int64, size float64) ([]byte, float64) {
	// pen is where the shaper's pen is, q where the glyphs drawn so far
	// end, both in thousandths of an em from the run's start.
	var pen, q float64
	cs = append(cs, '(')
	str := len(cs) // where the open string's bytes start
	// end ends the open string, or drops it if it is empty; more
	// follows it in the TJ array.
	end := func(more string) {
		if len(cs) == str {
			cs = cs[:str-1]
		} else {
			cs = append(cs, ')')
		}
		cs = append(cs, more...)
	}
	begin := func() {
		cs = append(cs, '(')
		str = len(cs)
	}
	rise := 0.0
	for k, g := range glyphs {
		c := enc.cid(g.ID, texts[k])
		at := pen + thousandths(g.DX, upem)
		if n := math.Round(q - at); n != 0 {
			end("")
			cs = strconv.AppendInt(cs, int64(n), 10)
			begin()
			q -= n
		}
		if dy := thousandths(g.DY, upem) / 1000 * size; dy != rise {
			end(" ] TJ ")
			cs = appendNum(cs, dy)
			cs = append(cs, " Ts ["...)
			begin()
			rise = dy
		}
		cs = appendEscaped(cs, byte(c>>8))
		cs = appendEscaped(cs, byte(c))
		q += float64(enc.width(c))
		pen += thousandths(g.Advance, upem)
	}
	end("")
	if rise != 0 {
		cs = append(cs, " ] TJ 0 Ts ["...)
	}
	return cs, q
}

// thousandths converts v font units to thousandths of an em, rounded
// as the font's widths are (see font.Face.GlyphWidth), so that a glyph
// set at its advance needs no adjustment.
func thousandths(v int32, upem int64) float64 {
	if v < 0 {
		return -thousandths(-v, upem)
	}
	return float64((int64(v)*1000 + upem/2) / upem)
}

// clusterTexts returns the text each glyph of a run stands for, for the
// ToUnicode map: a glyph that is a cluster of its own, the cluster's
// characters (a ligature's letters); the glyphs of a cluster of several,
// its characters in turn, the last one the rest (a glyph left without
// one reads as U+200D, the zero-width joiner, which has no width).

func clusterTexts(it layout.Item, texts []string) []string {
	gs := it.Glyphs
	texts = slices.Grow(texts[:0], len(gs))[:len(gs)]
	drawn := len(it.Text)
	// Most runs: a glyph for each character, in order.
	if !it.RTL {
		simple := true
		for k, g := range gs {
			e := int32(drawn)
			if k+1 < len(gs) {
				e = gs[k+1].Cluster
			}
			if e <= g.Cluster || e > int32(drawn) {
				simple = false
				break
			}
			t := it.Text[g.Cluster:e]
			if _, n := utf8.DecodeRuneInString(t); n != len(t) {
				simple = false
				break
			}
			texts[k] = t
		}
		if simple {
			return texts
		}
	}
	// The end of each cluster: the next cluster's start, in reading
	// order.
	ends := make(map[int32]int32, 0)
	starts := make([]int32, 0, len(gs))
	for _, g := range gs {
		starts = append(starts, g.Cluster)
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	for i, st := range starts {
		e := int32(drawn)
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		ends[st] = e
	}
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].Cluster == gs[i].Cluster {
			j++
		}
		st, e := int(gs[i].Cluster), int(ends[gs[i].Cluster])
		if st > e || e > len(it.Text) {
			st, e = 0, 0
		}
		text := it.Text[st:e]
		if j-i == 1 {
			if text == "" {
				text = "\u200d"
			}
			texts[i] = text
		} else {
			rs := []rune(text)
			for k := i; k < j; k++ {
				n := k - i
				switch {
				case n < len(rs) && k < j-1:
					texts[k] = string(rs[n])
				case n < len(rs):
					texts[k] = string(rs[n:])
				default:
					texts[k] = "\u200d"
				}
			}
		}
		i = j
	}
	if it.RTL {
		// Right to left, the glyphs are in visual order, as readers
		// expect, who reverse them: a cluster's characters are too.
		for k, t := range texts {
			if utf8.RuneCountInString(t) > 1 {
				rs := []rune(t)
				slices.Reverse(rs)
				texts[k] = string(rs)
			}
		}
	}
	return texts
}

// closeTJ ends the open TJ array, if any.
func (b *backend) closeTJ() {
	if b.inTJ {
		b.cs = append(b.cs, "] TJ\n"...)
		b.inTJ = false
	}
}

// hundredths rounds v to hundredths.
func hundredths(v float64) int64 {
	if v < 0 {
		return int64(v*100 - 0.5)
	}
	return int64(v*100 + 0.5)
}

func (b *backend) setFont(font typeset.Face, size typeset.Unit) {
	enc := b.encoding(font)
	if enc == b.font && size == b.size {
		return
	}
	b.closeTJ()
	b.cs = append(b.cs, enc.res...)
	b.cs = append(b.cs, ' ')
	b.cs = appendNum(b.cs, size.Points())
	b.cs = append(b.cs, " Tf\n"...)
	b.font, b.size = enc, size
}

// linkColor is the colour of links: RGB 31, 78, 140.
const linkColor typeset.Color = 0x1f4e8c

// setColor sets the text colour (0: black; 0x010101 is black too, said
// explicitly by a theme).
func (b *backend) setColor(c typeset.Color) {
	if c == b.color {
		return
	}
	if c == 0 {
		b.op("0 g\n")
	} else {
		r, g, bl := c.RGB()
		b.op(fmt.Sprintf("%s %s %s rg\n", colorNum(r), colorNum(g), colorNum(bl)))
	}
	b.color = c
}

// colorNum writes a colour component with three decimals.
func colorNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

// scale sets the horizontal scale of the glyphs (Tz) for font expansion;
// 0 means 1.
func (b *backend) scale(s float64) {
	tz := 100.0
	if s != 0 {
		tz = float64(hundredths(s*100)) / 100
	}
	if tz != b.tz {
		b.closeTJ()
		b.cs = appendNum(b.cs, tz)
		b.cs = append(b.cs, " Tz\n"...)
		b.tz = tz
	}
}

// link records a link area's annotation, to be written with the page
// object once every destination is known.
func (b *backend) link(page int, it layout.Item, hp float64) {
	x, y := it.X.Points(), hp-it.Y.Points()
	a := &annot{target: it.Target, rect: fmt.Sprintf("[%s %s %s %s]", num(x), num(y-it.H.Points()), num(x+it.W.Points()), num(y))}
	if b.tags != nil {
		a.desc = it.Target
		if t := b.text[it.Elem]; t != nil && strings.TrimSpace(t.String()) != "" {
			a.desc = strings.TrimSpace(t.String())
		}
		a.key = len(b.pageObjs) + b.annots
		if it.Elem != nil {
			b.tags.events[page] = append(b.tags.events[page], tagEvent{elem: it.Elem, annot: a})
		}
	}
	b.annots++
	b.pending[page] = append(b.pending[page], a)
}

// action returns a link's destination or action; ok is false for a
// fragment that names no destination.
func (b *backend) action(target string) (_ string, ok bool) {
	if !strings.HasPrefix(target, "#") {
		return "/A <</S /URI /URI " + pdfString(asciiURI(target)) + ">>", true
	}
	d, ok := b.dests[target[1:]]
	if !ok {
		// "#caf%C3%A9" finds the section "café".
		if name, err := url.PathUnescape(target[1:]); err == nil {
			d, ok = b.dests[name]
		}
	}
	if !ok {
		return "", false
	}
	return fmt.Sprintf("/Dest [%d 0 R /XYZ 0 %s null]", b.pageObjs[d.page], num(d.y)), true
}

// asciiURI percent-encodes a URI's bytes outside printable ASCII: a PDF
// URI is 7-bit ASCII.
func asciiURI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// writeOutline writes the outline (bookmarks) and returns its root's
// object number; 0 when there are no entries. Every entry is open.
func (b *backend) writeOutline() int {
	if len(b.outline) == 0 {
		return 0
	}
	o := b.o
	type node struct {
		e           outlineEntry
		obj, parent int
		kids        []int // indexes in nodes
	}
	root := o.alloc()
	nodes := make([]node, len(b.outline))
	var top []int
	var stack []int // open entries, by level
	for i, e := range b.outline {
		nodes[i] = node{e: e, obj: o.alloc(), parent: root}
		for len(stack) > 0 && nodes[stack[len(stack)-1]].e.level >= e.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			top = append(top, i)
		} else {
			p := stack[len(stack)-1]
			nodes[i].parent = nodes[p].obj
			nodes[p].kids = append(nodes[p].kids, i)
		}
		stack = append(stack, i)
	}
	var count func(i int) int
	count = func(i int) int {
		c := 0
		for _, k := range nodes[i].kids {
			c += 1 + count(k)
		}
		return c
	}
	siblings := func(list []int) {
		for k, i := range list {
			n := &nodes[i]
			var s strings.Builder
			fmt.Fprintf(&s, "<</Title %s /Parent %d 0 R", pdfText(n.e.title), n.parent)
			if k > 0 {
				fmt.Fprintf(&s, " /Prev %d 0 R", nodes[list[k-1]].obj)
			}
			if k+1 < len(list) {
				fmt.Fprintf(&s, " /Next %d 0 R", nodes[list[k+1]].obj)
			}
			if len(n.kids) > 0 {
				fmt.Fprintf(&s, " /First %d 0 R /Last %d 0 R /Count %d", nodes[n.kids[0]].obj, nodes[n.kids[len(n.kids)-1]].obj, count(i))
			}
			fmt.Fprintf(&s, " /Dest [%d 0 R /XYZ 0 %s null]>>", b.pageObjs[n.e.page], num(n.e.y))
			o.object(n.obj, s.String())
		}
	}
	siblings(top)
	for i := range nodes {
		siblings(nodes[i].kids)
	}
	o.object(root, fmt.Sprintf("<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>",
		nodes[top[0]].obj, nodes[top[len(top)-1]].obj, len(nodes)))
	return root
}

// marked is what the open marked-content sequence marks.
type marked struct {
	elem *layout.StructElem // content of an element
	kind markKind
}

type markKind int

const (
	none       markKind = iota // no sequence open
	content                    // an element's content
	furniture                  // page furniture: header, page number
	decoration                 // rules, leaders
	hyphen                     // a hyphen the line breaker added
	hyphenOpen                 // the open sequence of one
)

// mark puts an item that draws into a marked-content sequence: the
// content of its element, with the next MCID, or an artifact (the page
// furniture; rules, which decorate). Consecutive items of one element
// share a sequence: a paragraph's lines on a page are one, unless a link
// or a note reference interrupts them. A sequence is opened and closed
// outside text objects.
func (b *backend) mark(it layout.Item) {
	if b.tags == nil {
		return
	}
	want := marked{elem: it.Elem, kind: content}
	switch {
	case it.Hyphen && (it.Elem == nil || b.l.Faces[it.Font].CFF()):
		want = marked{kind: hyphen}
	case it.Furniture:
		want = marked{kind: furniture}
	case it.Elem == nil:
		want = marked{kind: decoration}
	}
	if want == b.open {
		return
	}
	b.endMark()
	b.endText()
	b.open = want
	switch want.kind {
	case furniture:
		b.op("/Artifact <</Type /Pagination>> BDC\n")
	case decoration:
		b.op("/Artifact BMC\n")
	case hyphen:
		// The hyphen a line break added to text outside the structure,
		// or in a face whose codes are its glyph ids (so that the glyph
		// cannot have a text of its own): an artifact whose text is a
		// soft hyphen.
		b.op("/Artifact <</ActualText <FEFF00AD>>> BDC\n")
		b.open.kind = hyphenOpen // a sequence of its own: the next item ends it
	default:
		b.closeTJ()
		b.cs = append(b.cs, '/')
		b.cs = append(b.cs, it.Elem.Role...)
		b.cs = append(b.cs, " <</MCID "...)
		b.cs = strconv.AppendInt(b.cs, int64(b.mcid), 10)
		b.cs = append(b.cs, ">> BDC\n"...)
		page := len(b.tags.events) - 1
		b.tags.events[page] = append(b.tags.events[page], tagEvent{elem: it.Elem, n: b.mcid})
		b.mcid++
	}
}

// endMark ends the open marked-content sequence, if any, and the text
// object in it.
func (b *backend) endMark() {
	if b.open.kind != none {
		b.endText()
		b.op("EMC\n")
		b.open = marked{}
	}
}
