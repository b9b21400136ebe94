package vector

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// node is an element of the SVG tree.
type node struct {
	name  string
	attrs map[string]string
	kids  []*node
	text  string // character data, for text and style
}

// maxDepth bounds how deep elements and <use> references nest.
const maxDepth = 64

// Read reads a sanitised SVG. maxItems bounds what it draws, <use>
// references expanded (the sanitiser bounds it already; this is a
// second guard).
func Read(data []byte, maxItems int) (*Drawing, error) {
	root, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	if root.name != "svg" {
		return nil, errors.New("not an SVG image")
	}
	r := &reader{ids: map[string]*node{}, max: maxItems, unsupported: map[string]bool{}}
	r.index(root, 0)
	r.css = parseCSS(r.styleText)
	// The size: width and height, else the viewBox's, else 300×150
	// CSS pixels; in points.
	vb, hasVB := viewBox(root.attrs["viewBox"])
	w, h := length(root.attrs["width"], 0), length(root.attrs["height"], 0)
	switch {
	case w > 0 && h > 0:
	case hasVB && w > 0:
		h = w * vb[3] / vb[2]
	case hasVB && h > 0:
		w = h * vb[2] / vb[3]
	case hasVB:
		w, h = vb[2], vb[3]
	default:
		w, h = 300, 150
	}
	if w <= 0 || h <= 0 || w > 1e6 || h > 1e6 {
		return nil, fmt.Errorf("an SVG of %gx%g pixels", w, h)
	}
	d := &Drawing{Width: w * 0.75, Height: h * 0.75}
	m := Matrix{0.75, 0, 0, 0.75, 0, 0}
	if hasVB {
		m = m.Mul(viewBoxMatrix(vb, w, h, root.attrs["preserveAspectRatio"]))
	}
	r.d = d
	st := defaultStyle()
	r.element(root, m, st, nil, 0)
	for k := range r.unsupported {
		d.Unsupported = append(d.Unsupported, k)
	}
	sort.Strings(d.Unsupported)
	if r.tooMany {
		return nil, fmt.Errorf("it draws more than %d shapes", r.max)
	}
	return d, nil
}

// parseTree reads the XML into nodes.
func parseTree(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth*4 {
				return nil, errors.New("elements nested too deep")
			}
			n := &node{name: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				n := stack[len(stack)-1]
				if n.name == "text" || n.name == "tspan" {
					// Text between a text's children is a child of
					// its own, to keep the order.
					n.kids = append(n.kids, &node{name: "#text", text: string(t)})
				} else {
					n.text += string(t)
				}
			}
		}
	}
	if root == nil {
		return nil, errors.New("no elements")
	}
	return root, nil
}

type reader struct {
	d           *Drawing
	ids         map[string]*node
	css         []cssRule
	styleText   string
	max         int
	tooMany     bool
	unsupported map[string]bool
}

// index records the elements by id, and the style sheets' text.
func (r *reader) index(n *node, depth int) {
	if depth > maxDepth*4 {
		return
	}
	if id := n.attrs["id"]; id != "" {
		if _, ok := r.ids[id]; !ok {
			r.ids[id] = n
		}
	}
	if n.name == "style" {
		r.styleText += n.text + "\n"
	}
	for _, k := range n.kids {
		r.index(k, depth+1)
	}
}

// style is the inherited presentation state.
type style struct {
	fill, stroke          Paint
	fillOpacity, strokeOp float64
	opacity               float64
	strokeWidth           float64
	cap, join             int
	miter                 float64
	dash                  []float64
	dashOffset            float64
	evenOdd               bool
	fontSize              float64
	family                string
	bold, italic          bool
	anchor                string
	color                 [3]float64
	display, visible      bool
	clipRule              bool
}

func defaultStyle() style {
	return style{fill: Paint{Kind: Color}, fillOpacity: 1, strokeOp: 1, opacity: 1, strokeWidth: 1, miter: 4,
		fontSize: 16, family: "serif", anchor: "start", display: true, visible: true}
}

