package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tool returns a validator's path; a missing one skips the test, or
// fails it when GALLEY_REQUIRE_VALIDATORS=1.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("GALLEY_REQUIRE_VALIDATORS") == "1" {
			t.Fatalf("%s is missing and GALLEY_REQUIRE_VALIDATORS=1: apt-get install %s", name, pkg)
		}
		t.Skipf("%s is missing: apt-get install %s", name, pkg)
	}
	return p
}

// corpus is the shared folder of real documents (../shared/corpus);
// tests that use it skip when it is missing.
const corpus = "../../../shared/corpus"

// TestRustBookFigures builds The Rust Programming Language, PDF and
// EPUB, and checks its figures: the 20 Graphviz SVGs drawn as vectors
// (the PDF's only images are the book's PNGs), their labels set in
// fonts and read back, no alternative text printed in their place.
func TestRustBookFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("the Rust book takes seconds; skipped under -short")
	}
	book, err := filepath.Abs(filepath.Join(corpus, "rust-book"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(book, "book.toml")); err != nil {
		t.Skip("no corpus: ", err)
	}
	out := t.TempDir()
	t.Chdir(book)
	var stdout, stderr bytes.Buffer
	pdfPath, epubPath := filepath.Join(out, "book.pdf"), filepath.Join(out, "book.epub")
	if code := run(context.Background(), []string{"convert", "book.toml", "-o", pdfPath, "-o", epubPath}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, ".svg") {
			t.Errorf("a warning about an SVG: %s", l)
		}
	}
	images := tool(t, "pdfimages", "poppler-utils")
	list, err := exec.Command(images, "-list", pdfPath).Output()
	if err != nil {
		t.Fatal(err)
	}
	pngs, _ := filepath.Glob(filepath.Join(book, "src/img/*.png"))
	if n := len(strings.Split(strings.TrimSpace(string(list)), "\n")) - 2; n > len(pngs) {
		t.Errorf("%d images in the PDF, more than the book's %d PNGs: SVGs drawn as rasters?\n%s", n, len(pngs), list)
	}
	text, err := exec.Command(tool(t, "pdftotext", "poppler-utils"), pdfPath, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Labels of the figures of chapters 4 and 17.
	for _, want := range []string{"capacity", "index", "value", "s1", "ptr"} {
		if !regexp.MustCompile(`(?m)^` + want + `\b`).Match(text) {
			t.Errorf("the figures' label %q is not read back", want)
		}
	}
}
