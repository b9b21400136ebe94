package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/read/markdown"
	"github.com/galleypress/galley/pkg/transform"
)

// isBook reports whether an input is an mdBook book: its book.toml or
// its SUMMARY.md.
func isBook(in string) bool {
	base := filepath.Base(in)
	return base == "book.toml" || base == "SUMMARY.md"
}

// readBook reads an mdBook book: the chapters its summary lists, in
// order, each nested as deep as the summary nests it (a chapter's "#"
// under a chapter one level up becomes "##"), with {{#include}}
// resolved. The metadata comes from book.toml.
//
// Everything is read through the book's folder (book.toml's) as a root
// of its own: no chapter, include or link in them reaches outside it,
// even where the project is larger (mdBook reads "../listings" beside
// src/, which is inside). A project folder the user names (--root,
// --allow-outside) widens that to it: mdBook's own guide includes
// files from beside the book.
func readBook(ctx context.Context, in string, job *Job, pr *projectFS) ([]*part, error) {
	name, err := pr.name(in, "input")
	if err != nil {
		return nil, err
	}
	// The book's folder, in the project and as the user sees it.
	bookName, shownDir := path.Dir(name), filepath.Dir(in)
	if path.Base(name) == "SUMMARY.md" && bookName != "." {
		if st, err := fs.Stat(pr.fsys, path.Join(path.Dir(bookName), "book.toml")); err == nil && st.Mode().IsRegular() {
			bookName, shownDir = path.Dir(bookName), filepath.Dir(shownDir)
		}
	}
	// What the book is read through, and where the book's folder is in
	// it (home); names below are in it.
	book, home := fs.FS(pr.fsys), bookName
	shown := func(n string) string { return filepath.Join(pr.shown, filepath.FromSlash(n)) }
	inProject := func(n string) string { return n }
	folder := "the project folder " + pr.shown + "; move it in, name a wider one with --root DIR, or allow it with --allow-outside"
	if pr.env.Root == "" || pr.env.BookFolderOnly {
		sub, closeBook, err := pr.fsys.Sub(bookName)
		if err != nil {
			return nil, pr.fileError(shownDir, "book folder", err)
		}
		defer closeBook()
		book, home = sub, "."
		shown = func(n string) string { return filepath.Join(shownDir, filepath.FromSlash(n)) }
		inProject = func(n string) string { return path.Join(bookName, n) }
		folder = "the book's folder " + shownDir + "; name a wider project folder with --root DIR"
	}
	summary := path.Join(home, path.Base(name))
	if path.Base(name) == "SUMMARY.md" && path.Dir(name) != bookName {
		summary = path.Join(home, path.Base(path.Dir(name)), "SUMMARY.md")
	}
	var cfg *markdown.BookConfig
	if path.Base(name) == "book.toml" {
		data, err := pr.readFrom(book, path.Join(home, "book.toml"), in, "input", folder)
		if err != nil {
			return nil, err
		}
		if cfg, err = markdown.ReadBookConfig(data); err != nil {
			// "book.toml:3: …", named as the user named it.
			return nil, errors.New(in + strings.TrimPrefix(err.Error(), "book.toml"))
		}
		if summary, err = files.Join(home, path.Join(filepath.ToSlash(cfg.Src), "SUMMARY.md")); err != nil {
			return nil, fmt.Errorf("%s: src = %q leads outside %s", in, cfg.Src, folder)
		}
	}
	data, err := pr.readFrom(book, summary, shown(summary), "input", folder)
	if err != nil {
		return nil, err
	}
	chapters, err := markdown.ReadSummary(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown(summary), err)
	}
	src := path.Dir(summary)
	inc := &includer{pr: pr, book: book, shown: shown, folder: folder, left: pr.env.maxInput(), raw: map[string][]byte{}}
	var parts []*part
	for _, ch := range chapters {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		chName, err := files.Join(src, ch.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: chapter %q lies outside %s", shown(summary), ch.Path, folder)
		}
		text, err := inc.read(chName, "chapter")
		if err != nil {
			return nil, fmt.Errorf("%s: %s", shown(summary), strings.TrimPrefix(err.Error(), "publish: "))
		}
		if text, err = inc.expand(ctx, text, chName, []string{chName}); err != nil {
			return nil, err
		}
		d, err := readData(shown(chName), shown(chName), text, &Job{From: "markdown", Encoding: job.Encoding, Options: job.Options}, pr)
		if err != nil {
			return nil, err
		}
		transform.ShiftHeadings(d, ch.Depth-1)
		parts = append(parts, newPart(shown(chName), inProject(chName), d))
	}
	if cfg != nil {
		cfg.Meta.Override(&parts[0].d.Meta)
		parts[0].d.Meta = cfg.Meta
	}
	return parts, nil
}

