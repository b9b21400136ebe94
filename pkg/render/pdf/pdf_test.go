package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/pdf"
)

const seed = "beleidsprioriteiten-2023.txt"

func renderPDF(t testing.TB, d *doc.Document, cfg pdf.Config, opts *render.Options) []byte {
	t.Helper()
	if opts == nil {
		opts = &render.Options{}
	}
	if opts.Files == nil {
		opts.Files = os.DirFS(fixture.Dir())
	}
	var buf bytes.Buffer
	if err := pdf.New(cfg).Render(context.Background(), &buf, d, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var seedPDF []byte

func seedFile(t *testing.T) string {
	t.Helper()
	if seedPDF == nil {
		seedPDF = renderPDF(t, fixture.Read(t, seed), pdf.Config{}, nil)
	}
	return writeTemp(t, seedPDF)
}

// noteRef is a note's number glued to the word it follows: "station30.".
var noteRef = regexp.MustCompile(`(\pL)\d+(\pP*)$`)

// lineEndHyphen is a hyphen that ends a line, and the next line's
// indent: pdftotext's layout mode keeps them.
var lineEndHyphen = regexp.MustCompile(`[-–—\x{ad}]\n\s*`)

// words splits text into words, ignoring hyphens (a word hyphenated at a
// line end reads back with a soft hyphen, its /ActualText, which joins
// it, as a reader's copy and paste does; pdftotext joins
// "Midden-\nOosten") and note numbers glued to words.
func words(s string) []string {
	s = lineEndHyphen.ReplaceAllString(s, "")
	s = strings.NewReplacer("-", "", "\u00ad", "", "\u00a0", " ").Replace(s)
	out := strings.Fields(s)
	for i, w := range out {
		out[i] = noteRef.ReplaceAllString(w, "$1$2")
	}
	return out
}

// modelWords returns the words of the document's text in reading order;
// apart, those of its notes, in the order they are referred to; and
// those of each column of each table, from the top.
func modelWords(d *doc.Document) (text, notes []string, columns [][]string) {
	var b, nb strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Note:
			nb.WriteString(doc.BlocksText(n.Blocks) + "\n")
			return doc.SkipChildren
		case *doc.Section:
			b.WriteString("\n" + n.Number + " ")
		case *doc.Text:
			b.WriteString(n.Text)
		case *doc.Code:
			b.WriteString(n.Text)
		case *doc.CodeBlock:
			// Code lines wider than the measure wrap anywhere, with a
			// mark: their words do not read back whole.
			return doc.SkipChildren
		case *doc.LineBreak:
			b.WriteByte(' ')
		case *doc.Table:
			b.WriteString("\n" + doc.PlainText(n.Caption) + "\n")
			// The body's cells; pdftotext reads the hyphenated words of
			// narrow header cells side by side as one line.
			var cols []string
			for _, row := range n.Rows {
				for i, c := range row {
					if i >= len(cols) {
						cols = append(cols, "")
					}
					cols[i] += doc.PlainText(c.Inlines) + "\n"
				}
			}
			for _, c := range cols {
				columns = append(columns, words(c))
			}
			return doc.SkipChildren
		case doc.Block:
			b.WriteByte('\n')
		}
		return doc.Continue
	})
	return words(b.String()), words(nb.String()), columns
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

