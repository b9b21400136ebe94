package layout

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/font"

	"github.com/galleypress/galley/pkg/internal/vector"
	"github.com/galleypress/galley/pkg/typeset"

	"github.com/galleypress/galley/pkg/internal/safeimage"
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
	// Vector, for an SVG (Format "svg"), is what it draws: the PDF draws
	// it as vectors, and Data is not used.
	Vector *Vector
}

// Vector is an SVG image as the PDF draws it: its shapes (see package
// vector), and its texts set in the document's fonts.
type Vector struct {
	Drawing *vector.Drawing
	// Texts holds, for each text item of the drawing (by index in
	// Drawing.Items), its runs: pieces in one face each, shaped.
	Texts map[int][]VectorRun
}

// VectorRun is a piece of an SVG's text in one face, at X on the
// baseline (in the text's user space), Size high.
type VectorRun struct {
	Font   typeset.Face
	X      float64
	Text   string
	Glyphs []Glyph
}

// maxSVGPixels bounds the raster an SVG is drawn as: 300 dpi over a
// page's width, and what drawing costs a hostile one (a shape or a
// gradient costs every pixel it covers).
const maxSVGPixels = 6_000_000

// imageSet reads the images a document uses, once each.
type imageSet struct {
	host Host
	cfg  *Config
	byID map[string]*Picture
	seq  []*Picture
	// l sets the texts of SVG images.
	l *layout
}

func newImageSet(host Host, cfg *Config) *imageSet {
	return &imageSet{host: host, cfg: cfg, byID: map[string]*Picture{}}
}

// pixels is the image size limit in force.
func (s *imageSet) pixels() int64 {
	if s.cfg.MaxImagePixels <= 0 {
		return 50_000_000
	}
	return s.cfg.MaxImagePixels
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
	if scheme.MatchString(src) && doc.URLScheme(src) != "data" {
		s.byID[src] = nil
		return nil, nil
	}
	pic, err := s.read(src)
	if err != nil {
		s.byID[src] = nil
		return nil, s.host.Degrade(&diag.Diagnostic{Code: "image-dropped", Err: fmt.Errorf("pdf: image %q: %w; its alternative text stands in", src, err)})
	}
	s.byID[src] = pic
	s.seq = append(s.seq, pic)
	return pic, nil
}

func (s *imageSet) read(src string) (*Picture, error) {
	data, err := s.host.ReadRef(src)
	if err != nil {
		return nil, err
	}
	return s.decode(src, data)
}

// add adds an image the layout draws that the document does not name
// (a theme's logo), from its data.
func (s *imageSet) add(name string, data []byte) (*Picture, error) {
	pic, err := s.decode(name, data)
	if err != nil {
		return nil, err
	}
	s.seq = append(s.seq, pic)
	return pic, nil
}

