package project

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/galleypress/galley/pkg/publish"
)

// project writes files into a temporary folder and loads its galley.yaml.
func project(t testing.TB, files map[string]string) *Project {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Load(filepath.Join(dir, ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const twoDocs = `documents:
  - input: a.md
    meta: {date: 2023-05-01}
    outputs: [out/a.html, out/a.epub, out/a.pdf, out/a.txt]
  - input: b.txt
    outputs: [out/b.epub, out/b.pdf]
`

var twoFiles = map[string]string{
	ConfigFile: twoDocs,
	"a.md":     "# Alpha\n\nThe first document, with a note.[^1]\n\n[^1]: A note.\n",
	"b.txt":    "BRAVO\n\nThe second document is plain text, wrapped at the usual width of\nseventy-two columns, as licences are.\n",
}

// buildQuietly builds p, failing the test on an error or a warning, and
// returns its out folder.
func buildQuietly(t *testing.T, p *Project) string {
	t.Helper()
	var warnings []string
	opts := &BuildOptions{}
	opts.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	if rep := Build(context.Background(), p, opts); rep.Failed() {
		t.Fatal(buildErrs(rep))
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	return filepath.Join(p.Dir, "out")
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

// TestReproducibleBuilds builds the same project in two places, as two
// machines on two days would, and compares every byte. Nothing may
// carry today's date.
func TestReproducibleBuilds(t *testing.T) {
	var outs []map[string][]byte
	for i := 0; i < 2; i++ {
		p := project(t, twoFiles)
		rep := Build(context.Background(), p, &BuildOptions{Jobs: 1 + i})
		if rep.Failed() {
			t.Fatalf("build failed: %+v", rep.Documents)
		}
		outs = append(outs, readAll(t, filepath.Join(p.Dir, "out")))
	}
	if len(outs[0]) != 6 {
		t.Fatalf("%d outputs, want 6", len(outs[0]))
	}
	today := []string{time.Now().UTC().Format("2006-01-02"), time.Now().UTC().Format("20060102")}
	for name, data := range outs[0] {
		if !bytes.Equal(data, outs[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
		for _, d := range today {
			if bytes.Contains(data, []byte(d)) {
				t.Errorf("%s holds today's date %s", name, d)
			}
		}
	}
	if !bytes.Contains(outs[0]["a.pdf"], []byte("/CreationDate (D:20230501")) {
		t.Error("a.pdf does not carry its document's date")
	}
	// SOURCE_DATE_EPOCH decides the date when it is given.
	p := project(t, twoFiles)
	epoch, _ := publish.SourceDateEpoch("1700000000")
	Build(context.Background(), p, &BuildOptions{Env: publish.Env{Modified: epoch}})
	pdf, _ := os.ReadFile(filepath.Join(p.Dir, "out", "b.pdf"))
	if !bytes.Contains(pdf, []byte("/CreationDate (D:20231114221320")) {
		t.Error("SOURCE_DATE_EPOCH did not set the PDF's date")
	}
}

// TestUnchangedNotRewritten checks a second build leaves files alone,
// modification times included.
func TestUnchangedNotRewritten(t *testing.T) {
	p := project(t, twoFiles)
	Build(context.Background(), p, nil)
	out := filepath.Join(p.Dir, "out", "a.html")
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(out, old, old); err != nil {
		t.Fatal(err)
	}
	rep := Build(context.Background(), p, nil)
	if rep.Count(publish.Unchanged) != 6 || rep.Count(publish.Written) != 0 {
		t.Errorf("second build: %d unchanged, %d written", rep.Count(publish.Unchanged), rep.Count(publish.Written))
	}
	if st, _ := os.Stat(out); !st.ModTime().Equal(old) {
		t.Errorf("an unchanged output was touched: %v", st.ModTime())
	}
}

// TestFailingDocument checks one failing document does not stop the
// others.
func TestFailingDocument(t *testing.T) {
	files := map[string]string{
		ConfigFile: "documents:\n  - input: gone.md\n    outputs: [out/gone.html]\n  - input: a.md\n    outputs: [out/a.html]\n",
		"a.md":     "# A\n",
	}
	p := project(t, files)
	rep := Build(context.Background(), p, nil)
	if rep.Documents[0].Err == nil || rep.Documents[1].Err != nil {
		t.Fatalf("errors: %v, %v", rep.Documents[0].Err, rep.Documents[1].Err)
	}
	if _, err := os.Stat(filepath.Join(p.Dir, "out", "a.html")); err != nil {
		t.Error("the good document was not built")
	}
	if !rep.Failed() {
		t.Error("the report does not say it failed")
	}
}

// TestCancel checks a cancelled build starts nothing and says why.
func TestCancel(t *testing.T) {
	p := project(t, twoFiles)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep := Build(ctx, p, nil)
	for _, d := range rep.Documents {
		if !errors.Is(d.Err, context.Canceled) {
			t.Errorf("document error %v, want context.Canceled", d.Err)
		}
	}
	if _, err := os.Stat(filepath.Join(p.Dir, "out")); err == nil {
		t.Error("a cancelled build wrote outputs")
	}
}

// TestWatch edits an input while Watch runs and waits for the rebuild of
// that document alone.
func TestWatch(t *testing.T) {
	p := project(t, twoFiles)
	wait, stop := watching(t, p, BuildOptions{})
	if r := wait(); len(r.Documents) != 2 {
		t.Fatalf("first build has %d documents", len(r.Documents))
	}
	// Two quick writes make one rebuild, of a.md only.
	a := filepath.Join(p.Dir, "a.md")
	os.WriteFile(a, []byte("# Alpha\n\nEdited once.\n"), 0o644)
	os.WriteFile(a, []byte("# Alpha\n\nEdited twice, at greater length.\n"), 0o644)
	r := wait()
	if len(r.Documents) != 1 || r.Documents[0].Job.Inputs[0] != "a.md" {
		t.Fatalf("rebuilt %d documents", len(r.Documents))
	}
	html, _ := os.ReadFile(filepath.Join(p.Dir, "out", "a.html"))
	if !strings.Contains(string(html), "Edited twice") {
		t.Error("the rebuild did not pick up the edit")
	}
	if extra := stop(); extra != nil {
		t.Errorf("an extra build: %d documents", len(extra.Documents))
	}
}

// watching starts Watch on p's galley.yaml. wait returns the report of
// the next build; stop ends the watch and returns a build reported
// after the last wait, if any.
func watching(t *testing.T, p *Project, opts BuildOptions) (wait func() *Report, stop func() *Report) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reports := make(chan *Report, 10)
	done := make(chan error, 1)
	go func() {
		done <- Watch(ctx, filepath.Join(p.Dir, ConfigFile), &WatchOptions{
			BuildOptions: opts,
			Interval:     20 * time.Millisecond, Quiet: 50 * time.Millisecond,
			Built: func(r *Report, err error) {
				if err != nil {
					t.Error(err)
				}
				reports <- r
			},
		})
	}()
	wait = func() *Report {
		select {
		case r := <-reports:
			return r
		case <-time.After(20 * time.Second):
			t.Fatal("no build")
		}
		return nil
	}
	stop = func() *Report {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		select {
		case r := <-reports:
			return r
		default:
			return nil
		}
	}
	t.Cleanup(cancel)
	return wait, stop
}

// BenchmarkBuild builds 200 small documents to HTML, EPUB, PDF and text,
// one at a time and with the default parallelism, and reports documents
// per second.
func BenchmarkBuild(b *testing.B) {
	files := map[string]string{}
	var cfg strings.Builder
	cfg.WriteString("documents:\n")
	for i := 0; i < 200; i++ {
		name := fmt.Sprintf("doc%03d", i)
		files[name+".md"] = fmt.Sprintf("---\ntitle: Document %d\nlang: en\n---\n\n# Part one\n\n%s\n\n## Part two\n\n%s\n", i,
			strings.Repeat("Publishing teams keep their sources and their generated files in git and let CI regenerate them. ", 6),
			strings.Repeat("A build that changes nothing rewrites nothing, so make-style tools see no change. ", 5))
		fmt.Fprintf(&cfg, "  - input: %s.md\n    outputs: [out/%[1]s.html, out/%[1]s.epub, out/%[1]s.pdf, out/%[1]s.txt]\n", name)
	}
	files[ConfigFile] = cfg.String()
	p := project(b, files)
	for _, jobs := range []int{1, 0} {
		name := "jobs=default"
		if jobs == 1 {
			name = "jobs=1"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				os.RemoveAll(filepath.Join(p.Dir, "out"))
				rep := Build(context.Background(), p, &BuildOptions{Jobs: jobs})
				if rep.Failed() {
					b.Fatal("build failed")
				}
			}
			b.ReportMetric(float64(len(p.Jobs)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
	// Four shards one after the other, as four CI machines would.
	b.Run("shards=4", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			os.RemoveAll(filepath.Join(p.Dir, "out"))
			for k := 1; k <= 4; k++ {
				if rep := Build(context.Background(), p, &BuildOptions{Shard: Shard{K: k, N: 4}}); rep.Failed() {
					b.Fatal("build failed")
				}
			}
		}
		b.ReportMetric(float64(len(p.Jobs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	})
}

// TestShards builds a project whole and in four shards, one after the
// other: every document lands in exactly one shard, the shards' outputs
// are the whole build's byte for byte, and adding a document moves no
// other to another shard.
func TestShards(t *testing.T) {
	files := map[string]string{}
	var cfg strings.Builder
	cfg.WriteString("documents:\n")
	for i := 0; i < 12; i++ {
		name := fmt.Sprintf("d%02d", i)
		files[name+".md"] = fmt.Sprintf("# Document %d\n\nText of document %d.\n", i, i)
		fmt.Fprintf(&cfg, "  - input: %s.md\n    outputs: [out/%[1]s.html, out/%[1]s.epub, out/%[1]s.pdf, out/%[1]s.txt]\n", name)
	}
	files[ConfigFile] = cfg.String()
	p := project(t, files)
	if rep := Build(context.Background(), p, &BuildOptions{Jobs: 1}); rep.Failed() {
		t.Fatal(buildErrs(rep))
	}
	whole := readAll(t, filepath.Join(p.Dir, "out"))
	os.RemoveAll(filepath.Join(p.Dir, "out"))
	seen := map[string]int{}
	for k := 1; k <= 4; k++ {
		rep := Build(context.Background(), p, &BuildOptions{Shard: Shard{K: k, N: 4}})
		if rep.Failed() {
			t.Fatal(buildErrs(rep))
		}
		for _, d := range rep.Documents {
			seen[d.Job.Inputs[0]]++
		}
	}
	if len(seen) != 12 {
		t.Errorf("%d documents built over the shards, want 12", len(seen))
	}
	for in, n := range seen {
		if n != 1 {
			t.Errorf("%s built %d times", in, n)
		}
	}
	sharded := readAll(t, filepath.Join(p.Dir, "out"))
	if len(sharded) != len(whole) {
		t.Errorf("%d outputs from the shards, %d from the whole build", len(sharded), len(whole))
	}
	for name, data := range whole {
		if !bytes.Equal(sharded[name], data) {
			t.Errorf("%s differs between the whole build and the shards", name)
		}
	}
	before := map[string]int{}
	for _, j := range p.Jobs {
		before[j.Inputs[0]] = ShardOf(j, 4)
	}
	more := &publish.Job{Inputs: []string{"new.md"}}
	p.Jobs = append(p.Jobs, more)
	for _, j := range p.Jobs[:12] {
		if ShardOf(j, 4) != before[j.Inputs[0]] {
			t.Errorf("adding a document moved %s", j.Inputs[0])
		}
	}
	if _, err := ParseShard("5/4"); err == nil {
		t.Error("5/4 accepted")
	}
}

// TestJoinedInputs checks several Markdown files become one book, in
// order, with the first file's metadata.
func TestJoinedInputs(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile: "documents:\n  - inputs: [one.md, two.md]\n    outputs: [out/book.json]\n",
		"one.md":   "---\ntitle: The Book\n---\n\n# Chapter one\n\nFirst.\n",
		"two.md":   "---\ntitle: Ignored\nsubtitle: Kept\n---\n\nA stray paragraph.\n\n# Chapter two\n\nSecond.\n",
	})
	d, err := publish.Read(context.Background(), p.Jobs[0], &publish.Env{Dir: p.Dir})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "The Book" || d.Meta.Subtitle != "Kept" {
		t.Errorf("meta: %+v", d.Meta)
	}
	if len(d.Sections) != 2 || d.Sections[0].HeadingText() != "Chapter one" || d.Sections[1].HeadingText() != "Chapter two" {
		t.Fatalf("sections: %d", len(d.Sections))
	}
	// The second file's text before its first heading ends chapter one.
	if len(d.Sections[0].Blocks) != 2 {
		t.Errorf("chapter one has %d blocks, want 2", len(d.Sections[0].Blocks))
	}
}

// TestWatchIncludes checks that --watch rebuilds a book when a file it
// includes changes, though galley.yaml never names that file.
func TestWatchIncludes(t *testing.T) {
	p := project(t, map[string]string{
		ConfigFile:             "documents:\n  - input: book/book.toml\n    outputs: [out/book.txt]\n  - input: a.md\n    outputs: [out/a.txt]\n",
		"book/book.toml":       "[book]\ntitle = \"B\"\n",
		"book/src/SUMMARY.md":  "# Summary\n\n- [One](one.md)\n",
		"book/src/one.md":      "# One\n\n{{#include ../listings/inc.md}}\n",
		"book/listings/inc.md": "First words.\n",
		"a.md":                 "# A\n",
	})
	wait, stop := watching(t, p, BuildOptions{Jobs: 1})
	if r := wait(); len(r.Documents) != 2 || r.Failed() {
		t.Fatalf("first build: %d documents, %s", len(r.Documents), buildErrs(r))
	}
	// Of another size: a poll cannot tell a write of the same size in
	// the same tick of a coarse file clock.
	os.WriteFile(filepath.Join(p.Dir, "book", "listings", "inc.md"), []byte("Other words, and more.\n"), 0o644)
	r := wait()
	if len(r.Documents) != 1 || r.Documents[0].Job.Inputs[0] != "book/book.toml" {
		t.Fatalf("rebuilt %d documents", len(r.Documents))
	}
	txt, _ := os.ReadFile(filepath.Join(p.Dir, "out", "book.txt"))
	if !strings.Contains(string(txt), "Other words") {
		t.Errorf("the rebuild did not pick up the included file:\n%s", txt)
	}
	stop()
}
