// Package docx reads Word documents (Office Open XML, .docx) into galley's
// model: headings from paragraph styles and outline levels, lists from
// the numbering part, tables with their header rows and merged cells,
// footnotes and endnotes, hyperlinks and bookmarks, images with their
// alternative text, inline formatting, the language of runs, tracked
// changes accepted, and the core properties as metadata.
//
// The package is a zip read with archive/zip, its parts XML read with
// encoding/xml (no entity expands; nesting is bounded); every part is
// read with a bound on its size and on how much it inflates, so that a
// zip bomb is one clear error. Relationships to external targets are
// links, never fetched.
package docx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/internal/officexml"
)

// Reader reads .docx files. The zero value reads with the defaults.
type Reader struct{ cfg Config }

// Config configures a Reader. The zero value is the default.
type Config struct {
	// Changes says what becomes of tracked changes: "accept" (the
	// default: insertions kept, deletions dropped, moved text where it
	// went) or "reject" (the original: deletions kept, insertions
	// dropped, moved text where it was).
	Changes string `option:"track-changes" default:"accept" choices:"accept,reject" help:"Word: tracked changes accepted (the text as it is now) or rejected (the original)"`
}

// New returns a reader with cfg.
func New(cfg Config) Reader { return Reader{cfg: cfg} }

// Config returns a copy of the reader's configuration.
func (r Reader) Config() any { c := r.cfg; return &c }

// WithConfig returns a reader with cfg, a *Config.
func (r Reader) WithConfig(cfg any) read.Reader { return New(*cfg.(*Config)) }

func init() {
	read.Register(read.Format{Name: "docx", Exts: []string{".docx"}, Binary: true}, Reader{})
}

// maxRowsCols bounds a table's rows and columns.
const maxRowsCols = 10000

// Read reads a Word document.
func (rd Reader) Read(ctx context.Context, r io.Reader, opts *read.Options) (*doc.Document, error) {
	if opts == nil {
		opts = &read.Options{}
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	p, err := officexml.Open(data, prefixes)
	if err != nil {
		return nil, errors.New("docx: not a Word document (.docx is a zip package; this one cannot be opened: " + err.Error() + ")")
	}
	main := "word/document.xml"
	if rels, err := p.XML("_rels/.rels"); err == nil {
		for _, rel := range rels.Path("rel:Relationships").Kids {
			if strings.HasSuffix(rel.Attr("Type"), "/officeDocument") {
				main = strings.TrimPrefix(path.Clean("/"+rel.Attr("Target")), "/")
			}
		}
	}
	body, err := p.XML(main)
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	c := &converter{ctx: ctx, pkg: p, opts: opts, reject: rd.cfg.Changes == "reject", dir: path.Dir(main), styles: map[string]*style{}, nums: map[string]*numbering{}, listStarts: map[string]int{}}
	c.rels = c.relsOf(main)
	if s, err := p.XML(c.part(c.target("styles", "styles.xml"))); err == nil {
		c.readStyles(s)
	}
	if n, err := p.XML(c.part(c.target("numbering", "numbering.xml"))); err == nil {
		c.readNumbering(n)
	}
	for _, kind := range []string{"footnotes", "endnotes"} {
		if n, err := p.XML(c.part(c.target(kind, kind+".xml"))); err == nil {
			c.readNotes(n, kind)
		}
	}
	if p.Has(path.Join(c.dir, "comments.xml")) {
		opts.Warnf(0, "%w", diag.Warnf("docx-comments", "the document's comments are left out"))
	}
	d := &doc.Document{}
	c.meta(&d.Meta)
	blocks := c.blocks(body.Path("w:document", "w:body").Kids)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc.NewBuilder(d).Blocks(officexml.FoldAnchors(blocks))
	if c.title != "" && d.Meta.Title == "" {
		d.Meta.Title = c.title
	}
	if c.subtitle != "" && d.Meta.Subtitle == "" {
		d.Meta.Subtitle = c.subtitle
	}
	return d, nil
}

// relsOf reads the relationships of a part: id → target (external
// targets kept as written, internal ones relative to the part's folder).
func (c *converter) relsOf(part string) map[string]rel {
	out := map[string]rel{}
	n, err := c.pkg.XML(path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"))
	if err != nil {
		return out
	}
	for _, r := range n.Path("rel:Relationships").Kids {
		out[r.Attr("Id")] = rel{typ: r.Attr("Type"), target: r.Attr("Target"), external: r.Attr("TargetMode") == "External"}
	}
	return out
}

type rel struct {
	typ, target string
	external    bool
}

// target returns the target of the main part's relationship of a type
// ending in kind, else def.
// part names the package part a relationship's target points to: an
// absolute target ("/word/styles.xml") from the package's root, a
// relative one from the main part's folder.
func (c *converter) part(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", c.dir, target)), "/")
}

func (c *converter) target(kind, def string) string {
	for _, r := range c.rels {
		if strings.HasSuffix(r.typ, "/"+kind) && !r.external {
			return r.target
		}
	}
	return def
}

// meta reads the core properties and the document's default language.
func (c *converter) meta(m *doc.Meta) {
	if core, err := c.pkg.XML("docProps/core.xml"); err == nil {
		props := core.Child("cp:coreProperties")
		get := func(name string) string { return strings.TrimSpace(officexml.TextOf(props.Child(name))) }
		if props != nil {
			m.Title = get("dc:title")
			if a := get("dc:creator"); a != "" {
				m.Authors = []string{a}
			}
			m.Description = get("dc:description")
			if m.Description == "" {
				m.Description = get("dc:subject")
			}
			if k := get("cp:keywords"); k != "" {
				for _, w := range strings.FieldsFunc(k, func(r rune) bool { return r == ',' || r == ';' }) {
					if w = strings.TrimSpace(w); w != "" {
						m.Keywords = append(m.Keywords, w)
					}
				}
			}
			m.Lang = get("dc:language")
			for _, k := range []string{"dcterms:modified", "dcterms:created"} {
				if v := get(k); len(v) >= 10 && m.Date == "" {
					m.Date = v[:10]
				}
			}
		}
	}
	if m.Lang == "" {
		m.Lang = c.defaultLang
	}
}

// strconvAtoi is strconv.Atoi without the error.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
