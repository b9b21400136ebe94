package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/galleypress/galley/pkg/font"
)

// fontEnc encodes glyphs in one embedded face: each glyph drawn for a
// piece of text gets the next character code (a CID, two bytes), in
// order of first use; the CID maps to the glyph (CIDToGIDMap) and back to
// the text (ToUnicode), so that text extraction gives exactly the text
// drawn: a ligature reads as its letters, and a missing character drawn
// as the replacement glyph as itself.
type fontEnc struct {
	face *font.Face
	res  string // resource name: "/F0"
	// low holds the CIDs of glyphs that draw one character below
	// lowCIDs; other pairs of glyph and text are in high.
	low  [lowCIDs]uint16
	high map[cidKey]uint16
	// texts, gids and widths hold each CID's text, glyph and width (in
	// thousandths of an em), from CID 1.
	texts  []string
	gids   []uint16
	widths []int
	notdef int // glyph 0's width
	// byGlyph, for a face with CFF outlines, whose codes are its glyph
	// ids: the index in texts of each glyph's first use.
	byGlyph map[uint16]int
}

type cidKey struct {
	gid  uint16
	text string
}

// lowCIDs is how many runes from U+0000 find their CID in an array.
const lowCIDs = 0x800

func newFontEnc(face *font.Face, index int) *fontEnc {
	return &fontEnc{face: face, res: fmt.Sprintf("/F%d", index), high: map[cidKey]uint16{}, notdef: face.GlyphWidth(0)}
}

// cid returns the character code of glyph gid drawn for text, assigning
// the next one the first time. A face has at most 65,535 codes; glyphs
// beyond those are drawn as glyph 0.
func (f *fontEnc) cid(gid uint16, text string) uint16 {
	if f.face.CFF() {
		return f.glyphCode(gid, text)
	}
	r, n := utf8.DecodeRuneInString(text)
	low := n == len(text) && r < lowCIDs && r != utf8.RuneError
	if low {
		if c := f.low[r]; c != 0 && f.gids[c-1] == gid {
			return c
		}
	}
	key := cidKey{gid, text}
	if c, ok := f.high[key]; ok {
		return c
	}
	if len(f.texts) >= 0xFFFF {
		return 0
	}
	f.texts = append(f.texts, text)
	f.gids = append(f.gids, gid)
	f.widths = append(f.widths, f.face.GlyphWidth(gid))
	c := uint16(len(f.texts))
	if low && f.low[r] == 0 {
		f.low[r] = c
	} else {
		f.high[key] = c
	}
	return c
}

// glyphCode returns the code of glyph gid in a face with CFF outlines:
// the glyph id itself (a CIDFontType0 whose font program is not
// CID-keyed selects glyphs by CID). A glyph maps back to the text it was
// first drawn for; the replacement glyph to U+FFFD.
func (f *fontEnc) glyphCode(gid uint16, text string) uint16 {
	if f.byGlyph == nil {
		f.byGlyph = map[uint16]int{}
	}
	if _, ok := f.byGlyph[gid]; !ok {
		if rep, ok := f.face.GlyphID('\ufffd'); ok && rep == gid {
			text = "\ufffd"
		}
		f.byGlyph[gid] = len(f.texts)
		f.texts = append(f.texts, text)
		f.gids = append(f.gids, gid)
		f.widths = append(f.widths, f.face.GlyphWidth(gid))
	}
	return gid
}

// width returns the width of code c, in thousandths of an em.
func (f *fontEnc) width(c uint16) int {
	if f.byGlyph != nil {
		if i, ok := f.byGlyph[c]; ok {
			return f.widths[i]
		}
	}
	if c == 0 || f.face.CFF() {
		return f.notdef
	}
	return f.widths[c-1]
}

// appendEscaped appends a byte of a literal string.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// writeFonts writes every face drawn with as a Type 0 font with a
// CIDFontType2 descendant and a subset of the font file, and returns the
// resource dictionary's entries ("/F0 12 0 R …").
func (b *backend) writeFonts() (string, error) {
	var res strings.Builder
	for _, f := range b.order {
		obj, err := b.writeFont(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&res, "%s %d 0 R ", f.res, obj)
	}
	return strings.TrimSuffix(res.String(), " "), nil
}

