package publish

import (
	"context"
	"runtime"
	"sync"
)

// DocReport is what happened to one document of a build.
type DocReport struct {
	// Job is the document's job; Line is where it starts in galley.yaml.
	Job  *Job
	Line int
	// Results has one entry per output.
	Results []Result
	// Err is the document's first error, if any.
	Err error
}

// Report is what a build did.
type Report struct {
	Documents []DocReport
}

// Failed reports whether any document failed.
func (r *Report) Failed() bool {
	for _, d := range r.Documents {
		if d.Err != nil {
			return true
		}
	}
	return false
}

// Count returns how many outputs have status s.
func (r *Report) Count(s Status) int {
	n := 0
	for _, d := range r.Documents {
		for _, res := range d.Results {
			if res.Status == s {
				n++
			}
		}
	}
	return n
}

// BuildOptions configure Build.
type BuildOptions struct {
	Env
	// Jobs is how many documents are built at once; 0 means one per CPU.
	Jobs int
	// Progress, if set, is called after each document, with the number
	// of documents done and the total. Calls never overlap.
	Progress func(done, total int, d *DocReport)
}

// Build builds every document of p, Jobs at a time. A failing document
// does not stop the others; each is reported. Build stops starting
// documents when ctx is cancelled; those not built report ctx's error.
func Build(ctx context.Context, p *Project, opts *BuildOptions) *Report {
	if opts == nil {
		opts = &BuildOptions{}
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	env := opts.Env
	env.Dir = p.Dir
	rep := &Report{Documents: make([]DocReport, len(p.Jobs))}
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i, job := range p.Jobs {
		dr := &rep.Documents[i]
		dr.Job, dr.Line = job, p.Lines[i]
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if err := ctx.Err(); err != nil {
			dr.Err = err
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			dr.Results, dr.Err = Convert(ctx, job, &env)
			mu.Lock()
			done++
			if opts.Progress != nil {
				opts.Progress(done, len(p.Jobs), dr)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return rep
}
