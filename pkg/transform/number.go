package transform

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/labels"
)

// NumberSections numbers d's sections depth levels deep ("2", "2.1",
// "2.1.3"), as a theme's heading numbering asks. A document that
// numbers its own headings (any section has a Number: the seed's "2.1
// Doelen") keeps its numbers; depth 0 numbers nothing.
func NumberSections(d *doc.Document, depth int) {
	if depth <= 0 {
		return
	}
	all := d.AllSections()
	for _, s := range all {
		if s.Number != "" {
			return
		}
	}
	var number func(ss []*doc.Section, prefix string, level int)
	number = func(ss []*doc.Section, prefix string, level int) {
		if level > depth {
			return
		}
		for i, s := range ss {
			s.Number = prefix + strconv.Itoa(i+1)
			number(s.Sections, s.Number+".", level+1)
		}
	}
	number(d.Sections, "", 1)
}

// NumberCaptions begins the caption of each figure and table with its
// label and number in the document's language ("Figuur 1: ", "Table
// 2: "), figures and tables counted apart through the document. A
// caption that begins with its own ("Figure 3.", "Tabel 2:") keeps it,
// and the document is then left as it is.
func NumberCaptions(d *doc.Document) {
	fig, tab := labels.Label(d.Meta.Lang, "figure"), labels.Label(d.Meta.Lang, "table")
	own := regexp.MustCompile(`^(?i)(` + regexp.QuoteMeta(fig) + `|` + regexp.QuoteMeta(tab) + `|figure|fig\.|table)\s*[0-9IVX]`)
	var caps []*[]doc.Inline
	var kinds []string
	selfNumbered := false
	doc.Walk(d, func(n doc.Node) doc.Visit {
		var c *[]doc.Inline
		kind := fig
		switch n := n.(type) {
		case *doc.Figure:
			c = &n.Caption
		case *doc.Table:
			c, kind = &n.Caption, tab
		default:
			return doc.Continue
		}
		if len(*c) == 0 {
			return doc.Continue
		}
		if own.MatchString(strings.TrimSpace(doc.PlainText(*c))) {
			selfNumbered = true
		}
		caps, kinds = append(caps, c), append(kinds, kind)
		return doc.Continue
	})
	if selfNumbered {
		return
	}
	count := map[string]int{}
	for i, c := range caps {
		count[kinds[i]]++
		*c = append([]doc.Inline{&doc.Text{Text: kinds[i] + "\u00a0" + strconv.Itoa(count[kinds[i]]) + ": "}}, *c...)
	}
}
