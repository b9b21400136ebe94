package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/internal/vector"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/typeset"
)

// An SVG image is drawn as PDF vectors: a form XObject whose content
// fills and strokes its paths (colours, gradients as shadings, opacity
// as graphics states, clipping) and sets its texts in the document's
// fonts. Its resources are the pages' own, to which the graphics states
// and shadings it uses are added.

// vectorRes holds the graphics states and shadings drawings use.
type vectorRes struct {
	states   map[[2]float64]string // by fill and stroke opacity: "/GS0"
	stateObj []string              // "/GS0 <<…>>", in order
	shadings []string              // "/Sh0 12 0 R", in order
}

// form writes a picture drawn as vectors as a form XObject, its box the
// picture's natural size in points, and returns its object number.
func (b *backend) form(pic *layout.Picture) int {
	d := pic.Vector.Drawing
	w, h := d.Width, d.Height
	var cs []byte
	// The drawing's space has y downwards from the top-left corner.
	cs = fmt.Appendf(cs, "1 0 0 -1 0 %s cm\n", num(h))
	for i := range d.Items {
		it := &d.Items[i]
		cs = append(cs, "q\n"...)
		for _, c := range it.Clips {
			cs = appendPath(cs, c.Path, c.Matrix)
			if c.EvenOdd {
				cs = append(cs, "W* n\n"...)
			} else {
				cs = append(cs, "W n\n"...)
			}
		}
		if it.IsText {
			cs = b.vectorText(cs, pic.Vector, i)
		} else {
			cs = b.shape(cs, it)
		}
		cs = append(cs, "Q\n"...)
	}
	obj := b.o.alloc()
	b.o.stream(obj, fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Resources %d 0 R ", num(w), num(h), b.resources), cs, flated)
	return obj
}

// appendPath appends a path's construction, its points mapped by m.
func appendPath(cs []byte, path []vector.Seg, m vector.Matrix) []byte {
	pt := func(p [2]float64) {
		x, y := m.Apply(p[0], p[1])
		cs = appendNum(cs, round4(x))
		cs = append(cs, ' ')
		cs = appendNum(cs, round4(y))
		cs = append(cs, ' ')
	}
	for _, s := range path {
		switch s.Op {
		case 'M':
			pt(s.P[0])
			cs = append(cs, "m\n"...)
		case 'L':
			pt(s.P[0])
			cs = append(cs, "l\n"...)
		case 'C':
			pt(s.P[0])
			pt(s.P[1])
			pt(s.P[2])
			cs = append(cs, "c\n"...)
		case 'Z':
			cs = append(cs, "h\n"...)
		}
	}
	return cs
}

// round4 rounds to four decimals, enough for any drawing.
func round4(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return math.Round(v*10000) / 10000
}

// shape fills and strokes a shape. Its path is given in the drawing's
// space (so that a stroke's width is scaled as the transform scales
// lengths, on average).
func (b *backend) shape(cs []byte, it *vector.Item) []byte {
	m := it.Matrix
	fill, stroke := it.Fill.Kind != vector.None, it.Stroke.Kind != vector.None
	if fill && it.Fill.Kind != vector.Color {
		// A gradient: clip to the shape, paint the shading.
		cs = append(cs, "q\n"...)
		cs = appendPath(cs, it.Path, m)
		if it.EvenOdd {
			cs = append(cs, "W* n\n"...)
		} else {
			cs = append(cs, "W n\n"...)
		}
		cs = b.opacity(cs, it.FillOpacity, 1)
		cs = b.shading(cs, it.Fill, it.Path, m)
		cs = append(cs, "Q\n"...)
		fill = false
	}
	if stroke && it.Stroke.Kind != vector.Color {
		// A gradient stroke: its first colour.
		if g := it.Stroke.Gradient; g != nil && len(g.Stops) > 0 {
			s := g.Stops[0]
			it.Stroke = vector.Paint{Kind: vector.Color, R: s.R, G: s.G, B: s.B}
		}
	}
	if !fill && !stroke {
		return cs
	}
	fo, so := 1.0, 1.0
	if fill {
		fo = it.FillOpacity
		cs = appendRGB(cs, it.Fill, "rg")
	}
	if stroke {
		so = it.StrokeOpacity
		cs = appendRGB(cs, it.Stroke, "RG")
		cs = appendNum(cs, round4(it.StrokeWidth*m.Scale()))
		cs = append(cs, " w "...)
		cs = strconv.AppendInt(cs, int64(it.Cap), 10)
		cs = append(cs, " J "...)
		cs = strconv.AppendInt(cs, int64(it.Join), 10)
		cs = append(cs, " j "...)
		cs = appendNum(cs, round4(it.Miter))
		cs = append(cs, " M\n"...)
		if len(it.Dash) > 0 {
			cs = append(cs, '[')
			for i, v := range it.Dash {
				if i > 0 {
					cs = append(cs, ' ')
				}
				cs = appendNum(cs, round4(v*m.Scale()))
			}
			cs = append(cs, "] "...)
			cs = appendNum(cs, round4(it.DashOffset*m.Scale()))
			cs = append(cs, " d\n"...)
		}
	}
	cs = b.opacity(cs, fo, so)
	cs = appendPath(cs, it.Path, m)
	switch {
	case fill && stroke && it.EvenOdd:
		cs = append(cs, "B*\n"...)
	case fill && stroke:
		cs = append(cs, "B\n"...)
	case fill && it.EvenOdd:
		cs = append(cs, "f*\n"...)
	case fill:
		cs = append(cs, "f\n"...)
	default:
		cs = append(cs, "S\n"...)
	}
	return cs
}

func appendRGB(cs []byte, p vector.Paint, op string) []byte {
	cs = appendNum(cs, math.Round(p.R*1000)/1000)
	cs = append(cs, ' ')
	cs = appendNum(cs, math.Round(p.G*1000)/1000)
	cs = append(cs, ' ')
	cs = appendNum(cs, math.Round(p.B*1000)/1000)
	cs = append(cs, ' ')
	cs = append(cs, op...)
	return append(cs, '\n')
}

// opacity sets the fill and stroke opacity through a graphics state, if
// either is below 1.
func (b *backend) opacity(cs []byte, fill, stroke float64) []byte {
	if fill >= 1 && stroke >= 1 {
		return cs
	}
	key := [2]float64{math.Round(fill*1000) / 1000, math.Round(stroke*1000) / 1000}
	if b.vec.states == nil {
		b.vec.states = map[[2]float64]string{}
	}
	name, ok := b.vec.states[key]
	if !ok {
		name = fmt.Sprintf("/GS%d", len(b.vec.stateObj))
		b.vec.states[key] = name
		b.vec.stateObj = append(b.vec.stateObj, fmt.Sprintf("%s <</Type /ExtGState /ca %s /CA %s>>", name, num(key[0]), num(key[1])))
	}
	cs = append(cs, name...)
	return append(cs, " gs\n"...)
}

// shading paints a gradient over the clip: an axial or radial shading,
// its colours a function of stitched exponential ones, padded beyond
// its ends. A gradient in the shape's bounding box units is mapped to
// the shape's box.
func (b *backend) shading(cs []byte, p vector.Paint, path []vector.Seg, m vector.Matrix) []byte {
	g := p.Gradient
	gm := g.Matrix
	if g.BoundingBox {
		// The unit square is the path's box.
		x0, y0, x1, y1 := bounds(path)
		if x1 == x0 || y1 == y0 {
			return cs
		}
		gm = vector.Matrix{x1 - x0, 0, 0, y1 - y0, x0, y0}.Mul(gm)
	}
	full := m.Mul(gm)
	// The colour function: each pair of stops an exponential function,
	// stitched.
	var fn string
	stops := g.Stops
	if len(stops) == 2 {
		fn = interp(stops[0], stops[1])
	} else {
		var fns, bounds, encode []string
		for i := 0; i+1 < len(stops); i++ {
			fns = append(fns, interp(stops[i], stops[i+1]))
			if i > 0 {
				bounds = append(bounds, num(stops[i].Offset))
			}
			encode = append(encode, "0 1")
		}
		fn = fmt.Sprintf("<</FunctionType 3 /Domain [0 1] /Functions [%s] /Bounds [%s] /Encode [%s]>>",
			strings.Join(fns, " "), strings.Join(bounds, " "), strings.Join(encode, " "))
	}
	first, last := stops[0].Offset, stops[len(stops)-1].Offset
	var sh string
	if p.Kind == vector.Linear {
		// The axis from offset first to last.
		x1, y1 := g.X1+(g.X2-g.X1)*first, g.Y1+(g.Y2-g.Y1)*first
		x2, y2 := g.X1+(g.X2-g.X1)*last, g.Y1+(g.Y2-g.Y1)*last
		if len(stops) == 2 && first == last {
			x2, y2 = x1+1e-3, y1
		}
		sh = fmt.Sprintf("<</ShadingType 2 /ColorSpace /DeviceRGB /Coords [%s %s %s %s] /Function %s /Domain [0 1] /Extend [true true]>>",
			num(round4(x1)), num(round4(y1)), num(round4(x2)), num(round4(y2)), fn)
	} else {
		sh = fmt.Sprintf("<</ShadingType 3 /ColorSpace /DeviceRGB /Coords [%s %s 0 %s %s %s] /Function %s /Domain [0 1] /Extend [true true]>>",
			num(round4(g.FX)), num(round4(g.FY)), num(round4(g.CX)), num(round4(g.CY)), num(round4(g.R*math.Max(last, 1e-3))), fn)
	}
	obj := b.o.alloc()
	b.o.object(obj, sh)
	name := fmt.Sprintf("/Sh%d", len(b.vec.shadings))
	b.vec.shadings = append(b.vec.shadings, fmt.Sprintf("%s %d 0 R", name, obj))
	cs = fmt.Appendf(cs, "%s %s %s %s %s %s cm\n", num(round4(full[0])), num(round4(full[1])), num(round4(full[2])), num(round4(full[3])), num(round4(full[4])), num(round4(full[5])))
	cs = append(cs, name...)
	return append(cs, " sh\n"...)
}

// interp is the exponential function from one stop's colour to the
// next's.
func interp(a, b vector.Stop) string {
	return fmt.Sprintf("<</FunctionType 2 /Domain [0 1] /C0 [%s %s %s] /C1 [%s %s %s] /N 1>>",
		num(math.Round(a.R*1000)/1000), num(math.Round(a.G*1000)/1000), num(math.Round(a.B*1000)/1000),
		num(math.Round(b.R*1000)/1000), num(math.Round(b.G*1000)/1000), num(math.Round(b.B*1000)/1000))
}

// bounds returns a path's bounding box, its control points included.
func bounds(path []vector.Seg) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range path {
		n := 1
		if s.Op == 'C' {
			n = 3
		} else if s.Op == 'Z' {
			n = 0
		}
		for _, p := range s.P[:n] {
			x0, y0, x1, y1 = math.Min(x0, p[0]), math.Min(y0, p[1]), math.Max(x1, p[0]), math.Max(y1, p[1])
		}
	}
	if x0 > x1 {
		return 0, 0, 0, 0
	}
	return x0, y0, x1, y1
}

