package font

import (
	"encoding/binary"
	"errors"
)

// Subsetting an OpenType font with CFF outlines: the glyphs a document
// does not draw get empty charstrings, and so do the subroutines no kept
// glyph calls; glyph ids and subroutine numbers stay as they are, so
// that nothing else in the font (charset, widths, the PDF's codes) needs
// renumbering. The charstrings of the kept glyphs are followed as a
// Type 2 interpreter would, only as far as it takes to find the
// subroutines they call (the stack's numbers, the stem hints that tell
// how long a hint mask is). A charstring that computes a subroutine's
// number, or builds an accented glyph from two others (seac), or any
// structure galley does not expect, is not followed: the font is then
// embedded whole, which is always right.

// errCFF says a CFF table cannot be subset; the font goes in whole.
var errCFF = errors.New("CFF table not subset")

// cffIndexItems returns the items of the CFF INDEX at off and where the
// INDEX ends.
func cffIndexItems(cff []byte, off int) (items [][]byte, end int, err error) {
	if off < 0 || off+2 > len(cff) {
		return nil, 0, errCFF
	}
	count := int(binary.BigEndian.Uint16(cff[off:]))
	if count == 0 {
		return nil, off + 2, nil
	}
	if off+3 > len(cff) {
		return nil, 0, errCFF
	}
	size := int(cff[off+2])
	if size < 1 || size > 4 || off+3+(count+1)*size > len(cff) {
		return nil, 0, errCFF
	}
	read := func(i int) int {
		v := 0
		for k := 0; k < size; k++ {
			v = v<<8 | int(cff[off+3+i*size+k])
		}
		return v
	}
	base := off + 3 + (count+1)*size - 1
	items = make([][]byte, count)
	prev := read(0)
	if prev != 1 {
		return nil, 0, errCFF
	}
	for i := 0; i < count; i++ {
		next := read(i + 1)
		if next < prev || base+next > len(cff) {
			return nil, 0, errCFF
		}
		items[i] = cff[base+prev : base+next]
		prev = next
	}
	return items, base + prev, nil
}

// appendCFFIndex appends an INDEX of items.
func appendCFFIndex(out []byte, items [][]byte) []byte {
	out = binary.BigEndian.AppendUint16(out, uint16(len(items)))
	if len(items) == 0 {
		return out
	}
	total := 1
	for _, it := range items {
		total += len(it)
	}
	size := 1
	for total >= 1<<(8*size) {
		size++
	}
	out = append(out, byte(size))
	put := func(v int) {
		for k := size - 1; k >= 0; k-- {
			out = append(out, byte(v>>(8*k)))
		}
	}
	at := 1
	put(at)
	for _, it := range items {
		at += len(it)
		put(at)
	}
	for _, it := range items {
		out = append(out, it...)
	}
	return out
}

// dictEntry is an operator of a CFF DICT, its operands' bytes as they
// were, and their values when they are integers.
type dictEntry struct {
	op   int // 0–21, or 1200+n for the escaped 12 n
	raw  []byte
	ints []int
	real bool // an operand is a real number: ints is incomplete
}

// Operators whose operands are offsets galley rewrites.
const (
	opCharset     = 15
	opEncoding    = 16
	opCharStrings = 17
	opPrivate     = 18
	opSubrs       = 19
	opROS         = 1230
	opSynthetic   = 1220
	opCharType    = 1206
)

func parseDict(d []byte) ([]dictEntry, error) {
	var out []dictEntry
	start := 0
	var ints []int
	real := false
	for k := 0; k < len(d); {
		switch b := d[k]; {
		case b <= 21:
			op := int(b)
			raw := d[start:k]
			k++
			if b == 12 {
				if k >= len(d) {
					return nil, errCFF
				}
				op = 1200 + int(d[k])
				k++
			}
			out = append(out, dictEntry{op: op, raw: raw, ints: ints, real: real})
			start, ints, real = k, nil, false
		case b == 28:
			if k+3 > len(d) {
				return nil, errCFF
			}
			ints = append(ints, int(int16(binary.BigEndian.Uint16(d[k+1:]))))
			k += 3
		case b == 29:
			if k+5 > len(d) {
				return nil, errCFF
			}
			ints = append(ints, int(int32(binary.BigEndian.Uint32(d[k+1:]))))
			k += 5
		case b == 30:
			real = true
			k++
			for k < len(d) && d[k]&0xf != 0xf && d[k]>>4 != 0xf {
				k++
			}
			k++
		case b >= 32 && b <= 246:
			ints = append(ints, int(b)-139)
			k++
		case b >= 247 && b <= 254:
			if k+2 > len(d) {
				return nil, errCFF
			}
			v := (int(b)-247)*256 + int(d[k+1]) + 108
			if b >= 251 {
				v = -(int(b)-251)*256 - int(d[k+1]) - 108
			}
			ints = append(ints, v)
			k += 2
		default:
			return nil, errCFF
		}
	}
	if start != len(d) {
		return nil, errCFF // operands with no operator
	}
	return out, nil
}

