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
	// check, if set, checks more of the outputs (in dir).
	check func(t *testing.T, dir string)
}

// files writes several files into dir (folders made as needed).
func files(m map[string]string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		for name, content := range m {
			p := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// holds checks that an output holds each string.
func holds(out string, want ...string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		data, err := os.ReadFile(filepath.Join(dir, out))
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(out) == ".epub" {
			data = unzipAll(t, out, data)
		}
		for _, w := range want {
			if !bytes.Contains(data, []byte(w)) {
				t.Errorf("%s lacks %q", out, w)
			}
		}
	}
}

// ttcBomb is a font collection of 1 MB whose face lists 65,535 tables,
// each the whole file: copied out, 72 GB.
func ttcBomb(b *bytes.Buffer) {
	const n = 65535
	size := 16 + 12 + 16*n
	w32 := func(v uint32) { b.Write([]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}) }
	b.WriteString("ttcf")
	w32(0x00010000)
	w32(1)
	w32(16)
	w32(0x00010000)
	b.Write([]byte{n >> 8, n & 0xff, 0, 0, 0, 0, 0, 0})
	for i := range n {
		b.Write([]byte{byte('a' + i%26), byte('a' + i/26%26), byte('a' + i/676%26), byte('a' + i/17576%26)})
		w32(0)
		w32(0)
		w32(uint32(size))
	}
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
		stderr: []string{`^galley: publish: input "zero\.md" leads, through a symbolic link, outside the project folder \.; move it in, name a wider one with --root DIR, or allow it with --allow-outside$`}, outputs: []string{"out.html"}},
	{name: "an input over the size limit", setup: repeatFile("big.md", "word ", 300_000, "\n"),
		args: []string{"convert", "big.md", "--max-input-size", "1MB", "-o", "out.html"}, exit: 1,
		stderr: []string{`^galley: publish: input big\.md is larger than 1 MB, the input size limit; raise it with --max-input-size$`}, outputs: []string{"out.html"}},
	{name: "a 20 MB one-line paragraph", setup: repeatFile("long.md", "word and more words, ", 1_000_000, "\n"),
		args: []string{"convert", "long.md", "-o", "out.html", "-o", "out.txt"}, outputs: []string{"out.html", "out.txt"}},
	{name: "a 1 MB word in a PDF", setup: repeatFile("word.md", "x", 1<<20, "\n"),
		args: []string{"convert", "word.md", "-o", "out.pdf"}, outputs: []string{"out.pdf"}},
	{name: "quotes 5,000 deep", setup: repeatFile("quotes.md", "> ", 5000, "deep\n"),
		args:    []string{"convert", "quotes.md", "-o", "out.html", "-o", "out.pdf"},
		stderr:  []string{`^galley: warning: quotes\.md:1: markdown: nesting deeper than 64 markers`},
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
		stderr:  []string{`^galley: warning: pdf: a table in the text before the first heading has too many columns to fit the page; each row is set as a paragraph \[table-as-paragraphs\]$`},
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
			`^galley: warning: epub: image "\.\./secret\.png": lies outside the project folder; its alternative text stands in \[image-dropped\]$`,
			`^galley: warning: pdf: image "/etc/passwd": lies outside the project folder; its alternative text stands in \[image-dropped\]$`,
			`^galley: warning: epub: image "/etc/passwd": lies outside the project folder; its alternative text stands in \[image-dropped\]$`,
			`^galley: warning: epub: image "link\.png": lies outside the project folder; its alternative text stands in \[image-dropped\]$`,
			`^galley: warning: pdf: image "huge\.png": image too large: 100000×100000 pixels, more than the limit of 50 megapixels \(raise it with --max-image-pixels\)`,
			`^galley: warning: epub: image "truncated\.jpg": damaged jpeg image`,
			`^galley: warning: epub: image "drawing\.svg": removed event handler attribute, script element`,
		},
		outputs: []string{"out.html", "out.epub", "out.pdf"}, forbidden: []string{"SECRET-OUTSIDE", "root:x:0", "alert("}},
	{name: "raw HTML with scripts and handlers", args: []string{"convert", "raw-html.md", "-o", "out.html", "-o", "out.epub", "-o", "out.txt", "-o", "out.pdf", "-o", "out.json"},
		outputs: []string{"out.html", "out.epub", "out.txt", "out.pdf", "out.json"}, forbidden: []string{"alert(", "onerror", "onclick", "javascript:", "data:text"}},
	{name: "emoji and CJK in the built-in fonts only", args: []string{"convert", "emoji-cjk.md", "--no-system-fonts", "-o", "out.pdf"},
		stderr: []string{
			`^galley: warning: pdf: 13 Han characters \(13 in all\) are drawn as '�': '中' U\+4E2D, .* and 1 more; in section "Emoji and CJK"; add a font that has them with --font fallback=FILE \(this build uses no fonts of the machine's: --no-system-fonts\) \[missing-glyph\]$`,
			`^galley: warning: pdf: 2 symbols \(2 in all\) are drawn as '�': '🎉' U\+1F389, '😀' U\+1F600;`,
		}, outputs: []string{"out.pdf"}},
	{name: "emoji and CJK from the machine's fonts", args: []string{"convert", "emoji-cjk.md", "-o", "out.pdf"},
		stderr: []string{`^galley: warning: pdf: characters the given fonts lack are set in this machine's fonts /usr/share/fonts/.*; to get the same PDF elsewhere, give them with --font fallback=FILE \[machine-fonts\]$`}, outputs: []string{"out.pdf"}},
	{name: "emoji and CJK, strict", args: []string{"convert", "emoji-cjk.md", "--no-system-fonts", "--strict", "-o", "out.pdf"}, exit: 1,
		stderr: []string{`^galley: out\.pdf: pdf: 13 Han characters .*; and 2 symbols`}, outputs: []string{"out.pdf"}},
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
	{name: "TOML front matter nested 3.2 million deep", setup: genFile("deep.md", func(b *bytes.Buffer) {
		b.WriteString("+++\ntitle = \"T\"\nx = ")
		b.WriteString(strings.Repeat("[", 3_200_000))
		b.WriteString("\n+++\n\n# T\n")
	}), args: []string{"convert", "deep.md", "-o", "out.html"}, exit: 1,
		stderr: []string{`^galley: deep\.md:3: markdown: front matter: arrays or tables nested more than 64 deep; raise the limit with --max-depth$`}, outputs: []string{"out.html"}},
	{name: "a font collection whose face lists 65,535 tables", setup: genFile("bomb.ttc", ttcBomb),
		args: []string{"convert", "controls.md", "--font", "fallback=bomb.ttc", "-o", "out.pdf"}, exit: 1,
		stderr: []string{`^galley: out\.pdf: pdf: font bomb\.ttc: damaged font: 65535 tables \(real fonts have a few dozen; at most 512 are read\)$`}, outputs: []string{"out.pdf"}},
	{name: "16,000 nested admonitions", setup: repeatFile("tips.md", ":::tip\n", 16000, "deep\n"),
		args:   []string{"convert", "tips.md", "-o", "out.html", "-o", "out.pdf"},
		stderr: []string{`^galley: warning: tips\.md: markdown: admonitions \(::: or !!!\) nested more than 64 deep are left as text \[deep-nesting\]$`}, outputs: []string{"out.html", "out.pdf"}},
	{name: "a heading of 10,000 words in a PDF", setup: genFile("heading.md", func(b *bytes.Buffer) {
		b.WriteString("#")
		for i := range 10000 {
			fmt.Fprintf(b, " word%d", i)
		}
		b.WriteString("\n\nText.\n")
	}), args: []string{"convert", "heading.md", "-o", "out.pdf"}, outputs: []string{"out.pdf"}},
	{name: "20,000 links in a paragraph", setup: genFile("links.md", func(b *bytes.Buffer) {
		for i := range 20000 {
			fmt.Fprintf(b, "[l%d](https://example.com/%d) www.e%d.com ", i, i, i)
		}
	}), args: []string{"convert", "links.md", "-o", "out.pdf", "-o", "out.html"}, outputs: []string{"out.pdf", "out.html"}},
	{name: "200,000 unmatched dollars", setup: genFile("dollars.md", func(b *bytes.Buffer) {
		for i := range 200000 {
			fmt.Fprintf(b, "$a%d ", i)
		}
	}), args: []string{"convert", "dollars.md", "-o", "out.html"}, outputs: []string{"out.html"}, check: holds("out.html", "$a199999")},
	{name: "5,000 chapters with a page list", setup: genFile("chapters.md", func(b *bytes.Buffer) {
		for i := range 5000 {
			fmt.Fprintf(b, "# Chapter %d\n\nA chapter.\n\n", i)
		}
	}), args: []string{"convert", "chapters.md", "-o", "out.pdf", "-o", "out.epub"}, outputs: []string{"out.pdf", "out.epub"},
		check: holds("out.epub", `id="page-5000"`)},
	{name: "a SUMMARY.md nested 2,000 deep", setup: func(t *testing.T, dir string) {
		var s strings.Builder
		s.WriteString("# Summary\n\n")
		for i := range 2000 {
			fmt.Fprintf(&s, "%s- [C%d](c.md)\n", strings.Repeat("  ", i), i)
		}
		files(map[string]string{"book/book.toml": "[book]\ntitle = \"B\"\n", "book/src/SUMMARY.md": s.String(), "book/src/c.md": "# C\n\nText.\n"})(t, dir)
	}, args: []string{"convert", "book/book.toml", "-o", "out.txt"}, outputs: []string{"out.txt"}},
	{name: "an include bomb", setup: func(t *testing.T, dir string) {
		m := map[string]string{"book/book.toml": "[book]\ntitle = \"B\"\n", "book/src/SUMMARY.md": "- [One](one.md)\n", "book/src/f0.md": strings.Repeat("lol ", 20) + "\n"}
		for i := 1; i <= 9; i++ {
			m[fmt.Sprintf("book/src/f%d.md", i)] = strings.Repeat(fmt.Sprintf("{{#include f%d.md}}\n", i-1), 10)
		}
		m["book/src/one.md"] = "# One\n\n{{#include f9.md}}\n"
		files(m)(t, dir)
	}, args: []string{"convert", "book/book.toml", "-o", "out.txt"}, exit: 1,
		stderr: []string{`^galley: book/src/one\.md: \{\{#include\}\}s make the book larger than 64 MB, the input size limit \(through book/src/one\.md → book/src/f9\.md → .*\); raise it with --max-input-size$`}, outputs: []string{"out.txt"}},
	{name: "includes that include each other", setup: files(map[string]string{"book/book.toml": "[book]\ntitle = \"B\"\n", "book/src/SUMMARY.md": "- [One](one.md)\n",
		"book/src/one.md": "# One\n\n{{#include a.md}}\n", "book/src/a.md": "{{#include b.md}}\n", "book/src/b.md": "{{#include a.md}}\n"}),
		args: []string{"convert", "book/book.toml", "-o", "out.txt"}, exit: 1,
		stderr: []string{`^galley: book/src/b\.md:1: \{\{#include a\.md\}\}: the files include one another: book/src/a\.md → book/src/b\.md → book/src/a\.md$`}, outputs: []string{"out.txt"}},
	{name: "a book.toml that is a key file", setup: files(map[string]string{"book/book.toml": "AKIAIOSFODNN7EXAMPLE\nsecret = wJalrXUtnFEMI\n", "book/src/SUMMARY.md": "- [One](one.md)\n", "book/src/one.md": "# One\n"}),
		args: []string{"convert", "book/book.toml", "-o", "out.txt"}, exit: 1,
		stderr: []string{`^galley: book/book\.toml:[12]: not valid TOML, or not a book's settings$`}, outputs: []string{"out.txt"}},
	{name: "an image address with a newline and CI commands", setup: genFile("ci.md", func(b *bytes.Buffer) {
		b.WriteString("# CI\n\n<img src=\"a&#10;::error::hacked&#10;::add-mask::x&#27;[31m.png\" alt=\"A\">\n\n![B](b.png \"t\")\n")
	}), args: []string{"convert", "ci.md", "-o", "out.pdf"},
		stderr: []string{`^galley: warning: pdf: image "a\\n::error::hacked\\n::add-mask::x\\x1b\[31m\.png": does not exist; its alternative text stands in \[image-dropped\]$`}, outputs: []string{"out.pdf"}},
	{name: "a page declaring charset replacement", setup: genFile("rep.html", func(b *bytes.Buffer) {
		b.WriteString(`<html><head><meta charset="replacement"><title>T</title></head><body><main><p>Hello.</p></main></body></html>`)
	}), args: []string{"convert", "rep.html", "-o", "out.txt"}, exit: 1,
		stderr: []string{`^galley: rep\.html: the encoding "replacement" cannot be read`}, outputs: []string{"out.txt"}},
	{name: "an SVG of a billion shapes", setup: func(t *testing.T, dir string) {
		var s strings.Builder
		s.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><defs><rect id="a0" width="1" height="1"/>`)
		for i := 1; i < 10; i++ {
			fmt.Fprintf(&s, `<g id="a%d">%s</g>`, i, strings.Repeat(fmt.Sprintf(`<use xlink:href="#a%d"/>`, i-1), 10))
		}
		s.WriteString(`</defs><use xlink:href="#a9"/></svg>`)
		files(map[string]string{"bomb.svg": s.String(), "svg.md": "# S\n\n![A chart](bomb.svg)\n"})(t, dir)
	}, args: []string{"convert", "svg.md", "-o", "out.pdf", "-o", "out.epub"},
		stderr: []string{`^galley: warning: pdf: image "bomb\.svg": the SVG draws more than 100000 elements \(its <use> references expanded\); raise the limit with --max-svg-elements; its alternative text stands in \[image-dropped\]$`}, outputs: []string{"out.pdf", "out.epub"}},
	{name: "SUMMARY chapters titled x, X and a space", setup: files(map[string]string{"book/book.toml": "[book]\ntitle = \"B\"\n",
		"book/src/SUMMARY.md": "- [x](a.md)\n- [X](b.md)\n- [ ](c.md)\n", "book/src/a.md": "# Alpha\n", "book/src/b.md": "# Beta\n", "book/src/c.md": "# Gamma\n"}),
		args: []string{"convert", "book/book.toml", "-o", "out.txt"}, outputs: []string{"out.txt"}, check: holds("out.txt", "Alpha", "Beta", "Gamma")},
	{name: "images of a second input in another folder", setup: func(t *testing.T, dir string) {
		png, _ := os.ReadFile("../../fixtures/images/galley.png")
		files(map[string]string{"a.md": "# A\n\nFirst.\n", "part2/b.md": "# B\n\n![Logo](logo.png)\n", "part2/logo.png": string(png)})(t, dir)
	}, args: []string{"convert", "a.md", "part2/b.md", "-o", "out.epub"}, outputs: []string{"out.epub"}, check: holds("out.epub", "images/logo.png")},
	{name: "XHTML with a stylesheet holding & and </style>", setup: files(map[string]string{"a.md": "# A\n\nText.\n", "s.css": "p::after { content: \"a & b </style><script>x()</script>\" }\n"}),
		args: []string{"convert", "a.md", "--xhtml", "--css", "s.css", "-o", "out.html"}, outputs: []string{"out.html"}, forbidden: []string{"<script>"},
		check: func(t *testing.T, dir string) {
			data, _ := os.ReadFile(filepath.Join(dir, "out.html"))
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("not well-formed XML: %v", err)
				}
			}
		}},
	{name: "a selector over deeply nested elements", setup: genFile("deep.html", func(b *bytes.Buffer) {
		b.WriteString("<html><body><section>" + strings.Repeat("<div>", 500) + "<p>Found it.</p>" + strings.Repeat("</div>", 500) + "</section></body></html>")
	}), args: []string{"convert", "deep.html", "--select", "section div div div div p", "-o", "out.txt"}, outputs: []string{"out.txt"}, check: holds("out.txt", "Found it.")},
	{name: "a hard-wrapped paragraph of 12,000 note markers", setup: genFile("notes.txt", func(b *bytes.Buffer) {
		b.WriteString("Title\n=====\n\n")
		for i := 1; i <= 12000; i++ {
			fmt.Fprintf(b, "De landen van de Unie werken samen aan vrijheid%d en\nveiligheid, zie https://example.org/%d.\n", i, i)
		}
	}), args: []string{"convert", "notes.txt", "-o", "out.html"}, outputs: []string{"out.html"}, check: holds("out.html", "vrijheid<sup>999</sup>")}, // markers have at most three digits
	{name: "a named pipe as the output", setup: func(t *testing.T, dir string) { mkfifo(filepath.Join(dir, "out.txt")) },
		args: []string{"convert", "controls.md", "-o", "out.txt"}, exit: 1,
		stderr: []string{`^galley: write out\.txt: it is a pipe that no program reads$`}},
	{name: "galley.yaml outputs outside the project", setup: genFile("galley.yaml", func(b *bytes.Buffer) {
		b.WriteString("documents:\n  - input: controls.md\n    outputs: [../escaped.html]\n")
	}), args: []string{"build"}, exit: 1,
		stderr:  []string{`^galley: galley\.yaml:2: publish: output "\.\./escaped\.html" lies outside the project folder \.; move it in, name a wider one with --root DIR, or allow it with --allow-outside$`},
		outputs: []string{"../escaped.html"}},
	{name: "galley.yaml outputs outside, allowed", setup: genFile("galley.yaml", func(b *bytes.Buffer) {
		b.WriteString("documents:\n  - input: controls.md\n    outputs: [../escaped.html]\n")
	}), args: []string{"build", "--allow-outside"}, outputs: []string{"../escaped.html"}},
}

// TestBadInputs runs every case of the bad-input suite: each ends in its
// documented outcome, and none with a panic, a partial output or a
// changed input.
// heavyBad are the bad inputs that take a second or more: skipped under
// -short.
var heavyBad = map[string]bool{
	"20,000 links in a paragraph": true, "100,000 headings": true, "10,000 notes": true,
	"5,000 chapters with a page list": true, "an include bomb": true, "a 20 MB one-line paragraph": true,
}

func TestBadInputs(t *testing.T) {
	for _, tc := range badCases {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && heavyBad[tc.name] {
				t.Skip("takes seconds; skipped under -short")
			}
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
				if tc.check != nil {
					tc.check(t, dir)
				}
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
// nothing forbidden. (pkg/internal/testkit/validate, with pdfcpu, is out of this
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
