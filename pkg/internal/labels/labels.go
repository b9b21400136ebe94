// Package labels holds the words renderers print around a document
// ("Contents", "Notes") by language, and the numbering of ordered lists.
package labels

import (
	"strconv"
	"strings"
)

// labels holds the words renderers print around a document, by language.
var labels = map[string]map[string]string{
	"en": {"contents": "Contents", "notes": "Notes", "landmarks": "Landmarks", "cover": "Cover", "start": "Start", "back": "Back to text", "page": "Page", "pages": "Pages", "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution", "done": "Done", "todo": "To do"},
	"nl": {"contents": "Inhoud", "notes": "Noten", "landmarks": "Oriëntatiepunten", "cover": "Omslag", "start": "Begin", "back": "Terug naar de tekst", "page": "Pagina", "pages": "Pagina's", "note": "Opmerking", "tip": "Tip", "important": "Belangrijk", "warning": "Waarschuwing", "caution": "Let op", "done": "Gedaan", "todo": "Te doen"},
	"de": {"contents": "Inhalt", "notes": "Anmerkungen", "landmarks": "Orientierungspunkte", "cover": "Umschlag", "start": "Anfang", "back": "Zurück zum Text", "page": "Seite", "pages": "Seiten", "note": "Hinweis", "tip": "Tipp", "important": "Wichtig", "warning": "Warnung", "caution": "Vorsicht", "done": "Erledigt", "todo": "Offen"},
	"fr": {"contents": "Table des matières", "notes": "Notes", "landmarks": "Repères", "cover": "Couverture", "start": "Début", "back": "Retour au texte", "page": "Page", "pages": "Pages", "note": "Remarque", "tip": "Astuce", "important": "Important", "warning": "Avertissement", "caution": "Attention", "done": "Fait", "todo": "À faire"},
	"es": {"contents": "Índice", "notes": "Notas", "landmarks": "Puntos de referencia", "cover": "Cubierta", "start": "Inicio", "back": "Volver al texto", "page": "Página", "pages": "Páginas", "note": "Nota", "tip": "Consejo", "important": "Importante", "warning": "Advertencia", "caution": "Precaución", "done": "Hecho", "todo": "Pendiente"},
	"it": {"contents": "Indice", "notes": "Note", "landmarks": "Punti di riferimento", "cover": "Copertina", "start": "Inizio", "back": "Torna al testo", "page": "Pagina", "pages": "Pagine", "note": "Nota", "tip": "Suggerimento", "important": "Importante", "warning": "Avvertenza", "caution": "Attenzione", "done": "Fatto", "todo": "Da fare"},
}

// Label returns the word for key ("contents", "notes", "landmarks",
// "cover", "start", "back", "page", "pages"; the admonition kinds "note",
// "tip", "important", "warning", "caution"; the task states "done",
// "todo") in the language lang (a BCP 47 tag; only its primary subtag
// counts), falling back to English; an unknown key is returned with its
// first letter in capitals ("info" → "Info").
func Label(lang, key string) string {
	if s := label(lang, key); s != "" {
		return s
	}
	if key == "" {
		return ""
	}
	r := []rune(key)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

func label(lang, key string) string {
	primary := strings.ToLower(lang)
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	if l, ok := labels[primary]; ok {
		if s, ok := l[key]; ok {
			return s
		}
	}
	return labels["en"][key]
}

// Ordinal formats n in an ordered list's numbering style: "" or "1" for
// 1, 2, 3; "a" and "A" for a, b, … z, aa; "i" and "I" for roman numerals.
func Ordinal(n int, numbering string) string {
	switch numbering {
	case "a", "A":
		s := ""
		for k := n; k > 0; k = (k - 1) / 26 {
			s = string(rune('a'+(k-1)%26)) + s
		}
		if numbering == "A" {
			s = strings.ToUpper(s)
		}
		return s
	case "i", "I":
		s := roman(n)
		if numbering == "I" {
			s = strings.ToUpper(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
