package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

var (
	startxref = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	xrefHead  = regexp.MustCompile(`^xref\n0 (\d+)\n`)
	parentRef = regexp.MustCompile(`/Parent (\d+) 0 R`)
	sizeEntry = regexp.MustCompile(`/Size \d+`)
)

// pageHead starts every page object fpdf writes.
const pageHead = "<</Type /Page\n"

// repair mends two things fpdf writes against the PDF specification, so
// that strict validators (pdfcpu) accept the file:
//
//   - every outline item gets /Count 0, which is wrong for an item with
//     children; all items are open, so /Count becomes the number of
//     descendants (and the outline root gets its total);
//   - link annotations are written inline in a page's /Annots array,
//     which must hold indirect references; each becomes an object of its
//     own.
//
// The cross-reference table is rebuilt for the changed offsets.
//
// catalog, if set, holds entries to add to the document catalog
// ("/PageLabels <<…>>"), which fpdf has no call for. tags, if set, adds
// the structure tree of a tagged PDF (see tag.go): its objects, the
// catalog's /StructTreeRoot and /MarkInfo, each page's /StructParents
// and /Tabs, and each link annotation's /StructParent and /Contents.
func repair(data []byte, catalog string, tags *tagging) ([]byte, error) {
	m := startxref.FindSubmatchIndex(data)
	if m == nil {
		return nil, errors.New("pdf: no startxref")
	}
	xrefAt, _ := strconv.Atoi(string(data[m[2]:m[3]]))
	if xrefAt <= 0 || xrefAt >= len(data) {
		return nil, errors.New("pdf: bad startxref")
	}
	h := xrefHead.FindSubmatch(data[xrefAt:])
	if h == nil {
		return nil, errors.New("pdf: no xref table")
	}
	n, _ := strconv.Atoi(string(h[1]))
	table := xrefAt + len(h[0])
	if table+20*n > len(data) {
		return nil, errors.New("pdf: short xref table")
	}
	type object struct {
		num, start, end int
	}
	var objs []object
	for i := 1; i < n; i++ {
		entry := data[table+20*i : table+20*i+20]
		if entry[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(entry[:10]))
		if err != nil {
			return nil, fmt.Errorf("pdf: bad xref entry %d", i)
		}
		objs = append(objs, object{num: i, start: off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].start < objs[j].start })
	for i := range objs {
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		} else {
			objs[i].end = xrefAt
		}
	}
	// The outline tree: items name their parent.
	kids := map[int][]int{}
	root := -1
	for _, o := range objs {
		body := data[o.start:o.end]
		switch {
		case bytes.Contains(body, []byte("<</Type /Outlines")):
			root = o.num
		case bytes.HasPrefix(body[bytes.IndexByte(body, '\n')+1:], []byte("<</Title ")):
			if p := parentRef.FindSubmatch(body); p != nil {
				parent, _ := strconv.Atoi(string(p[1]))
				kids[parent] = append(kids[parent], o.num)
			}
		}
	}
	var count func(int) int
	count = func(num int) int {
		c := 0
		for _, k := range kids[num] {
			c += 1 + count(k)
		}
		return c
	}
	// The pages' content streams, which fpdf left uncompressed.
	contents := map[int]bool{}
	for _, o := range objs {
		body := data[o.start:o.end]
		if bytes.Contains(body, []byte(pageHead)) {
			if c := contentsRef.FindSubmatch(body); c != nil {
				num, _ := strconv.Atoi(string(c[1]))
				contents[num] = true
			}
		}
	}
	z := newCompressor()
	var out bytes.Buffer
	out.Grow(len(data) / 3)
	head := data[:objs[0].start]
	if bytes.HasPrefix(head, []byte("%PDF-1.")) {
		// XMP metadata and tagged PDF are PDF 1.4 and later; PDF/UA-1
		// is based on PDF 1.7. The header keeps its length.
		head = append([]byte("%PDF-1.7"), head[len("%PDF-1.3"):]...)
	}
	out.Write(head)
	offsets := map[int]int{}
	var annots [][]byte // new annotation objects, numbered from n
	var pageObjs []int  // page objects, in page order
	var pageAnnots [][]int
	// With tags, the structure tree's objects follow the annotations:
	// its root's number must be known when the catalog is written, so
	// the annotations are counted first. The annotations' struct parent
	// keys follow the pages'.
	var structRoot, pages int
	if tags != nil {
		var scratch [][]byte
		for _, o := range objs {
			body := data[o.start:o.end]
			if bytes.Contains(body, []byte(pageHead)) {
				pages++
			}
			if i := bytes.Index(body, []byte("/Annots [<<")); i >= 0 {
				if _, err := indirectAnnots(body, i+len("/Annots ["), n, &scratch); err != nil {
					return nil, err
				}
			}
		}
		structRoot = n + len(scratch)
		catalog += fmt.Sprintf("\n/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>", structRoot)
	}
	for _, o := range objs {
		offsets[o.num] = out.Len()
		body := data[o.start:o.end]
		if contents[o.num] {
			var err error
			if body, err = z.stream(body); err != nil {
				return nil, err
			}
		}
		page := -1
		if bytes.Contains(body, []byte(pageHead)) {
			page = len(pageObjs)
			pageObjs = append(pageObjs, o.num)
			pageAnnots = append(pageAnnots, nil)
			if tags != nil {
				body = bytes.Replace(body, []byte(pageHead), []byte(fmt.Sprintf("%s/StructParents %d\n/Tabs /S\n", pageHead, page)), 1)
			}
		}
		switch c := count(o.num); {
		case o.num == root:
			body = bytes.Replace(body, []byte("<</Type /Outlines"), []byte("<</Type /Outlines /Count "+strconv.Itoa(c)), 1)
		case c > 0:
			body = bytes.Replace(body, []byte("/Count 0>>"), []byte("/Count "+strconv.Itoa(c)+">>"), 1)
		}
		if catalog != "" && bytes.Contains(body, []byte("/Type /Catalog")) {
			start := bytes.Index(body, []byte("<<"))
			end, err := dictEnd(body, start)
			if err != nil {
				return nil, err
			}
			body = append(append(append(append([]byte(nil), body[:end-2]...), catalog...), "\n>>"...), body[end:]...)
		}
		if i := bytes.Index(body, []byte("/Annots [<<")); i >= 0 {
			before := len(annots)
			var err error
			if body, err = indirectAnnots(body, i+len("/Annots ["), n, &annots); err != nil {
				return nil, err
			}
			for k := before; k < len(annots) && page >= 0; k++ {
				pageAnnots[page] = append(pageAnnots[page], n+k)
				if tags == nil {
					continue
				}
				entries := fmt.Sprintf("/StructParent %d", pages+k)
				if j := k - before; page < len(tags.contents) && j < len(tags.contents[page]) {
					entries += " /Contents " + pdfText(tags.contents[page][j])
				}
				annots[k] = bytes.Replace(annots[k], []byte("<</Type /Annot"), []byte("<</Type /Annot "+entries), 1)
			}
		}
		out.Write(body)
	}
	for k, a := range annots {
		offsets[n+k] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", n+k, a)
	}
	size := n + len(annots)
	if tags != nil {
		for _, obj := range tags.structTree(structRoot, pageObjs, pageAnnots, n) {
			offsets[size] = out.Len()
			fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", size, obj)
			size++
		}
	}
	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
		off, ok := offsets[i]
		if !ok {
			out.Write(data[table+20*i : table+20*i+20])
			continue
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	trailer := sizeEntry.ReplaceAll(data[table+20*n:m[0]], []byte("/Size "+strconv.Itoa(size)))
	out.Write(trailer)
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

var (
	contentsRef = regexp.MustCompile(`/Contents (\d+) 0 R`)
	plainStream = regexp.MustCompile(`^(\d+ 0 obj\n)<</Length (\d+)>>\nstream\n`)
)

// compressor compresses page content streams as fpdf does (zlib, best
// speed), reusing one compressor.
type compressor struct {
	buf bytes.Buffer
	zw  *zlib.Writer
}

func newCompressor() *compressor {
	c := &compressor{}
	c.zw, _ = zlib.NewWriterLevel(&c.buf, zlib.BestSpeed)
	return c
}

// stream returns an object holding an uncompressed stream
// ("N 0 obj\n<</Length L>>\nstream\n…\nendstream\nendobj\n") with the
// stream compressed.
func (c *compressor) stream(obj []byte) ([]byte, error) {
	m := plainStream.FindSubmatchIndex(obj)
	if m == nil {
		return nil, errors.New("pdf: a page's contents are not a plain stream")
	}
	n, _ := strconv.Atoi(string(obj[m[4]:m[5]]))
	start := m[1]
	if start+n > len(obj) {
		return nil, errors.New("pdf: a page's contents are shorter than their length")
	}
	c.buf.Reset()
	c.zw.Reset(&c.buf)
	c.zw.Write(obj[start : start+n])
	if err := c.zw.Close(); err != nil {
		return nil, err
	}
	out := make([]byte, 0, c.buf.Len()+len(obj)-n+32)
	out = append(out, obj[:m[2]]...)
	out = fmt.Appendf(out, "%s<</Filter /FlateDecode /Length %d>>\nstream\n", obj[m[2]:m[3]], c.buf.Len())
	out = append(out, c.buf.Bytes()...)
	out = append(out, obj[start+n:]...)
	return out, nil
}

// indirectAnnots replaces the dictionaries of an /Annots array that starts
// at body[at] ("<<…>><<…>>]") with references to new objects, numbered
// from first plus the ones made so far.
func indirectAnnots(body []byte, at, first int, made *[][]byte) ([]byte, error) {
	var refs []byte
	i := at
	for {
		for i < len(body) && (body[i] == ' ' || body[i] == '\n') {
			i++
		}
		if i >= len(body) {
			return nil, errors.New("pdf: unterminated /Annots array")
		}
		if body[i] == ']' {
			break
		}
		end, err := dictEnd(body, i)
		if err != nil {
			return nil, err
		}
		if len(refs) > 0 {
			refs = append(refs, ' ')
		}
		refs = append(refs, strconv.Itoa(first+len(*made))+" 0 R"...)
		*made = append(*made, append([]byte(nil), body[i:end]...))
		i = end
	}
	out := append(append(append([]byte(nil), body[:at]...), refs...), body[i:]...)
	return out, nil
}

// dictEnd returns the index after the dictionary that starts at b[i],
// skipping string literals, whose parentheses may nest and be escaped.
func dictEnd(b []byte, i int) (int, error) {
	depth := 0
	for i < len(b) {
		switch {
		case b[i] == '(':
			level := 1
			for i++; i < len(b) && level > 0; i++ {
				switch b[i] {
				case '\\':
					i++
				case '(':
					level++
				case ')':
					level--
				}
			}
			continue
		case i+1 < len(b) && b[i] == '<' && b[i+1] == '<':
			depth++
			i += 2
			continue
		case i+1 < len(b) && b[i] == '>' && b[i+1] == '>':
			depth--
			i += 2
			if depth == 0 {
				return i, nil
			}
			continue
		}
		i++
	}
	return 0, errors.New("pdf: unterminated dictionary in /Annots")
}
