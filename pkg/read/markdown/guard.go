package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// goldmark takes time quadratic (or worse) in a few shapes of input that
// no real document has but a hostile or broken one may: containers nested
// thousands deep, paragraphs with thousands of unmatched emphasis
// delimiters or link openers, and long runs of backticks. guard rewrites
// those shapes before parsing, so that reading stays linear in the size
// of the input, and reports each rewrite once. Documents people write
// never trip it: the limits are far above what they use.
//
//   - A line's container prefix (quote markers, list markers, indentation)
//     is cut to maxPrefixMarkers markers and maxIndent columns: deeper
//     content is flattened into the deepest level kept.
//   - In a paragraph whose emphasis delimiters (runs of * _ ~) or
//     unclosed link destinations would cost goldmark more than a budget
//     proportional to the paragraph's size, those characters are
//     escaped: they stay as text.
const (
	maxPrefixMarkers = 64
	maxIndent        = 512
	delimBudget      = 100
	linkBudget       = 64
)

type guard struct {
	warn func(line int, format string, args ...any)
	// inserted lists the lines (of the rewritten text, 1-based) that
	// guard inserted, so that positions can be mapped back.
	inserted []int
	// flattened and escaped are reported once each.
	flattened, escaped bool
}

// rewrite returns src with the pathological shapes defused, and whether
// it changed anything.
func (g *guard) rewrite(src []byte) ([]byte, bool) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	changed := false
	for i, l := range lines {
		if cut, ok := g.prefix(l, i+1); ok {
			lines[i], changed = cut, true
		}
	}
	// Paragraphs: runs of non-blank lines outside code fences.
	fixed := map[int][]byte{} // first line → the paragraph rewritten
	ends := map[int]int{}     // first line → line after the paragraph
	var fence []byte
	para := 0
	prevTop := false // the line before, not blank, starts at column 0
	for i := 0; i <= len(lines); i++ {
		blank := i == len(lines) || len(bytes.TrimSpace(lines[i])) == 0
		inCode := fence != nil
		if !blank && !inCode && prevTop && indentedDefinition.Match(lines[i]) {
			// A definition whose ":" is indented by one to three
			// spaces, as pandoc and pulldown-cmark read it, under a
			// term at the margin: goldmark wants the ":" at it.
			lines[i], changed = bytes.TrimLeft(lines[i], " "), true
		}
		if !blank {
			prevTop = !inCode && lines[i][0] != ' ' && lines[i][0] != '\t'
		}
		if !blank {
			start := prefixEnd(lines[i])
			if f := fenceOf(lines[i][start:]); f != nil {
				switch {
				case fence == nil:
					fence, inCode = f, true
				case bytes.HasPrefix(f, fence) && len(bytes.TrimSpace(lines[i][start+len(f):])) == 0:
					fence, inCode = nil, true
				}
			}
		}
		if blank || inCode {
			if para < i {
				if p, ok := g.paragraph(lines[para:i], para+1); ok {
					fixed[para], ends[para] = p, i
					changed = true
				}
			}
			para = i + 1
		}
	}
	// goldmark re-reads what follows each link reference definition of
	// a run of them, so that a long run costs its length squared: a
	// blank line is inserted after every maxDefinitionRun of them.
	run := 0
	var breaks map[int]bool
	for i, l := range lines {
		if !isDefinition(l) {
			run = 0
			continue
		}
		if run++; run == maxDefinitionRun && i+1 < len(lines) {
			if breaks == nil {
				breaks = map[int]bool{}
			}
			breaks[i] = true
			run, changed = 0, true
		}
	}
	if !changed {
		return src, false
	}
	out := make([]byte, 0, len(src)+len(src)/8)
	line := 1
	for i := 0; i < len(lines); i++ {
		if p, ok := fixed[i]; ok {
			out = append(out, p...)
			line += ends[i] - i
			i = ends[i] - 1
			continue
		}
		out = append(out, lines[i]...)
		line++
		if breaks[i] {
			if !bytes.HasSuffix(out, []byte("\n")) {
				out = append(out, '\n')
			}
			out = append(out, '\n')
			g.inserted = append(g.inserted, line)
			line++
		}
	}
	return out, true
}

// indentedDefinition matches a definition list's definition whose ":"
// is indented by one to three spaces.
var indentedDefinition = regexp.MustCompile(`^ {1,3}:[ \t]+\S`)

// maxDefinitionRun is the longest run of link reference definitions
// without a blank line that guard leaves alone.
const maxDefinitionRun = 1024

// isDefinition reports whether a line starts a link reference
// definition: "[label]: ", indented by less than four spaces.
func isDefinition(l []byte) bool {
	t := bytes.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 4 || t[0] != '[' || t[1] == '^' {
		return false
	}
	end := bytes.IndexByte(t, ']')
	return end > 1 && end+1 < len(t) && t[end+1] == ':'
}

