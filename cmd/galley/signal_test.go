//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignals checks that an interrupt or a SIGTERM stops a long
// conversion at once: the process ends (never ignoring the signal), and
// no output is left in part (one finished before the signal is whole).
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a long document")
	}
	dir := t.TempDir()
	var md bytes.Buffer
	for i := range 400 {
		md.WriteString("# Chapter " + strings.Repeat("x", i%7+1) + "\n\n")
		for range 40 {
			md.WriteString("Publishing teams keep their sources and their generated files in git and let CI regenerate them on every commit. ")
		}
		md.WriteString("\n\n")
	}
	os.WriteFile(filepath.Join(dir, "long.md"), md.Bytes(), 0o644)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(os.Args[0], "convert", "long.md", "-o", "long.pdf", "-o", "long.epub")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GALLEY_TEST_MAIN=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		sent := time.Now()
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%v: the conversion finished anyway; make the document longer", sig)
			}
			if took := time.Since(sent); took > grace+time.Second {
				t.Errorf("%v: the process took %v to stop", sig, took)
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: the signal was ignored", sig)
		}
		if _, err := os.Stat(filepath.Join(dir, "long.pdf")); err == nil {
			t.Errorf("%v: the PDF was finished: make the document longer", sig)
		}
		if data, err := os.ReadFile(filepath.Join(dir, "long.epub")); err == nil {
			if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
				t.Errorf("%v: a partial EPUB was left: %v", sig, err)
			}
		}
		os.Remove(filepath.Join(dir, "long.epub"))
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				os.Remove(filepath.Join(dir, e.Name())) // a killed run's; the next run removes it
			}
		}
		t.Logf("%v: %s", sig, strings.TrimSpace(stderr.String()))
	}
}
