package pdf_test

import (
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/fixture"
	"github.com/galleypress/galley/pkg/internal/validate"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/pdf"
)

// TestTagged checks every fixture's PDF is a tagged PDF that breaks none
// of the rules validate.PDFTags checks (the machine-checkable part of
// PDF/UA-1: all content marked and owned once, links in the structure,
// figures described, headings in order), and that its structure is the
// document's: one heading element per section, at its depth; one Note
// per note; a Figure for each image, with its alternative text.
func TestTagged(t *testing.T) {
	for _, name := range fixture.Names(t) {
		d := fixture.Read(t, name)
		for _, notes := range []string{"foot", "end"} {
			data := renderPDF(t, d, pdf.Config{Notes: notes}, &render.Options{TOC: true})
			r, err := validate.PDFTags(data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, p := range r.Problems {
				t.Errorf("%s, notes %s: %s", name, notes, p)
			}
			if r.MCIDs == 0 {
				t.Errorf("%s: no marked content", name)
			}
			var want []string
			if r.Roles["TOC"] > 0 {
				want = append(want, "H1") // the contents page's title
			}
			blockHeadings := func(bs []doc.Block) {
				doc.WalkBlocks(bs, func(n doc.Node) doc.Visit {
					if h, ok := n.(*doc.Heading); ok {
						want = append(want, "H"+string(rune('0'+min(max(h.Level, 1), 6))))
					}
					return doc.Continue
				})
			}
			blockHeadings(d.Blocks)
			var sec func([]*doc.Section, int)
			sec = func(ss []*doc.Section, depth int) {
				for _, s := range ss {
					want = append(want, "H"+string(rune('0'+min(depth, 6))))
					blockHeadings(s.Blocks)
					sec(s.Sections, depth+1)
				}
			}
			sec(d.Sections, 1)
			if strings.Join(r.Headings, " ") != strings.Join(want, " ") {
				t.Errorf("%s: heading elements\n%v\nwant\n%v", name, r.Headings, want)
			}
			notesIn, figures := 0, 0
			doc.Walk(d, func(n doc.Node) doc.Visit {
				switch n := n.(type) {
				case *doc.Note:
					notesIn++
				case *doc.Figure:
					if n.Alt != "" && !strings.Contains(n.Src, "://") {
						figures++
					}
				}
				return doc.Continue
			})
			if r.Roles["Note"] != notesIn {
				t.Errorf("%s, notes %s: %d Note elements for %d notes", name, notes, r.Roles["Note"], notesIn)
			}
			if r.Roles["Figure"] < figures {
				t.Errorf("%s: %d Figure elements for %d local images with alternative text", name, r.Roles["Figure"], figures)
			}
			if r.Roles["TOC"] != 1 && len(d.Sections) > 1 {
				t.Errorf("%s: %d TOC elements", name, r.Roles["TOC"])
			}
		}
	}
}

// TestStructText checks what a screen reader gets from the seed's
// structure tree (pdfinfo -struct-text): the headings' words, and words
// whole across line ends, hyphenated or not.
func TestStructText(t *testing.T) {
	validate.Tool(t, "pdfinfo", "poppler-utils")
	out, ok := validate.Run("pdfinfo", "-struct-text", seedFile(t))
	if !ok {
		t.Fatalf("pdfinfo: %s", out)
	}
	d := fixture.Read(t, seed)
	lines := strings.Split(out, "\n")
	var headings []string
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) == 2 && f[1] == "(block)" && len(f[0]) == 2 && f[0][0] == 'H' && i+1 < len(lines) {
			headings = append(headings, strings.TrimSpace(strings.Trim(strings.TrimSpace(lines[i+1]), `"`)))
		}
	}
	var want []string
	var sec func([]*doc.Section)
	sec = func(ss []*doc.Section) {
		for _, s := range ss {
			want = append(want, s.HeadingText())
			sec(s.Sections)
		}
	}
	sec(d.Sections)
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("structure headings:\n%s\nwant:\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
	}
	// A line's last word and the next line's first are two words.
	if phrase := "Het was het begin van een grootschalig conventioneel conflict"; !strings.Contains(out, phrase) {
		t.Errorf("structure text lacks %q", phrase)
	}
	// A hyphen the line breaker added is a soft hyphen in the text (its
	// /ActualText, which pdftotext honours and pdfinfo does not).
	text, ok := validate.Run("pdftotext", "-enc", "UTF-8", seedFile(t), "-")
	if !ok {
		t.Fatalf("pdftotext: %s", text)
	}
	if !strings.Contains(text, "dreu\u00ad\nnen") || strings.Contains(text, "dreu-") {
		t.Errorf("pdftotext does not read a soft hyphen in dreu-nen")
	}
	if !strings.HasPrefix(out, "Document\n") {
		t.Errorf("the structure tree does not start with a Document element:\n%.300s", out)
	}
}
