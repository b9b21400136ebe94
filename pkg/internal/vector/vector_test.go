package vector

import (
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// TestPathData checks the path grammar: absolute and relative commands,
// implicit repeats, H and V, smooth curves, quadratics made cubic, arcs,
// numbers without separators.
func TestPathData(t *testing.T) {
	p := parsePath("M10,10 l10 0 20,0 h5 v-5 H0 V0 z m1-1 c1,1 2,2 3,3 s4,4 5,5 q1,1 2,0 t2,0 a5,5 0 0,1 10,0 M.5.5")
	var ops strings.Builder
	for _, s := range p {
		ops.WriteByte(s.Op)
	}
	if got := ops.String(); got != "MLLLLLLZMCCCCCCM" { // the half circle is two curves
		t.Fatalf("ops %s", got)
	}
	// "l10 0 20,0": the second pair repeats the relative line.
	if x := p[2].P[0][0]; !near(x, 40) {
		t.Errorf("implicit l ends at x=%g, want 40", x)
	}
	// "m1-1" after z: relative to the subpath's start (10, 10).
	if m := p[8].P[0]; !near(m[0], 11) || !near(m[1], 9) {
		t.Errorf("m after z at %v", m)
	}
	// "s4,4 5,5": its first control point mirrors the c's second,
	// (13, 11), about the c's end, (14, 12).
	if c := p[10].P[0]; !near(c[0], 15) || !near(c[1], 13) {
		t.Errorf("s's control point %v, want [15 13]", c)
	}
	// The arc ends exactly where it says, a half circle of radius 5.
	arc := p[len(p)-2]
	end := arc.P[2]
	if start := p[len(p)-4].P[2]; !near(end[0]-start[0], 10) || !near(end[1], start[1]) {
		t.Errorf("arc from %v ends at %v", start, end)
	}
	if last := p[len(p)-1].P[0]; !near(last[0], 0.5) || !near(last[1], 0.5) {
		t.Errorf("M.5.5 at %v", last)
	}
	// Bad data stops the path where it is.
	if p := parsePath("M0 0 L10 10 L20 x L30 30"); len(p) != 2 {
		t.Errorf("%d segments before the error, want 2", len(p))
	}
}

// TestReadGraphviz reads the kind of SVG Graphviz writes: a point size
// and a viewBox, a group transform, polygons, ellipses, paths, text
// with an anchor, a dashed cluster.
func TestReadGraphviz(t *testing.T) {
	svg := `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg width="116pt" height="62pt" viewBox="0.00 0.00 116.00 62.00" xmlns="http://www.w3.org/2000/svg">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 58)">
<polygon fill="white" stroke="none" points="-4,4 -4,-58 112,-58 112,4 -4,4"/>
<g id="node1" class="node"><ellipse fill="none" stroke="black" cx="27" cy="-36" rx="27" ry="18"/>
<text text-anchor="middle" x="27" y="-31.8" font-family="Times,serif" font-size="14.00">a</text></g>
<path fill="none" stroke="black" stroke-dasharray="5,2" d="M54,-36C62,-36 70,-36 78,-36"/>
</g></svg>`
	d, err := Read([]byte(svg), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if !near(d.Width, 116) || !near(d.Height, 62) {
		t.Errorf("size %gx%g pt, want 116x62", d.Width, d.Height)
	}
	if len(d.Items) != 4 || len(d.Unsupported) != 0 {
		t.Fatalf("items %d, unsupported %v", len(d.Items), d.Unsupported)
	}
	bg, node, text, edge := d.Items[0], d.Items[1], d.Items[2], d.Items[3]
	if bg.Fill.Kind != Color || !near(bg.Fill.R, 1) || bg.Stroke.Kind != None {
		t.Errorf("background %+v", bg.Fill)
	}
	// The group's translate(4 58) maps the ellipse's centre (27, -36)
	// to (31, 22) in points.
	x, y := node.Matrix.Apply(27, -36)
	if !near(x, 31) || !near(y, 22) {
		t.Errorf("ellipse centre at %g,%g", x, y)
	}
	if node.Fill.Kind != None || node.Stroke.Kind != Color || len(node.Path) != 6 {
		t.Errorf("ellipse %+v", node)
	}
	if !text.IsText || text.Text != "a" || text.Anchor != "middle" || !near(text.Size, 14) || text.Family != "Times,serif" {
		t.Errorf("text %+v", text)
	}
	if len(edge.Dash) != 2 || edge.Dash[0] != 5 {
		t.Errorf("edge dash %v", edge.Dash)
	}
}

// TestReadStyles: CSS classes, style attributes, inheritance, opacity,
// <use>, clip paths, gradients, and what cannot be drawn as vectors.
func TestReadStyles(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">
<style>.bar { fill: #1f4e8c } rect.hot, #x { stroke: rgb(255, 0, 0); stroke-width: 2 }</style>
<defs>
  <linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="red"/><stop offset="100%" stop-color="blue"/></linearGradient>
  <clipPath id="c"><rect width="50" height="50"/></clipPath>
  <rect id="r" width="10" height="10"/>
</defs>
<g opacity="0.5" fill="green">
  <rect class="bar hot" width="10" height="10"/>
  <rect style="fill: none; stroke: black" width="10" height="10"/>
  <use xlink:href="#r" x="20" y="30"/>
</g>
<circle cx="50" cy="50" r="40" fill="url(#g)" clip-path="url(#c)"/>
<rect width="5" height="5" filter="url(#blur)"/>
</svg>`
	d, err := Read([]byte(svg), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 5 {
		t.Fatalf("%d items", len(d.Items))
	}
	bar, outline, used, circle := d.Items[0], d.Items[1], d.Items[2], d.Items[3]
	if !near(bar.Fill.R, 0x1f/255.0) || bar.Stroke.Kind != Color || !near(bar.Stroke.R, 1) || bar.StrokeWidth != 2 || !near(bar.FillOpacity, 0.5) {
		t.Errorf("bar %+v", bar)
	}
	if outline.Fill.Kind != None || outline.Stroke.Kind != Color {
		t.Errorf("outline %+v", outline)
	}
	// <use x y>: the referenced rectangle moved; the group's fill
	// inherited.
	if x, y := used.Matrix.Apply(0, 0); !near(x, 15) || !near(y, 22.5) || !near(used.Fill.G, 128/255.0) {
		t.Errorf("use at %g,%g fill %+v", x, y, used.Fill)
	}
	if circle.Fill.Kind != Linear || len(circle.Fill.Gradient.Stops) != 2 || !circle.Fill.Gradient.BoundingBox || len(circle.Clips) != 1 {
		t.Errorf("circle %+v", circle)
	}
	if strings.Join(d.Unsupported, ",") != "filter" {
		t.Errorf("unsupported %v", d.Unsupported)
	}
}

// TestReadBounds: a drawing of more items than allowed is an error; so
// is a file that is not XML; <use> cycles end.
func TestReadBounds(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">`)
	for i := 0; i < 50; i++ {
		b.WriteString(`<rect width="1" height="1"/>`)
	}
	b.WriteString(`</svg>`)
	if _, err := Read([]byte(b.String()), 20); err == nil {
		t.Error("50 shapes read with a limit of 20")
	}
	if _, err := Read([]byte(`<svg><rect`), 20); err == nil {
		t.Error("broken XML read")
	}
	cycle := `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/><rect width="1" height="1"/></g></svg>`
	if _, err := Read([]byte(cycle), 100000); err != nil {
		t.Errorf("a <use> cycle: %v", err)
	}
}
