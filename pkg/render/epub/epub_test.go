package epub_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"image"
	pngenc "image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/epub"
	"github.com/galleypress/galley/pkg/transform"
)

func build(t *testing.T, d *doc.Document, opts *render.Options) []byte {
	t.Helper()
	if opts == nil {
		opts = &render.Options{}
	}
	if opts.Files == nil {
		opts.Files = os.DirFS(fixture.Dir())
	}
	var buf bytes.Buffer
	if err := epub.New(epub.Config{}).Render(context.Background(), &buf, d, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func entry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no %s in the EPUB", name)
	return ""
}

// nasty is a document with what trips EPUB writers: characters XML
// forbids, links to files outside the book and to missing sections,
// remote images, an empty section and a level jump.
func nasty() *doc.Document {
	txt := func(s string) []doc.Inline { return []doc.Inline{&doc.Text{Text: s}} }
	d := &doc.Document{
		Meta: doc.Meta{Title: "Bell\a & <Co>", Lang: "en"},
		Sections: []*doc.Section{
			{Level: 1, Title: txt("Control\x01 chars\x1f"), Blocks: []doc.Block{
				&doc.Paragraph{Inlines: []doc.Inline{
					&doc.Text{Text: "nbsp\u00a0here, nul\x00 there "},
					&doc.Link{URL: "../outside.md", Inlines: txt("outside")},
					&doc.Link{URL: "#missing", Inlines: txt("missing")},
					&doc.Link{URL: "https://example.com/a b", Inlines: txt("spaced url")},
					&doc.Image{Src: "https://example.com/badge.svg", Alt: "badge"},
					&doc.Note{Blocks: []doc.Block{&doc.CodeBlock{Text: "code in a note"}}},
				}},
			}},
			{Level: 1, Title: txt(""), Sections: []*doc.Section{{Level: 4, Title: txt("Deep")}}},
		},
	}
	transform.Standard(d, "nasty")
	return d
}

// TestEPUBCheck validates every fixture's EPUB (with a table of
// contents) and the nasty document's (without) with EPUBCheck: no errors
// and no warnings. The checks run in parallel, as each starts a JVM.
func TestEPUBCheck(t *testing.T) {
	jar := validate.EPUBCheck(t)
	dir := t.TempDir()
	type book struct {
		name string
		data []byte
	}
	books := []book{{"nasty.epub", build(t, nasty(), nil)}}
	for _, name := range fixture.Names(t) {
		books = append(books, book{strings.TrimSuffix(name, filepath.Ext(name)) + ".epub", build(t, fixture.Read(t, name), &render.Options{TOC: true})})
	}
	for _, b := range books {
		path := filepath.Join(dir, b.name)
		if err := os.WriteFile(path, b.data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			out, ok := validate.JavaJar(jar, path)
			if !ok || !strings.Contains(out, "No errors or warnings detected") {
				t.Errorf("EPUBCheck:\n%s", out)
			}
		})
	}
}

// TestReproducible checks two renders are byte-identical, and that the
// date comes from the options, then the document, never the clock.
func TestReproducible(t *testing.T) {
	d := fixture.Read(t, "handbook.md")
	a, b := build(t, d, nil), build(t, d, nil)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders differ")
	}
	if !strings.Contains(entry(t, a, "EPUB/package.opf"), `<meta property="dcterms:modified">2024-03-15T00:00:00Z</meta>`) {
		t.Error("dcterms:modified does not come from the document's date")
	}
	c := build(t, d, &render.Options{Modified: time.Unix(1700000000, 0)})
	if !strings.Contains(entry(t, c, "EPUB/package.opf"), `2023-11-14T22:13:20Z`) {
		t.Error("dcterms:modified does not come from Options.Modified")
	}
	zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if zr.File[0].Name != "mimetype" || zr.File[0].Method != zip.Store || len(zr.File[0].Extra) != 0 {
		t.Error("mimetype is not the first entry, stored, without extra field")
	}
}

// navItem is a nested entry of the navigation document.
type navItem struct {
	Label string    `xml:"a"`
	Href  string    `xml:"-"`
	Kids  []navItem `xml:"ol>li"`
}

