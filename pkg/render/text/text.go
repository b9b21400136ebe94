// Package text renders documents as plain text wrapped to a fixed width,
// the way a careful person would type them: headings numbered and
// underlined, lists with hanging indents, quotes and code indented, tables
// as aligned columns, notes as [1] with their texts after the chapter
// they belong to, and links as "text <url>".
//
// Widths are display widths: a wide CJK character counts two columns,
// a combining mark none. Lines never break at a non-breaking space.
package text

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/galleypress/galley/pkg/doc"
	"github.com/galleypress/galley/pkg/internal/labels"
	"github.com/galleypress/galley/pkg/render"
)

// Config configures a Renderer. The zero value wraps at 72 columns.
type Config struct {
	// Width is the line width in columns; 0 means 72.
	Width int `option:"width" default:"72" help:"line width in COLUMNS"`
}

// Renderer renders plain text.
type Renderer struct{ cfg Config }

// Config returns a copy of the renderer's configuration; see
// render.Configurable.
func (r *Renderer) Config() any { c := r.cfg; return &c }

// WithConfig returns a renderer with cfg, a *Config.
func (r *Renderer) WithConfig(cfg any) render.Renderer { return New(*cfg.(*Config)) }

// New returns a plain-text renderer.
func New(cfg Config) *Renderer {
	if cfg.Width <= 0 {
		cfg.Width = 72
	}
	return &Renderer{cfg: cfg}
}

func init() {
	render.Register(render.Format{Name: "text", Ext: ".txt", MediaType: "text/plain; charset=utf-8", Aliases: []string{"plain"}, OtherExts: []string{".text"}}, New(Config{}))
}

// Render writes d to w as wrapped plain text. It does not modify d.
func (r *Renderer) Render(ctx context.Context, w io.Writer, d *doc.Document, opts *render.Options) error {
	opts = opts.WithContext(ctx)
	bw := bufio.NewWriter(w)
	t := &writer{w: bw, width: r.cfg.Width, lang: d.Meta.Lang}
	// A title that merely repeats the first heading is not shown twice
	// (as in HTML).
	m := &d.Meta
	if len(d.Sections) == 0 || len(d.Blocks) > 0 || m.Title != d.Sections[0].HeadingText() || m.Subtitle != "" || len(m.Authors) > 0 {
		t.titleBlock(m)
	}
	if opts != nil && opts.TOC && len(d.Sections) > 0 {
		t.toc(d.Sections, opts.Depth())
	}
	t.blocks(d.Blocks, "", "")
	t.flushNotes()
	for _, s := range d.Sections {
		if err := opts.Err(); err != nil {
			return err
		}
		t.section(s, 1)
		t.flushNotes()
	}
	if t.err != nil {
		return t.err
	}
	return bw.Flush()
}

type writer struct {
	w     *bufio.Writer
	width int
	lang  string
	notes []*doc.Note
	depth int // the nesting depth of the section being written
	// blank is set when the last thing written was a blank line, or
	// nothing at all, so blocks never get two blank lines between them.
	started bool
	err     error
}

func (t *writer) fail(err error) {
	if t.err == nil {
		t.err = err
	}
}

// para starts a new block: a blank line after the previous one.
func (t *writer) para() {
	if t.started {
		t.w.WriteByte('\n')
	}
	t.started = true
}

func (t *writer) line(s string) {
	t.w.WriteString(strings.TrimRight(printable(s), " "))
	t.w.WriteByte('\n')
}

func (t *writer) titleBlock(m *doc.Meta) {
	if m.Title == "" {
		return
	}
	t.para()
	for _, l := range wrap(m.Title, t.width) {
		t.line(l)
	}
	t.line(strings.Repeat("=", min(width(m.Title), t.width)))
	var extra []string
	if m.Subtitle != "" {
		extra = append(extra, m.Subtitle)
	}
	if len(m.Authors) > 0 {
		extra = append(extra, strings.Join(m.Authors, ", "))
	}
	if m.Date != "" {
		extra = append(extra, m.Date)
	}
	if m.Publisher != "" {
		extra = append(extra, m.Publisher)
	}
	if len(extra) > 0 {
		t.w.WriteByte('\n')
		for _, e := range extra {
			for _, l := range wrap(e, t.width) {
				t.line(l)
			}
		}
	}
}

