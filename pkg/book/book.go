// Package book makes one document of many files: several inputs joined
// in order (galley convert a.md b.md, galley.yaml's inputs:), and mdBook
// books (a SUMMARY.md listing the chapters, a book.toml, {{#include}}s).
//
// A book reads as one document: a file that starts at "##" nests under
// the previous file's "#", links between the files ("b.md",
// "b.md#details") lead to the right section in every format, and each
// file's images are found from its own folder. Package publish reads
// the files (confined to the project folder) and parses them; this
// package joins them.
package book

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/transform"
)

// Part is one file of a book.
type Part struct {
	// Name is the file as the user named it ("chapters/b.md").
	Name string
	// File is its name in the project folder, slash-separated ("" for
	// standard input); links between parts name their files.
	File string
	// Dir is the folder, in the project, its images are relative to.
	Dir string
	// Doc is the file read.
	Doc *doc.Document

	// links are the part's links, and ids the original ids (explicit or
	// made from the title) of its sections and anchors, recorded before
	// the document's ids are made unique.
	links   []*doc.Link
	ids     map[*doc.Section]string
	anchors map[*doc.Anchor]string
	first   *doc.Anchor // the target of a link to the file itself, if made
}

// NewPart returns the part for the file the user named name, file in
// the project folder, read as d.
func NewPart(name, file string, d *doc.Document) *Part {
	return &Part{Name: name, File: file, Dir: path.Dir(file), Doc: d}
}

// Book is a document joined from parts.
type Book struct {
	// Doc is the joined document: the first part's, with the others'
	// blocks and sections added.
	Doc *doc.Document
	// Base is the folder, in the project, the joined document's images
	// are relative to: the one that holds every part's.
	Base  string
	parts []*Part
}

// Join joins parts (one at least) into one document. Call Link once the
// document's ids are final (after transform.Standard).
func Join(parts []*Part) *Book {
	base := rebaseImages(parts)
	if len(parts) > 1 {
		for _, p := range parts {
			p.record()
		}
		targetsFirst(parts)
	}
	return &Book{Doc: joinParts(parts), Base: base, parts: parts}
}

// Link points the links between the parts at the sections they name, in
// the joined document whose ids are now final.
func (b *Book) Link() {
	if len(b.parts) > 1 {
		linkParts(b.parts)
	}
}

// record notes a part's links and original ids, before it is joined.
func (p *Part) record() {
	p.ids = map[*doc.Section]string{}
	p.anchors = map[*doc.Anchor]string{}
	doc.Walk(p.Doc, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Link:
			p.links = append(p.links, n)
		case *doc.Section:
			id := n.ID
			if id == "" {
				id = transform.Slug(doc.PlainText(n.Title))
			}
			p.ids[n] = id
		case *doc.Anchor:
			p.anchors[n] = n.ID
		}
		return doc.Continue
	})
}

// joinParts joins the parts' documents into the first: each part's
// opening blocks go into the deepest section open before it, and each of
// its sections under the deepest open section of a lower level.
func joinParts(parts []*Part) *doc.Document {
	d := parts[0].Doc
	for _, p := range parts[1:] {
		if len(p.Doc.Blocks) > 0 {
			if len(d.Sections) == 0 {
				d.Blocks = append(d.Blocks, p.Doc.Blocks...)
			} else {
				s := d.Sections[len(d.Sections)-1]
				for len(s.Sections) > 0 {
					s = s.Sections[len(s.Sections)-1]
				}
				s.Blocks = append(s.Blocks, p.Doc.Blocks...)
			}
		}
		for _, s := range p.Doc.Sections {
			if parent := openBelow(d, s.Level); parent != nil {
				parent.Sections = append(parent.Sections, s)
			} else {
				d.Sections = append(d.Sections, s)
			}
		}
		// The first input's metadata wins; later inputs fill what it
		// lacks.
		m := p.Doc.Meta
		m.Override(&d.Meta)
		d.Meta = m
	}
	return d
}

// openBelow returns the deepest section still open at the end of d whose
// level is lower than level, or nil.
func openBelow(d *doc.Document, level int) *doc.Section {
	var best *doc.Section
	ss := d.Sections
	for len(ss) > 0 {
		s := ss[len(ss)-1]
		if s.Level >= level {
			break
		}
		best = s
		ss = s.Sections
	}
	return best
}

