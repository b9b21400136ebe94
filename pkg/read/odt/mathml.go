package odt

import (
	"path"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read/internal/officexml"
)

// OpenDocument formulas are MathML objects (a part "Object 1/content.xml"
// of the package, or math:math inside the flat file's draw:object). They
// are read as TeX, which galley's renderers set as MathML again (HTML,
// EPUB) and as the formula's words in the PDF.

// formula reads a draw:object's formula, or returns nil when the object
// is not one.
func (c *converter) formula(obj *node) doc.Inline {
	m := obj.Child("math:math")
	if m == nil && c.pkg != nil {
		href := strings.TrimPrefix(path.Clean("/"+obj.Attr("xlink:href")), "/")
		if part, err := c.pkg.XML(path.Join(href, "content.xml")); err == nil {
			m = part.Child("math:math")
		}
	}
	if m == nil {
		return nil
	}
	tex := strings.TrimSpace(c.tex(m))
	if tex == "" {
		return nil
	}
	return &doc.Math{TeX: tex}
}

// elems returns n's element children (not its text).
func elems(n *node) []*node {
	var out []*node
	for _, k := range n.Kids {
		if k.Name != "#text" {
			out = append(out, k)
		}
	}
	return out
}

// tex converts MathML to TeX.
func (c *converter) tex(n *node) string {
	kids := elems(n)
	arg := func(i int) string {
		if i < len(kids) {
			return "{" + c.tex(kids[i]) + "}"
		}
		return "{}"
	}
	all := func() string {
		var b strings.Builder
		for _, k := range kids {
			b.WriteString(c.tex(k))
		}
		return b.String()
	}
	text := strings.TrimSpace(officexml.TextOf(n))
	switch n.Name {
	case "math:math", "math:mrow", "math:mstyle", "math:mpadded", "math:menclose", "math:merror":
		return all()
	case "math:semantics":
		if len(kids) > 0 {
			return c.tex(kids[0])
		}
		return ""
	case "math:annotation", "math:annotation-xml", "math:mphantom", "math:none", "math:mprescripts":
		return ""
	case "math:mi":
		if officexml.Functions[text] {
			return `\` + text + " "
		}
		if len([]rune(text)) > 1 {
			return `\operatorname{` + officexml.EscapeTeX(text) + `}`
		}
		return officexml.EscapeTeX(text)
	case "math:mn":
		return officexml.EscapeTeX(text)
	case "math:mo":
		if op, ok := officexml.NaryOps[text]; ok {
			return op + " "
		}
		switch text {
		case "{", "}":
			return `\` + text
		}
		return officexml.EscapeTeX(text)
	case "math:mtext", "math:ms":
		return `\text{` + officexml.EscapeTeX(text) + `}`
	case "math:mspace":
		return `\ `
	case "math:mfrac":
		if lt := n.Attr("linethickness"); lt == "0" || lt == "0pt" || lt == "0em" {
			return `\genfrac{}{}{0pt}{}` + arg(0) + arg(1)
		}
		return `\frac` + arg(0) + arg(1)
	case "math:msup":
		return arg(0) + "^" + arg(1)
	case "math:msub":
		return arg(0) + "_" + arg(1)
	case "math:msubsup":
		return arg(0) + "_" + arg(1) + "^" + arg(2)
	case "math:msqrt":
		return `\sqrt{` + all() + "}"
	case "math:mroot":
		return `\sqrt[` + c.tex(kidOr(kids, 1)) + `]` + arg(0)
	case "math:munder", "math:mover", "math:munderover":
		base := strings.TrimSpace(c.tex(kidOr(kids, 0)))
		big := strings.HasPrefix(base, `\`) && (isNary(base) || base == `\lim` || base == `\max` || base == `\min`)
		if n.Name == "math:mover" && len(kids) > 1 {
			if cmd, ok := overAccents[strings.TrimSpace(officexml.TextOf(kids[1]))]; ok {
				return cmd + "{" + base + "}"
			}
		}
		if n.Name == "math:munder" && len(kids) > 1 && strings.TrimSpace(officexml.TextOf(kids[1])) == "_" {
			return `\underline{` + base + "}"
		}
		switch {
		case big && n.Name == "math:munderover":
			return base + "_" + arg(1) + "^" + arg(2) + " "
		case big && n.Name == "math:munder":
			return base + "_" + arg(1) + " "
		case big:
			return base + "^" + arg(1) + " "
		case n.Name == "math:munder":
			return `\underset` + arg(1) + "{" + base + "}"
		case n.Name == "math:mover":
			return `\overset` + arg(1) + "{" + base + "}"
		}
		return `\underset` + arg(1) + `{\overset` + arg(2) + "{" + base + "}}"
	case "math:mfenced":
		open, close := n.Attr("open"), n.Attr("close")
		if _, ok := n.Attrs["open"]; !ok {
			open = "("
		}
		if _, ok := n.Attrs["close"]; !ok {
			close = ")"
		}
		sep := n.Attr("separators")
		if _, ok := n.Attrs["separators"]; !ok {
			sep = ","
		}
		var parts []string
		for _, k := range kids {
			parts = append(parts, c.tex(k))
		}
		return `\left` + officexml.Fence(open) + " " + strings.Join(parts, strings.TrimSpace(sep)+" ") + ` \right` + officexml.Fence(close)
	case "math:mtable":
		var rows []string
		for _, tr := range kids {
			var cells []string
			for _, td := range elems(tr) {
				cells = append(cells, c.tex(td))
			}
			rows = append(rows, strings.Join(cells, " & "))
		}
		return `\begin{matrix}` + strings.Join(rows, ` \\ `) + `\end{matrix}`
	case "math:mtr", "math:mtd", "math:mlabeledtr":
		return all()
	}
	c.warnOnce("odt-math", "a formula's %s is read as its contents", strings.TrimPrefix(n.Name, "math:"))
	return all()
}

func kidOr(kids []*node, i int) *node {
	if i < len(kids) {
		return kids[i]
	}
	return &node{}
}

func isNary(s string) bool {
	for _, op := range officexml.NaryOps {
		if s == op {
			return true
		}
	}
	return false
}

var overAccents = map[string]string{
	"^": `\hat`, "ˆ": `\hat`, "~": `\tilde`, "˜": `\tilde`, "¯": `\bar`, "‾": `\overline`, "→": `\vec`, "⃗": `\vec`, "˙": `\dot`, "¨": `\ddot`, "ˇ": `\check`,
}
