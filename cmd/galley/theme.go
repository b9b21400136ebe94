package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/galleypress/galley/pkg/theme"
)

func newThemeFlags(stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("theme", flag.ContinueOnError)
	fs.SetOutput(stderr)
	print := fs.String("print", "", "write the built-in theme `NAME` (default, report, book), commented: a starting point for one's own")
	return fs, print
}

func themeFlagSet(stderr io.Writer) *flag.FlagSet { fs, _ := newThemeFlags(stderr); return fs }

// themeCmd lists the built-in themes, or prints one.
func themeCmd(args []string, stdout, stderr io.Writer) int {
	fs, print := newThemeFlags(stderr)
	rest, code, ok := parseFlags(fs, args, "theme", stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(stderr, "theme: unexpected argument %q (galley theme --print NAME writes a theme)", rest[0])
	}
	if *print == "" {
		fmt.Fprintf(stdout, "Built-in themes: %s\nWrite one to start from: galley theme --print default > theme.yaml\nUse one: galley convert --theme report …, or theme: in galley.yaml\n", strings.Join(theme.Builtins, ", "))
		return exitOK
	}
	src, err := theme.Source(*print)
	if err != nil {
		return usageError(stderr, "theme: %v", err)
	}
	stdout.Write(src)
	return exitOK
}
