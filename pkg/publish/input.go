package publish

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	textencoding "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// decodeInput converts input bytes to UTF-8 text with "\n" line ends. With an
// empty encoding the input must be UTF-8 (a byte order mark is skipped);
// otherwise encoding names a WHATWG encoding ("windows-1252", "latin1",
// "utf-16le", "shift_jis"). name is used in errors.
func decodeInput(data []byte, encoding, name string) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(encoding))
	if enc == "" {
		// A UTF-16 byte order mark names its encoding; UTF-16 without
		// one is refused rather than read as text full of NULs.
		switch {
		case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
			enc = "utf-16le"
		case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
			enc = "utf-16be"
		default:
			if order := utf16Order(data); order != "" {
				return nil, fmt.Errorf("%s: looks like UTF-16 (%s) without a byte order mark; add --encoding utf-16%s", name, map[string]string{"le": "little-endian", "be": "big-endian"}[order], order)
			}
		}
	}
	if enc != "" && enc != "utf-8" && enc != "utf8" {
		e, err := htmlindex.Get(enc)
		if err != nil {
			return nil, fmt.Errorf("%s: unknown encoding %q (try windows-1252, iso-8859-15, utf-16le or shift_jis)", name, encoding)
		}
		if e == textencoding.Replacement {
			// The Encoding Standard reads these (ISO-2022-KR, HZ…) as a
			// single '�', so that no text comes through: nothing is
			// better said plainly.
			return nil, fmt.Errorf("%s: the encoding %q cannot be read (the Encoding Standard replaces the whole text with one '�'); give the file's real encoding with --encoding", name, encoding)
		}
		out, _, err := transform.Bytes(e.NewDecoder(), data)
		if err != nil {
			return nil, fmt.Errorf("%s: decode as %s: %w", name, encoding, err)
		}
		data = out
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col, b := firstInvalid(data)
		return nil, fmt.Errorf("%s:%d:%d: not valid UTF-8 (byte 0x%02x); if the file is in a Windows or Latin-1 encoding, add --encoding windows-1252", name, line, col, b)
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return dropControls(data), nil
}

// hasBOM reports whether data starts with a UTF-8 or UTF-16 byte order
// mark, which names its encoding whatever the text declares.
func hasBOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}

// dropControls removes the control characters text has no use for: C0
// controls other than tab and newline (NUL, escape sequences that would
// drive a terminal reading the text output, form feeds) and DEL. The
// slice is changed in place only when there is something to drop.
func dropControls(data []byte) []byte {
	bad := func(c byte) bool { return c < 0x20 && c != '\t' && c != '\n' || c == 0x7f }
	i := 0
	for i < len(data) && !bad(data[i]) {
		i++
	}
	if i == len(data) {
		return data
	}
	out := append([]byte(nil), data[:i]...)
	for ; i < len(data); i++ {
		if !bad(data[i]) {
			out = append(out, data[i])
		}
	}
	return out
}

// utf16Order guesses whether data is UTF-16 text without a byte order
// mark: "le" when most of its first odd bytes are NUL and few even ones
// (ASCII-range text in little-endian order), "be" for the reverse, else
// "". Real UTF-8 text has no NUL bytes.
func utf16Order(data []byte) string {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 > half*4 && even*10 < half:
		return "le"
	case even*10 > half*4 && odd*10 < half:
		return "be"
	}
	return ""
}

// firstInvalid finds the first byte that is not part of valid UTF-8.
func firstInvalid(data []byte) (line, col int, b byte) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, data[i]
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col, 0
}
