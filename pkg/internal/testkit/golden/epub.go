package golden

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// EPUBFiles returns the files of an EPUB by name ("EPUB/nav.xhtml").
func EPUBFiles(t testing.TB, data []byte) map[string]string {
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

// ChapterText joins an EPUB's chapter files, in name order.
func ChapterText(files map[string]string) string {
	var names []string
	for name := range files {
		if strings.HasPrefix(name, "EPUB/ch") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		b.WriteString(files[name])
	}
	return b.String()
}

var (
	tocNav  = regexp.MustCompile(`(?s)<nav epub:type="toc".*?</nav>`)
	navTags = regexp.MustCompile(`<[^>]+>|\s+`)
)

// NavOutline writes the table of contents of an EPUB's navigation
// document as nested parentheses: "( A ( B C ) D )".
func NavOutline(nav string) string {
	flat := navTags.ReplaceAllStringFunc(tocNav.FindString(nav), func(s string) string {
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
