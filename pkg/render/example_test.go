package render_test

import (
	"context"
	"fmt"
	"os"

	"github.com/galleypress/galley/pkg/doc"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden" // defines -update
	"github.com/galleypress/galley/pkg/render"
	_ "github.com/galleypress/galley/pkg/render/text"
)

func Example() {
	f, _ := render.ForExt(".txt")
	r, _, _ := render.Lookup(f.Name)
	d := &doc.Document{Meta: doc.Meta{Title: "Hello"}}
	if err := r.Render(context.Background(), os.Stdout, d, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Hello
	// =====
}
