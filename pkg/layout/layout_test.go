package layout_test

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/theme"
	"github.com/galleypress/galley/pkg/transform"

	"github.com/galleypress/galley/pkg/internal/highlight"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/typeset"
)

// TestDisplayList checks the seed's display list: every glyph run is page
// furniture or belongs to a logical element, the structure follows the
// sections (H1, H2 and 22 H3), and links and destinations pair up.
func TestDisplayList(t *testing.T) {
	d := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	l, err := layout.Layout(d, layout.Config{}, &render.Options{Files: os.DirFS(fixture.Dir())})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 10 || !l.TitlePage {
		t.Fatalf("%d pages, title page %v", len(l.Pages), l.TitlePage)
	}
	dests := map[string]bool{}
	var targets []string
	furniture := 0
	for _, p := range l.Pages {
		for _, it := range p.Items {
			switch it.Kind {
			case layout.Glyphs:
				if it.Furniture {
					furniture++
					if it.Elem != nil {
						t.Errorf("page %d: furniture %q has an element", p.Number, it.Text)
					}
				} else if it.Elem == nil {
					t.Errorf("page %d: glyphs %q belong to no element", p.Number, it.Text)
				}
				if it.X < 0 || it.X > l.Width || it.Y < 0 || it.Y > l.Height {
					t.Errorf("page %d: %q off the page", p.Number, it.Text)
				}
			case layout.Dest:
				dests[it.Name] = true
			case layout.LinkArea:
				if strings.HasPrefix(it.Target, "#") {
					targets = append(targets, it.Target[1:])
				}
			}
		}
	}
	if furniture < 2*(len(l.Pages)-1) {
		t.Errorf("%d furniture runs on %d pages", furniture, len(l.Pages))
	}
	for _, id := range targets {
		if !dests[id] {
			t.Errorf("a link to %q has no destination", id)
		}
	}
	roles := map[string]int{}
	var walk func(e *layout.StructElem)
	walk = func(e *layout.StructElem) {
		roles[e.Role]++
		for _, k := range e.Kids {
			if k.Parent != e {
				t.Errorf("%s's kid %s has another parent", e.Role, k.Role)
			}
			walk(k)
		}
	}
	walk(l.Root)
	if roles["Document"] != 1 || roles["H1"] != 1 || roles["H2"] != 1 || roles["H3"] != 22 || roles["Sect"] != 24 || roles["P"] < 60 {
		t.Errorf("roles: %v", roles)
	}
}

// TestFootnotes sets 60 notes, one of them 40 lines long, and checks
// from the display list that every note starts on the page of its
// reference and that no page is left under 60% full to keep a note
// whole.
func TestFootnotes(t *testing.T) {
	var blocks []doc.Block
	for i := 1; i <= 60; i++ {
		text := fmt.Sprintf("Note %d, short.", i)
		if i == 20 {
			text = strings.Repeat("A very long note that goes on and on, sentence after sentence, as legal notes do. ", 60)
		}
		blocks = append(blocks, &doc.Paragraph{Inlines: []doc.Inline{
			&doc.Text{Text: strings.Repeat("Body text that refers to a note at its end, to fill the page. ", 4)},
			&doc.Note{Number: i, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: text}}}}},
		}})
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Sections: []*doc.Section{{Level: 1, ID: "s", Title: []doc.Inline{&doc.Text{Text: "Notes"}}, Blocks: blocks}}}
	l, err := layout.Layout(d, layout.Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNotes(t, l, 60)
	// The report: 66 notes among text, a long table, figures and code.
	l, err = layout.Layout(fixture.Read(t, "report.md"), layout.Config{TOC: true}, &render.Options{Files: os.DirFS(fixture.Dir())})
	if err != nil {
		t.Fatal(err)
	}
	checkNotes(t, l, 66)
}

// checkNotes checks every note of a layout starts on the page of its
// reference, and that every page but the last is at least 60% full.
func checkNotes(t *testing.T, l *layout.Paged, want int) {
	t.Helper()
	refPage, notePage := map[string]int{}, map[string]int{}
	for _, p := range l.Pages {
		var lowest typeset.Unit
		for _, it := range p.Items {
			switch it.Kind {
			case layout.LinkArea:
				if n, ok := doc.NoteNumber(strings.TrimPrefix(it.Target, "#")); ok {
					if _, seen := refPage[doc.NoteID(n)]; !seen {
						refPage[doc.NoteID(n)] = p.Number
					}
				}
			case layout.Dest:
				if _, ok := doc.NoteNumber(it.Name); ok {
					notePage[it.Name] = p.Number
				}
			case layout.Glyphs, layout.Image:
				if !it.Furniture && it.Y > lowest {
					lowest = it.Y
				}
			}
		}
		// Every page but the last is at least 60% full, notes included;
		// chapters end where they end.
		if p.Number < len(l.Pages) && lowest < l.Height*60/100 && !chapterEnd(l, p.Number) {
			t.Errorf("page %d is filled only to %.0f pt of %.0f", p.Number, lowest.Points(), l.Height.Points())
		}
	}
	if len(notePage) != want {
		t.Fatalf("%d notes placed, want %d", len(notePage), want)
	}
	for id, p := range notePage {
		if refPage[id] != p {
			t.Errorf("%s starts on page %d, its reference is on page %d", id, p, refPage[id])
		}
	}
}

// chapterEnd reports whether page n is followed by the start of a
// top-level section (which starts a page), or is front matter.
func chapterEnd(l *layout.Paged, n int) bool {
	if n <= l.FrontPages || n >= len(l.Pages) {
		return true
	}
	for _, it := range l.Pages[n].Items { // page n+1
		if it.Kind == layout.Outline && it.Level == 0 {
			return true
		}
	}
	return false
}

