package yamlnode

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	n, err := Parse([]byte("a: 1\nb: [x, y]\nc:\n  d: &v text\n  e: *v\nbase: &b {k: 1, j: 2}\nderived:\n  <<: *b\n  j: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != Map || n.Get("a").Value != "1" || n.Get("a").Tag != "int" || n.Get("a").Line != 1 {
		t.Errorf("a: %+v", n.Get("a"))
	}
	if l, _ := n.Get("b").Strings(); strings.Join(l, ",") != "x,y" {
		t.Errorf("b: %v", l)
	}
	if n.Get("c").Get("e").Value != "text" {
		t.Errorf("alias not resolved")
	}
	d := n.Get("derived")
	if d.Get("j").Value != "3" || d.Get("k").Value != "1" {
		t.Errorf("merge: j=%v k=%v", d.Get("j"), d.Get("k"))
	}
	if n, err := Parse([]byte("")); n != nil || err != nil {
		t.Errorf("empty: %v, %v", n, err)
	}
	if _, err := Parse([]byte("a: 1\na: 2\n")); err == nil || !strings.Contains(err.Error(), `line 2: key "a" given twice (first on line 1)`) {
		t.Errorf("duplicate key: %v", err)
	}
	if _, err := Parse([]byte("a: [1\n")); err == nil || !strings.HasPrefix(err.Error(), "line ") {
		t.Errorf("syntax error: %v", err)
	}
}

// TestAliasBomb checks aliases cannot expand a small file into a huge
// tree, whether one big value is repeated or aliases nest ("billion
// laughs"). Sizes are computed once per node, so the refusal takes
// linear time.
func TestAliasBomb(t *testing.T) {
	big := "s: &s " + strings.Repeat("x", 1<<20) + "\nkeywords: [" + strings.Repeat("*s, ", 5000) + "*s]\n"
	var laughs strings.Builder
	laughs.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		laughs.WriteString(name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n")
		prev = name
	}
	for name, src := range map[string]string{"big value": big, "billion laughs": laughs.String()} {
		_, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), "aliases expand this YAML") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
