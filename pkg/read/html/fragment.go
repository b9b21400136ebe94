package html

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

// Raw HTML in Markdown is HTML with Markdown between its tags:
//
//	<details>
//	<summary>Advanced options</summary>
//
//	Set **GALLEY_DEBUG** to see more.
//
//	</details>
//
// The Markdown reader converts the Markdown itself and puts a slot in its
// place (<galley-slot n="0" block></galley-slot>); the fragment, raw
// tags and slots, is then parsed as HTML and mapped here, each slot
// giving back what it holds. So raw HTML goes through the same mapping
// as a web page, and the Markdown inside it keeps its meaning.

const slotTag = "galley-slot"

type slot struct {
	blocks  []doc.Block
	inlines []doc.Inline
}

// BlockSlot keeps blocks for a fragment and returns the tag that stands
// for them in it.
func (c *Converter) BlockSlot(bs []doc.Block) string {
	c.slots = append(c.slots, slot{blocks: bs})
	return fmt.Sprintf(`<%s n="%d" block></%s>`, slotTag, len(c.slots)-1, slotTag)
}

// InlineSlot keeps inlines for a fragment and returns the tag that
// stands for them in it.
func (c *Converter) InlineSlot(ins []doc.Inline) string {
	c.slots = append(c.slots, slot{inlines: ins})
	return fmt.Sprintf(`<%s n="%d"></%s>`, slotTag, len(c.slots)-1, slotTag)
}

// slotOf returns the content of a slot element, or nil.
func (c *Converter) slotOf(n *html.Node) *slot {
	if n.Type != html.ElementNode || n.Data != slotTag {
		return nil
	}
	i, err := strconv.Atoi(Attr(n, "n"))
	if err != nil || i < 0 || i >= len(c.slots) {
		return nil
	}
	return &c.slots[i]
}

func isBlockSlot(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != slotTag {
		return false
	}
	_, ok := attrOK(n, "block")
	return ok
}

// hasSlot reports whether n holds a slot.
func hasSlot(n *html.Node) bool {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && (k.Data == slotTag || hasSlot(k)) {
			return true
		}
	}
	return false
}

// FragmentBlocks parses a fragment of HTML as the content of a <body>
// and maps it to blocks; headings are *doc.Heading blocks.
func (c *Converter) FragmentBlocks(src string) []doc.Block {
	return c.Blocks(c.parseFragment(src, atom.Body))
}

// FragmentInlines parses a fragment of HTML as the content of a
// paragraph and maps it to inlines.
func (c *Converter) FragmentInlines(src string) []doc.Inline {
	return c.Inlines(c.parseFragment(src, atom.P))
}

// parseFragment parses src in the context of an element and returns a
// node holding what it parsed to. HTML nested too deep to parse (over 512
// elements) is left out with a warning.
func (c *Converter) parseFragment(src string, context atom.Atom) *html.Node {
	ctx := &html.Node{Type: html.ElementNode, DataAtom: context, Data: context.String()}
	root := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	nodes, err := html.ParseFragment(strings.NewReader(src), ctx)
	if err != nil {
		c.warn("unparsed", "HTML left out: %v", err)
		return root
	}
	for _, n := range nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
		root.AppendChild(n)
	}
	return root
}

// voidElements have no content and no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true, "param": true, "keygen": true}

// Tags is what a fragment of HTML does to the elements open around it:
// the start and end tags it holds, in order. See Tags.Open.
type Tags []tagOp

type tagOp struct {
	name  string
	start bool
	block bool // a start tag that ends an open <p>
}

// TagsOf returns the start and end tags of a fragment of HTML.
func TagsOf(src string) Tags {
	var ops Tags
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ops
		case html.StartTagToken, html.SelfClosingTagToken:
			// "<div/>" opens a div, as browsers read it; "<br/>" and the
			// other void elements open nothing.
			name, _ := z.TagName()
			void, block := voidElements[string(name)], blockTags[atom.Lookup(name)]
			if !void || block {
				ops = append(ops, tagOp{name: string(name), start: !void, block: block})
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			ops = append(ops, tagOp{name: string(name)})
		}
	}
}

// Open returns the elements left open after the tags, outermost first,
// given those open before (what earlier fragments left open): the stack
// of start tags not yet ended. An end tag closes the innermost open
// element of its name and those inside it (one with no such element is
// ignored); a block's start tag ends an open <p>, as in HTML. Open may
// change open's elements: it is the caller's stack.
func (t Tags) Open(open []string) []string {
	stack := open
	for _, op := range t {
		if op.block && len(stack) > 0 && stack[len(stack)-1] == "p" {
			stack = stack[:len(stack)-1]
		}
		if op.start {
			stack = append(stack, op.name)
			continue
		}
		if op.block {
			continue // <hr>: a void block
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i] == op.name {
				stack = stack[:i]
				break
			}
		}
	}
	return stack
}
