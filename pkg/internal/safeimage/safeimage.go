// Package safeimage checks image files before a renderer embeds them:
// raster images must decode, and their size is read from the header and
// checked against a pixel limit before any decoding; SVG images are
// sanitised (no scripts, event handlers, foreign objects, external
// references or DOCTYPE) so that nothing active reaches an EPUB.
package safeimage

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // register the decoders Check uses
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// Info describes a checked image.
type Info struct {
	// Format is "png", "jpeg", "gif", "webp" or "svg".
	Format string
	// Width and Height are in pixels (0 for SVG).
	Width, Height int
	// Data is the file to embed: the input, or for SVG its sanitised
	// form.
	Data []byte
	// Removed lists what sanitising took out of an SVG, one entry per
	// kind ("script element", "event handler attribute").
	Removed []string
}

// MediaType returns the image's media type.
func (i *Info) MediaType() string {
	if i.Format == "svg" {
		return "image/svg+xml"
	}
	return "image/" + i.Format
}

// ErrTooLarge is wrapped by Check's error for an image over the pixel
// limit.
var ErrTooLarge = errors.New("image too large")

// Limits bound the images Check accepts.
type Limits struct {
	// Pixels is the most pixels (width × height) of a raster image.
	Pixels int64
	// SVGElements is the most elements an SVG may draw, its <use>
	// references expanded; 0 means DefaultSVGElements.
	SVGElements int
}

// Check checks an image file. A raster image (PNG, JPEG, GIF, WebP) must
// have at most lim.Pixels pixels, as its header says, and must then
// decode without error, so that a truncated or corrupt file never
// reaches a PDF or EPUB writer. An SVG image is sanitised, and its cost
// to draw bounded (see SanitizeSVG). Any other file is an error.
func Check(data []byte, lim Limits) (*Info, error) {
	maxPixels := lim.Pixels
	if IsSVG(data) {
		clean, removed, err := SanitizeSVG(data, lim.SVGElements)
		if err != nil {
			return nil, err
		}
		return &Info{Format: "svg", Data: clean, Removed: removed}, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a PNG, JPEG, GIF, WebP or SVG image (%v)", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("%s image declares %d×%d pixels", format, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > maxPixels {
		return nil, fmt.Errorf("%w: %d×%d pixels, more than the limit of %d megapixels (raise it with --max-image-pixels)", ErrTooLarge, cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("damaged %s image: %v", format, err)
	}
	return &Info{Format: format, Width: cfg.Width, Height: cfg.Height, Data: data}, nil
}

// IsSVG reports whether data looks like an SVG document: XML whose first
// element is svg.
func IsSVG(data []byte) bool {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	return bytes.Contains(head, []byte("<svg"))
}