// TestSeedWords checks that pdftotext reads back the model's words, in
// order, for at least 99.9% of them, in the seed and in the report (notes
// at the foot of their pages, a table of many pages).
func TestSeedWords(t *testing.T) {
	validate.Tool(t, "pdftotext", "poppler-utils")
	for _, name := range []string{seed, "report.md"} {
		path := seedFile(t)
		if name != seed {
			path = writeTemp(t, renderPDF(t, fixture.Read(t, name), pdf.Config{}, &render.Options{TOC: true}))
		}
		out, ok := validate.Run("pdftotext", "-enc", "UTF-8", path, "-")
		if !ok {
			t.Fatalf("pdftotext: %s", out)
		}
		text, notes, columns := modelWords(fixture.Read(t, name))
		got := words(out)
		parts := []struct {
			what  string
			words []string
		}{{"text", text}, {"notes", notes}}
		// pdftotext reads a table column by column.
		for i, c := range columns {
			parts = append(parts, struct {
				what  string
				words []string
			}{fmt.Sprintf("table column %d", i+1), c})
		}
		for _, part := range parts {
			if len(part.words) == 0 {
				continue
			}
			share := float64(lcs(part.words, got)) / float64(len(part.words))
			t.Logf("%s: %d words of %s, %d read back, %.3f%% in order", name, len(part.words), part.what, len(got), 100*share)
			// pdftotext reads a table column by column, but two
			// columns less than about an em apart as one, row by row,
			// on some pages: a column is read back in order but for
			// those rows.
			want := 0.999
			if strings.HasPrefix(part.what, "table") {
				want = 0.9
			}
			if share < want {
				t.Errorf("%s: only %.3f%% of the words of the %s read back in order", name, 100*share, part.what)
				t.Log(missing(part.words, got))
			}
		}
	}
	out, _ := validate.Run("pdftotext", "-enc", "UTF-8", seedFile(t), "-")
	for _, want := range []string{"landen1.", "aldaar2.", "Oekraïne"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
}

// TestValidators runs pdffonts, qpdf --check and pdfcpu's strict
// validation over every fixture's PDF.
func TestValidators(t *testing.T) {
	validate.Tool(t, "pdffonts", "poppler-utils")
	validate.Tool(t, "qpdf", "qpdf")
	api.DisableConfigDir()
	for _, name := range fixture.Names(t) {
		data := renderPDF(t, fixture.Read(t, name), pdf.Config{}, &render.Options{TOC: true})
		path := writeTemp(t, data)
		out, ok := validate.Run("pdffonts", path)
		if !ok {
			t.Fatalf("%s: pdffonts: %s", name, out)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Errorf("%s: pdffonts lists no fonts:\n%s", name, out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			if len(f) < 7 || f[len(f)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", name, l)
			}
		}
		if out, ok := validate.Run("qpdf", "--check", path); !ok || !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", name, out)
		}
		conf := model.NewDefaultConfiguration()
		conf.ValidationMode = model.ValidationStrict
		if err := api.Validate(bytes.NewReader(data), conf); err != nil {
			t.Errorf("%s: pdfcpu: %v", name, err)
		}
	}
}

// TestOutline checks the outline has the seed's 24 headings, nested as
// in the model.
func TestOutline(t *testing.T) {
	api.DisableConfigDir()
	d := fixture.Read(t, seed)
	if seedPDF == nil {
		seedFile(t)
	}
	bms, err := api.Bookmarks(bytes.NewReader(seedPDF), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	var flat func([]pdfcpu.Bookmark, string) []string
	flat = func(bs []pdfcpu.Bookmark, indent string) []string {
		var out []string
		for _, b := range bs {
			out = append(out, indent+b.Title)
			out = append(out, flat(b.Kids, indent+"  ")...)
		}
		return out
	}
	var want func([]*doc.Section, string) []string
	want = func(ss []*doc.Section, indent string) []string {
		var out []string
		for _, s := range ss {
			out = append(out, indent+s.HeadingText())
			out = append(out, want(s.Sections, indent+"  ")...)
		}
		return out
	}
	got, exp := flat(bms, ""), want(d.Sections, "")
	if len(got) != 24 || strings.Join(got, "\n") != strings.Join(exp, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
	}
}

var dumpLine = regexp.MustCompile(`^  y=([\d.]+) x=([\d.]+) w=([\d.]+) end=([\d.]+) r=([-+\d.]+) sp=([\d.]+) (\S+) \| (.*)$`)

type dumped struct {
	page                 int
	w, end, sp           float64
	last, heading, hyphd bool
	text                 string
}

func dump(t *testing.T, d *doc.Document) []dumped {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.New(pdf.Config{}).Dump(&buf, d, &render.Options{Files: os.DirFS(fixture.Dir())}); err != nil {
		t.Fatal(err)
	}
	var out []dumped
	page := 0
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(l, "page ") {
			page++
			continue
		}
		m := dumpLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		w, _ := strconv.ParseFloat(m[3], 64)
		end, _ := strconv.ParseFloat(m[4], 64)
		sp, _ := strconv.ParseFloat(m[6], 64)
		out = append(out, dumped{page: page, w: w, end: end, sp: sp, text: m[8],
			last: strings.Contains(m[7], "L"), heading: strings.Contains(m[7], "§"), hyphd: strings.HasSuffix(m[8], "-")})
	}
	if len(out) == 0 {
		t.Fatal("empty layout dump")
	}
	return out
}

// TestLayoutQuality checks, from the seed's layout dump, that no line
// runs past the right margin, that word spaces vary little across the
// full justified lines, and that no more than 3 hyphenated lines run in a
// row.
func TestLayoutQuality(t *testing.T) {
	lines := dump(t, fixture.Read(t, seed))
	measure := 0.0
	for _, l := range lines {
		measure = max(measure, l.w)
		if l.end > l.w+0.005 {
			t.Errorf("page %d: line ends at %.2f past the measure %.2f: %s", l.page, l.end, l.w, l.text)
		}
	}
	var spaces []float64
	run, longest := 0, 0
	for _, l := range lines {
		if l.last || l.w != measure {
			run = 0
			continue
		}
		spaces = append(spaces, l.sp)
		if l.hyphd {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	sort.Float64s(spaces)
	median := spaces[len(spaces)/2]
	p95 := spaces[int(0.95*float64(len(spaces)-1))]
	loosest := spaces[len(spaces)-1]
	t.Logf("%d full justified lines; mean word space: median %.2f pt, 95th percentile %.2f× it, loosest %.2f×; %d hyphenated lines in a row at most",
		len(spaces), median, p95/median, loosest/median, longest)
	if len(spaces) < 500 {
		t.Errorf("only %d full justified lines", len(spaces))
	}
	if p95/median > 1.25 {
		t.Errorf("95th percentile of word spaces is %.3f× the median, want at most 1.25", p95/median)
	}
	if loosest/median > 1.6 {
		t.Errorf("loosest line's word spaces are %.3f× the median, want at most 1.6", loosest/median)
	}
	if longest > 3 {
		t.Errorf("%d hyphenated lines in a row, want at most 3", longest)
	}
}

// TestPageBreaks checks no widows or orphans in paragraphs of 4 or more
// lines, and that headings stay with two lines of what follows.
func TestPageBreaks(t *testing.T) {
	for _, name := range fixture.Names(t) {
		lines := dump(t, fixture.Read(t, name))
		start := 0
		for i, l := range lines {
			if l.heading && i+1 < len(lines) && !lines[i+1].heading {
				next := lines[i+1]
				if next.page != l.page {
					t.Errorf("%s: heading %q ends page %d", name, l.text, l.page)
				} else if !next.last && i+2 < len(lines) && lines[i+2].page != l.page {
					t.Errorf("%s: heading %q keeps only one line on page %d", name, l.text, l.page)
				}
			}
			if !l.last {
				continue
			}
			para := lines[start : i+1]
			start = i + 1
			if len(para) < 4 || para[0].heading {
				continue
			}
			for k := 1; k < len(para); k++ {
				if para[k].page != para[k-1].page && (k == 1 || k == len(para)-1) {
					t.Errorf("%s: paragraph %.40q leaves one line alone across pages %d and %d", name, para[0].text, para[k-1].page, para[k].page)
				}
			}
		}
	}
}

// TestReproducible checks two renders are byte-identical and dates come
// from the options or the document, never the clock.
func TestReproducible(t *testing.T) {
	d := fixture.Read(t, "handbook.md")
	a := renderPDF(t, d, pdf.Config{}, nil)
	b := renderPDF(t, d, pdf.Config{}, nil)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20240315000000")) {
		t.Error("the creation date is not the document's date")
	}
	c := renderPDF(t, d, pdf.Config{}, &render.Options{Modified: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)})
	if !bytes.Contains(c, []byte("/ModDate (D:20250601120000")) {
		t.Error("the modification date is not Options.Modified")
	}
}

// TestMetadata checks the document information and the language.
func TestMetadata(t *testing.T) {
	tool := validate.Tool(t, "pdfinfo", "poppler-utils")
	data := renderPDF(t, fixture.Read(t, "handbook.md"), pdf.Config{}, nil)
	out, ok := validate.Run(tool, writeTemp(t, data))
	if !ok {
		t.Fatal(out)
	}
	for _, want := range []string{"Title:           The Galley Handbook", "Author:          Anna de Vries, John Smith",
		"Subject:         A sample document", "Keywords:        typesetting, EPUB, Markdown", "Creator:         galley", "Producer:        galley"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	if !bytes.Contains(data, []byte("/Lang (en)")) {
		t.Error("no /Lang")
	}
	if !bytes.Contains(data, []byte("/URI (https://spec.commonmark.org/)")) {
		t.Error("the external link is not clickable")
	}
}

// TestFurniture checks page numbers "n / total" of the body (the title
// page is front matter, page i) and the running header.
func TestFurniture(t *testing.T) {
	validate.Tool(t, "pdftotext", "poppler-utils")
	path := seedFile(t)
	out, _ := validate.Run("pdftotext", "-f", "3", "-l", "3", "-enc", "UTF-8", path, "-")
	total := strings.Count(string(seedPDF), "/Type /Page\n")
	if total == 0 {
		total = strings.Count(string(seedPDF), "/Type /Page ")
	}
	m := regexp.MustCompile(`\b2 / (\d+)\b`).FindStringSubmatch(out)
	if m == nil || m[1] != fmt.Sprint(total-1) || !strings.Contains(out, "2.1 Beleidsprioriteiten") {
		t.Errorf("page 3 lacks its number (2 / %d) or header:\n%.300s", total-1, out)
	}
}

// TestMissingGlyphs checks characters the fonts lack (the machine's
// left out) are reported, and are an error when strict.
func TestMissingGlyphs(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "Glyphs"}, Sections: []*doc.Section{{Level: 1, ID: "s", Title: []doc.Inline{&doc.Text{Text: "Checks"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "done ✓ and smiling 😀 in Ω"}}}}}}}
	var warnings []string
	data := renderPDF(t, d, pdf.Config{NoSystemFonts: true}, &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	w := strings.Join(warnings, "\n")
	for _, want := range []string{"'✓' U+2713", "'😀' U+1F600", `in section "Checks"`} {
		if !strings.Contains(w, want) {
			t.Errorf("warning lacks %q:\n%s", want, w)
		}
	}
	if strings.Contains(w, "U+03A9") {
		t.Error("Ω is in the built-in fonts, yet reported")
	}
	if len(data) == 0 {
		t.Error("no PDF")
	}
	// Many missing characters make one line of bounded length for each
	// script: each character once, with its count.
	d.Sections[0].Blocks = []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: strings.Repeat("北京是中华人民共和国的首都，也是全国的政治和文化中心。", 2000)}}}}
	warnings = nil
	renderPDF(t, d, pdf.Config{NoSystemFonts: true}, &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if len(warnings) != 2 || len(warnings[0]) > 600 || !strings.Contains(warnings[0], "'中' U+4E2D ×4000") || !strings.HasPrefix(warnings[0], "pdf: 20 Han characters (50000 in all)") ||
		!strings.HasPrefix(warnings[1], "pdf: 2 symbols (4000 in all) are drawn as '�': '。' U+3002 ×2000, '，' U+FF0C ×2000;") {
		t.Errorf("warnings: %q", warnings)
	}
	err := pdf.New(pdf.Config{NoSystemFonts: true}).Render(context.Background(), &bytes.Buffer{}, d, &render.Options{Strict: true})
	if err == nil || !strings.Contains(err.Error(), "U+4E2D") {
		t.Errorf("strict: %v", err)
	}
}

