package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/typeset"
)

// emit draws a laid-out document with fpdf: the backend behind the
// display list. It only draws what the display list says; what to draw
// and where is the layout's. The workarounds for fpdf's quirks live here
// and in repair.go.
//
// Tagged, it marks every piece of content and adds the structure tree
// (see tag.go).
func emit(w io.Writer, d *doc.Document, opts *render.Options, l *layout.Document, tagged bool) error {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P", UnitStr: "pt",
		Size: fpdf.SizeType{Wd: l.Width.Points(), Ht: l.Height.Points()},
	})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	// Page contents are compressed by repair, with one compressor for the
	// whole file: fpdf makes a new one (a megabyte of state to clear) for
	// every page, a fifth of a long document's time. Same level, same
	// bytes.
	f.SetCompression(false)
	// fpdf sorts nothing by default; sorting its catalog, and fixed
	// dates, make the output the same on every run.
	f.SetCatalogSort(true)
	mod := render.ModTime(d, opts)
	f.SetCreationDate(mod)
	f.SetModificationDate(mod)
	m := &d.Meta
	f.SetTitle(m.Title, true)
	f.SetAuthor(strings.Join(m.Authors, ", "), true)
	subject := m.Description
	if subject == "" {
		subject = m.Subtitle
	}
	f.SetSubject(subject, true)
	f.SetKeywords(strings.Join(m.Keywords, ", "), true)
	f.SetCreator("galley", true)
	f.SetProducer("galley", true)
	if m.Lang != "" {
		f.SetLang(m.Lang)
	}
	f.SetDisplayMode("fullpage", "single")
	f.SetXmpMetadata(xmp(m.Title, m.Authors, m.Lang, mod.UTC().Format("2006-01-02T15:04:05Z"), "galley", tagged))
	b := &fpdfBackend{f: f, linkIDs: map[string]int{}, font: 255}
	if tagged {
		b.tags = &tagging{}
	}
	// Only faces that draw something are embedded; a face that stands in
	// for several styles is embedded once.
	used := usedFonts(l.Pages, len(l.Faces))
	b.names = make([]string, len(l.Faces))
	seen := map[*layout.Face]string{}
	for i, fc := range l.Faces {
		if !used[i] {
			continue
		}
		if name, ok := seen[fc]; ok {
			b.names[i] = name
			continue
		}
		b.names[i] = familyName(fc.Name, i)
		seen[fc] = b.names[i]
		// fpdf writes into the font bytes it is given (composite glyphs
		// are renumbered in place), so it gets a copy: the shared bytes
		// stay intact for the next render and for concurrent ones.
		f.AddUTF8FontFromBytes(b.names[i], "", bytes.Clone(fc.Data))
	}
	for _, pic := range l.Images {
		if err := registerImage(f, pic); err != nil {
			return err
		}
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	// Every destination gets a link number first, so links may point
	// forward.
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind == layout.Dest {
				b.linkIDs[it.Name] = f.AddLink()
			}
		}
	}
	for i := range l.Pages {
		if err := opts.Err(); err != nil {
			return err
		}
		b.page(&l.Pages[i], l.Width.Points(), l.Height.Points())
		// Drawn: the page's display list is fpdf's now, and can go.
		l.Pages[i].Items = nil
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	// fpdf's pages are in buf now: let them go before repair makes the
	// file again.
	f, b.f = nil, nil
	out, err := repair(buf.Bytes(), pageLabels(l), b.tags)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// fpdfBackend draws display lists with fpdf, remembering fpdf's state so
// that it sets a font, a colour or a scale only when it changes.
type fpdfBackend struct {
	f       *fpdf.Fpdf
	linkIDs map[string]int // destination → fpdf link
	names   []string       // fpdf family of each face
	font    typeset.Font
	size    typeset.Unit
	color   bool    // the text colour is the link colour
	tz      float64 // the horizontal scale in force, in percent

	// tags records the marked content of each page for the structure
	// tree (see tag.go).
	tags *tagging
	// mcid is the next marked-content identifier on the page; annots
	// counts the page's link annotations; text holds the text drawn so
	// far on the page for each element, to describe its links.
	mcid, annots int
	text         map[*layout.Elem]*strings.Builder
	open         marked
}

// registerImage hands an image to fpdf. Images are checked before (they
// decode, and are not too large), but fpdf parses them itself and may
// panic on a file the Go decoders accept; that becomes an error naming
// the image.
func registerImage(f *fpdf.Fpdf, pic *layout.Picture) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("pdf: image %q: the PDF writer cannot read it (%v)", pic.Src, v)
		}
	}()
	kind := map[string]string{"png": "PNG", "jpeg": "JPG", "gif": "GIF"}[pic.Format]
	f.RegisterImageOptionsReader(pic.Name, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(pic.Data))
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: image %q: %w", pic.Src, err)
	}
	return nil
}

