package doc

import "strings"

// unsafeSchemes are the URL schemes no link may use: they run code,
// read local files or carry data that a browser would show as a page.
var unsafeSchemes = map[string]bool{
	"javascript": true, "vbscript": true, "livescript": true, "mocha": true,
	"data": true, "file": true, "blob": true, "filesystem": true, "jar": true,
	"view-source": true, "about": true, "chrome": true, "res": true,
	"ms-its": true, "mhtml": true, "wyciwyg": true,
}

// SafeURL reports whether a link or image may lead to u: any URL
// but those whose scheme runs code (javascript:, vbscript:), reads local
// files (file:) or carries data (data:), however disguised (upper case,
// tabs or newlines inside, spaces or control characters before).
func SafeURL(u string) bool {
	return !unsafeSchemes[URLScheme(u)]
}

// SafeImage reports whether an image may be loaded from src: a URL
// SafeURL allows, or a raster image carried in a data: address (PNG,
// JPEG, GIF, WebP), as a Word document's pictures are read.
func SafeImage(src string) bool {
	if SafeURL(src) {
		return true
	}
	if URLScheme(src) != "data" {
		return false
	}
	l := strings.ToLower(strings.TrimSpace(src))
	for _, t := range []string{"png", "jpeg", "gif", "webp"} {
		if strings.HasPrefix(l, "data:image/"+t+";") || strings.HasPrefix(l, "data:image/"+t+",") {
			return true
		}
	}
	return false
}

// URLScheme returns the lower-cased scheme of a URL ("https"), or "" for a
// relative one. It reads the URL as a browser does: tabs and newlines
// inside it and spaces and controls before it are ignored.
func URLScheme(u string) string {
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c == ':':
			s := b.String()
			if s == "" {
				return ""
			}
			return strings.ToLower(s)
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') && b.Len() > 0:
		default:
			return ""
		}
		b.WriteByte(c)
	}
	return ""
}
