//go:build ignore

// Gen writes model_gen.go and schema.json from the node types declared in
// doc.go: each node type's "//doc:block NAME" or "//doc:inline NAME"
// line (with "since=N" for a type later than version 1), its fields'
// doc:"key" tags, the helper types its fields hold (ListItem, Cell…)
// and the "//doc:enum" names of its enumerations. From them come the
// walk, the deep copy, the JSON encoder and decoder, and the JSON
// Schema: a node type is declared once.
//
//	go generate ./pkg/doc   (runs: go run gen.go)
//
// With -check it writes nothing and exits 1 if a file is not current.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

type field struct {
	name, key string
	typ       string // Go type: "string", "[]Inline", "[]*ListItem"…
	// min and max bound an integer (its tags min:"1" max:"6"); oneOf
	// lists a string's values (oneof:"1 a A i I"), beside "".
	min, max *int
	oneOf    []string
}

type node struct {
	goName, name, kind string // kind: block, inline or helper
	since              int
	fields             []field
}

type model struct {
	nodes   []*node // blocks and inlines, in declaration order
	helpers map[string]*node
	enums   map[string][]string
	order   []string // helper names in order
}

func main() {
	check := flag.Bool("check", false, "write nothing; exit 1 if a generated file is not current")
	flag.Parse()
	m, err := load("doc.go")
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	code, err := format.Source(m.code())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen: formatting:", err)
		os.Exit(2)
	}
	schema := m.schema()
	stale := false
	for _, f := range []struct {
		path string
		data []byte
	}{{"model_gen.go", code}, {"schema.json", schema}} {
		old, _ := os.ReadFile(f.path)
		if bytes.Equal(old, f.data) {
			continue
		}
		if *check {
			fmt.Fprintf(os.Stderr, "gen: %s is not current: run go generate ./pkg/doc\n", f.path)
			stale = true
			continue
		}
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(2)
		}
	}
	if stale {
		os.Exit(1)
	}
}

