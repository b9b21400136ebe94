package read_test

import (
	"context"
	"fmt"
	"strings"

	_ "github.com/galleypress/galley/pkg/internal/testkit/golden" // defines -update
	"github.com/galleypress/galley/pkg/read"
	_ "github.com/galleypress/galley/pkg/read/markdown"
)

func Example() {
	format, _ := read.ForExt(".md")
	r, _ := read.Lookup(format)
	d, err := r.Read(context.Background(), strings.NewReader("# Hello\n\nWorld."), &read.Options{Name: "hello.md"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(format, d.Sections[0].HeadingText())
	// Output: markdown Hello
}
