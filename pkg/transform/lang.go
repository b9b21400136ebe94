package transform

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/doc"
)

// stopwords are the most frequent short words of each language that
// DetectLanguage knows. Words shared by two languages ("in", "die") count
// for both.
var stopwords = map[string][]string{
	"nl": strings.Fields("de het een en van in is dat op te voor met zijn niet aan er ook als door bij dit wordt worden om tot naar uit over maar nog wel kan zal deze onze hun meer"),
	"en": strings.Fields("the of and to a in is that for it as with was on be by this are from at or an have not which but has will their they its we been were would more"),
	"de": strings.Fields("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um"),
	"fr": strings.Fields("le la les de des et à en un une du est que pour dans qui par sur au pas plus ne se ce il sont avec aux son ou nous cette leur"),
	"es": strings.Fields("el la de que y en los del se las por un para con no una su al es lo como más pero sus le ya o este sí porque esta entre"),
	"it": strings.Fields("il di che e la per un in è del non una sono della le si con da dei ha gli al nel alla come anche più ma questo essere"),
}

// langOrder fixes the order in which languages are scored, so that ties
// resolve the same way on every run.
var langOrder = []string{"en", "nl", "de", "fr", "es", "it"}

// sampleSize is how much of a document's text DetectLanguage reads: a
// sample gives the same answer as the whole text, in time and memory
// that do not grow with the document.
const sampleSize = 64 << 10

// DetectLanguage sets Meta.Lang, if it is empty, to the language of the
// document's text: one of nl, en, de, fr, es and it, chosen by counting
// each language's most frequent words in the first 64 KB of text. It
// leaves Meta.Lang empty when the text is too short or matches none of
// them clearly.
func DetectLanguage(d *doc.Document) {
	if d.Meta.Lang != "" {
		return
	}
	d.Meta.Lang = Language(sample(d, sampleSize))
}

// stopSets holds the stopwords as sets, by language.
var stopSets = func() map[string]map[string]bool {
	sets := map[string]map[string]bool{}
	for lang, ws := range stopwords {
		sets[lang] = map[string]bool{}
		for _, w := range ws {
			sets[lang][w] = true
		}
	}
	return sets
}()

// Language returns the language of text as DetectLanguage decides it, or
// "" if it cannot tell.
func Language(text string) string {
	score := map[string]int{}
	words := 0
	var buf []byte
	for i := 0; i < len(text); {
		// The next word: letters and apostrophes, lower-cased.
		buf = buf[:0]
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if !unicode.IsLetter(r) && r != '\'' {
				break
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		if len(buf) == 0 {
			continue
		}
		words++
		for _, lang := range langOrder {
			if stopSets[lang][string(buf)] {
				score[lang]++
			}
		}
	}
	best, second := "", 0
	for _, lang := range langOrder {
		switch s := score[lang]; {
		case best == "" || s > score[best]:
			second = score[best]
			best = lang
		case s > second:
			second = s
		}
	}
	// Demand enough evidence, and a clear lead over the runner-up.
	if best == "" || score[best] < 3 || score[best]*10 < words || score[best] < second*5/4 {
		return ""
	}
	return best
}

// sample returns the document's text, headings and notes included, up to
// about limit bytes.
func sample(d *doc.Document, limit int) string {
	var b strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Text:
			b.WriteString(n.Text)
		case *doc.Code:
			b.WriteString(n.Text)
		case *doc.CodeBlock:
			b.WriteString(n.Text)
		case *doc.LineBreak:
			b.WriteByte(' ')
		case *doc.Section, *doc.Paragraph, *doc.Heading:
			b.WriteByte('\n')
		}
		if b.Len() >= limit {
			return doc.Stop
		}
		return doc.Continue
	})
	return b.String()
}
