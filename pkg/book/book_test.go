package book_test

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/galleypress/galley/pkg/book"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/markdown"
	"github.com/galleypress/galley/pkg/transform"
)

func part(t *testing.T, file, src string) *book.Part {
	t.Helper()
	d, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{Name: file})
	if err != nil {
		t.Fatal(err)
	}
	return book.NewPart(file, file, d)
}

// outline writes a document's sections as "# A ## B" in order.
func outline(d *doc.Document) string {
	var out []string
	for _, s := range d.AllSections() {
		out = append(out, strings.Repeat("#", s.Level)+" "+s.HeadingText())
	}
	return strings.Join(out, " ")
}

// TestJoin: a file that starts at "##" nests under the previous file's
// "#"; a link to another file's heading leads to it; images are found
// from their own file's folder.
func TestJoin(t *testing.T) {
	b := book.Join([]*book.Part{
		part(t, "book/intro.md", "# Intro\n\nSee [details](parts/more.md#details), [the page](parts/more.html) and ![a map](map.png).\n"),
		part(t, "book/parts/more.md", "## More\n\n![a chart](chart.png)\n\n### Details\n\nText.\n"),
	})
	transform.Standard(b.Doc, "book")
	b.Link()
	if got, want := outline(b.Doc), "# Intro ## More ### Details"; got != want {
		t.Errorf("outline %q, want %q", got, want)
	}
	if b.Base != "book" {
		t.Errorf("base %q, want book", b.Base)
	}
	var links, images []string
	doc.Walk(b.Doc, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Link:
			links = append(links, n.URL)
		case *doc.Image:
			images = append(images, n.Src)
		case *doc.Figure:
			images = append(images, n.Src)
		}
		return doc.Continue
	})
	if strings.Join(links, " ") != "#details #more" {
		t.Errorf("links %q, want #details #more", links)
	}
	if strings.Join(images, " ") != "map.png parts/chart.png" {
		t.Errorf("images %q, want map.png parts/chart.png", images)
	}
}

func mdbook(files fstest.MapFS, limit int64) *book.MdBook {
	return &book.MdBook{
		FS: files, Shown: func(n string) string { return "docs/" + n }, Outside: "the book's folder docs", Limit: limit,
		ReadFile: func(name, what string) ([]byte, error) {
			data, err := fs.ReadFile(files, name)
			if errors.Is(err, fs.ErrNotExist) {
				return nil, errors.New(what + " " + name + " not found")
			}
			return data, err
		},
	}
}

// TestIncludeWarnings: an include that cannot be made (outside the
// book, a missing file, an anchor not there) is a warning with the file
// and line, and the book is made without it; {{#title}} goes,
// {{#playground}} is a Rust code block.
func TestIncludeWarnings(t *testing.T) {
	files := fstest.MapFS{
		"a.md": {Data: []byte("# A\n\n{{#title The tab}}\n{{#include ../x.md}}\n{{#include gone.rs}}\n{{#include b.rs:nope}}\n{{#include }}\n\n{{#playground b.rs}}\n")},
		"b.rs": {Data: []byte("fn main() {}\n")},
	}
	b := mdbook(files, 1<<20)
	var warnings []string
	b.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	chapters, err := b.Chapters(context.Background(), "SUMMARY.md", []byte("- [A](a.md)\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(chapters[0].Text), "# A\n\n\n\n\n\n\n\n```rust\nfn main() {}\n```\n"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	want := []string{
		"docs/a.md:4: {{#include ../x.md}}: the file lies outside the book's folder docs; left out",
		"docs/a.md:5: {{#include gone.rs}}: included file gone.rs not found; left out",
		`docs/a.md:6: {{#include b.rs:nope}}: no anchor "nope" in the file; left out`,
		"docs/a.md:7: {{#include }}: it names no file; left out",
	}
	if strings.Join(warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
}

// TestChapters: the summary's chapters in order and depth, with
// {{#include}}s by anchor and by lines; cycles, escapes and the size
// limit.
func TestChapters(t *testing.T) {
	files := fstest.MapFS{
		"src/SUMMARY.md": {Data: []byte("[Preface](preface.md)\n\n- [One](one.md)\n  - [Two](sub/two.md)\n- [Draft]()\n")},
		"src/preface.md": {Data: []byte("# Preface\n\n\\{{#include x.rs}}\n")},
		"src/one.md":     {Data: []byte("# One\n\n```rust\n{{#include ../listings/a.rs:main}}\n```\n\n{{#include ../listings/a.rs:1:1}}\n")},
		"src/sub/two.md": {Data: []byte("# Two\n")},
		"listings/a.rs":  {Data: []byte("// first\n// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n")},
	}
	chapters, err := mdbook(files, 1<<20).Chapters(context.Background(), "src/SUMMARY.md", files["src/SUMMARY.md"].Data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range chapters {
		got = append(got, c.File+":"+string(rune('0'+c.Depth)))
	}
	if want := "src/preface.md:1 src/one.md:1 src/sub/two.md:2"; strings.Join(got, " ") != want {
		t.Errorf("chapters %q, want %q", got, want)
	}
	if text := string(chapters[1].Text); text != "# One\n\n```rust\nfn main() {}\n```\n\n// first\n" {
		t.Errorf("one.md with includes:\n%s", text)
	}
	if text := string(chapters[0].Text); !strings.Contains(text, "{{#include x.rs}}") || strings.Contains(text, `\{{`) {
		t.Errorf("an escaped include stays, less its backslash:\n%s", text)
	}

	for name, c := range map[string]struct {
		files fstest.MapFS
		limit int64
		want  string
	}{
		"cycle": {fstest.MapFS{"a.md": {Data: []byte("{{#include b.md}}")}, "b.md": {Data: []byte("{{#include a.md}}")}}, 1 << 20,
			"docs/b.md:1: {{#include a.md}}: the files include one another: docs/a.md → docs/b.md → docs/a.md"},
		"growth": {fstest.MapFS{"a.md": {Data: []byte(strings.Repeat("{{#include b.md}}", 50))}, "b.md": {Data: []byte(strings.Repeat("x", 100))}}, 1000,
			"docs/a.md: {{#include}}s make the book larger than"},
	} {
		b := mdbook(c.files, c.limit)
		_, err := b.Chapters(context.Background(), "SUMMARY.md", []byte("- [A](a.md)\n"))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

// TestHiddenRustLines: in a Rust code block, the lines rustdoc hides
// ("# " and a lone "#") are left out and "##" reads "#"; other code
// blocks keep theirs.
func TestHiddenRustLines(t *testing.T) {
	files := fstest.MapFS{
		"a.md": {Data: []byte("```rust\n# use std::io;\n#\nfn main() {\n    ##[derive(Debug)]\n    # let hidden = 1;\n}\n```\n\n```sh\n# a shell comment\n```\n")},
	}
	chapters, err := mdbook(files, 1<<20).Chapters(context.Background(), "SUMMARY.md", []byte("- [A](a.md)\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "```rust\nfn main() {\n    #[derive(Debug)]\n}\n```\n\n```sh\n# a shell comment\n```\n"
	if got := string(chapters[0].Text); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
