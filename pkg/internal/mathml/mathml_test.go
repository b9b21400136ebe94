package mathml

import (
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestRender checks that formulas become MathML that keeps the TeX source,
// the same bytes every time, and no markup from inside a formula.
func TestRender(t *testing.T) {
	tex := `x_{1} \\ x_{n}, a\,b`
	first, err := Render(tex, true, "")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		if out, _ := Render(tex, true, ""); out != first {
			t.Fatalf("run %d differs:\n%s\n%s", i, out, first)
		}
	}
	for _, want := range []string{`<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">`, `<msub><mi>x</mi><mn>1</mn></msub>`,
		`<annotation encoding="application/x-tex">x_{1} \\ x_{n}, a\,b</annotation>`} {
		if !strings.Contains(first, want) {
			t.Errorf("MathML lacks %s:\n%s", want, first)
		}
	}
	out, err := Render(`\text{<script>alert(1)</script>} + 1`, false, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "<script") || !strings.Contains(out, `display="inline"`) {
		t.Errorf("markup came through a formula:\n%s", out)
	}
	for _, bad := range []string{`\frac{a}{`, `\href{javascript:x}{y}`, `a & b`} {
		if out, err := Render(bad, false, ""); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %q, %v; want a one-line error", bad, out, err)
		}
	}
}

// TestValidMathML: operator attributes stay on operators (\lim and \log
// are identifiers), lines parted by \\ outside an environment are rows,
// and an alignment's & is escaped in the annotation.
func TestValidMathML(t *testing.T) {
	for tex, want := range map[string][]string{
		`\lim_{x \to 0} \log x`: {"<mi>lim</mi>", "<mi>log</mi>"},
		`a \\ b`:                {"<mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr>"},
		`\begin{aligned} a &= b \\ c &= d \end{aligned}`: {`a &amp;= b \\ c &amp;= d`, "<mtr>"},
	} {
		out, err := Render(tex, true, "")
		if err != nil {
			t.Errorf("%s: %v", tex, err)
			continue
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %s in\n%s", tex, w, out)
			}
		}
		if strings.Contains(out, "<mo>\\</mo>") || regexp.MustCompile(`<m[in][^o>]*(lspace|movablelimits)`).MatchString(out) {
			t.Errorf("%s: invalid MathML:\n%s", tex, out)
		}
	}
}

// TestSpeech: formulas read as words, in the text's language.
func TestSpeech(t *testing.T) {
	for _, c := range []struct{ tex, lang, want string }{
		{`\bar{x} = \frac{1}{n}\sum_{i=1}^{n} x_i`, "en", "x bar equals 1 over n the sum from i equals 1 to n of x sub i"},
		{`\bar{x} = \frac{1}{n}\sum_{i=1}^{n} x_i`, "nl", "x streep is gelijk aan 1 gedeeld door n de som van i is gelijk aan 1 tot n van x index i"},
		{`E = mc^2`, "de", "E gleich m c Quadrat"},
		{`\lim_{x \to 0} \frac{\sin x}{x} = 1`, "en", "the limit as x to 0 of sin x over x equals 1"},
		{`\sqrt{a^2 + b^2} \le \alpha`, "fr", "la racine carrée de a au carré plus b au carré est inférieur ou égal à alpha"},
		{`\int_0^\infty e^{-x}\,dx`, "en-GB", "the integral from 0 to infinity of e to the power minus x d x"},
		{`\text{km}^2`, "pt", "km squared"},
	} {
		if got := Speech(c.tex, c.lang); got != c.want {
			t.Errorf("%s (%s): %q, want %q", c.tex, c.lang, got, c.want)
		}
	}
	out, err := Render(`x < y`, false, Speech(`x < y`, "en"))
	if err != nil || !strings.Contains(out, `<math alttext="x is less than y" `) {
		t.Errorf("alttext: %s, %v", out, err)
	}
}

// TestQuiet: the converter writes nothing to standard output or error,
// for formulas it stumbles on (a panic inside it, an unknown command,
// a variant without its argument): galley's output may be standard
// output, and its messages are its own.
func TestQuiet(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	for _, tex := range []string{`\hat`, `\unknowncmd x`, `\mathbb`, `\ce{(}`} {
		Render(tex, true, "")
	}
	os.Stdout, os.Stderr = stdout, stderr
	w.Close()
	out, _ := io.ReadAll(r)
	if len(out) > 0 {
		t.Errorf("the converter wrote:\n%s", out)
	}
}
