package docx

import (
	"context"
	"regexp"
	"strings"

	"github.com/galleypress/galley/pkg/diag"
	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/internal/officexml"
)

type converter struct {
	reject      bool // tracked changes rejected: the original text
	ctx         context.Context
	pkg         *officexml.Package
	opts        *read.Options
	dir         string // the main part's folder
	rels        map[string]rel
	styles      map[string]*style
	nums        map[string]*numbering // numId → its levels
	listStarts  map[string]int        // numId/ilvl → items seen
	notes       map[string][]*node    // "footnotes:3" → the note's paragraphs
	defaultLang string
	title       string
	subtitle    string
	// field is the state of complex fields (w:fldChar) across runs and
	// paragraphs: the instruction being read, and whether the result is
	// dropped (a table of contents) or linked.
	fields []*field
	warned map[string]bool
}

type field struct {
	instr  strings.Builder
	result bool // past "separate"
	drop   bool // a TOC: its result is left out
	link   string
}

type style struct {
	name, basedOn string
	outline       int // outline level + 1; 0 none
	heading       int // N of a style named "heading N"; 0 none
	numID, ilvl   string
	code          bool
	lang          string
}

type numbering struct {
	levels map[string]level
}

type level struct {
	format string // bullet, decimal, lowerLetter, …
	start  int
}

var headingName = regexp.MustCompile(`(?i)^heading\s*([1-9])$`)

// readStyles reads the styles: names, what each is based on, outline
// levels (a heading), numbering, and the default language.
func (c *converter) readStyles(s *node) {
	root := s.Child("w:styles")
	if l := root.Path("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"); l != nil {
		c.defaultLang = l.Attr("w:val")
	}
	for _, st := range root.Kids {
		if st.Name != "w:style" {
			continue
		}
		x := &style{name: st.Path("w:name").Attr("w:val"), basedOn: st.Path("w:basedOn").Attr("w:val")}
		if o := st.Path("w:pPr", "w:outlineLvl"); o != nil {
			x.outline = atoi(o.Attr("w:val")) + 1
		}
		if m := headingName.FindStringSubmatch(x.name); m != nil {
			x.heading = atoi(m[1])
		}
		if np := st.Path("w:pPr", "w:numPr"); np != nil {
			x.numID, x.ilvl = np.Path("w:numId").Attr("w:val"), np.Path("w:ilvl").Attr("w:val")
		}
		lower := strings.ToLower(x.name)
		x.code = strings.Contains(lower, "code") || strings.Contains(lower, "verbatim") || lower == "html preformatted" || lower == "macro text" || strings.Contains(lower, "source")
		x.lang = st.Path("w:rPr", "w:lang").Attr("w:val")
		c.styles[st.Attr("w:styleId")] = x
	}
}

// styleOf returns a style and those it is based on, nearest first.
func (c *converter) chain(id string) []*style {
	var out []*style
	for i := 0; id != "" && i < 20; i++ {
		s := c.styles[id]
		if s == nil {
			break
		}
		out = append(out, s)
		id = s.basedOn
	}
	return out
}

func (c *converter) readNumbering(n *node) {
	root := n.Child("w:numbering")
	abstract := map[string]map[string]level{}
	for _, a := range root.Kids {
		if a.Name != "w:abstractNum" {
			continue
		}
		lv := map[string]level{}
		for _, l := range a.Kids {
			if l.Name == "w:lvl" {
				start := 1
				if s := l.Path("w:start"); s != nil {
					start = atoi(s.Attr("w:val"))
				}
				lv[l.Attr("w:ilvl")] = level{format: l.Path("w:numFmt").Attr("w:val"), start: start}
			}
		}
		abstract[a.Attr("w:abstractNumId")] = lv
	}
	for _, num := range root.Kids {
		if num.Name != "w:num" {
			continue
		}
		lv := map[string]level{}
		for k, v := range abstract[num.Path("w:abstractNumId").Attr("w:val")] {
			lv[k] = v
		}
		for _, o := range num.Kids {
			if o.Name == "w:lvlOverride" {
				if s := o.Path("w:startOverride"); s != nil {
					l := lv[o.Attr("w:ilvl")]
					l.start = atoi(s.Attr("w:val"))
					lv[o.Attr("w:ilvl")] = l
				}
			}
		}
		c.nums[num.Attr("w:numId")] = &numbering{levels: lv}
	}
}