// TestBadInput checks clear errors for fonts that are not fonts and for
// impossible settings.
func TestBadInput(t *testing.T) {
	d := fixture.Read(t, "charter.txt")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "font.ttf"), []byte("not a font at all"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(dir, "link.ttf"))
	for _, tc := range []struct {
		cfg  pdf.Config
		want string
	}{
		{pdf.Config{Fonts: pdf.Fonts{Regular: "font.ttf"}}, "not a TrueType or OpenType font"},
		{pdf.Config{Fonts: pdf.Fonts{Bold: "nonexistent.ttf"}}, "pdf: font nonexistent.ttf does not exist"},
		{pdf.Config{Fonts: pdf.Fonts{Bold: "link.ttf"}}, "pdf: font link.ttf lies outside the project folder"},
		{pdf.Config{Fonts: pdf.Fonts{Bold: "/etc/passwd"}}, "pdf: font /etc/passwd lies outside the project folder"},
		{pdf.Config{Paper: "a3"}, `unknown paper "a3"`},
		{pdf.Config{FontSize: 100}, "out of range"},
		{pdf.Config{Margins: [4]float64{10, 100, 10, 100}}, "no room for text"},
		{pdf.Config{Hyphenation: "nonexistent.dic"}, "hyphen: patterns nonexistent.dic does not exist"},
		{pdf.Config{Hyphenation: "/etc/passwd"}, "hyphen: patterns /etc/passwd lies outside the project folder"},
		{pdf.Config{FontSize: math.NaN()}, "out of range"},
		{pdf.Config{Margins: [4]float64{math.Inf(1), 0, 0, 0}}, "top margin +Inf mm is out of range"},
		{pdf.Config{Expansion: math.NaN()}, "not a number"},
	} {
		root, err := files.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		err = pdf.New(tc.cfg).Render(context.Background(), &bytes.Buffer{}, d, &render.Options{Files: root})
		root.Close()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.cfg, err, tc.want)
		}
	}
}

