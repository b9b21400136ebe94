// Package render defines how galley writes documents: the Renderer
// interface, the options every renderer accepts, the Format descriptor and
// the registry of output formats. Renderer packages register themselves in
// init:
//
//	import _ "github.com/galleypress/galley/pkg/render/html"
//
// The JSON form of package doc is registered here as format "json".
package render

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/internal/highlight"
	"github.com/galleypress/galley/pkg/theme"
)

// Renderer writes a document in one format.
type Renderer interface {
	// Render writes d to w. It does not modify d, so several renderers
	// may render one document at once. A nil opts means defaults. A
	// cancelled ctx stops it with ctx's error.
	Render(ctx context.Context, w io.Writer, d *doc.Document, opts *Options) error
}

// Configurable is a Renderer whose options (see package option) can be
// set by name, as galley.yaml and the command line do: Config returns a
// pointer to a copy of its configuration, and WithConfig a renderer with
// such a configuration.
type Configurable interface {
	Renderer
	Config() any
	WithConfig(cfg any) Renderer
}

// Options are the options every renderer accepts. The zero value is
// valid. The tagged fields are options a user sets (see package option);
// the others are set by the program.
type Options struct {
	// TOC asks for a table of contents, TOCDepth levels deep (0 means 3).
	TOC      bool `option:"toc" help:"add a table of contents (HTML, text and the EPUB reading order; a PDF outline is always there)"`
	TOCDepth int  `option:"toc-depth" default:"3" help:"levels in the table of contents"`
	// NoHighlight leaves code blocks uncoloured. By default a block
	// whose language is known (a fence's info) has its keywords,
	// strings, comments… coloured (HTML, EPUB and PDF).
	NoHighlight bool `option:"no-highlight" help:"leave code blocks uncoloured (by default code in a known language is highlighted: colours in HTML and PDF, bold keywords and italic comments in EPUB)"`
	// Theme is the house style: a built-in theme's name ("default",
	// "report", "book") or a theme file in Files (see package theme).
	// "" is the default theme.
	Theme string `option:"theme" file:"builtin" help:"house style for PDF, EPUB and HTML: a built-in theme (default, report, book) or a theme FILE (galley theme --print default writes one to start from)"`
	// Style is the theme, loaded: a program that renders several
	// formats loads it once (LoadTheme) and sets it; nil means Theme's.
	Style *theme.Theme
	// Modified is the document's modification time, for formats that
	// record one (EPUB, PDF). The zero time means a fixed date
	// (DefaultModified), never the clock.
	Modified time.Time
	// Files holds what a renderer may read: the images and cover the
	// document refers to, and the fonts, stylesheets and pattern files
	// options name (by their names in Files). It is the project's folder
	// as a files.Root, so that nothing outside it is read; nil means no
	// files at all.
	Files fs.FS
	// Dir is the folder, in Files, that the document's references to
	// images and its cover are relative to: the input's folder ("" is
	// Files' root).
	Dir string
	// MaxFileSize is the largest file (image, stylesheet) a renderer
	// reads, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Warn receives warnings: things dropped or degraded.
	Warn func(error)
	// Strict turns warnings into errors where a format can tell (missing
	// glyphs in a PDF, an image that cannot be read).
	Strict bool
	// ctx is the context of the render: see WithContext and Err.
	ctx context.Context
	// MaxImagePixels is the largest image (width × height, read from its
	// header before any decoding) a renderer embeds; 0 means
	// DefaultMaxImagePixels. A larger one is left out with a warning.
	MaxImagePixels int64
	// MaxSVGElements is the most elements an SVG image may draw, its
	// <use> references expanded; 0 means 100,000. A larger one is left
	// out with a warning.
	MaxSVGElements int
	// PageBreaks are where a paginated rendering of the same document
	// (the PDF) starts its pages, for formats that mark them (an EPUB's
	// page list). Nil means none given.
	PageBreaks []PageBreak
	// Paginated, if set, is called by a renderer that sets pages (a
	// Paginator) once they are laid out, with where they start: so that
	// an EPUB made at the same time marks them without laying the
	// document out again.
	Paginated func([]PageBreak)
}

