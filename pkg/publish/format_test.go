package publish_test

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/fixture"
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
