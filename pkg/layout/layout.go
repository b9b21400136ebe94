// Package layout turns a document into pages: it sets paragraphs with
// package typeset (Knuth–Plass line breaking, hyphenation from package
// hyphen), breaks pages, and places the running headers and page numbers.
// The result is a display list: pages of positioned glyph runs, rules,
// images, link areas, destinations and outline entries, each run tagged
// with the logical element it belongs to. It imports no PDF library; a
// backend (package render/pdf) draws the display list.
//
// Its text dump (Document.Dump) lists every line's position, adjustment
// and text, page by page: the *.pdf.layout golden files.
package layout

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strings"

	"github.com/go-text/typesetting/language"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/font"
	"github.com/galleypress/galley/pkg/hyphen"
	"github.com/galleypress/galley/pkg/internal/labels"
	"github.com/galleypress/galley/pkg/theme"
	"github.com/galleypress/galley/pkg/typeset"
)

// Config says how pages are set. The zero value sets A4 pages in 10.5 pt
// Noto Serif, justified and hyphenated in the document's language.
type Config struct {
	// Paper is "a4" (the default), "letter" or "a5".
	Paper string
	// FontSize is the body size in points; 0 means 10.5.
	FontSize float64
	// Margins are the page margins in millimetres: top, right, bottom,
	// left. Zero values get defaults that give a measure of about 70
	// characters.
	Margins [4]float64
	// Ragged sets paragraphs ragged-right instead of justified.
	Ragged bool
	// NoChapterPages lets top-level sections start anywhere instead of
	// on a new page.
	NoChapterPages bool
	// NoTitlePage leaves out the title page.
	NoTitlePage bool
	// Files are the project's files, which fonts and hyphenation
	// patterns are read from (images through the Host).
	Files fs.FS
	// Theme is the house style (nil: the default theme): it gives the
	// line height, hyphenation on or off, the colours of text, headings,
	// links and rules (those the default theme gives leave the PDF's
	// black), the running header and footer, and inner and outer
	// margins that alternate on left- and right-hand pages. The page,
	// type and paragraph settings above are set from it by the caller.
	Theme *theme.Theme
	// NoHighlight sets code in one colour; by default code in a
	// language galley knows is coloured by the kind of its tokens.
	NoHighlight bool
	// TOC adds a table of contents, TOCDepth levels deep (0: 3).
	TOC      bool
	TOCDepth int
	// MaxImagePixels bounds an image's size (0: 50 megapixels);
	// MaxSVGElements what an SVG draws (0: 100,000).
	MaxImagePixels int64
	MaxSVGElements int
	// Builtin names the built-in family: Noto ("noto", the default) or
	// Go ("go").
	Builtin string
	// Fonts replaces faces of the built-in family, and adds fallbacks.
	Fonts Fonts
	// WideTables says what becomes of a table too wide for the page even
	// in 7 pt type: "landscape" (the default) sets it on landscape pages,
	// "shrink" shrinks its type further, down to 4 pt; a table too wide
	// even so is set row by row.
	WideTables string
	// NoSystemFonts keeps to the given and built-in fonts and patterns:
	// by default, characters they lack are looked for in the fonts
	// installed on the machine, Thai text is broken between words by
	// the machine's word list, and a language galley has no patterns
	// for is hyphenated by the machine's (the output then depends on
	// them).
	NoSystemFonts bool
	// Hyphenation is a pattern file (hyph_*.dic) to use instead of the
	// embedded patterns for the document's language.
	Hyphenation string
	// Expansion is how far justified lines may scale their glyphs
	// horizontally, as pdfTeX's font expansion does: 0 means 2.5%, a
	// negative value none.
	Expansion float64
	// Notes is where notes go: "foot" (or empty), at the foot of the
	// page that refers to them; "end", after each top-level section.
	Notes string
	// Dump keeps the typeset pages for Document.Dump; otherwise they go
	// once the display lists are made (they are a third of a long
	// document's memory).
	Dump bool
	// Stream leaves Document.Pages empty: Document.Page makes each
	// page's display list when it is asked for, in order, and lets the
	// page's typeset lines go, so that the display lists of a long
	// document are never held all at once (they are half its memory).
	Stream bool
}