func (c *converter) readNotes(n *node, kind string) {
	if c.notes == nil {
		c.notes = map[string][]*node{}
	}
	for _, root := range n.Kids {
		for _, note := range root.Kids {
			if t := note.Attr("w:type"); t == "separator" || t == "continuationSeparator" || t == "continuationNotice" {
				continue
			}
			c.notes[kind+":"+note.Attr("w:id")] = note.Kids
		}
	}
}

func (c *converter) warnOnce(code, format string, args ...any) {
	if c.warned == nil {
		c.warned = map[string]bool{}
	}
	if c.warned[code] {
		return
	}
	c.warned[code] = true
	c.opts.Warnf(0, "%w", diag.Warnf(code, format, args...))
}

// kept reports whether the content of a tracked change (w:ins,
// w:moveTo, w:del, w:moveFrom) is read: insertions when changes are
// accepted, deletions when rejected.
func (c *converter) kept(change string) bool {
	inserted := change == "w:ins" || change == "w:moveTo"
	return inserted != c.reject
}

// pending is a list being built.
type item struct {
	numID, ilvl string
	depth       int
	blocks      []doc.Block
	ordered     bool
	start       int
}

// blocks converts body content: paragraphs, tables, content controls.
func (c *converter) blocks(kids []*node) []doc.Block {
	var out []doc.Block
	var items []item // consecutive list paragraphs
	var code []string
	var dropCap []doc.Inline
	flushList := func() {
		if len(items) > 0 {
			out = append(out, buildList(items)...)
			items = nil
		}
	}
	flushCode := func() {
		if len(code) > 0 {
			out = append(out, &doc.CodeBlock{Text: strings.Join(code, "\n")})
			code = nil
		}
	}
	for _, k := range kids {
		if c.ctx.Err() != nil {
			return out
		}
		switch k.Name {
		case "w:p":
			kind, lvl, numID, ilvl, isCode := c.paragraphKind(k)
			ins := c.inlines(k.Kids)
			if dc := k.Path("w:pPr", "w:framePr").Attr("w:dropCap"); dc != "" && dc != "none" {
				// A drop cap is a frame of its own holding the
				// paragraph's first letter: it joins the next.
				dropCap = append(dropCap, ins...)
				continue
			}
			if len(dropCap) > 0 {
				ins = officexml.Merge(append(dropCap, ins...))
				dropCap = nil
			}
			if isCode {
				flushList()
				code = append(code, doc.PlainText(ins))
				continue
			}
			flushCode()
			switch {
			case kind == "title":
				flushList()
				c.title = strings.TrimSpace(doc.PlainText(ins))
				continue
			case kind == "subtitle":
				flushList()
				c.subtitle = strings.TrimSpace(doc.PlainText(ins))
				continue
			case lvl > 0:
				flushList()
				if strings.TrimSpace(doc.PlainText(ins)) != "" { // not an anchor alone
					out = append(out, &doc.Heading{Level: lvl, Inlines: officexml.Trim(ins)})
				}
				continue
			case numID != "" && numID != "0":
				lv := c.nums[numID]
				l := level{format: "bullet", start: 1}
				if lv != nil {
					if x, ok := lv.levels[ilvl]; ok {
						l = x
					}
				}
				var bl doc.Block = &doc.Paragraph{Inlines: officexml.Trim(ins)}
				if f := officexml.FigureOf(ins); f != nil {
					bl = f
				}
				items = append(items, item{numID: numID, ilvl: ilvl, depth: atoi(ilvl), blocks: []doc.Block{bl}, ordered: l.format != "bullet" && l.format != "none" && l.format != "", start: l.start})
				continue
			}
			flushList()
			if len(officexml.Trim(ins)) == 0 {
				continue
			}
			if f := officexml.FigureOf(ins); f != nil {
				out = append(out, f)
			} else if kind == "quote" {
				out = append(out, &doc.Quote{Blocks: []doc.Block{&doc.Paragraph{Inlines: officexml.Trim(ins)}}})
			} else {
				out = append(out, &doc.Paragraph{Inlines: officexml.Trim(ins)})
			}
		case "w:tbl":
			flushList()
			flushCode()
			if t := c.table(k); t != nil {
				out = append(out, t)
			}
		case "w:sdt":
			flushList()
			flushCode()
			out = append(out, c.blocks(k.Path("w:sdtContent").Kids)...)
		case "w:ins", "w:moveTo", "w:del", "w:moveFrom":
			if c.kept(k.Name) {
				flushCode()
				out = append(out, c.blocks(k.Kids)...)
			}
		case "w:customXml", "w:smartTag":
			flushCode()
			out = append(out, c.blocks(k.Kids)...)
		}
	}
	flushList()
	flushCode()
	return out
}

