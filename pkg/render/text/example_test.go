package text_test

import (
	"context"
	"os"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render/text"
)

func Example() {
	d := &doc.Document{Sections: []*doc.Section{{
		Level: 1, Number: "1", Title: []doc.Inline{&doc.Text{Text: "Scope"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{
			&doc.Text{Text: "This text is wrapped at thirty columns and links to "},
			&doc.Link{URL: "https://example.org", Inlines: []doc.Inline{&doc.Text{Text: "an example"}}},
			&doc.Text{Text: "."},
		}}},
	}}}
	text.New(text.Config{Width: 30}).Render(context.Background(), os.Stdout, d, nil)
	// Output:
	// 1 Scope
	// =======
	//
	// This text is wrapped at thirty
	// columns and links to an
	// example <https://example.org>.
}
