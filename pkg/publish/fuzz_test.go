package publish

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/html"
	"github.com/galleypress/galley/pkg/transform"
)

// The fuzz targets read arbitrary text (as Markdown, or as plain text
// when it starts with a tab) and render it in one format each, so that
// each target runs fast enough to explore (a render per execution).
// Each asserts more than "no panic": the output is valid for its format,
// and rendering leaves the document unchanged.

// fuzzDoc reads src as a pipeline would, or reports false.
func fuzzDoc(t *testing.T, src string) (*doc.Document, bool) {
	if len(src) > 4<<10 || !utf8.ValidString(src) {
		return nil, false
	}
	format := "markdown"
	if strings.HasPrefix(src, "\t") {
		format = "text"
	}
	r, err := reader(format, &Job{}, &projectFS{env: &Env{}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.Read(context.Background(), strings.NewReader(src), &read.Options{Name: "fuzz"})
	if err != nil {
		return nil, false
	}
	if err := transform.Limit(d, transform.Limits{}, nil); err != nil {
		return nil, false
	}
	transform.DropUnsafeLinks(d, nil)
	transform.Standard(d, "fuzz")
	return d, true
}

func seedPipeline(f *testing.F) {
	fixture.Seed(f, 2048, "fixtures/*.md")
	for _, s := range []string{
		"# Title\n\nText with a note.[^1]\n\n[^1]: Note.\n",
		"\t2.1 Kop\n\nOekraïneOekraïne strijdt voor vrijheid en onze waarden, met wapens en hulp.1\n",
		"\tTITLE\n=====\n\n  a) one\n  b) two\n\n    code\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n- [link](#x)\n\n![img](https://x/y.png)\n",
		"\x00\x01\x1b[31m\ufffe\U0001F600 <script>alert(1)</script> &nbsp; \u00a0\u202f [x](javascript:alert(1))",
		"---\ntitle: [unclosed\n---\n", "---\ntitle: Only\n---\n",
		"###### deep\n# top\n### jump\n",
	} {
		f.Add(s)
	}
}

// renderChecked renders d in format with every option a user could
// give, checks that d is unchanged, and returns the output.
func renderChecked(t *testing.T, d *doc.Document, r render.Renderer) []byte {
	var before, after bytes.Buffer
	doc.Encode(&before, d)
	var out bytes.Buffer
	if err := r.Render(context.Background(), &out, d, &render.Options{TOC: true}); err != nil {
		t.Fatalf("render: %v", err)
	}
	doc.Encode(&after, d)
	if before.String() != after.String() {
		t.Fatal("rendering changed the document")
	}
	return out.Bytes()
}

func FuzzHTML(f *testing.F) {
	seedPipeline(f)
	page, xhtml := html.New(html.Config{}), html.New(html.Config{XHTML: true})
	f.Fuzz(func(t *testing.T, src string) {
		d, ok := fuzzDoc(t, src)
		if !ok {
			return
		}
		out := renderChecked(t, d, page)
		if !utf8.Valid(out) || !bytes.HasPrefix(out, []byte("<!DOCTYPE html>")) {
			t.Fatal("not an HTML page")
		}
		if err := validate.XML(renderChecked(t, d, xhtml)); err != nil {
			t.Fatalf("XHTML is not well-formed: %v", err)
		}
	})
}

func FuzzText(f *testing.F) {
	seedPipeline(f)
	r, _ := renderer("text", &Job{}, &projectFS{env: &Env{}})
	f.Fuzz(func(t *testing.T, src string) {
		d, ok := fuzzDoc(t, src)
		if !ok {
			return
		}
		if out := renderChecked(t, d, r); !utf8.Valid(out) {
			t.Fatal("text output is not UTF-8")
		}
	})
}

func FuzzJSON(f *testing.F) {
	seedPipeline(f)
	r, _ := renderer("json", &Job{}, &projectFS{env: &Env{}})
	f.Fuzz(func(t *testing.T, src string) {
		d, ok := fuzzDoc(t, src)
		if !ok {
			return
		}
		out := renderChecked(t, d, r)
		back, err := doc.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("JSON output does not decode: %v", err)
		}
		var again bytes.Buffer
		doc.Encode(&again, back)
		if !bytes.Equal(again.Bytes(), out) {
			t.Fatal("JSON output does not round-trip")
		}
	})
}

func FuzzEPUB(f *testing.F) {
	seedPipeline(f)
	r, _ := renderer("epub", &Job{}, &projectFS{env: &Env{}})
	f.Fuzz(func(t *testing.T, src string) {
		d, ok := fuzzDoc(t, src)
		if !ok {
			return
		}
		if err := validate.EPUB(renderChecked(t, d, r)); err != nil {
			t.Fatalf("EPUB: %v", err)
		}
	})
}

func FuzzPDF(f *testing.F) {
	seedPipeline(f)
	r, _ := renderer("pdf", &Job{}, &projectFS{env: &Env{}})
	f.Fuzz(func(t *testing.T, src string) {
		d, ok := fuzzDoc(t, src)
		if !ok {
			return
		}
		if err := validate.PDF(renderChecked(t, d, r)); err != nil {
			t.Fatalf("PDF: %v", err)
		}
	})
}
