package doc

import (
	"bytes"
	_ "embed" // Schema
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
)

// Version is the version of the JSON form written by Encode. Decode
// reads it and every earlier one. Version 3's nodes hold the fields
// doc.go declares for them, by their doc:"key" tags, generated (gen.go):
// a list's items are objects ({"blocks": […], "task": "done"}), and so
// are a table's cells ({"content": […]}, or {"blocks": […]} for a cell
// that holds blocks; a galley older than the blocks refuses those).
// Version 2 added task lists, admonitions, definition lists, math and
// anchors; a version 1 document is a version 2 document without them.
const Version = 3

// The JSON form of a document, version 3 (schema.json, generated, is
// exact):
//
//	{
//	  "galley": 3,
//	  "meta": {"title": "…", "authors": ["…"], "lang": "nl", …},
//	  "blocks": [ block… ],
//	  "sections": [
//	    {"level": 1, "id": "…", "number": "2.1", "title": [ inline… ],
//	     "blocks": [ block… ], "sections": [ section… ]}
//	  ]
//	}
//
// Every block and inline is an object with a "type":
//
//	paragraph  {"content": [inline…]}
//	heading    {"level": 2, "content": [inline…]}
//	list       {"ordered": true, "start": 1, "numbering": "a", "tight": true,
//	            "items": [{"blocks": [block…], "task": "todo"|"done"}…]}
//	quote      {"blocks": [block…]}
//	code_block {"lang": "go", "text": "…"}
//	table      {"caption": [inline…], "align": ["left"…], "header": [{"content": [inline…]}…],
//	            "rows": [[{"content": [inline…]}…]…]}
//	figure     {"src": "…", "alt": "…", "title": "…", "caption": [inline…]}
//	rule       {}
//	admonition {"kind": "note", "label": [inline…], "blocks": [block…]}
//	definition_list {"terms": [{"term": [inline…], "definitions": [[block…]…]}…]}
//	text       {"text": "…"}
//	emph, strong, strike, sup, sub  {"content": [inline…]}
//	code       {"text": "…"}
//	link       {"url": "…", "title": "…", "content": [inline…]}
//	image      {"src": "…", "alt": "…", "title": "…"}
//	note       {"number": 1, "blocks": [block…]}
//	line_break {}
//	math       {"text": "x^{2}", "display": true}
//	anchor     {"id": "…"}
//
// Empty fields are left out. Unknown fields and types are errors.
// Versions 1 and 2 wrote a list's items as arrays of blocks with their
// task states in "tasks", and a table's cells as arrays of inlines; the
// types below read them.
type jsonDoc struct {
	Galley   int        `json:"galley"`
	Meta     jsonMeta   `json:"meta"`
	Blocks   []jsonNode `json:"blocks,omitempty"`
	Sections []jsonSect `json:"sections,omitempty"`
}

type jsonMeta struct {
	Title       string   `json:"title,omitempty"`
	Subtitle    string   `json:"subtitle,omitempty"`
	Authors     []string `json:"authors,omitempty"`
	Lang        string   `json:"lang,omitempty"`
	Date        string   `json:"date,omitempty"`
	Identifier  string   `json:"identifier,omitempty"`
	Publisher   string   `json:"publisher,omitempty"`
	Rights      string   `json:"rights,omitempty"`
	Description string   `json:"description,omitempty"`
	Keywords    []string `json:"keywords,omitempty"`
	Cover       string   `json:"cover,omitempty"`
	Extra       []Field  `json:"extra,omitempty"`
}

type jsonSect struct {
	Level    int        `json:"level"`
	ID       string     `json:"id,omitempty"`
	Number   string     `json:"number,omitempty"`
	Title    []jsonNode `json:"title,omitempty"`
	Blocks   []jsonNode `json:"blocks,omitempty"`
	Sections []jsonSect `json:"sections,omitempty"`
}

