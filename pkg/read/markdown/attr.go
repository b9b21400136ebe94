package markdown

import (
	"strings"

	"github.com/galleypress/galley/pkg/doc"
)

// Pandoc's attributes, "{#id .class key=value key="a value"}": on a
// bracketed span ("[words]{lang=en}") and a fenced div ("::: {lang=en}").

// parseAttr reads attributes at the start of s, which must open with
// "{": the attributes and the length of their text, or false.
func parseAttr(s string) (doc.Attr, int, bool) {
	var a doc.Attr
	if !strings.HasPrefix(s, "{") {
		return a, 0, false
	}
	i := 1
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) || s[i] == '\n' {
			return a, 0, false
		}
		if s[i] == '}' {
			return a, i + 1, !a.IsZero()
		}
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '}' && s[i] != '=' && s[i] != '\n' {
			i++
		}
		word := s[start:i]
		switch {
		case i < len(s) && s[i] == '=':
			if word == "" || !attrKey(word) {
				return a, 0, false
			}
			i++
			var value string
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					return a, 0, false
				}
				value = s[i+1 : i+1+end]
				i += end + 2
			} else {
				v := i
				for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '}' && s[i] != '\n' {
					i++
				}
				value = s[v:i]
			}
			a.Set(word, value)
		case word == "-":
			a.Classes = append(a.Classes, "unnumbered")
		case strings.HasPrefix(word, "#") && len(word) > 1:
			a.ID = word[1:]
		case strings.HasPrefix(word, ".") && len(word) > 1:
			a.Classes = append(a.Classes, word[1:])
		default:
			return a, 0, false
		}
	}
}

// attrKey reports whether s can name an attribute: letters, digits,
// "-", "_", ":", starting with a letter.
func attrKey(s string) bool {
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '-' || r == '_' || r == ':')) {
			return false
		}
	}
	return true
}

// bracketSpans makes pandoc's bracketed spans of ins: "[" in a text,
// then, at the same level, "]" followed at once by attributes. Brackets
// that are not followed by attributes stay text ("[1]"); spans nest.
func bracketSpans(ins []doc.Inline) []doc.Inline {
	if !hasSpanText(ins) {
		return ins
	}
	ins = append([]doc.Inline(nil), ins...) // the texts are cut below
	var out []doc.Inline
	for i := 0; i < len(ins); i++ {
		t, ok := ins[i].(*doc.Text)
		if !ok {
			out = append(out, ins[i])
			continue
		}
		open := strings.IndexByte(t.Text, '[')
		if open < 0 {
			out = append(out, t)
			continue
		}
		j, closeAt, end, attr, found := spanClose(ins, i, open+1)
		if !found {
			out = append(out, &doc.Text{Text: t.Text[:open+1]})
			ins[i] = &doc.Text{Text: t.Text[open+1:]}
			i--
			continue
		}
		if open > 0 {
			out = append(out, &doc.Text{Text: t.Text[:open]})
		}
		var content []doc.Inline
		if j == i {
			content = append(content, &doc.Text{Text: t.Text[open+1 : closeAt]})
		} else {
			content = append(content, &doc.Text{Text: t.Text[open+1:]})
			content = append(content, ins[i+1:j]...)
			content = append(content, &doc.Text{Text: ins[j].(*doc.Text).Text[:closeAt]})
		}
		content = slicesDropEmptyText(content)
		out = append(out, &doc.Span{Attr: attr, Inlines: bracketSpans(content)})
		ins[j] = &doc.Text{Text: ins[j].(*doc.Text).Text[end:]}
		i = j - 1
	}
	return slicesDropEmptyText(out)
}

// hasSpanText reports whether a text of ins holds "]{", which every
// bracketed span ends with.
func hasSpanText(ins []doc.Inline) bool {
	for _, in := range ins {
		if t, ok := in.(*doc.Text); ok && strings.Contains(t.Text, "]{") {
			return true
		}
	}
	return false
}

// spanClose finds the "]" that closes a bracket opened in ins[i] before
// from, at the same depth: the inline holding it (a text), where it is,
// where the attributes after it end, and the attributes.
func spanClose(ins []doc.Inline, i, from int) (j, closeAt, end int, attr doc.Attr, found bool) {
	depth := 0
	for k := i; k < len(ins); k++ {
		t, ok := ins[k].(*doc.Text)
		if !ok {
			continue
		}
		start := 0
		if k == i {
			start = from
		}
		for p := start; p < len(t.Text); p++ {
			switch t.Text[p] {
			case '[':
				depth++
			case ']':
				if depth > 0 {
					depth--
					continue
				}
				a, n, ok := parseAttr(t.Text[p+1:])
				if !ok {
					return 0, 0, 0, attr, false
				}
				return k, p, p + 1 + n, a, true
			}
		}
	}
	return 0, 0, 0, attr, false
}

// slicesDropEmptyText drops the empty texts of ins and joins adjacent
// ones.
func slicesDropEmptyText(ins []doc.Inline) []doc.Inline {
	out := ins[:0]
	for _, in := range ins {
		if t, ok := in.(*doc.Text); ok {
			if t.Text == "" {
				continue
			}
			if len(out) > 0 {
				if prev, ok := out[len(out)-1].(*doc.Text); ok {
					out[len(out)-1] = &doc.Text{Text: prev.Text + t.Text}
					continue
				}
			}
		}
		out = append(out, in)
	}
	return out
}
