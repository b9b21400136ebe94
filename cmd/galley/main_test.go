package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// update is accepted so that "go test ./... -update" works here too; it
// rewrites the option tables of docs/cli.md.
var update = flag.Bool("update", false, "rewrite golden files (here: the option tables of docs/cli.md)")

func TestMain(m *testing.M) {
	if os.Getenv("GALLEY_TEST_MAIN") == "1" {
		main() // the real command, signals and all (TestSignals)
	}
	testscript.Main(m, map[string]func(){
		"galley": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. Each starts
// with the repository's fixtures in $WORK/fixtures.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// galley build's cache goes in the script's folder.
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			return copyDir("../../fixtures", filepath.Join(env.WorkDir, "fixtures"))
		},
	})
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
