package validate

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TagReport is what PDFTags found in a tagged PDF.
type TagReport struct {
	// Problems are the ways the file breaks the rules of tagged PDF
	// (PDF/UA-1's machine-checkable ones that veraPDF would report),
	// one line each; none for a good file.
	Problems []string
	// Roles counts the structure elements by type ("P", "H2", …).
	Roles map[string]int
	// Headings are the heading elements' types in reading order.
	Headings []string
	// MCIDs counts the marked-content sequences that belong to
	// structure elements; Artifacts the ones marked as artifacts;
	// Links the link annotations.
	MCIDs, Artifacts, Links int
}

// PDFTags checks the tagging of a PDF as a PDF/UA checker would, in so
// far as a program can: the catalog marks the file as tagged and has a
// language, the document title is shown, the XMP metadata claims PDF/UA;
// every drawing operator is inside marked content, and artifacts and
// content never nest; every marked-content sequence belongs to exactly
// one structure element and the parent tree says which; every link
// annotation belongs to a Link element and has a description; figures
// have alternative text; headings do not skip levels; pages order their
// tabs by structure.
func PDFTags(data []byte) (*TagReport, error) {
	pdfcpuOnce.Do(api.DisableConfigDir)
	ctx, err := api.ReadContext(bytes.NewReader(data), model.NewDefaultConfiguration())
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	c := &tagChecker{x: ctx.XRefTable, r: &TagReport{Roles: map[string]int{}},
		mcids: map[mcKey]int{}, owner: map[mcKey]int{}, annots: map[int]annotInfo{}, pageNum: map[int]int{}}
	if err := c.check(); err != nil {
		return nil, err
	}
	sort.Strings(c.r.Problems)
	return c.r, nil
}

type mcKey struct{ page, mcid int } // page object number, MCID

type annotInfo struct {
	page, key int // page number; /StructParent, -1 if none
	owners    int
	owner     int // the struct element's object number
}

type tagChecker struct {
	x       *model.XRefTable
	r       *TagReport
	mcids   map[mcKey]int // MCIDs found in content: their count
	owner   map[mcKey]int // MCIDs referenced from the tree: their elem
	refs    map[mcKey]int // how many elements reference each
	annots  map[int]annotInfo
	pageNum map[int]int // page object number → page number
	pages   []int       // page object numbers
	keys    map[int]int // page object number → /StructParents
}

func (c *tagChecker) problem(format string, args ...any) {
	if len(c.r.Problems) < 500 {
		c.r.Problems = append(c.r.Problems, fmt.Sprintf(format, args...))
	}
}

