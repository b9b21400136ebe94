package font

import (
	"encoding/binary"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// What a PDF writer needs to embed a face: the glyph that draws each
// character, the glyphs' widths, the face's metrics, and a subset of the
// font file that holds only the glyphs drawn.

// GlyphID returns the glyph that draws r in the face, and false if the
// face has none (the Replacement character's glyph then stands in, or
// glyph 0, the face's "missing" glyph).
func (f *Face) GlyphID(r rune) (uint16, bool) {
	var g glyph
	if r >= 0 && r < lowRunes {
		f.lowOnce.Do(f.fillLow)
		g = glyph{adv: f.low[r], id: f.lowGID[r]}
	} else {
		g = f.cached(r)
	}
	if g.adv >= 0 {
		return g.id, true
	}
	if r != Replacement {
		if id, ok := f.GlyphID(Replacement); ok {
			return id, false
		}
	}
	return 0, false
}

// CFF reports whether the face has PostScript (CFF) outlines: the PDF
// writer embeds it whole, as an OpenType font program, and its glyphs
// by their ids (it is not CID-keyed).
func (f *Face) CFF() bool { return f.cff }

// GlyphWidth returns glyph id's advance in thousandths of an em.
func (f *Face) GlyphWidth(id uint16) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	adv, err := f.font.GlyphAdvance(&f.buf, sfnt.GlyphIndex(id), fixed.Int26_6(f.upem<<6), 0)
	if err != nil {
		return 0
	}
	return int((int64(adv>>6)*1000 + f.upem/2) / f.upem)
}

// FaceMetrics are what a PDF font descriptor says of a face, in
// thousandths of an em.
type FaceMetrics struct {
	Ascent, Descent, CapHeight int
	BBox                       [4]int // x min, y min, x max, y max
	ItalicAngle                float64
	// Weight is the OS/2 weight class (400 regular, 700 bold).
	Weight         int
	FixedPitch     bool
	Italic         bool
	PostScriptName string
}

// Metrics returns the face's metrics, read from its head, hhea, OS/2 and
// post tables (a table missing gives zeros).
func (f *Face) Metrics() FaceMetrics {
	var m FaceMetrics
	tables, err := tableDir(f.Data, 0)
	if err != nil {
		return m
	}
	get := func(tag string, size int) []byte {
		t, ok := tables[tag]
		if !ok || t.length < size {
			return nil
		}
		return f.Data[t.offset : t.offset+t.length]
	}
	scale := func(v int16) int { return int(int64(v) * 1000 / f.upem) }
	s16 := func(b []byte, at int) int16 { return int16(binary.BigEndian.Uint16(b[at:])) }
	if h := get("head", 54); h != nil {
		m.BBox = [4]int{scale(s16(h, 36)), scale(s16(h, 38)), scale(s16(h, 40)), scale(s16(h, 42))}
		m.Italic = binary.BigEndian.Uint16(h[44:])&2 != 0
	}
	if h := get("hhea", 36); h != nil {
		m.Ascent, m.Descent = scale(s16(h, 4)), scale(s16(h, 6))
	}
	m.Weight = 400
	if o := get("OS/2", 78); o != nil {
		m.Weight = int(binary.BigEndian.Uint16(o[4:]))
		if m.Ascent == 0 {
			m.Ascent, m.Descent = scale(s16(o, 68)), scale(s16(o, 70))
		}
		if binary.BigEndian.Uint16(o[0:]) >= 2 && len(o) >= 90 {
			m.CapHeight = scale(s16(o, 88))
		}
	}
	if m.CapHeight == 0 {
		m.CapHeight = m.Ascent
	}
	if p := get("post", 32); p != nil {
		m.ItalicAngle = float64(int32(binary.BigEndian.Uint32(p[4:]))) / 65536
		m.FixedPitch = binary.BigEndian.Uint32(p[12:]) != 0
	}
	if m.ItalicAngle != 0 {
		m.Italic = true
	}
	if name, err := f.font.Name(&f.buf, sfnt.NameIDPostScript); err == nil {
		m.PostScriptName = name
	}
	return m
}

// Subset returns the font file with only the glyphs in used (by glyph
// id), and the glyphs they are made of, kept: every other glyph is
// emptied, so that glyph ids stay as they are. The tables a PDF reader
// needs are kept (head, hhea, maxp, hmtx, loca, glyf, cvt, fpgm, prep,
// cmap, OS/2, and post without glyph names); the rest go. A face with
// CFF outlines keeps its CFF table with the unused charstrings and
// subroutines emptied (see cff.go), or, where its charstrings cannot be
// followed, is returned whole, with whole set.
func (f *Face) Subset(used []bool) (data []byte, whole bool, err error) {
	if f.cff {
		data, err := f.subsetCFF(used)
		if err != nil {
			return f.Data, true, nil
		}
		return data, false, nil
	}
	data, err = f.subsetTrueType(used)
	return data, false, err
}

