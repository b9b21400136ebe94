package font

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/galleypress/galley/pkg/files"
)

// System finds, among the fonts installed on the machine, one that has
// a character: the fonts are listed once, in a fixed order (regular
// faces first, TrueType before CFF, then by path), and read when first
// needed. The zero System is ready to use; it is for one goroutine.
type System struct {
	listed  bool
	paths   []string
	faces   map[string]*Face // read so far; nil for one that cannot be used
	missing map[rune]bool    // characters no system font has
	used    []*Face          // faces found, in order
}

// Find returns a face installed on the machine that has r, or nil. A
// face found once is not returned again: the caller keeps it.
func (s *System) Find(r rune) *Face {
	if s.missing[r] {
		return nil
	}
	if !s.listed {
		s.listed = true
		s.faces = map[string]*Face{}
		s.missing = map[rune]bool{}
		for _, path := range files.SystemFonts() {
			switch strings.ToLower(filepath.Ext(path)) {
			case ".ttf", ".ttc", ".otf":
				s.paths = append(s.paths, path)
			}
		}
		// Regular faces first: a character found in "DejaVuSans-Bold"
		// would be set bold. Then TrueType before CFF (.otf): a CFF
		// subset keeps every glyph's name, and a CID-keyed one (CJK)
		// cannot be embedded at all.
		sort.SliceStable(s.paths, func(i, j int) bool {
			ri, rj := plainFace(s.paths[i]), plainFace(s.paths[j])
			if ri != rj {
				return ri
			}
			oi, oj := strings.EqualFold(filepath.Ext(s.paths[i]), ".otf"), strings.EqualFold(filepath.Ext(s.paths[j]), ".otf")
			if oi != oj {
				return oj
			}
			return s.paths[i] < s.paths[j]
		})
	}
	for _, path := range s.paths {
		f, seen := s.faces[path]
		if !seen {
			f, _ = load(nil, path) // a font that cannot be used is skipped
			s.faces[path] = f
		}
		if f != nil && f.Has(r) {
			s.used = append(s.used, f)
			s.missing[r] = false
			delete(s.faces, path) // found once: the family holds it now
			s.paths = removePath(s.paths, path)
			return f
		}
	}
	s.missing[r] = true
	return nil
}

func removePath(paths []string, p string) []string {
	for i, q := range paths {
		if q == p {
			return append(paths[:i:i], paths[i+1:]...)
		}
	}
	return paths
}

// plainFace reports whether a font file's name is not that of a bold,
// italic or other variant face.
func plainFace(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	for _, v := range []string{"bold", "italic", "oblique", "light", "thin", "black", "condensed", "mono", "extralight", "semibold", "medium"} {
		if strings.Contains(name, v) {
			return false
		}
	}
	return true
}

// Used returns the faces Find found, in the order it found them.
func (s *System) Used() []*Face { return s.used }
