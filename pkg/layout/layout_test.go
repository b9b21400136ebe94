package layout_test

import (
	"os"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/fixture"
	_ "github.com/galleypress/galley/pkg/internal/golden"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
)

// TestDisplayList checks the seed's display list: every glyph run is page
// furniture or belongs to a logical element, the structure follows the
// sections (H1, H2 and 22 H3), and links and destinations pair up.
func TestDisplayList(t *testing.T) {
	d := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	l, err := layout.Layout(d, layout.Config{}, &render.Options{Resources: os.DirFS(fixture.Dir())})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 10 || !l.TitlePage {
		t.Fatalf("%d pages, title page %v", len(l.Pages), l.TitlePage)
	}
	dests := map[string]bool{}
	var targets []string
	furniture := 0
	for _, p := range l.Pages {
		for _, it := range p.Items {
			switch it.Kind {
			case layout.Glyphs:
				if it.Furniture {
					furniture++
					if it.Elem != nil {
						t.Errorf("page %d: furniture %q has an element", p.Number, it.Text)
					}
				} else if it.Elem == nil {
					t.Errorf("page %d: glyphs %q belong to no element", p.Number, it.Text)
				}
				if it.X < 0 || it.X > l.Width || it.Y < 0 || it.Y > l.Height {
					t.Errorf("page %d: %q off the page", p.Number, it.Text)
				}
			case layout.Dest:
				dests[it.Name] = true
			case layout.LinkArea:
				if strings.HasPrefix(it.Target, "#") {
					targets = append(targets, it.Target[1:])
				}
			}
		}
	}
	if furniture < 2*(len(l.Pages)-1) {
		t.Errorf("%d furniture runs on %d pages", furniture, len(l.Pages))
	}
	for _, id := range targets {
		if !dests[id] {
			t.Errorf("a link to %q has no destination", id)
		}
	}
	roles := map[string]int{}
	var walk func(e *layout.Elem)
	walk = func(e *layout.Elem) {
		roles[e.Role]++
		for _, k := range e.Kids {
			if k.Parent != e {
				t.Errorf("%s's kid %s has another parent", e.Role, k.Role)
			}
			walk(k)
		}
	}
	walk(l.Root)
	if roles["Document"] != 1 || roles["H1"] != 1 || roles["H2"] != 1 || roles["H3"] != 22 || roles["Sect"] != 24 || roles["P"] < 60 {
		t.Errorf("roles: %v", roles)
	}
}
