package html_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/html"
)

func renderString(t *testing.T, cfg html.Config, d *doc.Document, opts *render.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := html.New(cfg).Render(context.Background(), &buf, d, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestNuChecker renders every fixture as an HTML page and as XHTML and
// has the W3C Nu HTML checker validate them: no errors allowed.
func TestNuChecker(t *testing.T) {
	jar := validate.VNU(t)
	dir := t.TempDir()
	var files []string
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		base := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name)))
		page := renderString(t, html.Config{}, d, &render.Options{TOC: true})
		xhtml := renderString(t, html.Config{XHTML: true}, d, &render.Options{TOC: true})
		if err := os.WriteFile(base+".html", []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+".xhtml", []byte(xhtml), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, base+".html", base+".xhtml")
	}
	out, ok := validate.JavaJar(jar, append([]string{"--errors-only"}, files...)...)
	if !ok || strings.TrimSpace(out) != "" {
		t.Errorf("Nu HTML checker reports errors:\n%s", out)
	}
}

// TestXHTMLWellFormed checks that XHTML output parses as XML, even when
// the document holds characters XML forbids.
func TestXHTMLWellFormed(t *testing.T) {
	nasty := &doc.Document{
		Meta: doc.Meta{Title: "Bell\a & <tags> \"quotes\"", Lang: "en"},
		Sections: []*doc.Section{{Level: 1, ID: "a", Title: []doc.Inline{&doc.Text{Text: "Nul\x00 and\x1b escape"}},
			Blocks: []doc.Block{
				&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "non\u00a0breaking & form\x0cfeed \ufffe"}}},
				&doc.CodeBlock{Text: "a < b && c\x01"},
			}}},
	}
	docs := []*doc.Document{nasty}
	for _, name := range fixture.Names(t) {
		docs = append(docs, fixture.Read(t, name))
	}
	for _, d := range docs {
		out := renderString(t, html.Config{XHTML: true}, d, &render.Options{TOC: true})
		if strings.Contains(out, "&nbsp;") {
			t.Errorf("%s: XHTML uses the undeclared entity &nbsp;", d.Meta.Title)
		}
		dec := xml.NewDecoder(strings.NewReader(out))
		dec.Strict = true
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: XHTML is not well-formed: %v", d.Meta.Title, err)
			}
		}
	}
}

// TestSeedPage checks what a reader of the seed's page sees: the language,
// the 24 headings and the two raised note markers.
func TestSeedPage(t *testing.T) {
	d := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	out := renderString(t, html.Config{}, d, nil)
	if !strings.Contains(out, `<html lang="nl">`) {
		t.Error(`page lacks <html lang="nl">`)
	}
	if n := strings.Count(out, "<section id="); n != 24 {
		t.Errorf("page has %d sections, want 24", n)
	}
	for _, want := range []string{"landen<sup>1</sup>.", "aldaar<sup>2</sup>.", `<section id="oekraïne">`,
		`<h1><span class="number">2.1</span> Beleidsprioriteiten</h1>`, `<h2>Geopolitiek: terug van nooit weggeweest</h2>`, `<h3>Oekraïne</h3>`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestNotes checks footnotes and their links both ways.
func TestNotes(t *testing.T) {
	d := fixture.Read(t, "handbook.md")
	out := renderString(t, html.Config{}, d, nil)
	for i := 1; i <= 3; i++ {
		n := string(rune('0' + i))
		for _, want := range []string{`href="#fn-` + n + `"`, `id="fnref-` + n + `"`, `<li id="fn-` + n + `"`, `href="#fnref-` + n + `"`} {
			if !strings.Contains(out, want) {
				t.Errorf("note %d: page lacks %s", i, want)
			}
		}
	}
	epub := renderString(t, html.Config{EPUB: true}, d, nil)
	for _, want := range []string{`epub:type="noteref"`, `<aside id="fn-1" class="footnote" epub:type="footnote"`} {
		if !strings.Contains(epub, want) {
			t.Errorf("EPUB mode lacks %s", want)
		}
	}
}

// TestFragment checks that a fragment has no page around it.
func TestFragment(t *testing.T) {
	d := fixture.Read(t, "handbook.md")
	out := renderString(t, html.Config{Fragment: true}, d, nil)
	for _, bad := range []string{"<!DOCTYPE", "<html", "<head>", "<body", "<style"} {
		if strings.Contains(out, bad) {
			t.Errorf("fragment contains %s", bad)
		}
	}
	if !strings.HasPrefix(out, "<header>") {
		t.Errorf("fragment starts with %.40q", out)
	}
}

// TestTitle checks the title falls back to the first heading.
func TestTitle(t *testing.T) {
	d := &doc.Document{Sections: []*doc.Section{{Level: 1, ID: "x", Title: []doc.Inline{&doc.Text{Text: "First heading"}}}}}
	out := renderString(t, html.Config{}, d, nil)
	if !strings.Contains(out, "<title>First heading</title>") {
		t.Errorf("title is not the first heading:\n%s", out)
	}
}

// TestDoesNotModify renders a document and checks it is unchanged.
func TestDoesNotModify(t *testing.T) {
	d := fixture.Read(t, "handbook.md")
	var before, after bytes.Buffer
	doc.Encode(&before, d)
	renderString(t, html.Config{}, d, &render.Options{TOC: true})
	renderString(t, html.Config{EPUB: true}, d, nil)
	doc.Encode(&after, d)
	if before.String() != after.String() {
		t.Error("rendering modified the document")
	}
}

// TestAxe runs axe-core in headless Chromium on every fixture's HTML
// page (the golden files): no critical or serious violation.
func TestAxe(t *testing.T) {
	pages, _ := filepath.Glob("../../../golden/*.html")
	if len(pages) == 0 {
		t.Fatal("no golden HTML")
	}
	for i, p := range pages {
		pages[i], _ = filepath.Abs(p)
	}
	found, err := validate.AxeFindings(t, pages...)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != len(pages) {
		t.Fatalf("axe checked %d of %d pages", len(found), len(pages))
	}
	for page, vs := range found {
		for _, v := range vs {
			if strings.HasPrefix(v, "critical ") || strings.HasPrefix(v, "serious ") {
				t.Errorf("%s: %s", filepath.Base(page), v)
			}
		}
	}
}
