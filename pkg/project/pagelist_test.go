package project

import (
	"archive/zip"
	"context"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/galleypress/galley/pkg/internal/testkit/validate"
	"github.com/galleypress/galley/pkg/publish"
)

var (
	pageMarker = regexp.MustCompile(`<span epub:type="pagebreak" role="doc-pagebreak" id="page-([^"]+)" aria-label="([^"]+)"></span>`)
	pageListRe = regexp.MustCompile(`(?s)<nav epub:type="page-list".*?</nav>`)
	tag        = regexp.MustCompile(`<[^>]+>`)
	pageOfAll  = regexp.MustCompile(`(\d+) / (\d+)`)
)

// TestPageList builds the seed's PDF and EPUB in one run, as galley.yaml
// does, and checks that the EPUB cites the PDF's pages: one marker per
// body page, in order, each before the words that start the page in the
// PDF (as pdftotext reads them), and a page list in the navigation
// document that leads to each.
func TestPageList(t *testing.T) {
	validate.Tool(t, "pdftotext", "poppler-utils")
	p, err := Load("../../fixtures/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var job *publish.Job
	for _, j := range p.Jobs {
		if j.Inputs[0] == "beleidsprioriteiten-2023.txt" {
			job = j
		}
	}
	dir := t.TempDir()
	pdfPath, epubPath := filepath.Join(dir, "seed.pdf"), filepath.Join(dir, "seed.epub")
	job.Outputs = []publish.Output{{Path: pdfPath}, {Path: epubPath}}
	if _, err := publish.Convert(context.Background(), job, &publish.Env{Dir: p.Dir}); err != nil {
		t.Fatal(err)
	}
	// The EPUB's markers, in reading order, with the words that follow.
	zr, err := zip.OpenReader(epubPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var labels, nav []string
	var after [][]string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		s := string(data)
		switch {
		case f.Name == "EPUB/nav.xhtml":
			list := pageListRe.FindString(s)
			for _, m := range regexp.MustCompile(`<a href="([^"]+)">([^<]+)</a>`).FindAllStringSubmatch(list, -1) {
				nav = append(nav, m[2]+" "+m[1])
			}
		case strings.HasPrefix(f.Name, "EPUB/ch"):
			for _, m := range pageMarker.FindAllStringSubmatchIndex(s, -1) {
				label := s[m[2]:m[3]]
				labels = append(labels, label)
				text := html.UnescapeString(tag.ReplaceAllString(s[m[1]:min(m[1]+2000, len(s))], " "))
				after = append(after, strings.Fields(text))
				if want := "page-" + s[m[4]:m[5]]; "page-"+label != want {
					t.Errorf("marker %s: aria-label %q", label, s[m[4]:m[5]])
				}
			}
		}
	}
	// The PDF's body pages: "n / total" at their foot.
	out, ok := validate.Run("pdftotext", "-enc", "UTF-8", pdfPath, "-")
	if !ok {
		t.Fatalf("pdftotext: %s", out)
	}
	pdfPages := strings.Split(strings.TrimSuffix(out, "\f"), "\f")
	m := pageOfAll.FindStringSubmatch(pdfPages[len(pdfPages)-1])
	if m == nil {
		t.Fatal("no page number on the PDF's last page")
	}
	body, _ := strconv.Atoi(m[2])
	front := len(pdfPages) - body
	if len(labels) != body {
		t.Fatalf("%d page markers for %d body pages: %v", len(labels), body, labels)
	}
	for i, label := range labels {
		if label != strconv.Itoa(i+1) {
			t.Errorf("marker %d is labelled %q", i+1, label)
		}
		// The marker's next four words start the page, or its text
		// after the running header (its first line).
		page := strings.ReplaceAll(pdfPages[front+i], "\u00ad\n", "")
		words := strings.Fields(page)
		header, _, _ := strings.Cut(strings.TrimLeft(page, "\n"), "\n")
		want := strings.Join(after[i][:min(4, len(after[i]))], " ")
		found := false
		for _, k := range []int{0, len(strings.Fields(header))} {
			if k+4 <= len(words) && strings.Join(words[k:k+4], " ") == want {
				found = true
			}
		}
		if !found {
			t.Errorf("page %s: the EPUB's marker precedes %q; the PDF page starts %q", label, want, strings.Join(words[:min(12, len(words))], " "))
		}
	}
	if len(nav) != body {
		t.Errorf("the page list has %d entries for %d pages", len(nav), body)
	}
	for i, n := range nav {
		if !strings.HasPrefix(n, fmt.Sprintf("%d ch", i+1)) || !strings.HasSuffix(n, fmt.Sprintf("#page-%d", i+1)) {
			t.Errorf("page list entry %d: %s", i+1, n)
		}
	}
}
