package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/docx"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`

// pack writes a Word package from its parts, with the content types and
// package relationship Word writes.
func pack(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	all := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="png" ContentType="image/png"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
	}
	for k, v := range parts {
		all[k] = v
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml", "word/_rels/document.xml.rels", "word/media/dot.png", "docProps/core.xml"} {
		v, ok := all[name]
		if !ok {
			continue
		}
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(v))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// body wraps paragraphs in a document part.
func body(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + xml + `</w:body></w:document>`
}

// report is a Dutch report as a ministry's Word template writes it: the
// styles have Dutch names ("Kop 1", based on nothing Word knows), a
// passage is in English, a table has a header row and merged cells, a
// list restarts at 3, a footnote, a link, an image with its description.
func report(t testing.TB) []byte {
	styles := `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="Kop 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Kop2eigen"><w:name w:val="Eigen kop"/><w:basedOn w:val="Kop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Citaat"><w:name w:val="Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="Code"><w:name w:val="Source Code"/></w:style>
</w:styles>`
	numbering := `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`
	footnotes := `<?xml version="1.0"?><w:footnotes ` + wNS + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Kamerstuk 36 200 V, nr. 2.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rFoot" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.rijksoverheid.nl/" TargetMode="External"/>
<Relationship Id="rImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/dot.png"/>
<Relationship Id="rFar" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://tracker.example/pixel.png" TargetMode="External"/>
</Relationships>`
	p := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	li := func(num, lvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	tc := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	doc := body(p("Titel", "Jaarverslag Buitenlandse Zaken") +
		p("Kop1", "Beleidsprioriteiten") +
		`<w:p><w:r><w:t xml:space="preserve">Nederland zet zich in voor </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>veiligheid</w:t></w:r><w:r><w:t xml:space="preserve"> en </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>welvaart</w:t></w:r><w:r><w:t>.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> Zie </w:t></w:r><w:hyperlink r:id="rLink"><w:r><w:t>de website</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> en het motto </w:t></w:r><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t>rules-based international order</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>` +
		p("Kop2eigen", "Drie doelen") +
		li("1", "0", "Veiligheid") + li("1", "0", "Welvaart") +
		li("2", "0", "Europa") + li("2", "1", "Rechtsstaat") +
		p("Citaat", "Een citaat uit de Kamerbrief.") +
		p("Code", "galley build --check") +
		`<w:p><w:pPr><w:pStyle w:val="Kop1"/><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:pPr><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t>Summary in English</w:t></w:r></w:p>` +
		`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr><w:trPr><w:tblHeader/></w:trPr>` + tc("", "Post") + tc(`<w:gridSpan w:val="2"/>`, "Bedrag") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, "Artikel 1") + tc("", "2024") + tc("", "10") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, "") + tc("", "2025") + tc("", "12") + `</w:tr>` +
		`<w:tr>` + tc("", "Artikel 2") + `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + li("2", "0", "Posten") + li("2", "1", "Ambassades") + li("2", "1", "Consulaten") + `</w:tc></w:tr>` +
		`</w:tbl>` +
		`<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Kaart" descr="Kaart van de ambassades"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
		`<w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="Pixel" descr="Teller"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link="rFar"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
		`<w:p><w:ins w:id="5" w:author="A"><w:r><w:t xml:space="preserve">Toegevoegd. </w:t></w:r></w:ins><w:del w:id="6" w:author="A"><w:r><w:delText>Geschrapt.</w:delText></w:r></w:del><w:r><w:t>Slot.</w:t></w:r></w:p>`)
	core := `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ministerie van Buitenlandse Zaken</dc:creator><dc:language>nl-NL</dc:language></cp:coreProperties>`
	return pack(t, map[string]string{
		"word/document.xml": doc, "word/styles.xml": styles, "word/numbering.xml": numbering,
		"word/footnotes.xml": footnotes, "word/_rels/document.xml.rels": rels,
		"word/media/dot.png": string(fixture.Picture()), "docProps/core.xml": core,
	})
}

// TestFixture keeps fixtures/jaarverslag.docx, which the golden tests
// build to every format, the package report writes
// (go test ./... -update rewrites it).
func TestFixture(t *testing.T) {
	golden.Check(t, "../../../fixtures/jaarverslag.docx", report(t))
}

