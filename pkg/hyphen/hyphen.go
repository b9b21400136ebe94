// Package hyphen finds the places where a word may be hyphenated, with
// Frank Liang's algorithm over TeX and libhyphen pattern files (the
// hyph_*.dic files of LibreOffice, Hunspell and Debian's hyphen-*
// packages).
//
// Patterns for Dutch (nl) and American English (en-US) are embedded, with
// their licence files in patterns/. Other languages load from a .dic file
// by path (Debian installs them under /usr/share/hyphen).
package hyphen

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/files"
)

//go:embed patterns/*.dic
var embedded embed.FS

// Patterns is a set of hyphenation patterns. It is safe for concurrent
// use.
type Patterns struct {
	// LeftMin and RightMin are the fewest letters that may stand before
	// the first and after the last hyphen, from the pattern file's
	// LEFTHYPHENMIN and RIGHTHYPHENMIN (2 when it gives none).
	LeftMin, RightMin int

	pats   map[string]pattern
	maxLen int // the longest pattern, in runes

	mu    sync.RWMutex
	cache map[string][]int
}

// pattern holds a pattern's values, from offset on.
type pattern struct {
	offset int
	values []uint8
}

// Parse reads a pattern file: a first line naming the character set
// (UTF-8 or ISO8859-1), optional LEFTHYPHENMIN and RIGHTHYPHENMIN lines,
// then one pattern per line ("a1b", ".ach4"). Comments (% or #) and the
// compound-word directives are skipped; patterns of every level are used
// together, as pyphen does. Non-standard patterns ("c1k/k=k,1,2") count
// as their standard part.
func Parse(r io.Reader) (*Patterns, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %w", err)
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	charset := strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(string(first), "\ufeff")))
	latin1 := false
	switch charset {
	case "UTF-8", "UTF8":
	case "ISO8859-1", "ISO-8859-1", "LATIN1":
		latin1 = true
	default:
		// The line is not quoted: a file given by mistake (or by
		// malice, such as /proc/self/environ) must not reach a log.
		return nil, fmt.Errorf("hyphen: line 1 does not name a supported character set (UTF-8 or ISO8859-1); is this a hyphenation pattern file (hyph_*.dic)? Other encodings: convert the file to UTF-8 with iconv and make its first line UTF-8")
	}
	if latin1 {
		rest = fromLatin1(rest) // Latin-1 bytes are code points
	}
	lines := bytes.Count(rest, []byte("\n")) + 1
	p := &Patterns{LeftMin: 2, RightMin: 2, pats: make(map[string]pattern, lines), cache: map[string][]int{}}
	a := &arena{keys: make([]byte, 0, len(rest)), pending: make([]keyed, 0, lines)}
	for line := 2; len(rest) > 0; line++ {
		var raw []byte
		raw, rest, _ = bytes.Cut(rest, []byte("\n"))
		if len(raw) > maxLine {
			return nil, fmt.Errorf("hyphen: line %d is longer than %d bytes; is this a hyphenation pattern file (hyph_*.dic)?", line, maxLine)
		}
		raw = bytes.TrimSpace(raw)
		if !latin1 && !utf8.Valid(raw) {
			return nil, fmt.Errorf("hyphen: line %d: not valid UTF-8", line)
		}
		if perr := p.addLine(raw, a); perr != nil {
			return nil, fmt.Errorf("hyphen: line %d: %v", line, perr)
		}
	}
	// The keys are cut from one string: one allocation for them all.
	keys := string(a.keys)
	for _, k := range a.pending {
		p.pats[keys[k.start:k.end]] = k.pat
	}
	if len(p.pats) == 0 {
		return nil, fmt.Errorf("hyphen: no patterns found")
	}
	return p, nil
}

// fromLatin1 returns Latin-1 text as UTF-8.
func fromLatin1(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/16)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// arena holds the patterns' values and a scratch key, so that a pattern
// costs one allocation (its key) and not four.
type arena struct {
	values  []uint8
	keys    []byte // every pattern's letters, one after the other
	pending []keyed
}

// keyed is a pattern whose letters are keys[start:end].
type keyed struct {
	start, end int
	pat        pattern
}

func (p *Patterns) addLine(s []byte, a *arena) error {
	if len(s) == 0 || s[0] == '%' || s[0] == '#' {
		return nil
	}
	if bytes.IndexByte(s, ' ') >= 0 || bytes.IndexByte(s, '\t') >= 0 {
		if f := strings.Fields(string(s)); len(f) == 2 {
			n, err := strconv.Atoi(f[1])
			switch f[0] {
			case "LEFTHYPHENMIN", "RIGHTHYPHENMIN":
				if err != nil || n < 1 {
					return fmt.Errorf("%s wants a positive number", f[0])
				}
				if f[0] == "LEFTHYPHENMIN" {
					p.LeftMin = n
				} else {
					p.RightMin = n
				}
				return nil
			case "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN":
				return nil
			}
		}
	}
	if string(s) == "NEXTLEVEL" {
		return nil
	}
	if i := bytes.IndexByte(s, '/'); i >= 0 {
		s = s[:i] // the standard part of a non-standard pattern
	}
	if len(a.values) > 1<<16 {
		a.values = nil // a new block; the patterns keep the old one
	}
	base := len(a.values)
	a.values = append(a.values, 0)
	keyStart := len(a.keys)
	letters := 0
	for len(s) > 0 {
		r, size := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s)
		}
		s = s[size:]
		if r >= '0' && r <= '9' {
			a.values[len(a.values)-1] = uint8(r - '0')
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			a.keys = append(a.keys, byte(r))
		} else {
			a.keys = utf8.AppendRune(a.keys, unicode.ToLower(r))
		}
		letters++
		a.values = append(a.values, 0)
	}
	values := a.values[base:len(a.values):len(a.values)]
	start, end := 0, len(values)
	for start < end && values[start] == 0 {
		start++
	}
	for end > start && values[end-1] == 0 {
		end--
	}
	if start == end || letters == 0 {
		a.values = a.values[:base]
		a.keys = a.keys[:keyStart]
		return nil // no hyphenation values: nothing to do
	}
	// A later line with the same letters replaces this one, as before.
	a.pending = append(a.pending, keyed{start: keyStart, end: len(a.keys), pat: pattern{offset: start, values: values[start:end]}})
	p.maxLen = max(p.maxLen, letters)
	return nil
}

