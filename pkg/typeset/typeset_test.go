package typeset_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/typeset"
)

// mono measures every character as 5 pt at any size, a space as 3 pt.
type mono struct{}

func (mono) Width(_ typeset.Face, _ typeset.Unit, s string) typeset.Unit {
	w := typeset.Unit(0)
	for _, r := range s {
		if r == ' ' {
			w += 3 * typeset.Pt
		} else {
			w += 5 * typeset.Pt
		}
	}
	return w
}

// syllables hyphenates between every two letters after the second and
// before the last two.
type syllables struct{}

func (syllables) Points(word string) []int {
	var pts []int
	for i := 2; i <= utf8.RuneCountInString(word)-2; i += 2 {
		pts = append(pts, i)
	}
	return pts
}

const text = "The quick brown fox jumps over the lazy dog and then keeps running far beyond the hills " +
	"until the evening light fades over the quiet valley where the river bends toward the sea."

func lines(t *testing.T, s string, ps typeset.ParagraphStyle) []typeset.Line {
	t.Helper()
	st := typeset.Style{Size: 10 * typeset.Pt}
	return typeset.NewParagraph(mono{}, []typeset.Run{{Text: s, Style: st}}, ps).Break()
}

func TestJustified(t *testing.T) {
	ls := lines(t, text, typeset.ParagraphStyle{Width: 200 * typeset.Pt, Hyphenator: syllables{}})
	if len(ls) < 4 {
		t.Fatalf("%d lines", len(ls))
	}
	var words []string
	for i, l := range ls {
		if l.End() > l.Width {
			t.Errorf("line %d overfull: ends at %s of %s", i, l.End(), l.Width)
		}
		if !l.Last && l.End() != l.Width {
			t.Errorf("line %d is not justified: ends at %s of %s", i, l.End(), l.Width)
		}
		if l.Ratio < -1 {
			t.Errorf("line %d shrinks beyond its glue: r=%.2f", i, l.Ratio)
		}
		words = append(words, strings.TrimSuffix(l.Text(), "-"))
	}
	if !ls[len(ls)-1].Last {
		t.Error("the last line is not marked last")
	}
	// The text comes back whole, hyphens removed.
	joined := ""
	for i, l := range ls {
		s := l.Text()
		if l.Hyphenated {
			s = strings.TrimSuffix(s, "-")
		} else if i < len(ls)-1 {
			s += " "
		}
		joined += s
	}
	if joined != text {
		t.Errorf("text changed:\n%s\n%s", joined, text)
	}
}

func TestRagged(t *testing.T) {
	for _, h := range []typeset.Hyphenator{nil, syllables{}} {
		ls := lines(t, text, typeset.ParagraphStyle{Width: 200 * typeset.Pt, Ragged: true, Hyphenator: h})
		hyphenated := 0
		joined := ""
		for i, l := range ls {
			// A hyphen follows the word it breaks, and a word breaks
			// only at a space or a hyphen.
			s := l.Text()
			if l.Hyphenated {
				hyphenated++
				if !strings.HasSuffix(s, "-") || strings.HasSuffix(s, " -") {
					t.Errorf("line %d ends %q: the hyphen does not follow its word", i, s)
				}
				s = strings.TrimSuffix(s, "-")
			} else if i < len(ls)-1 {
				if !l.Spaced {
					t.Errorf("line %d ends %q, inside a word without a hyphen", i, s)
				}
				s += " "
			}
			joined += s
		}
		if joined != text {
			t.Errorf("text changed:\n%s\n%s", joined, text)
		}
		if h != nil && hyphenated == 0 {
			t.Error("no hyphenated line: the test proves nothing")
		}
	}
	ls := lines(t, text, typeset.ParagraphStyle{Width: 200 * typeset.Pt, Ragged: true})
	for i, l := range ls {
		if l.End() > l.Width {
			t.Errorf("line %d overfull", i)
		}
		for k := 1; k < len(l.Boxes); k++ {
			gap := l.Boxes[k].X - (l.Boxes[k-1].X + l.Boxes[k-1].Width)
			if gap != 0 && gap != 3*typeset.Pt {
				t.Errorf("line %d: ragged spaces must keep their width, got %s", i, gap)
			}
		}
	}
}

