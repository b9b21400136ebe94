package text_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/fixture"
	_ "github.com/galleypress/galley/pkg/internal/golden"
	"github.com/galleypress/galley/pkg/render/text"
)

func render(t *testing.T, d *doc.Document, width int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := text.New(text.Config{Width: width}).Render(&buf, d, nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func para(s string) *doc.Document {
	return &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: s}}}}}
}

// TestWidth checks no line of any fixture is wider than 72 columns,
// except verbatim code and lines holding one unbreakable word.
func TestWidth(t *testing.T) {
	for _, name := range fixture.Names(t) {
		out := render(t, fixture.Read(t, name), 72)
		for i, l := range strings.Split(out, "\n") {
			if uniseg.StringWidth(l) > 72 && len(strings.Fields(l)) > 1 && !strings.HasPrefix(l, "    ") {
				t.Errorf("%s:%d: %d columns: %s", name, i+1, uniseg.StringWidth(l), l)
			}
		}
	}
}

// TestWideCharacters checks wide CJK characters count two columns.
func TestWideCharacters(t *testing.T) {
	out := render(t, para(strings.Repeat("東京 ", 20)), 20)
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if w := uniseg.StringWidth(l); w > 20 {
			t.Errorf("line %q is %d columns wide", l, w)
		}
		if n := strings.Count(l, "東京"); n != 4 {
			t.Errorf("line %q holds %d words, want 4 (4×4 + 3 spaces = 19 columns)", l, n)
		}
	}
}

// TestNoBreakAtNBSP checks a line never breaks at a non-breaking space.
func TestNoBreakAtNBSP(t *testing.T) {
	out := render(t, para("aaaa bbbb cccc dd\u00a0ee ffff"), 16)
	if !strings.Contains(out, "dd\u00a0ee") {
		t.Errorf("broke at a non-breaking space:\n%s", out)
	}
}

// TestSeed checks headings, note markers and the language of labels.
func TestSeed(t *testing.T) {
	out := render(t, fixture.Read(t, "beleidsprioriteiten-2023.txt"), 72)
	for _, want := range []string{
		"2.1 Beleidsprioriteiten\n=======================\n",
		"Geopolitiek: terug van nooit weggeweest\n---------------------------------------\n",
		"Oekraïne\n~~~~~~~~\n",
		"landen¹.", "aldaar².",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// TestHandbook checks notes, links, lists and tables.
func TestHandbook(t *testing.T) {
	out := render(t, fixture.Read(t, "handbook.md"), 72)
	for _, want := range []string{
		"link to the CommonMark spec\n<https://spec.commonmark.org/>.[1]",
		"\n[1] A note in the preface, with a second sentence.\n",
		"[2] Because publishers need PDF for print, EPUB for stores and HTML for\n    the web.\n",
		"- Bullet two, with a nested ordered list:\n  1. first\n  2. second\n     - deeper bullet\n",
		"3. An ordered list that starts at three\n4. and goes on\n",
		"Format  Extension  Binary  Notes\n------  ---------  ------  ------------------------\nPDF       .pdf        yes  typeset with Knuth–Plass\n",
		"    A quotation with *strong* text.\n",
		"    func main() {\n",
		"Water is H₂O and energy is mc²",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	// The notes of the preface come before the first chapter.
	if strings.Index(out, "[1] A note") > strings.Index(out, "Introduction\n====") {
		t.Error("the preface's note is not printed after the preface")
	}
}
