package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

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
}

// DefaultMaxInputSize is the largest input read when Limits.InputSize is
// zero: 64 MB.
const DefaultMaxInputSize = 64 << 20

// or returns l with its unset fields taken from o.
func (l Limits) or(o Limits) Limits {
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
	return l
}

func (l Limits) transform() transform.Limits {
	return transform.Limits{MaxDepth: l.Depth, MaxNotes: l.Notes, MaxTableCells: l.TableCells}
}

// resolve returns the file a job's path names: relative paths start at
// e.Dir. When e.Root is set, the path with every symbolic link resolved
// must lie inside e.Root; what names the path's role in errors
// ("input", "output", "stylesheet"). The path returned is the resolved
// one, so that a link swapped later cannot lead elsewhere.
func (e *Env) resolve(p, what string) (string, error) {
	full := e.path(p)
	if e.Root == "" {
		return full, nil
	}
	root, err := filepath.EvalSymlinks(e.Root)
	if err != nil {
		return "", fmt.Errorf("publish: project folder: %w", err)
	}
	if root, err = filepath.Abs(root); err != nil {
		return "", fmt.Errorf("publish: project folder: %w", err)
	}
	abs, err := filepath.Abs(full)
	if err != nil {
		return "", fmt.Errorf("publish: %s %s: %w", what, p, err)
	}
	real, err := realPath(abs)
	if err != nil {
		return "", fmt.Errorf("publish: %s %s: %w", what, p, err)
	}
	if !inside(root, real) {
		how := "lies"
		if real != filepath.Clean(abs) {
			how = "leads, through a symbolic link,"
		}
		return "", fmt.Errorf("publish: %s %q %s outside the project folder %s; move it in, or allow it with --allow-outside", what, p, how, e.Root)
	}
	return real, nil
}

// inside reports whether path lies in dir (or is dir).
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realPath resolves the symbolic links of an absolute path whose last
// parts may not exist yet (an output to be written): the longest existing
// prefix is resolved and the rest appended.
func realPath(abs string) (string, error) {
	abs = filepath.Clean(abs)
	var rest []string
	p := abs
	for {
		if _, err := os.Lstat(p); err == nil {
			break
		}
		parent := filepath.Dir(p)
		if parent == p {
			break
		}
		rest = append(rest, filepath.Base(p))
		p = parent
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	for i := len(rest) - 1; i >= 0; i-- {
		real = filepath.Join(real, rest[i])
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

// readFile reads a file a job names (an input, a stylesheet), confined as
// resolve says and limited to the input size limit. A folder, a device or
// a socket is refused; a named pipe is read (up to the limit) only when
// the paths are not confined, as when a user names it on the command
// line.
func (e *Env) readFile(p, what string) ([]byte, error) {
	path, err := e.resolve(p, what)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", pathError(err, e.path(p)))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("publish: %w", pathError(err, e.path(p)))
	}
	switch m := st.Mode(); {
	case m.IsRegular():
	case m.IsDir():
		return nil, fmt.Errorf("publish: %s %s is a folder, not a file", what, p)
	case m&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0 && e.Root == "":
		// A pipe or a terminal named on the command line: read it, with
		// the limit below guarding against an endless one (/dev/zero).
	default:
		return nil, fmt.Errorf("publish: %s %s is not a regular file (a device, pipe or socket); galley reads only files", what, p)
	}
	return readLimited(f, e.maxInput(), what+" "+p)
}

// readLimited reads r to its end, or fails once it passes limit bytes.
func readLimited(r io.Reader, limit int64, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("publish: %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("publish: %s is larger than %s, the input size limit; raise it with --max-input-size", name, sizeString(limit))
	}
	return data, nil
}

// sizeString formats a byte count for messages: "64 MB", "1500 bytes".
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// pathError names a file by the path the user gave instead of the
// resolved one.
func pathError(err error, p string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: p, Err: pe.Err}
	}
	return err
}

// resources returns the folder of the first input, where images and other
// resources are looked up, as a file system that no path (.., an absolute
// path, a symbolic link) can leave. The caller closes it.
func (e *Env) resources(job *Job) (*os.Root, error) {
	dir := e.Dir
	if dir == "" {
		dir = "."
	}
	if job.resBase != "" {
		dir = job.resBase
	} else if in := job.Inputs[0]; in != "-" {
		p, err := e.resolve(in, "input")
		if err != nil {
			return nil, err
		}
		dir = filepath.Dir(p)
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("publish: resources: %w", err)
	}
	return r, nil
}

// limitedFS serves the regular files of a file system, each up to a size
// limit: a device, a pipe or an endless file among the resources can
// neither hang nor exhaust a render.
type limitedFS struct {
	fsys  fs.FS
	limit int64
}

func (l limitedFS) Open(name string) (fs.File, error) {
	f, err := l.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		return f, nil
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("not a regular file")}
	}
	if st.Size() > l.limit {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("larger than %s, the input size limit", sizeString(l.limit))}
	}
	return &limitedFile{File: f, left: l.limit}, nil
}

// limitedFile fails a read that goes past its limit (a file that grew
// after it was opened).
type limitedFile struct {
	fs.File
	left int64
}

func (f *limitedFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.left -= int64(n)
	if f.left < 0 {
		return n, errors.New("file grew past the input size limit while it was read")
	}
	return n, err
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