// TestContents checks the seed's contents page: after the title page,
// 24 entries whose page numbers are the printed numbers of the pages
// where their sections start; front matter is numbered i, ii, the body
// from 1.
func TestContents(t *testing.T) {
	d := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	l, err := layout.Layout(d, layout.Config{TOC: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l.FrontPages != 2 || l.Pages[0].Label != "i" || l.Pages[1].Label != "ii" || l.Pages[2].Label != "1" {
		t.Fatalf("front pages %d, labels %q %q %q", l.FrontPages, l.Pages[0].Label, l.Pages[1].Label, l.Pages[2].Label)
	}
	startsOn := map[string]string{}
	for _, p := range l.Pages[l.FrontPages:] {
		for _, it := range p.Items {
			if it.Kind == layout.Dest {
				if _, seen := startsOn[it.Name]; !seen {
					startsOn[it.Name] = p.Label
				}
			}
		}
	}
	entries := 0
	for _, p := range l.Pages[:l.FrontPages] {
		links := map[typeset.Unit]string{} // the target of each line's link
		for _, it := range p.Items {
			if it.Kind == layout.LinkArea {
				links[it.Y] = strings.TrimPrefix(it.Target, "#")
			}
		}
		for _, it := range p.Items {
			if it.Kind != layout.Glyphs || it.Furniture || strings.Trim(it.Text, "0123456789 ") != "" {
				continue
			}
			var id string
			for y, target := range links {
				if it.Y > y && it.Y-y < it.Size*2 {
					id = target
				}
			}
			if id == "" {
				continue // digits that link nowhere: the title page's "2023"
			}
			entries++
			if got := strings.TrimSpace(it.Text); startsOn[id] != got {
				t.Errorf("contents: %s on page %s, its section starts on page %q", id, got, startsOn[id])
			}
		}
	}
	if entries != 24 {
		t.Errorf("%d contents entries, want 24", entries)
	}
}

// TestTables checks the report's table of 112 rows and 8 columns: it
// crosses pages, every page of it starts with its header row, no row
// parts across pages, every column fits the measure, and every cell
// reads back as its source text: no word is broken without a hyphen.
func TestTables(t *testing.T) {
	d := fixture.Read(t, "report.md")
	var table *doc.Table
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if tb, ok := n.(*doc.Table); ok && table == nil {
			table = tb
		}
		return doc.Continue
	})
	if table == nil || len(table.Rows) < 100 || len(table.Header) != 8 {
		t.Fatal("the report has no table of 100 rows and 8 columns")
	}
	l, err := layout.Layout(d, layout.Config{}, &render.Options{Files: os.DirFS(fixture.Dir())})
	if err != nil {
		t.Fatal(err)
	}
	// The table's elements: its rows and their cells, in order.
	var tableElem *layout.StructElem
	var find func(e *layout.StructElem)
	find = func(e *layout.StructElem) {
		if e.Role == "Table" && tableElem == nil {
			tableElem = e
		}
		for _, k := range e.Kids {
			find(k)
		}
	}
	find(l.Root)
	if tableElem == nil {
		t.Fatal("no Table element")
	}
	var rows []*layout.StructElem
	for _, k := range tableElem.Kids {
		if k.Role == "TR" {
			rows = append(rows, k)
		}
	}
	if len(rows) != len(table.Rows)+1 {
		t.Fatalf("%d TR elements for %d rows and a header", len(rows), len(table.Rows))
	}
	// Each cell's lines, and the pages each row is on.
	type line struct {
		y    typeset.Unit
		text string
	}
	cellLines := map[*layout.StructElem][]line{}
	rowOf := map[*layout.StructElem]int{}
	for r, row := range rows {
		for _, cell := range row.Kids {
			rowOf[cell] = r
		}
	}
	rowPages := map[int]map[int]bool{}
	headerAtTop := map[int]bool{} // pages whose first table text is the header
	tablePages := map[int]bool{}
	for _, p := range l.Pages {
		first := true
		for _, it := range p.Items {
			if it.Kind != layout.Glyphs || it.Furniture {
				continue
			}
			r, inTable := rowOf[it.Elem]
			repeated := it.Elem == nil && strings.HasPrefix(it.Text, "Station")
			if (inTable || repeated) && first {
				first = false
				headerAtTop[p.Number] = repeated || r == 0
			}
			if !inTable {
				continue
			}
			tablePages[p.Number] = true
			if rowPages[r] == nil {
				rowPages[r] = map[int]bool{}
			}
			rowPages[r][p.Number] = true
			ls := cellLines[it.Elem]
			if n := len(ls); n > 0 && ls[n-1].y == it.Y+typeset.Unit(p.Number)<<40 {
				ls[n-1].text += it.Text
			} else {
				ls = append(ls, line{it.Y + typeset.Unit(p.Number)<<40, it.Text})
			}
			cellLines[it.Elem] = ls
		}
	}
	if len(tablePages) < 3 {
		t.Errorf("the table covers %d pages, want 3 or more", len(tablePages))
	}
	for p := range tablePages {
		if !headerAtTop[p] {
			t.Errorf("page %d of the table does not start with its header row", p)
		}
	}
	for r, pages := range rowPages {
		if len(pages) > 1 {
			t.Errorf("row %d parts across pages %v", r, pages)
		}
	}
	src := append([][]doc.Cell{table.Header}, table.Rows...)
	for r, row := range rows {
		for i, cell := range row.Kids {
			want := strings.Join(strings.Fields(doc.PlainText(src[r][i].Inlines)), " ")
			var got strings.Builder
			for k, ln := range cellLines[cell] {
				s := strings.TrimSpace(ln.text)
				if k > 0 && !strings.HasSuffix(got.String(), "-") {
					got.WriteByte(' ')
				}
				got.WriteString(s)
			}
			dehyphen := strings.NewReplacer("-", "")
			if dehyphen.Replace(got.String()) != dehyphen.Replace(want) {
				t.Errorf("row %d, column %d reads %q, want %q", r, i+1, got.String(), want)
			}
		}
	}
}

