package doc

import (
	"fmt"
	"regexp"
	"strings"
)

// metaKeys maps every metadata key and alias that Meta.Set accepts to
// its field's canonical key. It is the one table of metadata names: front
// matter, --meta and galley.yaml all go through Set.
var metaKeys = map[string]string{
	"title":       "title",
	"subtitle":    "subtitle",
	"author":      "authors",
	"authors":     "authors",
	"creator":     "authors",
	"lang":        "lang",
	"language":    "lang",
	"date":        "date",
	"identifier":  "identifier",
	"isbn":        "identifier",
	"id":          "identifier",
	"publisher":   "publisher",
	"rights":      "rights",
	"copyright":   "rights",
	"license":     "rights",
	"licence":     "rights",
	"description": "description",
	"abstract":    "description",
	"summary":     "description",
	"keywords":    "keywords",
	"keyword":     "keywords",
	"tags":        "keywords",
	"subject":     "keywords",
	"cover":       "cover",
	"cover-image": "cover",
	"cover_image": "cover",
}

// MetaKey returns the canonical key of a metadata key or alias
// ("license" gives "rights", "author" gives "authors"), compared without
// regard to case; ok is false for a key that names no field of Meta.
func MetaKey(key string) (canonical string, ok bool) {
	canonical, ok = metaKeys[strings.ToLower(strings.TrimSpace(key))]
	return canonical, ok
}

// MetaKeys returns the canonical metadata keys, in Meta's field order.
func MetaKeys() []string {
	return []string{"title", "subtitle", "authors", "lang", "date", "identifier", "publisher", "rights", "description", "keywords", "cover"}
}

// IsList reports whether the canonical key names a list field (authors,
// keywords), to which Set adds rather than replaces.
func IsList(canonical string) bool { return canonical == "authors" || canonical == "keywords" }

var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// Set sets the metadata field that key names (see MetaKey). A list field
// gains value as one more entry (keywords split at commas); another field
// is replaced. An unknown key is kept in Extra, replacing an entry of the
// same key. A language must be a BCP 47 tag ("nl", "en-GB").
func (m *Meta) Set(key, value string) error {
	canonical, ok := MetaKey(key)
	if !ok {
		key = strings.TrimSpace(key)
		for i := range m.Extra {
			if m.Extra[i].Key == key {
				m.Extra[i].Value = value
				return nil
			}
		}
		m.Extra = append(m.Extra, Field{Key: key, Value: value})
		return nil
	}
	switch canonical {
	case "title":
		m.Title = value
	case "subtitle":
		m.Subtitle = value
	case "authors":
		if v := strings.TrimSpace(value); v != "" {
			m.Authors = append(m.Authors, v)
		}
	case "lang":
		v := strings.TrimSpace(value)
		if v != "" && !langTag.MatchString(v) {
			return fmt.Errorf("%s: %q is not a language tag (BCP 47, such as nl or en-GB)", key, value)
		}
		m.Lang = v
	case "date":
		m.Date = strings.TrimSpace(value)
	case "identifier":
		m.Identifier = strings.TrimSpace(value)
	case "publisher":
		m.Publisher = value
	case "rights":
		m.Rights = value
	case "description":
		m.Description = value
	case "keywords":
		for _, k := range strings.Split(value, ",") {
			if k = strings.TrimSpace(k); k != "" {
				m.Keywords = append(m.Keywords, k)
			}
		}
	case "cover":
		m.Cover = strings.TrimSpace(value)
	}
	return nil
}

// Override sets every field of m that o sets: a non-empty text field or
// list replaces m's; extra fields replace those of the same key and add
// the others.
func (m *Meta) Override(o *Meta) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Title, o.Title)
	set(&m.Subtitle, o.Subtitle)
	set(&m.Lang, o.Lang)
	set(&m.Date, o.Date)
	set(&m.Identifier, o.Identifier)
	set(&m.Publisher, o.Publisher)
	set(&m.Rights, o.Rights)
	set(&m.Description, o.Description)
	set(&m.Cover, o.Cover)
	if len(o.Authors) > 0 {
		m.Authors = append([]string(nil), o.Authors...)
	}
	if len(o.Keywords) > 0 {
		m.Keywords = append([]string(nil), o.Keywords...)
	}
	for _, f := range o.Extra {
		replaced := false
		for i := range m.Extra {
			if m.Extra[i].Key == f.Key {
				m.Extra[i].Value = f.Value
				replaced = true
			}
		}
		if !replaced {
			m.Extra = append(m.Extra, f)
		}
	}
}
