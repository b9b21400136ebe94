package markdown_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/markdown"
)

func readMD(t *testing.T, src string) (*doc.Document, []string) {
	t.Helper()
	var warnings []string
	d, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{
		Name: "in.md", Warn: func(err error) { warnings = append(warnings, err.Error()) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return d, warnings
}

func TestSections(t *testing.T) {
	d, _ := readMD(t, "Intro.\n\n# One\n\nText.\n\n### Three\n\n## Two\n\n# Again\n\n> ## Quoted heading\n")
	if len(d.Blocks) != 1 {
		t.Errorf("%d blocks before the first heading, want 1", len(d.Blocks))
	}
	if len(d.Sections) != 2 {
		t.Fatalf("%d top-level sections, want 2", len(d.Sections))
	}
	one := d.Sections[0]
	if len(one.Sections) != 2 || one.Sections[0].Level != 3 || one.Sections[1].Level != 2 {
		t.Errorf("level-3 and level-2 headings do not both nest in level 1")
	}
	q, ok := d.Sections[1].Blocks[0].(*doc.Quote)
	if !ok {
		t.Fatalf("quote missing")
	}
	if h, ok := q.Blocks[0].(*doc.Heading); !ok || h.Level != 2 || doc.PlainText(h.Inlines) != "Quoted heading" {
		t.Errorf("heading inside quote not kept: %#v", q.Blocks[0])
	}
}

func TestFrontMatter(t *testing.T) {
	d, warnings := readMD(t, "---\ntitle: Report\nauthor: [A, B]\nlang: nl\ndate: 2023-09-19\nkeywords: a, b\nseries: Blue\n---\n\nText.\n")
	m := d.Meta
	if m.Title != "Report" || strings.Join(m.Authors, "|") != "A|B" || m.Lang != "nl" || m.Date != "2023-09-19" || strings.Join(m.Keywords, "|") != "a|b" {
		t.Errorf("meta: %+v", m)
	}
	if len(m.Extra) != 1 || m.Extra[0] != (doc.Field{Key: "series", Value: "Blue"}) {
		t.Errorf("unknown key not kept: %+v", m.Extra)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `"series"`) {
		t.Errorf("warnings: %v", warnings)
	}
	// Not a mapping: the dashes are thematic breaks.
	d, _ = readMD(t, "---\nJust text\n---\n")
	if len(d.Blocks) == 0 || d.Meta.Title != "" {
		t.Errorf("non-mapping front matter swallowed the text: %+v", d)
	}
	// A mapping with a YAML error is an error with a position.
	_, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader("---\ntitle: [unclosed\n---\n"), &read.Options{Name: "in.md"})
	if err == nil || !strings.HasPrefix(err.Error(), "in.md:2: markdown: front matter:") {
		t.Errorf("bad front matter: %v", err)
	}
	// Values of the wrong shape are errors with their line, not
	// metadata that makes an invalid EPUB.
	for src, want := range map[string]string{
		"---\ntitle: T\nlang: 5\n---\n":        `in.md:3: markdown: front matter: lang: "5" is not a language tag`,
		"---\ntitle: T\nauthor: {a: b}\n---\n": "in.md:3: markdown: front matter: author: want a value or a list of values, not a mapping",
		"---\nlang: [nl, en]\n---\n":           "in.md:2: markdown: front matter: lang: want a single value, not a list",
		"---\ns: &s " + strings.Repeat("x", 1<<20) + "\nkeywords: [" + strings.Repeat("*s, ", 5000) + "*s]\n---\n": "in.md:3: markdown: front matter: aliases expand this YAML",
	} {
		_, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{Name: "in.md"})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%.40q: got %v, want %s", src, err, want)
		}
	}
	// TOML front matter.
	d, _ = readMD(t, "+++\ntitle = \"Toml\"\nauthors = [\"A\", \"B\"]\n+++\n\nText.\n")
	if d.Meta.Title != "Toml" || strings.Join(d.Meta.Authors, "|") != "A|B" {
		t.Errorf("TOML front matter: %+v", d.Meta)
	}
}

func TestFootnotes(t *testing.T) {
	d, _ := readMD(t, "Text[^a] and again[^a].\n\n[^a]: The note.\n")
	var notes []*doc.Note
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if note, ok := n.(*doc.Note); ok {
			notes = append(notes, note)
		}
		return doc.Continue
	})
	if len(notes) != 2 || doc.BlocksText(notes[0].Blocks) != "The note." || doc.BlocksText(notes[1].Blocks) != "The note." {
		t.Fatalf("notes: %+v", notes)
	}
	if notes[0].Blocks[0] == notes[1].Blocks[0] {
		t.Error("two references share one note's blocks")
	}
}

