// Package theme is galley's house style: one file that styles the PDF,
// the EPUB and the HTML alike (page, type, colours, heading and caption
// numbering, running header and footer). A theme is YAML; the built-in
// ones are "default" (galley's look when nothing is set), "report" (a
// government report) and "book". A theme extends another and overrides
// what it names.
//
//	t, err := theme.Load("report", nil)              // built in
//	t, err := theme.Load("house.yaml", os.ReadFile)  // a file
package theme

import (
	"embed"
	"fmt"
	"math"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/galleypress/galley/pkg/internal/yamlnode"
)

// Theme is a house style. Its zero value is not useful: Load and
// Default give complete ones.
type Theme struct {
	// Name is the built-in theme's name, or the file's.
	Name       string     `theme:"-"`
	Extends    string     `theme:"extends"`
	Page       Page       `theme:"page"`
	Fonts      Fonts      `theme:"fonts"`
	Colors     Colors     `theme:"colors"`
	Headings   Headings   `theme:"headings"`
	Paragraphs Paragraphs `theme:"paragraphs"`
	Header     Running    `theme:"header"`
	Footer     Running    `theme:"footer"`
	Captions   Captions   `theme:"captions"`
	TitlePage  TitlePage  `theme:"title-page"`
}

// TitlePage is what the PDF's title page shows besides the title,
// subtitle, authors, date and publisher: a colour field across its top
// and a logo (in the field, or above the title).
type TitlePage struct {
	// Band is the colour of a field across the page's top, BandHeight
	// millimetres high (0: 60); "none" or "" for none.
	Band       string  `theme:"band"`
	BandHeight float64 `theme:"band-height" max:"200"`
	// Logo is an image read from the theme file's folder, LogoHeight
	// millimetres high (0: 20).
	Logo       string  `theme:"logo"`
	LogoHeight float64 `theme:"logo-height" max:"100"`
	LogoData   []byte  `theme:"-"`
	// Image is a picture across the page's top, as wide as the page
	// (a cover's photograph), over the band; read like the logo.
	Image     string `theme:"image"`
	ImageData []byte `theme:"-"`
}

// BandColor returns the band's colour, and whether there is one.
func (p TitlePage) BandColor() (Color, bool) {
	if p.Band == "" || p.Band == "none" {
		return 0, false
	}
	c, err := ParseColor(p.Band)
	return c, err == nil
}

// Page is the PDF's page.
type Page struct {
	// Size is "a4", "a5" or "letter".
	Size string `theme:"size" oneof:"a4 a5 letter"`
	// Margins in millimetres; 0 keeps galley's.
	Margins Margins `theme:"margins"`
	// ChapterPages starts each top-level section on a new page.
	ChapterPages bool `theme:"chapter-pages"`
	// Columns is "1" or "2": the body's text in two columns,
	// ColumnGap millimetres apart (0: 6); the title page and the
	// contents stay whole.
	Columns   string  `theme:"columns" oneof:"1 2"`
	ColumnGap float64 `theme:"column-gap" max:"30"`
}

// Margins are a page's margins in millimetres. Inner is the side of
// the binding: the left of a right-hand (odd) page, the right of a
// left-hand one; when Inner and Outer differ, pages are two-sided.
type Margins struct {
	Top    float64 `theme:"top" max:"100"`
	Bottom float64 `theme:"bottom" max:"100"`
	Inner  float64 `theme:"inner" max:"100"`
	Outer  float64 `theme:"outer" max:"100"`
}

// TwoSided reports whether left- and right-hand pages differ.
func (m Margins) TwoSided() bool { return m.Inner != m.Outer }

// Fonts is the type.
type Fonts struct {
	// Family is the built-in family: "noto" or "go".
	Family string `theme:"family" oneof:"noto go"`
	// Headings is the headings' family, if not Family's: "noto" or
	// "go" (the title, too).
	Headings string `theme:"headings" oneof:"noto go"`
	// Size is the body's size in points.
	Size float64 `theme:"size" min:"6" max:"24"`
	// LineHeight is the body's line distance, times its size.
	LineHeight float64 `theme:"line-height" min:"1" max:"2.5"`
	// CodeSize, CaptionSize and NoteSize are the sizes of code, of
	// captions and of notes, times the text's.
	CodeSize    float64 `theme:"code-size" min:"0.5" max:"1.5"`
	CaptionSize float64 `theme:"caption-size" min:"0.5" max:"1.5"`
	NoteSize    float64 `theme:"note-size" min:"0.5" max:"1.5"`
	// Features are OpenType features the text (not code) is set with,
	// space-separated: "onum" (old-style figures), "tnum" (tabular
	// ones), "smcp" (small caps), "-liga" (no ligatures), where the
	// font has them. The PDF honours them; HTML and EPUB as
	// font-feature-settings.
	Features string `theme:"features"`
}

