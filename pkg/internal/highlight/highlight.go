// Package highlight splits source code into tokens of a few kinds
// (keyword, string, comment…) with chroma's lexers, for the renderers to
// colour: classes in HTML and EPUB, coloured runs in the PDF. The kinds
// are few on purpose: each has a colour in every theme, checked for
// contrast.
package highlight

import (
	"runtime"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Kind is what a token is, as far as its colour goes.
type Kind uint8

// The kinds of tokens.
const (
	Plain    Kind = iota
	Keyword       // if, func, return; tags in markup
	Type          // int, string; built-in types
	Name          // functions, classes, decorators, attributes
	String        // strings and characters
	Number        // numbers
	Comment       // comments
	Meta          // preprocessor lines, annotations
	Inserted      // a diff's added line
	Deleted       // a diff's removed line
)

// Classes are the short class names HTML gives the kinds (Plain has
// none).
var Classes = [...]string{Plain: "", Keyword: "hl-k", Type: "hl-t", Name: "hl-f", String: "hl-s", Number: "hl-n", Comment: "hl-c", Meta: "hl-m", Inserted: "hl-i", Deleted: "hl-d"}

// Paper is each kind's colour on white paper (the PDF), 0xRRGGBB: the
// colours of HTML's light scheme, each with a contrast of at least
// 4.5:1 on white; Plain is 0, the text's own colour.
var Paper = [...]uint32{Keyword: 0xa0168c, Type: 0x855700, Name: 0x1b55c4, String: 0x2b6f2a, Number: 0x8a4b00, Comment: 0x5f636e, Meta: 0x7a3aa8, Inserted: 0x2b6f2a, Deleted: 0xb3261e}

// Token is a piece of code and its kind.
type Token struct {
	Kind Kind
	Text string
}

// maxSize is the largest code block highlighted: lexers are regular
// expressions, and a huge block is data more than code.
const maxSize = 256 << 10

// Lexing is slow (chroma's lexers are regular expressions run one after
// another: a 20-line Rust block takes a millisecond or two), and one
// conversion lexes the same blocks for each of its outputs. So what was
// found is kept, up to cacheSize bytes of code, and Warm lexes the
// blocks of a document on every core before a renderer needs them.
var cache struct {
	sync.Mutex
	m    map[string][]Token // lang + "\x00" + code
	size int
}

const cacheSize = 64 << 20

// Block is a code block to lex: its language and text.
type Block struct{ Lang, Code string }

// Warm lexes blocks, on as many goroutines as there are CPUs, so that
// Tokens finds them done.
func Warm(blocks []Block) {
	jobs := make(chan Block)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(blocks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				Tokens(b.Lang, b.Code)
			}
		}()
	}
	for _, b := range blocks {
		if b.Lang != "" && b.Code != "" && len(b.Code) <= maxSize {
			jobs <- b
		}
	}
	close(jobs)
	wg.Wait()
}

// Reset forgets what was lexed (for benchmarks that measure lexing).
func Reset() {
	cache.Lock()
	cache.m, cache.size = nil, 0
	cache.Unlock()
}

// Tokens splits code in language lang ("go", "rust", "sh"; a name,
// alias or extension chroma knows) into tokens whose texts join to code
// exactly. It reports false, and no tokens, when the language is unknown
// or empty, the code too large, or the lexer fails.
func Tokens(lang, code string) ([]Token, bool) {
	if lang == "" || code == "" || len(code) > maxSize {
		return nil, false
	}
	key := strings.ToLower(lang) + "\x00" + code
	cache.Lock()
	toks, done := cache.m[key]
	cache.Unlock()
	if done {
		return toks, toks != nil
	}
	toks, ok := lex(lang, code)
	cache.Lock()
	if cache.size+len(key) > cacheSize {
		cache.m, cache.size = nil, 0
	}
	if cache.m == nil {
		cache.m = map[string][]Token{}
	}
	cache.m[key] = toks
	cache.size += len(key)
	cache.Unlock()
	return toks, ok
}

// lexerOf returns the lexer of a code block's language: the fence's
// first word ("rust" of mdBook's "rust,ignore"), looked up by name,
// alias or extension once (a name chroma does not know makes it try
// every lexer's file patterns, which is slow), or nil.
func lexerOf(lang string) chroma.Lexer {
	name, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), ",")
	name, _, _ = strings.Cut(name, " ")
	if l, ok := lexerCache.Load(name); ok {
		lx, _ := l.(chroma.Lexer) // nil: none
		return lx
	}
	var l chroma.Lexer
	switch name {
	case "", "text", "txt", "plain", "plaintext", "output":
		// nothing to colour
	default:
		l = lexers.Get(name)
		if l != nil {
			l = chroma.Coalesce(l)
		}
	}
	lexerCache.Store(name, l)
	return l
}

var lexerCache sync.Map // language name → chroma.Lexer (nil: none)

func lex(lang, code string) ([]Token, bool) {
	lexer := lexerOf(lang)
	if lexer == nil {
		return nil, false
	}
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return nil, false
	}
	var out []Token
	var b strings.Builder
	for t := it(); t != chroma.EOF; t = it() {
		b.WriteString(t.Value)
		k := kindOf(t.Type)
		if n := len(out); n > 0 && out[n-1].Kind == k {
			out[n-1].Text += t.Value
			continue
		}
		out = append(out, Token{Kind: k, Text: t.Value})
	}
	// A lexer may add a final newline: the text must stay the text.
	got := b.String()
	if got != code {
		if got == code+"\n" && len(out) > 0 && strings.HasSuffix(out[len(out)-1].Text, "\n") {
			last := &out[len(out)-1]
			last.Text = strings.TrimSuffix(last.Text, "\n")
			if last.Text == "" {
				out = out[:len(out)-1]
			}
		} else {
			return nil, false
		}
	}
	return out, true
}

func kindOf(t chroma.TokenType) Kind {
	switch {
	case t == chroma.KeywordType:
		return Type
	case t.InCategory(chroma.Keyword), t == chroma.NameTag:
		return Keyword
	case t == chroma.CommentPreproc || t == chroma.CommentPreprocFile || t == chroma.NameDecorator:
		return Meta
	case t.InCategory(chroma.Comment):
		return Comment
	case t.InSubCategory(chroma.LiteralString):
		return String
	case t.InSubCategory(chroma.LiteralNumber):
		return Number
	case t == chroma.NameFunction || t == chroma.NameClass || t == chroma.NameBuiltin || t == chroma.NameAttribute || t == chroma.NameFunctionMagic:
		return Name
	case t == chroma.GenericInserted:
		return Inserted
	case t == chroma.GenericDeleted:
		return Deleted
	}
	return Plain
}