// TestRawHTML checks that raw HTML maps to the model as a web page would,
// with the Markdown between its tags kept, and that what cannot be mapped
// is dropped with one warning per kind, at its line.
func TestRawHTML(t *testing.T) {
	d, warnings := readMD(t, "Para with <span>inline</span> H<sub>2</sub>O and <a href=\"x.md\">*a link*</a>.\n\n"+
		"<div>\nblock\n</div>\n\n<script>alert(1)</script>\n\n<div align=\"center\">\n\n**Centred** Markdown.\n\n</div>\n\n"+
		"<script>alert(2)</script>\n<!-- a comment -->\n\n<iframe src=\"https://example.org\"></iframe>\n")
	var paras []string
	for _, b := range d.Blocks {
		paras = append(paras, doc.BlocksText([]doc.Block{b}))
	}
	want := []string{"Para with inline H2O and a link.", "block", "Centred Markdown."}
	if strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", paras, want)
	}
	var kinds []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Sub, *doc.Strong:
			kinds = append(kinds, fmt.Sprintf("%T", n))
		case *doc.Link:
			kinds = append(kinds, "link "+n.URL+" "+fmt.Sprintf("%T", n.Inlines[0]))
		}
		return doc.Continue
	})
	if got := strings.Join(kinds, ", "); got != "*doc.Sub, link x.md *doc.Emph, *doc.Strong" {
		t.Errorf("inlines: %s", got)
	}
	want = []string{`in.md:7: raw HTML: <script> dropped`, `in.md:18: raw HTML: <iframe> dropped`}
	if len(warnings) != len(want) {
		t.Errorf("warnings %q, want one per kind: %q", warnings, want)
	}
	joined := strings.Join(warnings, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("warnings lack %s:\n%s", w, joined)
		}
	}
}

// TestRawHTMLStructure checks the raw HTML a README starts with: a
// centred logo, a title as an <h1>, a details element around Markdown,
// an HTML table; and that unclosed tags never swallow the document.
func TestRawHTMLStructure(t *testing.T) {
	d, warnings := readMD(t, "<p align=\"center\">\n  <img src=\"logo.png\" alt=\"Project logo\" width=\"120\">\n</p>\n"+
		"<h1 align=\"center\">MyTool</h1>\n\n<details>\n<summary>Advanced options</summary>\n\n- one\n- two\n\n</details>\n\n"+
		"## Usage\n\n<table><tr><th>A</th></tr><tr><td>1</td></tr></table>\n\n<div>\n\nunclosed\n\n## Later\n\nText.\n")
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	f, ok := d.Blocks[0].(*doc.Figure)
	if !ok || f.Src != "logo.png" || f.Alt != "Project logo" {
		t.Fatalf("first block %#v, want the logo", d.Blocks[0])
	}
	var heads []string
	for _, s := range d.AllSections() {
		heads = append(heads, fmt.Sprintf("%d %s", s.Level, doc.PlainText(s.Title)))
	}
	if got := strings.Join(heads, "|"); got != "1 MyTool|2 Usage|2 Later" {
		t.Errorf("headings %s", got)
	}
	top := d.Sections[0]
	if len(top.Blocks) != 2 || doc.BlocksText(top.Blocks[:1]) != "Advanced options" {
		t.Fatalf("MyTool's blocks: %q", doc.BlocksText(top.Blocks))
	}
	if l, ok := top.Blocks[1].(*doc.List); !ok || len(l.Items) != 2 {
		t.Errorf("the list inside <details>: %#v", top.Blocks[1])
	}
	usage := top.Sections[0]
	if tb, ok := usage.Blocks[0].(*doc.Table); !ok || len(tb.Header) != 1 || len(tb.Rows) != 1 {
		t.Errorf("HTML table: %#v", usage.Blocks[0])
	}
}

func TestFigure(t *testing.T) {
	d, _ := readMD(t, "![A *ship*](ship.png \"Ship\")\n\nInline ![x](y.png) image.\n")
	f, ok := d.Blocks[0].(*doc.Figure)
	if !ok || f.Src != "ship.png" || f.Alt != "A ship" || f.Title != "Ship" || len(f.Caption) != 2 {
		t.Errorf("figure: %#v", d.Blocks[0])
	}
	if _, ok := d.Blocks[1].(*doc.Paragraph); !ok {
		t.Errorf("an image inside text became a figure")
	}
}

