package suggest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/input"
)

// paragraphPair is a bilingual file of one paragraph pair: n sentences of
// Chinese, each with 周边 and 周边外交, and their English, each with
// "neighborhood diplomacy".
func paragraphPair(n int) []byte {
	var zh, en strings.Builder
	for i := range n {
		fmt.Fprintf(&zh, "周边外交第%d次会谈讨论了周边局势。", i)
		fmt.Fprintf(&en, "Talk %d on neighborhood diplomacy covered the situation around us. ", i)
	}
	return []byte(zh.String() + "\n\n" + en.String() + "\n")
}

// TestReadIsLinear doubles the sentences of one paragraph pair and counts
// the characters, words and terms Read visits: each term used to walk
// every character of the segment, each rendering every word, and each
// aligned sentence pair every word, run and term.
func TestReadIsLinear(t *testing.T) {
	steps := func(n int) int64 {
		doc, err := input.ReadWith("p.md", paragraphPair(n), input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := defaultChecker
		f := c.Scan(doc)
		return readSteps.Count(func() {
			if got := Read(c, f); len(got.units) < n/2 {
				t.Fatalf("%d sentences read as %d units", n, len(got.units))
			}
		})
	}
	small, large := steps(500), steps(1000)
	if float64(large) > 2.4*float64(small) {
		t.Errorf("twice the sentences took %d steps, %.1f times the %d of half as many; want about 2", large, float64(large)/float64(small), small)
	}
}

// BenchmarkRead doubles the sentences of one paragraph pair: time and
// memory per sentence must stay flat
// (go test -bench 'Read$' -benchmem ./checker/suggest/).
func BenchmarkRead(b *testing.B) {
	c := defaultChecker
	for _, n := range []int{1000, 2000, 4000, 8000} {
		doc, err := input.ReadWith("p.md", paragraphPair(n), input.Options{})
		if err != nil {
			b.Fatal(err)
		}
		f := c.Scan(doc)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Read(c, f)
			}
		})
	}
}