func readDocx(t *testing.T, data []byte, opts *read.Options) (*doc.Document, error) {
	t.Helper()
	if opts == nil {
		opts = &read.Options{}
	}
	opts.Name = "test.docx"
	return docx.Reader{}.Read(context.Background(), bytes.NewReader(data), opts)
}

// TestReport reads the Dutch report and checks what a reader of the
// outputs would see: its title and author, the headings by Dutch style
// names, the English passage marked as English, the list's start, the
// table's header and spans, the note, the link, the image's alternative
// text and package name, an external image never fetched, and tracked
// changes accepted.
func TestReport(t *testing.T) {
	var resources []string
	d, err := readDocx(t, report(t), &read.Options{Resource: func(name string, data []byte) string {
		resources = append(resources, name)
		return "media/" + name
	}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "Jaarverslag Buitenlandse Zaken" || len(d.Meta.Authors) == 0 || d.Meta.Authors[0] != "Ministerie van Buitenlandse Zaken" || d.Meta.Lang != "nl-NL" {
		t.Errorf("metadata: title %q, authors %q, lang %q", d.Meta.Title, d.Meta.Authors, d.Meta.Lang)
	}
	var headings, langs, images, cells []string
	var lists []*doc.List
	var notes, links int
	var text strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Section:
			headings = append(headings, strings.Repeat("#", n.Level)+" "+doc.PlainText(n.Title))
		case *doc.Span:
			langs = append(langs, n.Attr.Get("lang")+": "+doc.PlainText(n.Inlines))
		case *doc.Div:
			langs = append(langs, n.Attr.Get("lang")+": (block)")
		case *doc.List:
			lists = append(lists, n)
		case *doc.Note:
			notes++
		case *doc.Link:
			links++
		case *doc.Image:
			images = append(images, n.Src+" "+n.Alt)
		case *doc.Figure:
			images = append(images, n.Src+" "+n.Alt)
		case *doc.Table:
			for _, c := range n.Header {
				cells = append(cells, doc.PlainText(c.Inlines)+" th"+spans(c))
			}
			for _, r := range n.Rows {
				for _, c := range r {
					cells = append(cells, doc.PlainText(c.Flat())+spans(c))
				}
			}
		case *doc.Text:
			text.WriteString(n.Text + " ")
		}
		return doc.Continue
	})
	check := func(what string, got, want any) {
		t.Helper()
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("%s:\n got %s\nwant %s", what, g, w)
		}
	}
	check("headings", headings, []string{"# Beleidsprioriteiten", "## Drie doelen", "# Summary in English"})
	// A list inside a cell stays a list (of the cell's blocks); formats
	// whose cells hold text show it as lines with their bullets.
	check("cells", cells, []string{"Post th", "Bedrag th colspan=2", "Artikel 1 rowspan=2", "2024", "10", "2025", "12", "Artikel 2",
		"•\u00a0Posten \u2003–\u00a0Ambassades \u2003–\u00a0Consulaten colspan=2"})
	if len(lists) != 5 || !lists[0].Ordered || lists[0].Start != 3 || lists[1].Ordered || len(lists[3].Items) != 1 || len(lists[4].Items) != 2 {
		t.Errorf("lists: %d, want a numbered one from 3, a bulleted one and its nested list, and in the table a list with one of two items", len(lists))
	}
	if !containsPrefix(langs, "en-GB: rules-based international order") {
		t.Errorf("the English passage is not marked: %q", langs)
	}
	if notes != 1 || links != 1 {
		t.Errorf("%d notes, %d links; want 1 and 1", notes, links)
	}
	// An image the document links to (TargetMode="External") keeps its
	// address, as a remote image in Markdown does; nothing fetches it.
	check("images", images, []string{"media/dot.png Kaart van de ambassades", "https://tracker.example/pixel.png Teller"})
	check("resources", resources, []string{"dot.png"})
	d, err = readDocx(t, report(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if f, ok := n.(*doc.Figure); ok && strings.HasPrefix(f.Src, "data:image/png;base64,iVBOR") {
			found = true
		}
		return doc.Continue
	})
	if !found {
		t.Error("without Options.Resource the picture is not carried as a data: address")
	}
	if s := text.String(); !strings.Contains(s, "Toegevoegd.") || strings.Contains(s, "Geschrapt") {
		t.Errorf("tracked changes: insertions kept and deletions dropped, got %q", s)
	}
}

