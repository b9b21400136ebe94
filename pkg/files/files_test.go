package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"
	"time"
)

// tree makes a project folder with a secret next to it, and the traps a
// hostile document would set.
func tree(t *testing.T) (project, secret string) {
	t.Helper()
	top := t.TempDir()
	project = filepath.Join(top, "project")
	secret = filepath.Join(top, "secret.txt")
	must(t, os.MkdirAll(filepath.Join(project, "book", "src"), 0o755))
	must(t, os.WriteFile(secret, []byte("TOKEN=s3cr3t"), 0o644))
	must(t, os.WriteFile(filepath.Join(project, "a.md"), []byte("# A\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(project, "shared.md"), []byte("shared"), 0o644))
	must(t, os.WriteFile(filepath.Join(project, "book", "src", "one.md"), []byte("one"), 0o644))
	must(t, os.Symlink(secret, filepath.Join(project, "abs-link.md")))
	must(t, os.Symlink("../secret.txt", filepath.Join(project, "rel-link.md")))
	must(t, os.Symlink("a.md", filepath.Join(project, "inside-link.md")))
	must(t, os.Symlink(filepath.Join(project, "book", "src"), filepath.Join(project, "abs-inside")))
	must(t, os.Symlink("..", filepath.Join(project, "up")))
	must(t, os.Symlink("../../shared.md", filepath.Join(project, "book", "src", "shared.md")))
	if runtime.GOOS != "windows" {
		must(t, mkfifo(filepath.Join(project, "fifo.md")))
	}
	return project, secret
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRootConfines(t *testing.T) {
	project, _ := tree(t)
	r, err := Open(project)
	must(t, err)
	defer r.Close()
	for _, c := range []struct {
		name string
		want error
	}{
		{"a.md", nil},
		{"inside-link.md", nil},
		{"book/src/shared.md", nil}, // a link that stays in the project
		{"abs-inside/one.md", nil},  // an absolute one, too
		{"abs-link.md", ErrOutside},
		{"rel-link.md", ErrOutside},
		{"up/secret.txt", ErrOutside},
		{"../secret.txt", ErrOutside},
		{"/etc/passwd", ErrOutside},
		{"missing.md", fs.ErrNotExist},
		{"fifo.md", ErrNotRegular},
		{"book", ErrFolder},
	} {
		done := make(chan struct{})
		var data []byte
		var err error
		go func() {
			defer close(done)
			data, err = ReadFile(r, c.name, 1<<20)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: the read hangs", c.name)
		}
		switch {
		case c.want == nil && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != nil && !errors.Is(err, c.want):
			t.Errorf("%s: got %v, %q; want %v", c.name, err, data, c.want)
		}
		if c.want != nil && data != nil {
			t.Errorf("%s: read %q", c.name, data)
		}
	}
}

func TestSub(t *testing.T) {
	project, _ := tree(t)
	r, err := Open(project)
	must(t, err)
	defer r.Close()
	book, err := r.Sub("book")
	must(t, err)
	defer book.Close()
	if _, err := ReadFile(book, "src/one.md", 0); err != nil {
		t.Error(err)
	}
	// The link stays in the project but leaves the book.
	if _, err := ReadFile(book, "src/shared.md", 0); !errors.Is(err, ErrOutside) {
		t.Errorf("a link out of the book: %v", err)
	}
	if _, err := r.Sub("up"); !errors.Is(err, ErrOutside) {
		t.Errorf("Sub through a link out: %v", err)
	}
}

func TestName(t *testing.T) {
	project, secret := tree(t)
	r, err := Open(project)
	must(t, err)
	defer r.Close()
	for p, want := range map[string]string{
		filepath.Join(project, "a.md"): "a.md",
		project:                        ".",
		filepath.Join(project, "book", "..", "a.md"):    "a.md",
		filepath.Join(project, "book", "src", "one.md"): "book/src/one.md",
	} {
		if got, err := r.Name(p); err != nil || got != want {
			t.Errorf("Name(%s) = %q, %v; want %q", p, got, err, want)
		}
	}
	for _, p := range []string{secret, filepath.Join(project, "..", "secret.txt"), "/etc/passwd"} {
		if got, err := r.Name(p); !errors.Is(err, ErrOutside) {
			t.Errorf("Name(%s) = %q, %v; want outside", p, got, err)
		}
	}
	// Through a link to the project, the same names.
	link := filepath.Join(t.TempDir(), "proj")
	must(t, os.Symlink(project, link))
	if got, err := r.Name(filepath.Join(link, "a.md")); err != nil || got != "a.md" {
		t.Errorf("through a link: %q, %v", got, err)
	}
}

func TestJoin(t *testing.T) {
	for _, c := range []struct{ dir, ref, want string }{
		{".", "img/a.png", "img/a.png"},
		{"docs", "../img/a.png", "img/a.png"},
		{"docs/ch1", "./a.png", "docs/ch1/a.png"},
		{"docs", "../../secret", ""},
		{".", "/etc/passwd", ""},
		{".", "..", ""},
		{"a", `\windows`, ""},
	} {
		got, err := Join(c.dir, c.ref)
		if c.want == "" {
			if !errors.Is(err, ErrOutside) {
				t.Errorf("Join(%q, %q) = %q, %v; want outside", c.dir, c.ref, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Join(%q, %q) = %q, %v; want %q", c.dir, c.ref, got, err, c.want)
		}
	}
}

func TestReadFileLimit(t *testing.T) {
	fsys := fstest.MapFS{"big": {Data: make([]byte, 2048)}, "small": {Data: []byte("ok")}}
	if _, err := ReadFile(fsys, "big", 1024); !errors.As(err, new(*SizeError)) {
		t.Errorf("big: %v", err)
	}
	if data, err := ReadFile(fsys, "small", 1024); err != nil || string(data) != "ok" {
		t.Errorf("small: %q, %v", data, err)
	}
	if got := Describe(&fs.PathError{Op: "read", Path: "big", Err: &SizeError{Limit: 64 << 20}}); got != "is larger than 64 MB" {
		t.Errorf("Describe: %q", got)
	}
}

func TestTracker(t *testing.T) {
	project, _ := tree(t)
	r, err := Open(project)
	must(t, err)
	defer r.Close()
	tr := Track(r)
	ReadFile(tr, "a.md", 0)
	ReadFile(tr, "missing.png", 0)
	ReadFile(tr, "abs-link.md", 0) // refused: not recorded as read
	book, closeBook, err := tr.Sub("book")
	must(t, err)
	defer closeBook()
	ReadFile(book, "src/one.md", 0)
	var got []string
	for _, f := range tr.Files() {
		s := f.Name
		if !f.Found {
			s += " (missing)"
		}
		got = append(got, s)
	}
	want := []string{"a.md", "book/src/one.md", "missing.png (missing)"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
