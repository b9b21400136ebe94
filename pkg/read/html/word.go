package html

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

var msoLevel = regexp.MustCompile(`mso-list:\s*l\d+\s+level(\d+)`)

// wordListItem returns the list level of a paragraph Word wrote as a list
// item ("mso-list:l0 level1 lfo1"), or 0.
func wordListItem(n *html.Node) int {
	if n.Type != html.ElementNode || n.DataAtom != atom.P {
		return 0
	}
	m := msoLevel.FindStringSubmatch(Attr(n, "style"))
	if m == nil {
		return 0
	}
	lvl, _ := strconv.Atoi(m[1])
	return max(min(lvl, 9), 1)
}

var listMarker = regexp.MustCompile(`^[\s\x{a0}]*([·•o§▪\-–]|\(?([0-9]+|[a-zA-Z]|[ivxIVX]+)[.)])[\s\x{a0}]*$`)

// wordList maps Word's list paragraphs to (nested) lists: each item's
// marker (a span holding "·" or "1.") goes, ordered lists are told by
// their numbers.
func (c *Converter) wordList(items []*html.Node) []doc.Block {
	type entry struct {
		level   int
		ordered bool
		blocks  []doc.Block
	}
	var entries []entry
	for _, p := range items {
		ordered := false
		// The marker: the first element child, if its text is one.
		for k := p.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.TextNode && strings.TrimSpace(k.Data) == "" {
				continue
			}
			if k.Type == html.ElementNode {
				if m := listMarker.FindStringSubmatch(textOf(k)); m != nil {
					ordered = m[2] != ""
					p.RemoveChild(k)
				}
			}
			break
		}
		var bs []doc.Block
		if para := c.paragraph(c.Inlines(p)); para != nil {
			bs = []doc.Block{para}
		}
		entries = append(entries, entry{wordListItem(p), ordered, bs})
	}
	// Nest by level: a deeper item goes into the item before it.
	var build func(i, level int) (*doc.List, int)
	build = func(i, level int) (*doc.List, int) {
		l := &doc.List{Ordered: entries[i].ordered, Tight: true}
		if l.Ordered {
			l.Start = 1 // a bullet list has no start
		}
		for i < len(entries) && entries[i].level >= level {
			if entries[i].level > level && len(l.Items) > 0 {
				sub, next := build(i, entries[i].level)
				last := l.Items[len(l.Items)-1]
				last.Blocks = append(last.Blocks, sub)
				i = next
				continue
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: entries[i].blocks})
			i++
		}
		return l, i
	}
	var out []doc.Block
	for i := 0; i < len(entries); {
		l, next := build(i, entries[i].level)
		out = append(out, l)
		i = next
	}
	return out
}
