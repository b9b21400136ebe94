package safeimage

import (
	"errors"
	"fmt"
	"strings"
)

// An SVG is small to send and may be huge to draw: a few kilobytes of
// <use> elements, each repeating a group of the one before, expand to a
// billion shapes. svgCost bounds what an SVG costs before anything
// draws it.

// DefaultSVGElements is the most elements an SVG may draw, its <use>
// references expanded, when Limits.SVGElements is zero. Charts of
// thousands of data points and glyphs stay far below it.
const DefaultSVGElements = 100_000

// MaxGradientStops is the most stops a gradient may have: drawing one
// costs its stops at every pixel it covers, and real ones have a few.
const MaxGradientStops = 100

// svgNode is an element, as svgCost sees it.
type svgNode struct {
	use      string // the id a <use> refers to
	children []int
	cost     int // elements drawn, expanded; 0 until known
	state    uint8
}

// svgTree collects an SVG's elements as they are read.
type svgTree struct {
	nodes []svgNode
	ids   map[string]int
	stack []int
	stops []int // per open gradient, its stops so far
	limit int
	err   error
}

func newSVGTree(limit int) *svgTree {
	if limit <= 0 {
		limit = DefaultSVGElements
	}
	return &svgTree{ids: map[string]int{}, limit: limit}
}

// start records an element.
func (t *svgTree) start(name, id, href string) {
	if t.err != nil {
		return
	}
	if len(t.nodes) >= t.limit {
		t.err = t.tooMany()
		return
	}
	n := len(t.nodes)
	node := svgNode{}
	if name == "use" && strings.HasPrefix(href, "#") {
		node.use = href[1:]
	}
	t.nodes = append(t.nodes, node)
	if len(t.stack) > 0 {
		p := t.stack[len(t.stack)-1]
		t.nodes[p].children = append(t.nodes[p].children, n)
	}
	if id != "" {
		if _, dup := t.ids[id]; !dup {
			t.ids[id] = n
		}
	}
	t.stack = append(t.stack, n)
	switch name {
	case "lineargradient", "radialgradient":
		t.stops = append(t.stops, 0)
	case "stop":
		if k := len(t.stops) - 1; k >= 0 {
			if t.stops[k]++; t.stops[k] > MaxGradientStops {
				t.err = fmt.Errorf("a gradient of the SVG has more than %d stops, more than any drawing needs", MaxGradientStops)
			}
		}
	}
}

// end closes the element opened last.
func (t *svgTree) end(name string) {
	if len(t.stack) > 0 {
		t.stack = t.stack[:len(t.stack)-1]
	}
	if (name == "lineargradient" || name == "radialgradient") && len(t.stops) > 0 {
		t.stops = t.stops[:len(t.stops)-1]
	}
}

func (t *svgTree) tooMany() error {
	return fmt.Errorf("the SVG draws more than %d elements (its <use> references expanded); raise the limit with --max-svg-elements", t.limit)
}

// check reports whether drawing the SVG stays within the limit, <use>
// references expanded (a reference to an element holding it is an
// error too).
func (t *svgTree) check() error {
	if t.err != nil || len(t.nodes) == 0 {
		return t.err
	}
	total, err := t.costOf(0)
	if err != nil {
		return err
	}
	if total > t.limit {
		return t.tooMany()
	}
	return nil
}

// costOf returns the elements node n draws, references expanded, or
// limit+1 once past the limit.
func (t *svgTree) costOf(n int) (int, error) {
	node := &t.nodes[n]
	switch node.state {
	case 2:
		return node.cost, nil
	case 1:
		return 0, errors.New("the SVG has a <use> that refers to an element holding it")
	}
	node.state = 1
	cost := 1
	add := func(c int) { cost = min(cost+c, t.limit+1) }
	for _, c := range t.nodes[n].children {
		k, err := t.costOf(c)
		if err != nil {
			return 0, err
		}
		add(k)
	}
	if ref := t.nodes[n].use; ref != "" {
		if target, ok := t.ids[ref]; ok {
			k, err := t.costOf(target)
			if err != nil {
				return 0, err
			}
			add(k)
		}
	}
	node = &t.nodes[n]
	node.cost, node.state = cost, 2
	return cost, nil
}
