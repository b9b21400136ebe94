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
	transform.NumberCaptions(d, false)
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
	transform.NumberCaptions(own, false)
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
	transform.NumberCaptions(d, true)
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
