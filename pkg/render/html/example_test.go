package html_test

import (
	"context"
	"os"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render/html"
)

func Example() {
	d := &doc.Document{Sections: []*doc.Section{{
		Level: 1, ID: "hello", Title: []doc.Inline{&doc.Text{Text: "Hello"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "A & B"}, &doc.Note{Number: 1,
			Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "A note."}}}}}}}},
	}}}
	html.New(html.Config{Fragment: true}).Render(context.Background(), os.Stdout, d, nil)
	// Output:
	// <section id="hello">
	// <h1>Hello</h1>
	// <p>A &amp; B<a href="#fn-1" id="fnref-1" class="footnote-ref" role="doc-noteref"><sup>1</sup></a></p>
	// </section>
	// <section class="footnotes" aria-label="Notes">
	// <hr>
	// <ol>
	// <li id="fn-1" value="1">
	// <p>A note. <a href="#fnref-1" class="footnote-back" role="doc-backlink" aria-label="Back to text">↩</a></p>
	// </li>
	// </ol>
	// </section>
}