// get returns the integer operands of op, if the DICT has it.
func get(d []dictEntry, op int) ([]int, bool) {
	for _, e := range d {
		if e.op == op {
			return e.ints, !e.real
		}
	}
	return nil, false
}

// appendDict appends d's entries, with the operands of the operators in
// set replaced by theirs, written as 5-byte integers so that a DICT's
// length does not depend on the offsets in it.
func appendDict(out []byte, d []dictEntry, set map[int][]int) []byte {
	for _, e := range d {
		if vs, ok := set[e.op]; ok {
			for _, v := range vs {
				out = append(out, 29)
				out = binary.BigEndian.AppendUint32(out, uint32(int32(v)))
			}
		} else {
			out = append(out, e.raw...)
		}
		if e.op >= 1200 {
			out = append(out, 12, byte(e.op-1200))
		} else {
			out = append(out, byte(e.op))
		}
	}
	return out
}

// charsetLength returns the length of a custom charset of n glyphs.
func charsetLength(cff []byte, off, n int) (int, error) {
	if off >= len(cff) {
		return 0, errCFF
	}
	switch cff[off] {
	case 0:
		return 1 + 2*(n-1), nil
	case 1, 2:
		per := 3
		if cff[off] == 2 {
			per = 4
		}
		k, covered := off+1, 1
		for covered < n {
			if k+per > len(cff) {
				return 0, errCFF
			}
			left := int(cff[k+2])
			if per == 4 {
				left = int(binary.BigEndian.Uint16(cff[k+2:]))
			}
			covered += left + 1
			k += per
		}
		return k - off, nil
	}
	return 0, errCFF
}

// encodingLength returns the length of a custom Encoding.
func encodingLength(cff []byte, off int) (int, error) {
	if off+2 > len(cff) {
		return 0, errCFF
	}
	n := 0
	switch cff[off] & 0x7f {
	case 0:
		n = 2 + int(cff[off+1])
	case 1:
		n = 2 + 2*int(cff[off+1])
	default:
		return 0, errCFF
	}
	if cff[off]&0x80 != 0 {
		if off+n >= len(cff) {
			return 0, errCFF
		}
		n += 1 + 3*int(cff[off+n])
	}
	if off+n > len(cff) {
		return 0, errCFF
	}
	return n, nil
}

// subrBias is the bias Type 2 charstrings add to a subroutine number.
func subrBias(n int) int {
	switch {
	case n < 1240:
		return 107
	case n < 33900:
		return 1131
	}
	return 32768
}

// t2 follows Type 2 charstrings for the subroutines they call.
type t2 struct {
	gsubrs, lsubrs [][]byte
	usedG, usedL   []bool
	stack          []float64
	stems          int
	steps          int // operators followed, against a hostile loop
}

// maxT2Steps bounds the operators followed for one font.
const maxT2Steps = 1 << 24

