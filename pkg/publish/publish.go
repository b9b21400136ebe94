// Package publish is galley's pipeline: it reads a document's inputs,
// applies the transforms, renders every output and writes the files
// atomically. Convert does this for one document; Build does it for every
// document of a galley.yaml file.
//
// Outputs are written through a temporary file in the same folder and
// renamed into place, so a failed run leaves no partial file. An output
// whose bytes would not change is not rewritten. An output that names an
// input is refused.
package publish

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/book"
	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/option"
	"github.com/galleypress/galley/pkg/read"
	_ "github.com/galleypress/galley/pkg/read/docx" // register the formats
	htmlreader "github.com/galleypress/galley/pkg/read/html"
	_ "github.com/galleypress/galley/pkg/read/markdown"
	_ "github.com/galleypress/galley/pkg/read/odt"
	_ "github.com/galleypress/galley/pkg/read/plaintext"
	"github.com/galleypress/galley/pkg/render"
	_ "github.com/galleypress/galley/pkg/render/epub"
	_ "github.com/galleypress/galley/pkg/render/html"
	_ "github.com/galleypress/galley/pkg/render/markdown"
	_ "github.com/galleypress/galley/pkg/render/pdf"
	_ "github.com/galleypress/galley/pkg/render/text"
	"github.com/galleypress/galley/pkg/theme"
	"github.com/galleypress/galley/pkg/transform"
)

// Job is one document to build: its inputs, how to read them, metadata
// to set, options, and the outputs to write.
type Job struct {
	// Inputs are the files to read, relative to Env.Dir. Several inputs
	// are read one by one and joined in order into one document. "-" is
	// standard input.
	Inputs []string
	// From names the input format ("markdown", "text", "json"); empty
	// means by file name extension.
	From string
	// Encoding names the inputs' character encoding; empty means UTF-8.
	Encoding string
	// Meta holds metadata that overrides the document's own: every
	// field that is set replaces the one read.
	Meta doc.Meta
	// Options holds the options of the readers and renderers, by scope
	// and key: Options.Set("", "toc", "true"), Options.Set("pdf",
	// "font-size", "11"). Paths of file options are relative to Env.Dir.
	Options Settings
	// Outputs are the files to write.
	Outputs []Output
	// Configs are typed configurations of formats (a pdf.Config, an
	// html.Config, by value or pointer): each is the starting point of
	// its format's configuration, which Options then set over.
	Configs []any
}

// typed sets cfg (a pointer to a format's Config) to the job's typed
// configuration of the same type, if it has one.
func (job *Job) typed(cfg any) {
	cv := reflect.ValueOf(cfg).Elem()
	for _, t := range job.Configs {
		tv := reflect.ValueOf(t)
		if tv.Kind() == reflect.Pointer {
			tv = tv.Elem()
		}
		if tv.Type() == cv.Type() {
			cv.Set(tv)
		}
	}
}

