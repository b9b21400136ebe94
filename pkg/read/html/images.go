package html

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/galleypress/galley/pkg/doc"
)

// figureBlock maps a figure: its image and caption, or, without an
// image, its content.
func (c *Converter) figureBlock(n *html.Node) []doc.Block {
	var img, caption *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch {
			case k.DataAtom == atom.Img && img == nil:
				img = k
			case k.DataAtom == atom.Figcaption && caption == nil:
				caption = k
			case k.DataAtom == atom.Picture || k.DataAtom == atom.A || k.DataAtom == atom.Div || k.DataAtom == atom.Span:
				find(k)
			}
		}
	}
	find(n)
	if img == nil {
		return c.Blocks(n)
	}
	var cap []doc.Inline
	if caption != nil {
		cap = trimInlines(c.Inlines(caption))
	}
	if f := c.figure(img, cap); f != nil {
		return []doc.Block{f}
	}
	return nil
}

// figure maps an image alone in its block, nil for a remote image
// without alternative text or caption, which has nothing to show.
func (c *Converter) figure(img *html.Node, caption []doc.Inline) *doc.Figure {
	src := imageSrc(img)
	if blank(img, src) && len(caption) == 0 {
		return nil
	}
	return &doc.Figure{Src: src, Alt: strings.TrimSpace(Attr(img, "alt")), Title: Attr(img, "title"), Caption: caption}
}

// blank reports whether an image is a remote one without alternative
// text: a tracking pixel or decoration that galley, never fetching
// anything, could show only as a bare link.
func blank(img *html.Node, src string) bool {
	return strings.TrimSpace(Attr(img, "alt")) == "" && (strings.Contains(src, "://") || strings.HasPrefix(src, "//"))
}

// imageSrc returns an img's source: src when it names a local file (a
// page saved by a browser has the image it showed there; the larger
// files of a srcset are often not saved), else of its srcset the
// largest local file, else src.
func imageSrc(img *html.Node) string {
	src := strings.TrimSpace(Attr(img, "src"))
	best, bestW := "", -1.0
	for _, cand := range strings.Split(Attr(img, "srcset"), ",") {
		f := strings.Fields(cand)
		if len(f) == 0 || strings.Contains(f[0], "://") || strings.HasPrefix(f[0], "//") {
			continue
		}
		w := 1.0
		if len(f) > 1 {
			d := strings.TrimRight(strings.TrimRight(f[1], "w"), "x")
			if v, err := strconv.ParseFloat(d, 64); err == nil {
				w = v
			}
		}
		if w > bestW {
			best, bestW = f[0], w
		}
	}
	if best != "" && (src == "" || strings.Contains(src, "://") || strings.HasPrefix(src, "//") || strings.HasPrefix(src, "data:")) {
		return best
	}
	return src
}
