package html

import (
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
	switch s := doc.URLScheme(u); {
	case s == "" || s == "http" || s == "https":
		return u
	case s == "data" && doc.SafeImage(u):
		return u
	}
	return ""
}