func (c *tagChecker) check() error {
	x := c.x
	cat, err := x.Catalog()
	if err != nil {
		return err
	}
	if mi, _ := x.DereferenceDict(cat["MarkInfo"]); mi == nil || mi.BooleanEntry("Marked") == nil || !*mi.BooleanEntry("Marked") {
		c.problem("catalog: no /MarkInfo <</Marked true>>")
	}
	if lang, _ := x.DereferenceStringOrHexLiteral(cat["Lang"], model.V10, nil); lang == "" {
		c.problem("catalog: no /Lang")
	}
	if vp, _ := x.DereferenceDict(cat["ViewerPreferences"]); vp == nil || vp.BooleanEntry("DisplayDocTitle") == nil || !*vp.BooleanEntry("DisplayDocTitle") {
		c.problem("catalog: /ViewerPreferences lacks /DisplayDocTitle true")
	}
	if sd, _, _ := x.DereferenceStreamDict(cat["Metadata"]); sd == nil {
		c.problem("catalog: no XMP /Metadata")
	} else if err := sd.Decode(); err != nil || !bytes.Contains(sd.Content, []byte("<pdfuaid:part>1</pdfuaid:part>")) {
		c.problem("XMP metadata: no pdfuaid:part 1")
	}
	c.keys = map[int]int{}
	for p := 1; p <= x.PageCount; p++ {
		d, ref, _, err := x.PageDict(p, false)
		if err != nil {
			return err
		}
		obj := ref.ObjectNumber.Value()
		c.pages = append(c.pages, obj)
		c.pageNum[obj] = p
		if n := d.NameEntry("Tabs"); n == nil || *n != "S" {
			c.problem("page %d: no /Tabs /S", p)
		}
		if k := d.IntEntry("StructParents"); k != nil {
			c.keys[obj] = *k
		}
		content, err := x.PageContent(d, p)
		if err != nil && err != model.ErrNoContent {
			return err
		}
		c.content(p, obj, content)
		if _, ok := c.keys[obj]; !ok && c.pageHasMCIDs(obj) {
			c.problem("page %d: marked content but no /StructParents", p)
		}
		annots, _ := x.DereferenceArray(d["Annots"])
		for _, a := range annots {
			ad, err := x.DereferenceDict(a)
			if err != nil || ad == nil {
				continue
			}
			if st := ad.NameEntry("Subtype"); st == nil || *st != "Link" {
				continue
			}
			c.r.Links++
			info := annotInfo{page: p, key: -1}
			if k := ad.IntEntry("StructParent"); k != nil {
				info.key = *k
			} else {
				c.problem("page %d: link annotation without /StructParent", p)
			}
			if s, _ := x.DereferenceStringOrHexLiteral(ad["Contents"], model.V10, nil); s == "" {
				c.problem("page %d: link annotation without /Contents", p)
			}
			if ir, ok := a.(types.IndirectRef); ok {
				c.annots[ir.ObjectNumber.Value()] = info
			} else {
				c.problem("page %d: link annotation not an indirect object", p)
			}
		}
	}
	root, _ := x.DereferenceDict(cat["StructTreeRoot"])
	if root == nil {
		c.problem("catalog: no /StructTreeRoot")
		return nil
	}
	c.refs = map[mcKey]int{}
	c.kids(root["K"], 0, -1, map[int]bool{})
	for k, n := range c.mcids {
		if n > 1 {
			c.problem("page %d: MCID %d used %d times", c.pageNum[k.page], k.mcid, n)
		}
		switch r := c.refs[k]; {
		case r == 0:
			c.problem("page %d: MCID %d belongs to no structure element", c.pageNum[k.page], k.mcid)
		case r > 1:
			c.problem("page %d: MCID %d belongs to %d structure elements", c.pageNum[k.page], k.mcid, r)
		}
	}
	for k := range c.refs {
		if c.mcids[k] == 0 {
			c.problem("page %d: the structure tree refers to MCID %d, which the content lacks", c.pageNum[k.page], k.mcid)
		}
	}
	for num, a := range c.annots {
		if a.owners != 1 {
			c.problem("page %d: link annotation %d belongs to %d structure elements", a.page, num, a.owners)
		}
	}
	c.parentTree(root)
	prev := 0
	for _, h := range c.r.Headings {
		level := int(h[1] - '0')
		if level > prev+1 {
			c.problem("heading %s follows H%d: a level is skipped", h, prev)
		}
		prev = level
	}
	return nil
}

func (c *tagChecker) pageHasMCIDs(obj int) bool {
	for k := range c.mcids {
		if k.page == obj {
			return true
		}
	}
	return false
}

// kids walks the K entry of a structure element (number elem, 0 for
// the root) whose page is pg.
func (c *tagChecker) kids(o types.Object, elem, pg int, seen map[int]bool) {
	switch k := o.(type) {
	case nil:
	case types.Array:
		for _, e := range k {
			c.kids(e, elem, pg, seen)
		}
	case types.Integer:
		c.ref(mcKey{pg, k.Value()}, elem)
	case types.IndirectRef:
		num := k.ObjectNumber.Value()
		if _, ok := c.annots[num]; ok {
			return // annotations are reached through OBJRs
		}
		if seen[num] {
			c.problem("structure element %d is reached twice", num)
			return
		}
		seen[num] = true
		d, err := c.x.DereferenceDict(k)
		if err != nil || d == nil {
			c.problem("structure tree: object %d is not a dictionary", num)
			return
		}
		c.elem(num, d, elem, seen)
	case types.Dict:
		c.inline(k, elem, pg)
	}
}

// elem checks a structure element, number num, whose parent is parent.
func (c *tagChecker) elem(num int, d types.Dict, parent int, seen map[int]bool) {
	role := ""
	if s := d.NameEntry("S"); s != nil {
		role = *s
	}
	c.r.Roles[role]++
	if len(role) == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6' {
		c.r.Headings = append(c.r.Headings, role)
	}
	if p, ok := d["P"].(types.IndirectRef); !ok || parent != 0 && p.ObjectNumber.Value() != parent {
		c.problem("structure element %d (%s): /P is not its parent", num, role)
	}
	if role == "Figure" {
		if alt, _ := c.x.DereferenceStringOrHexLiteral(d["Alt"], model.V10, nil); alt == "" {
			c.problem("figure %d: no /Alt text", num)
		}
	}
	pg := -1
	if r, ok := d["Pg"].(types.IndirectRef); ok {
		pg = r.ObjectNumber.Value()
	}
	c.kids(d["K"], num, pg, seen)
}

