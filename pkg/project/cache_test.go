package project

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/publish"
)

// TestIncrementalBuild checks that a build with a cache renders a
// document again only when something it depends on changed: its input,
// an image it shows, a setting, or an output on disk. Rendering is seen
// through the PDF renderer's warning about a character its font lacks.
func TestIncrementalBuild(t *testing.T) {
	logo, _ := os.ReadFile("../../fixtures/images/galley.png")
	p := project(t, map[string]string{
		ConfigFile: "defaults:\n  pdf: {no-system-fonts: true}\ndocuments:\n  - input: a.md\n    outputs: [out/a.pdf, out/a.html]\n  - input: b.md\n    outputs: [out/b.pdf]\n",
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
	if n, rep := build(); n != 0 || rep.Count(publish.Unchanged) != 3 {
		t.Errorf("nothing changed: %d PDFs rendered, %d outputs unchanged (want 0, 3)", n, rep.Count(publish.Unchanged))
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
	if n, rep := build(); n != 1 || rep.Count(publish.Written) != 1 {
		t.Errorf("output deleted: %d PDFs rendered, %d written (want 1, 1)", n, rep.Count(publish.Written))
	}
	if n, _ := build(); n != 0 {
		t.Errorf("after the rebuilds: %d PDFs rendered, want 0", n)
	}
}

// TestCacheKnowsEveryFile checks that the build cache and --check see a
// change to every file a document is made from, not only its inputs: an
// mdBook's chapter and included file, a face of a font collection, and
// an image that was missing and now is there.
func TestCacheKnowsEveryFile(t *testing.T) {
	logo, _ := os.ReadFile("../../fixtures/images/galley.png")
	font, err := os.ReadFile("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
	if err != nil {
		t.Skip("no font collection here (fonts-wqy-zenhei)")
	}
	p := project(t, map[string]string{
		ConfigFile: "documents:\n  - input: book/book.toml\n    outputs: [out/book.txt]\n" +
			"  - input: a.md\n    pdf: {fonts: {fallback: [fonts/cjk.ttc#1]}}\n    outputs: [out/a.pdf, out/a.epub]\n",
		"book/book.toml":      "[book]\ntitle = \"B\"\n",
		"book/src/SUMMARY.md": "# Summary\n\n- [One](one.md)\n",
		"book/src/one.md":     "# One\n\n{{#include inc.md}}\n",
		"book/src/inc.md":     "Included text.\n",
		"a.md":                "# A\n\n漢字\n\n![Logo](logo.png)\n",
		"fonts/cjk.ttc":       string(font),
	})
	cacheFile := filepath.Join(t.TempDir(), "cache.json")
	build := func(check bool) *Report {
		t.Helper()
		opts := &BuildOptions{CacheFile: cacheFile}
		opts.Check = check
		rep := Build(context.Background(), p, opts)
		if !check && rep.Failed() {
			t.Fatal(buildErrs(rep))
		}
		return rep
	}
	build(false)
	if rep := build(false); rep.Count(publish.Unchanged) != 3 {
		t.Fatalf("nothing changed, yet %d outputs were made again", 3-rep.Count(publish.Unchanged))
	}
	for _, change := range []struct {
		file, content string
		stale         int // outputs --check finds stale
	}{
		{"book/src/inc.md", "Included text, edited.\n", 1},
		{"book/src/one.md", "# One, edited\n\n{{#include inc.md}}\n", 1},
		{"fonts/cjk.ttc", swapFaces(font), 1},
		{"logo.png", string(logo), 1}, // missing until now
	} {
		os.WriteFile(filepath.Join(p.Dir, change.file), []byte(change.content), 0o644)
		rep := build(true)
		if n := rep.Count(publish.Stale) + rep.Count(publish.Missing) + rep.Count(publish.Failed); n < change.stale {
			t.Errorf("%s changed: --check finds %d outputs stale, want at least %d", change.file, n, change.stale)
		}
		rep = build(false)
		if rep.Count(publish.Unchanged) == 3 {
			t.Errorf("%s changed: the build says every output is unchanged", change.file)
		}
		if rep := build(true); rep.Count(publish.Unchanged) != 3 {
			t.Errorf("%s changed, then built: --check still finds %d outputs stale", change.file, 3-rep.Count(publish.Unchanged))
		}
	}
}

// swapFaces returns a font collection with its first two faces swapped:
// face #1 is another face.
func swapFaces(ttc []byte) string {
	out := append([]byte(nil), ttc...)
	a, b := out[12:16], out[16:20]
	var tmp [4]byte
	copy(tmp[:], a)
	copy(a, b)
	copy(b, tmp[:])
	return string(out)
}
