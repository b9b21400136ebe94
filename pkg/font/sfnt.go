package font

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// isCollection reports whether data is a TrueType collection (.ttc).
func isCollection(data []byte) bool {
	return len(data) >= 12 && string(data[:4]) == "ttcf"
}

// collectionFace returns face index of a TrueType collection as a font
// file of its own: its table directory, and its tables copied after it
// (a collection's faces share tables; the PDF writer reads one font).
func collectionFace(data []byte, index int) ([]byte, error) {
	n := int(binary.BigEndian.Uint32(data[8:12]))
	if index >= n || 12+4*n > len(data) {
		return nil, fmt.Errorf("the collection has %d faces; there is no face %d", n, index)
	}
	off := int(binary.BigEndian.Uint32(data[12+4*index:]))
	tables, err := tableDir(data, off)
	if err != nil {
		return nil, err
	}
	tags := make([]string, 0, len(tables))
	total := 0
	for tag, t := range tables {
		tags = append(tags, tag)
		total += t.length
	}
	// A face's tables do not overlap: together they are no larger than
	// the file. Hostile ones (65,535 tables each the whole file) would
	// make the copy below thousands of times the file.
	if total > len(data) {
		return nil, errors.New("damaged font: the face's tables add up to more than the file")
	}
	sort.Strings(tags) // a table directory is sorted by tag
	num := len(tags)
	head := 12 + 16*num
	out := make([]byte, head, head+len(data)/max(n, 1))
	copy(out[:12], data[off:off+12])
	binary.BigEndian.PutUint16(out[4:], uint16(num))
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec[:4], tag)
		binary.BigEndian.PutUint32(rec[4:], t.checksum)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(t.length))
		out = append(out, data[t.offset:t.offset+t.length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// maxTables is the most tables a font may list: OpenType registers some
// sixty, and real fonts have a few dozen.
const maxTables = 512

type table struct {
	offset, length int
	checksum       uint32
}

// tableDir reads the table directory of the font at off in data.
func tableDir(data []byte, off int) (map[string]table, error) {
	if off < 0 || off+12 > len(data) {
		return nil, errors.New("damaged font: no table directory")
	}
	num := int(binary.BigEndian.Uint16(data[off+4:]))
	if num > maxTables {
		return nil, fmt.Errorf("damaged font: %d tables (real fonts have a few dozen; at most %d are read)", num, maxTables)
	}
	if off+12+16*num > len(data) {
		return nil, errors.New("damaged font: short table directory")
	}
	tables := map[string]table{}
	for i := 0; i < num; i++ {
		rec := data[off+12+16*i:]
		t := table{checksum: binary.BigEndian.Uint32(rec[4:]), offset: int(binary.BigEndian.Uint32(rec[8:])), length: int(binary.BigEndian.Uint32(rec[12:]))}
		if t.offset < 0 || t.length < 0 || t.offset+t.length > len(data) {
			return nil, fmt.Errorf("damaged font: table %q out of the file", rec[:4])
		}
		tables[string(rec[:4])] = t
	}
	return tables, nil
}

// hasTable reports whether the font in data (not a collection) has a
// table.
func hasTable(data []byte, tag string) bool {
	tables, err := tableDir(data, 0)
	_, ok := tables[tag]
	return err == nil && ok
}

// cidKeyed reports whether the CFF table of an OpenType font (not a
// collection) is CID-keyed: whether its Top DICT's first operator is ROS
// (12 30), as a CID-keyed font's must be.
func cidKeyed(data []byte) bool {
	tables, err := tableDir(data, 0)
	if err != nil {
		return false
	}
	t, ok := tables["CFF "]
	if !ok || t.length < 4 {
		return false
	}
	cff := data[t.offset : t.offset+t.length]
	// The header, the Name INDEX, then the Top DICT INDEX.
	_, end, ok := cffIndex(cff, int(cff[2]))
	if !ok {
		return false
	}
	start, end, ok := cffIndex(cff, end)
	if !ok {
		return false
	}
	d := cff[start:end]
	for k := 0; k < len(d); {
		switch b := d[k]; {
		case b <= 21: // an operator
			return b == 12 && k+1 < len(d) && d[k+1] == 30
		case b == 28:
			k += 3
		case b == 29:
			k += 5
		case b == 30: // a real number: nibbles up to 0xf
			k++
			for k < len(d) && d[k]&0xf != 0xf && d[k]>>4 != 0xf {
				k++
			}
			k++
		case b >= 247 && b <= 254:
			k += 2
		default:
			k++
		}
	}
	return false
}

// cffIndex returns where the data of the CFF INDEX at off start and
// where the INDEX ends.
func cffIndex(cff []byte, off int) (start, end int, ok bool) {
	if off < 0 || off+3 > len(cff) {
		return 0, 0, false
	}
	count := int(cff[off])<<8 | int(cff[off+1])
	if count == 0 {
		return off + 2, off + 2, true
	}
	size := int(cff[off+2])
	if size < 1 || size > 4 || off+3+(count+1)*size > len(cff) {
		return 0, 0, false
	}
	read := func(i int) int {
		v := 0
		for k := 0; k < size; k++ {
			v = v<<8 | int(cff[off+3+i*size+k])
		}
		return v
	}
	base := off + 3 + (count+1)*size - 1
	start, end = base+read(0), base+read(count)
	if start > end || start < base || end > len(cff) {
		return 0, 0, false
	}
	return start, end, true
}
