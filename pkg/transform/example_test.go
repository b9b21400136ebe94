package transform_test

import (
	"fmt"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/transform"
)

func Example() {
	d := &doc.Document{Sections: []*doc.Section{
		{Level: 1, Title: []doc.Inline{&doc.Text{Text: "Oekraïne"}}, Blocks: []doc.Block{
			&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Nederland blijft Oekraïne steunen met wapens en hulp, zolang als dat nodig is voor de vrijheid van het land."}}},
		}},
		{Level: 1, Title: []doc.Inline{&doc.Text{Text: "Oekraïne"}}},
	}}
	transform.Standard(d, "untitled")
	fmt.Println(d.Meta.Lang, d.Meta.Title, d.Sections[0].ID, d.Sections[1].ID)
	// Output: nl Oekraïne oekraïne oekraïne-1
}
