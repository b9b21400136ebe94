package book

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/read/markdown"
)

// MdBook is an mdBook book (https://rust-lang.github.io/mdBook/) as its
// chapters are read: through a file system confined to the book's folder
// (or a project folder the user named), with every file read bounded.
type MdBook struct {
	// FS holds the book's files; the names below are names in it.
	FS fs.FS
	// Shown returns a name in FS as the user knows the file, for
	// messages.
	Shown func(name string) string
	// Outside names what FS is, for the message about a chapter or an
	// include that leads outside it: "the book's folder docs; name a
	// wider project folder with --root DIR".
	Outside string
	// Limit is how many bytes of text the book may take in, the text its
	// {{#include}}s add counted: a small book whose files include one
	// another many times cannot grow without bound.
	Limit int64
	// ReadFile reads a file of FS, bounded, with an error that says
	// what to do; what says what the file is ("chapter", "included
	// file").
	ReadFile func(name, what string) ([]byte, error)
	// Warn, if set, is told of an include that cannot be made (the
	// book is made without it).
	Warn func(error)
}

// Chapter is a chapter's Markdown, its {{#include}}s resolved.
type Chapter struct {
	// File is its name in FS.
	File string
	// Depth is 1 for a chapter at the summary's top level, 2 for one
	// nested in it, and so on.
	Depth int
	// Title is its name in the summary.
	Title string
	Text  []byte
}

// Chapters reads the chapters that summary (SUMMARY.md's name in FS,
// holding data) lists, in order, with their {{#include}}s resolved.
func (b *MdBook) Chapters(ctx context.Context, summary string, data []byte) ([]Chapter, error) {
	list, err := markdown.ReadSummary(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", b.Shown(summary), err)
	}
	src := path.Dir(summary)
	inc := &includer{MdBook: b, left: b.Limit, raw: map[string][]byte{}}
	var out []Chapter
	for _, ch := range list {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name, err := files.Join(src, ch.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: chapter %q lies outside %s", b.Shown(summary), ch.Path, b.Outside)
		}
		text, err := inc.read(name, "chapter")
		if err != nil {
			return nil, fmt.Errorf("%s: %s", b.Shown(summary), strings.TrimPrefix(err.Error(), "publish: "))
		}
		if text, err = inc.expand(ctx, text, name, []string{name}); err != nil {
			return nil, err
		}
		text = hideRustLines(text)
		out = append(out, Chapter{File: name, Depth: ch.Depth, Title: ch.Title, Text: text})
	}
	return out, nil
}

// maxIncludeDepth is how deep {{#include}}s may nest: mdBook's own
// limit.
const maxIncludeDepth = 10

// includer resolves a book's {{#include}}s. The text they add to the
// book counts against the input size limit, so that a small book whose
// files include one another many times cannot grow without bound.
type includer struct {
	*MdBook
	left int64 // bytes the book may still take in
	raw  map[string][]byte
}

// read reads a file of the book (once), counting it against the limit.
func (inc *includer) read(name, what string) ([]byte, error) {
	data, ok := inc.raw[name]
	if !ok {
		var err error
		if data, err = inc.ReadFile(name, what); err != nil {
			return nil, err
		}
		inc.raw[name] = data
	}
	return data, nil
}

// spend counts n bytes of text taken into the book.
func (inc *includer) spend(n int, chain []string) error {
	if inc.left -= int64(n); inc.left < 0 {
		return fmt.Errorf("%s: {{#include}}s make the book larger than %s, the input size limit (through %s); raise it with --max-input-size", inc.Shown(chain[0]), files.Size(inc.Limit), inc.chain(chain))
	}
	return nil
}

func (inc *includer) chain(chain []string) string {
	shown := make([]string, len(chain))
	for i, c := range chain {
		shown[i] = inc.Shown(c)
	}
	return strings.Join(shown, " → ")
}

// directive matches mdBook's {{#include …}}, {{#rustdoc_include …}},
// {{#playground …}} and {{#title …}}, and their escaped form \{{#…}}.
var directive = regexp.MustCompile(`\\?\{\{#(include|rustdoc_include|playground|title)\s+([^}]*?)\s*\}\}`)

