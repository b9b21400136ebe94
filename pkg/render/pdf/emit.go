package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/typeset"
)

// emitter writes laid-out pages with fpdf.
type emitter struct {
	f       *fpdf.Fpdf
	g       geometry
	fam     *family
	font    typeset.Font
	size    unit
	linkIDs map[string]int // destination id → fpdf link
	color   bool           // the text colour is the link colour
	pages   []typeset.Page
	titled  bool      // the first page is the title page
	tz      float64   // the horizontal scale in force, in percent
	names   [6]string // fpdf family of each face
}

func (r *Renderer) emit(w io.Writer, d *doc.Document, opts *render.Options, l *layout, pages []typeset.Page) error {
	g := l.g
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P", UnitStr: "pt",
		Size: fpdf.SizeType{Wd: g.pageW.Points(), Ht: g.pageH.Points()},
	})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCompression(true)
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
	e := &emitter{f: f, g: g, fam: l.fam, linkIDs: map[string]int{}, pages: pages, font: 255}
	// Only faces that draw something are embedded; a face that stands in
	// for several styles is embedded once.
	e.titled = r.titlePage(m)
	used := usedFonts(pages, e.titled)
	seen := map[*face]string{}
	for i, fc := range l.fam.faces {
		if !used[i] {
			continue
		}
		if name, ok := seen[fc]; ok {
			e.names[i] = name
			continue
		}
		e.names[i] = familyName(fc.name, i)
		seen[fc] = e.names[i]
		// fpdf writes into the font bytes it is given (composite glyphs
		// are renumbered in place), so it gets a copy: the shared bytes
		// stay intact for the next render and for concurrent ones.
		f.AddUTF8FontFromBytes(e.names[i], "", bytes.Clone(fc.data))
	}
	for _, pic := range l.images.seq {
		if err := registerImage(f, pic); err != nil {
			return err
		}
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	// Every destination gets a link number first, so links may point
	// forward.
	for _, p := range pages {
		for _, pe := range p.Elems {
			for _, mk := range pe.Marks {
				if mk.ID != "" {
					e.linkIDs[mk.ID] = f.AddLink()
				}
			}
			if pe.Kind == typeset.VLine {
				for _, b := range pe.Line.Boxes {
					if strings.HasPrefix(b.Style.Link, "#fn-") {
						e.linkIDs["fnref-"+strings.TrimPrefix(b.Style.Link, "#fn-")] = f.AddLink()
					}
				}
			}
		}
	}
	for i := range pages {
		if err := opts.Err(); err != nil {
			return err
		}
		e.page(&pages[i], len(pages))
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out, err := repair(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// registerImage hands an image to fpdf. Images are checked before (they
// decode, and are not too large), but fpdf parses them itself and may
// panic on a file the Go decoders accept; that becomes an error naming
// the image.
func registerImage(f *fpdf.Fpdf, pic *picture) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("pdf: image %q: the PDF writer cannot read it (%v)", pic.src, v)
		}
	}()
	f.RegisterImageOptionsReader(pic.name, fpdf.ImageOptions{ImageType: pic.kind}, bytes.NewReader(pic.data))
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: image %q: %w", pic.src, err)
	}
	return nil
}

func (e *emitter) setFont(font typeset.Font, size unit) {
	if font == e.font && size == e.size {
		return
	}
	e.f.SetFont(e.names[font], "", size.Points())
	e.font, e.size = font, size
}

func (e *emitter) page(p *typeset.Page, total int) {
	f := e.f
	f.AddPage()
	e.tz = 100 // a page's content starts in the default text state
	g := e.g
	left, top := g.left, g.top
	titlePage := e.titled && p.Number == 1
	if !titlePage {
		e.furniture(p, total)
	}
	for _, pe := range p.Elems {
		y := top + pe.Y
		for _, mk := range pe.Marks {
			if link, ok := e.linkIDs[mk.ID]; ok {
				f.SetLink(link, y.Points(), -1)
			}
			if mk.Depth > 0 {
				f.Bookmark(mk.Title, mk.Depth-1, y.Points())
			}
		}
		switch pe.Kind {
		case typeset.VLine:
			e.line(pe.Line, left+pe.X, y+pe.Baseline)
		case typeset.VBox:
			switch b := pe.Box.(type) {
			case ruleBox:
				if b.Width > 0 {
					f.SetLineWidth(0.4)
					yy := (y + pe.Height/2).Points()
					f.Line((left + pe.X).Points(), yy, (left + pe.X + b.Width).Points(), yy)
				}
			case imageBox:
				f.ImageOptions(b.Name, (left + pe.X).Points(), y.Points(), b.Width.Points(), b.Height.Points(), false, fpdf.ImageOptions{}, 0, "")
			}
		}
	}
}

