package project_test

import (
	"context"
	"fmt"

	"github.com/galleypress/galley/pkg/project"
)

func ExampleBuild() {
	p, err := project.Parse([]byte(`
documents:
  - input: ../../fixtures/charter.txt
    outputs: [charter.txt]
`), "galley.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	opts := &project.BuildOptions{}
	opts.Root = "../.." // the input lies outside the project's folder
	opts.Check = true   // compare only; write nothing
	rep := project.Build(context.Background(), p, opts)
	fmt.Println(rep.Documents[0].Results[0].Status)
	// Output: missing
}
