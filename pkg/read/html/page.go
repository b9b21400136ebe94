package html

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

// Page says how to read a web page.
type Page struct {
	// Select, if set, is a CSS selector for the content to read: every
	// element it matches, in document order. Else the main content is
	// found: <main>, <article>, role="main", or the block with the most
	// paragraph text.
	Select string
	// Warn and Log receive warnings and the decisions taken (what was
	// kept, what dropped, and why).
	Warn func(error)
	Log  func(string)
	// Drop reports whether a paragraph's text is boilerplate to drop.
	Drop func(string) bool
}

func (p *Page) logf(format string, args ...any) {
	if p.Log != nil {
		p.Log(fmt.Sprintf(format, args...))
	}
}

// ReadPage reads a web page (UTF-8) into a document: its metadata from
// the head, its main content mapped to the model, headings nesting into
// sections by their level.
func ReadPage(data []byte, p Page) (*doc.Document, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		if strings.Contains(err.Error(), "stack") {
			return nil, fmt.Errorf("elements nest deeper than the HTML parser reads (%v); simplify the page's nesting", err)
		}
		return nil, err
	}
	d := &doc.Document{}
	meta(root, &d.Meta)
	c := &Converter{Warn: p.Warn, Drop: p.Drop}
	content, art := p.article(root, c)
	if content == nil {
		if content, err = p.content(root); err != nil {
			return nil, err
		}
		c.FindNotes(root)
	}
	var blocks []doc.Block
	for _, n := range content {
		blocks = append(blocks, c.Blocks(n)...)
	}
	if n := c.NotesUsed(); n > 0 {
		p.logf("%d footnotes recognised", n)
	}
	doc.NewBuilder(d).Blocks(blocks)
	dropEmptyNoteSections(d)
	d.Meta.Title = pageTitle(d)
	if art != nil {
		articleMeta(art, &d.Meta, &p)
	}
	return d, nil
}

// pageTitle returns the document's title: the page's, without the site's
// name a browser tab shows with it ("Report | Ministry"), when the first
// heading says which part is the title.
func pageTitle(d *doc.Document) string {
	title := d.Meta.Title
	if len(d.Sections) == 0 {
		return title
	}
	h := strings.TrimSpace(d.Sections[0].HeadingText())
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if before, _, ok := strings.Cut(title, sep); ok && strings.EqualFold(strings.TrimSpace(before), h) {
			return h
		}
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), h) {
			return h
		}
	}
	return title
}

// dropEmptyNoteSections removes sections left without content once their
// notes became notes: a "Notes" or "References" heading with nothing
// under it.
func dropEmptyNoteSections(d *doc.Document) {
	var prune func([]*doc.Section) []*doc.Section
	prune = func(ss []*doc.Section) []*doc.Section {
		var out []*doc.Section
		for _, s := range ss {
			s.Sections = prune(s.Sections)
			name := strings.ToLower(strings.TrimSpace(doc.PlainText(s.Title)))
			if len(s.Blocks) == 0 && len(s.Sections) == 0 && (strings.Contains(name, "note") || strings.Contains(name, "reference") || strings.Contains(name, "noten") || strings.Contains(name, "voetnoten")) {
				continue
			}
			out = append(out, s)
		}
		return out
	}
	d.Sections = prune(d.Sections)
}