// paragraphKind tells what a paragraph is from its style and
// properties: a heading (its level), the title, a list item (its
// numbering), a code line, a quote.
func (c *converter) paragraphKind(p *node) (kind string, level int, numID, ilvl string, code bool) {
	pPr := p.Child("w:pPr")
	chain := c.chain(pPr.Path("w:pStyle").Attr("w:val"))
	if o := pPr.Path("w:outlineLvl"); o != nil && atoi(o.Attr("w:val")) < 9 {
		level = atoi(o.Attr("w:val")) + 1
	}
	for _, s := range chain {
		name := strings.ToLower(s.name)
		switch {
		case name == "title" && kind == "":
			kind = "title"
		case name == "subtitle" && kind == "":
			kind = "subtitle"
		case (strings.Contains(name, "quote") || name == "block text") && kind == "":
			kind = "quote"
		}
		if level == 0 && s.heading > 0 {
			level = s.heading
		}
		if numID == "" && s.numID != "" {
			numID, ilvl = s.numID, s.ilvl
		}
		code = code || s.code
	}
	// A style named "heading N", or based on one, gives level N (as
	// pandoc reads it: a "Heading 0" based on "heading 1" is a chapter
	// title, whatever its outline level); a style outside that family
	// gives its outline level.
	for _, s := range chain {
		if level == 0 && s.outline > 0 && s.outline < 10 {
			level = s.outline
		}
	}
	if kind == "title" || kind == "subtitle" {
		level = 0
	}
	if np := pPr.Path("w:numPr"); np != nil {
		numID, ilvl = np.Path("w:numId").Attr("w:val"), np.Path("w:ilvl").Attr("w:val")
	}
	if ilvl == "" {
		ilvl = "0"
	}
	if level > 0 {
		numID = "" // a numbered heading is a heading
	}
	return kind, level, numID, ilvl, code
}

// buildList nests list paragraphs by their level.
func buildList(items []item) []doc.Block {
	var build func(i, depth int) (*doc.List, int)
	build = func(i, depth int) (*doc.List, int) {
		l := &doc.List{Ordered: items[i].ordered, Start: items[i].start, Tight: true}
		if !l.Ordered {
			l.Start = 0
		}
		for i < len(items) && items[i].depth >= depth {
			if items[i].depth > depth && len(l.Items) > 0 {
				sub, next := build(i, items[i].depth)
				last := l.Items[len(l.Items)-1]
				last.Blocks = append(last.Blocks, sub)
				i = next
				continue
			}
			if items[i].depth == depth && items[i].ordered != l.Ordered && len(l.Items) > 0 {
				break // a bulleted list after a numbered one is another list
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: items[i].blocks})
			i++
		}
		return l, i
	}
	var out []doc.Block
	for i := 0; i < len(items); {
		l, next := build(i, items[i].depth)
		out = append(out, l)
		i = next
	}
	return out
}

// mediaName returns the package name of an image relationship's target.
func (c *converter) mediaName(id string) (string, bool) {
	r, ok := c.rels[id]
	if !ok || r.external {
		return "", false
	}
	return c.part(r.target), true
}
