package epub_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render/epub"
	"github.com/galleypress/galley/pkg/transform"
)

func Example() {
	d := &doc.Document{Meta: doc.Meta{Title: "Notes", Lang: "en"}, Sections: []*doc.Section{
		{Level: 1, Title: []doc.Inline{&doc.Text{Text: "One"}}},
		{Level: 1, Title: []doc.Inline{&doc.Text{Text: "Two"}}},
	}}
	transform.Standard(d, "notes")
	var buf bytes.Buffer
	if err := epub.New(epub.Config{}).Render(context.Background(), &buf, d, nil); err != nil {
		fmt.Println(err)
		return
	}
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	// Output:
	// mimetype
	// META-INF/container.xml
	// EPUB/package.opf
	// EPUB/titlepage.xhtml
	// EPUB/nav.xhtml
	// EPUB/ch001.xhtml
	// EPUB/ch002.xhtml
	// EPUB/style.css
	// EPUB/toc.ncx
}
