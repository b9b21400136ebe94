package markdown_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/markdown"
	"github.com/galleypress/galley/pkg/render/html"
)

type example struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

var (
	autolink = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*>|<[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9.-]+>`)
	rawTag   = regexp.MustCompile(`<[a-zA-Z/!?]`)
)

// hasRawHTML reports whether an example's Markdown holds raw HTML, which
// galley drops by design.
func hasRawHTML(md string) bool {
	return rawTag.MatchString(autolink.ReplaceAllString(md, ""))
}

// knownDifferences are the spec examples without raw HTML that galley
// reads differently on purpose, with the reason.
var knownDifferences = map[int]string{
	608: "GitHub's autolinks extension links bare URLs",
	611: "GitHub's autolinks extension links bare URLs",
	612: "GitHub's autolinks extension links bare e-mail addresses",
}

// TestCommonMarkSpec reads every example of the CommonMark spec that has
// no raw HTML, renders it back with the HTML renderer and compares the
// result with the spec's HTML.
func TestCommonMarkSpec(t *testing.T) {
	data, err := os.ReadFile("../../../fixtures/commonmark/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []example
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	r := markdown.New(markdown.Config{NoFigures: true})
	h := html.New(html.Config{Fragment: true})
	tried, passed := 0, 0
	for _, ex := range examples {
		if ex.Section == "HTML blocks" || ex.Section == "Raw HTML" || hasRawHTML(ex.Markdown) {
			continue
		}
		tried++
		d, err := r.Read(strings.NewReader(ex.Markdown), &read.Options{})
		if err != nil {
			t.Errorf("example %d: %v", ex.Example, err)
			continue
		}
		var buf bytes.Buffer
		if err := h.Render(&buf, d, nil); err != nil {
			t.Errorf("example %d: render: %v", ex.Example, err)
			continue
		}
		got := normalize(sourceLevels(buf.String(), d))
		want := normalize(ex.HTML)
		if got == want {
			passed++
			continue
		}
		if why, ok := knownDifferences[ex.Example]; ok {
			t.Logf("example %d differs, as expected: %s", ex.Example, why)
			continue
		}
		t.Errorf("example %d (%s):\nmarkdown: %q\nwant: %q\ngot:  %q", ex.Example, ex.Section, ex.Markdown, want, got)
	}
	t.Logf("%d of %d examples without raw HTML agree", passed, tried)
	if tried < 550 {
		t.Errorf("only %d examples tried; the spec file or the raw HTML filter is wrong", tried)
	}
}

var (
	sectionTag = regexp.MustCompile(`<section[^>]*>\n?|</section>\n?`)
	headingTag = regexp.MustCompile(`<(/?)h[1-6]>`)
	space      = regexp.MustCompile(`\s+`)
	preBlock   = regexp.MustCompile(`(?s)<pre>.*?</pre>`)
)

// sourceLevels removes the section elements and puts back the heading
// levels of the source, which the renderer replaces by nesting depth.
func sourceLevels(out string, d *doc.Document) string {
	var levels []int
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Section:
			levels = append(levels, n.Level)
		case *doc.Heading:
			levels = append(levels, n.Level)
		}
		return doc.Continue
	})
	out = sectionTag.ReplaceAllString(out, "")
	i := 0
	return headingTag.ReplaceAllStringFunc(out, func(tag string) string {
		if i >= len(levels) {
			return tag
		}
		l := strconv.Itoa(levels[i])
		if strings.HasPrefix(tag, "</") {
			i++
			return "</h" + l + ">"
		}
		return "<h" + l + ">"
	})
}

// normalize removes differences that do not change what a browser shows:
// XHTML-style empty elements, &quot; in text, whitespace outside <pre>.
func normalize(s string) string {
	s = strings.ReplaceAll(s, " />", ">")
	// galley makes a page's code blocks reachable by keyboard; the spec
	// has no opinion.
	s = strings.ReplaceAll(s, `<pre tabindex="0">`, "<pre>")
	s = strings.ReplaceAll(s, "&quot;", `"`)
	var b strings.Builder
	last := 0
	for _, loc := range preBlock.FindAllStringIndex(s, -1) {
		b.WriteString(collapse(s[last:loc[0]]))
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(collapse(s[last:]))
	return strings.TrimSpace(b.String())
}

func collapse(s string) string {
	s = space.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "> <", "><")
	s = strings.ReplaceAll(s, " <", "<")
	s = strings.ReplaceAll(s, "> ", ">")
	return s
}
