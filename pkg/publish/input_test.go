package publish

import "testing"

// TestUTF16 checks UTF-16 input is read by its byte order mark and
// refused without one.
func TestUTF16(t *testing.T) {
	le := []byte{0xff, 0xfe}
	for _, r := range "# Titel\n\nTekst.\n" {
		le = append(le, byte(r), 0)
	}
	out, err := decodeInput(le, "", "in.md")
	if err != nil || string(out) != "# Titel\n\nTekst.\n" {
		t.Errorf("with BOM: %q, %v", out, err)
	}
	if _, err := decodeInput(le[2:], "", "in.md"); err == nil || err.Error() != "in.md: looks like UTF-16 (little-endian) without a byte order mark; add --encoding utf-16le" {
		t.Errorf("without BOM: %v", err)
	}
}
