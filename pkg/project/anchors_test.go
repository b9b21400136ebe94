package project

import (
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
)

// TestAnchors checks the link targets a reader of each format follows:
// a GitHub-style anchor (#install--update), a percent-encoded one
// (#caf%C3%A9) and an <a name> target written as raw HTML resolve in
// HTML, EPUB and PDF, without warnings.
func TestAnchors(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile: "documents:\n  - input: a.md\n    outputs: [out/a.html, out/a.epub, out/a.pdf]\n",
		"a.md": "---\nlang: en\n---\n# Guide\n\nSee [the notes](#notes-here), [café](#caf%C3%A9) and [updating](#install--update).\n\n" +
			"<a name=\"notes-here\"></a>\nNotes live here.\n\n## Café\n\nText.\n\n## Install & Update\n\nText.\n",
	})
	files := readAll(t, buildQuietly(t, p))
	page := string(files["a.html"])
	for _, id := range []string{`<span id="notes-here">`, `<section id="café">`, `<section id="install--update">`} {
		if !strings.Contains(page, id) {
			t.Errorf("HTML lacks the target %s", id)
		}
	}
	chapters := golden.ChapterText(golden.EPUBFiles(t, files["a.epub"]))
	for _, href := range []string{`notes-here`, `caf%C3%A9`, `install--update`} {
		if !regexp.MustCompile(`href="ch\d+\.xhtml#` + href + `"`).MatchString(chapters) {
			t.Errorf("EPUB lacks the link to #%s", href)
		}
	}
	links := regexp.MustCompile(`/Subtype /Link [^>]*/Dest \[`).FindAll(files["a.pdf"], -1)
	if len(links) != 3 {
		t.Errorf("the PDF has %d internal links with a destination, want 3", len(links))
	}
}
