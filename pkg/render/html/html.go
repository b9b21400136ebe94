// Package html renders documents as HTML5: a standalone page with a
// readable built-in stylesheet, a fragment for embedding in a site, or
// XHTML (well-formed XML with no entity but the five XML ones), which the
// EPUB writer uses for its chapters.
//
// Sections become <section id> elements with headings one level below the
// title's <h1>; notes become footnotes at the end with links both ways.
package html

import (
	"bufio"
	"context"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/labels"
	"github.com/galleypress/galley/pkg/internal/mathml"
	"github.com/galleypress/galley/pkg/internal/xhtml"
	"github.com/galleypress/galley/pkg/render"
)

// Stylesheet is the built-in stylesheet: a measure of about 36em,
// hyphenation, and quiet styles for notes, tables, code and figures.
//
//go:embed style.css
var Stylesheet string

// Config configures a Renderer. The zero value writes a standalone HTML5
// page with the built-in stylesheet.
type Config struct {
	// Fragment writes the body's content only, for embedding in a site.
	Fragment bool `option:"fragment" help:"write the body's content only, for embedding in a site"`
	// XHTML writes XHTML5: XML syntax, with the XHTML namespace.
	XHTML bool `option:"xhtml" help:"write XHTML5: XML syntax, with the XHTML namespace"`
	// CSSFile is a stylesheet file that replaces the built-in one; it is
	// read when the page is written.
	CSSFile string `option:"css" file:"" help:"stylesheet FILE for HTML and EPUB, replacing the built-in one"`
	// CSS replaces the built-in stylesheet in a page (CSSFile wins).
	CSS string
	// Stylesheets, if set, are linked from the page (by href) instead of
	// embedding a stylesheet.
	Stylesheets []string
	// EPUB marks notes for EPUB reading systems: note references get
	// epub:type="noteref" and notes become <aside epub:type="footnote">,
	// which Apple Books and Kobo show as pop-ups. It implies XHTML.
	EPUB bool
	// Link rewrites link targets, for instance "#id" into "ch2.xhtml#id"
	// when sections live in several files. An empty result writes the
	// link's text without a link. Nil keeps every target.
	Link func(url string) string
	// Image rewrites image sources. An empty result writes the image's
	// alternative text, linked to the original source, in place of the
	// image. Nil keeps every source.
	Image func(src string) string
}

// Renderer renders HTML.
type Renderer struct{ cfg Config }

// Config returns a copy of the renderer's configuration; see
// render.Configurable.
func (r *Renderer) Config() any { c := r.cfg; return &c }

// WithConfig returns a renderer with cfg, a *Config.
func (r *Renderer) WithConfig(cfg any) render.Renderer { return New(*cfg.(*Config)) }

// New returns an HTML renderer.
func New(cfg Config) *Renderer {
	if cfg.EPUB {
		cfg.XHTML = true
	}
	return &Renderer{cfg: cfg}
}

func init() {
	render.Register(render.Format{Name: "html", Ext: ".html", MediaType: "text/html", Aliases: []string{"html5"}, OtherExts: []string{".htm"}}, New(Config{}))
}

// Part is the part of a document that one page shows: a whole document,
// or one chapter of an EPUB.
type Part struct {
	// Title is the page's <title>.
	Title string
	// Blocks come first, then Sections.
	Blocks   []doc.Block
	Sections []*doc.Section
	// Header shows the document's title block (title, subtitle, authors,
	// date) before the content.
	Header bool
	// TOC shows a table of contents of Sections after the header.
	TOC bool
	// Description is the page's description; empty means the document's
	// (see Description).
	Description string
	// OnPageBreak, if set, is called for each page-break marker the page
	// holds (see render.Options.PageBreaks), with its label and id.
	OnPageBreak func(label, id string)
	// Pages, if set, indexes render.Options.PageBreaks (see
	// NewPageIndex), for a document written in several parts.
	Pages *PageIndex
}

