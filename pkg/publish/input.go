package publish

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// Decode converts input bytes to UTF-8 text with "\n" line ends. With an
// empty encoding the input must be UTF-8 (a byte order mark is skipped);
// otherwise encoding names a WHATWG encoding ("windows-1252", "latin1",
// "utf-16le", "shift_jis"). name is used in errors.
func Decode(data []byte, encoding, name string) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(encoding))
	if enc != "" && enc != "utf-8" && enc != "utf8" {
		e, err := htmlindex.Get(enc)
		if err != nil {
			return nil, fmt.Errorf("%s: unknown encoding %q (try windows-1252, iso-8859-15, utf-16le or shift_jis)", name, encoding)
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
	return data, nil
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
