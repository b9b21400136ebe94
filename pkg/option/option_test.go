package option_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/option"
)

type size struct{ w, h int }

func (s *size) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "%dx%d", &s.w, &s.h)
	return err
}

type faces struct {
	Regular  string   `option:"regular"`
	Bold     string   `option:"bold"`
	Fallback []string `option:"fallback"`
}

type config struct {
	Name    string   `option:"name" help:"a name"`
	On      bool     `option:"on" flag:"turn-on" help:"a switch"`
	Count   int      `option:"count" default:"3" help:"how many"`
	Ratio   float64  `option:"ratio" help:"how much"`
	Tags    []string `option:"tags" flag:"tag" help:"labels"`
	Fonts   faces    `option:"fonts" flag:"font" file:"" help:"font files"`
	Size    size     `option:"size" help:"WxH"`
	Private string   // not an option
}

func TestOf(t *testing.T) {
	opts := option.Of(config{})
	var got []string
	for _, o := range opts {
		got = append(got, fmt.Sprintf("%s/%s/%s", o.Key, o.Flag, o.Kind))
	}
	want := "name/name/text on/turn-on/bool count/count/integer ratio/ratio/number tags/tag/list fonts/font/mapping size/size/text"
	if strings.Join(got, " ") != want {
		t.Errorf("Of = %s", strings.Join(got, " "))
	}
	if o, _ := option.Lookup(&config{}, "fonts"); !o.File || strings.Join(o.Names, ",") != "regular,bold,fallback" {
		t.Errorf("fonts: %+v", o)
	}
}

func TestSet(t *testing.T) {
	var c config
	for _, s := range []struct {
		key    string
		values []string
	}{
		{"name", []string{" Ada "}}, {"on", []string{"true"}}, {"count", []string{"7"}}, {"ratio", []string{"0.5"}},
		{"tags", []string{"a", "b"}}, {"tags", []string{"c"}}, {"fonts", []string{"regular=r.ttf", "bold = b.ttf", "fallback=c.ttf", "fallback=d.ttc#1"}}, {"size", []string{"3x4"}},
	} {
		if err := option.Set(&c, s.key, s.values...); err != nil {
			t.Fatalf("%s: %v", s.key, err)
		}
	}
	if c.Name != "Ada" || !c.On || c.Count != 7 || c.Ratio != 0.5 || strings.Join(c.Tags, "") != "abc" ||
		c.Fonts.Regular != "r.ttf" || c.Fonts.Bold != "b.ttf" || strings.Join(c.Fonts.Fallback, " ") != "c.ttf d.ttc#1" || c.Size != (size{3, 4}) {
		t.Errorf("config: %+v", c)
	}
	for key, want := range map[string]string{
		"count": `count: "x" is not a whole number`, "ratio": `ratio: "x" is not a number`, "on": `on: "x" is not true or false`,
		"fonts": `fonts: "x": want NAME=VALUE with NAME one of regular, bold, fallback`, "colour": `unknown option "colour" (known: name, on, count, ratio, tags, fonts, size)`,
	} {
		if err := option.Set(&c, key, "x"); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", key, err, want)
		}
	}
	if err := option.Set(&c, "ratio", "NaN"); err == nil {
		t.Error("NaN accepted")
	}
	if err := option.Set(&c, "name", "a", "b"); err == nil {
		t.Error("two values for a single option accepted")
	}
}
