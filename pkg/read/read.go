// Package read defines how galley reads documents: the Reader interface,
// the options every reader accepts, positioned errors and the registry of
// input formats. Reader packages register themselves in init, the way
// image formats do:
//
//	import _ "github.com/galleypress/galley/pkg/read/markdown"
//
// The JSON form of package doc is registered here as format "json".
package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
)

// Reader turns bytes into a document.
type Reader interface {
	// Read reads a whole document from r. The input is UTF-8 (callers
	// convert other encodings first), unless the format is Binary. A
	// nil opts means defaults.
	Read(ctx context.Context, r io.Reader, opts *Options) (*doc.Document, error)
}

// Configurable is a Reader whose options (see package option) can be set
// by name, as galley.yaml and the command line do: Config returns a
// pointer to a copy of its configuration, and WithConfig a reader with
// such a configuration.
type Configurable interface {
	Reader
	Config() any
	WithConfig(cfg any) Reader
}

// Options are the options every reader accepts. The zero value is valid.
// The tagged fields are options a user sets (see package option); the
// others are set by the program.
type Options struct {
	// Name is the input's file name, used in errors and warnings.
	Name string
	// Drop lists lines to remove before reading: a line whose text,
	// trimmed of spaces, equals an entry is dropped. Useful for the site
	// boilerplate of scraped text.
	Drop []string `option:"drop-lines" flag:"drop-line" help:"remove input lines equal to TEXT (repeatable), e.g. site boilerplate"`
	// ShiftHeadings is added to every heading's level after the read
	// (pandoc's --shift-heading-level-by; see transform.ShiftHeadings):
	// headings keep the level written in the source otherwise. Readers
	// leave it to their caller; package publish applies it.
	ShiftHeadings int `option:"shift-heading-level-by" help:"add N to every heading's level (-1: a lone level-1 heading becomes the title)"`
	// MaxDepth is how deep what a reader reads may nest where it cannot
	// be flattened (front matter): deeper is an error naming
	// --max-depth. 0 means DefaultMaxDepth.
	MaxDepth int
	// Warn receives warnings: things that were dropped or degraded.
	Warn func(error)
	// Log receives the reader's decisions (a heading found and why), so
	// that a user can check and override them. It may be nil.
	Log func(string)
	// Resource, if set, takes a file the input holds (an image inside a
	// Word document) and returns the name the document is to refer to
	// it by (an image's Src), as pandoc's --extract-media does. Without
	// it the document carries them as data: addresses, which every
	// renderer reads.
	Resource func(name string, data []byte) string
}

// DefaultMaxDepth is Options.MaxDepth when it is zero.
const DefaultMaxDepth = 64

// Warnf sends a warning to o.Warn, if set, as a diagnostic at line of
// the input, with the code of a diagnostic the arguments wrap
// (Warnf(3, "%w", diag.Warnf("front-matter-extra", …))).
func (o *Options) Warnf(line int, format string, args ...any) {
	if o == nil || o.Warn == nil {
		return
	}
	err := fmt.Errorf(format, args...)
	o.Warn(&Error{File: o.Name, Line: line, Severity: diag.Warning, Code: diag.Of(err, diag.Warning).Code, Err: err})
}

// Logf sends a decision to o.Log, if set.
func (o *Options) Logf(line int, format string, args ...any) {
	if o == nil || o.Log == nil {
		return
	}
	o.Log((&Error{File: o.Name, Line: line, Severity: diag.Warning, Err: fmt.Errorf(format, args...)}).Error())
}

// Dropped reports whether the line is one of o.Drop.
func (o *Options) Dropped(line string) bool {
	if o == nil {
		return false
	}
	t := strings.TrimSpace(line)
	for _, d := range o.Drop {
		if t == strings.TrimSpace(d) {
			return true
		}
	}
	return false
}

// Error is an error or a warning at a position of an input: it prints
// as "report.md:12:3: unclosed code fence". It is galley's one
// diagnostic type (package diag): a reader's warnings carry Severity
// diag.Warning, its errors diag.Error.
type Error = diag.Diagnostic