func spans(c doc.Cell) string {
	s := ""
	if c.Header {
		s += " th"
	}
	if c.ColSpan > 1 {
		s += " colspan=" + string(rune('0'+c.ColSpan))
	}
	if c.RowSpan > 1 {
		s += " rowspan=" + string(rune('0'+c.RowSpan))
	}
	return s
}

func containsPrefix(list []string, p string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// TestHostile feeds the reader what an attacker or a broken disk gives
// it: each is one clear error, never a panic or a hang.
func TestHostile(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		w, _ := z.Create("word/document.xml")
		w.Write([]byte(body("")))
		w.Write(bytes.Repeat([]byte(" "), 8<<20))
		z.Close()
		return buf.Bytes()
	}
	full := report(t)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("PK but not really a zip file"), "not a Word document"},
		{"truncated", full[:len(full)/2], "not a Word document"},
		{"no document", pack(t, map[string]string{"word/styles.xml": "<x/>"}), "no part word/document.xml"},
		{"bomb", bomb(), "zip bomb"},
		{"entity", pack(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`}), "declares entities"},
		{"deep", pack(t, map[string]string{"word/document.xml": body(strings.Repeat("<w:sdt>", 300) + strings.Repeat("</w:sdt>", 300))}), "nest more than"},
		{"outside", pack(t, map[string]string{"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="../../etc/passwd"/></Relationships>`}), "no part etc/passwd"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readDocx(t, c.data, nil)
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line with %q", err, c.want)
			}
		})
	}
}

// FuzzDocx reads packages made from the report by flipping bytes of its
// parts: the reader returns a document or an error, never panics.
func FuzzDocx(f *testing.F) {
	f.Add(report(f))
	f.Add(pack(f, map[string]string{"word/document.xml": body(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)}))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := docx.Reader{}.Read(context.Background(), bytes.NewReader(data), &read.Options{Name: "fuzz.docx"})
		if err == nil && d == nil {
			t.Fatal("no document and no error")
		}
	})
}

// TestRejectChanges reads the report's original text: tracked
// deletions kept, insertions dropped.
func TestRejectChanges(t *testing.T) {
	d, err := docx.New(docx.Config{Changes: "reject"}).Read(context.Background(), bytes.NewReader(report(t)), &read.Options{Name: "test.docx"})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if p, ok := n.(*doc.Paragraph); ok {
			text.WriteString(doc.PlainText(p.Inlines) + "\n")
		}
		return doc.Continue
	})
	if s := text.String(); !strings.Contains(s, "Geschrapt.Slot.") || strings.Contains(s, "Toegevoegd") {
		t.Errorf("rejected changes: the original has the deletion and not the insertion, got %q", s)
	}
}

