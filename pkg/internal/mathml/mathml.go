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
	"sort"
	"strings"

	"github.com/wyatt915/treeblood"
)

// Render returns the MathML of a TeX formula: a <math> element, display
// (a block) or inline, with the TeX source kept as an annotation so that
// it can be copied. A formula the converter cannot read is an error.
func Render(tex string, display bool) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("mathml: %v", r)
		}
	}()
	var raw string
	if display {
		raw, err = treeblood.DisplayStyle(tex, nil)
	} else {
		raw, err = treeblood.InlineStyle(tex, nil)
	}
	if err != nil {
		return "", fmt.Errorf("mathml: %s", firstLine(err.Error()))
	}
	out, err = clean(raw)
	if err != nil {
		return "", fmt.Errorf("mathml: %v", err)
	}
	if strings.Contains(out, "<merror>") {
		return "", errors.New("mathml: a command the converter does not know")
	}
	return out, nil
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

// attributes are the attributes kept, presentation only.
var attributes = map[string]bool{
	"display": true, "mathvariant": true, "lspace": true, "rspace": true, "width": true, "height": true,
	"depth": true, "voffset": true, "stretchy": true, "form": true, "largeop": true, "movablelimits": true,
	"fence": true, "separator": true, "accent": true, "accentunder": true, "linethickness": true,
	"columnalign": true, "rowalign": true, "columnspacing": true, "rowspacing": true, "columnlines": true,
	"rowlines": true, "frame": true, "framespacing": true, "encoding": true, "scriptlevel": true,
	"displaystyle": true, "minsize": true, "maxsize": true, "symmetric": true, "notation": true,
	"bevelled": true, "columnspan": true, "rowspan": true,
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
				if a.Name.Space == "" && attributes[a.Name.Local] {
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