// Colors are the theme's colours.
type Colors struct {
	Text           Color `theme:"text"`
	Background     Color `theme:"background"`
	Headings       Color `theme:"headings"`
	Links          Color `theme:"links"`
	Rules          Color `theme:"rules"`
	TableHeader    Color `theme:"table-header"`
	TableZebra     Color `theme:"table-zebra"`
	CodeBackground Color `theme:"code-background"`
	// Admonition is the bar beside a note, tip or warning;
	// AdmonitionBackground its fill.
	Admonition           Color `theme:"admonition"`
	AdmonitionBackground Color `theme:"admonition-background"`
}

// Headings says how headings are numbered.
type Headings struct {
	// Numbering is "none", or how deep headings are numbered: "1",
	// "1.1", "1.1.1"…
	Numbering string `theme:"numbering"`
	// Sizes are the headings' sizes by level, times the text's,
	// space-separated: "1.7 1.3 1.1" (levels past the last are the
	// text's size).
	Sizes string `theme:"sizes"`
}

// Size returns the size of a heading of level (from 1), times the
// text's.
func (h Headings) Size(level int) float64 {
	fs := strings.Fields(h.Sizes)
	if level < 1 || level > len(fs) {
		return 1
	}
	v, err := strconv.ParseFloat(fs[level-1], 64)
	if err != nil {
		return 1
	}
	return v
}

// Depth returns how many levels of headings are numbered (0: none).
func (h Headings) Depth() int {
	if h.Numbering == "" || h.Numbering == "none" {
		return 0
	}
	return strings.Count(h.Numbering, ".") + 1
}

// Paragraphs are the body's paragraphs.
type Paragraphs struct {
	Justify   bool `theme:"justify"`
	Hyphenate bool `theme:"hyphenate"`
	// Indent, in ems, indents the first line of a paragraph that
	// follows another, with no space between them (a book's way); 0
	// parts paragraphs by space.
	Indent float64 `theme:"indent" max:"5"`
}

// Running is a running header or footer: a text for right-hand (odd)
// pages and one for left-hand ones, with placeholders (see Fill).
type Running struct {
	Recto string `theme:"recto"`
	Verso string `theme:"verso"`
	Rule  bool   `theme:"rule"`
	// Logo is an image (SVG, drawn as vectors; PNG, JPEG) at the outer
	// end of the header, LogoHeight millimetres high (0: 8), read from
	// the theme file's folder: LogoData holds it, Logo its name.
	Logo       string  `theme:"logo"`
	LogoHeight float64 `theme:"logo-height" max:"40"`
	LogoData   []byte  `theme:"-"`
}

// Captions are the captions of figures and tables.
type Captions struct {
	// Numbered begins each caption with its label and number ("Figuur
	// 1: ", "Table 2: "), counted through the document, or per chapter
	// when Per is "chapter" ("Figuur 2.1: ").
	Numbered bool   `theme:"numbered"`
	Per      string `theme:"per" oneof:"document chapter"`
}

// Color is an sRGB colour, 0xRRGGBB.
type Color uint32

// String writes c as "#rrggbb".
func (c Color) String() string { return fmt.Sprintf("#%06x", uint32(c)) }

// ParseColor reads "#rrggbb" or "#rgb".
func ParseColor(s string) (Color, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if !ok || len(h) != 6 || err != nil {
		return 0, fmt.Errorf("%q is not a colour: write \"#rrggbb\"", s)
	}
	return Color(v), nil
}

