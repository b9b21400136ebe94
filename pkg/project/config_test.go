package project_test

import (
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/project"
)

// TestFallbackFontsInConfig checks galley.yaml gives a list of fallback
// fonts as a list, in order, next to the faces.
func TestFallbackFontsInConfig(t *testing.T) {
	p, err := project.Parse([]byte("documents:\n  - input: a.md\n    pdf: {fonts: {regular: r.ttf, fallback: [cjk.ttc#0, hebrew.ttf]}}\n    outputs: [a.pdf]\n"), "galley.yaml")
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
	p, err := project.Parse([]byte("documents:\n  - input: a.md\n    outputs:\n      - out/a.pdf\n      - README.md: gfm\n      - notes.txt: commonmark\n"), "galley.yaml")
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
		if _, err := project.Parse([]byte(yaml), "galley.yaml"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", yaml, err, want)
		}
	}
}

// TestThemeKey: theme: at the top is every document's theme, as under
// defaults:; a document may name its own; given twice is an error.
func TestThemeKey(t *testing.T) {
	p, err := project.Parse([]byte("theme: house.yaml\ndocuments:\n  - input: a.md\n    outputs: [a.pdf]\n  - input: b.md\n    theme: book\n    outputs: [b.pdf]\n"), "galley.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := p.Jobs[0].Options.Get("", "theme"), p.Jobs[1].Options.Get("", "theme"); strings.Join(a, "") != "house.yaml" || strings.Join(b, "") != "book" {
		t.Errorf("themes %q and %q, want house.yaml and book", a, b)
	}
	for yaml, want := range map[string]string{
		"theme: a.yaml\ndefaults: {theme: b.yaml}\ndocuments:\n  - input: a.md\n    outputs: [a.pdf]\n": "galley.yaml:1: theme: given twice",
		"theme: [a, b]\ndocuments:\n  - input: a.md\n    outputs: [a.pdf]\n":                            "galley.yaml:1: theme: want a built-in theme's name",
	} {
		if _, err := project.Parse([]byte(yaml), "galley.yaml"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %s", yaml, err, want)
		}
	}
}
