// Package odt reads OpenDocument text (.odt, and the flat .fodt) into
// galley's model: headings from their outline levels, lists (bulleted or
// numbered by their list style, with start values), tables with header
// rows and spanned cells, notes, links, bookmarks, images with their
// title and description as alternative text, inline formatting from the
// automatic and common styles, the language of spans and paragraphs
// (fo:language), and the metadata of meta.xml.
//
// The package is read through officexml: limits on sizes and ratios, no
// entity expands, nesting is bounded, and nothing outside the package is
// fetched.
package odt

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/internal/officexml"
)

type node = officexml.Node

// Reader reads OpenDocument text. The zero value reads with the
// defaults.
type Reader struct{ cfg Config }

// Config configures a Reader. The zero value is the default.
type Config struct {
	// Changes says what becomes of tracked changes: "accept" (the
	// default: the text as it is now) or "reject" (the original:
	// insertions dropped, deletions back where they were).
	Changes string `option:"track-changes" default:"accept" choices:"accept,reject" help:"OpenDocument: tracked changes accepted (the text as it is now) or rejected (the original)"`
}

// New returns a reader with cfg.
func New(cfg Config) Reader { return Reader{cfg: cfg} }

// Config returns a copy of the reader's configuration.
func (r Reader) Config() any { c := r.cfg; return &c }

// WithConfig returns a reader with cfg, a *Config.
func (r Reader) WithConfig(cfg any) read.Reader { return New(*cfg.(*Config)) }

func init() {
	read.Register(read.Format{Name: "odt", Exts: []string{".odt", ".fodt"}, Binary: true, Aliases: []string{"fodt", "opendocument"}}, Reader{})
}

var prefixes = map[string]string{
	"urn:oasis:names:tc:opendocument:xmlns:office:1.0":                     "office",
	"urn:oasis:names:tc:opendocument:xmlns:text:1.0":                       "text",
	"urn:oasis:names:tc:opendocument:xmlns:table:1.0":                      "table",
	"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0":                    "draw",
	"urn:oasis:names:tc:opendocument:xmlns:style:1.0":                      "style",
	"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0":          "fo",
	"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0":             "svg",
	"urn:oasis:names:tc:opendocument:xmlns:meta:1.0":                       "meta",
	"http://www.w3.org/1999/xlink":                                         "xlink",
	"http://purl.org/dc/elements/1.1/":                                     "dc",
	"http://www.w3.org/1998/Math/MathML":                                   "math",
	"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0":                   "manifest",
	"http://www.w3.org/XML/1998/namespace":                                 "xml",
	"urn:oasis:names:tc:opendocument:xmlns:of:1.2":                         "of",
	"http://openoffice.org/2009/office":                                    "officeooo",
	"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0": "loext",
}

