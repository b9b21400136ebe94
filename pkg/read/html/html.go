// Package html reads web pages (HTML5, and XHTML) into the document
// model: the page's main content, its headings nesting into sections by
// level, footnotes as the web writes them turned into notes, and the
// metadata of its head. Navigation, banners, footers, sidebars, cookie
// notices, scripts, styles and forms are left out; every decision is
// logged (galley -v), and --select picks the content by CSS selector
// instead. Nothing is fetched: images are read from the page's folder by
// the renderers.
//
// The mapping from HTML to the model (Converter: convert.go, blocks.go,
// inlines.go, tables.go, images.go, notes.go, and word.go for Word's
// HTML) is shared with the Markdown reader's raw HTML.
package html

import (
	"context"
	"fmt"
	"io"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
)

// Config configures a Reader. The zero value finds the main content.
type Config struct {
	// Select is a CSS selector for the content to read (every element it
	// matches, in order), instead of finding the main content.
	Select string `option:"select" help:"HTML: read the elements matching the CSS SELECTOR instead of finding the page's main content"`
}

// Reader reads HTML.
type Reader struct{ cfg Config }

// New returns an HTML reader.
func New(cfg Config) *Reader { return &Reader{cfg: cfg} }

// Config returns a copy of the reader's configuration; see
// read.Configurable.
func (r *Reader) Config() any { c := r.cfg; return &c }

// WithConfig returns a reader with cfg, a *Config.
func (r *Reader) WithConfig(cfg any) read.Reader { return New(*cfg.(*Config)) }

func init() {
	read.Register(read.Format{Name: "html", Exts: []string{".html", ".htm", ".xhtml"}, Aliases: []string{"html5", "xhtml"}}, New(Config{}))
}

// Read reads a web page (UTF-8; publish decodes a page that declares
// another charset).
func (r *Reader) Read(ctx context.Context, in io.Reader, opts *read.Options) (*doc.Document, error) {
	if opts == nil {
		opts = &read.Options{}
	}
	data, err := io.ReadAll(in)
	if err != nil {
		return nil, err
	}
	d, err := ReadPage(data, Page{
		Select: r.cfg.Select,
		Warn:   func(err error) { opts.Warnf(0, "%w", err) },
		Log:    func(msg string) { opts.Logf(0, "%s", msg) },
		Drop:   opts.Dropped,
	})
	if err != nil {
		return nil, &read.Error{File: opts.Name, Err: fmt.Errorf("html: %w", err)}
	}
	return d, nil
}