// load reads the declarations of doc.go.
func load(path string) (*model, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	m := &model{helpers: map[string]*node{}, enums: map[string][]string{}}
	structs := map[string]*ast.StructType{}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, spec := range g.Specs {
			ts := spec.(*ast.TypeSpec)
			doc := g.Doc
			if ts.Doc != nil {
				doc = ts.Doc
			}
			var directive string
			if doc != nil {
				for _, c := range doc.List {
					if d, ok := strings.CutPrefix(c.Text, "//doc:"); ok {
						directive = d
					}
				}
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				structs[ts.Name.Name] = st
			}
			words := strings.Fields(directive)
			if len(words) == 0 {
				continue
			}
			switch words[0] {
			case "enum":
				for _, w := range words[1:] {
					name, err := strconv.Unquote(w)
					if err != nil {
						name = w
					}
					m.enums[ts.Name.Name] = append(m.enums[ts.Name.Name], name)
				}
			case "block", "inline":
				n := &node{goName: ts.Name.Name, kind: words[0], name: words[1], since: 1}
				for _, w := range words[2:] {
					if v, ok := strings.CutPrefix(w, "since="); ok {
						n.since, _ = strconv.Atoi(v)
					}
				}
				m.nodes = append(m.nodes, n)
			}
		}
	}
	fieldsOf := func(name string) ([]field, error) {
		st := structs[name]
		if st == nil {
			return nil, fmt.Errorf("no struct %s", name)
		}
		var out []field
		for _, fl := range st.Fields.List {
			if len(fl.Names) != 1 || fl.Tag == nil {
				return nil, fmt.Errorf("%s: every field needs a name and a doc:\"key\" tag", name)
			}
			tag, _ := strconv.Unquote(fl.Tag.Value)
			key := reflect.StructTag(tag).Get("doc")
			if key == "" {
				return nil, fmt.Errorf("%s.%s has no doc:\"key\" tag", name, fl.Names[0].Name)
			}
			var b bytes.Buffer
			format.Node(&b, token.NewFileSet(), fl.Type)
			fd := field{name: fl.Names[0].Name, key: key, typ: b.String()}
			st := reflect.StructTag(tag)
			for _, bound := range []struct {
				name string
				dst  **int
			}{{"min", &fd.min}, {"max", &fd.max}} {
				if v, ok := st.Lookup(bound.name); ok {
					n, err := strconv.Atoi(v)
					if err != nil {
						return nil, fmt.Errorf("%s.%s: %s:%q", name, fd.name, bound.name, v)
					}
					*bound.dst = &n
				}
			}
			if v, ok := st.Lookup("oneof"); ok {
				fd.oneOf = strings.Fields(v)
			}
			out = append(out, fd)
		}
		return out, nil
	}
	for _, n := range m.nodes {
		if n.fields, err = fieldsOf(n.goName); err != nil {
			return nil, err
		}
	}
	// Helper types: structs the nodes' fields hold, and theirs.
	var visit func(fs []field) error
	visit = func(fs []field) error {
		for _, f := range fs {
			base := strings.TrimLeft(f.typ, "[]*")
			if structs[base] == nil || m.helpers[base] != nil || isNode(m, base) {
				continue
			}
			h := &node{goName: base, kind: "helper"}
			m.helpers[base] = h
			m.order = append(m.order, base)
			if h.fields, err = fieldsOf(base); err != nil {
				return err
			}
			if err := visit(h.fields); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range m.nodes {
		if err := visit(n.fields); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func isNode(m *model, name string) bool {
	for _, n := range m.nodes {
		if n.goName == name {
			return true
		}
	}
	return false
}

func (m *model) kind(typ string) string {
	base := strings.TrimLeft(typ, "[]*")
	switch {
	case base == "Inline" || base == "Block":
		return strings.ToLower(base)
	case m.enums[base] != nil:
		return "enum"
	case m.helpers[base] != nil:
		return "helper"
	}
	return "scalar"
}

type writer struct{ bytes.Buffer }

func (w *writer) p(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }

func (m *model) code() []byte {
	w := &writer{}
	w.p("// Code generated by gen.go from the declarations in doc.go; DO NOT EDIT.\n")
	w.p("package doc\n")
	w.p("import (\n\"encoding/json\"\n\"fmt\"\n)\n")
	m.walk(w)
	m.children(w)
	m.clone(w)
	m.encode(w)
	m.decode(w)
	return w.Bytes()
}

// nodesOf returns the block or inline nodes.
func (m *model) nodesOf(kind string) []*node {
	var out []*node
	for _, n := range m.nodes {
		if n.kind == kind {
			out = append(out, n)
		}
	}
	return out
}

// walk writes walkChildren: a node's children, in field order.
func (m *model) walk(w *writer) {
	w.p("// walkChildren visits the blocks and inlines n holds, in the order of its fields.")
	w.p("func walkChildren(n Node, fn func(Node) Visit) bool {")
	w.p("switch n := n.(type) {")
	for _, n := range m.nodes {
		var steps []string
		for _, f := range n.fields {
			if s := m.walkField("n."+f.name, f.typ, 0); s != "" {
				steps = append(steps, s)
			}
		}
		if len(steps) == 0 {
			continue
		}
		w.p("case *%s:", n.goName)
		for _, s := range steps {
			w.p("%s", s)
		}
	}
	w.p("}\nreturn true\n}\n")
}

// walkField returns the statements that walk a field's value v.
func (m *model) walkField(v, typ string, depth int) string {
	x := fmt.Sprintf("x%d", depth)
	switch {
	case typ == "[]Inline":
		return fmt.Sprintf("if !walkInlines(%s, fn) { return false }", v)
	case typ == "[]Block":
		return fmt.Sprintf("if !walkBlocks(%s, fn) { return false }", v)
	case strings.HasPrefix(typ, "[]"):
		inner := m.walkField(x, typ[2:], depth+1)
		if inner == "" {
			return ""
		}
		return fmt.Sprintf("for _, %s := range %s {\n%s\n}", x, v, inner)
	case m.helpers[strings.TrimPrefix(typ, "*")] != nil:
		h := m.helpers[strings.TrimPrefix(typ, "*")]
		var steps []string
		for _, f := range h.fields {
			if s := m.walkField(v+"."+f.name, f.typ, depth+1); s != "" {
				steps = append(steps, s)
			}
		}
		return strings.Join(steps, "\n")
	}
	return ""
}

// children writes Children and SetChildren: the inlines of the inline
// types that hold inlines (emphasis, links, spans…).
func (m *model) children(w *writer) {
	var holders [][2]string
	for _, n := range m.nodesOf("inline") {
		for _, f := range n.fields {
			if f.typ == "[]Inline" {
				holders = append(holders, [2]string{n.goName, f.name})
			}
		}
	}
	w.p("// Children returns the inlines inside a container inline (emphasis,\n// strong, strikethrough, superscript, subscript, link, span), or nil.\nfunc Children(in Inline) []Inline {\nswitch in := in.(type) {")
	for _, h := range holders {
		w.p("case *%s:\nreturn in.%s", h[0], h[1])
	}
	w.p("}\nreturn nil\n}\n")
	w.p("// SetChildren replaces the inlines inside a container inline; it does\n// nothing to another.\nfunc SetChildren(in Inline, kids []Inline) {\nswitch in := in.(type) {")
	for _, h := range holders {
		w.p("case *%s:\nin.%s = kids", h[0], h[1])
	}
	w.p("}\n}\n")
}

// clone writes the deep copies.
func (m *model) clone(w *writer) {
	for _, kind := range []string{"block", "inline"} {
		t := map[string]string{"block": "Block", "inline": "Inline"}[kind]
		w.p("func clone%s(x %s) %s {\nswitch x := x.(type) {", t, t, t)
		for _, n := range m.nodesOf(kind) {
			w.p("case *%s:\nreturn %s", n.goName, m.cloneValue("x", "*"+n.goName, 0))
		}
		w.p("}\n// %s's method is unexported: no other type can reach here.\npanic(fmt.Sprintf(\"doc: Clone: unknown %s %%T\", x))\n}\n", t, kind)
	}
	for _, h := range m.order {
		w.p("func clone%s(x *%s) *%s {\nreturn %s\n}\n", h, h, h, m.cloneValue("x", "*"+h, 0))
	}
}

// cloneValue returns an expression that copies v, of type typ.
func (m *model) cloneValue(v, typ string, depth int) string {
	switch {
	case typ == "[]Inline":
		return "CloneInlines(" + v + ")"
	case typ == "[]Block":
		return "CloneBlocks(" + v + ")"
	case strings.HasPrefix(typ, "[]"):
		elem := typ[2:]
		if m.kind(elem) == "scalar" || m.kind(elem) == "enum" {
			return fmt.Sprintf("append(%s(nil), %s...)", typ, v)
		}
		x := fmt.Sprintf("x%d", depth)
		return fmt.Sprintf("func() %s { if %s == nil { return nil }; out := make(%s, len(%s)); for i, %s := range %s { out[i] = %s }; return out }()",
			typ, v, typ, v, x, v, m.cloneValue(x, elem, depth+1))
	case strings.HasPrefix(typ, "*"):
		name := typ[1:]
		if m.helpers[name] != nil && depth > 0 {
			return "clone" + name + "(" + v + ")"
		}
		var parts []string
		for _, f := range m.structFields(name) {
			parts = append(parts, f.name+": "+m.cloneValue(v+"."+f.name, f.typ, depth+1))
		}
		return "&" + name + "{" + strings.Join(parts, ", ") + "}"
	case m.helpers[typ] != nil:
		return "*clone" + typ + "(&" + v + ")"
	}
	return v
}

func (m *model) structFields(name string) []field {
	if h := m.helpers[name]; h != nil {
		return h.fields
	}
	for _, n := range m.nodes {
		if n.goName == name {
			return n.fields
		}
	}
	return nil
}

// encode writes the JSON encoder of the nodes.
func (m *model) encode(w *writer) {
	for _, kind := range []string{"block", "inline"} {
		t := map[string]string{"block": "Block", "inline": "Inline"}[kind]
		w.p("func (e *encoder) %s(x %s) {\nswitch x := x.(type) {", kind, t)
		for _, n := range m.nodesOf(kind) {
			w.p("case *%s:\ne.typ(%q)", n.goName, n.name)
			for _, f := range n.fields {
				w.p("%s", m.encodeField("x."+f.name, f.key, f.typ))
			}
		}
		w.p("default:\ne.fail(fmt.Errorf(\"doc: unknown %s %%T\", x))\ne.open('{')\n}\ne.close('}')\n}\n", kind)
	}
	for _, h := range m.order {
		n := m.helpers[h]
		var zero []string
		for _, f := range n.fields {
			switch {
			case f.typ == "string":
				zero = append(zero, "x."+f.name+` == ""`)
			case f.typ == "int" || m.enums[f.typ] != nil:
				zero = append(zero, "x."+f.name+" == 0")
			case f.typ == "bool":
				zero = append(zero, "!x."+f.name)
			case strings.HasPrefix(f.typ, "[]"):
				zero = append(zero, "len(x."+f.name+") == 0")
			case m.helpers[f.typ] != nil:
				zero = append(zero, "isZero"+f.typ+"(&x."+f.name+")")
			}
		}
		w.p("func isZero%s(x *%s) bool { return %s }\n", h, h, strings.Join(zero, " && "))
		w.p("func (e *encoder) enc%s(x *%s) {\ne.open('{')", h, h)
		for _, f := range n.fields {
			w.p("%s", m.encodeField("x."+f.name, f.key, f.typ))
		}
		w.p("e.close('}')\n}\n")
	}
}

// encodeField returns the statements that write a field, left out when
// empty.
func (m *model) encodeField(v, key, typ string) string {
	switch typ {
	case "string":
		return fmt.Sprintf("e.str(%q, %s)", key, v)
	case "int":
		return fmt.Sprintf("e.num(%q, %s)", key, v)
	case "bool":
		return fmt.Sprintf("e.flag(%q, %s)", key, v)
	case "[]string":
		return fmt.Sprintf("e.strings(%q, %s)", key, v)
	case "[]Inline":
		return fmt.Sprintf("e.inlineList(%q, %s)", key, v)
	case "[]Block":
		return fmt.Sprintf("e.blockList(%q, %s)", key, v)
	}
	if m.enums[typ] != nil {
		return fmt.Sprintf("if %s != 0 { e.key(%q); e.enumValue(%sNames, int(%s)) }", v, key, lower(typ), v)
	}
	if m.helpers[typ] != nil { // a struct value: left out when zero
		return fmt.Sprintf("if !isZero%s(&%s) { e.key(%q); e.enc%s(&%s) }", typ, v, key, typ, v)
	}
	return fmt.Sprintf("if len(%s) > 0 { e.key(%q); %s }", v, key, m.encodeValue(v, typ, 0))
}

// encodeValue returns the statements that write v as a JSON value.
func (m *model) encodeValue(v, typ string, depth int) string {
	x := fmt.Sprintf("x%d", depth)
	switch {
	case typ == "[]Inline":
		return "e.inlines(" + v + ")"
	case typ == "[]Block":
		return "e.blocks(" + v + ")"
	case typ == "string":
		return "e.quote(" + v + ")"
	case m.enums[typ] != nil:
		return fmt.Sprintf("e.enumValue(%sNames, int(%s))", lower(typ), v)
	case strings.HasPrefix(typ, "[]"):
		return fmt.Sprintf("e.open('[')\nfor _, %s := range %s {\ne.next()\n%s\n}\ne.close(']')", x, v, m.encodeValue(x, typ[2:], depth+1))
	case strings.HasPrefix(typ, "*"):
		return "e.enc" + typ[1:] + "(" + v + ")"
	case m.helpers[typ] != nil:
		return "e.enc" + typ + "(&" + v + ")"
	}
	panic("gen: cannot encode " + typ)
}

// decode writes the decoder of the JSON form's current version.
func (m *model) decode(w *writer) {
	for _, kind := range []string{"block", "inline"} {
		t := map[string]string{"block": "Block", "inline": "Inline"}[kind]
		w.p("func (dc *decoder3) %s(obj map[string]json.RawMessage, typ, p string) (%s, error) {\nvar err error\nswitch typ {", kind, t)
		for _, n := range m.nodesOf(kind) {
			w.p("case %q:", n.name)
			var keys []string
			for _, f := range n.fields {
				keys = append(keys, strconv.Quote(f.key))
			}
			w.p("if err := onlyKeys(obj, p, %q, %s); err != nil { return nil, err }", n.name, strings.Join(append([]string{`"type"`}, keys...), ", "))
			w.p("x := &%s{}", n.goName)
			for _, f := range n.fields {
				w.p("if raw, ok := obj[%q]; ok {\n%s\n}", f.key, m.decodeInto("x."+f.name, f.typ, "raw", fmt.Sprintf("p+%q", "."+f.key), 0))
				w.p("%s", bounds("x."+f.name, f, fmt.Sprintf("p+%q", "."+f.key)))
			}
			w.p("return x, nil")
		}
		w.p("}\nreturn nil, errAt(p, \"unknown %s type %%q\", typ)\n}\n", kind)
	}
	for _, h := range m.order {
		n := m.helpers[h]
		var keys []string
		for _, f := range n.fields {
			keys = append(keys, strconv.Quote(f.key))
		}
		w.p("func (dc *decoder3) dec%s(raw json.RawMessage, p string) (*%s, error) {\nobj, err := object(raw, p)\nif err != nil { return nil, err }", h, h)
		w.p("if err := onlyKeys(obj, p, %q, %s); err != nil { return nil, err }\nx := &%s{}", strings.ToLower(h), strings.Join(keys, ", "), h)
		for _, f := range n.fields {
			w.p("if raw, ok := obj[%q]; ok {\n%s\n}", f.key, m.decodeInto("x."+f.name, f.typ, "raw", fmt.Sprintf("p+%q", "."+f.key), 0))
		}
		w.p("return x, nil\n}\n")
	}
	var names []string
	for _, n := range m.nodes {
		names = append(names, fmt.Sprintf("%q: %d", n.name, n.since))
	}
	w.p("// nodeSince gives each node type of the JSON form and the version that introduced it.\nvar nodeSince = map[string]int{%s}\n", strings.Join(names, ", "))
	var enums []string
	for e := range m.enums {
		enums = append(enums, e)
	}
	sort.Strings(enums)
	for _, e := range enums {
		var q []string
		for _, n := range m.enums[e] {
			q = append(q, strconv.Quote(n))
		}
		w.p("// %sNames are the JSON names of the %s values, in order.\nvar %sNames = []string{%s}\n", lower(e), e, lower(e), strings.Join(q, ", "))
	}
}

// decodeInto returns the statements that decode raw into dst (an
// assignable expression: "x.Items", "x.Items[i0]") of type typ.
func (m *model) decodeInto(dst, typ, raw, p string, depth int) string {
	ret := "if err != nil { return nil, err }"
	switch {
	case typ == "[]Inline":
		return fmt.Sprintf("%s, err = dc.inlines(%s, %s)\n%s", dst, raw, p, ret)
	case typ == "[]Block":
		return fmt.Sprintf("%s, err = dc.blocks(%s, %s)\n%s", dst, raw, p, ret)
	case m.enums[typ] != nil:
		return fmt.Sprintf("var s string\nif err := value(%s, %s, &s); err != nil { return nil, err }\nk := indexOf(%sNames, s)\nif k < 0 { return nil, errAt(%s, \"unknown value %%q (known: %%s)\", s, knownNames(%sNames)) }\n%s = %s(k)", raw, p, lower(typ), p, lower(typ), dst, typ)
	case typ == "string" || typ == "int" || typ == "bool" || typ == "[]string":
		return fmt.Sprintf("if err := value(%s, %s, &%s); err != nil { return nil, err }", raw, p, dst)
	case strings.HasPrefix(typ, "[]"):
		items, x, i := fmt.Sprintf("items%d", depth), fmt.Sprintf("x%d", depth), fmt.Sprintf("i%d", depth)
		elem := typ[2:]
		return fmt.Sprintf("%s, err := array(%s, %s)\n%s\n%s = make(%s, len(%s))\nfor %s, %s := range %s {\n%s\n}",
			items, raw, p, ret, dst, typ, items, i, x, items,
			m.decodeInto(dst+"["+i+"]", elem, x, fmt.Sprintf("fmt.Sprintf(\"%%s[%%d]\", %s, %s)", p, i), depth+1))
	case strings.HasPrefix(typ, "*"):
		return fmt.Sprintf("v, err := dc.dec%s(%s, %s)\n%s\n%s = v", typ[1:], raw, p, ret, dst)
	case m.helpers[typ] != nil:
		return fmt.Sprintf("v, err := dc.dec%s(%s, %s)\n%s\n%s = *v", typ, raw, p, ret, dst)
	}
	panic("gen: cannot decode " + typ)
}

func lower(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// bounds returns the checks of a field's min, max and oneof tags.
func bounds(v string, f field, p string) string {
	var out []string
	if f.min != nil {
		out = append(out, fmt.Sprintf("if %s < %d { return nil, errAt(%s, \"%%d is out of range (at least %d)\", %s) }", v, *f.min, p, *f.min, v))
	}
	if f.max != nil {
		out = append(out, fmt.Sprintf("if %s > %d { return nil, errAt(%s, \"%%d is out of range (at most %d)\", %s) }", v, *f.max, p, *f.max, v))
	}
	if f.oneOf != nil {
		var q []string
		for _, o := range f.oneOf {
			q = append(q, strconv.Quote(o))
		}
		out = append(out, fmt.Sprintf("if %s != \"\" && indexOf([]string{%s}, %s) < 0 { return nil, errAt(%s, \"unknown value %%q (known: %s)\", %s) }", v, strings.Join(q, ", "), v, p, strings.Join(f.oneOf, ", "), v))
	}
	return strings.Join(out, "\n")
}

// schema returns the JSON Schema of the current version.
func (m *model) schema() []byte {
	defs := map[string]any{}
	var blocks, inlines []any
	for _, n := range m.nodes {
		name := "node_" + n.name
		defs[name] = m.objectSchema(n, n.name)
		ref := map[string]any{"$ref": "#/$defs/" + name}
		if n.kind == "block" {
			blocks = append(blocks, ref)
		} else {
			inlines = append(inlines, ref)
		}
	}
	for _, h := range m.order {
		defs[lower(h)] = m.objectSchema(m.helpers[h], "")
	}
	defs["block"] = map[string]any{"oneOf": blocks}
	defs["inline"] = map[string]any{"oneOf": inlines}
	defs["blocks"] = map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/block"}}
	defs["inlines"] = map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/inline"}}
	defs["section"] = map[string]any{
		"type": "object", "additionalProperties": false, "required": []string{"level"},
		"properties": map[string]any{
			"level": map[string]any{"type": "integer", "minimum": 1, "maximum": 100}, "id": map[string]any{"type": "string"},
			"number": map[string]any{"type": "string"}, "title": map[string]any{"$ref": "#/$defs/inlines"},
			"blocks": map[string]any{"$ref": "#/$defs/blocks"}, "sections": map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/section"}},
		},
	}
	str := map[string]any{"type": "string"}
	strs := map[string]any{"type": "array", "items": str}
	defs["meta"] = map[string]any{
		"type": "object", "additionalProperties": false,
		"properties": map[string]any{
			"title": str, "subtitle": str, "authors": strs, "lang": map[string]any{"type": "string", "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"},
			"date": str, "identifier": str, "publisher": str, "rights": str, "description": str, "keywords": strs, "cover": str,
			"extra": map[string]any{"type": "array", "items": map[string]any{
				"type": "object", "additionalProperties": false, "required": []string{"key", "value"},
				"properties": map[string]any{"key": str, "value": str},
			}},
		},
	}
	s := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://galleypress.github.io/schema/document-3.json",
		"title":                "galley document, JSON form version 3 (generated from pkg/doc/doc.go by gen.go)",
		"description":          "The document model of galley (package doc): metadata, the blocks before the first section, and a tree of sections. Encode writes it; Decode reads it (and versions 1 and 2) and refuses anything this schema refuses.",
		"type":                 "object",
		"required":             []string{"galley", "meta"},
		"additionalProperties": false,
		"properties": map[string]any{
			"galley":   map[string]any{"const": 3},
			"meta":     map[string]any{"$ref": "#/$defs/meta"},
			"blocks":   map[string]any{"$ref": "#/$defs/blocks"},
			"sections": map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/section"}},
		},
		"$defs": defs,
	}
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

func (m *model) objectSchema(n *node, typ string) map[string]any {
	props := map[string]any{}
	var required []string
	if typ != "" {
		props["type"] = map[string]any{"const": typ}
		required = []string{"type"}
	}
	for _, f := range n.fields {
		s := m.typeSchema(f.typ)
		if f.min != nil {
			s["minimum"] = *f.min
		}
		if f.max != nil {
			s["maximum"] = *f.max
		}
		if f.oneOf != nil {
			s["enum"] = append([]string{""}, f.oneOf...)
			delete(s, "type")
		}
		props[f.key] = s
	}
	out := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if required != nil {
		out["required"] = required
	}
	return out
}

func (m *model) typeSchema(typ string) map[string]any {
	switch {
	case typ == "string":
		return map[string]any{"type": "string"}
	case typ == "int":
		return map[string]any{"type": "integer"}
	case typ == "bool":
		return map[string]any{"type": "boolean"}
	case typ == "[]Inline":
		return map[string]any{"$ref": "#/$defs/inlines"}
	case typ == "[]Block":
		return map[string]any{"$ref": "#/$defs/blocks"}
	case m.enums[typ] != nil:
		return map[string]any{"enum": m.enums[typ]}
	case strings.HasPrefix(typ, "[]"):
		return map[string]any{"type": "array", "items": m.typeSchema(typ[2:])}
	case strings.HasPrefix(typ, "*"):
		return map[string]any{"$ref": "#/$defs/" + lower(typ[1:])}
	case m.helpers[typ] != nil:
		return map[string]any{"$ref": "#/$defs/" + lower(typ)}
	}
	panic("gen: no schema for " + typ)
}