// Contrast returns the WCAG contrast ratio of a and b (1 to 21).
func Contrast(a, b Color) float64 {
	la, lb := a.luminance(), b.luminance()
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func (c Color) luminance() float64 {
	ch := func(v uint32) float64 {
		x := float64(v&0xff) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(uint32(c)>>16) + 0.7152*ch(uint32(c)>>8) + 0.0722*ch(uint32(c))
}

// Pair is a colour of text on a colour behind it, by the keys.
type Pair struct{ Fore, Back string }

// Pairs are the colour pairs a theme's text is drawn in.
var Pairs = []Pair{
	{"text", "background"}, {"headings", "background"}, {"links", "background"},
	{"text", "table-header"}, {"text", "table-zebra"}, {"text", "code-background"}, {"links", "code-background"},
	{"text", "admonition-background"},
}

// Contrasts returns a warning for each pair of t's colours that holds
// text with a contrast below 4.5:1 (WCAG 2.2 AA), naming the pair.
func (t *Theme) Contrasts() []string {
	var out []string
	for _, p := range Pairs {
		f, b := t.Colors.get(p.Fore), t.Colors.get(p.Back)
		if r := Contrast(f, b); r < 4.5 {
			out = append(out, fmt.Sprintf("theme %s: colors: %s %s on %s %s has a contrast of %.2f:1, below the 4.5:1 WCAG AA asks for text", t.Name, p.Fore, f, p.Back, b, r))
		}
	}
	return out
}

// get returns the colour of a key of colors.
func (c *Colors) get(key string) Color {
	v := reflect.ValueOf(c).Elem()
	for i := range v.NumField() {
		if v.Type().Field(i).Tag.Get("theme") == key {
			return v.Field(i).Interface().(Color)
		}
	}
	return 0
}

//go:embed themes/*.yaml
var builtin embed.FS

// Builtins are the names of the built-in themes.
var Builtins = []string{"default", "report", "book"}

// IsBuiltin reports whether name is a built-in theme's.
func IsBuiltin(name string) bool { return slices.Contains(Builtins, name) }

// Source returns a built-in theme's file: commented, a starting point
// for one's own (galley theme --print NAME).
func Source(name string) ([]byte, error) {
	if !IsBuiltin(name) {
		return nil, fmt.Errorf("no built-in theme %q (built in: %s)", name, strings.Join(Builtins, ", "))
	}
	return builtin.ReadFile("themes/" + name + ".yaml")
}

// Default returns the default theme: galley's look when nothing is set.
func Default() *Theme {
	def := defaultTheme()
	t := *def
	return &t
}

// defaultTheme is the default theme, loaded once.
var defaultTheme = sync.OnceValue(func() *Theme {
	t, err := Load("default", nil)
	if err != nil {
		panic("theme: the default theme does not load: " + err.Error())
	}
	return t
})

// Load returns the theme name gives: a built-in theme's name, or a
// file that readFile reads (nil: only built-in themes). Errors say the
// file and line and what to do.
func Load(name string, readFile func(string) ([]byte, error)) (*Theme, error) {
	return load(name, readFile, 0)
}

func load(name string, readFile func(string) ([]byte, error), depth int) (*Theme, error) {
	if depth > 8 {
		return nil, fmt.Errorf("theme %s: themes extend each other in a loop", name)
	}
	if strings.ContainsFunc(name, unicode.IsControl) {
		return nil, fmt.Errorf("theme %q: not a theme's name nor a file's", name)
	}
	var data []byte
	var err error
	shown := name
	if IsBuiltin(name) {
		data, err = Source(name)
	} else if readFile == nil || !strings.ContainsAny(name, "./\\") {
		return nil, fmt.Errorf("no built-in theme %q (built in: %s); a theme file's name ends in .yaml", name, strings.Join(Builtins, ", "))
	} else {
		data, err = readFile(name)
		shown = path.Base(name)
	}
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	root, err := yamlnode.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	if root != nil && root.Kind != yamlnode.Map {
		return nil, fmt.Errorf("%s: line %d: a theme is a mapping of keys (page:, fonts:, colors:…), found %s", shown, root.Line, root.Kind)
	}
	base := &Theme{}
	switch ext := root.Get("extends"); {
	case name == "default":
	case ext == nil && !IsBuiltin(name):
		base, err = load("default", nil, depth+1)
	case ext != nil && ext.Value != "none" && ext.Value != "":
		base, err = load(ext.Value, readFile, depth+1)
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: extends: %w", shown, ext.Line, err)
		}
	}
	if err != nil {
		return nil, err
	}
	t := *base
	if err := decode(root, reflect.ValueOf(&t).Elem(), ""); err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	logos := []struct {
		name, was string
		data      *[]byte
	}{
		{t.Header.Logo, base.Header.Logo, &t.Header.LogoData},
		{t.Footer.Logo, base.Footer.Logo, &t.Footer.LogoData},
		{t.TitlePage.Logo, base.TitlePage.Logo, &t.TitlePage.LogoData},
		{t.TitlePage.Image, base.TitlePage.Image, &t.TitlePage.ImageData},
	}
	for _, lg := range logos {
		if lg.name == "" || lg.name == lg.was {
			continue // none, or the one the theme extended read
		}
		if readFile == nil || IsBuiltin(name) {
			return nil, fmt.Errorf("%s: logo %s: a built-in theme reads no files", shown, lg.name)
		}
		if *lg.data, err = readFile(path.Join(path.Dir(name), lg.name)); err != nil {
			return nil, fmt.Errorf("%s: logo: %w", shown, err)
		}
	}
	t.Name = strings.TrimSuffix(shown, ".yaml")
	return &t, nil
}

// decode sets v, a struct, from a mapping: each key must be one of its
// fields', each value of the field's kind and within its bounds.
func decode(n *yamlnode.Node, v reflect.Value, where string) error {
	if n == nil || n.Kind == yamlnode.Null {
		return nil
	}
	if n.Kind != yamlnode.Map {
		return &yamlnode.Error{Line: n.Line, Msg: fmt.Sprintf("%swant a mapping of keys, found %s", where, n.Kind)}
	}
	typ := v.Type()
	var keys []string
	var fields []int
	for i := range typ.NumField() {
		if k := typ.Field(i).Tag.Get("theme"); k != "-" {
			keys, fields = append(keys, k), append(fields, i)
		}
	}
	for _, f := range n.Fields {
		i := slices.Index(keys, f.Key)
		if i < 0 {
			return &yamlnode.Error{Line: f.Line, Msg: fmt.Sprintf("%sunknown key %q (known: %s)", where, f.Key, strings.Join(keys, ", "))}
		}
		sf := typ.Field(fields[i])
		fv := v.Field(fields[i])
		key := where + f.Key
		if fv.Kind() == reflect.Struct {
			if err := decode(f.Val, fv, key+": "); err != nil {
				return err
			}
			continue
		}
		if err := scalar(f.Val, fv, sf, key); err != nil {
			return err
		}
	}
	return nil
}

// scalar sets a field from a value.
func scalar(n *yamlnode.Node, fv reflect.Value, sf reflect.StructField, key string) error {
	bad := func(format string, args ...any) error {
		return &yamlnode.Error{Line: n.Line, Msg: key + ": " + fmt.Sprintf(format, args...)}
	}
	s, err := n.String()
	if err != nil {
		return bad("want a single value, found %s", n.Kind)
	}
	switch fv.Interface().(type) {
	case Color:
		c, err := ParseColor(s)
		if err != nil {
			return bad("%v", err)
		}
		fv.Set(reflect.ValueOf(c))
	case string:
		if oneOf := sf.Tag.Get("oneof"); oneOf != "" && s != "" && !slices.Contains(strings.Fields(oneOf), strings.ToLower(s)) {
			return bad("%q is not one of %s", s, strings.Join(strings.Fields(oneOf), ", "))
		}
		switch sf.Tag.Get("theme") {
		case "numbering":
			if err := checkNumbering(s); err != nil {
				return bad("%v", err)
			}
		case "sizes":
			fs := strings.Fields(s)
			if len(fs) > 6 {
				return bad("%d sizes: at most six, one per level", len(fs))
			}
			for _, f := range fs {
				if v, err := strconv.ParseFloat(f, 64); err != nil || !(v >= 0.5 && v <= 4) {
					return bad("%q is not a size from 0.5 to 4 (times the text's)", f)
				}
			}
		case "band":
			if s != "" && s != "none" {
				if _, err := ParseColor(s); err != nil {
					return bad("%v (or none)", err)
				}
			}
		case "features":
			for _, f := range strings.Fields(s) {
				if !featureTag.MatchString(f) {
					return bad("%q is not an OpenType feature: four letters or digits (onum, tnum, smcp, ss01), a - before it to turn it off", f)
				}
			}
		case "recto", "verso":
			for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
				if !slices.Contains(Placeholders, m[1]) {
					return bad("no placeholder {%s} (known: {%s})", m[1], strings.Join(Placeholders, "}, {"))
				}
			}
		}
		if sf.Tag.Get("oneof") != "" {
			s = strings.ToLower(s)
		}
		fv.SetString(s)
	case bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return bad("want true or false, found %q", s)
		}
		fv.SetBool(b)
	case float64:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return bad("want a number, found %q", s)
		}
		if lo, err := strconv.ParseFloat(sf.Tag.Get("min"), 64); err == nil && f < lo {
			return bad("%g is below %g", f, lo)
		}
		if f < 0 {
			return bad("%g is below 0", f)
		}
		if hi, err := strconv.ParseFloat(sf.Tag.Get("max"), 64); err == nil && f > hi {
			return bad("%g is above %g", f, hi)
		}
		fv.SetFloat(f)
	default:
		return bad("cannot be set") // a field of a kind decode lacks
	}
	return nil
}

