// Package mathml turns TeX formulas into MathML, for HTML and EPUB. It
// holds galley's use of github.com/wyatt915/treeblood.
//
// The converter's output is not used as it comes: it is read as XML and
// written again, with MathML elements and presentation attributes only,
// attributes in a fixed order and text escaped. So the bytes are the
// same on every run (the converter writes attributes in map order), and
// no markup can come through a formula (it copies \text{…} unescaped).
package mathml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/wyatt915/treeblood"
)

// Render returns the MathML of a TeX formula: a <math> element, display
// (a block) or inline, with alt as its alternative text (alttext: the
// formula in words, for a reader without MathML) and the TeX source kept
// as an annotation so that it can be copied. A formula the converter
// cannot read is an error.
func Render(tex string, display bool, alt string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("mathml: %v", r)
		}
	}()
	var raw string
	src, err := lines(tex)
	if err != nil {
		return "", err
	}
	if display {
		raw, err = treeblood.DisplayStyle(src, nil)
	} else {
		raw, err = treeblood.InlineStyle(src, nil)
	}
	if err != nil {
		return "", fmt.Errorf("mathml: %s", firstLine(err.Error()))
	}
	// The converter copies the TeX into its annotation unescaped (an "&"
	// of an alignment breaks the XML): the annotation is written anew.
	raw = annotation.ReplaceAllString(raw, "")
	out, err = clean(raw)
	if err != nil {
		return "", fmt.Errorf("mathml: %v", err)
	}
	var note strings.Builder
	note.WriteString(`<annotation encoding="application/x-tex">`)
	xml.EscapeText(&note, []byte(tex))
	note.WriteString("</annotation></semantics>")
	out = strings.Replace(out, "</semantics>", note.String(), 1)
	if alt != "" {
		var a strings.Builder
		xml.EscapeText(&a, []byte(alt))
		out = strings.Replace(out, "<math ", `<math alttext="`+a.String()+`" `, 1)
	}
	if strings.Contains(out, "<merror>") {
		return "", errors.New("mathml: a command the converter does not know")
	}
	return out, nil
}

var annotation = regexp.MustCompile(`(?s)<annotation[^>]*>.*?</annotation>`)

// lines makes a formula whose lines are parted by "\\" outside any
// environment (as MathJax and KaTeX read it) a matrix of one column,
// a line each; the converter would draw the backslash. An "&" outside an
// environment is an error, as in TeX.
func lines(tex string) (string, error) {
	depth, top := 0, false
	for i := 0; i < len(tex); i++ {
		switch {
		case strings.HasPrefix(tex[i:], `\begin`):
			depth++
		case strings.HasPrefix(tex[i:], `\end`):
			depth--
		case strings.HasPrefix(tex[i:], `\\`):
			top = top || depth == 0
			i++
		case tex[i] == '\\':
			i++ // an escaped character
		case tex[i] == '&' && depth == 0:
			return "", errors.New("mathml: & outside an alignment (write \\& for the sign)")
		}
	}
	if !top {
		return tex, nil
	}
	return `\begin{matrix}` + tex + `\end{matrix}`, nil
}

func firstLine(s string) string {
	if i := strings.IndexAny(s, "<\n"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// elements are the MathML elements kept.
var elements = map[string]bool{
	"math": true, "semantics": true, "annotation": true, "mrow": true, "mi": true, "mn": true, "mo": true,
	"ms": true, "mtext": true, "mspace": true, "msub": true, "msup": true, "msubsup": true, "munder": true,
	"mover": true, "munderover": true, "mfrac": true, "msqrt": true, "mroot": true, "mstyle": true,
	"merror": true, "mpadded": true, "mphantom": true, "menclose": true, "mtable": true, "mtr": true,
	"mtd": true, "mlabeledtr": true, "mmultiscripts": true, "mprescripts": true, "none": true,
}

// attributes are the attributes kept, presentation only, and the
// elements each is valid on in MathML 3 ("" for any): the converter puts
// an operator's spacing and limits on the identifiers of \lim and \log,
// which the W3C checker and EPUBCheck reject.
var attributes = map[string]string{
	"display": "math", "mathvariant": "", "width": "mspace mpadded mtable", "height": "mspace mpadded",
	"depth": "mspace mpadded", "voffset": "mpadded", "lspace": "mo mpadded", "rspace": "mo",
	"stretchy": "mo", "form": "mo", "largeop": "mo", "movablelimits": "mo", "fence": "mo",
	"separator": "mo", "minsize": "mo", "maxsize": "mo", "symmetric": "mo",
	"accent": "mo mover munderover", "accentunder": "munder munderover", "linethickness": "mfrac",
	"bevelled": "mfrac", "columnalign": "mtable mtr mlabeledtr mtd", "rowalign": "mtable mtr mlabeledtr mtd",
	"columnspacing": "mtable", "rowspacing": "mtable", "columnlines": "mtable", "rowlines": "mtable",
	"frame": "mtable", "framespacing": "mtable", "encoding": "annotation", "scriptlevel": "mstyle",
	"displaystyle": "mstyle mtable", "notation": "menclose", "columnspan": "mtd", "rowspan": "mtd",
}

// allowed reports whether attribute a is kept on element e.
func allowed(e, a string) bool {
	on, ok := attributes[a]
	if !ok {
		return false
	}
	return on == "" || slices.Contains(strings.Fields(on), e)
}

// clean reads MathML and writes it again: known elements and attributes
// only, attributes sorted, text escaped, indentation dropped. An unknown
// element keeps its text.
func clean(raw string) (string, error) {
	d := xml.NewDecoder(strings.NewReader(raw))
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !elements[t.Name.Local] {
				continue
			}
			b.WriteString("<" + t.Name.Local)
			if t.Name.Local == "math" {
				b.WriteString(` xmlns="http://www.w3.org/1998/Math/MathML"`)
			}
			var attrs []xml.Attr
			for _, a := range t.Attr {
				if a.Name.Space == "" && allowed(t.Name.Local, a.Name.Local) {
					attrs = append(attrs, a)
				}
			}
			sort.Slice(attrs, func(i, j int) bool { return attrs[i].Name.Local < attrs[j].Name.Local })
			for _, a := range attrs {
				b.WriteString(" " + a.Name.Local + `="`)
				xml.EscapeText(&b, []byte(a.Value))
				b.WriteString(`"`)
			}
			b.WriteString(">")
		case xml.EndElement:
			if elements[t.Name.Local] {
				b.WriteString("</" + t.Name.Local + ">")
			}
		case xml.CharData:
			if strings.TrimSpace(string(t)) == "" && strings.Contains(string(t), "\n") {
				continue // the converter's indentation
			}
			xml.EscapeText(&b, t)
		}
	}
	return strings.TrimSpace(b.String()), nil
}
