package html

// The Converter maps HTML to the document model. The HTML reader uses
// it for whole web pages (finding their main content first), and the
// Markdown reader for the raw HTML inside Markdown, so that both map
// HTML alike. This is the only package that
// parses HTML (golang.org/x/net/html, the HTML5 parsing algorithm: tag
// soup parses as browsers parse it) and selects in it
// (github.com/andybalholm/cascadia).
//
// Nothing is passed through: what the model cannot hold is mapped to what
// it can (a <details> becomes its summary in bold and its content; a
// definition list, terms in bold and their definitions), and what is not
// content (scripts, styles, frames, forms, event handlers, javascript:
// links) is dropped, with one warning per kind.

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
)

// Converter maps HTML nodes to model blocks and inlines.
type Converter struct {
	// Warn receives one warning per kind of thing dropped or degraded
	// ("script element", "colspan"), with the first place seen.
	Warn func(err error)
	// Drop, if set, reports whether a paragraph of this text is site
	// boilerplate to leave out.
	Drop func(text string) bool

	warned map[string]bool
	// notes maps the id of an element that holds a footnote's text to
	// the element; used records the notes referred to, so that their
	// text is not also set where it stands.
	notes map[string]*html.Node
	used  map[*html.Node]*doc.Note
	// slots hold content already converted, standing in a fragment as
	// <galley-slot> elements; see fragment.go.
	slots []slot
}

// warn reports a kind of thing dropped or degraded, once per kind.
func (c *Converter) warn(kind, format string, args ...any) {
	if c.warned == nil {
		c.warned = map[string]bool{}
	}
	if c.warned[kind] || c.Warn == nil {
		return
	}
	c.warned[kind] = true
	c.Warn(diag.Warnf("html-"+strings.ReplaceAll(kind, " ", "-"), format, args...))
}

// dropped are elements that are not content: they are left out, with a
// warning for the active ones.
var dropped = map[atom.Atom]string{
	atom.Script: "<script>", atom.Style: "<style>", atom.Iframe: "<iframe>", atom.Frame: "<frame>",
	atom.Frameset: "<frameset>", atom.Object: "<object>", atom.Embed: "<embed>", atom.Applet: "<applet>",
	atom.Form: "<form>", atom.Input: "form controls", atom.Button: "form controls", atom.Select: "form controls",
	atom.Textarea: "form controls", atom.Template: "<template>", atom.Noscript: "", atom.Canvas: "<canvas>",
	atom.Video: "<video>", atom.Audio: "<audio>", atom.Svg: "inline <svg>", atom.Link: "",
	atom.Meta: "", atom.Head: "", atom.Title: "", atom.Base: "", atom.Map: "", atom.Dialog: "<dialog>",
}

// blockTags are the elements that start a block.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Figure: true, atom.Hr: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Details: true, atom.Summary: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Address: true, atom.Center: true, atom.Figcaption: true,
	atom.Body: true, atom.Html: true, atom.Caption: true, atom.Fieldset: true, atom.Legend: true, atom.Hgroup: true,
	atom.Menu: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// Attr returns an attribute of n, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isBlock reports whether n is an element that starts a block. An img
// standing alone between blocks is a figure; inline it is an image.
func isBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && blockTags[n.DataAtom] || isBlockSlot(n)
}

// hidden reports whether an element is not shown: hidden, aria-hidden,
// or display: none.
func hidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	if Attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(Attr(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// skip reports whether an element is left out, warning for what is
// active content.
func (c *Converter) skip(n *html.Node) bool {
	if n.Type == html.CommentNode || n.Type == html.DoctypeNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if kind, ok := dropped[n.DataAtom]; ok {
		if kind != "" {
			c.warn(kind, "%s dropped (galley never passes active content or forms through)", kind)
		}
		return true
	}
	if c.used != nil {
		if _, ok := c.used[n]; ok {
			return true // a footnote's text, set as a note
		}
	}
	if st := strings.ReplaceAll(Attr(n, "style"), " ", ""); strings.Contains(st, "mso-element:footnote-list") || strings.Contains(st, "mso-element:endnote-list") {
		return len(c.used) > 0 // Word's notes, set as notes
	}
	return hidden(n)
}