// titlePage reports whether the document gets a title page: it has a
// title, and more to say on the page than a title its first heading
// repeats (a README's "# widgetkit" is its own title, on its first page,
// not alone on a page before it).
func (c *Config) titlePage(d *doc.Document) bool {
	m := &d.Meta
	if c.NoTitlePage || strings.TrimSpace(m.Title) == "" {
		return false
	}
	more := m.Subtitle != "" || len(m.Authors) > 0 || m.Date != "" || m.Publisher != ""
	repeated := len(d.Sections) > 0 && strings.TrimSpace(m.Title) == d.Sections[0].HeadingText()
	return more || !repeated
}

// geometry is the page and type geometry, in Units.
type geometry struct {
	pageW, pageH             unit
	top, right, bottom, left unit
	measure, textHeight      unit
	size, leading, parskip   unit
	expansion                float64
}

// landscape returns the geometry of the page turned to landscape: the
// portrait page's top and bottom margins on every side, so that the text
// block is as wide as the portrait one is high.
func (g geometry) landscape() geometry {
	l := g
	l.pageW, l.pageH = g.pageH, g.pageW
	l.left, l.right = g.top, g.bottom
	l.top, l.bottom = g.top, g.bottom
	l.measure = l.pageW - l.left - l.right
	l.textHeight = l.pageH - l.top - l.bottom
	return l
}

var papers = map[string][2]float64{
	"a4":     {595.28, 841.89},
	"letter": {612, 792},
	"a5":     {419.53, 595.28},
}

// Check reports the first setting of c that layout cannot use: an
// unknown paper or built-in family, a size, margin or expansion out of
// range.
func (c *Config) Check() error {
	if _, err := c.geometry(); err != nil {
		return err
	}
	if b := c.Builtin; b != "" && b != font.Noto && b != font.Go {
		return fmt.Errorf("pdf: no built-in font family %q: %s or %s", b, font.Noto, font.Go)
	}
	return nil
}

func (c *Config) geometry() (geometry, error) {
	paper := strings.ToLower(c.Paper)
	if paper == "" {
		paper = "a4"
	}
	dims, ok := papers[paper]
	if !ok {
		return geometry{}, fmt.Errorf("pdf: unknown paper %q (known: a4, a5, letter)", c.Paper)
	}
	size := c.FontSize
	if size == 0 {
		size = 10.5
	}
	if c.WideTables != "" && c.WideTables != "landscape" && c.WideTables != "shrink" {
		return geometry{}, fmt.Errorf("pdf: wide-tables %q: want landscape or shrink", c.WideTables)
	}
	if c.Notes != "" && c.Notes != "foot" && c.Notes != "end" {
		return geometry{}, fmt.Errorf("pdf: notes %q: want foot or end", c.Notes)
	}
	if !(size >= 4 && size <= 48) { // NaN fails too
		return geometry{}, fmt.Errorf("pdf: font size %g pt is out of range (4 to 48)", size)
	}
	for i, m := range c.Margins {
		if !(m >= 0 && m <= 200) {
			return geometry{}, fmt.Errorf("pdf: %s margin %g mm is out of range (0 to 200)", [...]string{"top", "right", "bottom", "left"}[i], m)
		}
	}
	g := geometry{pageW: typeset.FromPoints(dims[0]), pageH: typeset.FromPoints(dims[1])}
	g.size = typeset.FromPoints(size)
	g.leading = g.size * 4 / 3
	if th := c.Theme; th != nil && th.Fonts.LineHeight > 0 && math.Abs(th.Fonts.LineHeight-4.0/3) > 0.001 {
		g.leading = unit(float64(g.size) * th.Fonts.LineHeight)
	}
	g.parskip = g.leading / 2
	switch e := c.Expansion; {
	case math.IsNaN(e):
		return geometry{}, errors.New("pdf: expansion is not a number")
	case e == 0:
		g.expansion = 0.025
	case e > 0.1:
		return geometry{}, fmt.Errorf("pdf: expansion %g is too large (at most 0.1, that is 10%%)", e)
	case e > 0:
		g.expansion = e
	}
	// By default the measure is about 33 ems (some 70 characters), at
	// most the page less 15 mm each side; top and bottom margins leave
	// room for the running header and the page number.
	side := max((g.pageW-g.size*33)/2, 15*typeset.Mm)
	mm := func(v float64, def unit) unit {
		if v > 0 {
			return typeset.FromPoints(v * 72 / 25.4)
		}
		return def
	}
	g.top = mm(c.Margins[0], 25*typeset.Mm)
	g.right = mm(c.Margins[1], side)
	g.bottom = mm(c.Margins[2], 28*typeset.Mm)
	g.left = mm(c.Margins[3], side)
	g.measure = g.pageW - g.left - g.right
	g.textHeight = g.pageH - g.top - g.bottom
	if g.measure < g.size*8 || g.textHeight < g.leading*6 {
		return geometry{}, errors.New("pdf: the margins leave no room for text")
	}
	return g, nil
}

