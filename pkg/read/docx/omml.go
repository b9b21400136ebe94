package docx

import (
	"strings"

	"github.com/galleypress/galley/pkg/read/internal/officexml"
)

// Word's equations (Office Math, OMML) are read as TeX, which galley's
// renderers set as MathML (HTML, EPUB) and as the formula's words in the
// PDF. The structures map one to one: fractions, scripts, radicals,
// n-ary operators, delimiters, functions, limits, accents, bars, braces,
// matrices and equation arrays; a structure it does not know gives its
// contents, with a warning.

// mathTeX converts an m:oMath (or any part of one) to TeX.
func (c *converter) mathTeX(n *node) string {
	var b strings.Builder
	for _, k := range n.Kids {
		b.WriteString(c.mathPart(k))
	}
	return strings.TrimSpace(b.String())
}

// arg converts the child named name of n as one TeX group.
func (c *converter) arg(n *node, name string) string {
	k := n.Child(name)
	if k == nil {
		return "{}"
	}
	return "{" + c.mathTeX(k) + "}"
}

func (c *converter) mathPart(k *node) string {
	props := k.Child(k.Name + "Pr")
	if props == nil {
		props = &node{}
	}
	val := func(name string) (string, bool) {
		p := props.Child(name)
		if p == nil {
			return "", false
		}
		v, ok := p.Attrs["m:val"]
		return v, ok
	}
	hidden := func(name string) bool {
		v, ok := val(name)
		return ok && (v == "" || v == "1" || v == "on" || v == "true")
	}
	switch k.Name {
	case "m:r":
		var b strings.Builder
		for _, t := range k.Kids {
			if t.Name == "m:t" {
				b.WriteString(t.Text)
			}
		}
		return mathRun(b.String(), k.Child("m:rPr").Child("m:nor") != nil)
	case "m:f":
		num, den := c.arg(k, "m:num"), c.arg(k, "m:den")
		switch t, _ := val("m:type"); t {
		case "lin", "skw":
			return num + "/" + den
		case "noBar":
			return `\genfrac{}{}{0pt}{}` + num + den
		}
		return `\frac` + num + den
	case "m:sSup":
		return c.arg(k, "m:e") + "^" + c.arg(k, "m:sup")
	case "m:sSub":
		return c.arg(k, "m:e") + "_" + c.arg(k, "m:sub")
	case "m:sSubSup":
		return c.arg(k, "m:e") + "_" + c.arg(k, "m:sub") + "^" + c.arg(k, "m:sup")
	case "m:sPre":
		return "{}_" + c.arg(k, "m:sub") + "^" + c.arg(k, "m:sup") + c.arg(k, "m:e")
	case "m:rad":
		if hidden("m:degHide") || strings.TrimSpace(c.mathTeX(orEmpty(k.Child("m:deg")))) == "" {
			return `\sqrt` + c.arg(k, "m:e")
		}
		return `\sqrt[` + c.mathTeX(k.Child("m:deg")) + `]` + c.arg(k, "m:e")
	case "m:nary":
		chr, ok := val("m:chr")
		if !ok {
			chr = "∫"
		}
		op, known := officexml.NaryOps[chr]
		if !known {
			op = chr
		}
		s := op
		if !hidden("m:subHide") && k.Child("m:sub") != nil && c.mathTeX(k.Child("m:sub")) != "" {
			s += "_" + c.arg(k, "m:sub")
		}
		if !hidden("m:supHide") && k.Child("m:sup") != nil && c.mathTeX(k.Child("m:sup")) != "" {
			s += "^" + c.arg(k, "m:sup")
		}
		return s + c.arg(k, "m:e") + " "
	case "m:d":
		beg, ok := val("m:begChr")
		if !ok {
			beg = "("
		}
		end, ok := val("m:endChr")
		if !ok {
			end = ")"
		}
		sep, ok := val("m:sepChr")
		if !ok {
			sep = "|"
		}
		var parts []string
		for _, e := range k.Kids {
			if e.Name == "m:e" {
				parts = append(parts, c.mathTeX(e))
			}
		}
		return `\left` + officexml.Fence(beg) + " " + strings.Join(parts, " "+officexml.TeXChar(sep)+" ") + ` \right` + officexml.Fence(end)
	case "m:func":
		name := strings.TrimSpace(c.mathTeX(orEmpty(k.Child("m:fName"))))
		if officexml.Functions[name] {
			name = `\` + name
		}
		return name + " " + c.arg(k, "m:e")
	case "m:limLow":
		e := strings.TrimSpace(c.mathTeX(orEmpty(k.Child("m:e"))))
		if officexml.Functions[e] {
			return `\` + e + "_" + c.arg(k, "m:lim")
		}
		if e == `\lim` || strings.HasPrefix(e, `\operatorname`) {
			return e + "_" + c.arg(k, "m:lim")
		}
		return `\underset` + c.arg(k, "m:lim") + "{" + e + "}"
	case "m:limUpp":
		return `\overset` + c.arg(k, "m:lim") + c.arg(k, "m:e")
	case "m:acc":
		chr, ok := val("m:chr")
		if !ok {
			chr = "\u0302"
		}
		if cmd, ok := accents[chr]; ok {
			return cmd + c.arg(k, "m:e")
		}
		return `\overset{` + officexml.TeXChar(chr) + `}` + c.arg(k, "m:e")
	case "m:bar":
		if pos, _ := val("m:pos"); pos == "top" {
			return `\overline` + c.arg(k, "m:e")
		}
		return `\underline` + c.arg(k, "m:e")
	case "m:groupChr":
		chr, ok := val("m:chr")
		if !ok {
			chr = "\u23df"
		}
		pos, _ := val("m:pos")
		switch {
		case chr == "\u23de" || chr == "\u23b4" || pos == "top" && chr != "\u23df":
			return `\overbrace` + c.arg(k, "m:e")
		}
		return `\underbrace` + c.arg(k, "m:e")
	case "m:m":
		var rows []string
		for _, mr := range k.Kids {
			if mr.Name != "m:mr" {
				continue
			}
			var cells []string
			for _, e := range mr.Kids {
				if e.Name == "m:e" {
					cells = append(cells, c.mathTeX(e))
				}
			}
			rows = append(rows, strings.Join(cells, " & "))
		}
		return `\begin{matrix}` + strings.Join(rows, ` \\ `) + `\end{matrix}`
	case "m:eqArr":
		var rows []string
		for _, e := range k.Kids {
			if e.Name == "m:e" {
				rows = append(rows, c.mathTeX(e))
			}
		}
		return `\begin{aligned}` + strings.Join(rows, ` \\ `) + `\end{aligned}`
	case "m:box", "m:borderBox", "m:phant", "m:e", "m:oMath":
		return c.mathTeX(k)
	case "w:r", "m:ctrlPr", "w:bookmarkStart", "w:bookmarkEnd", "w:proofErr":
		if t := k.Find("w:t"); t != nil && k.Name == "w:r" {
			return `\text{` + officexml.EscapeTeX(t.Text) + `}`
		}
		return ""
	}
	if strings.HasSuffix(k.Name, "Pr") {
		return ""
	}
	c.warnOnce("docx-math", "an equation's %s is read as its contents", strings.TrimPrefix(k.Name, "m:"))
	return c.mathTeX(k)
}

func orEmpty(n *node) *node {
	if n == nil {
		return &node{}
	}
	return n
}

// mathRun gives a run's text as TeX: letters and symbols as they are
// (the TeX reader takes Unicode), TeX's own characters escaped; text
// marked normal (m:nor) upright.
func mathRun(text string, normal bool) string {
	if text == "" {
		return ""
	}
	s := officexml.EscapeTeX(text)
	if normal {
		return `\text{` + s + `}`
	}
	return s
}

var accents = map[string]string{
	"\u0302": `\hat`, "\u0303": `\tilde`, "\u0304": `\bar`, "\u0305": `\bar`, "\u20d7": `\vec`, "\u0307": `\dot`,
	"\u0308": `\ddot`, "\u030c": `\check`, "\u0301": `\acute`, "\u0300": `\grave`, "\u0306": `\breve`,
}
