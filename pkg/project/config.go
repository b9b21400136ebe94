package project

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/files"
	"github.com/galleypress/galley/pkg/internal/yamlnode"
	"github.com/galleypress/galley/pkg/option"
	"github.com/galleypress/galley/pkg/publish"
	"github.com/galleypress/galley/pkg/render"
)

// ConfigFile is the name of a project's configuration file.
const ConfigFile = "galley.yaml"

// Project is a loaded galley.yaml: the documents to build, with paths
// relative to Dir.
type Project struct {
	// File is the configuration file's path, as given.
	File string
	// Dir is the folder the configuration's paths are relative to.
	Dir string
	// Jobs holds one job per document, defaults applied.
	Jobs []*publish.Job
	// Lines holds the line where each document starts in File.
	Lines []int
	// Limits are the project's limits (the limits: key); Build uses them
	// where BuildOptions sets none.
	Limits publish.Limits
}

// maxConfig is the largest galley.yaml read.
const maxConfig = 16 << 20

// Load reads a galley.yaml file. Unknown keys are errors that name their
// line; paths in the file are relative to its folder. The file is read
// through its folder as a files.Root, like every file galley reads: a
// link that leads out of the folder, a pipe or a device is refused.
func Load(path string) (*Project, error) {
	root, err := files.Open(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("publish: %s: %w", path, err)
	}
	defer root.Close()
	data, err := files.ReadFile(root, filepath.Base(path), maxConfig)
	if errors.Is(err, files.ErrOutside) {
		return nil, fmt.Errorf("publish: %s leads, through a symbolic link, outside its folder; name the file itself", path)
	}
	if err != nil {
		return nil, fmt.Errorf("publish: %s %s", path, files.Describe(err))
	}
	return Parse(data, path)
}

// The keys of a document (and of defaults:) besides option scopes and
// the options every reader or renderer takes.
var docKeys = []string{"input", "inputs", "from", "encoding", "meta", "outputs"}

// Parse reads a galley.yaml file's content; path names it in errors and
// gives the folder paths are relative to.
//
// galley.yaml holds theme:, limits:, defaults: and documents:. A document names
// its input (or inputs), from, encoding, meta and outputs; the options
// every reader or renderer takes (drop-lines, toc, toc-depth) at its top;
// and each format's options under the format's name (pdf: {font-size:
// 11}). defaults: holds the same keys, for every document.
func Parse(data []byte, path string) (*Project, error) {
	at := func(line int, format string, args ...any) error {
		if line > 0 {
			return fmt.Errorf("%s:%d: %s", path, line, fmt.Sprintf(format, args...))
		}
		return fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...))
	}
	root, err := yamlnode.Parse(data)
	if err != nil {
		var ye *yamlnode.Error
		if errors.As(err, &ye) {
			return nil, at(ye.Line, "%s", ye.Msg)
		}
		return nil, at(0, "%v", err)
	}
	if root == nil {
		return nil, at(0, "empty; it needs a documents: list")
	}
	if root.Kind != yamlnode.Map {
		return nil, at(root.Line, "want a mapping with documents:, not %s", root.Kind)
	}
	p := &Project{File: path, Dir: filepath.Dir(path)}
	var defaults *docSpec
	var documents *yamlnode.Node
	var theme *yamlnode.Field
	for _, f := range root.Fields {
		switch f.Key {
		case "theme":
			// The house style of every document: defaults: {theme: …}
			// said once at the top.
			theme = &f
		case "limits":
			if p.Limits, err = parseLimits(f.Val); err != nil {
				return nil, lineErr(path, err)
			}
		case "defaults":
			if defaults, err = parseDoc(f.Val); err != nil {
				return nil, lineErr(path, err)
			}
		case "documents":
			documents = f.Val
		default:
			return nil, at(f.Line, "unknown key %q (known: theme, limits, defaults, documents)", f.Key)
		}
	}
	if documents == nil || documents.Kind != yamlnode.List || len(documents.Items) == 0 {
		return nil, at(0, "no documents; list them under documents:")
	}
	if defaults == nil {
		defaults = &docSpec{options: publish.Settings{}}
	}
	if theme != nil {
		v, err := theme.Val.String()
		if err != nil || v == "" {
			return nil, at(theme.Line, "theme: want a built-in theme's name (default, report, book) or a theme file")
		}
		if defaults.options.Get("", "theme") != nil {
			return nil, at(theme.Line, "theme: given twice, here and under defaults:; keep one")
		}
		if defaults.options[""] == nil {
			defaults.options[""] = map[string]publish.Setting{}
		}
		defaults.options[""]["theme"] = publish.Setting{Values: []string{v}, Line: theme.Line}
	}
	for _, item := range documents.Items {
		spec, err := parseDoc(item)
		if err != nil {
			return nil, lineErr(path, err)
		}
		job, err := defaults.over(spec).job()
		if err != nil {
			var d *diag.Diagnostic
			if errors.As(err, &d) && d.Line > 0 {
				return nil, lineErr(path, err)
			}
			return nil, at(item.Line, "%v", err)
		}
		p.Jobs = append(p.Jobs, job)
		p.Lines = append(p.Lines, item.Line)
	}
	// Two documents writing one file would race, and --check could never
	// pass.
	writers := map[string]int{}
	for i, job := range p.Jobs {
		for _, o := range job.Outputs {
			key := filepath.Clean(filepath.Join(p.Dir, o.Path))
			if first, ok := writers[key]; ok && first != i {
				return nil, at(p.Lines[i], "output %s is also written by the document at line %d; give each document its own outputs", o.Path, p.Lines[first])
			}
			writers[key] = i
		}
	}
	return p, nil
}