func (t *writer) toc(ss []*doc.Section, depth int) {
	t.para()
	t.line(labels.Label(t.lang, "contents"))
	t.w.WriteByte('\n')
	var walk func([]*doc.Section, int, string)
	walk = func(ss []*doc.Section, d int, indent string) {
		if d > depth {
			return
		}
		for _, s := range ss {
			for _, l := range wrapIndent(s.HeadingText(), t.width, indent, indent+"  ") {
				t.line(l)
			}
			walk(s.Sections, d+1, indent+"  ")
		}
	}
	walk(ss, 1, "")
}

// underlines are the characters that underline headings by level.
var underlines = []string{"=", "-", "~", "^", "\"", "'"}

// section writes s, nested depth sections deep; the depth, not the
// source's level, picks the underline.
func (t *writer) section(s *doc.Section, depth int) {
	t.para()
	title := s.Number
	if title != "" {
		title += " "
	}
	title += t.inlines(s.Title)
	lines := wrap(title, t.width)
	widest := 0
	for _, l := range lines {
		t.line(l)
		widest = max(widest, width(l))
	}
	t.line(strings.Repeat(underlines[min(depth, len(underlines))-1], widest))
	t.depth = depth
	t.blocks(s.Blocks, "", "")
	for _, c := range s.Sections {
		t.section(c, depth+1)
	}
}

func (t *writer) blocks(bs []doc.Block, first, rest string) {
	for i, b := range bs {
		if i > 0 {
			first = rest
		}
		t.block(b, first, rest)
	}
}

// block writes b with its first line prefixed by first and the others by
// rest (a list item's hanging indent, a quote's indent).
func (t *writer) block(b doc.Block, first, rest string) {
	switch b := b.(type) {
	case *doc.Paragraph:
		t.para()
		t.wrapped(t.inlines(b.Inlines), first, rest)
	case *doc.Heading:
		t.para()
		s := t.inlines(b.Inlines)
		t.wrapped(s, first, rest)
		t.line(rest + strings.Repeat(underlines[min(t.depth+1, len(underlines))-1], min(width(s), t.width-width(rest))))
	case *doc.List:
		t.list(b, first, rest)
	case *doc.Quote:
		t.blocks(b.Blocks, first+"    ", rest+"    ")
	case *doc.Div:
		t.blocks(b.Blocks, first, rest)
	case *doc.Admonition:
		// The label leads the first paragraph, or stands alone.
		lbl := labels.Label(t.lang, b.Kind)
		if len(b.Title) > 0 {
			lbl = t.inlines(b.Title)
		}
		bs := b.Blocks
		if p, ok := firstPara(bs); ok {
			t.para()
			t.wrapped(strings.ToUpper(lbl)+": "+t.inlines(p.Inlines), first+"    ", rest+"    ")
			bs = bs[1:]
		} else {
			t.para()
			t.wrapped(strings.ToUpper(lbl)+":", first+"    ", rest+"    ")
		}
		t.blocks(bs, rest+"    ", rest+"    ")
	case *doc.DefList:
		for i, it := range b.Items {
			p := rest
			if i == 0 {
				p = first
			}
			t.para()
			t.wrapped(t.inlines(it.Term), p, rest)
			for _, def := range it.Defs {
				t.started = false // the definition follows its term
				t.blocks(def, rest+"    ", rest+"    ")
			}
		}
	case *doc.CodeBlock:
		t.para()
		for i, l := range strings.Split(b.Text, "\n") {
			p := rest
			if i == 0 {
				p = first
			}
			t.line(p + "    " + l)
		}
	case *doc.Table:
		t.table(b, first, rest)
	case *doc.Figure:
		if b.Alt == "" && len(b.Caption) == 0 {
			return // decoration: nothing to read
		}
		t.para()
		s := "[" + label(t.lang, "figure") + ": " + b.Alt + "]"
		if len(b.Caption) > 0 {
			if c := t.inlines(b.Caption); c != b.Alt {
				s += " " + c
			}
		}
		t.wrapped(s, first, rest)
	case *doc.Rule:
		t.para()
		r := "* * *"
		t.line(first + strings.Repeat(" ", max((t.width-width(first)-width(r))/2, 0)) + r)
	default:
		t.fail(fmt.Errorf("text: unsupported block %T", b))
	}
}

func label(lang, key string) string {
	if key == "figure" {
		if strings.HasPrefix(lang, "nl") {
			return "Afbeelding"
		}
		return "Figure"
	}
	return labels.Label(lang, key)
}

func (t *writer) wrapped(s, first, rest string) {
	for _, l := range wrapIndent(s, t.width, first, rest) {
		t.line(l)
	}
}

func firstPara(bs []doc.Block) (*doc.Paragraph, bool) {
	if len(bs) == 0 {
		return nil, false
	}
	p, ok := bs[0].(*doc.Paragraph)
	return p, ok
}

