package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/yamlnode"
	"github.com/galleypress/galley/pkg/read"
)

// frontMatter finds a front matter block at the start of src: a line
// "---" (YAML) or "+++" (TOML), some content, and the same line closing
// it. It returns the content, the delimiter and the offset where the
// Markdown after the block starts; ok is false when src opens with no
// such block.
func frontMatter(src []byte) (content []byte, delim string, end int, ok bool) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found {
		return nil, "", 0, false
	}
	delim = string(bytes.TrimRight(first, " \t\r"))
	if delim != "---" && delim != "+++" {
		return nil, "", 0, false
	}
	off := len(first) + 1
	start := off
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == delim {
			content = src[start:off]
			if len(bytes.TrimSpace(content)) == 0 {
				return nil, "", 0, false
			}
			return content, delim, off + len(line) + min(1, len(rest)-len(line)), true
		}
		off += len(line) + 1
		rest = after
		if off > len(src) {
			break
		}
	}
	return nil, "", 0, false
}

// looksLikeMapping reports whether front matter content starts like a
// YAML or TOML mapping ("title: …", "title = …").
var looksLikeMapping = regexp.MustCompile(`(?m)\A\s*(#.*\n\s*)*[\w"'-][\w .'"-]*\s*[:=]`)

// entry is one key of front matter, whatever its syntax.
type entry struct {
	key    string
	line   int
	kind   yamlnode.Kind
	values []string // a scalar's text, or a list's items
}

// readFrontMatter parses front matter content into entries. It reports
// false, without error, for content that is not a mapping at all (the
// "---" lines are then thematic breaks).
//
// Nesting deeper than maxDepth is an error that names --max-depth.
func readFrontMatter(content []byte, delim string, maxDepth int) ([]entry, bool, error) {
	if maxDepth <= 0 {
		maxDepth = read.DefaultMaxDepth
	}
	if delim == "+++" {
		return readTOML(content, maxDepth)
	}
	n, err := yamlnode.ParseDepth(content, maxDepth)
	if err != nil {
		if !looksLikeMapping.Match(content) {
			return nil, false, nil
		}
		var ye *yamlnode.Error
		if errors.As(err, &ye) && ye.Line > 0 {
			msg := ye.Msg
			if strings.HasPrefix(msg, "nested more than") || strings.Contains(msg, "max depth") {
				msg = fmt.Sprintf("nested more than %d levels deep; raise the limit with --max-depth", maxDepth)
			}
			return nil, false, &lineError{line: ye.Line + 1, msg: msg}
		}
		return nil, false, &lineError{line: 1, msg: err.Error()}
	}
	if n == nil || n.Kind != yamlnode.Map {
		return nil, false, nil
	}
	var out []entry
	for _, f := range n.Fields {
		e := entry{key: f.Key, line: f.Line + 1, kind: f.Val.Kind}
		switch f.Val.Kind {
		case yamlnode.Scalar:
			e.values = []string{f.Val.Value}
		case yamlnode.List:
			for _, it := range f.Val.Items {
				if it.Kind != yamlnode.Scalar {
					e.kind = yamlnode.Map // nested: not a list of values
					break
				}
				e.values = append(e.values, it.Value)
			}
		}
		out = append(out, e)
	}
	return out, true, nil
}

// readTOML parses TOML front matter. TOML keeps no lines, so every entry
// is placed on the block's first line.
func readTOML(content []byte, maxDepth int) ([]entry, bool, error) {
	var raw map[string]any
	md, err := decodeTOML(content, &raw, maxDepth)
	if err != nil {
		if !looksLikeMapping.Match(content) {
			return nil, false, nil
		}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if strings.HasPrefix(msg, "arrays or tables nested more than") {
				msg += "; raise the limit with --max-depth"
			}
			return nil, false, &lineError{line: pe.Position.Line + 1, msg: msg}
		}
		return nil, false, &lineError{line: 1, msg: err.Error()}
	}
	var keys []string
	for _, k := range md.Keys() {
		if len(k) == 1 {
			keys = append(keys, k[0])
		}
	}
	if len(keys) != len(raw) {
		keys = keys[:0]
		for k := range raw {
			keys = append(keys, k)
		}
		sort.Strings(keys)
	}
	var out []entry
	for _, k := range keys {
		e := entry{key: k, line: 1}
		switch v := raw[k].(type) {
		case []any:
			e.kind = yamlnode.List
			for _, it := range v {
				switch it.(type) {
				case map[string]any, []any:
					e.kind = yamlnode.Map
				}
				e.values = append(e.values, tomlScalar(it))
			}
		case map[string]any, []map[string]any:
			e.kind = yamlnode.Map
		default:
			e.kind, e.values = yamlnode.Scalar, []string{tomlScalar(v)}
		}
		out = append(out, e)
	}
	return out, true, nil
}

func tomlScalar(v any) string {
	if t, ok := v.(interface{ Format(string) string }); ok { // dates
		return t.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return e.msg }

// meta sets m from front matter entries through doc.Meta.Set, the one
// table of metadata keys. A known key with a value of the wrong shape (a
// mapping for an author, a list for a language) is an error with its
// line; an unknown key is kept as extra metadata, with a warning.
func (c *converter) meta(entries []entry, m *doc.Meta) error {
	fail := func(e entry, format string, args ...any) error {
		return &read.Error{File: c.opts.Name, Line: e.line, Err: fmt.Errorf("markdown: front matter: "+format, args...)}
	}
	for _, e := range entries {
		canonical, known := doc.MetaKey(e.key)
		if !known {
			switch e.kind {
			case yamlnode.Map:
				c.opts.Warnf(e.line, "%w", diag.Warnf("front-matter-ignored", "front matter key %q holds a mapping, which galley does not use; ignored", e.key))
				continue
			case yamlnode.Null:
				continue
			}
			c.opts.Warnf(e.line, "%w", diag.Warnf("front-matter-extra", "front matter key %q is not galley metadata; kept as extra metadata", e.key))
			if err := m.Set(e.key, strings.Join(e.values, ", ")); err != nil {
				return fail(e, "%v", err)
			}
			continue
		}
		switch {
		case e.kind == yamlnode.Map:
			return fail(e, "%s: want a value or a list of values, not a mapping", e.key)
		case e.kind == yamlnode.List && !doc.IsList(canonical):
			return fail(e, "%s: want a single value, not a list", e.key)
		}
		for _, v := range e.values {
			if err := m.Set(e.key, v); err != nil {
				return fail(e, "%v", err)
			}
		}
	}
	return nil
}