// PageBreak is where a page starts, in terms of the document (see
// doc.PageBreak).
type PageBreak = doc.PageBreak

// PageMarker is a renderer that marks where the pages of a paginated
// rendering of the same document start, given Options.PageBreaks (the
// EPUB renderer's page list): a program that renders a document with a
// Paginator and a PageMarker at once lays it out once and hands the
// breaks over (publish does).
type PageMarker interface {
	MarksPages() bool
}

// Paginator is a renderer that sets pages, and can tell where they
// start (the PDF renderer).
type Paginator interface {
	PageBreaks(ctx context.Context, d *doc.Document, opts *Options) ([]PageBreak, error)
}

// DefaultMaxImagePixels is the image size limit when
// Options.MaxImagePixels is zero: 50 megapixels.
const DefaultMaxImagePixels = 50_000_000

// ImagePixels returns the image size limit in force.
func (o *Options) ImagePixels() int64 {
	if o == nil || o.MaxImagePixels <= 0 {
		return DefaultMaxImagePixels
	}
	return o.MaxImagePixels
}

// WithContext returns a copy of o (defaults, for nil) that carries ctx,
// for a renderer's helpers to check as they go (Err): a renderer calls
// it with the context Render was given.
func (o *Options) WithContext(ctx context.Context) *Options {
	var c Options
	if o != nil {
		c = *o
	}
	c.ctx = ctx
	return &c
}

// Err returns the error of the render's context once it is cancelled,
// else nil.
func (o *Options) Err() error {
	if o == nil || o.ctx == nil {
		return nil
	}
	return o.ctx.Err()
}

// Degrade reports a problem a renderer worked around (an image it left
// out): a warning, or with Strict an error to return.
func (o *Options) Degrade(err error) error {
	if o != nil && o.Strict {
		return diag.WithSeverity(err, diag.Error)
	}
	if o != nil && o.Warn != nil {
		o.Warn(diag.WithSeverity(err, diag.Warning))
	}
	return nil
}

// DefaultModified is the date used when neither Options.Modified nor the
// document gives one: the start of 2000, UTC.
var DefaultModified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Lang returns the language to declare for d: its own, or "und"
// (undetermined, BCP 47) when it has none, so that every output says
// what it knows (WCAG 3.1.1; PDF/UA and PDF/A level A ask for one).
func Lang(d *doc.Document) string {
	if l := strings.TrimSpace(d.Meta.Lang); l != "" {
		return l
	}
	return "und"
}

// ModTime returns the modification time to record: opts.Modified, else
// the document's date (if it parses as an ISO 8601 date), else
// DefaultModified. It is always in UTC and never the clock.
func ModTime(d *doc.Document, opts *Options) time.Time {
	if opts != nil && !opts.Modified.IsZero() {
		return opts.Modified.UTC()
	}
	if t, ok := ParseDate(d.Meta.Date); ok {
		return t
	}
	return DefaultModified
}

// ParseDate parses the ISO 8601 forms people put in metadata: 2023,
// 2023-09, 2023-09-19 and full RFC 3339 times.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// Warnf sends a warning to o.Warn, if set, as a *diag.Diagnostic of
// severity Warning (with the code of a diagnostic the arguments wrap:
// Warnf("%w", diag.Warnf("missing-glyph", …))).
func (o *Options) Warnf(format string, args ...any) {
	if o != nil && o.Warn != nil {
		o.Warn(diag.WithSeverity(fmt.Errorf(format, args...), diag.Warning))
	}
}

// Depth returns the table of contents depth.
func (o *Options) Depth() int {
	if o == nil || o.TOCDepth <= 0 {
		return 3
	}
	return o.TOCDepth
}

