package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
)

func build(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dir, file string
	var jobs int
	var check, verbose, strict bool
	fs.StringVar(&dir, "C", ".", "run in `DIR`")
	fs.StringVar(&file, "c", publish.ConfigFile, "configuration `FILE`, relative to DIR")
	fs.IntVar(&jobs, "jobs", 0, "documents built at once (0: one per CPU)")
	fs.BoolVar(&check, "check", false, "write nothing; exit 1 if an output is missing or out of date")
	fs.BoolVar(&verbose, "v", false, "report the readers' decisions")
	fs.BoolVar(&strict, "strict", false, "treat warnings a renderer can check as errors")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: galley build [flags]\n\nBuilds every document listed in galley.yaml.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	rest, err := parse(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 {
		return usageError(stderr, "build: unexpected argument %q", rest[0])
	}
	p, err := publish.Load(filepath.Join(dir, file))
	if err != nil {
		return failure(stderr, err)
	}
	modified, err := publish.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	opts := &publish.BuildOptions{Jobs: jobs}
	opts.Modified, opts.Strict, opts.Check = modified, strict, check
	opts.Warn = func(err error) { fmt.Fprintf(stderr, "galley: warning: %v\n", err) }
	if verbose {
		opts.Log = func(s string) { fmt.Fprintf(stderr, "galley: %s\n", s) }
	}
	rep := publish.Build(ctx, p, opts)
	code := exitOK
	for _, d := range rep.Documents {
		if d.Err != nil {
			fmt.Fprintf(stderr, "galley: %s:%d: %v\n", p.File, d.Line, d.Err)
			code = exitError
		}
		if check {
			for _, r := range d.Results {
				if r.Status == publish.Stale || r.Status == publish.Missing {
					fmt.Fprintf(stdout, "%s: %s\n", r.Status, filepath.Join(p.Dir, r.Path))
					code = exitError
				}
			}
		}
	}
	if check {
		if code == exitOK {
			fmt.Fprintf(stdout, "%d outputs up to date\n", rep.Count(publish.Unchanged))
		}
		return code
	}
	fmt.Fprintf(stdout, "%d documents: %d written, %d unchanged", len(rep.Documents), rep.Count(publish.Written), rep.Count(publish.Unchanged))
	if n := rep.Count(publish.Failed); n > 0 {
		fmt.Fprintf(stdout, ", %d failed", n)
	}
	fmt.Fprintln(stdout)
	return code
}

func formats(stdout io.Writer) int {
	fmt.Fprintln(stdout, "Input formats (-f, --from):")
	for _, f := range read.Formats() {
		fmt.Fprintf(stdout, "  %-10s %v\n", f.Name, f.Exts)
	}
	fmt.Fprintln(stdout, "Output formats (-t, --to):")
	for _, f := range render.Formats() {
		fmt.Fprintf(stdout, "  %-10s %-6s %s\n", f.Name, f.Ext, f.MediaType)
	}
	return exitOK
}

func initCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dir string
	fs.StringVar(&dir, "C", ".", "write galley.yaml in `DIR`")
	rest, err := parse(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 {
		return usageError(stderr, "init: unexpected argument %q", rest[0])
	}
	path := filepath.Join(dir, publish.ConfigFile)
	if err := publish.WriteStarter(path); err != nil {
		return failure(stderr, err)
	}
	fmt.Fprintf(stdout, "wrote %s; edit it, then run galley build\n", path)
	return exitOK
}
