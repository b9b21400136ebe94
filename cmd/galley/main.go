// Command galley turns documents into PDF, EPUB 3, HTML and plain text.
//
//	galley convert [flags] INPUT...   convert one document
//	galley build [-C DIR]             build every document of galley.yaml
//	galley formats                    list input and output formats
//	galley version                    print the version
//
// Run "galley help" or "galley COMMAND -h" for the flags. The command is a
// thin layer over package publish.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/galleypress/galley/pkg/publish"
)

func main() {
	// A ballast: 64 MB that is allocated and never touched, so the system
	// never gives it memory, but that the collector counts as live. A
	// collection comes when the heap has grown by as much as is live, so
	// a small document, whose live heap is a few megabytes, was collected
	// a dozen times; with the ballast, seldom (the seed's PDF 37 to 31
	// ms, the seed x10's 163 to 134 ms), while a long document's peak
	// grows by at most the ballast (the 936-page book 150 to 175 MB).
	ballast := make([]byte, 64<<20)
	defer runtime.KeepAlive(ballast)
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first interrupt cancels the work (outputs are written
		// atomically, so none is left half-written); a second one
		// kills the process, and so does the first if the work has not
		// stopped within a grace period (a step that cannot be
		// cancelled): a signal is never swallowed.
		s := <-sigs
		cancel()
		signal.Reset(os.Interrupt, syscall.SIGTERM)
		time.Sleep(grace)
		fmt.Fprintf(os.Stderr, "galley: stopped by %v\n", s)
		code := 130 // as a shell reports SIGINT
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	cancel()
	os.Exit(code)
}

// grace is how long work may take to stop after an interrupt.
const grace = 2 * time.Second

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // a conversion failed
	exitUsage = 2 // the command line is wrong
)

const usage = `galley turns documents into PDF, EPUB 3, HTML and plain text.

Usage:
  galley convert [flags] INPUT...   convert one document (INPUT - reads stdin)
  galley build [flags]              build the documents listed in galley.yaml
  galley init                       write a commented starter galley.yaml
  galley formats [--options]        list the input and output formats (and their options)
  galley theme [--print NAME]       list the built-in themes, or write one to start from
  galley completion bash|zsh|fish   print a shell completion script
  galley version                    print galley's version

Run "galley help COMMAND" (or "galley COMMAND -h") for a command's flags.
`

// run is galley's main, with its environment passed in so that tests can
// drive it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	if c, ok := lookupCommand(cmd); ok && c.flagSet == nil && len(rest) == 1 && (rest[0] == "-h" || rest[0] == "--help" || rest[0] == "-help") {
		printHelp(stdout, cmd)
		return exitOK
	}
	switch cmd {
	case "convert":
		return convert(ctx, rest, stdin, stdout, stderr)
	case "build":
		return build(ctx, rest, stdout, stderr)
	case "init":
		return initCmd(rest, stdout, stderr)
	case "formats":
		return formats(rest, stdout, stderr)
	case "theme":
		return themeCmd(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "galley", version())
		return exitOK
	case "completion":
		return completion(rest, stdout, stderr)
	case "help", "-h", "--help", "-help":
		if len(rest) == 0 {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		if _, ok := lookupCommand(rest[0]); !ok {
			return unknownCommand(rest[0], stderr)
		}
		printHelp(stdout, rest[0])
		return exitOK
	}
	return unknownCommand(cmd, stderr)
}

// unknownCommand says so, on one line, with the command that may have
// been meant.
func unknownCommand(cmd string, stderr io.Writer) int {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	msg := fmt.Sprintf("unknown command %q", clean(cmd))
	if guess := closest(cmd, names); guess != "" {
		msg += "; did you mean " + guess + "?"
	}
	return usageError(stderr, "%s (galley help lists the commands)", msg)
}

// version returns the module version galley was built from.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ", ") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// parse parses flags that may come before, between and after the
// positional arguments, as users expect ("convert in.md -o out.html").
// A lone "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// usageError prints a usage error and returns exitUsage.
func usageError(stderr io.Writer, format string, args ...any) int {
	say(stderr, "galley: ", fmt.Sprintf(format, args...))
	return exitUsage
}

// failure prints an error, on one line, and returns exitError.
func failure(stderr io.Writer, err error) int {
	if errors.Is(err, context.Canceled) {
		say(stderr, "galley: ", "interrupted; outputs not yet written were left as they were")
		return exitError
	}
	say(stderr, "galley: ", coded(err))
	return exitError
}

// limitFlags are the flags that set publish.Limits, shared by convert
// and build.
type limitFlags struct {
	inputSize                             string
	depth, notes, tableCells, svgElements int
	imagePixels                           int64
}

func (l *limitFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&l.inputSize, "max-input-size", "", "largest input, stylesheet or image read, `SIZE` in bytes, KB, MB or GB (default 64MB)")
	fs.IntVar(&l.depth, "max-depth", 0, "deepest nesting of lists, quotes and notes `N`; deeper content is flattened (default 64)")
	fs.IntVar(&l.notes, "max-notes", 0, "most notes a document may have `N` (default 100000)")
	fs.IntVar(&l.tableCells, "max-table-cells", 0, "most cells a table may have `N` (default 1000000)")
	fs.Int64Var(&l.imagePixels, "max-image-pixels", 0, "largest image embedded, `N` pixels (default 50000000)")
	fs.IntVar(&l.svgElements, "max-svg-elements", 0, "most elements an SVG image may draw, `N`, its <use> references expanded (default 100000)")
}

// limits returns the limits the flags set; zero fields keep defaults.
func (l *limitFlags) limits() (publish.Limits, error) {
	lim := publish.Limits{Depth: l.depth, Notes: l.notes, TableCells: l.tableCells, ImagePixels: l.imagePixels, SVGElements: l.svgElements}
	if l.depth < 0 || l.notes < 0 || l.tableCells < 0 || l.imagePixels < 0 || l.svgElements < 0 {
		return lim, errors.New("a --max-… limit must be a positive number")
	}
	if l.inputSize != "" {
		n, err := publish.ParseSize(l.inputSize)
		if err != nil {
			return lim, fmt.Errorf("--max-input-size: %v", err)
		}
		lim.InputSize = n
	}
	return lim, nil
}

// softMemoryLimit keeps the process under about 1 GB when its inputs
// allow: a soft memory limit (GOMEMLIMIT's), at which the collector
// works harder instead of letting the heap double, and which never fails
// an allocation. A PDF needs some 15 times its input while it is laid
// out, so from 64 MB of input the limit could not hold and would only
// keep the collector running: there is none. An explicit GOMEMLIMIT
// wins.
func softMemoryLimit(inputBytes int64) {
	if os.Getenv("GOMEMLIMIT") != "" || inputBytes > 64<<20 {
		return
	}
	// 900 MiB of Go memory: the process's resident size is some 5%
	// more (the program, what the runtime does not count).
	debug.SetMemoryLimit(900 << 20)
}

// inputSize returns the bytes of the named files that exist; a folder
// (an mdBook) counts its files.
func inputSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}