// props returns an element's presentation properties: its attributes,
// then the style sheet's rules that match it, then its style attribute,
// each overriding the one before.
func (r *reader) props(n *node) map[string]string {
	p := map[string]string{}
	for k, v := range n.attrs {
		p[k] = v
	}
	for _, rule := range r.css {
		if rule.matches(n) {
			for k, v := range rule.decls {
				p[k] = v
			}
		}
	}
	for k, v := range parseDecls(n.attrs["style"]) {
		p[k] = v
	}
	return p
}

// inherit applies an element's properties to the style it inherits.
func (r *reader) inherit(st style, p map[string]string) style {
	if v, ok := p["color"]; ok {
		if c, ok := parseColor(v, st.color); ok {
			st.color = c
		}
	}
	if v, ok := p["fill"]; ok {
		st.fill = r.paint(v, st)
	}
	if v, ok := p["stroke"]; ok {
		st.stroke = r.paint(v, st)
	}
	if v, ok := p["fill-opacity"]; ok {
		st.fillOpacity = clamp01(number(v, 1))
	}
	if v, ok := p["stroke-opacity"]; ok {
		st.strokeOp = clamp01(number(v, 1))
	}
	// opacity is not inherited, but a group's applies to what it holds.
	if v, ok := p["opacity"]; ok {
		st.opacity *= clamp01(number(v, 1))
	}
	if v, ok := p["stroke-width"]; ok {
		st.strokeWidth = math.Max(length(v, st.fontSize), 0)
	}
	switch p["stroke-linecap"] {
	case "butt":
		st.cap = 0
	case "round":
		st.cap = 1
	case "square":
		st.cap = 2
	}
	switch p["stroke-linejoin"] {
	case "miter", "miter-clip", "arcs":
		st.join = 0
	case "round":
		st.join = 1
	case "bevel":
		st.join = 2
	}
	if v, ok := p["stroke-miterlimit"]; ok {
		st.miter = math.Max(number(v, 4), 1)
	}
	if v, ok := p["stroke-dasharray"]; ok {
		st.dash = nil
		if v != "none" {
			for _, f := range numbers(v) {
				st.dash = append(st.dash, math.Max(f, 0))
			}
			if len(st.dash)%2 == 1 {
				st.dash = append(st.dash, st.dash...)
			}
			sum := 0.0
			for _, f := range st.dash {
				sum += f
			}
			if sum == 0 || len(st.dash) > 64 {
				st.dash = nil
			}
		}
	}
	if v, ok := p["stroke-dashoffset"]; ok {
		st.dashOffset = number(v, 0)
	}
	if v, ok := p["fill-rule"]; ok {
		st.evenOdd = v == "evenodd"
	}
	if v, ok := p["clip-rule"]; ok {
		st.clipRule = v == "evenodd"
	}
	if v, ok := p["font-size"]; ok {
		if f := length(v, st.fontSize); f > 0 {
			st.fontSize = f
		}
	}
	if v, ok := p["font-family"]; ok {
		st.family = v
	}
	if v, ok := p["font-weight"]; ok {
		n, err := strconv.Atoi(v)
		st.bold = v == "bold" || v == "bolder" || err == nil && n >= 600
	}
	if v, ok := p["font-style"]; ok {
		st.italic = v == "italic" || v == "oblique"
	}
	if v, ok := p["text-anchor"]; ok {
		st.anchor = v
	}
	if v, ok := p["font"]; ok {
		// The shorthand: "bold 12px sans-serif".
		for _, f := range strings.Fields(v) {
			switch {
			case f == "bold":
				st.bold = true
			case f == "italic":
				st.italic = true
			case length(f, 0) > 0 && strings.IndexFunc(f, func(r rune) bool { return r >= 'a' && r <= 'z' && r != 'p' && r != 'x' && r != 't' }) < 0:
				st.fontSize = length(f, st.fontSize)
			}
		}
	}
	st.display = p["display"] != "none"
	if v, ok := p["visibility"]; ok {
		st.visible = v != "hidden" && v != "collapse"
	}
	return st
}

