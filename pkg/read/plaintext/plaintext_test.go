package plaintext_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/plaintext"
)

var seedDrop = []string{"Base description which applies to whole site", "Licence"}

func readFile(t *testing.T, path string, cfg plaintext.Config, opts *read.Options) *doc.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := plaintext.New(cfg).Read(context.Background(), f, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func headings(d *doc.Document) []string {
	var out []string
	for _, s := range d.AllSections() {
		h := fmt.Sprintf("%d ", s.Level)
		if s.Number != "" {
			h += s.Number + " "
		}
		out = append(out, h+doc.PlainText(s.Title))
	}
	return out
}

// TestSeedHeadings checks the seed's exact heading list: the numbered
// heading, the short line, and the 22 headings glued to their paragraphs.
func TestSeedHeadings(t *testing.T) {
	d := readFile(t, "../../../fixtures/beleidsprioriteiten-2023.txt", plaintext.Config{}, &read.Options{Drop: seedDrop})
	want := []string{
		"1 2.1 Beleidsprioriteiten",
		"2 Geopolitiek: terug van nooit weggeweest",
		"3 Europese samenwerking",
		"3 Rechtsstatelijkheid",
		"3 Bilaterale relaties",
		"3 Klimaat, energie en digitalisering",
		"3 Sancties",
		"3 Migratie",
		"3 Westelijke Balkan",
		"3 Oostelijk Nabuurschap",
		"3 Oekraïne",
		"3 Turkije",
		"3 Zuidelijk Nabuurschap",
		"3 Veiligheid: vrede, veiligheid en defensie",
		"3 Investeren in een veilige wereld",
		"3 Non-proliferatie, wapenbeheersing en ontwapening",
		"3 Missies en operaties",
		"3 Een gecoördineerde inzet voor een weerbaar Koninkrijk",
		"3 Cyberdiplomatie als prioriteit",
		"3 Betrekkingen met landen en regio’s",
		"3 Waarden, democratie en internationale rechtsorde",
		"3 Nederlanders wereldwijd, consulaire zaken en visumbeleid",
		"3 Cultuur",
		"3 Postennet",
	}
	got := headings(d)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The glued headings' paragraphs keep their text.
	for _, s := range d.AllSections() {
		title := doc.PlainText(s.Title)
		if title == "Oekraïne" {
			first := doc.PlainText(s.Blocks[0].(*doc.Paragraph).Inlines)
			if !strings.HasPrefix(first, "Oekraïne strijdt voor eigen vrijheid en onze waarden.") {
				t.Errorf("Oekraïne's paragraph starts %.60q", first)
			}
		}
		if title == "Europese samenwerking" {
			first := doc.PlainText(s.Blocks[0].(*doc.Paragraph).Inlines)
			if !strings.HasPrefix(first, "Een assertieve opstelling") {
				t.Errorf("Europese samenwerking's paragraph starts %.60q", first)
			}
		}
	}
}

// paragraphs returns the plain text of every paragraph.
func paragraphs(d *doc.Document) []string {
	var out []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if p, ok := n.(*doc.Paragraph); ok {
			out = append(out, doc.PlainText(p.Inlines))
		}
		return doc.Continue
	})
	return out
}

// TestSeedGluedParagraphs checks the two paragraphs glued at a sentence
// end are split, and nothing else is.
func TestSeedGluedParagraphs(t *testing.T) {
	d := readFile(t, "../../../fixtures/beleidsprioriteiten-2023.txt", plaintext.Config{}, &read.Options{Drop: seedDrop})
	ps := paragraphs(d)
	for _, pair := range [][2]string{
		{"met derde landen.", "De uitdagingen zijn geen reden"},
		{"invulling aan geven.", "De Russische regering heeft"},
	} {
		found := false
		for i := 0; i+1 < len(ps); i++ {
			if strings.HasSuffix(ps[i], pair[0]) && strings.HasPrefix(ps[i+1], pair[1]) {
				found = true
			}
		}
		if !found {
			t.Errorf("no paragraph break between %q and %q", pair[0], pair[1])
		}
	}
	for _, p := range ps {
		if strings.Contains(p, "landen.De") || strings.Contains(p, "geven.De") {
			t.Errorf("glued sentences remain: %.80q", p)
		}
	}
	// 62 non-blank lines less 2 dropped and 2 headings, plus 2 splits.
	if len(ps) != 62 {
		t.Errorf("%d paragraphs, want 62", len(ps))
	}
}

