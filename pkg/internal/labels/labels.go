// Package labels holds the words renderers print around a document
// ("Contents", "Notes") by language, and the numbering of ordered lists.
package labels

import (
	"strings"
)

// labels holds the words renderers print around a document, by language.
var labels = map[string]map[string]string{
	"en": {"figure": "Figure", "table": "Table", "contents": "Contents", "notes": "Notes", "landmarks": "Landmarks", "cover": "Cover", "start": "Start", "back": "Back to text", "page": "Page", "pages": "Pages", "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution", "done": "Done", "todo": "To do"},
	"nl": {"figure": "Figuur", "table": "Tabel", "contents": "Inhoud", "notes": "Noten", "landmarks": "Oriëntatiepunten", "cover": "Omslag", "start": "Begin", "back": "Terug naar de tekst", "page": "Pagina", "pages": "Pagina's", "note": "Opmerking", "tip": "Tip", "important": "Belangrijk", "warning": "Waarschuwing", "caution": "Let op", "done": "Gedaan", "todo": "Te doen"},
	"de": {"figure": "Abbildung", "table": "Tabelle", "contents": "Inhalt", "notes": "Anmerkungen", "landmarks": "Orientierungspunkte", "cover": "Umschlag", "start": "Anfang", "back": "Zurück zum Text", "page": "Seite", "pages": "Seiten", "note": "Hinweis", "tip": "Tipp", "important": "Wichtig", "warning": "Warnung", "caution": "Vorsicht", "done": "Erledigt", "todo": "Offen"},
	"fr": {"figure": "Figure", "table": "Tableau", "contents": "Table des matières", "notes": "Notes", "landmarks": "Repères", "cover": "Couverture", "start": "Début", "back": "Retour au texte", "page": "Page", "pages": "Pages", "note": "Remarque", "tip": "Astuce", "important": "Important", "warning": "Avertissement", "caution": "Attention", "done": "Fait", "todo": "À faire"},
	"es": {"figure": "Figura", "table": "Tabla", "contents": "Índice", "notes": "Notas", "landmarks": "Puntos de referencia", "cover": "Cubierta", "start": "Inicio", "back": "Volver al texto", "page": "Página", "pages": "Páginas", "note": "Nota", "tip": "Consejo", "important": "Importante", "warning": "Advertencia", "caution": "Precaución", "done": "Hecho", "todo": "Pendiente"},
	"it": {"figure": "Figura", "table": "Tabella", "contents": "Indice", "notes": "Note", "landmarks": "Punti di riferimento", "cover": "Copertina", "start": "Inizio", "back": "Torna al testo", "page": "Pagina", "pages": "Pagine", "note": "Nota", "tip": "Suggerimento", "important": "Importante", "warning": "Avvertenza", "caution": "Attenzione", "done": "Fatto", "todo": "Da fare"},
}

