package epub

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"io"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/labels"
	"github.com/galleypress/galley/pkg/internal/xhtml"
	"github.com/galleypress/galley/pkg/render"
)

// file is one entry of the zip.
type file struct {
	name string
	data []byte
}

const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`

// esc escapes text for XML content and attributes, as the chapters are
// escaped (package xhtml).
func esc(s string) string { return xhtml.Attr(s) }

// entries builds every file of the package, in zip order.
func (b *book) entries() ([]file, error) {
	lang := render.Lang(b.d)
	var items []*item // manifest, in order
	var spine []string
	add := func(it *item, inSpine bool) {
		items = append(items, it)
		if inSpine {
			spine = append(spine, it.id)
		}
	}
	// The navigation document is always in the spine, so the landmarks
	// can point at it; it is part of the reading order only when a table
	// of contents was asked for.
	nonLinear := map[string]bool{"nav": !b.opts.TOC}
	// The built-in stylesheet, the theme's rules, a user's stylesheet
	// (which replaces the built-in one) last.
	th, err := b.opts.LoadTheme()
	if err != nil {
		return nil, err
	}
	css := Stylesheet + th.CSS(true)
	if b.cfg.CSS != "" {
		css = th.CSS(true) + b.cfg.CSS
	}
	fonts, faces := b.themeFonts(th)
	css = faces + css
	if b.cover != nil {
		b.cover.properties = "cover-image"
		add(&item{id: "cover", href: "cover.xhtml", mediaType: "application/xhtml+xml", data: b.coverPage(lang)}, true)
	}
	add(&item{id: "titlepage", href: "titlepage.xhtml", mediaType: "application/xhtml+xml", data: b.titlePage(lang)}, true)
	// The navigation document is written after the chapters: its page
	// list holds the page-break markers they hold.
	nav := &item{id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav"}
	add(nav, true)
	for i, c := range b.chapters {
		if err := b.opts.Err(); err != nil {
			return nil, err
		}
		data, err := b.xhtml(c)
		if err != nil {
			return nil, err
		}
		it := &item{id: fmt.Sprintf("ch%03d", i+1), href: c.file, mediaType: "application/xhtml+xml", data: data}
		if bytes.Contains(data, []byte("<math ")) {
			it.properties = "mathml" // EPUB 3: a file with MathML says so
			b.anyMath = true
		}
		add(it, true)
	}
	nav.data = b.nav(lang)
	add(&item{id: "css", href: "style.css", mediaType: "text/css", data: []byte(css)}, false)
	for _, it := range fonts {
		add(it, false)
	}
	for _, it := range b.imageSeq {
		add(it, false)
	}
	add(&item{id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml", data: b.ncx()}, false)

	var opf bytes.Buffer
	b.opf(&opf, lang, items, spine, nonLinear)
	files := []file{
		{"mimetype", []byte("application/epub+zip")},
		{"META-INF/container.xml", []byte(container)},
		{"EPUB/package.opf", opf.Bytes()},
	}
	for _, it := range items {
		files = append(files, file{"EPUB/" + it.href, it.data})
	}
	return files, nil
}

// Identifier returns the book's identifier: Meta.Identifier, or a UUID
// (version 5) derived from the title, the authors and the text (of the
// headings and the blocks, not their markup nor the model's JSON form,
// which may change between versions of galley), so that the same input
// always gets the same identifier.
func Identifier(d *doc.Document) string {
	if id := strings.TrimSpace(d.Meta.Identifier); id != "" {
		return id
	}
	h := sha1.New()
	// The URL namespace of RFC 9562, then galley's name for the book.
	h.Write([]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8})
	fmt.Fprintf(h, "galley:%s\x00%s\x00", d.Meta.Title, strings.Join(d.Meta.Authors, "\x00"))
	io.WriteString(h, doc.BlocksText(d.Blocks))
	for _, s := range d.AllSections() {
		fmt.Fprintf(h, "\x00%d\x00%s\x00", s.Level, doc.PlainText(s.Title))
		io.WriteString(h, doc.BlocksText(s.Blocks))
	}
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

func (b *book) opf(w *bytes.Buffer, lang string, items []*item, spine []string, nonLinear map[string]bool) {
	m := &b.d.Meta
	mod := render.ModTime(b.d, b.opts)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="` + esc(lang) + `" prefix="schema: http://schema.org/">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
`)
	line := func(s string) { w.WriteString(s + "\n") }
	line(`<dc:identifier id="pub-id">` + esc(b.identifier) + `</dc:identifier>`)
	line(`<dc:title id="title">` + esc(title(b.d)) + `</dc:title>`)
	if m.Subtitle != "" {
		line(`<dc:title id="subtitle">` + esc(m.Subtitle) + `</dc:title>`)
		line(`<meta refines="#title" property="title-type">main</meta>`)
		line(`<meta refines="#subtitle" property="title-type">subtitle</meta>`)
	}
	line(`<dc:language>` + esc(lang) + `</dc:language>`)
	for i, a := range m.Authors {
		id := fmt.Sprintf("creator%d", i+1)
		line(`<dc:creator id="` + id + `">` + esc(a) + `</dc:creator>`)
		line(`<meta refines="#` + id + `" property="role" scheme="marc:relators">aut</meta>`)
	}
	if _, ok := render.ParseDate(m.Date); ok {
		line(`<dc:date>` + esc(strings.TrimSpace(m.Date)) + `</dc:date>`)
	}
	if m.Publisher != "" {
		line(`<dc:publisher>` + esc(m.Publisher) + `</dc:publisher>`)
	}
	if m.Rights != "" {
		line(`<dc:rights>` + esc(m.Rights) + `</dc:rights>`)
	}
	if m.Description != "" {
		line(`<dc:description>` + esc(m.Description) + `</dc:description>`)
	}
	if len(b.pages) > 0 {
		// The page list's page numbers are the PDF edition's.
		line(`<dc:source id="page-source">` + esc(title(b.d)) + ` (PDF)</dc:source>`)
		line(`<meta refines="#page-source" property="source-of">pagination</meta>`)
	}
	for _, k := range m.Keywords {
		line(`<dc:subject>` + esc(k) + `</dc:subject>`)
	}
	line(`<meta property="dcterms:modified">` + mod.Format("2006-01-02T15:04:05Z") + `</meta>`)
	// Accessibility metadata (EPUB Accessibility 1.1, schema.org).
	line(`<meta property="schema:accessMode">textual</meta>`)
	if b.anyImage {
		line(`<meta property="schema:accessMode">visual</meta>`)
	}
	if !b.anyImage || b.allAlt {
		line(`<meta property="schema:accessModeSufficient">textual</meta>`)
	}
	if b.anyImage {
		line(`<meta property="schema:accessModeSufficient">textual,visual</meta>`)
	}
	// Values from the schema.org vocabulary only (Ace flags others),
	// declared from what the book holds.
	features := []string{"displayTransformability", "readingOrder", "structuralNavigation", "tableOfContents"}
	if len(b.pages) > 0 {
		features = append(features, "pageBreakMarkers", "pageNavigation")
	}
	if b.anyImage && b.allAlt {
		features = append(features, "alternativeText")
	}
	if b.anyMath {
		features = append(features, "MathML")
	}
	for _, f := range features {
		line(`<meta property="schema:accessibilityFeature">` + f + `</meta>`)
	}
	line(`<meta property="schema:accessibilityHazard">none</meta>`)
	line(`<meta property="schema:accessibilitySummary">` + esc(b.summary(lang)) + `</meta>`)
	if b.conforms(lang) {
		// EPUB Accessibility 1.1's conformance statement, made when what
		// galley checks holds: a language, and text for every image.
		line(`<meta property="dcterms:conformsTo">` + conformsTo + `</meta>`)
	}
	if b.cover != nil {
		line(`<meta name="cover" content="` + b.cover.id + `"/>`)
	}
	w.WriteString("</metadata>\n<manifest>\n")
	for _, it := range items {
		w.WriteString(`<item id="` + it.id + `" href="` + esc(it.href) + `" media-type="` + it.mediaType + `"`)
		if it.properties != "" {
			w.WriteString(` properties="` + it.properties + `"`)
		}
		w.WriteString("/>\n")
	}
	w.WriteString("</manifest>\n<spine toc=\"ncx\">\n")
	for _, id := range spine {
		if nonLinear[id] {
			line(`<itemref idref="` + id + `" linear="no"/>`)
		} else {
			line(`<itemref idref="` + id + `"/>`)
		}
	}
	w.WriteString("</spine>\n</package>\n")
}

