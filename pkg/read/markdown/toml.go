package markdown

import (
	"errors"
	"fmt"

	"github.com/BurntSushi/toml"
)

// maxTOMLDepth is how deep book.toml may nest arrays and inline tables:
// real ones nest two or three deep. Front matter nests as deep as
// --max-depth allows.
const maxTOMLDepth = 100

// decodeTOML decodes TOML into v once its nesting is checked against
// maxDepth: BurntSushi/toml's parser recurses, and a few million "["
// overflow the stack, which kills the process (no recover catches it).
func decodeTOML(data []byte, v any, maxDepth int) (toml.MetaData, error) {
	if line, ok := tomlTooDeep(data, maxDepth); ok {
		return toml.MetaData{}, toml.ParseError{Message: fmt.Sprintf("arrays or tables nested more than %d deep", maxDepth), Position: toml.Position{Line: line}}
	}
	return toml.Decode(string(data), v)
}

// tomlTooDeep reports the line where TOML data first nests arrays or
// inline tables more than maxDepth deep, if it does. Brackets in
// strings and comments do not count.
func tomlTooDeep(data []byte, maxDepth int) (line int, deep bool) {
	depth := 0
	line = 1
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case '"', '\'':
			multi := i+2 < len(data) && data[i+1] == c && data[i+2] == c
			if multi {
				i += 3
			} else {
				i++
			}
			for ; i < len(data); i++ {
				switch data[i] {
				case '\\':
					if c == '"' {
						i++
						if i < len(data) && data[i] == '\n' {
							line++
						}
					}
					continue
				case '\n':
					line++
					if !multi {
						break
					}
					continue
				case c:
					if !multi {
						break
					}
					if i+2 < len(data) && data[i+1] == c && data[i+2] == c {
						i += 2
						break
					}
					continue
				default:
					continue
				}
				break
			}
		case '[', '{':
			if depth++; depth > maxDepth {
				return line, true
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0, false
}

// tomlLine returns the line a TOML error names, or 0.
func tomlLine(err error) int {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Position.Line
	}
	return 0
}
