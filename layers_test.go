package galley_test

import (
	"os/exec"
	"strings"
	"testing"
)

// layers ranks galley's packages in the order data flows through them:
// a package imports only packages of lower rank (and, among renderers,
// EPUB the HTML renderer whose pages it packs; among readers, Markdown
// the HTML reader that maps its raw HTML). So the model knows no
// reader, layout no renderer, a renderer no reader, and the pipeline
// (publish) not the project system over it (project).
var layers = []struct {
	rank     int
	prefixes []string
}{
	{0, []string{"pkg/diag", "pkg/doc", "pkg/files", "pkg/option", "pkg/typeset", "pkg/theme", "pkg/internal/"}},
	{1, []string{"pkg/hyphen", "pkg/font", "pkg/wordbreak", "pkg/transform", "pkg/read", "pkg/render", "pkg/read/internal/"}},
	{2, []string{"pkg/read/", "pkg/layout"}},
	{3, []string{"pkg/render/", "pkg/book"}},
	{4, []string{"pkg/publish"}},
	{5, []string{"pkg/project"}},
	{6, []string{"", "cmd/galley"}},
}

// rank returns a package's rank: the longest prefix that names it.
func rank(pkg string) int {
	best, bestLen := -1, -1
	for _, l := range layers {
		for _, p := range l.prefixes {
			match := pkg == p || strings.HasSuffix(p, "/") && strings.HasPrefix(pkg, p)
			if match && len(p) > bestLen {
				best, bestLen = l.rank, len(p)
			}
		}
	}
	return best
}

func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Skip("go list:", err)
	}
	const module = "github.com/galleypress/galley"
	short := func(p string) string { return strings.TrimPrefix(strings.TrimPrefix(p, module), "/") }
	allowed := map[string]bool{"pkg/render/epub pkg/render/html": true, "pkg/read/markdown pkg/read/html": true, "pkg/doc pkg/diag": true, "pkg/theme pkg/internal/yamlnode": true}
	// Beyond the ranks: layout knows nothing of rendering (its caller is
	// a layout.Host), and the model nothing but diagnostics.
	forbidden := map[string][]string{"pkg/layout": {"pkg/render"}, "pkg/typeset": {"pkg/"}, "pkg/doc": {"pkg/"}}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := short(f[0])
		if strings.HasPrefix(pkg, "bench") {
			continue
		}
		r := rank(pkg)
		if r < 0 {
			t.Errorf("%s has no layer: add it to layers", pkg)
			continue
		}
		for _, imp := range f[1:] {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			dep := short(imp)
			for _, f := range forbidden[pkg] {
				if strings.HasPrefix(dep, f) && !allowed[pkg+" "+dep] {
					t.Errorf("%s imports %s", pkg, dep)
				}
			}
			if dr := rank(dep); dr >= r && !allowed[pkg+" "+dep] && !(r == 0 && strings.HasPrefix(pkg, "pkg/internal/") && dr == 0) {
				t.Errorf("%s (layer %d) imports %s (layer %d)", pkg, r, dep, dr)
			}
		}
	}
}
