package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// writeFile writes data to path atomically: into a temporary file in the
// same folder, then renamed over path, so that a reader never sees a
// half-written file and a failure leaves any old file untouched. If path
// already holds exactly data, it is left alone (its mtime too) and
// writeFile reports unchanged.
//
// A path that exists but is not a regular file (a device such as
// /dev/null, a named pipe) is written to directly: never read, never
// replaced. Temporary files that an interrupted earlier run left next to
// path are removed first.
func writeFile(path string, data []byte) (unchanged bool, err error) {
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return false, fmt.Errorf("write %s: it is a folder", path)
	case err == nil && !st.Mode().IsRegular():
		return false, writeDevice(path, data)
	case err == nil:
		if same, err := sameContent(path, st, data); err == nil && same {
			return true, nil
		}
	case !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	// Write where a symbolic link points, so that the link stays.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("create folder for %s: %w", path, err)
	}
	removeStaleTemps(path)
	f, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		f.Close()
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if st != nil {
		mode = st.Mode().Perm()
	}
	if err = os.Chmod(tmp, mode); err != nil {
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	return false, nil
}

// tempPrefix is the name of the temporary files written for path, less
// their random suffix.
func tempPrefix(path string) string {
	return "." + filepath.Base(path) + ".tmp-"
}

// removeStaleTemps removes the temporary files an interrupted run (a
// killed process, a power cut) left for path.
func removeStaleTemps(path string) {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return
	}
	prefix := tempPrefix(path)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
}

// writeDevice writes data to a file that is not a regular file, such as
// /dev/null or a named pipe.
func writeDevice(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// sameContent reports whether the regular file at path, whose Stat is st,
// holds exactly data. It reads the file in pieces, and not at all when
// the sizes differ.
func sameContent(path string, st fs.FileInfo, data []byte) (bool, error) {
	if !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	rest := data
	for {
		n, err := f.Read(buf)
		if n > len(rest) || !bytes.Equal(buf[:n], rest[:n]) {
			return false, nil
		}
		rest = rest[n:]
		if err == io.EOF {
			return len(rest) == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// compareFile reports how the file at path compares with data, for
// --check: Missing, Stale or Unchanged. Only a regular file is read.
func compareFile(path string, data []byte) (Status, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Missing, nil
	case err != nil:
		return Failed, err
	case !st.Mode().IsRegular():
		return Failed, fmt.Errorf("%s is not a regular file (a folder, device or pipe), so it cannot be checked", path)
	}
	same, err := sameContent(path, st, data)
	switch {
	case err != nil:
		return Failed, err
	case !same:
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