// paint reads a fill or stroke value.
func (r *reader) paint(v string, st style) Paint {
	v = strings.TrimSpace(v)
	switch {
	case v == "none" || v == "transparent":
		return Paint{}
	case strings.HasPrefix(v, "url("):
		ref, rest := urlRef(v)
		if g := r.gradient(ref, 0); g != nil {
			return *g
		}
		if n := r.ids[ref]; n != nil && n.name == "pattern" {
			r.unsupported["pattern"] = true
		}
		// A fallback colour after the reference, else none.
		if c, ok := parseColor(rest, st.color); ok {
			return Paint{Kind: Color, R: c[0], G: c[1], B: c[2]}
		}
		return Paint{}
	case v == "currentColor":
		return Paint{Kind: Color, R: st.color[0], G: st.color[1], B: st.color[2]}
	}
	if c, ok := parseColor(v, st.color); ok {
		return Paint{Kind: Color, R: c[0], G: c[1], B: c[2]}
	}
	return Paint{Kind: Color} // an unknown colour: black, as browsers draw an invalid one's default
}

// element draws an element and what it holds.
func (r *reader) element(n *node, m Matrix, st style, clips []Clip, depth int) {
	if depth > maxDepth || r.tooMany {
		return
	}
	switch n.name {
	case "defs", "title", "desc", "metadata", "style", "clipPath", "linearGradient", "radialGradient",
		"symbol", "marker", "pattern", "mask", "filter", "script", "#text":
		return
	case "image":
		r.unsupported["embedded image"] = true
		return
	case "foreignObject":
		return
	}
	p := r.props(n)
	st = r.inherit(st, p)
	if !st.display {
		return
	}
	if t, ok := p["transform"]; ok {
		m = m.Mul(parseTransform(t))
	}
	if ref, ok := p["clip-path"]; ok && ref != "none" {
		id, _ := urlRef(ref)
		if c := r.ids[id]; c != nil && c.name == "clipPath" {
			clips = append(clips[:len(clips):len(clips)], r.clipPaths(c, m, depth)...)
		}
	}
	if f, ok := p["filter"]; ok && f != "none" {
		r.unsupported["filter"] = true
	}
	if f, ok := p["mask"]; ok && f != "none" {
		r.unsupported["mask"] = true
	}
	switch n.name {
	case "svg":
		if depth > 0 {
			x, y := length(n.attrs["x"], 0), length(n.attrs["y"], 0)
			m = m.Mul(Matrix{1, 0, 0, 1, x, y})
			if vb, ok := viewBox(n.attrs["viewBox"]); ok {
				w, h := length(n.attrs["width"], vb[2]), length(n.attrs["height"], vb[3])
				m = m.Mul(viewBoxMatrix(vb, w, h, n.attrs["preserveAspectRatio"]))
			}
		}
		fallthrough
	case "g", "a", "switch":
		for _, k := range n.kids {
			r.element(k, m, st, clips, depth+1)
			if n.name == "switch" && k.name != "#text" {
				break
			}
		}
	case "use":
		ref := n.attrs["href"]
		target := r.ids[strings.TrimPrefix(ref, "#")]
		if target == nil || !strings.HasPrefix(ref, "#") {
			return
		}
		m = m.Mul(Matrix{1, 0, 0, 1, length(n.attrs["x"], 0), length(n.attrs["y"], 0)})
		if target.name == "symbol" {
			if vb, ok := viewBox(target.attrs["viewBox"]); ok {
				w, h := length(n.attrs["width"], vb[2]), length(n.attrs["height"], vb[3])
				m = m.Mul(viewBoxMatrix(vb, w, h, target.attrs["preserveAspectRatio"]))
			}
			tp := r.props(target)
			tst := r.inherit(st, tp)
			for _, k := range target.kids {
				r.element(k, m, tst, clips, depth+1)
			}
			return
		}
		r.element(target, m, st, clips, depth+1)
	case "text":
		r.text(n, m, st, clips, length(n.attrs["x"], 0), length(n.attrs["y"], 0), depth)
	default:
		path := shapePath(n, st.fontSize)
		if path == nil || !st.visible {
			return
		}
		r.shape(path, m, st, clips)
	}
}

