package render_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/project"
	"github.com/galleypress/galley/pkg/render"
)

// shout is a toy format, registered by this test alone: the text of a
// document in capitals, with an option. Adding it touches no package but
// its own: a Config with a tagged field, a Renderer, Register.
type shout struct{ cfg shoutConfig }

type shoutConfig struct {
	Marks int `option:"marks" default:"1" help:"exclamation marks after each paragraph"`
}

func (s *shout) Config() any                        { c := s.cfg; return &c }
func (s *shout) WithConfig(cfg any) render.Renderer { return &shout{cfg: *cfg.(*shoutConfig)} }
func (s *shout) Render(_ context.Context, w io.Writer, d *doc.Document, _ *render.Options) error {
	doc.Walk(d, func(n doc.Node) doc.Visit {
		if p, ok := n.(*doc.Paragraph); ok {
			fmt.Fprintf(w, "%s%s\n", strings.ToUpper(doc.PlainText(p.Inlines)), strings.Repeat("!", max(s.cfg.Marks, 1)))
		}
		return doc.Continue
	})
	return nil
}

func init() {
	render.Register(render.Format{Name: "shout", Ext: ".shout", MediaType: "text/plain"}, &shout{})
}

// TestNewFormat builds the toy format through galley.yaml, with its
// option, as any format is built.
func TestNewFormat(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nHello there.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, project.ConfigFile), []byte("documents:\n  - input: a.md\n    shout: {marks: 3}\n    outputs: [out/a.shout]\n"), 0o644)
	p, err := project.Load(filepath.Join(dir, project.ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	if rep := project.Build(context.Background(), p, nil); rep.Failed() {
		t.Fatalf("%+v", rep.Documents[0].Err)
	}
	out, _ := os.ReadFile(filepath.Join(dir, "out", "a.shout"))
	if string(out) != "HELLO THERE.!!!\n" {
		t.Errorf("output %q", out)
	}
	// An unknown option of the new format is an error with its line.
	_, err = project.Parse([]byte("documents:\n  - input: a.md\n    shout: {volume: 11}\n    outputs: [a.shout]\n"), "g.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), `g.yaml:3: shout: unknown option "volume" (known: marks)`) {
		t.Errorf("unknown option: %v", err)
	}
}