// targetsFirst gives each part after the first a target for links to
// the file itself: its first section, or an anchor at its start.
func targetsFirst(parts []*Part) {
	for i, p := range parts {
		if i == 0 || len(p.Doc.Blocks) == 0 {
			continue
		}
		if para, ok := p.Doc.Blocks[0].(*doc.Paragraph); ok {
			a := &doc.Anchor{ID: "file-" + transform.Slug(strings.TrimSuffix(filepath.Base(p.Name), filepath.Ext(p.Name)))}
			para.Inlines = append([]doc.Inline{a}, para.Inlines...)
			p.first = a
			p.anchors[a] = a.ID
		}
	}
}

// linkParts points the links between parts at the sections they name,
// once the document's ids are final.
func linkParts(parts []*Part) {
	byFile := map[string]*Part{}
	for _, p := range parts {
		if p.File != "" {
			byFile[p.File] = p
		}
	}
	for _, p := range parts {
		if p.File == "" {
			continue
		}
		for _, l := range p.links {
			target, frag, ok := splitLocal(l.URL)
			if !ok {
				continue
			}
			name, err := files.Join(p.Dir, target)
			if err != nil {
				continue
			}
			q := byFile[name]
			// A link to the page a book builder makes of a chapter
			// ("format/theme/index.html", "intro.html") leads to the
			// chapter.
			if html, ok := strings.CutSuffix(name, ".html"); q == nil && ok {
				q = byFile[html+".md"]
				if dir, ok := strings.CutSuffix(html, "index"); q == nil && ok {
					q = byFile[dir+"README.md"]
				}
			}
			if q == nil {
				continue
			}
			if id := q.find(frag); id != "" {
				l.URL = "#" + id
			}
		}
	}
}

// find returns the final id of the section or anchor a fragment names in
// the part ("" for the part itself).
func (p *Part) find(frag string) string {
	if frag == "" {
		if p.first != nil && p.first.ID != "" {
			return p.first.ID
		}
		for _, s := range p.Doc.Sections {
			return s.ID
		}
		return ""
	}
	for _, s := range p.Doc.AllSections() {
		if p.ids[s] == frag || s.ID == frag {
			return s.ID
		}
	}
	for a, orig := range p.anchors {
		if orig == frag && a.ID != "" {
			return a.ID
		}
	}
	return frag
}

// splitLocal splits a link to a local file ("b.md#details") into its
// path and fragment, both unescaped; ok is false for other links.
func splitLocal(u string) (path, frag string, ok bool) {
	if u == "" || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "/") || doc.URLScheme(u) != "" {
		return "", "", false
	}
	path, frag, _ = strings.Cut(u, "#")
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	return path, frag, path != ""
}

// rebaseImages returns the folder, in the project, that the document's
// images are read from: the folder that holds every input. The local
// images of the parts are made relative to it ("part2/b.png",
// "../shared/c.png"), so that each file's images are found from its own
// folder.
func rebaseImages(parts []*Part) string {
	var dirs []string
	for _, p := range parts {
		if p.Dir != "" {
			dirs = append(dirs, p.Dir)
		}
	}
	base := commonName(dirs)
	for _, p := range parts {
		if p.File == "" || p.Dir == base {
			continue
		}
		doc.Walk(p.Doc, func(n doc.Node) doc.Visit {
			var src *string
			switch n := n.(type) {
			case *doc.Image:
				src = &n.Src
			case *doc.Figure:
				src = &n.Src
			default:
				return doc.Continue
			}
			s := *src
			if s == "" || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || doc.URLScheme(s) != "" {
				return doc.Continue
			}
			if u, err := url.PathUnescape(s); err == nil {
				s = u
			}
			if name, err := files.Join(p.Dir, s); err == nil {
				*src = relName(base, name)
			}
			return doc.Continue
		})
	}
	return base
}

// commonName returns the deepest folder holding every folder of dirs,
// names in one file system ("." for none).
func commonName(dirs []string) string {
	if len(dirs) == 0 {
		return "."
	}
	base := dirs[0]
	for _, d := range dirs[1:] {
		for base != "." && d != base && !strings.HasPrefix(d, base+"/") {
			base = path.Dir(base)
		}
	}
	return base
}

// relName returns the slash-separated path from the folder from to the
// name to, both names in one file system: relName("a/b", "c/d.png") is
// "../../c/d.png".
func relName(from, to string) string {
	split := func(s string) []string {
		if s == "." || s == "" {
			return nil
		}
		return strings.Split(s, "/")
	}
	f, t := split(from), split(to)
	i := 0
	for i < len(f) && i < len(t) && f[i] == t[i] {
		i++
	}
	var out []string
	for range f[i:] {
		out = append(out, "..")
	}
	out = append(out, t[i:]...)
	if len(out) == 0 {
		return "."
	}
	return strings.Join(out, "/")
}