// meta reads the page's metadata: the title, the language, description,
// author and keywords, Dublin Core and Open Graph.
func meta(root *html.Node, m *doc.Meta) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.Lang = strings.TrimSpace(Attr(n, "lang"))
				if m.Lang == "" {
					m.Lang = strings.TrimSpace(Attr(n, "xml:lang"))
				}
			case atom.Title:
				if m.Title == "" {
					m.Title = strings.TrimSpace(space.ReplaceAllString(textOf(n), " "))
				}
			case atom.Meta:
				name := strings.ToLower(Attr(n, "name"))
				if name == "" {
					name = strings.ToLower(Attr(n, "property"))
				}
				val := strings.TrimSpace(Attr(n, "content"))
				if val == "" {
					break
				}
				switch name {
				case "description", "dcterms.description", "dc.description", "og:description":
					if m.Description == "" {
						m.Description = val
					}
				case "author", "dcterms.creator", "dc.creator", "article:author":
					if len(m.Authors) == 0 {
						m.Authors = []string{val}
					}
				case "keywords", "dcterms.subject", "dc.subject":
					if len(m.Keywords) == 0 {
						for _, k := range strings.Split(val, ",") {
							if k = strings.TrimSpace(k); k != "" {
								m.Keywords = append(m.Keywords, k)
							}
						}
					}
				case "dcterms.title", "dc.title", "og:title":
					m.Title = val // a page's own title beats the tab title
				case "dcterms.date", "dcterms.issued", "dcterms.created", "dc.date", "article:published_time", "date":
					if m.Date == "" {
						m.Date = val
					}
				case "dcterms.publisher", "dc.publisher", "og:site_name":
					if m.Publisher == "" {
						m.Publisher = val
					}
				case "dcterms.rights", "dc.rights", "copyright":
					if m.Rights == "" {
						m.Rights = val
					}
				case "dcterms.language", "dc.language":
					if m.Lang == "" {
						m.Lang = val
					}
				case "dcterms.identifier", "dc.identifier":
					if m.Identifier == "" {
						m.Identifier = val
					}
				}
			case atom.Body:
				if m.Lang == "" { // Word writes <body lang=NL>
					m.Lang = strings.TrimSpace(Attr(n, "lang"))
				}
				return
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(root)
	m.Lang = langTag(m.Lang)
}

// langTag writes a language tag in its usual case: "NL" as "nl",
// "EN-us" as "en-US" (tags are case-insensitive; Word writes them in
// capitals).
func langTag(tag string) string {
	parts := strings.Split(strings.ReplaceAll(tag, "_", "-"), "-")
	for i, p := range parts {
		switch {
		case i == 0 || len(p) > 4:
			parts[i] = strings.ToLower(p)
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		case len(p) == 4:
			parts[i] = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			parts[i] = strings.ToLower(p)
		}
	}
	return strings.Join(parts, "-")
}

// chrome are the elements around a page's content: navigation, banners,
// footers, sidebars, and the roles that say the same.
var chrome = map[atom.Atom]bool{atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true}

var chromeRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true, "dialog": true, "alertdialog": true}

// isChrome reports whether an element is page chrome, not content: and
// why, for the log.
func isChrome(n *html.Node) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	if chrome[n.DataAtom] {
		return "<" + n.Data + ">", true
	}
	if r := Attr(n, "role"); chromeRoles[r] {
		return `role="` + r + `"`, true
	}
	idClass := strings.ToLower(Attr(n, "id") + " " + Attr(n, "class"))
	for _, w := range []string{"cookie", "consent", "gdpr", "skip-link", "skiplink", "breadcrumb", "share", "social", "sidebar", "newsletter", "editsection", "sitesub", "contentsub", "noprint", "navbox", "catlinks", "printfooter", "mw-jump", "navheader", "navfooter"} {
		if strings.Contains(idClass, w) {
			return `"` + w + `" in its id or class`, true
		}
	}
	// Short words only as whole words ("toc", not "protocol").
	for _, w := range strings.FieldsFunc(idClass, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch w {
		case "toc", "menu", "nav", "navbar", "navigation", "pagination", "pager":
			return `"` + w + `" in its id or class`, true
		}
	}
	return "", false
}

