package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/galleypress/galley/pkg/project"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
)

// buildFlags are build's flags.
type buildFlags struct {
	dir, file                                                        string
	jobs                                                             int
	check, verbose, strict, watch, allowOutside, allowEmpty, noCache bool
	root, shard                                                      string
	limits                                                           limitFlags
}

func newBuildFlags(stderr io.Writer) (*flag.FlagSet, *buildFlags) {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	b := &buildFlags{}
	fs.StringVar(&b.dir, "C", ".", "run in `DIR`")
	fs.StringVar(&b.shard, "shard", "", "build only shard `K/N` of the documents (by a hash of their inputs' paths), for a CI matrix of N machines")
	fs.StringVar(&b.root, "root", "", "the project folder `DIR`: every file read or written must lie in it (default: the folder of galley.yaml)")
	fs.BoolVar(&b.allowOutside, "allow-outside", false, "let galley.yaml and the documents name files anywhere on the machine (devices and pipes are still refused)")
	fs.BoolVar(&b.allowEmpty, "allow-empty", false, "make documents with no content with a warning, not an error")
	fs.StringVar(&b.file, "c", project.ConfigFile, "configuration `FILE`, relative to DIR")
	fs.IntVar(&b.jobs, "jobs", 0, "documents built at once, `N` (0: one per CPU)")
	fs.BoolVar(&b.check, "check", false, "write nothing; exit 1 if an output is missing or out of date")
	fs.BoolVar(&b.watch, "watch", false, "rebuild when inputs change, until interrupted")
	fs.BoolVar(&b.noCache, "no-cache", false, "render every document, even those whose inputs, images, settings and outputs are as at the last build")
	b.limits.register(fs)
	fs.BoolVar(&b.verbose, "v", false, "report the readers' decisions")
	fs.BoolVar(&b.strict, "strict", false, "treat warnings a renderer can check as errors")
	return fs, b
}

func buildFlagSet(stderr io.Writer) *flag.FlagSet { fs, _ := newBuildFlags(stderr); return fs }

func build(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, b := newBuildFlags(stderr)
	rest, code, ok := parseFlags(fs, args, "build", stdout, stderr)
	if !ok {
		return code
	}
	dir, file, jobs := b.dir, b.file, b.jobs
	check, verbose, strict, watch, allowOutside, allowEmpty, noCache := b.check, b.verbose, b.strict, b.watch, b.allowOutside, b.allowEmpty, b.noCache
	root, shard := b.root, b.shard
	lf := b.limits
	if len(rest) > 0 {
		return usageError(stderr, "build: unexpected argument %q", rest[0])
	}
	if check && watch {
		return usageError(stderr, "build: --check and --watch do not go together")
	}
	path := filepath.Join(dir, file)
	modified, err := publish.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	limits, err := lf.limits()
	if err != nil {
		return usageError(stderr, "build: %v", err)
	}
	opts := project.BuildOptions{Jobs: jobs, AllowOutside: allowOutside}
	if shard != "" {
		if opts.Shard, err = project.ParseShard(shard); err != nil {
			return usageError(stderr, "build: %v", err)
		}
	}
	opts.Limits = limits
	if root != "" {
		opts.Root = root
		if !filepath.IsAbs(root) {
			opts.Root = filepath.Join(dir, root)
		}
	}
	opts.Modified, opts.Strict, opts.Check, opts.AllowEmpty = modified, strict, check, allowEmpty
	if !noCache {
		opts.CacheFile = project.DefaultCacheFile(path)
	}
	opts.Warn = func(err error) { say(stderr, "galley: warning: ", coded(err)) }
	if verbose {
		opts.Log = func(s string) { say(stderr, "galley: ", s) }
	}
	bar := newProgressBar(stdout)
	opts.Progress = bar.update
	if watch {
		fmt.Fprintf(stdout, "watching %s; interrupt to stop\n", path)
		err := project.Watch(ctx, path, &project.WatchOptions{BuildOptions: opts, Built: func(rep *project.Report, err error) {
			bar.clear()
			if err != nil {
				failure(stderr, err)
				return
			}
			report(rep, path, false, stdout, stderr, bar.elapsed())
		}})
		if err != nil {
			return failure(stderr, err)
		}
		return exitOK
	}
	p, err := project.Load(path)
	if err != nil {
		return failure(stderr, err)
	}
	var inputs []string
	for _, j := range p.Jobs {
		for _, in := range j.Inputs {
			if !filepath.IsAbs(in) {
				in = filepath.Join(p.Dir, in)
			}
			inputs = append(inputs, in)
		}
	}
	softMemoryLimit(inputSize(inputs))
	rep := project.Build(ctx, p, &opts)
	bar.clear()
	return report(rep, p.File, check, stdout, stderr, bar.elapsed())
}

