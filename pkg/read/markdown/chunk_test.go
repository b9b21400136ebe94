package markdown

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
)

// TestChunksReadAlike checks a document read in small chunks gives the
// same model as read whole: the chunk boundaries close no block that
// would stay open, and definitions reach across chunks.
func TestChunksReadAlike(t *testing.T) {
	inputs := map[string]string{
		"cross-chunk definitions": "# One\n\nSee [the site][site] and a note.[^n]\n\n# Two\n\n```\n# not a heading\n\n# still code\n```\n\n" +
			"<!--\n\n# in a comment\n\n-->\n\n# Three\n\n- a list\n\n  continued\n\n# Four\n\n> quote\n\n[site]: https://example.com \"Title\"\n[^n]: The note, defined last.\n\n    With a second paragraph.\n",
	}
	for _, name := range []string{"handbook.md", "readme.md", "oddities.md"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "fixtures", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = string(data)
	}
	for name, src := range inputs {
		whole, small := New(Config{}), New(Config{})
		small.chunk = 16
		if n := len(chunks([]byte(src), 16)); n < 3 {
			t.Errorf("%s: only %d chunks", name, n)
		}
		var a, b bytes.Buffer
		for r, buf := range map[*Reader]*bytes.Buffer{whole: &a, small: &b} {
			d, err := r.Read(context.Background(), strings.NewReader(src), &read.Options{Name: name})
			if err != nil {
				t.Fatal(err)
			}
			doc.Encode(buf, d)
		}
		if a.String() != b.String() {
			t.Errorf("%s: read in chunks differs:\nwhole: %s\nchunks: %s", name, a.String(), b.String())
		}
	}
}
