package transform_test

import (
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/transform"
)

// depthOf returns the deepest nesting of lists, quotes and notes, and of
// inline containers.
func depthOf(d *doc.Document) (blocks, inlines int) {
	var walkB func([]doc.Block, int)
	var walkI func([]doc.Inline, int, int)
	walkI = func(ins []doc.Inline, bd, id int) {
		inlines = max(inlines, id)
		for _, in := range ins {
			if n, ok := in.(*doc.Note); ok {
				walkB(n.Blocks, bd+1)
			}
			if kids := doc.Children(in); kids != nil {
				walkI(kids, bd, id+1)
			}
		}
	}
	walkB = func(bs []doc.Block, bd int) {
		blocks = max(blocks, bd)
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.List:
				for _, it := range b.Items {
					walkB(it.Blocks, bd+1)
				}
			case *doc.Quote:
				walkB(b.Blocks, bd+1)
			case *doc.Paragraph:
				walkI(b.Inlines, bd, bd)
			}
		}
	}
	walkB(d.Blocks, 0)
	return blocks, inlines
}

func TestLimitFlattens(t *testing.T) {
	var b doc.Block = &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "deepest"}}}
	for i := 0; i < 5000; i++ {
		if i%2 == 0 {
			b = &doc.Quote{Blocks: []doc.Block{b}}
		} else {
			b = &doc.List{Items: []*doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "item"}}}, b}}}}
		}
	}
	var in doc.Inline = &doc.Text{Text: "innermost"}
	for i := 0; i < 3000; i++ {
		in = &doc.Emph{Inlines: []doc.Inline{in}}
	}
	d := &doc.Document{Blocks: []doc.Block{b, &doc.Paragraph{Inlines: []doc.Inline{in}}}}
	var warnings []string
	if err := transform.Limit(d, transform.Limits{MaxDepth: 64}, func(err error) { warnings = append(warnings, err.Error()) }); err != nil {
		t.Fatal(err)
	}
	bd, id := depthOf(d)
	if bd > 64 || id > 64 {
		t.Errorf("depth after limit: blocks %d, inlines %d", bd, id)
	}
	text := doc.BlocksText(d.Blocks)
	if !strings.Contains(text, "deepest") || !strings.Contains(text, "innermost") || strings.Count(text, "item") != 2500 {
		t.Errorf("content lost: %d items", strings.Count(text, "item"))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "--max-depth") {
		t.Errorf("warnings: %q", warnings)
	}
	// A shallow document is left as it is, and nothing is warned.
	shallow := &doc.Document{Blocks: []doc.Block{&doc.Quote{Blocks: []doc.Block{&doc.Paragraph{}}}}}
	warnings = nil
	transform.Limit(shallow, transform.Limits{}, func(err error) { warnings = append(warnings, err.Error()) })
	if _, ok := shallow.Blocks[0].(*doc.Quote); !ok || len(warnings) > 0 {
		t.Errorf("a shallow document changed: %v", warnings)
	}
}

func TestLimitCounts(t *testing.T) {
	var ins []doc.Inline
	for i := 0; i < 11; i++ {
		ins = append(ins, &doc.Note{})
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Inlines: ins}}}
	if err := transform.Limit(d, transform.Limits{MaxNotes: 10}, nil); err == nil || !strings.Contains(err.Error(), "more than 10 notes, the limit; raise it with --max-notes") {
		t.Errorf("notes: %v", err)
	}
	tb := &doc.Table{Rows: make([][]doc.Cell, 100)}
	for i := range tb.Rows {
		tb.Rows[i] = make([]doc.Cell, 11)
	}
	d = &doc.Document{Blocks: []doc.Block{tb}}
	if err := transform.Limit(d, transform.Limits{MaxTableCells: 1000}, nil); err == nil || !strings.Contains(err.Error(), "1100 cells (100 rows of 11 columns), more than the limit of 1000; raise it with --max-table-cells") {
		t.Errorf("cells: %v", err)
	}
	// One cell spanning 100 columns makes every row that wide.
	tb = &doc.Table{Rows: make([][]doc.Cell, 11)}
	tb.Rows[0] = []doc.Cell{{ColSpan: 100}}
	d = &doc.Document{Blocks: []doc.Block{tb}}
	if err := transform.Limit(d, transform.Limits{MaxTableCells: 1000}, nil); err == nil || !strings.Contains(err.Error(), "1100 cells (11 rows of 100 columns)") {
		t.Errorf("spanned cells: %v", err)
	}
}

func TestDropUnsafeLinks(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{
		&doc.Paragraph{Inlines: []doc.Inline{
			&doc.Link{URL: "javascript:alert(1)", Inlines: []doc.Inline{&doc.Text{Text: "click"}}},
			&doc.Link{URL: "https://example.com", Inlines: []doc.Inline{&doc.Text{Text: "safe"}}},
			&doc.Image{Src: "data:text/html,x", Alt: "pic"},
		}},
		&doc.Figure{Src: "file:///etc/passwd", Alt: "fig"},
	}}
	var warnings []string
	transform.DropUnsafeLinks(d, func(err error) { warnings = append(warnings, err.Error()) })
	p := d.Blocks[0].(*doc.Paragraph)
	if len(p.Inlines) != 3 || doc.PlainText(p.Inlines) != "clicksafepic" {
		t.Errorf("inlines: %#v", p.Inlines)
	}
	if _, ok := p.Inlines[1].(*doc.Link); !ok {
		t.Error("a safe link was dropped")
	}
	if _, ok := d.Blocks[1].(*doc.Paragraph); !ok {
		t.Error("an unsafe figure was kept")
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "3 links or images") {
		t.Errorf("warnings: %q", warnings)
	}
}