// expand resolves mdBook's directives in text, the file file of the
// book; chain is how it was reached:
//
//   - {{#include file}}, {{#include file:anchor}} and {{#include
//     file:FROM:TO}} (lines) put the file's text (or the part named) in
//     place;
//   - {{#rustdoc_include …}} the same (the lines outside the part, which
//     mdBook shows only on request, are left out);
//   - {{#playground file}} the file as a Rust code block;
//   - {{#title …}} (the browser tab's title) nothing.
//
// An escaped \{{#…}} stays as written, less its backslash. An include
// that cannot be made (a missing file, one outside the book's folder, an
// anchor not found) is a warning with the file and line, and is left
// out; includes nest at most maxIncludeDepth deep, never in a cycle,
// and the text they add counts against the size limit: those are errors.
func (inc *includer) expand(ctx context.Context, text []byte, file string, chain []string) ([]byte, error) {
	if err := inc.spend(len(text), chain); err != nil {
		return nil, err
	}
	if !bytes.Contains(text, []byte("{{#")) {
		return text, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []byte
	last := 0
	for _, m := range directive.FindAllSubmatchIndex(text, -1) {
		out = append(out, text[last:m[0]]...)
		last = m[1]
		if text[m[0]] == '\\' {
			out = append(out, text[m[0]+1:m[1]]...)
			continue
		}
		kind, arg := string(text[m[2]:m[3]]), string(text[m[4]:m[5]])
		line := 1 + bytes.Count(text[:m[0]], []byte("\n"))
		if kind == "title" {
			continue
		}
		part, err := inc.include(ctx, file, line, kind, arg, chain)
		if err != nil {
			return nil, err
		}
		// What is included is not counted twice: spend counted it as
		// the included text was expanded.
		inc.left += int64(m[1] - m[0])
		out = append(out, part...)
	}
	return append(out, text[last:]...), nil
}

// include makes one include of file (at line), or warns and gives
// nothing.
func (inc *includer) include(ctx context.Context, file string, line int, kind, arg string, chain []string) ([]byte, error) {
	where := fmt.Sprintf("%s:%d: {{#%s %s}}", inc.Shown(file), line, kind, arg)
	skip := func(why string) ([]byte, error) {
		if inc.Warn != nil {
			inc.Warn(fmt.Errorf("%s: %s; left out", where, why))
		}
		return nil, nil
	}
	fields := strings.Fields(arg)
	if len(fields) == 0 {
		return skip("it names no file")
	}
	target, sel, _ := strings.Cut(fields[0], ":")
	name, err := files.Join(path.Dir(file), target)
	if err != nil {
		return skip("the file lies outside " + inc.Outside)
	}
	if i := slices.Index(chain, name); i >= 0 {
		return nil, fmt.Errorf("%s: the files include one another: %s", where, inc.chain(append(chain[i:], name)))
	}
	if len(chain) > maxIncludeDepth {
		return nil, fmt.Errorf("%s: {{#include}}s nest more than %d deep (as in mdBook): %s", inc.Shown(chain[0]), maxIncludeDepth, inc.chain(append(chain, name)))
	}
	data, err := inc.read(name, "included file")
	if err != nil {
		return skip(strings.TrimPrefix(err.Error(), "publish: "))
	}
	part, err := selectLines(data, sel)
	if err != nil {
		return skip(err.Error())
	}
	if part, err = inc.expand(ctx, part, name, append(slices.Clip(chain), name)); err != nil {
		return nil, err
	}
	if kind == "playground" {
		part = append(append([]byte("```rust\n"), bytes.TrimRight(part, "\n")...), "\n```"...)
	}
	return part, nil
}

// hideRustLines leaves out of the Rust code blocks of a chapter the
// lines rustdoc and mdBook hide ("# use std::io;", a lone "#"), and
// unescapes "##" at a line's start to "#", as mdBook shows them.
func hideRustLines(text []byte) []byte {
	if !bytes.Contains(text, []byte("```")) {
		return text
	}
	lines := bytes.SplitAfter(text, []byte("\n"))
	out := make([]byte, 0, len(text))
	fence, rust := "", false
	for _, l := range lines {
		t := bytes.TrimLeft(l, " \t")
		if fence == "" {
			if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
				n := 0
				for n < len(t) && t[n] == t[0] {
					n++
				}
				fence = string(t[:n])
				info := strings.ToLower(strings.TrimSpace(string(t[n:])))
				lang, _, _ := strings.Cut(strings.NewReplacer(",", " ", "{", " ", ".", " ").Replace(info), " ")
				rust = lang == "rust"
			}
			out = append(out, l...)
			continue
		}
		if bytes.HasPrefix(t, []byte(fence)) && len(bytes.TrimSpace(bytes.TrimLeft(t, fence[:1]))) == 0 {
			fence, rust = "", false
			out = append(out, l...)
			continue
		}
		if rust {
			body := bytes.TrimRight(t, "\r\n")
			switch {
			case bytes.Equal(body, []byte("#")) || bytes.HasPrefix(body, []byte("# ")):
				continue // hidden
			case bytes.HasPrefix(body, []byte("##")):
				i := bytes.Index(l, []byte("##"))
				l = append(append(append([]byte(nil), l[:i]...), '#'), l[i+2:]...)
			}
		}
		out = append(out, l...)
	}
	return out
}

var anchorLine = regexp.MustCompile(`ANCHOR(?:_END)?:\s*([\w-]+)`)

// selectLines picks what an include selects: all ("" ), an anchor's lines
// (between "ANCHOR: name" and "ANCHOR_END: name"), or lines FROM:TO
// (1-based, either may be empty). Anchor marker lines never show.
func selectLines(data []byte, sel string) ([]byte, error) {
	lines := strings.SplitAfter(string(data), "\n")
	keep := func(ls []string) []byte {
		var b strings.Builder
		for _, l := range ls {
			if !anchorLine.MatchString(l) {
				b.WriteString(l)
			}
		}
		s := b.String()
		return []byte(strings.TrimSuffix(s, "\n"))
	}
	if sel == "" {
		return keep(lines), nil
	}
	from, to, ranged := strings.Cut(sel, ":")
	if n, err := strconv.Atoi(from); err == nil || (ranged && from == "") {
		start, end := 1, len(lines)
		if err == nil {
			start = n
		}
		if ranged && to != "" {
			if end, err = strconv.Atoi(to); err != nil {
				return nil, fmt.Errorf("bad line range %q", sel)
			}
		} else if !ranged {
			end = start
		}
		start, end = max(start, 1), min(end, len(lines))
		if start > end {
			return nil, nil
		}
		return keep(lines[start-1 : end]), nil
	}
	in := false
	var picked []string
	found := false
	for _, l := range lines {
		if m := anchorLine.FindStringSubmatch(l); m != nil && m[1] == sel {
			if strings.Contains(l, "ANCHOR_END") {
				in = false
			} else {
				in, found = true, true
			}
			continue
		}
		if in {
			picked = append(picked, l)
		}
	}
	if !found {
		return nil, fmt.Errorf("no anchor %q in the file", sel)
	}
	return keep(picked), nil
}
