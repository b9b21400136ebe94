package docx_test

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/docx"
	"golang.org/x/text/unicode/norm"
)

// corpus holds pandoc's Word reader tests: NAME.docx with pandoc's
// reading in NAME.native (../shared/corpus); the test skips when it is
// missing.
const corpus = "../../../../shared/corpus/pandoc-docx"

var (
	nativeHeader = regexp.MustCompile(`\bHeader (\d) \(`)
	nativeSpace  = regexp.MustCompile(`\s+`)
	nativeStr    = regexp.MustCompile(`Str "((?:[^"\\]|\\.)*)"`)
	nativeNote   = regexp.MustCompile(`\bNote \[`)
	nativeTable  = regexp.MustCompile(`\bTable \(`)
	nativeList   = regexp.MustCompile(`\b(BulletList|OrderedList) `)
	nativeImage  = regexp.MustCompile(`\bImage \(`)
)

// nativeText joins the strings of a stretch of pandoc's native form.
func nativeText(s string) string {
	var words []string
	for _, m := range nativeStr.FindAllStringSubmatch(s, -1) {
		words = append(words, haskellString(m[1]))
	}
	return strings.Join(strings.Fields(strings.Join(words, " ")), " ")
}

// haskellString undoes the escapes of a Haskell string literal: \",
// \\, \n, \& (nothing) and \DDDD (a code point in decimal).
func haskellString(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n := 0
			for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
				n = n*10 + int(s[i]-'0')
			}
			i--
			b.WriteRune(rune(n))
		case c == 'n':
			b.WriteByte('\n')
		case c == '&':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// nativeHeadings lists the headings of pandoc's native form as "LEVEL
// TEXT", compact or pretty-printed.
func nativeHeadings(native string) []string {
	native = nativeSpace.ReplaceAllString(native, " ")
	var out []string
	for _, m := range nativeHeader.FindAllStringSubmatchIndex(native, -1) {
		rest := native[m[1]-1:]
		attr := balanced(rest)
		rest = strings.TrimLeft(rest[attr:], " ")
		if !strings.HasPrefix(rest, "[") {
			continue
		}
		text := nativeText(rest[:balanced(rest)])
		if text == "" {
			// pandoc keeps a heading that is an anchor alone; galley
			// drops it (an empty heading is an accessibility error).
			continue
		}
		out = append(out, native[m[2]:m[3]]+" "+text)
	}
	return out
}

// balanced gives the length of the bracketed stretch s opens with,
// skipping brackets inside strings.
func balanced(s string) int {
	depth, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(s)
}

// TestPandocReadings reads each of pandoc's Word test files and compares
// what a reader sees with pandoc's reading: the headings (level and
// text), and whether the file has notes, tables and lists where pandoc
// finds them. It reports the agreement per kind, and fails below 90%.
func TestPandocReadings(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.docx"))
	if len(files) == 0 {
		t.Skip("no corpus at " + corpus)
	}
	type tally struct{ agree, total int }
	kinds := map[string]*tally{"headings": {}, "notes": {}, "tables": {}, "lists": {}, "images": {}}
	var disagree []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".docx")
		native, err := os.ReadFile(strings.TrimSuffix(f, ".docx") + ".native")
		if err != nil {
			continue
		}
		in, _ := os.Open(f)
		d, err := docx.Reader{}.Read(context.Background(), in, &read.Options{Name: name})
		in.Close()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		native = nativeSpace.ReplaceAll(native, []byte(" "))
		want := nativeHeadings(string(native))
		var got []string
		notes, tables, lists, images := 0, 0, 0, 0
		doc.Walk(d, func(n doc.Node) doc.Visit {
			switch n := n.(type) {
			case *doc.Section:
				got = append(got, fmt.Sprintf("%d %s", n.Level, strings.Join(strings.Fields(doc.PlainText(n.Title)), " ")))
			case *doc.Heading:
				got = append(got, fmt.Sprintf("%d %s", n.Level, strings.Join(strings.Fields(doc.PlainText(n.Inlines)), " ")))
			case *doc.Note:
				notes++
			case *doc.Table:
				tables++
			case *doc.List:
				lists++
			case *doc.Image, *doc.Figure:
				images++
			}
			return doc.Continue
		})
		check := func(kind string, uses, agree bool, detail string) {
			if !uses {
				return
			}
			kinds[kind].total++
			if agree {
				kinds[kind].agree++
			} else {
				disagree = append(disagree, name+" "+kind+": "+detail)
			}
		}
		check("headings", len(want) > 0, strings.Join(got, " | ") == strings.Join(want, " | "), fmt.Sprintf("%q, pandoc %q", got, want))
		check("notes", nativeNote.MatchString(string(native)), notes == len(nativeNote.FindAllString(string(native), -1)), fmt.Sprintf("%d, pandoc %d", notes, len(nativeNote.FindAllString(string(native), -1))))
		check("tables", nativeTable.MatchString(string(native)), tables == len(nativeTable.FindAllString(string(native), -1)), fmt.Sprintf("%d, pandoc %d", tables, len(nativeTable.FindAllString(string(native), -1))))
		check("lists", nativeList.MatchString(string(native)), lists > 0, "none")
		// galley shows an EMF or WMF picture as its alternative text (no
		// output format shows them); pandoc keeps a reference to it.
		wantImages := len(nativeImage.FindAllString(string(native), -1)) - strings.Count(string(native), `.emf"`) - strings.Count(string(native), `.wmf"`)
		check("images", nativeImage.MatchString(string(native)), images == wantImages, fmt.Sprintf("%d, pandoc %d", images, wantImages))
	}
	for _, k := range []string{"headings", "lists", "tables", "notes", "images"} {
		t.Logf("%s: %d of %d files agree with pandoc", k, kinds[k].agree, kinds[k].total)
	}
	for _, d := range disagree {
		t.Log(d)
	}
	for k, v := range kinds {
		if v.total > 0 && v.agree*10 < v.total*9 {
			t.Errorf("%s agree on %d of %d files, below 90%%", k, v.agree, v.total)
		}
	}
}