// inline checks a marked-content or object reference in element elem.
func (c *tagChecker) inline(d types.Dict, elem, pg int) {
	if r, ok := d["Pg"].(types.IndirectRef); ok {
		pg = r.ObjectNumber.Value()
	}
	switch t := d.NameEntry("Type"); {
	case t != nil && *t == "OBJR":
		r, ok := d["Obj"].(types.IndirectRef)
		if !ok {
			c.problem("structure element %d: OBJR without /Obj", elem)
			return
		}
		a, ok := c.annots[r.ObjectNumber.Value()]
		if !ok {
			return // not a link annotation
		}
		a.owners++
		a.owner = elem
		c.annots[r.ObjectNumber.Value()] = a
	default:
		if m := d.IntEntry("MCID"); m != nil {
			c.ref(mcKey{pg, *m}, elem)
		}
	}
}

func (c *tagChecker) ref(k mcKey, elem int) {
	if k.page < 0 {
		c.problem("structure element %d: MCID %d without a page", elem, k.mcid)
		return
	}
	c.refs[k]++
	c.owner[k] = elem
}

// parentTree checks that the parent tree maps every page's MCIDs and
// every annotation's key to the element that owns it.
func (c *tagChecker) parentTree(root types.Dict) {
	tree, _ := c.x.DereferenceDict(root["ParentTree"])
	if tree == nil {
		c.problem("structure tree: no /ParentTree")
		return
	}
	nums := map[int]types.Object{}
	var walk func(d types.Dict, depth int)
	walk = func(d types.Dict, depth int) {
		if depth > 32 {
			return
		}
		arr, _ := c.x.DereferenceArray(d["Nums"])
		for i := 0; i+1 < len(arr); i += 2 {
			if k, ok := arr[i].(types.Integer); ok {
				nums[k.Value()] = arr[i+1]
			}
		}
		kids, _ := c.x.DereferenceArray(d["Kids"])
		for _, k := range kids {
			if kd, _ := c.x.DereferenceDict(k); kd != nil {
				walk(kd, depth+1)
			}
		}
	}
	walk(tree, 0)
	refNum := func(o types.Object) int {
		if r, ok := o.(types.IndirectRef); ok {
			return r.ObjectNumber.Value()
		}
		return -1
	}
	for k, elem := range c.owner {
		key, ok := c.keys[k.page]
		if !ok {
			continue
		}
		arr, _ := c.x.DereferenceArray(nums[key])
		if k.mcid >= len(arr) || refNum(arr[k.mcid]) != elem {
			c.problem("page %d: the parent tree does not give MCID %d's element", c.pageNum[k.page], k.mcid)
		}
	}
	for _, a := range c.annots {
		if a.key >= 0 && a.owners == 1 && refNum(nums[a.key]) != a.owner {
			c.problem("page %d: the parent tree does not give link annotation key %d's element", a.page, a.key)
		}
	}
	if next := root.IntEntry("ParentTreeNextKey"); next != nil {
		for k := range nums {
			if k >= *next {
				c.problem("structure tree: parent tree key %d is not below /ParentTreeNextKey %d", k, *next)
				break
			}
		}
	}
}