func (b *fpdfBackend) setFont(font typeset.Font, size typeset.Unit) {
	if font == b.font && size == b.size {
		return
	}
	b.f.SetFont(b.names[font], "", size.Points())
	b.font, b.size = font, size
}

// scale sets the horizontal scale of the glyphs (the Tz operator, which
// fpdf has no call for) for font expansion; 0 means 1.
func (b *fpdfBackend) scale(s float64) {
	tz := 100.0
	if s != 0 {
		tz = math.Round(s*10000) / 100
	}
	if tz != b.tz {
		b.f.RawWriteStr(strconv.FormatFloat(tz, 'f', 2, 64) + " Tz")
		b.tz = tz
	}
}

func (b *fpdfBackend) page(p *layout.Page, w, h float64) {
	f := b.f
	if p.Landscape {
		f.AddPageFormat("L", fpdf.SizeType{Wd: w, Ht: h})
	} else {
		f.AddPage()
	}
	b.tz = 100 // a page's content starts in the default text state
	b.mcid, b.annots = 0, 0
	b.text = map[*layout.Elem]*strings.Builder{}
	if b.tags != nil {
		b.tags.events = append(b.tags.events, nil)
		b.tags.contents = append(b.tags.contents, nil)
	}
	for _, it := range p.Items {
		switch it.Kind {
		case layout.Glyphs:
			if it.Furniture {
				b.scale(1)
				b.setFont(it.Font, it.Size)
			} else {
				b.setFont(it.Font, it.Size)
				if it.Link != b.color {
					if it.Link {
						f.SetTextColor(31, 78, 140)
					} else {
						f.SetTextColor(0, 0, 0)
					}
					b.color = it.Link
				}
				b.scale(it.Scale)
			}
			b.mark(it)
			f.Text(it.X.Points(), it.Y.Points(), it.Text)
			if it.Elem != nil {
				t := b.text[it.Elem]
				if t == nil {
					t = &strings.Builder{}
					b.text[it.Elem] = t
				}
				t.WriteString(it.Text)
			}
		case layout.Rule:
			f.SetLineWidth(it.Thick.Points())
			b.mark(it)
			f.Line(it.X.Points(), it.Y.Points(), (it.X + it.W).Points(), (it.Y + it.H).Points())
		case layout.Image:
			b.mark(it)
			f.ImageOptions(it.Picture.Name, it.X.Points(), it.Y.Points(), it.W.Points(), it.H.Points(), false, fpdf.ImageOptions{}, 0, "")
		case layout.LinkArea:
			x, y, w, h := it.X.Points(), it.Y.Points(), it.W.Points(), it.H.Points()
			if strings.HasPrefix(it.Target, "#") {
				id, ok := b.linkIDs[it.Target[1:]]
				if !ok {
					// "#caf%C3%A9" finds the section "café".
					if name, err := url.PathUnescape(it.Target[1:]); err == nil {
						id, ok = b.linkIDs[name]
					}
				}
				if !ok {
					continue
				}
				f.Link(x, y, w, h, id)
			} else {
				f.LinkString(x, y, w, h, it.Target)
			}
			b.annotation(it)
		case layout.Dest:
			f.SetLink(b.linkIDs[it.Name], it.Y.Points(), -1)
		case layout.Outline:
			f.Bookmark(it.Title, it.Level, it.Y.Points())
		}
	}
	b.endMark()
}