// vectorText sets a text item's runs.
func (b *backend) vectorText(cs []byte, v *layout.Vector, i int) []byte {
	it := &v.Drawing.Items[i]
	cs = appendRGB(cs, it.Fill, "rg")
	cs = b.opacity(cs, it.FillOpacity, 1)
	for _, run := range v.Texts[i] {
		if len(run.Glyphs) == 0 {
			continue
		}
		enc := b.encoding(run.Font)
		// Text space: at the run's origin, y upwards (the drawing's
		// goes down), scaled to the size.
		m := it.Matrix.Mul(vector.Matrix{it.Size, 0, 0, -it.Size, run.X, it.Y})
		cs = append(cs, "BT\n"...)
		cs = append(cs, enc.res...)
		cs = append(cs, " 1 Tf\n"...)
		cs = fmt.Appendf(cs, "%s %s %s %s %s %s Tm\n[", num(round4(m[0])), num(round4(m[1])), num(round4(m[2])), num(round4(m[3])), num(round4(m[4])), num(round4(m[5])))
		item := layout.Item{Text: run.Text, Glyphs: run.Glyphs}
		texts := clusterTexts(item, nil)
		// The rise is in text space, which Tm scales to the size.
		cs, _ = appendGlyphs(cs, enc, run.Glyphs, texts, int64(b.l.Faces[run.Font].Upem()), 1)
		cs = append(cs, "] TJ\nET\n"...)
	}
	return cs
}

// encoding returns the encoding of a face, made the first time.
func (b *backend) encoding(font typeset.Face) *fontEnc {
	enc := b.faceEnc[font]
	if enc == nil {
		face := b.l.Faces[font]
		if enc = b.fonts[face]; enc == nil {
			enc = newFontEnc(face, len(b.order))
			b.fonts[face] = enc
			b.order = append(b.order, enc)
		}
		b.faceEnc[font] = enc
	}
	return enc
}
