// Package typeset lays out text the way TeX does, without knowing about
// PDF: paragraphs become boxes, glue and penalties, Knuth–Plass total-fit
// line breaking picks the breaks for the whole paragraph at once, and a
// page builder cuts the resulting lines into pages while keeping headings
// with what follows and avoiding widows and orphans.
//
// All lengths are integers in scaled points (Unit, 1/65536 pt), so a
// layout is the same on every machine. Glyph widths come from a Metrics,
// which a renderer implements over its fonts. Dump writes a page layout as
// text, for golden files that a reviewer can read.
package typeset

import (
	"fmt"
	"strconv"
)

// Unit is a length in scaled points: 1/65536 of a PostScript point.
type Unit int64

// Lengths.
const (
	SP Unit = 1
	Pt Unit = 65536
	// Inch and Mm are rounded to whole scaled points.
	Inch Unit = 72 * Pt
	Mm   Unit = 185771 // 72/25.4 pt
)

// Points returns u in points.
func (u Unit) Points() float64 { return float64(u) / float64(Pt) }

// String formats u in points with two decimals.
func (u Unit) String() string { return strconv.FormatFloat(u.Points(), 'f', 2, 64) }

// FromPoints converts points to a Unit, rounding to the nearest scaled
// point.
func FromPoints(pt float64) Unit {
	if pt < 0 {
		return -FromPoints(-pt)
	}
	return Unit(pt*float64(Pt) + 0.5)
}

// Face names one of the faces a Metrics knows.
type Face uint8

// The faces of a family.
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
	Mono
	MonoBold
	// HeadBold and HeadBoldItalic set headings: the family's bold
	// faces, or another family's (a theme's sans-serif headings over
	// a serif body).
	HeadBold
	HeadBoldItalic
	numFonts
)

func (f Face) String() string {
	switch f {
	case Regular:
		return "regular"
	case Bold:
		return "bold"
	case Italic:
		return "italic"
	case BoldItalic:
		return "bolditalic"
	case Mono:
		return "mono"
	case MonoBold:
		return "monobold"
	case HeadBold:
		return "headbold"
	case HeadBoldItalic:
		return "headbolditalic"
	}
	return "font" + strconv.Itoa(int(f))
}

// WithBold returns the bold form of f.
func (f Face) WithBold() Face {
	switch f {
	case Regular:
		return Bold
	case Italic:
		return BoldItalic
	case Mono:
		return MonoBold
	}
	return f
}

// WithItalic returns the italic form of f; monospaced faces stay upright.
func (f Face) WithItalic() Face {
	switch f {
	case Regular:
		return Italic
	case Bold:
		return BoldItalic
	case HeadBold:
		return HeadBoldItalic
	}
	return f
}

// Upright returns the upright form of an italic face (emphasis inside
// emphasis); others are returned as they are.
func (f Face) Upright() Face {
	switch f {
	case Italic:
		return Regular
	case BoldItalic:
		return Bold
	case HeadBoldItalic:
		return HeadBold
	}
	return f
}

// Metrics measures text. Widths must be exact and deterministic: the same
// string always measures the same.
type Metrics interface {
	// Width returns the advance width of s set in font f at size.
	Width(f Face, size Unit, s string) Unit
}

// PieceMetrics is a Metrics that measures the pieces of a word at once:
// the widths of s[:cuts[0]], s[cuts[0]:cuts[1]], …, s[cuts[n-1]:],
// appended to out, as they stand in the whole word (a shaper measures
// the word once, kerned, and splits its advances at the cuts). The line
// breaker uses it, where the Metrics has it, for hyphenated words.
type PieceMetrics interface {
	Metrics
	Pieces(f Face, size Unit, s string, cuts []int, out []Unit) []Unit
}

// Hyphenator finds hyphenation points in a word: rune offsets where a
// hyphen may go. *hyphen.Patterns satisfies it.
type Hyphenator interface {
	Points(word string) []int
}

// Infinity is the penalty that forbids a break, and, negated, forces one.
const Infinity = 10000

// ItemKind is the kind of an Item.
type ItemKind uint8

// Item kinds.
const (
	BoxItem ItemKind = iota
	GlueItem
	PenaltyItem
)

// Item is an element of a paragraph in the Knuth–Plass model: a box of
// fixed width (a piece of text), glue that can stretch and shrink, or a
// penalty, a possible break with a cost.
type Item struct {
	Kind    ItemKind
	Width   Unit
	Stretch Unit
	Shrink  Unit
	// Penalty is the cost of breaking at a penalty item; Infinity forbids
	// a break, -Infinity forces one.
	Penalty int
	// Flagged marks hyphenation penalties, and glue that is not a word
	// space (inside a web address). Two flagged breaks in a row
	// cost extra demerits.
	Flagged bool
	// Text is what a box draws, or what a penalty draws at the end of
	// the line when the line breaks there (the hyphen).
	Text  string
	Style Style
	// Object is what a box draws instead of text: an inline image.
	Object any
}

// Style is how a box's text is drawn.
type Style struct {
	Font Face
	// Strike draws a line through the text.
	Strike bool
	Size   Unit
	// Rise lifts the text from the baseline (superscript) or, negative,
	// lowers it (subscript).
	Rise Unit
	// Link is a URL, or "#id" for a place in the document.
	Link string
	// Tag is what the text belongs to, for the caller (the logical
	// element of tagged PDF); typeset only carries it along. It must be
	// comparable: a pointer.
	Tag any
	// Hyphenator, if set, hyphenates this text instead of the
	// paragraph's: words in another language than the paragraph's. It
	// must be comparable (a pointer); NoHyphens leaves the text whole.
	Hyphenator Hyphenator
	// Color is the text's colour; the zero Color is the default (black,
	// or the link colour for a link).
	Color Color
}

// Color is a colour in sRGB, 0xRRGGBB; 0 is no colour of its own.
type Color uint32

// RGB returns c's red, green and blue, from 0 to 1.
func (c Color) RGB() (r, g, b float64) {
	return float64(c>>16&0xff) / 255, float64(c>>8&0xff) / 255, float64(c&0xff) / 255
}

// NoHyphens is the Hyphenator of text that is never hyphenated: words
// in a language without patterns, inside a paragraph that has some.
var NoHyphens Hyphenator = noHyphens{}

type noHyphens struct{}

func (noHyphens) Points(string) []int { return nil }

func (i Item) String() string {
	switch i.Kind {
	case BoxItem:
		return fmt.Sprintf("box(%s %q)", i.Width, i.Text)
	case GlueItem:
		return fmt.Sprintf("glue(%s +%s -%s)", i.Width, i.Stretch, i.Shrink)
	}
	return fmt.Sprintf("penalty(%s %d %v)", i.Width, i.Penalty, i.Flagged)
}
