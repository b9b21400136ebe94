package publish_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/font"
	"github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/theme"
)

// themed are the themes the theme fixture is built with: the built-in
// ones and a house style with a logo.
var themed = []struct{ name, theme string }{
	{"default", "default"}, {"report", "report"}, {"book", "book"}, {"huisstijl", "themes/huisstijl.yaml"}, {"kolommen", "themes/kolommen.yaml"},
}

// buildThemed builds fixtures/themes/rapport.md with a theme as PDF,
// HTML and EPUB, and keeps them in golden/themes.
func buildThemed(t *testing.T, name, th string) map[string][]byte {
	t.Helper()
	job := &publish.Job{Inputs: []string{"themes/rapport.md"}, Options: publish.Settings{}}
	job.Options.Set("", "theme", th)
	job.Options.Set("pdf", "no-system-fonts", "true")
	out, err := publish.RenderEach(job, &publish.Env{Dir: "../../fixtures"}, []string{"pdf", "html", "epub"})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, f := range []string{"pdf", "html", "epub"} {
		golden.Check(t, filepath.Join("..", "..", "golden", "themes", "rapport."+name+"."+f), out[f])
	}
	golden.Check(t, filepath.Join("..", "..", "golden", "themes", "rapport."+name+".pdf.layout"), out["pdf.layout"])
	return out
}

// pagesText returns the text pdftotext reads on each page of a PDF.
func pagesText(t *testing.T, data []byte) []string {
	t.Helper()
	all, ok := validate.Run("pdftotext", "-layout", writeTemp(t, data), "-")
	if !ok {
		validate.Tool(t, "pdftotext", "poppler-utils")
		t.Fatalf("pdftotext: %s", all)
	}
	return strings.Split(strings.TrimSuffix(all, "\f"), "\f")
}

