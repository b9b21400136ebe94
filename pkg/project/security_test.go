package project

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/galleypress/galley/pkg/publish"
)

// secret stands for what a CI machine must never print or publish: the
// environment's tokens.
const secret = "CI_TOKEN=s3cr3t-do-not-leak"

// outside makes a folder next to the project holding a file of secrets,
// and returns the file's path.
func outside(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "environ")
	if err := os.WriteFile(path, []byte(secret+"\x00HOME=/root\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func buildErrs(rep *Report) string {
	var b strings.Builder
	for _, d := range rep.Documents {
		if d.Err != nil {
			b.WriteString(d.Err.Error() + "\n")
		}
	}
	return b.String()
}

// TestConfinedPaths checks that galley.yaml cannot name files outside
// its folder, directly or through symbolic links, unless AllowOutside
// says so; and that no error quotes a file's content.
func TestConfinedPaths(t *testing.T) {
	secrets := outside(t)
	for name, doc := range map[string]string{
		"input":       "  - input: " + secrets + "\n    from: text\n    outputs: [out/a.txt]\n",
		"output up":   "  - input: a.md\n    outputs: [../escaped.html]\n",
		"output abs":  "  - input: a.md\n    outputs: [" + filepath.Join(filepath.Dir(secrets), "abs.html") + "]\n",
		"stylesheet":  "  - input: a.md\n    html: {css: " + secrets + "}\n    outputs: [out/a.html]\n",
		"hyphenation": "  - input: a.md\n    pdf: {hyphenation: " + secrets + "}\n    outputs: [out/a.pdf]\n",
		"font":        "  - input: a.md\n    pdf: {fonts: {regular: " + secrets + "}}\n    outputs: [out/a.pdf]\n",
		"linked in":   "  - input: link.md\n    outputs: [out/a.html]\n",
		"linked out":  "  - input: a.md\n    outputs: [linkdir/a.html]\n",
	} {
		t.Run(name, func(t *testing.T) {
			p := project(t, map[string]string{ConfigFile: "documents:\n" + doc, "a.md": "# A\n\nText.\n"})
			os.Symlink(secrets, filepath.Join(p.Dir, "link.md"))
			os.Symlink(filepath.Dir(secrets), filepath.Join(p.Dir, "linkdir"))
			rep := Build(context.Background(), p, &BuildOptions{Jobs: 1})
			errs := buildErrs(rep)
			if !strings.Contains(errs, "outside the project folder") || !strings.Contains(errs, "--allow-outside") {
				t.Errorf("error %q", errs)
			}
			if strings.Contains(errs, "s3cr3t") {
				t.Errorf("the error quotes the secret: %q", errs)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(secrets), "abs.html")); err == nil {
				t.Error("an output outside the project was written")
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(p.Dir), "escaped.html")); err == nil {
				t.Error("an output outside the project was written")
			}
			// Allowed, the files are read; errors still never quote them.
			rep = Build(context.Background(), p, &BuildOptions{Jobs: 1, AllowOutside: true})
			if errs := buildErrs(rep); strings.Contains(errs, "s3cr3t") {
				t.Errorf("allowed: the error quotes the secret: %q", errs)
			}
			os.Remove(filepath.Join(filepath.Dir(secrets), "abs.html"))
			os.Remove(filepath.Join(filepath.Dir(p.Dir), "escaped.html"))
		})
	}
}

// TestSymlinkedImages checks that an image that is a symbolic link to a
// file outside the input's folder never reaches an output.
func TestSymlinkedImages(t *testing.T) {
	secrets := outside(t)
	p := project(t, map[string]string{
		ConfigFile: "documents:\n  - input: a.md\n    outputs: [out/a.epub, out/a.pdf, out/a.html]\n",
		"a.md":     "# A\n\n![Logo](logo.svg)\n\n![Photo](photo.png)\n",
	})
	os.Symlink(secrets, filepath.Join(p.Dir, "logo.svg"))
	os.Symlink(secrets, filepath.Join(p.Dir, "photo.png"))
	var warnings []string
	opts := &BuildOptions{Jobs: 1}
	opts.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	rep := Build(context.Background(), p, opts)
	if rep.Failed() {
		t.Fatal(buildErrs(rep))
	}
	for _, out := range []string{"a.epub", "a.pdf", "a.html"} {
		data, _ := os.ReadFile(filepath.Join(p.Dir, "out", out))
		if bytes.Contains(data, []byte("s3cr3t")) || zipHolds(data, "s3cr3t") {
			t.Errorf("%s holds the secret", out)
		}
	}
	if w := strings.Join(warnings, "\n"); !strings.Contains(w, `image "logo.svg"`) || strings.Contains(w, "s3cr3t") {
		t.Errorf("warnings: %s", w)
	}
}

