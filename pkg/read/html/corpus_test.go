package html_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	xhtml "golang.org/x/net/html"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read/html"
)

// corpus holds Mozilla Readability's test pages (../shared/corpus);
// the test skips when it is missing.
const corpus = "../../../../shared/corpus/readability-pages"

// words returns text's words, lower case, for scoring.
func scoreWords(text string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w]++
	}
	return out
}

// f1 is the word-level F1 of got against want (bags of words).
func f1(got, want map[string]int) float64 {
	common, ng, nw := 0, 0, 0
	for w, n := range got {
		ng += n
		common += min(n, want[w])
	}
	for _, n := range want {
		nw += n
	}
	if ng == 0 || nw == 0 || common == 0 {
		return 0
	}
	p, r := float64(common)/float64(ng), float64(common)/float64(nw)
	return 2 * p * r / (p + r)
}

func htmlText(data []byte) string {
	n, err := xhtml.Parse(strings.NewReader(string(data)))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data + " ")
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// TestReadabilityCorpus scores the article galley finds in each of
// Readability's 130 test pages against the one a reader view extracts
// (expected.html): word-level F1 of the document's text; and the title
// and byline against expected-metadata.json. No page-specific rule is
// allowed in the code: the score is of the general method.
func TestReadabilityCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("130 pages; skipped under -short")
	}
	dirs, _ := filepath.Glob(filepath.Join(corpus, "*", "source.html"))
	if len(dirs) == 0 {
		t.Skip("no corpus at " + corpus)
	}
	var scores []float64
	titles, titled, bylines, bylined := 0, 0, 0, 0
	var low []string
	for _, src := range dirs {
		dir := filepath.Dir(src)
		name := filepath.Base(dir)
		data, _ := os.ReadFile(src)
		want, _ := os.ReadFile(filepath.Join(dir, "expected.html"))
		d, err := html.ReadPage(data, html.Page{})
		got := ""
		if err == nil {
			got = doc.PlainText([]doc.Inline{&doc.Text{Text: docText(d)}})
		}
		s := f1(scoreWords(got), scoreWords(htmlText(want)))
		scores = append(scores, s)
		if s < 0.9 {
			low = append(low, fmt.Sprintf("%s %.3f", name, s))
		}
		var meta struct {
			Title  string `json:"title"`
			Byline string `json:"byline"`
		}
		if raw, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil && json.Unmarshal(raw, &meta) == nil {
			if meta.Title != "" {
				titles++
				if d != nil && strings.EqualFold(strings.Join(strings.Fields(d.Meta.Title), " "), strings.Join(strings.Fields(meta.Title), " ")) {
					titled++
				}
			}
			if meta.Byline != "" {
				bylines++
				norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
				if d != nil && len(d.Meta.Authors) > 0 && strings.Contains(norm(meta.Byline), norm(d.Meta.Authors[0])) {
					bylined++
				} else if testing.Verbose() {
					var got []string
					if d != nil {
						got = d.Meta.Authors
					}
					t.Logf("%s: byline %q, got %q", name, meta.Byline, got)
				}
			}
		}
	}
	sort.Float64s(scores)
	mean := 0.0
	for _, s := range scores {
		mean += s
	}
	mean /= float64(len(scores))
	t.Logf("%d pages: mean F1 %.3f, median %.3f, lowest %.3f; titles %d/%d, bylines %d/%d", len(scores), mean, scores[len(scores)/2], scores[0], titled, titles, bylined, bylines)
	t.Logf("below 0.9: %s", strings.Join(low, ", "))
	if mean < 0.97 || scores[0] < 0.5 || titled < 120 || bylined < 68 {
		t.Errorf("want a mean F1 of 0.97 or more, no page below 0.5, 120 titles and 68 bylines or more")
	}
}

// docText is a document's text, blocks and sections, notes included.
func docText(d *doc.Document) string {
	var b strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Text:
			b.WriteString(n.Text + " ")
		case *doc.Code:
			b.WriteString(n.Text + " ")
		case *doc.CodeBlock:
			b.WriteString(n.Text + " ")
		case *doc.Image:
			b.WriteString(" ")
		}
		return doc.Continue
	})
	return b.String()
}
