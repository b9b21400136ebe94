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
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/safeimage"
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
	// CSSFile is a stylesheet file that replaces the built-in one.
	CSSFile string `option:"css" file:"" help:"stylesheet FILE for HTML and EPUB, replacing the built-in one"`
	// CSS replaces the built-in stylesheet (CSSFile wins).
	CSS string
	// SplitLevel is the deepest section level that starts a file of its
	// own; 0 means 1 (one file per top-level section).
	SplitLevel int `option:"split-level" default:"1" help:"the deepest section LEVEL that starts a file of its own"`
	// PageList marks where the pages of the document's PDF start, and
	// lists them in the navigation document, so that a reader of the
	// EPUB can cite the PDF's page numbers. The PDF is laid out with
	// the default PDF settings unless render.Options.PageBreaks gives
	// the breaks (galley does when it builds the PDF in the same run,
	// which turns the page list on too).
	PageList bool `option:"page-list" help:"mark where the PDF's pages start, with a page list (on whenever the PDF is built in the same run)"`
}

// Renderer renders EPUB 3.
type Renderer struct{ cfg Config }

// Config returns a copy of the renderer's configuration; see
// render.Configurable.
func (r *Renderer) Config() any { c := r.cfg; return &c }

// WithConfig returns a renderer with cfg, a *Config.
func (r *Renderer) WithConfig(cfg any) render.Renderer { return New(*cfg.(*Config)) }

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
	// description is the document's, computed once for every chapter;
	// identifier is the book's, computed once.
	description, identifier string
	anyImage                bool
	anyMath                 bool // a chapter holds MathML
	// pages are the page-break markers the chapters hold, in order.
	pages []pageMark
	// copies pairs the sections split into several files with the copy
	// that holds their own text.
	copies [][2]*doc.Section
	// chapterOpts and pageIndex are what pageOpts made.
	chapterOpts *render.Options
	pageIndex   *html.PageIndex
}

// pageMark is a page-break marker: its page's label, and where it is.
type pageMark struct{ label, href string }

// Render writes d to w as an EPUB 3 package. It does not modify d.
// MarksPages implements render.PageMarker: the EPUB's page list marks
// the pages of a PDF made with it.
func (r *Renderer) MarksPages() bool { return true }

