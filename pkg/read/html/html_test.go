package html_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/html"
)

type result struct {
	d        *doc.Document
	warnings []string
	log      []string
}

func readString(t *testing.T, src string, cfg html.Config) result {
	t.Helper()
	var r result
	opts := &read.Options{
		Name: "page.html",
		Warn: func(err error) { r.warnings = append(r.warnings, err.Error()) },
		Log:  func(s string) { r.log = append(r.log, s) },
	}
	d, err := html.New(cfg).Read(context.Background(), strings.NewReader(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	r.d = d
	return r
}

func readFixture(t *testing.T, name string, cfg html.Config) result {
	t.Helper()
	data, err := os.ReadFile("../../../fixtures/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return readString(t, string(data), cfg)
}

func headings(d *doc.Document) []string {
	var out []string
	for _, s := range d.AllSections() {
		out = append(out, fmt.Sprintf("%d %s", s.Level, doc.PlainText(s.Title)))
	}
	return out
}

// notes returns the text of every note, in reading order.
func notes(d *doc.Document) []string {
	var out []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if note, ok := n.(*doc.Note); ok {
			var b strings.Builder
			for _, bl := range note.Blocks {
				if p, ok := bl.(*doc.Paragraph); ok {
					b.WriteString(doc.PlainText(p.Inlines))
				}
			}
			out = append(out, b.String())
		}
		return doc.Continue
	})
	return out
}

// words returns the document's visible text: titles, blocks and notes.
func words(d *doc.Document) string {
	var b strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Text:
			b.WriteString(n.Text + " ")
		case *doc.Code:
			b.WriteString(n.Text + " ")
		case *doc.CodeBlock:
			b.WriteString(n.Text + " ")
		}
		return doc.Continue
	})
	return b.String()
}

// TestPages reads the three saved pages in fixtures/ and checks what a
// reader of them would: the headings, the notes, the metadata, and none
// of the page's navigation, banners or footers.
func TestPages(t *testing.T) {
	for _, tc := range []struct {
		file     string
		title    string
		lang     string
		authors  []string
		date     string
		headings []string
		notes    []string
		kept     []string
		gone     []string
	}{{
		file: "rijksoverheid.html", title: "Beleidsprioriteiten 2023", lang: "nl",
		authors: []string{"Ministerie van Buitenlandse Zaken"}, date: "2022-09-20",
		headings: []string{"1 Beleidsprioriteiten 2023", "2 Europese samenwerking", "3 Rechtsstatelijkheid"},
		notes:    []string{"Zie de Kamerbrief van 8 maart.", "Zie ook de Europese Green Deal."},
		kept:     []string{"aardverschuiving", "klimaatverandering", "digitaal", "1,2 mld", "Totaal volgt", "Meer over de methode", "De cijfers komen uit de begroting."},
		gone:     []string{"cookies", "Akkoord", "Onderwerpen", "Ministeries", "Home", "Documenten", "Gerelateerd", "Privacy", "tracker", "font-family", "↩"},
	}, {
		file: "wiki-article.html", title: "River Vecht (Overijssel)", lang: "en",
		headings: []string{"1 River Vecht (Overijssel)", "2 Course", "3 Weirs", "2 History"},
		notes: []string{"Waterschap Vechtstromen, De Vecht, 2019.", "Provincie Overijssel, Stroomgebied Vecht.",
			"Waterschap Vechtstromen, De Vecht, 2019.", "Rijkswaterstaat, annual report 1914."},
		kept: []string{"167\u00a0km", "Zwarte Water", "Vechte", "fish ladder", "lively river"},
		gone: []string{"Jump to content", "Navigation menu", "Main page", "From Wikipedia", "Contents", "edit", "References", "last edited", "Privacy policy", "client-js", "^"},
	}, {
		file: "word-export.htm", title: "Memo waterbeheer", lang: "nl",
		headings: []string{"1 Memo waterbeheer", "2 Aanleiding", "2 Besluit"},
		notes:    []string{"Besluit van 14 maart 2023, kenmerk 23.0412.", "Zie de rapportage Kaderrichtlijn Water."},
		kept:     []string{"Dijkgraaf en Heemraden", "bodemdaling", "Minder uitstoot van CO", "Betere waterkwaliteit", "voort te zetten"},
		gone:     []string{"mso-", "·", "[1]", "Normal", "WordSection"},
	}} {
		t.Run(tc.file, func(t *testing.T) {
			r := readFixture(t, tc.file, html.Config{})
			d := r.d
			if d.Meta.Title != tc.title || d.Meta.Lang != tc.lang || d.Meta.Date != tc.date || !slices.Equal(d.Meta.Authors, tc.authors) {
				t.Errorf("meta: title %q lang %q date %q authors %q", d.Meta.Title, d.Meta.Lang, d.Meta.Date, d.Meta.Authors)
			}
			if got := headings(d); !slices.Equal(got, tc.headings) {
				t.Errorf("headings:\n got %q\nwant %q", got, tc.headings)
			}
			if got := notes(d); !slices.Equal(got, tc.notes) {
				t.Errorf("notes:\n got %q\nwant %q", got, tc.notes)
			}
			text := words(d)
			for _, w := range tc.kept {
				if !strings.Contains(text, w) {
					t.Errorf("lost %q", w)
				}
			}
			for _, w := range tc.gone {
				if strings.Contains(text, w) {
					t.Errorf("boilerplate %q kept", w)
				}
			}
			if len(r.log) == 0 {
				t.Error("no decisions logged")
			}
		})
	}
}

