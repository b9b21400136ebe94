package doc_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
)

// every is a document holding every block and inline type.
func every() *doc.Document { return fixture.Sample() }

// TestJSONRoundTrip checks that encoding, decoding and encoding again
// gives the same bytes, for every node type and every fixture.
func TestJSONRoundTrip(t *testing.T) {
	docs := []*doc.Document{every()}
	for _, name := range fixture.Names(t) {
		docs = append(docs, fixture.Read(t, name))
	}
	for _, d := range docs {
		var first, second bytes.Buffer
		if err := doc.Encode(&first, d); err != nil {
			t.Fatal(err)
		}
		back, err := doc.Decode(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", d.Meta.Title, err)
		}
		if err := doc.Encode(&second, back); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() {
			t.Errorf("%s: round trip changed the JSON", d.Meta.Title)
		}
	}
	var buf bytes.Buffer
	doc.Encode(&buf, every())
	for _, typ := range []string{"paragraph", "heading", "list", "quote", "code_block", "table", "figure", "rule",
		"text", "emph", "strong", "strike", "sup", "sub", "code", "link", "image", "note", "line_break"} {
		if !strings.Contains(buf.String(), `"type": "`+typ+`"`) {
			t.Errorf("JSON lacks type %s", typ)
		}
	}
	back, _ := doc.Decode(&buf)
	for _, b := range back.Blocks {
		if l, ok := b.(*doc.List); ok && l.Ordered && l.Start != 0 {
			t.Errorf("an ordered list starting at 0 reads back starting at %d", l.Start)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"meta": {}}`, `"galley": 3 is missing`},
		{`{"galley": 4}`, "unsupported JSON version 4 (this galley reads versions 1 to 3)"},
		{`{"galley": 3, "blocks": [{"type": "list", "items": [{"task": "maybe"}]}]}`, `blocks[0].items[0].task: unknown value "maybe" (known: "", "todo", "done")`},
		{`{"galley": 3, "blocks": [{"type": "list", "items": [[]]}]}`, `blocks[0].items[0]: want an object`},
		{`{"galley": 3, "blocks": [{"type": "table", "rows": [[{"content": [], "colour": 1}]]}]}`, `blocks[0].rows[0][0]: a cell has no "colour" (it holds: content, blocks, colspan, rowspan, header)`},
		{`{"galley": 3, "blocks": [{"type": "rule", "items": []}]}`, `blocks[0]: a rule has no "items" (it holds: type)`},
		{`{"galley": 3, "blocks": [{"type": "heading", "level": 9}]}`, "blocks[0].level: 9 is out of range (at most 6)"},
		{`{"galley": 3, "blocks": [{"type": "list", "numbering": "z"}]}`, `blocks[0].numbering: unknown value "z" (known: 1, a, A, i, I)`},
		{`{"galley": 3, "blocks": [{"type": "heading", "level": "2"}]}`, "blocks[0].level: want a whole number"},
		{`{"galley": 3, "blocks": [{"content": []}]}`, `blocks[0]: want a "type"`},
		{`{"galley": 3, "sections": [{"level": 1, "sections": [{"level": 1}]}]}`, "sections[0].sections[0]: level 1 must be greater"},
		{`{"galley": 3, "blocks": [{"type": "paragraph", "content": [{"type": "poem"}]}]}`, `blocks[0].content[0]: unknown inline type "poem"`},
		{`{"galley": 1, "blocks": [{"type": "admonition", "kind": "note"}]}`, `blocks[0]: admonition needs "galley": 2 or later (the document says 1)`},
		{`{"galley": 1, "blocks": [{"type": "list", "items": [[]], "tasks": ["done"]}]}`, `tasks need "galley": 2`},
		{`{"galley": 2, "blocks": [{"type": "list", "items": [[], []], "tasks": ["done"]}]}`, `1 tasks for 2 items`},
		{`{"galley": 2, "blocks": [{"type": "list", "items": [[]], "tasks": ["maybe"]}]}`, `unknown task state "maybe"`},
		{`{"galley": 2, "blocks": [{"type": "paragraph", "content": [{"type": "math", "kind": "x"}]}]}`, `a math has no "kind"`},
		{"{\"galley\": 1,\n \"colour\": 1}", `line 2: json: unknown field "colour"`},
		{`{"galley": 1, "blocks": [{"type": "poem"}]}`, `blocks[0]: unknown block type "poem"`},
		{`{"galley": 1, "sections": [{"level": 0}]}`, "level 0 must be greater"},
		{"{\"galley\": 1,\n\n \"blocks\": [}", "line 3"},
		{"{\"galley\": 1,\n \"blocks\": [\n  {\"type\": \"paragraph\"},\n  {\"type\": \"rule\", \"items\": [[]]}\n ]\n}", `line 4: doc: blocks[1]: a rule has no "items" (it holds: )`},
		{"{\"galley\": 1,\n \"sections\": [{\"level\": 1, \"blocks\": [\n  {\"type\": \"heading\", \"level\": 99}]}]}", "line 3: doc: sections[0].blocks[0]: heading level 99 is out of range (1 to 6)"},
		{`{"galley": 1, "blocks": [{"type": "paragraph", "content": [{"type": "text", "url": "x"}]}]}`, `blocks[0].content[0]: a text has no "url" (it holds: text)`},
		{`{"galley": 1, "blocks": [{"type": "list", "numbering": "z"}]}`, `unknown numbering "z"`},
		{`{"galley": 1, "sections": [{"level": 500}]}`, "level 500 is out of range"},
	} {
		_, err := doc.Decode(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Decode(%q) = %v, want an error containing %q", tc.in, err, tc.want)
		}
	}
}

func TestWalk(t *testing.T) {
	var texts []string
	doc.Walk(every(), func(n doc.Node) doc.Visit {
		if x, ok := n.(*doc.Text); ok {
			texts = append(texts, x.Text)
		}
		return doc.Continue
	})
	// Every text is visited, in reading order, notes and tables included.
	want := "a e s x 1 2 l n bonjour Guten Tag One h i cap h a b wide tall fc todo done w Custom i term def def2 Deep"
	if got := strings.Join(texts, " "); got != want {
		t.Errorf("Walk visited %q, want %q", got, want)
	}
}

// TestWalkStop checks a walk can skip a node's children and stop.
func TestWalkStop(t *testing.T) {
	var seen []string
	completed := doc.Walk(every(), func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Emph:
			return doc.SkipChildren
		case *doc.Text:
			seen = append(seen, n.Text)
			if n.Text == "l" {
				return doc.Stop
			}
		}
		return doc.Continue
	})
	if completed || strings.Join(seen, " ") != "a s x 1 2 l" {
		t.Errorf("completed %v, seen %q", completed, seen)
	}
}

// TestClone checks a clone holds the same document and shares no node
// with the original.
func TestClone(t *testing.T) {
	d := every()
	c := d.Clone()
	var a, b bytes.Buffer
	doc.Encode(&a, d)
	doc.Encode(&b, c)
	if a.String() != b.String() {
		t.Fatal("the clone differs")
	}
	nodes := map[any]bool{}
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n.(type) {
		case *doc.Rule, *doc.LineBreak: // empty structs may share an address
		default:
			nodes[n] = true
		}
		return doc.Continue
	})
	doc.Walk(c, func(n doc.Node) doc.Visit {
		if nodes[n] {
			t.Errorf("the clone shares %T", n)
		}
		return doc.Continue
	})
	c.Meta.Authors[0] = "changed"
	if d.Meta.Authors[0] == "changed" {
		t.Error("the clone shares its authors")
	}
}

// TestGenerated checks model_gen.go and schema.json are what gen.go
// makes of doc.go's declarations now: run go generate ./pkg/doc after
// changing a node type.
func TestGenerated(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "run", "gen.go", "-check").CombinedOutput()
	if err != nil {
		t.Errorf("%v\n%s", err, out)
	}
}

// TestGrid: spans place the cells after them, a span stops at the edge
// and at a column a cell above covers, and short rows are filled.
func TestGrid(t *testing.T) {
	c := func(s string, cs, rs int) doc.Cell {
		return doc.Cell{Inlines: []doc.Inline{&doc.Text{Text: s}}, ColSpan: cs, RowSpan: rs}
	}
	tb := &doc.Table{
		Header: []doc.Cell{c("h1", 0, 0), c("h2", 2, 0)},
		Rows: [][]doc.Cell{
			{c("tall", 1, 2), c("a", 0, 0), c("b", 1, 3)},
			{c("wide", 5, 0)}, // stops at the column b covers
			{c("x", 0, 0)},    // filled with an empty cell
			{c("deep", 0, 9)}, // stops at the last row
		},
	}
	if n := tb.Columns(); n != 3 {
		t.Fatalf("columns %d, want 3", n)
	}
	var got []string
	for _, row := range tb.Grid() {
		var cells []string
		for _, g := range row {
			cells = append(cells, fmt.Sprintf("%s@%d+%dx%d", doc.PlainText(g.Inlines), g.Col, g.ColSpan, g.RowSpan))
		}
		got = append(got, strings.Join(cells, " "))
	}
	want := []string{"h1@0+1x1 h2@1+2x1", "tall@0+1x2 a@1+1x1 b@2+1x3", "wide@1+1x1", "x@0+1x1 @1+1x1", "deep@0+1x1 @1+1x1 @2+1x1"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("grid\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFlat: a cell's blocks as the lines a format without blocks in
// cells shows: items with their markers by depth and number, nested
// items indented, a table inside a line per row.
func TestFlat(t *testing.T) {
	txt := func(s string) []doc.Block {
		return []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: s}}}}
	}
	item := func(s string, more ...doc.Block) *doc.ListItem {
		return &doc.ListItem{Blocks: append(txt(s), more...)}
	}
	c := doc.Cell{Blocks: []doc.Block{
		&doc.Heading{Level: 2, Inlines: []doc.Inline{&doc.Text{Text: "Plan"}}},
		&doc.List{Items: []*doc.ListItem{
			item("dikes", &doc.List{Ordered: true, Start: 3, Numbering: "a", Items: []*doc.ListItem{item("north"), item("south")}}),
			{Blocks: txt("dunes"), Task: doc.Done},
		}},
		&doc.Table{Header: []doc.Cell{{Inlines: []doc.Inline{&doc.Text{Text: "year"}}}, {Inlines: []doc.Inline{&doc.Text{Text: "cost"}}}},
			Rows: [][]doc.Cell{{{Inlines: []doc.Inline{&doc.Text{Text: "2024"}}}, {Inlines: []doc.Inline{&doc.Text{Text: "10"}}}}}},
	}}
	var lines []string
	var line strings.Builder
	for _, in := range c.Flat() {
		if _, ok := in.(*doc.LineBreak); ok {
			lines = append(lines, line.String())
			line.Reset()
			continue
		}
		line.WriteString(doc.PlainText([]doc.Inline{in}))
	}
	lines = append(lines, line.String())
	want := []string{"Plan", "•\u00a0dikes", "\u2003c.\u00a0north", "\u2003d.\u00a0south", "• ☑\u00a0dunes", "year; cost", "2024; 10"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("lines:\n got %q\nwant %q", lines, want)
	}
	if c.Empty() || !(&doc.Cell{}).Empty() {
		t.Error("Empty: a cell with blocks is not empty, one without anything is")
	}
	plain := doc.Cell{Inlines: []doc.Inline{&doc.Text{Text: "x"}}}
	if got := plain.Flat(); len(got) != 1 {
		t.Errorf("a cell of inlines is its inlines, got %d", len(got))
	}
}
