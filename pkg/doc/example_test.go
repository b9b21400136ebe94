package doc_test

import (
	"fmt"
	"os"

	"github.com/galleypress/galley/pkg/doc"
)

func Example() {
	d := &doc.Document{
		Meta: doc.Meta{Title: "Notes", Lang: "en"},
		Sections: []*doc.Section{{
			Level: 1,
			Title: []doc.Inline{&doc.Text{Text: "Start"}},
			Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{
				&doc.Text{Text: "Hello, "}, &doc.Emph{Inlines: []doc.Inline{&doc.Text{Text: "world"}}},
			}}},
		}},
	}
	for _, s := range d.AllSections() {
		fmt.Println(s.HeadingText(), "—", doc.BlocksText(s.Blocks))
	}
	// Output: Start — Hello, world
}

func ExampleEncode() {
	d := &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{&doc.Rule{}}}
	doc.Encode(os.Stdout, d)
	// Output:
	// {
	//  "galley": 3,
	//  "meta": {
	//   "title": "T"
	//  },
	//  "blocks": [
	//   {
	//    "type": "rule"
	//   }
	//  ]
	// }
}
