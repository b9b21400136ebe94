package mathml

import (
	"strings"
	"unicode"
)

// Speech returns a TeX formula in words, in language lang (en, nl, de,
// fr; English for others): the alternative text of a formula where
// MathML cannot be given (a PDF's Formula element), so that a screen
// reader says "x bar equals 1 over n times the sum from i equals 1 to n
// of x sub i" rather than spelling out backslashes. It reads the common
// constructs (fractions, powers and indices, roots, sums, integrals,
// limits, functions, accents, Greek letters, relations, \text); an
// unknown command is read as its name.
func Speech(tex, lang string) string {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	v, ok := vocabularies[primary]
	if !ok {
		v = vocabularies["en"]
	}
	s := &speaker{src: tex, v: v}
	words := s.expr(false)
	return strings.Join(strings.Fields(strings.Join(words, " ")), " ")
}

// vocabulary holds a language's words for what formulas say.
type vocabulary struct {
	words                                                                            map[string]string // commands and signs
	over, squared, cubed, power, sub, sqrt, root, from, to, of, bar, hat, vec, limit string
}

var vocabularies = map[string]vocabulary{
	"en": {words: map[string]string{"=": "equals", "+": "plus", "-": "minus", "−": "minus", "*": "times", "/": "divided by", "<": "is less than", ">": "is greater than",
		"cdot": "times", "times": "times", "div": "divided by", "pm": "plus or minus", "mp": "minus or plus", "le": "is less than or equal to", "leq": "is less than or equal to",
		"ge": "is greater than or equal to", "geq": "is greater than or equal to", "neq": "is not equal to", "ne": "is not equal to", "approx": "is approximately",
		"equiv": "is equivalent to", "sim": "is similar to", "propto": "is proportional to", "in": "in", "notin": "not in", "subset": "subset of", "cup": "union", "cap": "intersection",
		"to": "to", "rightarrow": "to", "infty": "infinity", "partial": "partial", "nabla": "nabla", "sum": "the sum", "prod": "the product", "int": "the integral",
		"lim": "the limit", "forall": "for all", "exists": "there exists", "ldots": "dot dot dot", "cdots": "dot dot dot", "dots": "dot dot dot", "%": "percent", "degree": "degrees"},
		over: "over", squared: "squared", cubed: "cubed", power: "to the power", sub: "sub", sqrt: "the square root of", root: "root of", from: "from", to: "to", of: "of",
		bar: "bar", hat: "hat", vec: "vector", limit: "as"},
	"nl": {words: map[string]string{"=": "is gelijk aan", "+": "plus", "-": "min", "−": "min", "*": "maal", "/": "gedeeld door", "<": "is kleiner dan", ">": "is groter dan",
		"cdot": "maal", "times": "maal", "div": "gedeeld door", "pm": "plus of min", "mp": "min of plus", "le": "is kleiner dan of gelijk aan", "leq": "is kleiner dan of gelijk aan",
		"ge": "is groter dan of gelijk aan", "geq": "is groter dan of gelijk aan", "neq": "is niet gelijk aan", "ne": "is niet gelijk aan", "approx": "is ongeveer",
		"equiv": "is equivalent met", "sim": "is gelijkvormig met", "propto": "is evenredig met", "in": "in", "notin": "niet in", "subset": "deelverzameling van", "cup": "vereniging", "cap": "doorsnede",
		"to": "naar", "rightarrow": "naar", "infty": "oneindig", "partial": "partieel", "nabla": "nabla", "sum": "de som", "prod": "het product", "int": "de integraal",
		"lim": "de limiet", "forall": "voor alle", "exists": "er bestaat", "ldots": "puntje puntje puntje", "cdots": "puntje puntje puntje", "dots": "puntje puntje puntje", "%": "procent", "degree": "graden"},
		over: "gedeeld door", squared: "kwadraat", cubed: "tot de derde", power: "tot de macht", sub: "index", sqrt: "de wortel van", root: "-de machtswortel van", from: "van", to: "tot", of: "van",
		bar: "streep", hat: "dakje", vec: "vector", limit: "voor"},
	"de": {words: map[string]string{"=": "gleich", "+": "plus", "-": "minus", "−": "minus", "*": "mal", "/": "geteilt durch", "<": "ist kleiner als", ">": "ist größer als",
		"cdot": "mal", "times": "mal", "div": "geteilt durch", "pm": "plus minus", "mp": "minus plus", "le": "ist kleiner oder gleich", "leq": "ist kleiner oder gleich",
		"ge": "ist größer oder gleich", "geq": "ist größer oder gleich", "neq": "ist ungleich", "ne": "ist ungleich", "approx": "ist ungefähr",
		"equiv": "ist äquivalent zu", "sim": "ist ähnlich", "propto": "ist proportional zu", "in": "in", "notin": "nicht in", "subset": "Teilmenge von", "cup": "vereinigt", "cap": "geschnitten",
		"to": "gegen", "rightarrow": "gegen", "infty": "unendlich", "partial": "partiell", "nabla": "Nabla", "sum": "die Summe", "prod": "das Produkt", "int": "das Integral",
		"lim": "der Grenzwert", "forall": "für alle", "exists": "es gibt", "ldots": "Punkt Punkt Punkt", "cdots": "Punkt Punkt Punkt", "dots": "Punkt Punkt Punkt", "%": "Prozent", "degree": "Grad"},
		over: "durch", squared: "Quadrat", cubed: "hoch drei", power: "hoch", sub: "Index", sqrt: "die Wurzel aus", root: "-te Wurzel aus", from: "von", to: "bis", of: "über",
		bar: "quer", hat: "Dach", vec: "Vektor", limit: "für"},
	"fr": {words: map[string]string{"=": "égale", "+": "plus", "-": "moins", "−": "moins", "*": "fois", "/": "divisé par", "<": "est inférieur à", ">": "est supérieur à",
		"cdot": "fois", "times": "fois", "div": "divisé par", "pm": "plus ou moins", "mp": "moins ou plus", "le": "est inférieur ou égal à", "leq": "est inférieur ou égal à",
		"ge": "est supérieur ou égal à", "geq": "est supérieur ou égal à", "neq": "est différent de", "ne": "est différent de", "approx": "est environ",
		"equiv": "est équivalent à", "sim": "est semblable à", "propto": "est proportionnel à", "in": "appartient à", "notin": "n’appartient pas à", "subset": "inclus dans", "cup": "union", "cap": "inter",
		"to": "tend vers", "rightarrow": "tend vers", "infty": "l’infini", "partial": "d rond", "nabla": "nabla", "sum": "la somme", "prod": "le produit", "int": "l’intégrale",
		"lim": "la limite", "forall": "pour tout", "exists": "il existe", "ldots": "point point point", "cdots": "point point point", "dots": "point point point", "%": "pour cent", "degree": "degrés"},
		over: "sur", squared: "au carré", cubed: "au cube", power: "puissance", sub: "indice", sqrt: "la racine carrée de", root: "racine n-ième de", from: "de", to: "à", of: "de",
		bar: "barre", hat: "chapeau", vec: "vecteur", limit: "quand"},
}