// Paged is a laid-out document: its pages as display lists, and what
// drawing them needs.
type Paged struct {
	// Pages are the display lists, in order; empty for a layout made
	// with Config.Stream (see Page).
	Pages []Page
	// Width and Height are the paper's, in Units.
	Width, Height typeset.Unit
	// Faces are the fonts the pages draw with, by typeset.Face; a face
	// that stands in for several styles appears under each.
	Faces []*font.Face
	// Images are the images the pages draw, in order of first use.
	Images []*Picture
	// TitlePage is set when the first page is the title page.
	TitlePage bool
	// FrontPages counts the pages of front matter (the title page and
	// the contents), numbered i, ii, …; the body's pages follow,
	// numbered from 1.
	FrontPages int
	// Root is the document's logical structure: a Document element whose
	// descendants the items belong to.
	Root *StructElem
	// Breaks are where the body's pages start in the document, for
	// formats that mark the pages of the PDF (an EPUB's page list).
	Breaks []doc.PageBreak
	// Colors are the colours of text, links and rules the theme gives
	// (0: black text and rules, galley's link colour).
	Colors Colors

	pages []typeset.Page // for Dump
	// lazy makes the display lists of a Stream layout.
	lazy *lazyPages
}

// Colors are a PDF's colours of text, links and rules; 0 is the
// default.
type Colors struct{ Text, Link, Rule typeset.Color }

// lazyPages holds what a Stream layout needs to make its display lists.
type lazyPages struct {
	l      *layout
	pages  []typeset.Page
	titled bool
	front  int
	next   int // the page to make next
	last   int // the items of the page made before
	// items is the display list of the page made before, whose array
	// the next page reuses.
	items []Item
}

// Len returns the number of pages.
func (d *Paged) Len() int {
	if d.lazy != nil {
		return len(d.lazy.pages)
	}
	return len(d.Pages)
}

// Page returns the display list of page i (from 0). For a Stream
// layout, pages must be asked for in order, each once: the page is made
// now, and its typeset lines are let go; its display list is valid until
// the next call, which reuses its memory.
func (d *Paged) Page(i int) (Page, error) {
	z := d.lazy
	if z == nil {
		if i < 0 || i >= len(d.Pages) {
			return Page{}, fmt.Errorf("layout: no page %d", i+1)
		}
		return d.Pages[i], nil
	}
	if i != z.next {
		return Page{}, fmt.Errorf("layout: page %d asked for out of order (page %d is next)", i+1, z.next+1)
	}
	p := z.l.displayPage(z.pages, i, z.titled, z.front, z.last, z.items)
	z.last = len(p.Items)
	z.items = p.Items[:0]
	z.pages[i] = typeset.Page{}
	z.next++
	return p, nil
}

// Dump writes the layout as text (see typeset.Dump): every line's
// position and text, page by page. The layout must have been made with
// Config.Dump.
func (d *Paged) Dump(w io.Writer) error {
	if d.pages == nil && len(d.Pages) > 0 {
		return errors.New("layout: Dump needs a layout made with Config.Dump")
	}
	return typeset.Dump(w, d.pages)
}

// depth is the table of contents' depth.
func (c *Config) depth() int {
	if c.TOCDepth <= 0 {
		return 3
	}
	return c.TOCDepth
}

