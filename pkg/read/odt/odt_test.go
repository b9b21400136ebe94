package odt_test

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
	"github.com/galleypress/galley/pkg/read/odt"
)

const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`

// pack writes an OpenDocument package: the mimetype first and stored,
// as the standard asks, then the parts.
func pack(t testing.TB, content string, extra map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.text"))
	parts := map[string]string{
		"META-INF/manifest.xml": `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
		"content.xml":           content,
	}
	for k, v := range extra {
		parts[k] = v
	}
	for _, name := range []string{"META-INF/manifest.xml", "meta.xml", "styles.xml", "content.xml", "Pictures/kaart.png"} {
		if v, ok := parts[name]; ok {
			w, _ := z.Create(name)
			w.Write([]byte(v))
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// nota is a Dutch memo as LibreOffice writes it: common styles in
// styles.xml (Dutch default language), automatic styles for bold,
// italic and an English passage, a numbered heading inside a list, a
// numbered list from 3, a nested bulleted list, a table with a header
// row and spans, a note, a link, a bookmark and a picture with its
// description.
func nota(t testing.TB) []byte {
	styles := `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ` + ns + `><office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="nl" fo:country="NL"/></style:default-style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
<style:style style:name="Title" style:family="paragraph"/>
<style:style style:name="Quotations" style:family="paragraph"/>
<style:style style:name="Preformatted_20_Text" style:display-name="Preformatted Text" style:family="paragraph"/>
<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123"><text:list-level-style-number text:level="1" style:num-format="1" text:start-value="3"/></text:list-style>
<text:list-style style:name="List_20_1" style:display-name="List 1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/><text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>
</office:styles></office:document-styles>`
	meta := `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ` + ns + `><office:meta><dc:title>Nota waterbeheer</dc:title><meta:initial-creator>Rijkswaterstaat</meta:initial-creator><dc:language>nl-NL</dc:language><meta:creation-date>2024-05-02T10:00:00</meta:creation-date><meta:keyword>water</meta:keyword><meta:keyword>dijken</meta:keyword></office:meta></office:document-meta>`
	p := func(style, text string) string {
		return `<text:p text:style-name="` + style + `">` + text + `</text:p>`
	}
	cell := func(attrs, text string) string {
		return `<table:table-cell ` + attrs + ` office:value-type="string"><text:p>` + text + `</text:p></table:table-cell>`
	}
	content := `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + ns + `><office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T3" style:family="text"><style:text-properties fo:language="en" fo:country="GB"/></style:style>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_1"/>
</office:automatic-styles><office:body><office:text>` +
		p("Title", "Nota waterbeheer") +
		`<text:list text:style-name="Outline"><text:list-item><text:h text:style-name="P1" text:outline-level="1">Hoogwater</text:h></text:list-item></text:list>` +
		`<text:p>Na de <text:span text:style-name="T1">hoogwaterperiode</text:span> van <text:span text:style-name="T2">januari</text:span><text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Kamerbrief van 12 februari.</text:p></text:note-body></text:note> zijn de dijken    geïnspecteerd;<text:s text:c="2"/>zie <text:a xlink:type="simple" xlink:href="https://www.rijkswaterstaat.nl/">de kaart</text:a>. Het motto: <text:span text:style-name="T3">living with water</text:span>.<text:bookmark text:name="dijken"/></text:p>` +
		`<text:h text:style-name="Heading_20_2" text:outline-level="2">Maatregelen</text:h>` +
		`<text:list text:style-name="Numbering_20_123"><text:list-item><text:p>Versterken</text:p></text:list-item><text:list-item><text:p>Verhogen</text:p></text:list-item></text:list>` +
		`<text:list text:style-name="List_20_1"><text:list-item><text:p>Noord</text:p><text:list><text:list-item><text:p>Groningen</text:p></text:list-item></text:list></text:list-item></text:list>` +
		p("Quotations", "Water kent geen grenzen.") +
		p("Preformatted_20_Text", "galley build --check") +
		`<table:table table:name="Kosten"><table:table-column table:number-columns-repeated="3"/>` +
		`<table:table-header-rows><table:table-row>` + cell("", "Post") + cell(`table:number-columns-spanned="2"`, "Bedrag") + `<table:covered-table-cell/></table:table-row></table:table-header-rows>` +
		`<table:table-row>` + cell(`table:number-rows-spanned="2"`, "Dijken") + cell("", "2024") + cell("", "10") + `</table:table-row>` +
		`<table:table-row><table:covered-table-cell/>` + cell("", "2025") + cell("", "12") + `</table:table-row>` +
		`<table:table-row>` + cell("", "Duinen") + `<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:list text:style-name="List_20_1"><text:list-item><text:p>Zandsuppleties</text:p></text:list-item><text:list-item><text:p>Helmgras</text:p></text:list-item></text:list></table:table-cell><table:covered-table-cell/></table:table-row></table:table>` +
		`<text:p><draw:frame draw:name="Image1" text:anchor-type="as-char" svg:width="4cm" svg:height="3cm"><draw:image xlink:href="Pictures/kaart.png" xlink:type="simple"/><svg:title>Kaart</svg:title><svg:desc>Kaart van de dijkringen</svg:desc></draw:frame></text:p>` +
		`</office:text></office:body></office:document-content>`
	return pack(t, content, map[string]string{"styles.xml": styles, "meta.xml": meta, "Pictures/kaart.png": string(fixture.Picture())})
}

// TestFixture keeps fixtures/nota.odt, which the golden tests build to
// every format, what nota writes (go test ./... -update rewrites it).
func TestFixture(t *testing.T) {
	golden.Check(t, "../../../fixtures/nota.odt", nota(t))
}

// TestNota reads the memo and checks what a reader of the outputs would
// see.
func TestNota(t *testing.T) {
	var warnings []string
	d, err := odt.Reader{}.Read(context.Background(), bytes.NewReader(nota(t)), &read.Options{Name: "nota.odt", Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	m := d.Meta
	if m.Title != "Nota waterbeheer" || len(m.Authors) != 1 || m.Authors[0] != "Rijkswaterstaat" || m.Lang != "nl-NL" || m.Date != "2024-05-02" || len(m.Keywords) != 2 {
		t.Errorf("metadata: %+v", m)
	}
	var headings, langs, cells, images []string
	var lists []*doc.List
	var notes, links, anchors, quotes, code int
	var paras []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Section:
			headings = append(headings, strings.Repeat("#", n.Level)+" "+doc.PlainText(n.Title))
		case *doc.Paragraph:
			paras = append(paras, doc.PlainText(n.Inlines))
		case *doc.Span:
			langs = append(langs, n.Attr.Get("lang")+": "+doc.PlainText(n.Inlines))
		case *doc.List:
			lists = append(lists, n)
		case *doc.Note:
			notes++
		case *doc.Link:
			links++
		case *doc.Anchor:
			anchors++
		case *doc.Quote:
			quotes++
		case *doc.CodeBlock:
			code++
		case *doc.Figure:
			images = append(images, n.Src[:min(len(n.Src), 22)]+" "+n.Alt)
		case *doc.Table:
			for _, c := range n.Header {
				cells = append(cells, doc.PlainText(c.Inlines)+" th"+spans(c))
			}
			for _, r := range n.Rows {
				for _, c := range r {
					cells = append(cells, doc.PlainText(c.Flat())+spans(c))
				}
			}
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
	check("headings", headings, []string{"# Hoogwater", "## Maatregelen"})
	check("languages", langs, []string{"en-GB: living with water"})
	// A list inside a cell stays a list (of the cell's blocks).
	check("cells", cells, []string{"Post th", "Bedrag th colspan=2", "Dijken rowspan=2", "2024", "10", "2025", "12", "Duinen", "•\u00a0Zandsuppleties •\u00a0Helmgras colspan=2"})
	check("images", images, []string{"data:image/png;base64, Kaart van de dijkringen"})
	if len(paras) == 0 || !strings.HasPrefix(paras[0], "Na de hoogwaterperiode van januari zijn de dijken geïnspecteerd;  zie de kaart.") {
		t.Errorf("first paragraph (spaces collapse, text:s keeps two): %q", paras)
	}
	if len(lists) != 4 || !lists[0].Ordered || lists[0].Start != 3 || lists[1].Ordered || len(lists[1].Items[0].Blocks) != 2 || len(lists[3].Items) != 2 {
		t.Errorf("lists: want a numbered one from 3, a bulleted one with a nested list, and one of two items in the table; got %d", len(lists))
	}
	if notes != 1 || links != 1 || anchors != 1 || quotes != 1 || code != 1 {
		t.Errorf("%d notes, %d links, %d anchors, %d quotes, %d code blocks; want one each", notes, links, anchors, quotes, code)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
}

func spans(c doc.Cell) string {
	s := ""
	if c.ColSpan > 1 {
		s += " colspan=" + string(rune('0'+c.ColSpan))
	}
	if c.RowSpan > 1 {
		s += " rowspan=" + string(rune('0'+c.RowSpan))
	}
	return s
}

// TestFlat reads the flat form (.fodt): one XML file.
func TestFlat(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?><office:document ` + ns + ` office:mimetype="application/vnd.oasis.opendocument.text"><office:meta><dc:title>Plat</dc:title></office:meta><office:body><office:text><text:h text:outline-level="1">Kop</text:h><text:p>Tekst.</text:p></office:text></office:body></office:document>`
	d, err := odt.Reader{}.Read(context.Background(), strings.NewReader(src), &read.Options{Name: "plat.fodt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "Plat" || len(d.Sections) != 1 || doc.PlainText(d.Sections[0].Title) != "Kop" {
		t.Errorf("flat document: title %q, %d sections", d.Meta.Title, len(d.Sections))
	}
}

// TestHostile: each bad input is one clear error.
func TestHostile(t *testing.T) {
	full := nota(t)
	var spreadsheet bytes.Buffer
	z := zip.NewWriter(&spreadsheet)
	w, _ := z.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	z.Close()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("PK not really"), "not an OpenDocument file"},
		{"truncated", full[:len(full)/2], "not an OpenDocument file"},
		{"spreadsheet", spreadsheet.Bytes(), "not an OpenDocument text"},
		{"entity", pack(t, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content `+ns+`/>`, nil), "declares entities"},
		{"deep", pack(t, `<office:document-content `+ns+`><office:body><office:text>`+strings.Repeat("<text:section>", 300)+strings.Repeat("</text:section>", 300)+`</office:text></office:body></office:document-content>`, nil), "nest more than"},
		{"no text", pack(t, `<office:document-content `+ns+`><office:body><office:spreadsheet/></office:body></office:document-content>`, nil), "has no text"},
		{"flat garbage", []byte("<office:document"), "not an OpenDocument file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := odt.Reader{}.Read(context.Background(), bytes.NewReader(c.data), &read.Options{Name: "x.odt"})
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line with %q", err, c.want)
			}
		})
	}
}

// FuzzODT reads packages and flat files made from the memo: a document
// or an error, never a panic.
func FuzzODT(f *testing.F) {
	f.Add(nota(f))
	f.Add([]byte(`<?xml version="1.0"?><office:document ` + ns + `><office:body><office:text><text:list><text:list-item><text:list><text:list-item><text:p>x<text:s text:c="3"/></text:p></text:list-item></text:list></text:list-item></text:list><table:table><table:table-row><table:table-cell table:number-columns-spanned="9"><text:p>y</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := odt.Reader{}.Read(context.Background(), bytes.NewReader(data), &read.Options{Name: "fuzz.odt"})
		if err == nil && d == nil {
			t.Fatal("no document and no error")
		}
	})
}

// TestFormulas reads OpenDocument formulas (MathML objects) as TeX: one
// inline, one alone in its paragraph (display).
func TestFormulas(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?><office:document ` + ns + ` xmlns:math="http://www.w3.org/1998/Math/MathML"><office:body><office:text>` +
		`<text:p>Inline <draw:frame text:anchor-type="as-char"><draw:object><math:math><math:semantics><math:mrow><math:mfrac><math:mi>a</math:mi><math:mi>b</math:mi></math:mfrac><math:mo>+</math:mo><math:msup><math:mi>x</math:mi><math:mn>2</math:mn></math:msup></math:mrow><math:annotation encoding="StarMath 5.0">{a} over {b} + {x} ^ {2}</math:annotation></math:semantics></math:math></draw:object></draw:frame></text:p>` +
		`<text:p><draw:frame text:anchor-type="as-char"><draw:object><math:math><math:semantics><math:mrow><math:munderover><math:mo>∑</math:mo><math:mrow><math:mi>i</math:mi><math:mo>=</math:mo><math:mn>1</math:mn></math:mrow><math:mi>n</math:mi></math:munderover><math:mi>i</math:mi><math:msqrt><math:mn>2</math:mn></math:msqrt><math:mfenced open="[" close="]"><math:mi>sin</math:mi></math:mfenced></math:mrow></math:semantics></math:math></draw:object></draw:frame></text:p>` +
		`</office:text></office:body></office:document>`
	d, err := odt.Reader{}.Read(context.Background(), strings.NewReader(src), &read.Options{Name: "f.fodt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if m, ok := n.(*doc.Math); ok {
			got = append(got, fmt.Sprintf("%v %s", m.Display, m.TeX))
		}
		return doc.Continue
	})
	want := []string{`false \frac{a}{b}+{x}^{2}`, `true \sum_{i=1}^{n} i\sqrt{2}\left[ \sin  \right]`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("formulas:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTrackedChanges: by default the text as it is now; with changes
// rejected, the original: an insertion left out, a deletion back where
// it was.
func TestTrackedChanges(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?><office:document ` + ns + `><office:body><office:text>` +
		`<text:tracked-changes><text:changed-region text:id="c1"><text:insertion><office:change-info><dc:creator>A</dc:creator></office:change-info></text:insertion></text:changed-region>` +
		`<text:changed-region text:id="c2"><text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info><text:p>Geschrapt.</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
		`<text:p>Begin. <text:change-start text:change-id="c1"/>Toegevoegd. <text:change-end text:change-id="c1"/>Slot. <text:change text:change-id="c2"/></text:p>` +
		`<text:p><text:bookmark text:name="merk"/></text:p><text:p>Na de bladwijzer.</text:p>` +
		`</office:text></office:body></office:document>`
	for mode, want := range map[string]string{"accept": "Begin. Toegevoegd. Slot.|Na de bladwijzer.", "reject": "Begin. Slot. Geschrapt.|Na de bladwijzer."} {
		d, err := odt.New(odt.Config{Changes: mode}).Read(context.Background(), strings.NewReader(src), &read.Options{Name: "w.fodt"})
		if err != nil {
			t.Fatal(err)
		}
		var paras []string
		anchors := 0
		doc.Walk(d, func(n doc.Node) doc.Visit {
			switch n := n.(type) {
			case *doc.Paragraph:
				paras = append(paras, strings.TrimSpace(doc.PlainText(n.Inlines)))
			case *doc.Anchor:
				anchors++
			}
			return doc.Continue
		})
		// The bookmark alone on its line goes with the next paragraph.
		if got := strings.Join(paras, "|"); got != want || anchors != 1 {
			t.Errorf("%s: %q with %d anchors, want %q with 1", mode, got, anchors, want)
		}
	}
}
