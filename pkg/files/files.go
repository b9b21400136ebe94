// Package files is how galley reads the files that users and documents
// name: inputs, book chapters and their includes, images, covers,
// stylesheets, fonts, hyphenation patterns, galley.yaml. Every such file
// is read through one read-only file system rooted at the project folder
// (a Root, built on os.Root), so that no name reaches outside it: not
// "..", not an absolute path, not a symbolic link, however deep. Devices,
// pipes and sockets are refused where a file is expected, so that a read
// never hangs, and every read is bounded in size.
//
// A Go program that embeds galley (a server converting uploads, say)
// passes a Root, or any fs.FS, and gets the same guarantee: nothing in
// galley opens a path a user or a document named except through it.
//
// Names are slash-separated paths relative to the root, as fs.FS wants
// them ("chapters/one.md"). Name turns a path given on a command line or
// in galley.yaml into one; Join resolves a reference made in a document
// ("../img/a.png", relative to the document's folder).
package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Errors a read fails with, inside an *fs.PathError.
var (
	// ErrOutside is a name that leads outside the root: through "..",
	// as an absolute path, or through a symbolic link.
	ErrOutside = errors.New("lies outside the project folder")
	// ErrNotRegular is a device, a named pipe or a socket where a file
	// is expected.
	ErrNotRegular = errors.New("is not a regular file (a device, pipe or socket); galley reads only files")
	// ErrFolder is a folder where a file is expected.
	ErrFolder = errors.New("is a folder, not a file")
)

// SizeError is a file larger than a read allows.
type SizeError struct {
	Limit int64
}

func (e *SizeError) Error() string {
	return "is larger than " + Size(e.Limit)
}

// Size formats a byte count for messages: "64 MB", "1500 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Root is a read-only file system confined to a folder, on os.Root:
// symbolic links are followed only while they stay inside it (and only
// relative ones), and only regular files and folders are opened. It
// implements fs.FS, fs.StatFS and fs.ReadDirFS. It is safe for
// concurrent use.
type Root struct {
	root *os.Root
	dir  string // absolute, cleaned
	real string // dir with its symbolic links resolved
}

// Open opens the folder dir as a Root. The caller closes it.
func Open(dir string) (*Root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	r, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("files: project folder: %w", err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	return &Root{root: r, dir: abs, real: real}, nil
}

// Close closes the root; the file systems Sub made from it stay open
// until they are closed.
func (r *Root) Close() error { return r.root.Close() }

// Dir returns the root's folder, as an absolute path.
func (r *Root) Dir() string { return r.dir }

// Path returns the path of a name in the root on this machine, for
// messages and for comparing files; it is never opened.
func (r *Root) Path(name string) string {
	return filepath.Join(r.dir, filepath.FromSlash(name))
}

// Open opens a regular file or a folder of the root. A device, pipe or
// socket is refused without blocking (a pipe nobody writes to would).
func (r *Root) Open(name string) (fs.File, error) {
	f, err := r.open("open", name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (r *Root) open(op, name string) (*os.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: outsideOrInvalid(name)}
	}
	f, err := r.root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil && escapes(err) {
		if alt, ok := r.resolveAbsolute(name); ok {
			f, err = r.root.OpenFile(alt, os.O_RDONLY|nonBlock, 0)
		}
	}
	if err != nil {
		return nil, r.pathError(op, name, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, r.pathError(op, name, err)
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: op, Path: name, Err: ErrNotRegular}
	}
	return f, nil
}

// Stat describes a file of the root, following symbolic links inside it.
func (r *Root) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: outsideOrInvalid(name)}
	}
	st, err := r.root.Stat(name)
	if err != nil && escapes(err) {
		if alt, ok := r.resolveAbsolute(name); ok {
			st, err = r.root.Stat(alt)
		}
	}
	if err != nil {
		return nil, r.pathError("stat", name, err)
	}
	return st, nil
}

// ReadDir lists a folder of the root, sorted by name.
func (r *Root) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := r.open("readdir", name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	if err != nil {
		return nil, r.pathError("readdir", name, err)
	}
	sortEntries(entries)
	return entries, nil
}

// Sub returns the folder dir of the root as a root of its own: symbolic
// links inside it may not lead out of it either (fs.Sub would let them
// reach anywhere in r). The caller closes it.
func (r *Root) Sub(dir string) (*Root, error) {
	if dir == "." {
		sub, err := r.root.OpenRoot(".")
		if err != nil {
			return nil, r.pathError("open", dir, err)
		}
		return &Root{root: sub, dir: r.dir, real: r.real}, nil
	}
	if !fs.ValidPath(dir) {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: outsideOrInvalid(dir)}
	}
	sub, err := r.root.OpenRoot(dir)
	if err != nil && escapes(err) {
		if alt, ok := r.resolveAbsolute(dir); ok {
			sub, err = r.root.OpenRoot(alt)
			dir = alt
		}
	}
	if err != nil {
		return nil, r.pathError("open", dir, err)
	}
	p := r.Path(dir)
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		real = p
	}
	return &Root{root: sub, dir: p, real: real}, nil
}

