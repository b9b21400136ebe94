package pdf

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"io"
	"strconv"
	"sync"

	"github.com/galleypress/galley/pkg/internal/deflate"
)

// objWriter writes a PDF file's objects as they are made, remembering
// where each starts for the cross-reference table: a page is written as
// soon as it is drawn, and nothing of it is kept but its object number.
// Objects are numbered when they are allocated, so that an object may
// refer to one written later.
type objWriter struct {
	w       *bufio.Writer
	n       int64   // bytes written
	offsets []int64 // by object number; -1 while not written
	err     error
	// crc is a checksum of every stream written, for the file
	// identifier.
	crc uint32

	// One compressor for every stream, at the fastest level: a slower
	// one makes fonts and images 1% smaller, and costs more to set up
	// than the seed's whole content takes to compress.
	zbuf bytes.Buffer
	z    deflate.Writer
}

// How a stream is compressed.
const (
	plain  = iota // not
	flated        // Flate
)

// compressors holds the compressors of finished files (each is a few
// hundred kilobytes of state): a batch build makes many files.
var compressors = sync.Pool{New: func() any { return deflate.NewZlibWriter(io.Discard) }}

func newObjWriter(w io.Writer) *objWriter {
	o := &objWriter{w: bufio.NewWriterSize(w, 64<<10), offsets: []int64{0}}
	o.z = compressors.Get().(deflate.Writer)
	// PDF 1.7, which PDF/UA-1 is based on; the second line's high bytes
	// tell transfer programs that the file is binary.
	o.writeString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return o
}

func (o *objWriter) write(b []byte) {
	if o.err != nil {
		return
	}
	n, err := o.w.Write(b)
	o.n += int64(n)
	o.err = err
}

func (o *objWriter) writeString(s string) {
	if o.err != nil {
		return
	}
	n, err := o.w.WriteString(s)
	o.n += int64(n)
	o.err = err
}

// alloc numbers a new object, to be written later.
func (o *objWriter) alloc() int {
	o.offsets = append(o.offsets, -1)
	return len(o.offsets) - 1
}

// object writes object num, whose body is a dictionary or any other
// PDF object.
func (o *objWriter) object(num int, body string) {
	o.begin(num)
	o.writeString(body)
	o.writeString("\nendobj\n")
}

func (o *objWriter) begin(num int) {
	o.offsets[num] = o.n
	o.writeString(strconv.Itoa(num))
	o.writeString(" 0 obj\n")
}

// stream writes object num as a stream: dict holds its entries but
// /Length and /Filter; how is plain or flated.
func (o *objWriter) stream(num int, dict string, data []byte, how int) {
	if how != plain {
		z := o.z
		o.zbuf.Reset()
		z.Reset(&o.zbuf)
		z.Write(data)
		if err := z.Close(); err != nil && o.err == nil {
			o.err = err
		}
		data = o.zbuf.Bytes()
		dict = "/Filter /FlateDecode " + dict
	}
	o.begin(num)
	o.writeString("<<" + dict + "/Length " + strconv.Itoa(len(data)) + ">>\nstream\n")
	o.crc = crc32.Update(o.crc, crc32.IEEETable, data)
	o.write(data)
	o.writeString("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and the trailer. Every
// allocated object must have been written. The file identifier is a
// digest of id and of every stream written.
func (o *objWriter) finish(root, info int, id []byte) error {
	if o.err != nil {
		return o.err
	}
	for num, off := range o.offsets[1:] {
		if off < 0 {
			return fmt.Errorf("pdf: object %d was never written", num+1)
		}
	}
	xref := o.n
	buf := make([]byte, 0, 20*len(o.offsets)+64)
	buf = fmt.Appendf(buf, "xref\n0 %d\n0000000000 65535 f \n", len(o.offsets))
	for _, off := range o.offsets[1:] {
		buf = fmt.Appendf(buf, "%010d 00000 n \n", off)
	}
	sum := sha256.Sum256(fmt.Appendf(id, "\x00%08x", o.crc))
	hexID := fmt.Sprintf("<%X>", sum[:16])
	buf = fmt.Appendf(buf, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [%s %s]>>\nstartxref\n%d\n%%%%EOF\n",
		len(o.offsets), root, info, hexID, hexID, xref)
	o.write(buf)
	compressors.Put(o.z)
	o.z = nil
	if o.err != nil {
		return o.err
	}
	return o.w.Flush()
}

// appendNum appends v rounded to hundredths, without trailing zeros:
// "72", "72.5", "-0.25".
func appendNum(b []byte, v float64) []byte {
	return appendHundredths(b, hundredths(v))
}

// appendHundredths appends c hundredths as a decimal number.
func appendHundredths(b []byte, c int64) []byte {
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	if f := c % 100; f != 0 {
		b = append(b, '.', byte('0'+f/10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}

// num formats v as appendNum does.
func num(v float64) string { return string(appendNum(nil, v)) }

// pdfString encodes s as a PDF literal string of bytes (for ASCII text:
// names of things, URIs), escaping what must be.
func pdfString(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return string(append(b, ')'))
}