// Render writes d to w as one HTML page (or a fragment). It does not
// modify d.
func (r *Renderer) Render(ctx context.Context, w io.Writer, d *doc.Document, opts *render.Options) error {
	opts = opts.WithContext(ctx)
	if _, err := opts.LoadTheme(); err != nil {
		return err
	}
	render.Highlight(d, opts)
	title := d.Meta.Title
	if title == "" && len(d.Sections) > 0 {
		title = d.Sections[0].HeadingText()
	}
	p := Part{Title: title, Blocks: d.Blocks, Sections: d.Sections, TOC: opts != nil && opts.TOC}
	// A title that merely repeats the first heading is not shown twice,
	// even after a logo or badges before that heading.
	p.Header = d.Meta.Title != "" && (len(d.Sections) == 0 ||
		d.Meta.Title != d.Sections[0].HeadingText() || d.Meta.Subtitle != "" || len(d.Meta.Authors) > 0)
	return r.RenderPart(w, d, p, opts)
}

// RenderPart writes one page holding part p of d, with p's notes at its
// end. It does not modify d.
func (r *Renderer) RenderPart(w io.Writer, d *doc.Document, p Part, opts *render.Options) error {
	if r.cfg.CSSFile != "" && !r.cfg.Fragment {
		css, err := opts.ReadFile(r.cfg.CSSFile)
		if err != nil {
			return fmt.Errorf("html: stylesheet %w", err)
		}
		cfg := r.cfg
		cfg.CSS, cfg.CSSFile = string(css), ""
		return New(cfg).RenderPart(w, d, p, opts)
	}
	bw := bufio.NewWriter(w)
	wr := &writer{Writer: bw, cfg: r.cfg, lang: render.Lang(d), opts: opts, part: p}
	if opts != nil {
		wr.initPageBreaks(opts.PageBreaks)
	}
	if !r.cfg.Fragment {
		wr.head(d, p.Title, p.Description)
	}
	if p.Header {
		wr.header(&d.Meta)
	}
	if p.TOC && len(p.Sections) > 0 {
		wr.toc(p.Sections, opts.Depth())
	}
	if !r.cfg.Fragment && !r.cfg.EPUB {
		wr.WriteString("<main>\n")
	}
	wr.blocks(p.Blocks)
	for _, s := range p.Sections {
		wr.section(s, 0)
	}
	if !r.cfg.Fragment && !r.cfg.EPUB {
		wr.WriteString("</main>\n")
	}
	wr.notes()
	if !r.cfg.Fragment {
		wr.WriteString("</body>\n</html>\n")
	}
	if wr.err != nil {
		return wr.err
	}
	return bw.Flush()
}

type writer struct {
	*bufio.Writer
	cfg    Config
	lang   string
	opts   *render.Options
	queue  []*doc.Note // notes referenced but not yet written
	inLink bool        // inside a link, where no other link may start
	rank   int         // the rank (<hN>) of the section being written; 0 outside
	task   doc.Task    // a task item's checkbox, not yet written
	warned map[string]bool
	last   int // the rank of the last heading written; 0 before any
	part   Part
	pages  pageState
	err    error
}

func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// void writes the end of an empty element: ">" in HTML, " />" in XHTML.
func (w *writer) void() {
	if w.cfg.XHTML {
		w.WriteString(" />")
	} else {
		w.WriteString(">")
	}
}

// attrs writes a node's attributes that HTML has: its id, classes,
// language (and, in XHTML, xml:lang) and direction; the others are
// left out.
func (w *writer) attrs(a doc.Attr) {
	if a.ID != "" {
		w.WriteString(` id="` + attr(a.ID) + `"`)
	}
	if len(a.Classes) > 0 {
		w.WriteString(` class="` + attr(strings.Join(a.Classes, " ")) + `"`)
	}
	if l := a.Get("lang"); l != "" {
		w.WriteString(` lang="` + attr(l) + `"`)
		if w.cfg.XHTML {
			w.WriteString(` xml:lang="` + attr(l) + `"`)
		}
	}
	if d := a.Get("dir"); d == "ltr" || d == "rtl" || d == "auto" {
		w.WriteString(` dir="` + d + `"`)
	}
}

