package pdf

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/galleypress/galley/pkg/layout"
)

// Tagged PDF (PDF/UA-1): every piece of page content is marked content
// owned by a structure element (a /MCID), or an /Artifact; the structure
// tree follows the layout's logical elements; link annotations belong to
// their Link elements. The backend writes the marked-content operators,
// records what each belongs to in a tagging, and writes the structure
// tree's objects after the pages.

// tagEvent is one piece of tagged content on a page, in drawing order: a
// marked-content sequence (n its MCID) or a link annotation (annot set;
// left out if it was not written, leading nowhere).
type tagEvent struct {
	elem  *layout.StructElem
	annot *annot
	n     int
}

// tagging is what the backend recorded for the structure tree.
type tagging struct {
	// events holds each page's tagged content, in drawing order.
	events [][]tagEvent
}

// pdfText encodes s as a PDF text string in UTF-16BE, hex-encoded.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// structTree returns the objects of the structure tree, numbered from
// first: the StructTreeRoot (first), the parent tree (first+1), then one
// StructElem per element that holds content, each after its parent.
// pages are the page objects' numbers; nextKey is the parent tree's next
// key (the pages', then the link annotations').
//
// An element's kids are its content and its child elements in the order
// they are drawn, which is the reading order: the layout draws the pages
// in order and each page from top to bottom, notes at its foot last.
func (t *tagging) structTree(first int, pages []int, nextKey int) []string {
	num := map[*layout.StructElem]int{}
	kids := map[*layout.StructElem][]string{}
	pg := map[*layout.StructElem]int{} // the page of an element's first content
	var order, tops []*layout.StructElem
	next := first + 2
	var attach func(e *layout.StructElem) int
	attach = func(e *layout.StructElem) int {
		if n, ok := num[e]; ok {
			return n
		}
		// The parent comes first, so that every element's number is
		// greater than its parent's.
		if e.Parent != nil {
			attach(e.Parent)
		}
		n := next
		next++
		num[e] = n
		order = append(order, e)
		if e.Parent != nil {
			ref := fmt.Sprintf("%d 0 R", n)
			at := len(kids[e.Parent])
			if a, ok := num[e.After]; ok && e.After.Parent == e.Parent {
				// Read right after the sibling it follows (a footnote
				// after its reference), not where it is drawn.
				if i := slices.Index(kids[e.Parent], fmt.Sprintf("%d 0 R", a)); i >= 0 {
					at = i + 1
				}
			}
			kids[e.Parent] = slices.Insert(kids[e.Parent], at, ref)
		} else {
			tops = append(tops, e)
		}
		return n
	}
	type keyed struct{ key, elem int }
	var annotKeys []keyed
	var parentTree strings.Builder
	parentTree.WriteString("<</Nums [")
	for p, events := range t.events {
		if p >= len(pages) {
			break
		}
		var mcids []string
		for _, ev := range events {
			if ev.annot != nil && ev.annot.obj == 0 {
				continue // a link that leads nowhere: not written
			}
			n := attach(ev.elem)
			if ev.annot == nil {
				// Content on the element's own page (its /Pg) is just
				// the MCID.
				if first, ok := pg[ev.elem]; !ok || first == pages[p] {
					pg[ev.elem] = pages[p]
					kids[ev.elem] = append(kids[ev.elem], strconv.Itoa(ev.n))
				} else {
					kids[ev.elem] = append(kids[ev.elem], fmt.Sprintf("<</Type /MCR /Pg %d 0 R /MCID %d>>", pages[p], ev.n))
				}
				mcids = append(mcids, fmt.Sprintf("%d 0 R", n))
				continue
			}
			kids[ev.elem] = append(kids[ev.elem], fmt.Sprintf("<</Type /OBJR /Pg %d 0 R /Obj %d 0 R>>", pages[p], ev.annot.obj))
			annotKeys = append(annotKeys, keyed{ev.annot.key, n})
		}
		fmt.Fprintf(&parentTree, "%d [%s] ", p, strings.Join(mcids, " "))
	}
	sort.Slice(annotKeys, func(i, j int) bool { return annotKeys[i].key < annotKeys[j].key })
	for _, k := range annotKeys {
		fmt.Fprintf(&parentTree, "%d %d 0 R ", k.key, k.elem)
	}
	treeText := strings.TrimSuffix(parentTree.String(), " ") + "]>>"
	// Table cells and rows without content are kept, empty, so that
	// every row of a table has its width (PDF/UA-1 7.2): each goes
	// after its previous sibling that is in the tree.
	for i := 0; i < len(order); i++ {
		p := order[i]
		var prev *layout.StructElem
		for _, k := range p.Kids {
			if _, ok := num[k]; ok {
				prev = k
				continue
			}
			if k.Role != "TR" && k.Role != "TD" && k.Role != "TH" {
				continue
			}
			n := next
			next++
			num[k] = n
			order = append(order, k)
			ref := fmt.Sprintf("%d 0 R", n)
			at := 0
			if prev != nil {
				at = slices.Index(kids[p], fmt.Sprintf("%d 0 R", num[prev])) + 1
			}
			kids[p] = slices.Insert(kids[p], at, ref)
			prev = k
		}
	}
	var top []string
	for _, e := range tops {
		top = append(top, fmt.Sprintf("%d 0 R", num[e]))
	}
	// The IDTree maps each element's /ID to it: a name tree of one
	// node, its keys in byte order.
	var ids []*layout.StructElem
	for _, e := range order {
		if e.ID != "" {
			ids = append(ids, e)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].ID < ids[j].ID })
	idTree := ""
	if len(ids) > 0 {
		var names []string
		for i, e := range ids {
			if i > 0 && e.ID == ids[i-1].ID {
				continue // ids are unique; a repeat names the first
			}
			names = append(names, fmt.Sprintf("%s %d 0 R", pdfString(e.ID), num[e]))
		}
		idTree = fmt.Sprintf(" /IDTree <</Names [%s]>>", strings.Join(names, " "))
	}
	objs := []string{
		fmt.Sprintf("<</Type /StructTreeRoot /K [%s] /ParentTree %d 0 R /ParentTreeNextKey %d%s>>", strings.Join(top, " "), first+1, nextKey, idTree),
		treeText,
	}
	for _, e := range order {
		parent := fmt.Sprintf("%d 0 R", first)
		if e.Parent != nil {
			parent = fmt.Sprintf("%d 0 R", num[e.Parent])
		}
		var b strings.Builder
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %s", e.Role, parent)
		if p, ok := pg[e]; ok {
			fmt.Fprintf(&b, " /Pg %d 0 R", p)
		}
		fmt.Fprintf(&b, " /K [%s]", strings.Join(kids[e], " "))
		if e.Alt != "" || e.Role == "Figure" {
			fmt.Fprintf(&b, " /Alt %s", pdfText(e.Alt))
		}
		if e.ActualText != "" {
			fmt.Fprintf(&b, " /ActualText %s", pdfText(e.ActualText))
		}
		if e.ID != "" {
			fmt.Fprintf(&b, " /ID %s", pdfString(e.ID))
		}
		if e.Lang != "" {
			fmt.Fprintf(&b, " /Lang %s", pdfString(e.Lang))
		}
		var table []string
		if e.Scope != "" {
			table = append(table, "/Scope /"+e.Scope)
		}
		if e.RowSpan > 1 {
			table = append(table, fmt.Sprintf("/RowSpan %d", e.RowSpan))
		}
		if e.ColSpan > 1 {
			table = append(table, fmt.Sprintf("/ColSpan %d", e.ColSpan))
		}
		if len(table) > 0 {
			fmt.Fprintf(&b, " /A <</O /Table %s>>", strings.Join(table, " "))
		}
		b.WriteString(">>")
		objs = append(objs, b.String())
	}
	return objs
}

