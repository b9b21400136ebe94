package layout

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/galleypress/galley/pkg/internal/safeimage"
	"github.com/galleypress/galley/pkg/render"
)

// Picture is an image the pages draw: checked (it decodes, and is not
// too large) before the layout uses it.
type Picture struct {
	// Name is unique in the document ("img1").
	Name string
	// Src is the document's path, for messages.
	Src string
	// Format is "png", "jpeg" or "gif"; Data the file.
	Format string
	Data   []byte
	// Width and Height are its natural size, at 96 pixels per inch.
	Width, Height unit
}

// maxSVGPixels bounds the raster an SVG is drawn as: 300 dpi over a
// page's width, and what drawing costs a hostile one (a shape or a
// gradient costs every pixel it covers).
const maxSVGPixels = 6_000_000

// imageSet reads the images a document uses, once each.
type imageSet struct {
	opts *render.Options
	byID map[string]*Picture
	seq  []*Picture
}

func newImageSet(opts *render.Options) *imageSet {
	return &imageSet{opts: opts, byID: map[string]*Picture{}}
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:|^//`)

// get reads the image at src, relative to the resources. A remote image
// gives nil: it is never fetched. So does an image that cannot go in the
// PDF (missing, damaged, too large, not PNG, JPEG or GIF), reported
// through opts.Degrade: its alternative text stands in.
func (s *imageSet) get(src string) (*Picture, error) {
	if p, ok := s.byID[src]; ok {
		return p, nil
	}
	if scheme.MatchString(src) {
		s.byID[src] = nil
		return nil, nil
	}
	pic, err := s.read(src)
	if err != nil {
		s.byID[src] = nil
		return nil, s.opts.Degrade(fmt.Errorf("pdf: image %q: %w; its alternative text stands in", src, err))
	}
	s.byID[src] = pic
	s.seq = append(s.seq, pic)
	return pic, nil
}

func (s *imageSet) read(src string) (*Picture, error) {
	data, err := s.opts.ReadRef(src)
	if err != nil {
		return nil, err
	}
	info, err := safeimage.Check(data, safeimage.Limits{Pixels: s.opts.ImagePixels(), SVGElements: s.opts.MaxSVGElements})
	if err != nil {
		return nil, err
	}
	if info.Format == "svg" {
		// Drawn at 300 dpi: a PDF holds no SVG.
		raster, w, h, err := safeimage.RasterizeSVG(info.Data, 300, min(s.opts.ImagePixels(), maxSVGPixels), s.opts.Err)
		if err != nil {
			return nil, err
		}
		return &Picture{
			Name: fmt.Sprintf("img%d", len(s.seq)+1), Src: src, Format: "png", Data: raster,
			Width: unit(w * 3 / 4 * float64(pt)), Height: unit(h * 3 / 4 * float64(pt)),
		}, nil
	}
	if info.Format != "png" && info.Format != "jpeg" && info.Format != "gif" {
		return nil, fmt.Errorf("%s images cannot go in a PDF yet (use PNG, JPEG or GIF)", strings.ToUpper(info.Format))
	}
	return &Picture{
		Name: fmt.Sprintf("img%d", len(s.seq)+1), Src: src, Format: info.Format, Data: data,
		Width: unit(info.Width) * pt * 3 / 4, Height: unit(info.Height) * pt * 3 / 4,
	}, nil
}
