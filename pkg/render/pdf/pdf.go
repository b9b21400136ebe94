// Package pdf renders documents as PDF typeset like a book: embedded and
// subset fonts, Knuth–Plass justified paragraphs with hyphenation (from
// package typeset and package hyphen), headings kept with what follows,
// no widows or orphans, running headers, page numbers "3 / 25", a title
// page, an outline and links. It is the only package that imports fpdf.
//
// The whole document is laid out before anything is emitted, so the page
// count is known; the output depends on nothing but the input: fixed
// dates, a sorted catalog, no clock.
package pdf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/hyphen"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/typeset"
)

// Config configures a Renderer. The zero value sets A4 pages in 10.5 pt
// Go fonts, justified and hyphenated in the document's language.
type Config struct {
	// Paper is "a4" (the default), "letter" or "a5".
	Paper string `option:"paper" default:"a4" help:"paper size: a4, a5 or letter"`
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
	// Fonts replaces the built-in Go fonts.
	Fonts Fonts `option:"fonts" flag:"font" file:"" help:"font file (TTF/OTF) for a face: FACE=FILE, FACE one of regular, bold, italic, bolditalic, mono (repeatable)"`
	// Hyphenation is a pattern file (hyph_*.dic) to use instead of the
	// embedded patterns for the document's language.
	Hyphenation string `option:"hyphenation" file:"" help:"hyphenation pattern FILE (hyph_*.dic), instead of the built-in nl and en patterns"`
	// Expansion is how far justified lines may scale their glyphs
	// horizontally, as pdfTeX's font expansion does, so that word spaces
	// vary less: 0 means 2.5%, a negative value none.
	Expansion float64 `option:"expansion" default:"0.025" help:"how far justified lines may scale their glyphs (pdfTeX's font expansion); negative: none"`
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

// geometry is the page and type geometry, in Units.
type geometry struct {
	pageW, pageH             unit
	top, right, bottom, left unit
	measure, textHeight      unit
	size, leading, parskip   unit
	expansion                float64
}

var papers = map[string][2]float64{
	"a4":     {595.28, 841.89},
	"letter": {612, 792},
	"a5":     {419.53, 595.28},
}

func (r *Renderer) geometry() (geometry, error) {
	paper := strings.ToLower(r.cfg.Paper)
	if paper == "" {
		paper = "a4"
	}
	dims, ok := papers[paper]
	if !ok {
		return geometry{}, fmt.Errorf("pdf: unknown paper %q (known: a4, a5, letter)", r.cfg.Paper)
	}
	size := r.cfg.FontSize
	if size == 0 {
		size = 10.5
	}
	if !(size >= 4 && size <= 48) { // NaN fails too
		return geometry{}, fmt.Errorf("pdf: font size %g pt is out of range (4 to 48)", size)
	}
	for i, m := range r.cfg.Margins {
		if !(m >= 0 && m <= 200) {
			return geometry{}, fmt.Errorf("pdf: %s margin %g mm is out of range (0 to 200)", [...]string{"top", "right", "bottom", "left"}[i], m)
		}
	}
	g := geometry{pageW: typeset.FromPoints(dims[0]), pageH: typeset.FromPoints(dims[1])}
	g.size = typeset.FromPoints(size)
	g.leading = g.size * 4 / 3
	g.parskip = g.leading / 2
	switch e := r.cfg.Expansion; {
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
	g.top = mm(r.cfg.Margins[0], 25*typeset.Mm)
	g.right = mm(r.cfg.Margins[1], side)
	g.bottom = mm(r.cfg.Margins[2], 28*typeset.Mm)
	g.left = mm(r.cfg.Margins[3], side)
	g.measure = g.pageW - g.left - g.right
	g.textHeight = g.pageH - g.top - g.bottom
	if g.measure < g.size*8 || g.textHeight < g.leading*6 {
		return geometry{}, errors.New("pdf: the margins leave no room for text")
	}
	return g, nil
}

// Render writes d to w as PDF. It does not modify d.
func (r *Renderer) Render(w io.Writer, d *doc.Document, opts *render.Options) error {
	if opts == nil {
		opts = &render.Options{}
	}
	pages, l, err := r.layout(d, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := r.emit(bw, d, opts, l, pages); err != nil {
		return err
	}
	return bw.Flush()
}

// Dump writes the page layout of d as text (see typeset.Dump): every
// line's position and text, page by page, for golden files that show
// what moved.
func (r *Renderer) Dump(w io.Writer, d *doc.Document, opts *render.Options) error {
	pages, _, err := r.layout(d, opts)
	if err != nil {
		return err
	}
	return typeset.Dump(w, pages)
}

// layout lays d out into pages without emitting PDF.
func (r *Renderer) layout(d *doc.Document, opts *render.Options) ([]typeset.Page, *layout, error) {
	if opts == nil {
		opts = &render.Options{}
	}
	g, err := r.geometry()
	if err != nil {
		return nil, nil, err
	}
	fam, err := loadFamily(r.cfg.Fonts)
	if err != nil {
		return nil, nil, err
	}
	l := &layout{r: r, fam: fam, g: g, d: d, opts: opts, missing: map[rune][]string{}, missingCount: map[rune]int{},
		images: newImageSet(opts.Resources, opts)}
	if r.cfg.Hyphenation != "" {
		p, err := hyphen.Load(r.cfg.Hyphenation)
		if err != nil {
			return nil, nil, fmt.Errorf("pdf: %w", err)
		}
		l.hyph = p
	} else if p := hyphen.ForLang(d.Meta.Lang); p != nil {
		l.hyph = p
	} else if d.Meta.Lang != "" && !r.cfg.Ragged {
		opts.Warnf("pdf: no hyphenation patterns for language %q (built in: %s); lines are not hyphenated; give a pattern file with --hyphenation", d.Meta.Lang, strings.Join(hyphen.Languages(), ", "))
	}
	l.document()
	if l.err != nil {
		return nil, nil, l.err
	}
	if msg := l.missingReport(); msg != "" {
		if opts.Strict {
			return nil, nil, errors.New("pdf: " + msg)
		}
		opts.Warnf("pdf: %s", msg)
	}
	return typeset.Paginate(l.elems, g.textHeight), l, nil
}

func labelNotes(lang string) string { return render.Label(lang, "notes") }
