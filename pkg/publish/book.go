package publish

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/transform"
)

// A book made of several inputs (convert a.md b.md, galley.yaml inputs:,
// an mdBook summary) reads as one document: a file that starts at "##"
// nests under the previous file's "#", links between the files ("b.md",
// "b.md#details") lead to the right section in every format, and each
// file's images are found from its own folder.

// part is one input of a document.
type part struct {
	name string // as given
	file string // its name in the project; "" for standard input
	dir  string // its folder in the project
	d    *doc.Document
	// links are the part's links, and ids the original ids (explicit or
	// made from the title) of its sections and anchors, recorded before
	// the document's ids are made unique.
	links   []*doc.Link
	ids     map[*doc.Section]string
	anchors map[*doc.Anchor]string
	first   *doc.Anchor // the target of a link to the file itself, if made
}

// newPart makes the part for the input shown as in, the file name in
// the project, read as d.
func newPart(in, name string, d *doc.Document) *part {
	return &part{name: in, file: name, dir: path.Dir(name), d: d}
}

// record notes a part's links and original ids, before it is joined.
func (p *part) record() {
	p.ids = map[*doc.Section]string{}
	p.anchors = map[*doc.Anchor]string{}
	doc.Walk(p.d, func(n doc.Node) doc.Visit {
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
func joinParts(parts []*part) *doc.Document {
	d := parts[0].d
	for _, p := range parts[1:] {
		if len(p.d.Blocks) > 0 {
			if len(d.Sections) == 0 {
				d.Blocks = append(d.Blocks, p.d.Blocks...)
			} else {
				s := d.Sections[len(d.Sections)-1]
				for len(s.Sections) > 0 {
					s = s.Sections[len(s.Sections)-1]
				}
				s.Blocks = append(s.Blocks, p.d.Blocks...)
			}
		}
		for _, s := range p.d.Sections {
			if parent := openBelow(d, s.Level); parent != nil {
				parent.Sections = append(parent.Sections, s)
			} else {
				d.Sections = append(d.Sections, s)
			}
		}
		// The first input's metadata wins; later inputs fill what it
		// lacks.
		m := p.d.Meta
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
func targetsFirst(parts []*part) {
	for i, p := range parts {
		if i == 0 || len(p.d.Blocks) == 0 {
			continue
		}
		if para, ok := p.d.Blocks[0].(*doc.Paragraph); ok {
			a := &doc.Anchor{ID: "file-" + transform.Slug(strings.TrimSuffix(filepath.Base(p.name), filepath.Ext(p.name)))}
			para.Inlines = append([]doc.Inline{a}, para.Inlines...)
			p.first = a
			p.anchors[a] = a.ID
		}
	}
}

// linkParts points the links between parts at the sections they name,
// once the document's ids are final.
func linkParts(parts []*part) {
	byFile := map[string]*part{}
	for _, p := range parts {
		if p.file != "" {
			byFile[p.file] = p
		}
	}
	for _, p := range parts {
		if p.file == "" {
			continue
		}
		for _, l := range p.links {
			target, frag, ok := splitLocal(l.URL)
			if !ok {
				continue
			}
			name, err := files.Join(p.dir, target)
			if err != nil {
				continue
			}
			q := byFile[name]
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
func (p *part) find(frag string) string {
	if frag == "" {
		if p.first != nil && p.first.ID != "" {
			return p.first.ID
		}
		for _, s := range p.d.Sections {
			return s.ID
		}
		return ""
	}
	for _, s := range p.d.AllSections() {
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
func rebaseImages(parts []*part) string {
	var dirs []string
	for _, p := range parts {
		if p.dir != "" {
			dirs = append(dirs, p.dir)
		}
	}
	base := commonName(dirs)
	for _, p := range parts {
		if p.file == "" || p.dir == base {
			continue
		}
		doc.Walk(p.d, func(n doc.Node) doc.Visit {
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
			if name, err := files.Join(p.dir, s); err == nil {
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
