// Package hyphen finds the places where a word may be hyphenated, with
// Frank Liang's algorithm over TeX and libhyphen pattern files (the
// hyph_*.dic files of LibreOffice, Hunspell and Debian's hyphen-*
// packages).
//
// Patterns for Dutch (nl) and American English (en-US) are embedded from
// libhyphen, and TeX's (hyph-utf8) for Bulgarian, Catalan, Danish,
// German, Greek, British English, Spanish, Estonian, Basque, Finnish,
// French, Irish, Galician, Croatian, Hungarian, Icelandic, Italian,
// Lithuanian, Norwegian, Polish, Portuguese, Russian, Slovenian, Swedish,
// Turkish and Ukrainian, compressed, each with its licence in patterns/
// and patterns/tex/. Other languages load from a .dic file (Debian
// installs them under /usr/share/hyphen).
package hyphen

import (
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/files"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

//go:embed patterns/*.dic patterns/tex/*.gz
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
	// exceptions holds words hyphenated as given (TeX's \hyphenation
	// list), lower case, with their points.
	exceptions map[string][]int
}

// pattern holds a pattern's values, from offset on.
type pattern struct {
	offset int
	values []uint8
}

// Parse reads a pattern file: a first line naming the character set
// (UTF-8, ISO8859-1 to -16, KOI8-R…), optional LEFTHYPHENMIN and RIGHTHYPHENMIN lines,
// then one pattern per line ("a1b", ".ach4"). Comments (% or #) and the
// compound-word directives are skipped; patterns of every level are used
// together, as pyphen does. Non-standard patterns ("c1k/k=k,1,2") count
// as their standard part.
func Parse(r io.Reader) (*Patterns, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %w", err)
	}
	// Lines may end in CR LF, or in CR alone (as Debian's Latvian ones
	// partly do).
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	charset := strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(string(first), "\ufeff")))
	if charset != "UTF-8" && charset != "UTF8" {
		enc := decoder(charset)
		if enc == nil {
			// The line is not quoted: a file given by mistake (or by
			// malice, such as /proc/self/environ) must not reach a log.
			return nil, fmt.Errorf("hyphen: line 1 does not name a character set galley knows (UTF-8, ISO8859-1 to -16, KOI8-R, KOI8-U, microsoft-cp1251); is this a hyphenation pattern file (hyph_*.dic)? Other encodings: convert the file to UTF-8 with iconv and make its first line UTF-8")
		}
		if rest, err = enc.Bytes(rest); err != nil {
			return nil, fmt.Errorf("hyphen: not text in the character set line 1 names: %w", err)
		}
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
		if !utf8.Valid(raw) {
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

// decoder returns the decoder of a pattern file's character set, as
// libhyphen's files name them ("ISO8859-2", "KOI8-R",
// "microsoft-cp1251"), or nil.
func decoder(charset string) *encoding.Decoder {
	name := strings.ToLower(charset)
	if n, ok := strings.CutPrefix(name, "iso8859-"); ok {
		name = "iso-8859-" + n
	}
	name = strings.TrimPrefix(name, "microsoft-")
	if n, ok := strings.CutPrefix(name, "cp"); ok {
		name = "windows-" + n
	}
	switch name {
	case "iso-8859-1", "latin1":
		// Latin-1 proper: its bytes are code points (WHATWG's label
		// would decode it as Windows-1252).
		return charmap.ISO8859_1.NewDecoder()
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil
	}
	return enc.NewDecoder()
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

// embeddedFiles maps primary language subtags to embedded libhyphen
// pattern files.
var embeddedFiles = map[string]string{
	"nl": "patterns/hyph_nl_NL.dic",
	"en": "patterns/hyph_en_US.dic",
}

// texLang is a language's TeX patterns (hyph-utf8, in patterns/tex: the
// patterns, the exceptions if any, and the licence) and the fewest
// letters before and after a hyphen that TeX sets them with (their
// "typesetting" hyphenmins).
type texLang struct {
	file        string
	left, right int
}

// texLangs maps language tags to their TeX patterns: a region's own
// ("en-gb") before its language's. Every official language of the EU
// that TeX has patterns for under a licence that allows embedding them
// is here, and more; Czech and Slovak (GPL only), Latvian (LGPL or GPL)
// and Romanian (no licence stated) are not (System reads the machine's),
// and Maltese has none.
var texLangs = map[string]texLang{
	"bg": {"bg", 2, 2}, "ca": {"ca", 2, 2}, "da": {"da", 2, 2}, "de": {"de-1996", 2, 2},
	"el": {"el-monoton", 1, 1}, "en-gb": {"en-gb", 2, 3}, "en-au": {"en-gb", 2, 3}, "en-ie": {"en-gb", 2, 3},
	"en-nz": {"en-gb", 2, 3}, "en-za": {"en-gb", 2, 3}, "en-in": {"en-gb", 2, 3},
	"es": {"es", 2, 2}, "et": {"et", 2, 3}, "eu": {"eu", 2, 2}, "fi": {"fi", 2, 2}, "fr": {"fr", 2, 2},
	"ga": {"ga", 2, 3}, "gl": {"gl", 2, 2}, "hr": {"hr", 2, 2}, "hu": {"hu", 2, 2}, "is": {"is", 2, 2},
	"it": {"it", 2, 2}, "lt": {"lt", 2, 2}, "nb": {"nb", 2, 2}, "no": {"nb", 2, 2}, "nn": {"nn", 2, 2},
	"pl": {"pl", 2, 2}, "pt": {"pt", 2, 3}, "ru": {"ru", 2, 2}, "sl": {"sl", 2, 2}, "sv": {"sv", 2, 2},
	"tr": {"tr", 2, 2}, "uk": {"uk", 2, 2},
}

// ForLang returns the embedded patterns for a BCP 47 language tag ("nl",
// "nl-BE", "en-US", "de-AT"), or nil if none are embedded. English is
// American but for the Commonwealth's regions (en-GB, en-AU, …), which
// get the British patterns. Each language's patterns are read the first
// time it is asked for: a Dutch document pays only for Dutch.
func ForLang(tag string) *Patterns {
	tag = strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
	primary, region := tag, ""
	if i := strings.IndexByte(tag, '-'); i >= 0 {
		primary = tag[:i]
		region = tag[i+1:]
		if j := strings.IndexByte(region, '-'); j >= 0 {
			region = region[:j]
		}
	}
	var key string
	var tl texLang
	var ok bool
	if tl, ok = texLangs[primary+"-"+region]; ok {
		key = tl.file
	} else if file, ok2 := embeddedFiles[primary]; ok2 {
		key = file
	} else if tl, ok = texLangs[primary]; ok {
		key = tl.file
	} else {
		return nil
	}
	langMu.Lock()
	defer langMu.Unlock()
	if p, ok := loaded[key]; ok {
		return p
	}
	var p *Patterns
	var err error
	if tl.file != "" {
		p, err = loadTeX(tl)
	} else {
		var data []byte
		if data, err = embedded.ReadFile(key); err == nil {
			p, err = Parse(bytes.NewReader(data))
		}
	}
	if err != nil {
		panic("hyphen: embedded patterns broken: " + err.Error())
	}
	loaded[key] = p
	return p
}

// SystemDir is where Debian's hyphen-* packages (and LibreOffice) keep
// libhyphen pattern files.
const SystemDir = "/usr/share/hyphen"

var system struct {
	sync.Mutex
	byFile map[string]*Patterns
}

// System returns the patterns installed on this machine for a language
// galley does not embed (Czech, Slovak, Latvian, Romanian: their
// licences do not allow it), and the file's path; nil and "" when there
// are none. It looks in SystemDir for hyph_LANG_REGION.dic, then
// hyph_LANG.dic, then hyph_LANG_LANG.dic (hyph_cs_CZ.dic), reading the
// file through a Root at the folder, once a process.
func System(tag string) (*Patterns, string, error) {
	tag = strings.ReplaceAll(tag, "_", "-")
	primary, region, _ := strings.Cut(tag, "-")
	region, _, _ = strings.Cut(region, "-")
	primary = strings.ToLower(primary)
	if primary == "" || strings.ContainsAny(primary+region, "./\\") {
		return nil, "", nil
	}
	var names []string
	if region != "" {
		names = append(names, "hyph_"+primary+"_"+strings.ToUpper(region)+".dic")
	}
	names = append(names, "hyph_"+primary+".dic", "hyph_"+primary+"_"+strings.ToUpper(primary)+".dic")
	root, err := files.Open(SystemDir)
	if err != nil {
		return nil, "", nil
	}
	defer root.Close()
	for _, name := range names {
		if _, err := fs.Stat(root, name); err != nil {
			continue
		}
		path := SystemDir + "/" + name
		system.Lock()
		p, ok := system.byFile[path]
		system.Unlock()
		if ok {
			return p, path, nil
		}
		p, err := Load(root, name)
		if err != nil {
			return nil, path, err
		}
		system.Lock()
		if system.byFile == nil {
			system.byFile = map[string]*Patterns{}
		}
		system.byFile[path] = p
		system.Unlock()
		return p, path, nil
	}
	return nil, "", nil
}

// loadTeX reads a language's embedded TeX patterns and exceptions.
func loadTeX(tl texLang) (*Patterns, error) {
	pats, err := gunzip("patterns/tex/hyph-" + tl.file + ".pat.txt.gz")
	if err != nil {
		return nil, err
	}
	// As a pattern file: a first line naming the character set, the
	// hyphenmins, then the patterns (one a line, or separated by
	// spaces).
	var b bytes.Buffer
	fmt.Fprintf(&b, "UTF-8\nLEFTHYPHENMIN %d\nRIGHTHYPHENMIN %d\n", tl.left, tl.right)
	for _, f := range bytes.Fields(pats) {
		b.Write(f)
		b.WriteByte('\n')
	}
	p, err := Parse(&b)
	if err != nil {
		return nil, err
	}
	hyp, err := gunzip("patterns/tex/hyph-" + tl.file + ".hyp.txt.gz")
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	// Exceptions: words with their hyphens ("as-so-ciate").
	p.exceptions = map[string][]int{}
	for _, f := range strings.Fields(string(hyp)) {
		var pts []int
		word := make([]rune, 0, len(f))
		for _, r := range f {
			if r == '-' {
				pts = append(pts, len(word))
				continue
			}
			word = append(word, unicode.ToLower(r))
		}
		p.exceptions[string(word)] = pts
	}
	return p, nil
}

// gunzip returns an embedded compressed file's content.
func gunzip(name string) ([]byte, error) {
	f, err := embedded.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

// Languages lists the languages with embedded patterns.
func Languages() []string {
	set := map[string]bool{}
	for tag := range embeddedFiles {
		set[tag] = true
	}
	for tag := range texLangs {
		set[tag] = true
	}
	out := make([]string, 0, len(set))
	for tag := range set {
		out = append(out, tag)
	}
	sort.Strings(out)
	return out
}

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
	if pts, ok := p.exceptions[string(runes)]; ok {
		var out []int
		for _, i := range pts {
			if i >= p.LeftMin && i <= n-p.RightMin {
				out = append(out, i)
			}
		}
		return out
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
