package typeset_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	_ "github.com/galleypress/galley/pkg/internal/golden"
	"github.com/galleypress/galley/pkg/typeset"
)

// mono measures every character as 5 pt at any size, a space as 3 pt.
type mono struct{}

func (mono) Width(_ typeset.Font, _ typeset.Unit, s string) typeset.Unit {
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
