// Package transform holds the small functions that refine a document
// between reading and rendering: section ids, note numbers, the language,
// a default title. Each changes only what it names, and applying one twice
// gives the same result as applying it once. Renderers rely on them, so
// that PDF, EPUB, HTML and text agree on ids and numbers.
package transform

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/galleypress/galley/pkg/doc"
)

// Standard applies the transforms every renderer expects: AssignIDs,
// NumberNotes, DetectLanguage and DefaultTitle with fallback as the title
// of last resort (usually the input's file name without extension).
func Standard(d *doc.Document, fallback string) {
	AssignIDs(d)
	NumberNotes(d)
	DetectLanguage(d)
	DefaultTitle(d, fallback)
}

// reserved matches the ids renderers give notes and note references.
var reserved = regexp.MustCompile(`^fn(ref)?-\d+$`)

// AssignIDs gives every section a unique id. An id already set (such as
// {#id} in Markdown) is kept unless an earlier section has it. New ids
// are made from the title the way GitHub makes heading anchors, so links
// written for GitHub keep working: lower case, letters, digits, marks,
// "_" and "-" of any script kept ("oekraïne"), each space turned into a
// hyphen, other punctuation dropped, so "Install & Update" gives
// "install--update" as on GitHub. A duplicate gets "-1", "-2", …
// appended; a title with no letters or digits gives "section".
func AssignIDs(d *doc.Document) {
	used := map[string]bool{}
	next := map[string]int{} // the next suffix to try for an id
	unique := func(id string) string {
		if !used[id] && !reserved.MatchString(id) {
			used[id] = true
			return id
		}
		for i := max(next[id], 1); ; i++ {
			c := id + "-" + strconv.Itoa(i)
			if !used[c] && !reserved.MatchString(c) {
				used[c] = true
				next[id] = i + 1
				return c
			}
		}
	}
	for _, s := range d.AllSections() {
		if s.ID != "" {
			s.ID = unique(s.ID)
			continue
		}
		s.ID = unique(Slug(doc.PlainText(s.Title)))
	}
	// An anchor (or a div's or span's id) whose name a section or an
	// earlier one has is dropped: links to the name reach the first.
	doc.Walk(d, func(n doc.Node) doc.Visit {
		var id *string
		switch n := n.(type) {
		case *doc.Anchor:
			id = &n.ID
		case *doc.Div:
			id = &n.Attr.ID
		case *doc.Span:
			id = &n.Attr.ID
		}
		if id != nil && *id != "" {
			if used[*id] || reserved.MatchString(*id) {
				*id = ""
			} else {
				used[*id] = true
			}
		}
		return doc.Continue
	})
}

// Slug makes an id from a title, as AssignIDs describes.
func Slug(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(title)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_' || r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	s := b.String()
	if s == "" {
		return "section"
	}
	return s
}

// NumberNotes numbers the notes of d 1, 2, 3, … in reading order. Notes
// inside notes are numbered after the note that holds them.
func NumberNotes(d *doc.Document) {
	n := 0
	doc.Walk(d, func(x doc.Node) doc.Visit {
		if note, ok := x.(*doc.Note); ok {
			n++
			note.Number = n
		}
		return doc.Continue
	})
}

// DefaultTitle sets Meta.Title, if it is empty, to the number and title
// of the first section, or else to fallback.
func DefaultTitle(d *doc.Document, fallback string) {
	if strings.TrimSpace(d.Meta.Title) != "" {
		return
	}
	if len(d.Sections) > 0 {
		if t := strings.TrimSpace(d.Sections[0].HeadingText()); t != "" {
			d.Meta.Title = t
			return
		}
	}
	d.Meta.Title = fallback
}
