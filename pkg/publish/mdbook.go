package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/galleypress/galley/pkg/book"
	"github.com/galleypress/galley/pkg/diag"
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
func readBook(ctx context.Context, in string, job *Job, pr *projectFS) ([]*book.Part, error) {
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
	bk, home := fs.FS(pr.fsys), bookName
	shown := func(n string) string { return filepath.Join(pr.shown, filepath.FromSlash(n)) }
	inProject := func(n string) string { return n }
	folder := "the project folder " + pr.shown + "; move it in, name a wider one with --root DIR, or allow it with --allow-outside"
	if pr.env.Root == "" || pr.env.BookFolderOnly {
		sub, closeBook, err := pr.fsys.Sub(bookName)
		if err != nil {
			return nil, pr.fileError(shownDir, "book folder", err)
		}
		defer closeBook()
		bk, home = sub, "."
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
		data, err := pr.readFrom(bk, path.Join(home, "book.toml"), in, "input", folder)
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
	data, err := pr.readFrom(bk, summary, shown(summary), "input", folder)
	if err != nil {
		return nil, err
	}
	mb := &book.MdBook{FS: bk, Shown: shown, Outside: folder, Limit: pr.env.maxInput(),
		Warn: func(err error) {
			if pr.env.Warn != nil {
				pr.env.Warn(diag.Warnf("include-dropped", "%v", err))
			}
		},
		ReadFile: func(name, what string) ([]byte, error) { return pr.readFrom(bk, name, shown(name), what, folder) }}
	chapters, err := mb.Chapters(ctx, summary, data)
	if err != nil {
		return nil, err
	}
	var parts []*book.Part
	for _, ch := range chapters {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, err := readData(shown(ch.File), shown(ch.File), ch.Text, &Job{From: "markdown", Encoding: job.Encoding, Options: job.Options}, pr)
		if err != nil {
			return nil, err
		}
		transform.ShiftHeadings(d, ch.Depth-1)
		parts = append(parts, book.NewPart(shown(ch.File), inProject(ch.File), d))
	}
	if cfg != nil {
		cfg.Meta.Override(&parts[0].Doc.Meta)
		parts[0].Doc.Meta = cfg.Meta
	}
	return parts, nil
}