// TestNothingOffThePage checks that tables of many columns and lists and
// quotes nested deep are set inside the measure, with a warning, instead
// of running off the page.
func TestNothingOffThePage(t *testing.T) {
	txt := func(s string) []doc.Inline { return []doc.Inline{&doc.Text{Text: s}} }
	table := func(cols int) *doc.Table {
		tb := &doc.Table{}
		for i := 0; i < cols; i++ {
			tb.Header = append(tb.Header, doc.Cell{Inlines: txt(fmt.Sprintf("Column %d header", i))})
		}
		tb.Rows = [][]doc.Cell{tb.Header, tb.Header}
		return tb
	}
	var deepList, deepQuote doc.Block = &doc.Paragraph{Inlines: txt("The innermost paragraph of a deep list.")}, &doc.Paragraph{Inlines: txt("The innermost paragraph of a deep quote.")}
	for i := 0; i < 30; i++ {
		deepList = &doc.List{Items: []*doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Inlines: txt(fmt.Sprintf("Level %d", i))}, deepList}}}}
	}
	for i := 0; i < 40; i++ {
		deepQuote = &doc.Quote{Blocks: []doc.Block{deepQuote}}
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{table(8), table(20), table(60), deepList, deepQuote}}
	var warnings []string
	var buf bytes.Buffer
	opts := &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }}
	if err := pdf.New(pdf.Config{}).Dump(&buf, d, opts); err != nil {
		t.Fatal(err)
	}
	measure := 0.0
	for _, l := range strings.Split(buf.String(), "\n") {
		if m := dumpLine.FindStringSubmatch(l); m != nil {
			w, _ := strconv.ParseFloat(m[3], 64)
			measure = max(measure, w)
		}
	}
	anyLine := regexp.MustCompile(`^  y=\S+ x=(\S+) w=\S+ end=(\S+) .* \| (.*)$`)
	for _, l := range strings.Split(buf.String(), "\n") {
		m := anyLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		x, _ := strconv.ParseFloat(m[1], 64)
		end, _ := strconv.ParseFloat(m[2], 64)
		if x < 0 || x+end > measure+0.01 {
			t.Errorf("off the page (x=%.2f end=%.2f, measure %.2f): %s", x, end, measure, m[3])
		}
	}
	for _, want := range []string{"Level 29", "deep quote.", "Column 59 header: Column 59 header"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("lost %q", want)
		}
	}
	if w := strings.Join(warnings, "\n"); !strings.Contains(w, "too many columns") || !strings.Contains(w, "nested too deep") {
		t.Errorf("warnings: %s", w)
	}
}

