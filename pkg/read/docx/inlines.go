package docx

import (
	"encoding/base64"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/read/internal/officexml"
)

// inlines converts the content of a paragraph (or a hyperlink, a field
// result): runs, hyperlinks, bookmarks, fields, notes, images, tracked
// insertions; deletions and comments are left out.
func (c *converter) inlines(kids []*node) []doc.Inline {
	var out []doc.Inline
	for _, k := range kids {
		switch k.Name {
		case "w:r":
			out = append(out, c.run(k)...)
		case "w:hyperlink":
			ins := c.inlines(k.Kids)
			url := ""
			if a := k.Attr("w:anchor"); a != "" {
				url = "#" + a
			} else if r, ok := c.rels[k.Attr("r:id")]; ok && r.external {
				url = r.target
			}
			if url != "" && len(ins) > 0 {
				out = append(out, &doc.Link{URL: url, Inlines: ins})
			} else {
				out = append(out, ins...)
			}
		case "w:bookmarkStart":
			if name := k.Attr("w:name"); name != "" && name != "_GoBack" {
				out = append(out, &doc.Anchor{ID: name})
			}
		case "w:fldSimple":
			ins := c.inlines(k.Kids)
			out = append(out, c.fieldResult(k.Attr("w:instr"), ins)...)
		case "w:ins", "w:moveTo", "w:del", "w:moveFrom":
			if c.kept(k.Name) {
				out = append(out, c.inlines(k.Kids)...)
			}
		case "w:smartTag", "w:customXml", "w:sdtContent":
			out = append(out, c.inlines(k.Kids)...)
		case "w:sdt":
			out = append(out, c.inlines(k.Path("w:sdtContent").Kids)...)
		case "m:oMath":
			if tex := c.mathTeX(k); tex != "" {
				out = append(out, &doc.Math{TeX: tex})
			}
		case "m:oMathPara":
			// An equation on its own line (several: one after another).
			for _, m := range k.Kids {
				if m.Name != "m:oMath" {
					continue
				}
				if tex := c.mathTeX(m); tex != "" {
					out = append(out, &doc.Math{TeX: tex, Display: true})
				}
			}
		}
	}
	return officexml.Merge(out)
}

// fieldResult maps a field's instruction and result: a TOC goes (galley
// makes its own), HYPERLINK and REF/PAGEREF are links, others their
// result.
func (c *converter) fieldResult(instr string, ins []doc.Inline) []doc.Inline {
	f := strings.Fields(instr)
	if len(f) == 0 {
		return ins
	}
	switch strings.ToUpper(f[0]) {
	case "TOC":
		return nil
	case "HYPERLINK":
		url := ""
		for i := 1; i < len(f); i++ {
			if f[i] == `\l` && i+1 < len(f) {
				url = "#" + strings.Trim(f[i+1], `"`)
				break
			}
			if !strings.HasPrefix(f[i], `\`) && url == "" {
				url = strings.Trim(f[i], `"`)
			}
		}
		if url != "" && len(ins) > 0 {
			return []doc.Inline{&doc.Link{URL: url, Inlines: ins}}
		}
	case "REF", "PAGEREF", "NOTEREF":
		if len(f) > 1 && len(ins) > 0 {
			return []doc.Inline{&doc.Link{URL: "#" + strings.Trim(f[1], `"`), Inlines: ins}}
		}
	}
	return ins
}

