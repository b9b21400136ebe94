package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/pdf"
	"github.com/galleypress/galley/pkg/wordbreak"
)

// The text engine: shaped glyphs, as a reader sees them and as
// pdftotext reads them back.

const (
	dejaVu     = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	devanagari = "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"
	naskh      = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
)

// paragraphs makes a document of one paragraph for each text.
func paragraphs(lang string, texts ...string) *doc.Document {
	d := &doc.Document{Meta: doc.Meta{Lang: lang}}
	for _, s := range texts {
		d.Blocks = append(d.Blocks, &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: s}}})
	}
	return d
}

// word is a word pdftotext -bbox reads, and its box, in points.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// bboxWords returns the words of a PDF, as pdftotext -bbox reads them.
func bboxWords(t *testing.T, data []byte) []word {
	t.Helper()
	tool := validate.Tool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(tool, "-bbox", writeTemp(t, data), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var ws []word
	for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
		w := word{text: m[5]}
		for i, p := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
			*p, _ = strconv.ParseFloat(m[i+1], 64)
		}
		ws = append(ws, w)
	}
	return ws
}

// pdfText returns a PDF's text, as pdftotext reads it.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	tool := validate.Tool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(tool, writeTemp(t, data), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestKerning: "AV", "To", "Ty" are narrower than their letters set
// apart, in DejaVu Sans and in the built-in family (whose designers kern
// "AV" and "To" but not "Ty": Noto Serif has no such pair).
func TestKerning(t *testing.T) {
	font := validate.File(t, dejaVu, "fonts-dejavu-core")
	for _, fonts := range []layout.Fonts{{}, {Regular: font}} {
		d := paragraphs("en", "AV A V To T o Ty T y")
		data := renderPDF(t, d, pdf.Config{NoTitlePage: true, Fonts: fonts}, nil)
		ws := bboxWords(t, data)
		width := map[string]float64{}
		for _, w := range ws {
			width[w.text] = w.xMax - w.xMin
		}
		for _, pair := range []string{"AV", "To", "Ty"} {
			if pair == "Ty" && fonts.Regular == "" {
				continue
			}
			a, b := pair[:1], pair[1:]
			if width[pair] == 0 || width[a] == 0 || width[b] == 0 {
				t.Fatalf("words read back: %v", ws)
			}
			if width[pair] >= width[a]+width[b]-0.2 {
				t.Errorf("%q: %q is %.2f pt wide, %q and %q %.2f pt: not kerned", fonts.Regular, pair, width[pair], a, b, width[a]+width[b])
			}
		}
	}
}

// TestLigatures: "office", "fluffy", "final" are drawn with ligature
// glyphs (fewer glyphs than letters) and read back exactly.
func TestLigatures(t *testing.T) {
	font := validate.File(t, dejaVu, "fonts-dejavu-core")
	d := paragraphs("en", "office fluffy final")
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, Fonts: layout.Fonts{Regular: font}}, &render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	count(t, l, 4)
	l, err = layout.Layout(d, layout.Config{NoTitlePage: true}, &render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Noto Serif has fi and fl, not ffi: "o-f-fi-ce", "fl-u-f-f-y",
	// "fi-nal".
	count(t, l, 3)
	data := renderPDF(t, d, pdf.Config{NoTitlePage: true, Fonts: layout.Fonts{Regular: font}}, nil)
	if got := strings.Fields(pdfText(t, data)); strings.Join(got[:min(3, len(got))], " ") != "office fluffy final" {
		t.Errorf("read back %q", got)
	}
}

// count checks a layout draws at least fewer glyphs than characters.
func count(t *testing.T, l *layout.Paged, fewer int) {
	t.Helper()
	glyphs, letters := 0, 0
	for _, it := range l.Pages[0].Items {
		if it.Kind == layout.Glyphs && !it.Furniture {
			glyphs += len(it.Glyphs)
			letters += len([]rune(it.Text))
		}
	}
	if glyphs > letters-fewer {
		t.Errorf("%s: %d glyphs for %d characters: no ligatures", l.Faces[0].Name, glyphs, letters)
	}
}

