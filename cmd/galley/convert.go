package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
)

// convertFlags are convert's own flags; the formats' options come from
// their declarations (registerOptions).
type convertFlags struct {
	outputs, authors, metas  multi
	to, from, encoding       string
	title, lang, date        string
	root                     string
	verbose, strict          bool
	allowOutside, allowEmpty bool
	limits                   limitFlags
	options                  *optionFlags
	// pandoc's: -s (HTML is a whole page anyway), --pdf-engine (there
	// is none to choose).
	standalone bool
	pdfEngine  string
}

func convertFlagSet(stderr io.Writer) (*flag.FlagSet, *convertFlags) {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &convertFlags{}
	fs.Var(&c.outputs, "o", "write `FILE` (repeatable; the extension gives the format: .pdf, .epub, .html, .txt, .md, .json; - is standard output)")
	fs.StringVar(&c.to, "t", "", "output `FORMAT` for standard output or files without a known extension: pdf, epub, html, text, markdown, gfm, commonmark, json")
	fs.StringVar(&c.to, "to", "", "same as -t")
	fs.StringVar(&c.from, "f", "", "input `FORMAT`: markdown (also gfm, commonmark), html, text, json, docx, odt; default from the extension")
	fs.StringVar(&c.from, "from", "", "same as -f")
	fs.StringVar(&c.title, "title", "", "set the `TITLE`")
	fs.StringVar(&c.lang, "lang", "", "set the language, a `TAG` (BCP 47: nl, en-GB)")
	fs.Var(&c.authors, "author", "add an `AUTHOR` (repeatable)")
	fs.StringVar(&c.date, "date", "", "set the `DATE` (2023-09-19)")
	fs.Var(&c.metas, "meta", "set metadata `KEY=VALUE` (repeatable): title, subtitle, author, lang, date, identifier, publisher, rights, description, keywords, cover, or a key of your own")
	fs.Var(&c.metas, "M", "set metadata `KEY=VALUE` as --meta does (pandoc's spelling; KEY:VALUE too)")
	fs.Var(&c.metas, "metadata", "same as --meta")
	fs.BoolVar(&c.standalone, "s", false, "accepted for pandoc's sake: HTML is a whole page unless --fragment")
	fs.BoolVar(&c.standalone, "standalone", false, "same as -s")
	fs.StringVar(&c.pdfEngine, "pdf-engine", "", "accepted for pandoc's sake and ignored, with a warning: galley writes PDF itself, no `ENGINE` needed")
	fs.StringVar(&c.encoding, "encoding", "", "input encoding `NAME` (windows-1252, latin1, utf-16le…); default UTF-8")
	c.options = registerOptions(fs)
	c.limits.register(fs)
	fs.StringVar(&c.root, "root", "", "the project folder `DIR`: every file read or written must lie in it (default: the repository the current folder lies in, the nearest folder up with a .git or a galley.yaml, else the current folder; an mdBook's own folder)")
	fs.BoolVar(&c.allowEmpty, "allow-empty", false, "make a document with no content (an empty file, a web page whose content was all taken for page chrome) with a warning, not an error")
	fs.BoolVar(&c.allowOutside, "allow-outside", false, "let the inputs, the documents and the options name files anywhere on the machine (devices and pipes are still refused)")
	fs.BoolVar(&c.verbose, "v", false, "report the readers' decisions (headings found and why)")
	fs.BoolVar(&c.strict, "strict", false, "treat warnings a renderer can check (missing glyphs, images that cannot be embedded) as errors")
	return fs, c
}

func convert(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, c := convertFlagSet(stderr)
	inputs, code, ok := parseFlags(fs, args, "convert", stdout, stderr)
	if !ok {
		return code
	}
	if c.pdfEngine != "" {
		say(stderr, "galley: warning: ", fmt.Sprintf("--pdf-engine %s ignored: galley writes PDF itself, with no external engine", clean(c.pdfEngine)))
	}
	if len(inputs) == 0 {
		return usageError(stderr, "convert: no input; give a file, or - for standard input")
	}
	outputs := c.outputs
	if len(outputs) == 0 {
		if c.to == "" {
			return usageError(stderr, "convert: no output; add -o FILE, or -t FORMAT to write to standard output")
		}
		outputs = multi{"-"}
	}
	job, err := c.job(inputs, outputs, stdout)
	if err != nil {
		return usageError(stderr, "convert: %v", err)
	}
	modified, err := publish.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	limits, err := c.limits.limits()
	if err != nil {
		return usageError(stderr, "convert: %v", err)
	}
	env := &publish.Env{
		Stdin: stdin, Stdout: stdout, Modified: modified, Strict: c.strict, Limits: limits, Root: c.root, AllowEmpty: c.allowEmpty,
		Warn: func(err error) { say(stderr, "galley: warning: ", coded(err)) },
	}
	if c.allowOutside {
		if c.root != "" {
			return usageError(stderr, "convert: --root and --allow-outside do not go together")
		}
		env.Root = string(filepath.Separator)
	}
	if c.verbose {
		env.Log = func(s string) { say(stderr, "galley: ", s) }
	}
	softMemoryLimit(inputSize(inputs))
	if _, err := publish.Convert(ctx, job, env); err != nil {
		return failure(stderr, err)
	}
	return exitOK
}

// job builds the conversion the flags describe.
func (c *convertFlags) job(inputs, outputs []string, stdout io.Writer) (*publish.Job, error) {
	settings, err := c.options.settings()
	if err != nil {
		return nil, err
	}
	job := &publish.Job{Inputs: inputs, From: c.from, Encoding: c.encoding, Options: settings}
	m := &job.Meta
	for _, kv := range []struct{ key, value string }{{"title", c.title}, {"lang", c.lang}, {"date", c.date}} {
		if kv.value != "" {
			if err := m.Set(kv.key, kv.value); err != nil {
				return nil, fmt.Errorf("--%s: %v", kv.key, err)
			}
		}
	}
	for _, a := range c.authors {
		m.Set("author", a)
	}
	for _, kv := range c.metas {
		k, v, ok := strings.Cut(kv, "=")
		if c, w, colon := strings.Cut(kv, ":"); colon && (!ok || len(c) < len(k)) {
			k, v, ok = c, w, true // pandoc's KEY:VALUE
		}
		if !ok || strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("--meta %q: want KEY=VALUE", kv)
		}
		if err := m.Set(strings.TrimSpace(k), v); err != nil {
			return nil, fmt.Errorf("--meta: %v", err)
		}
	}
	if c.from != "" {
		if _, err := read.Lookup(c.from); err != nil {
			return nil, err
		}
	}
	if c.to != "" {
		if _, _, err := render.Lookup(c.to); err != nil {
			return nil, err
		}
	}
	for _, o := range outputs {
		out := publish.Output{Path: o}
		if o == "-" {
			if c.to == "" {
				return nil, fmt.Errorf("-o - writes standard output and needs -t FORMAT")
			}
			if _, f, err := render.Lookup(c.to); err == nil && f.Binary && isTerminal(stdout) {
				return nil, fmt.Errorf("refusing to write %s to a terminal; add -o FILE", strings.ToUpper(f.Name))
			}
			out.Format = c.to
		} else if _, err := render.ForExt(filepath.Ext(o)); err != nil {
			if c.to == "" {
				return nil, fmt.Errorf("%s: %v", o, err)
			}
			out.Format = c.to
		}
		job.Outputs = append(job.Outputs, out)
	}
	return job, nil
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