func TestLongWordNeverOverfull(t *testing.T) {
	url := "https://example.com/" + strings.Repeat("averyveryverylongpath", 4)
	ls := lines(t, "see "+url+" now", typeset.ParagraphStyle{Width: 100 * typeset.Pt})
	got := ""
	for _, l := range ls {
		if l.End() > l.Width {
			t.Errorf("overfull line %q", l.Text())
		}
		got += l.Text()
	}
	if !strings.Contains(strings.ReplaceAll(got, " ", ""), strings.ReplaceAll("see"+url+"now", " ", "")) {
		t.Errorf("text lost: %q", got)
	}
}

// TestWordManyLinesLong checks a word with no break opportunity, many
// lines long, fills its lines: it once came out one letter per line,
// because its emergency breaks counted as hyphenated lines (at most three
// in a row).
func TestWordManyLinesLong(t *testing.T) {
	for _, n := range []int{60, 300, 100_000} {
		word := strings.Repeat("x", n)
		ls := lines(t, word, typeset.ParagraphStyle{Width: 100 * typeset.Pt, Expansion: 0.025})
		got := ""
		for i, l := range ls {
			if l.End() > l.Width {
				t.Fatalf("%d letters: overfull line %d", n, i)
			}
			// 20 letters fit a line; a line of a word this long ends at
			// most a break step (8 letters) short, but the last.
			if i < len(ls)-1 && utf8.RuneCountInString(l.Text()) < 12 {
				t.Fatalf("%d letters: line %d holds %q", n, i, l.Text())
			}
			got += l.Text()
		}
		if got != word {
			t.Errorf("%d letters: text changed", n)
		}
	}
}

func TestNoBreakSpace(t *testing.T) {
	s := strings.Repeat("aaaa ", 7) + "20\u00a0km " + strings.Repeat("bbbb ", 6)
	for _, w := range []typeset.Unit{60, 70, 80, 90, 100} {
		for _, l := range lines(t, s, typeset.ParagraphStyle{Width: w * typeset.Pt}) {
			if strings.HasSuffix(l.Text(), "20") || strings.HasPrefix(l.Text(), "km") {
				t.Errorf("width %d: broke at the no-break space: %q", w, l.Text())
			}
		}
	}
}

func TestForcedBreak(t *testing.T) {
	ls := lines(t, "first line\nsecond line", typeset.ParagraphStyle{Width: 300 * typeset.Pt})
	if len(ls) != 2 || ls[0].Text() != "first line" || !ls[0].Last || ls[1].Text() != "second line" {
		t.Errorf("lines: %q", []string{ls[0].Text(), ls[1].Text()})
	}
}

