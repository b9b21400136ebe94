package doc

// Sample returns a small document holding every block and inline type,
// every metadata field, and nested sections, for tests of renderers and
// transforms: a renderer that misses a node type fails on it.
func Sample() *Document {
	txt := func(s string) []Inline { return []Inline{&Text{Text: s}} }
	return &Document{
		Meta: Meta{Title: "T", Subtitle: "S", Authors: []string{"A", "B"}, Lang: "nl", Date: "2023", Identifier: "urn:x",
			Publisher: "P", Rights: "R", Description: "D", Keywords: []string{"k"}, Cover: "c.png", Extra: []Field{{Key: "k", Value: "v"}}},
		Blocks: []Block{&Paragraph{Inlines: []Inline{
			&Text{Text: "a"}, &Emph{Inlines: txt("e")}, &Strong{Inlines: txt("s")}, &Strike{Inlines: txt("x")},
			&Sup{Inlines: txt("1")}, &Sub{Inlines: txt("2")}, &Code{Text: "c"},
			&Link{URL: "https://x", Title: "t", Inlines: txt("l")}, &Image{Src: "i.png", Alt: "alt", Title: "it"},
			&Note{Number: 1, Blocks: []Block{&Paragraph{Inlines: txt("n")}}}, &LineBreak{},
			&Math{TeX: `x_{1} \\ x_{n}, a\,b`}, &Math{TeX: "E = mc^2", Display: true}, &Anchor{ID: "here"},
			&Span{Attr: Attr{Classes: []string{"x"}, Pairs: []Pair{{"lang", "fr"}}}, Inlines: txt("bonjour")},
		}}, &Div{Attr: Attr{Pairs: []Pair{{"lang", "de"}, {"dir", "ltr"}}}, Blocks: []Block{&Paragraph{Inlines: txt("Guten Tag")}}}},
		Sections: []*Section{{Level: 1, ID: "one", Number: "1", Title: txt("One"), Blocks: []Block{
			&Heading{Level: 2, Inlines: txt("h")},
			&List{Ordered: true, Start: 0, Numbering: "a", Tight: true, Items: []*ListItem{{Blocks: []Block{&Paragraph{Inlines: txt("i")}}}, {}}},
			&Quote{Blocks: []Block{&Rule{}}},
			&CodeBlock{Lang: "go", Text: "x := 1"},
			&Table{Caption: txt("cap"), Align: []Align{AlignLeft, AlignRight}, Header: []Cell{{Inlines: txt("h")}, {}},
				Rows: [][]Cell{{{Inlines: txt("a")}, {Inlines: txt("b")}}, {}, {{Inlines: txt("wide"), ColSpan: 2}}, {{Inlines: txt("tall"), RowSpan: 2}, {}}, {{}}}},
			&Figure{Src: "f.png", Alt: "f", Title: "ft", Caption: txt("fc")},
			&List{Items: []*ListItem{{Blocks: []Block{&Paragraph{Inlines: txt("todo")}}, Task: Todo}, {Blocks: []Block{&Paragraph{Inlines: txt("done")}}, Task: Done}}},
			&Admonition{Kind: "warning", Blocks: []Block{&Paragraph{Inlines: txt("w")}}},
			&Admonition{Kind: "info", Title: txt("Custom"), Blocks: []Block{&Paragraph{Inlines: txt("i")}}},
			&DefList{Items: []*DefItem{{Term: txt("term"), Defs: [][]Block{{&Paragraph{Inlines: txt("def")}}, {&Paragraph{Inlines: txt("def2")}}}}}},
		}, Sections: []*Section{{Level: 3, ID: "deep", Title: txt("Deep")}}}},
	}
}
