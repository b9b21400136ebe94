package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/option"
	"github.com/galleypress/galley/pkg/project"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
)

// programOnly lists the exported Config fields that a program sets and a
// user cannot: everything else must be an option.
var programOnly = map[string]bool{
	"html.Config.CSS": true, "html.Config.Stylesheets": true, "html.Config.EPUB": true,
	"html.Config.Link": true, "html.Config.Image": true,
	"epub.Config.CSS":   true,
	"read.Options.Name": true, "read.Options.MaxDepth": true, "read.Options.Warn": true, "read.Options.Log": true, "read.Options.Resource": true,
	"render.Options.Modified": true, "render.Options.Files": true, "render.Options.MaxSVGElements": true, "render.Options.Paginated": true, "render.Options.Style": true, "render.Options.Dir": true, "render.Options.MaxFileSize": true, "render.Options.Warn": true,
	"render.Options.Strict": true, "render.Options.Context": true, "render.Options.MaxImagePixels": true,
	"render.Options.PageBreaks": true,
}

// configs returns a fresh configuration of every registered format, and
// the options every reader or renderer takes.
func allConfigs(t *testing.T) map[string]any {
	t.Helper()
	out := map[string]any{"read.Options": &read.Options{}, "render.Options": &render.Options{}}
	for _, f := range read.Formats() {
		r, _ := read.Lookup(f.Name)
		if c, ok := r.(read.Configurable); ok {
			out[reflect.TypeOf(c.Config()).Elem().String()] = c.Config()
		}
	}
	for _, f := range render.Formats() {
		r, _, _ := render.Lookup(f.Name)
		if c, ok := r.(render.Configurable); ok {
			out[reflect.TypeOf(c.Config()).Elem().String()] = c.Config()
		}
	}
	return out
}

// TestEveryOptionReachable checks every exported field of every format's
// Config is an option (or listed as set by programs only), and that every
// option has a flag of convert and a key galley.yaml accepts.
func TestEveryOptionReachable(t *testing.T) {
	for name, cfg := range allConfigs(t) {
		typ := reflect.TypeOf(cfg).Elem()
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			_, tagged := f.Tag.Lookup("option")
			if !tagged && !programOnly[name+"."+f.Name] {
				t.Errorf("%s.%s is neither an option (add an option tag) nor listed as set by programs only", name, f.Name)
			}
		}
	}
	fs, _ := convertFlagSet(io.Discard)
	dir := t.TempDir()
	var yaml strings.Builder
	yaml.WriteString("documents:\n  - input: a.md\n    outputs: [a.html]\n")
	for _, scope := range publish.Scopes() {
		if scope != "" {
			yaml.WriteString("    " + scope + ":\n")
		}
		for _, o := range publish.Options(scope) {
			if o.Flag == "" || fs.Lookup(o.Flag) == nil {
				t.Errorf("%s %s: no flag of galley convert", scope, o.Key)
			}
			indent := "    "
			if scope != "" {
				indent += "  "
			}
			yaml.WriteString(indent + o.Key + ": " + sample(o) + "\n")
		}
	}
	path := filepath.Join(dir, "galley.yaml")
	os.WriteFile(path, []byte(yaml.String()), 0o644)
	p, err := project.Load(path)
	if err != nil {
		t.Fatalf("a galley.yaml setting every option: %v\n%s", err, yaml.String())
	}
	for _, scope := range publish.Scopes() {
		for _, o := range publish.Options(scope) {
			if p.Jobs[0].Options.Get(scope, o.Key) == nil {
				t.Errorf("galley.yaml did not set %s %s", scope, o.Key)
			}
		}
	}
}

// sample returns a valid YAML value for an option.
func sample(o option.Option) string {
	switch o.Kind {
	case option.Bool:
		return "true"
	case option.Int:
		return "2"
	case option.Float:
		if o.Key == "expansion" {
			return "0.02"
		}
		return "11"
	case option.List:
		return "[one, two]"
	case option.Map:
		return "{" + o.Names[0] + ": x.ttf}"
	case option.Text:
		switch o.Key {
		case "margins":
			return "[20, 20, 25, 20]"
		case "style":
			return "wrapped"
		}
	}
	if o.Choices != nil {
		return o.Choices[len(o.Choices)-1]
	}
	return "value"
}

// TestFlagsSetOptions checks a flag sets its option in every scope that
// declares it, and that a bad value is a usage error naming the flag.
func TestFlagsSetOptions(t *testing.T) {
	fs, c := convertFlagSet(io.Discard)
	if err := fs.Parse([]string{"--css", "site.css", "--font", "regular=a.ttf", "--font", "bold=b.ttf", "--toc", "--width", "60"}); err != nil {
		t.Fatal(err)
	}
	s, err := c.options.settings()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ scope, key, values string }{
		{"html", "css", "site.css"}, {"epub", "css", "site.css"}, {"pdf", "fonts", "regular=a.ttf|bold=b.ttf"},
		{"", "toc", "true"}, {"text", "width", "60"},
	} {
		if got := strings.Join(s.Get(want.scope, want.key), "|"); got != want.values {
			t.Errorf("%s %s = %q, want %q", want.scope, want.key, got, want.values)
		}
	}
	fs, c = convertFlagSet(io.Discard)
	fs.Parse([]string{"--font-size", "big"})
	if _, err := c.options.settings(); err == nil || err.Error() != `--font-size: "big" is not a number` {
		t.Errorf("bad value: %v", err)
	}
}
