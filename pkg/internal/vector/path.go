package vector

import (
	"math"
	"strconv"
)

// maxSegs bounds a path's segments.
const maxSegs = 1 << 20

// shapePath returns the path of a basic shape or a path element, or nil.
func shapePath(n *node, em float64) []Seg {
	a := n.attrs
	l := func(k string) float64 { return length(a[k], em) }
	switch n.name {
	case "path":
		return parsePath(a["d"])
	case "rect":
		x, y, w, h := l("x"), l("y"), l("width"), l("height")
		if w <= 0 || h <= 0 {
			return nil
		}
		rx, ry := l("rx"), l("ry")
		_, hasRX := a["rx"]
		_, hasRY := a["ry"]
		if hasRX && !hasRY {
			ry = rx
		} else if hasRY && !hasRX {
			rx = ry
		}
		rx, ry = math.Min(math.Max(rx, 0), w/2), math.Min(math.Max(ry, 0), h/2)
		if rx == 0 || ry == 0 {
			return []Seg{move(x, y), line(x+w, y), line(x+w, y+h), line(x, y+h), {Op: 'Z'}}
		}
		k := 0.5522847498
		return []Seg{
			move(x+rx, y), line(x+w-rx, y),
			curve(x+w-rx+k*rx, y, x+w, y+ry-k*ry, x+w, y+ry), line(x+w, y+h-ry),
			curve(x+w, y+h-ry+k*ry, x+w-rx+k*rx, y+h, x+w-rx, y+h), line(x+rx, y+h),
			curve(x+rx-k*rx, y+h, x, y+h-ry+k*ry, x, y+h-ry), line(x, y+ry),
			curve(x, y+ry-k*ry, x+rx-k*rx, y, x+rx, y), {Op: 'Z'},
		}
	case "circle":
		r := l("r")
		if r <= 0 {
			return nil
		}
		return ellipse(l("cx"), l("cy"), r, r)
	case "ellipse":
		rx, ry := l("rx"), l("ry")
		if rx <= 0 || ry <= 0 {
			return nil
		}
		return ellipse(l("cx"), l("cy"), rx, ry)
	case "line":
		return []Seg{move(l("x1"), l("y1")), line(l("x2"), l("y2"))}
	case "polyline", "polygon":
		pts := numbers(a["points"])
		if len(pts) < 4 {
			return nil
		}
		out := []Seg{move(pts[0], pts[1])}
		for i := 2; i+1 < len(pts) && len(out) < maxSegs; i += 2 {
			out = append(out, line(pts[i], pts[i+1]))
		}
		if n.name == "polygon" {
			out = append(out, Seg{Op: 'Z'})
		}
		return out
	}
	return nil
}

func move(x, y float64) Seg { return Seg{Op: 'M', P: [3][2]float64{{x, y}}} }
func line(x, y float64) Seg { return Seg{Op: 'L', P: [3][2]float64{{x, y}}} }
func curve(x1, y1, x2, y2, x, y float64) Seg {
	return Seg{Op: 'C', P: [3][2]float64{{x1, y1}, {x2, y2}, {x, y}}}
}

// ellipse returns an ellipse as four Bézier curves.
func ellipse(cx, cy, rx, ry float64) []Seg {
	k := 0.5522847498
	return []Seg{
		move(cx+rx, cy),
		curve(cx+rx, cy+k*ry, cx+k*rx, cy+ry, cx, cy+ry),
		curve(cx-k*rx, cy+ry, cx-rx, cy+k*ry, cx-rx, cy),
		curve(cx-rx, cy-k*ry, cx-k*rx, cy-ry, cx, cy-ry),
		curve(cx+k*rx, cy-ry, cx+rx, cy-k*ry, cx+rx, cy),
		{Op: 'Z'},
	}
}

// scanner reads the numbers and commands of path data.
type scanner struct {
	s string
	i int
}

func (sc *scanner) skip() {
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case ' ', '\t', '\r', '\n', ',':
			sc.i++
		default:
			return
		}
	}
}

