package html

import (
	"strings"
	"unicode"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/highlight"
	"github.com/galleypress/galley/pkg/render"
)

// Page-break markers (EPUB's page list): where the PDF of the same
// document starts a page, the page writes an empty span
// (epub:type="pagebreak", role="doc-pagebreak") labelled with the page
// number, before the word, code line or table row that begins the page
// (see render.PageBreak).

// pageState is what the writer keeps to place page-break markers.
type pageState struct {
	at      map[doc.Node][]render.PageBreak // the markers, by the node they are in
	pending []render.PageBreak              // the text block's markers not yet written
	words   int                             // words started in the text block
	inWord  bool
	written map[string]bool
}

func (w *writer) initPageBreaks(breaks []render.PageBreak) {
	if len(breaks) == 0 {
		return
	}
	if w.part.Pages != nil {
		w.pages.at = w.part.Pages.at
	} else {
		w.pages.at = NewPageIndex(breaks).at
	}
	w.pages.written = map[string]bool{}
}

// PageIndex finds the page breaks of a node: made once for a document's
// breaks, it serves every part of it (an EPUB's chapters), which would
// otherwise each index all of the document's pages.
type PageIndex struct {
	at map[doc.Node][]render.PageBreak
}

// NewPageIndex indexes page breaks by the node they are in.
func NewPageIndex(breaks []render.PageBreak) *PageIndex {
	ix := &PageIndex{at: make(map[doc.Node][]render.PageBreak, len(breaks))}
	for _, b := range breaks {
		ix.at[b.Node] = append(ix.at[b.Node], b)
	}
	return ix
}

// pageBreak writes the marker of one page.
func (w *writer) pageBreak(b render.PageBreak) {
	id := pageID(b.Label)
	if w.pages.written[id] {
		return
	}
	w.pages.written[id] = true
	w.WriteString(`<span`)
	if w.cfg.EPUB {
		w.WriteString(` epub:type="pagebreak"`)
	}
	w.WriteString(` role="doc-pagebreak" id="` + attr(id) + `" aria-label="` + attr(b.Label) + `"></span>`)
	if w.part.OnPageBreak != nil {
		w.part.OnPageBreak(b.Label, id)
	}
}

// pageID is the id of the marker of the page labelled label.
func pageID(label string) string { return "page-" + label }

// breaksBefore writes the markers of a node that go before it: all of
// a block's that is not text, a code block or a table; a table's
// before its rows.
func (w *writer) breaksBefore(n doc.Node) {
	for _, b := range w.pages.at[n] {
		switch n.(type) {
		case *doc.Paragraph, *doc.Heading:
			continue
		case *doc.CodeBlock, *doc.Table:
			if b.At > 0 {
				continue
			}
		}
		w.pageBreak(b)
	}
}

// startText makes the markers of a paragraph or heading pending: they
// are written before the words they name as the text is written.
func (w *writer) startText(n doc.Node) {
	w.pages.pending = w.pages.at[n]
	w.pages.words, w.pages.inWord = 0, false
}

// endText writes the markers of the text block that its words did not
// reach.
func (w *writer) endText() {
	for _, b := range w.pages.pending {
		w.pageBreak(b)
	}
	w.pages.pending = nil
}

// textWords writes escaped text, with the markers of the words it
// starts.
func (w *writer) textWords(s string) {
	ps := &w.pages
	if ps.at == nil {
		w.WriteString(text(s))
		return
	}
	start := 0
	for i, r := range s {
		space := unicode.IsSpace(r)
		if !space && !ps.inWord {
			for len(ps.pending) > 0 && ps.pending[0].At <= ps.words {
				w.WriteString(text(s[start:i]))
				start = i
				w.pageBreak(ps.pending[0])
				ps.pending = ps.pending[1:]
			}
			ps.words++
		}
		ps.inWord = !space
	}
	w.WriteString(text(s[start:]))
}

// codeLines writes a code block's text, coloured by its language
// (unless Options.NoHighlight), with the markers of the lines that begin
// a new page in the PDF made with it.
func (w *writer) codeLines(n *doc.CodeBlock) {
	toks, ok := []highlight.Token(nil), false
	if w.opts == nil || !w.opts.NoHighlight {
		toks, ok = highlight.Tokens(n.Lang, n.Text)
	}
	if !ok {
		toks = []highlight.Token{{Text: n.Text}}
	}
	breaks := w.pages.at[n]
	line := 0
	for _, t := range toks {
		for i, part := range strings.Split(t.Text, "\n") {
			if i > 0 {
				w.WriteString("\n")
				line++
				for _, b := range breaks {
					if b.At == line {
						w.pageBreak(b)
					}
				}
			}
			if part == "" {
				continue
			}
			if c := highlight.Classes[t.Kind]; c != "" {
				w.WriteString(`<span class="` + c + `">` + text(part) + `</span>`)
			} else {
				w.WriteString(text(part))
			}
		}
	}
}

// rowBreaks writes the markers of table row k (from 1), at the start of
// its first cell.
func (w *writer) rowBreaks(t *doc.Table, k int) {
	for _, b := range w.pages.at[t] {
		if b.At == k {
			w.pageBreak(b)
		}
	}
}
