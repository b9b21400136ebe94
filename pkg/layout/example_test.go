package layout_test

import (
	"fmt"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/transform"
)

func Example() {
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Sections: []*doc.Section{{
		Level: 1, Title: []doc.Inline{&doc.Text{Text: "Summary"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Set with Knuth and Plass."}}}},
	}}}
	transform.Standard(d, "memo")
	l, err := layout.Layout(d, layout.Config{Paper: "a5"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	// No title page: the title is the first heading's, which is on the
	// first page.
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind == layout.Glyphs {
				role := "furniture"
				if it.Elem != nil {
					role = it.Elem.Role
				}
				fmt.Printf("%-9s %6.2f %6.2f %q\n", role, it.X.Points(), it.Y.Points(), it.Text)
			}
		}
	}
	// Output:
	// furniture 189.64  49.87 "Summary"
	// furniture 201.17 543.91 "1 / 1"
	// H1         42.52  87.82 "Summary "
	// P          42.52 111.22 "Set "
	// P          60.28 111.22 "with "
	// P          85.78 111.22 "Knuth "
	// P         119.66 111.22 "and "
	// P         141.52 111.22 "Plass. "
}
