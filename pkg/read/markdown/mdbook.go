package markdown

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/galleypress/galley/pkg/doc"
)

// An mdBook book (https://rust-lang.github.io/mdBook/): a book.toml
// with the book's metadata and its source folder ("src"), and in that
// folder a SUMMARY.md listing the chapters, nested by the summary's
// lists. This file reads both; package book reads the chapters.

// Chapter is one file of a book's summary.
type Chapter struct {
	// Path is the chapter's file, relative to the summary's folder.
	Path string
	// Depth is 1 for a chapter at the summary's top level (a prefix or
	// suffix chapter, or a first-level item), 2 for one nested in it,
	// and so on.
	Depth int
	// Title is the chapter's name in the summary.
	Title string
}

// BookConfig is what galley reads of an mdBook book.toml.
type BookConfig struct {
	Meta doc.Meta
	// Src is the folder of SUMMARY.md and the chapters, relative to
	// book.toml's folder: "src" unless the file says otherwise.
	Src string
}

// ReadBookConfig reads a book.toml: [book] title, authors, description,
// language and src.
func ReadBookConfig(data []byte) (*BookConfig, error) {
	var raw struct {
		Book struct {
			Title       string   `toml:"title"`
			Authors     []string `toml:"authors"`
			Description string   `toml:"description"`
			Language    string   `toml:"language"`
			Src         string   `toml:"src"`
		} `toml:"book"`
	}
	if _, err := decodeTOML(data, &raw, maxTOMLDepth); err != nil {
		// The message would quote the file, which may not be a book's
		// (a link to a key file): the line only.
		if line := tomlLine(err); line > 0 {
			return nil, fmt.Errorf("book.toml:%d: not valid TOML, or not a book's settings", line)
		}
		return nil, errors.New("book.toml: not valid TOML, or not a book's settings")
	}
	b := raw.Book
	cfg := &BookConfig{Meta: doc.Meta{Title: b.Title, Authors: b.Authors, Description: b.Description, Lang: b.Language}, Src: b.Src}
	if cfg.Src == "" {
		cfg.Src = "src"
	}
	return cfg, nil
}

// summaryParser parses SUMMARY.md as mdBook does: CommonMark, with no
// task lists (a chapter titled "x" is a link, not a ticked box).
var summaryParser = sync.OnceValue(func() goldmark.Markdown { return goldmark.New() })

// ReadSummary reads an mdBook SUMMARY.md: its chapters in reading
// order, with their depth. Draft chapters (an empty link) and part
// titles are left out; so are links to other sites. Lists nested more
// than 128 deep are flattened first, as in any Markdown galley reads
// (goldmark's time grows with the square of the depth).
func ReadSummary(data []byte) ([]Chapter, error) {
	g := &guard{warn: func(int, string, ...any) {}}
	if guarded, changed := g.rewrite(data); changed {
		data = guarded
	}
	root := summaryParser().Parser().Parse(text.NewReader(data))
	var out []Chapter
	var items func(list ast.Node, depth int)
	link := func(n ast.Node) {
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			if l, ok := k.(*ast.Link); ok {
				dest := string(l.Destination)
				if dest == "" || strings.Contains(dest, "://") || strings.HasPrefix(dest, "#") {
					return
				}
				if i := strings.IndexByte(dest, '#'); i >= 0 {
					dest = dest[:i]
				}
				out = append(out, Chapter{Path: dest, Depth: 0, Title: string(l.Text(data))}) //nolint:staticcheck // plain text of a link
				return
			}
		}
	}
	items = func(list ast.Node, depth int) {
		for it := list.FirstChild(); it != nil; it = it.NextSibling() {
			for k := it.FirstChild(); k != nil; k = k.NextSibling() {
				switch k.Kind() {
				case ast.KindParagraph, ast.KindTextBlock:
					n := len(out)
					link(k)
					if len(out) > n {
						out[len(out)-1].Depth = depth
					}
				case ast.KindList:
					items(k, depth+1)
				}
			}
		}
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindParagraph:
			// Prefix and suffix chapters: links outside the lists.
			m := len(out)
			link(n)
			if len(out) > m {
				out[len(out)-1].Depth = 1
			}
		case ast.KindList:
			items(n, 1)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("SUMMARY.md lists no chapters (write them as a list of links: - [Title](file.md))")
	}
	return out, nil
}
