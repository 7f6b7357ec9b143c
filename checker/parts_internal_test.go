package checker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// sharedPartsGlossary is a made-up glossary of compounds depth deep
// whose parts are shared: a_i and b_i are each made of a_{i+1} and
// b_{i+1}, and only the last two have renderings a bilingual file holds
// (leaf a, leaf b). A walk that does not keep its answers takes 2^depth
// steps on it.
func sharedPartsGlossary(tb testing.TB, depth int) *glossary.Glossary {
	var b strings.Builder
	b.WriteString("concepts:\n")
	for i := range depth + 1 {
		for _, side := range []string{"a", "b"} {
			fmt.Fprintf(&b, "  - id: %s%d\n    zh: %s\n", side, i, zhNumber(side, i))
			if i < depth {
				fmt.Fprintf(&b, "    parts: [a%d, b%d]\n    renderings: [{en: compound %s %d}]\n", i+1, i+1, side, i)
			} else {
				fmt.Fprintf(&b, "    renderings: [{en: leaf %s}]\n", side)
			}
		}
	}
	g, problems := glossary.Parse("parts.yaml", []byte(b.String()))
	if problems.Errors() > 0 {
		tb.Fatal(problems)
	}
	return g
}

// zhNumber spells side and i as a Chinese word of their own: 甲 or 乙
// and i in the digits 零 to 九, so that no term holds another.
func zhNumber(side string, i int) string {
	digits := []rune("零一二三四五六七八九")
	w := map[string]string{"a": "甲", "b": "乙"}[side] + "号"
	for _, d := range fmt.Sprint(i) {
		w += string(digits[d-'0'])
	}
	return w + "港"
}

// TestPartsWalkIsLinear bounds the work of deciding whether a compound
// is rendered by its parts by counting the concepts the walk looks at:
// parts twice as deep may cost about twice as many, not the square.
func TestPartsWalkIsLinear(t *testing.T) {
	visits := func(depth int) int {
		c := New(sharedPartsGlossary(t, depth))
		set := map[*glossary.Concept]bool{}
		for _, con := range c.g.Concepts {
			if con.ID == fmt.Sprint("a", depth) || con.ID == fmt.Sprint("b", depth) {
				set[con] = true
			}
		}
		w := partsWalk{parts: c.parts, set: set}
		if !w.rendered(c.g.Concept("a0")) {
			t.Fatalf("depth %d: a0 is not rendered by its parts", depth)
		}
		return w.visits
	}
	// The shallower pair first: a walk that is exponential fails there
	// instead of running for hours at depth 40.
	for _, depths := range [][2]int{{10, 20}, {20, 40}} {
		small, large := visits(depths[0]), visits(depths[1])
		if large > 2*small+8 {
			t.Fatalf("parts %d deep took %d steps, %.1f times the %d of %d deep; want about twice", depths[1], large, float64(large)/float64(small), small, depths[0])
		}
	}
}

// TestPartsCycleUnvalidated checks a bilingual file against a glossary
// whose parts form a cycle, which validation refuses but a library user
// may compile all the same: the check ends, and the compound whose
// rendering is absent is reported missing.
func TestPartsCycleUnvalidated(t *testing.T) {
	g, problems := glossary.Parse("cycle.yaml", []byte(`concepts:
  - id: ferry-pier
    zh: 渡口码头
    parts: [ferry, pier]
    renderings: [{en: ferry pier}]
  - id: ferry
    zh: 渡口
    parts: [ferry-pier]
    renderings: [{en: ferry crossing}]
  - id: pier
    zh: 码头
    renderings: [{en: landing stage}]
`))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	c := New(g)
	doc, err := input.Read("pair.md", []byte("新建渡口码头。\n\nA new landing stage was built.\n"))
	if err != nil {
		t.Fatal(err)
	}
	findings, err := c.Check([]*File{c.Scan(doc)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Rule+" "+f.ZH)
	}
	if want := "missing 渡口码头"; strings.Join(got, "; ") != want {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// BenchmarkPartsDepth doubles the depth of a parts graph whose compounds
// share their parts, in the bilingual check of one segment holding the
// top compound and its deepest parts' renderings: time and memory per
// level must stay flat (go test -bench PartsDepth -benchmem ./checker/).
func BenchmarkPartsDepth(b *testing.B) {
	for _, depth := range []int{25, 50, 100, 200, 400} {
		c := New(sharedPartsGlossary(b, depth))
		doc, err := input.Read("pair.md", []byte("新建甲号零港。\n\nA leaf a and a leaf b were built.\n"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Check([]*File{c.Scan(doc)}, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