// run follows cs; ended reports an endchar.
func (t *t2) run(cs []byte, depth int) (ended bool, err error) {
	if depth > 10 {
		return false, errCFF
	}
	push := func(v float64) error {
		if len(t.stack) >= 48 {
			return errCFF
		}
		t.stack = append(t.stack, v)
		return nil
	}
	for k := 0; k < len(cs); {
		t.steps++
		if t.steps > maxT2Steps {
			return false, errCFF
		}
		b := cs[k]
		switch {
		case b == 28:
			if k+3 > len(cs) {
				return false, errCFF
			}
			if err := push(float64(int16(binary.BigEndian.Uint16(cs[k+1:])))); err != nil {
				return false, err
			}
			k += 3
			continue
		case b >= 32 && b <= 246:
			if err := push(float64(int(b) - 139)); err != nil {
				return false, err
			}
			k++
			continue
		case b >= 247 && b <= 254:
			if k+2 > len(cs) {
				return false, errCFF
			}
			v := (int(b)-247)*256 + int(cs[k+1]) + 108
			if b >= 251 {
				v = -(int(b)-251)*256 - int(cs[k+1]) - 108
			}
			if err := push(float64(v)); err != nil {
				return false, err
			}
			k += 2
			continue
		case b == 255:
			if k+5 > len(cs) {
				return false, errCFF
			}
			if err := push(float64(int32(binary.BigEndian.Uint32(cs[k+1:]))) / 65536); err != nil {
				return false, err
			}
			k += 5
			continue
		}
		k++
		switch b {
		case 1, 3, 18, 23: // hstem, vstem, hstemhm, vstemhm
			t.stems += len(t.stack) / 2
			t.stack = t.stack[:0]
		case 19, 20: // hintmask, cntrmask: implicit vstems, then the mask
			t.stems += len(t.stack) / 2
			t.stack = t.stack[:0]
			k += (t.stems + 7) / 8
			if k > len(cs) {
				return false, errCFF
			}
		case 10, 29: // callsubr, callgsubr
			if len(t.stack) == 0 {
				return false, errCFF
			}
			v := t.stack[len(t.stack)-1]
			t.stack = t.stack[:len(t.stack)-1]
			subrs, used := t.lsubrs, t.usedL
			if b == 29 {
				subrs, used = t.gsubrs, t.usedG
			}
			i := int(v) + subrBias(len(subrs))
			if float64(int(v)) != v || i < 0 || i >= len(subrs) {
				return false, errCFF
			}
			used[i] = true
			ended, err := t.run(subrs[i], depth+1)
			if err != nil || ended {
				return ended, err
			}
		case 11: // return
			return false, nil
		case 14: // endchar; with four operands more, seac
			if len(t.stack) >= 4 {
				return false, errCFF
			}
			return true, nil
		case 4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31: // path operators
			t.stack = t.stack[:0]
		case 12:
			if k >= len(cs) {
				return false, errCFF
			}
			op := cs[k]
			k++
			switch op {
			case 34, 35, 36, 37, 0: // flexes, dotsection
				t.stack = t.stack[:0]
			default: // arithmetic, storage, conditionals: not followed
				return false, errCFF
			}
		default: // reserved, or Type 1 and CFF2 operators
			return false, errCFF
		}
	}
	return false, nil
}