func TestHyphenLadder(t *testing.T) {
	s := strings.Repeat("abcdefghijkl ", 40)
	run, longest := 0, 0
	for _, l := range lines(t, s, typeset.ParagraphStyle{Width: 97 * typeset.Pt, Hyphenator: syllables{}}) {
		if l.Hyphenated {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	if longest > 3 {
		t.Errorf("%d hyphenated lines in a row", longest)
	}
}

func line(h typeset.Unit, text string) typeset.Elem {
	return typeset.Elem{Kind: typeset.VLine, Height: h, Line: &typeset.Line{Boxes: []typeset.Placed{{Text: text}}}}
}

func TestPaginate(t *testing.T) {
	pen := func(p int) typeset.Elem { return typeset.Elem{Kind: typeset.VPenalty, Penalty: p} }
	sp := typeset.Elem{Kind: typeset.VSpace, Height: 5}
	elems := []typeset.Elem{
		line(10, "a1"), pen(0), line(10, "a2"), pen(0), line(10, "a3"), sp,
		// b1 and b2 must stay together.
		line(10, "b1"), pen(typeset.Infinity), line(10, "b2"), sp,
		line(10, "c1"), pen(-typeset.Infinity), line(10, "d1"),
	}
	elems[6].Marks = []typeset.Mark{{Depth: 1, Title: "B"}}
	pages := typeset.Paginate(elems, 40)
	var got []string
	for _, p := range pages {
		var texts []string
		for _, e := range p.Elems {
			if e.Kind == typeset.VLine {
				texts = append(texts, e.Line.Text())
			}
		}
		got = append(got, strings.Join(texts, " ")+"|"+p.Header)
	}
	want := "a1 a2 a3|,b1 b2 c1|B,d1|B"
	if strings.Join(got, ",") != want {
		t.Errorf("pages %q, want %q", strings.Join(got, ","), want)
	}
	// Space at the top of a page is dropped.
	if pages[1].Elems[0].Kind != typeset.VLine {
		t.Error("page 2 starts with space")
	}
	// An element taller than a page gets a page of its own.
	tall := typeset.Paginate([]typeset.Elem{line(10, "x"), sp, line(100, "tall"), sp, line(10, "y")}, 40)
	if len(tall) != 3 {
		t.Errorf("%d pages for a tall element, want 3", len(tall))
	}
}

// TestFootnotes checks notes go to the foot of the page of their
// reference, and that a note too long for the room left is split, its
// rest first at the foot of the next page.
func TestFootnotes(t *testing.T) {
	note := func(name string, lines int) []typeset.Elem {
		var es []typeset.Elem
		for i := 0; i < lines; i++ {
			es = append(es, line(5, fmt.Sprintf("%s%d", name, i+1)))
		}
		return es
	}
	pen := typeset.Elem{Kind: typeset.VPenalty}
	var elems []typeset.Elem
	for i := 1; i <= 12; i++ {
		l := line(10, fmt.Sprintf("t%d", i))
		switch i {
		case 2:
			l.Foot = note("a", 2) // fits
		case 5:
			l.Foot = note("b", 10) // too long for what is left: split
		}
		elems = append(elems, l, pen)
	}
	pages := typeset.PaginateFoot(elems, 60, typeset.FootStyle{Separator: 4})
	var got []string
	for _, p := range pages {
		var texts []string
		for _, e := range p.Elems {
			if e.Kind == typeset.VLine {
				texts = append(texts, e.Line.Text())
			}
		}
		texts = append(texts, "/")
		var used typeset.Unit
		for _, e := range p.Elems {
			used += e.Height
		}
		for _, e := range p.Foot {
			texts = append(texts, e.Line.Text())
			if p.FootY+e.Y+e.Height > 60 {
				t.Errorf("page %d: note line %q below the page", p.Number, e.Line.Text())
			}
		}
		if len(p.Foot) > 0 && used > p.FootY {
			t.Errorf("page %d: text (%v) runs into the notes (%v)", p.Number, used, p.FootY)
		}
		got = append(got, strings.Join(texts, " "))
	}
	// Page 1: t1–t4 and note a (40 of text, 4+10 of notes). Page 2: t5
	// and as much of its note b as fits (9 of 10 lines); the page ends
	// there. Page 3: b's last line first at the foot, then t6–t10.
	want := "t1 t2 t3 t4 / a1 a2|t5 / b1 b2 b3 b4 b5 b6 b7 b8 b9|t6 t7 t8 t9 t10 / b10|t11 t12 /"
	if strings.Join(got, "|") != want {
		t.Errorf("pages\n %q\nwant\n %q", strings.Join(got, "|"), want)
	}
}

func TestDump(t *testing.T) {
	ls := lines(t, "Hello world.", typeset.ParagraphStyle{Width: 100 * typeset.Pt})
	pages := typeset.Paginate([]typeset.Elem{{Kind: typeset.VLine, Height: 12 * typeset.Pt, Baseline: 9 * typeset.Pt, Line: &ls[0],
		Marks: []typeset.Mark{{Depth: 1, Title: "Greeting"}}}}, 100*typeset.Pt)
	var buf bytes.Buffer
	if err := typeset.Dump(&buf, pages); err != nil {
		t.Fatal(err)
	}
	want := "page 1/1 header=\"Greeting\"\n  y=9.00 x=0.00 w=100.00 end=58.00 r=+0.000 sp=3.00 L§ | Hello world.\n"
	if buf.String() != want {
		t.Errorf("dump:\n%s\nwant:\n%s", buf.String(), want)
	}
}

// TestWidths checks a paragraph's minimum width is its widest piece
// between break points, hyphen included, and its natural width its
// length on one line, justified or ragged.
func TestWidths(t *testing.T) {
	st := typeset.Style{Size: 10 * typeset.Pt}
	for _, ragged := range []bool{false, true} {
		for _, c := range []struct {
			text       string
			hyph       typeset.Hyphenator
			minW, natW typeset.Unit
		}{
			{"ab abcdef", nil, 30 * typeset.Pt, 43 * typeset.Pt},
			// abcdef hyphenates as ab-cd-ef: "ab-" is 15 pt.
			{"ab abcdef", syllables{}, 15 * typeset.Pt, 43 * typeset.Pt},
			{"ab\u00a0abcdef", nil, 43 * typeset.Pt, 43 * typeset.Pt},
			{"Midden-Oosten", nil, 35 * typeset.Pt, 65 * typeset.Pt},
		} {
			p := typeset.NewParagraph(mono{}, []typeset.Run{{Text: c.text, Style: st}}, typeset.ParagraphStyle{Width: 1000 * typeset.Pt, Ragged: ragged, Hyphenator: c.hyph})
			minW, natW := p.Widths()
			if minW != c.minW || natW != c.natW {
				t.Errorf("%q (ragged %v, hyphens %v): widths %s, %s; want %s, %s", c.text, ragged, c.hyph != nil, minW, natW, c.minW, c.natW)
			}
		}
	}
}

// TestLongWordHyphenated checks a word wider than the measure that
// hyphenation can split is hyphenated, not cut anywhere.
func TestLongWordHyphenated(t *testing.T) {
	ls := lines(t, "abcdefghijkl", typeset.ParagraphStyle{Width: 26 * typeset.Pt, Hyphenator: syllables{}})
	for i, l := range ls[:len(ls)-1] {
		if !l.Hyphenated {
			t.Errorf("line %d %q: cut without a hyphen", i, l.Text())
		}
	}
	if len(ls) < 3 {
		t.Errorf("%d lines", len(ls))
	}
}

// TestURLBreaks checks a long web address breaks after its slashes and
// dots, without a hyphen, so that it does not leave the words before it
// alone on a line, and that it is never hyphenated.
func TestURLBreaks(t *testing.T) {
	url := "https://www.example.org/reports/annual/2024/water-quality-northern-basins.pdf"
	s := "Read it at " + url
	ls := lines(t, s, typeset.ParagraphStyle{Width: 250 * typeset.Pt, Hyphenator: syllables{}})
	if len(ls) < 2 {
		t.Fatalf("%d lines", len(ls))
	}
	if first := ls[0].Text(); !strings.Contains(first, "https") {
		t.Errorf("the first line %q leaves the words before the address alone", first)
	}
	joined := ""
	for _, l := range ls {
		if l.Hyphenated {
			t.Errorf("line %q: the address is hyphenated", l.Text())
		}
		if l.End() > l.Width {
			t.Errorf("line %q overfull", l.Text())
		}
		joined += l.Text()
		if l.Spaced {
			joined += " "
		}
	}
	if joined != s {
		t.Errorf("reads back as %q", joined)
	}
}

// TestCJKBreaks checks a run of Chinese breaks between its characters,
// fills its lines, and never starts a line with closing punctuation.
func TestCJKBreaks(t *testing.T) {
	s := strings.Repeat("北京市的水质报告显示，河流的硝酸盐浓度在过去五年中持续下降。", 4)
	for _, ragged := range []bool{true, false} {
		ls := lines(t, s, typeset.ParagraphStyle{Width: 102 * typeset.Pt, Ragged: ragged})
		if len(ls) < 6 {
			t.Fatalf("%d lines", len(ls))
		}
		joined := ""
		for i, l := range ls {
			text := l.Text()
			joined += strings.ReplaceAll(text, " ", "")
			if i < len(ls)-1 && l.End() < 90*typeset.Pt {
				t.Errorf("line %d %q ends at %s of 100pt", i, text, l.End())
			}
			if strings.HasPrefix(text, "，") || strings.HasPrefix(text, "。") {
				t.Errorf("line %d starts with closing punctuation: %q", i, text)
			}
		}
		if joined != s {
			t.Errorf("reads back as %q", joined)
		}
	}
}

// TestWords checks that Line.Words counts the words Text shows: across
// hyphenated and explicit hyphens, web addresses broken without spaces,
// no-break spaces and tabs.
func TestWords(t *testing.T) {
	s := "Een kantelmoment in de Europese geschiedenis: see https://www.example.org/a/very/long/path/that/breaks " +
		"and 10\u00a0km of\troad, noord-zuidverbindingen, hyphen-\u00adated words and onbegrijpelijkerwijs lange woorden."
	for _, width := range []typeset.Unit{60 * typeset.Pt, 90 * typeset.Pt, 200 * typeset.Pt} {
		for _, ragged := range []bool{false, true} {
			ps := typeset.ParagraphStyle{Width: width, Ragged: ragged, Hyphenator: syllables{}}
			for _, l := range typeset.NewParagraph(mono{}, []typeset.Run{{Text: s, Style: typeset.Style{Size: 10 * typeset.Pt}}}, ps).Break() {
				if got, want := l.Words(), len(strings.Fields(l.Text())); got != want {
					t.Errorf("%q: %d words, Text has %d", l.Text(), got, want)
				}
			}
		}
	}
}

// TestSetAt checks that a paragraph made again from the same runs and
// set at the breaks Break chose gives the same lines.
func TestSetAt(t *testing.T) {
	for _, ps := range []typeset.ParagraphStyle{
		{Width: 120 * typeset.Pt, Hyphenator: syllables{}},
		{Width: 90 * typeset.Pt, Ragged: true, Hyphenator: syllables{}},
		{Width: 200 * typeset.Pt},
		{Width: 60 * typeset.Pt, NoBreak: true},
	} {
		runs := []typeset.Run{{Text: text + " supercalifragilisticexpialidocious\nand a forced break", Style: typeset.Style{Size: 10 * typeset.Pt}}}
		p := typeset.NewParagraph(mono{}, runs, ps)
		want := p.Break()
		again := typeset.NewParagraph(mono{}, runs, ps).SetAt(p.Breaks())
		if len(want) < 2 || !reflect.DeepEqual(again, want) {
			t.Errorf("%+v: %d lines set again differ from the %d broken", ps, len(again), len(want))
		}
	}
}

// TestEmergencyBreaksKeepMarks: a word wider than the measure (Thai,
// written without spaces) breaks between letters, never before a
// combining vowel sign or tone mark.
func TestEmergencyBreaksKeepMarks(t *testing.T) {
	thai := strings.Repeat("ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอน", 4)
	p := typeset.NewParagraph(mono{}, []typeset.Run{{Text: thai, Style: typeset.Style{Size: 10 * typeset.Pt}}}, typeset.ParagraphStyle{Width: 200 * typeset.Pt})
	lines := p.Break()
	if len(lines) < 3 {
		t.Fatalf("%d lines", len(lines))
	}
	var got strings.Builder
	for i, l := range lines {
		text := l.Text()
		got.WriteString(text)
		if r, _ := utf8.DecodeRuneInString(text); i > 0 && unicode.In(r, unicode.Mn, unicode.Mc) {
			t.Errorf("line %d starts with the mark %q: %q", i+1, r, text)
		}
	}
	if got.String() != thai {
		t.Errorf("the lines read %q", got.String())
	}
}

// pieces lists a paragraph's boxes, "|" where a line may break between
// them ("/" where the broken line would end in a hyphen), " " for a word
// space.
func pieces(p *typeset.Paragraph) string {
	var b strings.Builder
	for _, it := range p.Items {
		switch it.Kind {
		case typeset.BoxItem:
			b.WriteString(it.Text)
		case typeset.GlueItem:
			if it.Width > 0 {
				b.WriteByte(' ')
			}
		case typeset.PenaltyItem:
			switch {
			case it.Penalty >= typeset.Infinity || it.Penalty <= -typeset.Infinity:
			case it.Flagged:
				b.WriteByte('/')
			default:
				b.WriteByte('|')
			}
		}
	}
	return b.String()
}

// thaiWords splits Thai where a test word list would.
type thaiWords []string

func (w thaiWords) Breaks(s string, dst []int) []int {
	at := 0
	for _, word := range w {
		if i := strings.Index(s[at:], word); i == 0 {
			at += len(word)
			if at < len(s) {
				dst = append(dst, at)
			}
		}
	}
	return dst
}

// TestLineBreakOpportunities: within a word, lines break where Unicode's
// line-breaking algorithm (UAX #14) allows, as tailored for typesetting.
func TestLineBreakOpportunities(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Hyphens, dashes and slashes between letters: the line ends in
		// them (flagged), and none starts with a dash.
		{"well-known and/or", "well-/known and//or"},
		{"naïve-ish café—bar", "naïve-/ish café—/bar"},
		{"1-2 a-1 -x", "1-2 a-1 -x"},
		// A zero-width space is a break and nothing else.
		{"long\u200bcompound", "long\u200b|compound"},
		// Chinese breaks between characters, but not before closing
		// punctuation or a small kana, nor after an opening bracket.
		{"中文。日本「語」", "中|文。|日|本|「語」"},
		{"チョコレート", "チョ|コ|レー|ト"},
		// Thai by its word list.
		{"ภาษาไทยเป็นภาษา", "ภาษาไทย|เป็น|ภาษา"},
		// Plain words are not broken.
		{"Ürdün'ün straße", "Ürdün'ün straße"},
	} {
		p := typeset.NewParagraph(mono{}, []typeset.Run{{Text: tc.in, Style: typeset.Style{Size: 10 * typeset.Pt}}},
			typeset.ParagraphStyle{Width: 1000 * typeset.Pt, Words: thaiWords{"ภาษาไทย", "เป็น", "ภาษา"}})
		if got := pieces(p); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}
