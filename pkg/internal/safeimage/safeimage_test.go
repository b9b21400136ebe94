package safeimage

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"
)

func TestSanitizeSVG(t *testing.T) {
	hostile := `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY x "boom">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
  <script>alert(2)</script>
  <style>@import url(http://evil.example/x.css); rect { fill: red }</style>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
  <a xlink:href="javascript:alert(3)"><rect width="5" height="5" onclick="alert(4)" style="fill: url(#g)"/></a>
  <image href="http://tracker.example/pixel.png" width="1" height="1"/>
  <use xlink:href="#r"/>
  <set attributeName="href" to="javascript:alert(5)"/>
  <text x="1" y="9">A &amp; B</text>
</svg>`
	clean, removed, err := SanitizeSVG([]byte(hostile), 0)
	if err != nil {
		t.Fatal(err)
	}
	out := string(clean)
	for _, bad := range []string{"alert", "script", "DOCTYPE", "ENTITY", "foreignObject", "onload", "onclick", "evil.example", "tracker.example", "javascript", "@import", "<set"} {
		if strings.Contains(out, bad) {
			t.Errorf("sanitised SVG still holds %q:\n%s", bad, out)
		}
	}
	for _, good := range []string{`xlink:href="#r"`, `style="fill: url(#g)"`, "A &amp; B", `<rect width="5" height="5"`, `xmlns:xlink=`} {
		if !strings.Contains(out, good) {
			t.Errorf("sanitised SVG lost %q:\n%s", good, out)
		}
	}
	if len(removed) < 6 {
		t.Errorf("removed: %v", removed)
	}
	// The result is well-formed XML.
	dec := xml.NewDecoder(bytes.NewReader(clean))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
	}
	// Entities declared in a DOCTYPE are never expanded: the file is
	// refused.
	if _, _, err := SanitizeSVG([]byte(`<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>`), 0); err == nil {
		t.Error("an undeclared entity was accepted")
	}
	if _, _, err := SanitizeSVG([]byte(`<html><svg/></html>`), 0); err == nil {
		t.Error("a non-SVG root was accepted")
	}
}

func TestCheck(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 20, 10)))
	good := buf.Bytes()
	if info, err := Check(good, Limits{Pixels: 1000}); err != nil || info.Width != 20 || info.Format != "png" {
		t.Errorf("good PNG: %+v, %v", info, err)
	}
	if _, err := Check(good, Limits{Pixels: 100}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := Check(good[:len(good)-20], Limits{Pixels: 1000}); err == nil || !strings.Contains(err.Error(), "damaged png") {
		t.Errorf("truncated PNG: %v", err)
	}
	// A header declaring 100,000 × 100,000 pixels is refused before any
	// decoding.
	huge := append([]byte(nil), good...)
	copy(huge[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(huge[29:33], crc32.ChecksumIEEE(huge[12:29]))
	if _, err := Check(huge, Limits{Pixels: 50_000_000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge PNG: %v", err)
	}
	if _, err := Check([]byte("GIF89a garbage"), Limits{Pixels: 1000}); err == nil {
		t.Error("garbage accepted")
	}
}

// TestSVGBounds checks that an SVG whose few kilobytes ask for a huge
// drawing is refused, or drawn smaller, before it costs time or memory.
func TestSVGBounds(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><defs><rect id="a0" width="1" height="1"/>`)
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&bomb, `<g id="a%d">%s</g>`, i, strings.Repeat(fmt.Sprintf(`<use xlink:href="#a%d"/>`, i-1), 10))
	}
	bomb.WriteString(`</defs><use xlink:href="#a9"/></svg>`)
	if _, _, err := SanitizeSVG([]byte(bomb.String()), 0); err == nil || !strings.Contains(err.Error(), "raise the limit with --max-svg-elements") {
		t.Errorf("a <use> bomb (10^9 shapes in %d bytes): %v", bomb.Len(), err)
	}
	loop := `<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#a"/></g></svg>`
	if _, _, err := SanitizeSVG([]byte(loop), 0); err == nil || !strings.Contains(err.Error(), "refers to an element holding it") {
		t.Errorf("a <use> of its own group: %v", err)
	}
	stops := strings.Repeat(`<stop offset="0.5" stop-color="red"/>`, 200)
	grad := `<svg xmlns="http://www.w3.org/2000/svg"><radialGradient id="g">` + stops + `</radialGradient><rect width="9" height="9" fill="url(#g)"/></svg>`
	if _, _, err := SanitizeSVG([]byte(grad), 0); err == nil || !strings.Contains(err.Error(), "more than 100 stops") {
		t.Errorf("a gradient of 200 stops: %v", err)
	}
	if _, _, err := SanitizeSVG([]byte(bomb.String()[:0]+`<svg xmlns="http://www.w3.org/2000/svg">`+strings.Repeat(`<rect/>`, 50)+`</svg>`), 20); err == nil {
		t.Error("50 elements passed a limit of 20")
	}
	ext := `<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9" fill="url(http://evil.example/p.svg#p)" mask="url( 'https://evil.example/m' )" filter="url(#ok)"/></svg>`
	clean, removed, err := SanitizeSVG([]byte(ext), 0)
	if err != nil || bytes.Contains(clean, []byte("evil")) || !bytes.Contains(clean, []byte(`filter="url(#ok)"`)) || len(removed) != 1 {
		t.Errorf("paints from elsewhere: %v, %q, %s", err, removed, clean)
	}
	// A hundred shapes covering a 20,000-pixel canvas: drawn, smaller.
	many := `<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000">` + strings.Repeat(`<rect width="20000" height="20000" fill="#369"/>`, 100) + `</svg>`
	png, w, h, err := RasterizeSVG([]byte(many), 300, 6_000_000, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(png))
	if err != nil || w != 20000 || h != 20000 || cfg.Width*cfg.Height*100 > drawBudget {
		t.Errorf("drawn at %d×%d pixels (%v): %d shapes of the whole image cost more than the budget", cfg.Width, cfg.Height, err, 100)
	}
	// A cancelled conversion stops drawing.
	stopped := errors.New("cancelled")
	if _, _, _, err := RasterizeSVG([]byte(many), 300, 6_000_000, func() error { return stopped }); !errors.Is(err, stopped) {
		t.Errorf("cancelled: %v", err)
	}
}

// TestGraphvizDoctype: the DOCTYPE naming SVG 1.1's public DTD is taken
// out without a word; one with declarations of its own is reported.
func TestGraphvizDoctype(t *testing.T) {
	plain := `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
 "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`
	clean, removed, err := SanitizeSVG([]byte(plain), 0)
	if err != nil || len(removed) != 0 || strings.Contains(string(clean), "DOCTYPE") {
		t.Errorf("removed %v, err %v:\n%s", removed, err, clean)
	}
	odd := `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://evil.example/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>`
	if _, removed, _ := SanitizeSVG([]byte(odd), 0); len(removed) != 1 {
		t.Errorf("a DOCTYPE with another DTD: removed %v", removed)
	}
}
