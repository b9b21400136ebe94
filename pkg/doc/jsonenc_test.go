package doc

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEncoderMatchesEncodingJSON checks the streaming encoder writes the
// bytes encoding/json writes for the JSON form's structs, for a document
// of every node type and strings that need escaping, and for the golden
// JSON of every fixture.
func TestEncoderMatchesEncodingJSON(t *testing.T) {
	txt := func(s string) []Inline { return []Inline{&Text{Text: s}} }
	nasty := "quote\" backslash\\ tab\t nl\n cr\r bell\a nul\x00 del\x7f <&> \u2028\u2029 bad\xff utf8 ✓ 😀"
	docs := []*Document{{}, {
		Meta: Meta{Title: nasty, Authors: []string{"A", nasty}, Extra: []Field{{Key: "k", Value: nasty}}},
		Blocks: []Block{
			&Paragraph{Inlines: []Inline{&Text{Text: nasty}, &Emph{}, &Strong{Inlines: txt("s")}, &Strike{Inlines: txt("x")},
				&Sup{Inlines: txt("1")}, &Sub{Inlines: txt("2")}, &Code{Text: "c"}, &Link{URL: "u", Title: "t"},
				&Image{Src: "i", Alt: "a", Title: "t"}, &Note{}, &Note{Number: 3, Blocks: []Block{&Rule{}}}, &LineBreak{}}},
			&Heading{Level: 2}, &List{}, &List{Ordered: true, Start: 0, Items: []*ListItem{{}, {Blocks: []Block{&Quote{}}}}},
			&CodeBlock{}, &Table{}, &Table{Align: []Align{AlignRight}, Caption: txt("c"), Header: []Cell{{}}, Rows: [][]Cell{{}, {{Inlines: txt("r")}}}},
			&Figure{Src: "f", Caption: txt("c")}, &Rule{},
		},
		Sections: []*Section{{Level: 1}, {Level: 2, ID: "i", Number: "1", Title: txt("t"), Sections: []*Section{{Level: 3, Blocks: []Block{&Rule{}}}}}},
	}}
	golden, _ := filepath.Glob(filepath.Join("..", "..", "golden", "*.json"))
	for _, g := range golden {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		docs = append(docs, d)
	}
	if len(golden) == 0 {
		t.Error("no golden JSON found")
	}
	for i, d := range docs {
		var got bytes.Buffer
		if err := Encode(&got, d); err != nil {
			t.Fatal(err)
		}
		// encoding/json's formatting: indented by a space, no HTML
		// escaping.
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, got.Bytes()); err != nil {
			t.Fatalf("document %d: not JSON: %v", i, err)
		}
		json.Indent(&want, compact.Bytes(), "", " ")
		want.WriteByte('\n')
		if got.String() != want.String() {
			g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
			for k := range min(len(g), len(w)) {
				if g[k] != w[k] {
					t.Errorf("document %d, line %d:\n got %s\nwant %s", i, k+1, g[k], w[k])
					break
				}
			}
		}
		// And it reads back as the same document, which writes the same
		// bytes.
		back, err := Decode(bytes.NewReader(got.Bytes()))
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		var again bytes.Buffer
		Encode(&again, back)
		// (Document 1 holds invalid UTF-8, which is written as U+FFFD
		// and reads back as that character.)
		if again.String() != got.String() && i != 1 {
			t.Errorf("document %d: read back and written again, it differs", i)
		}
	}
}

// TestVersion2 reads documents written in version 2 (the golden JSON as
// it was): the same documents as version 3 gives.
func TestVersion2(t *testing.T) {
	for _, name := range []string{"handbook", "extras", "report"} {
		v2, err := os.ReadFile(filepath.Join("testdata", "v2-"+name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		v3, err := os.ReadFile(filepath.Join("..", "..", "golden", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Decode(bytes.NewReader(v2))
		if err != nil {
			t.Fatalf("%s, version 2: %v", name, err)
		}
		b, err := Decode(bytes.NewReader(v3))
		if err != nil {
			t.Fatalf("%s, version 3: %v", name, err)
		}
		var x, y bytes.Buffer
		Encode(&x, a)
		Encode(&y, b)
		if x.String() != y.String() {
			t.Errorf("%s: version 2 reads as another document than version 3", name)
		}
	}
}
