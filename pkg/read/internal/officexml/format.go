package officexml

import (
	"strings"

	"github.com/galleypress/galley/pkg/doc"
)

// Format is the formatting a run of text has in a word processor: what
// galley's model keeps of it.
type Format struct {
	Bold, Italic, Strike, Sup, Sub, Code bool
	Lang                                 string // BCP 47
}

// Wrap formats inlines. Bold goes outermost, then italic, strike,
// raised or lowered: the order pandoc writes, in which Merge joins the
// runs a word processor splits (bold "These " and bold-italic "are" are
// one bold stretch). A language other than the document's makes a span.
func (f Format) Wrap(ins []doc.Inline, docLang string) []doc.Inline {
	if len(ins) == 0 {
		return nil
	}
	if f.Code {
		ins = []doc.Inline{&doc.Code{Text: doc.PlainText(ins)}}
	}
	if f.Sub {
		ins = []doc.Inline{&doc.Sub{Inlines: ins}}
	}
	if f.Sup {
		ins = []doc.Inline{&doc.Sup{Inlines: ins}}
	}
	if f.Strike {
		ins = []doc.Inline{&doc.Strike{Inlines: ins}}
	}
	if f.Italic {
		ins = []doc.Inline{&doc.Emph{Inlines: ins}}
	}
	if f.Bold {
		ins = []doc.Inline{&doc.Strong{Inlines: ins}}
	}
	return WrapLang(ins, f.Lang, docLang)
}

// WrapLang marks inlines as being in lang when that is not the
// document's language (nor a variant of it: nl-BE in an nl-NL text).
func WrapLang(ins []doc.Inline, lang, docLang string) []doc.Inline {
	if lang == "" || docLang == "" || strings.EqualFold(primary(lang), primary(docLang)) {
		return ins
	}
	return []doc.Inline{&doc.Span{Attr: doc.Attr{Pairs: []doc.Pair{{Key: "lang", Value: lang}}}, Inlines: ins}}
}

func primary(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return p
}