// summaries are the sentences of an EPUB's accessibility summary, by
// language; Label finds them too.
var summaries = map[string]map[string]string{
	"en": {
		"a11y-structure": "The text is structured with headings and a navigable table of contents, in reading order.",
		"a11y-alt-all":   "Every image has a text alternative.",
		"a11y-alt-some":  "Some images lack a text alternative.",
		"a11y-pages":     "Page-break markers and a page list give the page numbers of the PDF edition.",
		"a11y-math":      "Formulas are in MathML, with their TeX source.",
		"a11y-conforms":  "The publication is meant to meet EPUB Accessibility 1.1 at WCAG 2.2 level AA; this was checked automatically, not by a person.",
	},
	"nl": {
		"a11y-structure": "De tekst heeft koppen en een navigeerbare inhoudsopgave, in leesvolgorde.",
		"a11y-alt-all":   "Elke afbeelding heeft een tekstalternatief.",
		"a11y-alt-some":  "Sommige afbeeldingen hebben geen tekstalternatief.",
		"a11y-pages":     "Paginamarkeringen en een paginalijst geven de paginanummers van de pdf-uitgave.",
		"a11y-math":      "Formules staan in MathML, met hun TeX-bron.",
		"a11y-conforms":  "De publicatie is bedoeld om te voldoen aan EPUB Accessibility 1.1 op WCAG 2.2-niveau AA; dat is automatisch gecontroleerd, niet door een persoon.",
	},
	"de": {
		"a11y-structure": "Der Text ist mit Überschriften und einem navigierbaren Inhaltsverzeichnis gegliedert, in Lesereihenfolge.",
		"a11y-alt-all":   "Jedes Bild hat eine Textalternative.",
		"a11y-alt-some":  "Einigen Bildern fehlt eine Textalternative.",
		"a11y-pages":     "Seitenumbruchmarken und eine Seitenliste geben die Seitenzahlen der PDF-Ausgabe an.",
		"a11y-math":      "Formeln sind in MathML, mit ihrem TeX-Quelltext.",
		"a11y-conforms":  "Die Publikation soll EPUB Accessibility 1.1 auf WCAG-2.2-Stufe AA erfüllen; das wurde automatisch geprüft, nicht von einer Person.",
	},
	"fr": {
		"a11y-structure": "Le texte est structuré par des titres et une table des matières navigable, dans l’ordre de lecture.",
		"a11y-alt-all":   "Chaque image a une alternative textuelle.",
		"a11y-alt-some":  "Certaines images n’ont pas d’alternative textuelle.",
		"a11y-pages":     "Des marqueurs de saut de page et une liste des pages donnent les numéros de page de l’édition PDF.",
		"a11y-math":      "Les formules sont en MathML, avec leur source TeX.",
		"a11y-conforms":  "La publication vise la conformité à EPUB Accessibility 1.1 au niveau AA des WCAG 2.2 ; cela a été vérifié automatiquement, non par une personne.",
	},
	"es": {
		"a11y-structure": "El texto está estructurado con encabezados y un índice navegable, en orden de lectura.",
		"a11y-alt-all":   "Todas las imágenes tienen una alternativa textual.",
		"a11y-alt-some":  "Algunas imágenes no tienen alternativa textual.",
		"a11y-pages":     "Marcas de salto de página y una lista de páginas dan los números de página de la edición PDF.",
		"a11y-math":      "Las fórmulas están en MathML, con su código TeX.",
		"a11y-conforms":  "La publicación pretende cumplir EPUB Accessibility 1.1 en el nivel AA de WCAG 2.2; se ha comprobado automáticamente, no por una persona.",
	},
	"it": {
		"a11y-structure": "Il testo è strutturato con titoli e un indice navigabile, in ordine di lettura.",
		"a11y-alt-all":   "Ogni immagine ha un’alternativa testuale.",
		"a11y-alt-some":  "Alcune immagini non hanno un’alternativa testuale.",
		"a11y-pages":     "Indicatori di interruzione di pagina e un elenco delle pagine danno i numeri di pagina dell’edizione PDF.",
		"a11y-math":      "Le formule sono in MathML, con il loro sorgente TeX.",
		"a11y-conforms":  "La pubblicazione intende conformarsi a EPUB Accessibility 1.1 al livello AA delle WCAG 2.2; è stata verificata automaticamente, non da una persona.",
	},
}

func init() {
	for lang, m := range summaries {
		for k, v := range m {
			labels[lang][k] = v
		}
	}
}

// Label returns the word for key ("contents", "notes", "landmarks",
// "cover", "start", "back", "page", "pages", "figure", "table"; the
// admonition kinds "note", "tip", "important", "warning", "caution";
// the task states "done", "todo"; the sentences of an accessibility
// summary, "a11y-…") in the language lang (a BCP 47 tag; only its
// primary subtag counts), falling back to English; an unknown key is
// returned with its first letter in capitals ("info" → "Info").
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