type jsonNode struct {
	Type      string         `json:"type"`
	Kind      string         `json:"kind,omitempty"`
	ID        string         `json:"id,omitempty"`
	Level     int            `json:"level,omitempty"`
	Ordered   bool           `json:"ordered,omitempty"`
	Start     *int           `json:"start,omitempty"`
	Numbering string         `json:"numbering,omitempty"`
	Tight     bool           `json:"tight,omitempty"`
	Number    int            `json:"number,omitempty"`
	Lang      string         `json:"lang,omitempty"`
	URL       string         `json:"url,omitempty"`
	Src       string         `json:"src,omitempty"`
	Alt       string         `json:"alt,omitempty"`
	Title     string         `json:"title,omitempty"`
	Text      string         `json:"text,omitempty"`
	Display   bool           `json:"display,omitempty"`
	Align     []string       `json:"align,omitempty"`
	Caption   []jsonNode     `json:"caption,omitempty"`
	Header    [][]jsonNode   `json:"header,omitempty"`
	Rows      [][][]jsonNode `json:"rows,omitempty"`
	Items     [][]jsonNode   `json:"items,omitempty"`
	Tasks     []string       `json:"tasks,omitempty"`
	Terms     []jsonTerm     `json:"terms,omitempty"`
	Label     []jsonNode     `json:"label,omitempty"`
	Content   []jsonNode     `json:"content,omitempty"`
	Blocks    []jsonNode     `json:"blocks,omitempty"`
}

type jsonTerm struct {
	Term        []jsonNode   `json:"term,omitempty"`
	Definitions [][]jsonNode `json:"definitions,omitempty"`
}

// MarshalJSON implements json.Marshaler for Field.
func (f Field) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}{f.Key, f.Value})
}

// UnmarshalJSON implements json.Unmarshaler for Field.
func (f *Field) UnmarshalJSON(b []byte) error {
	var v struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	f.Key, f.Value = v.Key, v.Value
	return nil
}

// Encode writes d to w in the JSON form, indented, ending in a newline.
// It writes as it goes: memory does not grow with the document.
func Encode(w io.Writer, d *Document) error {
	return encode(w, d)
}