// TestSeedNav checks the nav lists all 24 headings of the seed, nested
// as in the model, with links that resolve.
func TestSeedNav(t *testing.T) {
	d := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	data := build(t, d, nil)
	var nav struct {
		Navs []struct {
			Type  string    `xml:"http://www.idpf.org/2007/ops type,attr"`
			Items []navItem `xml:"ol>li"`
		} `xml:"body>nav"`
	}
	if err := xml.Unmarshal([]byte(entry(t, data, "EPUB/nav.xhtml")), &nav); err != nil {
		t.Fatal(err)
	}
	var flatNav func([]navItem, string) []string
	flatNav = func(items []navItem, indent string) []string {
		var out []string
		for _, it := range items {
			out = append(out, indent+it.Label)
			out = append(out, flatNav(it.Kids, indent+"  ")...)
		}
		return out
	}
	var flatModel func([]*doc.Section, string) []string
	flatModel = func(ss []*doc.Section, indent string) []string {
		var out []string
		for _, s := range ss {
			out = append(out, indent+s.HeadingText())
			out = append(out, flatModel(s.Sections, indent+"  ")...)
		}
		return out
	}
	got := flatNav(nav.Navs[0].Items, "")
	want := flatModel(d.Sections, "")
	if len(got) != 24 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("nav:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if nav.Navs[0].Type != "toc" || nav.Navs[1].Type != "landmarks" {
		t.Errorf("navs: %+v", nav.Navs)
	}
	if !strings.Contains(entry(t, data, "EPUB/nav.xhtml"), "<h1>Inhoud</h1>") {
		t.Error("the nav heading is not in Dutch")
	}
}

// TestNotes checks notes are EPUB 3 footnotes.
func TestNotes(t *testing.T) {
	data := build(t, fixture.Read(t, "handbook.md"), nil)
	ch := entry(t, data, "EPUB/ch002.xhtml")
	for _, want := range []string{
		`<a href="#fn-2" id="fnref-2" class="noteref" epub:type="noteref" role="doc-noteref">2</a>`,
		`<aside id="fn-2" class="footnote" epub:type="footnote" role="doc-footnote">`,
		`<a href="#fnref-2" class="footnote-num">2.</a>`,
		`lang="en" xml:lang="en"`,
	} {
		if !strings.Contains(ch, want) {
			t.Errorf("chapter lacks %s", want)
		}
	}
}

