package vector

import "testing"

// FuzzRead reads any bytes as an SVG: it never panics, and draws no
// more than it is allowed.
//
//	go test -run '^$' -fuzz FuzzRead ./pkg/internal/vector
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`<svg width="10" height="10"><rect width="5" height="5" fill="red"/></svg>`,
		`<svg viewBox="0 0 9 9"><defs><g id="a"><circle r="3"/></g></defs><use href="#a"/><use href="#a" x="3"/></svg>`,
		`<svg width="9" height="9"><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient><path d="M0 0L9 9a3 4 10 1 0 2 2Z" fill="url(#g)" stroke-dasharray="1 1"/></svg>`,
		`<svg><style>.a{fill:#123}</style><text x="1" y="2" class="a">t<tspan dy="3">u</tspan></text><clipPath id="c"><rect width="1" height="1"/></clipPath><g clip-path="url(#c)" transform="rotate(30 1 1) skewX(3)"><ellipse rx="1" ry="2"/></g></svg>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 32<<10 {
			return
		}
		d, err := Read(data, 1000)
		if err != nil {
			return
		}
		if len(d.Items) > 1000 {
			t.Fatalf("%d items with a limit of 1000", len(d.Items))
		}
	})
}
