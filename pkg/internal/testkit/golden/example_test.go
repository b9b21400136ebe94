package golden_test

import (
	"fmt"

	"github.com/galleypress/galley/pkg/internal/testkit/golden"
)

func ExampleDiff() {
	fmt.Print(golden.Diff([]byte("a\nb\nc"), []byte("a\nB\nc")))
	// Output:
	// first difference at line 2 (want 3 lines, got 3):
	//   want    1: a
	//   want    2: b
	//   want    3: c
	//   got     1: a
	//   got     2: B
	//   got     3: c
}
