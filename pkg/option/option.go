// Package option describes the options of galley's formats, declared once
// as the tagged fields of each format's Config struct, and sets them by
// name, from any source: galley.yaml, command-line flags, or a program.
//
// A field takes part when it has an option tag:
//
//	FontSize float64 `option:"font-size" default:"10.5" help:"body size in points"`
//
// The tag's name is the option's key in galley.yaml (under the format's
// name: pdf: {font-size: 11}) and its command-line flag (--font-size).
// flag:"NAME" gives the flag another name, and several formats may share a
// flag (--css sets both the HTML and the EPUB stylesheet); flag:"-" gives
// the option no flag. default is what the zero value means, for help
// texts; help is one line. choices:"a4,a5,letter" lists the only values
// a text option takes (any case; stored in lower case). file:"" marks a path to a file, which the
// caller resolves (and confines) before setting it; file:"fonts" one
// that may also name a font installed on the machine; file:"builtin"
// one that may also be the name of something built in (a word without a
// dot or a slash: a theme).
//
// Kinds of fields: string, bool, int, float64, []string (a list: repeat
// the flag, or give a YAML list), a struct of tagged string fields (a
// mapping: --font regular=F.ttf, or fonts: {regular: F.ttf}), and any
// type whose pointer implements encoding.TextUnmarshaler (its own syntax).
package option

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Checker is a configuration that can tell, once its options are set,
// whether they make sense together and each is one it can use (a paper
// size it knows): so that a wrong value is an error before anything is
// read or written.
type Checker interface {
	Check() error
}

// Kind is the kind of value an option takes.
type Kind int

// Option kinds.
const (
	String Kind = iota
	Bool
	Int
	Float
	List // several strings
	Map  // names to strings: "name=value"
	Text // a type that parses itself
)

func (k Kind) String() string {
	return [...]string{"text", "bool", "integer", "number", "list", "mapping", "text"}[k]
}

// Option is one declared option.
type Option struct {
	// Key is its name in galley.yaml.
	Key string
	// Flag is its command-line flag, without dashes; "" for none.
	Flag string
	// Default describes the default, for help texts; Help is one line.
	Default, Help string
	Kind          Kind
	// File marks an option whose values are file paths; Fonts one whose
	// files may also be fonts installed on the machine (file:"fonts");
	// Builtin one whose value may also name something built in, a word
	// without a dot or a slash (file:"builtin": --theme report).
	File, Fonts, Builtin bool
	// Names are a mapping's keys ("regular", "bold", …).
	Names []string
	// Choices are the only values a text option takes; none: any. (A
	// type that parses itself checks its values; its choices are for
	// help texts.)
	Choices []string

	index []int
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// Of returns the options a configuration declares; cfg is a struct or a
// pointer to one. It panics on a tag it cannot honour (a programmer
// error, caught by galley's tests).
func Of(cfg any) []Option {
	t := reflect.TypeOf(cfg)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		panic(fmt.Sprintf("option: %s is not a struct", t))
	}
	var out []Option
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key, ok := f.Tag.Lookup("option")
		if !ok {
			continue
		}
		o := Option{Key: key, Flag: key, Default: f.Tag.Get("default"), Help: f.Tag.Get("help"), index: f.Index}
		if fl, ok := f.Tag.Lookup("flag"); ok {
			o.Flag = fl
			if fl == "-" {
				o.Flag = ""
			}
		}
		if c := f.Tag.Get("choices"); c != "" {
			o.Choices = strings.Split(c, ",")
		}
		var fileKind string
		fileKind, o.File = f.Tag.Lookup("file")
		o.Fonts = o.File && fileKind == "fonts"
		o.Builtin = o.File && fileKind == "builtin"
		switch {
		case reflect.PointerTo(f.Type).Implements(textUnmarshaler):
			o.Kind = Text
		case f.Type.Kind() == reflect.String:
			o.Kind = String
		case f.Type.Kind() == reflect.Bool:
			o.Kind = Bool
		case f.Type.Kind() == reflect.Int:
			o.Kind = Int
		case f.Type.Kind() == reflect.Float64:
			o.Kind = Float
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			o.Kind = List
		case f.Type.Kind() == reflect.Struct:
			o.Kind = Map
			for j := 0; j < f.Type.NumField(); j++ {
				sf := f.Type.Field(j)
				name, ok := sf.Tag.Lookup("option")
				isList := sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.String
				if !ok || sf.Type.Kind() != reflect.String && !isList {
					panic(fmt.Sprintf("option: %s.%s: a mapping's fields must be tagged strings or string lists", t, f.Name))
				}
				o.Names = append(o.Names, name)
			}
		default:
			panic(fmt.Sprintf("option: %s.%s: type %s cannot be an option", t, f.Name, f.Type))
		}
		if o.Help == "" {
			panic(fmt.Sprintf("option: %s.%s has no help", t, f.Name))
		}
		if o.Choices != nil && o.Kind != String && o.Kind != Text {
			panic(fmt.Sprintf("option: %s.%s: only a text option has choices", t, f.Name))
		}
		out = append(out, o)
	}
	return out
}