func (r *Renderer) Render(ctx context.Context, w io.Writer, d *doc.Document, opts *render.Options) error {
	opts = opts.WithContext(ctx)
	if opts == nil {
		opts = &render.Options{}
	}
	render.Highlight(d, opts)
	if r.cfg.CSSFile != "" {
		css, err := opts.ReadFile(r.cfg.CSSFile)
		if err != nil {
			return fmt.Errorf("epub: stylesheet %w", err)
		}
		cfg := r.cfg
		cfg.CSS, cfg.CSSFile = string(css), ""
		return New(cfg).Render(ctx, w, d, opts)
	}
	if r.cfg.PageList && opts.PageBreaks == nil {
		pdf, _, err := render.Lookup("pdf")
		p, ok := pdf.(render.Paginator)
		if err != nil || !ok {
			return errors.New("epub: page-list needs the PDF renderer to find where pages start: import github.com/galleypress/galley/pkg/render/pdf, or give Options.PageBreaks")
		}
		quiet := *opts
		quiet.Warn = nil // the PDF's warnings are the PDF's
		breaks, err := p.PageBreaks(ctx, d, &quiet)
		if err != nil {
			return fmt.Errorf("epub: page list: %w", err)
		}
		o := *opts
		o.PageBreaks = breaks
		opts = &o
	}
	b := &book{d: d, cfg: r.cfg, opts: opts, where: map[string]string{}, files: map[*doc.Section]string{},
		images: map[string]*item{}, allAlt: true}
	b.description = html.Description(d)
	b.identifier = Identifier(d)
	b.plan()
	if err := b.collectImages(); err != nil {
		return err
	}
	if d.Meta.Cover != "" {
		it, err := b.image(d.Meta.Cover)
		if err != nil {
			return fmt.Errorf("epub: cover: %w", err)
		}
		if it == nil && (scheme.MatchString(d.Meta.Cover) || strings.HasPrefix(d.Meta.Cover, "//")) {
			if err := opts.Degrade(diag.Warnf("cover-dropped", "epub: cover %q: a cover must be a local image file; the book has none", d.Meta.Cover)); err != nil {
				return err
			}
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
			own := &doc.Section{Level: s.Level, ID: s.ID, Number: s.Number, Title: s.Title, Blocks: s.Blocks}
			b.chapters = append(b.chapters, &chapter{title: s.HeadingText(), sections: []*doc.Section{own}})
			b.copies = append(b.copies, [2]*doc.Section{s, own})
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
	// Anchors (<a name> targets) are found in the file that holds them.
	for _, c := range b.chapters {
		visit := func(n doc.Node) doc.Visit {
			if a, ok := n.(*doc.Anchor); ok && a.ID != "" {
				if _, seen := b.where[a.ID]; !seen {
					b.where[a.ID] = c.file
				}
			}
			return doc.Continue
		}
		doc.WalkBlocks(c.blocks, visit)
		for _, s := range c.sections {
			doc.WalkBlocks(s.Blocks, visit)
			for _, sub := range s.Sections {
				doc.Walk(&doc.Document{Sections: []*doc.Section{sub}}, visit)
			}
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
		b.opts.Warnf("%w", diag.Warnf("broken-link", "epub: link to %q: no section has that id; kept as text", target))
		return ""
	case scheme.MatchString(target):
		return target
	}
	b.opts.Warnf("%w", diag.Warnf("broken-link", "epub: link to %q: the file is not part of the book; kept as text", target))
	return ""
}

// collectImages packs every local image the document uses.
func (b *book) collectImages() error {
	var err error
	doc.Walk(b.d, func(n doc.Node) doc.Visit {
		if err != nil {
			return doc.Stop
		}
		var src, alt string
		switch n := n.(type) {
		case *doc.Image:
			src, alt = n.Src, n.Alt
		case *doc.Figure:
			src, alt = n.Src, n.Alt
		default:
			return doc.Continue
		}
		b.anyImage = true
		if strings.TrimSpace(alt) == "" {
			b.allAlt = false
		}
		_, err = b.image(src)
		return doc.Continue
	})
	return err
}

var mediaTypes = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp",
}

// extOf gives the file extension of an image media type, or "".
func extOf(mediaType string) string {
	for ext, mt := range mediaTypes {
		if mt == mediaType && ext != ".jpeg" {
			return ext
		}
	}
	return ""
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// image packs the image at src (relative to the resources) and returns
// its item; nil for a remote image, which is never fetched, and for an
// image that cannot be packed (missing, damaged, too large, not an image
// format an EPUB may hold), which is reported through opts.Degrade: its
// alternative text stands in.
func (b *book) image(src string) (*item, error) {
	if it, ok := b.images[src]; ok {
		return it, nil
	}
	if (scheme.MatchString(src) && !render.IsData(src)) || strings.HasPrefix(src, "//") {
		b.remote = true
		b.images[src] = nil
		return nil, nil
	}
	it, err := b.pack(src)
	if err != nil {
		b.images[src] = nil
		return nil, b.opts.Degrade(&diag.Diagnostic{Code: "image-dropped", Err: fmt.Errorf("epub: image %q: %w; its alternative text stands in", src, err)})
	}
	b.images[src] = it
	b.imageSeq = append(b.imageSeq, it)
	return it, nil
}

// pack reads and checks one local image.
func (b *book) pack(src string) (it *item, err error) {
	var p string
	if render.IsData(src) {
		mt, _, err := render.DataURI(src, b.opts.FileSize())
		if err != nil {
			return nil, err
		}
		p = "image" + extOf(mt)
	} else if p, err = b.opts.Ref(src); err != nil {
		return nil, err
	}
	ext := strings.ToLower(path.Ext(p))
	if _, ok := mediaTypes[ext]; !ok {
		return nil, fmt.Errorf("%s files cannot go in an EPUB (use PNG, JPEG, GIF, SVG or WebP)", ext)
	}
	data, err := b.opts.ReadRef(src)
	if err != nil {
		return nil, err
	}
	info, err := safeimage.Check(data, safeimage.Limits{Pixels: b.opts.ImagePixels(), SVGElements: b.opts.MaxSVGElements})
	if err != nil {
		return nil, err
	}
	if len(info.Removed) > 0 {
		b.opts.Warnf("%w", diag.Warnf("active-content-removed", "epub: image %q: removed %s (galley never passes active content through)", src, strings.Join(info.Removed, ", ")))
	}
	// The name keeps the file's own extension when it agrees with the
	// content, else takes the content's.
	mt := info.MediaType()
	if mediaTypes[ext] != mt {
		ext = "." + strings.TrimSuffix(strings.TrimPrefix(mt, "image/"), "+xml")
	}
	base := strings.Trim(unsafeName.ReplaceAllString(strings.TrimSuffix(path.Base(p), path.Ext(p)), "_"), "_")
	if base == "" {
		base = "image"
	}
	name := "images/" + base + ext
	for k := 2; taken(b.imageSeq, name); k++ {
		name = fmt.Sprintf("images/%s-%d%s", base, k, ext)
	}
	return &item{id: fmt.Sprintf("img%03d", len(b.imageSeq)+1), href: name, mediaType: mt, data: info.Data}, nil
}

func taken(items []*item, href string) bool {
	for _, it := range items {
		if it.href == href {
			return true
		}
	}
	return false
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
		EPUB: true, Stylesheets: []string{"style.css"},
		Link: b.link, Image: b.imageSrc,
	})
	var buf bytes.Buffer
	part := html.Part{Title: c.title, Blocks: c.blocks, Sections: c.sections, Description: b.description,
		OnPageBreak: func(label, id string) { b.pages = append(b.pages, pageMark{label, c.file + "#" + id}) }}
	opts := b.pageOpts()
	part.Pages = b.pageIndex
	err := r.RenderPart(&buf, b.d, part, opts)
	return buf.Bytes(), err
}

// pageOpts returns the options the chapters are written with: the page
// breaks of a section split into several files go to the copy that
// holds its heading.
// The options and their index are made once, for every chapter.
func (b *book) pageOpts() *render.Options {
	if b.chapterOpts != nil {
		return b.chapterOpts
	}
	b.chapterOpts = b.opts
	if len(b.opts.PageBreaks) > 0 && len(b.copies) > 0 {
		// A break moves to a section's copy, and on to the copy's
		// copy, as the copies were made, in order.
		made := make(map[doc.Node][]int, len(b.copies)) // section → the copies made of it
		for i, c := range b.copies {
			made[c[0]] = append(made[c[0]], i)
		}
		o := *b.opts
		o.PageBreaks = make([]render.PageBreak, len(b.opts.PageBreaks))
		for i, pb := range b.opts.PageBreaks {
			for after := -1; ; {
				k := slices.IndexFunc(made[pb.Node], func(j int) bool { return j > after })
				if k < 0 {
					break
				}
				after = made[pb.Node][k]
				pb.Node = b.copies[after][1]
			}
			o.PageBreaks[i] = pb
		}
		b.chapterOpts = &o
	}
	if len(b.chapterOpts.PageBreaks) > 0 {
		b.pageIndex = html.NewPageIndex(b.chapterOpts.PageBreaks)
	}
	return b.chapterOpts
}
