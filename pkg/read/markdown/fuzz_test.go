package markdown_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/markdown"
)

// FuzzRead reads arbitrary text as Markdown: an error is a positioned
// read.Error, and a document is a valid model (its JSON form decodes and
// encodes back to the same bytes).
func FuzzRead(f *testing.F) {
	fixture.Seed(f, 1024, "fixtures/*.md")
	for _, s := range []string{
		"---\ntitle: [unclosed\n---\n", "[^1]\n\n[^1]: a [^1]\n", "<sub>a<sup>b</sub>", "> > > - - - *a_b*c_d**",
		"[a](b[a](b[a](b", "| a |\n|---|\n| b |", "<URL:http://x>", "```\n# x\n```\n# y",
	} {
		f.Add(s)
	}
	r := markdown.New(markdown.Config{})
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 2<<10 || !utf8.ValidString(src) {
			return // readers take UTF-8; publish checks it first
		}
		d, err := r.Read(context.Background(), strings.NewReader(src), &read.Options{Name: "fuzz.md"})
		if err != nil {
			var re *read.Error
			if !errors.As(err, &re) {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		roundTrip(t, d)
	})
}

func roundTrip(t *testing.T, d *doc.Document) {
	t.Helper()
	var a, b bytes.Buffer
	if err := doc.Encode(&a, d); err != nil {
		t.Fatalf("encode: %v", err)
	}
	back, err := doc.Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatalf("the model does not decode: %v", err)
	}
	doc.Encode(&b, back)
	if a.String() != b.String() {
		t.Fatal("the model changes in a JSON round trip")
	}
}
