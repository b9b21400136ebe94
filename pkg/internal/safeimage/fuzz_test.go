package safeimage

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// FuzzSVG sanitises an SVG and draws it, small: sanitising never lets
// a script, an event handler or an external reference through and gives
// well-formed XML; drawing never panics or runs away (the bounds on
// elements, <use>, gradients and pieces hold).
//
//	go test -run '^$' -fuzz FuzzSVG ./pkg/internal/safeimage
func FuzzSVG(f *testing.F) {
	for _, s := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5" fill="red"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9"><defs><g id="a"><circle r="3"/></g></defs><use xlink:href="#a"/><use href="#a" x="3"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient><path d="M0 0L9 9Z" stroke="url(#g)" stroke-dasharray="1 1"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><script>x()</script><a href="javascript:x()"><text>t</text></a><image href="http://e/x.png"/></svg>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 32<<10 {
			return
		}
		clean, _, err := SanitizeSVG(data, 5000)
		if err != nil {
			return
		}
		dec := xml.NewDecoder(bytes.NewReader(clean))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("sanitised SVG is not well-formed: %v\n%s", err, clean)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if strings.EqualFold(se.Name.Local, "script") || strings.EqualFold(se.Name.Local, "foreignObject") {
					t.Fatalf("a %s element passed", se.Name.Local)
				}
				for _, a := range se.Attr {
					l := strings.ToLower(a.Name.Local)
					if strings.HasPrefix(l, "on") {
						t.Fatalf("an event handler passed: %s", a.Name.Local)
					}
					if (l == "href" || l == "src") && !safeURL.MatchString(a.Value) {
						t.Fatalf("a reference passed: %s=%q", a.Name.Local, a.Value)
					}
				}
			}
		}
		RasterizeSVG(clean, 96, 20_000, nil)
	})
}