// Format describes an output format.
type Format struct {
	Name      string // "pdf"
	Ext       string // ".pdf"
	MediaType string // "application/pdf"
	Binary    bool   // not text; never written to a terminal by default
	// Aliases are other names of the format, as pandoc spells them
	// ("html5"); OtherExts other extensions of its files (".htm").
	Aliases, OtherExts []string
}

var (
	mu      sync.RWMutex
	formats = map[string]entry{}
)

type entry struct {
	f Format
	r Renderer
}

// Register makes a renderer available under f.Name and f.Ext. It panics if
// r is nil or the name or extension is already registered.
func Register(f Format, r Renderer) {
	mu.Lock()
	defer mu.Unlock()
	if r == nil {
		panic("render: Register of a nil renderer for " + f.Name)
	}
	if _, dup := formats[f.Name]; dup {
		panic("render: Register called twice for " + f.Name)
	}
	for _, e := range formats {
		if f.Ext != "" && strings.EqualFold(e.f.Ext, f.Ext) {
			panic("render: extension " + f.Ext + " registered twice")
		}
	}
	formats[f.Name] = entry{f, r}
}

// Lookup returns the renderer and format registered under name, or under
// an extension without its dot ("txt" for text).
func Lookup(name string) (Renderer, Format, error) {
	mu.RLock()
	defer mu.RUnlock()
	if e, ok := formats[name]; ok {
		return e.r, e.f, nil
	}
	for _, n := range names() {
		e := formats[n]
		if e.f.Ext != "" && strings.EqualFold(e.f.Ext, "."+name) {
			return e.r, e.f, nil
		}
		for _, a := range e.f.Aliases {
			if strings.EqualFold(a, name) {
				return e.r, e.f, nil
			}
		}
	}
	return nil, Format{}, fmt.Errorf("render: unknown format %q (known: %s)", name, strings.Join(names(), ", "))
}

// ForExt returns the format written to files ending in ext (".pdf"),
// compared without regard to case.
func ForExt(ext string) (Format, error) {
	mu.RLock()
	defer mu.RUnlock()
	for _, n := range names() {
		if ext != "" && strings.EqualFold(formats[n].f.Ext, ext) {
			return formats[n].f, nil
		}
		for _, x := range formats[n].f.OtherExts {
			if strings.EqualFold(x, ext) {
				return formats[n].f, nil
			}
		}
	}
	if ext == "" {
		return Format{}, errors.New("render: the output has no extension; name its format with --to")
	}
	var exts []string
	for _, n := range names() {
		if formats[n].f.Ext != "" {
			exts = append(exts, formats[n].f.Ext)
		}
	}
	return Format{}, fmt.Errorf("render: no format writes %q files (known: %s)", ext, strings.Join(exts, " "))
}

// Formats returns the registered formats, sorted by name.
func Formats() []Format {
	mu.RLock()
	defer mu.RUnlock()
	var fs []Format
	for _, n := range names() {
		fs = append(fs, formats[n].f)
	}
	return fs
}