// Format describes an input format.
type Format struct {
	Name string   // "markdown"
	Exts []string // file name extensions, with the dot: ".md", ".markdown"
	// Aliases are other names of the format, as pandoc spells them
	// ("gfm", "commonmark" for markdown).
	Aliases []string
	// Binary marks a format whose input is not text (a Word document, a
	// zip): its bytes reach the reader as they are.
	Binary bool
}

// IsBinary reports whether the format registered as name (or an alias
// or extension of it) reads binary input.
func IsBinary(name string) bool {
	mu.RLock()
	defer mu.RUnlock()
	e, ok := find(name)
	return ok && e.f.Binary
}

var (
	mu      sync.RWMutex
	formats = map[string]entry{}
)

type entry struct {
	f Format
	r Reader
}

// Register makes a reader available under f.Name and f.Exts. It panics if
// r is nil or the name or an extension is already registered.
func Register(f Format, r Reader) {
	mu.Lock()
	defer mu.Unlock()
	if r == nil {
		panic("read: Register of a nil reader for " + f.Name)
	}
	if _, dup := formats[f.Name]; dup {
		panic("read: Register called twice for " + f.Name)
	}
	for _, e := range formats {
		for _, x := range e.f.Exts {
			for _, y := range f.Exts {
				if strings.EqualFold(x, y) {
					panic("read: extension " + y + " registered twice")
				}
			}
		}
	}
	formats[f.Name] = entry{f, r}
}

// Lookup returns the reader registered under name, or under one of its
// extensions without the dot ("md" for markdown).
func Lookup(name string) (Reader, error) {
	mu.RLock()
	defer mu.RUnlock()
	if e, ok := find(name); ok {
		return e.r, nil
	}
	return nil, fmt.Errorf("read: unknown format %q (known: %s)", name, strings.Join(names(), ", "))
}

// find returns the format registered as name, an extension of it
// without the dot, or an alias. The caller holds mu.
func find(name string) (entry, bool) {
	if e, ok := formats[name]; ok {
		return e, true
	}
	for _, n := range names() {
		for _, x := range formats[n].f.Exts {
			if strings.EqualFold(x, "."+name) {
				return formats[n], true
			}
		}
		for _, a := range formats[n].f.Aliases {
			if strings.EqualFold(a, name) {
				return formats[n], true
			}
		}
	}
	return entry{}, false
}

// ForExt returns the name of the format that reads files ending in ext
// (".md"), compared without regard to case.
func ForExt(ext string) (string, error) {
	mu.RLock()
	defer mu.RUnlock()
	for _, n := range names() {
		for _, x := range formats[n].f.Exts {
			if strings.EqualFold(x, ext) {
				return n, nil
			}
		}
	}
	if ext == "" {
		return "", errors.New("read: the input has no extension; name its format with --from")
	}
	return "", fmt.Errorf("read: no reader for %q files; name the format with --from (known: %s)", ext, strings.Join(names(), ", "))
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

type jsonReader struct{}

func (jsonReader) Read(_ context.Context, r io.Reader, opts *Options) (*doc.Document, error) {
	d, err := doc.Decode(r)
	if err != nil {
		name := ""
		if opts != nil {
			name = opts.Name
		}
		var d *diag.Diagnostic
		if errors.As(err, &d) {
			return nil, &Error{File: name, Line: d.Line, Col: d.Col, Err: d.Err}
		}
		return nil, &Error{File: name, Err: err}
	}
	return d, nil
}

func init() {
	Register(Format{Name: "json", Exts: []string{".json"}}, jsonReader{})
}

// CellBlocks makes blocks fit a table cell: a heading becomes a
// paragraph in bold, since a cell's heading is no section of the
// document (nor an entry of its contents).
func CellBlocks(bs []doc.Block) []doc.Block {
	for i, b := range bs {
		switch b := b.(type) {
		case *doc.Heading:
			bs[i] = &doc.Paragraph{Inlines: []doc.Inline{&doc.Strong{Inlines: b.Inlines}}}
		case *doc.Quote:
			b.Blocks = CellBlocks(b.Blocks)
		case *doc.Div:
			b.Blocks = CellBlocks(b.Blocks)
		}
	}
	return bs
}
