package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

// logoReadme is the top of a typical GitHub README: a centred logo and
// title written as raw HTML, and a details element.
const logoReadme = `<p align="center">
  <img src="logo.png" alt="Project logo" width="120">
</p>
<h1 align="center">MyTool</h1>

MyTool makes tools. Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop it.<br>
Or wait.

<details>
<summary>Advanced options</summary>

Set **MYTOOL_DEBUG** to see more.

</details>

## Usage

<table>
<tr><th>Flag</th><th>Meaning</th></tr>
<tr><td><code>-v</code></td><td>verbose</td></tr>
</table>
`

// TestRawHTMLReadme builds the README above in every format and checks
// that each keeps the logo, the title and the summary text, as a reader
// of each would see them.
func TestRawHTMLReadme(t *testing.T) {
	logo, err := os.ReadFile("../../fixtures/images/galley.png")
	if err != nil {
		t.Fatal(err)
	}
	p := project(t, map[string]string{
		ConfigFile:  "documents:\n  - input: README.md\n    outputs: [out/r.html, out/r.txt, out/r.epub, out/r.pdf, out/r.json]\n",
		"README.md": logoReadme,
		"logo.png":  string(logo),
	})
	out := buildQuietly(t, p)
	files := readAll(t, out)

	html := string(files["r.html"])
	for _, want := range []string{`<title>MyTool</title>`, `<img src="logo.png" alt="Project logo"`, `>MyTool</h1>`, `Advanced options`, `<kbd>Ctrl</kbd>`, `<th>Flag</th>`, `<code>-v</code>`} {
		if !strings.Contains(html, want) && !(want == `<kbd>Ctrl</kbd>` && strings.Contains(html, `<code>Ctrl</code>`)) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	txt := string(files["r.txt"])
	for _, want := range []string{"MyTool\n======", "[Figure: Project logo]", "Advanced options", "Ctrl+C", "Flag", "verbose"} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q:\n%s", want, txt)
		}
	}
	js := string(files["r.json"])
	for _, want := range []string{`"title": "MyTool"`, `"type": "figure"`, `"src": "logo.png"`, `"alt": "Project logo"`, `"type": "table"`} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}

	var images int
	var content strings.Builder
	for name, data := range golden.EPUBFiles(t, files["r.epub"]) {
		if strings.HasSuffix(name, ".png") {
			images++
		}
		if strings.HasSuffix(name, ".xhtml") || strings.HasSuffix(name, ".opf") {
			content.WriteString(data)
		}
	}
	epub := content.String()
	if images != 1 || !strings.Contains(epub, `alt="Project logo"`) || !strings.Contains(epub, "<dc:title") || !strings.Contains(epub, ">MyTool<") || !strings.Contains(epub, "Advanced options") {
		t.Errorf("EPUB: %d images; logo alt %v, title %v, summary %v", images, strings.Contains(epub, `alt="Project logo"`), strings.Contains(epub, ">MyTool<"), strings.Contains(epub, "Advanced options"))
	}

	validate.Tool(t, "pdftotext", "poppler-utils")
	validate.Tool(t, "pdfimages", "poppler-utils")
	pdf := filepath.Join(out, "r.pdf")
	text, ok := validate.Run("pdftotext", "-enc", "UTF-8", pdf, "-")
	if !ok {
		t.Fatalf("pdftotext: %s", text)
	}
	for _, want := range []string{"MyTool", "Advanced options", "MYTOOL_DEBUG", "verbose"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	list, ok := validate.Run("pdfimages", "-list", pdf)
	if !ok || strings.Count(strings.TrimSpace(list), "\n") < 2 {
		t.Errorf("the PDF has no image:\n%s", list)
	}
	tags, ok := validate.Run("pdfinfo", "-struct-text", pdf)
	if !ok || !strings.Contains(tags, "Figure") {
		t.Errorf("the PDF has no Figure element:\n%s", tags)
	}
}
