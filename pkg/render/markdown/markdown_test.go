package markdown_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/read"
	mdread "github.com/galleypress/galley/pkg/read/markdown"
	"github.com/galleypress/galley/pkg/render/markdown"
	"github.com/galleypress/galley/pkg/transform"
)

// roundTrip writes d as galley's Markdown and reads it back.
func roundTrip(t *testing.T, d *doc.Document) (*doc.Document, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := markdown.New(markdown.Markdown).Render(context.Background(), &buf, d, nil); err != nil {
		t.Fatal(err)
	}
	back, err := mdread.New(mdread.Config{}).Read(context.Background(), bytes.NewReader(buf.Bytes()), &read.Options{})
	if err != nil {
		t.Fatalf("reading back: %v\n%s", err, buf.String())
	}
	transform.Standard(back, "")
	return back, buf.String()
}

// normalize makes d as Markdown gives it back: a section's number is
// part of its heading's text, a figure's caption is its alternative text
// when it has none, a list is numbered with digits, a table is a pipe
// table, and text nodes next to each other are one.
func normalize(d *doc.Document) {
	for _, s := range d.AllSections() {
		if s.Number != "" {
			s.Title = append([]doc.Inline{&doc.Text{Text: s.Number + " "}}, s.Title...)
			s.Number = ""
		}
	}
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if f, ok := n.(*doc.Figure); ok && len(f.Caption) == 0 && f.Alt != "" {
			f.Caption = []doc.Inline{&doc.Text{Text: f.Alt}}
		}
		if l, ok := n.(*doc.List); ok {
			l.Numbering = "" // CommonMark numbers lists with digits only
		}
		if t, ok := n.(*doc.Table); ok {
			// A pipe table cannot span nor head rows nor hold blocks:
			// one cell per place, covered places empty, one header row,
			// a cell's blocks as its lines.
			var rows [][]doc.Cell
			for _, r := range t.Places() {
				row := make([]doc.Cell, len(r))
				for i, c := range r {
					if c != nil {
						row[i] = doc.Cell{Inlines: c.Flat()}
					}
				}
				rows = append(rows, row)
			}
			if len(t.Header) > 0 {
				t.Header, rows = rows[0], rows[1:]
			}
			t.Rows, t.HeadRows = rows, 0
		}
		return doc.Continue
	})
	mergeTexts(d)
}

// mergeTexts joins adjacent text nodes everywhere in d.
func mergeTexts(d *doc.Document) {
	merge := func(ins []doc.Inline) []doc.Inline {
		var out []doc.Inline
		for _, in := range ins {
			if t, ok := in.(*doc.Text); ok && len(out) > 0 {
				if prev, ok := out[len(out)-1].(*doc.Text); ok {
					out[len(out)-1] = &doc.Text{Text: prev.Text + t.Text}
					continue
				}
			}
			out = append(out, in)
		}
		return out
	}
	doc.Walk(d, func(n doc.Node) doc.Visit {
		for _, p := range inlineSlices(n) {
			*p = merge(*p)
		}
		return doc.Continue
	})
}

func jsonOf(t *testing.T, d *doc.Document) string {
	var buf bytes.Buffer
	if err := doc.Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(buf.Bytes(), &v)
	out, _ := json.MarshalIndent(v, "", " ")
	return string(out)
}

// TestRoundTrip writes every golden document as Markdown and reads it
// back with galley's Markdown reader: the same document.
func TestRoundTrip(t *testing.T) {
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		back, _ := roundTrip(t, d)
		normalize(d)
		mergeTexts(back)
		if a, b := jsonOf(t, d), jsonOf(t, back); a != b {
			t.Errorf("%s: read back differs:\n%s", name, firstDiff(a, b))
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-6)
			return "want:\n" + strings.Join(al[lo:min(len(al), i+4)], "\n") + "\ngot:\n" + strings.Join(bl[lo:min(len(bl), i+4)], "\n")
		}
	}
	return "lengths differ"
}

// inlineSlices returns the inline lists a node holds itself.
func inlineSlices(n doc.Node) []*[]doc.Inline {
	switch n := n.(type) {
	case *doc.Section:
		return []*[]doc.Inline{&n.Title}
	case *doc.Paragraph:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Heading:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Emph:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Strong:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Strike:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Sup:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Sub:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Link:
		return []*[]doc.Inline{&n.Inlines}
	case *doc.Figure:
		return []*[]doc.Inline{&n.Caption}
	case *doc.Admonition:
		return []*[]doc.Inline{&n.Title}
	case *doc.DefList:
		var out []*[]doc.Inline
		for _, it := range n.Items {
			out = append(out, &it.Term)
		}
		return out
	case *doc.Table:
		out := []*[]doc.Inline{&n.Caption}
		for i := range n.Header {
			out = append(out, &n.Header[i].Inlines)
		}
		for _, r := range n.Rows {
			for i := range r {
				out = append(out, &r[i].Inlines)
			}
		}
		return out
	}
	return nil
}

