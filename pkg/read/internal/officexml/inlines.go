package officexml

// The readers of office documents share these helpers for the inlines
// they make.

import (
	"reflect"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
)

// FigureOf returns the figure a paragraph is when it holds one image
// and nothing else.
func FigureOf(ins []doc.Inline) *doc.Figure {
	t := Trim(ins)
	if len(t) != 1 {
		return nil
	}
	img, ok := t[0].(*doc.Image)
	if !ok {
		return nil
	}
	return &doc.Figure{Src: img.Src, Alt: img.Alt, Title: img.Title}
}

// blank reports whether in is spaces only: a text, or formatting of
// nothing but spaces (an italic space before a paragraph's first word).
func blank(in doc.Inline) bool {
	switch in := in.(type) {
	case *doc.Text:
		return strings.TrimSpace(in.Text) == ""
	case *doc.Strong, *doc.Emph, *doc.Strike, *doc.Sup, *doc.Sub:
		for _, k := range doc.Children(in) {
			if !blank(k) {
				return false
			}
		}
		return true
	}
	return false
}

// Trim drops leading and trailing spaces of inlines.
func Trim(ins []doc.Inline) []doc.Inline {
	for len(ins) > 0 {
		if blank(ins[0]) {
			ins = ins[1:]
			continue
		}
		break
	}
	for len(ins) > 0 {
		if blank(ins[len(ins)-1]) {
			ins = ins[:len(ins)-1]
			continue
		}
		break
	}
	if len(ins) > 0 {
		if t, ok := ins[0].(*doc.Text); ok {
			ins[0] = &doc.Text{Text: strings.TrimLeft(t.Text, " \t")}
		}
		if t, ok := ins[len(ins)-1].(*doc.Text); ok {
			ins[len(ins)-1] = &doc.Text{Text: strings.TrimRight(t.Text, " \t")}
		}
	}
	return ins
}

// Merge joins what a word processor splits into runs: adjacent texts, adjacent code,
// and adjacent formatting of one kind (two bold runs are one bold
// stretch; a span of one language with the next of the same), so that
// "These" set letter by letter in alternating fonts reads as one word.
func Merge(ins []doc.Inline) []doc.Inline {
	var out []doc.Inline
	for _, in := range ins {
		if n := len(out); n > 0 && mergeable(out[n-1], in) {
			switch prev := out[n-1].(type) {
			case *doc.Text:
				prev.Text += in.(*doc.Text).Text
			case *doc.Code:
				prev.Text += in.(*doc.Code).Text
			default:
				doc.SetChildren(prev, Merge(append(doc.Children(prev), doc.Children(in)...)))
			}
			continue
		}
		out = append(out, in)
	}
	return out
}

// mergeable reports whether b continues a: the same kind of inline,
// holding inlines (or text), with the same attributes.
func mergeable(a, b doc.Inline) bool {
	switch a := a.(type) {
	case *doc.Text:
		_, ok := b.(*doc.Text)
		return ok
	case *doc.Code:
		_, ok := b.(*doc.Code)
		return ok
	case *doc.Strong, *doc.Emph, *doc.Strike, *doc.Sup, *doc.Sub:
		return reflect.TypeOf(a) == reflect.TypeOf(b)
	case *doc.Span:
		s, ok := b.(*doc.Span)
		return ok && reflect.DeepEqual(a.Attr, s.Attr)
	case *doc.Link:
		l, ok := b.(*doc.Link)
		return ok && a.URL == l.URL
	}
	return false
}

// FoldAnchors moves the anchors of a paragraph that holds nothing else
// (a bookmark on a line of its own) to the start of the next paragraph
// or heading, or the end of the one before when none follows: an empty
// paragraph would show as a gap.
func FoldAnchors(bs []doc.Block) []doc.Block {
	var out []doc.Block
	var pending []doc.Inline
	for _, b := range bs {
		if p, ok := b.(*doc.Paragraph); ok && anchorsOnly(p.Inlines) {
			for _, in := range p.Inlines {
				if a, ok := in.(*doc.Anchor); ok {
					pending = append(pending, a)
				}
			}
			continue
		}
		switch b := b.(type) {
		case *doc.Paragraph:
			b.Inlines, pending = append(pending, b.Inlines...), nil
		case *doc.Heading:
			b.Inlines, pending = append(pending, b.Inlines...), nil
		case *doc.List:
			for _, it := range b.Items {
				it.Blocks = FoldAnchors(it.Blocks)
			}
		case *doc.Quote:
			b.Blocks = FoldAnchors(b.Blocks)
		case *doc.Div:
			b.Blocks = FoldAnchors(b.Blocks)
		}
		out = append(out, b)
	}
	if len(pending) > 0 {
		for i := len(out) - 1; i >= 0; i-- {
			if p, ok := out[i].(*doc.Paragraph); ok {
				p.Inlines = append(p.Inlines, pending...)
				return out
			}
		}
		out = append(out, &doc.Paragraph{Inlines: pending})
	}
	return out
}

func anchorsOnly(ins []doc.Inline) bool {
	for _, in := range ins {
		if _, ok := in.(*doc.Anchor); !ok && !blank(in) {
			return false
		}
	}
	return len(ins) > 0
}