// TestThemes builds one report under each built-in theme and under a
// house style with a logo, and checks what a reader sees: the running
// header each theme words (the title on every body page of the report,
// title and chapter alternating in the book), numbered headings and
// captions where the theme numbers them, the heading colour in the
// PDF's content, the logo on every body page, and the same colours in
// the HTML's and the EPUB's stylesheets as in the theme.
func TestThemes(t *testing.T) {
	for _, c := range themed {
		t.Run(c.name, func(t *testing.T) {
			out := buildThemed(t, c.name, c.theme)
			th, err := theme.Load(c.theme, func(name string) ([]byte, error) { return os.ReadFile(filepath.Join("../../fixtures", name)) })
			if err != nil {
				t.Fatal(err)
			}
			pages := pagesText(t, out["pdf"])
			text := strings.Join(pages, "\n")
			// Figures read as figures whatever glyphs draw them (the
			// book's old-style figures).
			if !strings.Contains(strings.Join(strings.Fields(text), " "), "In 2024 zijn veertien trajecten beoordeeld") {
				t.Error("the PDF's text lacks \"In 2024 zijn veertien trajecten beoordeeld\"")
			}
			// Highlighted code keeps its text, line for line (a line a
			// narrow column breaks goes on after a "→").
			raw := text
			if th.Page.Columns == "2" {
				// In columns, the text as drawn (-layout interleaves the
				// columns' lines).
				raw, _ = validate.Run("pdftotext", writeTemp(t, out["pdf"]), "-")
			}
			joined := strings.Join(strings.Fields(strings.ReplaceAll(raw, "→", "")), "")
			for _, line := range []string{"def kans(sterkte, belasting):", "# de kans dat de belasting de sterkte overtreft", "return max(0.0, min(1.0, belasting / sterkte - 0.5))"} {
				if !strings.Contains(text, line) && (th.Page.Columns != "2" || !strings.Contains(joined, strings.Join(strings.Fields(line), ""))) {
					t.Errorf("the PDF's code lacks %q", line)
				}
			}
			numbered := th.Headings.Depth() > 0
			for _, h := range []string{"1 Inleiding", "2 Resultaten", "3 Vooruitblik"} {
				if got := strings.Contains(text, h); got != numbered {
					t.Errorf("heading %q numbered: %v, want %v", h, got, numbered)
				}
			}
			if got, want := strings.Contains(text, "1.1 Doelen"), th.Headings.Depth() >= 2; got != want {
				t.Errorf("sub-heading 1.1 numbered: %v, want %v", got, want)
			}
			caps := []string{"Figuur 1: Het logo van galley", "Tabel 1: Kosten van de versterking", "Figuur 2: Nitraat per meetpunt"}
			refs := "De kosten staan in Tabel 1, de metingen in Figuur 2."
			if th.Captions.Per == "chapter" {
				caps = []string{"Figuur 2.1: Het logo van galley", "Tabel 2.1: Kosten van de versterking", "Figuur 2.2: Nitraat per meetpunt"}
				refs = "De kosten staan in Tabel 2.1, de metingen in Figuur 2.2."
			}
			if !th.Captions.Numbered {
				refs = "De kosten staan in Kosten van de versterking per traject, de metingen in Nitraat per meetpunt."
			}
			// References by id say the number (or the caption).
			if flat := strings.Join(strings.Fields(text), " "); !strings.Contains(flat, refs) {
				t.Errorf("the references do not read %q", refs)
			}
			for _, cp := range caps {
				if got := strings.Contains(text, cp); got != th.Captions.Numbered {
					t.Errorf("caption %q: %v, want %v", cp, got, th.Captions.Numbered)
				}
			}
			// The running header: the first line of each body page.
			for i, p := range pages[1:] {
				n := i + 2
				head := strings.TrimSpace(strings.SplitN(strings.TrimLeft(p, "\n "), "\n", 2)[0])
				tmpl := th.Header.Recto
				if n%2 == 0 {
					tmpl = th.Header.Verso
				}
				if strings.Contains(tmpl, "{title}") && !strings.Contains(head, "Waterbeheer in de delta") {
					t.Errorf("page %d: header %q lacks the title (%s)", n, head, tmpl)
				}
				if tmpl == "{chapter}" && strings.Contains(head, "Waterbeheer") {
					t.Errorf("page %d: header %q is not the chapter's", n, head)
				}
			}
			// The heading colour, set as the fill colour in the content.
			qdf, ok := validate.Run("qpdf", "--qdf", "--object-streams=disable", writeTemp(t, out["pdf"]), "-")
			if !ok {
				validate.Tool(t, "qpdf", "qpdf")
				t.Fatalf("qpdf: %.200s", qdf)
			}
			contents := regexp.MustCompile(`(?s)%% Contents for page \d+.*?endstream`).FindAllString(qdf, -1)
			if hc := th.Colors.Headings; hc != theme.Default().Colors.Headings {
				// The first body page's H1 (the title page's title is
				// in the headings' colour too, and links may be).
				h1 := regexp.MustCompile(`(?s)/H1 <</MCID \d+>> BDC.*?EMC`).FindString(contents[1])
				if want := rg(hc); !strings.Contains(h1, want) {
					t.Errorf("the PDF's first heading is not in the headings' colour %s (%q): %.300s", hc, want, h1)
				}
			}
			// The fonts: the body's family, and the headings' own.
			for fam, want := range map[string]bool{"NotoSerif-Regular": th.Fonts.Family == "noto", "GoRegular": th.Fonts.Family == "go", "Go-Bold": th.Fonts.Family == "go" || th.Fonts.Headings == "go"} {
				if got := strings.Contains(qdf, "+"+fam); got != want {
					t.Errorf("font %s embedded: %v, want %v", fam, got, want)
				}
			}
			// The title page's field across its top, and its logo.
			if bc, ok := th.TitlePage.BandColor(); ok && !strings.Contains(contents[0], "q "+rg(bc)+" 0 ") {
				t.Errorf("the title page has no field in %s", bc)
			}
			if got, want := strings.Count(contents[0], " Do Q"), btoi(th.TitlePage.Logo != "")+btoi(th.TitlePage.Image != ""); got != want {
				t.Errorf("%d images (logo, picture) drawn on the title page, want %d", got, want)
			}
			// The logo: a form drawn once on every body page.
			if th.Header.Logo != "" {
				for i, content := range contents[1:] {
					if !strings.Contains(content, " Do Q") {
						t.Errorf("page %d has no logo", i+2)
					}
				}
			}
			// HTML and EPUB: the theme's colours in their stylesheets.
			page := string(out["html"])
			css := golden.EPUBFiles(t, out["epub"])["EPUB/style.css"]
			def := theme.Default()
			for key, c := range map[string][2]theme.Color{"heading": {th.Colors.Headings, def.Colors.Headings}, "link": {th.Colors.Links, def.Colors.Links}, "th-bg": {th.Colors.TableHeader, def.Colors.TableHeader}} {
				if c[0] == c[1] {
					continue
				}
				if want := fmt.Sprintf("--%s: %s;", key, c[0]); !strings.Contains(page, want) {
					t.Errorf("the HTML lacks %s", want)
				}
				if !strings.Contains(css, c[0].String()) {
					t.Errorf("the EPUB's stylesheet lacks the %s colour %s", key, c[0])
				}
			}
			if c.name == "default" && (strings.Contains(page, "/* theme") || strings.Contains(css, "/* theme")) {
				t.Error("the default theme adds rules to galley's stylesheets")
			}
			if th.Fonts.Family == "go" && (!strings.Contains(page, "sans-serif") || !strings.Contains(css, "sans-serif")) {
				t.Error("a sans-serif theme gives HTML or EPUB no sans-serif font")
			}
			// The EPUB carries the fonts a theme names (not galley's
			// default, which reading systems choose for), cut down to
			// the book's glyphs: each still a font, with the title's.
			files := golden.EPUBFiles(t, out["epub"])
			for _, face := range []string{"regular", "bold", "italic", "bolditalic"} {
				name := "EPUB/fonts/go-" + face + ".ttf"
				want := th.Fonts.Family == "go" || th.Fonts.Headings == "go" && strings.HasPrefix(face, "bold")
				data, got := files[name]
				if got != want {
					t.Errorf("%s in the EPUB: %v, want %v", name, got, want)
					continue
				}
				if !got {
					continue
				}
				if !strings.Contains(css, `src: url("fonts/go-`+face+`.ttf")`) {
					t.Errorf("the EPUB's stylesheet does not name %s", name)
				}
				f, err := font.Parse(name, []byte(data))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, r := range "Waterbeheer in de delta" {
					if id, ok := f.GlyphID(r); !ok || f.GlyphWidth(id) == 0 && r != ' ' {
						t.Errorf("%s has no glyph for %q", name, r)
					}
				}
				if len(data) > 80_000 {
					t.Errorf("%s is %d bytes: not cut down to the book's glyphs", name, len(data))
				}
			}
		})
	}
}

