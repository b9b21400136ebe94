package vector

import (
	"math"
	"strconv"
	"strings"
)

// number parses a number, or gives def.
func number(s string, def float64) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return def
	}
	return v
}

// numbers parses a list of numbers separated by spaces or commas (and
// signs, as path data allows: "1-2" is 1 and -2).
func numbers(s string) []float64 {
	var out []float64
	sc := scanner{s: s}
	for {
		v, ok := sc.number()
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// length parses an SVG length in user units (CSS pixels): px, pt, pc,
// mm, cm, in, em (of size em), or none; a percentage is taken of 100.
func length(s string, em float64) float64 {
	s = strings.TrimSpace(s)
	factor := 1.0
	for _, u := range []struct {
		suffix string
		px     float64
	}{{"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}, {"em", em}, {"ex", em / 2}, {"%", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, factor = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.px
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e7 {
		return 0
	}
	return v * factor
}

// viewBox parses a viewBox: x, y, width, height (both positive).
func viewBox(s string) ([4]float64, bool) {
	f := numbers(s)
	if len(f) != 4 || f[2] <= 0 || f[3] <= 0 {
		return [4]float64{}, false
	}
	return [4]float64{f[0], f[1], f[2], f[3]}, true
}

// viewBoxMatrix maps a viewBox onto a viewport w × h, as
// preserveAspectRatio says (xMidYMid meet by default).
func viewBoxMatrix(vb [4]float64, w, h float64, par string) Matrix {
	sx, sy := w/vb[2], h/vb[3]
	f := strings.Fields(par)
	align, slice := "xMidYMid", false
	if len(f) > 0 {
		align = f[0]
	}
	if len(f) > 1 {
		slice = f[1] == "slice"
	}
	if align == "none" {
		return Matrix{sx, 0, 0, sy, -vb[0] * sx, -vb[1] * sy}
	}
	s := math.Min(sx, sy)
	if slice {
		s = math.Max(sx, sy)
	}
	tx, ty := -vb[0]*s, -vb[1]*s
	if strings.Contains(align, "xMid") {
		tx += (w - vb[2]*s) / 2
	} else if strings.Contains(align, "xMax") {
		tx += w - vb[2]*s
	}
	if strings.Contains(align, "YMid") {
		ty += (h - vb[3]*s) / 2
	} else if strings.Contains(align, "YMax") {
		ty += h - vb[3]*s
	}
	return Matrix{s, 0, 0, s, tx, ty}
}

// parseTransform parses a transform list.
func parseTransform(s string) Matrix {
	m := Identity
	for {
		s = strings.TrimLeft(s, " \t\r\n,")
		open := strings.IndexByte(s, '(')
		if open < 0 {
			return m
		}
		end := strings.IndexByte(s, ')')
		if end < open {
			return m
		}
		name := strings.TrimSpace(s[:open])
		a := numbers(s[open+1 : end])
		s = s[end+1:]
		var t Matrix
		switch {
		case name == "matrix" && len(a) == 6:
			t = Matrix{a[0], a[1], a[2], a[3], a[4], a[5]}
		case name == "translate" && len(a) == 1:
			t = Matrix{1, 0, 0, 1, a[0], 0}
		case name == "translate" && len(a) == 2:
			t = Matrix{1, 0, 0, 1, a[0], a[1]}
		case name == "scale" && len(a) == 1:
			t = Matrix{a[0], 0, 0, a[0], 0, 0}
		case name == "scale" && len(a) == 2:
			t = Matrix{a[0], 0, 0, a[1], 0, 0}
		case name == "rotate" && (len(a) == 1 || len(a) == 3):
			r := a[0] * math.Pi / 180
			c, sn := math.Cos(r), math.Sin(r)
			t = Matrix{c, sn, -sn, c, 0, 0}
			if len(a) == 3 {
				t = Matrix{1, 0, 0, 1, a[1], a[2]}.Mul(t).Mul(Matrix{1, 0, 0, 1, -a[1], -a[2]})
			}
		case name == "skewX" && len(a) == 1:
			t = Matrix{1, 0, math.Tan(a[0] * math.Pi / 180), 1, 0, 0}
		case name == "skewY" && len(a) == 1:
			t = Matrix{1, math.Tan(a[0] * math.Pi / 180), 0, 1, 0, 0}
		default:
			continue
		}
		m = m.Mul(t)
	}
}

// parseColor parses a CSS colour; current is currentColor's.
func parseColor(s string, current [3]float64) ([3]float64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return [3]float64{}, false
	case s == "currentcolor":
		return current, true
	case strings.HasPrefix(s, "#"):
		h := s[1:]
		if len(h) == 3 || len(h) == 4 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) == 8 {
			h = h[:6]
		}
		v, err := strconv.ParseUint(h, 16, 32)
		if len(h) != 6 || err != nil {
			return [3]float64{}, false
		}
		return [3]float64{float64(v>>16) / 255, float64(v>>8&255) / 255, float64(v&255) / 255}, true
	case strings.HasPrefix(s, "rgb"):
		open, end := strings.IndexByte(s, '('), strings.IndexByte(s, ')')
		if open < 0 || end < open {
			return [3]float64{}, false
		}
		parts := strings.FieldsFunc(s[open+1:end], func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
		if len(parts) < 3 {
			return [3]float64{}, false
		}
		var c [3]float64
		for i := range c {
			p := parts[i]
			if strings.HasSuffix(p, "%") {
				c[i] = clamp01(number(strings.TrimSuffix(p, "%"), 0) / 100)
			} else {
				c[i] = clamp01(number(p, 0) / 255)
			}
		}
		return c, true
	}
	if v, ok := namedColors[s]; ok {
		return [3]float64{float64(v>>16) / 255, float64(v>>8&255) / 255, float64(v&255) / 255}, true
	}
	return [3]float64{}, false
}

// namedColors are CSS's colour keywords.
var namedColors = map[string]uint32{
	"aliceblue": 0xf0f8ff, "antiquewhite": 0xfaebd7, "aqua": 0x00ffff, "aquamarine": 0x7fffd4, "azure": 0xf0ffff,
	"beige": 0xf5f5dc, "bisque": 0xffe4c4, "black": 0x000000, "blanchedalmond": 0xffebcd, "blue": 0x0000ff,
	"blueviolet": 0x8a2be2, "brown": 0xa52a2a, "burlywood": 0xdeb887, "cadetblue": 0x5f9ea0, "chartreuse": 0x7fff00,
	"chocolate": 0xd2691e, "coral": 0xff7f50, "cornflowerblue": 0x6495ed, "cornsilk": 0xfff8dc, "crimson": 0xdc143c,
	"cyan": 0x00ffff, "darkblue": 0x00008b, "darkcyan": 0x008b8b, "darkgoldenrod": 0xb8860b, "darkgray": 0xa9a9a9,
	"darkgreen": 0x006400, "darkgrey": 0xa9a9a9, "darkkhaki": 0xbdb76b, "darkmagenta": 0x8b008b, "darkolivegreen": 0x556b2f,
	"darkorange": 0xff8c00, "darkorchid": 0x9932cc, "darkred": 0x8b0000, "darksalmon": 0xe9967a, "darkseagreen": 0x8fbc8f,
	"darkslateblue": 0x483d8b, "darkslategray": 0x2f4f4f, "darkslategrey": 0x2f4f4f, "darkturquoise": 0x00ced1,
	"darkviolet": 0x9400d3, "deeppink": 0xff1493, "deepskyblue": 0x00bfff, "dimgray": 0x696969, "dimgrey": 0x696969,
	"dodgerblue": 0x1e90ff, "firebrick": 0xb22222, "floralwhite": 0xfffaf0, "forestgreen": 0x228b22, "fuchsia": 0xff00ff,
	"gainsboro": 0xdcdcdc, "ghostwhite": 0xf8f8ff, "gold": 0xffd700, "goldenrod": 0xdaa520, "gray": 0x808080,
	"green": 0x008000, "greenyellow": 0xadff2f, "grey": 0x808080, "honeydew": 0xf0fff0, "hotpink": 0xff69b4,
	"indianred": 0xcd5c5c, "indigo": 0x4b0082, "ivory": 0xfffff0, "khaki": 0xf0e68c, "lavender": 0xe6e6fa,
	"lavenderblush": 0xfff0f5, "lawngreen": 0x7cfc00, "lemonchiffon": 0xfffacd, "lightblue": 0xadd8e6, "lightcoral": 0xf08080,
	"lightcyan": 0xe0ffff, "lightgoldenrodyellow": 0xfafad2, "lightgray": 0xd3d3d3, "lightgreen": 0x90ee90, "lightgrey": 0xd3d3d3,
	"lightpink": 0xffb6c1, "lightsalmon": 0xffa07a, "lightseagreen": 0x20b2aa, "lightskyblue": 0x87cefa, "lightslategray": 0x778899,
	"lightslategrey": 0x778899, "lightsteelblue": 0xb0c4de, "lightyellow": 0xffffe0, "lime": 0x00ff00, "limegreen": 0x32cd32,
	"linen": 0xfaf0e6, "magenta": 0xff00ff, "maroon": 0x800000, "mediumaquamarine": 0x66cdaa, "mediumblue": 0x0000cd,
	"mediumorchid": 0xba55d3, "mediumpurple": 0x9370db, "mediumseagreen": 0x3cb371, "mediumslateblue": 0x7b68ee,
	"mediumspringgreen": 0x00fa9a, "mediumturquoise": 0x48d1cc, "mediumvioletred": 0xc71585, "midnightblue": 0x191970,
	"mintcream": 0xf5fffa, "mistyrose": 0xffe4e1, "moccasin": 0xffe4b5, "navajowhite": 0xffdead, "navy": 0x000080,
	"oldlace": 0xfdf5e6, "olive": 0x808000, "olivedrab": 0x6b8e23, "orange": 0xffa500, "orangered": 0xff4500,
	"orchid": 0xda70d6, "palegoldenrod": 0xeee8aa, "palegreen": 0x98fb98, "paleturquoise": 0xafeeee, "palevioletred": 0xdb7093,
	"papayawhip": 0xffefd5, "peachpuff": 0xffdab9, "peru": 0xcd853f, "pink": 0xffc0cb, "plum": 0xdda0dd,
	"powderblue": 0xb0e0e6, "purple": 0x800080, "rebeccapurple": 0x663399, "red": 0xff0000, "rosybrown": 0xbc8f8f,
	"royalblue": 0x4169e1, "saddlebrown": 0x8b4513, "salmon": 0xfa8072, "sandybrown": 0xf4a460, "seagreen": 0x2e8b57,
	"seashell": 0xfff5ee, "sienna": 0xa0522d, "silver": 0xc0c0c0, "skyblue": 0x87ceeb, "slateblue": 0x6a5acd,
	"slategray": 0x708090, "slategrey": 0x708090, "snow": 0xfffafa, "springgreen": 0x00ff7f, "steelblue": 0x4682b4,
	"tan": 0xd2b48c, "teal": 0x008080, "thistle": 0xd8bfd8, "tomato": 0xff6347, "turquoise": 0x40e0d0,
	"violet": 0xee82ee, "wheat": 0xf5deb3, "white": 0xffffff, "whitesmoke": 0xf5f5f5, "yellow": 0xffff00,
	"yellowgreen": 0x9acd32,
}

// cssRule is a rule of a style sheet: simple selectors (tag, .class,
// #id, tag.class, and lists of them), and its declarations.
type cssRule struct {
	selectors []string
	decls     map[string]string
}

// parseCSS parses a style sheet's rules; at-rules and selectors with
// combinators are skipped.
func parseCSS(s string) []cssRule {
	var out []cssRule
	for {
		// Comments out.
		if i := strings.Index(s, "/*"); i >= 0 {
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				s = s[:i]
			} else {
				s = s[:i] + s[i+2+j+2:]
				continue
			}
		}
		break
	}
	for len(out) < 10000 {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return out
		}
		sel, body := strings.TrimSpace(s[:open]), s[open+1:open+end]
		s = s[open+end+1:]
		if strings.HasPrefix(sel, "@") {
			continue
		}
		var sels []string
		for _, one := range strings.Split(sel, ",") {
			one = strings.TrimSpace(one)
			if one != "" && !strings.ContainsAny(one, " >+~[:*") {
				sels = append(sels, one)
			}
		}
		if len(sels) > 0 {
			out = append(out, cssRule{selectors: sels, decls: parseDecls(body)})
		}
	}
	return out
}

// parseDecls parses "fill: red; stroke: blue".
func parseDecls(s string) map[string]string {
	out := map[string]string{}
	for _, d := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
		out[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return out
}

func (r cssRule) matches(n *node) bool {
	for _, sel := range r.selectors {
		if selectorMatches(sel, n) {
			return true
		}
	}
	return false
}

// selectorMatches matches tag, #id, .class and their compounds.
func selectorMatches(sel string, n *node) bool {
	classes := strings.Fields(n.attrs["class"])
	for sel != "" {
		var part string
		next := strings.IndexAny(sel[1:], ".#")
		if next < 0 {
			part, sel = sel, ""
		} else {
			part, sel = sel[:next+1], sel[next+1:]
		}
		switch part[0] {
		case '.':
			found := false
			for _, c := range classes {
				if c == part[1:] {
					found = true
				}
			}
			if !found {
				return false
			}
		case '#':
			if n.attrs["id"] != part[1:] {
				return false
			}
		default:
			if n.name != part {
				return false
			}
		}
	}
	return true
}
