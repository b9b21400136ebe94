package pdf_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/pdf"
	"github.com/galleypress/galley/pkg/transform"
)

// bigDocument joins copies of the fixtures into one document of 500-odd
// pages; it returns the document and the size of its text.
func bigDocument(b *testing.B, copies int) (*doc.Document, int) {
	b.Helper()
	big := &doc.Document{Meta: doc.Meta{Title: "Benchmark", Lang: "nl"}}
	size := 0
	for i := 0; i < copies; i++ {
		for _, name := range []string{"beleidsprioriteiten-2023.txt", "charter.txt", "handbook.md"} {
			var buf bytes.Buffer
			doc.Encode(&buf, fixture.Read(b, name)) // a deep copy
			d, _ := doc.Decode(&buf)
			size += len(doc.BlocksText(d.Blocks))
			for _, s := range d.AllSections() {
				size += len(doc.BlocksText(s.Blocks))
				s.ID = ""
			}
			big.Sections = append(big.Sections, d.Sections...)
		}
	}
	transform.AssignIDs(big)
	transform.NumberNotes(big)
	return big, size
}

// BenchmarkRender typesets and writes a document of 500+ pages and reports
// pages per second and megabytes of text per second.
func BenchmarkRender(b *testing.B) {
	d, size := bigDocument(b, 24)
	r := pdf.New(pdf.Config{})
	opts := &render.Options{Files: os.DirFS(fixture.Dir())}
	var pages int
	var counter bytes.Buffer
	if err := r.Dump(&counter, d, opts); err != nil {
		b.Fatal(err)
	}
	pages = bytes.Count(counter.Bytes(), []byte("\npage ")) + 1
	if pages < 500 {
		b.Fatalf("only %d pages", pages)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := r.Render(context.Background(), io.Discard, d, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkLayout measures the typesetting alone: line and page breaking.
func BenchmarkLayout(b *testing.B) {
	d, size := bigDocument(b, 24)
	r := pdf.New(pdf.Config{})
	opts := &render.Options{Files: os.DirFS(fixture.Dir())}
	var out bytes.Buffer
	if err := r.Dump(&out, d, opts); err != nil {
		b.Fatal(err)
	}
	pages := bytes.Count(out.Bytes(), []byte("\npage ")) + 1
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out.Reset()
		if err := r.Dump(&out, d, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkSeed sets the seed chapter (18 pages, the built-in fonts,
// hyphenated Dutch, notes at the foot of the pages) as a tagged PDF: the
// time a user waits for one document.
func BenchmarkSeed(b *testing.B) {
	d := fixture.Read(b, seed)
	r := pdf.New(pdf.Config{})
	opts := &render.Options{Files: os.DirFS(fixture.Dir())}
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := r.Render(context.Background(), &out, d, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/doc")
}