// greek are the names of the Greek letters, read as they are named.
var greek = map[string]bool{"alpha": true, "beta": true, "gamma": true, "delta": true, "epsilon": true, "varepsilon": true, "zeta": true, "eta": true,
	"theta": true, "vartheta": true, "iota": true, "kappa": true, "lambda": true, "mu": true, "nu": true, "xi": true, "pi": true, "rho": true, "sigma": true,
	"tau": true, "upsilon": true, "phi": true, "varphi": true, "chi": true, "psi": true, "omega": true, "Gamma": true, "Delta": true, "Theta": true,
	"Lambda": true, "Xi": true, "Pi": true, "Sigma": true, "Phi": true, "Psi": true, "Omega": true}

// functions are read as their names.
var functions = map[string]bool{"sin": true, "cos": true, "tan": true, "log": true, "ln": true, "exp": true, "min": true, "max": true, "det": true,
	"arcsin": true, "arccos": true, "arctan": true, "sinh": true, "cosh": true, "tanh": true, "sup": true, "inf": true, "gcd": true, "arg": true, "dim": true}

// ignored commands draw spacing, sizes or styles: no words.
var ignored = map[string]bool{"left": true, "right": true, "big": true, "Big": true, "bigg": true, "Bigg": true, ",": true, ";": true, ":": true, "!": true,
	"quad": true, "qquad": true, "displaystyle": true, "textstyle": true, "limits": true, "nolimits": true, " ": true}

type speaker struct {
	src string
	i   int
	v   vocabulary
}

func (s *speaker) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

// expr reads to the end, or to the "}" that closes a group when group.
func (s *speaker) expr(group bool) []string {
	var out []string
	for s.i < len(s.src) {
		c := s.peek()
		if c == '}' {
			if group {
				s.i++
				return out
			}
			s.i++
			continue
		}
		atom, isOp := s.atom()
		if atom == nil && !isOp {
			continue
		}
		out = append(out, atom...)
		out = append(out, s.scripts(isOp)...)
	}
	return out
}

// group reads "{…}" or one atom, as the argument of a command.
func (s *speaker) group() []string {
	s.space()
	if s.peek() == '{' {
		s.i++
		return s.expr(true)
	}
	a, _ := s.atom()
	return a
}

func (s *speaker) space() {
	for s.i < len(s.src) && unicode.IsSpace(rune(s.src[s.i])) {
		s.i++
	}
}

