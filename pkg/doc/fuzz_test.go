package doc_test

import (
	"bytes"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
)

// FuzzDecode decodes arbitrary JSON: an error or a document whose JSON
// form encodes, decodes and encodes again to the same bytes.
func FuzzDecode(f *testing.F) {
	fixture.Seed(f, 8192, "golden/*.json")
	var buf bytes.Buffer
	doc.Encode(&buf, every())
	f.Add(buf.String())
	f.Add(`{"galley": 1, "blocks": [{"type": "list", "ordered": true, "start": 0, "items": [[]]}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 16<<10 {
			return
		}
		d, err := doc.Decode(bytes.NewReader([]byte(src)))
		if err != nil {
			return
		}
		var a, b bytes.Buffer
		if err := doc.Encode(&a, d); err != nil {
			return // a decoded model the encoder refuses: reported by Encode
		}
		back, err := doc.Decode(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("encoded JSON does not decode: %v\n%s", err, a.String())
		}
		doc.Encode(&b, back)
		if a.String() != b.String() {
			t.Fatal("JSON round trip changes the document")
		}
	})
}
