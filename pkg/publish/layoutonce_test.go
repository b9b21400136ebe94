package publish

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render"
)

// pager is a test renderer that sets pages (a render.Paginator): it
// counts its layouts, and hands its breaks over as the PDF's renderer
// does.
type pager struct{ layouts *atomic.Int32 }

var pagerBreaks = []doc.PageBreak{{Label: "1"}, {Label: "2"}}

func (p pager) Render(ctx context.Context, w io.Writer, d *doc.Document, opts *render.Options) error {
	p.layouts.Add(1)
	if opts.Paginated != nil {
		opts.Paginated(pagerBreaks)
	}
	_, err := io.WriteString(w, "paged")
	return err
}

func (p pager) PageBreaks(_ context.Context, d *doc.Document, opts *render.Options) ([]doc.PageBreak, error) {
	p.layouts.Add(1)
	return pagerBreaks, nil
}

// marker is a test renderer that marks pages (a render.PageMarker): it
// records the breaks it was given.
type marker struct{ got *atomic.Int32 }

func (m marker) MarksPages() bool { return true }

func (m marker) Render(ctx context.Context, w io.Writer, d *doc.Document, opts *render.Options) error {
	m.got.Store(int32(len(opts.PageBreaks)))
	_, err := io.WriteString(w, "marked")
	return err
}

var (
	testLayouts, testMarked atomic.Int32
)

// The test formats are named "test-…": the golden test passes them by.
func init() {
	render.Register(render.Format{Name: "test-pages", Ext: ".testpages"}, pager{&testLayouts})
	render.Register(render.Format{Name: "test-marks", Ext: ".testmarks"}, marker{&testMarked})
}

// TestLayOutOnce: a document rendered at once by a renderer that sets
// pages and one that marks them is laid out once, whatever the formats
// are called: the breaks of the one go to the other.
func TestLayOutOnce(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nText.\n"), 0o644)
	job := &Job{Inputs: []string{"a.md"}, Outputs: []Output{{Path: "out.testmarks"}, {Path: "out.testpages"}}}
	if _, err := Convert(context.Background(), job, &Env{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if n := testLayouts.Load(); n != 1 {
		t.Errorf("laid out %d times, want once", n)
	}
	if n := testMarked.Load(); n != int32(len(pagerBreaks)) {
		t.Errorf("the marker got %d breaks, want %d", n, len(pagerBreaks))
	}
}
