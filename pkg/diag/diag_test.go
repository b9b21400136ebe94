package diag_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/galleypress/galley/pkg/diag"
)

func TestDiagnostic(t *testing.T) {
	for _, tc := range []struct {
		d    *diag.Diagnostic
		want string
	}{
		{&diag.Diagnostic{File: "report.md", Line: 12, Col: 3, Err: errors.New("unclosed code fence")}, "report.md:12:3: unclosed code fence"},
		{&diag.Diagnostic{Line: 4, Err: errors.New("x")}, "line 4: x"},
		{&diag.Diagnostic{File: "a.md", Err: errors.New("x")}, "a.md: x"},
		{diag.Warnf("missing-glyph", "%d characters", 3), "3 characters"},
	} {
		if got := tc.d.Error(); got != tc.want {
			t.Errorf("%q, want %q", got, tc.want)
		}
	}
	w := fmt.Errorf("pdf: %w", diag.Warnf("image-dropped", "img.png left out"))
	if d := diag.Of(w, diag.Error); d.Code != "image-dropped" || d.Severity != diag.Warning {
		t.Errorf("Of a wrapped diagnostic: %+v", d)
	}
	if d := diag.Of(errors.New("plain"), diag.Error); d.Severity != diag.Error || d.Code != "" || d.Error() != "plain" {
		t.Errorf("Of a plain error: %+v", d)
	}
	if diag.Of(nil, diag.Error) != nil {
		t.Error("Of(nil) is not nil")
	}
}