func (w *writer) head(d *doc.Document, title, desc string) {
	if w.cfg.XHTML {
		w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"")
		if w.cfg.EPUB {
			w.WriteString(` xmlns:epub="http://www.idpf.org/2007/ops"`)
		}
		if w.lang != "" {
			w.WriteString(` lang="` + attr(w.lang) + `" xml:lang="` + attr(w.lang) + `"`)
		}
		w.WriteString(">\n<head>\n<meta charset=\"utf-8\" />\n")
	} else {
		w.WriteString("<!DOCTYPE html>\n<html")
		if w.lang != "" {
			w.WriteString(` lang="` + attr(w.lang) + `"`)
		}
		w.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n")
	}
	if !w.cfg.EPUB {
		w.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1"`)
		w.void()
		w.WriteString("\n")
	}
	if strings.TrimSpace(title) == "" {
		title = "Untitled"
	}
	w.WriteString("<title>" + text(title) + "</title>\n")
	m := &d.Meta
	if desc == "" {
		desc = Description(d)
	}
	w.meta("description", desc)
	w.meta("author", strings.Join(m.Authors, ", "))
	w.meta("keywords", strings.Join(m.Keywords, ", "))
	w.meta("dcterms.date", m.Date)
	w.meta("dcterms.publisher", m.Publisher)
	w.meta("dcterms.rights", m.Rights)
	if !w.cfg.EPUB {
		w.meta("generator", "galley")
	}
	switch {
	case len(w.cfg.Stylesheets) > 0:
		for _, href := range w.cfg.Stylesheets {
			w.WriteString(`<link rel="stylesheet" href="` + attr(href) + `"`)
			if w.cfg.XHTML {
				w.WriteString(` type="text/css"`)
			}
			w.void()
			w.WriteString("\n")
		}
	default:
		// The built-in stylesheet, the theme's rules, a user's
		// stylesheet (which replaces the built-in one) last.
		var themeCSS string
		if th, err := w.opts.LoadTheme(); err == nil {
			themeCSS = th.CSS(false)
		}
		css := Stylesheet + themeCSS
		if w.cfg.CSS != "" {
			css = themeCSS + w.cfg.CSS
		}
		w.WriteString("<style>\n" + styleText(css, w.cfg.XHTML) + "</style>\n")
	}
	w.WriteString("</head>\n<body>\n")
}

func (w *writer) meta(name, content string) {
	if strings.TrimSpace(content) == "" {
		return
	}
	w.WriteString(`<meta name="` + name + `" content="` + attr(content) + `"`)
	w.void()
	w.WriteString("\n")
}

// styleText makes CSS safe inside <style>: in HTML it must not close the
// element; in XHTML, which is XML, it is character data, so that "&" and
// "<" are escaped (an XML parser gives the stylesheet back as written).
func styleText(css string, xml bool) string {
	if xml {
		css = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(css)
	} else {
		css = strings.ReplaceAll(css, "</", `<\/`)
	}
	if !strings.HasSuffix(css, "\n") {
		css += "\n"
	}
	return css
}

func (w *writer) header(m *doc.Meta) {
	var b strings.Builder
	b.WriteString("<header>\n")
	xhtml.TitleBlock(&b, m.Title, m, false)
	b.WriteString("</header>\n")
	w.WriteString(b.String())
	w.last = 1
}

func (w *writer) toc(ss []*doc.Section, depth int) {
	label := labels.Label(w.lang, "contents")
	w.WriteString(`<nav id="toc" aria-labelledby="toc-title">` + "\n")
	w.WriteString(`<h2 id="toc-title">` + text(label) + "</h2>\n")
	w.last = 2
	w.tocList(ss, depth)
	w.WriteString("</nav>\n")
}

