package publish

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
)

// epubFiles returns the files of an EPUB by name ("EPUB/nav.xhtml").
func epubFiles(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	return files
}

// chapterText joins an EPUB's chapter files.
func chapterText(files map[string]string) string {
	var b strings.Builder
	for name, s := range files {
		if strings.HasPrefix(name, "EPUB/ch") {
			b.WriteString(s)
		}
	}
	return b.String()
}

// navOutline writes the table of contents of an EPUB's navigation
// document as nested parentheses: "( A ( B C ) D )".
func navOutline(nav string) string {
	toc := regexp.MustCompile(`(?s)<nav epub:type="toc".*?</nav>`).FindString(nav)
	flat := regexp.MustCompile(`<[^>]+>|\s+`).ReplaceAllStringFunc(toc, func(s string) string {
		switch {
		case strings.HasPrefix(s, "<ol"):
			return "("
		case s == "</ol>":
			return ")"
		case strings.HasPrefix(s, "<"):
			return ""
		}
		return " "
	})
	return strings.Join(strings.Fields(flat), " ")
}