// TestSeedNoteMarkers checks the two glued note markers become
// superscripts and no other digits do.
func TestSeedNoteMarkers(t *testing.T) {
	d := readFile(t, "../../../fixtures/beleidsprioriteiten-2023.txt", plaintext.Config{}, &read.Options{Drop: seedDrop})
	var sups []string
	var before []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if p, ok := n.(*doc.Paragraph); ok {
			for i, in := range p.Inlines {
				if s, ok := in.(*doc.Sup); ok {
					sups = append(sups, doc.PlainText(s.Inlines))
					prev := doc.PlainText(p.Inlines[i-1 : i])
					before = append(before, prev[len(prev)-6:])
				}
			}
		}
		return doc.Continue
	})
	if strings.Join(sups, ",") != "1,2" || strings.Join(before, ",") != "landen,aldaar" {
		t.Errorf("note markers %v after %v, want [1 2] after [landen aldaar]", sups, before)
	}
}

// TestSeedDropAndNBSP checks dropped lines are gone and non-breaking
// spaces kept.
func TestSeedDropAndNBSP(t *testing.T) {
	d := readFile(t, "../../../fixtures/beleidsprioriteiten-2023.txt", plaintext.Config{}, &read.Options{Drop: seedDrop})
	all := strings.Join(paragraphs(d), "\n")
	if strings.Contains(all, "Base description") || strings.Contains(all, "Licence") {
		t.Error("dropped lines are still there")
	}
	if n := strings.Count(all, "\u00a0"); n != 6 {
		t.Errorf("%d non-breaking spaces, want the seed's 6", n)
	}
	kept := readFile(t, "../../../fixtures/beleidsprioriteiten-2023.txt", plaintext.Config{}, nil)
	if !strings.Contains(strings.Join(append(paragraphs(kept), headings(kept)...), "\n"), "Base description") {
		t.Error("without --drop-line the boilerplate line is lost")
	}
}

// TestDecisionsLogged checks the reader explains its headings, and that
// NotHeadings overrides a decision.
func TestDecisionsLogged(t *testing.T) {
	var log []string
	opts := &read.Options{Name: "seed.txt", Drop: seedDrop, Log: func(s string) { log = append(log, s) }}
	readFile(t, "../../../fixtures/beleidsprioriteiten-2023.txt", plaintext.Config{}, opts)
	joined := strings.Join(log, "\n")
	for _, want := range []string{
		`seed.txt:39: heading "Oekraïne": glued to the start of its paragraph; split off`,
		`seed.txt:3: heading "Beleidsprioriteiten": a short numbered line (number 2.1)`,
		`seed.txt:1: line dropped (--drop-line)`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("log lacks %s\nlog:\n%s", want, joined)
		}
	}
	d := readFile(t, "../../../fixtures/beleidsprioriteiten-2023.txt", plaintext.Config{NotHeadings: []string{"Oekraïne"}}, &read.Options{Drop: seedDrop})
	for _, h := range headings(d) {
		if strings.HasSuffix(h, " Oekraïne") {
			t.Error("NotHeadings did not keep Oekraïne in its paragraph")
		}
	}
	if n := len(headings(d)); n != 23 {
		t.Errorf("%d headings with one overridden, want 23", n)
	}
}

// TestWrapped checks the hard-wrapped fixture's structure.
func TestWrapped(t *testing.T) {
	d := readFile(t, "../../../fixtures/charter.txt", plaintext.Config{}, nil)
	if d.Meta.Title != "THE RIVERSIDE COMMUNITY GARDEN CHARTER" {
		t.Errorf("title %q", d.Meta.Title)
	}
	want := "1 PREAMBLE|2 1 Scope|2 2 Definitions|2 3 Membership|2 4 Duties of Gardeners|1 WATER AND COMPOST|2 Settling Disagreements|2 5 Changes to this Charter"
	if got := strings.Join(headings(d), "|"); got != want {
		t.Errorf("headings:\n%s\nwant:\n%s", got, want)
	}
	var lists []*doc.List
	var code []*doc.CodeBlock
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.List:
			lists = append(lists, n)
		case *doc.CodeBlock:
			code = append(code, n)
		}
		return doc.Continue
	})
	if len(lists) != 2 || !lists[0].Ordered || lists[0].Numbering != "a" || len(lists[0].Items) != 3 || lists[1].Ordered || len(lists[1].Items) != 4 {
		t.Errorf("lists: want a lettered list of 3 and a bullet list of 4")
	}
	if len(lists) > 0 && !strings.HasSuffix(doc.BlocksText(lists[0].Items[2].Blocks), "elected at the annual meeting to run the garden between meetings.") {
		t.Errorf("item c lost its continuation line: %q", doc.BlocksText(lists[0].Items[2].Blocks))
	}
	if len(code) != 1 || !strings.HasPrefix(code[0].Text, "Week   Bay 1 (fresh)") || strings.Count(code[0].Text, "\n") != 3 {
		t.Errorf("verbatim block: %+v", code)
	}
	// Paragraph lines are joined.
	for _, p := range paragraphs(d) {
		if strings.Contains(p, "\n") {
			t.Errorf("paragraph keeps a line break: %.60q", p)
		}
	}
}

