package html

import (
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

const selectorPage = `<html><body>
<header id="top"><nav><a href="/">Home</a></nav></header>
<main>
 <section class="intro"><h1>Title</h1><p class="lead">Lead</p><p>Second</p><div><p>Deep</p></div></section>
 <section><div class="note"><p>In a note</p><p lang="en-GB">British</p></div><ul><li>a</li><li class="x">b</li><li>c</li></ul></section>
 <article><h2>Sub</h2><p>One</p><div><div><p>Two deep</p></div></div></article>
</main>
<footer><p>Foot</p></footer>
</body></html>`

// TestSelectorAsCascadia checks that selectors match what cascadia
// matches, element for element, in the same order.
func TestSelectorAsCascadia(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(selectorPage))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"p", "section p", "main > section > p", "section div p", "section > div > p",
		"h1 + p", "h1 ~ p", "li + li", "li ~ li.x", "div.note p:first-child", "p[lang|=en]",
		"main section:nth-child(2) li:not(.x)", "article div div p", "h2 ~ div p",
		"section p, article p", "footer p, header a", "* > p", "body *", "main>section>div>p",
		"section   >   p", `p[class="lead"]`, "ul li:last-child", "section:first-of-type p + p",
	} {
		want := cascadia.MustCompile(s).MatchAll(doc)
		sel, err := compileSelector(s)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		got := sel.matchAll(doc)
		if len(got) != len(want) {
			t.Errorf("%q: %d elements, cascadia %d", s, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: element %d differs", s, i)
			}
		}
	}
	for _, bad := range []string{"", "> p", "p >", "p > > a", "p[", "a:has(b)", "p:nope"} {
		if _, err := compileSelector(bad); err == nil {
			t.Errorf("%q compiled", bad)
		}
	}
}

// TestSelectorLinear checks a selector of many descendant combinators
// on a deeply nested page: cascadia tries every ancestor for every part
// (over a minute on these 8 KB); one pass takes milliseconds.
func TestSelectorLinear(t *testing.T) {
	page := "<section>" + strings.Repeat("<div>", 500) + "<p>x</p>" + strings.Repeat("</div>", 500) + "</section>"
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	sel, err := compileSelector("section div div div div div p")
	if err != nil {
		t.Fatal(err)
	}
	if got := sel.matchAll(doc); len(got) != 1 {
		t.Errorf("%d matches, want 1", len(got))
	}
}
