package xhtml

import "testing"

// TestEscape checks escaping for text and attributes: the five XML
// specials, characters XML forbids dropped, bytes that are not UTF-8
// replaced, astral characters as references in attributes only, and
// clean text returned as it is.
func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, text, attr string }{
		{"plain ASCII", "plain ASCII", "plain ASCII"},
		{"Oekraïne – café", "Oekraïne – café", "Oekraïne – café"},
		{`a<b & "c" >d`, `a&lt;b &amp; "c" &gt;d`, `a&lt;b &amp; &quot;c&quot; &gt;d`},
		{"nul\x00bell\x07cr\rdel\x7fc1\u0085end", "nulbellcrdelc1end", "nulbellcrdelc1end"},
		{"tab\tnl\n", "tab\tnl\n", "tab\tnl\n"},
		{"bad\xffbyte", "bad\uFFFDbyte", "bad\uFFFDbyte"},
		{"emoji 🎉 here", "emoji 🎉 here", "emoji &#x1F389; here"},
		{"\uFFFE\uFFFF", "", ""},
	} {
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := Attr(c.in); got != c.attr {
			t.Errorf("Attr(%q) = %q, want %q", c.in, got, c.attr)
		}
	}
}