// decode checks and decodes an image's data.
func (s *imageSet) decode(src string, data []byte) (*Picture, error) {
	info, err := safeimage.Check(data, safeimage.Limits{Pixels: s.pixels(), SVGElements: s.cfg.MaxSVGElements})
	if err != nil {
		return nil, err
	}
	if info.Format == "svg" {
		maxItems := s.cfg.MaxSVGElements
		if maxItems <= 0 {
			maxItems = safeimage.DefaultSVGElements
		}
		d, err := vector.Read(info.Data, maxItems)
		if err != nil {
			return nil, err
		}
		if len(d.Unsupported) == 0 {
			pic := &Picture{Name: fmt.Sprintf("img%d", len(s.seq)+1), Src: src, Format: "svg",
				Width: unit(d.Width * float64(pt)), Height: unit(d.Height * float64(pt)), Vector: &Vector{Drawing: d}}
			if s.l != nil {
				pic.Vector.Texts = s.l.vectorTexts(d)
			}
			return pic, nil
		}
		// What a PDF cannot draw as vectors: the whole image at 300 dpi.
		s.host.Warnf("%w", diag.Warnf("svg-raster", "pdf: image %q uses %s, which a PDF cannot draw as vectors: it is drawn as an image at 300 dpi", src, strings.Join(d.Unsupported, " and ")))
		raster, w, h, err := safeimage.RasterizeSVG(info.Data, 300, min(s.pixels(), maxSVGPixels), s.host.Err)
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

// vectorTexts sets the texts of an SVG drawing in the document's fonts:
// the family by its generic name (monospace, or the regular faces), bold
// and italic as asked, each piece in the first face that has its
// characters; at the x its anchor says.
func (l *layout) vectorTexts(d *vector.Drawing) map[int][]VectorRun {
	out := map[int][]VectorRun{}
	end := 0.0 // where the text before ended
	for i, it := range d.Items {
		if !it.IsText {
			continue
		}
		font, ok := l.svgFont(it.Family, it.Bold, it.Italic)
		if !ok {
			font = typeset.Regular
			fam := strings.ToLower(it.Family)
			if strings.Contains(fam, "mono") || strings.Contains(fam, "courier") || strings.Contains(fam, "consol") {
				font = typeset.Mono
			}
			if it.Bold {
				font = font.WithBold()
			}
			if it.Italic {
				font = font.WithItalic()
			}
		}
		var runs []VectorRun
		width := 0.0
		for _, sg := range l.segments(it.Text, font) {
			sh := l.fam.shape(sg.font, sg.text, dirAuto)
			runs = append(runs, VectorRun{Font: sg.font, X: width, Text: sg.text, Glyphs: sh.Glyphs})
			width += float64(sh.Width) / float64(l.fam.faces[sg.font].Upem()) * it.Size
		}
		x := it.X
		if math.IsNaN(x) {
			x = end
		}
		switch it.Anchor {
		case "middle":
			x -= width / 2
		case "end":
			x -= width
		}
		for k := range runs {
			runs[k].X += x
		}
		end = x + width
		out[i] = runs
	}
	return out
}

// metricFonts are fonts installed on many machines that have the widths
// of the fonts SVG images name (Graphviz's "Times,serif", a chart's
// Helvetica or Arial): set in them, an image's text fits the boxes it
// was measured for. By name as an SVG gives it, lower case.
var metricFonts = map[string]string{
	"times": "LiberationSerif", "times new roman": "LiberationSerif", "timesnewroman": "LiberationSerif",
	"liberation serif": "LiberationSerif", "nimbus roman": "LiberationSerif",
	"helvetica": "LiberationSans", "arial": "LiberationSans", "liberation sans": "LiberationSans",
	"nimbus sans": "LiberationSans", "sans-serif": "LiberationSans",
	"courier": "LiberationMono", "courier new": "LiberationMono", "liberation mono": "LiberationMono",
}

// svgFont returns the face, found among the machine's fonts, that sets
// an SVG's text in the font its family list names first that has one
// with the same widths (see metricFonts); ok is false when none does, or
// the machine's fonts are not used.
func (l *layout) svgFont(family string, bold, italic bool) (_ typeset.Face, ok bool) {
	if l.fam.system == nil {
		return 0, false
	}
	style := "Regular"
	switch {
	case bold && italic:
		style = "BoldItalic"
	case bold:
		style = "Bold"
	case italic:
		style = "Italic"
	}
	for _, name := range strings.Split(family, ",") {
		name = strings.ToLower(strings.Trim(strings.TrimSpace(name), `'"`))
		base, known := metricFonts[name]
		if !known {
			continue
		}
		file := base + "-" + style + ".ttf"
		if f, ok := l.svgFaces[file]; ok {
			return f, f != 0
		}
		if l.svgFaces == nil {
			l.svgFaces = map[string]typeset.Face{}
		}
		l.svgFaces[file] = 0
		for _, path := range files.SystemFonts() {
			if filepath.Base(path) != file || len(l.fam.faces) >= 255 {
				continue
			}
			face, err := font.Open(nil, path)
			if err != nil {
				break
			}
			l.fam.faces = append(l.fam.faces, face)
			l.svgUsed = append(l.svgUsed, face)
			f := typeset.Face(len(l.fam.faces) - 1)
			l.svgFaces[file] = f
			return f, true
		}
	}
	return 0, false
}
