// Package pdf renders documents as PDF typeset like a book: package
// layout sets the pages (Knuth–Plass justified paragraphs with
// hyphenation, headings kept with what follows, no widows or orphans,
// running headers, page numbers "3 / 25", a title page) as a display
// list, and the backend (emit.go) writes it as PDF itself, page by page:
// embedded, subset fonts, images, an outline, links and, by default, the
// structure tree of a tagged PDF.
//
// The whole document is laid out before anything is emitted, so the page
// count is known; the output depends on nothing but the input: fixed
// dates, a sorted catalog, no clock.
package pdf

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
)

// Config configures a Renderer. The zero value sets A4 pages in 10.5 pt
// Noto Serif, justified and hyphenated in the document's language.
type Config struct {
	// Paper is "a4" (the default), "letter" or "a5".
	Paper string `option:"paper" default:"a4" choices:"a4,a5,letter" help:"paper size: a4, a5 or letter"`
	// FontSize is the body size in points; 0 means 10.5.
	FontSize float64 `option:"font-size" default:"10.5" help:"body size in POINTS"`
	// Margins are the page margins in millimetres: top, right, bottom,
	// left. Zero values get defaults that give a measure of about 70
	// characters.
	Margins Margins `option:"margins" help:"page margins in mm: TOP,RIGHT,BOTTOM,LEFT, or one for all four (0 keeps a default)"`
	// Ragged sets paragraphs ragged-right instead of justified.
	Ragged bool `option:"ragged" help:"set paragraphs ragged-right instead of justified"`
	// NoChapterPages lets top-level sections start anywhere instead of
	// on a new page.
	NoChapterPages bool `option:"no-chapter-pages" help:"let top-level sections start mid-page"`
	// NoTitlePage leaves out the title page.
	NoTitlePage bool `option:"no-title-page" help:"leave out the title page"`
	// BuiltinFonts names the built-in family that faces no font file is
	// given for are set in: "noto" (the default: Noto Serif, with Noto
	// Sans Mono) or "go" (the Go fonts).
	BuiltinFonts string `option:"builtin-fonts" default:"noto" choices:"noto,go" help:"built-in font family for the faces no FILE is given for: noto (Noto Serif and Noto Sans Mono) or go (the Go fonts)"`
	// Fonts replaces faces of the built-in family.
	Fonts Fonts `option:"fonts" flag:"font" file:"fonts" help:"font file (TTF/OTF, or FILE.ttc#N) for a face: FACE=FILE, FACE one of regular, bold, italic, bolditalic, mono, or fallback (repeatable: fonts for the characters the others lack, tried in order)"`
	// NoSystemFonts sets text only in the given and built-in fonts:
	// characters they lack are drawn as U+FFFD, whatever fonts the
	// machine has, so that the PDF is the same on every machine. By
	// default such characters are set in a font installed on the
	// machine that has them.
	NoSystemFonts bool `option:"no-system-fonts" help:"use only the given and built-in fonts and patterns, nothing installed on this machine (its fonts for characters the others lack, its Thai word list, its hyphenation patterns for languages galley does not embed): the same PDF on every machine (characters the fonts lack are drawn as '�')"`
	// SystemFonts is the default; the option stays for settings that
	// name it.
	SystemFonts bool `option:"system-fonts" help:"(the default) set characters no given font has in a font installed on this machine"`
	// Hyphenation is a pattern file (hyph_*.dic) to use instead of the
	// embedded patterns for the document's language.
	Hyphenation string `option:"hyphenation" file:"" help:"hyphenation pattern FILE (hyph_*.dic), instead of the built-in patterns of the document's language"`
	// Expansion is how far justified lines may scale their glyphs
	// horizontally, as pdfTeX's font expansion does, so that word spaces
	// vary less: 0 means 2.5%, a negative value none.
	Expansion float64 `option:"expansion" default:"0.025" help:"how far justified lines may scale their glyphs (pdfTeX's font expansion); negative: none"`
	// Notes is where notes go: "foot" (the default), at the foot of the
	// page that refers to them, or "end", after each chapter.
	Notes string `option:"notes" default:"foot" choices:"foot,end" help:"where notes go: foot (of the page that refers to them) or end (of each chapter)"`
	// WideTables is what becomes of a table too wide for the page even
	// in 7 pt type: "landscape" sets it on landscape pages, "shrink"
	// shrinks it further (to 4 pt).
	WideTables string `option:"wide-tables" default:"landscape" choices:"landscape,shrink" help:"a table too wide for the page even in 7 pt type: landscape (on pages of its own) or shrink (to 4 pt)"`
	// Untagged leaves out what makes the PDF accessible: the structure
	// tree, marked content and the PDF/UA claim. Tagged PDF is the
	// default, and what the law asks of public bodies in the EU.
	Untagged bool `option:"untagged" help:"leave out the tags (structure tree, marked content) that make the PDF accessible (PDF/UA)"`
	// Archive is the PDF/A level the file claims and meets, for
	// long-term archiving (ISO 19005): "auto" (the default) is PDF/A-2a
	// for a tagged PDF (with PDF/UA-1) and PDF/A-2b for an untagged one;
	// "a-2u" and "a-2b" claim less (no structure; no structure and no
	// text for every glyph); "a-3a", "a-3b", "a-3u" claim PDF/A-3,
	// which allows attached files of any kind (galley attaches none);
	// "none" claims nothing (no output intent, no colour profile).
	Archive string `option:"archive" default:"auto" choices:"auto,a-2a,a-2b,a-2u,a-3a,a-3b,a-3u,none" help:"PDF/A level to claim and meet: auto (a-2a tagged, a-2b untagged), a-2a, a-2b, a-2u, a-3a, a-3b, a-3u or none"`
}

