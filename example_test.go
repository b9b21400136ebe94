package galley_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/galleypress/galley"
	"github.com/galleypress/galley/pkg/render/pdf"
)

// Markdown in memory to PDF, in one call.
func Example() {
	src := "# Hello\n\nA *first* page, set in A5.\n"
	var out bytes.Buffer
	err := galley.Convert(context.Background(), strings.NewReader(src), &out,
		galley.From("markdown"), galley.To("pdf"),
		galley.WithMeta("lang", "en"),
		galley.WithConfig(pdf.Config{Paper: "a5"}))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out.Bytes()[:8]), bytes.Contains(out.Bytes(), []byte("/MediaBox [0 0 419.53 595.28]")))
	// Output: %PDF-1.7 true
}

// A web page to EPUB: its article, without the page's chrome.
func Example_webPageToEPUB() {
	page := `<!DOCTYPE html><html lang="en"><head><title>Floods | The Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Floods in the north</h1><p>The river rose two metres overnight, and the towns along it were evacuated before dawn.</p>
<p>Water boards expect the level to fall by Thursday.</p></article>
<footer>© The Daily</footer></body></html>`
	var out bytes.Buffer
	err := galley.Convert(context.Background(), strings.NewReader(page), &out, galley.From("html"), galley.To("epub"))
	if err != nil {
		log.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		log.Fatal(err)
	}
	var text bytes.Buffer
	for _, f := range z.File {
		if strings.HasSuffix(f.Name, ".xhtml") {
			r, _ := f.Open()
			text.ReadFrom(r)
		}
	}
	fmt.Println(z.File[0].Name, strings.Contains(text.String(), "rose two metres"), strings.Contains(text.String(), "Home"))
	// Output: mimetype true false
}

// Read, look at the document, render it.
func ExampleRead() {
	d, err := galley.Read(context.Background(), strings.NewReader("# Budget 2023\n\n## Income\n\nTaxes.[^1]\n\n[^1]: Mostly.\n"), galley.From("markdown"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Meta.Title, d.Sections[0].Sections[0].ID)
	var out bytes.Buffer
	if err := galley.Render(context.Background(), &out, d, galley.To("text")); err != nil {
		log.Fatal(err)
	}
	fmt.Print(out.String())
	// Output:
	// Budget 2023 income
	// Budget 2023
	// ===========
	//
	// Income
	// ------
	//
	// Taxes.[1]
	//
	// Notes
	// -----
	//
	// [1] Mostly.
}