// Lookup returns the option of cfg named key.
func Lookup(cfg any, key string) (Option, bool) {
	for _, o := range Of(cfg) {
		if o.Key == key {
			return o, true
		}
	}
	return Option{}, false
}

// Keys returns the keys of cfg's options, for messages.
func Keys(cfg any) []string {
	var ks []string
	for _, o := range Of(cfg) {
		ks = append(ks, o.Key)
	}
	return ks
}

// Set sets the option key of the configuration *cfg (a pointer to a
// Config struct) from values, as a user gives them: one value for most
// kinds ("11", "true"), any number for a list, and "name=value" pairs for
// a mapping. A list or a mapping set twice gains the new values; any
// other option is replaced.
func Set(cfg any, key string, values ...string) error {
	v := reflect.ValueOf(cfg)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("option: Set needs a pointer to a struct, not %T", cfg)
	}
	o, ok := Lookup(cfg, key)
	if !ok {
		return fmt.Errorf("unknown option %q (known: %s)", key, strings.Join(Keys(cfg), ", "))
	}
	f := v.Elem().FieldByIndex(o.index)
	one := func() (string, error) {
		if len(values) != 1 {
			return "", fmt.Errorf("%s: give one value, not %d", key, len(values))
		}
		return strings.TrimSpace(values[0]), nil
	}
	switch o.Kind {
	case Text:
		s, err := one()
		if err != nil {
			return err
		}
		if err := f.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return fmt.Errorf("%s: %v", key, err)
		}
	case String:
		s, err := one()
		if err != nil {
			return err
		}
		if o.Choices != nil {
			i := slices.Index(o.Choices, strings.ToLower(s))
			if i < 0 {
				return fmt.Errorf("%s: %q is not one of %s", key, s, strings.Join(o.Choices, ", "))
			}
			s = o.Choices[i]
		}
		f.SetString(s)
	case Bool:
		s, err := one()
		if err != nil {
			return err
		}
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("%s: %q is not true or false", key, s)
		}
		f.SetBool(b)
	case Int:
		s, err := one()
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("%s: %q is not a whole number", key, s)
		}
		f.SetInt(int64(n))
	case Float:
		s, err := one()
		if err != nil {
			return err
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%s: %q is not a number", key, s)
		}
		f.SetFloat(x)
	case List:
		f.Set(reflect.AppendSlice(f, reflect.ValueOf(values)))
	case Map:
		for _, kv := range values {
			name, val, ok := strings.Cut(kv, "=")
			name = strings.TrimSpace(name)
			i := slices.Index(o.Names, name)
			if !ok || i < 0 {
				return fmt.Errorf("%s: %q: want NAME=VALUE with NAME one of %s", key, kv, strings.Join(o.Names, ", "))
			}
			if fv := f.Field(i); fv.Kind() == reflect.Slice {
				// A list field takes every value given for its name.
				fv.Set(reflect.Append(fv, reflect.ValueOf(strings.TrimSpace(val))))
			} else {
				fv.SetString(strings.TrimSpace(val))
			}
		}
	}
	return nil
}
