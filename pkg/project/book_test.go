package project

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
)

// TestBook builds the joined book of fixtures/book (three files in two
// folders, a file starting at "##", links between the files, images in
// each folder, and one from a folder beside them reached with "../"
// inside the project) and checks what a reader follows: every link leads
// to its section in HTML, EPUB and PDF, the contents nest as the book,
// and every image is in the EPUB.
func TestBook(t *testing.T) {
	files := map[string]string{
		ConfigFile: "documents:\n  - inputs: [book/part1/intro.md, book/part2/survey.md, book/part2/appendix.md]\n" +
			"    outputs: [out/b.html, out/b.epub, out/b.pdf]\n",
	}
	for _, f := range []string{"part1/intro.md", "part2/survey.md", "part2/appendix.md", "part1/boat.png", "part2/img/weir.png"} {
		data, err := os.ReadFile("../../fixtures/book/" + f)
		if err != nil {
			t.Fatal(err)
		}
		files["book/"+f] = string(data)
	}
	logo, _ := os.ReadFile("../../fixtures/images/galley.png")
	files["shared/logo.png"] = string(logo)
	files["book/part2/appendix.md"] += "\n![Logo](../../shared/logo.png)\n"
	p := project(t, files)
	out := readAll(t, buildQuietly(t, p))

	// HTML: every internal link has its target.
	page := string(out["b.html"])
	hrefs := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1)
	var links int
	for _, h := range hrefs {
		if strings.HasPrefix(h[1], "fn") {
			continue
		}
		links++
		if !strings.Contains(page, `id="`+h[1]+`"`) {
			t.Errorf("HTML link to #%s has no target", h[1])
		}
	}
	if links != 5 {
		t.Errorf("HTML has %d links between the files, want 5", links)
	}
	// Relative to the folder of the inputs.
	for _, src := range []string{`src="part1/boat.png"`, `src="part2/img/weir.png"`, `src="../shared/logo.png"`} {
		if !strings.Contains(page, src) {
			t.Errorf("HTML lacks %s", src)
		}
	}

	// EPUB: links to chapter files, images packed, nav nested.
	epub := golden.EPUBFiles(t, out["b.epub"])
	chapters := golden.ChapterText(epub)
	images := 0
	for name := range epub {
		if strings.HasSuffix(name, ".png") {
			images++
		}
	}
	if images != 3 {
		t.Errorf("the EPUB holds %d images, want 3", images)
	}
	for _, id := range []string{"the-survey", "method-and-tools", "tables", "why-a-book"} {
		if !regexp.MustCompile(`href="ch\d+\.xhtml#` + id + `"`).MatchString(chapters) {
			t.Errorf("the EPUB has no link to #%s", id)
		}
	}
	flat := golden.NavOutline(epub["EPUB/nav.xhtml"])
	if want := "( Introduction ( Why a book The survey ( Method and tools ) ) Appendix ( Tables ) )"; !strings.Contains(flat, want) {
		t.Errorf("EPUB contents: %s\nwant %s", flat, want)
	}

	// PDF: every link between the files has a destination.
	dests := regexp.MustCompile(`/Subtype /Link [^>]*/Dest \[`).FindAll(out["b.pdf"], -1)
	if len(dests) < 5 {
		t.Errorf("the PDF has %d internal links with a destination, want at least 5", len(dests))
	}
}
