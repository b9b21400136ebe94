package publish

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

// TestExtrasKept checks the README of Markdown extensions
// (fixtures/extras.md): every word of its text is in the text output,
// but the syntax (alert markers, container fences, shortcodes) is not;
// and the formula x_{1} \\ x_{n}, a\,b keeps every character in every
// format.
func TestExtrasKept(t *testing.T) {
	src, err := os.ReadFile("../../fixtures/extras.md")
	if err != nil {
		t.Fatal(err)
	}
	txt, err := os.ReadFile("../../golden/extras.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The source's text: front matter, markers and shortcodes removed.
	body := string(src)
	body = body[strings.Index(body[3:], "---")+6:]
	for _, syntax := range []string{`(?m)^> \[!\w+\]$`, `(?m)^:::\w*`, `(?m)^!!! \w+`, `:(tada|rocket|\+1):`, `\[[ x]\]`, "```math"} {
		body = regexp.MustCompile(syntax).ReplaceAllString(body, " ")
	}
	have := map[string]bool{}
	for _, w := range wordRe.FindAllString(string(txt), -1) {
		have[strings.ToLower(w)] = true // labels are in capitals
	}
	for _, w := range wordRe.FindAllString(body, -1) {
		if !have[strings.ToLower(w)] {
			t.Errorf("the text output lost %q", w)
		}
	}
	for _, gone := range []string{"[!NOTE]", ":::", "!!!", ":tada:", "[x]", "[ ]"} {
		if strings.Contains(string(txt), gone) {
			t.Errorf("the text output shows the syntax %q", gone)
		}
	}
	for _, emoji := range []string{"🎉", "🚀", "👍", ":unknown_code:"} {
		if !strings.Contains(string(txt), emoji) {
			t.Errorf("the text output lacks %s", emoji)
		}
	}

	const formula = `x_{1} \\ x_{n}, a\,b`
	for _, name := range []string{"extras.txt", "extras.json", "extras.html"} {
		data, err := os.ReadFile("../../golden/" + name)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if name == "extras.json" {
			s = strings.ReplaceAll(s, `\\`, `\`)
		}
		if name == "extras.html" {
			s = html.UnescapeString(s)
		}
		if !strings.Contains(s, formula) {
			t.Errorf("%s does not keep %s", name, formula)
		}
	}
	epub, err := os.ReadFile("../../golden/extras.epub")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for name, data := range golden.EPUBFiles(t, epub) {
		if strings.HasSuffix(name, ".xhtml") || strings.HasSuffix(name, ".opf") {
			all.WriteString(data)
		}
	}
	if s := html.UnescapeString(all.String()); !strings.Contains(s, formula) || !strings.Contains(s, `properties="mathml"`) || !strings.Contains(s, "<math") {
		t.Errorf("the EPUB lacks the formula as MathML with its TeX, or the mathml property")
	}
	validate.Tool(t, "pdftotext", "poppler-utils")
	out, ok := validate.Run("pdftotext", "-enc", "UTF-8", "../../golden/extras.pdf", "-")
	if !ok {
		t.Fatalf("pdftotext: %s", out)
	}
	if !strings.Contains(out, formula) {
		t.Errorf("the PDF's text does not keep %s", formula)
	}
}