// TestPapers checks the paper sizes.
func TestPapers(t *testing.T) {
	d := fixture.Read(t, "charter.txt")
	for paper, box := range map[string]string{"a4": "595.28 841.89", "letter": "612 792", "a5": "419.53 595.28"} {
		data := renderPDF(t, d, pdf.Config{Paper: paper}, nil)
		if !bytes.Contains(data, []byte("/MediaBox [0 0 "+box+"]")) {
			t.Errorf("%s: no MediaBox %s", paper, box)
		}
	}
}

func missing(a, b []string) []string {
	n, m := len(a), len(b)
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			out = append(out, a[i])
			i++
		default:
			j++
		}
	}
	return append(out, a[i:]...)
}

// TestTextBack checks that pdftotext reads back exactly the characters
// drawn: ones the Go fonts have, a no-break space, one above U+FFFF set
// in a fallback font, and one no font has (drawn as the replacement
// glyph, yet read back as itself).
func TestTextBack(t *testing.T) {
	tool := validate.Tool(t, "pdftotext", "poppler-utils")
	dejavu := validate.File(t, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core")
	text := "Ĳsselmeer kost €12,50 — “goed” ½ ✓ 😀 and 😀 again 𓀀"
	d := &doc.Document{Meta: doc.Meta{Title: "Text"}, Sections: []*doc.Section{{Level: 1, ID: "s", Title: []doc.Inline{&doc.Text{Text: "Back"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: text}}}}}}}
	var warnings []string
	data := renderPDF(t, d, pdf.Config{NoTitlePage: true, NoSystemFonts: true, Fonts: pdf.Fonts{Fallback: []string{dejavu}}},
		&render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	out, ok := validate.Run(tool, writeTemp(t, data), "-")
	if !ok {
		t.Fatal(out)
	}
	if !strings.Contains(out, text) {
		t.Errorf("pdftotext reads\n%s\nwant %q", out, text)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "U+13000") || strings.Contains(warnings[0], "1F600") {
		t.Errorf("warnings: %q (want one, for 𓀀 only)", warnings)
	}
}

