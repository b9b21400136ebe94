package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/galleypress/galley/pkg/doc"
)

// Raw HTML is never passed through. A few harmless inline elements, with
// their closing tag among their siblings, become what they mean: <sub>,
// <sup>, <em> and <i>, <strong> and <b>, <del>, <s> and <strike>, <code>
// and <kbd>, and <br>. Any other raw HTML is dropped with a warning.

// matchTags pairs the harmless raw HTML tags among n's children (<sub>
// with its </sub>, and so on) in one pass, so that many unclosed tags
// cost linear time.
func (c *converter) matchTags(n ast.Node) {
	stacks := map[string][]ast.Node{}
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		raw, ok := k.(*ast.RawHTML)
		if !ok {
			continue
		}
		s := c.rawText(raw)
		if tag, ok := openTag(s); ok {
			stacks[tag] = append(stacks[tag], k)
		} else if m := closeTagRe.FindStringSubmatch(s); m != nil {
			tag := strings.ToLower(m[1])
			if st := stacks[tag]; len(st) > 0 {
				c.closers[st[len(st)-1]] = k
				stacks[tag] = st[:len(st)-1]
			}
		}
	}
}

var (
	openTagRe  = regexp.MustCompile(`(?i)^<(sub|sup|em|i|strong|b|del|s|strike|code|kbd)>$`)
	closeTagRe = regexp.MustCompile(`(?i)^</(sub|sup|em|i|strong|b|del|s|strike|code|kbd)\s*>$`)
)

func openTag(raw string) (string, bool) {
	m := openTagRe.FindStringSubmatch(raw)
	if m == nil {
		return "", false
	}
	return strings.ToLower(m[1]), true
}

func htmlInline(tag string, kids []doc.Inline) doc.Inline {
	switch tag {
	case "sub":
		return &doc.Sub{Inlines: kids}
	case "sup":
		return &doc.Sup{Inlines: kids}
	case "em", "i":
		return &doc.Emph{Inlines: kids}
	case "strong", "b":
		return &doc.Strong{Inlines: kids}
	case "code", "kbd":
		return &doc.Code{Text: doc.PlainText(kids)}
	}
	return &doc.Strike{Inlines: kids}
}

func (c *converter) rawText(n *ast.RawHTML) string {
	var raw strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw.Write(seg.Value(c.src))
	}
	return raw.String()
}

var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)