// TestSelect reads what a CSS selector picks, instead of the main content.
func TestSelect(t *testing.T) {
	r := readFixture(t, "rijksoverheid.html", html.Config{Select: "aside, footer"})
	text := words(r.d)
	if !strings.Contains(text, "Andere documenten") || !strings.Contains(text, "Toegankelijkheid") || strings.Contains(text, "aardverschuiving") {
		t.Errorf("--select aside, footer read %q", text)
	}
	if !slices.ContainsFunc(r.log, func(s string) bool { return strings.Contains(s, "aside, footer") }) {
		t.Errorf("the selector is not in the log: %q", r.log)
	}
	for _, sel := range []string{"p:nth-child(", "#nothing"} {
		_, err := html.New(html.Config{Select: sel}).Read(context.Background(), strings.NewReader("<p>x"), nil)
		if err == nil || strings.Count(err.Error(), "\n") > 0 || !strings.Contains(err.Error(), "select") {
			t.Errorf("--select %q: error %v", sel, err)
		}
	}
}

// TestContent checks how the main content is found on pages without
// <main>: a single <article>, role="main", else the densest block.
func TestContent(t *testing.T) {
	for _, tc := range []struct{ name, src, want, log string }{
		{"article", `<div class="menu"><a href="/">Home</a> <a href="/x">Over ons</a></div><article><h1>Nieuws</h1><p>Het bericht zelf.</p></article><div>Contact</div>`, "Nieuws Het bericht zelf.", "<article>"},
		{"role", `<div>Menu item</div><div role="main"><p>Tekst van de pagina.</p></div><div>Contact</div>`, "Tekst van de pagina.", `role="main"`},
		{"densest", `<div id="top"><a href="/">Home</a> | <a href="/a">A</a> | <a href="/b">B</a></div>
<div id="body"><p>Dit is de eerste alinea van het stuk, met veel woorden erin.</p><p>En een tweede alinea, ook met woorden.</p></div>
<div id="bottom"><a href="/c">Colofon</a></div>`, "Dit is de eerste alinea van het stuk, met veel woorden erin. En een tweede alinea, ook met woorden.", "most of the page's paragraph text"},
		{"chapters", `<div class="book"><div class="toc"><a href="#c1">One</a> <a href="#c2">Two</a></div>` +
			`<div class="chapter"><h1>One</h1><p>` + strings.Repeat("First chapter text. ", 20) + `</p></div>` +
			`<div class="chapter"><h1>Two</h1><p>` + strings.Repeat("Second chapter, much longer. ", 200) + `</p></div></div>`,
			"One " + strings.TrimSpace(strings.Repeat("First chapter text. ", 20)) + " Two " + strings.TrimSpace(strings.Repeat("Second chapter, much longer. ", 200)), "the article Readability finds"},
		{"title above", `<div class="chapter"><div class="titlepage"><h1>Readme</h1></div><p><tt>` + strings.Repeat("code ", 300) + `</tt></p></div>`,
			"Readme " + strings.TrimSpace(strings.Repeat("code ", 300)), "the article Readability finds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readString(t, tc.src, html.Config{})
			if got := strings.TrimSpace(words(r.d)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if !slices.ContainsFunc(r.log, func(s string) bool { return strings.Contains(s, tc.log) }) {
				t.Errorf("log %q does not say %s", r.log, tc.log)
			}
		})
	}
}

