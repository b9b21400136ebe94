// Package vector reads an SVG image (already sanitised: see safeimage)
// into a list of things to draw that a PDF can express as they are:
// paths filled and stroked with colours and gradients, clipped,
// transformed, with opacity, and text runs for the caller to set in its
// fonts. What a PDF cannot draw as vectors (filters, masks, patterns,
// embedded raster images) is reported in Drawing.Unsupported, so that the
// caller can draw the image as a raster instead.
package vector

import (
	"math"
)

// Matrix is an affine transform [a b c d e f]: (x, y) becomes
// (a x + c y + e, b x + d y + f).
type Matrix [6]float64

// Identity is the transform that changes nothing.
var Identity = Matrix{1, 0, 0, 1, 0, 0}

// Mul returns the transform that applies n, then m.
func (m Matrix) Mul(n Matrix) Matrix {
	return Matrix{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

// Apply transforms a point.
func (m Matrix) Apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// Scale returns how much m scales lengths, on average.
func (m Matrix) Scale() float64 { return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2])) }

// Seg is a segment of a path: a move, a line, a cubic Bézier curve (to
// P[2], by P[0] and P[1]) or a close.
type Seg struct {
	Op byte // 'M', 'L', 'C', 'Z'
	P  [3][2]float64
}

// PaintKind says how a shape is painted.
type PaintKind uint8

const (
	None PaintKind = iota
	Color
	Linear
	Radial
)

// Paint is a fill or a stroke.
type Paint struct {
	Kind    PaintKind
	R, G, B float64 // 0 to 1
	// Gradient is set for Linear and Radial.
	Gradient *Gradient
}

// Gradient is a linear gradient from (X1, Y1) to (X2, Y2), or a radial
// one from focus (FX, FY) to the circle at (CX, CY) of radius R, in the
// space Matrix maps to the shape's user space, or, with BoundingBox, to
// the unit square that is the shape's bounding box; colours are padded
// beyond the ends.
type Gradient struct {
	X1, Y1, X2, Y2 float64
	CX, CY, R      float64
	FX, FY         float64
	Matrix         Matrix
	BoundingBox    bool
	Stops          []Stop
}

// Stop is a colour of a gradient at Offset (0 to 1).
type Stop struct {
	Offset  float64
	R, G, B float64
	Opacity float64
}

// Clip is a path the drawing is clipped to, in the space its Matrix
// maps to the drawing's.
type Clip struct {
	Matrix  Matrix
	Path    []Seg
	EvenOdd bool
}

// Item is a shape or a piece of text to draw, in the user space that
// Matrix maps to the drawing's space (points from its top-left corner, y
// downwards).
type Item struct {
	Matrix Matrix
	// Clips are intersected.
	Clips []Clip

	// A shape: its path, paints and stroke.
	Path          []Seg
	Fill, Stroke  Paint
	EvenOdd       bool
	StrokeWidth   float64
	Cap, Join     int // PDF's: 0 butt, round, square; 0 miter, round, bevel
	Miter         float64
	Dash          []float64
	DashOffset    float64
	FillOpacity   float64
	StrokeOpacity float64

	// Text: a run set at (X, Y) on its baseline, Anchor "start",
	// "middle" or "end"; its font by family, weight and style.
	Text       string
	X, Y       float64
	Size       float64
	Family     string
	Bold       bool
	Italic     bool
	Anchor     string
	IsText     bool
	TextRotate float64
}

// Drawing is an SVG read: its natural size in points and what it draws,
// in order.
type Drawing struct {
	Width, Height float64
	Items         []Item
	// Unsupported names what the image uses that a PDF cannot draw as
	// vectors ("filter", "mask"); empty when all of it can be.
	Unsupported []string
}
