package html

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
)

// Charset returns the character encoding a page declares in its first
// 1,024 bytes, by <meta charset> or <meta http-equiv="Content-Type">, as
// the HTML standard's prescan finds it; "" when it declares none. A page
// declaring UTF-16 is read as UTF-8, as the standard says (the
// declaration cannot be true of bytes it was read from).
func Charset(data []byte) string {
	if len(data) > 1024 {
		data = data[:1024]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var charset, equiv, content string
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "http-equiv":
					equiv = string(v)
				case "content":
					content = string(v)
				}
			}
			if charset == "" && strings.EqualFold(equiv, "content-type") {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					charset = params["charset"]
				}
			}
			charset = strings.ToLower(strings.TrimSpace(charset))
			if charset == "" {
				continue
			}
			if strings.HasPrefix(charset, "utf-16") || charset == "x-user-defined" {
				return "utf-8"
			}
			return charset
		}
	}
}
