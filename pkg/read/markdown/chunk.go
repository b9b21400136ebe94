package markdown

import "bytes"

// chunkSize is the size above which a document is parsed in chunks of
// about this size.
const chunkSize = 64 << 10

// chunks splits src into pieces that parse the same apart as together:
// each new piece starts at an ATX heading ("# …") in the first column
// after a blank line, which closes every open block, outside fenced
// code and the raw HTML blocks that blank lines do not end. Pieces are
// at least size bytes (but the last); a text of at most size bytes is one
// piece. The result holds [start, end) offsets.
func chunks(src []byte, size int) [][2]int {
	if len(src) <= size {
		return [][2]int{{0, len(src)}}
	}
	var out [][2]int
	start := 0
	var fence []byte  // the open code fence
	var rawEnd []byte // the end marker of an open raw HTML block
	blank := true     // the line before was blank
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off + 1
		}
		line := src[off:end]
		trimmed := bytes.TrimLeft(line, " \t")
		switch {
		case rawEnd != nil:
			if bytes.Contains(line, rawEnd) {
				rawEnd = nil
			}
		case fence != nil:
			if f := fenceOf(trimmed); f != nil && bytes.HasPrefix(f, fence) && len(bytes.TrimSpace(trimmed[len(f):])) == 0 {
				fence = nil
			}
		default:
			if f := fenceOf(trimmed); f != nil {
				fence = f
			} else if m := rawStart(trimmed); m != nil && !bytes.Contains(line[bytes.Index(line, []byte("<"))+1:], m) {
				rawEnd = m
			} else if blank && off-start >= size && isATX(line) {
				out = append(out, [2]int{start, off})
				start = off
			}
		}
		blank = len(bytes.TrimSpace(line)) == 0
		off = end
	}
	return append(out, [2]int{start, len(src)})
}

// isATX reports whether a line is an ATX heading in the first column.
func isATX(line []byte) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\n' || line[n] == '\r')
}

// rawStarts are the raw HTML blocks that only their end marker closes
// (CommonMark's kinds 1 to 5), by how they start.
var rawStarts = []struct{ start, end string }{
	{"<script", "</script>"}, {"<pre", "</pre>"}, {"<style", "</style>"}, {"<textarea", "</textarea>"},
	{"<!--", "-->"}, {"<?", "?>"}, {"<![CDATA[", "]]>"}, {"<!", ">"},
}

// rawStart returns the end marker of the raw HTML block a line starts,
// or nil.
func rawStart(line []byte) []byte {
	lower := bytes.ToLower(line[:min(len(line), 12)])
	for _, r := range rawStarts {
		if bytes.HasPrefix(lower, []byte(r.start)) {
			return []byte(r.end)
		}
	}
	return nil
}

// hasDefinitions reports whether text may hold a link reference
// definition or a footnote definition: a line starting "[…]:".
func hasDefinitions(text []byte) bool {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		t := bytes.TrimLeft(line, " >\t")
		if len(t) > 2 && t[0] == '[' && bytes.Contains(t, []byte("]:")) {
			return true
		}
	}
	return false
}

// noteLabels returns the labels of every footnote definition in src
// ("[^label]:" starting a line, after any container markers).
func noteLabels(src []byte) map[string]bool {
	labels := map[string]bool{}
	for off := 0; off < len(src); {
		i := bytes.Index(src[off:], []byte("[^"))
		if i < 0 {
			break
		}
		i += off
		off = i + 2
		lineStart := bytes.LastIndexByte(src[:i], '\n') + 1
		if len(bytes.Trim(src[lineStart:i], " >\t-*+0123456789.)")) > 0 {
			continue
		}
		if label, end, ok := noteLabel(src, i); ok && end < len(src) && src[end] == ':' {
			labels[string(label)] = true
		}
	}
	return labels
}