// maxIncludeDepth is how deep {{#include}}s may nest: mdBook's own
// limit.
const maxIncludeDepth = 10

// includer resolves a book's {{#include}}s. The text they add to the
// book counts against the input size limit, so that a small book whose
// files include one another many times cannot grow without bound.
type includer struct {
	pr     *projectFS
	book   fs.FS
	shown  func(string) string
	folder string
	left   int64 // bytes the book may still take in
	raw    map[string][]byte
}

// read reads a file of the book (once), counting it against the limit.
func (inc *includer) read(name, what string) ([]byte, error) {
	data, ok := inc.raw[name]
	if !ok {
		var err error
		if data, err = inc.pr.readFrom(inc.book, name, inc.shown(name), what, inc.folder); err != nil {
			return nil, err
		}
		inc.raw[name] = data
	}
	return data, nil
}

// spend counts n bytes of text taken into the book.
func (inc *includer) spend(n int, chain []string) error {
	if inc.left -= int64(n); inc.left < 0 {
		return fmt.Errorf("%s: {{#include}}s make the book larger than %s, the input size limit (through %s); raise it with --max-input-size", inc.shown(chain[0]), files.Size(inc.pr.env.maxInput()), inc.chain(chain))
	}
	return nil
}

func (inc *includer) chain(chain []string) string {
	shown := make([]string, len(chain))
	for i, c := range chain {
		shown[i] = inc.shown(c)
	}
	return strings.Join(shown, " → ")
}

var includeRe = regexp.MustCompile(`\\?\{\{#(?:include|rustdoc_include)\s+([^}\s]+)\s*\}\}`)

// expand resolves mdBook's {{#include file}}, {{#include file:anchor}}
// and {{#include file:FROM:TO}} (lines), and {{#rustdoc_include}} as an
// include, in text, the file file of the book; chain is how it was
// reached. An escaped \{{#include}} stays as written, less its
// backslash. Includes nest at most maxIncludeDepth deep, never in a
// cycle.
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
	var err error
	out := includeRe.ReplaceAllFunc(text, func(m []byte) []byte {
		if err != nil {
			return nil
		}
		if m[0] == '\\' {
			return m[1:]
		}
		arg := string(includeRe.FindSubmatch(m)[1])
		target, sel, _ := strings.Cut(arg, ":")
		name, jerr := files.Join(path.Dir(file), target)
		if jerr != nil {
			err = fmt.Errorf("%s: {{#include %s}}: the file lies outside %s", inc.shown(file), arg, inc.folder)
			return nil
		}
		if i := slices.Index(chain, name); i >= 0 {
			err = fmt.Errorf("%s: {{#include %s}}: the files include one another: %s", inc.shown(file), arg, inc.chain(append(chain[i:], name)))
			return nil
		}
		if len(chain) > maxIncludeDepth {
			err = fmt.Errorf("%s: {{#include}}s nest more than %d deep (as in mdBook): %s", inc.shown(chain[0]), maxIncludeDepth, inc.chain(append(chain, name)))
			return nil
		}
		var data []byte
		if data, err = inc.read(name, "included file"); err != nil {
			err = fmt.Errorf("%s: {{#include %s}}: %s", inc.shown(file), arg, strings.TrimPrefix(err.Error(), "publish: "))
			return nil
		}
		var part []byte
		if part, err = selectLines(data, sel); err != nil {
			err = fmt.Errorf("%s: {{#include %s}}: %w", inc.shown(file), arg, err)
			return nil
		}
		// What is included is not counted twice: spend counts it as
		// the included text is expanded.
		inc.left += int64(len(m))
		if part, err = inc.expand(ctx, part, name, append(slices.Clip(chain), name)); err != nil {
			return nil
		}
		return part
	})
	return out, err
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
