package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/option"
	"github.com/galleypress/galley/pkg/theme"
	"github.com/galleypress/galley/pkg/transform"
)

// Limits bound what galley reads and what a document may hold, so that a
// hostile or broken input costs bounded time and memory. A zero field
// takes its default. An exceeded limit is an error naming the option
// that raises it, except Depth: deeper content is flattened, with a
// warning.
type Limits struct {
	// InputSize is the largest input, stylesheet or image read, in
	// bytes: 64 MB by default.
	InputSize int64
	// Depth is the deepest nesting of lists, quotes, notes, sections and
	// inline containers: 64 by default.
	Depth int
	// Notes is the most notes a document may have: 100,000 by default.
	Notes int
	// TableCells is the most cells a table may have: 1,000,000 by
	// default.
	TableCells int
	// ImagePixels is the largest image embedded (width × height, from
	// its header): 50 megapixels by default. A larger one is left out
	// with a warning.
	ImagePixels int64
	// SVGElements is the most elements an SVG image may draw, its <use>
	// references expanded: 100,000 by default. A larger one is left out
	// with a warning.
	SVGElements int
}

// DefaultMaxInputSize is the largest input read when Limits.InputSize is
// zero: 64 MB.
const DefaultMaxInputSize = 64 << 20

// Or returns l with its unset fields taken from o.
func (l Limits) Or(o Limits) Limits {
	if l.InputSize == 0 {
		l.InputSize = o.InputSize
	}
	if l.Depth == 0 {
		l.Depth = o.Depth
	}
	if l.Notes == 0 {
		l.Notes = o.Notes
	}
	if l.TableCells == 0 {
		l.TableCells = o.TableCells
	}
	if l.ImagePixels == 0 {
		l.ImagePixels = o.ImagePixels
	}
	if l.SVGElements == 0 {
		l.SVGElements = o.SVGElements
	}
	return l
}

func (l Limits) transform() transform.Limits {
	return transform.Limits{MaxDepth: l.Depth, MaxNotes: l.Notes, MaxTableCells: l.TableCells}
}

// OutputPath returns the file an output path names: relative paths
// start at e.Dir, and every symbolic link of the folders on the way is
// resolved, so that two paths to one file are seen to be one. In a
// build, the file must lie in the project folder (unless AllowOutside). The last part
// is not resolved: a link there is never written through (see
// writeWith).
func (e *Env) OutputPath(p string) (string, error) {
	full := e.path(p)
	abs, err := filepath.Abs(full)
	if err != nil {
		return "", fmt.Errorf("publish: output %s: %w", p, err)
	}
	dir, err := files.RealPath(filepath.Dir(abs))
	if err != nil {
		return "", fmt.Errorf("publish: output %s: %w", p, err)
	}
	real := filepath.Join(dir, filepath.Base(abs))
	if e.OutputsIn == "" {
		return real, nil
	}
	root, err := files.RealPath(e.OutputsIn)
	if err != nil {
		return "", fmt.Errorf("publish: project folder: %w", err)
	}
	if !files.Inside(root, real) {
		how := "lies"
		if dir != filepath.Dir(filepath.Clean(abs)) {
			how = "leads, through a symbolic link,"
		}
		return "", fmt.Errorf("publish: output %q %s outside the project folder %s; move it in, name a wider one with --root DIR, or allow it with --allow-outside", p, how, e.OutputsIn)
	}
	return real, nil
}

// maxInput returns the input size limit in force.
func (e *Env) maxInput() int64 {
	if e.Limits.InputSize > 0 {
		return e.Limits.InputSize
	}
	return DefaultMaxInputSize
}

// readLimited reads r to its end, or fails once it passes limit bytes.
func readLimited(r io.Reader, limit int64, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("publish: %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("publish: %s is larger than %s, the input size limit; raise it with --max-input-size", name, files.Size(limit))
	}
	return data, nil
}