// conformsTo is the conformance statement of EPUB Accessibility 1.1.
const conformsTo = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

// conforms reports whether the book makes the conformance statement:
// its language is known and every image has a text alternative (the
// rest, structure, reading order, navigation, galley always gives).
func (b *book) conforms(lang string) bool {
	return lang != "und" && (!b.anyImage || b.allAlt)
}

// summary returns the accessibility summary, in the book's language
// (nl, en, de, fr, es, it; English for the others).
func (b *book) summary(lang string) string {
	keys := []string{"a11y-structure"}
	switch {
	case b.anyImage && b.allAlt:
		keys = append(keys, "a11y-alt-all")
	case b.anyImage:
		keys = append(keys, "a11y-alt-some")
	}
	if len(b.pages) > 0 {
		keys = append(keys, "a11y-pages")
	}
	if b.anyMath {
		keys = append(keys, "a11y-math")
	}
	if b.conforms(lang) {
		keys = append(keys, "a11y-conforms")
	}
	var s []string
	for _, k := range keys {
		s = append(s, labels.Label(lang, k))
	}
	return strings.Join(s, " ")
}

func title(d *doc.Document) string {
	if t := strings.TrimSpace(d.Meta.Title); t != "" {
		return t
	}
	if len(d.Sections) > 0 {
		return d.Sections[0].HeadingText()
	}
	return "Untitled"
}

