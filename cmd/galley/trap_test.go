package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// trapSecret is what a machine must never publish: the content of a
// file outside the project.
const trapSecret = "TOKEN=s3cr3t-trap"

// trapRole is one way a file is named: an input, a book's chapter, an
// include, an image, a stylesheet, a font… REF in files and args stands
// for the name the trap gives.
type trapRole struct {
	name  string
	files map[string]string
	// target is the file, in the project, that the link and pipe traps
	// make; refDir the folder the name is relative to.
	target, refDir string
	args           []string
	// warn: the file is an image or an mdBook include, left out with a
	// warning naming it; otherwise the run fails with one line naming
	// it.
	warn bool
	// noRef: the role names no file a document chooses (book.toml,
	// galley.yaml itself): only the link and pipe traps apply.
	noRef bool
}

var (
	bookTOML = "[book]\ntitle = \"B\"\n"
	summary  = "# Summary\n\n- [One](one.md)\n"
	aMD      = "# A\n\nText of a.\n"
)

var trapRoles = []trapRole{
	{name: "markdown input", target: "in.md", args: []string{"convert", "REF", "-o", "out.html", "-o", "out.txt"}},
	{name: "web page input", target: "in.html", args: []string{"convert", "REF", "-o", "out.html"}},
	{name: "plain text input", target: "in.txt", args: []string{"convert", "REF", "-o", "out.html"}},
	{name: "JSON input", target: "in.json", args: []string{"convert", "REF", "-o", "out.html"}},
	{name: "second file of a book", files: map[string]string{"a.md": aMD}, target: "b.md", args: []string{"convert", "a.md", "REF", "-o", "out.html"}},
	{name: "book.toml", files: map[string]string{"book/src/SUMMARY.md": summary, "book/src/one.md": "# One\n"}, target: "book/book.toml", noRef: true,
		args: []string{"convert", "book/book.toml", "-o", "out.txt"}},
	{name: "SUMMARY.md", files: map[string]string{"book/book.toml": bookTOML, "book/src/one.md": "# One\n"}, target: "book/src/SUMMARY.md", noRef: true,
		args: []string{"convert", "book/book.toml", "-o", "out.txt"}},
	{name: "book's src folder", files: map[string]string{"book/book.toml": "[book]\nsrc = \"REF\"\n"}, target: "book/src", refDir: "book", noRef: true,
		args: []string{"convert", "book/book.toml", "-o", "out.txt"}},
	{name: "chapter", files: map[string]string{"book/book.toml": bookTOML, "book/src/SUMMARY.md": summary + "- [Two](REF)\n", "book/src/one.md": "# One\n"},
		target: "book/src/two.md", refDir: "book/src", args: []string{"convert", "book/book.toml", "-o", "out.txt", "-o", "out.epub"}},
	{name: "include", files: map[string]string{"book/book.toml": bookTOML, "book/src/SUMMARY.md": summary, "book/src/one.md": "# One\n\n{{#include REF}}\n"},
		target: "book/src/inc.md", refDir: "book/src", warn: true, args: []string{"convert", "book/book.toml", "-o", "out.txt"}},
	{name: "rustdoc_include", files: map[string]string{"book/book.toml": bookTOML, "book/src/SUMMARY.md": summary, "book/src/one.md": "# One\n\n```rust\n{{#rustdoc_include REF:2}}\n```\n"},
		target: "book/src/inc.rs", refDir: "book/src", warn: true, args: []string{"convert", "book/book.toml", "-o", "out.txt"}},
	{name: "image", files: map[string]string{"a.md": "# A\n\n![A picture](REF)\n"}, target: "pic.svg", warn: true,
		args: []string{"convert", "a.md", "-o", "out.epub", "-o", "out.pdf", "-o", "out.html"}},
	{name: "cover", files: map[string]string{"a.md": "---\ncover: REF\n---\n# A\n"}, target: "cover.svg", warn: true,
		args: []string{"convert", "a.md", "-o", "out.epub", "-o", "out.pdf"}},
	{name: "stylesheet", files: map[string]string{"a.md": aMD}, target: "style.css", args: []string{"convert", "a.md", "--css", "REF", "-o", "out.html", "-o", "out.epub"}},
	{name: "font", files: map[string]string{"a.md": aMD}, target: "font.ttf", args: []string{"convert", "a.md", "--font", "regular=REF", "-o", "out.pdf"}},
	{name: "fallback font", files: map[string]string{"a.md": aMD}, target: "font.ttf", args: []string{"convert", "a.md", "--font", "fallback=REF", "-o", "out.pdf"}},
	{name: "hyphenation patterns", files: map[string]string{"a.md": aMD}, target: "hyph.dic", args: []string{"convert", "a.md", "--hyphenation", "REF", "-o", "out.pdf"}},
	{name: "galley.yaml input", files: map[string]string{"galley.yaml": "documents:\n  - input: REF\n    from: markdown\n    outputs: [out.html]\n"},
		target: "in.md", args: []string{"build", "--no-cache"}},
	{name: "galley.yaml stylesheet", files: map[string]string{"a.md": aMD, "galley.yaml": "documents:\n  - input: a.md\n    html: {css: REF}\n    outputs: [out.html]\n"},
		target: "style.css", args: []string{"build", "--no-cache"}},
	{name: "galley.yaml itself", files: map[string]string{"a.md": aMD}, target: "galley.yaml", noRef: true, args: []string{"build", "--no-cache"}},
}