// TestStyleDetection checks which style each fixture is read in.
func TestStyleDetection(t *testing.T) {
	for file, want := range map[string]string{
		"../../../fixtures/beleidsprioriteiten-2023.txt": "reading as lines text",
		"../../../fixtures/charter.txt":                  "reading as wrapped text",
	} {
		var log []string
		readFile(t, file, plaintext.Config{}, &read.Options{Log: func(s string) { log = append(log, s) }})
		if !strings.Contains(strings.Join(log, "\n"), want) {
			t.Errorf("%s: log lacks %q", file, want)
		}
	}
}

// TestGluedHeadingGuards checks camel-case words are not taken for glued
// headings.
func TestGluedHeadingGuards(t *testing.T) {
	text := "Intro line that is long enough to make this text one line per paragraph, as scraped pages are, and longer than one hundred characters.\n\n" +
		"YouTube is a video site that many people use every day, and YouTube shows this word is a real one, not a glued heading at all.\n\n" +
		"REPowerEU is a plan of the European Commission to end the dependence on Russian fossil fuels well before the year 2030 arrives.\n"
	d, err := plaintext.New(plaintext.Config{}).Read(context.Background(), strings.NewReader(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	if h := headings(d); len(h) != 0 {
		t.Errorf("headings found in camel-case words: %v", h)
	}
}

// TestLists checks bullets, numbers, letters, roman numerals and nesting.
func TestLists(t *testing.T) {
	text := "Items:\n\n  (i) first roman\n  (ii) second roman\n  (iii) third roman\n\n" +
		"  1. one\n  2. two\n     - nested bullet\n     - another\n  3. three\n"
	d, err := plaintext.New(plaintext.Config{Style: plaintext.Wrapped}).Read(context.Background(), strings.NewReader(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	var lists []*doc.List
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if l, ok := n.(*doc.List); ok {
			lists = append(lists, l)
		}
		return doc.Continue
	})
	if len(lists) != 3 {
		t.Fatalf("%d lists, want 3 (roman, numbered, nested bullets)", len(lists))
	}
	if lists[0].Numbering != "i" || lists[0].Start != 1 || len(lists[0].Items) != 3 {
		t.Errorf("roman list: %+v", lists[0])
	}
	if !lists[1].Ordered || len(lists[1].Items) != 3 || lists[2].Ordered || len(lists[2].Items) != 2 {
		t.Errorf("numbered list with a nested bullet list: %+v %+v", lists[1], lists[2])
	}
}

// TestLicence reads the GPL, a real hard-wrapped text: centred title,
// capitals, 18 numbered sections with long title-case headings, lettered
// lists whose items wrap onto lines that start with a number.
func TestLicence(t *testing.T) {
	d := readFile(t, "../../../fixtures/gpl-3.0.txt", plaintext.Config{}, nil)
	if d.Meta.Title != "GNU GENERAL PUBLIC LICENSE" || d.Meta.Subtitle != "Version 3, 29 June 2007" {
		t.Errorf("title %q, subtitle %q", d.Meta.Title, d.Meta.Subtitle)
	}
	hs := headings(d)
	var numbered []string
	for _, h := range hs {
		if strings.HasPrefix(h, "2 ") {
			numbered = append(numbered, h)
		}
	}
	if len(numbered) != 18 || numbered[0] != "2 0 Definitions" || numbered[3] != "2 3 Protecting Users' Legal Rights From Anti-Circumvention Law" ||
		numbered[17] != "2 17 Interpretation of Sections 15 and 16" {
		t.Errorf("numbered sections: %q", numbered)
	}
	for _, want := range []string{"1 Preamble", "1 TERMS AND CONDITIONS", "1 How to Apply These Terms to Your New Programs"} {
		found := false
		for _, h := range hs {
			found = found || h == want
		}
		if !found {
			t.Errorf("no heading %q in %q", want, hs)
		}
	}
	var lettered []*doc.List
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if l, ok := n.(*doc.List); ok && l.Numbering == "a" {
			lettered = append(lettered, l)
		}
		return doc.Continue
	})
	if len(lettered) < 3 || len(lettered[0].Items) != 4 {
		t.Fatalf("%d lettered lists", len(lettered))
	}
	if b := doc.BlocksText(lettered[0].Items[1].Blocks); !strings.Contains(b, "under section 7. This requirement") {
		t.Errorf("item b lost its wrapped line: %q", b)
	}
}