// run converts a run: its text with its formatting, breaks, tabs,
// note references, drawings; complex field characters switch what the
// runs that follow are (an instruction, a result, dropped).
func (c *converter) run(r *node) []doc.Inline {
	st := c.runStyle(r.Child("w:rPr"))
	var out []doc.Inline
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, &doc.Text{Text: text.String()})
			text.Reset()
		}
	}
	for _, k := range r.Kids {
		if len(c.fields) > 0 {
			f := c.fields[len(c.fields)-1]
			switch {
			case k.Name == "w:instrText" && !f.result:
				f.instr.WriteString(k.Text)
				continue
			case k.Name == "w:fldChar":
			case f.drop:
				continue
			}
		}
		switch k.Name {
		case "w:t":
			text.WriteString(k.Text)
		case "w:tab":
			text.WriteString(" ")
		case "w:noBreakHyphen":
			text.WriteString("\u2011")
		case "w:softHyphen":
			text.WriteString("\u00ad")
		case "w:sym":
			if r, ok := c.symbol(k.Attr("w:font"), k.Attr("w:char")); ok {
				text.WriteRune(r)
			}
		case "w:br", "w:cr":
			if k.Attr("w:type") == "page" || k.Attr("w:type") == "column" {
				continue
			}
			flush()
			out = append(out, &doc.LineBreak{})
		case "w:fldChar":
			flush()
			switch k.Attr("w:fldCharType") {
			case "begin":
				f := &field{}
				if len(c.fields) > 0 && c.fields[len(c.fields)-1].drop {
					f.drop = true
				}
				c.fields = append(c.fields, f)
			case "separate":
				if len(c.fields) > 0 {
					f := c.fields[len(c.fields)-1]
					f.result = true
					fs := strings.Fields(f.instr.String())
					if len(fs) > 0 && strings.EqualFold(fs[0], "TOC") {
						f.drop = true
					}
					// What fieldResult links a simple field's result to,
					// the runs of this one's link to.
					if r := c.fieldResult(f.instr.String(), []doc.Inline{&doc.Text{Text: "x"}}); len(r) == 1 && !f.drop {
						if l, ok := r[0].(*doc.Link); ok {
							f.link = l.URL
						}
					}
				}
			case "end":
				if len(c.fields) > 0 {
					c.fields = c.fields[:len(c.fields)-1]
				}
			}
		case "w:footnoteReference", "w:endnoteReference":
			flush()
			kind := "footnotes"
			if k.Name == "w:endnoteReference" {
				kind = "endnotes"
			}
			if body, ok := c.notes[kind+":"+k.Attr("w:id")]; ok {
				out = append(out, &doc.Note{Blocks: c.blocks(body)})
			}
		case "w:drawing", "w:pict", "mc:AlternateContent":
			flush()
			if img := c.image(k); img != nil {
				out = append(out, img)
			}
		case "w:delText":
			if c.reject {
				text.WriteString(k.Text)
			}
		case "w:commentReference":
		}
	}
	flush()
	if onlyNotes(out) {
		// A note's reference is raised by its style; the note's number
		// is raised by every output already.
		st.Sup, st.Sub = false, false
	}
	out = st.Wrap(out, c.defaultLang)
	for i := len(c.fields) - 1; i >= 0; i-- {
		if f := c.fields[i]; f.result && f.link != "" && len(out) > 0 {
			// A run of a REF or HYPERLINK field's result: officexml.Merge
			// joins the runs of one link.
			return []doc.Inline{&doc.Link{URL: f.link, Inlines: out}}
		}
	}
	return out
}

// runStyle reads a run's formatting, its character style's included.
func (c *converter) runStyle(rPr *node) officexml.Format {
	var st officexml.Format
	on := func(n *node) bool {
		if n == nil {
			return false
		}
		v := n.Attr("w:val")
		return v == "" || v == "1" || v == "true" || v == "on"
	}
	for _, s := range c.chain(rPr.Path("w:rStyle").Attr("w:val")) {
		st.Code = st.Code || s.code
		if st.Lang == "" {
			st.Lang = s.lang
		}
	}
	st.Bold = on(rPr.Child("w:b"))
	st.Italic = on(rPr.Child("w:i"))
	st.Strike = on(rPr.Child("w:strike")) || on(rPr.Child("w:dstrike"))
	switch rPr.Path("w:vertAlign").Attr("w:val") {
	case "superscript":
		st.Sup = true
	case "subscript":
		st.Sub = true
	}
	if l := rPr.Path("w:lang").Attr("w:val"); l != "" {
		st.Lang = l
	}
	return st
}