func (b *backend) writeFont(f *fontEnc) (int, error) {
	o := b.o
	face := f.face
	used := make([]bool, 0, 256)
	for _, g := range f.gids {
		for int(g) >= len(used) {
			used = append(used, false)
		}
		used[g] = true
	}
	data, whole, err := face.Subset(used)
	if err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	m := face.Metrics()
	name := baseName(m.PostScriptName, face.Name)
	if !whole {
		// A subset's name starts with a tag of six capitals, made here
		// from the glyphs it holds.
		sum := sha256.New()
		sum.Write([]byte(name))
		for _, g := range f.gids {
			sum.Write([]byte{byte(g >> 8), byte(g)})
		}
		h := sum.Sum(nil)
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + h[i]%26
		}
		name = string(tag) + "+" + name
	}

	type0, cidFont, desc, file, toUni := o.alloc(), o.alloc(), o.alloc(), o.alloc(), o.alloc()
	o.object(type0, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
		name, cidFont, toUni))

	// The widths, by code: consecutive codes in one array.
	codes := make([]int, len(f.gids))
	for i, g := range f.gids {
		codes[i] = i + 1
		if face.CFF() {
			codes[i] = int(g)
		}
	}
	order := make([]int, len(codes)) // indices, by code
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return codes[order[i]] < codes[order[j]] })
	var w strings.Builder
	w.WriteString("[")
	for k, i := range order {
		switch {
		case k == 0:
			fmt.Fprintf(&w, "%d [", codes[i])
		case codes[i] != codes[order[k-1]]+1:
			fmt.Fprintf(&w, "] %d [", codes[i])
		default:
			w.WriteByte(' ')
		}
		fmt.Fprint(&w, f.widths[i])
	}
	if len(order) > 0 {
		w.WriteString("]")
	}
	w.WriteString("]")
	cidMap := 0
	if face.CFF() {
		o.object(cidFont, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType0 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W %s>>",
			name, desc, f.notdef, w.String()))
	} else {
		cidMap = o.alloc()
		o.object(cidFont, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W %s /CIDToGIDMap %d 0 R>>",
			name, desc, f.notdef, w.String(), cidMap))
	}

	flags := 4 // symbolic: glyphs outside the standard Latin set
	if m.Italic {
		flags |= 64
	}
	if m.FixedPitch {
		flags |= 1
	}
	stemV := 50 + (m.Weight*m.Weight)/(65*65)
	fontFile := "FontFile2"
	if face.CFF() {
		fontFile = "FontFile3"
	}
	o.object(desc, fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /%s %d 0 R>>",
		name, flags, m.BBox[0], m.BBox[1], m.BBox[2], m.BBox[3], num(m.ItalicAngle), m.Ascent, m.Descent, m.CapHeight, stemV, fontFile, file))
	if face.CFF() {
		o.stream(file, "/Subtype /OpenType ", data, flated)
	} else {
		o.stream(file, fmt.Sprintf("/Length1 %d ", len(data)), data, flated)
	}
	o.stream(toUni, "", toUnicode(codes, f.texts), flated)
	if cidMap != 0 {
		gidMap := make([]byte, 2*(len(f.gids)+1))
		for i, g := range f.gids {
			binary.BigEndian.PutUint16(gidMap[2*(i+1):], g)
		}
		o.stream(cidMap, "", gidMap, flated)
	}
	return type0, o.err
}

// baseName makes a PDF font name from a face's PostScript name, or its
// name: "GoRegular".
func baseName(ps, name string) string {
	if ps == "" {
		ps = name
	}
	var b strings.Builder
	for _, r := range ps {
		if r > ' ' && r < 127 && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}

// toUnicode returns the ToUnicode CMap that maps each code back to its
// text.
func toUnicode(codes []int, texts []string) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for start := 0; start < len(texts); start += 100 {
		end := min(start+100, len(texts))
		fmt.Fprintf(&b, "%d beginbfchar\n", end-start)
		for i := start; i < end; i++ {
			fmt.Fprintf(&b, "<%04X> <", codes[i])
			for _, u := range utf16.Encode([]rune(texts[i])) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
