package project

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
)

// TestMdBook builds fixtures/mdbook (book.toml, src/SUMMARY.md with
// nested chapters, a draft, {{#include}} of a whole file, of an anchor
// and of lines) into one EPUB, and checks what a reader sees: the
// contents nest like the summary, the included text is there without
// its anchor markers, and the links between chapters lead somewhere.
func TestMdBook(t *testing.T) {
	data, err := os.ReadFile("../../golden/mdbook.epub")
	if err != nil {
		t.Fatal(err)
	}
	files := golden.EPUBFiles(t, data)
	chapters, opf := golden.ChapterText(files), files["EPUB/package.opf"]
	flat := golden.NavOutline(files["EPUB/nav.xhtml"])
	if want := "( Preface Getting started ( Equipment A first sample ( Labelling ) ) Reference )"; !strings.Contains(flat, want) {
		t.Errorf("contents: %s\nwant %s", flat, want)
	}
	for _, want := range []string{`interval = "15m"`, `depth = 1.5`, `SITE  Junne weir`} {
		if !strings.Contains(chapters, want) {
			t.Errorf("the included %s is missing", want)
		}
	}
	for _, gone := range []string{"ANCHOR", "{{#include", "Draft chapter", `units = "metric"`} {
		if strings.Contains(chapters, gone) {
			t.Errorf("the chapters show %q", gone)
		}
	}
	for _, id := range []string{"getting-started", "equipment", "labelling"} {
		if !regexp.MustCompile(`href="ch\d+\.xhtml#` + id + `"`).MatchString(chapters) {
			t.Errorf("no link to #%s", id)
		}
	}
	if !strings.Contains(opf, "<dc:title") || !strings.Contains(opf, "The Sampling Handbook") || !strings.Contains(opf, "Water Board") {
		t.Errorf("book.toml's title and author are not in the package")
	}
}

// TestMdBookIncludeOutside checks that {{#include}} reads nothing outside
// the book's source folder, and says so in one line.
func TestMdBookIncludeOutside(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile:            "documents:\n  - input: book/book.toml\n    outputs: [out/b.html]\n",
		"book/book.toml":      "[book]\ntitle = \"B\"\n",
		"book/src/SUMMARY.md": "- [One](one.md)\n",
		"book/src/one.md":     "# One\n\n{{#include ../../secret.txt}}\n",
		"secret.txt":          "SECRET\n",
	})
	rep := Build(context.Background(), p, &BuildOptions{})
	errs := buildErrs(rep)
	if !rep.Failed() || !strings.Contains(errs, "outside the book's folder") || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
		t.Errorf("errors: %q", errs)
	}
	if _, err := os.Stat(filepath.Join(p.Dir, "out", "b.html")); err == nil {
		t.Error("an output was written")
	}
}

// TestMdBookLinkOutOfBook checks that, in a project larger than the
// book, an included file that is a link to a file of the project
// outside the book is refused too, while mdBook's "../listings" beside
// src/ is read.
func TestMdBookLinkOutOfBook(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile:            "documents:\n  - input: book/book.toml\n    outputs: [out/b.txt]\n",
		"book/book.toml":      "[book]\ntitle = \"B\"\n",
		"book/src/SUMMARY.md": "- [One](one.md)\n",
		"book/src/one.md":     "# One\n\n{{#include ../listings/ok.rs}}\n\n{{#include link.md}}\n",
		"book/listings/ok.rs": "fn ok() {}\n",
		"notes/private.md":    "PRIVATE\n",
	})
	os.Symlink("../../notes/private.md", filepath.Join(p.Dir, "book", "src", "link.md"))
	errs := buildErrs(Build(context.Background(), p, &BuildOptions{}))
	if !strings.Contains(errs, `"book/src/link.md" leads, through a symbolic link, outside the book's folder book`) {
		t.Errorf("errors: %q", errs)
	}
	os.Remove(filepath.Join(p.Dir, "book", "src", "link.md"))
	os.WriteFile(filepath.Join(p.Dir, "book", "src", "link.md"), []byte("Linked.\n"), 0o644)
	if errs := buildErrs(Build(context.Background(), p, &BuildOptions{})); errs != "" {
		t.Fatal(errs)
	}
	txt, _ := os.ReadFile(filepath.Join(p.Dir, "out", "b.txt"))
	if !strings.Contains(string(txt), "fn ok() {}") || !strings.Contains(string(txt), "Linked.") {
		t.Errorf("text:\n%s", txt)
	}
}
