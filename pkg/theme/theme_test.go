package theme_test

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/theme"
)

// TestBuiltins: every built-in theme loads, complete, and passes its
// own contrast check; the report extends the default and changes what
// it names.
func TestBuiltins(t *testing.T) {
	for _, name := range theme.Builtins {
		th, err := theme.Load(name, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if th.Page.Size == "" || th.Fonts.Size == 0 || th.Fonts.Family == "" || th.Colors.Background == 0 {
			t.Errorf("%s: incomplete: %+v", name, th)
		}
		if w := th.Contrasts(); len(w) > 0 {
			t.Errorf("%s: %q", name, w)
		}
	}
	def, _ := theme.Load("default", nil)
	rep, _ := theme.Load("report", nil)
	book, _ := theme.Load("book", nil)
	if def.Headings.Size(1) != 1.7 || def.Headings.Size(4) != 1 || book.Headings.Size(1) != 2 || !book.Page.Margins.TwoSided() || def.Page.Margins.TwoSided() {
		t.Errorf("sizes %g %g %g, two-sided %v %v", def.Headings.Size(1), def.Headings.Size(4), book.Headings.Size(1), book.Page.Margins.TwoSided(), def.Page.Margins.TwoSided())
	}
	if rep.Headings.Depth() != 2 || def.Headings.Depth() != 0 || rep.Fonts.Family != "go" || rep.Colors.Text != def.Colors.Text || rep.Paragraphs.Hyphenate != def.Paragraphs.Hyphenate {
		t.Errorf("report: %+v", rep)
	}
}

// TestErrors: an unknown key, a bad value, a bad colour or placeholder
// is an error that names the file, the line and the key.
func TestErrors(t *testing.T) {
	for src, want := range map[string]string{
		"colors:\n  text: \"#000\"\n  colour: red\n": `house.yaml: line 3: colors: unknown key "colour" (known: text, background, headings, links, rules, table-header, table-zebra, code-background, admonition, admonition-background)`,
		"fonts:\n  size: huge\n":                     `house.yaml: line 2: fonts: size: want a number, found "huge"`,
		"fonts:\n  size: 2\n":                        `house.yaml: line 2: fonts: size: 2 is below 6`,
		"page:\n  size: a3\n":                        `house.yaml: line 2: page: size: "a3" is not one of a4, a5, letter`,
		"colors: {links: blue}\n":                    `house.yaml: line 1: colors: links: "blue" is not a colour: write "#rrggbb"`,
		"header:\n  recto: \"{chapter} {pagina}\"\n": `house.yaml: line 2: header: recto: no placeholder {pagina}`,
		"headings: {numbering: \"1.2\"}\n":           `house.yaml: line 1: headings: numbering: "1.2" is not a numbering`,
		"extends: fancy\n":                           `house.yaml: line 1: extends: no built-in theme "fancy"`,
		"- a list\n":                                 `house.yaml: line 1: a theme is a mapping of keys`,
		"page: [a4]\n":                               `house.yaml: line 1: page: want a mapping of keys, found a list`,
		"paragraphs:\n  justify: maybe\n":            `house.yaml: line 2: paragraphs: justify: want true or false, found "maybe"`,
		"page:\n  margins:\n    top: 500\n":          `house.yaml: line 3: page: margins: top: 500 is above 100`,
	} {
		_, err := theme.Load("themes/house.yaml", func(string) ([]byte, error) { return []byte(src), nil })
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
	if _, err := theme.Load("fancy", nil); err == nil || !strings.Contains(err.Error(), `no built-in theme "fancy" (built in: default, report, book)`) {
		t.Errorf("unknown name: %v", err)
	}
}

// TestExtends: a file extends a built-in theme and overrides only what
// it names; a failing contrast pair is a warning naming the pair.
func TestExtends(t *testing.T) {
	src := "extends: report\ncolors:\n  links: \"#9db4d0\"\n"
	th, err := theme.Load("house.yaml", func(string) ([]byte, error) { return []byte(src), nil })
	if err != nil {
		t.Fatal(err)
	}
	if th.Name != "house" || th.Colors.Links != 0x9db4d0 || th.Colors.Headings != 0x154273 || th.Fonts.Family != "go" {
		t.Errorf("extended: %+v", th)
	}
	w := th.Contrasts()
	if len(w) != 2 || !strings.Contains(w[0], "links #9db4d0 on background #ffffff has a contrast of 2.13:1") || !strings.Contains(w[1], "links #9db4d0 on code-background") {
		t.Errorf("contrast warnings: %q", w)
	}
}

func TestFill(t *testing.T) {
	got := theme.Fill("{chapter} · {page} of {pages} {odd}", map[string]string{"chapter": "Water", "page": "3", "pages": "9"})
	if got != "Water · 3 of 9 {odd}" {
		t.Errorf("Fill: %q", got)
	}
	if c := theme.Contrast(0x000000, 0xffffff); fmt.Sprintf("%.1f", c) != "21.0" {
		t.Errorf("contrast black on white %.2f", c)
	}
}

// FuzzTheme: any file is a theme or one error; never a panic, and a
// theme that loads has its colours' contrasts and its CSS made.
func FuzzTheme(f *testing.F) {
	for _, name := range theme.Builtins {
		src, _ := theme.Source(name)
		f.Add(src)
	}
	f.Add([]byte("extends: report\ncolors: {text: \"#123\"}\nheader: {recto: \"{title} {page}\", logo: logo.svg}\n"))
	f.Add([]byte("page: &a {margins: *a}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		th, err := theme.Load("house.yaml", func(name string) ([]byte, error) {
			if name == "house.yaml" {
				return data, nil
			}
			return []byte("<svg/>"), nil
		})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("a multi-line error: %q", err)
			}
			return
		}
		th.Contrasts()
		th.CSS(false)
		th.CSS(true)
		theme.Fill(th.Header.Recto, map[string]string{"page": "1"})
	})
}

// TestDocumented: docs/themes.md names every key a theme holds.
func TestDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/themes.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	var walk func(typ reflect.Type, prefix string)
	walk = func(typ reflect.Type, prefix string) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			key := f.Tag.Get("theme")
			if key == "-" {
				continue
			}
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, prefix+key+".")
				continue
			}
			if !strings.Contains(doc, "`"+prefix+key+"`") && !strings.Contains(doc, "."+key+"`") && !strings.Contains(doc, "`"+prefix+key+"`,") {
				t.Errorf("docs/themes.md does not name %s%s", prefix, key)
			}
		}
	}
	walk(reflect.TypeFor[theme.Theme](), "")
}