// image converts a drawing: its picture from the package, with the
// alternative text of its properties (descr, else title); a drawing
// marked decorative has none. Without a picture (a chart, SmartArt, a
// shape) its fallback picture serves, else it is left out with a
// warning.
func (c *converter) image(k *node) doc.Inline {
	pr := k.Find("wp:docPr")
	alt := strings.TrimSpace(pr.Attr("descr"))
	if alt == "" {
		alt = strings.TrimSpace(pr.Attr("title"))
	}
	if k.Find("adec:decorative") != nil && k.Find("adec:decorative").Attr("val") == "1" {
		alt = ""
	}
	blip := k.Find("a:blip")
	if blip == nil {
		if f := k.Find("mc:Fallback"); f != nil {
			blip = f.Find("a:blip")
		}
	}
	if blip == nil {
		blip = k.Find("v:imagedata") // an older Word's picture (VML)
	}
	if blip == nil {
		if box := k.Find("w:txbxContent"); box != nil {
			// A text box: its text, where it is anchored.
			if ins := c.cellInlines(box); len(ins) > 0 {
				return &doc.Span{Inlines: ins}
			}
			return nil
		}
		c.warnOnce("docx-drawing", "a drawing without a picture (a chart, a shape, SmartArt) is left out%s", altSuffix(alt))
		return nil
	}
	id := blip.Attr("r:embed")
	if blip.Name == "v:imagedata" {
		id = blip.Attr("r:id")
		if alt == "" {
			alt = strings.TrimSpace(blip.Attr("o:title"))
		}
	}
	name, ok := c.mediaName(id)
	if !ok {
		if r, ok := c.rels[blip.Attr("r:link")]; ok && r.external {
			return &doc.Image{Src: r.target, Alt: alt}
		}
		return nil
	}
	data, err := c.pkg.Read(name)
	if err != nil {
		c.warnOnce("docx-images", "image %s cannot be read (%v); its alternative text stands in", path.Base(name), err)
		if alt == "" {
			return nil
		}
		return &doc.Text{Text: alt}
	}
	if ext := strings.ToLower(path.Ext(name)); !shown[ext] {
		c.warnOnce("docx-images", "image %s is a %s drawing, which no output format shows (save it as PNG or JPEG in Word); its alternative text stands in", path.Base(name), strings.ToUpper(strings.TrimPrefix(ext, ".")))
		if alt == "" {
			return nil
		}
		return &doc.Text{Text: alt}
	}
	if c.opts.Resource == nil {
		// The image travels inside the document, as a data: address:
		// every output holds it (an HTML page without files beside it).
		return &doc.Image{Src: dataURI(name, data), Alt: alt}
	}
	return &doc.Image{Src: c.opts.Resource(path.Base(name), data), Alt: alt}
}

func altSuffix(alt string) string {
	if alt == "" {
		return ""
	}
	return " (" + alt + ")"
}

