// Package officexml reads the zip packages of office documents (Word's
// .docx, OpenDocument's .odt) and their XML parts, within limits: a
// zip bomb, an entity declaration, nesting too deep or a part too large
// is one clear error. A part is read into a small tree whose names carry
// short, fixed prefixes ("w:p", "text:h"), whatever prefixes a file
// declares.
package officexml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Node is an element of an XML part: its name (the namespace prefix
// resolved to a short one: "w", "r", "wp", "a", "pic", "m"…), its
// attributes by short name, its children and text.
type Node struct {
	Name  string
	Attrs map[string]string
	Kids  []*Node
	Text  string // the character data directly inside it
}

// maxDepth is how deep a part's elements may nest: deeper is an error (a
// document Word writes nests a few dozen levels).
const maxDepth = 256

// Parse reads an XML part into a tree. Entities other than XML's five
// are refused (encoding/xml knows no others: nothing expands), and so is
// nesting deeper than maxDepth.
//
// With mixed set, character data becomes children named "#text" (their
// Text), in document order among the elements, instead of Text: OpenDocument
// mixes text and elements in a paragraph; Word keeps text in elements.
func Parse(data []byte, prefixes map[string]string, mixed bool) (*Node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &Node{Name: "#root"}
	stack := []*Node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, fmt.Errorf("elements nest more than %d deep", maxDepth)
			}
			n := &Node{Name: short(t.Name, prefixes)}
			for _, a := range t.Attr {
				if n.Attrs == nil {
					n.Attrs = map[string]string{}
				}
				n.Attrs[short(a.Name, prefixes)] = a.Value
			}
			top := stack[len(stack)-1]
			top.Kids = append(top.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			if mixed {
				top.Kids = append(top.Kids, &Node{Name: "#text", Text: string(t)})
			} else {
				top.Text += string(t)
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return nil, errors.New("declares entities (refused: an office document has none)")
			}
		}
	}
	return root, nil
}

func short(n xml.Name, prefixes map[string]string) string {
	if n.Space == "" {
		return n.Local
	}
	if p, ok := prefixes[n.Space]; ok {
		return p + ":" + n.Local
	}
	if n.Space == "xml" || n.Space == "http://www.w3.org/XML/1998/namespace" {
		return "xml:" + n.Local
	}
	return "?:" + n.Local
}

// Attr returns an attribute's value ("" when absent).
func (n *Node) Attr(name string) string {
	if n == nil {
		return ""
	}
	return n.Attrs[name]
}

// Child returns n's first Child named name, or nil.
func (n *Node) Child(name string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// Path follows children by name: n.Path("w:pPr", "w:pStyle").
func (n *Node) Path(names ...string) *Node {
	for _, name := range names {
		n = n.Child(name)
	}
	return n
}

// Find returns the first descendant named name, depth first, or nil.
func (n *Node) Find(name string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Name == name {
			return k
		}
		if f := k.Find(name); f != nil {
			return f
		}
	}
	return nil
}

// TextOf returns the text of n and its descendants, trimmed ("" for
// nil).
func TextOf(n *Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*Node)
	walk = func(n *Node) {
		b.WriteString(n.Text)
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// Limits on a package.
const (
	maxParts   = 10000    // files in the zip
	maxPart    = 64 << 20 // bytes of one part, inflated
	maxTotal   = 256 << 20
	maxRatio   = 200 // inflated to compressed, for parts over 1 MB
	ratioFloor = 1 << 20
)

// Package is an open package.
type Package struct {
	// Mixed keeps text among the elements (see Parse).
	Mixed    bool
	files    map[string]*zip.File
	total    int64
	prefixes map[string]string
}

// Open opens a zip package whose XML parts use the namespaces prefixes
// maps to short prefixes. A file that is not a zip, or holds more than
// maxParts files, is an error.
func Open(data []byte, prefixes map[string]string) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	if len(zr.File) > maxParts {
		return nil, fmt.Errorf("%d parts in the package, more than %d: refused", len(zr.File), maxParts)
	}
	p := &Package{files: map[string]*zip.File{}, prefixes: prefixes}
	for _, f := range zr.File {
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return p, nil
}

// Has reports whether the package holds a part.
func (p *Package) Has(name string) bool {
	_, ok := p.files[name]
	return ok
}

// Read reads a part, within the limits.
func (p *Package) Read(name string) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, fmt.Errorf("no part %s", name)
	}
	if f.UncompressedSize64 > maxPart || f.UncompressedSize64 > ratioFloor && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxRatio {
		return nil, fmt.Errorf("part %s inflates to %d bytes from %d: refused (a zip bomb?)", name, f.UncompressedSize64, f.CompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("part %s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf("part %s: %w", name, err)
	}
	if len(data) > maxPart {
		return nil, fmt.Errorf("part %s is larger than %d MB: refused", name, maxPart>>20)
	}
	if p.total += int64(len(data)); p.total > maxTotal {
		return nil, fmt.Errorf("the package inflates to more than %d MB: refused", maxTotal>>20)
	}
	return data, nil
}

// XML reads and parses an XML part.
func (p *Package) XML(name string) (*Node, error) {
	data, err := p.Read(name)
	if err != nil {
		return nil, err
	}
	n, err := Parse(data, p.prefixes, p.Mixed)
	if err != nil {
		return nil, fmt.Errorf("part %s: %w", name, err)
	}
	return n, nil
}
