package transform

import (
	"strings"

	"github.com/galleypress/galley/pkg/doc"
)

// ShiftHeadings adds n to the level of every heading, as pandoc's
// --shift-heading-level-by does: 1 makes level-1 headings level 2, and
// so on. A heading shifted below level 1 is level 1, except a lone
// top-level section when n is negative: its title becomes the document's
// title (when the document has none, or the same), its blocks the
// document's opening blocks and its sections the top-level ones. Levels
// above 6 stay in the model; renderers set them as level 6.
func ShiftHeadings(d *doc.Document, n int) {
	if n == 0 {
		return
	}
	if n < 0 && len(d.Sections) == 1 && d.Sections[0].Level+n < 1 {
		s := d.Sections[0]
		title := strings.TrimSpace(doc.PlainText(s.Title))
		if d.Meta.Title == "" || d.Meta.Title == title {
			d.Meta.Title = title
			d.Blocks = append(d.Blocks, s.Blocks...)
			d.Sections = s.Sections
		}
	}
	for _, s := range d.AllSections() {
		s.Level = max(s.Level+n, 1)
	}
	doc.Walk(d, func(node doc.Node) doc.Visit {
		if h, ok := node.(*doc.Heading); ok {
			h.Level = max(h.Level+n, 1)
		}
		return doc.Continue
	})
}
