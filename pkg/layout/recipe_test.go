package layout

import (
	"os"
	"reflect"
	"testing"

	"github.com/galleypress/galley/pkg/internal/fixture"
	"github.com/galleypress/galley/pkg/render"
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
