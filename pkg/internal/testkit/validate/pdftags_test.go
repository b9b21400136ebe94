package validate_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

// pdfFile assembles a PDF from its objects (numbered from 1): the
// catalog first, the pages second, one page third with its content
// stream fourth.
func pdfFile(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func stream(s string) string {
	return fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(s), s)
}

const (
	font  = "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>"
	pages = "<</Type /Pages /Kids [3 0 R] /Count 1>>"
	page  = "<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources <</Font <</F1 5 0 R>>>> /Contents 4 0 R /StructParents 0 /Tabs /S>>"
)

// TestPDFTagsFinds checks the checker finds what it looks for: that it
// can fail.
func TestPDFTagsFinds(t *testing.T) {
	tagged := "<</Type /Catalog /Pages 2 0 R /MarkInfo <</Marked true>> /Lang (en) /ViewerPreferences <</DisplayDocTitle true>> /StructTreeRoot 6 0 R>>"
	for _, c := range []struct {
		name string
		pdf  []byte
		want []string
	}{
		{"untagged", pdfFile("<</Type /Catalog /Pages 2 0 R>>", pages,
			"<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources <</Font <</F1 5 0 R>>>> /Contents 4 0 R>>",
			stream("BT /F1 12 Tf 10 10 Td (Hi) Tj ET"), font),
			[]string{"no /MarkInfo", "no /Lang", "no /StructTreeRoot", "1 drawing operators outside marked content", "no /Tabs /S"}},
		{"orphan MCID and skipped level", pdfFile(tagged, pages, page,
			stream("/H1 <</MCID 0>> BDC BT /F1 12 Tf 10 10 Td (Hi) Tj ET EMC /H3 <</MCID 1>> BDC BT (There) Tj ET EMC /P <</MCID 2>> BDC BT (x) Tj ET EMC"), font,
			"<</Type /StructTreeRoot /K [8 0 R] /ParentTree 7 0 R /ParentTreeNextKey 1>>",
			"<</Nums [0 [9 0 R 10 0 R]]>>",
			"<</Type /StructElem /S /Document /P 6 0 R /K [9 0 R 10 0 R]>>",
			"<</Type /StructElem /S /H1 /P 8 0 R /Pg 3 0 R /K [0]>>",
			"<</Type /StructElem /S /H3 /P 8 0 R /Pg 3 0 R /K [1]>>"),
			[]string{"MCID 2 belongs to no structure element", "heading H3 follows H1", "no XMP /Metadata"}},
		{"artifact inside content, figure without alt", pdfFile(tagged, pages, page,
			stream("/Figure <</MCID 0>> BDC /Artifact BMC 0 0 m 10 10 l S EMC EMC /Artifact BDC EMC"), font,
			"<</Type /StructTreeRoot /K [8 0 R] /ParentTree 7 0 R /ParentTreeNextKey 1>>",
			"<</Nums [0 [8 0 R]]>>",
			"<</Type /StructElem /S /Figure /P 6 0 R /Pg 3 0 R /K 0>>"),
			[]string{"an artifact and tagged content nest", "figure 8: no /Alt", "BDC with 1 operands, not 2"}},
	} {
		r, err := validate.PDFTags(c.pdf)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		all := strings.Join(r.Problems, "\n")
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no problem %q among:\n%s", c.name, w, all)
			}
		}
	}
}
