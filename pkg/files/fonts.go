package files

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// Fonts installed on the machine are the one place outside the project
// galley reads from unasked: a font option may name one by its path
// ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"), and
// galley looks in them for characters no given font has. They
// are read through a Root at their folder like any other file, and they
// hold nothing secret.

// FontDirs returns the folders where this machine keeps fonts.
func FontDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		return []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library/Fonts")}
	case "windows":
		return []string{filepath.Join(os.Getenv("WINDIR"), "Fonts"), filepath.Join(os.Getenv("LOCALAPPDATA"), "Microsoft/Windows/Fonts")}
	}
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"))
	}
	return dirs
}

// IsSystemFont reports whether p, an absolute path, lies in one of the
// machine's font folders.
func IsSystemFont(p string) bool {
	_, _, ok := fontDir(p)
	return ok
}

func fontDir(p string) (dir, name string, ok bool) {
	if !filepath.IsAbs(p) {
		return "", "", false
	}
	p = filepath.Clean(p)
	for _, d := range FontDirs() {
		if d == "" || !filepath.IsAbs(d) {
			continue
		}
		if rel, ok := within(d, p); ok && rel != "." {
			return d, rel, true
		}
	}
	return "", "", false
}

// ReadSystemFont reads a font installed on the machine, p its absolute
// path in one of FontDirs, of at most limit bytes: through a Root at its
// font folder, so that a link there cannot lead elsewhere.
func ReadSystemFont(p string, limit int64) ([]byte, fs.FileInfo, error) {
	dir, name, ok := fontDir(p)
	if !ok {
		return nil, nil, &fs.PathError{Op: "open", Path: p, Err: ErrOutside}
	}
	r, err := Open(dir)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
	}
	defer r.Close()
	st, err := r.Stat(name)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "open", Path: p, Err: unwrap(err)}
	}
	data, err := ReadFile(r, name, limit)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "read", Path: p, Err: unwrap(err)}
	}
	return data, st, nil
}

// SystemFonts lists the font files (.ttf, .otf, .ttc, .otc) installed on
// the machine, by path, in the order of FontDirs and then of their
// names. Links that lead out of a font folder are left out.
func SystemFonts() []string {
	var out []string
	for _, dir := range FontDirs() {
		if dir == "" || !filepath.IsAbs(dir) {
			continue
		}
		r, err := Open(dir)
		if err != nil {
			continue
		}
		fs.WalkDir(r, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			switch strings.ToLower(filepath.Ext(name)) {
			case ".ttf", ".otf", ".ttc", ".otc":
				out = append(out, filepath.Join(dir, filepath.FromSlash(name)))
			}
			return nil
		})
		r.Close()
	}
	return out
}

// StatSystemFont describes a font installed on the machine, p its
// absolute path in one of FontDirs.
func StatSystemFont(p string) (fs.FileInfo, error) {
	dir, name, ok := fontDir(p)
	if !ok {
		return nil, &fs.PathError{Op: "stat", Path: p, Err: ErrOutside}
	}
	r, err := Open(dir)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: p, Err: fs.ErrNotExist}
	}
	defer r.Close()
	st, err := r.Stat(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: p, Err: unwrap(err)}
	}
	return st, nil
}

// SplitFace splits a font's name with the index of a face of a
// collection ("fonts.ttc#1") into the file and the index (0 when none
// is given). A file whose name holds a '#' and exists as it is (in
// fsys, or installed on the machine for an absolute path) stays whole.
func SplitFace(fsys fs.FS, name string) (file string, index int) {
	i := strings.LastIndexByte(name, '#')
	if i < 0 {
		return name, 0
	}
	n, err := strconv.Atoi(name[i+1:])
	if err != nil || n < 0 {
		return name, 0
	}
	if filepath.IsAbs(name) {
		if _, err := StatSystemFont(name); err == nil {
			return name, 0
		}
	} else if fsys != nil {
		if _, err := fs.Stat(fsys, name); err == nil {
			return name, 0
		}
	}
	return name[:i], n
}