// TestCodeLines checks long code lines wrap after a space or punctuation
// with a continuation mark in the margin, that nothing runs past the
// measure, and that an ASCII drawing shrinks instead of wrapping.
func TestCodeLines(t *testing.T) {
	long := "wq-load --input /srv/laboratory/exports/2024/monthly/results-northern-basins-all-stations.csv --schema /etc/wq/schema/v3/water-quality-results.json --timezone=Europe/Amsterdam"
	frame := "+" + strings.Repeat("-", 100) + "+"
	art := frame + "\n|" + strings.Repeat(" ", 100) + "|\n" + frame
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{
		&doc.CodeBlock{Text: long},
		&doc.CodeBlock{Text: art},
	}}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var code, marks []layout.Item
	for _, it := range l.Pages[0].Items {
		if it.Kind != layout.Glyphs || it.Furniture {
			continue
		}
		if it.Elem == nil {
			marks = append(marks, it)
			continue
		}
		code = append(code, it)
	}
	var longLines []string
	for _, it := range code {
		if strings.HasPrefix(it.Text, "+-") || strings.HasPrefix(it.Text, "| ") {
			if it.Size >= code[0].Size {
				t.Errorf("the drawing is not shrunk: %.1f pt", it.Size.Points())
			}
			continue
		}
		longLines = append(longLines, it.Text)
	}
	if len(longLines) < 3 || len(marks) != len(longLines)-1 {
		t.Fatalf("%d lines of the long code line, %d continuation marks", len(longLines), len(marks))
	}
	if strings.TrimSpace(strings.Join(longLines, "")) != long {
		t.Errorf("the code reads back as\n%q", strings.Join(longLines, ""))
	}
	for _, s := range longLines[:len(longLines)-1] {
		if !strings.ContainsAny(s[len(s)-1:], " /.,;:-_?&=)]}|") {
			t.Errorf("line %q breaks inside a token", s)
		}
	}
	for _, m := range marks {
		if m.X >= code[0].X {
			t.Errorf("continuation mark at %.1f, not in the margin (text at %.1f)", m.X.Points(), code[0].X.Points())
		}
	}
}

// TestTitleWords checks a title word too wide for the measure in display
// type makes the title smaller instead of breaking.
func TestTitleWords(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "The pneumonoultramicroscopicsilicovolcanoconiosis handbook", Lang: "en"},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Text."}}}}}
	l, err := layout.Layout(d, layout.Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var title []string
	for _, it := range l.Pages[0].Items {
		if it.Kind == layout.Glyphs && !it.Furniture {
			title = append(title, strings.TrimSpace(it.Text))
		}
	}
	for _, w := range title {
		if w != "" && !strings.Contains(d.Meta.Title, w) {
			t.Errorf("title line %q is not a whole part of the title", w)
		}
	}
	if got := strings.Join(title, " "); strings.ReplaceAll(got, "- ", "-") != d.Meta.Title {
		t.Errorf("the title page reads %q", got)
	}
}

// TestInlineImage checks an image in a sentence is drawn in its line, as
// tall as the type, between the words around it, as a Figure with its
// alternative text.
func TestInlineImage(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{
		&doc.Text{Text: "An inline image "}, &doc.Image{Src: "images/galley.png", Alt: "a ship"}, &doc.Text{Text: " sits in a sentence."},
	}}}}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true}, &render.Options{Files: os.DirFS(fixture.Dir())})
	if err != nil {
		t.Fatal(err)
	}
	var before, after, img *layout.Item
	for i := range l.Pages[0].Items {
		it := &l.Pages[0].Items[i]
		switch {
		case it.Kind == layout.Image:
			img = it
		case it.Kind == layout.Glyphs && strings.HasPrefix(it.Text, "image"):
			before = it
		case it.Kind == layout.Glyphs && strings.HasPrefix(it.Text, "sits"):
			after = it
		}
	}
	if img == nil || before == nil || after == nil {
		t.Fatalf("image %v, text before %v, after %v", img, before, after)
	}
	if img.H != before.Size || img.Y > before.Y || img.Y+img.H < before.Y {
		t.Errorf("image %.1f pt tall from y=%.1f; the text is %.1f pt on baseline %.1f", img.H.Points(), img.Y.Points(), before.Size.Points(), before.Y.Points())
	}
	if !(before.X < img.X && img.X+img.W < after.X) || after.Y != before.Y {
		t.Errorf("the image is not between its words on their line")
	}
	if img.Elem == nil || img.Elem.Role != "Figure" || img.Elem.Alt != "a ship" {
		t.Errorf("the image's element is %+v", img.Elem)
	}
}

