package font

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
)

// The built-in families: Noto Serif with Noto Sans Mono (the default:
// kerning, ligatures, Latin for every European language and Vietnamese,
// Greek and Cyrillic; SIL Open Font License, see builtin/OFL.txt), and
// the Go fonts.
//
//go:embed builtin/*.ttf
var notoFonts embed.FS

// Built-in family names.
const (
	Noto = "noto"
	Go   = "go"
)

var builtins struct {
	sync.Mutex
	byName map[string][]*Face
}

// Builtin returns the faces of a built-in family, parsed once, in the
// order regular, bold, italic, bold italic, mono, mono bold: Noto (also
// for "") or Go. The slice is shared: a caller must not change it.
func Builtin(name string) ([]*Face, error) {
	builtins.Lock()
	defer builtins.Unlock()
	if name == "" {
		name = Noto
	}
	if f, ok := builtins.byName[name]; ok {
		return f, nil
	}
	type src struct {
		name string
		data []byte
	}
	var srcs []src
	switch name {
	case Go:
		srcs = []src{
			{"Go Regular", goregular.TTF}, {"Go Bold", gobold.TTF}, {"Go Italic", goitalic.TTF},
			{"Go Bold Italic", gobolditalic.TTF}, {"Go Mono", gomono.TTF}, {"Go Mono Bold", gomonobold.TTF},
		}
	case Noto:
		for _, f := range []string{"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic", "NotoSansMono-Regular", "NotoSansMono-Bold"} {
			data, err := notoFonts.ReadFile("builtin/" + f + ".ttf")
			if err != nil {
				return nil, err
			}
			srcs = append(srcs, src{strings.Replace(f, "-", " ", 1), data})
		}
	default:
		return nil, fmt.Errorf("pdf: no built-in font family %q: %s or %s", name, Noto, Go)
	}
	faces := make([]*Face, len(srcs))
	for i, s := range srcs {
		f, err := Parse(s.name, s.data)
		if err != nil {
			return nil, err
		}
		faces[i] = f
	}
	if builtins.byName == nil {
		builtins.byName = map[string][]*Face{}
	}
	builtins.byName[name] = faces
	return faces, nil
}