// projectFS is one conversion's view of the files it may read: the
// project folder (Env.FS, or the folder Env.Root, else the default
// project folder, opened as a files.Root), through a tracker that
// records what was read, for the build cache, for --watch and so that
// no output is written over a file the document is made from.
type projectFS struct {
	// ctx is the conversion's context, while a document is read.
	ctx   context.Context
	env   *Env
	fsys  *files.Tracker
	root  *files.Root // nil when Env.FS is a program's own file system
	shown string      // the project folder, for messages
	dir   string      // where relative paths start in fsys, with Env.FS
	close func() error
	// system lists the fonts installed on the machine that options
	// name, as preflight found them.
	system []files.Read
	// pages passes the PDF's page breaks to the EPUB made with it.
	pages *pageShare
	// theme is the house style the job names, loaded once (readDoc).
	theme *theme.Theme
}

// openProject opens the files job reads, as env says.
func openProject(job *Job, env *Env) (*projectFS, error) {
	pr := &projectFS{env: env, close: func() error { return nil }}
	switch fsys := env.FS.(type) {
	case nil:
		dir, shown, err := env.projectDir(job)
		if err != nil {
			return nil, err
		}
		r, err := files.Open(dir)
		if err != nil {
			return nil, fmt.Errorf("publish: %w", err)
		}
		pr.root, pr.shown, pr.close = r, shown, r.Close
		pr.fsys = files.Track(r)
		env.logf("project folder: %s", shown)
	case *files.Root:
		pr.root, pr.shown = fsys, env.Root
		if pr.shown == "" {
			pr.shown = fsys.Dir()
		}
		pr.fsys = files.Track(fsys)
	default:
		pr.shown = "the given file system"
		pr.dir = path.Clean(filepath.ToSlash(env.Dir))
		if pr.dir == "" || !fs.ValidPath(pr.dir) {
			pr.dir = "."
		}
		pr.fsys = files.Track(fsys)
	}
	return pr, nil
}

// projectDir returns the folder a conversion reads from, when Env.Root
// and Env.FS leave it open: what a user means by "my project". That is
// the book's folder for an mdBook (mdBook lets a chapter include
// "../listings/x.rs" from src/); else the repository the current folder
// (Env.Dir) lies in (the nearest folder up that holds a .git or a
// galley.yaml), so that "../img/a.png" from docs/guide/ is found; else
// the current folder. Nothing above it is read unless the user says so
// (--root, --allow-outside).
func (e *Env) projectDir(job *Job) (dir, shown string, err error) {
	if e.Root != "" {
		return e.Root, e.Root, nil
	}
	if len(job.Inputs) == 1 && isBook(job.Inputs[0]) {
		d := bookDir(e.path(job.Inputs[0]))
		return d, d, nil
	}
	dir = e.Dir
	if dir == "" {
		dir = "."
	}
	if top := repository(dir); top != "" {
		return top, top, nil
	}
	return dir, dir, nil
}

// repository returns the folder of the repository or galley project dir
// lies in: the nearest folder, dir or above it, that holds a .git or a
// galley.yaml, named relative to dir ("../.."); "" for none. A document
// in a repository refers to images anywhere in it ("../img/a.png" from
// docs/guide/), as pandoc finds them.
func repository(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	rel := dir
	for {
		for _, mark := range []string{".git", "galley.yaml"} {
			if _, err := os.Lstat(filepath.Join(abs, mark)); err == nil {
				return filepath.Clean(rel)
			}
		}
		up := filepath.Dir(abs)
		if up == abs {
			return ""
		}
		abs, rel = up, filepath.Join(rel, "..")
	}
}

// bookDir returns the folder of an mdBook: book.toml's, or for a
// SUMMARY.md the folder above its own when that holds a book.toml.
func bookDir(in string) string {
	dir := filepath.Dir(in)
	if filepath.Base(in) == "SUMMARY.md" {
		if _, err := os.Lstat(filepath.Join(filepath.Dir(dir), "book.toml")); err == nil {
			return filepath.Dir(dir)
		}
	}
	return dir
}

