package galley_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/transform"
)

// TestDocLinks checks every relative link of the README and the docs:
// the file exists, and so does the heading an anchor names. Code fences
// are balanced.
func TestDocLinks(t *testing.T) {
	files, _ := filepath.Glob("docs/*.md")
	files = append(files, "README.md", "SECURITY.md", "CONTRIBUTING.md")
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	anchors := map[string]map[string]bool{}
	anchorsOf := func(file string) map[string]bool {
		if a, ok := anchors[file]; ok {
			return a
		}
		a := map[string]bool{}
		data, _ := os.ReadFile(file)
		fence := false
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "```") {
				fence = !fence
			}
			if !fence && strings.HasPrefix(l, "#") {
				a[transform.Slug(strings.TrimLeft(l, "# "))] = true
			}
		}
		anchors[file] = a
		return a
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count("\n"+string(data), "\n```"); n%2 != 0 {
			t.Errorf("%s: %d code fences: one is not closed", f, n)
		}
		// Links in code (fenced, or in backticks) are examples, not
		// links.
		var prose strings.Builder
		fence := false
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "```") {
				fence = !fence
				continue
			}
			if !fence {
				prose.WriteString(codeSpan.ReplaceAllString(l, "") + "\n")
			}
		}
		for _, m := range link.FindAllStringSubmatch(prose.String(), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			file := f
			if path != "" {
				file = filepath.Join(filepath.Dir(f), path)
				if _, err := os.Stat(file); err != nil {
					t.Errorf("%s: link to %s: no such file", f, target)
					continue
				}
			}
			if anchor != "" && strings.HasSuffix(file, ".md") && !anchorsOf(file)[anchor] {
				t.Errorf("%s: link to %s: no such heading in %s", f, target, file)
			}
		}
	}
}

var codeSpan = regexp.MustCompile("`[^`]*`")

// TestCodesDocumented checks every diagnostic code the sources give (a
// diag.Warnf or a Diagnostic's Code) is in the table of docs/cli.md.
func TestCodesDocumented(t *testing.T) {
	table, err := os.ReadFile("docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`(?:diag\.Warnf\(|Code: |c\.warnOnce\()"([a-z][a-z-]*)"`)
	n := 0
	err = filepath.WalkDir("pkg", func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range code.FindAllStringSubmatch(string(src), -1) {
			n++
			c := m[1]
			if strings.HasSuffix(c, "-") {
				c += "KIND" // "html-"+kind
			}
			if !strings.Contains(string(table), "`"+c+"`") {
				t.Errorf("%s: code %s is not in docs/cli.md's table of warnings", path, c)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("found %d codes in the sources; the pattern no longer matches how codes are given", n)
	}
}