func (t *writer) list(l *doc.List, first, rest string) {
	markers := make([]string, len(l.Items))
	widest := 0
	for i := range l.Items {
		if l.Ordered {
			markers[i] = doc.Ordinal(l.Start+i, l.Numbering) + "."
		} else {
			markers[i] = "-"
		}
		switch l.Items[i].Task {
		case doc.Todo:
			markers[i] += " ☐"
		case doc.Done:
			markers[i] += " ☑"
		}
		widest = max(widest, width(markers[i]))
	}
	for i, it := range l.Items {
		m := markers[i]
		pad := strings.Repeat(" ", widest-width(m))
		f := first + pad + m + " "
		r := rest + strings.Repeat(" ", widest+1)
		if i > 0 {
			f = rest + pad + m + " "
		}
		if l.Tight && i > 0 {
			t.started = false // no blank line between tight items
		}
		if len(it.Blocks) == 0 {
			t.para()
			t.line(f)
			continue
		}
		for k, b := range it.Blocks {
			if k > 0 {
				f = r
				if l.Tight {
					t.started = false
				}
			}
			t.block(b, f, r)
		}
	}
}

// flushNotes writes the texts of the notes referenced since the last
// flush.
func (t *writer) flushNotes() {
	if len(t.notes) == 0 {
		return
	}
	t.para()
	t.line(labels.Label(t.lang, "notes"))
	t.line(strings.Repeat("-", width(labels.Label(t.lang, "notes"))))
	for len(t.notes) > 0 {
		n := t.notes[0]
		t.notes = t.notes[1:]
		m := "[" + strconv.Itoa(n.Number) + "] "
		indent := strings.Repeat(" ", width(m))
		if len(n.Blocks) == 0 {
			t.para()
			t.line(m)
			continue
		}
		t.blocks(n.Blocks, m, indent)
	}
}

// inlines formats inlines as one string; notes become [n] and are queued.
func (t *writer) inlines(ins []doc.Inline) string {
	return inlineText(ins, t)
}

// inlineText formats inlines. Emphasis is _marked_, strong emphasis
// *marked*; superscript and subscript digits use Unicode's superscript
// and subscript characters. If t is nil, notes are left out.
func inlineText(ins []doc.Inline, t *writer) string {
	var b strings.Builder
	for _, in := range ins {
		switch in := in.(type) {
		case *doc.Text:
			b.WriteString(in.Text)
		case *doc.Emph:
			b.WriteString("_" + inlineText(in.Inlines, t) + "_")
		case *doc.Strong:
			b.WriteString("*" + inlineText(in.Inlines, t) + "*")
		case *doc.Strike:
			b.WriteString("~" + inlineText(in.Inlines, t) + "~")
		case *doc.Span:
			b.WriteString(inlineText(in.Inlines, t))
		case *doc.Sup:
			b.WriteString(script(inlineText(in.Inlines, t), superscripts, "^"))
		case *doc.Sub:
			b.WriteString(script(inlineText(in.Inlines, t), subscripts, "_"))
		case *doc.Code:
			b.WriteString(in.Text)
		case *doc.Math:
			// The TeX source, as written: text has no better notation.
			if in.Display {
				b.WriteString("$$" + in.TeX + "$$")
			} else {
				b.WriteString("$" + in.TeX + "$")
			}
		case *doc.Anchor:
		case *doc.Link:
			s := inlineText(in.Inlines, t)
			b.WriteString(s)
			if in.URL != "" && !strings.HasPrefix(in.URL, "#") && s != in.URL && "mailto:"+s != in.URL && doc.SafeURL(in.URL) {
				b.WriteString(" <" + in.URL + ">")
			}
		case *doc.Image:
			if in.Alt != "" { // else decoration
				b.WriteString("[" + in.Alt + "]")
			}
		case *doc.Note:
			if t != nil {
				t.notes = append(t.notes, in)
				b.WriteString("[" + strconv.Itoa(in.Number) + "]")
			}
		case *doc.LineBreak:
			b.WriteByte('\n')
		default:
			if t != nil {
				t.fail(fmt.Errorf("text: unsupported inline %T", in))
			}
		}
	}
	return b.String()
}

var (
	superscripts = map[rune]rune{'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ'}
	subscripts   = map[rune]rune{'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '(': '₍', ')': '₎'}
)

// script writes s with Unicode super- or subscript characters if it has
// them all, else as ^(s) or _(s).
func script(s string, table map[rune]rune, mark string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		m, ok := table[r]
		if !ok {
			return mark + "(" + s + ")"
		}
		out = append(out, m)
	}
	return string(out)
}

