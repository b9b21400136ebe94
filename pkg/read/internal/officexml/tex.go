package officexml

// Both readers write the equations of office documents (Word's Office
// Math, OpenDocument's MathML) as TeX, with these.

import "strings"

// EscapeTeX writes text as TeX: TeX's own characters escaped, letters
// and symbols as they are (galley's TeX reader takes Unicode).
func EscapeTeX(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\backslash `)
		case '{', '}', '#', '$', '%', '&', '_':
			b.WriteString(`\` + string(r))
		case '^':
			b.WriteString(`\hat{}`)
		case '~':
			b.WriteString(`\sim `)
		case '\u2062', '\u2061': // invisible times, function application
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TeXChar gives one character of a property (a delimiter, a
// separator) as TeX.
func TeXChar(s string) string {
	switch s {
	case "{":
		return `\{`
	case "}":
		return `\}`
	case "|":
		return "|"
	case "‖":
		return `\|`
	}
	return EscapeTeX(s)
}

// Fence gives a delimiter after \left or \right: "." for none.
func Fence(s string) string {
	switch s {
	case "":
		return "."
	case "⟨", "〈":
		return `\langle`
	case "⟩", "〉":
		return `\rangle`
	case "⌊":
		return `\lfloor`
	case "⌋":
		return `\rfloor`
	case "⌈":
		return `\lceil`
	case "⌉":
		return `\rceil`
	}
	return TeXChar(s)
}

// NaryOps are the TeX commands of the big operators.
var NaryOps = map[string]string{
	"∫": `\int`, "∬": `\iint`, "∭": `\iiint`, "∮": `\oint`, "∑": `\sum`, "∏": `\prod`, "∐": `\coprod`,
	"⋃": `\bigcup`, "⋂": `\bigcap`, "⋁": `\bigvee`, "⋀": `\bigwedge`, "⨁": `\bigoplus`, "⨂": `\bigotimes`,
}

// Functions are the names TeX sets upright as functions (\sin).
var Functions = map[string]bool{
	"sin": true, "cos": true, "tan": true, "cot": true, "sec": true, "csc": true, "arcsin": true, "arccos": true,
	"arctan": true, "sinh": true, "cosh": true, "tanh": true, "coth": true, "log": true, "ln": true, "lg": true,
	"exp": true, "lim": true, "max": true, "min": true, "sup": true, "inf": true, "det": true, "dim": true,
	"gcd": true, "deg": true, "arg": true, "ker": true, "Pr": true, "liminf": true, "limsup": true,
}
