package plaintext_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/plaintext"
)

func Example() {
	src := "2.1 Beleidsprioriteiten\n\n" +
		"OekraïneOekraïne strijdt voor eigen vrijheid en onze waarden, en dat blijft het kabinet steunen zolang als dat nodig is.1\n"
	opts := &read.Options{Name: "scrape.txt", Log: func(s string) { fmt.Println("log:", s) }}
	d, err := plaintext.New(plaintext.Config{Style: plaintext.Lines}).Read(context.Background(), strings.NewReader(src), opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range d.AllSections() {
		fmt.Println(s.Level, s.HeadingText())
	}
	// Output:
	// log: scrape.txt:1: heading "Beleidsprioriteiten": a short numbered line (number 2.1)
	// log: scrape.txt:3: heading "Oekraïne": glued to the start of its paragraph; split off
	// 1 2.1 Beleidsprioriteiten
	// 2 Oekraïne
}