// marked is what the open marked-content sequence marks.
type marked struct {
	elem *layout.Elem // content of an element
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
// or a note reference interrupts them.
func (b *fpdfBackend) mark(it layout.Item) {
	if b.tags == nil {
		return
	}
	want := marked{elem: it.Elem, kind: content}
	switch {
	case it.Hyphen:
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
	b.open = want
	switch want.kind {
	case furniture:
		b.f.RawWriteStr("/Artifact <</Type /Pagination>> BDC")
	case decoration:
		b.f.RawWriteStr("/Artifact BMC")
	case hyphen:
		// The hyphen a line break added is not part of the text: an
		// artifact of the layout, left out of the structure (so that
		// "dreu-" "nen" reads as "dreunen"), whose text is a soft
		// hyphen for tools that extract text from the page.
		b.f.RawWriteStr("/Artifact <</ActualText <FEFF00AD>>> BDC")
		b.open.kind = hyphenOpen // a sequence of its own: the next item ends it
	default:
		b.f.RawWriteStr("/" + it.Elem.Role + " <</MCID " + strconv.Itoa(b.mcid) + ">> BDC")
		page := len(b.tags.events) - 1
		b.tags.events[page] = append(b.tags.events[page], tagEvent{elem: it.Elem, n: b.mcid})
		b.mcid++
	}
}

// endMark ends the open marked-content sequence, if any.
func (b *fpdfBackend) endMark() {
	if b.open.kind != none {
		b.f.RawWriteStr("EMC")
		b.open = marked{}
	}
}

// annotation records the link annotation just made for a link area: it
// belongs to the area's Link element, and is described by the link's
// text, or its target when the link has none.
func (b *fpdfBackend) annotation(it layout.Item) {
	if b.tags == nil {
		return
	}
	page := len(b.tags.events) - 1
	desc := it.Target
	if t := b.text[it.Elem]; t != nil && strings.TrimSpace(t.String()) != "" {
		desc = strings.TrimSpace(t.String())
	}
	b.tags.contents[page] = append(b.tags.contents[page], desc)
	if it.Elem != nil {
		b.tags.events[page] = append(b.tags.events[page], tagEvent{elem: it.Elem, annot: true, n: b.annots})
	}
	b.annots++
}

// familyName makes a PDF font name from a face's name: "Go Bold" gives
// "GoBold" (fpdf writes it as "utf8gobold"), a file its base name.
func familyName(name string, i int) string {
	if strings.ContainsAny(name, `/\`) {
		name = filepath.Base(name)
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "f" + strconv.Itoa(i)
	}
	return b.String() + strconv.Itoa(i)
}

// usedFonts returns the faces the pages draw with.
func usedFonts(pages []layout.Page, faces int) []bool {
	used := make([]bool, faces)
	for _, p := range pages {
		for _, it := range p.Items {
			if it.Kind == layout.Glyphs {
				used[it.Font] = true
			}
		}
	}
	return used
}

// pageLabels returns the catalog's /PageLabels entry when the pages are
// numbered in two sequences: front matter in roman numerals, the body
// from 1; "" when they are numbered 1, 2, 3 throughout.
func pageLabels(l *layout.Document) string {
	if l.FrontPages == 0 {
		return ""
	}
	return fmt.Sprintf("/PageLabels <</Nums [0 <</S /r>> %d <</S /D>>]>>", l.FrontPages)
}