// width returns the display width of s.
// printable drops control characters (C0 but tab, DEL and C1) from s, so
// that the text output never carries escape sequences to a terminal.
func printable(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f {
			return -1
		}
		return r
	}, s)
}

// width returns the columns s takes on a terminal: wide (CJK)
// characters take two, combining marks none.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f { // printable ASCII: one column
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !oneColumn(r) {
			return uniseg.StringWidth(s) // wide, combining, emoji, controls
		}
		n++
		i += size
	}
	return n
}

// oneColumn reports whether r is a character that surely takes one
// column on its own: Latin letters with their accents precomposed, and
// the common punctuation (’ “ – …); not the soft hyphen, which takes
// none. Anything else is measured by
// Unicode's rules.
func oneColumn(r rune) bool {
	return r >= 0xa0 && r < 0x300 && r != 0xad || r >= 0x2010 && r <= 0x2027 || r >= 0x2030 && r <= 0x205e
}

// wrap breaks s into lines of at most w columns.
func wrap(s string, w int) []string { return wrapIndent(s, w, "", "") }

// wrapIndent breaks s into lines of at most w columns, the first prefixed
// by first and the rest by rest. It breaks at spaces (never at a
// non-breaking space), at the newlines of hard line breaks, and where
// Unicode line breaking (UAX #14) allows a break next to a wide
// character, so that Chinese and Japanese text, which has no spaces,
// wraps too. A word longer than the line stands on a line of its own.
func wrapIndent(s string, w int, first, rest string) []string {
	lines := make([]string, 0, len(s)/max(w, 1)+1)
	for i, part := range strings.Split(s, "\n") {
		prefix := first
		if i > 0 {
			prefix = rest
		}
		var b strings.Builder
		b.Grow(w + w/4) // a line's bytes: its width, and more for non-ASCII
		b.WriteString(prefix)
		curW := width(prefix)
		empty := true
		for p := range pieces(part) {
			need := p.w
			if p.space && !empty {
				need++
			}
			if !empty && curW+need > w {
				lines = append(lines, b.String())
				b.Reset()
				b.Grow(w + w/4)
				b.WriteString(rest)
				curW, empty = width(rest), true
				need = p.w
			}
			if p.space && !empty {
				b.WriteByte(' ')
			}
			b.WriteString(p.text)
			curW += need
			empty = false
		}
		lines = append(lines, b.String())
	}
	return lines
}

// piece is a unit wrapIndent does not break: a word, or a run of
// characters between two break opportunities next to a wide character.
type piece struct {
	text  string
	w     int
	space bool // a space comes before it, unless it starts a line
}

// pieces yields the pieces of one line of text.
func pieces(s string) iter.Seq[piece] {
	return func(yield func(piece) bool) {
		// Without a wide character (none below U+1100, and none among
		// the punctuation oneColumn knows), the only breaks are at
		// spaces, as in ASCII: Unicode line breaking, which is
		// slow, is needed only next to wide characters.
		narrow := true
		for i := 0; i < len(s); i++ {
			if s[i] >= 0xe1 { // a rune of U+1000 or above
				if r, _ := utf8.DecodeRuneInString(s[i:]); r >= 0x1100 && !oneColumn(r) {
					narrow = false
					break
				}
			}
		}
		if narrow {
			for i := 0; i < len(s); {
				for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
					i++
				}
				start := i
				for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '\r' {
					i++
				}
				if i > start && !yield(piece{text: s[start:i], w: width(s[start:i]), space: true}) {
					return
				}
			}
			return
		}
		var word strings.Builder
		space := true
		flush := func(next bool) bool {
			if word.Len() > 0 {
				t := word.String()
				word.Reset()
				ok := yield(piece{text: t, w: width(t), space: space})
				space = next
				return ok
			}
			if next {
				space = true
			}
			return true
		}
		state := -1
		for rest := s; rest != ""; {
			var seg string
			seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
			trimmed := strings.TrimRight(seg, " \t\r")
			word.WriteString(trimmed)
			if len(trimmed) < len(seg) {
				if !flush(true) {
					return
				}
				continue
			}
			last, _ := utf8.DecodeLastRuneInString(trimmed)
			next, _ := utf8.DecodeRuneInString(rest)
			if rest != "" && (wide(last) || wide(next)) && !flush(false) {
				return
			}
		}
		flush(true)
	}
}

// wide reports whether r takes two columns (CJK ideographs, kana,
// Hangul, full-width forms).
func wide(r rune) bool {
	return r >= 0x1100 && uniseg.StringWidth(string(r)) == 2
}
