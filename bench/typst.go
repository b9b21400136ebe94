//go:build ignore

// Typst writes a galley document (its JSON form, from standard input) as
// Typst markup, so that bench/compare.sh can give Typst the same text
// galley reads. It handles what the benchmark inputs hold (sections,
// paragraphs, lists, quotes, code, emphasis, notes); anything else is
// written as its plain text. It is the benchmark's own, not a galley
// format (the build tag keeps it out of go install ./...):
//
//	go build -o typst bench/typst.go
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
)

func main() {
	d, err := doc.Decode(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "typst:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	c := &converter{w: w}
	fmt.Fprintf(w, "#set page(paper: \"a4\")\n#set text(lang: %q, size: 10.5pt)\n#set par(justify: true)\n\n", d.Meta.Lang)
	fmt.Fprintf(w, "#align(center, text(20pt)[*%s*])\n\n", esc(d.Meta.Title))
	c.blocks(d.Blocks, "")
	for _, s := range d.Sections {
		c.section(s)
	}
}

type converter struct{ w *bufio.Writer }

func (c *converter) section(s *doc.Section) {
	fmt.Fprintf(c.w, "%s %s\n\n", strings.Repeat("=", min(s.Level, 6)), c.inlines(s.Title))
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
			for _, it := range b.Items {
				m := "- "
				if b.Ordered {
					m = "+ "
				}
				fmt.Fprintf(c.w, "%s%s%s\n", indent, m, c.inlines(firstInlines(it.Blocks)))
			}
			c.w.WriteString("\n")
		case *doc.Quote:
			fmt.Fprintf(c.w, "#quote(block: true)[%s]\n\n", esc(doc.BlocksText(b.Blocks)))
		case *doc.CodeBlock:
			fmt.Fprintf(c.w, "```\n%s\n```\n\n", b.Text)
		default:
			fmt.Fprintf(c.w, "%s%s\n\n", indent, esc(doc.BlocksText([]doc.Block{b})))
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
			b.WriteString(esc(in.Text))
		case *doc.Emph:
			b.WriteString("_" + c.inlines(in.Inlines) + "_")
		case *doc.Strong:
			b.WriteString("*" + c.inlines(in.Inlines) + "*")
		case *doc.Note:
			b.WriteString("#footnote[" + esc(doc.BlocksText(in.Blocks)) + "]")
		case *doc.LineBreak:
			b.WriteString(" ")
		default:
			b.WriteString(esc(doc.PlainText([]doc.Inline{in})))
		}
	}
	return b.String()
}

// esc escapes the characters Typst markup gives a meaning.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\*_`[]#<>$@=~/", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
