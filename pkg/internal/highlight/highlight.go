// Package highlight splits source code into tokens of a few kinds
// (keyword, string, comment…) with chroma's lexers, for the renderers to
// colour: classes in HTML and EPUB, coloured runs in the PDF. The kinds
// are few on purpose: each has a colour in every theme, checked for
// contrast.
package highlight

import (
	"strings"

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

// Token is a piece of code and its kind.
type Token struct {
	Kind Kind
	Text string
}

// maxSize is the largest code block highlighted: lexers are regular
// expressions, and a huge block is data more than code.
const maxSize = 256 << 10

// Tokens splits code in language lang ("go", "rust", "sh"; a name,
// alias or extension chroma knows) into tokens whose texts join to code
// exactly. It reports false, and no tokens, when the language is unknown
// or empty, the code too large, or the lexer fails.
func Tokens(lang, code string) ([]Token, bool) {
	if lang == "" || code == "" || len(code) > maxSize {
		return nil, false
	}
	lexer := lexers.Get(strings.ToLower(lang))
	if lexer == nil {
		return nil, false
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
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