// archive returns the PDF/A part (2 or 3) and conformance level ("A",
// "B", "U") the PDF claims, or 0 for none.
func (c *Config) archive() (part int, level string) {
	switch a := c.Archive; a {
	case "none":
		return 0, ""
	case "", "auto":
		if c.Untagged {
			return 2, "B"
		}
		return 2, "A"
	default:
		return int(a[2] - '0'), strings.ToUpper(a[3:])
	}
}

// Margins are page margins in millimetres: top, right, bottom, left.
type Margins [4]float64

// UnmarshalText parses "TOP,RIGHT,BOTTOM,LEFT", or one number for all
// four, in millimetres.
func (m *Margins) UnmarshalText(b []byte) error {
	s := string(b)
	parts := strings.Split(s, ",")
	if len(parts) != 1 && len(parts) != 4 {
		return fmt.Errorf("%q: give one number or four (top, right, bottom, left) in mm", s)
	}
	var out Margins
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || !(v >= 0 && v <= 200) { // NaN and infinities fail too
			return fmt.Errorf("%q: %q is not a length in mm from 0 to 200", s, strings.TrimSpace(p))
		}
		out[i] = v
	}
	if len(parts) == 1 {
		out = Margins{out[0], out[0], out[0], out[0]}
	}
	*m = out
	return nil
}

// Check reports the first option of c the PDF cannot be made with (an
// unknown paper size, a font size out of range); see option.Checker.
func (c *Config) Check() error {
	if _, level := c.archive(); level == "A" && c.Untagged {
		return fmt.Errorf("pdf: archive %s needs the tags that --untagged leaves out; choose a-2b, or leave the PDF tagged", c.Archive)
	}
	lc, err := New(*c).layoutConfig(&render.Options{})
	if err != nil {
		return err
	}
	return lc.Check()
}

// Renderer renders PDF.
type Renderer struct{ cfg Config }

// Config returns a copy of the renderer's configuration; see
// render.Configurable.
func (r *Renderer) Config() any { c := r.cfg; return &c }

// WithConfig returns a renderer with cfg, a *Config.
func (r *Renderer) WithConfig(cfg any) render.Renderer { return New(*cfg.(*Config)) }

// New returns a PDF renderer.
func New(cfg Config) *Renderer { return &Renderer{cfg: cfg} }

func init() {
	render.Register(render.Format{Name: "pdf", Ext: ".pdf", MediaType: "application/pdf", Binary: true}, New(Config{}))
}