// xmpInfo is what the XMP metadata says.
type xmpInfo struct {
	title    string
	authors  []string
	lang     string
	subject  string
	keywords string
	date     string // ISO 8601: created and modified
	producer string
	// ua claims PDF/UA-1; pdfaPart (2 or 3) and pdfaLevel ("A", "B",
	// "U") claim PDF/A.
	ua        bool
	pdfaPart  int
	pdfaLevel string
}

// xmp returns the document's XMP metadata: its title, authors, language,
// subject, keywords, dates, and the PDF/UA and PDF/A identification.
// Each entry of the document information dictionary has its equivalent
// here, as PDF/A asks (ISO 19005-2 6.6.2.3); a PDF/A file describes the
// PDF/UA schema, which PDF/A does not predefine, in an extension schema
// (6.6.2.3.2).
func xmp(x xmpInfo) []byte {
	esc := func(s string) string {
		// Characters XML cannot hold (controls, U+FFFE, U+FFFF) go.
		s = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r < 0xE000 {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD"))
		r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
		return r.Replace(s)
	}
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
`)
	if x.ua {
		b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	}
	if x.pdfaPart > 0 {
		fmt.Fprintf(&b, "<pdfaid:part>%d</pdfaid:part>\n<pdfaid:conformance>%s</pdfaid:conformance>\n", x.pdfaPart, x.pdfaLevel)
	}
	b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(x.title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if len(x.authors) > 0 {
		authors := x.authors
		if x.pdfaPart > 0 {
			// The document information's Author, "A, B", is its one
			// item (ISO 19005-2 6.6.2.3.1).
			authors = []string{strings.Join(authors, ", ")}
		}
		b.WriteString("<dc:creator><rdf:Seq>")
		for _, a := range authors {
			b.WriteString("<rdf:li>" + esc(a) + "</rdf:li>")
		}
		b.WriteString("</rdf:Seq></dc:creator>\n")
	}
	if x.subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(x.subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if x.lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(x.lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if x.keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(x.keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString("<pdf:Producer>" + esc(x.producer) + "</pdf:Producer>\n")
	b.WriteString("<xmp:CreatorTool>" + esc(x.producer) + "</xmp:CreatorTool>\n")
	b.WriteString("<xmp:CreateDate>" + x.date + "</xmp:CreateDate>\n")
	b.WriteString("<xmp:ModifyDate>" + x.date + "</xmp:ModifyDate>\n")
	b.WriteString("</rdf:Description>\n")
	if x.pdfaPart > 0 && x.ua {
		b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`)
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
