// Package epub renders documents as EPUB 3 packages that pass EPUBCheck
// and are byte-for-byte reproducible.
//
// The package is written with archive/zip and the XHTML mode of package
// html: a stored mimetype first, META-INF/container.xml, an OPF 3 package
// document, a navigation document nested to the full section depth (with
// landmarks), a toc.ncx for EPUB 2 reading systems, a title page, one
// XHTML file per chapter and the images the document uses. Notes become
// EPUB 3 footnotes (<a epub:type="noteref"> to <aside
// epub:type="footnote">), which Apple Books and Kobo show as pop-ups.
//
// Nothing depends on the clock or on map order: zip entries carry the
// document's modification time and come in a fixed order, and the
// identifier, when the document has none, is a UUID derived from its
// content.
package epub

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/html"
)

// Stylesheet is the built-in EPUB stylesheet. Reading systems set fonts,
// margins and colours themselves; it only styles what they leave alone.
//
//go:embed style.css
var Stylesheet string

// Config configures a Renderer. The zero value is the default.
type Config struct {
	// CSS replaces the built-in stylesheet.
	CSS string
	// SplitLevel is the deepest section level that starts a file of its
	// own; 0 means 1 (one file per top-level section).
	SplitLevel int
}

// Renderer renders EPUB 3.
type Renderer struct{ cfg Config }

// New returns an EPUB renderer.
func New(cfg Config) *Renderer {
	if cfg.SplitLevel <= 0 {
		cfg.SplitLevel = 1
	}
	return &Renderer{cfg: cfg}
}

func init() {
	render.Register(render.Format{Name: "epub", Ext: ".epub", MediaType: "application/epub+zip", Binary: true}, New(Config{}))
}

// chapter is one XHTML file of the book.
type chapter struct {
	file     string // "ch001.xhtml"
	title    string
	blocks   []doc.Block
	sections []*doc.Section
}

// item is one file of the package, listed in the manifest.
type item struct {
	id, href, mediaType, properties string
	data                            []byte
}

// book collects what Render writes.
type book struct {
	d        *doc.Document
	cfg      Config
	opts     *render.Options
	chapters []*chapter
	where    map[string]string       // section id → file holding it
	files    map[*doc.Section]string // section → file holding it
	images   map[string]*item        // source path → packed image
	imageSeq []*item
	remote   bool // the book refers to remote images, shown as links
	cover    *item
	allAlt   bool // every image has alternative text
	anyImage bool
}

// Render writes d to w as an EPUB 3 package. It does not modify d.
func (r *Renderer) Render(w io.Writer, d *doc.Document, opts *render.Options) error {
	if opts == nil {
		opts = &render.Options{}
	}
	b := &book{d: d, cfg: r.cfg, opts: opts, where: map[string]string{}, files: map[*doc.Section]string{},
		images: map[string]*item{}, allAlt: true}
	b.plan()
	if err := b.collectImages(); err != nil {
		return err
	}
	if d.Meta.Cover != "" {
		it, err := b.image(d.Meta.Cover)
		if err != nil {
			return fmt.Errorf("epub: cover: %w", err)
		}
		if it == nil {
			return fmt.Errorf("epub: cover %q: a cover must be a local image file", d.Meta.Cover)
		}
		b.cover = it
	}
	files, err := b.entries()
	if err != nil {
		return err
	}
	return writeZip(w, files, render.ModTime(d, opts))
}

// plan splits the document into chapter files.
func (b *book) plan() {
	if len(b.d.Blocks) > 0 {
		b.chapters = append(b.chapters, &chapter{title: b.d.Meta.Title, blocks: b.d.Blocks})
	}
	var split func(s *doc.Section, depth int)
	split = func(s *doc.Section, depth int) {
		if depth < b.cfg.SplitLevel && len(s.Sections) > 0 {
			// The section's own text, then each subsection in a file.
			b.chapters = append(b.chapters, &chapter{title: s.HeadingText(), sections: []*doc.Section{{
				Level: s.Level, ID: s.ID, Number: s.Number, Title: s.Title, Blocks: s.Blocks,
			}}})
			for _, c := range s.Sections {
				split(c, depth+1)
			}
			return
		}
		b.chapters = append(b.chapters, &chapter{title: s.HeadingText(), sections: []*doc.Section{s}})
	}
	for _, s := range b.d.Sections {
		split(s, 1)
	}
	for i, c := range b.chapters {
		c.file = fmt.Sprintf("ch%03d.xhtml", i+1)
	}
	// Sections split into several files are marked by their first file:
	// the copy holding their own text comes first.
	for _, c := range b.chapters {
		for _, s := range c.sections {
			b.mark(s, c.file)
		}
	}
	for _, s := range b.d.AllSections() {
		if _, ok := b.files[s]; !ok {
			b.files[s] = b.where[s.ID]
		}
	}
}