// noHost is the host of a layout given none.
type noHost struct{}

func (noHost) ReadRef(string) ([]byte, error) { return nil, errors.New("no files to read it from") }
func (noHost) Warnf(string, ...any)           {}
func (noHost) Degrade(error) error            { return nil }
func (noHost) Err() error                     { return nil }

// Host is what a layout asks of the program that runs it: the files a
// document refers to (its images), where warnings go, whether to stop.
// *render.Options is one.
type Host interface {
	// ReadRef reads a file the document refers to, by its reference
	// ("img/a.png"), confined to the document's files.
	ReadRef(ref string) ([]byte, error)
	// Warnf reports a warning.
	Warnf(format string, args ...any)
	// Degrade reports a problem worked around (an image left out): a
	// warning, or, strict, the error to stop with.
	Degrade(err error) error
	// Err is the reason to stop (a cancelled context), or nil.
	Err() error
}

// Layout sets d into pages. It does not modify d. Warnings (characters
// the fonts lack, images left out) go to host, whose Degrade decides
// (--strict) whether the ones a user can fix are errors. A nil host reads no files and reports
// nothing.
func Layout(d *doc.Document, cfg Config, host Host) (*Paged, error) {
	if host == nil {
		host = noHost{}
	}
	g, err := cfg.geometry()
	if err != nil {
		return nil, err
	}
	headings := ""
	if cfg.Theme != nil {
		headings = cfg.Theme.Fonts.Headings
	}
	fam, err := loadFamily(cfg.Files, cfg.Builtin, headings, cfg.Fonts, !cfg.NoSystemFonts)
	if err != nil {
		return nil, err
	}
	if d.Meta.Lang != "" {
		fam.lang = language.NewLanguage(d.Meta.Lang)
	}
	l := &layout{cfg: &cfg, fam: fam, g: g, d: d, host: host, missing: map[rune][]string{}, missingCount: map[rune]int{},
		images: newImageSet(host, &cfg), theme: cfg.Theme}
	if l.theme == nil {
		l.theme = theme.Default()
	}
	l.colors = themeColors(l.theme)
	if l.theme.Page.Columns == "2" {
		l.colGap = typeset.FromPoints(cmp.Or(l.theme.Page.ColumnGap, 6) * 72 / 25.4)
		l.colWidth = (g.measure - l.colGap) / 2
		l.inColumns = true
	}
	fam.features = l.theme.Fonts.Features
	for i, lg := range []struct {
		name string
		data []byte
	}{{l.theme.Header.Logo, l.theme.Header.LogoData}, {l.theme.Footer.Logo, l.theme.Footer.LogoData}, {l.theme.TitlePage.Logo, l.theme.TitlePage.LogoData}, {l.theme.TitlePage.Image, l.theme.TitlePage.ImageData}} {
		if lg.data != nil {
			if l.logos[i], err = l.images.add(lg.name, lg.data); err != nil {
				return nil, fmt.Errorf("pdf: theme %s: logo %s: %w", l.theme.Name, lg.name, err)
			}
		}
	}
	l.images.l = l
	if !cfg.NoSystemFonts && hasThai(d) {
		l.loadWords()
	}
	if cfg.Hyphenation != "" {
		if cfg.Files == nil {
			return nil, fmt.Errorf("pdf: hyphenation patterns %s: no files to read them from", cfg.Hyphenation)
		}
		p, err := hyphen.Load(cfg.Files, cfg.Hyphenation)
		if err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
		l.hyph = p
	} else if p := hyphen.ForLang(d.Meta.Lang); p != nil {
		l.hyph = p
	} else if d.Meta.Lang != "" && !unhyphenated(d.Meta.Lang) {
		var path string
		var err error
		if !cfg.NoSystemFonts {
			p, path, err = hyphen.System(d.Meta.Lang)
		}
		switch {
		case err != nil:
			host.Warnf("%w", diag.Warnf("hyphenation-patterns", "pdf: hyphenation patterns of this machine for language %q: %v; lines are not hyphenated", d.Meta.Lang, err))
		case p != nil:
			l.hyph = p
			host.Warnf("%w", diag.Warnf("machine-hyphenation", "pdf: language %q is hyphenated by this machine's patterns %s (galley cannot embed them); to get the same PDF elsewhere, give them with --hyphenation", d.Meta.Lang, path))
		case !cfg.Ragged:
			host.Warnf("%w", diag.Warnf("no-hyphenation", "pdf: no hyphenation patterns for language %q (built in: %s); lines are not hyphenated; give a pattern file with --hyphenation", d.Meta.Lang, strings.Join(hyphen.Languages(), ", ")))
		}
	}
	if !l.theme.Paragraphs.Hyphenate {
		l.hyph = nil
	}
	l.docHyph, l.lang = l.hyph, d.Meta.Lang
	l.document()
	if l.err != nil {
		return nil, l.err
	}
	if sys := fam.system; sys != nil && len(sys.Used()) > 0 {
		var names []string
		for _, f := range sys.Used() {
			names = append(names, f.Name)
		}
		host.Warnf("%w", diag.Warnf("machine-fonts", "pdf: characters the given fonts lack are set in this machine's fonts %s; to get the same PDF elsewhere, give them with --font fallback=FILE", strings.Join(names, ", ")))
	}
	if len(l.svgUsed) > 0 {
		var names []string
		for _, f := range l.svgUsed {
			names = append(names, f.Name)
		}
		host.Warnf("%w", diag.Warnf("machine-fonts", "pdf: the text of SVG images in Times, Helvetica, Arial or Courier is set in this machine's fonts of the same widths %s; to get the same PDF elsewhere, build with --no-system-fonts (the built-in fonts then set it)", strings.Join(names, ", ")))
	}
	if n := len(l.noAlt); n > 0 {
		host.Warnf("%w", diag.Warnf("no-alt-text", "pdf: %d image(s) without alternative text or caption (first: %q) are marked as decoration, which screen readers skip; describe each: ![what it shows](%s)", n, l.noAlt[0], l.noAlt[0]))
	}
	if msgs := l.missingReport(); len(msgs) > 0 {
		// Each is a warning, or (--strict) all of them one error.
		var fatal []string
		for _, msg := range msgs {
			if host.Degrade(diag.Warnf("missing-glyph", "pdf: %s", msg)) != nil {
				fatal = append(fatal, msg)
			}
		}
		if len(fatal) > 0 {
			return nil, &diag.Diagnostic{Severity: diag.Error, Code: "missing-glyph", Err: errors.New("pdf: " + strings.Join(fatal, "; and "))}
		}
	}
	fs := typeset.FootStyle{Separator: l.footSeparator()}
	body := typeset.PaginateFoot(l.elems, g.textHeight, fs)
	if l.inColumns {
		body = l.pairColumns(body)
		l.inColumns = false // the front matter is whole
	}
	// The front matter (title page, contents) is set once the body's page
	// numbers are known, and numbered apart (i, ii, …), so that the body
	// starts at 1 whatever the contents' length.
	l.elems = nil
	l.cur = l.root
	l.src = source{} // the front matter is not in the document's text
	kids := len(l.root.Kids)
	titled := cfg.titlePage(d)
	if titled {
		l.titlePage()
	}
	if cfg.TOC && len(d.Sections) > 0 {
		l.contents(sectionPages(body), cfg.depth())
	}
	// The front matter comes first in reading order too.
	l.root.Kids = append(append([]*StructElem(nil), l.root.Kids[kids:]...), l.root.Kids[:kids]...)
	if l.err != nil {
		return nil, l.err
	}
	front := typeset.PaginateFoot(l.elems, g.textHeight, fs)
	pages := append(front, body...)
	for i := range pages {
		pages[i].Number = i + 1
	}
	out := &Paged{Width: g.pageW, Height: g.pageH, Colors: l.colors.Colors, Images: l.images.seq, TitlePage: titled, Root: l.root,
		FrontPages: len(front)}
	if cfg.Dump {
		out.pages = pages
	}
	out.Faces = append([]*font.Face(nil), fam.faces...)
	out.Breaks = breaks(pages, len(front))
	l.elems = nil
	if cfg.Stream && !cfg.Dump {
		l.forget()
		out.lazy = &lazyPages{l: l, pages: pages, titled: out.TitlePage, front: len(front), last: 64}
		return out, nil
	}
	out.Pages = l.display(pages, out.TitlePage, len(front))
	return out, nil
}

