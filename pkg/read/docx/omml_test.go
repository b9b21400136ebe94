package docx_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/docx"
	"github.com/galleypress/galley/pkg/render"
	_ "github.com/galleypress/galley/pkg/render/html"
)

const mNS = `xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

// TestEquations reads Word's equations (OMML) as TeX, and checks that
// each becomes MathML, not TeX shown as text, in the HTML page.
func TestEquations(t *testing.T) {
	r := func(s string) string { return `<m:r><m:t>` + s + `</m:t></m:r>` }
	cases := []struct{ omml, tex string }{
		{`<m:f><m:num>` + r("a") + `</m:num><m:den>` + r("b") + `</m:den></m:f>`, `\frac{a}{b}`},
		{`<m:sSup><m:e>` + r("x") + `</m:e><m:sup>` + r("2") + `</m:sup></m:sSup>`, `{x}^{2}`},
		{`<m:sSubSup><m:e>` + r("x") + `</m:e><m:sub>` + r("i") + `</m:sub><m:sup>` + r("2") + `</m:sup></m:sSubSup>`, `{x}_{i}^{2}`},
		{`<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>` + r("2") + `</m:e></m:rad>`, `\sqrt{2}`},
		{`<m:rad><m:deg>` + r("3") + `</m:deg><m:e>` + r("x") + `</m:e></m:rad>`, `\sqrt[3]{x}`},
		{`<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>` + r("i=1") + `</m:sub><m:sup>` + r("n") + `</m:sup><m:e>` + r("i") + `</m:e></m:nary>`, `\sum_{i=1}^{n}{i}`},
		{`<m:nary><m:sub>` + r("0") + `</m:sub><m:sup>` + r("1") + `</m:sup><m:e>` + r("f(x)dx") + `</m:e></m:nary>`, `\int_{0}^{1}{f(x)dx}`},
		{`<m:d><m:e>` + r("a") + `</m:e><m:e>` + r("b") + `</m:e></m:d>`, `\left( a | b \right)`},
		{`<m:d><m:dPr><m:begChr m:val="{"/><m:endChr m:val=""/></m:dPr><m:e>` + r("x") + `</m:e></m:d>`, `\left\{ x \right.`},
		{`<m:func><m:fName>` + r("sin") + `</m:fName><m:e>` + r("θ") + `</m:e></m:func>`, `\sin {θ}`},
		{`<m:func><m:fName><m:limLow><m:e>` + r("lim") + `</m:e><m:lim>` + r("n→∞") + `</m:lim></m:limLow></m:fName><m:e>` + r("a") + `</m:e></m:func>`, `\lim_{n→∞} {a}`},
		{`<m:acc><m:accPr><m:chr m:val="⃗"/></m:accPr><m:e>` + r("v") + `</m:e></m:acc>`, `\vec{v}`},
		{`<m:bar><m:barPr><m:pos m:val="top"/></m:barPr><m:e>` + r("x") + `</m:e></m:bar>`, `\overline{x}`},
		{`<m:m><m:mr><m:e>` + r("1") + `</m:e><m:e>` + r("0") + `</m:e></m:mr><m:mr><m:e>` + r("0") + `</m:e><m:e>` + r("1") + `</m:e></m:mr></m:m>`, `\begin{matrix}1 & 0 \\ 0 & 1\end{matrix}`},
		{r("50%") + r("_x"), `50\%\_x`},
	}
	var src strings.Builder
	for _, c := range cases {
		src.WriteString(`<w:p><m:oMath>` + c.omml + `</m:oMath></w:p>`)
	}
	src.WriteString(`<w:p><m:oMathPara><m:oMath>` + r("E=m") + `<m:sSup><m:e>` + r("c") + `</m:e><m:sup>` + r("2") + `</m:sup></m:sSup></m:oMath></m:oMathPara></w:p>`)
	data := pack(t, map[string]string{"word/document.xml": strings.Replace(body(src.String()), "<w:document ", "<w:document "+mNS+" ", 1)})
	var warnings []string
	d, err := docx.Reader{}.Read(context.Background(), bytes.NewReader(data), &read.Options{Name: "math.docx", Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	var got []*doc.Math
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if m, ok := n.(*doc.Math); ok {
			got = append(got, m)
		}
		return doc.Continue
	})
	if len(got) != len(cases)+1 {
		t.Fatalf("%d equations, want %d", len(got), len(cases)+1)
	}
	for i, c := range cases {
		if got[i].TeX != c.tex || got[i].Display {
			t.Errorf("%s:\n got %q\nwant %q (inline)", c.omml, got[i].TeX, c.tex)
		}
	}
	if last := got[len(got)-1]; last.TeX != `E=m{c}^{2}` || !last.Display {
		t.Errorf("display equation: %q, display %v", last.TeX, last.Display)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	r2, _, _ := render.Lookup("html")
	var out bytes.Buffer
	var rw []string
	if err := r2.Render(context.Background(), &out, d, &render.Options{Warn: func(err error) { rw = append(rw, err.Error()) }}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "<math"); n != len(got) || len(rw) > 0 {
		t.Errorf("%d of %d equations became MathML; warnings %q", n, len(got), rw)
	}
}