// Fonts names TrueType or OpenType font files for the faces of a family;
// see layout.Fonts.
type Fonts = layout.Fonts

// layoutConfig returns the layout's configuration, for the program's
// options: the PDF's own options, and the theme's where they leave a
// setting at its default (paper, type, margins, justification, chapter
// pages).
func (r *Renderer) layoutConfig(opts *render.Options) (layout.Config, error) {
	c := r.cfg
	th, err := opts.LoadTheme()
	if err != nil {
		return layout.Config{}, err
	}
	lc := layout.Config{Paper: c.Paper, FontSize: c.FontSize, Margins: c.Margins, Ragged: c.Ragged || !th.Paragraphs.Justify,
		NoChapterPages: c.NoChapterPages || !th.Page.ChapterPages, NoTitlePage: c.NoTitlePage, Builtin: c.BuiltinFonts, Fonts: c.Fonts, NoSystemFonts: c.NoSystemFonts,
		Hyphenation: c.Hyphenation, Expansion: c.Expansion, Notes: c.Notes, WideTables: c.WideTables,
		Files: opts.Files, TOC: opts.TOC, TOCDepth: opts.TOCDepth, NoHighlight: opts.NoHighlight,
		MaxImagePixels: opts.ImagePixels(), MaxSVGElements: opts.MaxSVGElements, Theme: th}
	if lc.Paper == "" {
		lc.Paper = th.Page.Size
	}
	if lc.FontSize == 0 {
		lc.FontSize = th.Fonts.Size
	}
	if lc.Builtin == "" {
		lc.Builtin = th.Fonts.Family
	}
	if lc.Margins == (Margins{}) {
		m := th.Page.Margins
		lc.Margins = Margins{m.Top, m.Outer, m.Bottom, m.Inner} // a right-hand page's
	}
	return lc, nil
}

// dumpConfig keeps the typeset pages, for Dump.
func dumpConfig(c layout.Config) layout.Config {
	c.Dump = true
	return c
}

// Render writes d to w as PDF. It does not modify d.
func (r *Renderer) Render(ctx context.Context, w io.Writer, d *doc.Document, opts *render.Options) error {
	opts = opts.WithContext(ctx)
	if opts == nil {
		opts = &render.Options{}
	}
	if _, level := r.cfg.archive(); level == "A" && r.cfg.Untagged {
		return r.cfg.Check()
	}
	cfg, err := r.layoutConfig(opts)
	if err != nil {
		return err
	}
	cfg.Stream = true // each page is drawn, written and let go in turn
	render.Highlight(d, opts)
	l, err := layout.Layout(d, cfg, opts)
	if err != nil {
		return err
	}
	if opts.Paginated != nil {
		opts.Paginated(l.Breaks)
	}
	part, level := r.cfg.archive()
	return emit(w, d, opts, l, !r.cfg.Untagged, part, level)
}

// PageBreaks returns where the pages of d's PDF start in d, for an
// EPUB's page list (see render.Paginator): the body's pages, labelled
// as printed.
func (r *Renderer) PageBreaks(ctx context.Context, d *doc.Document, opts *render.Options) ([]render.PageBreak, error) {
	opts = opts.WithContext(ctx)
	cfg, err := r.layoutConfig(opts)
	if err != nil {
		return nil, err
	}
	cfg.Stream = true // the pages are never drawn: no display lists
	l, err := layout.Layout(d, cfg, opts)
	if err != nil {
		return nil, err
	}
	return l.Breaks, nil
}

// Dump writes the page layout of d as text (see layout.Paged.Dump):
// every line's position and text, page by page, for golden files that
// show what moved.
func (r *Renderer) Dump(w io.Writer, d *doc.Document, opts *render.Options) error {
	if opts == nil {
		opts = &render.Options{}
	}
	cfg, err := r.layoutConfig(opts)
	if err != nil {
		return err
	}
	l, err := layout.Layout(d, dumpConfig(cfg), opts)
	if err != nil {
		return err
	}
	return l.Dump(w)
}