func (f *Face) subsetTrueType(used []bool) ([]byte, error) {
	data := f.Data
	tables, err := tableDir(data, 0)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if _, ok := tables[tag]; !ok {
			return nil, fmt.Errorf("font %s has no %s table", f.Name, tag)
		}
	}
	body := func(tag string) []byte {
		t := tables[tag]
		return data[t.offset : t.offset+t.length]
	}
	head := body("head")
	if len(head) < 54 || len(body("maxp")) < 6 {
		return nil, fmt.Errorf("font %s: damaged head or maxp table", f.Name)
	}
	n := int(binary.BigEndian.Uint16(body("maxp")[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	loca, glyf := body("loca"), body("glyf")
	if (long && len(loca) < 4*(n+1)) || (!long && len(loca) < 2*(n+1)) {
		return nil, fmt.Errorf("font %s: short loca table", f.Name)
	}
	at := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	glyphData := func(i int) []byte {
		s, e := at(i), at(i+1)
		if s < 0 || e > len(glyf) || s >= e {
			return nil
		}
		return glyf[s:e]
	}
	keep := make([]bool, n)
	keep[0] = true
	var stack []int
	for i := 0; i < n && i < len(used); i++ {
		if used[i] {
			keep[i] = true
		}
	}
	for i := range keep {
		if keep[i] {
			stack = append(stack, i)
		}
	}
	// Composite glyphs bring their components.
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range components(glyphData(i)) {
			if int(c) < n && !keep[c] {
				keep[c] = true
				stack = append(stack, int(c))
			}
		}
	}
	newGlyf := make([]byte, 0, len(glyf)/4)
	newLoca := make([]byte, 4*(n+1))
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		if keep[i] {
			newGlyf = append(newGlyf, glyphData(i)...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca offsets
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	out := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf}
	for _, tag := range []string{"hhea", "maxp", "hmtx", "cvt ", "fpgm", "prep", "cmap", "OS/2"} {
		if _, ok := tables[tag]; ok {
			out[tag] = body(tag)
		}
	}
	if p := body("post"); len(p) >= 32 {
		post := append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
		out["post"] = post
	}
	return sfntFile(out, trueType), nil
}

// components returns the glyphs a composite glyph is made of; none for a
// simple one.
func components(g []byte) []uint16 {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	const (
		argWords    = 0x0001
		haveScale   = 0x0008
		more        = 0x0020
		xyScale     = 0x0040
		twoByTwo    = 0x0080
		maxCompound = 64
	)
	var out []uint16
	p := 10
	for len(out) < maxCompound && p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, binary.BigEndian.Uint16(g[p+2:]))
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if flags&more == 0 {
			break
		}
	}
	return out
}

// Font file versions: TrueType outlines, CFF ones.
const (
	trueType = 0x00010000
	otto     = 0x4F54544F
)

// sfntFile assembles a font file of a version from its tables, with
// their checksums and the head table's checksum adjustment.
func sfntFile(tables map[string][]byte, version uint32) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	num := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= num {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	out := make([]byte, 12+16*num)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(num))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*num-searchRange))
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the TrueType table checksum: the sum of its big-endian
// 32-bit words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// Embeddable reports whether the face's licence lets a document carry it
// for others to read with (its OS/2 table's fsType: not "restricted
// licence embedding"); a face without an OS/2 table says nothing
// against it.
func (f *Face) Embeddable() bool {
	tables, err := tableDir(f.Data, 0)
	if err != nil {
		return false
	}
	t, ok := tables["OS/2"]
	if !ok {
		return true
	}
	if t.length < 10 || t.offset+10 > len(f.Data) {
		return false
	}
	fsType := binary.BigEndian.Uint16(f.Data[t.offset+8:])
	return fsType&0x000f != 0x0002
}

// SubsetFor returns the face's file with the glyphs of text kept (and
// their components): a font a reading system can use for that text.
func (f *Face) SubsetFor(text string) ([]byte, error) {
	var used []bool
	mark := func(id uint16) {
		for int(id) >= len(used) {
			used = append(used, false)
		}
		used[id] = true
	}
	for _, r := range text {
		if id, ok := f.GlyphID(r); ok {
			mark(id)
		}
	}
	if id, ok := f.GlyphID(Replacement); ok {
		mark(id)
	}
	data, _, err := f.Subset(used)
	return data, err
}
