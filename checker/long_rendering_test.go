package checker_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// longRendering returns a deprecated rendering of n distinct words, and a
// glossary that has it beside a preferred short one.
func longRendering(tb testing.TB, n int) (string, *glossary.Glossary) {
	tb.Helper()
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("word%d", i)
	}
	long := strings.Join(words, " ")
	yaml := "concepts:\n  - id: long\n    zh: 长名\n    renderings:\n      - en: the short name\n        status: preferred\n      - en: " + long + "\n        status: deprecated\n"
	g, problems := glossary.Parse("long.yaml", []byte(yaml))
	if problems.Errors() > 0 {
		tb.Fatal(problems)
	}
	return long, g
}

// TestLongRenderingFound checks that a rendering of thousands of words
// is found whole in a text that holds it, and reported once.
func TestLongRenderingFound(t *testing.T) {
	long, g := longRendering(t, 5000)
	c := checker.New(g)
	doc := &input.Document{Path: "long.txt", Text: []byte("They wrote " + long + ".\n")}
	findings, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 1 || findings[0].Rule != "deprecated" || findings[0].Column != 12 || findings[0].EndColumn != 12+len(long) {
		t.Errorf("findings %+v, want one deprecated from column 12 to %d", findings, 12+len(long))
	}
}

// BenchmarkLongRendering makes a checker for a glossary with a rendering
// of n words, as a run does, and checks a text holding it, doubling n:
// time and memory per run should double with it (issue 20, item 6: a
// rendering of a million characters took over a minute).
func BenchmarkLongRendering(b *testing.B) {
	for _, n := range []int{1 << 14, 1 << 15, 1 << 16} {
		long, g := longRendering(b, n)
		doc := &input.Document{Path: "long.txt", Text: []byte("They wrote " + long + ".\n")}
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			for b.Loop() {
				c := checker.New(g)
				if _, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
