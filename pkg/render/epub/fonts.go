package epub

import (
	"fmt"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/font"
	"github.com/galleypress/galley/pkg/theme"
)

// themeFonts returns the fonts a theme's families need in the book, as
// items, and the @font-face rules that name them: the built-in families
// a theme names other than the default (which leaves the choice to the
// reading system), each face cut down to the glyphs the book's text
// uses, and only where the font's licence lets a book carry it.
func (b *book) themeFonts(th *theme.Theme) ([]*item, string) {
	def := theme.Default().Fonts
	type want struct {
		family string
		faces  []int // typeset's Regular, Bold, Italic, BoldItalic
	}
	var wants []want
	if th.Fonts.Family != def.Family && th.Fonts.Family != "" {
		wants = append(wants, want{th.Fonts.Family, []int{0, 1, 2, 3}})
	}
	if h := th.Fonts.Headings; h != "" && h != th.Fonts.Family && h != def.Family {
		wants = append(wants, want{h, []int{1, 3}})
	}
	if len(wants) == 0 {
		return nil, ""
	}
	text := bookText(b.d)
	var items []*item
	var css strings.Builder
	seen := map[string]bool{}
	for _, w := range wants {
		faces, err := font.Builtin(w.family)
		if err != nil {
			continue
		}
		for _, i := range w.faces {
			f := faces[i]
			href := fmt.Sprintf("fonts/%s-%s.ttf", w.family, [...]string{"regular", "bold", "italic", "bolditalic"}[i])
			if seen[href] {
				continue
			}
			seen[href] = true
			if !f.Embeddable() {
				b.opts.Warnf("%w", diag.Warnf("font-not-embedded", "epub: the font %s's licence does not let a book carry it: reading systems choose a font instead", f.Name))
				continue
			}
			data, err := f.SubsetFor(text)
			if err != nil {
				continue
			}
			items = append(items, &item{id: fmt.Sprintf("font%d", len(items)+1), href: href, mediaType: "font/ttf", data: data})
			fmt.Fprintf(&css, "@font-face { font-family: %q; src: url(%q); font-weight: %s; font-style: %s; }\n",
				theme.FamilyName(w.family), href, [...]string{"normal", "bold", "normal", "bold"}[i], [...]string{"normal", "normal", "italic", "italic"}[i])
		}
	}
	return items, css.String()
}

// bookText returns the characters the book shows: its metadata, every
// text of the document, and the printable ASCII and Latin-1 ones the
// book's own words (labels, numbers) may use.
func bookText(d *doc.Document) string {
	var b strings.Builder
	for r := rune(0x20); r < 0x7f; r++ {
		b.WriteRune(r)
	}
	for r := rune(0xa0); r <= 0xff; r++ {
		b.WriteRune(r)
	}
	b.WriteString("‘’“”–—…•·→☐☑")
	m := d.Meta
	b.WriteString(m.Title + m.Subtitle + strings.Join(m.Authors, "") + m.Publisher + m.Date)
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Text:
			b.WriteString(n.Text)
		case *doc.Code:
			b.WriteString(n.Text)
		case *doc.Section:
			b.WriteString(n.Number + doc.PlainText(n.Title))
		case *doc.Image:
			b.WriteString(n.Alt)
		case *doc.Figure:
			b.WriteString(n.Alt)
		}
		return doc.Continue
	})
	return b.String()
}
