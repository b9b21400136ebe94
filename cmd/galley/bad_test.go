package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// badCase is one bad input and the outcome galley must give: an exit
// status, what standard error says, and the outputs that must or must not
// exist.
type badCase struct {
	name string
	// setup writes generated inputs into dir (the copy of fixtures/bad).
	setup func(t *testing.T, dir string)
	args  []string
	exit  int
	// stderr lists patterns each of which some line of standard error
	// must match. An exit status of 1 also demands exactly one line.
	stderr []string
	// outputs must exist (exit 0) or must not (exit 1).
	outputs []string
	// forbidden strings appear in no output.
	forbidden []string
}

func repeatFile(name, s string, n int, tail string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		var b bytes.Buffer
		b.Grow(len(s)*n + len(tail))
		for i := 0; i < n; i++ {
			b.WriteString(s)
		}
		b.WriteString(tail)
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func genFile(name string, gen func(b *bytes.Buffer)) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		var b bytes.Buffer
		gen(&b)
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var badCases = []badCase{
	{name: "invalid UTF-8", args: []string{"convert", "latin1.md", "-o", "out.html"}, exit: 1,
		stderr:  []string{`^galley: latin1\.md:1:6: not valid UTF-8 \(byte 0xe9\); if the file is in a Windows or Latin-1 encoding, add --encoding windows-1252$`},
		outputs: []string{"out.html"}},
	{name: "Latin-1 with its encoding", args: []string{"convert", "latin1.md", "--encoding", "windows-1252", "-o", "out.html"},
		outputs: []string{"out.html"}},
	{name: "a web page declaring windows-1252", setup: genFile("cp1252.html", func(b *bytes.Buffer) {
		b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\xe9</title></head>")
		b.WriteString("<body><main><h1>Caf\xe9 na\xefef</h1><p>\x93Koffie\x94 kost \x80 3.</p></main></body></html>")
	}), args: []string{"convert", "cp1252.html", "-o", "out.html", "-o", "out.txt", "-o", "out.epub"},
		outputs: []string{"out.html", "out.txt", "out.epub"}, forbidden: []string{"\ufffd", "Ã", "\u0093"}},
	{name: "a hostile web page", setup: genFile("hostile.html", func(b *bytes.Buffer) {
		b.WriteString(`<html><body onload="steal()"><main><h1>Page</h1><p onclick="steal()">Hi <a href="javascript:steal()">there</a>.</p>`)
		b.WriteString(`<script>steal()</script><iframe src="https://evil.example/"></iframe><object data="evil.swf"></object>`)
		b.WriteString(`<img src="https://evil.example/pixel.gif" onerror="steal()" alt=""><form action="/x"><input name="q"></form></main></body></html>`)
	}), args: []string{"convert", "hostile.html", "-o", "out.html", "-o", "out.txt", "-o", "out.epub", "-o", "out.pdf", "-o", "out.json"},
		stderr:  []string{`<script> dropped`, `<iframe> dropped`, `javascript:`},
		outputs: []string{"out.html", "out.txt", "out.epub", "out.pdf", "out.json"}, forbidden: []string{"steal", "evil", "<iframe", "<script", "onclick"}},
	{name: "a selector matching nothing", setup: genFile("page.html", func(b *bytes.Buffer) { b.WriteString("<main><p>Text</p></main>") }),
		args: []string{"convert", "page.html", "--select", "#content", "-o", "out.html"}, exit: 1,
		stderr: []string{`^galley: page\.html: html: --select "#content" matches nothing in the page$`}, outputs: []string{"out.html"}},
	{name: "NUL and control characters", args: []string{"convert", "controls.md", "-o", "out.html", "-o", "out.epub", "-o", "out.txt", "-o", "out.pdf", "-o", "out.json"},
		outputs: []string{"out.html", "out.epub", "out.txt", "out.pdf", "out.json"}, forbidden: []string{"\x00", "\x07", "\x1b"}},
	{name: "a binary file as Markdown", args: []string{"convert", "binary.md", "-o", "out.html"}, exit: 1,
		stderr: []string{`^galley: binary\.md:1:1: not valid UTF-8 \(byte 0x89\)`}, outputs: []string{"out.html"}},
	{name: "an empty file", args: []string{"convert", "empty.md", "-o", "out.html", "-o", "out.epub", "-o", "out.txt", "-o", "out.pdf", "-o", "out.json"}, exit: 1,
		stderr:  []string{`^galley: empty\.md: the document is empty: no text, image or table; --allow-empty makes it anyway$`},
		outputs: []string{"out.html", "out.epub", "out.txt", "out.pdf", "out.json"}},
	{name: "an empty file, allowed", args: []string{"convert", "empty.md", "--allow-empty", "-o", "out.html", "-o", "out.epub", "-o", "out.txt", "-o", "out.pdf", "-o", "out.json"},
		stderr:  []string{`^galley: warning: empty\.md: the document is empty$`},
		outputs: []string{"out.html", "out.epub", "out.txt", "out.pdf", "out.json"}},
	{name: "a web page whose content is all chrome", setup: genFile("chrome.html", func(b *bytes.Buffer) {
		b.WriteString(`<html><head><title>T</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav><footer>© 2024</footer></body></html>`)
	}), args: []string{"convert", "chrome.html", "-o", "out.html"}, exit: 1,
		stderr:  []string{`^galley: chrome\.html: the document is empty: no text, image or table \(of a web page, galley kept nothing as its content: name the content with --select CSS, and see -v\); --allow-empty makes it anyway$`},
		outputs: []string{"out.html"}},
	{name: "a folder as input", setup: func(t *testing.T, dir string) { os.Mkdir(filepath.Join(dir, "folder.md"), 0o755) },
		args: []string{"convert", "folder.md", "-o", "out.html"}, exit: 1, stderr: []string{`^galley: publish: input folder\.md is a folder, not a file$`}, outputs: []string{"out.html"}},
	{name: "an endless input", setup: func(t *testing.T, dir string) { os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")) },
		args: []string{"convert", "zero.md", "--max-input-size", "1MB", "-o", "out.html"}, exit: 1,
		stderr: []string{`^galley: publish: input "zero\.md" leads, through a symbolic link, outside the project folder \.; move it in, or allow it with --allow-outside$`}, outputs: []string{"out.html"}},
	{name: "an input over the size limit", setup: repeatFile("big.md", "word ", 300_000, "\n"),
		args: []string{"convert", "big.md", "--max-input-size", "1MB", "-o", "out.html"}, exit: 1,
		stderr: []string{`^galley: publish: input big\.md is larger than 1 MB, the input size limit; raise it with --max-input-size$`}, outputs: []string{"out.html"}},
	{name: "a 20 MB one-line paragraph", setup: repeatFile("long.md", "word and more words, ", 1_000_000, "\n"),
		args: []string{"convert", "long.md", "-o", "out.html", "-o", "out.txt"}, outputs: []string{"out.html", "out.txt"}},
	{name: "a 1 MB word in a PDF", setup: repeatFile("word.md", "x", 1<<20, "\n"),
		args: []string{"convert", "word.md", "-o", "out.pdf"}, outputs: []string{"out.pdf"}},
	{name: "quotes 5,000 deep", setup: repeatFile("quotes.md", "> ", 5000, "deep\n"),
		args:    []string{"convert", "quotes.md", "-o", "out.html", "-o", "out.pdf"},
		stderr:  []string{`^galley: warning: quotes\.md:1: markdown: nesting deeper than 128 markers`, `^galley: warning: quotes\.md: content nested more than 64 levels deep is flattened into level 64; raise the limit with --max-depth$`},
		outputs: []string{"out.html", "out.pdf"}},
	{name: "a list 3,000 deep", setup: genFile("list.md", func(b *bytes.Buffer) {
		for i := 0; i < 3000; i++ {
			fmt.Fprintf(b, "%s- item %d\n", strings.Repeat("  ", i), i)
		}
	}), args: []string{"convert", "list.md", "-o", "out.html", "-o", "out.pdf"},
		stderr: []string{`flattened into level 64; raise the limit with --max-depth$`}, outputs: []string{"out.html", "out.pdf"}},
	{name: "100,000 headings", setup: genFile("heads.md", func(b *bytes.Buffer) {
		for i := 0; i < 100_000; i++ {
			fmt.Fprintf(b, "# Heading %d\n\nText.\n\n", i)
		}
	}), args: []string{"convert", "heads.md", "-o", "out.html", "-o", "out.epub"}, outputs: []string{"out.html", "out.epub"}},
	{name: "10,000 notes", setup: genFile("notes.md", func(b *bytes.Buffer) {
		for i := 0; i < 10_000; i++ {
			fmt.Fprintf(b, "Sentence with a note.[^%d]\n\n", i)
		}
		for i := 0; i < 10_000; i++ {
			fmt.Fprintf(b, "[^%d]: Note %d.\n", i, i)
		}
	}), args: []string{"convert", "notes.md", "-o", "out.html", "-o", "out.epub", "-o", "out.pdf"}, outputs: []string{"out.html", "out.epub", "out.pdf"}},
	{name: "more notes than the limit", setup: repeatFile("notes.md", "Text.[^a] ", 11, "\n\n[^a]: Note.\n"),
		args: []string{"convert", "notes.md", "--max-notes", "10", "-o", "out.html"}, exit: 1,
		stderr: []string{`^galley: notes\.md: the document has more than 10 notes, the limit; raise it with --max-notes$`}, outputs: []string{"out.html"}},
	{name: "a table of 1,000 columns", setup: genFile("wide.md", func(b *bytes.Buffer) {
		for _, cell := range []string{"h", "---", "v"} {
			b.WriteString("|")
			for i := 0; i < 1000; i++ {
				b.WriteString(" " + cell + " |")
			}
			b.WriteString("\n")
		}
	}), args: []string{"convert", "wide.md", "-o", "out.html", "-o", "out.pdf"},
		stderr:  []string{`^galley: warning: pdf: a table in the text before the first heading has too many columns to fit the page; each row is set as a paragraph$`},
		outputs: []string{"out.html", "out.pdf"}},
	{name: "a table of 100,000 rows", setup: repeatFile("rows.md", "| a | b |\n", 100_000, ""),
		args: []string{"convert", "rows.md", "-o", "out.html", "-o", "out.txt"}, outputs: []string{"out.html", "out.txt"}},
	{name: "images that escape, are remote, huge, damaged or SVG", setup: func(t *testing.T, dir string) {
		os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.png"), []byte("SECRET-OUTSIDE"), 0o644)
		os.Symlink("/etc/passwd", filepath.Join(dir, "link.png"))
	}, args: []string{"convert", "images.md", "-o", "out.html", "-o", "out.epub", "-o", "out.pdf"},
		stderr: []string{
			`^galley: warning: images\.md: 1 links or images with a script, file or data URL are kept as text only$`,
			`^galley: warning: images\.md: 1 remote images \(https://example\.com/logo\.png first\) are never fetched`,
			`^galley: warning: epub: image "\.\./secret\.png": lies outside the project folder; its alternative text stands in$`,
			`^galley: warning: pdf: image "/etc/passwd": lies outside the project folder; its alternative text stands in$`,
			`^galley: warning: epub: image "/etc/passwd": lies outside the project folder; its alternative text stands in$`,
			`^galley: warning: epub: image "link\.png": lies outside the project folder; its alternative text stands in$`,
			`^galley: warning: pdf: image "huge\.png": image too large: 100000×100000 pixels, more than the limit of 50 megapixels \(raise it with --max-image-pixels\)`,
			`^galley: warning: epub: image "truncated\.jpg": damaged jpeg image`,
			`^galley: warning: epub: image "drawing\.svg": removed DOCTYPE or other directive, event handler attribute, script element`,
		},
		outputs: []string{"out.html", "out.epub", "out.pdf"}, forbidden: []string{"SECRET-OUTSIDE", "root:x:0", "alert("}},
	{name: "raw HTML with scripts and handlers", args: []string{"convert", "raw-html.md", "-o", "out.html", "-o", "out.epub", "-o", "out.txt", "-o", "out.pdf", "-o", "out.json"},
		outputs: []string{"out.html", "out.epub", "out.txt", "out.pdf", "out.json"}, forbidden: []string{"alert(", "onerror", "onclick", "javascript:", "data:text"}},
	{name: "emoji and CJK in the default font", args: []string{"convert", "emoji-cjk.md", "-o", "out.pdf"},
		stderr: []string{`^galley: warning: pdf: 15 distinct characters \(15 in all\) are drawn as '�'.*add a font that has them with --font fallback=FILE \(or --system-fonts\)$`}, outputs: []string{"out.pdf"}},
	{name: "emoji and CJK, strict", args: []string{"convert", "emoji-cjk.md", "--strict", "-o", "out.pdf"}, exit: 1,
		stderr: []string{`^galley: out\.pdf: pdf: 15 distinct characters`}, outputs: []string{"out.pdf"}},
	{name: "a font that is not a font", args: []string{"convert", "controls.md", "--font", "regular=not-a-font.ttf", "-o", "out.pdf"}, exit: 1,
		stderr: []string{`^galley: out\.pdf: pdf: font not-a-font\.ttf: not a TrueType or OpenType font`}, outputs: []string{"out.pdf"}},
	{name: "an output in a missing folder", args: []string{"convert", "controls.md", "-o", "new/sub/out.html"}, outputs: []string{"new/sub/out.html"}},
	{name: "an output equal to the input", args: []string{"convert", "controls.md", "-t", "html", "-o", "controls.md"}, exit: 1,
		stderr: []string{`^galley: controls\.md: refusing to write over the input$`}},
	{name: "front matter alias bomb", setup: genFile("bomb.md", func(b *bytes.Buffer) {
		b.WriteString("---\ntitle: &s " + strings.Repeat("x", 1<<20) + "\nkeywords: [" + strings.Repeat("*s, ", 5000) + "*s]\n---\n\nText.\n")
	}), args: []string{"convert", "bomb.md", "-o", "out.epub"}, exit: 1,
		stderr: []string{`^galley: bomb\.md:3: markdown: front matter: aliases expand this YAML to more than 16 times its size`}, outputs: []string{"out.epub"}},
	{name: "galley.yaml alias bomb", setup: genFile("galley.yaml", func(b *bytes.Buffer) {
		b.WriteString("x: &s " + strings.Repeat("y", 1<<20) + "\ndocuments:\n  - input: controls.md\n    meta: {keywords: [" + strings.Repeat("*s, ", 5000) + "*s]}\n    outputs: [out.html]\n")
	}), args: []string{"build"}, exit: 1, stderr: []string{`^galley: galley\.yaml:4: aliases expand this YAML`}, outputs: []string{"out.html"}},
	{name: "galley.yaml outputs outside the project", setup: genFile("galley.yaml", func(b *bytes.Buffer) {
		b.WriteString("documents:\n  - input: controls.md\n    outputs: [../escaped.html]\n")
	}), args: []string{"build"}, exit: 1,
		stderr:  []string{`^galley: galley\.yaml:2: publish: output "\.\./escaped\.html" lies outside the project folder \.; move it in, or allow it with --allow-outside$`},
		outputs: []string{"../escaped.html"}},
	{name: "galley.yaml outputs outside, allowed", setup: genFile("galley.yaml", func(b *bytes.Buffer) {
		b.WriteString("documents:\n  - input: controls.md\n    outputs: [../escaped.html]\n")
	}), args: []string{"build", "--allow-outside"}, outputs: []string{"../escaped.html"}},
}

// TestBadInputs runs every case of the bad-input suite: each ends in its
// documented outcome, and none with a panic, a partial output or a
// changed input.
func TestBadInputs(t *testing.T) {
	for _, tc := range badCases {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "work")
			if err := copyDir("../../fixtures/bad", dir); err != nil {
				t.Fatal(err)
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			before := hashes(t, dir)
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tc.args, strings.NewReader(""), &stdout, &stderr)
			errText := stderr.String()
			if strings.Contains(errText, "panic") || strings.Contains(errText, "goroutine ") {
				t.Fatalf("a panic:\n%s", errText)
			}
			if code != tc.exit {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.exit, errText)
			}
			lines := strings.Split(strings.TrimSuffix(errText, "\n"), "\n")
			if tc.exit == 1 && len(lines) != 1 {
				t.Errorf("a failure must be one line; stderr:\n%s", errText)
			}
			for _, pat := range tc.stderr {
				re := regexp.MustCompile(pat)
				found := false
				for _, l := range lines {
					found = found || re.MatchString(l)
				}
				if !found {
					t.Errorf("no line of stderr matches %s; stderr:\n%s", pat, errText)
				}
			}
			for _, out := range tc.outputs {
				_, err := os.Stat(filepath.Join(dir, out))
				if tc.exit == 0 && err != nil {
					t.Errorf("output %s missing", out)
				}
				if tc.exit != 0 && err == nil {
					t.Errorf("output %s written by a failed run", out)
				}
			}
			// Inputs are untouched; no temporary file is left.
			after := hashes(t, dir)
			for name, h := range before {
				if after[name] != h {
					t.Errorf("input %s changed", name)
				}
			}
			for name := range after {
				if strings.Contains(name, ".tmp-") {
					t.Errorf("temporary file %s left", name)
				}
			}
			if tc.exit == 0 {
				checkOutputs(t, dir, tc)
			}
		})
	}
}

