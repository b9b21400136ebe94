// Package yamlnode parses YAML (galley.yaml, front matter) into a small
// tree of nodes that remember their line, so that callers can check types
// and report errors where they are. It is the only package that imports a
// YAML library.
//
// Aliases are resolved, but the size of the tree they expand to is
// bounded: a small file cannot make a caller hold gigabytes (the "billion
// laughs" attack).
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kind is the kind of a node.
type Kind int

// Node kinds.
const (
	Null Kind = iota
	Scalar
	List
	Map
)

func (k Kind) String() string {
	return [...]string{"nothing", "a value", "a list", "a mapping"}[k]
}

// Node is a YAML value.
type Node struct {
	Kind Kind
	// Tag is a scalar's type: "str", "int", "float", "bool",
	// "timestamp" (a date) or "null".
	Tag string
	// Value is a scalar's text, as written (unquoted).
	Value string
	// Items holds a list's values.
	Items []*Node
	// Fields holds a mapping's entries, in the order written.
	Fields []Field
	// Line and Col locate the node, 1-based.
	Line, Col int
}

// Field is one entry of a mapping.
type Field struct {
	Key  string
	Line int // the key's line
	Col  int
	Val  *Node
}

// Get returns the value of key in a mapping, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Val
		}
	}
	return nil
}

// Error is a parse error at a line (0 when unknown).
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// MaxExpansion bounds the tree Parse returns: at most this many bytes of
// scalars and nodes once aliases are expanded, or 16 times the input,
// whichever is larger.
const MaxExpansion = 4 << 20

var lineMsg = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// Parse parses the first YAML document in data. An empty document gives
// nil.
func Parse(data []byte) (*Node, error) { return ParseDepth(data, MaxDepth) }

// ParseDepth is Parse with a bound on nesting: a tree nested deeper
// than depth levels is an error that says "nested more than N levels
// deep".
func ParseDepth(data []byte, depth int) (*Node, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := lineMsg.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, &Error{Line: line, Msg: m[2]}
		}
		return nil, &Error{Msg: msg}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	c := &converter{budget: max(MaxExpansion, 16*int64(len(data))), seen: map[*yaml.Node]*Node{}, sizes: map[*yaml.Node]int64{}, maxDepth: depth}
	n, err := c.convert(doc.Content[0], 0)
	if err != nil {
		return nil, err
	}
	return n, nil
}

type converter struct {
	maxDepth int
	budget   int64
	seen     map[*yaml.Node]*Node // anchors already converted
	sizes    map[*yaml.Node]int64 // expanded sizes, once computed
}

// MaxDepth bounds the nesting of a YAML tree Parse reads; real
// configuration files nest a few levels.
const MaxDepth = 100

func (c *converter) spend(n int64, line int) error {
	c.budget -= n
	if c.budget < 0 {
		return &Error{Line: line, Msg: "aliases expand this YAML to more than 16 times its size; refusing it (write the values out instead of repeating an alias)"}
	}
	return nil
}

func (c *converter) convert(y *yaml.Node, depth int) (*Node, error) {
	if depth > c.maxDepth {
		return nil, &Error{Line: y.Line, Msg: fmt.Sprintf("nested more than %d levels deep", c.maxDepth)}
	}
	if y.Kind == yaml.AliasNode {
		// An alias costs what its target costs, every time it is used;
		// the target's nodes are shared, not copied.
		if err := c.spend(c.size(y.Alias, 0), y.Line); err != nil {
			return nil, err
		}
		if n, ok := c.seen[y.Alias]; ok {
			return n, nil
		}
		return c.convert(y.Alias, depth+1)
	}
	n := &Node{Line: y.Line, Col: y.Column}
	if err := c.spend(int64(len(y.Value))+16, y.Line); err != nil {
		return nil, err
	}
	switch y.Kind {
	case yaml.ScalarNode:
		n.Kind, n.Value = Scalar, y.Value
		n.Tag = strings.TrimPrefix(y.ShortTag(), "!!")
		if n.Tag == "null" {
			n.Kind = Null
		}
	case yaml.SequenceNode:
		n.Kind = List
		for _, k := range y.Content {
			v, err := c.convert(k, depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, v)
		}
	case yaml.MappingNode:
		n.Kind = Map
		var merged []Field // from merge keys (<<: *defaults)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind == yaml.AliasNode {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				return nil, &Error{Line: k.Line, Msg: "a key must be a plain name"}
			}
			if k.Value == "<<" && k.Tag != "!!str" {
				val, err := c.convert(v, depth+1)
				if err != nil {
					return nil, err
				}
				maps := []*Node{val}
				if val.Kind == List {
					maps = val.Items
				}
				for _, m := range maps {
					if m.Kind != Map {
						return nil, &Error{Line: k.Line, Msg: "a merge key (<<) takes a mapping or a list of mappings"}
					}
					merged = append(merged, m.Fields...)
				}
				continue
			}
			for _, f := range n.Fields {
				if f.Key == k.Value {
					return nil, &Error{Line: k.Line, Msg: fmt.Sprintf("key %q given twice (first on line %d)", k.Value, f.Line)}
				}
			}
			val, err := c.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			n.Fields = append(n.Fields, Field{Key: k.Value, Line: k.Line, Col: k.Column, Val: val})
		}
		for _, f := range merged {
			if n.Get(f.Key) == nil {
				n.Fields = append(n.Fields, f)
			}
		}
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return &Node{Kind: Null, Line: y.Line}, nil
		}
		return c.convert(y.Content[0], depth)
	}
	if y.Anchor != "" {
		c.seen[y] = n
	}
	return n, nil
}

// size is what a node costs once expanded, aliases included. Each node's
// size is computed once, so nested aliases cost linear time.
func (c *converter) size(y *yaml.Node, depth int) int64 {
	const huge = 1 << 50
	if depth > c.maxDepth {
		return huge
	}
	if y.Kind == yaml.AliasNode {
		return c.size(y.Alias, depth+1)
	}
	if n, ok := c.sizes[y]; ok {
		return n
	}
	n := int64(len(y.Value)) + 16
	for _, k := range y.Content {
		n = min(n+c.size(k, depth+1), huge)
	}
	c.sizes[y] = n
	return n
}

// Strings returns a scalar as a one-item list, a list of scalars as
// strings, and nothing as nil. Anything else is an error naming what it
// found.
func (n *Node) Strings() ([]string, error) {
	switch n.Kind {
	case Null:
		return nil, nil
	case Scalar:
		return []string{n.Value}, nil
	case List:
		out := make([]string, 0, len(n.Items))
		for _, it := range n.Items {
			if it.Kind != Scalar {
				return nil, &Error{Line: it.Line, Msg: fmt.Sprintf("want a list of values, found %s in it", it.Kind)}
			}
			out = append(out, it.Value)
		}
		return out, nil
	}
	return nil, &Error{Line: n.Line, Msg: fmt.Sprintf("want a value or a list of values, found %s", n.Kind)}
}

// String returns a scalar's text; nothing gives "". A list or a mapping
// is an error.
func (n *Node) String() (string, error) {
	switch n.Kind {
	case Null:
		return "", nil
	case Scalar:
		return n.Value, nil
	}
	return "", &Error{Line: n.Line, Msg: fmt.Sprintf("want a single value, found %s", n.Kind)}
}
