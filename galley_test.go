package galley_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/galleypress/galley"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render/pdf"
)

// TestWrongOptions: an option no format has, a value it cannot use, a
// configuration of no format: each an error, and nothing written.
func TestWrongOptions(t *testing.T) {
	for _, tc := range []struct {
		opts []galley.Option
		want string
	}{
		{[]galley.Option{galley.Set("pdf", "font-sise", "11")}, `unknown option "font-sise"`},
		{[]galley.Option{galley.Set("pdf", "font-size", "eleven")}, `"eleven" is not a number`},
		{[]galley.Option{galley.Set("pdf", "paper", "a3")}, `"a3" is not one of a4, a5, letter`},
		{[]galley.Option{galley.Set("rtf", "x", "1")}, "rtf: no format of that name has options"},
		{[]galley.Option{galley.Set("docx", "track-changes", "keep")}, `"keep" is not one of accept, reject`},
		{[]galley.Option{galley.WithConfig(pdf.Config{FontSize: 200})}, "font size 200 pt is out of range"},
		{[]galley.Option{galley.WithConfig(struct{ X int }{})}, "configures no registered format"},
		{[]galley.Option{galley.WithMeta("lang", "not a tag")}, "not a language tag"},
		{[]galley.Option{galley.To("docx")}, `unknown format "docx"`},
	} {
		var out bytes.Buffer
		opts := append([]galley.Option{galley.From("markdown"), galley.To("pdf")}, tc.opts...)
		err := galley.Convert(context.Background(), strings.NewReader("# A\n\nText.\n"), &out, opts...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v, want %q", err, tc.want)
		}
		if out.Len() > 0 {
			t.Errorf("%q: %d bytes written", tc.want, out.Len())
		}
	}
}

// TestWithFS: the files a document refers to come from the file system
// given, and from nowhere else.
func TestWithFS(t *testing.T) {
	src := "---\nlang: en\n---\n# A\n\n![A dot](img/dot.svg)\n"
	fsys := fstest.MapFS{"doc/img/dot.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>`)}}
	var warnings []string
	warn := galley.WithWarnings(func(err error) { warnings = append(warnings, err.Error()) })
	var out bytes.Buffer
	if err := galley.Convert(context.Background(), strings.NewReader(src), &out, galley.From("markdown"), galley.To("epub"), galley.WithFS(fsys), galley.WithDir("doc"), warn); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), []byte("dot.svg")) || len(warnings) > 0 {
		t.Errorf("the image from the file system: warnings %q", warnings)
	}
	out.Reset()
	warnings = nil
	if err := galley.Convert(context.Background(), strings.NewReader(src), &out, galley.From("markdown"), galley.To("epub"), warn); err != nil {
		t.Fatal(err)
	}
	if len(warnings) == 0 {
		t.Error("an image with no file system to read it from: no warning")
	}
}

// TestTitleFromBadges: a README whose heading carries badges (nvm's)
// has the heading's words for its title and running header, not the
// badges' alternative text, and its HTML shows the title once.
func TestTitleFromBadges(t *testing.T) {
	src := "<p align=\"center\"><img src=\"logo.svg\" alt=\"nvm logo\"></p>\n\n" +
		"# Node Version Manager [![Tests](https://example.com/t.svg)](https://example.com/t) [![nvm version](https://example.com/v.svg)](https://example.com/v)\n\nText.\n\n## Install\n\nMore text.\n"
	d, err := galley.Read(context.Background(), strings.NewReader(src), galley.From("markdown"), galley.WithMeta("lang", "en"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "Node Version Manager" {
		t.Errorf("title %q", d.Meta.Title)
	}
	var html bytes.Buffer
	if err := galley.Render(context.Background(), &html, d, galley.To("html")); err != nil {
		t.Fatal(err)
	}
	body := html.String()[strings.Index(html.String(), "<body"):]
	if n := strings.Count(body, ">Node Version Manager"); n != 1 || strings.Contains(body, `<header`) {
		t.Errorf("the title is shown %d times, header %v", n, strings.Contains(body, `<header`))
	}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Furniture && it.Kind == layout.Glyphs && strings.ContainsAny(it.Text, "abcdefghijklmnopqrstuvwxyz") &&
				it.Text != "Node Version Manager" && it.Text != "Install" {
				t.Errorf("running header %q", it.Text)
			}
		}
	}
}

// TestWordDocument reads a Word document through the front door and
// writes it as one HTML page that holds its picture, as a Go program
// would.
func TestWordDocument(t *testing.T) {
	in, err := os.Open("fixtures/jaarverslag.docx")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	d, err := galley.Read(context.Background(), in, galley.From("docx"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := galley.Render(context.Background(), &out, d, galley.To("html")); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{`<html lang="nl-NL"`, `<span lang="en-GB">rules-based international order</span>`, `<img src="data:image/png;base64,`, `alt="Kaart van de ambassades"`, `<th colspan="2"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