// TestLinksAndImages checks links between chapters resolve, links to
// files outside the book become text, remote images become links, and
// local images and the cover are packed.
func TestLinksAndImages(t *testing.T) {
	hb := build(t, fixture.Read(t, "handbook.md"), nil)
	if !strings.Contains(entry(t, hb, "EPUB/ch003.xhtml"), `<a href="ch002.xhtml#introduction">de inleiding</a>`) {
		t.Error("link across chapters does not resolve")
	}
	opf := entry(t, hb, "EPUB/package.opf")
	for _, want := range []string{
		`<item id="img001" href="images/galley.png" media-type="image/png" properties="cover-image"/>`,
		`<meta name="cover" content="img001"/>`,
		`<meta property="schema:accessibilityFeature">alternativeText</meta>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("OPF lacks %s", want)
		}
	}
	if !strings.Contains(entry(t, hb, "EPUB/nav.xhtml"), `<a epub:type="cover" href="cover.xhtml">`) {
		t.Error("no cover landmark")
	}
	var warnings []string
	rm := build(t, fixture.Read(t, "readme.md"), &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	ch := entry(t, rm, "EPUB/ch001.xhtml")
	for _, want := range []string{
		"the contributing guide, the API docs and the licence",
		`<a href="https://example.com/diagram.png">Architecture diagram</a>`,
		`<a href="ch001.xhtml#installation">Installation</a>`,
	} {
		if !strings.Contains(ch, want) {
			t.Errorf("readme chapter lacks %s", want)
		}
	}
	if strings.Contains(ch, "<img") {
		t.Error("a remote image was embedded")
	}
	if !strings.Contains(strings.Join(warnings, "\n"), `epub: link to "CONTRIBUTING.md": the file is not part of the book; kept as text`) {
		t.Errorf("warnings: %v", warnings)
	}
}

// TestMissingImage checks a missing, escaping, damaged or hostile image
// is a warning naming its path, with the alternative text in its place,
// and an error with Strict.
func TestMissingImage(t *testing.T) {
	var png bytes.Buffer
	pngenc.Encode(&png, image.NewRGBA(image.Rect(0, 0, 4, 4)))
	res := fstest.MapFS{
		"img/broken.png": {Data: png.Bytes()[:png.Len()-10]},
		"img/logo.svg":   {Data: []byte(`<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="1" height="1"/></svg>`)},
	}
	for src, want := range map[string]string{
		"img/missing.png":      `epub: image "img/missing.png": does not exist; its alternative text stands in`,
		"../../etc/passwd.png": "lies outside the project folder",
		"img/broken.png":       "damaged png image",
	} {
		d := &doc.Document{Meta: doc.Meta{Title: "x"}, Blocks: []doc.Block{&doc.Figure{Src: src, Alt: "Alt text " + src}}}
		var warnings []string
		var out bytes.Buffer
		err := epub.New(epub.Config{}).Render(context.Background(), &out, d, &render.Options{Files: res, Warn: func(err error) { warnings = append(warnings, err.Error()) }})
		if err != nil || len(warnings) != 1 || !strings.Contains(warnings[0], want) {
			t.Errorf("%s: error %v, warnings %q", src, err, warnings)
		}
		if ch := entry(t, out.Bytes(), "EPUB/ch001.xhtml"); !strings.Contains(ch, "Alt text "+src) || strings.Contains(ch, "<img") {
			t.Errorf("%s: the alternative text does not stand in:\n%s", src, ch)
		}
		err = epub.New(epub.Config{}).Render(context.Background(), io.Discard, d, &render.Options{Files: res, Strict: true})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s, strict: error %v", src, err)
		}
	}
	// An SVG goes in without its script, DOCTYPE and event handlers.
	d := &doc.Document{Meta: doc.Meta{Title: "x"}, Blocks: []doc.Block{&doc.Figure{Src: "img/logo.svg", Alt: "Logo"}}}
	var warnings []string
	var out bytes.Buffer
	if err := epub.New(epub.Config{}).Render(context.Background(), &out, d, &render.Options{Files: res, Warn: func(err error) { warnings = append(warnings, err.Error()) }}); err != nil {
		t.Fatal(err)
	}
	svg := entry(t, out.Bytes(), "EPUB/images/logo.svg")
	for _, bad := range []string{"alert", "script", "DOCTYPE", "onload"} {
		if strings.Contains(svg, bad) {
			t.Errorf("the packed SVG holds %q: %s", bad, svg)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "removed") {
		t.Errorf("warnings: %q", warnings)
	}
}

// TestIdentifier checks the derived identifier is a stable UUID that
// changes with the content.
func TestIdentifier(t *testing.T) {
	a := fixture.Read(t, "charter.txt")
	id := epub.Identifier(a)
	if !strings.HasPrefix(id, "urn:uuid:") || len(id) != 45 || id[23] != '5' {
		t.Errorf("identifier %q is not a version 5 UUID", id)
	}
	if epub.Identifier(fixture.Read(t, "charter.txt")) != id {
		t.Error("identifier changes between reads")
	}
	a.Sections[0].Blocks = nil
	if epub.Identifier(a) == id {
		t.Error("identifier ignores the content")
	}
}

// TestAce runs Ace by DAISY, the accessibility checker publishers use, on
// every fixture's EPUB (the golden files): no critical or serious
// finding, and no metadata outside the schema.org vocabulary.
func TestAce(t *testing.T) {
	validate.Ace(t)
	books, _ := filepath.Glob("../../../golden/*.epub")
	if len(books) == 0 {
		t.Fatal("no golden EPUBs")
	}
	for _, book := range books {
		t.Run(filepath.Base(book), func(t *testing.T) {
			t.Parallel()
			findings, err := validate.AceFindings(t, book)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				if strings.HasPrefix(f, "critical ") || strings.HasPrefix(f, "serious ") || strings.Contains(f, "-invalid") {
					t.Errorf("Ace: %s", f)
				}
			}
		})
	}
}

// TestAccessibilityMetadata: every fixture's book states its conformance
// to EPUB Accessibility 1.1 (each has a language and text for every
// image), declares MathML when it holds formulas, and summarises its
// accessibility in its own language; a book whose language is unknown
// says "und" and states no conformance.
func TestAccessibilityMetadata(t *testing.T) {
	const claim = `<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>`
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		opf := golden.EPUBFiles(t, build(t, d, nil))["EPUB/package.opf"]
		if !strings.Contains(opf, claim) {
			t.Errorf("%s: no conformance statement", name)
		}
		hasMath := false
		doc.Walk(d, func(n doc.Node) doc.Visit {
			_, ok := n.(*doc.Math)
			hasMath = hasMath || ok
			return doc.Continue
		})
		if got := strings.Contains(opf, `<meta property="schema:accessibilityFeature">MathML</meta>`); got != hasMath {
			t.Errorf("%s: MathML declared %v, formulas %v", name, got, hasMath)
		}
		summary := map[string]string{"nl": "De tekst heeft koppen", "en": "The text is structured with headings"}[d.Meta.Lang]
		if !strings.Contains(opf, `<meta property="schema:accessibilitySummary">`+summary) {
			t.Errorf("%s: the summary is not in %s", name, d.Meta.Lang)
		}
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Hi."}}}}}
	transform.Standard(d, "x")
	files := golden.EPUBFiles(t, build(t, d, nil))
	if strings.Contains(files["EPUB/package.opf"], claim) || !strings.Contains(files["EPUB/package.opf"], "<dc:language>und</dc:language>") {
		t.Errorf("a book of unknown language: %s", files["EPUB/package.opf"])
	}
	for name, f := range files {
		if strings.HasSuffix(name, ".xhtml") && !strings.Contains(f, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="und" xml:lang="und">`) {
			t.Errorf("%s of a book of unknown language has no lang und", name)
		}
	}
}