func (w *writer) tocList(ss []*doc.Section, depth int) {
	if len(ss) == 0 || depth <= 0 {
		return
	}
	w.WriteString("<ol>\n")
	for _, s := range ss {
		w.WriteString(`<li><a href="` + attr(w.link("#"+s.ID)) + `">`)
		if s.Number != "" {
			w.WriteString(text(s.Number) + " ")
		}
		w.inlinesNoNotes(s.Title)
		w.WriteString("</a>")
		if len(s.Sections) > 0 && depth > 1 {
			w.WriteString("\n")
			w.tocList(s.Sections, depth-1)
		}
		w.WriteString("</li>\n")
	}
	w.WriteString("</ol>\n")
}

func (w *writer) link(url string) string {
	if w.cfg.Link != nil {
		return w.cfg.Link(url)
	}
	return url
}

func (w *writer) section(s *doc.Section, parent int) {
	if err := w.opts.Err(); err != nil {
		w.fail(err)
		return
	}
	rank := w.headingRank(s.Level, parent)
	h := "h" + strconv.Itoa(rank)
	w.WriteString("<section")
	if s.ID != "" {
		w.WriteString(` id="` + attr(s.ID) + `"`)
	}
	w.WriteString(">\n")
	w.breaksBefore(s)
	w.WriteString("<" + h + ">")
	if s.Number != "" {
		w.WriteString(`<span class="number">` + text(s.Number) + "</span> ")
	}
	w.inlines(s.Title)
	w.WriteString("</" + h + ">\n")
	w.rank = rank
	w.blocks(s.Blocks)
	for _, c := range s.Sections {
		w.section(c, rank)
	}
	w.rank = parent
	w.WriteString("</section>\n")
}

// headingRank returns the rank (the N of <hN>) of a heading of a level
// under a heading of rank parent (0: none), and notes it as the last
// written: its level as written in the source, as pandoc and Markdown
// engines write it (--shift-heading-level-by moves them all), except that
// it never skips a rank below its parent's, or below the heading before
// it when it has no parent (a level-3 heading straight under a level-1
// one is an <h2>, as the Nu checker requires), nor goes below <h6>.
func (w *writer) headingRank(level, parent int) int {
	rank := min(max(level, 1), 6)
	if parent == 0 {
		parent = w.last
	}
	if parent > 0 {
		rank = min(rank, parent+1)
	}
	w.last = rank
	return rank
}

func (w *writer) blocks(bs []doc.Block) {
	for _, b := range bs {
		w.block(b, false)
	}
}

