package doc

import (
	"bytes"
	"encoding/json"
	"fmt"
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
		jd, err := encodeDoc(d)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(jd); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
			for k := range min(len(g), len(w)) {
				if g[k] != w[k] {
					t.Errorf("document %d, line %d:\n got %s\nwant %s", i, k+1, g[k], w[k])
					break
				}
			}
			if len(g) != len(w) {
				t.Errorf("document %d: %d lines, want %d", i, len(g), len(w))
			}
		}
	}
}

// The reference encoder: the structs of the JSON form, filled and handed
// to encoding/json.

func encodeDoc(d *Document) (*jsonDoc, error) {
	m := d.Meta
	jd := &jsonDoc{Galley: Version, Meta: jsonMeta{
		Title: m.Title, Subtitle: m.Subtitle, Authors: m.Authors, Lang: m.Lang,
		Date: m.Date, Identifier: m.Identifier, Publisher: m.Publisher,
		Rights: m.Rights, Description: m.Description, Keywords: m.Keywords,
		Cover: m.Cover, Extra: m.Extra,
	}}
	var err error
	if jd.Blocks, err = encodeBlocks(d.Blocks); err != nil {
		return nil, err
	}
	if jd.Sections, err = encodeSections(d.Sections); err != nil {
		return nil, err
	}
	return jd, nil
}

func encodeSections(ss []*Section) ([]jsonSect, error) {
	var out []jsonSect
	for _, s := range ss {
		js := jsonSect{Level: s.Level, ID: s.ID, Number: s.Number}
		var err error
		if js.Title, err = encodeInlines(s.Title); err != nil {
			return nil, err
		}
		if js.Blocks, err = encodeBlocks(s.Blocks); err != nil {
			return nil, err
		}
		if js.Sections, err = encodeSections(s.Sections); err != nil {
			return nil, err
		}
		out = append(out, js)
	}
	return out, nil
}

func encodeBlocks(bs []Block) ([]jsonNode, error) {
	var out []jsonNode
	for _, b := range bs {
		var n jsonNode
		var err error
		switch b := b.(type) {
		case *Paragraph:
			n.Type = "paragraph"
			n.Content, err = encodeInlines(b.Inlines)
		case *Heading:
			n.Type, n.Level = "heading", b.Level
			n.Content, err = encodeInlines(b.Inlines)
		case *List:
			n.Type, n.Ordered, n.Tight, n.Numbering = "list", b.Ordered, b.Tight, b.Numbering
			if b.Ordered {
				start := b.Start
				n.Start = &start
			}
			n.Items = make([][]jsonNode, len(b.Items))
			for i, it := range b.Items {
				if n.Items[i], err = encodeBlocks(it.Blocks); err != nil {
					return nil, err
				}
				if n.Items[i] == nil {
					n.Items[i] = []jsonNode{}
				}
				if it.Task != NoTask {
					n.Tasks = make([]string, len(b.Items))
				}
			}
			if n.Tasks != nil {
				for i, it := range b.Items {
					n.Tasks[i] = taskNames[it.Task]
				}
			}
		case *Quote:
			n.Type = "quote"
			n.Blocks, err = encodeBlocks(b.Blocks)
		case *CodeBlock:
			n.Type, n.Lang, n.Text = "code_block", b.Lang, b.Text
		case *Table:
			n.Type = "table"
			if n.Caption, err = encodeInlines(b.Caption); err != nil {
				return nil, err
			}
			for _, a := range b.Align {
				if a < 0 || int(a) >= len(alignNames) {
					return nil, fmt.Errorf("doc: invalid table alignment %d", a)
				}
				n.Align = append(n.Align, alignNames[a])
			}
			if n.Header, err = encodeCells(b.Header); err != nil {
				return nil, err
			}
			for _, row := range b.Rows {
				r, err := encodeCells(row)
				if err != nil {
					return nil, err
				}
				if r == nil {
					r = [][]jsonNode{}
				}
				n.Rows = append(n.Rows, r)
			}
		case *Figure:
			n.Type, n.Src, n.Alt, n.Title = "figure", b.Src, b.Alt, b.Title
			n.Caption, err = encodeInlines(b.Caption)
		case *Rule:
			n.Type = "rule"
		case *Admonition:
			n.Type, n.Kind = "admonition", b.Kind
			if n.Label, err = encodeInlines(b.Title); err != nil {
				return nil, err
			}
			n.Blocks, err = encodeBlocks(b.Blocks)
		case *DefList:
			n.Type = "definition_list"
			for _, it := range b.Items {
				t := jsonTerm{}
				if t.Term, err = encodeInlines(it.Term); err != nil {
					return nil, err
				}
				for _, def := range it.Defs {
					bs, err := encodeBlocks(def)
					if err != nil {
						return nil, err
					}
					if bs == nil {
						bs = []jsonNode{}
					}
					t.Definitions = append(t.Definitions, bs)
				}
				n.Terms = append(n.Terms, t)
			}
		default:
			return nil, fmt.Errorf("doc: unsupported block %T", b)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func encodeCells(cells []Cell) ([][]jsonNode, error) {
	var out [][]jsonNode
	for _, c := range cells {
		ins, err := encodeInlines(c.Inlines)
		if err != nil {
			return nil, err
		}
		if ins == nil {
			ins = []jsonNode{}
		}
		out = append(out, ins)
	}
	return out, nil
}

func encodeInlines(ins []Inline) ([]jsonNode, error) {
	var out []jsonNode
	for _, in := range ins {
		var n jsonNode
		var err error
		switch in := in.(type) {
		case *Text:
			n.Type, n.Text = "text", in.Text
		case *Emph:
			n.Type = "emph"
			n.Content, err = encodeInlines(in.Inlines)
		case *Strong:
			n.Type = "strong"
			n.Content, err = encodeInlines(in.Inlines)
		case *Strike:
			n.Type = "strike"
			n.Content, err = encodeInlines(in.Inlines)
		case *Sup:
			n.Type = "sup"
			n.Content, err = encodeInlines(in.Inlines)
		case *Sub:
			n.Type = "sub"
			n.Content, err = encodeInlines(in.Inlines)
		case *Code:
			n.Type, n.Text = "code", in.Text
		case *Link:
			n.Type, n.URL, n.Title = "link", in.URL, in.Title
			n.Content, err = encodeInlines(in.Inlines)
		case *Image:
			n.Type, n.Src, n.Alt, n.Title = "image", in.Src, in.Alt, in.Title
		case *Note:
			n.Type, n.Number = "note", in.Number
			n.Blocks, err = encodeBlocks(in.Blocks)
		case *LineBreak:
			n.Type = "line_break"
		case *Math:
			n.Type, n.Text, n.Display = "math", in.TeX, in.Display
		case *Anchor:
			n.Type, n.ID = "anchor", in.ID
		default:
			return nil, fmt.Errorf("doc: unsupported inline %T", in)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