// TestTagSoup reads HTML as browsers do: unclosed paragraphs and list
// items, stray end tags, misnested formatting.
func TestTagSoup(t *testing.T) {
	r := readString(t, `<body><h2>Soup</h2><p>one<p>two <b>bold <i>both</b> italic</i><ul><li>a<li>b</ul></div></span><p>three`, html.Config{})
	var got []string
	for _, s := range r.d.AllSections() {
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *doc.Paragraph:
				got = append(got, doc.PlainText(b.Inlines))
			case *doc.List:
				got = append(got, fmt.Sprintf("list of %d", len(b.Items)))
			}
		}
	}
	want := []string{"one", "two bold both italic", "list of 2", "three"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDropped checks that active content is never passed on: scripts,
// styles, iframes, objects, forms' controls, event handlers and
// javascript: links are dropped, with one warning per kind.
func TestDropped(t *testing.T) {
	r := readString(t, `<main><p onclick="steal()">Hello <a href="javascript:alert(1)">click</a> and <a href="javascript:void(0)">here</a>.</p>
<script>alert(1)</script><script>alert(2)</script><iframe src="https://example.org"></iframe><object data="x.swf"></object>
<p style="display:none">hidden text</p><p hidden>also hidden</p><p>End.</p></main>`, html.Config{})
	text := words(r.d)
	for _, w := range []string{"alert", "hidden", "steal"} {
		if strings.Contains(text, w) {
			t.Errorf("%q kept: %q", w, text)
		}
	}
	if !strings.Contains(text, "Hello click and here .") && !strings.Contains(text, "click") {
		t.Errorf("link text lost: %q", text)
	}
	doc.Walk(r.d, func(n doc.Node) doc.Visit {
		if l, ok := n.(*doc.Link); ok {
			t.Errorf("link to %q kept", l.URL)
		}
		return doc.Continue
	})
	kinds := map[string]int{}
	for _, w := range r.warnings {
		for _, k := range []string{"<script>", "<iframe>", "<object>", "javascript:"} {
			if strings.Contains(w, k) {
				kinds[k]++
			}
		}
		if strings.Contains(w, "\n") {
			t.Errorf("warning on more than one line: %q", w)
		}
	}
	for _, k := range []string{"<script>", "<iframe>", "<object>", "javascript:"} {
		if kinds[k] != 1 {
			t.Errorf("%d warnings about %s, want 1: %q", kinds[k], k, r.warnings)
		}
	}
}

// TestMapping checks the elements the issue lists map to the model.
func TestMapping(t *testing.T) {
	r := readString(t, `<main>
<p>H<sub>2</sub>O, E = mc<sup>2</sup>, <del>old</del>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <code>go test</code>, line<br>break, <q>quoted</q>.</p>
<pre><code class="language-go">fmt.Println("hi")
</code></pre>
<dl><dt>Term</dt><dd>Its definition.</dd></dl>
<details><summary>Advanced options</summary><p>Hidden until opened.</p></details>
<blockquote><p>Cited.</p></blockquote>
<ol start="3"><li>third</li><li>fourth</li></ol>
<table><tr><th>A</th><th>B</th></tr><tr><td rowspan="2">1</td><td>2</td></tr><tr><td>3</td></tr></table>
<p><img src="../../../fixtures/images/galley.png" srcset="small.png 100w, ../../../fixtures/images/galley.png 800w, https://cdn.example.org/huge.png 2000w" alt="Logo"></p>
</main>`, html.Config{})
	var kinds []string
	var figure *doc.Figure
	var code *doc.CodeBlock
	var table *doc.Table
	var list *doc.List
	for _, b := range r.d.Blocks {
		kinds = append(kinds, fmt.Sprintf("%T", b))
		switch b := b.(type) {
		case *doc.Figure:
			figure = b
		case *doc.CodeBlock:
			code = b
		case *doc.Table:
			table = b
		case *doc.List:
			if b.Ordered {
				list = b
			}
		}
	}
	p := r.d.Blocks[0].(*doc.Paragraph)
	var inl []string
	doc.WalkInlines(p.Inlines, func(n doc.Node) doc.Visit {
		switch n.(type) {
		case *doc.Sub, *doc.Sup, *doc.Strike, *doc.Code, *doc.LineBreak:
			inl = append(inl, fmt.Sprintf("%T", n))
		}
		return doc.Continue
	})
	want := []string{"*doc.Sub", "*doc.Sup", "*doc.Strike", "*doc.Code", "*doc.Code", "*doc.Code", "*doc.LineBreak"}
	if !slices.Equal(inl, want) {
		t.Errorf("inlines %q, want %q", inl, want)
	}
	if code == nil || code.Lang != "go" || code.Text != "fmt.Println(\"hi\")" {
		t.Errorf("code block %+v", code)
	}
	text := words(r.d)
	for _, w := range []string{"Term", "Its definition.", "Advanced options", "Hidden until opened.", "Cited."} {
		if !strings.Contains(text, w) {
			t.Errorf("lost %q in %q", w, text)
		}
	}
	if list == nil || list.Start != 3 || len(list.Items) != 2 {
		t.Errorf("ordered list %+v", list)
	}
	if table == nil || len(table.Rows) != 2 || len(table.Header) != 2 {
		t.Fatalf("table %+v (blocks %q)", table, kinds)
	}
	if c := table.Rows[0][0]; c.RowSpan != 2 || doc.PlainText(c.Inlines) != "1" || len(table.Rows[1]) != 1 {
		t.Errorf("the rowspan is not kept: %+v", table.Rows)
	}
	if figure == nil || figure.Src != "../../../fixtures/images/galley.png" || figure.Alt != "Logo" {
		t.Errorf("figure %+v", figure)
	}
}

// TestCaptionBeforeTable: a caption written as an element of its own
// before its table (<p><span class="caption">…</span></p>) is the
// table's caption, kept with it.
func TestCaptionBeforeTable(t *testing.T) {
	r := readString(t, `<html lang="en"><body><main><h1>T</h1><p>Text.</p><p><span class="caption">Table 1. Nitrate by station</span></p>
<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></main></body></html>`, html.Config{})
	var caption string
	tables := 0
	doc.Walk(r.d, func(n doc.Node) doc.Visit {
		if tb, ok := n.(*doc.Table); ok {
			tables++
			caption = doc.PlainText(tb.Caption)
		}
		return doc.Continue
	})
	if tables != 1 || caption != "Table 1. Nitrate by station" || strings.Contains(words(r.d), "Table 1. Nitrate by station Text") {
		t.Errorf("%d tables, caption %q; text %q", tables, caption, words(r.d))
	}
}

// TestImageSource: a local src is the image (a saved page's srcset
// names larger files the browser did not save); a srcset serves when
// src is remote or missing.
func TestImageSource(t *testing.T) {
	for src, want := range map[string]string{
		`<img src="img/a.png" srcset="img/a-2x.png 2x" alt="A">`:                                   "img/a.png",
		`<img src="https://cdn.example.org/a.png" srcset="img/a.png 1x, img/a-2x.png 2x" alt="A">`: "img/a-2x.png",
		`<img srcset="img/a.png 400w, img/a-800.png 800w" alt="A">`:                                "img/a-800.png",
	} {
		r := readString(t, `<html lang="en"><body><main><h1>T</h1><p>Text.</p><p>`+src+`</p></main></body></html>`, html.Config{})
		var got []string
		doc.Walk(r.d, func(n doc.Node) doc.Visit {
			switch n := n.(type) {
			case *doc.Figure:
				got = append(got, n.Src)
			case *doc.Image:
				got = append(got, n.Src)
			}
			return doc.Continue
		})
		if strings.Join(got, " ") != want {
			t.Errorf("%s: %q, want %s", src, got, want)
		}
	}
}

// TestCellBlocks: a cell that holds a list, or a heading and a
// paragraph, keeps them as blocks (the heading as bold text, no section
// of the page); a cell of one paragraph is a line of inlines.
func TestCellBlocks(t *testing.T) {
	r := readString(t, `<html lang="en"><body><main><h1>T</h1><p>Text of the page.</p>
<table><tr><th>Station</th><th>Notes</th></tr>
<tr><td><p>Lobith</p></td><td><ul><li>high water</li><li>dikes</li></ul></td></tr>
<tr><td>Tiel</td><td><h3>Works</h3><p>Done in 2024.</p></td></tr></table></main></body></html>`, html.Config{})
	var cells []string
	sections := 0
	doc.Walk(r.d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Section:
			sections++
		case *doc.Table:
			for _, row := range n.Rows {
				for _, c := range row {
					var kinds []string
					for _, b := range c.Blocks {
						kinds = append(kinds, fmt.Sprintf("%T", b))
					}
					cells = append(cells, fmt.Sprintf("%q %v", doc.PlainText(c.Inlines), kinds))
				}
			}
			if l, ok := n.Rows[0][1].Blocks[0].(*doc.List); !ok || len(l.Items) != 2 {
				t.Errorf("the list in the cell: %#v", n.Rows[0][1].Blocks)
			}
			if p, ok := n.Rows[1][1].Blocks[0].(*doc.Paragraph); !ok || doc.PlainText(p.Inlines) != "Works" {
				t.Errorf("the cell's heading is not bold text: %#v", n.Rows[1][1].Blocks[0])
			}
		}
		return doc.Continue
	})
	want := []string{`"Lobith" []`, `"" [*doc.List]`, `"Tiel" []`, `"" [*doc.Paragraph *doc.Paragraph]`}
	if fmt.Sprint(cells) != fmt.Sprint(want) || sections != 1 {
		t.Errorf("cells %q, want %q; %d sections, want 1", cells, want, sections)
	}
}
