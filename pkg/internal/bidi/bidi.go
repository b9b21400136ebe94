// Package bidi tells the direction of characters, from the Unicode
// bidirectional character types (golang.org/x/text/unicode/bidi), for
// setting right-to-left scripts (Hebrew, Arabic) in visual order.
package bidi

import xbidi "golang.org/x/text/unicode/bidi"

// Direction is a character's strong direction.
type Direction int8

const (
	Neutral Direction = iota // digits, punctuation, spaces
	LTR                      // Latin, Greek, CJK, …
	RTL                      // Hebrew, Arabic, …
)

// Of returns the strong direction of r.
func Of(r rune) Direction {
	p, _ := xbidi.LookupRune(r)
	switch p.Class() {
	case xbidi.L:
		return LTR
	case xbidi.R, xbidi.AL:
		return RTL
	}
	return Neutral
}

// First returns the direction of the first strongly directed character
// of s, or Neutral.
func First(s string) Direction {
	for _, r := range s {
		if d := Of(r); d != Neutral {
			return d
		}
	}
	return Neutral
}