// TestRightToLeft: Arabic is joined by the font and read back as its
// letters (U+0627…, not presentation forms); a right-to-left paragraph
// is aligned right; a comma after Hebrew words in an English sentence
// stands right of them.
func TestRightToLeft(t *testing.T) {
	font := validate.File(t, dejaVu, "fonts-dejavu-core")
	arabic := validate.File(t, naskh, "fonts-noto-core")
	cfg := pdf.Config{NoTitlePage: true, Fonts: layout.Fonts{Regular: font, Fallback: []string{arabic}}}
	long := strings.Repeat("A line of English, justified to the measure. ", 8)
	d := paragraphs("en", "مرحبا بالعالم", "Hebrew: שלום עולם, in a sentence.", long)
	data := renderPDF(t, d, cfg, nil)
	text := pdfText(t, data)
	for _, want := range []string{"مرحبا", "بالعالم", "שלום"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read back from %q", want, text)
		}
	}
	for _, r := range text {
		if r >= 0xFB50 && r <= 0xFEFF {
			t.Errorf("read back a presentation form, U+%04X", r)
			break
		}
	}
	ws := bboxWords(t, data)
	var right, measure float64
	comma := ""
	for _, w := range ws {
		switch {
		case w.text == "justified" || w.text == "justified ":
			measure = max(measure, w.xMax)
		case strings.ContainsAny(w.text, "مرحبالع"):
			right = max(right, w.xMax)
		case strings.ContainsAny(w.text, "שלוםעו") && strings.Contains(w.text, ","):
			comma = w.text
		}
	}
	if measure == 0 {
		t.Fatalf("words: %v", ws)
	}
	if right < measure-1 {
		t.Errorf("the Arabic paragraph ends at %.1f pt, the measure at %.1f: not aligned right", right, measure)
	}
	// pdftotext -bbox reads words as drawn, left to right: the comma
	// ends the Hebrew run ("םולש,"), it does not start it (",םלוע").
	if !strings.HasSuffix(comma, ",") {
		t.Errorf("the comma is drawn as %q (words: %v)", comma, ws)
	}
}