// lineErr places an error in galley.yaml, at its line if it knows it.
func lineErr(path string, err error) error {
	var d *diag.Diagnostic
	if errors.As(err, &d) && d.Line > 0 {
		return &diag.Diagnostic{File: path, Line: d.Line, Code: d.Code, Err: d.Err}
	}
	return &diag.Diagnostic{File: path, Err: err}
}

func errAt(line int, format string, args ...any) error {
	return &diag.Diagnostic{Line: line, Err: fmt.Errorf(format, args...)}
}

// docSpec is a document (or defaults:) as galley.yaml gives it.
type docSpec struct {
	line     int
	inputs   []string
	from     string
	encoding string
	meta     doc.Meta
	options  publish.Settings
	outputs  []publish.Output
}

// parseDoc reads one document's mapping.
func parseDoc(n *yamlnode.Node) (*docSpec, error) {
	if n.Kind != yamlnode.Map {
		return nil, errAt(n.Line, "a document is a mapping of keys (input, outputs, …), not %s", n.Kind)
	}
	d := &docSpec{line: n.Line, options: publish.Settings{}}
	common := publish.Options("")
	for _, f := range n.Fields {
		str := func() (string, error) {
			s, err := f.Val.String()
			if err != nil {
				return "", errAt(f.Line, "%s: %v", f.Key, err.(*yamlnode.Error).Msg)
			}
			return s, nil
		}
		list := func() ([]string, error) {
			l, err := f.Val.Strings()
			if err != nil {
				return nil, errAt(f.Line, "%s: %v", f.Key, err.(*yamlnode.Error).Msg)
			}
			return l, nil
		}
		var err error
		switch f.Key {
		case "input":
			var in string
			if in, err = str(); err == nil && in != "" {
				if len(d.inputs) > 0 {
					return nil, errAt(f.Line, "give input or inputs, not both")
				}
				d.inputs = []string{in}
			}
		case "inputs":
			if len(d.inputs) > 0 {
				return nil, errAt(f.Line, "give input or inputs, not both")
			}
			d.inputs, err = list()
		case "from":
			d.from, err = str()
		case "encoding":
			d.encoding, err = str()
		case "outputs":
			d.outputs, err = parseOutputs(f)
		case "meta":
			err = parseMeta(f.Val, &d.meta)
		default:
			if i := slices.IndexFunc(common, func(o option.Option) bool { return o.Key == f.Key }); i >= 0 {
				err = setOption(d.options, "", common[i], f)
				break
			}
			if slices.Contains(publish.Scopes(), f.Key) {
				err = parseScope(d.options, f)
				break
			}
			var keys []string
			keys = append(keys, docKeys...)
			for _, o := range common {
				keys = append(keys, o.Key)
			}
			keys = append(keys, publish.Scopes()[1:]...)
			err = errAt(f.Line, "unknown key %q (known: %s)", f.Key, strings.Join(keys, ", "))
		}
		if err != nil {
			return nil, err
		}
	}
	if err := publish.CheckSettings(d.options); err != nil {
		return nil, err
	}
	return d, nil
}

