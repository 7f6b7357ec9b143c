package glossary_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
)

// syntheticGlossary writes n concepts, each with two related references
// and one rendering, in the YAML format.
func syntheticGlossary(n int) []byte {
	var b strings.Builder
	b.WriteString("styles:\n  official: {description: o}\nsources:\n  s: {title: t, kind: official}\nconcepts:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: c%d\n    zh: 术语%d\n    pinyin: shuyu %d\n    related: [c%d, c%d]\n", i, i, i, (i*7+1)%n, (i*13+5)%n)
		fmt.Fprintf(&b, "    renderings:\n      - {en: term number %d, status: preferred, styles: [official], seen: [{source: s}]}\n", i)
	}
	return []byte(b.String())
}

// BenchmarkLoad parses, merges and validates a 20,000-concept glossary;
// validation looks every reference up, so this shows whether it stays
// linear.
func BenchmarkLoad(b *testing.B) {
	data := syntheticGlossary(20000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		g, ps := glossary.Load([]glossary.Input{{Name: "g.yaml", Data: data}}, glossary.ValidateOptions{})
		if g == nil {
			b.Fatal(ps)
		}
	}
}

// BenchmarkLookup looks an English query up in a 20,000-concept index.
func BenchmarkLookup(b *testing.B) {
	g, ps := glossary.Load([]glossary.Input{{Name: "g.yaml", Data: syntheticGlossary(20000)}}, glossary.ValidateOptions{})
	if g == nil {
		b.Fatal(ps)
	}
	idx := glossary.NewIndex(g)
	for b.Loop() {
		if r := idx.Lookup("term number 19999"); len(r.Matches) == 0 {
			b.Fatal("no match")
		}
	}
}