// block writes one block. In a tight list item, paragraphs lose their <p>.
func (w *writer) block(b doc.Block, tight bool) {
	w.breaksBefore(b)
	switch b := b.(type) {
	case *doc.Paragraph:
		w.startText(b)
		if tight {
			w.checkbox()
			w.inlines(b.Inlines)
			w.endText()
			return
		}
		w.WriteString("<p>")
		w.checkbox()
		w.inlines(b.Inlines)
		w.endText()
		w.WriteString("</p>\n")
	case *doc.Heading:
		// A heading inside a quote or list item.
		h := "h" + strconv.Itoa(w.headingRank(b.Level, w.rank))
		w.WriteString("<" + h + ">")
		w.startText(b)
		w.inlines(b.Inlines)
		w.endText()
		w.WriteString("</" + h + ">\n")
	case *doc.List:
		w.list(b)
	case *doc.Quote:
		w.WriteString("<blockquote>\n")
		w.blocks(b.Blocks)
		w.WriteString("</blockquote>\n")
	case *doc.Div:
		w.WriteString("<div")
		w.attrs(b.Attr)
		w.WriteString(">\n")
		w.blocks(b.Blocks)
		w.WriteString("</div>\n")
	case *doc.CodeBlock:
		if w.cfg.EPUB {
			w.WriteString("<pre><code")
		} else {
			// A page's code scrolls sideways: the keyboard must reach it
			// (WCAG 2.1.1; axe's scrollable-region-focusable).
			w.WriteString(`<pre tabindex="0"><code`)
		}
		if b.Lang != "" {
			w.WriteString(` class="language-` + attr(b.Lang) + `"`)
		}
		w.WriteString(">")
		if b.Text != "" {
			w.codeLines(b)
			w.WriteString("\n")
		}
		w.WriteString("</code></pre>\n")
	case *doc.Table:
		w.table(b)
	case *doc.Figure:
		w.WriteString("<figure>\n")
		alt := b.Alt
		if strings.TrimSpace(alt) == strings.TrimSpace(doc.PlainText(b.Caption)) {
			// The caption says what the alternative text would: it is
			// read once, as the caption.
			alt = ""
		}
		if !w.img(b.Src, alt, b.Title) {
			w.WriteString("<p>")
			w.imgLink(b.Src, b.Alt)
			w.WriteString("</p>")
		}
		w.WriteString("\n")
		if len(b.Caption) > 0 {
			w.WriteString("<figcaption>")
			w.inlines(b.Caption)
			w.WriteString("</figcaption>\n")
		}
		w.WriteString("</figure>\n")
	case *doc.Rule:
		w.WriteString("<hr")
		w.void()
		w.WriteString("\n")
	case *doc.Admonition:
		// GitHub's alerts and their kin: a labelled note, set apart.
		w.WriteString(`<div class="admonition ` + attr(cssClass(b.Kind)) + `" role="note">` + "\n")
		w.WriteString(`<p class="admonition-title">`)
		if len(b.Title) > 0 {
			w.inlines(b.Title)
		} else {
			w.WriteString(text(labels.Label(w.lang, b.Kind)))
		}
		w.WriteString("</p>\n")
		w.blocks(b.Blocks)
		w.WriteString("</div>\n")
	case *doc.DefList:
		w.WriteString("<dl>\n")
		for _, it := range b.Items {
			w.WriteString("<dt>")
			w.inlines(it.Term)
			w.WriteString("</dt>\n")
			for _, def := range it.Defs {
				w.WriteString("<dd>")
				if len(def) == 1 {
					if p, ok := def[0].(*doc.Paragraph); ok {
						w.block(p, true)
						w.WriteString("</dd>\n")
						continue
					}
				}
				w.WriteString("\n")
				w.blocks(def)
				w.WriteString("</dd>\n")
			}
		}
		w.WriteString("</dl>\n")
	default:
		w.fail(fmt.Errorf("html: unsupported block %T", b))
	}
}

func (w *writer) list(l *doc.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	w.WriteString("<" + tag)
	if l.Ordered && l.Start != 1 {
		w.WriteString(` start="` + strconv.Itoa(l.Start) + `"`)
	}
	if l.Ordered && l.Numbering != "" && l.Numbering != "1" {
		w.WriteString(` type="` + attr(l.Numbering) + `"`)
	}
	w.WriteString(">\n")
	for _, it := range l.Items {
		w.WriteString("<li")
		if it.Task != doc.NoTask {
			w.WriteString(` class="task"`)
			w.task = it.Task
			if len(it.Blocks) == 0 {
				w.WriteString(">")
				w.checkbox()
				w.WriteString("</li>\n")
				continue
			}
			if _, para := it.Blocks[0].(*doc.Paragraph); !para {
				w.WriteString(">")
				w.checkbox()
			} else {
				w.WriteString(">")
			}
		} else {
			w.WriteString(">")
		}
		for i, b := range it.Blocks {
			_, para := b.(*doc.Paragraph)
			if l.Tight && para {
				w.block(b, true)
				if i+1 < len(it.Blocks) {
					w.WriteString("\n")
				}
				continue
			}
			if i == 0 {
				w.WriteString("\n")
			}
			w.block(b, false)
		}
		w.WriteString("</li>\n")
	}
	w.WriteString("</" + tag + ">\n")
}