// CheckConfigs reports an error if a typed configuration is no format's,
// or holds a value its format cannot use (option.Checker).
func CheckConfigs(typed []any) error {
	for _, t := range typed {
		tv := reflect.ValueOf(t)
		if !tv.IsValid() || tv.Kind() == reflect.Pointer && tv.IsNil() {
			return errors.New("publish: a nil configuration")
		}
		if tv.Kind() == reflect.Pointer {
			tv = tv.Elem()
		}
		known := false
		for _, scope := range Scopes() {
			for _, cfg := range configs(scope) {
				if reflect.TypeOf(cfg).Elem() == tv.Type() {
					known = true
				}
			}
		}
		if !known {
			return fmt.Errorf("publish: %T configures no registered format", t)
		}
		c := reflect.New(tv.Type())
		c.Elem().Set(tv)
		if ch, ok := c.Interface().(option.Checker); ok {
			if err := ch.Check(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Output is one file to write. Path "-" is standard output, and needs a
// Format; otherwise an empty Format comes from Path's extension.
type Output struct {
	Path   string
	Format string
}

// Env is what a conversion runs in.
type Env struct {
	// Dir is the folder relative paths start from; empty means the
	// current folder.
	Dir    string
	Stdin  io.Reader
	Stdout io.Writer
	// Modified sets the modification date recorded in EPUB and PDF
	// files. Zero means the document's date, else a fixed date: never the
	// clock. See SourceDateEpoch.
	Modified time.Time
	// Warn receives warnings; Log receives the readers' decisions. Calls
	// never overlap, though outputs and documents are made at once.
	Warn func(error)
	Log  func(string)
	// Strict makes warnings that a renderer can check errors.
	Strict bool
	// Check writes nothing: every output is compared with the file on
	// disk, and reported Stale or Missing if it differs.
	Check bool
	// Root is the project folder. Every file a conversion reads (inputs,
	// book chapters and includes, images, the cover, stylesheets, fonts,
	// pattern files) is read through it as a files.Root: a path that
	// leads outside it, by "..", as an absolute path or through a
	// symbolic link, is an error. Empty, it is the current folder (Dir),
	// or an mdBook's own folder; a book read from a folder a caller
	// names here may include files from anywhere in it, otherwise only
	// from the book's folder. Build sets it to galley.yaml's folder
	// (BuildOptions.Root names another), and writes outputs only inside
	// it.
	Root string
	// FS, if set, is read instead of the folder Root: the job's inputs
	// and the files its options name are names in FS, relative to Dir
	// (slash-separated). A program that serves conversions passes a
	// files.Root, or any fs.FS of its own (an embed.FS, a zip).
	FS fs.FS
	// Limits bound what a run reads and what a document may hold; the
	// zero value gives the defaults.
	Limits Limits
	// AllowEmpty makes a document with no content (no text, image or
	// table: an empty file, a web page whose content was all taken for
	// its chrome) a warning instead of an error.
	AllowEmpty bool

	// Cache, if set, lets a conversion skip a document whose outputs
	// are current (an incremental build; package project keeps one).
	Cache Cache
	// OutputsIn, if set, is the folder every output must lie in.
	OutputsIn string
	// BookFolderOnly reads a book's chapters and includes from the
	// book's own folder even when Root names a wider one (a project's
	// folder that the user did not name).
	BookFolderOnly bool

	run *run // shared by the conversions of one Build; see Shared
}

// run is what the conversions of one environment share.
type run struct {
	mu sync.Mutex // serialises Warn and Log
	// temps lists, per folder, the temporary files found there when the
	// folder was first written to: listing a folder for each output
	// would cost a build of n documents n² directory entries.
	temps   map[string][]string
	tempsMu sync.Mutex
}

// A Cache lets Convert skip a document whose outputs are current.
type Cache interface {
	// Fresh reports whether the outputs at paths (resolved; "" is
	// standard output) hold what the job's last conversion wrote, from
	// sources that have not changed since: then nothing is read or
	// rendered. It returns the paths on the machine of those sources.
	Fresh(job *Job, env *Env, paths []string, src Sources) (files []string, ok bool)
	// Record notes what a conversion wrote to paths and read from src.
	Record(job *Job, env *Env, paths []string, src Sources)
}

// Sources are the files a conversion reads, through its project folder.
type Sources struct{ pr *projectFS }

// Read lists the files read (names in the project folder; installed
// fonts by absolute path), and whether each was there.
func (s Sources) Read() []files.Read {
	return append(s.pr.fsys.Files(), s.pr.system...)
}

// Digest returns the sha256 of a file as it is now (a name as Read
// gives it), and whether it is there.
func (s Sources) Digest(name string) (string, bool) {
	var data []byte
	var err error
	if filepath.IsAbs(name) {
		data, _, err = files.ReadSystemFont(name, 1<<30)
	} else {
		data, err = files.ReadFile(s.pr.fsys.FS(), name, 1<<30)
	}
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), true
}

// Path returns where a file named as Read names it is on the machine,
// or "" when the project folder is a program's own file system.
func (s Sources) Path(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	if s.pr.root == nil {
		return ""
	}
	return s.pr.root.Path(name)
}

// Status is what happened to one output.
type Status int

// Output statuses.
const (
	Written   Status = iota // the file was written
	Unchanged               // the file already held these bytes
	Stale                   // (check) the file differs from what a build writes
	Missing                 // (check) the file does not exist
	Failed                  // the output could not be made
)

func (s Status) String() string {
	return [...]string{"written", "unchanged", "stale", "missing", "failed"}[s]
}

// Result reports one output.
type Result struct {
	Path   string
	Format string
	Status Status
	Err    error
}

// SourceDateEpoch parses the SOURCE_DATE_EPOCH convention of
// reproducible-builds.org: a count of seconds since 1970 in the given
// value (usually os.Getenv("SOURCE_DATE_EPOCH")). An empty value gives the
// zero time.
func SourceDateEpoch(value string) (time.Time, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(value, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a count of seconds since 1970", value)
	}
	return time.Unix(n, 0).UTC(), nil
}

func (e *Env) path(p string) string {
	if p == "-" || filepath.IsAbs(p) || e.Dir == "" {
		return p
	}
	return filepath.Join(e.Dir, p)
}

// Read reads the job's inputs into one document, applies the metadata
// overrides and the standard transforms.
func Read(ctx context.Context, job *Job, env *Env) (*doc.Document, error) {
	if env == nil {
		env = &Env{}
	}
	env = env.Shared()
	pr, err := openProject(job, env)
	if err != nil {
		return nil, err
	}
	defer pr.close()
	d, _, err := readDoc(ctx, job, pr)
	return d, err
}

// readDoc reads the job's inputs from the project. It returns the document
// and the folder, in the project, its images are relative to.
func readDoc(ctx context.Context, job *Job, pr *projectFS) (*doc.Document, string, error) {
	pr.ctx = ctx
	env := pr.env
	if len(job.Inputs) == 0 {
		return nil, "", errors.New("publish: no input")
	}
	var parts []*book.Part
	for _, in := range job.Inputs {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		if isBook(in) {
			book, err := readBook(ctx, in, job, pr)
			if err != nil {
				return nil, "", err
			}
			parts = append(parts, book...)
			continue
		}
		p, err := readOne(in, job, pr)
		if err != nil {
			return nil, "", err
		}
		parts = append(parts, p)
	}
	b := book.Join(parts)
	d, base := b.Doc, b.Base
	d.Meta.Override(&job.Meta)
	names := strings.Join(job.Inputs, ", ")
	warn := func(err error) {
		if env.Warn != nil {
			env.Warn(fmt.Errorf("%s: %w", names, err))
		}
	}
	if err := transform.Limit(d, env.Limits.transform(), warn); err != nil {
		return nil, "", fmt.Errorf("%s: %w", names, err)
	}
	transform.DropUnsafeLinks(d, warn)
	if n, first := remoteImages(d); n > 0 {
		warn(fmt.Errorf("%d remote images (%s first) are never fetched; their alternative text links to them", n, first))
	}
	fallback := "Untitled"
	if in := job.Inputs[0]; in != "-" {
		fallback = strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	}
	transform.Standard(d, fallback)
	b.Link()
	th, err := loadTheme(job, pr)
	if err != nil {
		return nil, "", err
	}
	for _, w := range th.Contrasts() {
		warn(diag.Warnf("theme-contrast", "%s; choose colours further apart", w))
	}
	transform.NumberSections(d, th.Headings.Depth())
	transform.NumberCaptions(d, th.Captions.Per == "chapter", th.Captions.Numbered)
	if !hasContent(d) {
		err := fmt.Errorf("%s: the document is empty: no text, image or table%s; --allow-empty makes it anyway", names, emptyHint(job))
		if !env.AllowEmpty {
			return nil, "", err
		}
		warn(errors.New("the document is empty"))
	}
	if d.Meta.Lang == "" && hasContent(d) {
		warn(diag.Warnf("no-language", "the text's language could not be told (too little text, or not Dutch, English, German, French, Spanish or Italian): the outputs say %q (undetermined), which a screen reader cannot pronounce; give it with --lang or lang: in the front matter", "und"))
	}
	return d, base, nil
}

// hasContent reports whether d's body has anything to read: words, code,
// a formula, an image, a table. A title alone is not a body.
func hasContent(d *doc.Document) bool {
	found := false
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Section:
			if n.Level > 0 && len(n.Title) > 0 {
				found = found || strings.TrimSpace(doc.PlainText(n.Title)) != ""
			}
		case *doc.Text:
			found = found || strings.TrimSpace(n.Text) != ""
		case *doc.Code:
			found = found || strings.TrimSpace(n.Text) != ""
		case *doc.CodeBlock, *doc.Image, *doc.Figure, *doc.Math, *doc.Table:
			found = true
		}
		if found {
			return doc.Stop
		}
		return doc.Continue
	})
	return found
}

