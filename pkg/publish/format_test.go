package publish_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/render"
)

// TestEveryNodeEveryRenderer renders a document holding every node type
// through every registered renderer: one that misses a type fails here.
func TestEveryNodeEveryRenderer(t *testing.T) {
	for _, f := range render.Formats() {
		r, _, _ := render.Lookup(f.Name)
		var buf bytes.Buffer
		if err := r.Render(context.Background(), &buf, fixture.Sample(), &render.Options{TOC: true}); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		if buf.Len() == 0 {
			t.Errorf("%s: no output", f.Name)
		}
	}
}

// TestModelStandsAlone checks the document model, tests included,
// depends on no module outside the standard library.
func TestModelStandsAlone(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-test", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "github.com/galleypress/galley/pkg/doc").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasPrefix(p, "github.com/galleypress/galley/") && !strings.HasPrefix(p, "[") {
			t.Errorf("pkg/doc depends on %s", p)
		}
	}
}

// TestImagesFromTheRepository: a page in docs/guide/ whose screenshot is
// in img/ at the top of its repository ("../../img/shot.png", as MkDocs
// sites have them) gets it, when converted from its own folder; outside
// a repository the current folder bounds what is read.
func TestImagesFromTheRepository(t *testing.T) {
	for _, repo := range []bool{true, false} {
		top := t.TempDir()
		if repo {
			os.Mkdir(filepath.Join(top, ".git"), 0o755)
		}
		os.MkdirAll(filepath.Join(top, "docs", "guide"), 0o755)
		os.MkdirAll(filepath.Join(top, "img"), 0o755)
		img, err := os.ReadFile(filepath.Join(fixture.Dir(), "images", "galley.png"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(top, "img", "shot.png"), img, 0o644)
		os.WriteFile(filepath.Join(top, "docs", "guide", "page.md"), []byte("---\nlang: en\n---\n# Page\n\n![The settings screen](../../img/shot.png)\n"), 0o644)
		var warnings []string
		out := filepath.Join(top, "docs", "guide", "page.epub")
		job := &publish.Job{Inputs: []string{"page.md"}, Outputs: []publish.Output{{Path: "page.epub"}}}
		env := &publish.Env{Dir: filepath.Join(top, "docs", "guide"), Warn: func(err error) { warnings = append(warnings, err.Error()) }}
		if _, err := publish.Convert(context.Background(), job, env); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(out)
		got := bytes.Contains(data, []byte("shot.png"))
		if repo && (!got || len(warnings) > 0) {
			t.Errorf("in a repository: image in the EPUB %v, warnings %q", got, warnings)
		}
		if !repo && (got || len(warnings) != 1 || !strings.Contains(warnings[0], "outside the project folder")) {
			t.Errorf("outside a repository: image in the EPUB %v, warnings %q", got, warnings)
		}
	}
}

// TestUTF8UnderLegacyCharset: a page that declares gb2312 but whose
// bytes are UTF-8 (saved again, its meta kept) reads as UTF-8.
func TestUTF8UnderLegacyCharset(t *testing.T) {
	dir := t.TempDir()
	page := `<html lang="zh"><head><meta charset="gb2312"><title>页面</title></head><body><main><h1>标题</h1><p>这是中文的正文，用 UTF-8 写的。</p></main></body></html>`
	os.WriteFile(filepath.Join(dir, "page.html"), []byte(page), 0o644)
	var log []string
	d, err := publish.Read(context.Background(), &publish.Job{Inputs: []string{"page.html"}}, &publish.Env{Dir: dir, Log: func(s string) { log = append(log, s) }})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if x, ok := n.(*doc.Text); ok {
			text.WriteString(x.Text)
		}
		return doc.Continue
	})
	if !strings.Contains(text.String(), "这是中文的正文") || !slices.ContainsFunc(log, func(s string) bool { return strings.Contains(s, "read as UTF-8") }) {
		t.Errorf("text %q, log %q", text.String(), log)
	}
}
