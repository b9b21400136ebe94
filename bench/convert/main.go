// Command convert writes a galley document (its JSON form, from
// standard input) as Markdown or Typst, so that bench/compare.sh can give
// pandoc and Typst the same text galley reads. It handles what the
// benchmark inputs hold (sections, paragraphs, lists, quotes, code,
// emphasis, notes); anything else is written as its plain text.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
)

func main() {
	to := flag.String("to", "markdown", "markdown or typst")
	flag.Parse()
	d, err := doc.Decode(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	c := &converter{w: w, typst: *to == "typst"}
	if c.typst {
		fmt.Fprintf(w, "#set page(paper: \"a4\")\n#set text(lang: %q, size: 10.5pt)\n#set par(justify: true)\n\n", d.Meta.Lang)
		fmt.Fprintf(w, "#align(center, text(20pt)[*%s*])\n\n", c.esc(d.Meta.Title))
	} else {
		fmt.Fprintf(w, "---\ntitle: %q\nlang: %s\n---\n\n", d.Meta.Title, d.Meta.Lang)
	}
	c.blocks(d.Blocks, "")
	for _, s := range d.Sections {
		c.section(s)
	}
}

type converter struct {
	w     *bufio.Writer
	typst bool
}

func (c *converter) section(s *doc.Section) {
	mark := "#"
	if c.typst {
		mark = "="
	}
	fmt.Fprintf(c.w, "%s %s\n\n", strings.Repeat(mark, min(s.Level, 6)), c.inlines(s.Title))
	c.blocks(s.Blocks, "")
	for _, k := range s.Sections {
		c.section(k)
	}
}

func (c *converter) blocks(bs []doc.Block, indent string) {
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Paragraph:
			fmt.Fprintf(c.w, "%s%s\n\n", indent, c.inlines(b.Inlines))
		case *doc.List:
			for i, it := range b.Items {
				m := "- "
				if b.Ordered {
					m = fmt.Sprintf("%d. ", i+1)
					if c.typst {
						m = "+ "
					}
				}
				fmt.Fprintf(c.w, "%s%s%s\n", indent, m, c.inlines(firstInlines(it.Blocks)))
			}
			c.w.WriteString("\n")
		case *doc.Quote:
			if c.typst {
				fmt.Fprintf(c.w, "#quote(block: true)[%s]\n\n", c.esc(doc.BlocksText(b.Blocks)))
			} else {
				c.blocks(b.Blocks, indent+"> ")
			}
		case *doc.CodeBlock:
			fmt.Fprintf(c.w, "```\n%s\n```\n\n", b.Text)
		default:
			fmt.Fprintf(c.w, "%s%s\n\n", indent, c.esc(doc.BlocksText([]doc.Block{b})))
		}
	}
}

func firstInlines(bs []doc.Block) []doc.Inline {
	for _, b := range bs {
		if p, ok := b.(*doc.Paragraph); ok {
			return p.Inlines
		}
	}
	return nil
}

func (c *converter) inlines(ins []doc.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in := in.(type) {
		case *doc.Text:
			b.WriteString(c.esc(in.Text))
		case *doc.Emph:
			b.WriteString("_" + c.inlines(in.Inlines) + "_")
		case *doc.Strong:
			b.WriteString("*" + c.inlines(in.Inlines) + "*")
			if !c.typst {
				b.WriteString("*")
			}
		case *doc.Note:
			if c.typst {
				b.WriteString("#footnote[" + c.esc(doc.BlocksText(in.Blocks)) + "]")
			} else {
				b.WriteString("^[" + c.esc(doc.BlocksText(in.Blocks)) + "]")
			}
		case *doc.LineBreak:
			b.WriteString(" ")
		default:
			b.WriteString(c.esc(doc.PlainText([]doc.Inline{in})))
		}
	}
	return b.String()
}

// esc escapes the characters each language gives a meaning.
func (c *converter) esc(s string) string {
	special := "\\*_`[]#<>"
	if c.typst {
		special = "\\*_`[]#<>$@=~/"
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(special, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
