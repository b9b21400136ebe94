package publish_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/publish"
)

func ExampleConvert() {
	job := &publish.Job{
		Inputs:  []string{"-"},
		From:    "markdown",
		Meta:    doc.Meta{Title: "Greeting"},
		Outputs: []publish.Output{{Path: "-", Format: "text"}},
	}
	env := &publish.Env{Stdin: strings.NewReader("# Hello\n\nWorld."), Stdout: os.Stdout}
	if _, err := publish.Convert(context.Background(), job, env); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Greeting
	// ========
	//
	// Hello
	// =====
	//
	// World.
}