// TestSVG checks an SVG figure is drawn as vectors at its aspect ratio,
// and that an SVG that cannot be read leaves its alternative text and a
// warning.
func TestSVG(t *testing.T) {
	res := fstest.MapFS{
		"chart.svg":  {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect x="10" y="10" width="100" height="50" fill="#1f4e8c"/></svg>`)},
		"broken.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/>`)},
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{
		&doc.Figure{Src: "chart.svg", Alt: "a chart"},
		&doc.Figure{Src: "broken.svg", Alt: "no size"},
	}}
	var warnings []string
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true}, &render.Options{Files: res, Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	var img *layout.Item
	var text strings.Builder
	for i, it := range l.Pages[0].Items {
		if it.Kind == layout.Image {
			img = &l.Pages[0].Items[i]
		}
		if it.Kind == layout.Glyphs {
			text.WriteString(it.Text)
		}
	}
	alt := strings.Contains(text.String(), "[no size]")
	if img == nil || img.Picture.Vector == nil {
		t.Fatalf("the SVG is not drawn as vectors: %+v", img)
	}
	if items := img.Picture.Vector.Drawing.Items; len(items) != 1 || items[0].Fill.R < 0.12 || items[0].Fill.R > 0.13 || len(items[0].Path) != 5 {
		t.Errorf("the SVG draws %+v, want one blue rectangle", items)
	}
	if r := float64(img.W) / float64(img.H); r < 1.99 || r > 2.01 {
		t.Errorf("drawn %.1f×%.1f pt, not 2:1", img.W.Points(), img.H.Points())
	}
	if !alt || len(warnings) != 1 || !strings.Contains(warnings[0], "broken.svg") {
		t.Errorf("the SVG without a size: alternative text shown %v, warnings %q", alt, warnings)
	}
}

// TestFallbackFonts checks characters the Go fonts lack are set in the
// fallback fonts given, in order (CJK from a face of a TrueType
// collection, Hebrew from DejaVu), that none is reported missing, that
// right-to-left words are drawn in visual order, and that without
// fallbacks the characters are reported once each.
func TestFallbackFonts(t *testing.T) {
	cjk := validate.File(t, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "fonts-wqy-zenhei")
	dejavu := validate.File(t, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core")
	d := &doc.Document{Meta: doc.Meta{Lang: "zh"}, Sections: []*doc.Section{{Level: 1, ID: "r", Title: []doc.Inline{&doc.Text{Text: "报告"}},
		Blocks: []doc.Block{
			&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: strings.Repeat("北京市的水质报告显示，河流的硝酸盐浓度在过去五年中持续下降。", 3) + " Latin text too."}}},
			&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Hebrew: שלום עולם, end."}}},
			&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "مرحبا"}}},
		}}}}
	var warnings []string
	opts := &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, Fonts: layout.Fonts{Fallback: []string{cjk + "#0", dejavu}}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	// The eight styles (the headings' two among them), then the
	// fallbacks.
	if len(l.Faces) != 10 || !strings.Contains(l.Faces[8].Name, "wqy") || !strings.Contains(l.Faces[9].Name, "DejaVu") {
		t.Fatalf("faces: %d", len(l.Faces))
	}
	var hebrew []string
	var arabic []layout.Item
	var hebrewX, commaX typeset.Unit
	cjkRuns := 0
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind != layout.Glyphs || it.Furniture {
				continue
			}
			switch it.Font {
			case 8:
				cjkRuns++
			case 9:
				if strings.ContainsAny(it.Text, "אבגדהוזחטיכלמנסעפצקרשתםןףךץ") {
					hebrew = append(hebrew, strings.TrimSpace(it.Text))
					hebrewX = max(hebrewX, it.X)
				} else {
					arabic = append(arabic, it)
				}
			default:
				if strings.HasPrefix(it.Text, ",") {
					commaX = it.X
				}
			}
		}
	}
	if cjkRuns < 3 {
		t.Errorf("%d runs in the CJK font", cjkRuns)
	}
	// "שלום עולם" is drawn right to left: the first word drawn, leftmost,
	// is the last one read; each run's text stays in reading order.
	if strings.Join(hebrew, " ") != "עולם שלום" {
		t.Errorf("Hebrew drawn as %q", hebrew)
	}
	// The comma after the Hebrew words belongs to the Latin sentence
	// (rule W/N of the bidirectional algorithm): it is drawn right of
	// them.
	if commaX <= hebrewX {
		t.Errorf("the comma at %s, left of the Hebrew run at %s", commaX, hebrewX)
	}
	// "مرحبا" is read as its letters and drawn joined: the shaper chose
	// the initial, medial and final forms, none of them the letters'
	// own (isolated) glyphs.
	if len(arabic) != 1 || strings.TrimSpace(arabic[0].Text) != "مرحبا" || !arabic[0].RTL {
		t.Fatalf("Arabic runs: %+v", arabic)
	}
	isolated := map[uint16]bool{}
	for _, r := range "مرحبا" {
		id, _ := l.Faces[9].GlyphID(r)
		isolated[id] = true
	}
	joined := 0
	for _, g := range arabic[0].Glyphs {
		if !isolated[g.ID] {
			joined++
		}
	}
	if joined < 4 {
		t.Errorf("%d of %d Arabic glyphs in a joining form", joined, len(arabic[0].Glyphs))
	}
	warnings = nil
	if _, err := layout.Layout(d, layout.Config{NoTitlePage: true}, opts); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "--font fallback=FILE") {
		t.Errorf("without fallbacks: %q", warnings)
	}
}

// TestSystemFonts checks --system-fonts finds a machine font for
// characters the given fonts lack, and says which.
func TestSystemFonts(t *testing.T) {
	validate.File(t, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core")
	d := &doc.Document{Meta: doc.Meta{Lang: "he"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "שלום"}}}}}
	var warnings []string
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, Ragged: true}, &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Faces) != 9 || !strings.HasPrefix(l.Faces[8].Name, "/usr/share/fonts/") {
		t.Fatalf("%d faces", len(l.Faces))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], l.Faces[8].Name) || !strings.Contains(warnings[0], "--font fallback=FILE") {
		t.Errorf("warnings: %q", warnings)
	}
}

