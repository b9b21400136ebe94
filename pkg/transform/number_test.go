package transform_test

import (
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/transform"
)

func sec(title string, kids ...*doc.Section) *doc.Section {
	return &doc.Section{Title: []doc.Inline{&doc.Text{Text: title}}, Sections: kids}
}

// TestNumberSections: sections numbered as deep as asked, a document
// with numbers of its own kept as it is.
func TestNumberSections(t *testing.T) {
	d := &doc.Document{Sections: []*doc.Section{sec("A", sec("A1", sec("A1a")), sec("A2")), sec("B")}}
	transform.NumberSections(d, 2)
	var got []string
	for _, s := range d.AllSections() {
		got = append(got, s.Number+" "+doc.PlainText(s.Title))
	}
	if want := "1 A|1.1 A1| A1a|1.2 A2|2 B"; strings.Join(got, "|") != want {
		t.Errorf("numbers %q, want %q", strings.Join(got, "|"), want)
	}
	own := &doc.Document{Sections: []*doc.Section{sec("Inleiding"), {Number: "2.1", Title: []doc.Inline{&doc.Text{Text: "Doelen"}}}}}
	transform.NumberSections(own, 3)
	if own.Sections[0].Number != "" || own.Sections[1].Number != "2.1" {
		t.Errorf("a document's own numbers: %q %q", own.Sections[0].Number, own.Sections[1].Number)
	}
}

// TestNumberCaptions: figures and tables counted apart, labelled in the
// document's language; a document that numbers its captions is left
// alone.
func TestNumberCaptions(t *testing.T) {
	cap := func(s string) []doc.Inline { return []doc.Inline{&doc.Text{Text: s}} }
	d := &doc.Document{Meta: doc.Meta{Lang: "nl"}, Blocks: []doc.Block{
		&doc.Figure{Src: "a.png", Caption: cap("Kaart")},
		&doc.Table{Caption: cap("Kosten")},
		&doc.Figure{Src: "b.png"}, // no caption: none made
		&doc.Figure{Src: "c.png", Caption: cap("Dijken")},
	}}
	transform.NumberCaptions(d, false, true)
	var got []string
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Figure:
			got = append(got, doc.PlainText(b.Caption))
		case *doc.Table:
			got = append(got, doc.PlainText(b.Caption))
		}
	}
	if want := "Figuur\u00a01: Kaart|Tabel\u00a01: Kosten||Figuur\u00a02: Dijken"; strings.Join(got, "|") != want {
		t.Errorf("captions %q, want %q", strings.Join(got, "|"), want)
	}
	own := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{&doc.Figure{Caption: cap("Figure 3. Dikes")}, &doc.Figure{Caption: cap("Dunes")}}}
	transform.NumberCaptions(own, false, true)
	if c := doc.PlainText(own.Blocks[1].(*doc.Figure).Caption); c != "Dunes" {
		t.Errorf("a document that numbers its figures got %q", c)
	}
}

// TestNumberCaptionsPerChapter: counted afresh in each chapter, after
// its number (its own, else its place).
func TestNumberCaptionsPerChapter(t *testing.T) {
	fig := func(s string) doc.Block { return &doc.Figure{Src: "x.png", Caption: []doc.Inline{&doc.Text{Text: s}}} }
	one, two := sec("One"), sec("Two", sec("Two and a half"))
	one.Blocks = []doc.Block{fig("a"), fig("b")}
	two.Blocks = []doc.Block{fig("c")}
	two.Sections[0].Blocks = []doc.Block{fig("d"), &doc.Table{Caption: []doc.Inline{&doc.Text{Text: "t"}}}}
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Sections: []*doc.Section{one, two}}
	transform.NumberCaptions(d, true, true)
	var got []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Figure:
			got = append(got, doc.PlainText(n.Caption))
		case *doc.Table:
			got = append(got, doc.PlainText(n.Caption))
		}
		return doc.Continue
	})
	if want := "Figure\u00a01.1: a|Figure\u00a01.2: b|Figure\u00a02.1: c|Figure\u00a02.2: d|Table\u00a02.1: t"; strings.Join(got, "|") != want {
		t.Errorf("captions %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestCrossReferences: a link with no text to a figure's or a table's
// id says its label and number; unnumbered, its caption; a link with
// text of its own keeps it.
func TestCrossReferences(t *testing.T) {
	for _, numbered := range []bool{true, false} {
		d := &doc.Document{Meta: doc.Meta{Lang: "nl"}, Sections: []*doc.Section{sec("Een"), sec("Twee")}}
		d.Sections[1].Blocks = []doc.Block{
			&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Zie "}, &doc.Link{URL: "#fig:kaart"}, &doc.Text{Text: ", "}, &doc.Link{URL: "#tbl:kosten"}, &doc.Text{Text: " en "}, &doc.Link{URL: "#fig:kaart", Inlines: []doc.Inline{&doc.Text{Text: "de kaart"}}}}},
			&doc.Figure{Src: "a.png", Caption: []doc.Inline{&doc.Anchor{ID: "fig:kaart"}, &doc.Text{Text: "Kaart"}}},
			&doc.Table{Caption: []doc.Inline{&doc.Anchor{ID: "tbl:kosten"}, &doc.Text{Text: "Kosten"}}},
		}
		transform.NumberCaptions(d, true, numbered)
		got := doc.PlainText(d.Sections[1].Blocks[0].(*doc.Paragraph).Inlines)
		want := "Zie Figuur\u00a02.1, Tabel\u00a02.1 en de kaart"
		if !numbered {
			want = "Zie Kaart, Kosten en de kaart"
		}
		if got != want {
			t.Errorf("numbered %v: %q, want %q", numbered, got, want)
		}
		if _, ok := d.Sections[1].Blocks[1].(*doc.Figure).Caption[0].(*doc.Anchor); !ok {
			t.Error("the caption's anchor is no longer first")
		}
	}
}