func paraLen(lines [][]byte) int {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	return n
}

// fenceOf returns the fence a line opens or closes (``` or ~~~, three or
// more), or nil.
func fenceOf(s []byte) []byte {
	s = bytes.TrimLeft(s, " ")
	if len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return nil
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return s[:n]
}

// prefixEnd returns where a line's container prefix ends: spaces, tabs,
// quote markers and list markers.
func prefixEnd(line []byte) int {
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '>':
			i++
		case (c == '-' || c == '+' || c == '*') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				i = j + 2
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

// prefix cuts a container prefix that nests too deep.
func (g *guard) prefix(line []byte, n int) ([]byte, bool) {
	end := prefixEnd(line)
	if end <= maxIndent/2 {
		return nil, false
	}
	markers, cols := 0, 0
	var keep []byte
	for i := 0; i < end; i++ {
		c := line[i]
		switch {
		case c == ' ':
			cols++
		case c == '\t':
			cols += 4
		default:
			markers++
		}
		if markers > maxPrefixMarkers || cols > maxIndent {
			continue
		}
		keep = append(keep, c)
	}
	if markers <= maxPrefixMarkers && cols <= maxIndent {
		return nil, false
	}
	if !g.flattened {
		g.flattened = true
		g.warn(n, "nesting deeper than %d markers or %d columns of indentation is flattened", maxPrefixMarkers, maxIndent)
	}
	return append(keep, line[end:]...), true
}

// paragraph escapes what would make goldmark's inline parsing of a
// paragraph quadratic; first is its first line's number. Two costs are
// estimated, each against linkBudget (or delimBudget) times the
// paragraph's size:
//
//   - link destinations: for each "](", goldmark scans to the next space
//     (or, after "](<", to the next ">" or line end) when the link does
//     not close;
//   - emphasis: goldmark matches each closing delimiter against every
//     opener before it, so unmatched delimiters cost their count squared.
func (g *guard) paragraph(lines [][]byte, first int) ([]byte, bool) {
	size := paraLen(lines)
	if size < 1024 {
		return nil, false
	}
	var delims, scan, ticks int
	// Backtick runs: goldmark looks for a closing run of the same length
	// to the end of the paragraph. nextRun[k] is where the next run of k
	// backticks starts, scanning from the end.
	nextRun := map[int]int{}
	pos := size
	for li := len(lines) - 1; li >= 0; li-- {
		l := lines[li]
		pos -= len(l)
		if bytes.IndexByte(l, '`') < 0 {
			continue
		}
		for i, start := len(l)-1, prefixEnd(l); i >= start; i-- {
			if l[i] != '`' || (i > 0 && l[i-1] == '`') {
				continue
			}
			k := 1
			for i+k < len(l) && l[i+k] == '`' {
				k++
			}
			end, ok := nextRun[k]
			if !ok {
				end = size
			}
			ticks += end - (pos + i)
			nextRun[k] = pos + i
		}
	}
	for _, l := range lines {
		if bytes.IndexAny(l, "*_~]") < 0 {
			continue // most lines of prose: nothing to count
		}
		start := prefixEnd(l)
		next := -1 // the next space (or, for "](<", ">") after i
		for i := len(l) - 1; i >= start; i-- {
			c := l[i]
			if c == ' ' || c == '\t' || c == '\n' {
				next = i
			}
			switch c {
			case '*', '_', '~':
				if i == start || l[i-1] != c {
					delims++
				}
			case ']':
				if i+1 < len(l) && l[i+1] == '(' {
					end := next
					if i+2 < len(l) && l[i+2] == '<' {
						end = bytes.IndexByte(l[i+2:], '>')
						if end < 0 {
							end = len(l) - i
						}
						end += i + 2
					}
					if end < 0 {
						end = len(l)
					}
					scan += end - i
				}
			}
		}
	}
	escape := ""
	if delims*delims > delimBudget*size {
		escape += "*_~"
	}
	if scan > linkBudget*size {
		escape += "["
	}
	if ticks > linkBudget*size {
		escape += "`"
	}
	if escape == "" {
		return nil, false
	}
	if !g.escaped {
		g.escaped = true
		g.warn(first, "a paragraph of %d KB holds so many unmatched emphasis markers, link brackets or backticks that matching them would take minutes; its %s are kept as text", max(size>>10, 1), quoteChars(escape))
	}
	out := make([]byte, 0, size+size/4)
	for _, l := range lines {
		start := prefixEnd(l)
		out = append(out, l[:start]...)
		for i := start; i < len(l); i++ {
			if c := l[i]; strings.IndexByte(escape, c) >= 0 && (i == 0 || l[i-1] != '\\') {
				out = append(out, '\\')
			}
			out = append(out, l[i])
		}
	}
	return out, true
}

func quoteChars(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, s[i])
	}
	return fmt.Sprintf("%q", string(b))
}