// sectionPages maps each section id to the number of the body page where
// the section starts.
func sectionPages(pages []typeset.Page) map[string]int {
	at := map[string]int{}
	for _, p := range pages {
		for _, e := range p.Elems {
			for _, m := range e.Marks {
				if _, ok := at[m.ID]; !ok && m.ID != "" && m.Depth > 0 {
					at[m.ID] = p.Number
				}
			}
		}
	}
	return at
}

func labelNotes(lang string) string { return labels.Label(lang, "notes") }

// breaks returns where the body's pages start in the document: at the
// source of each page's first line or box. A page whose text all comes
// from elsewhere (a notes heading) has none.
func breaks(pages []typeset.Page, front int) []doc.PageBreak {
	var out []doc.PageBreak
	for _, p := range pages[front:] {
		for _, e := range p.Elems {
			if src, ok := e.Src.(source); ok && src.node != nil {
				out = append(out, doc.PageBreak{Label: PageLabel(p.Number, front), Node: src.node, At: src.at})
				break
			}
		}
	}
	return out
}

// unhyphenated reports whether a language is written without
// hyphenation: Chinese, Japanese and Korean break between characters,
// Thai, Lao, Khmer and Burmese between words.
// sameLang reports whether two language tags name one language.
func sameLang(a, b string) bool { return strings.EqualFold(a, b) }

