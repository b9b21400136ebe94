package html

import (
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

var noteID = regexp.MustCompile(`(?i)^(fn|footnote|ftn|_ftn|edn|_edn|cite_note|endnote|note)[-_:]?[\w.-]*\d`)

// FindNotes records the elements under root that hold footnotes' text,
// so that references to them become notes. Call it before mapping.
func (c *Converter) FindNotes(root *html.Node) {
	c.notes = map[string]*html.Node{}
	c.used = map[*html.Node]*doc.Note{}
	var walk func(n *html.Node, inNotes bool)
	walk = func(n *html.Node, inNotes bool) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			id := Attr(k, "id")
			class := strings.ToLower(Attr(k, "class"))
			notesHere := inNotes || strings.Contains(class, "footnotes") || strings.Contains(class, "references") || strings.Contains(class, "endnotes") || Attr(k, "role") == "doc-endnotes"
			if id != "" && (noteID.MatchString(id) || notesHere && (k.DataAtom == atom.Li || k.DataAtom == atom.Div || k.DataAtom == atom.P)) {
				c.notes[id] = k
			}
			// Word marks a note with <a name="_ftn1"> in its text: the
			// note is the block around it.
			if name := Attr(k, "name"); k.DataAtom == atom.A && name != "" && noteID.MatchString(name) && !strings.Contains(name, "ref") {
				if box := noteBox(k); box != nil {
					c.notes[name] = box
				}
			}
			walk(k, notesHere)
		}
	}
	walk(root, false)
}

// noteBox returns the block that holds a note's anchor: Word's footnote
// div, else the paragraph or list item around it.
func noteBox(a *html.Node) *html.Node {
	var block *html.Node
	for n := a.Parent; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		if strings.Contains(strings.ReplaceAll(Attr(n, "style"), " ", ""), "mso-element:footnote") || strings.Contains(strings.ReplaceAll(Attr(n, "style"), " ", ""), "mso-element:endnote") {
			return n
		}
		if block == nil && (n.DataAtom == atom.P || n.DataAtom == atom.Li || n.DataAtom == atom.Div) {
			block = n
		}
	}
	return block
}

var refText = regexp.MustCompile(`^\[?\s*(\d{1,4}|[*†‡§a-z])\s*\]?$`)

// noteRef returns the note an element refers to, if it is a footnote
// reference: a link to a note's element whose text is a number, or a
// sup holding such a link.
func (c *Converter) noteRef(n *html.Node) *doc.Note {
	if len(c.notes) == 0 {
		return nil
	}
	a := n
	if n.DataAtom == atom.Sup {
		a = nil
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && k.DataAtom == atom.A {
				a = k
			} else if k.Type == html.TextNode && strings.TrimSpace(k.Data) != "" || k.Type == html.ElementNode {
				return nil
			}
		}
		if a == nil {
			return nil
		}
	}
	href := Attr(a, "href")
	i := strings.IndexByte(href, '#')
	if i < 0 || i != strings.LastIndexByte(href, '#') {
		return nil
	}
	target, ok := c.notes[href[i+1:]]
	if !ok || !refText.MatchString(strings.TrimSpace(textOf(a))) {
		return nil
	}
	if note, ok := c.used[target]; ok {
		// Referred to twice: the same text again.
		return &doc.Note{Blocks: note.Blocks}
	}
	note := &doc.Note{}
	c.used[target] = note
	note.Blocks = c.noteBlocks(target)
	return note
}

var backLink = regexp.MustCompile(`^\s*(↩︎?|↑|\^|⤴|back|return)\s*$`)

// noteBlocks maps a note's element, without its back links and the
// number it starts with.
func (c *Converter) noteBlocks(n *html.Node) []doc.Block {
	var strip func(*html.Node)
	strip = func(n *html.Node) {
		for k := n.FirstChild; k != nil; {
			next := k.NextSibling
			if k.Type == html.ElementNode && k.DataAtom == atom.A {
				href := Attr(k, "href")
				if strings.HasPrefix(href, "#") && (backLink.MatchString(textOf(k)) || refText.MatchString(strings.TrimSpace(textOf(k))) || strings.Contains(Attr(k, "class"), "backref") || strings.Contains(strings.ToLower(Attr(k, "class")), "footnote-back")) {
					n.RemoveChild(k)
				}
			} else if k.Type == html.ElementNode && k.DataAtom == atom.Span && strings.Contains(Attr(k, "class"), "mw-cite-backlink") {
				n.RemoveChild(k) // Wikipedia's "^ a b"
			} else if k.Type == html.ElementNode {
				strip(k)
			}
			k = next
		}
	}
	strip(n)
	// The element is set here, not where it stands.
	saved := c.used[n]
	delete(c.used, n)
	bs := c.Blocks(n)
	c.used[n] = saved
	// Word writes the number again at the start of the note: "[1]".
	if len(bs) > 0 {
		if p, ok := bs[0].(*doc.Paragraph); ok && len(p.Inlines) > 0 {
			if t, ok := p.Inlines[0].(*doc.Text); ok {
				t.Text = leadingNumber.ReplaceAllString(t.Text, "")
			}
			p.Inlines = trimInlines(p.Inlines)
		}
	}
	return bs
}

var leadingNumber = regexp.MustCompile(`^\s*\[?\d{1,4}[\].)]?\s+`)

// NotesUsed reports how many footnotes were recognised.
func (c *Converter) NotesUsed() int { return len(c.used) }

// UnusedNotes returns the ids of the elements that looked like notes but
// that nothing referred to, sorted.
func (c *Converter) UnusedNotes() []string {
	var out []string
	for id, n := range c.notes {
		if _, ok := c.used[n]; !ok {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
