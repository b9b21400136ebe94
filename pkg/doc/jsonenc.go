package doc

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// encoder writes the JSON form as it walks the document, so that memory
// does not grow with the output. Its bytes are those encoding/json writes
// for the structs above with SetIndent("", " ") and SetEscapeHTML(false),
// which the tests check.
type encoder struct {
	w     *bufio.Writer
	depth int
	empty []bool // per open object or array: nothing written in it yet
	buf   []byte
	err   error
}

func (e *encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *encoder) newline() {
	e.w.WriteByte('\n')
	for i := 0; i < e.depth; i++ {
		e.w.WriteByte(' ')
	}
}

// open starts an object ('{') or array ('[').
func (e *encoder) open(c byte) {
	e.w.WriteByte(c)
	e.depth++
	e.empty = append(e.empty, true)
}

func (e *encoder) close(c byte) {
	e.depth--
	if !e.empty[len(e.empty)-1] {
		e.newline()
	}
	e.empty = e.empty[:len(e.empty)-1]
	e.w.WriteByte(c)
}

// next starts a member of the open object or array.
func (e *encoder) next() {
	if top := len(e.empty) - 1; e.empty[top] {
		e.empty[top] = false
	} else {
		e.w.WriteByte(',')
	}
	e.newline()
}

func (e *encoder) key(k string) {
	e.next()
	e.w.WriteByte('"')
	e.w.WriteString(k)
	e.w.WriteString(`": `)
}

func (e *encoder) str(k, v string) {
	if v != "" {
		e.key(k)
		e.quote(v)
	}
}

func (e *encoder) num(k string, v int) {
	if v != 0 {
		e.key(k)
		e.w.WriteString(strconv.Itoa(v))
	}
}

func (e *encoder) flag(k string, v bool) {
	if v {
		e.key(k)
		e.w.WriteString("true")
	}
}

const hexDigits = "0123456789abcdef"

// quote writes s as a JSON string, escaped as encoding/json escapes it
// without HTML escaping: quotes, backslashes and control characters;
// invalid UTF-8 as U+FFFD; U+2028 and U+2029.
func (e *encoder) quote(s string) { e.quoteHTML(s, false) }

// quoteHTML is quote; with html set it also escapes <, > and &, as
// encoding/json does by default (Field's MarshalJSON, in version 1).
// plainJSON marks the ASCII bytes a JSON string holds as they are.
var plainJSON = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (e *encoder) quoteHTML(s string, html bool) {
	b := append(e.buf[:0], '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainJSON[c] && !(html && (c == '<' || c == '>' || c == '&')) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	b = append(b, '"')
	e.w.Write(b)
	if cap(b) <= 64<<10 {
		e.buf = b
	}
}

func (e *encoder) strings(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	e.key(k)
	e.open('[')
	for _, v := range vs {
		e.next()
		e.quote(v)
	}
	e.close(']')
}

func (e *encoder) document(d *Document) {
	e.open('{')
	e.key("galley")
	e.w.WriteString(strconv.Itoa(Version))
	e.key("meta")
	e.open('{')
	m := &d.Meta
	e.str("title", m.Title)
	e.str("subtitle", m.Subtitle)
	e.strings("authors", m.Authors)
	e.str("lang", m.Lang)
	e.str("date", m.Date)
	e.str("identifier", m.Identifier)
	e.str("publisher", m.Publisher)
	e.str("rights", m.Rights)
	e.str("description", m.Description)
	e.strings("keywords", m.Keywords)
	e.str("cover", m.Cover)
	if len(m.Extra) > 0 {
		e.key("extra")
		e.open('[')
		for _, f := range m.Extra {
			e.next()
			e.open('{')
			e.key("key")
			e.quoteHTML(f.Key, true)
			e.key("value")
			e.quoteHTML(f.Value, true)
			e.close('}')
		}
		e.close(']')
	}
	e.close('}')
	e.blockList("blocks", d.Blocks)
	e.sections(d.Sections)
	e.close('}')
}

func (e *encoder) sections(ss []*Section) {
	if len(ss) == 0 {
		return
	}
	e.key("sections")
	e.open('[')
	for _, s := range ss {
		e.next()
		e.open('{')
		e.key("level")
		e.w.WriteString(strconv.Itoa(s.Level))
		e.str("id", s.ID)
		e.str("number", s.Number)
		e.inlineList("title", s.Title)
		e.blockList("blocks", s.Blocks)
		e.sections(s.Sections)
		e.close('}')
	}
	e.close(']')
}

// blockList writes a key and its blocks, or nothing if there are none.
func (e *encoder) blockList(k string, bs []Block) {
	if len(bs) == 0 {
		return
	}
	e.key(k)
	e.blocks(bs)
}

// blocks writes an array of blocks ("[]" for none).
func (e *encoder) blocks(bs []Block) {
	e.open('[')
	for _, b := range bs {
		e.next()
		e.block(b)
	}
	e.close(']')
}

func (e *encoder) typ(t string) {
	e.open('{')
	e.key("type")
	e.quote(t)
}

func (e *encoder) inlineList(k string, ins []Inline) {
	if len(ins) == 0 {
		return
	}
	e.key(k)
	e.inlines(ins)
}

func (e *encoder) inlines(ins []Inline) {
	e.open('[')
	for _, in := range ins {
		e.next()
		e.inline(in)
	}
	e.close(']')
}

// enumValue writes value v of an enumeration by its name.
func (e *encoder) enumValue(names []string, v int) {
	if v < 0 || v >= len(names) {
		e.fail(fmt.Errorf("doc: value %d out of range (%d values)", v, len(names)))
		v = 0
	}
	e.quote(names[v])
}

// encode writes d to w.
func encode(w io.Writer, d *Document) error {
	e := &encoder{w: bufio.NewWriterSize(w, 64<<10)}
	e.document(d)
	e.w.WriteByte('\n')
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}
