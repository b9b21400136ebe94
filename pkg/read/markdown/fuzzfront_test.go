package markdown

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzFrontMatter parses front matter, YAML or TOML: it never panics
// or overflows the stack (deep nesting, alias bombs), and an error
// names a line of the block.
//
//	go test -run '^$' -fuzz FuzzFrontMatter ./pkg/read/markdown
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"title: T\nauthor: [A, B]\ndate: 2024-01-01\n",
		"a: &x [1, 2]\nb: [*x, *x]\n",
		"title = \"T\"\nauthors = [\"A\"]\n[extra]\nk = 1\n",
		"x = [[[[[[[[[[1]]]]]]]]]]\n",
		"x = \"\"\"\n[[[\n\"\"\"\n",
		"- a\n- b\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, content string, isTOML bool) {
		if len(content) > 64<<10 || !utf8.ValidString(content) {
			return
		}
		delim := "---"
		if isTOML {
			delim = "+++"
		}
		_, _, err := readFrontMatter([]byte(content), delim, 0)
		var le *lineError
		if err != nil && (!errors.As(err, &le) || le.line < 1) {
			t.Fatalf("an error without a line: %v", err)
		}
	})
}