// hyphenatorFor returns the hyphenator of text in language lang: the
// document's own for its language, else the built-in patterns, else
// (unless --no-system-fonts) this machine's, else nil.
func (l *layout) hyphenatorFor(lang string) typeset.Hyphenator {
	if sameLang(lang, l.d.Meta.Lang) {
		return l.docHyph
	}
	if !l.theme.Paragraphs.Hyphenate {
		return typeset.NoHyphens
	}
	if h, ok := l.hyphs[strings.ToLower(lang)]; ok {
		return h
	}
	var h typeset.Hyphenator
	switch p := hyphen.ForLang(lang); {
	case p != nil:
		h = p
	case unhyphenated(lang) || l.cfg.NoSystemFonts:
	default:
		if p, path, err := hyphen.System(lang); err == nil && p != nil {
			h = p
			l.host.Warnf("%w", diag.Warnf("machine-hyphenation", "pdf: language %q is hyphenated by this machine's patterns %s (galley cannot embed them)", lang, path))
		}
	}
	if l.hyphs == nil {
		l.hyphs = map[string]typeset.Hyphenator{}
	}
	l.hyphs[strings.ToLower(lang)] = h
	return h
}

func unhyphenated(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "zh", "ja", "ko", "th", "lo", "km", "my":
		return true
	}
	return false
}

// hasThai reports whether d holds Thai text, which breaks between words
// only by a word list.
func hasThai(d *doc.Document) bool {
	thai := func(s string) bool { return strings.Contains(s, "\xe0\xb8") || strings.Contains(s, "\xe0\xb9") }
	found := thai(d.Meta.Title)
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if t, ok := n.(*doc.Text); ok {
			found = found || thai(t.Text)
		}
		if found {
			return doc.Stop
		}
		return doc.Continue
	})
	return found
}

// pdfColors are the colours the layout draws with.
type pdfColors struct {
	Colors
	Heading typeset.Color
	// Fills: behind code blocks, a table's header rows, every other
	// row of its body, admonitions (with a bar) (0: none).
	Code, TableHeader, Zebra, Admonition, AdmonitionBar typeset.Color
}

