package odt_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/docx"
	"github.com/galleypress/galley/pkg/read/odt"
)

// TestSameAsWord reads pandoc's Word test files as LibreOffice saves
// them in OpenDocument (soffice --headless --convert-to odt, into the
// folder GALLEY_ODT_CORPUS names) and compares what the ODT reader
// sees with what the Word reader sees in the original: headings, and
// how many lists, tables, notes and images, and the words. LibreOffice
// is too large to install for the tests, so the test runs where the
// conversions are made (see docs/input-formats.md).
func TestSameAsWord(t *testing.T) {
	dir := os.Getenv("GALLEY_ODT_CORPUS")
	if dir == "" {
		t.Skip("GALLEY_ODT_CORPUS is not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.odt"))
	agree := map[string][2]int{}
	var disagree []string
	wordsKept, wordsTotal := 0, 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".odt")
		w, err := readWith(docx.Reader{}, filepath.Join("../../../../shared/corpus/pandoc-docx", name+".docx"))
		if err != nil {
			continue
		}
		o, err := readWith(odt.Reader{}, f)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		ws, os := summary(w), summary(o)
		for _, k := range []string{"headings", "lists", "tables", "notes", "images"} {
			if ws[k] == "" && os[k] == "" {
				continue
			}
			a := agree[k]
			a[1]++
			if ws[k] == os[k] {
				a[0]++
			} else {
				disagree = append(disagree, fmt.Sprintf("%s %s: odt %s, docx %s", name, k, os[k], ws[k]))
			}
			agree[k] = a
		}
		have := bag(os["text"])
		for word, n := range bag(ws["text"]) {
			wordsTotal += n
			wordsKept += min(n, have[word])
		}
	}
	for _, k := range []string{"headings", "lists", "tables", "notes", "images"} {
		t.Logf("%s: %d of %d files agree", k, agree[k][0], agree[k][1])
	}
	t.Logf("words: %d of the Word reader's %d", wordsKept, wordsTotal)
	for _, d := range disagree {
		t.Log(d)
	}
}

func readWith(r read.Reader, file string) (*doc.Document, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return r.Read(context.Background(), f, &read.Options{Name: filepath.Base(file)})
}

func summary(d *doc.Document) map[string]string {
	var heads []string
	var text strings.Builder
	n := map[string]int{}
	doc.Walk(d, func(x doc.Node) doc.Visit {
		switch x := x.(type) {
		case *doc.Section:
			heads = append(heads, fmt.Sprintf("%d %s", x.Level, strings.Join(strings.Fields(doc.PlainText(x.Title)), " ")))
			text.WriteString(doc.PlainText(x.Title) + " ")
		case *doc.Paragraph:
			text.WriteString(doc.PlainText(x.Inlines) + " ")
		case *doc.List:
			n["lists"]++
		case *doc.Table:
			n["tables"]++
			for _, c := range x.Header {
				text.WriteString(doc.PlainText(c.Inlines) + " ")
			}
			for _, r := range x.Rows {
				for _, c := range r {
					text.WriteString(doc.PlainText(c.Inlines) + " ")
				}
			}
		case *doc.Note:
			n["notes"]++
		case *doc.Image, *doc.Figure:
			n["images"]++
		case *doc.CodeBlock:
			text.WriteString(x.Text + " ")
		}
		return doc.Continue
	})
	out := map[string]string{"headings": strings.Join(heads, " | "), "text": text.String()}
	for k, v := range n {
		out[k] = fmt.Sprint(v)
	}
	return out
}

func bag(s string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		out[w]++
	}
	return out
}
