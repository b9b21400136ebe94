package mathml

import (
	"strings"
	"testing"
)

// TestRender checks that formulas become MathML that keeps the TeX source,
// the same bytes every time, and no markup from inside a formula.
func TestRender(t *testing.T) {
	tex := `x_{1} \\ x_{n}, a\,b`
	first, err := Render(tex, true)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		if out, _ := Render(tex, true); out != first {
			t.Fatalf("run %d differs:\n%s\n%s", i, out, first)
		}
	}
	for _, want := range []string{`<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">`, `<msub><mi>x</mi><mn>1</mn></msub>`,
		`<annotation encoding="application/x-tex">x_{1} \\ x_{n}, a\,b</annotation>`} {
		if !strings.Contains(first, want) {
			t.Errorf("MathML lacks %s:\n%s", want, first)
		}
	}
	out, err := Render(`\text{<script>alert(1)</script>} + 1`, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "<script") || !strings.Contains(out, `display="inline"`) {
		t.Errorf("markup came through a formula:\n%s", out)
	}
	for _, bad := range []string{`\frac{a}{`, `\href{javascript:x}{y}`, `a & b`} {
		if out, err := Render(bad, false); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %q, %v; want a one-line error", bad, out, err)
		}
	}
}
