package safeimage

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
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
	clean, removed, err := SanitizeSVG([]byte(hostile))
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
	if _, _, err := SanitizeSVG([]byte(`<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>`)); err == nil {
		t.Error("an undeclared entity was accepted")
	}
	if _, _, err := SanitizeSVG([]byte(`<html><svg/></html>`)); err == nil {
		t.Error("a non-SVG root was accepted")
	}
}

func TestCheck(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 20, 10)))
	good := buf.Bytes()
	if info, err := Check(good, 1000); err != nil || info.Width != 20 || info.Format != "png" {
		t.Errorf("good PNG: %+v, %v", info, err)
	}
	if _, err := Check(good, 100); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := Check(good[:len(good)-20], 1000); err == nil || !strings.Contains(err.Error(), "damaged png") {
		t.Errorf("truncated PNG: %v", err)
	}
	// A header declaring 100,000 × 100,000 pixels is refused before any
	// decoding.
	huge := append([]byte(nil), good...)
	copy(huge[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(huge[29:33], crc32.ChecksumIEEE(huge[12:29]))
	if _, err := Check(huge, 50_000_000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge PNG: %v", err)
	}
	if _, err := Check([]byte("GIF89a garbage"), 1000); err == nil {
		t.Error("garbage accepted")
	}
}
