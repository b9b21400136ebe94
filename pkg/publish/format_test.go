package publish_test

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/fixture"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/render"
)

// TestEveryNodeEveryRenderer renders a document holding every node type
// through every registered renderer: one that misses a type fails here.
func TestEveryNodeEveryRenderer(t *testing.T) {
	for _, f := range render.Formats() {
		r, _, _ := render.Lookup(f.Name)
		var buf bytes.Buffer
		if err := r.Render(context.Background(), &buf, fixture.Sample(), &render.Options{TOC: true}); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		if buf.Len() == 0 {
			t.Errorf("%s: no output", f.Name)
		}
	}
}

// TestModelStandsAlone checks the document model, tests included,
// depends on no module outside the standard library.
func TestModelStandsAlone(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-test", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "github.com/galleypress/galley/pkg/doc").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasPrefix(p, "github.com/galleypress/galley/") && !strings.HasPrefix(p, "[") {
			t.Errorf("pkg/doc depends on %s", p)
		}
	}
}

// TestFallbackFontsInConfig checks galley.yaml gives a list of fallback
// fonts as a list, in order, next to the faces.
func TestFallbackFontsInConfig(t *testing.T) {
	p, err := publish.Parse([]byte("documents:\n  - input: a.md\n    pdf: {fonts: {regular: r.ttf, fallback: [cjk.ttc#0, hebrew.ttf]}}\n    outputs: [a.pdf]\n"), "galley.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(p.Jobs[0].Options.Get("pdf", "fonts"), "|")
	if got != "regular=r.ttf|fallback=cjk.ttc#0|fallback=hebrew.ttf" {
		t.Errorf("fonts: %q", got)
	}
}

// TestOutputFormats: an output may name its format, which must be one.
func TestOutputFormats(t *testing.T) {
	p, err := publish.Parse([]byte("documents:\n  - input: a.md\n    outputs:\n      - out/a.pdf\n      - README.md: gfm\n      - notes.txt: commonmark\n"), "galley.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range p.Jobs[0].Outputs {
		got = append(got, o.Path+"="+o.Format)
	}
	if want := "out/a.pdf=,README.md=gfm,notes.txt=commonmark"; strings.Join(got, ",") != want {
		t.Errorf("outputs %s, want %s", strings.Join(got, ","), want)
	}
	for yaml, want := range map[string]string{
		"documents:\n  - input: a.md\n    outputs:\n      - README.md: rst\n":         `galley.yaml:4: outputs: README.md: render: unknown format "rst"`,
		"documents:\n  - input: a.md\n    outputs:\n      - [a.pdf, b.pdf]\n":         "galley.yaml:4: outputs: want a path, or PATH: FORMAT",
		"documents:\n  - input: a.md\n    outputs:\n      - {a.md: gfm, b.md: gfm}\n": "galley.yaml:4: outputs: want a path, or PATH: FORMAT",
	} {
		if _, err := publish.Parse([]byte(yaml), "galley.yaml"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", yaml, err, want)
		}
	}
}
