// Package validate finds and runs the external validators galley's tests
// use: the W3C Nu HTML checker (vnu.jar), EPUBCheck, poppler-utils and
// qpdf. A test that needs a missing validator is skipped, unless
// GALLEY_REQUIRE_VALIDATORS=1 is set (as CI sets it), in which case it
// fails. Under go test -short the slow ones (the Java validators, Ace and
// Chromium) are skipped whatever is installed: -short is the quick loop
// of development, the full run is CI's.
package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// required reports whether missing validators fail tests.
func required() bool { return os.Getenv("GALLEY_REQUIRE_VALIDATORS") == "1" }

// slow skips t under -short: a validator that takes seconds.
func slow(t testing.TB, what string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("%s skipped under -short", what)
	}
}

func missing(t testing.TB, what, how string) {
	t.Helper()
	if required() {
		t.Fatalf("%s is missing and GALLEY_REQUIRE_VALIDATORS=1: %s", what, how)
	}
	t.Skipf("%s is missing (%s); skipping", what, how)
}

// Java returns the path of java, or skips or fails t.
func Java(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java", "apt-get install default-jre-headless")
	}
	return p
}

// Tool returns the path of a command-line tool, or skips or fails t.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name, "apt-get install "+pkg)
	}
	return p
}

// File returns path if the file is there (a font a package installs),
// or skips or fails t.
func File(t testing.TB, path, pkg string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		missing(t, path, "apt-get install "+pkg)
	}
	return path
}

// VNU returns the path of vnu.jar: $GALLEY_VNU_JAR, or the npm package
// vnu-jar installed globally or under /tmp/vnu.
func VNU(t testing.TB) string {
	t.Helper()
	slow(t, "the Nu HTML checker")
	Java(t)
	var candidates []string
	if p := os.Getenv("GALLEY_VNU_JAR"); p != "" {
		candidates = append(candidates, p)
	}
	if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
		candidates = append(candidates, filepath.Join(strings.TrimSpace(string(out)), "vnu-jar/build/dist/vnu.jar"))
	}
	candidates = append(candidates, "/usr/local/lib/node_modules/vnu-jar/build/dist/vnu.jar", "/usr/lib/node_modules/vnu-jar/build/dist/vnu.jar")
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	missing(t, "vnu.jar", "npm install -g vnu-jar, or set GALLEY_VNU_JAR")
	return ""
}

// EPUBCheck returns the path of epubcheck.jar.
func EPUBCheck(t testing.TB) string {
	t.Helper()
	slow(t, "EPUBCheck")
	Java(t)
	for _, c := range []string{os.Getenv("GALLEY_EPUBCHECK_JAR"), "/usr/share/java/epubcheck.jar"} {
		if c == "" {
			continue
		}
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	missing(t, "epubcheck.jar", "apt-get install epubcheck, or set GALLEY_EPUBCHECK_JAR")
	return ""
}

// JVMFlags make a short-lived Java validator start faster.
var JVMFlags = []string{"-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"}

// Java runs a jar with args and JVMFlags, returning its output and
// whether it exited 0.
func JavaJar(jar string, args ...string) (string, bool) {
	return Run("java", append(append(append([]string{}, JVMFlags...), "-jar", jar), args...)...)
}

// Run runs a command and returns its combined output and whether it
// exited 0.
func Run(name string, args ...string) (string, bool) {
	var out bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err == nil
}

// Ace returns the command of Ace by DAISY (npm @daisy/ace-cli) and the
// environment it runs in (Debian's chromium for puppeteer), or skips or
// fails t.
func Ace(t testing.TB) (string, []string) {
	t.Helper()
	slow(t, "Ace by DAISY")
	p, err := exec.LookPath("ace-cli")
	if err != nil {
		p, err = exec.LookPath("ace")
	}
	if err != nil {
		missing(t, "Ace by DAISY", "PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace-cli@1.4.6")
	}
	browser := Chromium(t)
	return p, append(os.Environ(), "PUPPETEER_EXECUTABLE_PATH="+browser)
}

// Chromium returns the path of a Chromium browser, or skips or fails t.
func Chromium(t testing.TB) string {
	t.Helper()
	slow(t, "Chromium")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "chromium", "apt-get install chromium")
	return ""
}

// AceFindings runs Ace on an EPUB and returns its findings by impact
// ("critical", "serious", "moderate", "minor"), each as "impact rule
// (file)".
func AceFindings(t testing.TB, epub string) ([]string, error) {
	t.Helper()
	ace, env := Ace(t)
	out := filepath.Join(t.TempDir(), "ace")
	cmd := exec.Command(ace, "--silent", "-f", "-o", out, epub)
	cmd.Env = env
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("ace: %v: %s", err, msg)
	}
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		return nil, err
	}
	var report struct {
		Assertions []struct {
			Assertions []struct {
				Test struct {
					Impact string `json:"earl:impact"`
					Title  string `json:"dct:title"`
				} `json:"earl:test"`
			} `json:"assertions"`
		} `json:"assertions"`
	}
	if err := json.Unmarshal(data, &report); err != nil {
		return nil, err
	}
	var findings []string
	for _, a := range report.Assertions {
		for _, b := range a.Assertions {
			findings = append(findings, b.Test.Impact+" "+b.Test.Title)
		}
	}
	return findings, nil
}

// AxeFindings runs axe-core (npm axe-core) in headless Chromium on HTML
// pages, in the light and the dark colour scheme, and returns the
// violations of each page in each ("/path/page.html dark"), as "impact
// rule count". It drives the browser with the puppeteer-core that Ace
// brings.
func AxeFindings(t testing.TB, pages ...string) (map[string][]string, error) {
	t.Helper()
	browser := Chromium(t)
	node, err := exec.LookPath("node")
	if err != nil {
		missing(t, "node", "apt-get install nodejs")
	}
	root, err := exec.Command("npm", "root", "-g").Output()
	if err != nil {
		missing(t, "npm", "apt-get install npm")
	}
	global := strings.TrimSpace(string(root))
	if _, err := os.Stat(filepath.Join(global, "axe-core", "axe.min.js")); err != nil {
		missing(t, "axe-core", "npm install -g axe-core")
	}
	if _, err := os.Stat(filepath.Join(global, "@daisy", "ace-cli", "node_modules", "puppeteer-core")); err != nil {
		missing(t, "puppeteer-core (from Ace)", "PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace-cli@1.4.6")
	}
	_, self, _, _ := runtime.Caller(0)
	cmd := exec.Command(node, append([]string{filepath.Join(filepath.Dir(self), "axe.js"), browser}, pages...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+global+string(os.PathListSeparator)+filepath.Join(global, "@daisy", "ace-cli", "node_modules"))
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		return nil, fmt.Errorf("axe: %v: %s", err, stderr)
	}
	found := map[string][]string{}
	page := ""
	for _, l := range strings.Split(string(out), "\n") {
		if p, ok := strings.CutPrefix(l, "== "); ok {
			page = p
			found[page] = nil
			continue
		}
		if l != "" && page != "" {
			found[page] = append(found[page], l)
		}
	}
	return found, nil
}
