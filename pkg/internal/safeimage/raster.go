package safeimage

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"

	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"
	"golang.org/x/image/math/fixed"
)

// RasterizeSVG draws an SVG image (sanitise it first) as a PNG at dpi
// dots per inch, for formats that cannot hold SVG (a PDF, here). It
// returns the PNG and the image's size in CSS pixels (1/96 inch): its
// width and height attributes, else its viewBox. The raster has at most
// maxPixels pixels: a larger image is drawn at a lower resolution.
// stop, if set, is asked between shapes whether to go on: a cancelled
// conversion stops drawing, with stop's error.
//
// The rasteriser (oksvg) draws paths, shapes, strokes, fills and
// gradients; it draws no text, and an image that needs unsupported
// features comes out incomplete. A file it cannot read is an error.
func RasterizeSVG(data []byte, dpi float64, maxPixels int64, stop func() error) (pngData []byte, width, height float64, err error) {
	defer func() {
		if v := recover(); v != nil {
			if e, ok := v.(error); ok && errors.Is(e, errSegments) {
				pngData, err = nil, e
				return
			}
			pngData, err = nil, fmt.Errorf("the SVG renderer failed on it (%v)", v)
		}
	}()
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data), oksvg.IgnoreErrorMode)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("unreadable SVG: %v", err)
	}
	width, height = svgSize(data)
	if width <= 0 || height <= 0 {
		width, height = icon.ViewBox.W, icon.ViewBox.H
	}
	if icon.ViewBox.W <= 0 || icon.ViewBox.H <= 0 {
		icon.ViewBox.W, icon.ViewBox.H = width, height
	}
	if !(width > 0 && height > 0) || math.IsInf(width, 0) || math.IsInf(height, 0) {
		return nil, 0, 0, errors.New("the SVG gives no size (width and height, or a viewBox)")
	}
	scale := dpi / 96
	w, h := width*scale, height*scale
	if px := w * h; px > float64(maxPixels) {
		f := math.Sqrt(float64(maxPixels) / px)
		w, h = w*f, h*f
	}
	iw, ih := max(int(math.Round(w)), 1), max(int(math.Round(h)), 1)
	icon.SetTarget(0, 0, float64(iw), float64(ih))
	// What drawing will cost: every shape costs the pixels it covers,
	// a gradient's several times a plain colour's. A drawing dearer
	// than the budget (hundreds of shapes covering the whole image) is
	// drawn at a lower resolution, so that its time stays bounded
	// whatever its few kilobytes ask for.
	m := &measure{gradient: gradientWeight(icon)}
	if err := draw(icon, rasterx.NewDasher(iw, ih, m), stop); err != nil {
		return nil, 0, 0, err
	}
	if cost := m.cost + segmentCost*float64(m.segments); cost > drawBudget {
		f := math.Sqrt(drawBudget / cost)
		iw, ih = max(int(float64(iw)*f), 1), max(int(float64(ih)*f), 1)
		icon.SetTarget(0, 0, float64(iw), float64(ih))
	}
	img := image.NewRGBA(image.Rect(0, 0, iw, ih))
	scanner := rasterx.NewScannerGV(iw, ih, img, img.Bounds())
	if err := draw(icon, rasterx.NewDasher(iw, ih, scanner), stop); err != nil {
		return nil, 0, 0, err
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), width, height, nil
}

// draw is icon.Draw, a shape at a time, asking stop between them.
func draw(icon *oksvg.SvgIcon, d *rasterx.Dasher, stop func() error) error {
	for i := range icon.SVGPaths {
		if stop != nil {
			if err := stop(); err != nil {
				return err
			}
		}
		icon.SVGPaths[i].DrawTransformed(d, 1, icon.Transform)
	}
	return nil
}

// drawBudget is what drawing an SVG may cost, in pixels of a plain
// colour (some 8 ns each): about half a second. A straight piece of an
// outline costs as much as segmentCost pixels.
const (
	drawBudget  = 60e6
	segmentCost = 200
)

// gradientWeight is what a pixel of the SVG's gradients costs, in
// pixels of a plain colour: about ten, and more with many stops
// (measured with rasterx: two stops 10, a hundred 24).
func gradientWeight(icon *oksvg.SvgIcon) float64 {
	stops := 0
	for _, g := range icon.Grads {
		stops = max(stops, len(g.Stops))
	}
	return 10 + float64(stops)/6
}

// measure is a rasterx.Scanner that draws nothing: it adds up the
// pixels each shape covers (its extent, within the image), weighted by
// what its paint costs.
type measure struct {
	ext      fixed.Rectangle26_6
	some     bool
	paint    any
	gradient float64
	w, h     int
	cost     float64
	segments int
}

func (m *measure) add(p fixed.Point26_6) {
	if !m.some {
		m.ext, m.some = fixed.Rectangle26_6{Min: p, Max: p}, true
		return
	}
	m.ext.Min.X, m.ext.Min.Y = min(m.ext.Min.X, p.X), min(m.ext.Min.Y, p.Y)
	m.ext.Max.X, m.ext.Max.Y = max(m.ext.Max.X, p.X), max(m.ext.Max.Y, p.Y)
}

// maxSegments bounds the straight pieces an SVG's outlines and strokes
// are made of, when drawn: a stroke dashed a hundredth of a pixel at a
// time makes millions of them, whatever the resolution.
const maxSegments = 4_000_000

// errSegments stops the measuring of an SVG with too many.
var errSegments = fmt.Errorf("the SVG's shapes are made of more than %d pieces (strokes dashed too finely?), more than can be drawn", maxSegments)

func (m *measure) Start(a fixed.Point26_6) { m.add(a) }
func (m *measure) Line(b fixed.Point26_6) {
	if m.segments++; m.segments > maxSegments {
		panic(errSegments) // out of rasterx's dasher, to RasterizeSVG
	}
	m.add(b)
}
func (m *measure) Draw() {
	if !m.some {
		return
	}
	x0, y0 := max(float64(m.ext.Min.X)/64, 0), max(float64(m.ext.Min.Y)/64, 0)
	x1, y1 := min(float64(m.ext.Max.X)/64, float64(m.w)), min(float64(m.ext.Max.Y)/64, float64(m.h))
	area := max(x1-x0+1, 1) * max(y1-y0+1, 1)
	if _, plain := m.paint.(color.Color); !plain {
		area *= m.gradient
	}
	m.cost += area
}
func (m *measure) GetPathExtent() fixed.Rectangle26_6 { return m.ext }
func (m *measure) SetBounds(w, h int)                 { m.w, m.h = w, h }
func (m *measure) SetColor(c any)                     { m.paint = c }
func (m *measure) SetWinding(bool)                    {}
func (m *measure) Clear()                             { m.some = false }
func (m *measure) SetClip(image.Rectangle)            {}

// svgSize reads the width and height attributes of an SVG's root, in
// CSS pixels; 0 for a missing, relative or unreadable one.
func svgSize(data []byte) (w, h float64) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "width":
					w = cssLength(a.Value)
				case "height":
					h = cssLength(a.Value)
				}
			}
			return w, h
		}
	}
}

// cssLength converts an SVG length to CSS pixels: px, pt, pc, mm, cm,
// in, or none; 0 for percentages and anything else.
func cssLength(s string) float64 {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		px     float64
	}{{"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}}
	factor := 1.0
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, factor = strings.TrimSuffix(s, u.suffix), u.px
			break
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) {
		return 0
	}
	return v * factor
}