// emptyHint says where content may have gone: a web page's was maybe
// taken for its chrome.
func emptyHint(job *Job) string {
	for _, in := range job.Inputs {
		if f := canonicalReader(job.From); f == "html" || f == "" && slices.Contains([]string{".html", ".htm", ".xhtml"}, strings.ToLower(filepath.Ext(in))) {
			return " (of a web page, galley kept nothing as its content: name the content with --select CSS, and see -v)"
		}
	}
	return ""
}

// readOne reads one input (not a book).
func readOne(in string, job *Job, pr *projectFS) (*book.Part, error) {
	if in == "-" {
		if pr.env.Stdin == nil {
			return nil, errors.New("publish: no standard input")
		}
		data, err := readLimited(pr.env.Stdin, pr.env.maxInput(), "standard input")
		if err != nil {
			return nil, err
		}
		d, err := readData(in, "<stdin>", data, job, pr)
		if err != nil {
			return nil, err
		}
		return &book.Part{Name: in, Dir: pr.dir, Doc: d}, nil
	}
	name, data, err := pr.read(in, "input")
	if err != nil {
		return nil, err
	}
	d, err := readData(in, in, data, job, pr)
	if err != nil {
		return nil, err
	}
	return book.NewPart(in, name, d), nil
}

// readData reads the bytes of input in (named name in messages).
func readData(in, name string, data []byte, job *Job, pr *projectFS) (*doc.Document, error) {
	env := pr.env
	var err error
	from := job.From
	if from == "" {
		if in == "-" {
			return nil, errors.New("publish: reading standard input needs a format (--from markdown, text or json)")
		}
		if from, err = read.ForExt(filepath.Ext(in)); err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
	}
	// Every input is text: decoded to UTF-8 (and checked) the same way,
	// whatever reads it. A web page without a byte order mark may
	// declare its charset; --encoding overrides the declaration (pages
	// are often saved in another encoding than they declare).
	enc := job.Encoding
	if canonicalReader(from) == "html" && !hasBOM(data) {
		cs := htmlreader.Charset(data)
		switch {
		case cs != "" && enc == "" && !isUTF8Name(cs) && utf8.Valid(data) && !isASCII(data):
			// Bytes that are valid UTF-8, and not ASCII, are almost
			// never text in a legacy encoding: the declaration is
			// wrong (a page saved as UTF-8 that kept its old meta).
			enc = "utf-8"
			env.logf("%s: read as UTF-8, which its bytes are, not as the %s it declares", name, cs)
		case cs != "" && enc == "":
			enc = cs
			env.logf("%s: charset %s, as the page declares", name, cs)
		case cs != "" && !strings.EqualFold(cs, enc):
			env.logf("%s: --encoding %s overrides the charset %s the page declares", name, enc, cs)
		}
	}
	if read.IsBinary(from) {
		// A Word document: its bytes as they are.
	} else if data, err = decodeInput(data, enc, name); err != nil {
		return nil, err
	}
	r, err := reader(from, job, pr)
	if err != nil {
		return nil, err
	}
	opts := &read.Options{Name: name, Warn: env.Warn, Log: env.Log, MaxDepth: env.Limits.Depth}
	if err := job.Options.apply(opts, "", pr); err != nil {
		return nil, err
	}
	d, err := r.Read(pr.context(), bytes.NewBuffer(data), opts) // a Buffer, so readers may take the bytes as they are
	if err != nil {
		return nil, err
	}
	transform.ShiftHeadings(d, opts.ShiftHeadings)
	return d, nil
}

