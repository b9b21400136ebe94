package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/galleypress/galley/pkg/doc"
)

// An incremental build skips a document whose inputs, images, settings
// and galley binary hash to what they hashed to last time, when every
// output on disk still holds the bytes that build wrote. Reading a
// document takes milliseconds; rendering it is the cost saved.

// cache holds, per document, the key of its last build and the digests
// of the outputs it wrote. It lives outside the project (the user's cache
// folder), so nothing in git changes.
type cache struct {
	file    string
	mu      sync.Mutex
	entries map[string]cacheEntry
	dirty   bool
}

type cacheEntry struct {
	Key     string            `json:"key"`
	Outputs map[string]string `json:"outputs"` // path → sha256
}

// openCache reads the cache file; a missing or unreadable one is empty.
func openCache(file string) *cache {
	c := &cache{file: file, entries: map[string]cacheEntry{}}
	if data, err := os.ReadFile(file); err == nil {
		json.Unmarshal(data, &c.entries) //nolint:errcheck // a damaged cache is an empty one
		if c.entries == nil {
			c.entries = map[string]cacheEntry{}
		}
	}
	return c
}

// save writes the cache back, if it changed.
func (c *cache) save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty {
		return nil
	}
	data, err := json.MarshalIndent(c.entries, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		return err
	}
	tmp := c.file + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, c.file)
}

// DefaultCacheFile returns where galley build keeps the cache of the
// project whose configuration is file: in the user's cache folder, one
// file per project.
func DefaultCacheFile(config string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(config)
	if err != nil {
		return ""
	}
	h := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "galley", hex.EncodeToString(h[:8])+".json")
}

var (
	selfOnce   sync.Once
	selfDigest string
)

// self returns what identifies the running galley: a released
// module version, or a clean checkout's commit, as the build recorded
// them; else (a build from a changed tree, a test binary) a digest of the
// binary itself, so that any new build invalidates the cache.
func self() string {
	selfOnce.Do(func() {
		if bi, ok := debug.ReadBuildInfo(); ok {
			settings := map[string]string{}
			for _, s := range bi.Settings {
				settings[s.Key] = s.Value
			}
			switch {
			case bi.Main.Version != "" && bi.Main.Version != "(devel)" && !strings.Contains(bi.Main.Version, "+dirty"):
				selfDigest = bi.GoVersion + " " + bi.Main.Path + "@" + bi.Main.Version
				return
			case settings["vcs.revision"] != "" && settings["vcs.modified"] == "false":
				selfDigest = bi.GoVersion + " " + bi.Main.Path + "@" + settings["vcs.revision"]
				return
			}
		}
		selfDigest = "unknown"
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			selfDigest = hex.EncodeToString(h.Sum(nil))
		}
	})
	return selfDigest
}

// docKey names a document in the cache: its inputs and outputs.
func docKey(job *Job) string {
	var outs []string
	for _, o := range job.Outputs {
		outs = append(outs, o.Path+"|"+o.Format)
	}
	return strings.Join(job.Inputs, "\x00") + "\x01" + strings.Join(outs, "\x00")
}

// buildKey hashes what a document's outputs depend on: galley itself,
// the job's settings, the environment's, the inputs' bytes, every file
// an option names, and every local image the document shows.
func buildKey(job *Job, d *doc.Document, env *Env, resources fs.FS) string {
	h := sha256.New()
	fmt.Fprintf(h, "galley %s\n", self())
	settings := map[string]map[string][]string{}
	for scope, opts := range job.Options {
		settings[scope] = map[string][]string{}
		for k, v := range opts {
			settings[scope][k] = v.Values
		}
	}
	meta, _ := json.Marshal(job.Meta)
	opts, _ := json.Marshal(settings)
	limits, _ := json.Marshal(env.Limits)
	fmt.Fprintf(h, "from %q encoding %q meta %s options %s\n", job.From, job.Encoding, meta, opts)
	fmt.Fprintf(h, "modified %d strict %v limits %s root %q\n", env.Modified.Unix(), env.Strict, limits, env.Root)
	file := func(what, p string) {
		data, err := env.readFile(p, what)
		if err != nil {
			fmt.Fprintf(h, "%s %q: none\n", what, p)
			return
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(h, "%s %q: %x\n", what, p, sum)
	}
	for _, in := range job.Inputs {
		file("input", in)
	}
	// Files named by options (stylesheets, fonts, pattern files): any
	// value that names a file.
	var values []string
	for _, opts := range settings {
		for _, vs := range opts {
			for _, v := range vs {
				if _, after, ok := strings.Cut(v, "="); ok {
					values = append(values, after)
				}
				values = append(values, v)
			}
		}
	}
	sort.Strings(values)
	for _, v := range values {
		if st, err := os.Stat(env.path(v)); err == nil && st.Mode().IsRegular() {
			file("file", v)
		}
	}
	// Images, as the renderers find them.
	var srcs []string
	doc.Walk(d, func(n doc.Node) doc.Visit {
		switch n := n.(type) {
		case *doc.Image:
			srcs = append(srcs, n.Src)
		case *doc.Figure:
			srcs = append(srcs, n.Src)
		}
		return doc.Continue
	})
	if d.Meta.Cover != "" {
		srcs = append(srcs, d.Meta.Cover)
	}
	for _, src := range srcs {
		p := strings.TrimPrefix(filepath.ToSlash(filepath.Clean("/"+src)), "/")
		data, err := fs.ReadFile(resources, p)
		if err != nil {
			fmt.Fprintf(h, "image %q: none\n", src)
			continue
		}
		fmt.Fprintf(h, "image %q: %x\n", src, sha256.Sum256(data))
	}
	for _, o := range job.Outputs {
		fmt.Fprintf(h, "output %q %q\n", o.Path, o.Format)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fresh reports whether the outputs at paths are what the build with key
// wrote, so that rendering them again can be skipped.
func (c *cache) fresh(job *Job, key string, paths []string) bool {
	c.mu.Lock()
	e, ok := c.entries[docKey(job)]
	c.mu.Unlock()
	if !ok || e.Key != key || len(e.Outputs) != len(paths) {
		return false
	}
	for _, p := range paths {
		if p == "" {
			return false // standard output is always written
		}
		sum, err := fileDigest(p)
		if err != nil || sum != e.Outputs[p] {
			return false
		}
	}
	return true
}

// record notes the outputs a build with key wrote.
func (c *cache) record(job *Job, key string, paths []string) {
	e := cacheEntry{Key: key, Outputs: map[string]string{}}
	for _, p := range paths {
		sum, err := fileDigest(p)
		if err != nil {
			return
		}
		e.Outputs[p] = sum
	}
	c.mu.Lock()
	c.entries[docKey(job)] = e
	c.dirty = true
	c.mu.Unlock()
}

func fileDigest(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