// Read reads an OpenDocument text: a package (.odt) or one XML file
// (.fodt).
func (rd Reader) Read(ctx context.Context, r io.Reader, opts *read.Options) (*doc.Document, error) {
	if opts == nil {
		opts = &read.Options{}
	}
	data, err := io.ReadAll(io.LimitReader(r, 1<<30))
	if err != nil {
		return nil, err
	}
	c := &converter{opts: opts, styles: map[string]*style{}, lists: map[string]*listStyle{}}
	var content, styles, meta *node
	if trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff"); bytes.HasPrefix(trimmed, []byte("<")) {
		root, err := officexml.Parse(data, prefixes, true)
		if err != nil {
			return nil, fmt.Errorf("odt: not an OpenDocument file (%v)", err)
		}
		content = root.Child("office:document")
		if content == nil {
			return nil, errors.New("odt: not an OpenDocument text (no office:document element)")
		}
		styles, meta = content, content
	} else {
		p, err := officexml.Open(data, prefixes)
		if err != nil {
			return nil, errors.New("odt: not an OpenDocument file (.odt is a zip package; this one cannot be opened: " + err.Error() + ")")
		}
		p.Mixed = true
		c.pkg = p
		if mt, err := p.Read("mimetype"); err == nil && !strings.HasPrefix(string(mt), "application/vnd.oasis.opendocument.text") {
			return nil, fmt.Errorf("odt: the package is %s, not an OpenDocument text", strings.TrimSpace(string(mt)))
		}
		root, err := p.XML("content.xml")
		if err != nil {
			return nil, fmt.Errorf("odt: %w", err)
		}
		content = root.Child("office:document-content")
		if s, err := p.XML("styles.xml"); err == nil {
			styles = s.Child("office:document-styles")
		}
		if m, err := p.XML("meta.xml"); err == nil {
			meta = m.Child("office:document-meta")
		}
	}
	for _, part := range []*node{styles, content} {
		c.readStyles(part.Child("office:styles"))
		c.readStyles(part.Child("office:automatic-styles"))
	}
	c.defaultLang = c.langOf(c.defaultPara)
	text := content.Path("office:body", "office:text")
	if text == nil {
		return nil, errors.New("odt: the document has no text (office:body/office:text); is it a spreadsheet or a presentation?")
	}
	if rd.cfg.Changes == "reject" {
		c.readChanges(text.Child("text:tracked-changes"))
	}
	d := &doc.Document{}
	c.meta(meta.Child("office:meta"), &d.Meta)
	blocks := c.blocks(text.Kids, 0)
	if d.Meta.Title == "" {
		d.Meta.Title = c.title
	}
	if d.Meta.Subtitle == "" {
		d.Meta.Subtitle = c.subtitle
	}
	if d.Meta.Lang == "" {
		d.Meta.Lang = c.defaultLang
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc.NewBuilder(d).Blocks(officexml.FoldAnchors(blocks))
	return d, nil
}

// style is what galley takes from a paragraph or text style.
type style struct {
	name, display, parent string
	outline               int
	bold, italic, strike  *bool
	sup, sub              *bool
	mono                  *bool
	lang                  string
	list                  string // a paragraph style's list style
}

// listStyle tells, per level, whether a list is numbered and from what.
type listStyle struct {
	numbered map[int]bool
	start    map[int]int
}

type converter struct {
	opts                *read.Options
	pkg                 *officexml.Package
	styles              map[string]*style
	lists               map[string]*listStyle
	defaultPara         *style
	defaultLang         string
	title, subtitle     string
	warned              map[string]bool
	images, imagesShown int
	// With tracked changes rejected: the changes by id, and the
	// insertions the text is in (whose content is left out).
	changes   map[string]*node
	inserting map[string]bool
}

// readChanges reads the document's tracked changes (text:changed-region
// elements), to reject them.
func (c *converter) readChanges(tc *node) {
	c.changes, c.inserting = map[string]*node{}, map[string]bool{}
	if tc == nil {
		return
	}
	for _, r := range tc.Kids {
		if r.Name != "text:changed-region" {
			continue
		}
		id := r.Attr("text:id")
		if id == "" {
			id = r.Attr("xml:id")
		}
		for _, k := range r.Kids {
			if k.Name == "text:insertion" || k.Name == "text:deletion" {
				c.changes[id] = k
			}
		}
	}
}

// rejected returns what rejecting the change a text:change,
// text:change-start or text:change-end marks does there: a deletion's
// text comes back; an insertion's starts or ends being left out.
func (c *converter) rejected(k *node, depth int) []doc.Inline {
	ch := c.changes[k.Attr("text:change-id")]
	if ch == nil {
		return nil
	}
	switch {
	case k.Name == "text:change" && ch.Name == "text:deletion":
		// The deleted paragraphs, run into the one they were cut from.
		var out []doc.Inline
		for _, p := range ch.Kids {
			if p.Name != "text:p" && p.Name != "text:h" {
				continue
			}
			if len(out) > 0 {
				out = append(out, &doc.Text{Text: " "})
			}
			out = append(out, c.inlines(p.Kids, depth+1)...)
		}
		return out
	case k.Name == "text:change-start" && ch.Name == "text:insertion":
		c.inserting[k.Attr("text:change-id")] = true
	case k.Name == "text:change-end":
		delete(c.inserting, k.Attr("text:change-id"))
	}
	return nil
}