// rg is the PDF operator that sets c as the fill colour.
func rg(c theme.Color) string {
	n := func(v uint32) string {
		return strconv.FormatFloat(float64(int(float64(v)/255*1000+0.5))/1000, 'f', -1, 64)
	}
	return fmt.Sprintf("%s %s %s rg", n(uint32(c)>>16&0xff), n(uint32(c)>>8&0xff), n(uint32(c)&0xff))
}

// TestThemedValid: every themed output passes the validators: EPUBCheck,
// the Nu HTML checker, the PDF/UA checker, galley's PDF/A checks, Ace
// (the themes other than the default) and axe.
func TestThemedValid(t *testing.T) {
	if testing.Short() {
		t.Skip("the validators take seconds; skipped under -short")
	}
	epubcheck, vnu := validate.EPUBCheck(t), validate.VNU(t)
	dir := t.TempDir()
	var pages []string
	for _, c := range themed {
		out := buildThemed(t, c.name, c.theme)
		base := filepath.Join(dir, c.name)
		for _, f := range []string{"pdf", "html", "epub"} {
			if err := os.WriteFile(base+"."+f, out[f], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		pages = append(pages, base+".html")
		if res, ok := validate.JavaJar(epubcheck, base+".epub"); !ok || !strings.Contains(res, "No errors or warnings detected") {
			t.Errorf("%s: EPUBCheck:\n%s", c.name, res)
		}
		for _, f := range validate.PDFUA(t, base+".pdf", "").Failures {
			t.Errorf("%s: PDF/UA: %s", c.name, f)
		}
		if problems, err := validate.PDFA(out["pdf"]); err != nil || len(problems) > 0 {
			t.Errorf("%s: PDF/A: %v %q", c.name, err, problems)
		}
	}
	if res, ok := validate.JavaJar(vnu, append([]string{"--errors-only"}, pages...)...); !ok || strings.TrimSpace(res) != "" {
		t.Errorf("Nu HTML checker:\n%s", res)
	}
	// Ace and axe: nothing serious in the themed EPUBs (their fonts,
	// their colours) nor in the pages, in either colour scheme.
	for _, c := range themed[1:] {
		findings, err := validate.AceFindings(t, filepath.Join(dir, c.name+".epub"))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, f := range findings {
			if strings.HasPrefix(f, "critical") || strings.HasPrefix(f, "serious") {
				t.Errorf("%s: Ace: %s", c.name, f)
			}
		}
	}
	found, err := validate.AxeFindings(t, pages...)
	if err != nil {
		t.Fatal(err)
	}
	for page, fs := range found {
		for _, f := range fs {
			if strings.HasPrefix(f, "critical") || strings.HasPrefix(f, "serious") {
				t.Errorf("%s: axe: %s", page, f)
			}
		}
	}
}

// TestThemeMistakes: a theme whose colours fail WCAG's contrast gives a
// warning naming the pair; an unknown key is an error with the file's
// line; a theme that names no file nor built-in theme says so.
func TestThemeMistakes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("doc.md", "# Titel\n\nEen zin in het Nederlands, lang genoeg om de taal te herkennen.\n")
	write("pale.yaml", "colors:\n  links: \"#a0c0e0\"\n")
	write("typo.yaml", "colors:\n  text: \"#000000\"\n  colour: \"#ff0000\"\n")
	convert := func(th string) ([]error, error) {
		var warnings []error
		job := &publish.Job{Inputs: []string{"doc.md"}, Outputs: []publish.Output{{Path: filepath.Join(dir, "doc.html")}}, Options: publish.Settings{}}
		job.Options.Set("", "theme", th)
		_, err := publish.Convert(t.Context(), job, &publish.Env{Dir: dir, Warn: func(err error) { warnings = append(warnings, err) }})
		return warnings, err
	}
	warnings, err := convert("pale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range warnings {
		var d *diag.Diagnostic
		found = found || errors.As(w, &d) && d.Code == "theme-contrast" && strings.Contains(w.Error(), "links #a0c0e0 on background #ffffff has a contrast of 1.")
	}
	if !found {
		t.Errorf("no contrast warning naming the pair: %q", warnings)
	}
	if _, err := convert("typo.yaml"); err == nil || !strings.Contains(err.Error(), `typo.yaml: line 3: colors: unknown key "colour"`) {
		t.Errorf("unknown key: %v", err)
	}
	if _, err := convert("fancy"); err == nil || !strings.Contains(err.Error(), `no built-in theme "fancy"`) {
		t.Errorf("unknown theme: %v", err)
	}
}

// writeTemp writes data to a file of the test's and returns its path.
func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