func hashes(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err == nil {
			rel, _ := filepath.Rel(dir, p)
			out[rel] = sha256.Sum256(data)
		}
		return nil
	})
	return out
}

// checkOutputs checks each output is valid for its format (an EPUB's
// entries are well-formed XML; qpdf --check accepts a PDF) and holds
// nothing forbidden. (pkg/internal/validate, with pdfcpu, is out of this
// package's reach; the publish tests use it.)
func checkOutputs(t *testing.T, dir string, tc badCase) {
	for _, out := range tc.outputs {
		data, err := os.ReadFile(filepath.Join(dir, out))
		if err != nil {
			continue
		}
		switch filepath.Ext(out) {
		case ".epub":
			data = unzipAll(t, out, data)
		case ".pdf":
			qpdfCheck(t, filepath.Join(dir, out))
			// What a reader sees: the text pdftotext extracts.
			if _, err := exec.LookPath("pdftotext"); err == nil {
				data, _ = exec.Command("pdftotext", filepath.Join(dir, out), "-").Output()
			} else {
				continue
			}
		}
		for _, f := range tc.forbidden {
			if bytes.Contains(data, []byte(f)) {
				t.Errorf("%s holds %q", out, f)
			}
		}
	}
}

// unzipAll returns the contents of every entry of an EPUB, one after
// another, checking each XML entry is well-formed.
func unzipAll(t *testing.T, name string, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return data
	}
	if len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
		t.Errorf("%s: mimetype is not first", name)
	}
	var all bytes.Buffer
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Errorf("%s: %s: %v", name, f.Name, err)
			continue
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasSuffix(f.Name, ".xhtml") || strings.HasSuffix(f.Name, ".opf") || strings.HasSuffix(f.Name, ".ncx") {
			dec := xml.NewDecoder(bytes.NewReader(b))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Errorf("%s: %s is not well-formed: %v", name, f.Name, err)
					break
				}
			}
		}
		all.Write(b)
	}
	return all.Bytes()
}

// qpdfCheck runs qpdf --check on a PDF (skipped without qpdf, unless
// GALLEY_REQUIRE_VALIDATORS=1).
func qpdfCheck(t *testing.T, path string) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		if os.Getenv("GALLEY_REQUIRE_VALIDATORS") == "1" {
			t.Fatal("qpdf is missing and GALLEY_REQUIRE_VALIDATORS=1: apt-get install qpdf")
		}
		return
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(path), err, out)
	}
}