// table converts a table: header rows (tblHeader), cells spanning
// columns (gridSpan) and rows (vMerge); a table inside a cell gives its
// text to the cell.
func (c *converter) table(t *node) *doc.Table {
	tb := &doc.Table{}
	var rows [][]doc.Cell
	type open struct{ row, cell int }
	merging := map[int]open{} // grid column → the cell a vMerge continues
	header := true
	heads := 0
	// A table whose look marks its first row (Word's "Header Row" box)
	// has that row as its header, as pandoc reads it.
	look := t.Path("w:tblPr", "w:tblLook")
	bits, _ := strconv.ParseUint(look.Attr("w:val"), 16, 32)
	firstRow := look.Attr("w:firstRow") == "1" || look.Attr("w:firstRow") == "true" || look.Attr("w:firstRow") == "" && bits&0x20 != 0
	for _, tr := range unwrap(t.Kids) {
		if tr.Name != "w:tr" || len(rows) >= maxRowsCols {
			continue
		}
		if tr.Path("w:trPr", "w:del") != nil && !c.reject || tr.Path("w:trPr", "w:ins") != nil && c.reject {
			continue // a row the changes remove
		}
		isHead := tr.Path("w:trPr", "w:tblHeader") != nil || firstRow && len(rows) == 0
		var cells []doc.Cell
		col := 0
		for _, tc := range unwrap(tr.Kids) {
			if tc.Name != "w:tc" {
				continue
			}
			tcPr := tc.Child("w:tcPr")
			span := max(atoi(tcPr.Path("w:gridSpan").Attr("w:val")), 1)
			if vm := tcPr.Path("w:vMerge"); vm != nil && vm.Attr("w:val") != "restart" {
				if o, ok := merging[col]; ok {
					rowCells := rows[o.row]
					if o.row == len(rows) {
						rowCells = cells
					}
					if o.cell < len(rowCells) {
						rowCells[o.cell].RowSpan = max(rowCells[o.cell].RowSpan, 1) + 1
					}
				}
				col += span
				continue
			}
			cell := c.cell(tc)
			if span > 1 {
				cell.ColSpan = span
			}
			if vm := tcPr.Path("w:vMerge"); vm != nil {
				merging[col] = open{row: len(rows), cell: len(cells)}
			} else {
				delete(merging, col)
			}
			cells = append(cells, cell)
			col += span
		}
		if isHead && header {
			heads++
		} else {
			header = false
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		return nil
	}
	tb.Align = c.columnAligns(t)
	if heads > 0 {
		tb.Header, rows = rows[0], rows[1:]
		tb.HeadRows = heads - 1
	}
	tb.Rows = rows
	return tb
}

// unwrap gives a table's rows or a row's cells, those inside content
// controls (w:sdt) and custom XML included.
func unwrap(kids []*node) []*node {
	var out []*node
	for _, k := range kids {
		switch k.Name {
		case "w:sdt":
			out = append(out, unwrap(k.Path("w:sdtContent").Kids)...)
		case "w:customXml", "w:ins", "w:moveTo", "w:del", "w:moveFrom":
			out = append(out, unwrap(k.Kids)...)
		default:
			out = append(out, k)
		}
	}
	return out
}

// columnAligns reads each grid column's alignment from the table's
// last row (a header row is often centred over its column), from the
// justification of each cell's first paragraph.
func (c *converter) columnAligns(t *node) []doc.Align {
	var last *node
	for _, tr := range unwrap(t.Kids) {
		if tr.Name == "w:tr" {
			last = tr
		}
	}
	var out []doc.Align
	if last == nil {
		return nil
	}
	for _, tc := range unwrap(last.Kids) {
		if tc.Name != "w:tc" {
			continue
		}
		a := doc.AlignDefault
		switch tc.Path("w:p", "w:pPr", "w:jc").Attr("w:val") {
		case "left", "start":
			a = doc.AlignLeft
		case "center":
			a = doc.AlignCenter
		case "right", "end":
			a = doc.AlignRight
		}
		for range max(atoi(tc.Path("w:tcPr", "w:gridSpan").Attr("w:val")), 1) {
			if len(out) < maxRowsCols {
				out = append(out, a)
			}
		}
	}
	return out
}

// cell returns a cell with its content: a line of inlines, or blocks
// when it holds a list or a table of its own.
func (c *converter) cell(tc *node) doc.Cell {
	var blocks func(kids []*node) bool
	blocks = func(kids []*node) bool {
		for _, k := range kids {
			switch k.Name {
			case "w:tbl":
				return true
			case "w:p":
				if _, lvl, numID, _, _ := c.paragraphKind(k); lvl == 0 && numID != "" && numID != "0" {
					return true
				}
			case "w:sdt":
				if blocks(k.Path("w:sdtContent").Kids) {
					return true
				}
			case "w:ins", "w:moveTo", "w:del", "w:moveFrom", "w:customXml", "w:smartTag":
				if blocks(k.Kids) {
					return true
				}
			}
		}
		return false
	}
	if blocks(tc.Kids) {
		return doc.Cell{Blocks: read.CellBlocks(c.blocks(tc.Kids))}
	}
	return doc.Cell{Inlines: c.cellInlines(tc)}
}

// cellInlines returns a cell's or a text box's content as inlines: its
// paragraphs parted by line breaks, a list's items beginning with their
// bullet or number.
func (c *converter) cellInlines(tc *node) []doc.Inline {
	var out []doc.Inline
	counts := map[string]int{}
	add := func(ins []doc.Inline) {
		if len(officexml.Trim(ins)) == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, &doc.LineBreak{})
		}
		out = append(out, officexml.Trim(ins)...)
	}
	var walk func(kids []*node)
	walk = func(kids []*node) {
		for _, k := range kids {
			switch k.Name {
			case "w:p":
				ins := c.inlines(k.Kids)
				if _, lvl, numID, ilvl, _ := c.paragraphKind(k); lvl == 0 && numID != "" && numID != "0" && len(officexml.Trim(ins)) > 0 {
					ins = append([]doc.Inline{&doc.Text{Text: c.cellMarker(numID, ilvl, counts)}}, officexml.Trim(ins)...)
					c.warnOnce("docx-box-list", "a list inside a text box is kept as lines that begin with their bullet or number")
				}
				add(ins)
			case "w:tbl":
				for _, tr := range k.Kids {
					for _, cell := range tr.Kids {
						if cell.Name == "w:tc" {
							walk(cell.Kids)
						}
					}
				}
			case "w:sdt":
				walk(k.Path("w:sdtContent").Kids)
			}
		}
	}
	walk(tc.Kids)
	return out
}