// TestDevanagari: a conjunct is formed (fewer glyphs than characters,
// the vowel sign before its consonant) and the word is read back exactly.
func TestDevanagari(t *testing.T) {
	font := validate.File(t, devanagari, "fonts-noto-core")
	const word = "क्षत्रिय"
	d := paragraphs("hi", word)
	l, err := layout.Layout(d, layout.Config{NoTitlePage: true, Fonts: layout.Fonts{Fallback: []string{font}}}, &render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range l.Pages[0].Items {
		if it.Kind == layout.Glyphs && strings.HasPrefix(it.Text, word) {
			if n := len(it.Glyphs); n >= len([]rune(word)) {
				t.Errorf("%d glyphs for %d characters: no conjuncts", n, len([]rune(word)))
			}
		}
	}
	data := renderPDF(t, d, pdf.Config{NoTitlePage: true, Fonts: layout.Fonts{Fallback: []string{font}}}, nil)
	if got := strings.TrimSpace(pdfText(t, data)); !strings.HasPrefix(got, word) {
		t.Errorf("read back %q, want %q", got, word)
	}
	if !bytes.Contains(uncompressed(t, data), []byte("/ActualText")) {
		t.Error("no /ActualText for the conjunct")
	}
}

// uncompressed returns a PDF with its streams uncompressed (qpdf).
func uncompressed(t *testing.T, data []byte) []byte {
	t.Helper()
	tool := validate.Tool(t, "qpdf", "qpdf")
	out, err := exec.Command(tool, "--qdf", "--object-streams=disable", writeTemp(t, data), "-").Output()
	if err != nil && len(out) == 0 {
		t.Fatal(err)
	}
	return out
}

// TestEveryScript: a document in Chinese, Japanese, Korean, Arabic,
// Hebrew, Thai, Bengali, Vietnamese, with emoji and a fraction, is set
// with no character drawn as '�' when the machine has fonts for them
// (those .ci/run installs), and reads back as written.
func TestEveryScript(t *testing.T) {
	for _, f := range []struct{ path, pkg string }{
		{"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "fonts-wqy-zenhei"},
		{dejaVu, "fonts-dejavu-core"},
		{naskh, "fonts-noto-core"},
		{"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "fonts-symbola"},
	} {
		validate.File(t, f.path, f.pkg)
	}
	texts := []string{"北京市的水质报告", "日本語のテキスト", "한국어 문장", "مرحبا بالعالم", "שלום עולם", "ภาษาไทย", "বাংলা ভাষা", "Tiếng Việt có dấu", "😀 🎉 ⅔"}
	var warnings []string
	opts := &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }}
	data := renderPDF(t, paragraphs("en", texts...), pdf.Config{NoTitlePage: true}, opts)
	for _, w := range warnings {
		if strings.Contains(w, "drawn as") {
			t.Errorf("warning: %s", w)
		}
	}
	text := pdfText(t, data)
	for _, want := range texts {
		for _, word := range strings.Fields(want) {
			if !strings.Contains(text, word) {
				t.Errorf("%q not read back (from %q)", word, want)
			}
		}
	}
	// Without the machine's fonts: one warning for each script.
	warnings = nil
	renderPDF(t, paragraphs("en", texts...), pdf.Config{NoTitlePage: true, NoSystemFonts: true}, opts)
	scripts := map[string]bool{}
	for _, w := range warnings {
		if i := strings.Index(w, " characters ("); i > 0 {
			f := strings.Fields(w[:i])
			scripts[f[len(f)-1]] = true
		}
	}
	for _, sc := range []string{"Han", "Hangul", "Arabic", "Hebrew", "Thai", "Bengali"} {
		if !scripts[sc] {
			t.Errorf("no warning for %s: %q", sc, warnings)
		}
	}
}

// TestOpenTypeCFF: fonts with PostScript outlines (.otf) are embedded
// whole as OpenType font programs (CIDFontType0, /FontFile3 /OpenType),
// shaped like any other, and read back; the file passes qpdf and pdfcpu.
func TestOpenTypeCFF(t *testing.T) {
	garamond := validate.File(t, "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf", "fonts-ebgaramond")
	free := validate.File(t, "/usr/share/fonts/opentype/freefont/FreeSerif.otf", "fonts-freefont-otf")
	cfg := pdf.Config{NoTitlePage: true, NoSystemFonts: true, Fonts: layout.Fonts{Regular: garamond, Fallback: []string{free}}}
	text := "Office affairs: AVATAR. Ωμέγα, Кириллица and שלום."
	data := renderPDF(t, paragraphs("en", text), cfg, nil)
	if err := validate.PDF(data); err != nil {
		t.Errorf("pdfcpu: %v", err)
	}
	qpdf := validate.Tool(t, "qpdf", "qpdf")
	if out, err := exec.Command(qpdf, "--check", writeTemp(t, data)).CombinedOutput(); err != nil {
		t.Errorf("qpdf: %v\n%s", err, out)
	}
	// pdftotext marks a right-to-left run with U+202B … U+202C.
	got := strings.Join(strings.Fields(strings.NewReplacer("\u202b", "", "\u202c", "").Replace(pdfText(t, data))), " ")
	if !strings.HasPrefix(got, text) {
		t.Errorf("read back %q, want %q", got, text)
	}
	fonts := validate.Tool(t, "pdffonts", "poppler-utils")
	out, err := exec.Command(fonts, writeTemp(t, data)).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"EBGaramond12-Regular", "FreeSerif"} {
		if !regexp.MustCompile(`[A-Z]{6}\+` + want + `\s+CID Type 0C \(OT\)\s+Identity-H\s+yes\s+yes\s+yes`).Match(out) {
			t.Errorf("pdffonts does not list %s embedded as an OpenType CFF subset:\n%s", want, out)
		}
	}
	// Ligatures from the font's GSUB: "ffi" and "ff" (FreeSerif's;
	// Debian's EB Garamond has its f-ligatures in dlig, not liga).
	l, err := layout.Layout(paragraphs("en", "Office affairs"), layout.Config{NoTitlePage: true, NoSystemFonts: true, Fonts: layout.Fonts{Regular: free}}, &render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	count(t, l, 2)
	// A CID-keyed one (Noto Sans CJK, where installed) is refused with
	// a clear message.
	if cjk := "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"; exists(cjk) {
		_, err := layout.Layout(paragraphs("en", "x"), layout.Config{Fonts: layout.Fonts{Regular: cjk + "#0"}}, &render.Options{})
		if err == nil || !strings.Contains(err.Error(), "CID-keyed") {
			t.Errorf("Noto Sans CJK: %v", err)
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// graphvizSVG is a figure as Graphviz draws one: boxes, an arrow, text
// in Times; and a red bar with a gradient, clipped, half transparent.
const graphvizSVG = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg width="260pt" height="120pt" viewBox="0.00 0.00 260.00 120.00" xmlns="http://www.w3.org/2000/svg">
<defs><linearGradient id="g"><stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="#800000"/></linearGradient>
<clipPath id="c"><rect x="150" y="10" width="100" height="40"/></clipPath></defs>
<g id="graph0" class="graph" transform="translate(4 116)">
<polygon fill="white" stroke="none" points="-4,4 -4,-116 256,-116 256,4 -4,4"/>
<polygon fill="none" stroke="black" points="0,-60 0,-100 80,-100 80,-60 0,-60"/>
<text text-anchor="middle" x="40" y="-75.8" font-family="Times,serif" font-size="14.00">capacity</text>
<path fill="none" stroke="black" d="M80,-80C100,-80 110,-40 130,-40"/>
<polygon fill="black" stroke="black" points="130,-43.5 140,-40 130,-36.5 130,-43.5"/>
</g>
<rect x="150" y="10" width="200" height="100" fill="url(#g)" clip-path="url(#c)" opacity="0.9"/>
</svg>`

// TestSVGVectors: an SVG figure is drawn as vectors (no image in the
// PDF), visibly (its red bar is red in the rendered page), its text set
// in fonts and read back; the file passes qpdf and pdfcpu.
func TestSVGVectors(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{
		&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Before the figure."}}},
		&doc.Figure{Src: "figure.svg", Alt: "A box named capacity, an arrow, a red bar"},
	}}
	files := fstest.MapFS{"figure.svg": {Data: []byte(graphvizSVG)}}
	var warnings []string
	opts := &render.Options{Files: files, Warn: func(err error) { warnings = append(warnings, err.Error()) }}
	data := renderPDF(t, d, pdf.Config{NoTitlePage: true, NoSystemFonts: true}, opts)
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	if err := validate.PDF(data); err != nil {
		t.Errorf("pdfcpu: %v", err)
	}
	raw := uncompressed(t, data)
	if bytes.Contains(raw, []byte("/Subtype /Image")) {
		t.Error("the SVG is an image in the PDF")
	}
	if !bytes.Contains(raw, []byte("/Subtype /Form")) || !bytes.Contains(raw, []byte("/ShadingType 2")) || !bytes.Contains(raw, []byte("/ca 0.9")) {
		t.Error("no form, shading or opacity in the PDF")
	}
	if text := pdfText(t, data); !strings.Contains(text, "capacity") {
		t.Errorf("the figure's text is not read back: %q", text)
	}
	// Rendered, the bar is red: many pixels of it.
	tool := validate.Tool(t, "pdftoppm", "poppler-utils")
	dir := t.TempDir()
	if out, err := exec.Command(tool, "-png", "-r", "50", "-singlefile", writeTemp(t, data), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	red, dark := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r > 0x9000 && g < 0x4000 && bl < 0x4000 {
				red++
			}
			if r < 0x3000 && g < 0x3000 && bl < 0x3000 {
				dark++
			}
		}
	}
	if red < 200 || dark < 100 {
		t.Errorf("rendered: %d red pixels, %d dark ones; the figure is not visible", red, dark)
	}
}

// thai is a paragraph of Thai, written as Thai is, without spaces
// between its words.
const thai = "ภาษาไทยเป็นภาษาราชการของประเทศไทยและเป็นภาษาแม่ของชาวไทยภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอนหรือวรรณยุกต์เช่นเดียวกับภาษาจีนและออกเสียงแยกคำต่อคำ" +
	"ฉันรักเธอมากและเราจะไปเที่ยวทะเลด้วยกันในวันหยุดนี้นักเรียนทุกคนต้องมาโรงเรียนแต่เช้าเพื่อเข้าแถวเคารพธงชาติ"

// TestThaiBreaksBetweenWords: a paragraph of Thai breaks into lines
// only where two words meet, as Debian's Thai word list (hunspell-th)
// tells them, with no hyphen; its text reads back whole. (pdftotext
// reads a space after a mark the font draws far left of its pen, as
// Noto Looped Thai's are, and in the stretch between words of a
// justified line: its own guess from the gaps, so spaces are ignored.)
func TestThaiBreaksBetweenWords(t *testing.T) {
	validate.File(t, wordbreak.Paths[0], "hunspell-th")
	validate.File(t, "/usr/share/fonts/truetype/noto/NotoSerifThai-Regular.ttf", "fonts-noto-core")
	dict, _, err := wordbreak.System()
	if err != nil {
		t.Fatal(err)
	}
	boundary := map[int]bool{}
	for _, b := range dict.Breaks(thai, nil) {
		boundary[b] = true
	}
	d := paragraphs("th", thai)
	var warnings []string
	data := renderPDF(t, d, pdf.Config{NoTitlePage: true, Paper: "a5"}, &render.Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	for _, w := range warnings {
		if !strings.Contains(w, "this machine's fonts") {
			t.Errorf("warning: %s", w)
		}
	}
	var lines []string
	for _, line := range strings.Split(pdfText(t, data), "\n") {
		line = strings.Join(strings.Fields(line), "")
		if line != "" && !strings.Contains(line, "/") { // the page number
			lines = append(lines, line)
		}
	}
	if got := strings.Join(lines, ""); got != thai {
		t.Fatalf("read back\n%s\nwant\n%s", got, thai)
	}
	if len(lines) < 3 {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	at := 0
	for _, line := range lines[:len(lines)-1] {
		at += len(line)
		if !boundary[at] {
			t.Errorf("line ends inside a word: %q", line)
		}
	}
}

// TestVariableFont: a variable TrueType font (Debian's Inter) is set and
// embedded at its default instance (Inter Regular): a subset without the
// variation tables, which qpdf and pdfcpu accept and pdftotext reads.
func TestVariableFont(t *testing.T) {
	inter := validate.File(t, "/usr/share/fonts/truetype/inter-vf/Inter.var.ttf", "fonts-inter-variable")
	cfg := pdf.Config{NoTitlePage: true, NoSystemFonts: true, Fonts: layout.Fonts{Regular: inter}}
	const text = "Office affairs: AVATAR, Type."
	data := renderPDF(t, paragraphs("en", text), cfg, nil)
	if err := validate.PDF(data); err != nil {
		t.Errorf("pdfcpu: %v", err)
	}
	qpdf := validate.Tool(t, "qpdf", "qpdf")
	if out, err := exec.Command(qpdf, "--check", writeTemp(t, data)).CombinedOutput(); err != nil {
		t.Errorf("qpdf: %v\n%s", err, out)
	}
	if got := strings.Join(strings.Fields(pdfText(t, data)), " "); !strings.HasPrefix(got, text) {
		t.Errorf("read back %q, want %q", got, text)
	}
	out, err := exec.Command(validate.Tool(t, "pdffonts", "poppler-utils"), writeTemp(t, data)).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`\+Inter\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`).Match(out) {
		t.Errorf("pdffonts does not list Inter as an embedded subset:\n%s", out)
	}
	raw := uncompressed(t, data)
	if !bytes.Contains(raw, []byte("glyf")) {
		t.Fatal("no glyf table in the uncompressed PDF")
	}
	for _, table := range []string{"fvar", "gvar", "HVAR"} {
		if bytes.Contains(raw, []byte(table)) {
			t.Errorf("the embedded font keeps its %s table", table)
		}
	}
}

// TestDiagnosticCodes: the PDF's warnings are diagnostics with codes a
// program can match; under --strict the missing glyphs are an error.
func TestDiagnosticCodes(t *testing.T) {
	d := paragraphs("xx", "Greek Ωμέγα and a glyph no built-in font has: 𝔘 ⵣ")
	var codes []string
	opts := &render.Options{Warn: func(err error) {
		var dg *diag.Diagnostic
		if !errors.As(err, &dg) || dg.Severity != diag.Warning {
			t.Errorf("warning %q is no diag.Diagnostic of severity Warning", err)
			return
		}
		codes = append(codes, dg.Code)
	}}
	renderPDF(t, d, pdf.Config{NoTitlePage: true, NoSystemFonts: true}, opts)
	if !slices.Contains(codes, "missing-glyph") || !slices.Contains(codes, "no-hyphenation") {
		t.Errorf("codes %q, want missing-glyph and no-hyphenation", codes)
	}
	err := pdf.New(pdf.Config{NoTitlePage: true, NoSystemFonts: true}).Render(context.Background(), io.Discard, d, &render.Options{Strict: true})
	var dg *diag.Diagnostic
	if !errors.As(err, &dg) || dg.Severity != diag.Error || dg.Code != "missing-glyph" {
		t.Errorf("strict: %v, want a missing-glyph error", err)
	}
}
