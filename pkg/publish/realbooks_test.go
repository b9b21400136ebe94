package publish_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/highlight"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/publish"
)

// corpus is the shared folder of real documents (../shared/corpus);
// tests that use it skip when it is missing.
const corpus = "../../../shared/corpus"

// TestRealBooks builds The Rust Programming Language and mdBook's guide
// through their book.toml, as mdBook would, to PDF, EPUB, HTML and text:
// every {{#include}} and {{#rustdoc_include}} made (the Rust book's 707
// listings, all outside src/), no directive left in the text but those
// the source escapes, and the EPUB and HTML valid (EPUBCheck, the Nu
// checker).
func TestRealBooks(t *testing.T) {
	if testing.Short() {
		t.Skip("the books take seconds to make and a minute to check; skipped under -short")
	}
	for _, c := range []struct{ name, config, root string }{
		{"rust-book", "rust-book/book.toml", ""},
		// The guide includes examples from beside its folder: the
		// project folder is named wider.
		{"mdbook-guide", "mdbook-guide/guide/book.toml", "mdbook-guide"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root, err := filepath.Abs(corpus)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(root, c.config)); err != nil {
				t.Skip("no corpus: ", err)
			}
			// The directives the sources hold, escaped ones aside.
			directives := 0
			filepath.WalkDir(filepath.Join(root, filepath.Dir(c.config), "src"), func(p string, e os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".md") {
					data, _ := os.ReadFile(p)
					directives += len(regexp.MustCompile(`(^|[^\\])\{\{#(include|rustdoc_include)\s`).FindAll(data, -1))
				}
				return nil
			})
			if c.name == "rust-book" && directives < 700 {
				t.Fatalf("%d includes in the Rust book's sources; the corpus changed?", directives)
			}
			out := t.TempDir()
			job := &publish.Job{Inputs: []string{c.config}}
			for _, ext := range []string{"pdf", "epub", "html", "txt"} {
				job.Outputs = append(job.Outputs, publish.Output{Path: filepath.Join(out, c.name+"."+ext)})
			}
			var warnings []string
			env := &publish.Env{Dir: root, Warn: func(err error) { warnings = append(warnings, err.Error()) }}
			if c.root != "" {
				env.Root = filepath.Join(root, c.root)
			}
			if _, err := publish.Convert(context.Background(), job, env); err != nil {
				t.Fatal(err)
			}
			for _, w := range warnings {
				if strings.Contains(w, "{{#") {
					t.Errorf("an include left out: %s", w)
				}
			}
			text, _ := os.ReadFile(filepath.Join(out, c.name+".txt"))
			shown := regexp.MustCompile(`\{\{#(include|rustdoc_include|playground|title)\b`).FindAll(text, -1)
			if c.name == "rust-book" && len(shown) > 0 {
				t.Errorf("%d directives left in the text", len(shown))
			}
			t.Logf("%d includes made; %d directives shown as text (escaped in the source)", directives, len(shown))
			if out, ok := validate.JavaJar(validate.EPUBCheck(t), filepath.Join(out, c.name+".epub")); !ok {
				t.Errorf("EPUBCheck:\n%s", lastLines(out, 20))
			}
			if out, ok := validate.JavaJar(validate.VNU(t), "--errors-only", filepath.Join(out, c.name+".html")); !ok {
				t.Errorf("Nu:\n%s", lastLines(out, 20))
			}
		})
	}
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}

// BenchmarkRustBook makes The Rust Programming Language from its
// book.toml (110 chapters, 707 includes, 20 SVG figures) into PDF and
// EPUB at once, as galley convert does, and reports the PDF's pages a
// second.
func BenchmarkRustBook(b *testing.B) {
	root, err := filepath.Abs(corpus)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "rust-book/book.toml")); err != nil {
		b.Skip("no corpus: ", err)
	}
	out := b.TempDir()
	job := &publish.Job{Inputs: []string{"rust-book/book.toml"},
		Outputs: []publish.Output{{Path: filepath.Join(out, "book.pdf")}, {Path: filepath.Join(out, "book.epub")}}}
	for b.Loop() {
		highlight.Reset() // each conversion lexes its code, as a fresh process does
		if _, err := publish.Convert(context.Background(), job, &publish.Env{Dir: root}); err != nil {
			b.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "book.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	pages := float64(len(regexp.MustCompile(`/Type /Page\b`).FindAll(data, -1)))
	b.ReportMetric(pages, "pages")
	b.ReportMetric(pages*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
