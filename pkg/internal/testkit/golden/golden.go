// Package golden compares test output with golden files and rewrites them
// when tests run with -update:
//
//	go test ./... -update
//
// Every test package of galley imports it, so that the -update flag is
// defined wherever "go test ./... -update" passes it.
package golden

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update is set by the -update flag.
var Update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with the golden file at path, or rewrites the file
// when -update is set.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the code produces (review, then go test ./... -update):\n%s", path, Diff(want, got))
	}
}

// Diff describes the first difference between want and got: for text,
// the first differing line with some context; for binary data, the
// offset and sizes.
func Diff(want, got []byte) string {
	if !isText(want) || !isText(got) {
		i := 0
		for i < len(want) && i < len(got) && want[i] == got[i] {
			i++
		}
		return fmt.Sprintf("binary: first difference at byte %d; want %d bytes, got %d", i, len(want), len(got))
	}
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d):\n", i+1, len(wl), len(gl))
	for k := max(i-2, 0); k < min(i+3, len(wl)); k++ {
		fmt.Fprintf(&b, "  want %4d: %s\n", k+1, clip(wl[k]))
	}
	for k := max(i-2, 0); k < min(i+3, len(gl)); k++ {
		fmt.Fprintf(&b, "  got  %4d: %s\n", k+1, clip(gl[k]))
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

func isText(b []byte) bool {
	return bytes.IndexByte(b, 0) < 0
}

// ZipListing describes a zip archive for a reviewer: each entry's name,
// method and size, then the text of the entries named in show.
func ZipListing(data []byte, show ...string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, f := range zr.File {
		method := "deflated"
		if f.Method == zip.Store {
			method = "stored"
		}
		fmt.Fprintf(&b, "%8d  %-8s  %s\n", f.UncompressedSize64, method, f.Name)
	}
	for _, name := range show {
		for _, f := range zr.File {
			if f.Name != name {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return "", err
			}
			content, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "\n--- %s\n%s", name, content)
		}
	}
	return b.String(), nil
}