// shape adds a shape.
func (r *reader) shape(path []Seg, m Matrix, st style, clips []Clip) {
	it := Item{Matrix: m, Clips: clips, Path: path, Fill: st.fill, Stroke: st.stroke, EvenOdd: st.evenOdd,
		StrokeWidth: st.strokeWidth, Cap: st.cap, Join: st.join, Miter: st.miter, Dash: st.dash, DashOffset: st.dashOffset,
		FillOpacity: st.fillOpacity * st.opacity, StrokeOpacity: st.strokeOp * st.opacity}
	if it.StrokeWidth == 0 {
		it.Stroke = Paint{}
	}
	if it.Fill.Kind == None && it.Stroke.Kind == None {
		return
	}
	r.add(it)
}

func (r *reader) add(it Item) {
	if r.max > 0 && len(r.d.Items) >= r.max {
		r.tooMany = true
		return
	}
	r.d.Items = append(r.d.Items, it)
}

// text adds a text element's runs: its text and its tspans', each at
// the position it gives or where the run before ended (which the caller
// knows once it has set it: X is then NaN).
func (r *reader) text(n *node, m Matrix, st style, clips []Clip, x, y float64, depth int) {
	if depth > maxDepth {
		return
	}
	first := true
	for _, k := range n.kids {
		switch k.name {
		case "#text":
			s := strings.Join(strings.Fields(k.text), " ")
			if strings.HasPrefix(k.text, " ") || strings.HasPrefix(k.text, "\n") && !first {
				s = " " + s
			}
			if s == "" || strings.TrimSpace(s) == "" && first {
				continue
			}
			if !st.visible || st.fill.Kind == None {
				first = false
				continue
			}
			r.add(Item{Matrix: m, Clips: clips, IsText: true, Text: s, X: x, Y: y, Size: st.fontSize, Family: st.family,
				Bold: st.bold, Italic: st.italic, Anchor: st.anchor, Fill: st.fill, FillOpacity: st.fillOpacity * st.opacity})
			x = math.NaN() // the next run follows this one
			first = false
		case "tspan", "a":
			p := r.props(k)
			kst := r.inherit(st, p)
			if !kst.display {
				continue
			}
			kx, ky := x, y
			if v, ok := k.attrs["x"]; ok {
				kx = length(firstField(v), 0)
			}
			if v, ok := k.attrs["y"]; ok {
				ky = length(firstField(v), 0)
			}
			if v, ok := k.attrs["dx"]; ok && !math.IsNaN(kx) {
				kx += length(firstField(v), 0)
			}
			if v, ok := k.attrs["dy"]; ok {
				ky += length(firstField(v), 0)
			}
			before := len(r.d.Items)
			r.text(k, m, kst, clips, kx, ky, depth+1)
			if len(r.d.Items) > before {
				x, y = math.NaN(), r.d.Items[len(r.d.Items)-1].Y
			}
			first = false
		}
	}
}