var alignCSS = map[doc.Align]string{doc.AlignLeft: "left", doc.AlignCenter: "center", doc.AlignRight: "right"}

func (w *writer) table(t *doc.Table) {
	w.WriteString("<table>\n")
	if len(t.Caption) > 0 {
		w.WriteString("<caption>")
		w.inlines(t.Caption)
		w.WriteString("</caption>\n")
	}
	// k numbers the body's rows from 1, for page breaks; 0 for the
	// header.
	row := func(cells []doc.GridCell, header bool, k int) {
		w.WriteString("<tr>\n")
		for i, c := range cells {
			tag := "td"
			if header || c.Header {
				tag = "th"
			}
			w.WriteString("<" + tag)
			if !header && c.Header {
				w.WriteString(` scope="row"`)
			}
			if c.ColSpan > 1 {
				w.WriteString(` colspan="` + strconv.Itoa(c.ColSpan) + `"`)
			}
			if c.RowSpan > 1 {
				w.WriteString(` rowspan="` + strconv.Itoa(c.RowSpan) + `"`)
			}
			if c.Col < len(t.Align) {
				if a, ok := alignCSS[t.Align[c.Col]]; ok {
					w.WriteString(` style="text-align: ` + a + `"`)
				}
			}
			w.WriteString(">")
			if i == 0 && k > 0 {
				w.rowBreaks(t, k)
			}
			if len(c.Blocks) > 0 {
				w.WriteString("\n")
				w.blocks(c.Blocks)
			} else {
				w.inlines(c.Inlines)
			}
			w.WriteString("</" + tag + ">\n")
		}
		w.WriteString("</tr>\n")
	}
	grid := t.Grid()
	if h := t.HeaderRows(); h > 0 {
		w.WriteString("<thead>\n")
		for _, r := range grid[:h] {
			row(r, true, 0)
		}
		w.WriteString("</thead>\n")
		grid = grid[h:]
	}
	if len(grid) > 0 {
		w.WriteString("<tbody>\n")
		for k, r := range grid {
			row(r, false, k+1)
		}
		w.WriteString("</tbody>\n")
	}
	w.WriteString("</table>\n")
}

// img writes an image, or nothing if Config.Image makes it unavailable;
// it reports whether it wrote it.
func (w *writer) img(src, alt, title string) bool {
	if w.cfg.Image != nil {
		if src = w.cfg.Image(src); src == "" {
			return false
		}
	}
	if src = imageURL(urlEscape(src)); src == "" {
		return false
	}
	w.WriteString(`<img src="` + attr(src) + `" alt="` + attr(alt) + `"`)
	if title != "" {
		w.WriteString(` title="` + attr(title) + `"`)
	}
	w.void()
	return true
}

// imgLink writes an unavailable image as its alternative text linked to
// its source.
func (w *writer) imgLink(src, alt string) {
	if alt == "" {
		alt = src
	}
	if s := doc.URLScheme(src); (s == "http" || s == "https") && !w.inLink {
		u := urlEscape(src)
		w.WriteString(`<a href="` + attr(u) + `">` + text(alt) + `</a>`)
		return
	}
	w.WriteString(text(alt))
}

func (w *writer) inlines(ins []doc.Inline) {
	for _, in := range ins {
		w.inline(in, true)
	}
}

// inlinesNoNotes writes inlines without their notes and links, for the
// table of contents.
func (w *writer) inlinesNoNotes(ins []doc.Inline) {
	for _, in := range ins {
		switch in := in.(type) {
		case *doc.Note, *doc.Anchor: // a title again: no second target
		case *doc.Link:
			w.inlinesNoNotes(in.Inlines)
		default:
			w.inline(in, false)
		}
	}
}