// TestPandocWords compares the words of each of pandoc's test files as
// galley reads them with the words of pandoc's plain text of the same
// file (pandoc -t plain), as bags: the share of pandoc's words galley
// keeps. It needs pandoc (Debian's), and fails below 99% over all files.
func TestPandocWords(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.docx"))
	if len(files) == 0 {
		t.Skip("no corpus at " + corpus)
	}
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("no pandoc: apt-get install pandoc")
	}
	kept, total := 0, 0
	var tocFiles []string
	type low struct {
		name  string
		share float64
	}
	var lows []low
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".docx")
		out, err := exec.Command("pandoc", "-f", "docx", "-t", "plain", "--wrap=none", f).Output()
		if err != nil {
			continue // pandoc cannot read it either
		}
		in, _ := os.Open(f)
		d, err := docx.Reader{}.Read(context.Background(), in, &read.Options{Name: name})
		in.Close()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var ours strings.Builder
		ours.WriteString(d.Meta.Title + " " + d.Meta.Subtitle + " ")
		add := func(ins []doc.Inline) { ours.WriteString(doc.PlainText(ins) + " ") }
		doc.Walk(d, func(n doc.Node) doc.Visit {
			switch n := n.(type) {
			case *doc.Paragraph:
				add(n.Inlines)
			case *doc.Heading:
				add(n.Inlines)
			case *doc.Section:
				add(n.Title)
			case *doc.Table:
				add(n.Caption)
				for _, c := range n.Header {
					add(c.Inlines)
				}
				for _, r := range n.Rows {
					for _, c := range r {
						add(c.Inlines)
					}
				}
			case *doc.CodeBlock:
				ours.WriteString(n.Text + " ")
			case *doc.Image:
				ours.WriteString(n.Alt + " ")
			case *doc.Figure:
				ours.WriteString(n.Alt + " ")
				add(n.Caption)
			}
			return doc.Continue
		})
		have := bag(ours.String())
		k, n := 0, 0
		// pandoc's list markers ("a.", "iv.") are not the document's words.
		out = listMarker.ReplaceAll(out, nil)
		for w, c := range bag(string(out)) {
			n += c
			k += min(c, have[w])
		}
		if hasTOC(t, f) {
			// galley leaves a TOC field out (it makes its own contents);
			// pandoc keeps its entries as text.
			tocFiles = append(tocFiles, fmt.Sprintf("%s %d of %d", name, k, n))
			continue
		}
		kept, total = kept+k, total+n
		if n > 0 && k*100 < n*99 {
			lows = append(lows, low{name, float64(k) / float64(n)})
		}
	}
	share := float64(kept) / float64(max(total, 1))
	t.Logf("words kept: %d of pandoc's %d (%.2f%%); files with a TOC field, counted apart: %s", kept, total, 100*share, strings.Join(tocFiles, ", "))
	for _, l := range lows {
		t.Logf("  %s: %.1f%%", l.name, 100*l.share)
	}
	if share < 0.99 {
		t.Errorf("galley keeps %.2f%% of pandoc's words, below 99%%", 100*share)
	}
}

// hasTOC reports whether a Word file's text holds a TOC field.
func hasTOC(t *testing.T, file string) bool {
	z, err := zip.OpenReader(file)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "word/document") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return false
		}
		data, _ := io.ReadAll(r)
		r.Close()
		if tocField.Match(data) {
			return true
		}
	}
	return false
}

var tocField = regexp.MustCompile(`(?:instrText[^>]*>|instr=")\s*TOC\b`)

var listMarker = regexp.MustCompile(`(?m)^\s*(?:[a-zA-Z]|[ivxlcIVXLC]+|\d+)[.)] `)

// bag counts the words of s, lower-cased: runs of letters and digits
// with a letter among them (a list's or a note's number is not a word:
// pandoc's plain text writes them, galley's model keeps them apart).
func bag(s string) map[string]int {
	out := map[string]int{}
	s = norm.NFKC.String(s) // "m²" as pandoc's plain text writes m^2^
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			out[w]++
		}
	}
	return out
}
