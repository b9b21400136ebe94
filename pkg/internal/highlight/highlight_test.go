package highlight

import (
	"strings"
	"testing"
)

// TestTokens: the tokens of a Go and a Rust snippet join to the code
// exactly, and the words a reader would see coloured are of their kind.
func TestTokens(t *testing.T) {
	cases := []struct {
		lang, code string
		want       map[string]Kind
	}{
		{"go", "// Sum adds.\nfunc Sum(a, b int) int {\n\treturn a + b // 42\n}\nvar s = \"x\"", map[string]Kind{"func": Keyword, "return": Keyword, "int": Type, "// Sum adds.": Comment, `"x"`: String}},
		{"rust", "fn main() {\n    let n = 42;\n    println!(\"{n}\");\n}\n", map[string]Kind{"fn": Keyword, "let": Keyword, "42": Number}},
		{"diff", "-old\n+new\n", map[string]Kind{"-old\n": Deleted, "+new\n": Inserted}},
	}
	for _, c := range cases {
		toks, ok := Tokens(c.lang, c.code)
		if !ok {
			t.Fatalf("%s: not highlighted", c.lang)
		}
		var b strings.Builder
		found := map[string]Kind{}
		for _, tok := range toks {
			b.WriteString(tok.Text)
			for w := range c.want {
				if strings.TrimSpace(tok.Text) == strings.TrimSpace(w) || tok.Text == w {
					found[w] = tok.Kind
				}
			}
		}
		if b.String() != c.code {
			t.Errorf("%s: tokens join to %q, not the code", c.lang, b.String())
		}
		for w, k := range c.want {
			if found[w] != k {
				t.Errorf("%s: %q is kind %d, want %d", c.lang, w, found[w], k)
			}
		}
	}
	if _, ok := Tokens("no-such-language", "x"); ok {
		t.Error("an unknown language is highlighted")
	}
	if _, ok := Tokens("", "x"); ok {
		t.Error("code without a language is highlighted")
	}
}