// name returns the name in the project of a path a user gave (relative
// to Env.Dir); what names its role in errors ("input", "stylesheet").
func (pr *projectFS) name(p, what string) (string, error) {
	if pr.root == nil {
		name := path.Join(pr.dir, filepath.ToSlash(p))
		if path.IsAbs(p) || filepath.IsAbs(p) || name == ".." || strings.HasPrefix(name, "../") {
			return "", pr.fileError(p, what, files.ErrOutside)
		}
		if !fs.ValidPath(name) {
			return "", pr.fileError(p, what, fs.ErrInvalid)
		}
		return name, nil
	}
	name, err := pr.root.Name(pr.env.path(p))
	if err != nil {
		return "", pr.fileError(p, what, err)
	}
	// Whether it leads out through a link is known when it is opened;
	// say which, so that the user knows what to look for.
	if _, err := pr.root.Stat(name); errors.Is(err, files.ErrOutside) {
		return "", fmt.Errorf("publish: %s %q leads, through a symbolic link, outside the project folder %s; move it in, name a wider one with --root DIR, or allow it with --allow-outside", what, p, pr.shown)
	}
	return name, nil
}

// read reads a file a user named, as an input of role what.
func (pr *projectFS) read(p, what string) (name string, data []byte, err error) {
	if name, err = pr.name(p, what); err != nil {
		return "", nil, err
	}
	data, err = pr.readName(name, p, what)
	return name, data, err
}

// readName reads the file name of the project, shown as shown.
func (pr *projectFS) readName(name, shown, what string) ([]byte, error) {
	return pr.readFrom(pr.fsys, name, shown, what, "the project folder "+pr.shown+"; move it in, name a wider one with --root DIR, or allow it with --allow-outside")
}

// readFrom reads name of fsys, a folder of the project (a book's)
// described as folder in errors ("the book's folder book"); name is
// known to lie inside it, so that only a link can lead out.
func (pr *projectFS) readFrom(fsys fs.FS, name, shown, what, folder string) ([]byte, error) {
	data, err := files.ReadFile(fsys, name, pr.env.maxInput())
	if errors.Is(err, files.ErrOutside) {
		return nil, fmt.Errorf("publish: %s %q leads, through a symbolic link, outside %s", what, shown, folder)
	}
	if err != nil {
		return nil, pr.fileError(shown, what, err)
	}
	return data, nil
}

// fileError says, in one line and without quoting the file, why a file
// cannot be read.
func (pr *projectFS) fileError(shown, what string, err error) error {
	var se *files.SizeError
	switch {
	case errors.Is(err, files.ErrOutside):
		return fmt.Errorf("publish: %s %q lies outside the project folder %s; move it in, name a wider one with --root DIR, or allow it with --allow-outside", what, shown, pr.shown)
	case errors.As(err, &se):
		return fmt.Errorf("publish: %s %s is larger than %s, the input size limit; raise it with --max-input-size", what, shown, files.Size(se.Limit))
	}
	return fmt.Errorf("publish: %s %s %s", what, shown, files.Describe(err))
}

// ParseSize parses a size in bytes: a number, optionally followed by KB,
// MB or GB (powers of 1024).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<50)/mult {
		return 0, fmt.Errorf("%q is not a size (give bytes, or a number with KB, MB or GB)", s)
	}
	return n * mult, nil
}

// paths returns the files on the machine the conversion read, or looked
// for, sorted: what --watch watches.
func (pr *projectFS) paths() []string {
	if pr == nil || pr.root == nil {
		return nil
	}
	var out []string
	for _, f := range pr.fsys.Files() {
		out = append(out, pr.root.Path(f.Name))
	}
	return out
}

// fileOptions returns the names, in the project, of the files the job's
// options name, and the paths of the installed fonts they name.
func (pr *projectFS) fileOptions(job *Job) (names, whats, system []string, err error) {
	for _, scope := range Scopes() {
		for _, o := range Options(scope) {
			if !o.File {
				continue
			}
			for _, v := range job.Options[scope][o.Key].Values {
				if o.Kind == option.Map {
					_, v, _ = strings.Cut(v, "=")
				}
				if v = strings.TrimSpace(v); v == "" || o.Builtin && builtinName(v) {
					continue
				}
				name, sys, err := pr.fileOption(v, o)
				if err != nil {
					return nil, nil, nil, err
				}
				if sys {
					system = append(system, name)
				} else {
					names = append(names, name)
					whats = append(whats, o.Key+" file")
				}
			}
		}
	}
	return names, whats, system, nil
}

