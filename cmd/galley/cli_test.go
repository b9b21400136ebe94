package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// galley runs the command in dir and returns its exit code and output.
func galley(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func workDir(t *testing.T) string {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A\nlang: en\n---\n# Heading\n\nSome *text*.\n"), 0o644)
	return dir
}

// TestUsageErrors: every mistake on the command line exits 2 with one
// line on stderr (a guess at what was meant where there is one), and
// writes nothing.
func TestUsageErrors(t *testing.T) {
	dir := workDir(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"conver", "a.md"}, `unknown command "conver"; did you mean convert?`},
		{[]string{"help", "biuld"}, `unknown command "biuld"; did you mean build?`},
		{[]string{"convert", "a.md", "--fnot", "x.ttf", "-o", "a.pdf"}, "unknown flag --fnot; did you mean --font?"},
		{[]string{"convert", "a.md", "--ragid", "-o", "a.pdf"}, "unknown flag --ragid; did you mean --ragged?"},
		{[]string{"convert", "a.md", "-o"}, "-o needs a value"},
		{[]string{"convert", "a.md", "-t", "docx"}, `unknown format "docx"`},
		{[]string{"convert", "a.md", "-f", "rst", "-o", "a.html"}, `unknown format "rst"`},
		{[]string{"convert", "a.md", "-o", "a.docx"}, `no format writes ".docx" files`},
		{[]string{"convert", "a.md", "-o", "a.html", "-o", "a.pdf", "--paper", "a3"}, `paper: "a3" is not one of a4, a5, letter`},
		{[]string{"convert", "a.md", "-o", "a.html", "-o", "a.pdf", "--font-size", "200"}, "font size 200 pt is out of range"},
		{[]string{"build", "--jobs", "x"}, `invalid value "x" for --jobs`},
		{[]string{"completion", "tcsh"}, `no script for shell "tcsh"`},
		{[]string{"completion", "bsh"}, "did you mean bash?"},
	} {
		code, stdout, stderr := galley(t, dir, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 || stdout != "" {
			t.Errorf("galley %s: exit %d, stderr %q, stdout %q; want exit 2 and one line with %q", strings.Join(tc.args, " "), code, stderr, stdout, tc.want)
		}
	}
	for _, f := range []string{"a.html", "a.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s was written by a command line with a mistake", f)
		}
	}
}

// TestPandocSpellings: what a pandoc user types works.
func TestPandocSpellings(t *testing.T) {
	dir := workDir(t)
	for _, tc := range []struct {
		args []string
		file string // written
		want string // in it, or on stdout
	}{
		{[]string{"convert", "a.md", "-s", "-o", "s.html"}, "s.html", "<!DOCTYPE html>"},
		{[]string{"convert", "a.md", "--standalone", "-o", "s2.html"}, "s2.html", "<!DOCTYPE html>"},
		{[]string{"convert", "a.md", "-o", "x.htm"}, "x.htm", "<!DOCTYPE html>"},
		{[]string{"convert", "a.md", "-t", "html5"}, "", "<!DOCTYPE html>"},
		{[]string{"convert", "a.md", "-f", "gfm", "-t", "html"}, "", "<em>text</em>"},
		{[]string{"convert", "a.md", "-f", "commonmark", "-t", "plain"}, "", "Heading"},
		{[]string{"convert", "a.md", "-f", "md", "-t", "text"}, "", "Heading"},
		{[]string{"convert", "a.md", "-t", "markdown"}, "", "# Heading\n\nSome *text*."},
		{[]string{"convert", "a.md", "-t", "gfm"}, "", "# Heading"},
		{[]string{"convert", "a.md", "-t", "commonmark"}, "", "# Heading"},
		{[]string{"convert", "a.md", "-o", "out.md"}, "out.md", "title: A"},
		{[]string{"convert", "a.md", "-M", "author:Ann", "-t", "markdown"}, "", "author: Ann"},
		{[]string{"convert", "a.md", "--metadata", "author=Bob", "-t", "markdown"}, "", "author: Bob"},
		{[]string{"convert", "a.md", "--table-of-contents", "-t", "html"}, "", `<nav`},
	} {
		code, stdout, stderr := galley(t, dir, tc.args...)
		got := stdout
		if tc.file != "" {
			data, _ := os.ReadFile(filepath.Join(dir, tc.file))
			got = string(data)
		}
		if code != 0 || !strings.Contains(got, tc.want) {
			t.Errorf("galley %s: exit %d, stderr %q; output lacks %q:\n%.300s", strings.Join(tc.args, " "), code, stderr, tc.want, got)
		}
	}
	// --pdf-engine is answered in one line, and the PDF made.
	code, _, stderr := galley(t, dir, "convert", "a.md", "--pdf-engine=xelatex", "-o", "a.pdf")
	if code != 0 || !strings.Contains(stderr, "--pdf-engine xelatex ignored: galley writes PDF itself") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("--pdf-engine: exit %d, %q", code, stderr)
	}
}

