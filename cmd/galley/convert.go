package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/render"
)

func convert(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		outputs, authors, metas, drops, notHeadings multi
		to, from, title, lang, date, encoding       string
		textStyle, css                              string
		toc, verbose, strict                        bool
		tocDepth, splitLevel                        int
		paper, margins, hyphenation                 string
		fontSize                                    float64
		ragged, noTitlePage, noChapterPages         bool
		fonts                                       multi
	)
	fs.Var(&outputs, "o", "write `FILE` (repeatable; the extension gives the format; - is standard output)")
	fs.StringVar(&to, "t", "", "output `FORMAT` for standard output or files without a known extension")
	fs.StringVar(&to, "to", "", "same as -t")
	fs.StringVar(&from, "f", "", "input `FORMAT` (markdown, text, json); default from the extension")
	fs.StringVar(&from, "from", "", "same as -f")
	fs.StringVar(&title, "title", "", "set the title")
	fs.StringVar(&lang, "lang", "", "set the language (BCP 47: nl, en-GB)")
	fs.Var(&authors, "author", "add an `AUTHOR` (repeatable)")
	fs.StringVar(&date, "date", "", "set the date (2023-09-19)")
	fs.Var(&metas, "meta", "set metadata `KEY=VALUE` (repeatable)")
	fs.BoolVar(&toc, "toc", false, "add a table of contents")
	fs.IntVar(&tocDepth, "toc-depth", 3, "levels in the table of contents")
	fs.Var(&drops, "drop-line", "remove input lines equal to `TEXT` (repeatable)")
	fs.StringVar(&encoding, "encoding", "", "input encoding `NAME` (windows-1252, latin1, utf-16le…); default UTF-8")
	fs.StringVar(&textStyle, "text-style", "auto", "plain-text layout: auto, lines (one line per paragraph) or wrapped")
	fs.Var(&notHeadings, "not-heading", "plain text: the line `TEXT` is not a heading (repeatable)")
	fs.StringVar(&css, "css", "", "stylesheet `FILE` for HTML and EPUB, replacing the built-in one")
	fs.IntVar(&splitLevel, "split-level", 1, "EPUB: the deepest section `LEVEL` that starts a file of its own")
	fs.StringVar(&paper, "paper", "a4", "PDF: paper size, a4, a5 or letter")
	fs.Float64Var(&fontSize, "font-size", 10.5, "PDF: body size in `POINTS`")
	fs.StringVar(&margins, "margins", "", "PDF: page margins in mm, `TOP,RIGHT,BOTTOM,LEFT` (0 keeps a default)")
	fs.BoolVar(&ragged, "ragged", false, "PDF: ragged-right instead of justified paragraphs")
	fs.BoolVar(&noTitlePage, "no-title-page", false, "PDF: leave out the title page")
	fs.BoolVar(&noChapterPages, "no-chapter-pages", false, "PDF: let top-level sections start mid-page")
	fs.Var(&fonts, "font", "PDF: font file for a face, `FACE=FILE` (regular, bold, italic, bolditalic, mono); repeatable")
	fs.StringVar(&hyphenation, "hyphenation", "", "PDF: hyphenation pattern `FILE` (hyph_*.dic), instead of the built-in nl and en patterns")
	var lf limitFlags
	lf.register(fs)
	fs.BoolVar(&verbose, "v", false, "report the readers' decisions (headings found and why)")
	fs.BoolVar(&strict, "strict", false, "treat warnings a renderer can check (missing glyphs) as errors")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: galley convert [flags] INPUT...\n\nReads INPUT (several are joined in order; - reads standard input) and writes\nevery -o FILE.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	inputs, err := parse(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(inputs) == 0 {
		return usageError(stderr, "convert: no input; give a file, or - for standard input")
	}
	if len(outputs) == 0 {
		if to == "" {
			return usageError(stderr, "convert: no output; add -o FILE, or -t FORMAT to write to standard output")
		}
		outputs = multi{"-"}
	}
	job := &publish.Job{
		Inputs: inputs, From: from, Encoding: encoding, TOC: toc, TOCDepth: tocDepth,
		Text: publish.TextOptions{Drop: drops, Style: textStyle, NotHeadings: notHeadings},
		HTML: publish.HTMLOptions{CSS: css},
		EPUB: publish.EPUBOptions{SplitLevel: splitLevel},
		Meta: doc.Meta{Title: title, Lang: lang, Date: date, Authors: authors},
	}
	job.PDF = publish.PDFOptions{Paper: paper, FontSize: fontSize, Ragged: ragged, NoTitlePage: noTitlePage,
		NoChapterPages: noChapterPages, Hyphenation: hyphenation}
	if margins != "" {
		m, err := publish.ParseMargins(margins)
		if err != nil {
			return usageError(stderr, "convert: --margins: %v", err)
		}
		job.PDF.Margins = m
	}
	for _, f := range fonts {
		face, file, ok := strings.Cut(f, "=")
		if !ok || !slices.Contains(publish.FontFaces, face) {
			return usageError(stderr, "convert: --font %q: want FACE=FILE with FACE one of %s", f, strings.Join(publish.FontFaces, ", "))
		}
		if job.PDF.Fonts == nil {
			job.PDF.Fonts = map[string]string{}
		}
		job.PDF.Fonts[face] = file
	}
	for _, kv := range metas {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return usageError(stderr, "convert: --meta %q: want KEY=VALUE", kv)
		}
		setMeta(&job.Meta, strings.TrimSpace(k), v)
	}
	for _, o := range outputs {
		out := publish.Output{Path: o}
		if o == "-" {
			if to == "" {
				return usageError(stderr, "convert: -o - writes standard output and needs -t FORMAT")
			}
			if _, f, err := render.Lookup(to); err == nil && f.Binary && isTerminal(stdout) {
				return usageError(stderr, "convert: refusing to write %s to a terminal; add -o FILE", strings.ToUpper(f.Name))
			}
			out.Format = to
		} else if _, err := render.ForExt(filepath.Ext(o)); err != nil {
			if to == "" {
				return usageError(stderr, "convert: %s: %v", o, err)
			}
			out.Format = to
		}
		job.Outputs = append(job.Outputs, out)
	}
	modified, err := publish.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	limits, err := lf.limits()
	if err != nil {
		return usageError(stderr, "convert: %v", err)
	}
	env := &publish.Env{
		Stdin: stdin, Stdout: stdout, Modified: modified, Strict: strict, Limits: limits,
		Warn: func(err error) { fmt.Fprintf(stderr, "galley: warning: %v\n", err) },
	}
	if verbose {
		env.Log = func(s string) { fmt.Fprintf(stderr, "galley: %s\n", s) }
	}
	if _, err := publish.Convert(ctx, job, env); err != nil {
		return failure(stderr, err)
	}
	return exitOK
}

// setMeta sets a metadata field by its galley.yaml key; other keys become
// extra metadata.
func setMeta(m *doc.Meta, key, value string) {
	switch strings.ToLower(key) {
	case "title":
		m.Title = value
	case "subtitle":
		m.Subtitle = value
	case "author", "authors":
		m.Authors = append(m.Authors, value)
	case "lang", "language":
		m.Lang = value
	case "date":
		m.Date = value
	case "identifier":
		m.Identifier = value
	case "publisher":
		m.Publisher = value
	case "rights":
		m.Rights = value
	case "description":
		m.Description = value
	case "keywords", "keyword":
		for _, k := range strings.Split(value, ",") {
			if k = strings.TrimSpace(k); k != "" {
				m.Keywords = append(m.Keywords, k)
			}
		}
	case "cover":
		m.Cover = value
	default:
		m.Extra = append(m.Extra, doc.Field{Key: key, Value: value})
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