// atom reads one thing: a group, a command with its arguments, a number,
// a letter, a sign. op says it is a large operator or a limit, whose
// scripts are its bounds.
func (s *speaker) atom() (words []string, op bool) {
	s.space()
	if s.i >= len(s.src) {
		return nil, false
	}
	c := s.src[s.i]
	switch {
	case c == '{':
		s.i++
		return s.expr(true), false
	case c == '\\':
		return s.command()
	case c >= '0' && c <= '9' || c == '.':
		start := s.i
		for s.i < len(s.src) && (s.src[s.i] >= '0' && s.src[s.i] <= '9' || s.src[s.i] == '.' || s.src[s.i] == ',') {
			s.i++
		}
		return []string{strings.TrimRight(s.src[start:s.i], ".,")}, false
	case c == '^' || c == '_' || c == '&':
		s.i++
		return nil, false
	}
	r := []rune(s.src[s.i:])[0]
	s.i += len(string(r))
	if w, ok := s.v.words[string(r)]; ok {
		return []string{w}, false
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return []string{string(r)}, false
	}
	if r == '(' || r == ')' || r == '[' || r == ']' || r == '|' || r == ',' || r == '\'' || r == '!' {
		if r == ',' {
			return []string{","}, false
		}
		return nil, false
	}
	return []string{string(r)}, false
}

// command reads a command and its arguments.
func (s *speaker) command() ([]string, bool) {
	s.i++ // the backslash
	start := s.i
	for s.i < len(s.src) && unicode.IsLetter(rune(s.src[s.i])) {
		s.i++
	}
	if s.i == start && s.i < len(s.src) {
		s.i++ // \, \; \{ \%
	}
	name := s.src[start:s.i]
	v := s.v
	switch {
	case ignored[name]:
		return nil, false
	case name == "frac" || name == "dfrac" || name == "tfrac":
		num, den := s.group(), s.group()
		return append(append(num, v.over), den...), false
	case name == "sqrt":
		if s.peek() == '[' {
			end := strings.IndexByte(s.src[s.i:], ']')
			if end > 0 {
				n := s.src[s.i+1 : s.i+end]
				s.i += end + 1
				return append([]string{n + v.root}, s.group()...), false
			}
		}
		return append([]string{v.sqrt}, s.group()...), false
	case name == "bar" || name == "overline":
		return append(s.group(), v.bar), false
	case name == "hat" || name == "widehat":
		return append(s.group(), v.hat), false
	case name == "vec":
		return append([]string{v.vec}, s.group()...), false
	case name == "text" || name == "textrm" || name == "mathrm" || name == "mathbf" || name == "mathit" || name == "operatorname" || name == "mbox" || name == "mathbb" || name == "mathcal":
		if name == "text" || name == "textrm" || name == "mbox" {
			s.space()
			if s.peek() == '{' {
				end := strings.IndexByte(s.src[s.i:], '}')
				if end > 0 {
					t := s.src[s.i+1 : s.i+end]
					s.i += end + 1
					return []string{t}, false
				}
			}
		}
		return s.group(), false
	case name == "begin" || name == "end":
		s.group() // the environment's name
		return nil, false
	case name == "sum" || name == "prod" || name == "int" || name == "lim":
		return []string{v.words[name]}, true
	case greek[name]:
		return []string{name}, false
	case functions[name]:
		return []string{name}, false
	case name == "{" || name == "}" || name == "\\":
		return nil, false
	}
	if w, ok := v.words[name]; ok {
		return []string{w}, false
	}
	return []string{name}, false
}

// scripts reads the ^ and _ after an atom: powers and indices, or an
// operator's bounds ("from … to … of").
func (s *speaker) scripts(op bool) []string {
	var sup, sub []string
	var hasSup, hasSub bool
	for {
		s.space()
		switch s.peek() {
		case '^':
			s.i++
			sup, hasSup = s.group(), true
			continue
		case '_':
			s.i++
			sub, hasSub = s.group(), true
			continue
		}
		break
	}
	v := s.v
	var out []string
	if op {
		if hasSub {
			if len(sub) > 0 && (sub[len(sub)-1] == v.words["to"]) || containsWord(sub, v.words["to"]) {
				out = append(out, v.limit)
			} else {
				out = append(out, v.from)
			}
			out = append(out, sub...)
		}
		if hasSup {
			out = append(out, v.to)
			out = append(out, sup...)
		}
		return append(out, v.of)
	}
	if hasSub {
		out = append(out, v.sub)
		out = append(out, sub...)
	}
	if hasSup {
		switch strings.Join(sup, " ") {
		case "2":
			out = append(out, v.squared)
		case "3":
			out = append(out, v.cubed)
		default:
			out = append(out, v.power)
			out = append(out, sup...)
		}
	}
	return out
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}