// TestHelp: help goes to stdout, for galley and for each command;
// booleans show no placeholder; a flag's format is said once.
func TestHelp(t *testing.T) {
	dir := workDir(t)
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		code, stdout, stderr := galley(t, dir, args...)
		if code != 0 || !strings.Contains(stdout, "galley convert [flags] INPUT...") || stderr != "" {
			t.Errorf("galley %s: exit %d, stdout %.80q, stderr %q", args, code, stdout, stderr)
		}
	}
	for _, c := range commands {
		for _, args := range [][]string{{"help", c.name}, {c.name, "-h"}} {
			code, stdout, stderr := galley(t, dir, args...)
			if code != 0 || !strings.HasPrefix(stdout, "Usage: galley "+c.name) || stderr != "" {
				t.Errorf("galley %s: exit %d, stdout %.80q, stderr %q", args, code, stdout, stderr)
			}
		}
	}
	_, help, _ := galley(t, dir, "help", "convert")
	for _, want := range []string{"\n  --toc, --table-of-contents\n", "\n  --ragged  ", "\n  -t, --to FORMAT ", "\n  --paper a4|a5|letter ", "\nPDF:\n", "\nHTML:\n", "\n  -s, --standalone "} {
		if !strings.Contains(help, want) {
			t.Errorf("galley help convert lacks %q", want)
		}
	}
	for _, bad := range []string{"--toc HTML", "HTML: HTML:", "--ragged value", "text: text:"} {
		if strings.Contains(help, bad) {
			t.Errorf("galley help convert has %q", bad)
		}
	}
	for _, line := range strings.Split(help, "\n") {
		if len([]rune(line)) > helpWidth {
			t.Errorf("a help line wider than %d columns: %q", helpWidth, line)
		}
	}
}

// TestCompletion: bash completes commands, flags and formats from the
// script galley prints; zsh and fish get theirs.
func TestCompletion(t *testing.T) {
	dir := workDir(t)
	code, script, _ := galley(t, dir, "completion", "bash")
	if code != 0 {
		t.Fatal(code)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	for _, tc := range []struct{ words, want string }{
		{"galley conv", "convert"},
		{"galley convert a.md --pap", "--paper"},
		{"galley convert a.md -t ep", "epub"},
		{"galley convert a.md -f gf", "gfm"},
		{"galley build --chec", "--check"},
		{"galley completion fi", "fish"},
	} {
		words := strings.Fields(tc.words)
		prog := script + "\nCOMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" + strconv.Itoa(len(words)-1) + "; _galley; echo \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command(bash, "-c", prog).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != tc.want {
			t.Errorf("%q completes to %q (%v), want %q", tc.words, strings.TrimSpace(string(out)), err, tc.want)
		}
	}
	for _, shell := range []string{"zsh", "fish"} {
		code, script, _ := galley(t, dir, "completion", shell)
		if code != 0 || !strings.Contains(script, "convert") || !strings.Contains(script, "paper") {
			t.Errorf("%s: exit %d, %.200q", shell, code, script)
		}
	}
}
