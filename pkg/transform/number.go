package transform

import (
	"cmp"
	"regexp"
	"slices"
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

// NumberCaptions numbers the captions of figures and tables: with
// number set, each caption begins with its label and number in the
// document's language ("Figuur 1: ", "Table 2: "), figures and tables
// counted apart through the document, or, perChapter, through each
// top-level section, after its number ("Figuur 2.1: "; the section's
// own number, else its place). A caption that begins with its own
// ("Figure 3.", "Tabel 2:") keeps it, and the document is then left as
// it is. Either way, a link with no text to a figure or table (to an
// anchor in its caption: Markdown's "![…](a.png){#fig:map}" and
// "[](#fig:map)") is given its label and number ("Figuur 2.1"), or,
// unnumbered, the caption's text.
func NumberCaptions(d *doc.Document, perChapter, number bool) {
	fig, tab := labels.Label(d.Meta.Lang, "figure"), labels.Label(d.Meta.Lang, "table")
	own := regexp.MustCompile(`^(?i)(` + regexp.QuoteMeta(fig) + `|` + regexp.QuoteMeta(tab) + `|figure|fig\.|table)\s*[0-9IVX]`)
	type caption struct {
		ins           *[]doc.Inline
		kind, chapter string
	}
	var caps []caption
	selfNumbered := false
	collect := func(bs []doc.Block, chapter string) {
		doc.WalkBlocks(bs, func(n doc.Node) doc.Visit {
			c, kind := (*[]doc.Inline)(nil), fig
			switch n := n.(type) {
			case *doc.Figure:
				c = &n.Caption
			case *doc.Table:
				c, kind = &n.Caption, tab
			}
			if c == nil || strings.TrimSpace(doc.PlainText(*c)) == "" {
				return doc.Continue
			}
			if own.MatchString(strings.TrimSpace(doc.PlainText(*c))) {
				selfNumbered = true
			}
			caps = append(caps, caption{c, kind, chapter})
			return doc.Continue
		})
	}
	collect(d.Blocks, "")
	for i, s := range d.Sections {
		chapter := ""
		if perChapter {
			chapter = cmp.Or(s.Number, strconv.Itoa(i+1)) + "."
		}
		for _, sub := range (&doc.Document{Sections: []*doc.Section{s}}).AllSections() {
			collect(sub.Blocks, chapter)
		}
	}
	number = number && !selfNumbered
	names := map[string]string{} // an anchor's id → what a reference says
	count := map[string]int{}
	for _, c := range caps {
		key := c.kind + " " + c.chapter
		count[key]++
		name := c.kind + "\u00a0" + c.chapter + strconv.Itoa(count[key])
		if !number {
			name = strings.TrimSpace(doc.PlainText(*c.ins))
		}
		lead := 0 // the anchors the caption starts with stay first
		for lead < len(*c.ins) {
			a, ok := (*c.ins)[lead].(*doc.Anchor)
			if !ok {
				break
			}
			names[a.ID] = name
			lead++
		}
		doc.WalkInlines((*c.ins)[lead:], func(n doc.Node) doc.Visit {
			if a, ok := n.(*doc.Anchor); ok {
				names[a.ID] = name
			}
			return doc.Continue
		})
		if number {
			*c.ins = slices.Concat((*c.ins)[:lead], []doc.Inline{&doc.Text{Text: name + ": "}}, (*c.ins)[lead:])
		}
	}
	if len(names) == 0 {
		return
	}
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if l, ok := n.(*doc.Link); ok && strings.HasPrefix(l.URL, "#") && strings.TrimSpace(doc.PlainText(l.Inlines)) == "" {
			if name, ok := names[l.URL[1:]]; ok {
				l.Inlines = []doc.Inline{&doc.Text{Text: name}}
			}
		}
		return doc.Continue
	})
}
