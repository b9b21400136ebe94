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
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
)

func main() {
	// A document's model lives through the whole run; with Go's default
	// the heap may grow to twice what is live before a collection. Half
	// of that keeps peak memory near 10 times the input, for a few per
	// cent of CPU. An explicit GOGC wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first interrupt cancels the work (outputs are written
		// atomically, so none is left half-written); a second one
		// kills the process.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

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
  galley formats                    list the input and output formats
  galley version                    print galley's version

Run "galley COMMAND -h" for a command's flags.
`

// run is galley's main, with its environment passed in so that tests can
// drive it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "convert":
		return convert(ctx, rest, stdin, stdout, stderr)
	case "build":
		return build(ctx, rest, stdout, stderr)
	case "init":
		return initCmd(rest, stdout, stderr)
	case "formats":
		return formats(stdout)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "galley", version())
		return exitOK
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "galley: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
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
	fmt.Fprintf(stderr, "galley: "+format+"\n", args...)
	return exitUsage
}

// failure prints an error, one line per line of its message, and returns
// exitError.
func failure(stderr io.Writer, err error) int {
	for _, l := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "galley: %s\n", l)
	}
	return exitError
}

// flagError reports whether err came from -h.
func flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