func (w *writer) inline(in doc.Inline, notes bool) {
	wrap := func(tag string, kids []doc.Inline) {
		w.WriteString("<" + tag + ">")
		if notes {
			w.inlines(kids)
		} else {
			w.inlinesNoNotes(kids)
		}
		w.WriteString("</" + tag + ">")
	}
	switch in := in.(type) {
	case *doc.Text:
		w.textWords(in.Text)
	case *doc.Emph:
		wrap("em", in.Inlines)
	case *doc.Strong:
		wrap("strong", in.Inlines)
	case *doc.Strike:
		wrap("del", in.Inlines)
	case *doc.Sup:
		wrap("sup", in.Inlines)
	case *doc.Sub:
		wrap("sub", in.Inlines)
	case *doc.Code:
		w.WriteString("<code>")
		w.textWords(in.Text)
		w.WriteString("</code>")
	case *doc.Link:
		href := in.URL
		if href != "" {
			if href = w.link(href); href == "" {
				w.inlines(in.Inlines) // Config.Link dropped it
				return
			}
		}
		if w.inLink || (href != "" && safeURL(href) == "") {
			w.inlines(in.Inlines) // links do not nest; unsafe ones are text
			return
		}
		w.WriteString(`<a href="` + attr(urlEscape(href)) + `"`)
		if in.Title != "" {
			w.WriteString(` title="` + attr(in.Title) + `"`)
		}
		w.WriteString(">")
		w.inLink = true
		w.inlines(in.Inlines)
		w.inLink = false
		w.WriteString("</a>")
	case *doc.Image:
		if !w.img(in.Src, in.Alt, in.Title) {
			w.imgLink(in.Src, in.Alt)
		}
	case *doc.Note:
		w.noteRef(in)
	case *doc.LineBreak:
		w.pages.inWord = false
		w.WriteString("<br")
		w.void()
		w.WriteString("\n")
	case *doc.Math:
		w.pages.inWord = false
		m, err := mathml.Render(in.TeX, in.Display, mathml.Speech(in.TeX, w.lang))
		if err != nil {
			w.warnOnce("math", diag.Warnf("math-as-tex", "html: formula %q set as its TeX source: %v", clip(in.TeX), err))
			w.WriteString(`<code class="tex">`)
			w.WriteString(text(in.TeX))
			w.WriteString("</code>")
			return
		}
		w.WriteString(m)
	case *doc.Anchor:
		if in.ID != "" {
			w.WriteString(`<span id="` + attr(in.ID) + `"></span>`)
		}
	case *doc.Span:
		if in.Attr.IsZero() {
			w.inlines(in.Inlines)
			return
		}
		w.WriteString("<span")
		w.attrs(in.Attr)
		w.WriteString(">")
		w.inlines(in.Inlines)
		w.WriteString("</span>")
	default:
		w.fail(fmt.Errorf("html: unsupported inline %T", in))
	}
}

// checkbox writes a task item's checkbox, if one is due: disabled (the
// page does not store a tick), labelled for screen readers.
func (w *writer) checkbox() {
	if w.task == doc.NoTask {
		return
	}
	w.WriteString(`<input type="checkbox" disabled="disabled"`)
	label := "todo"
	if w.task == doc.Done {
		w.WriteString(` checked="checked"`)
		label = "done"
	}
	w.WriteString(` aria-label="` + attr(labels.Label(w.lang, label)) + `"`)
	w.void()
	w.WriteString(" ")
	w.task = doc.NoTask
}

// warnOnce reports a kind of problem the first time it happens.
func (w *writer) warnOnce(kind string, err error) {
	if w.warned == nil {
		w.warned = map[string]bool{}
	}
	if w.warned[kind] {
		return
	}
	w.warned[kind] = true
	w.opts.Warnf("%w", err)
}

// clip shortens a formula for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// cssClass makes a class name of an admonition kind.
func cssClass(kind string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(kind) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "note"
	}
	return b.String()
}