// subsetCFF returns the OpenType font data with the CFF table's unused
// charstrings and subroutines emptied.
func (f *Face) subsetCFF(used []bool) ([]byte, error) {
	data := f.Data
	tables, err := tableDir(data, 0)
	if err != nil {
		return nil, err
	}
	t, ok := tables["CFF "]
	if !ok || t.length < 4 {
		return nil, errCFF
	}
	cff := data[t.offset : t.offset+t.length]
	hdrSize := int(cff[2])
	_, nameEnd, err := cffIndexItems(cff, hdrSize)
	if err != nil {
		return nil, err
	}
	tops, topEnd, err := cffIndexItems(cff, nameEnd)
	if err != nil || len(tops) != 1 {
		return nil, errCFF
	}
	_, strEnd, err := cffIndexItems(cff, topEnd)
	if err != nil {
		return nil, err
	}
	gsubrs, _, err := cffIndexItems(cff, strEnd)
	if err != nil {
		return nil, err
	}
	top, err := parseDict(tops[0])
	if err != nil {
		return nil, err
	}
	if _, ok := get(top, opROS); ok {
		return nil, errCFF
	}
	if _, ok := get(top, opSynthetic); ok {
		return nil, errCFF
	}
	if v, ok := get(top, opCharType); ok && (len(v) != 1 || v[0] != 2) {
		return nil, errCFF
	}
	csOff, ok := get(top, opCharStrings)
	if !ok || len(csOff) != 1 {
		return nil, errCFF
	}
	charstrings, _, err := cffIndexItems(cff, csOff[0])
	if err != nil || len(charstrings) == 0 {
		return nil, errCFF
	}
	n := len(charstrings)
	priv, ok := get(top, opPrivate)
	if !ok || len(priv) != 2 || priv[0] < 0 || priv[1] < 0 || priv[1]+priv[0] > len(cff) {
		return nil, errCFF
	}
	privDict, err := parseDict(cff[priv[1] : priv[1]+priv[0]])
	if err != nil {
		return nil, err
	}
	var lsubrs [][]byte
	if s, ok := get(privDict, opSubrs); ok {
		if len(s) != 1 {
			return nil, errCFF
		}
		if lsubrs, _, err = cffIndexItems(cff, priv[1]+s[0]); err != nil {
			return nil, err
		}
	}
	// The charset and the Encoding, when they are the font's own, are
	// copied as they are.
	var charset, encoding []byte
	if v, ok := get(top, opCharset); ok && len(v) == 1 && v[0] > 2 {
		l, err := charsetLength(cff, v[0], n)
		if err != nil {
			return nil, err
		}
		charset = cff[v[0] : v[0]+l]
	}
	if v, ok := get(top, opEncoding); ok && len(v) == 1 && v[0] > 1 {
		l, err := encodingLength(cff, v[0])
		if err != nil {
			return nil, err
		}
		encoding = cff[v[0] : v[0]+l]
	}

	// Follow the kept glyphs.
	t2 := &t2{gsubrs: gsubrs, lsubrs: lsubrs, usedG: make([]bool, len(gsubrs)), usedL: make([]bool, len(lsubrs))}
	keep := make([]bool, n)
	keep[0] = true
	for i := range used {
		if i < n && used[i] {
			keep[i] = true
		}
	}
	for i, k := range keep {
		if !k {
			continue
		}
		t2.stack, t2.stems = t2.stack[:0], 0
		if _, err := t2.run(charstrings[i], 0); err != nil {
			return nil, err
		}
	}
	endchar, ret := []byte{14}, []byte{11}
	newCS := make([][]byte, n)
	for i := range charstrings {
		newCS[i] = endchar
		if keep[i] {
			newCS[i] = charstrings[i]
		}
	}
	empty := func(subrs [][]byte, used []bool) [][]byte {
		out := make([][]byte, len(subrs))
		for i := range subrs {
			out[i] = ret
			if used[i] {
				out[i] = subrs[i]
			}
		}
		return out
	}
	newG, newL := empty(gsubrs, t2.usedG), empty(lsubrs, t2.usedL)

	// Lay the table out: header, Name INDEX, Top DICT INDEX, String
	// INDEX and Global Subr INDEX, then charset, Encoding, CharStrings,
	// Private DICT and its Subrs. Offsets are written in five bytes, so
	// the DICTs' lengths are known before the offsets are.
	set := map[int][]int{opCharStrings: {0}, opPrivate: {0, 0}}
	if charset != nil {
		set[opCharset] = []int{0}
	}
	if encoding != nil {
		set[opEncoding] = []int{0}
	}
	privSet := map[int][]int{}
	if lsubrs != nil {
		privSet[opSubrs] = []int{0}
	}
	privLen := len(appendDict(nil, privDict, privSet))
	if lsubrs != nil {
		privSet[opSubrs] = []int{privLen}
	}
	topLen := len(appendCFFIndex(nil, [][]byte{appendDict(nil, top, set)}))
	head := cff[:nameEnd] // the header and the Name INDEX
	strIndex := cff[topEnd:strEnd]
	gIndex := appendCFFIndex(nil, newG)
	at := len(head) + topLen + len(strIndex) + len(gIndex)
	if charset != nil {
		set[opCharset] = []int{at}
		at += len(charset)
	}
	if encoding != nil {
		set[opEncoding] = []int{at}
		at += len(encoding)
	}
	csIndex := appendCFFIndex(nil, newCS)
	set[opCharStrings] = []int{at}
	at += len(csIndex)
	privBytes := appendDict(nil, privDict, privSet)
	set[opPrivate] = []int{len(privBytes), at}

	out := make([]byte, 0, at+len(privBytes)+len(cff)/8)
	out = append(out, head...)
	out = appendCFFIndex(out, [][]byte{appendDict(nil, top, set)})
	out = append(out, strIndex...)
	out = append(out, gIndex...)
	out = append(out, charset...)
	out = append(out, encoding...)
	out = append(out, csIndex...)
	out = append(out, privBytes...)
	if lsubrs != nil {
		out = appendCFFIndex(out, newL)
	}

	// The OpenType wrapper keeps what a PDF reader may look at.
	sfnt := map[string][]byte{"CFF ": out}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "OS/2", "name", "cmap"} {
		if t, ok := tables[tag]; ok {
			sfnt[tag] = data[t.offset : t.offset+t.length]
		}
	}
	if t, ok := tables["post"]; ok && t.length >= 32 {
		post := append([]byte(nil), data[t.offset:t.offset+32]...)
		binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
		sfnt["post"] = post
	}
	if h := sfnt["head"]; len(h) >= 12 {
		h = append([]byte(nil), h...)
		binary.BigEndian.PutUint32(h[8:], 0) // checkSumAdjustment, set anew
		sfnt["head"] = h
	}
	return sfntFile(sfnt, otto), nil
}
