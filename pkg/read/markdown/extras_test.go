package markdown_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render/html"
)

// TestGFMTaskLists renders the two task-list examples of the GFM spec
// (0.29-gfm, examples 279 and 280) and compares them with the spec's
// HTML, galley's class and label on the checkbox aside.
func TestGFMTaskLists(t *testing.T) {
	for _, ex := range []struct{ md, want string }{
		{"- [ ] foo\n- [x] bar\n", `<ul><li><input disabled="" type="checkbox"> foo</li><li><input checked="" disabled="" type="checkbox"> bar</li></ul>`},
		{"- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n", `<ul><li><input checked="" disabled="" type="checkbox"> foo<ul><li><input disabled="" type="checkbox"> bar</li><li><input checked="" disabled="" type="checkbox"> baz</li></ul></li><li><input disabled="" type="checkbox"> bim</li></ul>`},
	} {
		d, _ := readMD(t, ex.md)
		var buf bytes.Buffer
		if err := html.New(html.Config{Fragment: true}).Render(context.Background(), &buf, d, nil); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		for old, new := range map[string]string{` class="task"`: "", ` aria-label="Done"`: "", ` aria-label="To do"`: "", "\n": ""} {
			got = strings.ReplaceAll(got, old, new)
		}
		// Attributes in the spec's order.
		got = strings.ReplaceAll(got, `<input type="checkbox" disabled="disabled" checked="checked">`, `<input checked="" disabled="" type="checkbox">`)
		got = strings.ReplaceAll(got, `<input type="checkbox" disabled="disabled">`, `<input disabled="" type="checkbox">`)
		if got != ex.want {
			t.Errorf("%q:\n got %s\nwant %s", ex.md, got, ex.want)
		}
	}
}

// TestExtras reads the extensions into the model: alerts, containers and
// MkDocs admonitions as admonitions, definition lists, math with its
// backslashes, emoji shortcodes, and dollars that are prices.
func TestExtras(t *testing.T) {
	d, warnings := readMD(t, "> [!WARNING]\n> Hot *water*.\n\n:::info Heads up\nBody.\n:::\n\n!!! tip\n    Indented.\n\n"+
		"Term\n: Def one.\n: Def two.\n\n$x_{1} \\\\ x_{n}, a\\,b$ costs $5 and $10 :tada:\n\n$$\na_1\n$$\n\n```math\nb^2\n```\n")
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	var got []string
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Admonition:
			got = append(got, "admonition "+b.Kind+" "+doc.PlainText(b.Title)+": "+doc.BlocksText(b.Blocks))
		case *doc.DefList:
			got = append(got, "deflist "+doc.PlainText(b.Items[0].Term)+" "+doc.BlocksText(b.Items[0].Defs[0])+" "+doc.BlocksText(b.Items[0].Defs[1]))
		case *doc.Paragraph:
			s := ""
			for _, in := range b.Inlines {
				switch in := in.(type) {
				case *doc.Math:
					if in.Display {
						s += "[$$" + in.TeX + "$$]"
					} else {
						s += "[$" + in.TeX + "$]"
					}
				case *doc.Text:
					s += in.Text
				}
			}
			got = append(got, s)
		}
	}
	want := []string{
		"admonition warning : Hot water.",
		"admonition info Heads up: Body.",
		"admonition tip : Indented.",
		"deflist Term Def one. Def two.",
		`[$x_{1} \\ x_{n}, a\,b$] costs $5 and $10 🎉`,
		"[$$a_1$$]",
		"[$$b^2$$]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
