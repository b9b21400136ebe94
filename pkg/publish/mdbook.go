package publish

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

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
// under a chapter one level up becomes "##"), with {{#include}} resolved
// inside the book's source folder. The metadata comes from book.toml.
func readBook(ctx context.Context, in string, job *Job, env *Env) ([]*part, error) {
	summary := in
	var cfg *markdown.BookConfig
	if filepath.Base(in) == "book.toml" {
		data, err := env.readFile(in, "input")
		if err != nil {
			return nil, err
		}
		if cfg, err = markdown.ReadBookConfig(data); err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		summary = filepath.Join(filepath.Dir(in), filepath.FromSlash(cfg.Src), "SUMMARY.md")
	}
	data, err := env.readFile(summary, "input")
	if err != nil {
		return nil, err
	}
	chapters, err := markdown.ReadSummary(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", summary, err)
	}
	src := filepath.Dir(summary)
	var parts []*part
	for _, ch := range chapters {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rel := path.Clean(ch.Path)
		if path.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, "../") {
			return nil, fmt.Errorf("%s: chapter %q lies outside the book's folder", summary, ch.Path)
		}
		name := filepath.Join(src, filepath.FromSlash(rel))
		text, err := env.readFile(name, "chapter")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", summary, err)
		}
		if text, err = includes(text, name, src, env, 0); err != nil {
			return nil, err
		}
		d, err := readData(name, name, text, &Job{From: "markdown", Encoding: job.Encoding, Options: job.Options}, env)
		if err != nil {
			return nil, err
		}
		transform.ShiftHeadings(d, ch.Depth-1)
		p, err := newPart(name, "chapter", d, env)
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	if cfg != nil {
		cfg.Meta.Override(&parts[0].d.Meta)
		parts[0].d.Meta = cfg.Meta
	}
	return parts, nil
}

var includeRe = regexp.MustCompile(`\{\{#(?:include|rustdoc_include)\s+([^}\s]+)\s*\}\}`)

// includes resolves mdBook's {{#include file}}, {{#include file:anchor}}
// and {{#include file:FROM:TO}} (lines) in a chapter, recursively (up to
// ten levels), reading only files inside the book's source folder.
func includes(text []byte, file, src string, env *Env, depth int) ([]byte, error) {
	if !bytes.Contains(text, []byte("{{#")) {
		return text, nil
	}
	if depth >= 10 {
		return nil, fmt.Errorf("%s: {{#include}} nested more than ten deep", file)
	}
	var err error
	out := includeRe.ReplaceAllFunc(text, func(m []byte) []byte {
		if err != nil {
			return nil
		}
		arg := string(includeRe.FindSubmatch(m)[1])
		target, sel, _ := strings.Cut(arg, ":")
		name := filepath.Clean(filepath.Join(filepath.Dir(file), filepath.FromSlash(target)))
		absSrc, _ := filepath.Abs(src)
		absName, _ := filepath.Abs(name)
		if !inside(absSrc, absName) {
			err = fmt.Errorf("%s: {{#include %s}}: the file lies outside the book's folder %s", file, arg, src)
			return nil
		}
		var data []byte
		if data, err = env.readFile(name, "included file"); err != nil {
			err = fmt.Errorf("%s: {{#include %s}}: %w", file, arg, err)
			return nil
		}
		if data, err = includes(data, name, src, env, depth+1); err != nil {
			return nil
		}
		var part []byte
		if part, err = selectLines(data, sel); err != nil {
			err = fmt.Errorf("%s: {{#include %s}}: %w", file, arg, err)
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