// isUTF8Name reports whether a charset label names UTF-8.
func isUTF8Name(cs string) bool {
	cs = strings.ToLower(strings.ReplaceAll(cs, "_", "-"))
	return cs == "utf-8" || cs == "utf8" || cs == "unicode-1-1-utf-8"
}

// isASCII reports whether data is all ASCII.
func isASCII(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return false
		}
	}
	return true
}

// reader returns the reader for a format, configured by the job.
func reader(format string, job *Job, pr *projectFS) (read.Reader, error) {
	r, err := read.Lookup(format)
	if err != nil {
		return nil, err
	}
	if c, ok := r.(read.Configurable); ok {
		cfg := c.Config()
		job.typed(cfg)
		if err := job.Options.apply(cfg, canonicalReader(format), pr); err != nil {
			return nil, err
		}
		r = c.WithConfig(cfg)
	}
	return r, nil
}

// canonicalReader returns a reader format's name for an alias ("md").
func canonicalReader(name string) string {
	for _, f := range read.Formats() {
		if f.Name == name {
			return name
		}
		for _, x := range f.Exts {
			if strings.EqualFold(x, "."+name) {
				return f.Name
			}
		}
		for _, a := range f.Aliases {
			if strings.EqualFold(a, name) {
				return f.Name
			}
		}
	}
	return name
}