// memo is an English memo: built-in heading styles, a bookmark and a
// cross-reference to it (a REF field), a link to a bookmark, an endnote,
// equations inline and on their own line, a table whose number column is
// right-aligned, a bulleted list, a Dutch name marked as Dutch, and a
// table of contents field that galley leaves out.
func memo(t testing.TB) []byte {
	styles := `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/></w:style>
</w:styles>`
	numbering := `<?xml version="1.0"?><w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	endnotes := `<?xml version="1.0"?><w:endnotes ` + wNS + `><w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote><w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Measured at Lobith, 1 January 2024.</w:t></w:r></w:p></w:endnote></w:endnotes>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rEnd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>
</Relationships>`
	p := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	t2 := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	m := func(s string) string { return `<m:r><m:t>` + s + `</m:t></m:r>` }
	tc := func(jc, text string) string {
		return `<w:tc><w:p><w:pPr><w:jc w:val="` + jc + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	body := body(p("Title", "Flood Defence Memo") +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + t2("Contents 1") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		p("Heading1", "Summary") +
		`<w:p>` + t2("The river peaked at ") + `<m:oMath>` + m("h=16.3") + m("m") + `</m:oMath>` + t2(" above sea level") + `<w:r><w:endnoteReference w:id="2"/></w:r>` + t2(", as the ") + `<w:r><w:rPr><w:lang w:val="nl-NL"/></w:rPr><w:t>Waterschap Rivierenland</w:t></w:r>` + t2(" reported; see ") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF levels \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + t2("Water levels") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + t2(" and ") + `<w:hyperlink w:anchor="levels"><w:r><w:t>the table</w:t></w:r></w:hyperlink>` + t2(". Run ") + `<w:r><w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr><w:t>galley build</w:t></w:r>` + t2(" to rebuild it.") + `</w:p>` +
		`<w:p><m:oMathPara><m:oMath>` + m("Q=") + `<m:f><m:num>` + m("V") + `</m:num><m:den>` + m("t") + `</m:den></m:f></m:oMath></m:oMathPara></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:bookmarkStart w:id="0" w:name="levels"/>` + t2("Water levels") + `<w:bookmarkEnd w:id="0"/></w:p>` +
		`<w:tbl><w:tblPr><w:tblLook w:firstRow="1"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr>` + tc("left", "Gauge") + tc("right", "Level (m)") + `</w:tr>` +
		`<w:tr>` + tc("left", "Lobith") + tc("right", "16.3") + `</w:tr>` +
		`<w:tr>` + tc("left", "Nijmegen") + tc("right", "14.1") + `</w:tr></w:tbl>` +
		p("ListBullet", "Inspect the dikes.") + p("ListBullet", "Open the spillways."))
	core := `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:creator>Water Board</dc:creator><cp:keywords>flood, dikes</cp:keywords><dcterms:created>2024-01-05T09:00:00Z</dcterms:created></cp:coreProperties>`
	return pack(t, map[string]string{
		"word/document.xml": strings.Replace(body, "<w:document ", `<w:document xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" `, 1),
		"word/styles.xml":   styles, "word/numbering.xml": numbering, "word/endnotes.xml": endnotes,
		"word/_rels/document.xml.rels": rels, "docProps/core.xml": core,
	})
}

// TestMemo reads the English memo: what a reader would see.
func TestMemo(t *testing.T) {
	golden.Check(t, "../../../fixtures/memo.docx", memo(t))
	var warnings []string
	d, err := readDocx(t, memo(t), &read.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "Flood Defence Memo" || d.Meta.Lang != "en-GB" || d.Meta.Date != "2024-01-05" || len(d.Meta.Keywords) != 2 {
		t.Errorf("metadata: %+v", d.Meta)
	}
	var headings, links, maths, langs, code []string
	var aligns []doc.Align
	var notes, items int
	var text strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Section:
			headings = append(headings, strings.Repeat("#", n.Level)+" "+doc.PlainText(n.Title))
		case *doc.Link:
			links = append(links, n.URL+" "+doc.PlainText(n.Inlines))
		case *doc.Math:
			maths = append(maths, fmt.Sprint(n.Display, " ", n.TeX))
		case *doc.Span:
			langs = append(langs, n.Attr.Get("lang")+": "+doc.PlainText(n.Inlines))
		case *doc.Code:
			code = append(code, n.Text)
		case *doc.Table:
			aligns = n.Align
		case *doc.Note:
			notes++
		case *doc.List:
			items += len(n.Items)
		case *doc.Paragraph:
			text.WriteString(doc.PlainText(n.Inlines) + "\n")
		}
		return doc.Continue
	})
	check := func(what string, got, want any) {
		t.Helper()
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("%s:\n got %s\nwant %s", what, g, w)
		}
	}
	check("headings", headings, []string{"# Summary", "## Water levels"})
	check("links", links, []string{"#levels Water levels", "#levels the table"})
	check("equations", maths, []string{"false h=16.3m", `true Q=\frac{V}{t}`})
	check("languages", langs, []string{"nl-NL: Waterschap Rivierenland"})
	check("code", code, []string{"galley build"})
	check("alignment", aligns, []doc.Align{doc.AlignLeft, doc.AlignRight})
	if notes != 1 || items != 2 {
		t.Errorf("%d notes, %d list items; want 1 and 2", notes, items)
	}
	if strings.Contains(text.String(), "Contents 1") {
		t.Error("the table of contents field is not left out")
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
}