func (c *converter) warnOnce(code, format string, args ...any) {
	if c.warned == nil {
		c.warned = map[string]bool{}
	}
	if c.warned[code] {
		return
	}
	c.warned[code] = true
	c.opts.Warnf(0, "%w", diag.Warnf(code, format, args...))
}

func yes(b bool) *bool { return &b }

// readStyles reads style:style, style:default-style and
// text:list-style elements.
func (c *converter) readStyles(n *node) {
	if n == nil {
		return
	}
	for _, k := range n.Kids {
		switch k.Name {
		case "style:style", "style:default-style":
			s := &style{name: k.Attr("style:name"), display: k.Attr("style:display-name"), parent: k.Attr("style:parent-style-name"), list: k.Attr("style:list-style-name")}
			if o := k.Attr("style:default-outline-level"); o != "" {
				s.outline, _ = strconv.Atoi(o)
			}
			tp := k.Child("style:text-properties")
			if w := tp.Attr("fo:font-weight"); w != "" {
				s.bold = yes(w == "bold" || w >= "600" && w <= "900")
			}
			if st := tp.Attr("fo:font-style"); st != "" {
				s.italic = yes(st == "italic" || st == "oblique")
			}
			if lt := tp.Attr("style:text-line-through-style"); lt != "" {
				s.strike = yes(lt != "none")
			}
			if pos := tp.Attr("style:text-position"); pos != "" {
				f := strings.Fields(pos)[0]
				s.sup = yes(f == "super" || !strings.HasPrefix(f, "-") && f != "0%" && strings.HasSuffix(f, "%"))
				s.sub = yes(f == "sub" || strings.HasPrefix(f, "-"))
			}
			if font := strings.ToLower(tp.Attr("style:font-name")); font != "" {
				s.mono = yes(strings.Contains(font, "mono") || strings.Contains(font, "courier") || strings.Contains(font, "consol"))
			}
			if l := tp.Attr("fo:language"); l != "" && l != "zxx" && l != "none" {
				s.lang = l
				if ct := tp.Attr("fo:country"); ct != "" && ct != "none" {
					s.lang += "-" + ct
				}
			}
			if k.Name == "style:default-style" {
				if k.Attr("style:family") == "paragraph" {
					c.defaultPara = s
				}
				continue
			}
			c.styles[k.Attr("style:family")+":"+s.name] = s
		case "text:list-style":
			ls := &listStyle{numbered: map[int]bool{}, start: map[int]int{}}
			for _, lv := range k.Kids {
				level, _ := strconv.Atoi(lv.Attr("text:level"))
				switch lv.Name {
				case "text:list-level-style-number":
					ls.numbered[level] = lv.Attr("style:num-format") != ""
					if st, err := strconv.Atoi(lv.Attr("text:start-value")); err == nil {
						ls.start[level] = st
					}
				case "text:list-level-style-bullet", "text:list-level-style-image":
					ls.numbered[level] = false
				}
			}
			c.lists[k.Attr("style:name")] = ls
		}
	}
}

// chain returns a style and its parents, nearest first.
func (c *converter) chain(family, name string) []*style {
	var out []*style
	for i := 0; name != "" && i < 20; i++ {
		s := c.styles[family+":"+name]
		if s == nil {
			break
		}
		out = append(out, s)
		name = s.parent
	}
	return out
}

func (c *converter) langOf(s *style) string {
	if s == nil {
		return ""
	}
	return s.lang
}

// styleName is a style's name as a user sees it, lower-cased.
func styleName(s *style) string {
	n := s.display
	if n == "" {
		n = strings.ReplaceAll(s.name, "_20_", " ")
	}
	return strings.ToLower(n)
}