func (b *book) mark(s *doc.Section, file string) {
	if _, seen := b.where[s.ID]; !seen && s.ID != "" {
		b.where[s.ID] = file
	}
	b.files[s] = file
	for _, c := range s.Sections {
		b.mark(c, file)
	}
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// link maps a link target for a chapter file: section links to the file
// holding the section, external links unchanged, anything else (files
// outside the book, unknown ids) to "" so that only the text remains.
func (b *book) link(target string) string {
	switch {
	case strings.HasPrefix(target, "#"):
		id, err := url.PathUnescape(target[1:])
		if err != nil {
			id = target[1:]
		}
		if file, ok := b.where[id]; ok {
			return file + "#" + id
		}
		b.opts.Warnf("epub: link to %q: no section has that id; kept as text", target)
		return ""
	case scheme.MatchString(target):
		return target
	}
	b.opts.Warnf("epub: link to %q: the file is not part of the book; kept as text", target)
	return ""
}

// collectImages packs every local image the document uses.
func (b *book) collectImages() error {
	var err error
	doc.Walk(b.d, func(n doc.Node) bool {
		if err != nil {
			return false
		}
		var src, alt string
		switch n := n.(type) {
		case *doc.Image:
			src, alt = n.Src, n.Alt
		case *doc.Figure:
			src, alt = n.Src, n.Alt
		default:
			return true
		}
		b.anyImage = true
		if strings.TrimSpace(alt) == "" {
			b.allAlt = false
		}
		_, err = b.image(src)
		return true
	})
	return err
}

var mediaTypes = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp",
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// image packs the image at src (relative to the resources) and returns
// its item; nil for a remote image, which is never fetched.
func (b *book) image(src string) (*item, error) {
	if it, ok := b.images[src]; ok {
		return it, nil
	}
	if scheme.MatchString(src) || strings.HasPrefix(src, "//") {
		b.remote = true
		b.images[src] = nil
		return nil, nil
	}
	p, err := url.PathUnescape(src)
	if err != nil {
		p = src
	}
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if !fs.ValidPath(p) || p == "." || strings.HasPrefix(src, "/") || strings.Contains(src, "..") {
		return nil, fmt.Errorf("epub: image %q: only paths inside the input's folder can be read", src)
	}
	ext := strings.ToLower(path.Ext(p))
	mt, ok := mediaTypes[ext]
	if !ok {
		return nil, fmt.Errorf("epub: image %q: %s files cannot go in an EPUB (use PNG, JPEG, GIF, SVG or WebP)", src, ext)
	}
	if b.opts.Resources == nil {
		return nil, fmt.Errorf("epub: image %q: no resources to read it from", src)
	}
	data, err := fs.ReadFile(b.opts.Resources, p)
	if err != nil {
		return nil, fmt.Errorf("epub: image %q: %w", src, err)
	}
	if sniffed := sniff(data); sniffed != "" && sniffed != mt {
		mt = sniffed
	}
	base := strings.Trim(unsafeName.ReplaceAllString(strings.TrimSuffix(path.Base(p), path.Ext(p)), "_"), "_")
	if base == "" {
		base = "image"
	}
	name := "images/" + base + ext
	for k := 2; taken(b.imageSeq, name); k++ {
		name = fmt.Sprintf("images/%s-%d%s", base, k, ext)
	}
	it := &item{id: fmt.Sprintf("img%03d", len(b.imageSeq)+1), href: name, mediaType: mt, data: data}
	b.images[src] = it
	b.imageSeq = append(b.imageSeq, it)
	return it, nil
}

func taken(items []*item, href string) bool {
	for _, it := range items {
		if it.href == href {
			return true
		}
	}
	return false
}

// sniff returns the media type the data's first bytes show, if known.
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "image/gif"
	case len(data) > 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "image/webp"
	}
	return ""
}

// imageSrc maps an image source for a chapter file: the packed file, or
// "" for a remote image.
func (b *book) imageSrc(src string) string {
	if it := b.images[src]; it != nil {
		return it.href
	}
	return ""
}

// xhtml renders one chapter.
func (b *book) xhtml(c *chapter) ([]byte, error) {
	r := html.New(html.Config{
		EPUB: true, Top: 1, Stylesheets: []string{"style.css"},
		Link: b.link, Image: b.imageSrc,
	})
	var buf bytes.Buffer
	err := r.RenderPart(&buf, b.d, html.Part{Title: c.title, Blocks: c.blocks, Sections: c.sections}, b.opts)
	return buf.Bytes(), err
}