// renderer returns the renderer for a format, configured by the job.
func renderer(format string, job *Job, pr *projectFS) (render.Renderer, error) {
	r, f, err := render.Lookup(format)
	if err != nil {
		return nil, err
	}
	if c, ok := r.(render.Configurable); ok {
		cfg := c.Config()
		job.typed(cfg)
		if err := job.Options.apply(cfg, f.Name, pr); err != nil {
			return nil, err
		}
		r = c.WithConfig(cfg)
	}
	return r, nil
}

// Convert reads the job's inputs and writes all its outputs, rendering
// them concurrently. It returns one result per output; the error is the
// first failure, if any. Reading errors fail every output.
//
// A panic while reading or rendering (a bug, or a library tripping over a
// hostile file) is recovered and reported as that output's error, so
// that one document never takes a whole build down.
func Convert(ctx context.Context, job *Job, env *Env) ([]Result, error) {
	results, _, err := ConvertFiles(ctx, job, env)
	return results, err
}

// ConvertFiles is Convert; it also returns the paths of the files the
// document was made from, or looked for and missing (inputs, chapters,
// included files, images, stylesheets, fonts, pattern files), when they
// are on the machine: what a watcher watches.
func ConvertFiles(ctx context.Context, job *Job, env *Env) ([]Result, []string, error) {
	if env == nil {
		env = &Env{}
	}
	env = env.Shared()
	results := make([]Result, len(job.Outputs))
	for i, o := range job.Outputs {
		results[i] = Result{Path: o.Path, Format: o.Format}
	}
	var pr *projectFS
	fail := func(err error) ([]Result, []string, error) {
		for i := range results {
			if results[i].Err == nil {
				results[i].Status, results[i].Err = Failed, err
			}
		}
		return results, pr.paths(), err
	}
	if len(job.Outputs) == 0 {
		return nil, nil, errors.New("publish: no output; add -o FILE")
	}
	// Every option and configuration is checked before anything is read
	// or written.
	if err := CheckSettings(job.Options); err != nil {
		return fail(err)
	}
	if err := CheckConfigs(job.Configs); err != nil {
		return fail(err)
	}
	// Resolve formats and paths, before reading.
	paths := make([]string, len(job.Outputs))
	for i, o := range job.Outputs {
		if o.Format == "" {
			if o.Path == "-" {
				return fail(errors.New("publish: writing to standard output needs a format (--to html, text, json, …)"))
			}
			f, err := render.ForExt(filepath.Ext(o.Path))
			if err != nil {
				return fail(fmt.Errorf("%s: %w", o.Path, err))
			}
			results[i].Format = f.Name
		} else if _, f, err := render.Lookup(o.Format); err != nil {
			return fail(err)
		} else {
			results[i].Format = f.Name // "html5" is html
		}
		if o.Path == "-" {
			continue
		}
		p, err := env.OutputPath(o.Path)
		if err != nil {
			return fail(err)
		}
		for j := range i {
			if paths[j] == p {
				return fail(fmt.Errorf("publish: outputs %s and %s are the same file", job.Outputs[j].Path, o.Path))
			}
		}
		paths[i] = p
	}
	pr, err := openProject(job, env)
	if err != nil {
		return fail(err)
	}
	defer pr.close()
	// An output that names an input is refused before anything is read;
	// one that names any other file the document is made from, once
	// those are known (below).
	for i, p := range paths {
		if p == "" {
			continue
		}
		for _, in := range job.Inputs {
			if in != "-" && sameFile(p, env.path(in)) {
				return fail(fmt.Errorf("%s: %w", job.Outputs[i].Path, errSameAsInput))
			}
		}
	}
	if env.Cache != nil {
		if files, ok := env.Cache.Fresh(job, env, paths, Sources{pr}); ok {
			for i := range results {
				results[i].Status = Unchanged
			}
			return results, files, nil
		}
	}
	d, base, err := safeRead(ctx, job, pr)
	if err != nil {
		return fail(err)
	}
	if err := pr.preflight(d, base, job); err != nil {
		return fail(err)
	}
	if !env.Check {
		for i, p := range paths {
			if p == "" {
				continue
			}
			if err := pr.protect(p); err != nil {
				return fail(fmt.Errorf("%s: %w", job.Outputs[i].Path, err))
			}
		}
	}
	if p := job.paginator(pr); p != "" && job.marksPages(pr) {
		pr.pages = &pageShare{format: p, ready: make(chan struct{})}
	}
	var wg sync.WaitGroup
	var stdout sync.Mutex
	for i := range results {
		wg.Add(1)
		go func(res *Result, path string) {
			defer wg.Done()
			res.Status, res.Err = output(ctx, d, res, path, job, pr, base, &stdout)
		}(&results[i], paths[i])
	}
	wg.Wait()
	for _, r := range results {
		if r.Err != nil {
			return results, pr.paths(), r.Err
		}
	}
	if env.Cache != nil && !env.Check {
		env.Cache.Record(job, env, paths, Sources{pr})
	}
	return results, pr.paths(), nil
}

