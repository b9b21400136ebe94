package publish

import (
	"bytes"
	"context"
	"io"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/render"
)

// RenderEach reads job as Convert does and renders it in each format on
// its own, for the golden test; for a format whose renderer can dump its
// layout (PDF), the dump comes under the key format+".layout".
func RenderEach(job *Job, env *Env, formats []string) (map[string][]byte, error) {
	ctx := context.Background()
	pr, err := openProject(job, env.Shared())
	if err != nil {
		return nil, err
	}
	defer pr.close()
	d, base, err := readDoc(ctx, job, pr)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range formats {
		if out[f], err = renderOutput(ctx, d, f, job, pr, base); err != nil {
			return nil, err
		}
		r, err := renderer(f, job, pr)
		if err != nil {
			return nil, err
		}
		dumper, ok := r.(interface {
			Dump(io.Writer, *doc.Document, *render.Options) error
		})
		if !ok {
			continue
		}
		var layout bytes.Buffer
		opts := &render.Options{Files: pr.fsys, Dir: base}
		if err := job.Options.apply(opts, "", pr); err != nil {
			return nil, err
		}
		if err := dumper.Dump(&layout, d, opts); err != nil {
			return nil, err
		}
		out[f+".layout"] = layout.Bytes()
	}
	return out, nil
}