func firstField(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// clipPaths returns a clipPath's shapes as clips.
func (r *reader) clipPaths(c *node, m Matrix, depth int) []Clip {
	if depth > maxDepth {
		return nil
	}
	p := r.props(c)
	if t, ok := p["transform"]; ok {
		m = m.Mul(parseTransform(t))
	}
	var out []Clip
	var union []Seg
	var um Matrix
	for _, k := range c.kids {
		kp := r.props(k)
		km := m
		if t, ok := kp["transform"]; ok {
			km = km.Mul(parseTransform(t))
		}
		node := k
		if k.name == "use" {
			if t := r.ids[strings.TrimPrefix(k.attrs["href"], "#")]; t != nil {
				node = t
				km = km.Mul(Matrix{1, 0, 0, 1, length(k.attrs["x"], 0), length(k.attrs["y"], 0)})
			}
		}
		path := shapePath(node, 16)
		if path == nil {
			continue
		}
		// The shapes of one clipPath are united: as one path when they
		// share a transform (the usual case), else the first only.
		if union == nil {
			union, um = path, km
		} else if km == um {
			union = append(union, path...)
		}
	}
	if union != nil {
		out = append(out, Clip{Matrix: um, Path: union, EvenOdd: r.props(c)["clip-rule"] == "evenodd"})
	} else {
		// An empty clip path hides everything.
		out = append(out, Clip{Matrix: m, Path: []Seg{{Op: 'M'}, {Op: 'Z'}}})
	}
	return out
}

// gradient returns the paint of a gradient element, following its
// href for what it does not give.
func (r *reader) gradient(id string, depth int) *Paint {
	n := r.ids[id]
	if n == nil || n.name != "linearGradient" && n.name != "radialGradient" || depth > 8 {
		return nil
	}
	// Attributes and stops, from the element and what it refers to.
	attrs := map[string]string{}
	var stops []*node
	for e, d := n, 0; e != nil && d < 8; d++ {
		for k, v := range e.attrs {
			if _, ok := attrs[k]; !ok {
				attrs[k] = v
			}
		}
		if stops == nil {
			for _, k := range e.kids {
				if k.name == "stop" {
					stops = append(stops, k)
				}
			}
		}
		href := strings.TrimPrefix(e.attrs["href"], "#")
		next := r.ids[href]
		if next == nil || next.name != "linearGradient" && next.name != "radialGradient" {
			break
		}
		e = next
	}
	g := &Gradient{Matrix: Identity}
	if t, ok := attrs["gradientTransform"]; ok {
		g.Matrix = parseTransform(t)
	}
	userSpace := attrs["gradientUnits"] == "userSpaceOnUse"
	frac := func(k string, def float64) float64 {
		v, ok := attrs[k]
		if !ok {
			return def
		}
		if strings.HasSuffix(strings.TrimSpace(v), "%") {
			return number(strings.TrimSuffix(strings.TrimSpace(v), "%"), def*100) / 100
		}
		return number(v, def)
	}
	kind := Linear
	if n.name == "linearGradient" {
		g.X1, g.Y1, g.X2, g.Y2 = frac("x1", 0), frac("y1", 0), frac("x2", 1), frac("y2", 0)
	} else {
		kind = Radial
		g.CX, g.CY, g.R = frac("cx", 0.5), frac("cy", 0.5), frac("r", 0.5)
		g.FX, g.FY = frac("fx", g.CX), frac("fy", g.CY)
	}
	g.BoundingBox = !userSpace
	last := 0.0
	for _, s := range stops {
		p := r.props(s)
		off := clamp01(frac2(s.attrs["offset"]))
		if v, ok := p["offset"]; ok {
			off = clamp01(frac2(v))
		}
		off = math.Max(off, last)
		last = off
		c, _ := parseColor(p["stop-color"], [3]float64{})
		if _, ok := p["stop-color"]; !ok {
			c = [3]float64{}
		}
		op := 1.0
		if v, ok := p["stop-opacity"]; ok {
			op = clamp01(number(v, 1))
		}
		g.Stops = append(g.Stops, Stop{Offset: off, R: c[0], G: c[1], B: c[2], Opacity: op})
	}
	if len(g.Stops) == 0 {
		return &Paint{}
	}
	if len(g.Stops) == 1 {
		s := g.Stops[0]
		return &Paint{Kind: Color, R: s.R, G: s.G, B: s.B}
	}
	return &Paint{Kind: kind, Gradient: g}
}

func frac2(v string) float64 {
	v = strings.TrimSpace(v)
	if strings.HasSuffix(v, "%") {
		return number(strings.TrimSuffix(v, "%"), 0) / 100
	}
	return number(v, 0)
}

func clamp01(v float64) float64 { return math.Min(math.Max(v, 0), 1) }

// urlRef returns the id of "url(#id) fallback" and what follows it.
func urlRef(v string) (id, rest string) {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "url("))
	end := strings.IndexByte(v, ')')
	if end < 0 {
		return "", ""
	}
	id = strings.Trim(strings.TrimSpace(v[:end]), `'"`)
	return strings.TrimPrefix(id, "#"), strings.TrimSpace(v[end+1:])
}
