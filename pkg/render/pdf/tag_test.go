package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/pdf"
	"github.com/galleypress/galley/pkg/transform"
)

// TestTagged checks every fixture's PDF is a tagged PDF that breaks none
// of the rules validate.PDFTags checks (the machine-checkable part of
// PDF/UA-1: all content marked and owned once, links in the structure,
// figures described, headings in order), and that its structure is the
// document's: one heading element per section, at its depth; one Note
// per note; a Figure for each image, with its alternative text.
func TestTagged(t *testing.T) {
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		for _, notes := range []string{"foot", "end"} {
			data := renderPDF(t, d, pdf.Config{Notes: notes}, &render.Options{TOC: true})
			r, err := validate.PDFTags(data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, p := range r.Problems {
				t.Errorf("%s, notes %s: %s", name, notes, p)
			}
			if r.MCIDs == 0 {
				t.Errorf("%s: no marked content", name)
			}
			var want []string
			if r.Roles["TOC"] > 0 {
				want = append(want, "H1") // the contents page's title, before the TOC element
			}
			blockHeadings := func(bs []doc.Block) {
				doc.WalkBlocks(bs, func(n doc.Node) doc.Visit {
					if h, ok := n.(*doc.Heading); ok {
						want = append(want, "H"+string(rune('0'+min(max(h.Level, 1), 6))))
					}
					return doc.Continue
				})
			}
			blockHeadings(d.Blocks)
			var sec func([]*doc.Section, int)
			sec = func(ss []*doc.Section, depth int) {
				for _, s := range ss {
					want = append(want, "H"+string(rune('0'+min(depth, 6))))
					blockHeadings(s.Blocks)
					sec(s.Sections, depth+1)
				}
			}
			sec(d.Sections, 1)
			if strings.Join(r.Headings, " ") != strings.Join(want, " ") {
				t.Errorf("%s: heading elements\n%v\nwant\n%v", name, r.Headings, want)
			}
			notesIn, figures := 0, 0
			doc.Walk(d, func(n doc.Node) doc.Visit {
				switch n := n.(type) {
				case *doc.Note:
					notesIn++
				case *doc.Figure:
					if n.Alt != "" && !strings.Contains(n.Src, "://") {
						figures++
					}
				}
				return doc.Continue
			})
			if r.Roles["Note"] != notesIn {
				t.Errorf("%s, notes %s: %d Note elements for %d notes", name, notes, r.Roles["Note"], notesIn)
			}
			if r.Roles["Figure"] < figures {
				t.Errorf("%s: %d Figure elements for %d local images with alternative text", name, r.Roles["Figure"], figures)
			}
			if r.Roles["TOC"] != 1 && len(d.Sections) > 1 {
				t.Errorf("%s: %d TOC elements", name, r.Roles["TOC"])
			}
		}
	}
}

// structNode is an element of the structure tree as pdfinfo -struct-text
// prints it: its type, and its text (the content of it and its
// descendants, joined).
type structNode struct {
	role string
	text string
}

