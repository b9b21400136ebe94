package doc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

//go:generate go run gen.go

// decoder3 reads the JSON form of version 3, whose nodes' fields are
// those doc.go declares (see gen.go and model_gen.go).
type decoder3 struct{}

// object reads a JSON object's members.
func object(raw json.RawMessage, p string) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return nil, errAt(p, "want an object")
	}
	return obj, nil
}

// array reads a JSON array's items.
func array(raw json.RawMessage, p string) ([]json.RawMessage, error) {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, errAt(p, "want an array")
	}
	return items, nil
}

// value reads a scalar or a list of strings into dst.
func value(raw json.RawMessage, p string, dst any) error {
	if err := json.Unmarshal(raw, dst); err != nil {
		var want string
		switch dst.(type) {
		case *string:
			want = "a string"
		case *int:
			want = "a whole number"
		case *bool:
			want = "true or false"
		default:
			want = "a list of strings"
		}
		return errAt(p, "want %s", want)
	}
	return nil
}

// onlyKeys reports a member that a node type does not hold.
func onlyKeys(obj map[string]json.RawMessage, p, typ string, keys ...string) error {
	for k := range obj {
		if indexOf(keys, k) < 0 {
			return errAt(p, "a %s has no %q (it holds: %s)", typ, k, strings.Join(keys, ", "))
		}
	}
	return nil
}

func knownNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func (dc *decoder3) nodes(raw json.RawMessage, p string, each func(obj map[string]json.RawMessage, typ, p string) error) error {
	items, err := array(raw, p)
	if err != nil {
		return err
	}
	for i, it := range items {
		ip := fmt.Sprintf("%s[%d]", p, i)
		obj, err := object(it, ip)
		if err != nil {
			return err
		}
		var typ string
		if t, ok := obj["type"]; !ok || json.Unmarshal(t, &typ) != nil {
			return errAt(ip, `want a "type"`)
		}
		if err := each(obj, typ, ip); err != nil {
			return err
		}
	}
	return nil
}

func (dc *decoder3) blocks(raw json.RawMessage, p string) ([]Block, error) {
	var out []Block
	err := dc.nodes(raw, p, func(obj map[string]json.RawMessage, typ, p string) error {
		b, err := dc.block(obj, typ, p)
		out = append(out, b)
		return err
	})
	return out, err
}

func (dc *decoder3) inlines(raw json.RawMessage, p string) ([]Inline, error) {
	var out []Inline
	err := dc.nodes(raw, p, func(obj map[string]json.RawMessage, typ, p string) error {
		in, err := dc.inline(obj, typ, p)
		out = append(out, in)
		return err
	})
	return out, err
}

// decode3 reads a document of version 3.
func decode3(data []byte) (*Document, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var jd struct {
		Galley   int             `json:"galley"`
		Meta     jsonMeta        `json:"meta"`
		Blocks   json.RawMessage `json:"blocks,omitempty"`
		Sections json.RawMessage `json:"sections,omitempty"`
	}
	if err := dec.Decode(&jd); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		return nil, errors.New("doc: unexpected data after the document")
	}
	d := &Document{Meta: Meta(jd.Meta)}
	dc := &decoder3{}
	var err error
	if jd.Blocks != nil {
		if d.Blocks, err = dc.blocks(jd.Blocks, "blocks"); err != nil {
			return nil, err
		}
	}
	if jd.Sections != nil {
		if d.Sections, err = dc.sections(jd.Sections, "sections", 0); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (dc *decoder3) sections(raw json.RawMessage, path string, parent int) ([]*Section, error) {
	items, err := array(raw, path)
	if err != nil {
		return nil, err
	}
	var out []*Section
	for i, it := range items {
		p := fmt.Sprintf("%s[%d]", path, i)
		obj, err := object(it, p)
		if err != nil {
			return nil, err
		}
		if err := onlyKeys(obj, p, "section", "level", "id", "number", "title", "blocks", "sections"); err != nil {
			return nil, err
		}
		s := &Section{}
		if raw, ok := obj["level"]; ok {
			if err := value(raw, p+".level", &s.Level); err != nil {
				return nil, err
			}
		}
		if s.Level <= parent {
			return nil, errAt(p, "level %d must be greater than its parent's level %d", s.Level, parent)
		}
		if s.Level > maxLevel {
			return nil, errAt(p, "level %d is out of range (1 to %d)", s.Level, maxLevel)
		}
		for key, dst := range map[string]*string{"id": &s.ID, "number": &s.Number} {
			if raw, ok := obj[key]; ok {
				if err := value(raw, p+"."+key, dst); err != nil {
					return nil, err
				}
			}
		}
		if raw, ok := obj["title"]; ok {
			if s.Title, err = dc.inlines(raw, p+".title"); err != nil {
				return nil, err
			}
		}
		if raw, ok := obj["blocks"]; ok {
			if s.Blocks, err = dc.blocks(raw, p+".blocks"); err != nil {
				return nil, err
			}
		}
		if raw, ok := obj["sections"]; ok {
			if s.Sections, err = dc.sections(raw, p+".sections", s.Level); err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	return out, nil
}
