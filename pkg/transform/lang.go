package transform

import (
	"strings"
	"unicode"

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

// DetectLanguage sets Meta.Lang, if it is empty, to the language of the
// document's text: one of nl, en, de, fr, es and it, chosen by counting
// each language's most frequent words. It leaves Meta.Lang empty when the
// text is too short or matches none of them clearly.
func DetectLanguage(d *doc.Document) {
	if d.Meta.Lang != "" {
		return
	}
	d.Meta.Lang = Language(documentText(d))
}

// Language returns the language of text as DetectLanguage decides it, or
// "" if it cannot tell.
func Language(text string) string {
	sets := map[string]map[string]bool{}
	for lang, ws := range stopwords {
		sets[lang] = map[string]bool{}
		for _, w := range ws {
			sets[lang][w] = true
		}
	}
	score := map[string]int{}
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		words++
		for lang, set := range sets {
			if set[w] {
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

func documentText(d *doc.Document) string {
	var b strings.Builder
	for _, s := range d.AllSections() {
		b.WriteString(doc.PlainText(s.Title))
		b.WriteByte('\n')
		b.WriteString(doc.BlocksText(s.Blocks))
		b.WriteByte('\n')
	}
	b.WriteString(doc.BlocksText(d.Blocks))
	return b.String()
}