// Decode reads a document in the JSON form from r, of any version up to
// Version. It rejects unknown fields, unknown node types, node types
// later than the document's version, and later versions.
func Decode(r io.Reader) (*Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var head struct {
		Galley int `json:"galley"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(data, err)
	}
	if head.Galley < 1 || head.Galley > Version {
		if head.Galley == 0 {
			return nil, fmt.Errorf(`doc: not a galley document: "galley": %d is missing`, Version)
		}
		return nil, fmt.Errorf("doc: unsupported JSON version %d (this galley reads versions 1 to %d)", head.Galley, Version)
	}
	var d *Document
	if head.Galley == 3 {
		d, err = decode3(data)
	} else {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var jd jsonDoc
		if err := dec.Decode(&jd); err != nil {
			return nil, jsonError(data, err)
		}
		if dec.More() {
			return nil, errors.New("doc: unexpected data after the document")
		}
		d, err = (&decoder{version: jd.Galley}).doc(&jd)
	}
	var pe *pathError
	if errors.As(err, &pe) {
		if line := pathLine(data, pe.path); line > 0 {
			return nil, &diag.Diagnostic{Line: line, Err: err}
		}
	}
	return d, err
}

// pathError is an error in the node at a path ("sections[0].blocks[2]").
type pathError struct {
	path string
	msg  string
}

func (e *pathError) Error() string { return "doc: " + e.path + ": " + e.msg }

func errAt(path, format string, args ...any) error {
	return &pathError{path: path, msg: fmt.Sprintf(format, args...)}
}

// pathLine returns the line where the value at path starts in the JSON
// text data, or 0.
func pathLine(data []byte, want string) int {
	type frame struct {
		obj     bool
		path    string
		key     string
		idx     int
		wantKey bool
	}
	var stack []*frame
	dec := json.NewDecoder(bytes.NewReader(data))
	valuePath := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.obj {
			if f.path == "" {
				return f.key
			}
			return f.path + "." + f.key
		}
		return fmt.Sprintf("%s[%d]", f.path, f.idx)
	}
	done := func() { // a value ended
		if len(stack) == 0 {
			return
		}
		f := stack[len(stack)-1]
		if f.obj {
			f.wantKey = true
		} else {
			f.idx++
		}
	}
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return 0
		}
		if len(stack) > 0 && stack[len(stack)-1].obj && stack[len(stack)-1].wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				done()
				continue
			}
			stack[len(stack)-1].key, _ = tok.(string)
			stack[len(stack)-1].wantKey = false
			continue
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			done()
			continue
		}
		p := valuePath()
		if p == want {
			start := int(off)
			for start < len(data) && strings.IndexByte(" \t\r\n,:", data[start]) >= 0 {
				start++
			}
			return 1 + bytes.Count(data[:start], []byte("\n"))
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, &frame{obj: d == '{', path: p, wantKey: d == '{'})
			continue
		}
		done()
	}
}

// jsonError adds a line number to errors that carry a byte offset.
func jsonError(data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// The error carries no offset: find the field's key.
		key := strings.TrimPrefix(err.Error(), "json: unknown field ")
		if i := bytes.Index(data, []byte(key)); i >= 0 {
			off = int64(i)
		}
	}
	if off < 0 || off > int64(len(data)) {
		return fmt.Errorf("doc: %w", err)
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return &diag.Diagnostic{Line: line, Err: err}
}

// decoder reads the JSON form of one version.
type decoder struct{ version int }

func (dc *decoder) doc(jd *jsonDoc) (*Document, error) {
	d := &Document{Meta: Meta(jd.Meta)}
	var err error
	if d.Blocks, err = dc.blocks(jd.Blocks, "blocks"); err != nil {
		return nil, err
	}
	if d.Sections, err = dc.sections(jd.Sections, "sections", 0); err != nil {
		return nil, err
	}
	return d, nil
}

func (dc *decoder) sections(js []jsonSect, path string, parent int) ([]*Section, error) {
	var out []*Section
	for i, j := range js {
		p := fmt.Sprintf("%s[%d]", path, i)
		if j.Level <= parent {
			return nil, errAt(p, "level %d must be greater than its parent's level %d", j.Level, parent)
		}
		if j.Level > maxLevel {
			return nil, errAt(p, "level %d is out of range (1 to %d)", j.Level, maxLevel)
		}
		s := &Section{Level: j.Level, ID: j.ID, Number: j.Number}
		var err error
		if s.Title, err = dc.inlines(j.Title, p+".title"); err != nil {
			return nil, err
		}
		if s.Blocks, err = dc.blocks(j.Blocks, p+".blocks"); err != nil {
			return nil, err
		}
		if s.Sections, err = dc.sections(j.Sections, p+".sections", j.Level); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (dc *decoder) blocks(js []jsonNode, path string) ([]Block, error) {
	var out []Block
	for i, j := range js {
		p := fmt.Sprintf("%s[%d]", path, i)
		if err := dc.check(&j, p); err != nil {
			return nil, err
		}
		var b Block
		var err error
		switch j.Type {
		case "paragraph":
			x := &Paragraph{}
			x.Inlines, err = dc.inlines(j.Content, p+".content")
			b = x
		case "heading":
			x := &Heading{Level: j.Level}
			x.Inlines, err = dc.inlines(j.Content, p+".content")
			b = x
		case "list":
			x := &List{Ordered: j.Ordered, Tight: j.Tight, Numbering: j.Numbering}
			if j.Start != nil {
				x.Start = *j.Start
			}
			for k, it := range j.Items {
				bs, err := dc.blocks(it, fmt.Sprintf("%s.items[%d]", p, k))
				if err != nil {
					return nil, err
				}
				x.Items = append(x.Items, &ListItem{Blocks: bs})
			}
			if j.Tasks != nil {
				if len(j.Tasks) != len(j.Items) {
					return nil, errAt(p, "%d tasks for %d items (one per item: \"todo\", \"done\" or \"\")", len(j.Tasks), len(j.Items))
				}
				for k, t := range j.Tasks {
					n := indexOf(taskNames, t)
					if n < 0 {
						return nil, errAt(p, "unknown task state %q (known: todo, done, \"\")", t)
					}
					x.Items[k].Task = Task(n)
				}
			}
			b = x
		case "quote":
			x := &Quote{}
			x.Blocks, err = dc.blocks(j.Blocks, p+".blocks")
			b = x
		case "code_block":
			b = &CodeBlock{Lang: j.Lang, Text: j.Text}
		case "table":
			x := &Table{}
			if x.Caption, err = dc.inlines(j.Caption, p+".caption"); err != nil {
				return nil, err
			}
			for _, a := range j.Align {
				k := indexOf(alignNames, a)
				if k < 0 {
					return nil, errAt(p, "unknown alignment %q (known: default, left, center, right)", a)
				}
				x.Align = append(x.Align, Align(k))
			}
			if x.Header, err = dc.cells(j.Header, p+".header"); err != nil {
				return nil, err
			}
			for k, row := range j.Rows {
				r, err := dc.cells(row, fmt.Sprintf("%s.rows[%d]", p, k))
				if err != nil {
					return nil, err
				}
				x.Rows = append(x.Rows, r)
			}
			b = x
		case "figure":
			x := &Figure{Src: j.Src, Alt: j.Alt, Title: j.Title}
			x.Caption, err = dc.inlines(j.Caption, p+".caption")
			b = x
		case "rule":
			b = &Rule{}
		case "admonition":
			x := &Admonition{Kind: j.Kind}
			if x.Title, err = dc.inlines(j.Label, p+".label"); err != nil {
				return nil, err
			}
			x.Blocks, err = dc.blocks(j.Blocks, p+".blocks")
			b = x
		case "definition_list":
			x := &DefList{}
			for k, t := range j.Terms {
				tp := fmt.Sprintf("%s.terms[%d]", p, k)
				it := &DefItem{}
				if it.Term, err = dc.inlines(t.Term, tp+".term"); err != nil {
					return nil, err
				}
				for m, def := range t.Definitions {
					bs, err := dc.blocks(def, fmt.Sprintf("%s.definitions[%d]", tp, m))
					if err != nil {
						return nil, err
					}
					it.Defs = append(it.Defs, bs)
				}
				x.Items = append(x.Items, it)
			}
			b = x
		default:
			return nil, errAt(p, "unknown block type %q", j.Type)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func (dc *decoder) cells(js [][]jsonNode, path string) ([]Cell, error) {
	var out []Cell
	for i, c := range js {
		ins, err := dc.inlines(c, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out = append(out, Cell{Inlines: ins})
	}
	return out, nil
}

func (dc *decoder) inlines(js []jsonNode, path string) ([]Inline, error) {
	var out []Inline
	for i, j := range js {
		p := fmt.Sprintf("%s[%d]", path, i)
		if err := dc.check(&j, p); err != nil {
			return nil, err
		}
		var in Inline
		var err error
		var kids []Inline
		if j.Content != nil {
			if kids, err = dc.inlines(j.Content, p+".content"); err != nil {
				return nil, err
			}
		}
		switch j.Type {
		case "text":
			in = &Text{Text: j.Text}
		case "emph":
			in = &Emph{Inlines: kids}
		case "strong":
			in = &Strong{Inlines: kids}
		case "strike":
			in = &Strike{Inlines: kids}
		case "sup":
			in = &Sup{Inlines: kids}
		case "sub":
			in = &Sub{Inlines: kids}
		case "code":
			in = &Code{Text: j.Text}
		case "link":
			in = &Link{URL: j.URL, Title: j.Title, Inlines: kids}
		case "image":
			in = &Image{Src: j.Src, Alt: j.Alt, Title: j.Title}
		case "note":
			x := &Note{Number: j.Number}
			x.Blocks, err = dc.blocks(j.Blocks, p+".blocks")
			in = x
		case "line_break":
			in = &LineBreak{}
		case "math":
			in = &Math{TeX: j.Text, Display: j.Display}
		case "anchor":
			in = &Anchor{ID: j.ID}
		default:
			return nil, errAt(p, "unknown inline type %q", j.Type)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

// maxLevel is the deepest section level the JSON form takes.
const maxLevel = 100

// nodeFields lists the fields each node type may hold.
var nodeFields = map[string][]string{
	"paragraph": {"content"}, "heading": {"level", "content"},
	"list":  {"ordered", "start", "numbering", "tight", "items"},
	"quote": {"blocks"}, "code_block": {"lang", "text"},
	"table":  {"caption", "align", "header", "rows"},
	"figure": {"src", "alt", "title", "caption"}, "rule": {},
	"text": {"text"}, "emph": {"content"}, "strong": {"content"}, "strike": {"content"},
	"sup": {"content"}, "sub": {"content"}, "code": {"text"},
	"link": {"url", "title", "content"}, "image": {"src", "alt", "title"},
	"note": {"number", "blocks"}, "line_break": {},
	// Version 2.
	"admonition": {"kind", "label", "blocks"}, "definition_list": {"terms"},
	"math": {"text", "display"}, "anchor": {"id"},
}

// since gives the version that introduced a node type, if later than 1.
var since = map[string]int{"admonition": 2, "definition_list": 2, "math": 2, "anchor": 2}

// check reports a field that j's type does not hold, a type or field
// later than the document's version, or a value out of range.
func (dc *decoder) check(j *jsonNode, p string) error {
	allowed, ok := nodeFields[j.Type]
	if !ok {
		return nil // reported as an unknown type
	}
	if v := since[j.Type]; v > dc.version {
		return errAt(p, "%s needs \"galley\": %d or later (the document says %d)", j.Type, v, dc.version)
	}
	if j.Type == "list" {
		allowed = append(allowed[:len(allowed):len(allowed)], "tasks")
		if j.Tasks != nil && dc.version < 2 {
			return errAt(p, "tasks need \"galley\": 2 or later (the document says %d)", dc.version)
		}
	}
	set := map[string]bool{
		"level": j.Level != 0, "ordered": j.Ordered, "start": j.Start != nil, "numbering": j.Numbering != "",
		"tight": j.Tight, "number": j.Number != 0, "lang": j.Lang != "", "url": j.URL != "", "src": j.Src != "",
		"alt": j.Alt != "", "title": j.Title != "", "text": j.Text != "", "align": j.Align != nil,
		"caption": j.Caption != nil, "header": j.Header != nil, "rows": j.Rows != nil, "items": j.Items != nil,
		"content": j.Content != nil, "blocks": j.Blocks != nil,
		"kind": j.Kind != "", "id": j.ID != "", "display": j.Display, "tasks": j.Tasks != nil,
		"terms": j.Terms != nil, "label": j.Label != nil,
	}
	for _, f := range []string{"kind", "id", "level", "ordered", "start", "numbering", "tight", "number", "lang", "url", "src", "alt", "title", "text", "display", "align", "caption", "header", "rows", "items", "tasks", "terms", "label", "content", "blocks"} {
		if set[f] && indexOf(allowed, f) < 0 {
			return errAt(p, "a %s has no %q (it holds: %s)", j.Type, f, strings.Join(allowed, ", "))
		}
	}
	switch {
	case j.Type == "heading" && (j.Level < 1 || j.Level > 6):
		return errAt(p, "heading level %d is out of range (1 to 6)", j.Level)
	case j.Type == "list" && j.Numbering != "" && indexOf([]string{"1", "a", "A", "i", "I"}, j.Numbering) < 0:
		return errAt(p, "unknown numbering %q (known: 1, a, A, i, I)", j.Numbering)
	case j.Number < 0:
		return errAt(p, "note number %d is negative", j.Number)
	}
	return nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// Schema is the JSON Schema (draft 2020-12) of the JSON form that Encode
// writes and Decode reads.
//
//go:embed schema.json
var Schema []byte
