package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/yamlnode"
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
	Jobs []*Job
	// Lines holds the line where each document starts in File.
	Lines []int
	// Limits are the project's limits (the limits: key); Build uses them
	// where BuildOptions sets none.
	Limits Limits
}

// config is the schema of galley.yaml. Field names are the YAML keys.
type config struct {
	Limits    limitsConfig `yaml:"limits"`
	Defaults  docConfig    `yaml:"defaults"`
	Documents []docConfig  `yaml:"documents"`
}

type limitsConfig struct {
	InputSize   string `yaml:"max-input-size"`
	Depth       int    `yaml:"max-depth"`
	Notes       int    `yaml:"max-notes"`
	TableCells  int    `yaml:"max-table-cells"`
	ImagePixels int64  `yaml:"max-image-pixels"`
}

type docConfig struct {
	Input    string     `yaml:"input"`
	Inputs   stringList `yaml:"inputs"`
	From     string     `yaml:"from"`
	Encoding string     `yaml:"encoding"`
	Meta     metaConfig `yaml:"meta"`
	Text     textConfig `yaml:"text"`
	TOC      *bool      `yaml:"toc"`
	TOCDepth int        `yaml:"toc-depth"`
	HTML     htmlConfig `yaml:"html"`
	EPUB     epubConfig `yaml:"epub"`
	PDF      pdfConfig  `yaml:"pdf"`
	Outputs  stringList `yaml:"outputs"`
}

type metaConfig struct {
	Title       string            `yaml:"title"`
	Subtitle    string            `yaml:"subtitle"`
	Author      stringList        `yaml:"author"`
	Authors     stringList        `yaml:"authors"`
	Lang        string            `yaml:"lang"`
	Date        string            `yaml:"date"`
	Identifier  string            `yaml:"identifier"`
	Publisher   string            `yaml:"publisher"`
	Rights      string            `yaml:"rights"`
	Description string            `yaml:"description"`
	Keywords    stringList        `yaml:"keywords"`
	Cover       string            `yaml:"cover"`
	Extra       map[string]string `yaml:"extra"`
}

type textConfig struct {
	Drop        stringList `yaml:"drop"`
	Style       string     `yaml:"style"`
	NotHeadings stringList `yaml:"not-headings"`
}

type htmlConfig struct {
	CSS string `yaml:"css"`
}

type pdfConfig struct {
	Paper        string            `yaml:"paper"`
	FontSize     float64           `yaml:"font-size"`
	Margins      stringList        `yaml:"margins"`
	Ragged       *bool             `yaml:"ragged"`
	TitlePage    *bool             `yaml:"title-page"`
	ChapterPages *bool             `yaml:"chapter-pages"`
	Fonts        map[string]string `yaml:"fonts"`
	Hyphenation  string            `yaml:"hyphenation"`
}

type epubConfig struct {
	CSS        string `yaml:"css"`
	SplitLevel int    `yaml:"split-level"`
}

// stringList is a YAML sequence of strings, or a single string.
type stringList []string

func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = stringList{n.Value}
		return nil
	}
	var s []string
	if err := n.Decode(&s); err != nil {
		return err
	}
	*l = s
	return nil
}

// Load reads a galley.yaml file. Unknown keys are errors that name their
// line; paths in the file are relative to its folder.
func Load(path string) (*Project, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	return Parse(data, path)
}

var yamlLine = regexp.MustCompile(`^\s*(?:yaml: )?line (\d+): (.*)$`)

// yamlError turns yaml's messages into "file:line: message" lines.
func yamlError(file string, err error) error {
	var te *yaml.TypeError
	var msgs []string
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var out []string
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			msg := sm[2]
			if f := regexp.MustCompile(`^field (\S+) not found in type \S+$`).FindStringSubmatch(msg); f != nil {
				msg = fmt.Sprintf("unknown key %q", f[1])
			}
			out = append(out, fmt.Sprintf("%s:%s: %s", file, sm[1], msg))
			continue
		}
		out = append(out, fmt.Sprintf("%s: %s", file, m))
	}
	return errors.New(strings.Join(out, "\n"))
}

