package project

import (
	"context"
	"html"
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
	// The words as a reader sees them: highlighted code is in spans.
	words := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(chapters, ""))
	for _, want := range []string{`interval = "15m"`, `depth = 1.5`, `SITE  Junne weir`} {
		if !strings.Contains(words, want) {
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
// the book's source folder, and says so in one warning, with the file
// and line; the book is made without it.
func TestMdBookIncludeOutside(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile:            "documents:\n  - input: book/book.toml\n    outputs: [out/b.html]\n",
		"book/book.toml":      "[book]\ntitle = \"B\"\nlanguage = \"en\"\n",
		"book/src/SUMMARY.md": "- [One](one.md)\n",
		"book/src/one.md":     "# One\n\n{{#include ../../secret.txt}}\n",
		"secret.txt":          "SECRET\n",
	})
	var warnings []string
	opts := &BuildOptions{}
	opts.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	rep := Build(context.Background(), p, opts)
	if rep.Failed() {
		t.Fatal(buildErrs(rep))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "one.md:3: {{#include ../../secret.txt}}: the file lies outside the book's folder") {
		t.Errorf("warnings: %q", warnings)
	}
	if html, _ := os.ReadFile(filepath.Join(p.Dir, "out", "b.html")); strings.Contains(string(html), "SECRET") {
		t.Error("the file outside the book was read")
	}
}

// TestMdBookLinkOutOfBook checks that, in a project larger than the
// book, an included file that is a link to a file of the project
// outside the book is refused too, while mdBook's "../listings" beside
// src/ is read.
func TestMdBookLinkOutOfBook(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile:            "documents:\n  - input: book/book.toml\n    outputs: [out/b.txt]\n",
		"book/book.toml":      "[book]\ntitle = \"B\"\nlanguage = \"en\"\n",
		"book/src/SUMMARY.md": "- [One](one.md)\n",
		"book/src/one.md":     "# One\n\n{{#include ../listings/ok.rs}}\n\n{{#include link.md}}\n",
		"book/listings/ok.rs": "fn ok() {}\n",
		"notes/private.md":    "PRIVATE\n",
	})
	os.Symlink("../../notes/private.md", filepath.Join(p.Dir, "book", "src", "link.md"))
	var warnings []string
	opts := &BuildOptions{}
	opts.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	if errs := buildErrs(Build(context.Background(), p, opts)); errs != "" {
		t.Fatal(errs)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `"book/src/link.md" leads, through a symbolic link, outside the book's folder book`) {
		t.Errorf("warnings: %q", warnings)
	}
	if txt, _ := os.ReadFile(filepath.Join(p.Dir, "out", "b.txt")); strings.Contains(string(txt), "PRIVATE") {
		t.Error("the file the link leads to was read")
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
