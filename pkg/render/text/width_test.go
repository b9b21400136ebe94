package text

import (
	"testing"

	"github.com/rivo/uniseg"
)

// TestOneColumn checks the fast path of width against Unicode's rules:
// every character it counts as one column, uniseg does too.
func TestOneColumn(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if oneColumn(r) {
			if w := uniseg.StringWidth(string(r)); w != 1 {
				t.Errorf("U+%04X: width %d, counted as 1", r, w)
			}
		}
	}
	for _, s := range []string{"Oekraïne – “café”…", "漢字 and ascii", "e\u0301", "🎉x", "a\u00adb"} {
		if got, want := width(s), uniseg.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, want %d", s, got, want)
		}
	}
}