// zipHolds reports whether any entry of a zip file holds s.
func zipHolds(data []byte, s string) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// TestDeviceOutput checks that an output that is a device is written
// to, never replaced by a file, and never read.
func TestDeviceOutput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nText.\n"), 0o644)
	job := &publish.Job{Inputs: []string{"a.md"}, Outputs: []publish.Output{{Path: os.DevNull, Format: "html"}}}
	if _, err := publish.Convert(context.Background(), job, &publish.Env{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("%s was replaced: %v", os.DevNull, st.Mode())
	}
	// --check does not read a device; it says it cannot compare it.
	if _, err := publish.Convert(context.Background(), job, &publish.Env{Dir: dir, Check: true}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("check of a device: %v", err)
	}
	// An output that is a symbolic link, to a device or a file, in a
	// project is never written through.
	p := project(t, map[string]string{ConfigFile: "documents:\n  - input: a.md\n    outputs: [out.html, out.txt]\n", "a.md": "# A\n"})
	os.Symlink("/dev/zero", filepath.Join(p.Dir, "out.html"))
	target := filepath.Join(t.TempDir(), "bashrc")
	os.WriteFile(target, []byte("# mine\n"), 0o644)
	os.Symlink(target, filepath.Join(p.Dir, "out.txt"))
	for _, check := range []bool{false, true} {
		opts := &BuildOptions{}
		opts.Check = check
		if errs := buildErrs(Build(context.Background(), p, opts)); !strings.Contains(errs, "symbolic link; galley writes no output through a link") {
			t.Errorf("check=%v: %q", check, errs)
		}
	}
	if data, _ := os.ReadFile(target); string(data) != "# mine\n" {
		t.Errorf("the link's target was written: %q", data)
	}
}

// TestEndlessInput checks that an input that never ends (a link to
// /dev/zero) is refused, and that a large one stops at the size limit
// with an error naming the option.
func TestEndlessInput(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.md"))
	job := &publish.Job{Inputs: []string{"zero.md"}, Outputs: []publish.Output{{Path: "out.html"}}}
	_, err := publish.Convert(context.Background(), job, &publish.Env{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "leads, through a symbolic link, outside the project folder") {
		t.Errorf("error %v", err)
	}
	// With the whole file system as the project, a device is refused.
	_, err = publish.Convert(context.Background(), job, &publish.Env{Dir: dir, Root: "/"})
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("root /: error %v", err)
	}
	os.WriteFile(filepath.Join(dir, "big.md"), bytes.Repeat([]byte("word "), 300_000), 0o644)
	job.Inputs = []string{"big.md"}
	_, err = publish.Convert(context.Background(), job, &publish.Env{Dir: dir, Limits: publish.Limits{InputSize: 1 << 20}})
	if err == nil || !strings.Contains(err.Error(), "input big.md is larger than 1 MB, the input size limit; raise it with --max-input-size") {
		t.Errorf("large: error %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.html")); err == nil {
		t.Error("an output was written")
	}
}