func (w *writer) noteRef(n *doc.Note) {
	num := strconv.Itoa(n.Number)
	w.queue = append(w.queue, n)
	if w.cfg.EPUB {
		w.WriteString(`<a href="#` + doc.NoteID(n.Number) + `" id="` + doc.NoteRefID(n.Number) + `" class="noteref" epub:type="noteref" role="doc-noteref">` + num + `</a>`)
		return
	}
	w.WriteString(`<a href="#` + doc.NoteID(n.Number) + `" id="` + doc.NoteRefID(n.Number) + `" class="footnote-ref" role="doc-noteref"><sup>` + num + `</sup></a>`)
}

// notes writes the notes referenced so far, including notes referenced
// from inside them.
func (w *writer) notes() {
	if len(w.queue) == 0 {
		return
	}
	label := labels.Label(w.lang, "notes")
	if w.cfg.EPUB {
		w.WriteString(`<section class="footnotes" epub:type="footnotes" role="doc-endnotes" aria-label="` + attr(label) + `">` + "\n")
	} else {
		w.WriteString(`<section class="footnotes" aria-label="` + attr(label) + `">` + "\n<hr")
		w.void()
		w.WriteString("\n<ol>\n")
	}
	for len(w.queue) > 0 {
		n := w.queue[0]
		w.queue = w.queue[1:]
		num := strconv.Itoa(n.Number)
		back := `<a href="#` + doc.NoteRefID(n.Number) + `" class="footnote-back" role="doc-backlink" aria-label="` + attr(labels.Label(w.lang, "back")) + `">↩</a>`
		if w.cfg.EPUB {
			w.WriteString(`<aside id="` + doc.NoteID(n.Number) + `" class="footnote" epub:type="footnote" role="doc-footnote">` + "\n")
			w.noteBlocks(n.Blocks, `<a href="#`+doc.NoteRefID(n.Number)+`" class="footnote-num">`+num+`.</a> `, "")
			w.WriteString("</aside>\n")
			continue
		}
		w.WriteString(`<li id="` + doc.NoteID(n.Number) + `" value="` + num + `">` + "\n")
		w.noteBlocks(n.Blocks, "", " "+back)
		w.WriteString("</li>\n")
	}
	if !w.cfg.EPUB {
		w.WriteString("</ol>\n")
	}
	w.WriteString("</section>\n")
}

// noteBlocks writes a note's blocks with prefix inside its first paragraph
// and suffix inside its last one (or in paragraphs of their own).
func (w *writer) noteBlocks(bs []doc.Block, prefix, suffix string) {
	first, last := -1, -1
	for i, b := range bs {
		if _, ok := b.(*doc.Paragraph); ok {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if prefix != "" && first != 0 {
		w.WriteString("<p>" + prefix + "</p>\n")
	}
	for i, b := range bs {
		p, ok := b.(*doc.Paragraph)
		if !ok {
			w.block(b, false)
			continue
		}
		w.WriteString("<p>")
		if i == first && first == 0 {
			w.WriteString(prefix)
		}
		w.inlines(p.Inlines)
		if i == last && last == len(bs)-1 {
			w.WriteString(suffix)
		}
		w.WriteString("</p>\n")
	}
	if suffix != "" && (last < 0 || last != len(bs)-1) {
		w.WriteString("<p>" + strings.TrimSpace(suffix) + "</p>\n")
	}
}

// Description returns the document's description: Meta.Description, else
// the start of its first paragraph, cut at a word near 160 characters
// (a page must have a description).
func Description(d *doc.Document) string {
	if d.Meta.Description != "" {
		return d.Meta.Description
	}
	var first string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if p, ok := n.(*doc.Paragraph); ok {
			first = strings.Join(strings.Fields(doc.PlainText(p.Inlines)), " ")
			return doc.Stop
		}
		return doc.Continue
	})
	r := []rune(first)
	if len(r) <= 160 {
		return first
	}
	cut := 160
	for cut > 100 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}
