package publish

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// WatchOptions configure Watch.
type WatchOptions struct {
	BuildOptions
	// Interval is how often files are checked; 0 means 250 ms.
	Interval time.Duration
	// Quiet is how long files must stay unchanged before a rebuild, so
	// that an editor's several writes make one rebuild; 0 means 300 ms.
	Quiet time.Duration
	// Built is called after every build with its report, or with the
	// error that kept galley.yaml from loading.
	Built func(*Report, error)
}

// Watch builds the project in the file at path, then rebuilds what
// changed whenever its inputs, stylesheets, fonts or the file itself
// change, until ctx is cancelled. A change to the file reloads it and
// rebuilds everything; a change to an input rebuilds the documents that
// read it. Files are polled, which works on every file system.
func Watch(ctx context.Context, path string, opts *WatchOptions) error {
	if opts.Interval <= 0 {
		opts.Interval = 250 * time.Millisecond
	}
	if opts.Quiet <= 0 {
		opts.Quiet = 300 * time.Millisecond
	}
	built := func(r *Report, err error) {
		if opts.Built != nil {
			opts.Built(r, err)
		}
	}
	p, err := Load(path)
	if err != nil {
		built(nil, err)
	} else {
		b := opts.BuildOptions
		b.Only = nil
		built(Build(ctx, p, &b), nil)
	}
	seen := stamps(path, p)
	var changedAt time.Time
	var pending map[string]bool
	tick := time.NewTicker(opts.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		now := stamps(path, p)
		if diff := changed(seen, now); len(diff) > 0 {
			if pending == nil {
				pending = map[string]bool{}
			}
			for _, f := range diff {
				pending[f] = true
			}
			changedAt = time.Now()
			seen = now
			continue
		}
		if pending == nil || time.Since(changedAt) < opts.Quiet {
			continue
		}
		b := opts.BuildOptions
		if pending[path] || p == nil {
			np, err := Load(path)
			if err != nil {
				built(nil, err)
				pending = nil
				continue
			}
			p = np
			b.Only = nil
		} else {
			b.Only = affected(p, pending)
		}
		pending = nil
		if b.Only != nil && len(b.Only) == 0 {
			continue
		}
		built(Build(ctx, p, &b), nil)
		seen = stamps(path, p)
	}
}

// stamp is what Watch compares: a file's modification time and size.
type stamp struct {
	mod  time.Time
	size int64
	ok   bool
}

// watched lists the files a job depends on, as paths from the current
// folder.
func watched(p *Project, job *Job) []string {
	var files []string
	add := func(f string) {
		if f != "" && f != "-" {
			files = append(files, filepath.Join(p.Dir, f))
		}
	}
	for _, in := range job.Inputs {
		add(in)
	}
	for _, f := range job.Options.files() {
		add(f)
	}
	if job.Meta.Cover != "" && len(job.Inputs) > 0 {
		add(filepath.Join(filepath.Dir(job.Inputs[0]), job.Meta.Cover))
	}
	return files
}

func stamps(path string, p *Project) map[string]stamp {
	files := []string{path}
	if p != nil {
		for _, j := range p.Jobs {
			files = append(files, watched(p, j)...)
		}
	}
	out := map[string]stamp{}
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			out[f] = stamp{st.ModTime(), st.Size(), true}
		} else {
			out[f] = stamp{}
		}
	}
	return out
}

func changed(old, now map[string]stamp) []string {
	var diff []string
	for f, s := range now {
		if o, ok := old[f]; !ok || o != s {
			diff = append(diff, f)
		}
	}
	slices.Sort(diff)
	return diff
}

// affected returns the indexes of the jobs that depend on a changed file.
func affected(p *Project, files map[string]bool) []int {
	only := []int{}
	for i, j := range p.Jobs {
		for _, f := range watched(p, j) {
			if files[f] {
				only = append(only, i)
				break
			}
		}
	}
	return only
}