// TestBadImageKeepsBuild checks a damaged image costs one warning, not
// the document, and never the other documents of the build.
func TestBadImageKeepsBuild(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 64, 64)))
	truncated := buf.Bytes()[:buf.Len()/2]
	files := map[string]string{"bad.png": string(truncated)}
	var cfg strings.Builder
	cfg.WriteString("documents:\n")
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		files[n+".md"] = "---\nlang: en\n---\n# " + n + "\n\n![Broken](bad.png)\n"
		cfg.WriteString("  - input: " + n + ".md\n    outputs: [out/" + n + ".pdf, out/" + n + ".epub]\n")
	}
	files[ConfigFile] = cfg.String()
	p := project(t, files)
	var warnings []string
	opts := &BuildOptions{}
	opts.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	rep := Build(context.Background(), p, opts)
	if rep.Failed() || rep.Count(publish.Written) != 10 {
		t.Fatalf("%d written: %s", rep.Count(publish.Written), buildErrs(rep))
	}
	if len(warnings) != 10 || !strings.Contains(warnings[0], `image "bad.png": damaged png image`) {
		t.Errorf("warnings: %q", warnings)
	}
	opts.Strict = true
	if errs := buildErrs(Build(context.Background(), p, opts)); strings.Count(errs, "damaged png") != 5 {
		t.Errorf("strict: %q", errs)
	}
}

// TestDuplicateOutputs checks two documents cannot write one file.
func TestDuplicateOutputs(t *testing.T) {
	_, err := Parse([]byte("documents:\n  - input: a.md\n    outputs: [out/x.html]\n  - input: b.md\n    outputs: [out/../out/x.html]\n"), "g.yaml")
	if err == nil || err.Error() != "g.yaml:4: output out/../out/x.html is also written by the document at line 2; give each document its own outputs" {
		t.Errorf("error %v", err)
	}
}

// TestYAMLAliasBomb checks a galley.yaml whose aliases expand to
// gigabytes is refused with its line.
func TestYAMLAliasBomb(t *testing.T) {
	src := "x: &s " + strings.Repeat("y", 1<<20) + "\ndocuments:\n  - input: a.md\n    meta:\n      keywords: [" + strings.Repeat("*s, ", 5000) + "*s]\n    outputs: [a.html]\n"
	_, err := Parse([]byte(src), "g.yaml")
	if err == nil || !strings.Contains(err.Error(), "g.yaml:5: aliases expand this YAML") {
		t.Errorf("error %v", err)
	}
}

// TestInterruptedBuilds checks a build cancelled midway leaves no partial
// output and no temporary file, and that a temporary file a killed run
// left behind is removed by the next build.
func TestInterruptedBuilds(t *testing.T) {
	files := map[string]string{}
	var cfg strings.Builder
	cfg.WriteString("documents:\n")
	for i := 0; i < 8; i++ {
		name := fmt.Sprintf("d%d", i)
		files[name+".md"] = "# " + name + "\n\n" + strings.Repeat("Words of a long document. ", 3000) + "\n"
		fmt.Fprintf(&cfg, "  - input: %s.md\n    outputs: [out/%[1]s.pdf, out/%[1]s.html]\n", name)
	}
	files[ConfigFile] = cfg.String()
	p := project(t, files)
	os.MkdirAll(filepath.Join(p.Dir, "out"), 0o755)
	// A killed run's leftover.
	stale := filepath.Join(p.Dir, "out", ".d0.pdf.tmp-123456")
	os.WriteFile(stale, []byte("half a PDF"), 0o644)
	past := time.Now().Add(-time.Minute)
	os.Chtimes(stale, past, past)
	ctx, cancel := context.WithCancel(context.Background())
	started := 0
	opts := &BuildOptions{Jobs: 8}
	opts.Progress = func(pr Progress) {
		if started++; started == 3 {
			cancel()
		}
	}
	Build(ctx, p, opts)
	entries, _ := os.ReadDir(filepath.Join(p.Dir, "out"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") && e.Name() != filepath.Base(stale) {
			t.Errorf("temporary file %s left by the cancelled build", e.Name())
		}
		if strings.HasSuffix(e.Name(), ".pdf") {
			data, _ := os.ReadFile(filepath.Join(p.Dir, "out", e.Name()))
			if !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
				t.Errorf("%s is a partial PDF", e.Name())
			}
		}
	}
	// The next build completes and removes the leftover.
	if rep := Build(context.Background(), p, &BuildOptions{Jobs: 2}); rep.Failed() {
		t.Fatal(buildErrs(rep))
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the temporary file a killed run left is still there")
	}
}

