package hyphen_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/hyphen"
	_ "github.com/galleypress/galley/pkg/internal/testkit/golden"
	"github.com/galleypress/galley/pkg/internal/testkit/validate"
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
		{"EBCDIC\na1b\n", "line 1 does not name a character set galley knows"},
		{"CI_TOKEN=s3cr3t\x00HOME=/root\x00", "line 1 does not name a character set galley knows"},
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
		for _, secret := range []string{"EBCDIC", "s3cr3t"} {
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

// TestTeXPatterns checks each embedded language of TeX's patterns on 300
// words of a Debian word list (fixtures/hyphen/tex-*.txt): galley must
// hyphenate them as libhyphen's algorithm does with the same patterns
// (at least 99%), and agrees with the libhyphen patterns Debian ships
// for LibreOffice where they come from the same source; where they do
// not, the share that agrees is held at what it was measured (see
// agreeFloor).
func TestTeXPatterns(t *testing.T) {
	lists, err := filepath.Glob("../../fixtures/hyphen/tex-*.txt")
	if err != nil || len(lists) < 20 {
		t.Fatalf("%d lists: %v", len(lists), err)
	}
	for _, list := range lists {
		lang := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(list), "tex-"), ".txt")
		p := hyphen.ForLang(lang)
		if p == nil {
			t.Errorf("%s: no patterns", lang)
			continue
		}
		data, err := os.ReadFile(list)
		if err != nil {
			t.Fatal(err)
		}
		total, same, debian, agree := 0, 0, 0, 0
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				t.Fatalf("%s: bad line %q", list, line)
			}
			got := p.Hyphenate(f[0], "-")
			total++
			if got == f[1] {
				same++
			} else {
				t.Logf("%s: %s: got %s, want %s", lang, f[0], got, f[1])
			}
			if f[2] != "-" {
				debian++
				if got == f[2] {
					agree++
				}
			}
		}
		if total < 250 {
			t.Fatalf("%s: %d words", lang, total)
		}
		share := float64(same) / float64(total)
		if share < 0.99 {
			t.Errorf("%s: %.1f%% of words hyphenated as libhyphen's algorithm does with the same patterns", lang, 100*share)
		}
		if debian > 0 {
			a := float64(agree) / float64(debian)
			floor, ok := agreeFloor[lang]
			if !ok {
				floor = 0.99
			}
			t.Logf("%s: %.1f%% as libhyphen with the same patterns; %.1f%% as Debian's LibreOffice patterns", lang, 100*share, 100*a)
			if a < floor {
				t.Errorf("%s: %.1f%% of words agree with Debian's LibreOffice patterns, below %.0f%%", lang, 100*a, 100*floor)
			}
		}
	}
}

// agreeFloor holds, for the languages whose LibreOffice patterns
// (Debian's hyphen-*) are not TeX's, the share of words on which the two
// agree, as measured (2026-12): they are different patterns, each
// right by its own makers, and a change in galley's hyphenation should
// not move these. Ukrainian's LibreOffice patterns break off single
// consonants ("су-хо-р-ля-вим"); TeX's do not.
var agreeFloor = map[string]float64{
	"bg": 0.86, "ca": 0.94, "de": 0.92, "es": 0.97, "gl": 0.75, "hu": 0.97, "is": 0.84,
	"nb": 0.97, "nn": 0.98, "ru": 0.95, "sv": 0.89, "uk": 0.36,
}

// TestEveryLanguage checks the languages without a Debian reference by
// words whose hyphenation their grammars fix, and that every official
// language of the EU has patterns but those whose patterns cannot be
// embedded (cs, sk, lv, ro: their licences) or do not exist (mt).
func TestEveryLanguage(t *testing.T) {
	for _, c := range []struct{ lang, word, want string }{
		{"et", "raamatukogudes", "raa-ma-tu-ko-gu-des"},
		{"fi", "kaupunginvaltuusto", "kau-pun-gin-val-tuus-to"},
		{"tr", "kütüphanelerden", "kü-tüp-ha-ne-ler-den"},
		{"eu", "euskaldunak", "eus-kal-du-nak"},
		{"ga", "Gaeltachta", "Gael-tachta"},
		{"de-AT", "Rechtschreibreform", "Recht-schreib-re-form"},
		{"en-AU", "university", "uni-ver-sity"},
		{"no", "sykkelhjelm", "syk-kel-hjelm"},
	} {
		p := hyphen.ForLang(c.lang)
		if p == nil {
			t.Errorf("%s: no patterns", c.lang)
			continue
		}
		if got := p.Hyphenate(c.word, "-"); got != c.want {
			t.Errorf("%s: %s, want %s", c.lang, got, c.want)
		}
	}
	have := map[string]bool{}
	for _, l := range hyphen.Languages() {
		have[l] = true
	}
	for _, l := range strings.Fields("bg da de el en es et fi fr ga hr hu it lt nl pl pt sl sv no is tr uk ru ca eu gl") {
		if !have[l] || hyphen.ForLang(l) == nil {
			t.Errorf("no patterns for %s", l)
		}
	}
}

// TestSystem hyphenates the EU languages galley cannot embed patterns
// for (Czech, Slovak, Latvian, Romanian) by the machine's, Debian's
// hyphen-* packages, as libhyphen does with them (pyphen's reading, in
// the want column); the files' charsets (ISO 8859-2 and -13) and
// Latvian's CR line ends are read right.
func TestSystem(t *testing.T) {
	for _, tc := range []struct {
		lang, pkg string
		words     []string
	}{
		{"cs-CZ", "hyphen-cs", []string{"po-li-ti-ka", "nej-ne-ob-hos-po-da-řo-vá-va-tel-něj-ší-mi", "za-hra-nič-ní", "mi-nis-ter-stvo", "spo-lu-prá-ce"}},
		{"sk", "hyphen-sk", []string{"po-li-ti-ka", "za-hra-nič-ných", "mi-nis-ter-stvo", "spo-lu-prá-ca", "hos-po-dár-stvo"}},
		{"lv", "hyphen-lv", []string{"po-li-ti-ka", "ār-lie-tu", "mi-nis-tri-ja", "sa-dar-bī-ba", "taut-saim-nie-cī-ba"}},
		{"ro-RO", "hyphen-ro", []string{"po-li-ti-că", "re-pu-bli-ca", "ex-ter-ne", "mi-nis-te-rul", "co-o-pe-ra-re", "dezvol-ta-re"}},
	} {
		primary, _, _ := strings.Cut(tc.lang, "-")
		validate.File(t, hyphen.SystemDir+"/hyph_"+primary+".dic", tc.pkg)
		if hyphen.ForLang(tc.lang) != nil {
			t.Errorf("%s: embedded patterns; this test is for languages without", tc.lang)
		}
		p, path, err := hyphen.System(tc.lang)
		if err != nil || p == nil {
			t.Errorf("%s: %v, %v", tc.lang, p, err)
			continue
		}
		for _, want := range tc.words {
			if got := p.Hyphenate(strings.ReplaceAll(want, "-", ""), "-"); got != want {
				t.Errorf("%s (%s): %s, want %s", tc.lang, path, got, want)
			}
		}
	}
	if p, _, err := hyphen.System("mt"); p != nil || err != nil {
		t.Errorf("Maltese: %v, %v; Debian has no patterns for it", p, err)
	}
	if p, _, _ := hyphen.System("../cs"); p != nil {
		t.Error("a tag with a path in it found a file")
	}
}
