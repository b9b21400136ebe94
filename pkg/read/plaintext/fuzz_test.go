package plaintext_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/plaintext"
)

// FuzzRead reads arbitrary text as plain text, in each style: it never
// fails, and the document is a valid model.
func FuzzRead(f *testing.F) {
	fixture.Seed(f, 4096, "fixtures/*.txt")
	for _, s := range []string{"2.1 Kop\n\nOekraïneOekraïne strijdt voor vrijheid en onze waarden.1\n", "TITLE\n=====\n\n  a) one\n  b) two\n\n    code\n"} {
		f.Add(s)
	}
	readers := []*plaintext.Reader{plaintext.New(plaintext.Config{}), plaintext.New(plaintext.Config{Style: plaintext.Lines}), plaintext.New(plaintext.Config{Style: plaintext.Wrapped})}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 16<<10 || !utf8.ValidString(src) {
			return // readers take UTF-8; publish checks it first
		}
		for _, r := range readers {
			d, err := r.Read(context.Background(), strings.NewReader(src), &read.Options{Name: "fuzz.txt"})
			if err != nil {
				t.Fatalf("plain text never fails: %v", err)
			}
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
		}
	})
}
