package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render/pdf"
	"github.com/galleypress/galley/pkg/transform"
)

func Example() {
	d := &doc.Document{Meta: doc.Meta{Title: "Memo", Lang: "en"}, Sections: []*doc.Section{{
		Level: 1, Title: []doc.Inline{&doc.Text{Text: "Summary"}},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Typeset with Knuth and Plass."}}}},
	}}}
	transform.Standard(d, "memo")
	r := pdf.New(pdf.Config{Paper: "a5", NoTitlePage: true})
	var out bytes.Buffer
	if err := r.Render(context.Background(), &out, d, nil); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(out.Bytes(), []byte("%PDF-")))
	r.Dump(os.Stdout, d, nil)
	// Output:
	// true
	// page 1/1 header="Summary"
	//   y=16.96 x=0.00 w=334.49 end=87.93 r=+0.000 sp=0.00 L§ | Summary
	//   y=40.35 x=0.00 w=334.49 end=150.07 r=+0.000 sp=2.73 L | Typeset with Knuth and Plass.
}