// TestWarningCodes: the reader's warnings are diagnostics at their line,
// with codes.
func TestWarningCodes(t *testing.T) {
	var got []string
	opts := &read.Options{Name: "in.md", Warn: func(err error) {
		var d *diag.Diagnostic
		if errors.As(err, &d) && d.Severity == diag.Warning {
			got = append(got, fmt.Sprintf("%d %s", d.Line, d.Code))
		}
	}}
	src := "---\ntitle: T\nseries: S\n---\n# T\n\n<script>x()</script>\n\nText.\n"
	if _, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), opts); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got, "3 front-matter-extra") || !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, " html-") }) {
		t.Errorf("warnings %q, want front-matter-extra at line 3 and an html- one", got)
	}
}

// TestSpansAndDivs: pandoc's bracketed spans and fenced divs, with
// their attributes; brackets without attributes stay text.
func TestSpansAndDivs(t *testing.T) {
	src := `Dit is [English *words*]{lang=en}, [een [geneste]{.x} reeks]{#s lang="nl-BE" title='a "quote"'}, [1] en [x]{niet}.

:::: {lang=en dir=ltr}
An English part.

::: note
A note inside it.
:::
::::
`
	d, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{Name: "in.md"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var show func(ins []doc.Inline) string
	show = func(ins []doc.Inline) string {
		var b strings.Builder
		for _, in := range ins {
			switch in := in.(type) {
			case *doc.Text:
				b.WriteString(in.Text)
			case *doc.Span:
				fmt.Fprintf(&b, "<%s|%v|%v|%s>", in.Attr.ID, in.Attr.Classes, in.Attr.Pairs, show(in.Inlines))
			default:
				b.WriteString("{" + doc.PlainText([]doc.Inline{in}) + "}")
			}
		}
		return b.String()
	}
	for _, bl := range d.Blocks {
		switch bl := bl.(type) {
		case *doc.Paragraph:
			got = append(got, show(bl.Inlines))
		case *doc.Div:
			var kinds []string
			for _, k := range bl.Blocks {
				kinds = append(kinds, fmt.Sprintf("%T", k))
			}
			got = append(got, fmt.Sprintf("div %v %v", bl.Attr.Pairs, kinds))
		}
	}
	want := []string{
		`Dit is <|[]|[{lang en}]|English {words}>, <s|[]|[{lang nl-BE} {title a "quote"}]|een <|[x]|[]|geneste> reeks>, [1] en [x]{niet}.`,
		`div [{lang en} {dir ltr}] [*doc.Paragraph *doc.Admonition]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDollarsAndCode: a dollar never opens a formula that would reach
// into or across a code span (a README's prices and shell variables).
func TestDollarsAndCode(t *testing.T) {
	src := "It costs $5 a month and `$HOME/bin` must be on the path; the pro plan is $10.\n\nSet `$PATH` and pay $20 $ more, but $x^2$ is math.\n"
	d, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{Name: "in.md"})
	if err != nil {
		t.Fatal(err)
	}
	var maths, codes []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Math:
			maths = append(maths, n.TeX)
		case *doc.Code:
			codes = append(codes, n.Text)
		}
		return doc.Continue
	})
	if strings.Join(maths, "|") != "x^2" || strings.Join(codes, "|") != "$HOME/bin|$PATH" {
		t.Errorf("formulas %q, code %q", maths, codes)
	}
}

// TestIndentedDefinitions: a definition whose ":" is indented by one to
// three spaces (pandoc, pulldown-cmark and mdBook's guide write them so)
// is a definition; in a list item the indentation is the item's.
func TestIndentedDefinitions(t *testing.T) {
	src := "Term\n : One space.\n\nOther\n   : Three spaces.\n\n- item\n\n  Inner\n  : In the item.\n"
	d, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{Name: "in.md"})
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if dl, ok := n.(*doc.DefList); ok {
			for _, it := range dl.Items {
				terms = append(terms, doc.PlainText(it.Term))
			}
		}
		return doc.Continue
	})
	if strings.Join(terms, "|") != "Term|Other|Inner" {
		t.Errorf("terms %q", terms)
	}
}
