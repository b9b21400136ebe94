package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/galleypress/galley/pkg/option"
	"github.com/galleypress/galley/pkg/publish"
)

// optionFlags are the command-line flags of every option the formats
// declare (see package option): one flag per name, which sets the option
// in every scope that declares that flag (--css sets both the HTML and
// the EPUB stylesheet). Nothing here names an option: adding one to a
// format's Config adds its flag.
type optionFlags struct {
	flags   map[string]*optionFlag
	ordered []string
}

// optionFlag collects what one flag was given.
type optionFlag struct {
	kind    option.Kind
	targets [][2]string // scope, key
	values  []string
	set     bool
}

func (f *optionFlag) String() string { return strings.Join(f.values, ", ") }

func (f *optionFlag) Set(v string) error {
	if f.kind != option.List && f.kind != option.Map {
		f.values = nil // the last one wins
	}
	f.values = append(f.values, v)
	f.set = true
	return nil
}

// IsBoolFlag lets a boolean option be given as --ragged.
func (f *optionFlag) IsBoolFlag() bool { return f.kind == option.Bool }

// scopeLabel names a scope in help texts.
func scopeLabel(scope string) string {
	switch scope {
	case "":
		return ""
	case "html", "epub", "pdf", "json":
		return strings.ToUpper(scope)
	}
	return scope
}

// registerOptions defines the option flags on fs.
func registerOptions(fs *flag.FlagSet) *optionFlags {
	o := &optionFlags{flags: map[string]*optionFlag{}}
	type about struct {
		scopes []string
		opt    option.Option
	}
	seen := map[string]*about{}
	for _, scope := range publish.Scopes() {
		for _, opt := range publish.Options(scope) {
			if opt.Flag == "" {
				continue
			}
			f := o.flags[opt.Flag]
			if f == nil {
				f = &optionFlag{kind: opt.Kind}
				o.flags[opt.Flag] = f
				o.ordered = append(o.ordered, opt.Flag)
				seen[opt.Flag] = &about{opt: opt}
			} else if f.kind != opt.Kind {
				panic(fmt.Sprintf("galley: flag --%s is declared with two kinds", opt.Flag))
			}
			f.targets = append(f.targets, [2]string{scope, opt.Key})
			if l := scopeLabel(scope); l != "" && !containsString(seen[opt.Flag].scopes, l) {
				seen[opt.Flag].scopes = append(seen[opt.Flag].scopes, l)
			}
		}
	}
	for _, name := range o.ordered {
		a := seen[name]
		help := a.opt.Help
		if a.opt.Kind != option.Bool {
			help = placeholder(a.opt)
		}
		if a.opt.Default != "" {
			help += " (default " + a.opt.Default + ")"
		}
		fs.Var(o.flags[name], name, help)
	}
	// pandoc's spelling of --toc.
	if f, ok := o.flags["toc"]; ok {
		fs.Var(f, "table-of-contents", "same as --toc")
	}
	return o
}

// placeholder returns an option's help with its value's placeholder
// marked for flag.UnquoteUsage: its choices ("a4|a5|letter"), or the
// first word in capitals that names no format ("body size in `POINTS`"),
// or N for a number, VALUE for anything else.
func placeholder(o option.Option) string {
	help := o.Help
	if len(o.Choices) > 0 {
		return "`" + strings.Join(o.Choices, "|") + "` " + help
	}
	for _, w := range strings.FieldsFunc(help, func(r rune) bool { return r == ' ' || r == ':' || r == '(' || r == ')' }) {
		w = strings.TrimRight(w, ",.;")
		switch w {
		case "HTML", "EPUB", "PDF", "CSS", "TOC", "TTF", "OTF", "BCP", "XHTML":
			continue
		}
		if len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w && !strings.Contains(w, "/") {
			return strings.Replace(help, w, "`"+w+"`", 1)
		}
	}
	if o.Kind == option.Int || o.Kind == option.Float {
		return "`N` " + help
	}
	return "`VALUE` " + help
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// settings returns the options the flags gave, checked.
func (o *optionFlags) settings() (publish.Settings, error) {
	s := publish.Settings{}
	for _, name := range o.ordered {
		f := o.flags[name]
		if !f.set {
			continue
		}
		values := f.values
		if f.kind == option.Bool && len(values) == 1 && values[0] == "" {
			values = []string{"true"}
		}
		for _, t := range f.targets {
			s.Set(t[0], t[1], values...)
		}
	}
	if err := publish.CheckSettings(s); err != nil {
		return nil, flagMessage(err, o)
	}
	return s, nil
}

// flagMessage words a settings error with the flag's name.
func flagMessage(err error, o *optionFlags) error {
	msg := err.Error()
	for _, name := range o.ordered {
		for _, t := range o.flags[name].targets {
			prefix := t[1] + ": "
			if t[0] != "" {
				prefix = t[0] + ": " + prefix
			}
			if strings.HasPrefix(msg, prefix) {
				return fmt.Errorf("--%s: %s", name, strings.TrimPrefix(msg, prefix))
			}
		}
	}
	return err
}

// listOptions prints every option of every format, for galley formats
// --options; with markdown set, as the README's tables.
func listOptions(w io.Writer, markdown bool) {
	for _, scope := range publish.Scopes() {
		opts := publish.Options(scope)
		if len(opts) == 0 {
			continue
		}
		title := "Every reader and renderer (the top of a document in galley.yaml)"
		if scope != "" {
			title = scope + " (galley.yaml: " + scope + ": {…})"
		}
		if markdown {
			fmt.Fprintf(w, "\n**%s**\n\n| galley.yaml key | flag | default | meaning |\n|---|---|---|---|\n", title)
		} else {
			fmt.Fprintf(w, "%s:\n", title)
		}
		for _, opt := range opts {
			flagName := "–"
			if opt.Flag != "" {
				flagName = "--" + opt.Flag
			}
			def := opt.Default
			if markdown {
				if def == "" {
					def = "–"
				} else {
					def = "`" + def + "`"
				}
				fmt.Fprintf(w, "| `%s` | `%s` | %s | %s |\n", opt.Key, flagName, def, escapePipes(opt.Help))
				continue
			}
			if def != "" {
				def = " (default " + def + ")"
			}
			fmt.Fprintf(w, "  %-18s %-20s %s%s\n", opt.Key, flagName, opt.Help, def)
		}
	}
}

func escapePipes(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