// fileOption returns the name in the project of a file an option names,
// or, for a font option, the path of a font installed on the machine
// (sys). A face of a collection keeps its "#N".
func (pr *projectFS) fileOption(v string, o option.Option) (name string, sys bool, err error) {
	if o.Builtin && builtinName(v) {
		return v, false, nil // a built-in theme's name, not a file
	}
	name, err = pr.name(v, o.Key+" file")
	if err == nil || !o.Fonts || pr.root == nil {
		return name, false, err
	}
	abs, aerr := filepath.Abs(pr.env.path(v))
	if aerr == nil && files.IsSystemFont(abs) {
		return abs, true, nil
	}
	return "", false, err
}

// preflight opens, before anything is rendered, every file the
// renderers will read: those the options name (so that a missing font
// fails before any output is written) and the document's local images
// and cover (recorded, so that no output replaces them). Images are
// only looked at: one that cannot be read is the renderers' warning.
func (pr *projectFS) preflight(d *doc.Document, base string, job *Job) error {
	names, whats, system, err := pr.fileOptions(job)
	if err != nil {
		return err
	}
	for i, n := range names {
		file, _ := files.SplitFace(pr.fsys, n)
		st, err := pr.fsys.Stat(file)
		if err == nil && !st.Mode().IsRegular() {
			err = &fs.PathError{Op: "open", Path: file, Err: files.ErrNotRegular}
		}
		if err != nil {
			return pr.fileError(file, whats[i], err)
		}
	}
	for _, p := range system {
		file, _ := files.SplitFace(nil, p)
		st, err := files.StatSystemFont(file)
		if err != nil {
			return pr.fileError(file, "fonts file", err)
		}
		pr.system = append(pr.system, files.Read{Name: file, Found: true, Info: st})
	}
	for _, src := range localImages(d) {
		if u, err := url.PathUnescape(src); err == nil {
			src = u
		}
		if name, err := files.Join(base, src); err == nil {
			pr.fsys.Stat(name)
		}
	}
	return nil
}

// localImages returns the sources of d's images and cover that are
// files (not web addresses).
func localImages(d *doc.Document) []string {
	var srcs []string
	add := func(s string) {
		if s != "" && !strings.HasPrefix(s, "//") && doc.URLScheme(s) == "" {
			srcs = append(srcs, s)
		}
	}
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Image:
			add(n.Src)
		case *doc.Figure:
			add(n.Src)
		}
		return doc.Continue
	})
	add(d.Meta.Cover)
	return srcs
}

// protect refuses to write the output at path (resolved) over a file
// the conversion reads: an input, a chapter, an included file, a
// stylesheet, a font, an image.
func (pr *projectFS) protect(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil // a new file
	}
	reads := append(pr.fsys.Files(), pr.system...)
	for _, f := range reads {
		if f.Found && f.Info != nil && os.SameFile(st, f.Info) {
			shown := f.Name
			if pr.root != nil && !filepath.IsAbs(shown) {
				shown = pr.root.Path(f.Name)
				if rel, err := filepath.Rel(".", shown); err == nil && !strings.HasPrefix(rel, "..") {
					shown = rel
				}
			}
			return fmt.Errorf("refusing to write over %s, which the document is made from", shown)
		}
	}
	return nil
}

// context returns the context of the conversion reading a document.
func (pr *projectFS) context() context.Context {
	if pr.ctx == nil {
		return context.Background()
	}
	return pr.ctx
}

// builtinName reports whether an option's value is a name (a word
// without a dot or a slash), not a file, for options that take either.
func builtinName(v string) bool { return !strings.ContainsAny(v, "./\\") }