// pageShare hands the PDF's page breaks to the EPUB made with it, so
// that the document is laid out once.
type pageShare struct {
	format string // the format that sets the pages
	once   sync.Once
	ready  chan struct{}
	breaks []render.PageBreak
	ok     bool
}

// set gives the breaks (the first PDF's, if several).
func (p *pageShare) set(breaks []render.PageBreak) {
	p.once.Do(func() {
		p.breaks, p.ok = breaks, true
		close(p.ready)
	})
}

// done ends the wait of a PDF that failed before its layout.
func (p *pageShare) done() { p.once.Do(func() { close(p.ready) }) }

// wait returns the breaks, or false when the PDF gave none.
func (p *pageShare) wait(ctx context.Context) ([]render.PageBreak, bool) {
	select {
	case <-p.ready:
		return p.breaks, p.ok
	case <-ctx.Done():
		return nil, false
	}
}

// logf sends a decision to e.Log, if any.
func (e *Env) logf(format string, args ...any) {
	if e.Log != nil {
		e.Log(fmt.Sprintf(format, args...))
	}
}

// Shared returns a copy of e that conversions run at once can share:
// their Warn and Log calls never overlap. Convert makes its own; a
// program converting many documents at once passes each the same
// shared environment.
func (e *Env) Shared() *Env {
	if e.run != nil {
		return e
	}
	c := *e
	r := new(run)
	c.run = r
	if w := e.Warn; w != nil {
		c.Warn = func(err error) {
			r.mu.Lock()
			defer r.mu.Unlock()
			w(err)
		}
	}
	if l := e.Log; l != nil {
		c.Log = func(s string) {
			r.mu.Lock()
			defer r.mu.Unlock()
			l(s)
		}
	}
	return &c
}

