package wordbreak

import (
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/validate"
)

// split cuts s where Breaks says words meet.
func split(d *Dictionary, s string) []string {
	var out []string
	last := 0
	for _, b := range d.Breaks(s, nil) {
		out = append(out, s[last:b])
		last = b
	}
	return append(out, s[last:])
}

func TestBreaks(t *testing.T) {
	d := New([]string{"ภาษา", "ไทย", "ภาษาไทย", "เป็น", "ภาษา", "ที่", "มี", "ที่มี", "ผู้", "พูด", "ผู้พูด", "มาก", "กว่า", "มากกว่า", "ล้าน", "คน", "ตา", "ตาก", "กลม", "ลม", "hello"})
	if d.Len() != 19 {
		t.Errorf("Len = %d, want 19 (a duplicate and a word of no Thai letter left out)", d.Len())
	}
	for _, tc := range []struct{ in, want string }{
		// Longest words win when they leave nothing out...
		{"ภาษาไทยเป็นภาษาที่มีผู้พูดมากกว่า", "ภาษาไทย|เป็น|ภาษา|ที่มี|ผู้พูด|มากกว่า"},
		// Where two cuts tie (ตา|กลม "round eyes", ตาก|ลม "to air"),
		// the same one every time: the earlier cut.
		{"ตากลม", "ตา|กลม"},
		// Letters in no word stay in one piece, between words.
		{"ภาษาสมชายไทย", "ภาษา|สมชาย|ไทย"},
		// A leading vowel is never cut from its consonant, nor a tone
		// mark from its syllable.
		{"เเเ", "เเเ"},
		{"", ""},
	} {
		if got := strings.Join(split(d, tc.in), "|"); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	d, err := Parse([]byte("3\nไทย\nภาษา/AB\nhello\n"))
	if err != nil || d.Len() != 2 {
		t.Fatalf("Parse: %v, %d words", err, d.Len())
	}
	if _, err := Parse([]byte("1\nhello\n")); err == nil {
		t.Error("a list of no Thai word parsed")
	}
	if _, err := Parse([]byte("\xff\xfe")); err == nil {
		t.Error("a list not in UTF-8 parsed")
	}
}

// TestSystem splits a sentence with the machine's word list (Debian's
// hunspell-th) where a reader would.
func TestSystem(t *testing.T) {
	validate.File(t, Paths[0], "hunspell-th")
	d, path, err := System()
	if err != nil || d == nil {
		t.Fatalf("System: %v, %v", d, err)
	}
	t.Logf("%s: %d words", path, d.Len())
	for _, tc := range []struct{ in, want string }{
		{"ภาษาไทยเป็นภาษาราชการของประเทศไทย", "ภาษาไทย|เป็น|ภาษาราชการ|ของ|ประเทศไทย"},
		{"ฉันรักเธอมาก", "ฉัน|รัก|เธอ|มาก"},
	} {
		if got := strings.Join(split(d, tc.in), "|"); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.in, got, tc.want)
		}
	}
}
