package html

import (
	"regexp"
	"slices"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

// The article of a web page is found by Readability, the algorithm of
// Firefox's reader view (readeck's Go port): it scores the page's blocks
// by their text, their paragraphs, their links and their class names,
// takes the best and its siblings that belong with it, and prunes from
// them what reads as chrome (share bars, related stories, comment
// threads, forms). galley maps what it keeps to the model, with the
// page's footnotes recovered from the whole page. A Word export, whose
// structure Readability does not know, and a page whose article
// Readability cannot find, are read by galley's own rules (content).

// article finds the page's article with Readability, in a copy of the
// page, and readies c to convert it (its footnotes are looked for in the
// copy before Readability prunes it). It returns nil when Readability is
// not used or finds nothing worth having.
func (p *Page) article(root *html.Node, c *Converter) ([]*html.Node, *readability.Article) {
	if p.Select != "" || wordHTML(root) {
		return nil, nil
	}
	page := clone(root)
	c.FindNotes(page)
	// The title Readability takes out of the article, to show it apart:
	// the page's first h1, which galley keeps as the first heading.
	h1 := find(page, func(n *html.Node) bool { return n.DataAtom == atom.H1 && strings.TrimSpace(textOf(n)) != "" })
	// A page with little text (a stub, a form) Readability cannot judge:
	// galley's own rules find its content.
	if !readability.CheckDocument(page) {
		p.logf("content: too little text for Readability to judge; galley's own rules decide")
		c.notes, c.used = nil, nil
		return nil, nil
	}
	parser := readability.NewParser()
	parser.KeepClasses = true // galley reads them: language-go, caption, footnote back-links
	art, err := parser.ParseAndMutate(page, nil)
	if err != nil || art.Node == nil {
		p.logf("content: Readability found no article; galley's own rules decide")
		c.notes, c.used = nil, nil
		return nil, nil
	}
	words := len(strings.Fields(textOf(art.Node)))
	if words == 0 {
		p.logf("content: Readability's article has no words; galley's own rules decide")
		c.notes, c.used = nil, nil
		return nil, nil
	}
	p.logf("content: the article Readability finds (%d words)", words)
	removeEditLinks(art.Node)
	nodes := []*html.Node{art.Node}
	if h1 != nil && find(art.Node, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) == nil {
		if h1.Parent != nil {
			h1.Parent.RemoveChild(h1)
		}
		title := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
		title.AppendChild(h1)
		nodes = append([]*html.Node{title}, nodes...)
	}
	return nodes, &art
}

// removeEditLinks takes out of an article what a wiki adds for editors
// and printers ("[edit]" links, print-only notes), which Readability
// keeps.
func removeEditLinks(n *html.Node) {
	for k := n.FirstChild; k != nil; {
		next := k.NextSibling
		if k.Type == html.ElementNode && slices.ContainsFunc(strings.Fields(Attr(k, "class")), func(c string) bool {
			return c == "mw-editsection" || c == "editsection" || c == "noprint" || c == "printfooter" || c == "catlinks"
		}) {
			n.RemoveChild(k)
		} else {
			removeEditLinks(k)
		}
		k = next
	}
}

// wordHTML reports whether a page is a Word export ("Save as web page"):
// Word names itself its generator, or declares Word's namespace. (Text
// pasted from Word into a web page keeps Word's "Mso" classes, and is
// not one.)
func wordHTML(root *html.Node) bool {
	return find(root, func(n *html.Node) bool {
		name := strings.ToLower(Attr(n, "name"))
		content := strings.ToLower(Attr(n, "content"))
		return n.DataAtom == atom.Meta && (name == "generator" && strings.Contains(content, "microsoft word") || name == "progid" && strings.HasPrefix(content, "word.")) ||
			n.DataAtom == atom.Html && strings.Contains(Attr(n, "xmlns:w"), "office:word")
	}) != nil
}

// clone returns a deep copy of n.
func clone(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(clone(k))
	}
	return c
}

var (
	byPrefix = regexp.MustCompile(`(?i)^\s*(by|door|von|par|por|di)\s+`)
	// inURL is an address in a byline, with the brackets around it:
	// "Bradley M. Kuhn (http://ebb.org/bkuhn/)".
	inURL   = regexp.MustCompile(`[(<\[]?\s*(https?://|www\.)\S+?\s*[)>\]]?(\s|$)`)
	urlLike = regexp.MustCompile(`(?i)^(https?:|www\.|/)|\.(com|org|net)\b|/`)
)

// articleMeta takes what Readability read of the page's metadata (its
// title rules keep the article's title and drop the site's name; its
// byline looks at rel=author, itemprop=author, .byline and JSON-LD) where
// galley's own reading found less.
func articleMeta(art *readability.Article, m *doc.Meta, p *Page) {
	if t := strings.Join(strings.Fields(art.Title()), " "); t != "" {
		m.Title = t
	}
	if by := strings.Join(strings.Fields(inURL.ReplaceAllString(byPrefix.ReplaceAllString(art.Byline(), ""), " ")), " "); by != "" && !urlLike.MatchString(by) && len(by) < 200 {
		m.Authors = []string{by}
	} else if len(m.Authors) > 0 && urlLike.MatchString(m.Authors[0]) {
		m.Authors = nil // a profile's address is no name
	}
	if m.Lang == "" {
		m.Lang = langTag(art.Language())
	}
	if m.Description == "" {
		m.Description = strings.TrimSpace(art.Excerpt())
	}
	if m.Date == "" {
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			m.Date = t.Format("2006-01-02")
		}
	}
	p.logf("metadata: title %q, authors %q (with Readability's reading)", m.Title, m.Authors)
}
