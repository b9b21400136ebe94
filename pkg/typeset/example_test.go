package typeset_test

import (
	"fmt"

	"github.com/galleypress/galley/pkg/typeset"
)

func Example() {
	st := typeset.Style{Size: 10 * typeset.Pt}
	p := typeset.NewParagraph(mono{}, []typeset.Run{{Text: "Knuth and Plass break a whole paragraph at once.", Style: st}},
		typeset.ParagraphStyle{Width: 150 * typeset.Pt})
	for _, l := range p.Break() {
		fmt.Printf("%-24s ends at %s, r=%+.2f\n", l.Text(), l.End(), l.Ratio)
	}
	// Output:
	// Knuth and Plass break a whole ends at 150.00, r=+2.00
	// paragraph at once.       ends at 86.00, r=+0.00
}