// cellMarker gives the marker a list paragraph inside a table cell
// begins with: a bullet, or its number, indented by its level.
func (c *converter) cellMarker(numID, ilvl string, counts map[string]int) string {
	l := level{format: "bullet", start: 1}
	if lv := c.nums[numID]; lv != nil {
		if x, ok := lv.levels[ilvl]; ok {
			l = x
		}
	}
	indent := strings.Repeat("\u00a0\u00a0", atoi(ilvl))
	switch l.format {
	case "bullet", "none", "":
		return indent + "•\u00a0"
	}
	key := numID + "/" + ilvl
	if _, ok := counts[key]; !ok {
		counts[key] = l.start
		if l.start == 0 {
			counts[key] = 1
		}
	} else {
		counts[key]++
	}
	return indent + strconv.Itoa(counts[key]) + ".\u00a0"
}

// shown are the picture formats outputs show.
var shown = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true}

// dataURI gives a data: address holding an image of the package.
func dataURI(name string, data []byte) string {
	mt := mime.TypeByExtension(strings.ToLower(path.Ext(name)))
	if sniffed := http.DetectContentType(data); strings.HasPrefix(sniffed, "image/") {
		mt = sniffed
	}
	if mt == "" {
		mt = "application/octet-stream"
	}
	mt, _, _ = strings.Cut(mt, ";")
	return "data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(data)
}

func onlyNotes(ins []doc.Inline) bool {
	for _, in := range ins {
		if _, ok := in.(*doc.Note); !ok {
			return false
		}
	}
	return len(ins) > 0
}