func names() []string {
	var ns []string
	for n := range formats {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

type jsonRenderer struct{}

func (jsonRenderer) Render(_ context.Context, w io.Writer, d *doc.Document, _ *Options) error {
	return doc.Encode(w, d)
}

func init() {
	Register(Format{Name: "json", Ext: ".json", MediaType: "application/json"}, jsonRenderer{})
}

// DefaultMaxFileSize is the file size limit when Options.MaxFileSize
// is zero: 64 MB.
const DefaultMaxFileSize = 64 << 20

// FileSize returns the file size limit in force.
func (o *Options) FileSize() int64 {
	if o == nil || o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// ReadFile reads a file an option names (a stylesheet) from o.Files: a
// regular file of at most FileSize bytes. Its errors name the file but
// never quote it.
func (o *Options) ReadFile(name string) ([]byte, error) {
	if o == nil || o.Files == nil {
		return nil, fmt.Errorf("%s: no files to read it from", name)
	}
	data, err := files.ReadFile(o.Files, name, o.FileSize())
	if err != nil {
		return nil, fileError(name, err)
	}
	return data, nil
}

// ReadRef reads a file the document refers to (an image, the cover):
// ref, a URL path relative to o.Dir ("img/a%20b.png", "../shared/c.png"),
// read from o.Files. A reference that leads outside Files, a missing
// file, one larger than FileSize, a device or a pipe is an error that
// says which, in a user's words ("lies outside the project folder").
func (o *Options) ReadRef(ref string) ([]byte, error) {
	if IsData(ref) {
		_, data, err := DataURI(ref, o.FileSize())
		return data, err
	}
	name, err := o.Ref(ref)
	if err != nil {
		return nil, err
	}
	if o == nil || o.Files == nil {
		return nil, errors.New("no files to read it from")
	}
	data, err := files.ReadFile(o.Files, name, o.FileSize())
	if err != nil {
		return nil, errors.New(files.Describe(err))
	}
	return data, nil
}

// IsData reports whether ref is a data: URI (an image a document
// carries inside it, as a Word document's images are read).
func IsData(ref string) bool {
	return len(ref) > 5 && strings.EqualFold(ref[:5], "data:")
}

// DataURI decodes a data: URI (RFC 2397), base64 or percent-encoded, of
// at most max bytes; it returns the media type it declares.
func DataURI(ref string, max int64) (mediaType string, data []byte, err error) {
	head, body, ok := strings.Cut(ref[5:], ",")
	if !ok {
		return "", nil, errors.New("a data: address without its data")
	}
	params := strings.Split(head, ";")
	mediaType = strings.ToLower(strings.TrimSpace(params[0]))
	if int64(len(body)) > max*4/3+4 {
		return "", nil, fmt.Errorf("larger than %d MB", max>>20)
	}
	if strings.EqualFold(params[len(params)-1], "base64") {
		data, err = base64.StdEncoding.DecodeString(strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, body))
		if err != nil {
			return "", nil, errors.New("a data: address whose base64 is damaged")
		}
		return mediaType, data, nil
	}
	s, err := url.PathUnescape(body)
	if err != nil {
		return "", nil, errors.New("a data: address whose escapes are damaged")
	}
	return mediaType, []byte(s), nil
}

// Ref returns the name in o.Files of a file the document refers to (see
// ReadRef), or an error in a user's words when it leads outside.
func (o *Options) Ref(ref string) (string, error) {
	p, err := url.PathUnescape(ref)
	if err != nil {
		p = ref
	}
	name, err := files.Join(o.dir(), p)
	if err != nil {
		return "", errors.New(files.Describe(err))
	}
	return name, nil
}

func (o *Options) dir() string {
	if o == nil || o.Dir == "" {
		return "."
	}
	return o.Dir
}

// fileError says what is wrong with a named file.
func fileError(name string, err error) error {
	return fmt.Errorf("%s %s", name, files.Describe(err))
}

// Highlight lexes d's code blocks for highlighting, on every core, ahead
// of a renderer that colours them (unless opts.NoHighlight): each block
// is lexed once however many outputs show it.
func Highlight(d *doc.Document, opts *Options) {
	if opts != nil && opts.NoHighlight {
		return
	}
	var blocks []highlight.Block
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if c, ok := n.(*doc.CodeBlock); ok && c.Lang != "" {
			blocks = append(blocks, highlight.Block{Lang: c.Lang, Code: c.Text})
		}
		return doc.Continue
	})
	highlight.Warm(blocks)
}

// LoadTheme returns the theme o names: Style if set, else the theme
// Theme names (built in, or a file in Files), else the default.
func (o *Options) LoadTheme() (*theme.Theme, error) {
	if o != nil && o.Style != nil {
		return o.Style, nil
	}
	if o == nil || o.Theme == "" {
		return theme.Default(), nil
	}
	return theme.Load(o.Theme, o.ReadFile)
}