// content returns the elements to read: the selector's matches, else
// the main content.
func (p *Page) content(root *html.Node) ([]*html.Node, error) {
	if p.Select != "" {
		sel, err := compileSelector(p.Select)
		if err != nil {
			return nil, fmt.Errorf("--select %q is not a CSS selector galley reads: %v", p.Select, err)
		}
		found := sel.matchAll(root)
		if len(found) == 0 {
			return nil, fmt.Errorf("--select %q matches nothing in the page", p.Select)
		}
		p.logf("content: the %d element(s) matching %q", len(found), p.Select)
		return found, nil
	}
	body := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = root
	}
	p.removeChrome(body)
	if m := find(body, func(n *html.Node) bool { return n.DataAtom == atom.Main || Attr(n, "role") == "main" }); m != nil {
		if m.DataAtom == atom.Main {
			p.logf("content: the <main> element")
		} else {
			p.logf(`content: the <%s role="main"> element`, m.Data)
		}
		return []*html.Node{m}, nil
	}
	articles := findAll(body, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	if len(articles) == 1 {
		p.logf("content: the page's <article>")
		return articles, nil
	}
	best, score := densest(body)
	if best != body {
		p.logf("content: the <%s%s> that holds most of the page's paragraph text (%d characters)", best.Data, idOf(best), score)
	} else {
		p.logf("content: the whole body (no main, article or dense block found)")
	}
	return []*html.Node{best}, nil
}

func idOf(n *html.Node) string {
	if id := Attr(n, "id"); id != "" {
		return ` id="` + id + `"`
	}
	if c := Attr(n, "class"); c != "" {
		return ` class="` + c + `"`
	}
	return ""
}

// removeChrome takes navigation, banners, footers, sidebars and cookie
// notices out of the page, logging each.
func (p *Page) removeChrome(n *html.Node) {
	for k := n.FirstChild; k != nil; {
		next := k.NextSibling
		if why, ok := isChrome(k); ok {
			words := len(strings.Fields(textOf(k)))
			p.logf("dropped page chrome: <%s%s> (%s, %d words)", k.Data, idOf(k), why, words)
			n.RemoveChild(k)
		} else if k.Type == html.ElementNode {
			p.removeChrome(k)
		}
		k = next
	}
}

// textScore is the paragraph text an element holds: the text of its
// paragraphs, list items and headings, less the text of its links.
func textScore(n *html.Node) int {
	score := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			switch k.Type {
			case html.TextNode:
				if !inLink {
					score += len(strings.TrimSpace(k.Data))
				}
			case html.ElementNode:
				if _, skip := dropped[k.DataAtom]; skip {
					continue
				}
				walk(k, inLink || k.DataAtom == atom.A)
			}
		}
	}
	walk(n, false)
	return score
}

// densest returns the element that holds most of the body's text: going
// down from the body while one child holds at least 90% of its parent's
// and has no sibling of its kind with text (a book's chapters, a list's
// articles: the content is all of them), nor leaves out a heading its
// parent holds (a chapter's title above it, another chapter).
func densest(body *html.Node) (*html.Node, int) {
	n := body
	total := textScore(n)
	for {
		var best *html.Node
		bestScore := 0
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode || !isBlock(k) {
				continue
			}
			if s := textScore(k); s > bestScore {
				best, bestScore = k, s
			}
		}
		if best == nil || total == 0 || bestScore*10 < total*9 || sameKindWithText(best) ||
			headings(n) > headings(best) {
			return n, total
		}
		n, total = best, bestScore
	}
}

// headings counts the h1–h6 in n.
func headings(n *html.Node) int {
	return len(findAll(n, func(k *html.Node) bool { return headingLevel(k.DataAtom) > 0 }))
}

// sameKindWithText reports whether n has a sibling element of the same
// tag and class holding paragraph text: a tenth of n's, and 200
// characters, at least.
func sameKindWithText(n *html.Node) bool {
	least := max(textScore(n)/10, 200)
	for _, dir := range []func(*html.Node) *html.Node{
		func(k *html.Node) *html.Node { return k.PrevSibling },
		func(k *html.Node) *html.Node { return k.NextSibling },
	} {
		for k := dir(n); k != nil; k = dir(k) {
			if k.Type == html.ElementNode && k.DataAtom == n.DataAtom && k.Data == n.Data && Attr(k, "class") == Attr(n, "class") && textScore(k) >= least {
				return true
			}
		}
	}
	return false
}

func find(n *html.Node, f func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && f(n) {
		return n
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if r := find(k, f); r != nil {
			return r
		}
	}
	return nil
}

func findAll(n *html.Node, f func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && f(n) {
			out = append(out, n)
			return
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return out
}
