package project

import (
	"context"
	"os"
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
	// deps holds, per document, the files its last build read.
	deps := map[int][]string{}
	note := func(p *Project, rep *Report) {
		for _, d := range rep.Documents {
			for i, j := range p.Jobs {
				if j == d.Job {
					deps[i] = d.Files
				}
			}
		}
	}
	p, err := Load(path)
	if err != nil {
		built(nil, err)
	} else {
		b := opts.BuildOptions
		b.Only = nil
		rep := Build(ctx, p, &b)
		note(p, rep)
		built(rep, nil)
	}
	seen := stamps(path, deps)
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
		now := stamps(path, deps)
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
			deps = map[int][]string{}
		} else {
			b.Only = affected(deps, pending)
		}
		pending = nil
		if b.Only != nil && len(b.Only) == 0 {
			continue
		}
		rep := Build(ctx, p, &b)
		note(p, rep)
		built(rep, nil)
		seen = stamps(path, deps)
	}
}

// stamp is what Watch compares: a file's modification time and size.
type stamp struct {
	mod  time.Time
	size int64
	ok   bool
}

func stamps(path string, deps map[int][]string) map[string]stamp {
	files := []string{path}
	for _, fs := range deps {
		files = append(files, fs...)
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

// affected returns the indexes of the documents that read a changed
// file, in order.
func affected(deps map[int][]string, files map[string]bool) []int {
	only := []int{}
	for i, fs := range deps {
		for _, f := range fs {
			if files[f] {
				only = append(only, i)
				break
			}
		}
	}
	slices.Sort(only)
	return only
}
