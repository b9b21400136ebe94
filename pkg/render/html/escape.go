package html

import (
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/xhtml"
)

// text, attr and urlEscape escape as package xhtml does, which EPUB
// chapters share.
func text(s string) string      { return xhtml.Text(s) }
func attr(s string) string      { return xhtml.Attr(s) }
func urlEscape(u string) string { return xhtml.URLEscape(u) }

// Allowed reports whether r may appear in an HTML or XHTML document.
func Allowed(r rune) bool { return xhtml.Allowed(r) }

// safeURL returns u, or "" when doc.SafeURL refuses it: scripts,
// local files and data never reach an output.
func safeURL(u string) string {
	if !doc.SafeURL(u) {
		return ""
	}
	return u
}

// imageURL returns u if an image may be loaded from it: a relative URL,
// http or https, or an embedded raster image; else "".
func imageURL(u string) string {
	switch s := doc.URLScheme(u); s {
	case "", "http", "https":
		return u
	case "data":
		l := strings.ToLower(strings.TrimSpace(u))
		for _, t := range []string{"png", "jpeg", "gif", "webp"} {
			if strings.HasPrefix(l, "data:image/"+t+";") || strings.HasPrefix(l, "data:image/"+t+",") {
				return u
			}
		}
	}
	return ""
}
