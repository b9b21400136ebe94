package epub_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/epub"
	"github.com/galleypress/galley/pkg/render/pdf"
)

// TestPageListAlone checks epub page-list without a PDF in the same run:
// the EPUB lays the PDF out itself, holds one marker per body page
// however its files are split (sections split into several files
// included), lists them all, and passes EPUBCheck.
func TestPageListAlone(t *testing.T) {
	jar := validate.EPUBCheck(t)
	d := fixture.Read(t, "beleidsprioriteiten-2023.txt")
	opts := &render.Options{Files: os.DirFS(fixture.Dir())}
	breaks, err := pdf.New(pdf.Config{}).PageBreaks(context.Background(), d, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(breaks) < 15 {
		t.Fatalf("%d page breaks", len(breaks))
	}
	for _, split := range []int{1, 2, 3} {
		var buf bytes.Buffer
		if err := epub.New(epub.Config{PageList: true, SplitLevel: split}).Render(context.Background(), &buf, d, opts); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		markers := 0
		for _, name := range entries(t, data) {
			if strings.HasPrefix(name, "EPUB/ch") {
				markers += strings.Count(entry(t, data, name), `epub:type="pagebreak"`)
			}
		}
		list := entry(t, data, "EPUB/nav.xhtml")
		_, list, _ = strings.Cut(list, `epub:type="page-list"`)
		if markers != len(breaks) || strings.Count(list, "<li>") != len(breaks) {
			t.Errorf("split level %d: %d markers and %d page list entries for %d pages", split, markers, strings.Count(list, "<li>"), len(breaks))
		}
		path := filepath.Join(t.TempDir(), "book.epub")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, ok := validate.JavaJar(jar, path); !ok || !strings.Contains(out, "No errors or warnings detected") {
			t.Errorf("split level %d: EPUBCheck:\n%s", split, out)
		}
	}
}

// entries returns the names of the files in an EPUB.
func entries(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}
