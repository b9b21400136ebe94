package markdown_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	htmlreader "github.com/galleypress/galley/pkg/read/html"
	"github.com/galleypress/galley/pkg/read/markdown"
	"github.com/galleypress/galley/pkg/render"
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

// hasRawHTML reports whether an example's Markdown may hold raw HTML,
// which galley maps to the model rather than passing it through.
func hasRawHTML(md string) bool {
	return rawTag.MatchString(autolink.ReplaceAllString(md, ""))
}

// knownDifferences are the spec examples galley reads or writes
// differently on purpose, with the reason.
var knownDifferences = map[int]string{
	72:  "a heading never skips a rank below its section's: the h5 under the h1 is an h2 (the Nu checker rejects skipped ranks)",
	79:  "a heading never skips a rank below its section's: the h3 under the h1 is an h2 (the Nu checker rejects skipped ranks)",
	608: "GitHub's autolinks extension links bare URLs",
	611: "GitHub's autolinks extension links bare URLs",
	612: "GitHub's autolinks extension links bare e-mail addresses",
}

// TestCommonMarkSpec reads every example of the CommonMark spec, renders
// it back with the HTML renderer and compares the result with the spec's
// HTML. galley never passes raw HTML through: it maps it to the model as
// a web page would be. So an example with raw HTML is compared with the
// spec's HTML read by galley's HTML reader: the Markdown reader must give
// what the page the spec expects gives.
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
	render := func(d *doc.Document) string {
		var buf bytes.Buffer
		if err := h.Render(context.Background(), &buf, d, &render.Options{NoHighlight: true}); err != nil {
			t.Fatalf("render: %v", err)
		}
		return normalize(sectionTag.ReplaceAllString(buf.String(), ""))
	}
	passed, raw, rawPassed := 0, 0, 0
	for _, ex := range examples {
		d, err := r.Read(context.Background(), strings.NewReader(ex.Markdown), &read.Options{})
		if err != nil {
			t.Errorf("example %d: %v", ex.Example, err)
			continue
		}
		got, want := render(d), normalize(ex.HTML)
		isRaw := ex.Section == "HTML blocks" || ex.Section == "Raw HTML" || hasRawHTML(ex.Markdown)
		if isRaw {
			raw++
		}
		if isRaw && got != want {
			page, err := htmlreader.New(htmlreader.Config{}).Read(context.Background(), strings.NewReader("<main>"+ex.HTML+"</main>"), &read.Options{})
			if err != nil {
				t.Errorf("example %d: the spec's HTML: %v", ex.Example, err)
				continue
			}
			want = render(page)
		}
		if got == want {
			passed++
			if isRaw {
				rawPassed++
			}
			continue
		}
		if why, ok := knownDifferences[ex.Example]; ok {
			t.Logf("example %d differs, as expected: %s", ex.Example, why)
			continue
		}
		t.Errorf("example %d (%s):\nmarkdown: %q\nwant: %q\ngot:  %q", ex.Example, ex.Section, ex.Markdown, want, got)
	}
	t.Logf("%d of %d examples agree (%.1f%%); with raw HTML, %d of %d", passed, len(examples), 100*float64(passed)/float64(len(examples)), rawPassed, raw)
	if passed*100 < 98*len(examples) {
		t.Errorf("%d of %d examples agree, under 98%%", passed, len(examples))
	}
	if len(examples) < 650 {
		t.Errorf("only %d examples; the spec file is wrong", len(examples))
	}
}

var (
	sectionTag = regexp.MustCompile(`<section[^>]*>\n?|</section>\n?`)
	space      = regexp.MustCompile(`\s+`)
	preBlock   = regexp.MustCompile(`(?s)<pre>.*?</pre>`)
)

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
