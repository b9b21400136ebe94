package main

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/diag"
)

// clean makes text that came from a document or a file name safe to
// print on a terminal or in a CI log, on one line: control characters
// (escape sequences, carriage returns, newlines that would start a line
// of their own), the bidirectional controls that reorder what a reader
// sees, and bytes that are not UTF-8 are shown as escapes (\x1b, \n,
// \u202e); GitHub Actions' "##[" commands, which are read anywhere in a
// line, are broken up. A "::" command must start its line, and every
// line galley prints starts with "galley: ".
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 && r != '\t' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f, bidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == '#' && strings.HasPrefix(s[i:], "##["):
			b.WriteString(`##\[`)
			size = 3
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			return false
		}
	}
	return !strings.Contains(s, "##[")
}

// bidiControl reports whether r is a bidirectional formatting character
// (embeddings, overrides, isolates).
func bidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// say prints one line: prefix, then msg made safe.
func say(w interface{ Write([]byte) (int, error) }, prefix, msg string) {
	fmt.Fprintf(w, "%s%s\n", prefix, clean(msg))
}

// coded returns err's message with its diagnostic code, if it has one:
// "report.pdf: pdf: … [missing-glyph]", so that a user can look the code
// up (docs/cli.md) and a script can match it.
func coded(err error) string {
	msg := err.Error()
	var d *diag.Diagnostic
	if errors.As(err, &d) && d.Code != "" {
		msg += " [" + d.Code + "]"
	}
	return msg
}