// remoteImages counts the images d loads from the network, and returns
// the first one's address.
func remoteImages(d *doc.Document) (n int, first string) {
	doc.Walk(d, func(x doc.Node) doc.Visit {
		var src string
		switch x := x.(type) {
		case *doc.Image:
			src = x.Src
		case *doc.Figure:
			src = x.Src
		default:
			return doc.Continue
		}
		if s := doc.URLScheme(src); s == "http" || s == "https" || strings.HasPrefix(src, "//") {
			if n++; n == 1 {
				first = src
			}
		}
		return doc.Continue
	})
	return n, first
}

// safeRead is readDoc with a panic turned into an error naming the inputs.
func safeRead(ctx context.Context, job *Job, pr *projectFS) (d *doc.Document, base string, err error) {
	defer func() {
		if v := recover(); v != nil {
			d, base, err = nil, "", fmt.Errorf("publish: reading %s failed unexpectedly (%v); please report this with the input", strings.Join(job.Inputs, ", "), v)
		}
	}()
	return readDoc(ctx, job, pr)
}

// renderOutput renders d in format into a buffer.
func renderOutput(ctx context.Context, d *doc.Document, format string, job *Job, pr *projectFS, base string) ([]byte, error) {
	var buf bytes.Buffer
	if err := renderTo(ctx, &buf, d, format, job, pr, base); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderTo renders d in format to w. A panic is recovered as an error.
func renderTo(ctx context.Context, w io.Writer, d *doc.Document, format string, job *Job, pr *projectFS, base string) (err error) {
	env := pr.env
	if err := ctx.Err(); err != nil {
		return err
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: rendering failed unexpectedly (%v); please report this with the input", format, v)
		}
	}()
	r, err := renderer(format, job, pr)
	if err != nil {
		return err
	}
	opts := &render.Options{
		Modified: env.Modified, Files: pr.fsys, Dir: base, MaxFileSize: env.maxInput(), Warn: env.Warn, Strict: env.Strict,
		MaxImagePixels: env.Limits.ImagePixels, MaxSVGElements: env.Limits.SVGElements,
	}
	if err := job.Options.apply(opts, "", pr); err != nil {
		return err
	}
	opts.Style = pr.theme
	_, paginator := r.(render.Paginator)
	m, marker := r.(render.PageMarker)
	marker = marker && m.MarksPages()
	if paginator && pr.pages != nil && format == pr.pages.format {
		opts.Paginated = pr.pages.set
		defer pr.pages.done()
	}
	if marker && pr.pages != nil {
		if breaks, ok := pr.pages.wait(ctx); ok {
			opts.PageBreaks = breaks
			return r.Render(ctx, w, d, opts)
		}
	}
	if p := job.paginator(pr); marker && p != "" {
		// The pages marked are those of the paginated output built
		// with it, laid out with the same settings: those its layout
		// gave, else (it failed) its own.
		pg, err := renderer(p, job, pr)
		if err != nil {
			return err
		}
		if p, ok := pg.(render.Paginator); ok {
			quiet := *opts
			quiet.Warn = nil // the paginated output reports its own warnings
			if opts.PageBreaks, err = p.PageBreaks(ctx, d, &quiet); err != nil {
				return fmt.Errorf("page list: %w", err)
			}
		}
	}
	return r.Render(ctx, w, d, opts)
}