// content scans a page's content stream: which marked-content sequences
// it opens, and whether every drawing operator is inside one.
func (c *tagChecker) content(page, obj int, data []byte) {
	type level struct {
		artifact bool
		mcid     int // -1 for none
	}
	var stack []level
	var operands []string
	unmarked := 0
	inArtifact := func() bool {
		for _, l := range stack {
			if l.artifact {
				return true
			}
		}
		return false
	}
	inContent := func() bool {
		for _, l := range stack {
			if l.mcid >= 0 {
				return true
			}
		}
		return false
	}
	lex := contentLexer{b: data}
	for {
		tok, op, ok := lex.next()
		if !ok {
			break
		}
		if !op {
			operands = append(operands, tok)
			continue
		}
		switch tok {
		case "BMC", "BDC":
			if want := map[string]int{"BMC": 1, "BDC": 2}[tok]; len(operands) != want {
				c.problem("page %d: %s with %d operands, not %d", page, tok, len(operands), want)
			}
			l := level{mcid: -1}
			if len(operands) > 0 {
				tag := operands[0]
				if tok == "BDC" && len(operands) > 1 {
					tag = operands[len(operands)-2]
				}
				l.artifact = tag == "/Artifact"
			}
			if tok == "BDC" && len(operands) > 0 {
				if m := mcidOf(operands[len(operands)-1]); m >= 0 {
					l.mcid = m
				}
			}
			if l.artifact && inContent() || l.mcid >= 0 && inArtifact() {
				c.problem("page %d: an artifact and tagged content nest", page)
			}
			if l.mcid >= 0 {
				c.mcids[mcKey{obj, l.mcid}]++
				c.r.MCIDs++
			}
			if l.artifact {
				c.r.Artifacts++
			}
			stack = append(stack, l)
		case "EMC":
			if len(stack) == 0 {
				c.problem("page %d: EMC without BMC or BDC", page)
			} else {
				stack = stack[:len(stack)-1]
			}
		case "Tj", "TJ", "'", "\"", "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "EI":
			if !inArtifact() && !inContent() {
				unmarked++
			}
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		c.problem("page %d: %d marked-content sequences not ended", page, len(stack))
	}
	if unmarked > 0 {
		c.problem("page %d: %d drawing operators outside marked content", page, unmarked)
	}
}

// mcidOf returns the MCID of a properties dictionary written inline
// ("<</MCID 3>>"), or -1.
func mcidOf(props string) int {
	i := bytes.Index([]byte(props), []byte("/MCID"))
	if i < 0 {
		return -1
	}
	j := i + len("/MCID")
	for j < len(props) && (props[j] == ' ' || props[j] == '\n' || props[j] == '\r') {
		j++
	}
	k := j
	for k < len(props) && props[k] >= '0' && props[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(props[j:k])
	if err != nil {
		return -1
	}
	return n
}

// contentLexer splits a content stream into operands (numbers, names,
// strings, arrays and dictionaries, each one token) and operators.
type contentLexer struct {
	b []byte
	i int
}

func (l *contentLexer) next() (tok string, op bool, ok bool) {
	b := l.b
	for l.i < len(b) {
		switch b[l.i] {
		case ' ', '\n', '\r', '\t', '\f', 0:
			l.i++
			continue
		case '%':
			for l.i < len(b) && b[l.i] != '\n' && b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		break
	}
	if l.i >= len(b) {
		return "", false, false
	}
	start := l.i
	switch ch := b[l.i]; {
	case ch == '(':
		l.skipString()
	case ch == '<' && l.i+1 < len(b) && b[l.i+1] == '<', ch == '[':
		l.skipNested()
	case ch == '<':
		for l.i < len(b) && b[l.i] != '>' {
			l.i++
		}
		l.i++
	case ch == '/':
		l.i++
		l.skipRegular()
	default:
		l.skipRegular()
		if l.i == start {
			l.i++ // a stray delimiter
		}
		tok := string(b[start:min(l.i, len(b))])
		if tok == "BI" {
			l.skipInlineImage()
			return "EI", true, true
		}
		c := tok[0]
		isNum := c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9'
		return tok, !isNum && tok != "true" && tok != "false" && tok != "null", true
	}
	return string(b[start:min(l.i, len(b))]), false, true
}

func (l *contentLexer) skipRegular() {
	for l.i < len(l.b) {
		switch l.b[l.i] {
		case ' ', '\n', '\r', '\t', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
			return
		}
		l.i++
	}
}

func (l *contentLexer) skipString() {
	depth := 0
	for ; l.i < len(l.b); l.i++ {
		switch l.b[l.i] {
		case '\\':
			l.i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.i++
				return
			}
		}
	}
}

// skipNested skips an array or a dictionary, with what it holds.
func (l *contentLexer) skipNested() {
	depth := 0
	for l.i < len(l.b) {
		switch ch := l.b[l.i]; {
		case ch == '(':
			l.skipString()
			continue
		case ch == '<' && (l.i+1 >= len(l.b) || l.b[l.i+1] != '<'):
			// A hex string.
			for l.i < len(l.b) && l.b[l.i] != '>' {
				l.i++
			}
		case ch == '[' || ch == '<':
			depth++
			if ch == '<' {
				l.i++
			}
		case ch == ']' || ch == '>' && l.i+1 < len(l.b) && l.b[l.i+1] == '>':
			depth--
			if ch == '>' {
				l.i++
			}
			if depth == 0 {
				l.i++
				return
			}
		}
		l.i++
	}
}

// skipInlineImage skips from BI to after EI.
func (l *contentLexer) skipInlineImage() {
	if j := bytes.Index(l.b[l.i:], []byte("EI")); j >= 0 {
		l.i += j + 2
	} else {
		l.i = len(l.b)
	}
}
