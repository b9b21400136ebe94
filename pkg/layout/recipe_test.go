package layout

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/typeset"
)

// TestLetGo checks that when a Stream layout lets the lines' boxes go
// (from the first lines here, not from 110,000) and sets paragraphs again
// as their lines are drawn, every page's display list is what a whole
// layout holds: lists (whose markers change a paragraph's first line
// after it is set), footnotes (whose numbers do), tables and figures.
func TestLetGo(t *testing.T) {
	defer func(n, w int) { streamLines, window = n, w }(streamLines, window)
	streamLines, window = 0, 2
	for _, name := range []string{"report.md", "handbook.md", "beleidsprioriteiten-2023.txt", "extras.md"} {
		d := fixture.Read(t, name)
		opts := &render.Options{Files: os.DirFS(fixture.Dir()), TOC: true}
		whole, err := Layout(d, Config{}, opts)
		if err != nil {
			t.Fatal(err)
		}
		lazy, err := Layout(d, Config{Stream: true}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(lazy.lazy.l.lazyLines) == 0 {
			t.Fatalf("%s: no line let go", name)
		}
		for i := 0; i < lazy.Len(); i++ {
			p, err := lazy.Page(i)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p.Items, whole.Pages[i].Items) {
				t.Fatalf("%s: page %d differs from the whole layout's", name, i+1)
			}
		}
		if n := len(lazy.lazy.l.lazyLines); n != 0 {
			t.Errorf("%s: %d lines let go were never drawn", name, n)
		}
	}
}

// TestPieces checks a paragraph broken a piece at a time (here pieces
// of 2 KB; in use 64 KB): its lines hold its text, every word once, in
// order; only its last line is a last line; the others are full, as
// justified lines are; and the page list's word positions run on across
// the pieces. The same layout made whole holds the same text.
func TestPieces(t *testing.T) {
	defer func(n int) { maxPiece = n }(maxPiece)
	var words []string
	for i := range 4000 {
		words = append(words, []string{"Publishing", "teams", "keep", "their", "sources", "and", "generated", "files", "in", "git,", "regenerating", "them", "on", "every", "commit."}[i%15])
	}
	text := strings.Join(words, " ")
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: text}}}}}
	lines := func() []*typeset.Line {
		l, err := Layout(d, Config{NoTitlePage: true, Dump: true}, &render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out []*typeset.Line
		for _, p := range l.pages {
			for _, e := range p.Elems {
				if e.Kind == typeset.VLine {
					out = append(out, e.Line)
				}
			}
		}
		return out
	}
	joined := func(ls []*typeset.Line) string {
		var b strings.Builder
		for i, ln := range ls {
			t := ln.Text()
			if ln.Hyphenated {
				t = strings.TrimSuffix(t, "-")
			}
			b.WriteString(t)
			if !ln.Hyphenated && i < len(ls)-1 {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	whole := lines()
	maxPiece = 2 << 10
	pieced := lines()
	if got := joined(pieced); got != text {
		i := firstDiff(got, text)
		t.Fatalf("the pieces' lines hold other text, from byte %d: got %q, want %q", i, got[max(i-40, 0):min(i+80, len(got))], text[max(i-40, 0):min(i+80, len(text))])
	}
	if got := joined(whole); got != text {
		t.Fatalf("the whole's lines hold other text:\n%.300s", got)
	}
	for i, ln := range pieced {
		last := i == len(pieced)-1
		if ln.Last != last {
			t.Errorf("line %d of %d: Last is %v", i+1, len(pieced), ln.Last)
		}
		if !last && (ln.End() < ln.Width-ln.Width/100 || ln.End() > ln.Width+ln.Width/100) {
			t.Errorf("line %d is not full: it ends at %v of %v (%q)", i+1, ln.End(), ln.Width, ln.Text())
		}
	}
	if n, m := len(pieced), len(whole); n > m+m/20 {
		t.Errorf("%d lines in pieces, %d whole", n, m)
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