// Name returns the name in the root of a path on this machine (absolute,
// or relative to the current folder). A path outside the root is an
// *fs.PathError wrapping ErrOutside. The root itself is ".".
func (r *Root) Name(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", &fs.PathError{Op: "open", Path: p, Err: err}
	}
	if rel, ok := within(r.dir, abs); ok {
		return rel, nil
	}
	// The path may reach the root through a symbolic link (or the root
	// be one): compare with every link resolved. What the name then
	// opens is still confined by the root.
	if real, err := realPath(abs); err == nil {
		if rel, ok := within(r.real, real); ok {
			return rel, nil
		}
	}
	return "", &fs.PathError{Op: "open", Path: p, Err: ErrOutside}
}

// within returns path relative to dir, slash-separated, if it lies in
// dir.
func within(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Inside reports whether the path p lies in the folder dir (or is dir),
// compared as written.
func Inside(dir, p string) bool {
	_, ok := within(dir, p)
	return ok
}

// realPath resolves the symbolic links of an absolute path whose last
// parts may not exist (yet): the longest existing prefix is resolved and
// the rest appended.
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

// RealPath returns an absolute path with the symbolic links of its
// existing part resolved: what a write to it would reach. Outputs are
// compared by it.
func RealPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return realPath(abs)
}

// escapes reports whether os.Root refused a name for leading outside
// it. Its error value is not exported.
func escapes(err error) bool {
	return err != nil && strings.Contains(err.Error(), "escapes from parent")
}

// maxLinks is how many symbolic links a name may go through.
const maxLinks = 40

// resolveAbsolute resolves the symbolic links along name that os.Root
// refuses although they stay inside the root: absolute ones
// ("/home/me/project/img"). It returns the name with them resolved, to
// open through the root again (which still confines it, however the
// links change meanwhile); ok is false when a link leads outside.
func (r *Root) resolveAbsolute(name string) (string, bool) {
	parts := strings.Split(name, "/")
	var done []string
	for hops := 0; len(parts) > 0; {
		p := parts[0]
		parts = parts[1:]
		switch p {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", false
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(slices.Clip(done), p)...)
		st, err := r.root.Lstat(cur)
		if err != nil {
			return "", false
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			done = append(done, p)
			continue
		}
		if hops++; hops > maxLinks {
			return "", false
		}
		target, err := r.root.Readlink(cur)
		if err != nil {
			return "", false
		}
		if filepath.IsAbs(target) {
			rel, ok := within(r.real, filepath.Clean(target))
			if !ok {
				if rel, ok = within(r.dir, filepath.Clean(target)); !ok {
					return "", false
				}
			}
			done = nil
			if rel == "." {
				continue
			}
			parts = append(strings.Split(rel, "/"), parts...)
			continue
		}
		parts = append(strings.Split(filepath.ToSlash(target), "/"), parts...)
	}
	if len(done) == 0 {
		return ".", true
	}
	return path.Join(done...), true
}

// pathError names what went wrong opening name, in galley's words: an
// escape from the root is ErrOutside.
func (r *Root) pathError(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if escapes(err) {
		err = ErrOutside
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// outsideOrInvalid tells a name that tries to leave (.., absolute) from
// one that is merely malformed.
func outsideOrInvalid(name string) error {
	if path.IsAbs(name) || filepath.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") || strings.Contains(name, "/../") || strings.HasSuffix(name, "/..") {
		return ErrOutside
	}
	return fs.ErrInvalid
}

// Join returns the name that ref, a slash-separated reference made by a
// document ("img/a.png", "../shared/b.md"), names when it is relative to
// the folder dir (a name in the same file system, "." for the root).
// A reference that leads above the root, or an absolute one, is an
// *fs.PathError wrapping ErrOutside.
func Join(dir, ref string) (string, error) {
	if ref == "" {
		return "", &fs.PathError{Op: "open", Path: ref, Err: fs.ErrInvalid}
	}
	if path.IsAbs(ref) || filepath.IsAbs(ref) || strings.HasPrefix(ref, `\`) {
		return "", &fs.PathError{Op: "open", Path: ref, Err: ErrOutside}
	}
	name := path.Join(dir, ref)
	if name == ".." || strings.HasPrefix(name, "../") {
		return "", &fs.PathError{Op: "open", Path: ref, Err: ErrOutside}
	}
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "open", Path: ref, Err: fs.ErrInvalid}
	}
	return name, nil
}

// ReadFile reads the regular file name of fsys, of at most limit bytes
// (0: no limit). A folder, a device, a pipe or a larger file is an
// *fs.PathError wrapping ErrFolder, ErrNotRegular or a *SizeError; the
// file's content never appears in an error.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrap(err)}
	}
	switch m := st.Mode(); {
	case m.IsDir():
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrFolder}
	case !m.IsRegular():
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	case limit > 0 && st.Size() > limit:
		return nil, &fs.PathError{Op: "read", Path: name, Err: &SizeError{Limit: limit}}
	}
	r := io.Reader(f)
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	size := st.Size()
	if limit > 0 {
		size = min(size, limit)
	}
	data := make([]byte, 0, size+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: unwrap(err)}
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	if limit > 0 && int64(len(data)) > limit {
		// The file grew while it was read.
		return nil, &fs.PathError{Op: "read", Path: name, Err: &SizeError{Limit: limit}}
	}
	return data, nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Describe returns what went wrong with a file in a user's words,
// without the operation and name an *fs.PathError carries: "does not
// exist", "lies outside the project folder".
func Describe(err error) string {
	err = unwrap(err)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read (permission denied)"
	case errors.Is(err, fs.ErrInvalid):
		return "is not a valid file name"
	}
	var se *SizeError
	if errors.As(err, &se) {
		return se.Error()
	}
	return err.Error()
}