// report prints the failures (and, with check, the stale outputs) and
// the summary line, and returns the exit code.
func report(rep *project.Report, file string, check bool, stdout, stderr io.Writer, took time.Duration) int {
	code := exitOK
	for _, d := range rep.Documents {
		if d.Err != nil {
			say(stderr, "galley: ", fmt.Sprintf("%s:%d: %s", file, d.Line, coded(d.Err)))
			code = exitError
		}
		if check {
			for _, r := range d.Results {
				if r.Status == publish.Stale || r.Status == publish.Missing {
					say(stdout, r.Status.String()+": ", filepath.Join(filepath.Dir(file), r.Path))
					code = exitError
				}
			}
		}
	}
	n := len(rep.Documents)
	if check {
		if code == exitOK {
			fmt.Fprintf(stdout, "%s: all %s up to date\n", plural(n, "document"), plural(rep.Count(publish.Unchanged), "output"))
		} else {
			fmt.Fprintf(stdout, "%s: %s out of date, %d missing\n", plural(n, "document"), plural(rep.Count(publish.Stale), "output"), rep.Count(publish.Missing))
		}
		return code
	}
	fmt.Fprintf(stdout, "%s: %s written, %d unchanged", plural(n, "document"), plural(rep.Count(publish.Written), "file"), rep.Count(publish.Unchanged))
	failed := 0
	for _, d := range rep.Documents {
		if d.Err != nil {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "; %s failed", plural(failed, "document"))
	}
	fmt.Fprintf(stdout, " in %s\n", took.Round(time.Millisecond))
	return code
}

// plural formats a count of things: "1 file", "2 files".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// progressBar shows documents done out of the total and the current file
// on a terminal; elsewhere (a pipe, a file, or CI set) it stays quiet.
type progressBar struct {
	w       io.Writer
	on      bool
	start   time.Time // when the current build began
	running bool
	shown   bool
}

func newProgressBar(w io.Writer) *progressBar {
	return &progressBar{w: w, start: time.Now(), on: isTerminal(w) && os.Getenv("CI") == ""}
}

func (b *progressBar) update(p project.Progress) {
	if !b.running {
		b.start, b.running = time.Now(), true
	}
	if !b.on {
		return
	}
	verb := "building"
	if p.Finished {
		verb = "built"
	}
	fmt.Fprintf(b.w, "\r\x1b[K[%d/%d] %s %s", p.Done, p.Total, verb, clean(strings.Join(p.Doc.Job.Inputs, ", ")))
	b.shown = true
}

// clear removes the progress line at the end of a build.
func (b *progressBar) clear() {
	if b.shown {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.shown = false
	}
}

// elapsed returns how long the build that just ended took.
func (b *progressBar) elapsed() time.Duration {
	if !b.running {
		return 0
	}
	b.running = false
	return time.Since(b.start)
}

func newFormatsFlags(stderr io.Writer) (*flag.FlagSet, *bool, *bool) {
	fs := flag.NewFlagSet("formats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	options := fs.Bool("options", false, "list every format's options: galley.yaml key, flag, default and meaning")
	markdown := fs.Bool("markdown", false, "with --options, print Markdown tables (as in the README)")
	return fs, options, markdown
}

func formatsFlagSet(stderr io.Writer) *flag.FlagSet { fs, _, _ := newFormatsFlags(stderr); return fs }

func formats(args []string, stdout, stderr io.Writer) int {
	fs, opt, md := newFormatsFlags(stderr)
	rest, code, ok := parseFlags(fs, args, "formats", stdout, stderr)
	if !ok {
		return code
	}
	options, markdown := *opt, *md
	if len(rest) > 0 {
		return usageError(stderr, "formats: unexpected argument %q", rest[0])
	}
	if options {
		listOptions(stdout, markdown)
		return exitOK
	}
	fmt.Fprintln(stdout, "Input formats (-f, --from):")
	for _, f := range read.Formats() {
		aka := ""
		if len(f.Aliases) > 0 {
			aka = " (also " + strings.Join(f.Aliases, ", ") + ")"
		}
		fmt.Fprintf(stdout, "  %-10s %v%s\n", f.Name, f.Exts, aka)
	}
	fmt.Fprintln(stdout, "  (and an mdBook book, by its book.toml or SUMMARY.md: its chapters in the summary's order)")
	fmt.Fprintln(stdout, "Output formats (-t, --to; the extension without its dot works too):")
	for _, f := range render.Formats() {
		aka := ""
		if names := append(append([]string{}, f.Aliases...), f.OtherExts...); len(names) > 0 {
			aka = " (also " + strings.Join(names, ", ") + ")"
		}
		fmt.Fprintf(stdout, "  %-10s %-6s %s%s\n", f.Name, f.Ext, f.MediaType, aka)
	}
	fmt.Fprintln(stdout, "Options by format: galley formats --options")
	return exitOK
}

func newInitFlags(stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("C", ".", "write galley.yaml in `DIR`")
	return fs, dir
}

func initFlagSet(stderr io.Writer) *flag.FlagSet { fs, _ := newInitFlags(stderr); return fs }

func initCmd(args []string, stdout, stderr io.Writer) int {
	fs, d := newInitFlags(stderr)
	rest, code, ok := parseFlags(fs, args, "init", stdout, stderr)
	if !ok {
		return code
	}
	dir := *d
	if len(rest) > 0 {
		return usageError(stderr, "init: unexpected argument %q", rest[0])
	}
	path := filepath.Join(dir, project.ConfigFile)
	if err := project.WriteStarter(path); err != nil {
		return failure(stderr, err)
	}
	fmt.Fprintf(stdout, "wrote %s; edit it, then run galley build\n", path)
	return exitOK
}
