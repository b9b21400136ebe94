package project

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/hyphen"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/wordbreak"
)

// An incremental build skips a document whose settings and galley binary
// are as at its last build, whose every file read then (inputs, book
// chapters, included files, images, stylesheets, fonts, pattern files)
// holds the same bytes, whose every file missing then (an image not
// found) is still missing, and whose every output on disk still holds
// the bytes that build wrote. Then it is not even read.

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
	// Files are the files the build read, by name in the project
	// (installed fonts by path): their sha256, or "" for a file that
	// was looked for and missing.
	Files map[string]string `json:"files"`
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
	// A temporary file of this process's own: two builds of one project
	// at once must not write (or rename) each other's.
	f, err := os.CreateTemp(filepath.Dir(c.file), filepath.Base(c.file)+".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), c.file); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
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
func docKey(job *publish.Job) string {
	var outs []string
	for _, o := range job.Outputs {
		outs = append(outs, o.Path+"|"+o.Format)
	}
	return strings.Join(job.Inputs, "\x00") + "\x01" + strings.Join(outs, "\x00")
}

// buildKey hashes what a document's outputs depend on besides the
// files it reads: galley itself, the job's settings and the
// environment's. Unless --no-system-fonts, the list of installed fonts
// too.
func buildKey(job *publish.Job, env *publish.Env) string {
	h := sha256.New()
	fmt.Fprintf(h, "galley %s\n", self())
	settings := map[string]map[string][]string{}
	system := true
	for scope, opts := range job.Options {
		settings[scope] = map[string][]string{}
		for k, v := range opts {
			settings[scope][k] = v.Values
			if k == "no-system-fonts" && len(v.Values) > 0 && v.Values[0] != "false" {
				system = false
			}
		}
	}
	meta, _ := json.Marshal(job.Meta)
	opts, _ := json.Marshal(settings)
	limits, _ := json.Marshal(env.Limits)
	fmt.Fprintf(h, "inputs %q from %q encoding %q meta %s options %s\n", job.Inputs, job.From, job.Encoding, meta, opts)
	fmt.Fprintf(h, "modified %d strict %v limits %s root %q dir %q\n", env.Modified.Unix(), env.Strict, limits, env.Root, env.Dir)
	for _, o := range job.Outputs {
		fmt.Fprintf(h, "output %q %q\n", o.Path, o.Format)
	}
	if system {
		for _, f := range files.SystemFonts() {
			if st, err := files.StatSystemFont(f); err == nil {
				fmt.Fprintf(h, "font %q %d %d\n", f, st.Size(), st.ModTime().UnixNano())
			}
		}
		if list, err := os.ReadDir(hyphen.SystemDir); err == nil {
			for _, e := range list {
				if info, err := e.Info(); err == nil && strings.HasSuffix(e.Name(), ".dic") {
					fmt.Fprintf(h, "patterns %q %d %d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
				}
			}
		}
		for _, f := range wordbreak.Paths {
			if st, err := os.Stat(f); err == nil {
				fmt.Fprintf(h, "words %q %d %d\n", f, st.Size(), st.ModTime().UnixNano())
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// digests returns the digest of every file a conversion read, as
// cacheEntry.Files holds them.
func digests(src publish.Sources) (map[string]string, bool) {
	out := map[string]string{}
	for _, f := range src.Read() {
		sum, ok := src.Digest(f.Name)
		if ok != f.Found {
			return nil, false // changed while the document was made
		}
		out[f.Name] = sum
	}
	return out, true
}

// Fresh reports whether the outputs at paths are what the last build of
// job, with the same key, wrote, from files that have not changed since,
// so that reading and rendering them again can be skipped. It returns the
// paths of the files that build read, for Watch.
func (c *cache) Fresh(job *publish.Job, env *publish.Env, paths []string, src publish.Sources) ([]string, bool) {
	c.mu.Lock()
	e, ok := c.entries[docKey(job)]
	c.mu.Unlock()
	if !ok || e.Key != buildKey(job, env) || len(e.Outputs) != len(paths) || e.Files == nil {
		return nil, false
	}
	names := make([]string, 0, len(e.Files))
	for name := range e.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	var read []string
	for _, name := range names {
		sum, found := src.Digest(name)
		if want := e.Files[name]; found != (want != "") || sum != want {
			return nil, false
		}
		if p := src.Path(name); p != "" {
			read = append(read, p)
		}
	}
	for _, p := range paths {
		if p == "" {
			return nil, false // standard output is always written
		}
		sum, err := fileDigest(p)
		if err != nil || sum != e.Outputs[p] {
			return nil, false
		}
	}
	sort.Strings(read)
	return read, true
}

// Record notes the outputs a build of job wrote, and the files it read.
func (c *cache) Record(job *publish.Job, env *publish.Env, paths []string, src publish.Sources) {
	read, ok := digests(src)
	if !ok {
		return
	}
	e := cacheEntry{Key: buildKey(job, env), Outputs: map[string]string{}, Files: read}
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
