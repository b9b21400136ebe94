package pdf

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/galleypress/galley/pkg/internal/safeimage"
	"github.com/galleypress/galley/pkg/render"
)

// picture is an image read for the PDF.
type picture struct {
	name          string // name registered with the PDF writer
	src           string // the document's path, for messages
	kind          string // "PNG", "JPG" or "GIF"
	data          []byte
	width, height unit // at 96 pixels per inch
}

// imageSet reads the images a document uses, once each.
type imageSet struct {
	res  fs.FS
	opts *render.Options
	byID map[string]*picture
	seq  []*picture
}

func newImageSet(res fs.FS, opts *render.Options) *imageSet {
	return &imageSet{res: res, opts: opts, byID: map[string]*picture{}}
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:|^//`)

// get reads the image at src, relative to the resources. A remote image
// gives nil: it is never fetched. So does an image that cannot go in the
// PDF (missing, damaged, too large, not PNG, JPEG or GIF), reported
// through opts.Degrade: its alternative text stands in.
func (s *imageSet) get(src string) (*picture, error) {
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

func (s *imageSet) read(src string) (*picture, error) {
	p, err := url.PathUnescape(src)
	if err != nil {
		p = src
	}
	clean := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasPrefix(src, "/") || strings.Contains(src, "..") || !fs.ValidPath(clean) {
		return nil, errors.New("only paths inside the input's folder can be read")
	}
	if s.res == nil {
		return nil, errors.New("no resources to read it from")
	}
	data, err := fs.ReadFile(s.res, clean)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, err
	}
	info, err := safeimage.Check(data, s.opts.ImagePixels())
	if err != nil {
		return nil, err
	}
	kind := map[string]string{"png": "PNG", "jpeg": "JPG", "gif": "GIF"}[info.Format]
	if kind == "" {
		return nil, fmt.Errorf("%s images cannot go in a PDF yet (use PNG, JPEG or GIF)", strings.ToUpper(info.Format))
	}
	return &picture{
		name: fmt.Sprintf("img%d", len(s.seq)+1), src: src, kind: kind, data: data,
		width: unit(info.Width) * pt * 3 / 4, height: unit(info.Height) * pt * 3 / 4,
	}, nil
}
