// Package xhtml holds what the HTML and EPUB renderers share in writing
// XHTML: escaping that keeps the output well-formed XML (and valid HTML),
// URL escaping, and the title block of a document.
package xhtml

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
)

// Text escapes s for element content. Characters that XML 1.0 forbids
// (C0 controls other than tab, newline and carriage return, lone
// surrogates, U+FFFE and U+FFFF) are dropped, so the output is well-formed
// XHTML as well as HTML.
func Text(s string) string {
	return escape(s, false)
}

// Attr escapes s for a double-quoted attribute value.
func Attr(s string) string {
	return escape(s, true)
}

func escape(s string, quote bool) string {
	// Most text needs nothing: it is returned as it is, and text that
	// does is copied in spans between the characters that change.
	var b strings.Builder
	last := 0 // s[last:i] is not yet copied
	for i := 0; i < len(s); {
		c := s[i]
		var repl string
		size := 1
		switch {
		case c == '&':
			repl = "&amp;"
		case c == '<':
			repl = "&lt;"
		case c == '>':
			repl = "&gt;"
		case c == '"' && quote:
			repl = "&quot;"
		case c < 0x80:
			if Allowed(rune(c)) {
				i++
				continue
			}
			// dropped: repl stays ""
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			switch {
			case r == utf8.RuneError && n == 1:
				repl = "\uFFFD" // a byte that is not UTF-8
			case !Allowed(r):
				// dropped
			case quote && r > 0xffff:
				// A character outside the BMP (an emoji) in an
				// attribute is written as a reference: the Nu checker's
				// XML parser loses surrogate pairs split at its buffer's
				// end in attributes.
				repl = fmt.Sprintf("&#x%X;", r)
			default:
				i += n
				continue
			}
		}
		if b.Cap() == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		i += size
		last = i
	}
	if last == 0 && b.Cap() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// Allowed reports whether r may appear in an HTML or XHTML document:
// XML 1.0 characters, less the C1 and DEL controls that HTML forbids.
func Allowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20 || r == '\r':
		return false
	case r >= 0x7f && r <= 0x9f:
		return false
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	case r > 0x10ffff:
		return false
	}
	return true
}

// URLEscape percent-encodes what may not appear in a URL as written
// (spaces, non-ASCII characters, quotes, angle brackets, a second "#"),
// leaving existing escapes and the URL's structure alone.
func URLEscape(u string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	fragment := false
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			b.WriteByte(c)
		case c == '#' && !fragment:
			fragment = true
			b.WriteByte(c)
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			strings.IndexByte("-._~:/?@!$&'()*+,;=", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// TitleBlock writes a document's title block: the title in an h1 of
// class "title", then the subtitle, authors, date and, when full, the
// publisher and rights, each in a p of its class.
func TitleBlock(b *strings.Builder, title string, m *doc.Meta, full bool) {
	b.WriteString(`<h1 class="title">` + Text(title) + "</h1>\n")
	line := func(class, s string) {
		if s != "" {
			b.WriteString(`<p class="` + class + `">` + Text(s) + "</p>\n")
		}
	}
	line("subtitle", m.Subtitle)
	line("author", strings.Join(m.Authors, ", "))
	if full {
		line("publisher", m.Publisher)
	}
	line("date", m.Date)
	if full {
		line("rights", m.Rights)
	}
}
