package pdf

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // register decoders for DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// picture is an image read for the PDF.
type picture struct {
	name          string // name registered with the PDF writer
	kind          string // "PNG", "JPG" or "GIF"
	data          []byte
	width, height unit // at 96 pixels per inch
}

// imageSet reads the images a document uses, once each.
type imageSet struct {
	res  fs.FS
	byID map[string]*picture
	seq  []*picture
}

func newImageSet(res fs.FS) *imageSet {
	return &imageSet{res: res, byID: map[string]*picture{}}
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:|^//`)

// get reads the image at src, relative to the resources. A remote image
// gives nil: it is never fetched.
func (s *imageSet) get(src string) (*picture, error) {
	if p, ok := s.byID[src]; ok {
		return p, nil
	}
	if scheme.MatchString(src) {
		s.byID[src] = nil
		return nil, nil
	}
	p, err := url.PathUnescape(src)
	if err != nil {
		p = src
	}
	clean := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasPrefix(src, "/") || strings.Contains(src, "..") || !fs.ValidPath(clean) {
		return nil, fmt.Errorf("pdf: image %q: only paths inside the input's folder can be read", src)
	}
	if s.res == nil {
		return nil, fmt.Errorf("pdf: image %q: no resources to read it from", src)
	}
	data, err := fs.ReadFile(s.res, clean)
	if err != nil {
		return nil, fmt.Errorf("pdf: image %q: %w", src, err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: image %q: only PNG, JPEG and GIF images can go in a PDF: %v", src, err)
	}
	kind := map[string]string{"png": "PNG", "jpeg": "JPG", "gif": "GIF"}[format]
	pic := &picture{
		name: fmt.Sprintf("img%d", len(s.seq)+1), kind: kind, data: data,
		width: unit(cfg.Width) * pt * 3 / 4, height: unit(cfg.Height) * pt * 3 / 4,
	}
	s.byID[src] = pic
	s.seq = append(s.seq, pic)
	return pic, nil
}
