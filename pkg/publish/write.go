package publish

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// writeWith writes what write produces to path atomically: into a
// temporary file in the same folder, then renamed over path, so that a
// reader never sees a half-written file and a failure leaves any old file
// untouched. The output goes to the disk as it is produced, never held
// whole in memory. If path already holds exactly those bytes, it is left
// alone (its mtime too) and writeWith reports unchanged.
//
// path's folders have their symbolic links resolved (resolveOutput); a
// link at path itself is never written through: one to a regular file
// is an error (it could lead anywhere, ~/.bashrc), one to a device or a
// pipe (/dev/stdout) is written to. A path that is a device (/dev/null)
// or a named pipe is written to directly: never read, never replaced; a
// pipe no program reads is an error, not a wait. Temporary files that a
// killed earlier run left next to path are removed first; those of a
// run still going are not.
func (r *run) writeWith(ctx context.Context, path, shown string, write func(io.Writer) error) (unchanged bool, err error) {
	st, err := os.Lstat(path)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		target, terr := os.Stat(path)
		if terr != nil || !deviceLink(path) || target.Mode().IsRegular() || target.IsDir() {
			return false, errSymlink(shown)
		}
		return false, writeDevice(ctx, path, shown, write)
	}
	switch {
	case err == nil && st.IsDir():
		return false, fmt.Errorf("write %s: it is a folder", shown)
	case err == nil && !st.Mode().IsRegular():
		return false, writeDevice(ctx, path, shown, write)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("write %s: %w", shown, err)
	case err != nil:
		st = nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("create folder for %s: %w", shown, err)
	}
	r.removeStaleTemps(path)
	f, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return false, fmt.Errorf("write %s: %w", shown, err)
	}
	lockTemp(f) // held until the file is renamed or removed
	tmp := f.Name()
	keep := false
	defer func() {
		if !keep {
			os.Remove(tmp)
		}
		f.Close()
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err = write(bw); err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return false, err
	}
	if st != nil {
		if same, err := sameFiles(path, tmp); err == nil && same {
			return true, nil
		}
	}
	mode := fs.FileMode(0o644)
	if st != nil {
		mode = st.Mode().Perm()
	}
	if err = f.Chmod(mode); err != nil {
		return false, fmt.Errorf("write %s: %w", shown, err)
	}
	if err = f.Sync(); err != nil {
		return false, fmt.Errorf("write %s: %w", shown, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return false, fmt.Errorf("write %s: %w", shown, err)
	}
	keep = true
	if err = f.Close(); err != nil {
		return false, fmt.Errorf("write %s: %w", shown, err)
	}
	return false, nil
}

// deviceLink reports whether path is where a system keeps links to
// devices (/dev/stdout, /dev/fd/3), which a user names on purpose: an
// output there is written through its link.
func deviceLink(path string) bool {
	return runtime.GOOS != "windows" && strings.HasPrefix(filepath.Clean(path), "/dev/")
}

// errSymlink refuses to write through a link, which could lead anywhere
// (~/.bashrc, a disk): a project checked out from elsewhere may hold
// one where an output goes.
func errSymlink(path string) error {
	return fmt.Errorf("write %s: it is a symbolic link; galley writes no output through a link (remove it, or name the file it points to)", path)
}

// sameFiles reports whether two regular files hold the same bytes,
// reading them in pieces.
func sameFiles(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil || sa.Size() != sb.Size() || !sa.Mode().IsRegular() {
		return false, err
	}
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false, err
	}
	defer fb.Close()
	cw := &compareWriter{r: fa}
	if _, err := io.Copy(cw, fb); err != nil {
		return false, err
	}
	return cw.done(), nil
}

// compareWriter compares what is written to it with what r holds,
// reading r as the writes come.
type compareWriter struct {
	r    io.Reader
	buf  []byte
	diff bool
	err  error
}

func (c *compareWriter) Write(p []byte) (int, error) {
	if c.diff || c.err != nil {
		return len(p), nil
	}
	if cap(c.buf) < len(p) {
		c.buf = make([]byte, max(len(p), 64<<10))
	}
	buf := c.buf[:len(p)]
	n, err := io.ReadFull(c.r, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		c.err = err
	}
	if n < len(p) || !bytes.Equal(buf[:n], p) {
		c.diff = true
	}
	return len(p), nil
}

// done reports whether the writes matched r exactly, r's end included.
func (c *compareWriter) done() bool {
	if c.diff || c.err != nil {
		return false
	}
	var one [1]byte
	n, _ := c.r.Read(one[:])
	return n == 0
}

// tempPrefix is the name of the temporary files written for path, less
// their random suffix.
func tempPrefix(path string) string {
	return "." + filepath.Base(path) + ".tmp-"
}

// tempGrace is how old a temporary file must be before a run may take
// it for a killed run's.
const tempGrace = 10 * time.Second

// removeStaleTemps removes the temporary files an interrupted run (a
// killed process, a power cut) left for path: those no running galley
// holds.
func (r *run) removeStaleTemps(path string) {
	dir := filepath.Dir(path)
	r.tempsMu.Lock()
	defer r.tempsMu.Unlock()
	if r.temps == nil {
		r.temps = map[string][]string{}
	}
	names, listed := r.temps[dir]
	if !listed {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".tmp-") && e.Type().IsRegular() {
				names = append(names, e.Name())
			}
		}
	}
	prefix := tempPrefix(path)
	keep := names[:0]
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			if p := filepath.Join(dir, n); abandoned(p) {
				os.Remove(p)
			}
		} else {
			keep = append(keep, n)
		}
	}
	r.temps[dir] = keep
}

// writeDevice writes to a file that is not a regular file, such as
// /dev/null or a named pipe. A pipe is opened without waiting for a
// reader (with none, it is an error), and a write blocked on a pipe
// nobody empties ends when ctx is cancelled.
func writeDevice(ctx context.Context, path, shown string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|openNoWait, 0)
	if err != nil {
		if noReader(err) {
			return fmt.Errorf("write %s: it is a pipe that no program reads", shown)
		}
		return fmt.Errorf("write %s: %w", shown, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode()&fs.ModeNamedPipe == 0 {
		f.Fd() // a device: back to blocking writes
	} else {
		stop := context.AfterFunc(ctx, func() { f.SetWriteDeadline(time.Now()) })
		defer stop()
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("write %s: %w", shown, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", shown, err)
	}
	return nil
}

// compareWith reports how the file at path compares with what write
// produces, for --check: Missing, Stale or Unchanged. Only a regular file
// is read, in pieces as the output is produced; nothing is written.
func compareWith(path string, write func(io.Writer) error) (Status, error) {
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 && !deviceLink(path) {
		return Failed, errSymlink(path)
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Still produce the output: a check must fail where a build would.
		if err := write(io.Discard); err != nil {
			return Failed, err
		}
		return Missing, nil
	case err != nil:
		return Failed, err
	case !st.Mode().IsRegular():
		return Failed, fmt.Errorf("%s is not a regular file (a folder, device or pipe), so it cannot be checked", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return Failed, err
	}
	defer f.Close()
	cw := &compareWriter{r: bufio.NewReaderSize(f, 64<<10)}
	bw := bufio.NewWriterSize(cw, 64<<10)
	if err := write(bw); err != nil {
		return Failed, err
	}
	bw.Flush()
	if cw.err != nil {
		return Failed, cw.err
	}
	if !cw.done() {
		return Stale, nil
	}
	return Unchanged, nil
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(sa, sb)
}

var errSameAsInput = errors.New("refusing to write over the input")
