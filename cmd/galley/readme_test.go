package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/project"
)

// TestREADMEOptions checks the option tables of docs/cli.md are what the
// formats declare; -update rewrites them.
func TestREADMEOptions(t *testing.T) {
	const path = "../../docs/cli.md"
	const start, end = "<!-- options:start -->\n", "<!-- options:end -->"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("docs/cli.md has no options:start and options:end markers")
	}
	var want bytes.Buffer
	listOptions(&want, true)
	table := strings.TrimPrefix(want.String(), "\n")
	if got := s[i+len(start) : j]; got != table {
		if *update {
			os.WriteFile(path, []byte(s[:i+len(start)]+table+s[j:]), 0o644)
			return
		}
		t.Errorf("the option tables of docs/cli.md differ from the declarations; run go test ./cmd/galley -update\nwant:\n%s", table)
	}
}

// TestREADMEGalleyYAML checks the galley.yaml example of
// docs/galley-yaml.md is a valid galley.yaml.
func TestREADMEGalleyYAML(t *testing.T) {
	data, err := os.ReadFile("../../docs/galley-yaml.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	start := strings.Index(s, "```yaml\n")
	end := strings.Index(s[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("no yaml example")
	}
	example := s[start+8 : start+8+end]
	if _, err := project.Parse([]byte(example), "README.md"); err != nil {
		t.Errorf("the galley.yaml example of docs/galley-yaml.md: %v", err)
	}
}