// Parse reads a galley.yaml file's content; path names it in errors and
// gives the folder paths are relative to.
func Parse(data []byte, path string) (*Project, error) {
	// The tree parse bounds what aliases expand to before the decoder
	// below expands them.
	if _, err := yamlnode.Parse(data); err != nil {
		var ye *yamlnode.Error
		if errors.As(err, &ye) && ye.Line > 0 {
			return nil, fmt.Errorf("%s:%d: %s", path, ye.Line, ye.Msg)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var c config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		if err.Error() == "EOF" {
			return nil, fmt.Errorf("%s: empty; it needs a documents: list", path)
		}
		return nil, yamlError(path, err)
	}
	var lines struct {
		Documents []yaml.Node `yaml:"documents"`
	}
	_ = yaml.Unmarshal(data, &lines)
	p := &Project{File: path, Dir: filepath.Dir(path)}
	lc := c.Limits
	p.Limits = Limits{Depth: lc.Depth, Notes: lc.Notes, TableCells: lc.TableCells, ImagePixels: lc.ImagePixels}
	if lc.InputSize != "" {
		n, err := ParseSize(lc.InputSize)
		if err != nil {
			return nil, fmt.Errorf("%s: limits: max-input-size: %v", path, err)
		}
		p.Limits.InputSize = n
	}
	if lc.Depth < 0 || lc.Notes < 0 || lc.TableCells < 0 || lc.ImagePixels < 0 {
		return nil, fmt.Errorf("%s: limits: a limit must be a positive number", path)
	}
	if len(c.Documents) == 0 {
		return nil, fmt.Errorf("%s: no documents; list them under documents:", path)
	}
	for i, dc := range c.Documents {
		line := 0
		if i < len(lines.Documents) {
			line = lines.Documents[i].Line
		}
		job, err := c.Defaults.merge(&dc).job()
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		p.Jobs = append(p.Jobs, job)
		p.Lines = append(p.Lines, line)
	}
	// Two documents writing one file would race, and --check could never
	// pass.
	writers := map[string]int{}
	for i, job := range p.Jobs {
		for _, o := range job.Outputs {
			key := filepath.Clean(filepath.Join(p.Dir, o.Path))
			if first, ok := writers[key]; ok && first != i {
				return nil, fmt.Errorf("%s:%d: output %s is also written by the document at line %d; give each document its own outputs", path, p.Lines[i], o.Path, p.Lines[first])
			}
			writers[key] = i
		}
	}
	return p, nil
}

// merge returns the defaults d overridden by what o sets.
func (d *docConfig) merge(o *docConfig) *docConfig {
	m := *d
	str := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	str(&m.Input, o.Input)
	if len(o.Inputs) > 0 {
		m.Inputs = o.Inputs
	}
	str(&m.From, o.From)
	str(&m.Encoding, o.Encoding)
	mm, om := &m.Meta, &o.Meta
	str(&mm.Title, om.Title)
	str(&mm.Subtitle, om.Subtitle)
	str(&mm.Lang, om.Lang)
	str(&mm.Date, om.Date)
	str(&mm.Identifier, om.Identifier)
	str(&mm.Publisher, om.Publisher)
	str(&mm.Rights, om.Rights)
	str(&mm.Description, om.Description)
	str(&mm.Cover, om.Cover)
	if len(om.Author)+len(om.Authors) > 0 {
		mm.Author, mm.Authors = om.Author, om.Authors
	}
	if len(om.Keywords) > 0 {
		mm.Keywords = om.Keywords
	}
	if len(om.Extra) > 0 {
		extra := map[string]string{}
		for k, v := range d.Meta.Extra {
			extra[k] = v
		}
		for k, v := range om.Extra {
			extra[k] = v
		}
		mm.Extra = extra
	}
	m.Text.Drop = append(append(stringList(nil), d.Text.Drop...), o.Text.Drop...)
	m.Text.NotHeadings = append(append(stringList(nil), d.Text.NotHeadings...), o.Text.NotHeadings...)
	str(&m.Text.Style, o.Text.Style)
	if o.TOC != nil {
		m.TOC = o.TOC
	}
	if o.TOCDepth != 0 {
		m.TOCDepth = o.TOCDepth
	}
	str(&m.HTML.CSS, o.HTML.CSS)
	str(&m.EPUB.CSS, o.EPUB.CSS)
	str(&m.PDF.Paper, o.PDF.Paper)
	str(&m.PDF.Hyphenation, o.PDF.Hyphenation)
	if o.PDF.FontSize != 0 {
		m.PDF.FontSize = o.PDF.FontSize
	}
	if len(o.PDF.Margins) > 0 {
		m.PDF.Margins = o.PDF.Margins
	}
	for _, b := range []struct{ dst, src **bool }{{&m.PDF.Ragged, &o.PDF.Ragged}, {&m.PDF.TitlePage, &o.PDF.TitlePage}, {&m.PDF.ChapterPages, &o.PDF.ChapterPages}} {
		if *b.src != nil {
			*b.dst = *b.src
		}
	}
	if len(o.PDF.Fonts) > 0 {
		fonts := map[string]string{}
		for k, v := range d.PDF.Fonts {
			fonts[k] = v
		}
		for k, v := range o.PDF.Fonts {
			fonts[k] = v
		}
		m.PDF.Fonts = fonts
	}
	if o.EPUB.SplitLevel != 0 {
		m.EPUB.SplitLevel = o.EPUB.SplitLevel
	}
	m.Outputs = o.Outputs
	return &m
}

func (c *docConfig) job() (*Job, error) {
	j := &Job{From: c.From, Encoding: c.Encoding, TOCDepth: c.TOCDepth}
	switch {
	case c.Input != "" && len(c.Inputs) > 0:
		return nil, errors.New("give input or inputs, not both")
	case c.Input != "":
		j.Inputs = []string{c.Input}
	case len(c.Inputs) > 0:
		j.Inputs = c.Inputs
	default:
		return nil, errors.New("document has no input")
	}
	if len(c.Outputs) == 0 {
		return nil, errors.New("document has no outputs")
	}
	for _, o := range c.Outputs {
		j.Outputs = append(j.Outputs, Output{Path: o})
	}
	if c.TOC != nil {
		j.TOC = *c.TOC
	}
	m := &c.Meta
	j.Meta = doc.Meta{
		Title: m.Title, Subtitle: m.Subtitle, Lang: m.Lang, Date: m.Date,
		Identifier: m.Identifier, Publisher: m.Publisher, Rights: m.Rights,
		Description: m.Description, Cover: m.Cover,
		Authors:  append(append([]string(nil), m.Author...), m.Authors...),
		Keywords: m.Keywords,
	}
	keys := make([]string, 0, len(m.Extra))
	for k := range m.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		j.Meta.Extra = append(j.Meta.Extra, doc.Field{Key: k, Value: m.Extra[k]})
	}
	j.Text = TextOptions{Drop: c.Text.Drop, Style: c.Text.Style, NotHeadings: c.Text.NotHeadings}
	j.HTML = HTMLOptions{CSS: c.HTML.CSS}
	j.EPUB = EPUBOptions{CSS: c.EPUB.CSS, SplitLevel: c.EPUB.SplitLevel}
	p := &c.PDF
	j.PDF = PDFOptions{Paper: p.Paper, FontSize: p.FontSize, Hyphenation: p.Hyphenation, Fonts: p.Fonts,
		Ragged: p.Ragged != nil && *p.Ragged, NoTitlePage: p.TitlePage != nil && !*p.TitlePage,
		NoChapterPages: p.ChapterPages != nil && !*p.ChapterPages}
	for face := range p.Fonts {
		if !slices.Contains(FontFaces, face) {
			return nil, fmt.Errorf("pdf: fonts: unknown face %q (known: %s)", face, strings.Join(FontFaces, ", "))
		}
	}
	if len(p.Margins) > 0 {
		m, err := ParseMargins(strings.Join(p.Margins, ","))
		if err != nil {
			return nil, fmt.Errorf("pdf: margins: %v", err)
		}
		j.PDF.Margins = m
	}
	return j, nil
}