// wideTable returns a document with a table of 14 columns: too wide for
// a portrait page even in 7 pt type.
func wideTable(rows int) *doc.Document {
	cell := func(s string) doc.Cell { return doc.Cell{Inlines: []doc.Inline{&doc.Text{Text: s}}} }
	t := &doc.Table{}
	for c := 0; c < 14; c++ {
		t.Header = append(t.Header, cell(fmt.Sprintf("Column %d header", c)))
	}
	for r := 0; r < rows; r++ {
		var row []doc.Cell
		for c := 0; c < 14; c++ {
			row = append(row, cell(fmt.Sprintf("value %d.%d long", r, c)))
		}
		t.Rows = append(t.Rows, row)
	}
	return &doc.Document{Meta: doc.Meta{Lang: "en"}, Sections: []*doc.Section{{Level: 1, ID: "w", Title: []doc.Inline{&doc.Text{Text: "Wide"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Before."}}}, t, &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "After."}}}}}}}
}

// TestLandscapeTable checks a table too wide for the page in 7 pt type
// is set on landscape pages of its own, its header on each, everything
// inside the landscape page; with wide-tables shrink it stays portrait.
func TestLandscapeTable(t *testing.T) {
	d := wideTable(60)
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	landscape := 0
	for _, p := range l.Pages {
		if !p.Landscape {
			continue
		}
		landscape++
		firstText := ""
		for _, it := range p.Items {
			if it.Kind != layout.Glyphs {
				continue
			}
			if it.X < 0 || it.X > l.Height || it.Y < 0 || it.Y > l.Width {
				t.Errorf("page %d: %q at (%.0f, %.0f), off the landscape page", p.Number, it.Text, it.X.Points(), it.Y.Points())
			}
			if !it.Furniture && firstText == "" {
				firstText = it.Text
			}
		}
		// "Column", or "Col-" hyphenated in its narrow column.
		if !strings.HasPrefix(firstText, "Col") {
			t.Errorf("landscape page %d starts with %q, not the header row", p.Number, firstText)
		}
	}
	if landscape < 2 {
		t.Errorf("%d landscape pages", landscape)
	}
	if l.Pages[0].Landscape || l.Pages[len(l.Pages)-1].Landscape {
		t.Error("the text before or after the table is on a landscape page")
	}
	l, err = layout.Layout(d, layout.Config{NoTitlePage: true, WideTables: "shrink"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range l.Pages {
		if p.Landscape {
			t.Fatalf("wide-tables shrink: page %d is landscape", p.Number)
		}
	}
}

// TestStream checks that a Stream layout gives, page by page, the display
// lists a whole layout holds, and that pages must be asked for in order.
func TestStream(t *testing.T) {
	d := fixture.Read(t, "handbook.md")
	opts := &render.Options{Files: os.DirFS(fixture.Dir()), TOC: true}
	whole, err := layout.Layout(d, layout.Config{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := layout.Layout(d, layout.Config{Stream: true}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(lazy.Pages) != 0 || lazy.Len() != whole.Len() || whole.Len() < 3 {
		t.Fatalf("pages: %d held, %d in all; want none held, %d", len(lazy.Pages), lazy.Len(), whole.Len())
	}
	if _, err := lazy.Page(1); err == nil {
		t.Error("page 2 before page 1: no error")
	}
	for i := 0; i < lazy.Len(); i++ {
		p, err := lazy.Page(i)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p.Items, whole.Pages[i].Items) || p.Label != whole.Pages[i].Label {
			t.Errorf("page %d differs from the whole layout's", i+1)
		}
	}
	if _, err := lazy.Page(0); err == nil {
		t.Error("page 1 asked for twice: no error")
	}
}

// TestMachinePatterns: a Czech document, whose patterns galley cannot
// embed, is hyphenated by the machine's (Debian's hyphen-cs), with a
// warning that says so; --no-system-fonts keeps to galley's own, and
// says that Czech is not hyphenated.
func TestMachinePatterns(t *testing.T) {
	validate.File(t, "/usr/share/hyphen/hyph_cs_CZ.dic", "hyphen-cs")
	text := strings.Repeat("Ministerstvo zahraničních věcí zajišťuje hospodářskou spolupráci a rozvojovou politiku republiky. ", 12)
	d := &doc.Document{Meta: doc.Meta{Lang: "cs-CZ"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: text}}}}}
	hyphens := func(cfg layout.Config) (int, []string) {
		var warnings []string
		l, err := layout.Layout(d, cfg, &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, it := range l.Pages[0].Items {
			if it.Hyphen {
				n++
			}
		}
		return n, warnings
	}
	n, warnings := hyphens(layout.Config{NoTitlePage: true, Paper: "a5"})
	if n == 0 {
		t.Error("no line of the Czech paragraph ends in a hyphen")
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "hyphenated by this machine's patterns /usr/share/hyphen/hyph_cs_CZ.dic") {
		t.Errorf("warnings: %q", warnings)
	}
	n, warnings = hyphens(layout.Config{NoTitlePage: true, Paper: "a5", NoSystemFonts: true})
	if n != 0 {
		t.Errorf("%d hyphens without the machine's patterns", n)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `no hyphenation patterns for language "cs-CZ"`) {
		t.Errorf("warnings: %q", warnings)
	}
}

// TestLanguageOfParts: in a Dutch document, an English span and an
// English div are tagged with their language (a Span and a Div with
// /Lang en), and hyphenated by the English patterns, the Dutch text
// around them by the Dutch ones.
func TestLanguageOfParts(t *testing.T) {
	words := strings.Repeat("internationalization responsibilities circumstances ", 10)
	d := &doc.Document{Meta: doc.Meta{Lang: "nl"}, Blocks: []doc.Block{
		&doc.Paragraph{Inlines: []doc.Inline{&doc.Span{Attr: doc.Attr{Pairs: []doc.Pair{{Key: "lang", Value: "en"}}}, Inlines: []doc.Inline{&doc.Text{Text: words}}}}},
		&doc.Div{Attr: doc.Attr{Pairs: []doc.Pair{{Key: "lang", Value: "en"}}}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: words}}}}},
		&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: words}}},
	}}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, Paper: "a5", NoSystemFonts: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	points := map[string]map[string][]int{
		"en": {"internationalization": {2, 5, 7, 11, 13, 16}, "responsibilities": {2, 6, 8, 11, 12}, "circumstances": {3, 6}},
		"nl": {"internationalization": {2, 5, 7, 9, 10, 12, 14, 16, 18}, "responsibilities": {3, 6, 8, 10, 12}, "circumstances": {3, 6, 10}},
	}
	// langOf is the language an element's text is in.
	langOf := func(e *layout.StructElem) string {
		for ; e != nil; e = e.Parent {
			if e.Lang != "" {
				return e.Lang
			}
		}
		return "nl"
	}
	cuts := map[string]int{}
	var prev layout.Item
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind != layout.Glyphs {
				continue
			}
			if it.Hyphen {
				fields := strings.Fields(prev.Text)
				piece := fields[len(fields)-1]
				lang := langOf(prev.Elem)
				ok := false
				for w, pts := range points[lang] {
					if strings.HasPrefix(w, piece) && slices.Contains(pts, len(piece)) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%q- is no %s hyphenation point", piece, lang)
				}
				where := lang
				for e := prev.Elem; e != nil; e = e.Parent {
					if e.Role == "Span" || e.Role == "Div" {
						where += " " + e.Role
					}
				}
				cuts[where]++
			}
			prev = it
		}
	}
	if cuts["en Span"] < 2 || cuts["en Div"] < 2 || cuts["nl"] < 2 {
		t.Errorf("hyphens: %v; want some in the span, the div and the Dutch paragraph", cuts)
	}
	roles := map[string]int{}
	var walk func(e *layout.StructElem)
	walk = func(e *layout.StructElem) {
		if e.Lang == "en" {
			roles[e.Role]++
		}
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(l.Root)
	if roles["Span"] != 1 || roles["Div"] != 1 {
		t.Errorf("elements with /Lang en: %v, want a Span and a Div", roles)
	}
}