// knownDifferences are the spec examples whose documents Markdown gives
// back changed, with the reason.
var knownDifferences = map[int]string{
	148: "a table cell that holds blocks (a <pre> in raw HTML) is written as its lines: a pipe table holds a line of inlines",
	164: "spaces inside emphasis are written outside it (CommonMark's emphasis cannot start or end with one)",
	166: "spaces inside strikethrough are written outside it",
	191: "a table of no cells (from raw HTML) is not written",
	318: "goldmark drops the blank line that ends a fenced code block inside a list item",
	524: "a space that ends a paragraph (left by raw HTML galley drops) is not read back",
	536: "a space that ends a paragraph is not read back",
	617: "a space that ends a paragraph is not read back",
	625: "a space that ends a paragraph is not read back",
	627: "a space that ends a paragraph is not read back",
	628: "a space that ends a paragraph is not read back",
	630: "a space that ends a paragraph is not read back",
	631: "a space that ends a paragraph is not read back",
}

// TestCommonMarkSpecRoundTrip reads every example of the CommonMark
// spec, writes what galley read as Markdown, and reads that back: the
// same document, in each flavour (GFM's and CommonMark's, read by
// galley's reader, within what galley reads of them).
func TestCommonMarkSpecRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../../../fixtures/commonmark/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []struct {
		Markdown string `json:"markdown"`
		Example  int    `json:"example"`
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, ex := range examples {
		d, err := mdread.New(mdread.Config{}).Read(context.Background(), strings.NewReader(ex.Markdown), &read.Options{})
		if err != nil {
			continue
		}
		transform.Standard(d, "")
		back, md := roundTrip(t, d)
		mergeTexts(d)
		mergeTexts(back)
		same := jsonOf(t, d) == jsonOf(t, back)
		_, known := knownDifferences[ex.Example]
		switch {
		case !same && !known:
			failed++
			if failed <= 5 {
				t.Errorf("example %d: %q\nwritten as %q\n%s", ex.Example, ex.Markdown, md, firstDiff(jsonOf(t, d), jsonOf(t, back)))
			}
		case same && known:
			t.Errorf("example %d reads back the same now: drop it from knownDifferences", ex.Example)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d examples differ when read back", failed, len(examples))
	}
}

// TestFlavours writes one document in each flavour.
func TestFlavours(t *testing.T) {
	src := `---
title: Flavours
lang: en
---
# Start {#begin}

Some *emphasis*, **strong**, ~~gone~~ and ` + "`code`" + `.[^1]

> [!WARNING]
> Mind the step.

:::tip Shortcut
Use the keys.
:::

Term
: Its meaning.

| A | B |
|---|--:|
| 1 | 2 |

[^1]: A note.
`
	d, err := mdread.New(mdread.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	transform.Standard(d, "")
	want := map[string]string{
		markdown.Markdown: `---
title: Flavours
lang: en
---

# Start {#begin}

Some *emphasis*, **strong**, ~~gone~~ and ` + "`code`" + `.[^1]

:::warning
Mind the step.

:::

:::tip Shortcut
Use the keys.

:::

Term
:   Its meaning.

| A | B |
| --- | --: |
| 1 | 2 |

[^1]: A note.
`,
		markdown.GFM: `---
title: Flavours
lang: en
---

# Start

Some *emphasis*, **strong**, ~~gone~~ and ` + "`code`" + `.[^1]

> [!WARNING]
> Mind the step.

> **Shortcut**
>
> Use the keys.

<dl>

<dt>Term</dt>

<dd>

Its meaning.

</dd>

</dl>

| A | B |
| --- | --: |
| 1 | 2 |

[^1]: A note.
`,
		markdown.CommonMark: `# Start

Some *emphasis*, **strong**, <del>gone</del> and ` + "`code`" + `.<sup>[1](#fn-1)</sup>

> **Warning**
>
> Mind the step.

> **Shortcut**
>
> Use the keys.

<dl>

<dt>Term</dt>

<dd>

Its meaning.

</dd>

</dl>

| A | B |
| --- | --: |
| 1 | 2 |

1. <a id="fn-1"></a>A note.
`,
	}
	for _, flavour := range []string{markdown.Markdown, markdown.GFM, markdown.CommonMark} {
		var buf bytes.Buffer
		if err := markdown.New(flavour).Render(context.Background(), &buf, d, nil); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != want[flavour] {
			t.Errorf("%s:\n%q\nwant:\n%q", flavour, got, want[flavour])
		}
	}
}