// parseScope reads a format's mapping of options.
func parseScope(s publish.Settings, f yamlnode.Field) error {
	if f.Val.Kind == yamlnode.Null {
		return nil
	}
	if f.Val.Kind != yamlnode.Map {
		return errAt(f.Line, "%s: want a mapping of options, not %s", f.Key, f.Val.Kind)
	}
	opts := publish.Options(f.Key)
	for _, of := range f.Val.Fields {
		i := slices.IndexFunc(opts, func(o option.Option) bool { return o.Key == of.Key })
		if i < 0 {
			var names []string
			for _, o := range opts {
				names = append(names, o.Key)
			}
			return errAt(of.Line, "%s: unknown option %q (known: %s)", f.Key, of.Key, strings.Join(names, ", "))
		}
		if err := setOption(s, f.Key, opts[i], of); err != nil {
			return err
		}
	}
	return nil
}

// setOption records the value a YAML field gives an option.
func setOption(s publish.Settings, scope string, o option.Option, f yamlnode.Field) error {
	var values []string
	switch {
	case o.Kind == option.Map && f.Val.Kind == yamlnode.Map:
		for _, kv := range f.Val.Fields {
			vs, err := kv.Val.Strings() // fonts: {fallback: [a.ttf, b.ttf]}
			if err != nil {
				return errAt(kv.Line, "%s: %s: want a value", o.Key, kv.Key)
			}
			for _, v := range vs {
				values = append(values, kv.Key+"="+v)
			}
		}
	case f.Val.Kind == yamlnode.Map:
		return errAt(f.Line, "%s: want a value, not a mapping", o.Key)
	default:
		l, err := f.Val.Strings()
		if err != nil {
			return errAt(f.Line, "%s: %v", o.Key, err.(*yamlnode.Error).Msg)
		}
		values = l
		if o.Kind == option.Text && len(l) > 1 {
			values = []string{strings.Join(l, ",")} // margins: [25, 0, 28, 0]
		}
	}
	if s[scope] == nil {
		s[scope] = map[string]publish.Setting{}
	}
	s[scope][o.Key] = publish.Setting{Values: values, Line: f.Line}
	return nil
}

// parseMeta sets m from a meta: mapping, through doc.Meta.Set; extra:
// holds keys of one's own, as any unknown key does.
func parseMeta(n *yamlnode.Node, m *doc.Meta) error {
	if n.Kind == yamlnode.Null {
		return nil
	}
	if n.Kind != yamlnode.Map {
		return errAt(n.Line, "meta: want a mapping, not %s", n.Kind)
	}
	for _, f := range n.Fields {
		if f.Key == "extra" && f.Val.Kind == yamlnode.Map {
			for _, e := range f.Val.Fields {
				v, err := e.Val.String()
				if err != nil {
					return errAt(e.Line, "meta: extra: %s: want a value", e.Key)
				}
				m.Extra = append(m.Extra, doc.Field{Key: e.Key, Value: v})
			}
			continue
		}
		canonical, known := doc.MetaKey(f.Key)
		values, err := f.Val.Strings()
		switch {
		case err != nil:
			return errAt(f.Line, "meta: %s: want a value or a list of values", f.Key)
		case len(values) > 1 && known && !doc.IsList(canonical):
			return errAt(f.Line, "meta: %s: want a single value, not a list", f.Key)
		case len(values) > 1:
			values = []string{strings.Join(values, ", ")}
		}
		if known && doc.IsList(canonical) {
			// A list given here replaces any from defaults: (see over).
			switch canonical {
			case "authors":
				m.Authors = nil
			case "keywords":
				m.Keywords = nil
			}
		}
		for _, v := range values {
			if err := m.Set(f.Key, v); err != nil {
				return errAt(f.Line, "meta: %v", err)
			}
		}
	}
	return nil
}