// themeColors returns the PDF's colours of th: those it gives other than
// the default theme's (the default leaves text and rules black), and
// its headings' colour (0: the text's).
func themeColors(th *theme.Theme) (c pdfColors) {
	def := theme.Default().Colors
	own := func(v, d theme.Color) typeset.Color {
		if v == d {
			return 0
		}
		if v == 0 {
			return 0x010101 // black, not "the default"
		}
		return typeset.Color(v)
	}
	c.Text = own(th.Colors.Text, def.Text)
	c.Link = own(th.Colors.Links, def.Links)
	c.Rule = own(th.Colors.Rules, def.Rules)
	c.Heading = own(th.Colors.Headings, def.Headings)
	if c.Heading == 0 {
		c.Heading = c.Text
	}
	c.Code = own(th.Colors.CodeBackground, def.CodeBackground)
	c.TableHeader = own(th.Colors.TableHeader, def.TableHeader)
	c.Zebra = own(th.Colors.TableZebra, def.TableZebra)
	c.Admonition = own(th.Colors.AdmonitionBackground, def.AdmonitionBackground)
	c.AdmonitionBar = own(th.Colors.Admonition, def.Admonition)
	if c.Admonition != 0 && c.AdmonitionBar == 0 {
		c.AdmonitionBar = typeset.Color(th.Colors.Admonition)
	}
	return c
}

// pairColumns makes pages of the body's columns, two by two: the second
// column's elements moved right by a column and the gap, each column's
// notes at its own foot. A chapter that would start in a right-hand
// column starts the next page (with chapter pages on), and a landscape
// page stays a page of its own.
func (l *layout) pairColumns(cols []typeset.Page) []typeset.Page {
	var out []typeset.Page
	var left *typeset.Page
	chapterPages := !l.cfg.NoChapterPages
	for i := range cols {
		c := cols[i]
		switch {
		case isLandscape(&c):
			if left != nil {
				out = append(out, *left)
				left = nil
			}
			out = append(out, c)
		case left == nil:
			left = &c
		case chapterPages && startsChapter(&c):
			out = append(out, *left)
			left = &c
		default:
			out = append(out, l.mergeColumns(*left, c))
			left = nil
		}
	}
	if left != nil {
		out = append(out, *left)
	}
	for i := range out {
		out[i].Number = i + 1
	}
	return out
}

// mergeColumns puts column b to the right of column a, on a's page.
func (l *layout) mergeColumns(a, b typeset.Page) typeset.Page {
	shift := l.colWidth + l.colGap
	p := a
	p.Elems = append([]typeset.PageElem(nil), a.Elems...)
	for _, pe := range b.Elems {
		pe.X += shift
		if pe.Fill.Color != 0 {
			pe.Fill.X += shift
		}
		p.Elems = append(p.Elems, pe)
	}
	if p.Header == "" {
		p.Header = b.Header
	}
	if p.Section == "" {
		p.Section = b.Section
	}
	if len(b.Foot) == 0 {
		return p
	}
	// The feet: both from the higher one's top, each column's notes
	// where they were in it, below a rule of its own.
	top := b.FootY
	if len(a.Foot) > 0 {
		top = min(a.FootY, b.FootY)
	}
	p.Foot = nil
	if len(a.Foot) > 0 {
		p.Foot = append(p.Foot, typeset.PageElem{Elem: typeset.Elem{Kind: typeset.VBox, Box: ruleBox{Width: l.colWidth / 3}}, Y: a.FootY - top + l.footSeparator()/2})
	}
	for _, pe := range a.Foot {
		pe.Y += a.FootY - top
		p.Foot = append(p.Foot, pe)
	}
	rule := typeset.PageElem{Elem: typeset.Elem{Kind: typeset.VBox, X: shift, Box: ruleBox{Width: l.colWidth / 3}}, Y: b.FootY - top + l.footSeparator()/2}
	p.Foot = append(p.Foot, rule)
	for _, pe := range b.Foot {
		pe.Y += b.FootY - top
		pe.X += shift
		p.Foot = append(p.Foot, pe)
	}
	p.FootY = top
	return p
}

// isLandscape reports whether a page is a table turned to landscape.
func isLandscape(p *typeset.Page) bool {
	if len(p.Elems) != 1 {
		return false
	}
	_, ok := p.Elems[0].Box.(landscapeBox)
	return ok
}

// startsChapter reports whether a column begins with a top-level
// section's heading.
func startsChapter(p *typeset.Page) bool {
	for _, pe := range p.Elems {
		for _, m := range pe.Marks {
			if m.Depth == 1 {
				return true
			}
		}
		if pe.Kind == typeset.VLine || pe.Kind == typeset.VBox {
			return false
		}
	}
	return false
}
