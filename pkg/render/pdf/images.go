package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"

	// GIF and PNG files are decoded to be written as Flate-compressed
	// pixels.
	_ "image/gif"
	_ "image/png"

	"github.com/galleypress/galley/pkg/layout"
)

// images writes the pictures the pages draw as image XObjects and
// returns their object numbers, in order. The layout checked them before
// (they decode, and are not too large); a file that still cannot be read
// is an error that names it.
func (b *backend) images(pics []*layout.Picture) ([]int, error) {
	objs := make([]int, len(pics))
	for i, pic := range pics {
		obj, err := b.image(pic)
		if err != nil {
			return nil, fmt.Errorf("pdf: image %q: %w", pic.Src, err)
		}
		objs[i] = obj
	}
	return objs, nil
}

// imageIndex returns the resource number of a picture (its /I name);
// -1 for one not written.
func (b *backend) imageIndex(pic *layout.Picture) int {
	if i, ok := b.imageIdx[pic]; ok {
		return i
	}
	return -1
}

func (b *backend) image(pic *layout.Picture) (int, error) {
	o := b.o
	if pic.Vector != nil {
		return b.form(pic), o.err
	}
	cmykInArchive := false
	if pic.Format == "jpeg" {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(pic.Data))
		if err != nil {
			return 0, err
		}
		// A PDF/A file whose colours are sRGB (its output intent) may
		// not use DeviceCMYK: a CMYK JPEG is decoded and drawn in RGB.
		cmykInArchive = b.archival && cfg.ColorModel == color.CMYKModel
	}
	if pic.Format == "jpeg" && !cmykInArchive {
		// A JPEG goes in as it is, for the reader to decode.
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(pic.Data))
		if err != nil {
			return 0, err
		}
		space, extra := "/DeviceRGB", ""
		switch cfg.ColorModel {
		case color.GrayModel:
			space = "/DeviceGray"
		case color.CMYKModel:
			// Adobe's CMYK JPEGs hold the inks inverted.
			space, extra = "/DeviceCMYK", "/Decode [1 0 1 0 1 0 1 0] "
		}
		obj := o.alloc()
		o.stream(obj, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 %s/Filter /DCTDecode ",
			cfg.Width, cfg.Height, space, extra), pic.Data, plain)
		return obj, o.err
	}
	img, _, err := image.Decode(bytes.NewReader(pic.Data))
	if err != nil {
		return 0, err
	}
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	gray := img.ColorModel() == color.GrayModel || img.ColorModel() == color.Gray16Model
	opaque := true
	if op, ok := img.(interface{ Opaque() bool }); ok {
		opaque = op.Opaque()
	}
	comps := 3
	if gray {
		comps = 1
	}
	pix := make([]byte, 0, w*h*comps)
	var alpha []byte
	if !opaque {
		alpha = make([]byte, 0, w*h)
	}
	pix, alpha = pixels(img, gray, pix, alpha)
	space := "/DeviceRGB"
	if gray {
		space = "/DeviceGray"
	}
	smask := ""
	if alpha != nil {
		sm := o.alloc()
		o.stream(sm, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 %s", w, h, predictor(1, w)), upRows(alpha, w), flated)
		smask = fmt.Sprintf("/SMask %d 0 R ", sm)
	}
	obj := o.alloc()
	o.stream(obj, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 %s%s", w, h, space, smask, predictor(comps, w)), upRows(pix, w*comps), flated)
	return obj, o.err
}

// pixels appends img's pixels to pix (grey, or red, green and blue) and,
// if alpha is not nil, their opacity to alpha; the kinds of image the
// decoders return most are read directly, the rest pixel by pixel.
func pixels(img image.Image, gray bool, pix, alpha []byte) ([]byte, []byte) {
	r := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		for y := r.Min.Y; y < r.Max.Y; y++ {
			i := m.PixOffset(r.Min.X, y)
			pix = append(pix, m.Pix[i:i+r.Dx()]...)
		}
		return pix, alpha
	case *image.NRGBA:
		if !gray {
			for y := r.Min.Y; y < r.Max.Y; y++ {
				row := m.Pix[m.PixOffset(r.Min.X, y):][:4*r.Dx()]
				for k := 0; k < len(row); k += 4 {
					pix = append(pix, row[k], row[k+1], row[k+2])
					if alpha != nil {
						alpha = append(alpha, row[k+3])
					}
				}
			}
			return pix, alpha
		}
	case *image.Paletted:
		if !gray {
			pal := make([]color.NRGBA, len(m.Palette))
			for i, c := range m.Palette {
				pal[i] = color.NRGBAModel.Convert(c).(color.NRGBA)
			}
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for _, k := range m.Pix[m.PixOffset(r.Min.X, y):][:r.Dx()] {
					var c color.NRGBA
					if int(k) < len(pal) {
						c = pal[k]
					}
					pix = append(pix, c.R, c.G, c.B)
					if alpha != nil {
						alpha = append(alpha, c.A)
					}
				}
			}
			return pix, alpha
		}
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if gray {
				pix = append(pix, c.R)
			} else {
				pix = append(pix, c.R, c.G, c.B)
			}
			if alpha != nil {
				alpha = append(alpha, c.A)
			}
		}
	}
	return pix, alpha
}

// predictor returns the decode parameters of pixels filtered by upRows.
func predictor(colors, columns int) string {
	return fmt.Sprintf("/DecodeParms <</Predictor 15 /Colors %d /Columns %d>> ", colors, columns)
}

// upRows applies PNG's Up filter to rows of n bytes (each byte less the
// one above it, each row led by the filter's number), which makes
// images compress several times better.
func upRows(pix []byte, n int) []byte {
	if n == 0 {
		return pix
	}
	out := make([]byte, 0, len(pix)+len(pix)/n)
	for at := 0; at+n <= len(pix); at += n {
		out = append(out, 2)
		for i := at; i < at+n; i++ {
			c := pix[i]
			if at > 0 {
				c -= pix[i-n]
			}
			out = append(out, c)
		}
	}
	return out
}
