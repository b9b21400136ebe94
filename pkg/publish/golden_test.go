package publish_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/project"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/render"
)

// TestGolden converts every fixture listed in fixtures/golden.yaml to every
// output listed there and compares the bytes with the files in golden/.
func TestGolden(t *testing.T) {
	p, err := project.Load("../../fixtures/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, job := range p.Jobs {
		in := job.Inputs[0]
		listed[in] = true
		t.Run(in, func(t *testing.T) {
			// One fixture is a title and nothing else: made on purpose.
			env := &publish.Env{Dir: p.Dir, AllowEmpty: in == "frontmatter-only.md"}
			var formats []string
			for _, o := range job.Outputs {
				f, err := render.ForExt(filepath.Ext(o.Path))
				if o.Format != "" {
					_, f, err = render.Lookup(o.Format)
				}
				if err != nil {
					t.Fatal(err)
				}
				formats = append(formats, f.Name)
			}
			out, err := publish.RenderEach(job, env, formats)
			if err != nil {
				t.Fatal(err)
			}
			for i, o := range job.Outputs {
				f, data := formats[i], out[formats[i]]
				golden.Check(t, filepath.Join(p.Dir, o.Path), data)
				if layout, ok := out[f+".layout"]; ok {
					golden.Check(t, filepath.Join(p.Dir, o.Path)+".layout", layout)
				}
				if f == "epub" {
					listing, err := golden.ZipListing(data, "EPUB/package.opf", "EPUB/nav.xhtml")
					if err != nil {
						t.Fatalf("%s: %v", o.Path, err)
					}
					golden.Check(t, filepath.Join(p.Dir, o.Path)+".listing", []byte(listing))
				}
			}
			for _, f := range render.Formats() {
				if !slices.Contains(formats, f.Name) && !strings.HasPrefix(f.Name, "test-") {
					t.Errorf("no golden %s output for %s", f.Name, in)
				}
			}
		})
	}
	// Every fixture document must have golden outputs.
	entries, err := os.ReadDir(p.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || e.Name() == "golden.yaml" || !slices.Contains([]string{".md", ".txt", ".json"}, ext) {
			continue
		}
		if !listed[e.Name()] && !strings.HasPrefix(e.Name(), "bad-") {
			t.Errorf("fixture %s is not in fixtures/golden.yaml", e.Name())
		}
	}
}
