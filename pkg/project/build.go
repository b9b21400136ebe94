package project

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/publish"
)

// DocReport is what happened to one document of a build.
type DocReport struct {
	// Job is the document's job; Line is where it starts in galley.yaml.
	Job  *publish.Job
	Line int
	// Results has one entry per output.
	Results []publish.Result
	// Err is the document's first error, if any.
	Err error
	// Files are the paths of the files the document was made from (or
	// looked for and missing): inputs, chapters, included files, images,
	// stylesheets, fonts, pattern files. Watch watches them.
	Files []string
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
func (r *Report) Count(s publish.Status) int {
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
	publish.Env
	// Jobs is how many documents are built at once; 0 means one per CPU.
	Jobs int
	// AllowOutside lets the project's paths lead outside its folder (or
	// Env.Root, when set): inputs, stylesheets, fonts and outputs
	// anywhere on the machine. By default they are confined to it.
	AllowOutside bool
	// Only, if set, lists the indexes of the documents to build; the
	// others are left out of the report.
	Only []int
	// CacheFile, if set, makes the build incremental: a document whose
	// inputs, images, settings and galley binary are as at its last build
	// with this cache, and whose outputs still hold what that build
	// wrote, is not rendered again (its outputs are Unchanged).
	// DefaultCacheFile gives galley build's.
	CacheFile string
	// Shard, if Shard.N > 1, builds only the documents of shard K of N
	// (1 ≤ K ≤ N), for a CI matrix of N machines: a document's shard
	// depends only on its inputs' paths, so adding a document moves no
	// other. The others are left out of the report.
	Shard Shard
	// Progress, if set, is called when a document starts and when it
	// finishes. Calls never overlap.
	Progress func(Progress)
}

// Shard names one of N parts of a project's documents.
type Shard struct{ K, N int }

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	var sh Shard
	var err1, err2 error
	sh.K, err1 = strconv.Atoi(strings.TrimSpace(k))
	sh.N, err2 = strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || sh.N < 1 || sh.K < 1 || sh.K > sh.N {
		return Shard{}, fmt.Errorf("shard %q: write K/N, 1 ≤ K ≤ N (2/4: the second of four)", s)
	}
	return sh, nil
}

// ShardOf returns the shard (1 to n) a job belongs to: by a hash of its
// inputs' paths.
func ShardOf(job *publish.Job, n int) int {
	if n <= 1 {
		return 1
	}
	h := sha256.Sum256([]byte(strings.Join(job.Inputs, "\x00")))
	return int(binary.BigEndian.Uint64(h[:8])%uint64(n)) + 1
}

// clashes finds the documents that would write a file another document
// writes, through a path that differs (a folder that is a link to
// another, "out2 -> out"): the file would flip between them and --check
// could never pass. Parse finds those whose paths are the same.
func clashes(p *Project, env *publish.Env) map[int]error {
	out := map[int]error{}
	writers := map[string]int{}
	for i, job := range p.Jobs {
		for _, o := range job.Outputs {
			if o.Path == "-" {
				continue
			}
			real, err := env.OutputPath(o.Path)
			if err != nil {
				continue // the document reports it
			}
			if first, ok := writers[real]; ok && first != i {
				out[i] = fmt.Errorf("output %s is the file the document at line %d writes (through a symbolic link); give each document its own outputs", o.Path, p.Lines[first])
				continue
			}
			writers[real] = i
		}
	}
	return out
}

// fsRoot returns the root of the file system dir is on: "/", or a
// volume's root.
func fsRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return string(filepath.Separator)
	}
	return filepath.VolumeName(abs) + string(filepath.Separator)
}

// Progress is a step of a build.
type Progress struct {
	// Done counts the documents finished, of Total.
	Done, Total int
	// Doc is the document that started or finished.
	Doc *DocReport
	// Finished is set when Doc finished.
	Finished bool
}

// Build builds the documents of p, Jobs at a time, each read once and
// rendered to all its outputs at once. A failing document does not stop
// the others; each is reported. Build stops starting documents when ctx
// is cancelled; those not started report ctx's error.
func Build(ctx context.Context, p *Project, opts *BuildOptions) *Report {
	if opts == nil {
		opts = &BuildOptions{}
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	env := *opts.Env.Shared()
	env.Dir = p.Dir
	env.Limits = env.Limits.Or(p.Limits)
	// The project folder: galley.yaml's, or the one named; with
	// AllowOutside the whole file system (devices and pipes are still
	// refused), and outputs anywhere.
	env.BookFolderOnly = env.Root == "" && !opts.AllowOutside
	switch {
	case opts.AllowOutside:
		env.Root = fsRoot(p.Dir)
	case env.Root == "":
		env.Root = p.Dir
	}
	if !opts.AllowOutside {
		env.OutputsIn = env.Root
	}
	if env.FS == nil {
		root, err := files.Open(env.Root)
		if err != nil {
			rep := &Report{}
			for _, i := range opts.Only {
				rep.Documents = append(rep.Documents, DocReport{Job: p.Jobs[i], Line: p.Lines[i], Err: err})
			}
			if opts.Only == nil {
				for i, j := range p.Jobs {
					rep.Documents = append(rep.Documents, DocReport{Job: j, Line: p.Lines[i], Err: err})
				}
			}
			return rep
		}
		defer root.Close()
		env.FS = root
	}
	indexes := opts.Only
	if indexes == nil {
		indexes = make([]int, len(p.Jobs))
		for i := range indexes {
			indexes[i] = i
		}
	}
	if opts.Shard.N > 1 {
		var mine []int
		for _, i := range indexes {
			if ShardOf(p.Jobs[i], opts.Shard.N) == opts.Shard.K {
				mine = append(mine, i)
			}
		}
		indexes = mine
	}
	if opts.CacheFile != "" {
		c := openCache(opts.CacheFile)
		env.Cache = c
		defer func() {
			if err := c.save(); err != nil && env.Warn != nil {
				env.Warn(fmt.Errorf("build cache: %v", err))
			}
		}()
	}
	clash := clashes(p, &env)
	rep := &Report{Documents: make([]DocReport, len(indexes))}
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	progress := func(dr *DocReport, finished bool) {
		mu.Lock()
		defer mu.Unlock()
		if finished {
			done++
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Done: done, Total: len(indexes), Doc: dr, Finished: finished})
		}
	}
	for k, i := range indexes {
		dr := &rep.Documents[k]
		dr.Job, dr.Line = p.Jobs[i], p.Lines[i]
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if err := ctx.Err(); err != nil {
			dr.Err = err
			continue
		}
		if err := clash[i]; err != nil {
			dr.Err = err
			<-sem
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			progress(dr, false)
			dr.Results, dr.Files, dr.Err = publish.ConvertFiles(ctx, dr.Job, &env)
			progress(dr, true)
		}()
	}
	wg.Wait()
	return rep
}
