package doc_test

import (
	"testing"

	"github.com/galleypress/galley/pkg/doc"
)

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.com/a?b#c": true,
		"#section":                  true,
		"docs/api.md":               true,
		"mailto:x@example.com":      true,
		"made-up-scheme://foo":      true,
		"javascript:alert(1)":       false,
		"JavaScript:alert(1)":       false,
		" \x01javascript:alert(1)":  false,
		"java\tscript:alert(1)":     false,
		"jav\nascript:alert(1)":     false,
		"vbscript:msgbox":           false,
		"data:text/html,<script>":   false,
		"file:///etc/passwd":        false,
		"javascript%3Aalert(1)":     true, // a relative path to a browser
		"./javascript:alert(1)":     true,
	} {
		if got := doc.SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}
