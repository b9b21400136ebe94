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
					if err := r.Render(io.Discard, d, nil); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.src)), "ns/B")
		})
	}
}
