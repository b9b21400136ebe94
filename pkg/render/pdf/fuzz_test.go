package pdf_test

import (
	"bytes"
	"context"
	"testing"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/layout"
	"github.com/galleypress/galley/pkg/render"
	"github.com/galleypress/galley/pkg/render/pdf"
)

// FuzzText sets any text, in any script and direction, with marks,
// joiners and controls, in the built-in fonts: laying it out never
// panics, every glyph's cluster lies in its run's text, and the PDF is
// written.
//
//	go test -run '^$' -fuzz FuzzText ./pkg/render/pdf
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"office fluffy AVATAR", "Hebrew: שלום עולם, in a sentence.", "مرحبا بالعالم (123) سلام",
		"क्षत्रिय ภาษาไทย", "a\u0301e\u0308\u200d\u202eRTL\u202c x", "ﬁ ﬀ ½ 😀 ⅔ 北京",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 || !utf8.ValidString(s) {
			return
		}
		d := &doc.Document{Meta: doc.Meta{Lang: "en"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: s}}}}}
		cfg := layout.Config{NoTitlePage: true, NoSystemFonts: true}
		l, err := layout.Layout(d, cfg, &render.Options{})
		if err != nil {
			return
		}
		for _, p := range l.Pages {
			for _, it := range p.Items {
				for _, g := range it.Glyphs {
					if g.Cluster < 0 || int(g.Cluster) > len(it.Text) {
						t.Fatalf("cluster %d outside %q", g.Cluster, it.Text)
					}
				}
			}
		}
		var out bytes.Buffer
		if err := pdf.New(pdf.Config{NoTitlePage: true, NoSystemFonts: true}).Render(context.Background(), &out, d, &render.Options{}); err != nil {
			t.Fatalf("render: %v", err)
		}
	})
}
