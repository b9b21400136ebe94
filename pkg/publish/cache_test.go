package publish

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIncrementalBuild checks that a build with a cache renders a
// document again only when something it depends on changed: its input,
// an image it shows, a setting, or an output on disk. Rendering is seen
// through the PDF renderer's warning about a character its font lacks.
func TestIncrementalBuild(t *testing.T) {
	logo, _ := os.ReadFile("../../fixtures/images/galley.png")
	p := project(t, map[string]string{
		ConfigFile: "documents:\n  - input: a.md\n    outputs: [out/a.pdf, out/a.html]\n  - input: b.md\n    outputs: [out/b.pdf]\n",
		"a.md":     "# A\n\nA smile 漢 the font lacks.\n\n![Logo](logo.png)\n",
		"b.md":     "# B\n\nAnother 漢.\n",
		"logo.png": string(logo),
	})
	cacheFile := filepath.Join(t.TempDir(), "cache.json")
	build := func() (renders int, rep *Report) {
		opts := &BuildOptions{CacheFile: cacheFile}
		opts.Warn = func(err error) {
			if strings.Contains(err.Error(), "drawn as") {
				renders++
			}
		}
		rep = Build(context.Background(), p, opts)
		if rep.Failed() {
			t.Fatal(buildErrs(rep))
		}
		return renders, rep
	}
	if n, _ := build(); n != 2 {
		t.Fatalf("first build rendered %d PDFs, want 2", n)
	}
	if n, rep := build(); n != 0 || rep.Count(Unchanged) != 3 {
		t.Errorf("nothing changed: %d PDFs rendered, %d outputs unchanged (want 0, 3)", n, rep.Count(Unchanged))
	}
	os.WriteFile(filepath.Join(p.Dir, "a.md"), []byte("# A\n\nA changed smile 漢.\n\n![Logo](logo.png)\n"), 0o644)
	if n, _ := build(); n != 1 {
		t.Errorf("input changed: %d PDFs rendered, want 1", n)
	}
	os.WriteFile(filepath.Join(p.Dir, "logo.png"), append(logo, 0), 0o644)
	if n, _ := build(); n != 1 {
		t.Errorf("image changed: %d PDFs rendered, want 1", n)
	}
	os.Remove(filepath.Join(p.Dir, "out", "b.pdf"))
	if n, rep := build(); n != 1 || rep.Count(Written) != 1 {
		t.Errorf("output deleted: %d PDFs rendered, %d written (want 1, 1)", n, rep.Count(Written))
	}
	if n, _ := build(); n != 0 {
		t.Errorf("after the rebuilds: %d PDFs rendered, want 0", n)
	}
}
