package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Starter is the commented galley.yaml that "galley init" writes.
const Starter = `# galley.yaml: the documents "galley build" makes.
# Paths are relative to this file. Unknown keys are errors.

# The house style of every output (PDF, EPUB, HTML): a built-in theme
# (default, report, book) or your own file, begun with
# "galley theme --print default > theme.yaml".
theme: default

# publish.Settings for every document; a document's own settings win.
defaults:
  meta:
    publisher: "Your Organisation"
    # rights: "CC BY 4.0"
  toc: true            # a table of contents in HTML, EPUB and text
  # toc-depth: 3
  # html: {css: style.css}          # replaces the built-in stylesheet
  # epub: {css: book.css, split-level: 1}

documents:
  - input: report.md   # or inputs: [part1.md, part2.md], joined in order
    meta:
      title: "Annual Report"
      # subtitle: ""
      # authors: ["A. Author"]
      # lang: en        # BCP 47; detected from the text when left out
      # date: 2024-01-31
      # description: ""
      # keywords: [report]
      # cover: images/cover.png
    outputs:
      - out/report.html
      - out/report.epub
      - out/report.txt

  # Plain text, such as text scraped from a web page:
  # - input: chapter.txt
  #   drop-lines: ["Site boilerplate line"]   # lines to remove
  #   text:
  #     style: auto                           # auto, lines or wrapped
  #     not-headings: ["A line that is not a heading"]
  #   pdf: {paper: a4, font-size: 10.5}
  #   outputs: [out/chapter.html, out/chapter.pdf]
`

// WriteStarter writes Starter to path, refusing to replace a file (or
// to write through a symbolic link, even one that leads nowhere yet).
func WriteStarter(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; not replacing it", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if _, err := Parse([]byte(Starter), path); err != nil {
		return fmt.Errorf("publish: the starter file is invalid: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; not replacing it", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(Starter); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}
