package validate_test

import (
	"fmt"

	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

func ExampleRun() {
	out, ok := validate.Run("sh", "-c", "echo checked; exit 1")
	fmt.Printf("%q %v\n", out, ok)
	// Output: "checked\n" false
}