// TestCodeFallback: a code block's characters that the monospaced face
// lacks (a string in Hebrew and Chinese, as in The Rust Programming
// Language) are set in the fallback fonts, not drawn as '�'.
func TestCodeFallback(t *testing.T) {
	cjk := validate.File(t, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "fonts-wqy-zenhei")
	dejavu := validate.File(t, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core")
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{
		&doc.CodeBlock{Text: "let hello = String::from(\"שלום\");\nlet hello = String::from(\"你好\");\n"},
	}}
	var warnings []string
	opts := &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, NoSystemFonts: true, Fonts: layout.Fonts{Fallback: []string{cjk + "#0", dejavu}}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	var text []string
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind == layout.Glyphs && !it.Furniture && (strings.Contains(it.Text, "שלום") || strings.Contains(it.Text, "你好")) {
				text = append(text, it.Text+"@"+l.Faces[it.Font].Name)
			}
		}
	}
	if len(text) != 2 || !strings.Contains(text[0], "DejaVu") || !strings.Contains(text[1], "wqy") {
		t.Errorf("the code's Hebrew and Chinese: %q", text)
	}
}

// TestNoNearEmptyPages: on every fixture, no page of the body is less
// than 15% full but a chapter's last (the page before one that starts
// with a top-level heading, and the last page): no page holds only a
// README's badges, or a preface's two lines, before a chapter.
func TestNoNearEmptyPages(t *testing.T) {
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		l, err := layout.Layout(d, layout.Config{NoSystemFonts: true, TOC: true}, &render.Options{Files: os.DirFS(fixture.Dir())})
		if err != nil {
			t.Fatal(err)
		}
		type extent struct {
			top, bottom typeset.Unit
			chapter     bool // starts with a top-level heading
		}
		var pages []extent
		for _, p := range l.Pages[l.FrontPages:] {
			e := extent{top: -1}
			for _, it := range p.Items {
				if it.Furniture || it.Kind != layout.Glyphs && it.Kind != layout.Image && it.Kind != layout.Rule {
					continue
				}
				if e.top < 0 {
					e.top = it.Y
					e.chapter = it.Elem != nil && it.Elem.Role == "H1"
				}
				e.bottom = max(e.bottom, it.Y)
			}
			pages = append(pages, e)
		}
		inChapter := false // a chapter began on this page or before
		for i, e := range pages {
			inChapter = inChapter || e.chapter
			chapterEnd := inChapter && (i == len(pages)-1 || pages[i+1].chapter)
			if full := float64(e.bottom-e.top) / float64(l.Height); !chapterEnd && full < 0.15 {
				t.Errorf("%s: page %d is %.0f%% full", name, l.FrontPages+i+1, 100*full)
			}
		}
	}
}

