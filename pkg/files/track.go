package files

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"sync"
)

// Tracker is a file system that records every file opened through it,
// and every file looked for that was missing: what a document read, so
// that a build cache or a watcher knows when to make it again, and so
// that no output is written over it. It is safe for concurrent use.
type Tracker struct {
	fsys   fs.FS
	prefix string // the folder fsys is, in the recording's names
	log    *record
}

type record struct {
	mu    sync.Mutex
	files map[string]Read
}

// Read is one file a Tracker saw read: its name (in the tracker's file
// system), and whether it was there. Info describes it when it was.
type Read struct {
	Name  string
	Found bool
	Info  fs.FileInfo
}

// Track returns a file system that reads from fsys and records what is
// read.
func Track(fsys fs.FS) *Tracker {
	return &Tracker{fsys: fsys, log: &record{files: map[string]Read{}}}
}

// Open opens a file of the tracked file system, and records it.
func (t *Tracker) Open(name string) (fs.File, error) {
	f, err := t.fsys.Open(name)
	switch {
	case err == nil:
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			t.note(name, true, st)
		}
	case errors.Is(err, fs.ErrNotExist):
		t.note(name, false, nil)
	}
	return f, err
}

// Stat describes a file, and records it: what exists may decide what is
// made.
func (t *Tracker) Stat(name string) (fs.FileInfo, error) {
	st, err := fs.Stat(t.fsys, name)
	switch {
	case err == nil && st.Mode().IsRegular():
		t.note(name, true, st)
	case errors.Is(err, fs.ErrNotExist):
		t.note(name, false, nil)
	}
	return st, err
}

// ReadDir lists a folder; listings are not recorded.
func (t *Tracker) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(t.fsys, name)
}

func (t *Tracker) note(name string, found bool, info fs.FileInfo) {
	full := path.Join(t.prefix, name)
	t.log.mu.Lock()
	defer t.log.mu.Unlock()
	if prev, ok := t.log.files[full]; ok && prev.Found && !found {
		return
	}
	t.log.files[full] = Read{Name: full, Found: found, Info: info}
}

// Sub returns the folder dir as a file system of its own that records
// into t, under names in t's file system. On a Root, symbolic links
// inside dir may not lead out of it (see Root.Sub); the caller then
// closes the returned closer.
func (t *Tracker) Sub(dir string) (*Tracker, func() error, error) {
	if r, ok := t.fsys.(*Root); ok {
		sub, err := r.Sub(dir)
		if err != nil {
			return nil, nil, err
		}
		return &Tracker{fsys: sub, prefix: path.Join(t.prefix, dir), log: t.log}, sub.Close, nil
	}
	sub, err := fs.Sub(t.fsys, dir)
	if err != nil {
		return nil, nil, err
	}
	return &Tracker{fsys: sub, prefix: path.Join(t.prefix, dir), log: t.log}, func() error { return nil }, nil
}

// Files returns what was read, sorted by name.
func (t *Tracker) Files() []Read {
	t.log.mu.Lock()
	defer t.log.mu.Unlock()
	out := make([]Read, 0, len(t.log.files))
	for _, r := range t.log.files {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Read) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	return out
}

// FS returns the file system t reads from.
func (t *Tracker) FS() fs.FS { return t.fsys }

func sortEntries(entries []fs.DirEntry) {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
}

// Path returns the path on the machine of a name in t, when t reads
// from the machine's file system (a Root); else "".
func (t *Tracker) Path(name string) string {
	if p, ok := t.fsys.(interface{ Path(string) string }); ok {
		return p.Path(name)
	}
	return ""
}
