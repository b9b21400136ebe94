// Package validate finds and runs the external validators galley's tests
// use: the W3C Nu HTML checker (vnu.jar), EPUBCheck, poppler-utils and
// qpdf. A test that needs a missing validator is skipped, unless
// GALLEY_REQUIRE_VALIDATORS=1 is set (as CI sets it), in which case it
// fails.
package validate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// required reports whether missing validators fail tests.
func required() bool { return os.Getenv("GALLEY_REQUIRE_VALIDATORS") == "1" }

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

// VNU returns the path of vnu.jar: $GALLEY_VNU_JAR, or the npm package
// vnu-jar installed globally or under /tmp/vnu.
func VNU(t testing.TB) string {
	t.Helper()
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
