package publish

import (
	"bytes"
	"context"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/transform"
)

// FuzzPipeline reads arbitrary text as Markdown and as plain text and
// renders it to every format: nothing may panic, and every render either
// succeeds or returns an error.
func FuzzPipeline(f *testing.F) {
	for _, seed := range []string{
		"# Title\n\nText with a note.[^1]\n\n[^1]: Note.\n",
		"2.1 Kop\n\nOekraïneOekraïne strijdt voor vrijheid en onze waarden, met wapens en hulp.1\n",
		"TITLE\n=====\n\n  a) one\n  b) two\n\n    code\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n- [link](#x)\n\n![img](https://x/y.png)\n",
		"\x00\x01\x1b[31m\ufffe\U0001F600 <script>alert(1)</script> &nbsp; \u00a0\u202f",
		"---\ntitle: [unclosed\n---\n",
		"###### deep\n# top\n### jump\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) || len(src) > 1<<14 {
			return
		}
		for _, format := range []string{"markdown", "text"} {
			r, err := reader(format, &TextOptions{})
			if err != nil {
				t.Fatal(err)
			}
			d, err := r.Read(bytes.NewReader([]byte(src)), &read.Options{Name: "fuzz"})
			if err != nil {
				continue
			}
			transform.Standard(d, "fuzz")
			for _, f := range render.Formats() {
				rr, err := renderer(f.Name, &Job{}, &Env{})
				if err != nil {
					t.Fatal(err)
				}
				_ = rr.Render(io.Discard, d, &render.Options{TOC: true})
			}
		}
		_ = context.Background()
	})
}