// symbol maps a symbol Word inserts (w:sym: a font and a character code)
// to Unicode: the Symbol font's codes by Adobe's Symbol encoding, a code
// of another font as the Unicode character it is; a dingbat font's
// picture (Wingdings) has no sure Unicode and is left out, with a
// warning.
func (c *converter) symbol(font, char string) (rune, bool) {
	code, err := strconv.ParseUint(char, 16, 32)
	if err != nil {
		return 0, false
	}
	if code >= 0xf000 && code <= 0xf0ff {
		code -= 0xf000 // the private-use copy Word writes
	}
	switch f := strings.ToLower(font); {
	case f == "symbol":
		if r, ok := adobeSymbol[byte(code)]; ok && code < 0x100 {
			return r, true
		}
		if code >= 0x20 && code < 0x7f {
			return rune(code), true
		}
	case strings.Contains(f, "wingdings") || strings.Contains(f, "webdings") || strings.Contains(f, "dingbats"):
	default:
		if code >= 0x20 && code < 0x110000 && (code < 0xd800 || code > 0xdfff) {
			return rune(code), true
		}
	}
	c.warnOnce("docx-symbol", "a symbol of the %s font (code %s) has no Unicode character and is left out", font, char)
	return 0, false
}

// adobeSymbol is the Symbol font's encoding where it differs from ASCII.
var adobeSymbol = map[byte]rune{
	0x22: '∀', 0x24: '∃', 0x27: '∋', 0x2a: '∗', 0x2d: '−', 0x40: '≅', 0x5c: '∴', 0x5e: '⊥', 0x60: '‾', 0x7e: '∼',
	'A': 'Α', 'B': 'Β', 'C': 'Χ', 'D': 'Δ', 'E': 'Ε', 'F': 'Φ', 'G': 'Γ', 'H': 'Η', 'I': 'Ι', 'J': 'ϑ', 'K': 'Κ', 'L': 'Λ', 'M': 'Μ',
	'N': 'Ν', 'O': 'Ο', 'P': 'Π', 'Q': 'Θ', 'R': 'Ρ', 'S': 'Σ', 'T': 'Τ', 'U': 'Υ', 'V': 'ς', 'W': 'Ω', 'X': 'Ξ', 'Y': 'Ψ', 'Z': 'Ζ',
	'a': 'α', 'b': 'β', 'c': 'χ', 'd': 'δ', 'e': 'ε', 'f': 'φ', 'g': 'γ', 'h': 'η', 'i': 'ι', 'j': 'ϕ', 'k': 'κ', 'l': 'λ', 'm': 'μ',
	'n': 'ν', 'o': 'ο', 'p': 'π', 'q': 'θ', 'r': 'ρ', 's': 'σ', 't': 'τ', 'u': 'υ', 'v': 'ϖ', 'w': 'ω', 'x': 'ξ', 'y': 'ψ', 'z': 'ζ',
	0xa1: 'ϒ', 0xa2: '′', 0xa3: '≤', 0xa4: '⁄', 0xa5: '∞', 0xa6: 'ƒ', 0xa7: '♣', 0xa8: '♦', 0xa9: '♥', 0xaa: '♠', 0xab: '↔',
	0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓', 0xb0: '°', 0xb1: '±', 0xb2: '″', 0xb3: '≥', 0xb4: '×', 0xb5: '∝', 0xb6: '∂',
	0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xba: '≡', 0xbb: '≈', 0xbc: '…', 0xc0: 'ℵ', 0xc1: 'ℑ', 0xc2: 'ℜ', 0xc3: '℘', 0xc4: '⊗',
	0xc5: '⊕', 0xc6: '∅', 0xc7: '∩', 0xc8: '∪', 0xc9: '⊃', 0xca: '⊇', 0xcb: '⊄', 0xcc: '⊂', 0xcd: '⊆', 0xce: '∈', 0xcf: '∉',
	0xd0: '∠', 0xd1: '∇', 0xd2: '®', 0xd3: '©', 0xd4: '™', 0xd5: '∏', 0xd6: '√', 0xd7: '⋅', 0xd8: '¬', 0xd9: '∧', 0xda: '∨',
	0xdb: '⇔', 0xdc: '⇐', 0xdd: '⇑', 0xde: '⇒', 0xdf: '⇓', 0xe0: '◊', 0xe1: '〈', 0xe5: '∑', 0xf1: '〉', 0xf2: '∫',
}
