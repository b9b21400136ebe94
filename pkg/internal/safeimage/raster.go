package safeimage

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"strconv"
	"strings"

	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"
)

// RasterizeSVG draws an SVG image (sanitise it first) as a PNG at dpi
// dots per inch, for formats that cannot hold SVG (a PDF, here). It
// returns the PNG and the image's size in CSS pixels (1/96 inch): its
// width and height attributes, else its viewBox. The raster has at most
// maxPixels pixels: a larger image is drawn at a lower resolution.
//
// The rasteriser (oksvg) draws paths, shapes, strokes, fills and
// gradients; it draws no text, and an image that needs unsupported
// features comes out incomplete. A file it cannot read is an error.
func RasterizeSVG(data []byte, dpi float64, maxPixels int64) (pngData []byte, width, height float64, err error) {
	defer func() {
		if v := recover(); v != nil {
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
	img := image.NewRGBA(image.Rect(0, 0, iw, ih))
	scanner := rasterx.NewScannerGV(iw, ih, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(iw, ih, scanner), 1)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), width, height, nil
}

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