// maxLine is the longest line of a pattern file; real ones are far
// shorter.
const maxLine = 4096

// maxFile is the largest pattern file Load reads; the largest in
// Debian's hyphen-* packages is under 1 MB.
const maxFile = 32 << 20

// Load reads the pattern file name of fsys: a regular file of at most
// 32 MB. Its errors name the file but never quote it.
func Load(fsys fs.FS, name string) (*Patterns, error) {
	data, err := files.ReadFile(fsys, name, maxFile)
	if err != nil {
		var se *files.SizeError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("hyphen: %s is larger than 32 MB; is it a hyphenation pattern file (hyph_*.dic)?", name)
		}
		return nil, fmt.Errorf("hyphen: patterns %s %s", name, files.Describe(err))
	}
	p, err := Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

var (
	langMu sync.Mutex
	loaded = map[string]*Patterns{}
)

// embeddedFiles maps primary language subtags to embedded pattern files.
var embeddedFiles = map[string]string{
	"nl": "patterns/hyph_nl_NL.dic",
	"en": "patterns/hyph_en_US.dic",
}

// ForLang returns the embedded patterns for a BCP 47 language tag ("nl",
// "nl-BE", "en-US"; English of every region uses the American patterns),
// or nil if none are embedded.
func ForLang(tag string) *Patterns {
	primary := strings.ToLower(tag)
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	file, ok := embeddedFiles[primary]
	if !ok {
		return nil
	}
	langMu.Lock()
	defer langMu.Unlock()
	if p, ok := loaded[file]; ok {
		return p
	}
	data, err := embedded.ReadFile(file)
	if err != nil {
		panic("hyphen: embedded patterns missing: " + err.Error())
	}
	p, err := Parse(bytes.NewReader(data))
	if err != nil {
		panic("hyphen: embedded patterns broken: " + err.Error())
	}
	loaded[file] = p
	return p
}

// Languages lists the languages with embedded patterns.
func Languages() []string { return []string{"en", "nl"} }

// Points returns the rune offsets in word where a hyphen may go: an
// offset i means the break comes before word's i-th rune. The word is
// compared without regard to case; it should be letters only (split
// words at hyphens, digits and punctuation first). Offsets honour
// LeftMin and RightMin.
func (p *Patterns) Points(word string) []int {
	p.mu.RLock()
	pts, ok := p.cache[word]
	p.mu.RUnlock()
	if ok {
		return pts
	}
	pts = p.points(word)
	p.mu.Lock()
	if len(p.cache) > 100000 {
		p.cache = map[string][]int{}
	}
	p.cache[word] = pts
	p.mu.Unlock()
	return pts
}

func (p *Patterns) points(word string) []int {
	runes := []rune(strings.ToLower(word))
	n := len(runes)
	if n < p.LeftMin+p.RightMin {
		return nil
	}
	dotted := make([]rune, 0, n+2)
	dotted = append(dotted, '.')
	dotted = append(dotted, runes...)
	dotted = append(dotted, '.')
	values := make([]uint8, len(dotted)+1)
	var key strings.Builder
	for i := 0; i < len(dotted); i++ {
		key.Reset()
		for j := i; j < len(dotted) && j-i < p.maxLen; j++ {
			key.WriteRune(dotted[j])
			pat, ok := p.pats[key.String()]
			if !ok {
				continue
			}
			for k, v := range pat.values {
				if at := i + pat.offset + k; v > values[at] {
					values[at] = v
				}
			}
		}
	}
	// values[k] lies before dotted[k]; dotted[k] is runes[k-1], so an odd
	// values[k+1] allows a break before runes[k].
	var pts []int
	for k := p.LeftMin; k <= n-p.RightMin; k++ {
		if values[k+1]%2 == 1 {
			pts = append(pts, k)
		}
	}
	return pts
}

// Hyphenate returns word with sep inserted at every hyphenation point.
func (p *Patterns) Hyphenate(word, sep string) string {
	pts := p.Points(word)
	if len(pts) == 0 {
		return word
	}
	runes := []rune(word)
	var b strings.Builder
	last := 0
	for _, k := range pts {
		b.WriteString(string(runes[last:k]))
		b.WriteString(sep)
		last = k
	}
	b.WriteString(string(runes[last:]))
	return b.String()
}
