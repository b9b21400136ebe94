package publish_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/project"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/render"
)

// TestGolden converts every fixture listed in fixtures/golden.yaml to every
// output listed there and compares the bytes with the files in golden/.
func TestGolden(t *testing.T) {
	p, err := project.Load("../../fixtures/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, job := range p.Jobs {
		in := job.Inputs[0]
		listed[in] = true
		t.Run(in, func(t *testing.T) {
			// One fixture is a title and nothing else: made on purpose.
			env := &publish.Env{Dir: p.Dir, AllowEmpty: in == "frontmatter-only.md"}
			var formats []string
			for _, o := range job.Outputs {
				f, err := render.ForExt(filepath.Ext(o.Path))
				if o.Format != "" {
					_, f, err = render.Lookup(o.Format)
				}
				if err != nil {
					t.Fatal(err)
				}
				formats = append(formats, f.Name)
			}
			out, err := publish.RenderEach(job, env, formats)
			if err != nil {
				t.Fatal(err)
			}
			for i, o := range job.Outputs {
				f, data := formats[i], out[formats[i]]
				golden.Check(t, filepath.Join(p.Dir, o.Path), data)
				if layout, ok := out[f+".layout"]; ok {
					golden.Check(t, filepath.Join(p.Dir, o.Path)+".layout", layout)
				}
				if f == "epub" {
					listing, err := golden.ZipListing(data, "EPUB/package.opf", "EPUB/nav.xhtml")
					if err != nil {
						t.Fatalf("%s: %v", o.Path, err)
					}
					golden.Check(t, filepath.Join(p.Dir, o.Path)+".listing", []byte(listing))
				}
			}
			for _, f := range render.Formats() {
				if !slices.Contains(formats, f.Name) && !strings.HasPrefix(f.Name, "test-") {
					t.Errorf("no golden %s output for %s", f.Name, in)
				}
			}
		})
	}
	// Every fixture document must have golden outputs.
	entries, err := os.ReadDir(p.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || e.Name() == "golden.yaml" || !slices.Contains([]string{".md", ".txt", ".json"}, ext) {
			continue
		}
		if !listed[e.Name()] && !strings.HasPrefix(e.Name(), "bad-") {
			t.Errorf("fixture %s is not in fixtures/golden.yaml", e.Name())
		}
	}
}

// TestLanguageOfParts checks the Dutch fixture with English and German
// words and an English summary: every output says which parts are in
// which language (WCAG 2.1 3.1.2).
func TestLanguageOfParts(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "golden", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	html := read("tweetalig.html")
	for _, want := range []string{`<html lang="nl">`, `<span lang="en">Cross-border River Management Programme</span>`, `<span lang="de">grenzüberschreitende Zusammenarbeit</span>`, `<div lang="en">`} {
		if !strings.Contains(html, want) {
			t.Errorf("tweetalig.html lacks %s", want)
		}
	}
	files := golden.EPUBFiles(t, []byte(read("tweetalig.epub")))
	text := golden.ChapterText(files)
	for _, want := range []string{`<span lang="en" xml:lang="en">Cross-border`, `<div lang="en" xml:lang="en">`} {
		if !strings.Contains(text, want) {
			t.Errorf("tweetalig.epub lacks %s", want)
		}
	}
	// The PDF: a Span and a Div with /Lang (en), a Span with /Lang (de).
	out, ok := validate.Run("qpdf", "--qdf", "--object-streams=disable", filepath.Join("..", "..", "golden", "tweetalig.pdf"), "-")
	if !ok {
		validate.Tool(t, "qpdf", "qpdf")
		t.Fatalf("qpdf: %.200s", out)
	}
	for _, want := range []string{"/S /Span", "/S /Div", "/Lang (en)", "/Lang (de)"} {
		if !strings.Contains(out, want) {
			t.Errorf("tweetalig.pdf has no %s", want)
		}
	}
	if n := strings.Count(out, "/Lang (en)"); n != 2 {
		t.Errorf("tweetalig.pdf has /Lang (en) %d times, want 2 (the span and the summary)", n)
	}
}

// TestOfficeDocuments checks the Word and OpenDocument fixtures: the
// passage in English and the picture's description reach the PDF's
// structure tree, the EPUB and the HTML, and the EPUB holds the picture.
func TestOfficeDocuments(t *testing.T) {
	for _, c := range []struct{ name, english, alt string }{
		{"jaarverslag", "rules-based international order", "Kaart van de ambassades"},
		{"nota", "living with water", "Kaart van de dijkringen"},
	} {
		dir := filepath.Join("..", "..", "golden")
		html, err := os.ReadFile(filepath.Join(dir, c.name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`<html lang="nl-NL"`, `<span lang="en-GB">` + c.english + `</span>`, `<img src="data:image/png;base64,`, `alt="` + c.alt + `"`} {
			if !strings.Contains(string(html), want) {
				t.Errorf("%s.html lacks %s", c.name, want)
			}
		}
		epub, err := os.ReadFile(filepath.Join(dir, c.name+".epub"))
		if err != nil {
			t.Fatal(err)
		}
		files := golden.EPUBFiles(t, epub)
		if text := golden.ChapterText(files); !strings.Contains(text, `<span lang="en-GB" xml:lang="en-GB">`+c.english) || !strings.Contains(text, `alt="`+c.alt+`"`) {
			t.Errorf("%s.epub lacks the English span or the alternative text", c.name)
		}
		if _, ok := files["EPUB/images/image.png"]; !ok {
			t.Errorf("%s.epub does not hold the picture", c.name)
		}
		out, ok := validate.Run("qpdf", "--qdf", "--object-streams=disable", filepath.Join(dir, c.name+".pdf"), "-")
		if !ok {
			validate.Tool(t, "qpdf", "qpdf")
			t.Fatalf("qpdf: %.200s", out)
		}
		alt := "<feff" // the PDF's text string, in UTF-16
		for _, u := range utf16.Encode([]rune(c.alt)) {
			alt += fmt.Sprintf("%04x", u)
		}
		for _, want := range []string{"/Lang (en-GB)", "/Alt " + alt + ">", "/Subtype /Image"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s.pdf has no %s", c.name, want)
			}
		}
	}
}
