package html_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/html"
)

// FuzzRead reads arbitrary text as a web page: it never fails, the
// document is a valid model, and no link or image in it has an address
// that runs a script.
func FuzzRead(f *testing.F) {
	fixture.Seed(f, 4096, "fixtures/*.html", "fixtures/*.htm")
	for _, s := range []string{`<p>a<sup><a href="#fn1">1</a></sup><ol><li id="fn1">n</li></ol>`, `<table><tr><td colspan=3 rowspan=2>x<td>y</table>`, `<a href="java&#x09;script:x">y</a>`} {
		f.Add(s)
	}
	r := html.New(html.Config{})
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 16<<10 || !utf8.ValidString(src) {
			return // readers take UTF-8; publish checks it first
		}
		d, err := r.Read(context.Background(), strings.NewReader(src), &read.Options{Name: "fuzz.html"})
		if err != nil {
			if strings.Contains(err.Error(), "nest deeper") {
				return // over 512 open elements: an error, by design
			}
			t.Fatalf("a page without --select never fails: %v", err)
		}
		doc.Walk(d, func(n doc.Node) doc.Visit {
			switch n := n.(type) {
			case *doc.Link:
				if !doc.SafeURL(n.URL) {
					t.Fatalf("link to %q", n.URL)
				}
			case *doc.Image:
				if !doc.SafeURL(n.Src) {
					t.Fatalf("image from %q", n.Src)
				}
			case *doc.Figure:
				if !doc.SafeURL(n.Src) {
					t.Fatalf("figure from %q", n.Src)
				}
			}
			return doc.Continue
		})
		var a, b bytes.Buffer
		doc.Encode(&a, d)
		back, err := doc.Decode(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("the model does not decode: %v", err)
		}
		doc.Encode(&b, back)
		if a.String() != b.String() {
			t.Fatal("the model changes in a JSON round trip")
		}
	})
}
