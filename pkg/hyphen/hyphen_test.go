package hyphen_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/hyphen"
	_ "github.com/galleypress/galley/pkg/internal/golden"
)

// compare hyphenates every word of a reference list made with libhyphen's
// algorithm (fixtures/hyphen/generate.py) and returns the share that
// agrees.
func compare(t *testing.T, p *hyphen.Patterns, list string) float64 {
	t.Helper()
	f, err := os.Open(list)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, same := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		word, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad line %q", sc.Text())
		}
		total++
		if got := p.Hyphenate(word, "-"); got == want {
			same++
		} else {
			t.Logf("%s: got %s, libhyphen %s", word, got, want)
		}
	}
	if total < 100 {
		t.Fatalf("only %d words in %s", total, list)
	}
	return float64(same) / float64(total)
}

// TestAgreesWithLibhyphen checks the break points of every word of the
// seed (Dutch) and of the English fixtures against libhyphen's: at least
// 99% of words must agree.
func TestAgreesWithLibhyphen(t *testing.T) {
	for _, tc := range []struct{ lang, list string }{
		{"nl", "../../fixtures/hyphen/pyphen-nl.txt"},
		{"en-US", "../../fixtures/hyphen/pyphen-en.txt"},
	} {
		p := hyphen.ForLang(tc.lang)
		if p == nil {
			t.Fatalf("no patterns for %s", tc.lang)
		}
		share := compare(t, p, tc.list)
		t.Logf("%s: %.2f%% of words agree with libhyphen", tc.lang, 100*share)
		if share < 0.99 {
			t.Errorf("%s: only %.2f%% of words agree with libhyphen", tc.lang, 100*share)
		}
	}
}

func TestMinimums(t *testing.T) {
	en := hyphen.ForLang("en-GB")
	if en.LeftMin != 2 || en.RightMin != 3 {
		t.Errorf("en minimums %d, %d; the file says 2, 3", en.LeftMin, en.RightMin)
	}
	nl := hyphen.ForLang("nl-BE")
	if nl.LeftMin != 2 || nl.RightMin != 2 {
		t.Errorf("nl minimums %d, %d; want the default 2, 2", nl.LeftMin, nl.RightMin)
	}
	if got := nl.Hyphenate("arbeidsongeschiktheidsverzekering", "-"); got != "ar-beids-on-ge-schikt-heids-ver-ze-ke-ring" {
		t.Errorf("got %s", got)
	}
	if got := nl.Hyphenate("Oekraïne", "-"); got != "Oek-ra-ï-ne" {
		t.Errorf("got %s", got)
	}
	if hyphen.ForLang("ja") != nil {
		t.Error("patterns for Japanese?")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"KOI8-R\na1b\n", "line 1 does not name a supported character set"},
		{"CI_TOKEN=s3cr3t\x00HOME=/root\x00", "line 1 does not name a supported character set"},
		{"UTF-8\nTOKEN=s3cr3t" + strings.Repeat("x", 5000) + "\n", "line 2 is longer than 4096 bytes"},
		{"UTF-8\nLEFTHYPHENMIN x\n", "line 2: LEFTHYPHENMIN wants a positive number"},
		{"UTF-8\n% only a comment\n", "no patterns found"},
		{"UTF-8\n\xff1a\n", "line 2: not valid UTF-8"},
	} {
		_, err := hyphen.Parse(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q", tc.in, err, tc.want)
		}
		// An error never quotes the file: it may not be a pattern file
		// at all (galley.yaml naming /proc/self/environ).
		for _, secret := range []string{"KOI8", "s3cr3t"} {
			if err != nil && strings.Contains(err.Error(), secret) {
				t.Errorf("Parse(%q) = %v: the error quotes the file", tc.in, err)
			}
		}
	}
	p, err := hyphen.Parse(strings.NewReader("ISO8859-1\n1\xe92\nb1a\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Hyphenate("abab", "-"); got != "ab-ab" {
		t.Errorf("got %s", got)
	}
}

func BenchmarkPoints(b *testing.B) {
	nl := hyphen.ForLang("nl")
	words := strings.Fields("het kabinet zet in op uitbreiding van de capaciteit op de posten en in het ministerie langs de lijn van de belangrijke thema's uit het coalitieakkoord mensenrechten veiligheid")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			nl.Points(w + string(rune('a'+i%26))) // defeat the cache
		}
	}
}
