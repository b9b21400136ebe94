package html_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/highlight"
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
// page (the golden files), in the light and the dark colour scheme: no
// critical or serious violation.
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
	if len(found) != 2*len(pages) {
		t.Fatalf("axe checked %d of %d pages in two schemes", len(found), 2*len(pages))
	}
	for page, vs := range found {
		for _, v := range vs {
			if strings.HasPrefix(v, "critical ") || strings.HasPrefix(v, "serious ") {
				t.Errorf("%s: %s", filepath.Base(page), v)
			}
		}
	}
}

// TestContrast checks the built-in stylesheet's colours in both schemes:
// text, muted text and links at a contrast of 4.5:1 or more (WCAG 1.4.3)
// against the page and against the background of code and admonitions.
func TestContrast(t *testing.T) {
	css := html.Stylesheet
	vars := func(block string) map[string]string {
		out := map[string]string{}
		for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})`).FindAllStringSubmatch(block, -1) {
			out[m[1]] = m[2]
		}
		return out
	}
	light := vars(css[:strings.Index(css, "@media (prefers-color-scheme: dark)")])
	dark := map[string]string{}
	for k, v := range light {
		dark[k] = v
	}
	darkBlock := css[strings.Index(css, "@media (prefers-color-scheme: dark)"):]
	for k, v := range vars(darkBlock[:strings.Index(darkBlock, "}\n}")]) {
		dark[k] = v
	}
	lum := func(hex string) float64 {
		hex = strings.TrimPrefix(hex, "#")
		if len(hex) == 3 {
			hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
		}
		var rgb [3]float64
		for i := range rgb {
			v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
			c := float64(v) / 255
			if c <= 0.04045 {
				rgb[i] = c / 12.92
			} else {
				rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	}
	ratio := func(a, b string) float64 {
		la, lb := lum(a), lum(b)
		return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
	}
	for scheme, v := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, fg := range []string{"text", "muted", "link"} {
			for _, bg := range []string{"bg", "code"} {
				if v[fg] == "" || v[bg] == "" {
					t.Fatalf("%s: no --%s or --%s", scheme, fg, bg)
				}
				if r := ratio(v[fg], v[bg]); r < 4.5 {
					t.Errorf("%s: --%s %s on --%s %s: contrast %.2f:1, below 4.5:1", scheme, fg, v[fg], bg, v[bg], r)
				}
			}
		}
		// Highlighted code's colours, on the code background.
		n := 0
		for fg := range v {
			if !strings.HasPrefix(fg, "hl-") {
				continue
			}
			n++
			if r := ratio(v[fg], v["code"]); r < 4.5 {
				t.Errorf("%s: --%s %s on --code %s: contrast %.2f:1, below 4.5:1", scheme, fg, v[fg], v["code"], r)
			}
		}
		if n < 9 {
			t.Errorf("%s: %d colours of highlighted code, want 9", scheme, n)
		}
	}
	// The PDF's code is in the light scheme's colours (on white paper:
	// at least the contrast they have on the code background).
	for k, class := range highlight.Classes {
		want := "#000000"
		if c := highlight.Paper[k]; c != 0 {
			want = fmt.Sprintf("#%06x", c)
		}
		if class != "" && light[class] != want {
			t.Errorf("the PDF's %s is %s, HTML's light scheme says %s", class, want, light[class])
		}
		if r := ratio(want, "#ffffff"); r < 4.5 {
			t.Errorf("the PDF's %s %s on white: contrast %.2f:1, below 4.5:1", class, want, r)
		}
	}
}

// TestHighlight: a Go code block's keywords, strings and comments are
// coloured by class, its text is unchanged, and --no-highlight leaves it
// plain.
func TestHighlight(t *testing.T) {
	code := "// Greet says hello.\nfunc Greet() string {\n\treturn \"<hallo>\"\n}"
	d := &doc.Document{Blocks: []doc.Block{&doc.CodeBlock{Lang: "go", Text: code}, &doc.CodeBlock{Lang: "no-such-language", Text: "if x"}}}
	page := func(opts *render.Options) string {
		var buf bytes.Buffer
		if err := html.New(html.Config{Fragment: true}).Render(context.Background(), &buf, d, opts); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	got := page(nil)
	for _, want := range []string{`<span class="hl-c">// Greet says hello.</span>`, `<span class="hl-k">func</span>`, `<span class="hl-k">return</span>`, `<span class="hl-s">&#34;&lt;hallo&gt;&#34;</span>`, "<code class=\"language-no-such-language\">if x\n</code>"} {
		if !strings.Contains(got, want) && !strings.Contains(got, strings.ReplaceAll(want, "&#34;", `"`)) {
			t.Errorf("the page lacks %s:\n%s", want, got)
		}
	}
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(got[:strings.Index(got, "</pre>")], "")
	text = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&amp;", "&").Replace(text)
	if strings.TrimSpace(text) != code {
		t.Errorf("the highlighted code reads %q, not the code", text)
	}
	if plain := page(&render.Options{NoHighlight: true}); strings.Contains(plain, "hl-") {
		t.Errorf("--no-highlight still colours: %s", plain)
	}
}