// parseLimits reads the limits: mapping.
func parseLimits(n *yamlnode.Node) (publish.Limits, error) {
	var l publish.Limits
	if n.Kind != yamlnode.Map {
		return l, errAt(n.Line, "limits: want a mapping")
	}
	for _, f := range n.Fields {
		v, err := f.Val.String()
		if err != nil {
			return l, errAt(f.Line, "limits: %s: want a value", f.Key)
		}
		var num int64
		if f.Key != "max-input-size" {
			if _, err := fmt.Sscan(v, &num); err != nil || num <= 0 {
				return l, errAt(f.Line, "limits: %s: %q is not a positive whole number", f.Key, v)
			}
		}
		switch f.Key {
		case "max-input-size":
			if l.InputSize, err = publish.ParseSize(v); err != nil {
				return l, errAt(f.Line, "limits: max-input-size: %v", err)
			}
		case "max-depth":
			l.Depth = int(num)
		case "max-notes":
			l.Notes = int(num)
		case "max-table-cells":
			l.TableCells = int(num)
		case "max-image-pixels":
			l.ImagePixels = num
		case "max-svg-elements":
			l.SVGElements = int(num)
		default:
			return l, errAt(f.Line, "limits: unknown key %q (known: max-input-size, max-depth, max-notes, max-table-cells, max-image-pixels, max-svg-elements)", f.Key)
		}
	}
	return l, nil
}

// over returns the defaults d overridden by what o sets.
func (d *docSpec) over(o *docSpec) *docSpec {
	m := *d
	m.line = o.line
	if len(o.inputs) > 0 {
		m.inputs = o.inputs
	}
	if o.from != "" {
		m.from = o.from
	}
	if o.encoding != "" {
		m.encoding = o.encoding
	}
	m.meta = d.meta.Clone()
	m.meta.Override(&o.meta)
	m.options = d.options.Over(o.options)
	m.outputs = o.outputs
	return &m
}

func (d *docSpec) job() (*publish.Job, error) {
	if len(d.inputs) == 0 {
		return nil, errors.New("document has no input")
	}
	if len(d.outputs) == 0 {
		return nil, errors.New("document has no outputs")
	}
	j := &publish.Job{Inputs: d.inputs, From: d.from, Encoding: d.encoding, Meta: d.meta, Options: d.options}
	j.Outputs = append(j.Outputs, d.outputs...)
	return j, nil
}

// parseOutputs reads a document's outputs: each a path, whose extension
// names its format, or a mapping of one path to a format ("README.md:
// gfm").
func parseOutputs(f yamlnode.Field) ([]publish.Output, error) {
	items := []*yamlnode.Node{f.Val}
	switch f.Val.Kind {
	case yamlnode.Null:
		return nil, nil
	case yamlnode.List:
		items = f.Val.Items
	}
	var out []publish.Output
	for _, it := range items {
		switch {
		case it.Kind == yamlnode.Scalar:
			out = append(out, publish.Output{Path: it.Value})
		case it.Kind == yamlnode.Map && len(it.Fields) == 1 && it.Fields[0].Val.Kind == yamlnode.Scalar:
			o := publish.Output{Path: it.Fields[0].Key, Format: it.Fields[0].Val.Value}
			if _, _, err := render.Lookup(o.Format); err != nil {
				return nil, errAt(it.Fields[0].Line, "outputs: %s: %v", o.Path, err)
			}
			out = append(out, o)
		default:
			return nil, errAt(it.Line, "outputs: want a path, or PATH: FORMAT (README.md: gfm), not %s", it.Kind)
		}
	}
	return out, nil
}