// checkNumbering accepts "none", "1", "1.1", "1.1.1"… up to six levels.
func checkNumbering(s string) error {
	if s == "none" {
		return nil
	}
	parts := strings.Split(s, ".")
	for _, p := range parts {
		if p != "1" {
			return fmt.Errorf("%q is not a numbering: none, 1, 1.1, 1.1.1 (how deep headings are numbered)", s)
		}
	}
	if len(parts) > 6 {
		return fmt.Errorf("%q numbers more than six levels", s)
	}
	return nil
}

// Fill fills a running header's or footer's text: {title}, {chapter},
// {section}, {page}, {pages} and {date} by vars; an unknown name stays
// as written.
func Fill(text string, vars map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(text[:i])
		name := text[i+1 : i+j]
		if v, ok := vars[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(text[i : i+j+1])
		}
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return strings.TrimSpace(b.String())
}

var (
	placeholder = regexp.MustCompile(`\{([^{}]*)\}`)
	featureTag  = regexp.MustCompile(`^[+-]?[a-z0-9]{4}$`)
)

// Placeholders are the names Fill knows.
var Placeholders = []string{"title", "chapter", "section", "page", "pages", "date"}

// CSS returns the stylesheet rules that make HTML (epub false) or an
// EPUB look as t does, to follow the built-in stylesheet and precede a
// user's: what t sets other than the default theme gives (the default
// theme adds nothing). HTML takes the colours as custom properties for
// its light scheme (its dark scheme keeps galley's palette, which the
// theme's colours were not chosen for); an EPUB takes them as values.
func (t *Theme) CSS(epub bool) string {
	def := Default()
	var b strings.Builder
	type prop struct {
		name     string
		val, was Color
	}
	props := []prop{
		{"text", t.Colors.Text, def.Colors.Text}, {"bg", t.Colors.Background, def.Colors.Background},
		{"link", t.Colors.Links, def.Colors.Links}, {"rule", t.Colors.Rules, def.Colors.Rules},
		{"code", t.Colors.CodeBackground, def.Colors.CodeBackground},
		{"heading", t.Colors.Headings, def.Colors.Headings}, {"th-bg", t.Colors.TableHeader, def.Colors.TableHeader},
		{"zebra", t.Colors.TableZebra, def.Colors.TableZebra},
		{"adm", t.Colors.Admonition, def.Colors.Admonition}, {"adm-bg", t.Colors.AdmonitionBackground, def.Colors.AdmonitionBackground},
	}
	changed := false
	for _, p := range props {
		changed = changed || p.val != p.was
	}
	if changed && !epub {
		b.WriteString("@media not all and (prefers-color-scheme: dark) {\n  :root {")
		for _, p := range props {
			fmt.Fprintf(&b, " --%s: %s;", p.name, p.val)
		}
		b.WriteString(" }\n  h1, h2, h3, h4, h5, h6 { color: var(--heading); }\n  thead th { background: var(--th-bg); }\n  tbody tr:nth-child(even) { background: var(--zebra); }\n  hr, th, td { border-color: var(--rule); }\n  .admonition { border-left-color: var(--adm); background: var(--adm-bg); }\n}\n")
	}
	if epub {
		if t.Colors.Headings != def.Colors.Headings {
			fmt.Fprintf(&b, "h1, h2, h3, h4, h5, h6 { color: %s; }\n", t.Colors.Headings)
		}
		if t.Colors.Links != def.Colors.Links {
			fmt.Fprintf(&b, "a { color: %s; }\n", t.Colors.Links)
		}
		if t.Colors.TableHeader != def.Colors.TableHeader {
			fmt.Fprintf(&b, "thead th { background: %s; color: %s; }\n", t.Colors.TableHeader, t.Colors.Text)
		}
		if t.Colors.TableZebra != def.Colors.TableZebra {
			fmt.Fprintf(&b, "tbody tr:nth-child(even) { background: %s; color: %s; }\n", t.Colors.TableZebra, t.Colors.Text)
		}
		if t.Colors.Rules != def.Colors.Rules {
			fmt.Fprintf(&b, "hr, th, td { border-color: %s; }\n", t.Colors.Rules)
		}
		if t.Colors.Admonition != def.Colors.Admonition || t.Colors.AdmonitionBackground != def.Colors.AdmonitionBackground {
			fmt.Fprintf(&b, ".admonition { border-left-color: %s; background: %s; color: %s; }\n", t.Colors.Admonition, t.Colors.AdmonitionBackground, t.Colors.Text)
		}
	}
	var body []string
	if t.Fonts.Family != def.Fonts.Family {
		body = append(body, "font-family: "+families[t.Fonts.Family])
	}
	if t.Fonts.CodeSize != def.Fonts.CodeSize {
		fmt.Fprintf(&b, "pre { font-size: %gem; }\n", t.Fonts.CodeSize)
	}
	if t.Fonts.CaptionSize != def.Fonts.CaptionSize {
		fmt.Fprintf(&b, "figcaption, caption { font-size: %gem; }\n", t.Fonts.CaptionSize)
	}
	if t.Fonts.NoteSize != def.Fonts.NoteSize {
		fmt.Fprintf(&b, ".footnotes, .footnote { font-size: %gem; }\n", t.Fonts.NoteSize)
	}
	if t.Headings.Sizes != def.Headings.Sizes {
		for level := 1; level <= 6; level++ {
			fmt.Fprintf(&b, "h%d { font-size: %gem; }\n", level, t.Headings.Size(level))
		}
	}
	if h := t.Fonts.Headings; h != "" && h != t.Fonts.Family {
		b.WriteString("h1, h2, h3, h4, h5, h6, .title { font-family: " + families[h] + "; }\n")
	}
	if t.Paragraphs.Justify != def.Paragraphs.Justify {
		body = append(body, "text-align: "+map[bool]string{true: "justify", false: "left"}[t.Paragraphs.Justify])
	}
	if t.Paragraphs.Hyphenate != def.Paragraphs.Hyphenate {
		h := map[bool]string{true: "auto", false: "manual"}[t.Paragraphs.Hyphenate]
		body = append(body, "hyphens: "+h, "-webkit-hyphens: "+h)
		if epub {
			body = append(body, "-epub-hyphens: "+h)
		}
	}
	if len(body) > 0 {
		b.WriteString("body { " + strings.Join(body, "; ") + "; }\n")
	}
	if t.Fonts.Features != def.Fonts.Features {
		var fs []string
		for _, f := range strings.Fields(t.Fonts.Features) {
			on := "1"
			if strings.HasPrefix(f, "-") {
				on = "0"
			}
			fs = append(fs, fmt.Sprintf("%q %s", strings.TrimLeft(f, "+-"), on))
		}
		fmt.Fprintf(&b, "p, li, td, th, dd, blockquote { font-feature-settings: %s; }\n", strings.Join(fs, ", "))
	}
	if t.Paragraphs.Indent != def.Paragraphs.Indent {
		if epub {
			fmt.Fprintf(&b, "p + p { text-indent: %gem; }\n", t.Paragraphs.Indent)
		} else {
			fmt.Fprintf(&b, "p { margin: 0; }\np + p { text-indent: %gem; }\n", t.Paragraphs.Indent)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "/* theme " + t.Name + " */\n" + b.String()
}

// FamilyName returns the name a built-in family goes by in CSS
// ("Noto Serif", "Go"): the first of its font stack.
func FamilyName(family string) string {
	name, _, _ := strings.Cut(families[family], ",")
	return strings.Trim(name, `"`)
}

// families are the CSS font stacks of the built-in families.
var families = map[string]string{
	"noto": `"Noto Serif", Charter, "Bitstream Charter", Cambria, Georgia, serif`,
	"go":   `"Go", "Noto Sans", "Helvetica Neue", Arial, sans-serif`,
}
