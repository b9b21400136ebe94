package html

import (
	"errors"
	"fmt"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// A CSS selector such as "section div div div p", matched the usual way
// (cascadia's: for each element, look for the ancestors the rest of the
// selector needs, trying every one), takes time that grows with the
// page's depth to the power of its combinators: over a minute on 8 KB
// of nested divs. selector matches in one pass over the page instead:
// each element records which leading parts of the selector it, and its
// ancestors or earlier siblings, complete, so each compound selector is
// tried at most once per element.

// maxSteps is the most compound selectors a selector may chain.
const maxSteps = 64

// selector is a compiled selector list.
type selector struct {
	groups [][]step
}

// step is one compound selector ("div.note", "p:first-child") and the
// combinator before it: ' ' (descendant), '>' (child), '+' (next
// sibling), '~' (later sibling), or 0 for the first.
type step struct {
	sel  cascadia.Sel
	comb byte
}

// compileSelector compiles a selector list.
func compileSelector(s string) (*selector, error) {
	if strings.Contains(s, ":has(") {
		return nil, errors.New(":has() is not supported (it can take time exponential in the page's depth); select the elements themselves")
	}
	var sel selector
	for _, group := range splitTop(s, ',') {
		steps, err := compileGroup(group)
		if err != nil {
			return nil, err
		}
		sel.groups = append(sel.groups, steps)
	}
	if len(sel.groups) == 0 {
		return nil, errors.New("empty selector")
	}
	return &sel, nil
}

// compileGroup compiles one selector of a list: compound selectors and
// the combinators between them.
func compileGroup(g string) ([]step, error) {
	var steps []step
	var cur strings.Builder
	var comb byte // the explicit combinator since the last compound
	flush := func() error {
		if cur.Len() == 0 {
			return nil
		}
		c, err := cascadia.Parse(cur.String())
		if err != nil {
			return err
		}
		switch {
		case len(steps) == 0 && comb != 0:
			return fmt.Errorf("it starts with the combinator %q", comb)
		case len(steps) > 0 && comb == 0:
			comb = ' '
		}
		steps = append(steps, step{sel: c, comb: comb})
		cur.Reset()
		comb = 0
		return nil
	}
	depth := 0
	var quote byte
	for i := 0; i < len(g); i++ {
		c := g[i]
		if quote == 0 && depth == 0 {
			switch c {
			case ' ', '\t', '\n', '\r', '\f':
				if err := flush(); err != nil {
					return nil, err
				}
				continue
			case '>', '+', '~':
				if err := flush(); err != nil {
					return nil, err
				}
				if comb != 0 {
					return nil, fmt.Errorf("two combinators in a row (%q and %q)", comb, c)
				}
				comb = c
				continue
			}
		}
		switch {
		case quote != 0:
			if c == '\\' && i+1 < len(g) {
				cur.WriteByte(c)
				i++
				c = g[i]
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '\\' && i+1 < len(g):
			cur.WriteByte(c)
			i++
			c = g[i]
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		}
		cur.WriteByte(c)
	}
	if quote != 0 || depth != 0 {
		return nil, errors.New("unbalanced quotes, brackets or parentheses")
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if comb != 0 {
		return nil, fmt.Errorf("it ends with the combinator %q", comb)
	}
	if len(steps) == 0 {
		return nil, errors.New("empty selector")
	}
	if len(steps) > maxSteps {
		return nil, fmt.Errorf("it chains %d compound selectors; at most %d", len(steps), maxSteps)
	}
	return steps, nil
}

// splitTop splits s at sep outside quotes, brackets and parentheses.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\\':
			i++
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == sep && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	if last := strings.TrimSpace(s[start:]); last != "" || len(out) > 0 {
		out = append(out, last)
	}
	return out
}

// matchAll returns the elements under root that match, in document
// order.
func (s *selector) matchAll(root *html.Node) []*html.Node {
	var out []*html.Node
	type state struct{ exact, above uint64 } // per group: parts ending here; here or above
	n := len(s.groups)
	var walk func(parent *html.Node, up []state)
	walk = func(parent *html.Node, up []state) {
		prev := make([]uint64, n)  // the previous element sibling's exact parts
		later := make([]uint64, n) // any earlier element sibling's
		for c := parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			here := make([]state, n)
			matched := false
			for g, steps := range s.groups {
				var exact uint64
				for j, st := range steps {
					if j > 0 {
						var need uint64
						switch st.comb {
						case ' ':
							need = up[g].above
						case '>':
							need = up[g].exact
						case '+':
							need = prev[g]
						case '~':
							need = later[g]
						}
						if need&(1<<(j-1)) == 0 {
							continue
						}
					}
					if st.sel.Match(c) {
						exact |= 1 << j
					}
				}
				here[g] = state{exact: exact, above: exact | up[g].above}
				if exact&(1<<(len(steps)-1)) != 0 {
					matched = true
				}
				prev[g] = exact
				later[g] |= exact
			}
			if matched {
				out = append(out, c)
			}
			walk(c, here)
		}
	}
	walk(root, make([]state, n))
	return out
}