// TestHeadersWhole: a table's headings are not hyphenated where their
// columns have room for their words ("Struc-ture", "ele-ments" read
// badly), though the text below them wraps.
func TestHeadersWhole(t *testing.T) {
	cell := func(s string) doc.Cell { return doc.Cell{Inlines: []doc.Inline{&doc.Text{Text: s}}} }
	heads := []string{"Elements of the structure", "Structure elements", "Monitoring stations", "Concentration measured"}
	tb := &doc.Table{}
	for _, h := range heads {
		tb.Header = append(tb.Header, cell(h))
	}
	for range 3 {
		tb.Rows = append(tb.Rows, []doc.Cell{cell("word word word"), cell("word word word"), cell("word word word"), cell("The measurements of the northern stations are compared with the standards every month")})
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{tb}}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, Paper: "a5", NoSystemFonts: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	hyphens := map[string]int{}
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Hyphen && it.Elem != nil {
				hyphens[it.Elem.Role]++
			}
		}
	}
	if hyphens["TH"] > 0 {
		t.Errorf("hyphens by cell: %v; want none in the headings", hyphens)
	}
}

// TestWideCode: a 100-column ASCII table is set smaller, never wrapped
// (each of its lines one line, its columns aligned); a code line too
// wide even at 7 pt continues on the next line indented as it is.
func TestWideCode(t *testing.T) {
	row := "|" + strings.Repeat(" cell     |", 9) + "\n"
	rule := "+" + strings.Repeat("----------+", 9) + "\n"
	table := rule + row + rule + row + row + rule
	long := "    let result = compute(first_argument, second_argument, third_argument, fourth_argument, fifth_argument, sixth_argument, seventh_argument, eighth_argument);\n"
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{&doc.CodeBlock{Text: table}, &doc.CodeBlock{Text: "fn main() {\n" + long + "}\n"}}}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, NoSystemFonts: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var lines []layout.Item
	for _, p := range l.Pages {
		for _, it := range p.Items {
			if it.Kind == layout.Glyphs && !it.Furniture && it.Elem != nil && it.Elem.Role == "Code" {
				lines = append(lines, it)
			}
		}
	}
	if len(lines) < 9 {
		t.Fatalf("%d code lines", len(lines))
	}
	for i, it := range lines[:6] {
		if len([]rune(strings.TrimRight(it.Text, " "))) != 100 || it.X != lines[0].X {
			t.Errorf("table line %d: %q at %.1f pt, want 100 characters at %.1f", i, it.Text, it.X.Points(), lines[0].X.Points())
		}
	}
	if lines[0].Size > 7*typeset.Pt || lines[6].Size != 7*typeset.Pt {
		t.Errorf("sizes: table %.1f pt, wide code %.1f pt", lines[0].Size.Points(), lines[6].Size.Points())
	}
	cont := lines[8]
	if !strings.HasPrefix(cont.Text, "    ") || strings.HasPrefix(cont.Text, "     ") {
		t.Errorf("the continued line %q is not indented as its line", cont.Text)
	}
}

// TestLongCodeBreaks: long code spans in a justified paragraph break at
// their punctuation, as addresses do, so that the line before one need
// not stretch to make room: one loose line (ratio above 1) at most.
func TestLongCodeBreaks(t *testing.T) {
	var ins []doc.Inline
	for _, c := range []string{"std::collections::HashMap::with_capacity", "config.load_settings_from_file(path)", "crate::module::submodule::function_name", "http_client.send_request_with_retries"} {
		ins = append(ins, &doc.Text{Text: "Then call the function "}, &doc.Code{Text: c}, &doc.Text{Text: " when it is needed, and not before. "})
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: ins}}}
	for _, paper := range []string{"a5", "a4"} {
		l, err := layout.Layout(d, layout.Config{NoTitlePage: true, Paper: paper, NoSystemFonts: true, Dump: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var dump bytes.Buffer
		if err := l.Dump(&dump); err != nil {
			t.Fatal(err)
		}
		loose := 0
		for _, m := range regexp.MustCompile(`r=([+-][0-9.]+)`).FindAllStringSubmatch(dump.String(), -1) {
			if r, _ := strconv.ParseFloat(m[1], 64); r > 1 {
				loose++
			}
		}
		if loose > 1 {
			t.Errorf("%s: %d loose lines:\n%s", paper, loose, dump.String())
		}
	}
}

// TestHighlightedCode: code in a known language is drawn in the colours
// of its tokens' kinds (the keyword "func" in the keyword colour, the
// string in the string colour), a line too long for the measure keeps
// its colours where it breaks, and the text stays the text; with
// NoHighlight, or in an unknown language, it is all one colour.
func TestHighlightedCode(t *testing.T) {
	long := `	fmt.Println("` + strings.Repeat("a long string that runs on ", 6) + `", count)`
	code := "func main() {\n" + long + "\n}"
	colours := func(lang string, cfg layout.Config) (map[string]typeset.Color, string) {
		d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{&doc.CodeBlock{Lang: lang, Text: code}}}
		cfg.NoTitlePage, cfg.NoSystemFonts = true, true
		l, err := layout.Layout(d, cfg, &render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]typeset.Color{}
		var text strings.Builder
		for _, p := range l.Pages {
			for _, it := range p.Items {
				if it.Kind == layout.Glyphs && !it.Furniture {
					got[strings.TrimSpace(it.Text)] = it.Color
					text.WriteString(it.Text)
				}
			}
		}
		return got, text.String()
	}
	got, text := colours("go", layout.Config{})
	if got["func"] != typeset.Color(highlight.Paper[highlight.Keyword]) || got["main"] != typeset.Color(highlight.Paper[highlight.Name]) {
		t.Errorf("func %06x, main %06x: want the keyword's and the name's colours", got["func"], got["main"])
	}
	strs := 0
	for s, c := range got {
		if strings.Contains(s, "runs") || strings.Contains(s, "long") || strings.Contains(s, "string") {
			strs++
			if c != typeset.Color(highlight.Paper[highlight.String]) {
				t.Errorf("%q is %06x, not the string colour", s, c)
			}
		}
	}
	if strs < 2 {
		t.Errorf("the long line is not broken into pieces of the string (%d)", strs)
	}
	if want := strings.Join(strings.Fields(strings.ReplaceAll(code, "\t", "    ")), ""); strings.Join(strings.Fields(strings.ReplaceAll(text, "→", "")), "") != want {
		t.Errorf("the code's text changed:\n%s\nwant\n%s", text, want)
	}
	for name, cfg := range map[string]layout.Config{"no-highlight": {NoHighlight: true}, "unknown language": {}} {
		lang := "go"
		if name == "unknown language" {
			lang = "no-such-language"
		}
		got, _ := colours(lang, cfg)
		for s, c := range got {
			if c != 0 {
				t.Errorf("%s: %q is coloured %06x", name, s, c)
			}
		}
	}
}

