package publish

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/option"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
)

// Settings are option values by scope and key, as galley.yaml and the
// command line give them. Scope "" holds the options every reader or
// renderer takes (the tagged fields of read.Options and render.Options:
// drop-lines, toc, toc-depth); a format's name holds that format's own
// options (the tagged fields of its Config: pdf font-size, text width).
// A reader and a renderer of the same name (text, json) share a scope.
// See package option.
type Settings map[string]map[string]Setting

// Setting is one option's values, as given: one for most options,
// several for a list, "name=value" pairs for a mapping.
type Setting struct {
	Values []string
	// Line is where galley.yaml gives it; 0 elsewhere.
	Line int
}

// Set sets an option, replacing what it held.
func (s Settings) Set(scope, key string, values ...string) {
	if s[scope] == nil {
		s[scope] = map[string]Setting{}
	}
	s[scope][key] = Setting{Values: values}
}

// Get returns an option's values, or nil.
func (s Settings) Get(scope, key string) []string {
	return s[scope][key].Values
}

// Over returns s with o's settings over it: a list or a mapping gains
// o's values after s's, any other option takes o's.
func (s Settings) Over(o Settings) Settings {
	out := Settings{}
	for _, src := range []Settings{s, o} {
		for scope, keys := range src {
			for key, set := range keys {
				if out[scope] == nil {
					out[scope] = map[string]Setting{}
				}
				prev, had := out[scope][key]
				if had && appends(scope, key) {
					set = Setting{Values: append(slices.Clip(prev.Values), set.Values...), Line: set.Line}
				}
				out[scope][key] = set
			}
		}
	}
	return out
}

// appends reports whether an option gathers values (a list or a mapping).
func appends(scope, key string) bool {
	for _, cfg := range configs(scope) {
		if o, ok := option.Lookup(cfg, key); ok {
			return o.Kind == option.List || o.Kind == option.Map
		}
	}
	return false
}

// configs returns fresh configurations that scope's options set: for "",
// read.Options and render.Options; for a format name, the Config of its
// reader and of its renderer, when they have one.
func configs(scope string) []any {
	if scope == "" {
		return []any{&read.Options{}, &render.Options{}}
	}
	var out []any
	for _, f := range read.Formats() {
		if f.Name != scope {
			continue
		}
		if r, err := read.Lookup(scope); err == nil {
			if c, ok := r.(read.Configurable); ok {
				out = append(out, c.Config())
			}
		}
	}
	if r, f, err := render.Lookup(scope); err == nil && f.Name == scope {
		if c, ok := r.(render.Configurable); ok {
			out = append(out, c.Config())
		}
	}
	return out
}

// Scopes returns the scopes options can have: "" and the name of every
// registered format that has options, sorted.
func Scopes() []string {
	seen := map[string]bool{"": true}
	for _, f := range read.Formats() {
		seen[f.Name] = true
	}
	for _, f := range render.Formats() {
		seen[f.Name] = true
	}
	var out []string
	for s := range seen {
		if s == "" || len(Options(s)) > 0 {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// Options returns the options of a scope ("" or a format name), those of
// a reader before those of a renderer.
func Options(scope string) []option.Option {
	var out []option.Option
	for _, cfg := range configs(scope) {
		out = append(out, option.Of(cfg)...)
	}
	return out
}

// check reports an error if a setting names no option of its scope, or
// gives a value its option cannot take.
func (s Settings) check() error {
	scopes := make([]string, 0, len(s))
	for scope := range s {
		scopes = append(scopes, scope)
	}
	sort.Strings(scopes)
	for _, scope := range scopes {
		cfgs := configs(scope)
		if scope != "" && len(cfgs) == 0 {
			return fmt.Errorf("%s: no format of that name has options (formats with options: %s)", scope, strings.Join(Scopes()[1:], ", "))
		}
		keys := make([]string, 0, len(s[scope]))
		for k := range s[scope] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, key := range keys {
			set := s[scope][key]
			known := false
			for _, cfg := range cfgs {
				if _, ok := option.Lookup(cfg, key); !ok {
					continue
				}
				known = true
				if err := option.Set(cfg, key, set.Values...); err != nil {
					return settingError(scope, set, err)
				}
			}
			if !known {
				var names []string
				for _, o := range Options(scope) {
					names = append(names, o.Key)
				}
				return settingError(scope, set, fmt.Errorf("unknown option %q (known: %s)", key, strings.Join(names, ", ")))
			}
		}
		// The values together, as the format will use them.
		for _, cfg := range cfgs {
			if c, ok := cfg.(option.Checker); ok {
				if err := c.Check(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// settingError names where a setting went wrong: its line of
// galley.yaml, if it has one.
func settingError(scope string, set Setting, err error) error {
	if scope != "" {
		err = fmt.Errorf("%s: %w", scope, err)
	}
	return &diag.Diagnostic{Line: set.Line, Err: err}
}

// apply sets cfg's options from the settings of scope. The paths file
// options give are turned into names in the project (see project.name),
// so that renderers read them through it; settings of the scope that
// cfg does not declare are left to the scope's other configuration.
func (s Settings) apply(cfg any, scope string, pr *projectFS) error {
	for _, o := range option.Of(cfg) {
		set, ok := s[scope][o.Key]
		if !ok {
			continue
		}
		values := set.Values
		if o.File {
			values = make([]string, len(set.Values))
			for i, v := range set.Values {
				key, p, isMap := "", v, o.Kind == option.Map
				if isMap {
					key, p, _ = strings.Cut(v, "=")
				}
				name, _, err := pr.fileOption(strings.TrimSpace(p), o)
				if err != nil {
					return err
				}
				if isMap {
					name = key + "=" + name
				}
				values[i] = name
			}
		}
		if err := option.Set(cfg, o.Key, values...); err != nil {
			return settingError(scope, set, err)
		}
	}
	return nil
}

// CheckSettings reports an error if a setting names no option of its
// scope, or gives a value its option cannot take.
func CheckSettings(s Settings) error { return s.check() }