// TestImages checks how images go in: a PNG with transparency gets a
// soft mask, a grey one stays grey, JPEGs are embedded as they are (RGB
// and grey), a GIF's transparent colour becomes a soft mask; every one
// is drawn as decoded, and qpdf finds nothing wrong.
func TestImages(t *testing.T) {
	pdfimages := validate.Tool(t, "pdfimages", "poppler-utils")
	qpdf := validate.Tool(t, "qpdf", "qpdf")
	enc := func(img image.Image, format string) []byte {
		var b bytes.Buffer
		if format == "png" {
			png.Encode(&b, img)
		} else {
			jpeg.Encode(&b, img, nil)
		}
		return b.Bytes()
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	gray := image.NewGray(image.Rect(0, 0, 30, 30))
	for y := 0; y < 30; y++ {
		for x := 0; x < 40; x++ {
			rgba.Set(x, y, color.NRGBA{uint8(x * 6), 40, 200, uint8(y * 12)})
			gray.Set(x, y, color.Gray{uint8(x * 8)})
		}
	}
	pal := image.NewPaletted(image.Rect(0, 0, 16, 8), color.Palette{color.NRGBA{}, color.NRGBA{200, 30, 30, 255}})
	for x := 0; x < 16; x += 2 {
		for y := 0; y < 8; y++ {
			pal.SetColorIndex(x, y, 1)
		}
	}
	var gifData bytes.Buffer
	if err := gif.Encode(&gifData, pal, nil); err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"alpha.png": {Data: enc(rgba, "png")}, "gray.png": {Data: enc(gray, "png")},
		"photo.jpg": {Data: enc(rgba, "jpeg")}, "gray.jpg": {Data: enc(gray, "jpeg")},
		"stripes.gif": {Data: gifData.Bytes()},
	}
	var blocks []doc.Block
	for _, name := range []string{"alpha.png", "gray.png", "photo.jpg", "gray.jpg", "stripes.gif"} {
		blocks = append(blocks, &doc.Figure{Src: name, Alt: name})
	}
	d := &doc.Document{Meta: doc.Meta{Title: "Images"}, Sections: []*doc.Section{{Level: 1, ID: "s", Title: []doc.Inline{&doc.Text{Text: "Images"}}, Blocks: blocks}}}
	path := writeTemp(t, renderPDF(t, d, pdf.Config{NoTitlePage: true}, &render.Options{Files: files}))
	out, ok := validate.Run(pdfimages, "-list", path)
	if !ok {
		t.Fatal(out)
	}
	var got []string
	for _, l := range strings.Split(out, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 9 {
			got = append(got, strings.Join([]string{f[2], f[3] + "x" + f[4], f[5], f[8]}, " "))
		}
	}
	want := []string{"image 40x20 rgb image", "smask 40x20 gray image", "image 30x30 gray image", "image 40x20 rgb jpeg", "image 30x30 gray jpeg",
		"image 16x8 rgb image", "smask 16x8 gray image"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pdfimages lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if out, ok := validate.Run(qpdf, "--check", path); !ok {
		t.Errorf("qpdf: %s", out)
	}
	// The pixels and masks read back as they were made.
	dir := t.TempDir()
	if out, ok := validate.Run(pdfimages, "-png", path, filepath.Join(dir, "i")); !ok {
		t.Fatal(out)
	}
	same := func(n int, src image.Image, channel func(color.NRGBA) []uint8) {
		t.Helper()
		f, err := os.Open(filepath.Join(dir, fmt.Sprintf("i-%03d.png", n)))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		got, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		b := src.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				want := channel(color.NRGBAModel.Convert(src.At(x, y)).(color.NRGBA))
				c := color.NRGBAModel.Convert(got.At(x-b.Min.X, y-b.Min.Y)).(color.NRGBA)
				have := []uint8{c.R, c.G, c.B}[:len(want)]
				if string(have) != string(want) {
					t.Fatalf("image %d, pixel %d,%d: %v, want %v", n, x, y, have, want)
				}
			}
		}
	}
	rgb := func(c color.NRGBA) []uint8 { return []uint8{c.R, c.G, c.B} }
	opacity := func(c color.NRGBA) []uint8 { return []uint8{c.A} }
	same(0, rgba, rgb)
	same(1, rgba, opacity)
	same(2, gray, func(c color.NRGBA) []uint8 { return []uint8{c.R} })
	same(5, pal, rgb)
	same(6, pal, opacity)
}

