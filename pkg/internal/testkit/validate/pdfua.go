package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// PDFUAReport is what the independent PDF/UA-1 checker found in a file.
type PDFUAReport struct {
	// Failures are its FAIL messages, "checkpoint: message", in
	// checkpoint order; advisory checks are left out.
	Failures []string
	// Info holds what it reports besides (reading order against a
	// source, structure types, …).
	Info map[string]any
}

// pdfuaScript returns the path of pdfua_check.py: $GALLEY_PDFUA_CHECK,
// else the one the workspace keeps beside the project
// (../shared/tools/pdfua_check.py from the module's folder).
func pdfuaScript() string {
	if p := os.Getenv("GALLEY_PDFUA_CHECK"); p != "" {
		return p
	}
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..", "..", "..")
	return filepath.Join(root, "..", "shared", "tools", "pdfua_check.py")
}

// PDFUA runs the independent PDF/UA-1 checker (pdfua_check.py, written
// with pikepdf from the Matterhorn Protocol's machine-checkable
// conditions) on the PDF file path; source, if not empty, is the plain
// text the structure's reading order is compared with. A missing pikepdf
// skips t, or fails it when validators are required; a workspace without
// the script skips it (the script is not a package CI can install).
func PDFUA(t testing.TB, path, source string) PDFUAReport {
	t.Helper()
	script := pdfuaScript()
	if _, err := os.Stat(script); err != nil {
		t.Skipf("the PDF/UA checker %s is not here (set GALLEY_PDFUA_CHECK); skipping", script)
	}
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = "python3"
	}
	if err := exec.Command(py, "-c", "import pikepdf, fontTools").Run(); err != nil {
		missing(t, "pikepdf and fontTools for Python", "apt-get install python3-pikepdf python3-fonttools")
	}
	out := filepath.Join(t.TempDir(), "pdfua.json")
	args := []string{script, path, "--json", out, "-q"}
	if source != "" {
		src := filepath.Join(t.TempDir(), "source.txt")
		if err := os.WriteFile(src, []byte(source), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--source", src)
	}
	cmd := exec.Command(py, args...)
	msg, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
		t.Fatalf("pdfua_check.py %s: %v\n%s", path, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("pdfua_check.py %s wrote no report: %v\n%s", path, err, msg)
	}
	var raw struct {
		Failed   map[string]int      `json:"failed"`
		Advisory []string            `json:"advisory"`
		Messages map[string][]string `json:"messages"`
		Info     map[string]any      `json:"info"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("pdfua_check.py report: %v", err)
	}
	advisory := map[string]bool{}
	for _, a := range raw.Advisory {
		advisory[a] = true
	}
	var checks []string
	for c, n := range raw.Failed {
		if n > 0 && !advisory[c] {
			checks = append(checks, c)
		}
	}
	sort.Strings(checks)
	r := PDFUAReport{Info: raw.Info}
	for _, c := range checks {
		msgs := raw.Messages[c]
		if len(msgs) == 0 {
			msgs = []string{fmt.Sprintf("%d failures", raw.Failed[c])}
		}
		for _, m := range msgs {
			r.Failures = append(r.Failures, c+": "+strings.TrimSpace(m))
		}
	}
	return r
}