// meta reads meta.xml's properties.
func (c *converter) meta(m *node, out *doc.Meta) {
	if m == nil {
		return
	}
	get := func(name string) string { return strings.TrimSpace(officexml.TextOf(m.Child(name))) }
	out.Title = get("dc:title")
	out.Description = get("dc:description")
	if s := get("dc:subject"); s != "" && out.Description == "" {
		out.Description = s
	}
	if a := get("meta:initial-creator"); a != "" {
		out.Authors = append(out.Authors, a)
	} else if a := get("dc:creator"); a != "" {
		out.Authors = append(out.Authors, a)
	}
	out.Lang = get("dc:language")
	if d := get("meta:creation-date"); len(d) >= 10 {
		out.Date = d[:10]
	}
	for _, k := range m.Kids {
		if k.Name == "meta:keyword" {
			if kw := strings.TrimSpace(officexml.TextOf(k)); kw != "" {
				out.Keywords = append(out.Keywords, kw)
			}
		}
	}
}

// dataURI gives a data: address holding an image of the package.
func dataURI(name string, data []byte) string {
	mt := http.DetectContentType(data)
	if strings.HasSuffix(strings.ToLower(name), ".svg") {
		mt = "image/svg+xml"
	}
	mt, _, _ = strings.Cut(mt, ";")
	return "data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(data)
}

var shown = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true}

// image reads a draw:frame's picture: from the package, with its
// title and description as the alternative text.
func (c *converter) image(frame *node) doc.Inline {
	alt := strings.TrimSpace(officexml.TextOf(frame.Child("svg:desc")))
	if alt == "" {
		alt = strings.TrimSpace(officexml.TextOf(frame.Child("svg:title")))
	}
	if obj := frame.Child("draw:object"); obj != nil {
		if m := c.formula(obj); m != nil {
			return m
		}
	}
	img := frame.Child("draw:image")
	if img == nil {
		if box := frame.Child("draw:text-box"); box != nil {
			if ins := c.boxInlines(box); len(ins) > 0 {
				return &doc.Span{Inlines: ins}
			}
		}
		return nil
	}
	href := img.Attr("xlink:href")
	if alt == "" {
		alt = strings.TrimSpace(frame.Attr("draw:name"))
		if strings.HasPrefix(strings.ToLower(alt), "image") || strings.HasPrefix(strings.ToLower(alt), "afbeelding") || strings.HasPrefix(strings.ToLower(alt), "graphics") {
			alt = "" // LibreOffice's "Image1" says nothing
		}
	}
	if strings.Contains(href, "://") || strings.HasPrefix(href, "/") || strings.HasPrefix(href, "..") {
		if strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://") {
			return &doc.Image{Src: href, Alt: alt}
		}
		c.warnOnce("odt-images", "image %q lies outside the document and is not read; its alternative text stands in", href)
		return altText(alt)
	}
	var data []byte
	if bin := img.Child("office:binary-data"); bin != nil {
		b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(officexml.TextOf(bin)), ""))
		if err != nil {
			c.warnOnce("odt-images", "an embedded image cannot be decoded; its alternative text stands in")
			return altText(alt)
		}
		data = b
		href = "image.png"
	} else if c.pkg != nil {
		b, err := c.pkg.Read(strings.TrimPrefix(path.Clean("/"+href), "/"))
		if err != nil {
			c.warnOnce("odt-images", "image %s cannot be read (%v); its alternative text stands in", path.Base(href), err)
			return altText(alt)
		}
		data = b
	} else {
		return altText(alt)
	}
	if mt := http.DetectContentType(data); !strings.HasPrefix(mt, "image/") || !shown["."+strings.TrimPrefix(strings.TrimPrefix(mt, "image/"), "x-")] && mt != "image/jpeg" {
		c.warnOnce("odt-images", "image %s is in a format no output format shows (save it as PNG or JPEG); its alternative text stands in", path.Base(href))
		return altText(alt)
	}
	if c.opts.Resource != nil {
		return &doc.Image{Src: c.opts.Resource(path.Base(href), data), Alt: alt}
	}
	return &doc.Image{Src: dataURI(href, data), Alt: alt}
}

func altText(alt string) doc.Inline {
	if alt == "" {
		return nil
	}
	return &doc.Text{Text: alt}
}