// furniture draws the running header and the page number.
func (e *emitter) furniture(p *typeset.Page, total int) {
	g := e.g
	size := g.size * 85 / 100
	if p.Header != "" {
		e.scale(1)
		e.setFont(typeset.Italic, size)
		text := e.fit(p.Header, typeset.Italic, size, g.measure)
		w := e.fam.Width(typeset.Italic, size, text)
		e.f.Text((g.left + (g.measure-w)/2).Points(), (g.top - g.leading*3/2).Points(), text)
	}
	e.scale(1)
	e.setFont(typeset.Regular, size)
	num := fmt.Sprintf("%d / %d", p.Number, total)
	w := e.fam.Width(typeset.Regular, size, num)
	e.f.Text((g.left + (g.measure-w)/2).Points(), (g.pageH - g.bottom + g.leading*2).Points(), num)
}

// scale sets the horizontal scale of the glyphs (the Tz operator) for
// font expansion; 0 means 1.
func (e *emitter) scale(s float64) {
	tz := 100.0
	if s != 0 {
		tz = math.Round(s*10000) / 100
	}
	if tz != e.tz {
		e.f.RawWriteStr(strconv.FormatFloat(tz, 'f', 2, 64) + " Tz")
		e.tz = tz
	}
}

// fit shortens text with an ellipsis until it fits width.
func (e *emitter) fit(text string, font typeset.Font, size, width unit) string {
	if e.fam.Width(font, size, text) <= width {
		return text
	}
	rs := []rune(text)
	for len(rs) > 1 && e.fam.Width(font, size, string(rs)+"…") > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}

// line draws a line's boxes; boxes that touch and share a style are
// drawn as one string.
func (e *emitter) line(l *typeset.Line, x, baseline unit) {
	f := e.f
	boxes := l.Boxes
	for i := 0; i < len(boxes); {
		b := boxes[i]
		text := b.Text
		end := b.X + b.Width
		j := i + 1
		for j < len(boxes) && boxes[j].Style == b.Style && boxes[j].Scale == b.Scale && boxes[j].X == end {
			text += boxes[j].Text
			end = boxes[j].X + boxes[j].Width
			j++
		}
		e.setFont(b.Style.Font, b.Style.Size)
		link := b.Style.Link != ""
		if link != e.color {
			if link {
				f.SetTextColor(31, 78, 140)
			} else {
				f.SetTextColor(0, 0, 0)
			}
			e.color = link
		}
		bx, by := (x + b.X).Points(), (baseline - b.Style.Rise).Points()
		e.scale(b.Scale)
		if j < len(boxes) && boxes[j].X > end {
			// A space glyph after a word tells text extraction where
			// the word ends, however tight the line; it draws nothing.
			text += " "
		}
		f.Text(bx, by, text)
		w := (end - b.X).Points()
		if b.Style.Strike {
			f.SetLineWidth(b.Style.Size.Points() / 18)
			sy := by - b.Style.Size.Points()*0.3
			f.Line(bx, sy, bx+w, sy)
		}
		i = j
	}
	e.links(l, x, baseline)
}

// links makes one link annotation for each run of boxes on a line that
// link to the same place.
func (e *emitter) links(l *typeset.Line, x, baseline unit) {
	f := e.f
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
			h := size.Points() * 1.2
			bx := (x + first.X).Points()
			w := (last.X + last.Width - first.X).Points()
			top := baseline.Points() - size.Points()*0.9
			switch {
			case strings.HasPrefix(target, "#"):
				if id, ok := e.linkIDs[target[1:]]; ok {
					f.Link(bx, top, w, h, id)
				}
				if strings.HasPrefix(target, "#fn-") {
					if back, ok := e.linkIDs["fnref-"+target[4:]]; ok {
						f.SetLink(back, top, -1)
					}
				}
			default:
				f.LinkString(bx, top, w, h, target)
			}
		}
		i = j
	}
}

// familyName makes a PDF font name from a face's name: "Go Bold" gives
// "GoBold" (fpdf writes it as "utf8gobold").
func familyName(name string, i int) string {
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

// titlePage reports whether the document gets a title page.
func (r *Renderer) titlePage(m *doc.Meta) bool {
	return !r.cfg.NoTitlePage && strings.TrimSpace(m.Title) != ""
}

// usedFonts returns the faces the pages draw with, furniture included.
func usedFonts(pages []typeset.Page, titled bool) [6]bool {
	var used [6]bool
	for _, p := range pages {
		if !(titled && p.Number == 1) {
			used[typeset.Regular] = true // the page number
			if p.Header != "" {
				used[typeset.Italic] = true
			}
		}
		for _, pe := range p.Elems {
			if pe.Kind == typeset.VLine {
				for _, b := range pe.Line.Boxes {
					used[b.Style.Font] = true
				}
			}
		}
	}
	return used
}