// page wraps body in an XHTML page.
func page(lang, title, bodyAttrs, body string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="` + esc(lang) + `" xml:lang="` + esc(lang) + `">
<head>
<meta charset="utf-8" />
<title>` + esc(title) + `</title>
<link rel="stylesheet" href="style.css" type="text/css" />
</head>
<body` + bodyAttrs + `>
`)
	b.WriteString(body)
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

func (b *book) titlePage(lang string) []byte {
	m := &b.d.Meta
	var s strings.Builder
	s.WriteString(`<section class="titlepage" epub:type="titlepage">` + "\n")
	xhtml.TitleBlock(&s, title(b.d), m, true)
	s.WriteString("</section>\n")
	return page(lang, title(b.d), "", s.String())
}

func (b *book) coverPage(lang string) []byte {
	label := labels.Label(lang, "cover")
	body := `<section class="cover" epub:type="cover">` + "\n" +
		`<img src="` + esc(b.cover.href) + `" alt="` + esc(label+": "+title(b.d)) + `" />` + "\n</section>\n"
	return page(lang, label, ` class="cover"`, body)
}

// nav writes the navigation document: the table of contents, nested to
// the full depth of the sections, and the landmarks.
func (b *book) nav(lang string) []byte {
	var s strings.Builder
	s.WriteString(`<nav epub:type="toc" id="toc" role="doc-toc">` + "\n")
	s.WriteString("<h1>" + esc(labels.Label(lang, "contents")) + "</h1>\n")
	s.WriteString("<ol>\n")
	if len(b.d.Blocks) > 0 {
		s.WriteString(`<li><a href="` + b.chapters[0].file + `">` + esc(labels.Label(lang, "start")) + "</a></li>\n")
	}
	b.navList(&s, b.d.Sections, true)
	if len(b.chapters) == 0 {
		// A book of metadata only: the list must not be empty.
		s.WriteString(`<li><a href="titlepage.xhtml">` + esc(title(b.d)) + "</a></li>\n")
	}
	s.WriteString("</ol>\n</nav>\n")
	s.WriteString(`<nav epub:type="landmarks" id="landmarks" hidden="hidden">` + "\n")
	s.WriteString("<h2>" + esc(labels.Label(lang, "landmarks")) + "</h2>\n<ol>\n")
	if b.cover != nil {
		s.WriteString(`<li><a epub:type="cover" href="cover.xhtml">` + esc(labels.Label(lang, "cover")) + "</a></li>\n")
	}
	s.WriteString(`<li><a epub:type="toc" href="nav.xhtml#toc">` + esc(labels.Label(lang, "contents")) + "</a></li>\n")
	if len(b.chapters) > 0 {
		s.WriteString(`<li><a epub:type="bodymatter" href="` + b.chapters[0].file + `">` + esc(labels.Label(lang, "start")) + "</a></li>\n")
	} else {
		s.WriteString(`<li><a epub:type="titlepage" href="titlepage.xhtml">` + esc(title(b.d)) + "</a></li>\n")
	}
	s.WriteString("</ol>\n</nav>\n")
	if len(b.pages) > 0 {
		s.WriteString(`<nav epub:type="page-list" id="page-list" role="doc-pagelist" hidden="hidden">` + "\n")
		s.WriteString("<h2>" + esc(labels.Label(lang, "pages")) + "</h2>\n<ol>\n")
		for _, p := range b.pages {
			s.WriteString(`<li><a href="` + esc(p.href) + `">` + esc(p.label) + "</a></li>\n")
		}
		s.WriteString("</ol>\n</nav>\n")
	}
	return page(lang, labels.Label(lang, "contents"), "", s.String())
}

func (b *book) navList(s *strings.Builder, ss []*doc.Section, top bool) {
	if len(ss) == 0 {
		return
	}
	if !top {
		s.WriteString("<ol>\n")
	}
	for _, sec := range ss {
		s.WriteString(`<li><a href="` + esc(b.href(sec)) + `">` + esc(navLabel(sec)) + "</a>")
		if len(sec.Sections) > 0 {
			s.WriteString("\n")
			b.navList(s, sec.Sections, false)
		}
		s.WriteString("</li>\n")
	}
	if !top {
		s.WriteString("</ol>\n")
	}
}

// href returns the link to a section: its file and id.
func (b *book) href(s *doc.Section) string {
	if s.ID == "" {
		return b.files[s]
	}
	return b.files[s] + "#" + s.ID
}

func navLabel(s *doc.Section) string {
	if t := strings.TrimSpace(s.HeadingText()); t != "" {
		return t
	}
	return "—"
}

// ncx writes the EPUB 2 table of contents.
func (b *book) ncx() []byte {
	depth := 0
	var measure func([]*doc.Section, int)
	measure = func(ss []*doc.Section, d int) {
		for _, s := range ss {
			depth = max(depth, d)
			measure(s.Sections, d+1)
		}
	}
	measure(b.d.Sections, 1)
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head>
<meta name="dtb:uid" content="` + esc(b.identifier) + `"/>
<meta name="dtb:depth" content="` + fmt.Sprint(max(depth, 1)) + `"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>` + esc(title(b.d)) + `</text></docTitle>
<navMap>
`)
	n := 0
	point := func(label, src string) {
		n++
		fmt.Fprintf(&s, `<navPoint id="nav%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="%s"/>`, n, n, esc(label), esc(src))
	}
	if len(b.d.Blocks) > 0 {
		point(labels.Label(b.d.Meta.Lang, "start"), b.chapters[0].file)
		s.WriteString("</navPoint>\n")
	}
	if len(b.chapters) == 0 {
		point(title(b.d), "titlepage.xhtml")
		s.WriteString("</navPoint>\n")
	}
	var walk func([]*doc.Section)
	walk = func(ss []*doc.Section) {
		for _, sec := range ss {
			point(navLabel(sec), b.href(sec))
			s.WriteString("\n")
			walk(sec.Sections)
			s.WriteString("</navPoint>\n")
		}
	}
	walk(b.d.Sections)
	if n == 0 {
		point(title(b.d), "titlepage.xhtml")
		s.WriteString("</navPoint>\n")
	}
	s.WriteString("</navMap>\n</ncx>\n")
	return []byte(s.String())
}
