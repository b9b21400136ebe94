package option_test

import (
	"fmt"

	"github.com/galleypress/galley/pkg/option"
)

func Example() {
	type Config struct {
		Paper    string  `option:"paper" default:"a4" help:"paper size: a4, a5 or letter"`
		FontSize float64 `option:"font-size" default:"10.5" help:"body size in POINTS"`
	}
	var cfg Config
	for _, o := range option.Of(cfg) {
		fmt.Printf("--%s (%s, default %s): %s\n", o.Flag, o.Kind, o.Default, o.Help)
	}
	if err := option.Set(&cfg, "font-size", "11"); err != nil {
		fmt.Println(err)
	}
	fmt.Println(cfg.FontSize)
	// Output:
	// --paper (text, default a4): paper size: a4, a5 or letter
	// --font-size (number, default 10.5): body size in POINTS
	// 11
}
