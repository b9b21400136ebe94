package publish

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzBook reads an mdBook book given as a txtar archive (book.toml,
// SUMMARY.md, chapters, included files) through a program's own file
// system, as a server converting uploads would, and writes it as text.
// It asserts that reading ends (no hang, no panic), that a failure is
// one line, that nothing outside the archive is named, and that the
// text is never larger than the limit on what a book may take in.
//
//	go test -run '^$' -fuzz FuzzBook ./pkg/publish
func FuzzBook(f *testing.F) {
	for _, seed := range []string{
		"-- book.toml --\n[book]\ntitle = \"B\"\nauthors = [\"A\"]\n-- src/SUMMARY.md --\n# Summary\n\n[Intro](intro.md)\n\n- [One](one.md)\n  - [Two](two.md)\n- [Draft]()\n\n# Part\n\n- [x](x.md)\n-- src/intro.md --\n# Intro\n-- src/one.md --\n# One\n\n{{#include ../listings/a.rs:2:3}}\n\n\\{{#include not-me.rs}}\n-- src/two.md --\n## Two\n\n```rust\n{{#rustdoc_include ../listings/a.rs:main}}\n```\n-- src/x.md --\nx\n-- listings/a.rs --\n// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n",
		"-- book.toml --\n[book]\nsrc = \"../..\"\n-- SUMMARY.md --\n- [A](/etc/passwd)\n",
		"-- book.toml --\n[book]\n-- src/SUMMARY.md --\n- [A](a.md)\n-- src/a.md --\n{{#include a.md}}\n",
		"-- book.toml --\nx = [[[[[[[\n-- src/SUMMARY.md --\n- [A](a.md)\n",
		"-- book.toml --\n[book]\n-- src/SUMMARY.md --\n- [A](a.md)\n-- src/a.md --\n{{#include b.md}}{{#include b.md}}{{#include b.md}}\n-- src/b.md --\n{{#include c.md}}{{#include c.md}}\n-- src/c.md --\nlol\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, archive string) {
		if len(archive) > 16<<10 || !utf8.ValidString(archive) {
			return
		}
		fsys, ok := archiveFS(archive)
		if !ok {
			return
		}
		var out bytes.Buffer
		const limit = 1 << 20
		env := &Env{FS: fsys, Stdout: &out, Limits: Limits{InputSize: limit}, AllowEmpty: true}
		job := &Job{Inputs: []string{"book.toml"}, Outputs: []Output{{Path: "-", Format: "text"}}}
		_, err := Convert(context.Background(), job, env)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Fatalf("a failure of more than one line: %q", msg)
			}
			if strings.Contains(msg, "unexpectedly") {
				t.Fatalf("a panic: %s", msg)
			}
			return
		}
		if out.Len() > 4*limit {
			t.Fatalf("%d bytes of text from a book limited to %d", out.Len(), limit)
		}
	})
}

// archiveFS holds the files of a txtar archive. txtar.Parse panics on
// some malformed markers ("-- --"): those are not archives, and not
// galley's to test.
func archiveFS(archive string) (fsys fstest.MapFS, ok bool) {
	defer func() {
		if recover() != nil {
			fsys, ok = nil, false
		}
	}()
	fsys = fstest.MapFS{}
	for _, file := range txtar.Parse([]byte(archive)).Files {
		fsys[strings.TrimPrefix(file.Name, "/")] = &fstest.MapFile{Data: file.Data}
	}
	return fsys, true
}

// TestBookInMemory converts a book held in a program's own file system
// (no file on disk): includes from beside src/, an escaped include
// shown as written, a chapter titled "x", and nothing read from the
// machine.
func TestBookInMemory(t *testing.T) {
	archive := "-- book.toml --\n[book]\ntitle = \"B\"\n-- src/SUMMARY.md --\n# Summary\n\n[Intro](intro.md)\n\n- [One](one.md)\n- [x](x.md)\n" +
		"-- src/intro.md --\n# Intro\n-- src/one.md --\n# One\n\n```rust\n{{#include ../listings/a.rs:main}}\n```\n\nWrite \\{{#include file.rs}} to include a file.\n" +
		"-- src/x.md --\n# Ex\n-- listings/a.rs --\n// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n"
	fsys := fstest.MapFS{}
	for _, file := range txtar.Parse([]byte(archive)).Files {
		fsys[file.Name] = &fstest.MapFile{Data: file.Data}
	}
	var out bytes.Buffer
	job := &Job{Inputs: []string{"book.toml"}, Outputs: []Output{{Path: "-", Format: "text"}}}
	if _, err := Convert(context.Background(), job, &Env{FS: fsys, Stdout: &out}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Intro", "fn main() {}", "Write {{#include file.rs}} to include a file.", "Ex"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the text lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "ANCHOR") {
		t.Error("anchor lines shown")
	}
	// Outside the file system, nothing is found.
	fsys["src/SUMMARY.md"] = &fstest.MapFile{Data: []byte("- [A](../../../etc/passwd)\n")}
	if _, err := Convert(context.Background(), job, &Env{FS: fsys, Stdout: &out}); err == nil || !strings.Contains(err.Error(), "lies outside") {
		t.Errorf("a chapter outside: %v", err)
	}
}
