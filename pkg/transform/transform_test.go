package transform_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/transform"
)

func section(title string) *doc.Section {
	return &doc.Section{Level: 1, Title: []doc.Inline{&doc.Text{Text: title}}}
}

func TestAssignIDs(t *testing.T) {
	d := &doc.Document{Sections: []*doc.Section{
		section("Oekraïne"), section("Oekraïne"), section("Betrekkingen met landen en regio’s"),
		section("Veiligheid: vrede, veiligheid en defensie"), section("???"), section("Ελληνικά κείμενα"),
		section("fn-1"), {Level: 1, ID: "custom", Title: []doc.Inline{&doc.Text{Text: "x"}}}, section("Custom"),
	}}
	transform.AssignIDs(d)
	var ids []string
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
	}
	want := "oekraïne oekraïne-1 betrekkingen-met-landen-en-regios veiligheid-vrede-veiligheid-en-defensie section ελληνικά-κείμενα fn-1-1 custom custom-1"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids:\n%s\nwant:\n%s", got, want)
	}
	// Stable: assigning again changes nothing.
	transform.AssignIDs(d)
	var again []string
	for _, s := range d.Sections {
		again = append(again, s.ID)
	}
	if strings.Join(again, " ") != want {
		t.Errorf("ids changed on a second pass: %v", again)
	}
}

func TestSeedIDsUnique(t *testing.T) {
	d := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	for _, s := range d.AllSections() {
		s.ID = ""
	}
	transform.AssignIDs(d)
	seen := map[string]bool{}
	for _, s := range d.AllSections() {
		if s.ID == "" || seen[s.ID] {
			t.Errorf("id %q empty or repeated", s.ID)
		}
		seen[s.ID] = true
	}
	if !seen["oekraïne"] || !seen["betrekkingen-met-landen-en-regios"] {
		t.Errorf("ids: %v", seen)
	}
}

func TestNumberNotes(t *testing.T) {
	note := func(blocks ...doc.Block) *doc.Note { return &doc.Note{Blocks: blocks} }
	inner := note(&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "inner"}}})
	a, c := note(&doc.Paragraph{Inlines: []doc.Inline{inner}}), note()
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{a}}},
		Sections: []*doc.Section{{Level: 1, Title: []doc.Inline{&doc.Text{Text: "s"}}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{c}}}}}}
	transform.NumberNotes(d)
	if a.Number != 1 || inner.Number != 2 || c.Number != 3 {
		t.Errorf("numbers %d %d %d, want 1 2 3", a.Number, inner.Number, c.Number)
	}
}

func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Het kabinet zet in op uitbreiding van de capaciteit op de posten en in het ministerie.", "nl"},
		{"The cabinet will expand the capacity of the posts and of the ministry in the coming years.", "en"},
		{"Die Bundesregierung wird die Kapazität der Botschaften und des Ministeriums in den nächsten Jahren ausbauen.", "de"},
		{"Le gouvernement va renforcer la capacité des postes et du ministère dans les années à venir.", "fr"},
		{"El gobierno ampliará la capacidad de las embajadas y del ministerio en los próximos años.", "es"},
		{"Hello.", ""},
		{"東京は日本の首都です。", ""},
	} {
		if got := transform.Language(tc.text); got != tc.want {
			t.Errorf("Language(%.40q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	seed := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	seed.Meta.Lang = ""
	transform.DetectLanguage(seed)
	if seed.Meta.Lang != "nl" {
		t.Errorf("seed language %q, want nl", seed.Meta.Lang)
	}
	charter := fixture.Read(t, "charter.txt")
	charter.Meta.Lang = ""
	transform.DetectLanguage(charter)
	if charter.Meta.Lang != "en" {
		t.Errorf("charter language %q, want en", charter.Meta.Lang)
	}
	d := &doc.Document{Meta: doc.Meta{Lang: "fr"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "the and of the"}}}}}
	transform.DetectLanguage(d)
	if d.Meta.Lang != "fr" {
		t.Error("DetectLanguage replaced a language that was set")
	}
}

func TestDefaultTitle(t *testing.T) {
	d := &doc.Document{Sections: []*doc.Section{section("First")}}
	transform.DefaultTitle(d, "file")
	if d.Meta.Title != "First" {
		t.Errorf("title %q", d.Meta.Title)
	}
	d = &doc.Document{}
	transform.DefaultTitle(d, "file")
	if d.Meta.Title != "file" {
		t.Errorf("title %q", d.Meta.Title)
	}
}

// TestShiftHeadings checks pandoc's --shift-heading-level-by: every level
// moves, a lone level-1 section becomes the title when shifted above 1.
func TestShiftHeadings(t *testing.T) {
	build := func() *doc.Document {
		return &doc.Document{Sections: []*doc.Section{{Level: 1, Title: []doc.Inline{&doc.Text{Text: "Tool"}},
			Blocks:   []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "intro"}}}, &doc.Quote{Blocks: []doc.Block{&doc.Heading{Level: 3, Inlines: []doc.Inline{&doc.Text{Text: "q"}}}}}},
			Sections: []*doc.Section{{Level: 2, Title: []doc.Inline{&doc.Text{Text: "Use"}}, Sections: []*doc.Section{{Level: 4, Title: []doc.Inline{&doc.Text{Text: "Deep"}}}}}}}}}
	}
	levels := func(d *doc.Document) string {
		var out []string
		doc.Walk(d, func(n doc.Node) doc.Visit {
			switch n := n.(type) {
			case *doc.Section:
				out = append(out, fmt.Sprintf("%s%d", doc.PlainText(n.Title), n.Level))
			case *doc.Heading:
				out = append(out, fmt.Sprintf("%s%d", doc.PlainText(n.Inlines), n.Level))
			}
			return doc.Continue
		})
		return strings.Join(out, " ")
	}
	d := build()
	transform.ShiftHeadings(d, 1)
	if got := levels(d); got != "Tool2 q4 Use3 Deep5" {
		t.Errorf("+1: %s", got)
	}
	d = build()
	transform.ShiftHeadings(d, -1)
	if got := levels(d); d.Meta.Title != "Tool" || len(d.Blocks) != 2 || got != "q2 Use1 Deep3" {
		t.Errorf("-1: title %q, %d blocks, %s", d.Meta.Title, len(d.Blocks), got)
	}
	d = build()
	d.Meta.Title = "Other"
	transform.ShiftHeadings(d, -2)
	if got := levels(d); d.Meta.Title != "Other" || got != "Tool1 q1 Use1 Deep2" {
		t.Errorf("-2 with a title: %q %s", d.Meta.Title, got)
	}
}
