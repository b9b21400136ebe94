// Package diag is galley's one type for what goes wrong or is worth
// saying: an error or a warning, with where (a file, a line, a column),
// how bad, a short stable code a program can match ("missing-glyph",
// "image-dropped"), and the message. Readers, renderers, galley.yaml and
// the command line all report through it. Its Error is the position and
// the message, "report.md:3: front matter key … kept as extra metadata";
// the severity and the code are fields, for programs, which the command
// line shows around it:
//
//	galley: warning: report.md:3: front matter key … [front-matter-extra]
//
// Any error can be seen as a Diagnostic (Of).
package diag

import (
	"errors"
	"fmt"
	"strings"
)

// Severity says how bad a diagnostic is.
type Severity int

// Severities.
const (
	// Error: the output cannot be made. (The zero value: a Diagnostic
	// returned as an error is one.)
	Error Severity = iota
	// Warning: something was dropped or degraded, and the output made.
	Warning
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is an error or a warning. Line and Col are 1-based; zero
// means unknown. Code is empty where no program needs to tell it from
// others.
type Diagnostic struct {
	File      string
	Line, Col int
	Severity  Severity
	Code      string
	Err       error
}

// Error returns the position and the message: "report.md:12:3: …",
// "line 4: …" without a file.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
	}
	if d.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		} else {
			b.WriteString("line ")
		}
		fmt.Fprintf(&b, "%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if d.Err != nil {
		b.WriteString(d.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (d *Diagnostic) Unwrap() error { return d.Err }

// Warnf returns a warning with a code.
func Warnf(code, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Warning, Code: code, Err: fmt.Errorf(format, args...)}
}

// WithSeverity returns err as a Diagnostic of severity sev: a copy of
// err if it is one, else a Diagnostic wrapping err (whose text it keeps
// whole) with the code of a Diagnostic err wraps, if any.
func WithSeverity(err error, sev Severity) *Diagnostic {
	if d, ok := err.(*Diagnostic); ok {
		c := *d
		c.Severity = sev
		return &c
	}
	code := ""
	var d *Diagnostic
	if errors.As(err, &d) {
		code = d.Code
	}
	return &Diagnostic{Severity: sev, Code: code, Err: err}
}

// Of returns err as a Diagnostic: the one it wraps, if any, else one of
// severity sev with no position or code. It returns nil for nil.
func Of(err error, sev Severity) *Diagnostic {
	if err == nil {
		return nil
	}
	var d *Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return &Diagnostic{Severity: sev, Err: err}
}
