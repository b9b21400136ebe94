// Package galley turns documents into PDF, EPUB 3, HTML, Markdown and
// plain text, with no external engine. The common case is one call:
//
//	err := galley.Convert(ctx, strings.NewReader(markdown), &pdf,
//		galley.From("markdown"), galley.To("pdf"))
//
// Convert reads a document, applies the standard transforms (section
// ids, note numbers, the language, a title), and renders it. Read and
// Render do the two halves, for a program that looks at or builds the
// document in between (package doc is the model). Options say the
// formats, the files a document may refer to (WithFS: images, fonts,
// stylesheets, confined to that file system), and each format's
// settings, typed (WithConfig(pdf.Config{Paper: "a5"})) or as galley.yaml
// and the command line give them (Set("pdf", "paper", "a5")). A setting
// no format has, or a value it cannot use, is an error before anything
// is read or written.
//
// Every format galley has is registered: the readers markdown, html,
// text and json, the renderers pdf, epub, html, text, markdown, gfm,
// commonmark and json. Package publish is the machinery below, with the
// project system (galley.yaml, builds, the cache).
package galley

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/publish"
)

// Option configures Convert, Read and Render.
type Option func(*config) error

type config struct {
	from, to string
	job      publish.Job
	env      publish.Env
}

// From names the input format: markdown (or gfm, commonmark), html,
// text, json. Convert and Read need it.
func From(format string) Option {
	return func(c *config) error { c.from = format; return nil }
}

// To names the output format: pdf, epub, html, text, markdown, gfm,
// commonmark, json. Convert and Render need it.
func To(format string) Option {
	return func(c *config) error { c.to = format; return nil }
}

// WithFS gives the files a document may refer to (images, a cover, the
// chapters of a book) and the options may name (fonts, stylesheets,
// pattern files), by slash-separated names in fsys; nothing else is
// read. Without it, none are: a document is read from its reader alone.
func WithFS(fsys fs.FS) Option {
	return func(c *config) error { c.env.FS = fsys; return nil }
}

// WithDir says which folder of the file system (WithFS) the document
// comes from: its references to images are relative to it.
func WithDir(dir string) Option {
	return func(c *config) error { c.env.Dir = dir; return nil }
}

// Set sets an option by its galley.yaml key, in its scope: "" for the
// options every format takes (toc, toc-depth, drop-lines), else a
// format's name: Set("pdf", "font-size", "11"). A list or a mapping
// takes several values ("regular=Serif.ttf").
func Set(scope, key string, values ...string) Option {
	return func(c *config) error {
		if c.job.Options == nil {
			c.job.Options = publish.Settings{}
		}
		prev := c.job.Options.Get(scope, key)
		c.job.Options.Set(scope, key, append(prev, values...)...)
		return nil
	}
}

// WithConfig gives a format's configuration, typed: a pdf.Config,
// html.Config, epub.Config, text.Config… (by value or
// pointer). Options given with Set apply over it.
func WithConfig(cfg any) Option {
	return func(c *config) error {
		if cfg == nil {
			return errors.New("galley: WithConfig(nil)")
		}
		c.job.Configs = append(c.job.Configs, cfg)
		return nil
	}
}

// WithMeta sets a metadata field over the document's own, by key
// (title, author, lang, date, publisher, …, or a key of one's own).
func WithMeta(key, value string) Option {
	return func(c *config) error { return c.job.Meta.Set(key, value) }
}

// WithWarnings receives the warnings: what was dropped or degraded
// (an image left out, characters no font has). Each is a
// *diag.Diagnostic (errors.As), with a position where it has one and a
// code a program can match ("missing-glyph", "no-hyphenation"…); so is
// an error Convert, Read or Render returns at a position.
func WithWarnings(warn func(error)) Option {
	return func(c *config) error { c.env.Warn = warn; return nil }
}

// Strict makes the warnings a format can check (characters no font has,
// an image that cannot be embedded) errors.
func Strict() Option {
	return func(c *config) error { c.env.Strict = true; return nil }
}

// WithModified sets the date EPUB and PDF files record; without it, the
// document's date, else a fixed date: never the clock.
func WithModified(t time.Time) Option {
	return func(c *config) error { c.env.Modified = t; return nil }
}

// WithLimits bounds what is read and what a document may hold; the zero
// fields keep the defaults.
func WithLimits(l publish.Limits) Option {
	return func(c *config) error { c.env.Limits = l; return nil }
}

func configure(opts []Option) (*config, error) {
	c := &config{}
	c.env.FS = emptyFS{}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if err := publish.CheckSettings(c.job.Options); err != nil {
		return nil, fmt.Errorf("galley: %w", err)
	}
	if err := publish.CheckConfigs(c.job.Configs); err != nil {
		return nil, fmt.Errorf("galley: %w", err)
	}
	return c, nil
}

// Convert reads a document from r in the format From names and writes
// it to w in the format To names.
func Convert(ctx context.Context, r io.Reader, w io.Writer, opts ...Option) error {
	c, err := configure(opts)
	if err != nil {
		return err
	}
	if c.from == "" || c.to == "" {
		return errors.New("galley: Convert needs From(format) and To(format)")
	}
	c.job.Inputs, c.job.From = []string{"-"}, c.from
	c.job.Outputs = []publish.Output{{Path: "-", Format: c.to}}
	c.env.Stdin, c.env.Stdout = r, w
	_, err = publish.Convert(ctx, &c.job, &c.env)
	return err
}

// Read reads a document from r in the format From names, with the
// standard transforms applied.
func Read(ctx context.Context, r io.Reader, opts ...Option) (*doc.Document, error) {
	c, err := configure(opts)
	if err != nil {
		return nil, err
	}
	if c.from == "" {
		return nil, errors.New("galley: Read needs From(format)")
	}
	c.job.Inputs, c.job.From = []string{"-"}, c.from
	c.env.Stdin = r
	return publish.Read(ctx, &c.job, &c.env)
}

// Render writes d to w in the format To names. It does not change d.
func Render(ctx context.Context, w io.Writer, d *doc.Document, opts ...Option) error {
	c, err := configure(opts)
	if err != nil {
		return err
	}
	if c.to == "" {
		return errors.New("galley: Render needs To(format)")
	}
	return publish.Render(ctx, w, d, c.to, &c.job, &c.env)
}

// emptyFS is the file system of a conversion given none: it holds
// nothing.
type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
