package publish

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/golden"
	"github.com/galleypress/galley/pkg/render"
)

// TestGolden converts every fixture listed in fixtures/golden.yaml to every
// output listed there and compares the bytes with the files in golden/.
func TestGolden(t *testing.T) {
	p, err := Load("../../fixtures/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, job := range p.Jobs {
		in := job.Inputs[0]
		listed[in] = true
		t.Run(in, func(t *testing.T) {
			// One fixture is a title and nothing else: made on purpose.
			env := &Env{Dir: p.Dir, AllowEmpty: in == "frontmatter-only.md"}
			pr, err := openProject(job, env)
			if err != nil {
				t.Fatal(err)
			}
			defer pr.close()
			d, base, err := readDoc(context.Background(), job, pr)
			if err != nil {
				t.Fatal(err)
			}
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
				data, err := renderOutput(context.Background(), d, f.Name, job, pr, base)
				if err != nil {
					t.Fatalf("%s: %v", o.Path, err)
				}
				golden.Check(t, filepath.Join(p.Dir, o.Path), data)
				if f.Name == "pdf" {
					r, err := renderer("pdf", job, pr)
					if err != nil {
						t.Fatal(err)
					}
					var layout bytes.Buffer
					opts := &render.Options{Files: pr.fsys, Dir: base}
					if err := job.Options.apply(opts, "", pr); err != nil {
						t.Fatal(err)
					}
					if err := r.(interface {
						Dump(io.Writer, *doc.Document, *render.Options) error
					}).Dump(&layout, d, opts); err != nil {
						t.Fatal(err)
					}
					golden.Check(t, filepath.Join(p.Dir, o.Path)+".layout", layout.Bytes())
				}
				if f.Name == "epub" {
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
