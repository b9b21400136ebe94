package hyphen_test

import (
	"fmt"

	"github.com/galleypress/galley/pkg/hyphen"
)

func Example() {
	nl := hyphen.ForLang("nl")
	fmt.Println(nl.Hyphenate("beleidsprioriteiten", "-"))
	fmt.Println(nl.Points("kabinet"))
	en := hyphen.ForLang("en-US")
	fmt.Println(en.Hyphenate("typesetting", "·"))
	// Output:
	// be-leids-pri-o-ri-tei-ten
	// [2 4]
	// type·set·ting
}
