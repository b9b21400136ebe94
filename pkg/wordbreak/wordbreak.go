// Package wordbreak finds where the words of Thai text meet. Thai is
// written without spaces between words, and Unicode's line-breaking
// rules (UAX #14) leave the breaks inside such text to a dictionary: a
// line may end only between two words, and which letters make a word
// only a word list can tell.
//
// A Dictionary is made from a word list, such as the one in Debian's
// hunspell-th package (Find looks for it); Breaks splits text by
// maximal matching, the method of libthai and ICU: of all the ways to
// cut a run of Thai into listed words, the one that leaves the fewest
// letters in no word, then the one with the fewest words. Letters in no
// word stay together with the ones next to them, so a name the list
// lacks is not broken inside.
package wordbreak

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/files"
)

// Dictionary is a sorted word list. It is safe for use by several
// goroutines.
type Dictionary struct {
	words []string
	// longest is the length of the longest word, in runes.
	longest int
}

// New returns a dictionary of words. Words of no Thai letter are left
// out.
func New(words []string) *Dictionary {
	d := &Dictionary{}
	for _, w := range words {
		w = strings.TrimSpace(w)
		if !strings.ContainsFunc(w, IsThai) || !utf8.ValidString(w) {
			continue
		}
		d.words = append(d.words, w)
		d.longest = max(d.longest, utf8.RuneCountInString(w))
	}
	sort.Strings(d.words)
	d.words = compact(d.words)
	return d
}

func compact(s []string) []string {
	out := s[:0]
	for i, w := range s {
		if i == 0 || w != s[i-1] {
			out = append(out, w)
		}
	}
	return out
}

// Parse reads a word list: one word a line, as in a hunspell dictionary
// (.dic: a first line with the count, and words with "/flags" after
// them, which are dropped; affixes are not applied).
func Parse(data []byte) (*Dictionary, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("word list: not UTF-8 text")
	}
	var words []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), "/")
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("word list: %w", err)
	}
	d := New(words)
	if len(d.words) == 0 {
		return nil, fmt.Errorf("word list: no Thai word in it")
	}
	return d, nil
}

// Len returns the number of words in the dictionary.
func (d *Dictionary) Len() int { return len(d.words) }

// IsThai reports whether r is a character of the Thai block.
func IsThai(r rune) bool { return r >= 0x0E01 && r <= 0x0E5B }

// noBreakBefore reports whether a line may not start with r: Thai vowel
// signs and tone marks written after (or above, below) their consonant,
// sara a, sara aa, sara am, lakkhangyao and the repetition mark.
func noBreakBefore(r rune) bool {
	return r >= 0x0E30 && r <= 0x0E3A || r >= 0x0E45 && r <= 0x0E4E
}

// noBreakAfter reports whether a line may not end with r: the vowels
// written before their consonant (sara e, ae, o, ai maimuan, ai
// maimalai).
func noBreakAfter(r rune) bool { return r >= 0x0E40 && r <= 0x0E44 }

// Breaks appends to dst the byte offsets in s, a run of Thai text,
// where two words meet, in increasing order, and returns it.
func (d *Dictionary) Breaks(s string, dst []int) []int {
	if d == nil || len(d.words) == 0 || s == "" {
		return dst
	}
	// at holds each rune's byte offset, and len(s) last.
	at := make([]int, 0, len(s)/3+1)
	for i := range s {
		at = append(at, i)
	}
	n := len(at)
	at = append(at, len(s))
	rune := func(k int) rune { r, _ := utf8.DecodeRuneInString(s[at[k]:]); return r }
	// boundary reports whether words may meet before rune k.
	boundary := func(k int) bool {
		return k == n || k == 0 || !noBreakBefore(rune(k)) && !noBreakAfter(rune(k-1))
	}
	type step struct {
		unknown, words int
		from           int // where the last word starts; -1: unreached
		known          bool
	}
	best := make([]step, n+1)
	for k := range best {
		best[k].from = -1
	}
	best[0] = step{from: 0}
	relax := func(k, j, unknown int, known bool) {
		c := step{unknown: best[k].unknown + unknown, words: best[k].words + 1, from: k, known: known}
		b := &best[j]
		if b.from < 0 || c.unknown < b.unknown || c.unknown == b.unknown && c.words < b.words {
			*b = c
		}
	}
	for k := 0; k < n; k++ {
		if best[k].from < 0 {
			continue
		}
		// Every listed word that starts here.
		lo := 0
		for j := k + 1; j <= n && j-k <= d.longest; j++ {
			prefix := s[at[k]:at[j]]
			i := lo + sort.SearchStrings(d.words[lo:], prefix)
			if i == len(d.words) || !strings.HasPrefix(d.words[i], prefix) {
				break
			}
			lo = i
			if d.words[i] == prefix && boundary(j) {
				relax(k, j, 0, true)
			}
		}
		// Or one cluster in no word.
		j := k + 1
		for j < n && !boundary(j) {
			j++
		}
		relax(k, j, j-k, false)
	}
	// Walk back; letters in no word join their neighbours in no word.
	var cuts []int
	for k := n; k > 0; {
		from := best[k].from
		if best[k].known || from == 0 || best[from].known {
			cuts = append(cuts, from)
		}
		k = from
	}
	for i := len(cuts) - 1; i >= 0; i-- {
		if c := cuts[i]; c > 0 {
			dst = append(dst, at[c])
		}
	}
	return dst
}

// Paths lists where machines keep a Thai word list, in the order System
// tries them: Debian's hunspell-th, and older myspell folders.
var Paths = []string{
	"/usr/share/hunspell/th_TH.dic",
	"/usr/share/myspell/th_TH.dic",
	"/usr/share/myspell/dicts/th_TH.dic",
}

// maxList is the largest word list System reads.
const maxList = 64 << 20

var system struct {
	once sync.Once
	dict *Dictionary
	path string
	err  error
}

// System returns the Thai word list installed on this machine (the
// first of Paths), and its path; nil and "" when there is none. It is
// read once, through a Root at its folder.
func System() (*Dictionary, string, error) {
	system.once.Do(func() {
		for _, p := range Paths {
			data, err := readSystem(p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err == nil {
				system.dict, err = Parse(data)
			}
			if err != nil {
				system.err = fmt.Errorf("%s: %w", p, err)
				return
			}
			system.path = p
			return
		}
	})
	return system.dict, system.path, system.err
}

func readSystem(p string) ([]byte, error) {
	r, err := files.Open(filepath.Dir(p))
	if err != nil {
		return nil, fs.ErrNotExist
	}
	defer r.Close()
	return files.ReadFile(r, filepath.Base(p), maxList)
}
