package markdown_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/markdown"
)

func Example() {
	src := "---\ntitle: Report\n---\n\n# One\n\n### Three\n\nText with a note.[^1]\n\n[^1]: The note.\n"
	d, err := markdown.New(markdown.Config{}).Read(context.Background(), strings.NewReader(src), &read.Options{Name: "report.md"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Meta.Title)
	for _, s := range d.AllSections() {
		fmt.Println(s.Level, s.HeadingText())
	}
	// Output:
	// Report
	// 1 One
	// 3 Three
}