// structTree parses pdfinfo -struct-text's output into its elements, in
// order.
func structTree(out string) []structNode {
	type open struct{ indent, node int }
	var nodes []structNode
	var stack []open
	for _, l := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(l, " ")
		if trimmed == "" {
			continue
		}
		indent := len(l) - len(trimmed)
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		if strings.HasPrefix(trimmed, `"`) {
			text := strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`)
			// A footnote is read after its reference, inside the
			// paragraph: its text is the Note's, not the paragraph's.
			for i := len(stack) - 1; i >= 0; i-- {
				nodes[stack[i].node].text += text
				if nodes[stack[i].node].role == "Note" {
					break
				}
			}
			continue
		}
		if strings.HasPrefix(trimmed, "Object ") {
			continue
		}
		nodes = append(nodes, structNode{role: strings.Fields(trimmed)[0]})
		stack = append(stack, open{indent, len(nodes) - 1})
	}
	return nodes
}

// TestStructText checks what assistive technology reads from the seed's
// structure tree (pdfinfo -struct-text): the headings, at their levels,
// with their text; every paragraph's words; words whole across line
// ends; hyphens the line breaker added gone and the source's kept.
func TestStructText(t *testing.T) {
	validate.Tool(t, "pdfinfo", "poppler-utils")
	out, ok := validate.Run("pdfinfo", "-struct-text", seedFile(t))
	if !ok {
		t.Fatalf("pdfinfo: %s", out)
	}
	if info, _ := validate.Run("pdfinfo", seedFile(t)); !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
		t.Errorf("pdfinfo does not say the PDF is tagged:\n%s", info)
	}
	d := fixture.Read(t, seed)
	nodes := structTree(out)
	if len(nodes) == 0 || nodes[0].role != "Document" {
		t.Fatalf("the structure tree does not start with a Document element:\n%.300s", out)
	}
	var got, want []string
	var paras []string
	for _, n := range nodes {
		if len(n.role) == 2 && n.role[0] == 'H' {
			got = append(got, n.role+" "+strings.TrimSpace(n.text))
		}
		if n.role == "P" {
			paras = append(paras, n.text)
		}
	}
	var sec func([]*doc.Section, int)
	sec = func(ss []*doc.Section, depth int) {
		for _, s := range ss {
			want = append(want, fmt.Sprintf("H%d %s", depth, s.HeadingText()))
			sec(s.Sections, depth+1)
		}
	}
	sec(d.Sections, 1)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("structure headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Every paragraph of the model is a P element with its words.
	all := strings.Join(paras, "\n")
	missing := 0
	var modelParas []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if p, ok := n.(*doc.Paragraph); ok {
			modelParas = append(modelParas, strings.Join(strings.Fields(doc.PlainText(p.Inlines)), " "))
		}
		return doc.Continue
	})
	for _, p := range modelParas {
		if !strings.Contains(strings.Join(strings.Fields(all), " "), p) {
			missing++
			if missing <= 3 {
				t.Errorf("no P element reads %.80q…", p)
			}
		}
	}
	if len(modelParas) < 60 || missing > 0 {
		t.Errorf("%d of %d paragraphs missing from the structure text", missing, len(modelParas))
	}
	for phrase, n := range map[string]int{
		"Het was het begin van een grootschalig conventioneel conflict": 1, // across a line end
		"die nog lang na zal dreunen en een wissel":                     1, // hyphenated by the line breaker
		"Midden-Oosten":        3, // the source's hyphens
		"EU-NAVO":              2,
		"markt- en regelmacht": 1,
	} {
		if c := strings.Count(all, phrase); c != n {
			t.Errorf("structure text has %q %d times, want %d", phrase, c, n)
		}
	}
	// The line breaker's hyphens are artifacts with a soft hyphen for
	// their text, which pdftotext honours.
	text, ok := validate.Run("pdftotext", "-enc", "UTF-8", seedFile(t), "-")
	if !ok {
		t.Fatalf("pdftotext: %s", text)
	}
	if !strings.Contains(text, "dreunen") || strings.Contains(text, "dreu-") {
		t.Errorf("pdftotext does not read dreu-nen as one word")
	}
}

// TestUntagged checks pdf untagged: no structure, no marked content, no
// PDF/UA claim, and still a valid PDF.
func TestUntagged(t *testing.T) {
	data := renderPDF(t, fixture.Read(t, "handbook.md"), pdf.Config{Untagged: true}, &render.Options{TOC: true})
	if err := validate.PDF(data); err != nil {
		t.Errorf("pdfcpu: %v", err)
	}
	r, err := validate.PDFTags(data)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(r.Problems, "\n")
	for _, want := range []string{"no /StructTreeRoot", "no /MarkInfo", "no pdfuaid:part 1", "drawing operators outside marked content"} {
		if !strings.Contains(all, want) {
			t.Errorf("an untagged PDF has no problem %q; it has:\n%s", want, all)
		}
	}
	if r.MCIDs != 0 || r.Artifacts != 0 {
		t.Errorf("untagged, yet %d MCIDs and %d artifacts", r.MCIDs, r.Artifacts)
	}
}

// TestLandscapePages checks a table turned to landscape gives landscape
// pages in the PDF (pdfinfo), which stays valid and tagged.
func TestLandscapePages(t *testing.T) {
	validate.Tool(t, "pdfinfo", "poppler-utils")
	cell := func(s string) doc.Cell { return doc.Cell{Inlines: []doc.Inline{&doc.Text{Text: s}}} }
	tb := &doc.Table{}
	for c := 0; c < 14; c++ {
		tb.Header = append(tb.Header, cell(fmt.Sprintf("Column %d header", c)))
	}
	for r := 0; r < 40; r++ {
		var row []doc.Cell
		for c := 0; c < 14; c++ {
			row = append(row, cell(fmt.Sprintf("value %d.%d", r, c)))
		}
		tb.Rows = append(tb.Rows, row)
	}
	d := &doc.Document{Meta: doc.Meta{Title: "Wide", Lang: "en"}, Blocks: []doc.Block{tb}}
	data := renderPDF(t, d, pdf.Config{NoTitlePage: true}, nil)
	if err := validate.PDF(data); err != nil {
		t.Errorf("pdfcpu: %v", err)
	}
	r, err := validate.PDFTags(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Error(p)
	}
	out, _ := validate.Run("pdfinfo", "-f", "1", "-l", "3", writeTemp(t, data))
	if n := strings.Count(out, "841.89 x 595.28 pts"); n < 1 {
		t.Errorf("no landscape page:\n%s", out)
	}
}

// TestPageLabels checks qpdf reads the page labels of a PDF with a title
// page and a contents page: i, ii, then 1, 2, … from the body.
func TestPageLabels(t *testing.T) {
	validate.Tool(t, "qpdf", "qpdf")
	data := renderPDF(t, fixture.Read(t, "report.md"), pdf.Config{}, &render.Options{TOC: true})
	out, ok := validate.Run("qpdf", "--json", "--json-key=pagelabels", writeTemp(t, data))
	if !ok {
		t.Fatalf("qpdf: %s", out)
	}
	compact := strings.Join(strings.Fields(out), "")
	want := `"pagelabels":[{"index":0,"label":{"/S":"/r","/St":1}},{"index":2,"label":{"/S":"/D","/St":1}}]`
	if !strings.Contains(compact, want) {
		t.Errorf("page labels:\n%s", out)
	}
}

// TestPDFUA runs the independent PDF/UA-1 checker (pdfua_check.py, the
// Matterhorn Protocol's machine-checkable conditions) on every fixture's
// PDF, notes at the foot and at the end, with a table of contents: not
// one failure. On the report, whose 66 notes interrupt its paragraphs, a
// screen reader reads 99% of the words or more in the order of the
// source with each note after its reference.
func TestPDFUA(t *testing.T) {
	if testing.Short() {
		t.Skip("the PDF/UA checker takes seconds; skipped under -short")
	}
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		for _, notes := range []string{"foot", "end"} {
			path := writeTemp(t, renderPDF(t, d, pdf.Config{Notes: notes}, &render.Options{TOC: true}))
			source := ""
			if name == "report.md" && notes == "foot" {
				source = readingText(d)
			}
			r := validate.PDFUA(t, path, source)
			for _, f := range r.Failures {
				t.Errorf("%s, notes %s: %s", name, notes, f)
			}
			if source != "" {
				got, _ := r.Info["reading order: source words read in order"].(string)
				var n, of int
				var pct float64
				if _, err := fmt.Sscanf(got, "%d of %d (%f%%)", &n, &of, &pct); err != nil || pct < 99 {
					t.Errorf("%s: reading order: %q words of the source read in order, want 99%% or more", name, got)
				}
			}
		}
	}
}

// TestPDFUAEdges: what real web pages held that broke PDF/UA once: a
// footnote in a table cell, headings that skip levels, characters that
// draw nothing (a variation selector, direction marks, a byte order
// mark), a figure with neither image nor alternative text.
func TestPDFUAEdges(t *testing.T) {
	if testing.Short() {
		t.Skip("the PDF/UA checker takes seconds; skipped under -short")
	}
	txt := func(s string) []doc.Inline { return []doc.Inline{&doc.Text{Text: s}} }
	note := &doc.Note{Blocks: []doc.Block{&doc.Paragraph{Inlines: txt("A note in a cell.")}}}
	d := &doc.Document{Meta: doc.Meta{Title: "Edges", Lang: "en"}, Blocks: []doc.Block{
		&doc.Heading{Level: 1, Inlines: txt("Top")},
		&doc.Heading{Level: 3, Inlines: txt("Skipped a level")},
		&doc.Paragraph{Inlines: txt("Hearts \u2764\ufe0f, a mark \u200f here, \ufeffa BOM and \u2066isolated\u2069 text.")},
		&doc.Table{Header: []doc.Cell{{Inlines: txt("A")}, {Inlines: txt("B")}},
			Rows: [][]doc.Cell{{{Inlines: append(txt("cell"), note)}, {Inlines: txt("x")}}, {{Inlines: txt("y")}, {Inlines: txt("z")}}}},
		&doc.Figure{Caption: txt("A caption of nothing.")},
		&doc.Figure{},
	}}
	transform.Standard(d, "edges")
	path := writeTemp(t, renderPDF(t, d, pdf.Config{NoSystemFonts: true}, nil))
	for _, f := range validate.PDFUA(t, path, "").Failures {
		t.Error(f)
	}
}

// readingText is d's text as a screen reader should read it: the title
// block, then the text in order, each note right after its reference.
func readingText(d *doc.Document) string {
	var b strings.Builder
	for _, s := range append([]string{d.Meta.Title, d.Meta.Subtitle}, d.Meta.Authors...) {
		b.WriteString(s + "\n")
	}
	b.WriteString(d.Meta.Date + "\n" + d.Meta.Publisher + "\n")
	var blocks func([]doc.Block)
	var inlines func([]doc.Inline)
	inlines = func(ins []doc.Inline) {
		for _, in := range ins {
			switch in := in.(type) {
			case *doc.Text:
				b.WriteString(in.Text)
			case *doc.Code:
				b.WriteString(in.Text)
			case *doc.Note:
				fmt.Fprintf(&b, " %d %d. ", in.Number, in.Number)
				blocks(in.Blocks)
			case *doc.Image:
				b.WriteString(" " + in.Alt + " ")
			default:
				inlines(doc.Children(in))
			}
		}
	}
	blocks = func(bs []doc.Block) {
		for _, bl := range bs {
			b.WriteString("\n")
			switch bl := bl.(type) {
			case *doc.Paragraph:
				inlines(bl.Inlines)
			case *doc.Heading:
				inlines(bl.Inlines)
			case *doc.CodeBlock:
				b.WriteString(bl.Text)
			case *doc.Table:
				inlines(bl.Caption)
				for _, row := range bl.Places() {
					for _, c := range row {
						if c != nil {
							b.WriteString(" ")
							inlines(c.Inlines)
						}
					}
				}
			case *doc.Figure:
				inlines(bl.Caption)
			case *doc.List:
				for i, it := range bl.Items {
					if bl.Ordered {
						fmt.Fprintf(&b, " %d. ", i+1)
					}
					blocks(it.Blocks)
				}
			case *doc.Quote:
				blocks(bl.Blocks)
			case *doc.Admonition:
				blocks(bl.Blocks)
			case *doc.Div:
				blocks(bl.Blocks)
			}
		}
	}
	blocks(d.Blocks)
	var sections func([]*doc.Section)
	sections = func(ss []*doc.Section) {
		for _, s := range ss {
			b.WriteString("\n")
			inlines(s.Title)
			blocks(s.Blocks)
			sections(s.Sections)
		}
	}
	sections(d.Sections)
	return b.String()
}

// TestPDFA checks every fixture's PDF against the rules of PDF/A-2 that
// validate.PDFA checks (validate.PDFARules; veraPDF cannot be installed
// here): by default a PDF is PDF/A-2a and PDF/UA-1 at once; untagged,
// PDF/A-2b; with archive none, no claim and no output intent.
func TestPDFA(t *testing.T) {
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		data := renderPDF(t, d, pdf.Config{}, &render.Options{TOC: true})
		problems, err := validate.PDFA(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", name, p)
		}
		if !bytes.Contains(data, []byte("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>")) || !bytes.Contains(data, []byte("<pdfuaid:part>1</pdfuaid:part>")) {
			t.Errorf("%s: the PDF does not claim PDF/A-2a and PDF/UA-1", name)
		}
	}
	d := fixture.Read(t, "report.md")
	for _, c := range []struct {
		cfg   pdf.Config
		claim string
	}{
		{pdf.Config{Untagged: true}, "2B"},
		{pdf.Config{Archive: "a-3u"}, "3U"},
		{pdf.Config{Archive: "none"}, ""},
	} {
		data := renderPDF(t, d, c.cfg, nil)
		problems, err := validate.PDFA(data)
		if c.claim == "" {
			if err == nil || bytes.Contains(data, []byte("/OutputIntents")) {
				t.Errorf("archive none: the PDF claims PDF/A (%v) or has an output intent", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%+v: %v", c.cfg, err)
		}
		for _, p := range problems {
			t.Errorf("%+v: %s", c.cfg, p)
		}
		claim := fmt.Sprintf("<pdfaid:part>%c</pdfaid:part>\n<pdfaid:conformance>%c</pdfaid:conformance>", c.claim[0], c.claim[1])
		if !bytes.Contains(data, []byte(claim)) {
			t.Errorf("%+v: no claim of PDF/A-%s", c.cfg, c.claim)
		}
	}
	err := pdf.New(pdf.Config{Untagged: true, Archive: "a-2a"}).Render(context.Background(), io.Discard, d, nil)
	if err == nil || !strings.Contains(err.Error(), "needs the tags that --untagged leaves out") {
		t.Errorf("a-2a untagged: %v", err)
	}
}