// number reads the next number.
func (sc *scanner) number() (float64, bool) {
	sc.skip()
	start := sc.i
	i := sc.i
	if i < len(sc.s) && (sc.s[i] == '+' || sc.s[i] == '-') {
		i++
	}
	digits, dot := false, false
	for i < len(sc.s) {
		c := sc.s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' && !dot:
			dot = true
		default:
			goto exp
		}
		i++
	}
exp:
	if !digits {
		return 0, false
	}
	if i < len(sc.s) && (sc.s[i] == 'e' || sc.s[i] == 'E') {
		j := i + 1
		if j < len(sc.s) && (sc.s[j] == '+' || sc.s[j] == '-') {
			j++
		}
		if j < len(sc.s) && sc.s[j] >= '0' && sc.s[j] <= '9' {
			for j < len(sc.s) && sc.s[j] >= '0' && sc.s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	v, err := strconv.ParseFloat(sc.s[start:i], 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	sc.i = i
	return v, true
}

// flag reads an arc's flag: one digit, 0 or 1, which need no separator.
func (sc *scanner) flag() (bool, bool) {
	sc.skip()
	if sc.i < len(sc.s) && (sc.s[sc.i] == '0' || sc.s[sc.i] == '1') {
		sc.i++
		return sc.s[sc.i-1] == '1', true
	}
	return false, false
}

// parsePath parses SVG path data into moves, lines, cubic curves and
// closes, in absolute coordinates. An error stops it where it is, as
// SVG renders the path up to the error.
func parsePath(d string) []Seg {
	sc := &scanner{s: d}
	var out []Seg
	var cx, cy, sx, sy float64     // current and subpath start points
	var lcx, lcy, lqx, lqy float64 // last control points
	var prev byte
	cmd := byte(0)
	for len(out) < maxSegs {
		sc.skip()
		if sc.i >= len(sc.s) {
			break
		}
		c := sc.s[sc.i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			cmd = c
			sc.i++
		} else if cmd == 0 {
			break
		} else if cmd == 'M' {
			cmd = 'L'
		} else if cmd == 'm' {
			cmd = 'l'
		}
		rel := cmd >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = cx, cy
		}
		nums := func(n int) ([]float64, bool) {
			v := make([]float64, n)
			for i := range v {
				var ok bool
				if v[i], ok = sc.number(); !ok {
					return nil, false
				}
			}
			return v, true
		}
		up := cmd &^ 0x20
		switch up {
		case 'Z':
			out = append(out, Seg{Op: 'Z'})
			cx, cy = sx, sy
			prev = 'Z'
			continue
		case 'M', 'L', 'T':
			v, ok := nums(2)
			if !ok {
				return out
			}
			x, y := v[0]+ox, v[1]+oy
			switch up {
			case 'M':
				out = append(out, move(x, y))
				sx, sy = x, y
			case 'L':
				out = append(out, line(x, y))
			case 'T':
				qx, qy := cx, cy
				if prev == 'Q' || prev == 'T' {
					qx, qy = 2*cx-lqx, 2*cy-lqy
				}
				out = append(out, quad(cx, cy, qx, qy, x, y))
				lqx, lqy = qx, qy
			}
			cx, cy = x, y
		case 'H':
			v, ok := nums(1)
			if !ok {
				return out
			}
			cx = v[0] + ox
			out = append(out, line(cx, cy))
		case 'V':
			v, ok := nums(1)
			if !ok {
				return out
			}
			cy = v[0] + oy
			out = append(out, line(cx, cy))
		case 'C', 'S':
			var x1, y1, x2, y2, x, y float64
			if up == 'C' {
				v, ok := nums(6)
				if !ok {
					return out
				}
				x1, y1, x2, y2, x, y = v[0]+ox, v[1]+oy, v[2]+ox, v[3]+oy, v[4]+ox, v[5]+oy
			} else {
				v, ok := nums(4)
				if !ok {
					return out
				}
				x1, y1 = cx, cy
				if prev == 'C' || prev == 'S' {
					x1, y1 = 2*cx-lcx, 2*cy-lcy
				}
				x2, y2, x, y = v[0]+ox, v[1]+oy, v[2]+ox, v[3]+oy
			}
			out = append(out, curve(x1, y1, x2, y2, x, y))
			lcx, lcy = x2, y2
			cx, cy = x, y
		case 'Q':
			v, ok := nums(4)
			if !ok {
				return out
			}
			qx, qy, x, y := v[0]+ox, v[1]+oy, v[2]+ox, v[3]+oy
			out = append(out, quad(cx, cy, qx, qy, x, y))
			lqx, lqy = qx, qy
			cx, cy = x, y
		case 'A':
			v, ok := nums(3)
			if !ok {
				return out
			}
			large, ok1 := sc.flag()
			sweep, ok2 := sc.flag()
			p, ok3 := nums(2)
			if !ok1 || !ok2 || !ok3 {
				return out
			}
			x, y := p[0]+ox, p[1]+oy
			out = append(out, arc(cx, cy, v[0], v[1], v[2], large, sweep, x, y)...)
			cx, cy = x, y
		default:
			return out
		}
		prev = up
		if up == 'M' && len(out) > 0 && out[len(out)-1].Op == 'M' {
			prev = 'M'
		}
	}
	return out
}

// quad converts a quadratic Bézier curve to a cubic one.
func quad(x0, y0, qx, qy, x, y float64) Seg {
	return curve(x0+2.0/3*(qx-x0), y0+2.0/3*(qy-y0), x+2.0/3*(qx-x), y+2.0/3*(qy-y), x, y)
}

// arc converts an elliptical arc to cubic Bézier curves (SVG 1.1,
// appendix F.6).
func arc(x1, y1, rx, ry, angle float64, large, sweep bool, x2, y2 float64) []Seg {
	if x1 == x2 && y1 == y2 {
		return nil
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		return []Seg{line(x2, y2)}
	}
	phi := angle * math.Pi / 180
	cos, sin := math.Cos(phi), math.Sin(phi)
	dx, dy := (x1-x2)/2, (y1-y2)/2
	x1p, y1p := cos*dx+sin*dy, -sin*dx+cos*dy
	if l := x1p*x1p/(rx*rx) + y1p*y1p/(ry*ry); l > 1 {
		s := math.Sqrt(l)
		rx, ry = rx*s, ry*s
	}
	num := rx*rx*ry*ry - rx*rx*y1p*y1p - ry*ry*x1p*x1p
	den := rx*rx*y1p*y1p + ry*ry*x1p*x1p
	co := 0.0
	if den > 0 && num > 0 {
		co = math.Sqrt(num / den)
	}
	if large == sweep {
		co = -co
	}
	cxp, cyp := co*rx*y1p/ry, -co*ry*x1p/rx
	cx, cy := cos*cxp-sin*cyp+(x1+x2)/2, sin*cxp+cos*cyp+(y1+y2)/2
	ang := func(ux, uy, vx, vy float64) float64 {
		return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
	}
	t1 := ang(1, 0, (x1p-cxp)/rx, (y1p-cyp)/ry)
	dt := ang((x1p-cxp)/rx, (y1p-cyp)/ry, (-x1p-cxp)/rx, (-y1p-cyp)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(dt) / (math.Pi / 2)))
	if n < 1 {
		n = 1
	}
	var out []Seg
	step := dt / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	pt := func(t float64) (float64, float64) {
		x, y := rx*math.Cos(t), ry*math.Sin(t)
		return cos*x - sin*y + cx, sin*x + cos*y + cy
	}
	der := func(t float64) (float64, float64) {
		x, y := -rx*math.Sin(t), ry*math.Cos(t)
		return cos*x - sin*y, sin*x + cos*y
	}
	t := t1
	for i := 0; i < n; i++ {
		ax, ay := pt(t)
		bx, by := pt(t + step)
		dax, day := der(t)
		dbx, dby := der(t + step)
		out = append(out, curve(ax+k*dax, ay+k*day, bx-k*dbx, by-k*dby, bx, by))
		t += step
	}
	// The last point exactly where the path says.
	out[len(out)-1].P[2] = [2]float64{x2, y2}
	return out
}
