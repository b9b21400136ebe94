package safeimage

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// dropped are the elements removed with everything inside them: active
// content, foreign content, and elements that load or run something.
var dropped = map[string]string{
	"script":        "script element",
	"foreignobject": "foreignObject element",
	"iframe":        "iframe element",
	"embed":         "embed element",
	"object":        "object element",
	"handler":       "handler element",
	"listener":      "listener element",
	"audio":         "audio element",
	"video":         "video element",
}

// safeURL matches the references an SVG may keep: fragments inside the
// file, and embedded raster images.
var safeURL = regexp.MustCompile(`(?i)^\s*(#[^\s]*|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*)\s*$`)

// svgDoctype matches the DOCTYPE of SVG 1.0 and 1.1, with no internal
// subset.
var svgDoctype = regexp.MustCompile(`^DOCTYPE\s+svg\s+PUBLIC\s+"-//W3C//DTD SVG 1\.[01][^"]*"\s+"http://www\.w3\.org/(Graphics/SVG/1\.1/DTD/svg11\.dtd|TR/2001/REC-SVG-20010904/DTD/svg10\.dtd)"\s*$`)

// cssURL finds url(...) and @import in style text.
var cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")]*)['"]?\s*\)|@import`)

// SanitizeSVG returns data with everything active or external taken out:
// the XML declaration is kept; DOCTYPE (and the entities it may declare),
// processing instructions, script and foreignObject elements (and the
// like), event handler attributes (onload=…), references that are not
// fragments or embedded images (href, xlink:href, src), style sheets that
// import or load files, and animations that set a reference. The result
// is well-formed XML; removed lists each kind taken out once. A file that
// is not well-formed XML is an error, and so is one that would draw more
// than maxElements elements once its <use> references are expanded (0
// means DefaultSVGElements), or has a gradient of more than
// MaxGradientStops stops.
func SanitizeSVG(data []byte, maxElements int) (clean []byte, removed []string, err error) {
	tree := newSVGTree(maxElements)
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = map[string]string{}
	var out bytes.Buffer
	kinds := map[string]bool{}
	remove := func(kind string) { kinds[kind] = true }
	skip := 0 // depth inside a dropped element
	var stack []string
	sawRoot := false
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("SVG is not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			if t.Target == "xml" && out.Len() == 0 {
				out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
				continue
			}
			remove("processing instruction")
		case xml.Directive:
			// The DOCTYPE that names SVG's public DTD (Graphviz and
			// Inkscape write it) is dropped silently: it declares
			// nothing. Any other, or one with declarations of its own
			// (entities), is reported.
			if !svgDoctype.Match(t) {
				remove("DOCTYPE or other directive")
			}
		case xml.Comment:
			// Comments are dropped: they are never needed and could hide
			// conditional markup.
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if skip > 0 {
				skip++
				continue
			}
			if kind, ok := dropped[name]; ok {
				remove(kind)
				skip = 1
				continue
			}
			if !sawRoot {
				if name != "svg" {
					return nil, nil, errors.New("not an SVG image: its root element is not svg")
				}
				sawRoot = true
			}
			if name == "style" && styleLoads(dec, &out, t, remove) {
				continue
			}
			if (name == "set" || strings.HasPrefix(name, "animate")) && animatesRef(t) {
				remove("animation of a reference")
				skip = 1
				continue
			}
			writeStart(&out, t, remove)
			stack = append(stack, qname(t.Name))
			var id, href string
			for _, a := range t.Attr {
				switch strings.ToLower(a.Name.Local) {
				case "id":
					id = a.Value
				case "href":
					href = strings.TrimSpace(a.Value)
				}
			}
			if tree.start(name, id, href); tree.err != nil {
				return nil, nil, tree.err
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if len(stack) == 0 {
				return nil, nil, errors.New("SVG is not well-formed XML: unbalanced end tag")
			}
			tree.end(strings.ToLower(t.Name.Local))
			out.WriteString("</" + stack[len(stack)-1] + ">")
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if skip > 0 || len(stack) == 0 {
				continue
			}
			xml.EscapeText(&out, t)
		}
	}
	if !sawRoot || len(stack) != 0 {
		return nil, nil, errors.New("SVG is not well-formed XML: no complete svg element")
	}
	if err := tree.check(); err != nil {
		return nil, nil, err
	}
	for k := range kinds {
		removed = append(removed, k)
	}
	sort.Strings(removed)
	return out.Bytes(), removed, nil
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// writeStart writes a start tag with its safe attributes.
func writeStart(out *bytes.Buffer, t xml.StartElement, remove func(string)) {
	out.WriteString("<" + qname(t.Name))
	for _, a := range t.Attr {
		local := strings.ToLower(a.Name.Local)
		switch {
		case strings.HasPrefix(local, "on"):
			remove("event handler attribute")
			continue
		case local == "href" || local == "src" || (a.Name.Space == "xml" && local == "base"):
			if !safeURL.MatchString(a.Value) {
				remove("external or script reference")
				continue
			}
		case local == "style" && cssLoads(a.Value):
			remove("style that loads a file")
			continue
		case strings.Contains(strings.ToLower(a.Value), "url(") && cssLoads(a.Value):
			// fill="url(http://…)", mask, filter, clip-path, marker
			remove("external reference in a paint, mask or filter")
			continue
		case strings.Contains(strings.ToLower(a.Value), "javascript:"):
			remove("script reference")
			continue
		}
		out.WriteString(" " + qname(a.Name) + `="`)
		xml.EscapeText(out, []byte(a.Value))
		out.WriteString(`"`)
	}
	out.WriteString(">")
}

// cssLoads reports whether style text imports or loads anything but a
// fragment of the same file.
func cssLoads(css string) bool {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		if m[0] == "@import" || strings.EqualFold(m[0], "@import") || !strings.HasPrefix(strings.TrimSpace(m[1]), "#") {
			return true
		}
	}
	return false
}

// styleLoads reads a style element; if its text loads anything, the
// element is dropped and styleLoads reports true. Otherwise it writes the
// element whole.
func styleLoads(dec *xml.Decoder, out *bytes.Buffer, start xml.StartElement, remove func(string)) bool {
	var text bytes.Buffer
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return true
		}
		if _, ok := tok.(xml.EndElement); ok {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
	}
	if cssLoads(text.String()) {
		remove("style sheet that loads a file")
		return true
	}
	writeStart(out, start, remove)
	xml.EscapeText(out, text.Bytes())
	out.WriteString("</" + qname(start.Name) + ">")
	return true
}

// animatesRef reports whether an animation element sets a reference
// attribute (which could set javascript: at run time).
func animatesRef(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, "attributeName") {
			v := strings.ToLower(strings.TrimSpace(a.Value))
			if strings.HasSuffix(v, "href") || v == "src" || strings.HasPrefix(v, "on") {
				return true
			}
		}
	}
	return false
}