// TestFeatures: a theme's OpenType features change the glyphs of the
// text (old-style figures in Noto Serif), not of code; the text stays
// the text.
func TestFeatures(t *testing.T) {
	glyphs := func(features string) (body, code string) {
		th := *theme.Default()
		th.Fonts.Features = features
		d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{
			&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "In 2024 and 1849."}}},
			&doc.CodeBlock{Text: "x = 2024"},
		}}
		l, err := layout.Layout(d, layout.Config{NoTitlePage: true, NoSystemFonts: true, Theme: &th}, &render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Pages {
			for _, it := range p.Items {
				if it.Kind != layout.Glyphs || it.Furniture {
					continue
				}
				ids := fmt.Sprint(it.Glyphs)
				if strings.Contains(it.Text, "x = 2024") {
					code += ids
				} else if strings.Contains(it.Text, "2024") {
					body += it.Text + ids
				}
			}
		}
		return body, code
	}
	plainBody, plainCode := glyphs("")
	onumBody, onumCode := glyphs("onum")
	if plainBody == "" || plainBody == onumBody {
		t.Errorf("onum changes no glyph of the text:\n%s\n%s", plainBody, onumBody)
	}
	if plainCode != onumCode {
		t.Error("onum changes the code's glyphs")
	}
}

// TestColumns: a theme's two columns: no text crosses the gap between
// them, a chapter starts a page (in its left column), each column's
// notes sit below a rule of their own, and the text is all there.
func TestColumns(t *testing.T) {
	th := *theme.Default()
	th.Page.Columns = "2"
	para := func(n int) doc.Block {
		words := strings.Repeat("dijk water polder gemaal kering ", 12)
		ins := []doc.Inline{&doc.Text{Text: fmt.Sprintf("Alinea %d: %s", n, words)}}
		if n%5 == 1 {
			ins = append(ins, &doc.Note{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: fmt.Sprintf("Noot bij alinea %d.", n)}}}}})
		}
		return &doc.Paragraph{Inlines: ins}
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "nl"}}
	n := 0
	for ch := 1; ch <= 3; ch++ {
		s := &doc.Section{Level: 1, ID: fmt.Sprintf("h%d", ch), Title: []doc.Inline{&doc.Text{Text: fmt.Sprintf("Hoofdstuk %d", ch)}}}
		for range 9 {
			n++
			s.Blocks = append(s.Blocks, para(n))
		}
		d.Sections = append(d.Sections, s)
	}
	transform.Standard(d, "kolommen")
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, NoSystemFonts: true, Theme: &th}, &render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gap := typeset.FromPoints(6 * 72 / 25.4)
	var text strings.Builder
	for _, p := range l.Pages {
		left := typeset.Unit(1 << 40)
		for _, it := range p.Items {
			if it.Kind == layout.Glyphs && !it.Furniture {
				left = min(left, it.X)
			}
		}
		var xs []typeset.Unit
		rules := 0
		for _, it := range p.Items {
			switch {
			case it.Kind == layout.Glyphs && !it.Furniture:
				text.WriteString(it.Text)
				xs = append(xs, it.X)
				if strings.HasPrefix(it.Text, "Hoofdstuk") && it.X != left {
					t.Errorf("page %d: %q starts at %s, not in the left column (%s)", p.Number, it.Text, it.X, left)
				}
			case it.Kind == layout.Rule && it.W < l.Width/6:
				rules++
			}
		}
		// Two bands of x, the left column's and the right one's, and
		// nothing starts in the gap between them (the margins are the
		// same on both sides).
		col := (l.Width - 2*left - gap) / 2
		var inLeft, inRight, inGap int
		for _, x := range xs {
			switch {
			case x < left+col:
				inLeft++
			case x < left+col+gap:
				inGap++
			default:
				inRight++
			}
		}
		if inGap > 0 || p.Number == 1 && (inLeft == 0 || inRight == 0 || rules != 2) {
			t.Errorf("page %d: %d runs in the left column, %d in the right, %d in the gap; %d notes' rules (want one per column)", p.Number, inLeft, inRight, inGap, rules)
		}
	}
	for _, want := range []string{"Alinea 27:", "Noot bij alinea 26."} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the pages lack %q", want)
		}
	}
}