// Render writes d, a document read before (by Read, or made by a
// program), to w in format, configured by the job's options and typed
// configurations as Convert configures its outputs; the files d refers
// to (images, its cover) and the options name (fonts, stylesheets) are
// read through env as Convert reads them, relative to env.Dir.
func Render(ctx context.Context, w io.Writer, d *doc.Document, format string, job *Job, env *Env) error {
	if err := CheckSettings(job.Options); err != nil {
		return err
	}
	if err := CheckConfigs(job.Configs); err != nil {
		return err
	}
	pr, err := openProject(job, env.Shared())
	if err != nil {
		return err
	}
	defer pr.close()
	return renderTo(ctx, w, d, format, job, pr, "")
}

// formats returns the formats of the job's outputs, in order.
func (job *Job) formats() []string {
	var out []string
	for _, o := range job.Outputs {
		f := o.Format
		if f == "" {
			if ext, err := render.ForExt(filepath.Ext(o.Path)); err == nil {
				f = ext.Name
			}
		}
		out = append(out, f)
	}
	return out
}

// paginator returns the first of the job's formats whose renderer sets
// pages (render.Paginator), or "".
func (job *Job) paginator(pr *projectFS) string {
	for _, f := range job.formats() {
		if r, err := renderer(f, job, pr); err == nil {
			if _, ok := r.(render.Paginator); ok {
				return f
			}
		}
	}
	return ""
}

// marksPages reports whether one of the job's formats marks the pages
// of a paginated one (render.PageMarker).
func (job *Job) marksPages(pr *projectFS) bool {
	for _, f := range job.formats() {
		if r, err := renderer(f, job, pr); err == nil {
			if m, ok := r.(render.PageMarker); ok && m.MarksPages() {
				return true
			}
		}
	}
	return false
}

// output renders one output and writes it to path (resolved; empty for
// standard output). Files are written as the renderer produces them;
// standard output gets the whole output or nothing.
func output(ctx context.Context, d *doc.Document, res *Result, path string, job *Job, pr *projectFS, base string, stdout *sync.Mutex) (Status, error) {
	env := pr.env
	write := func(w io.Writer) error {
		if err := renderTo(ctx, w, d, res.Format, job, pr, base); err != nil {
			return fmt.Errorf("%s: %w", res.Path, err)
		}
		return ctx.Err()
	}
	if res.Path == "-" {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return Failed, err
		}
		if env.Check {
			return Unchanged, nil
		}
		stdout.Lock()
		defer stdout.Unlock()
		if env.Stdout == nil {
			return Failed, errors.New("publish: no standard output")
		}
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return Failed, err
		}
		return Written, nil
	}
	if env.Check {
		return compareWith(path, write)
	}
	unchanged, err := env.run.writeWith(ctx, path, res.Path, write)
	if err != nil {
		return Failed, err
	}
	if unchanged {
		return Unchanged, nil
	}
	return Written, nil
}

// loadTheme loads the theme the job's options name (theme:, --theme),
// once for all its outputs.
func loadTheme(job *Job, pr *projectFS) (*theme.Theme, error) {
	if pr.theme != nil {
		return pr.theme, nil
	}
	opts := &render.Options{Files: pr.fsys, MaxFileSize: pr.env.maxInput()}
	if err := job.Options.apply(opts, "", pr); err != nil {
		return nil, err
	}
	th, err := opts.LoadTheme()
	if err != nil {
		return nil, err
	}
	pr.theme = th
	return th, nil
}
