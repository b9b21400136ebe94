package text_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/render/text"
)

func render(t *testing.T, d *doc.Document, width int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := text.New(text.Config{Width: width}).Render(context.Background(), &buf, d, nil); err != nil {
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

// TestCJKWraps checks Chinese and Japanese text, which has no spaces,
// wraps where Unicode line breaking allows, without spaces added and
// with closing punctuation never starting a line.
func TestCJKWraps(t *testing.T) {
	zh := strings.Repeat("北京是中华人民共和国的首都，也是全国的政治和文化中心。", 12)
	ja := strings.Repeat("東京は日本の首都であり、世界最大の都市圏の一つです。", 12)
	for _, src := range []string{zh, ja, "Mixed text 混合文本 " + zh} {
		out := render(t, para(src), 72)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 5 {
			t.Errorf("%d lines: not wrapped", len(lines))
		}
		for _, l := range lines {
			if w := uniseg.StringWidth(l); w > 72 {
				t.Errorf("line of %d columns: %s", w, l)
			}
			if strings.HasPrefix(l, "，") || strings.HasPrefix(l, "。") || strings.HasPrefix(l, "、") {
				t.Errorf("line starts with closing punctuation: %s", l)
			}
		}
		if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(src, " ", "") {
			t.Errorf("text changed:\n%s", out)
		}
	}
}

// TestTitleNotRepeated checks a title that only repeats the first
// heading is written once.
func TestTitleNotRepeated(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "widgetkit"}, Sections: []*doc.Section{{Level: 1, Title: []doc.Inline{&doc.Text{Text: "widgetkit"}}}}}
	if out := render(t, d, 72); strings.Count(out, "widgetkit") != 1 {
		t.Errorf("title repeated:\n%s", out)
	}
	d.Meta.Subtitle = "A toolkit"
	if out := render(t, d, 72); strings.Count(out, "widgetkit") != 2 {
		t.Errorf("title block missing:\n%s", out)
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