// TestOutputsProtectWhatIsRead checks that no output is written over a
// file the document is made from, whatever names it: an mdBook chapter,
// its SUMMARY.md, an included file, a stylesheet, an image; and that two
// outputs (or documents) writing one file through a folder link are
// refused.
func TestOutputsProtectWhatIsRead(t *testing.T) {
	logo, _ := os.ReadFile("../../fixtures/images/galley.png")
	files := map[string]string{
		"book/book.toml":      "[book]\ntitle = \"B\"\n",
		"book/src/SUMMARY.md": "# Summary\n\n- [One](one.md)\n",
		"book/src/one.md":     "# One\n\n{{#include inc.txt}}\n\n![Logo](logo.png)\n",
		"book/src/inc.txt":    "Included.\n",
		"book/src/logo.png":   string(logo),
		"style.css":           "body { color: black }\n",
		ConfigFile:            "documents:\n  - input: book/book.toml\n    outputs: [out.txt]\n",
	}
	for _, c := range []struct {
		output, format string
		css            bool
	}{
		{"book/src/one.md", "text", false},
		{"book/src/SUMMARY.md", "text", false},
		{"book/src/inc.txt", "text", false},
		{"book/src/logo.png", "text", false},
		{"style.css", "html", true},
	} {
		p := project(t, files)
		job := &publish.Job{Inputs: []string{"book/book.toml"}, Options: publish.Settings{}, Outputs: []publish.Output{{Path: c.output, Format: c.format}}}
		if c.css {
			job.Options.Set("html", "css", "style.css")
		}
		_, err := publish.Convert(context.Background(), job, &publish.Env{Dir: p.Dir, Root: p.Dir})
		if err == nil || !strings.Contains(err.Error(), "refusing to write over") {
			t.Errorf("-o %s: %v", c.output, err)
		}
		if data, _ := os.ReadFile(filepath.Join(p.Dir, c.output)); string(data) != files[c.output] {
			t.Errorf("-o %s: the file was written over", c.output)
		}
	}
	// One file, two names.
	p := project(t, map[string]string{
		ConfigFile: "documents:\n  - input: a.md\n    outputs: [out/x.html]\n  - input: b.md\n    outputs: [out2/x.html]\n",
		"a.md":     "# A\n", "b.md": "# B\n",
	})
	os.Mkdir(filepath.Join(p.Dir, "out"), 0o755)
	os.Symlink("out", filepath.Join(p.Dir, "out2"))
	if errs := buildErrs(Build(context.Background(), p, &BuildOptions{})); !strings.Contains(errs, "output out2/x.html is the file the document at line 2 writes") {
		t.Errorf("two documents, one file: %q", errs)
	}
	job := &publish.Job{Inputs: []string{"a.md"}, Outputs: []publish.Output{{Path: "out/y.html"}, {Path: "out2/y.html"}}}
	if _, err := publish.Convert(context.Background(), job, &publish.Env{Dir: p.Dir}); err == nil || !strings.Contains(err.Error(), "are the same file") {
		t.Errorf("two outputs, one file: %v", err)
	}
}

// TestConcurrentBuilds runs two builds of one project at once, many
// times: neither removes the other's temporary files, and both succeed
// with the same outputs.
func TestConcurrentBuilds(t *testing.T) {
	files := map[string]string{}
	var cfg strings.Builder
	cfg.WriteString("documents:\n")
	for i := 0; i < 6; i++ {
		name := fmt.Sprintf("d%d", i)
		files[name+".md"] = "# " + name + "\n\n" + strings.Repeat("Words of a document. ", 400) + "\n"
		fmt.Fprintf(&cfg, "  - input: %s.md\n    outputs: [out/%[1]s.pdf, out/%[1]s.html]\n", name)
	}
	files[ConfigFile] = cfg.String()
	p := project(t, files)
	for round := 0; round < 5; round++ {
		os.RemoveAll(filepath.Join(p.Dir, "out"))
		errs := make(chan string, 2)
		for range 2 {
			go func() { errs <- buildErrs(Build(context.Background(), p, &BuildOptions{Jobs: 2})) }()
		}
		for range 2 {
			if e := <-errs; e != "" {
				t.Fatalf("round %d: %s", round, e)
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Join(p.Dir, "out"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left", e.Name())
		}
	}
}