// TestTraps names a file outside the project in every way a user, a
// galley.yaml or a document can name one (a symbolic link, "..", an
// absolute path) and a named pipe in its place: each ends in a one-line
// error naming the file (a warning for an image, whose alternative text
// stands in), never a hang, and nothing of the file in any output.
func TestTraps(t *testing.T) {
	for _, role := range trapRoles {
		for _, trap := range []string{"link", "dotdot", "absolute", "fifo"} {
			if role.noRef && (trap == "dotdot" || trap == "absolute") && role.name != "book's src folder" {
				continue
			}
			if role.name == "book's src folder" && (trap == "link" || trap == "fifo") {
				continue
			}
			t.Run(role.name+"/"+trap, func(t *testing.T) { runTrap(t, role, trap) })
		}
	}
}

func runTrap(t *testing.T, role trapRole, trap string) {
	top := t.TempDir()
	work := filepath.Join(top, "work")
	secretExt := filepath.Ext(role.target)
	if secretExt == ".svg" {
		// An image a reader would show: an SVG with the secret as text.
		os.WriteFile(filepath.Join(top, "secret.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>`+trapSecret+`</text></svg>`), 0o644)
	}
	secret := filepath.Join(top, "secret"+secretExt)
	if secretExt != ".svg" {
		os.WriteFile(secret, []byte("# "+trapSecret+"\n\n"+trapSecret+"\n"), 0o644)
	}
	if role.name == "book's src folder" {
		secret = filepath.Join(top, "secretsrc")
		os.MkdirAll(secret, 0o755)
		os.WriteFile(filepath.Join(secret, "SUMMARY.md"), []byte(summary), 0o644)
		os.WriteFile(filepath.Join(secret, "one.md"), []byte("# "+trapSecret+"\n"), 0o644)
	}
	var ref string
	switch trap {
	case "link", "fifo":
		ref = role.target
		if role.refDir != "" {
			ref, _ = filepath.Rel(role.refDir, role.target)
		}
	case "dotdot":
		depth := strings.Count(filepath.ToSlash(filepath.Clean(role.refDir)), "/") + 1
		if role.refDir == "" || role.refDir == "." {
			depth = 0
		}
		ref = strings.Repeat("../", depth+1) + filepath.Base(secret)
	case "absolute":
		ref = secret
	}
	for name, content := range role.files {
		p := filepath.Join(work, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(content, "REF", ref)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(work, 0o755)
	target := filepath.Join(work, role.target)
	os.MkdirAll(filepath.Dir(target), 0o755)
	switch trap {
	case "link":
		if err := os.Symlink(secret, target); err != nil {
			t.Fatal(err)
		}
	case "fifo":
		if err := mkfifo(target); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	args := make([]string, len(role.args))
	for i, a := range role.args {
		args[i] = strings.ReplaceAll(a, "REF", ref)
	}
	t.Chdir(work)
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	}()
	var code int
	select {
	case code = <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("galley %s hangs", strings.Join(args, " "))
	}
	errText := stderr.String()
	lines := strings.Split(strings.TrimSuffix(errText, "\n"), "\n")
	shown := ref
	if role.name == "book's src folder" {
		shown = filepath.Base(secret)
	}
	named := false
	for _, l := range lines {
		named = named || strings.Contains(l, shown) || strings.Contains(l, filepath.Base(role.target))
	}
	t.Logf("galley %s: exit %d\n%s", strings.Join(args, " "), code, errText)
	switch {
	case strings.Contains(errText, "s3cr3t"):
		t.Errorf("a message quotes the file:\n%s", errText)
	case role.warn && (code != 0 || !named):
		t.Errorf("exit %d, want 0 and a warning naming %s; stderr:\n%s", code, shown, errText)
	case !role.warn && (code != 1 || len(lines) != 1 || !named):
		t.Errorf("exit %d, want 1 and one line naming %s; stderr:\n%s", code, shown, errText)
	}
	filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		data, _ := os.ReadFile(p)
		if bytes.Contains(data, []byte("s3cr3t")) || zipHolds(data, "s3cr3t") {
			t.Errorf("%s holds the file's content", p)
		}
		return nil
	})
}

// zipHolds reports whether any entry of a zip file (an EPUB) holds s.
func zipHolds(data []byte, s string) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(io.LimitReader(rc, 64<<20))
		rc.Close()
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}
