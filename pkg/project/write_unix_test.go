//go:build unix

package project

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestTempOfRunningBuild checks that a build removes the temporary file
// a killed run left next to an output, but not one that a build still
// running (another process, holding its lock) is writing.
func TestTempOfRunningBuild(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile: "documents:\n  - input: a.md\n    outputs: [out/a.html]\n",
		"a.md":     "# A\n",
	})
	os.MkdirAll(filepath.Join(p.Dir, "out"), 0o755)
	busy := filepath.Join(p.Dir, "out", ".a.html.tmp-running")
	left := filepath.Join(p.Dir, "out", ".a.html.tmp-killed")
	os.WriteFile(busy, []byte("being written"), 0o644)
	os.WriteFile(left, []byte("half"), 0o644)
	past := time.Now().Add(-time.Minute)
	os.Chtimes(busy, past, past)
	os.Chtimes(left, past, past)
	f, err := os.Open(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Skip("no flock here:", err)
	}
	if rep := Build(context.Background(), p, &BuildOptions{}); rep.Failed() {
		t.Fatal(buildErrs(rep))
	}
	if _, err := os.Stat(busy); err != nil {
		t.Error("the temporary file of a running build was removed")
	}
	if _, err := os.Stat(left); err == nil {
		t.Error("the temporary file of a killed run is still there")
	}
}
