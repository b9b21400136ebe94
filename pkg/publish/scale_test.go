package publish

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/render"
)

// BenchmarkScale reads generated Markdown and renders it to HTML and
// plain text, at two or three sizes of each shape that used to cost time
// quadratic in it: nesting depth (one line of "> > > …"), note count and
// plain size (the seed chapter repeated). Time and memory per byte stay
// flat from one size to the next: compare the ns/B and B/B columns.
//
//	go test -run '^$' -bench Scale -benchmem ./pkg/publish
func BenchmarkScale(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "beleidsprioriteiten-2023.txt"))
	if err != nil {
		b.Fatal(err)
	}
	notes := func(n int) string {
		var s strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&s, "A sentence with a note.[^%d]\n\n", i)
		}
		for i := 0; i < n; i++ {
			fmt.Fprintf(&s, "[^%d]: Note number %d.\n", i, i)
		}
		return s.String()
	}
	cases := []struct {
		name string
		src  string
	}{
		{"depth=1000", strings.Repeat("> ", 1000) + "deep\n"},
		{"depth=10000", strings.Repeat("> ", 10000) + "deep\n"},
		{"notes=20000", notes(20000)},
		{"notes=40000", notes(40000)},
		{"size=x1", string(seed)},
		{"size=x10", strings.Repeat(string(seed)+"\n\n", 10)},
		{"size=x100", strings.Repeat(string(seed)+"\n\n", 100)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.src)))
			job := &Job{Inputs: []string{"-"}, From: "markdown"}
			for i := 0; i < b.N; i++ {
				env := &Env{Stdin: bytes.NewBufferString(c.src)}
				d, err := Read(context.Background(), job, env)
				if err != nil {
					b.Fatal(err)
				}
				for _, f := range []string{"html", "text"} {
					r, _, _ := render.Lookup(f)
					if err := r.Render(context.Background(), io.Discard, d, nil); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.src)), "ns/B")
		})
	}
}

// BenchmarkLinear converts, at n and at 4n, each shape of input that
// once cost time quadratic (or worse) in n: one heading of n words to
// PDF, n links in one paragraph to PDF, n unmatched "$" to HTML, n note
// markers glued to words in hard-wrapped plain text, n chapters to PDF
// and EPUB with a page list, a SUMMARY.md nested n deep, and a paragraph
// of n words to PDF. Four times the input should cost at most about
// five times the time: compare the ns/B column of each pair.
//
//	go test -run '^$' -bench Linear ./pkg/publish
func BenchmarkLinear(b *testing.B) {
	words := func(n int, f func(i int) string) string {
		var s strings.Builder
		for i := range n {
			if i > 0 {
				s.WriteByte(' ')
			}
			s.WriteString(f(i))
		}
		return s.String()
	}
	type input struct {
		files   map[string]string
		in      string
		outputs []string
	}
	shapes := []struct {
		name string
		n    int
		make func(n int) input
	}{
		{"heading-words", 2500, func(n int) input {
			return input{map[string]string{"a.md": "# " + words(n, func(i int) string { return fmt.Sprintf("word%d", i) }) + "\n\nText.\n"}, "a.md", []string{"a.pdf"}}
		}},
		{"links", 5000, func(n int) input {
			return input{map[string]string{"a.md": words(n, func(i int) string { return fmt.Sprintf("[l%d](https://example.com/%d)", i, i) }) + "\n"}, "a.md", []string{"a.pdf"}}
		}},
		{"dollars", 25000, func(n int) input {
			return input{map[string]string{"a.md": words(n, func(i int) string { return fmt.Sprintf("$a%d", i) }) + "\n"}, "a.md", []string{"a.html"}}
		}},
		{"glued-notes", 5000, func(n int) input {
			// One hard-wrapped paragraph: every marker once made the
			// rest of it searched again.
			var s strings.Builder
			s.WriteString("Title\n=====\n\n")
			for i := 1; i <= n; i++ {
				fmt.Fprintf(&s, "De landen van de Unie werken samen aan vrijheid%d en\nveiligheid, en de hulp aan partners gaat door.\n", i)
			}
			return input{map[string]string{"a.txt": s.String()}, "a.txt", []string{"a.html"}}
		}},
		{"chapters-page-list", 500, func(n int) input {
			var s strings.Builder
			for i := range n {
				fmt.Fprintf(&s, "# Chapter %d\n\nA short chapter, on a page of its own.\n\n", i)
			}
			return input{map[string]string{"a.md": s.String()}, "a.md", []string{"a.pdf", "a.epub"}}
		}},
		{"summary-depth", 100, func(n int) input {
			var s strings.Builder
			s.WriteString("# Summary\n\n")
			for i := range n {
				fmt.Fprintf(&s, "%s- [C%d](c.md)\n", strings.Repeat("  ", i), i)
			}
			return input{map[string]string{"book/book.toml": "[book]\ntitle = \"B\"\n", "book/src/SUMMARY.md": s.String(), "book/src/c.md": "# C\n\nText.\n"}, "book/book.toml", []string{"b.txt"}}
		}},
		{"paragraph-words", 20000, func(n int) input {
			return input{map[string]string{"a.md": words(n, func(i int) string { return []string{"lorem", "ipsum", "dolor", "sit", "amet", "consectetur"}[i%6] }) + "\n"}, "a.md", []string{"a.pdf"}}
		}},
	}
	for _, sh := range shapes {
		for _, k := range []int{1, 4} {
			n := sh.n * k
			b.Run(fmt.Sprintf("%s=%d", sh.name, n), func(b *testing.B) {
				in := sh.make(n)
				dir := b.TempDir()
				size := 0
				for name, content := range in.files {
					os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
					os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
					size += len(content)
				}
				job := &Job{Inputs: []string{in.in}}
				for _, o := range in.outputs {
					job.Outputs = append(job.Outputs, Output{Path: o})
				}
				b.SetBytes(int64(size))
				b.ResetTimer()
				for range b.N {
					if _, err := Convert(context.Background(), job, &Env{Dir: dir}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size), "ns/B")
			})
		}
	}
}