// TestWordPositions checks that every word is drawn where the layout put
// it (pdftotext's reading of the PDF against the display list, to 0.02
// pt) in justified, expanded lines at a size that is not a whole number
// of points, where the spaces between the words of a line are drawn as
// moves in one text array.
func TestWordPositions(t *testing.T) {
	tool := validate.Tool(t, "pdftotext", "poppler-utils")
	var words []string
	for i := 0; i < 300; i++ {
		words = append(words, fmt.Sprintf("w%dx%s", i, strings.Repeat("e", i%9)))
	}
	d := &doc.Document{Meta: doc.Meta{Title: "Positions"}, Sections: []*doc.Section{{Level: 1, ID: "s", Title: []doc.Inline{&doc.Text{Text: "Positions"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: strings.Join(words, " ")}}}}}}}
	cfg := pdf.Config{NoTitlePage: true, FontSize: 10.375}
	out, ok := validate.Run(tool, "-bbox", writeTemp(t, renderPDF(t, d, cfg, nil)), "-")
	if !ok {
		t.Fatal(out)
	}
	read := map[string]float64{}
	for _, m := range regexp.MustCompile(`<word xMin="([\d.]+)" [^>]*>([^<]*)</word>`).FindAllStringSubmatch(out, -1) {
		read[m[2]], _ = strconv.ParseFloat(m[1], 64)
	}
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, FontSize: 10.375}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, p := range l.Pages {
		for _, it := range p.Items {
			w := strings.TrimSpace(it.Text)
			x, ok := read[w]
			if it.Kind != layout.Glyphs || !strings.HasPrefix(w, "w") || !ok {
				continue
			}
			checked++
			if math.Abs(x-it.X.Points()) > 0.02 {
				t.Errorf("%q drawn at x=%.3f, laid out at %.3f", w, x, it.X.Points())
			}
		}
	}
	if checked < 250 {
		t.Errorf("only %d words found in both", checked)
	}
}

// TestURLsWithoutSpaces: addresses in justified lines break where
// Chicago puts the breaks, and no gap opens inside one: pdftotext reads
// each whole, with no space inside (a line end aside).
func TestURLsWithoutSpaces(t *testing.T) {
	urls := []string{"https://martinfowler.com/bliki/TestPyramid.html", "https://example.org/a/very/long/path/to/some/resource?query=value&other=thing", "https://go.dev/doc/effective_go#names"}
	var ins []doc.Inline
	for i := 0; i < 4; i++ {
		for _, u := range urls {
			// Lines of little but addresses: justified, they would
			// stretch inside them.
			ins = append(ins, &doc.Link{URL: u, Inlines: []doc.Inline{&doc.Text{Text: u}}}, &doc.Text{Text: " "})
		}
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "en", Title: "URLs"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: ins}}}
	text := pdfText(t, renderPDF(t, d, pdf.Config{Paper: "a5", NoTitlePage: true, NoSystemFonts: true}, nil))
	joined := strings.ReplaceAll(text, "\n", "")
	for _, u := range urls {
		if n := strings.Count(joined, u); n != 4 {
			t.Errorf("%s read back whole %d times of 4", u, n)
		}
	}
}
