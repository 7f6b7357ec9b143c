package checker_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// denseParagraph is one paragraph of the kinds of text issue 18 taught the
// checker to read: names that hold renderings (name patterns among them),
// generic words whose context decides, quotations and a title. Written
// for this benchmark.
const denseParagraph = "The fifth plenary session of the 19th CPC Central Committee and the " +
	"Political Bureau of the CPC Central Committee met; the Party Central Committee " +
	"set out China's neighborhood policy, not the neighborhood committee's, and " +
	"growth in the neighborhood of 5 percent. A speaker said \"periphery diplomacy " +
	"needs patience\", and *Periphery Diplomacy in a Changing Asia* agreed, while " +
	"our neighbors across the street and its neighbors differed.\n\n"

// denseDoc is n paragraphs of denseParagraph, read as Markdown.
func denseDoc(tb testing.TB, n int) *input.Document {
	doc, err := input.Read("dense.md", bytes.Repeat([]byte(denseParagraph), n))
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// BenchmarkScanDense doubles the text: time and memory per paragraph must
// stay flat (go test -bench ScanDense -benchmem ./checker/).
func BenchmarkScanDense(b *testing.B) {
	c := defaultChecker(b)
	for _, n := range []int{250, 500, 1000, 2000, 4000} {
		doc := denseDoc(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			for b.Loop() {
				f := c.Scan(doc)
				if _, err := c.Check([]*checker.File{f}, checker.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestScanDenseIsLinear bounds the work of name patterns, context
// patterns, quotations and titles by counting allocations, not time: a
// text twice as long may cost at most a little more than twice as many.
func TestScanDenseIsLinear(t *testing.T) {
	c := defaultChecker(t)
	allocs := func(n int) float64 {
		doc := denseDoc(t, n)
		return testing.AllocsPerRun(3, func() {
			if _, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(200), allocs(800)
	if large > 4.4*small {
		t.Errorf("4 times the text took %.0f allocations, %.1f times the %.0f of the shorter text; want about 4", large, large/small, small)
	}
}

// nameGlossary is a glossary of n made-up name patterns, each around a
// rendering of its own ("{ordinal} Board of River 7" around "Board of
// River 7"), for doubling the number of name patterns.
func nameGlossary(tb testing.TB, n int) *glossary.Glossary {
	var b strings.Builder
	b.WriteString("concepts:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: board-%d\n    zh: 河%d委员会\n    renderings:\n      - en: Board of River %d\n", i, i, i)
		fmt.Fprintf(&b, "  - id: board-term-%d\n    zh: 届河%d委员会\n    renderings:\n      - en: \"{ordinal} Board of River %d\"\n", i, i, i)
	}
	g, problems := glossary.Parse("names.yaml", []byte(b.String()))
	if problems.Errors() > 0 {
		tb.Fatal(problems)
	}
	return g
}

// BenchmarkNamePatterns doubles the glossary's name patterns over one
// text in which every other occurrence stands in a name: time per
// occurrence must grow no faster than the patterns
// (go test -bench NamePatterns -benchmem ./checker/).
func BenchmarkNamePatterns(b *testing.B) {
	var text strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&text, "The Board of River %d met, and the %dth Board of River %d met again.\n", i%8, i%30+1, i%8)
	}
	doc := &input.Document{Path: "boards.txt", Text: []byte(text.String())}
	for _, n := range []int{8, 16, 32, 64, 128} {
		c := checker.New(nameGlossary(b, n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				c.Scan(doc)
			}
		})
	}
}
