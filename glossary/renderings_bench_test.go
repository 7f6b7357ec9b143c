package glossary_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
)

// manyRenderings writes one made-up concept with n renderings, the first
// preferred, in the YAML format.
func manyRenderings(n int) []byte {
	var b strings.Builder
	b.WriteString("concepts:\n  - id: harbour\n    zh: 港务\n    renderings:\n      - {en: harbour affairs, status: preferred}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "      - en: harbour matter %d\n", i)
	}
	return []byte(b.String())
}

// renderingShapes are the ways a glossary can hold n renderings or forms
// of one made-up concept, each as the files to load.
var renderingShapes = []struct {
	name  string
	files func(n int) [][]byte
}{
	{"one file", func(n int) [][]byte { return [][]byte{manyRenderings(n)} }},
	{"a second file overriding each", func(n int) [][]byte {
		over := strings.Replace(string(manyRenderings(n)), "status: preferred", "status: admitted", 1)
		over = strings.Replace(over, "harbour matter 1\n", "harbour matter 1\n        status: preferred\n", 1)
		return [][]byte{manyRenderings(n), []byte(over)}
	}},
	{"each preferred in a style of its own", func(n int) [][]byte {
		var b strings.Builder
		b.WriteString("styles:\n")
		for i := range n {
			fmt.Fprintf(&b, "  house-%d: {description: house %d}\n", i, i)
		}
		b.WriteString("concepts:\n  - id: harbour\n    zh: 港务\n    renderings:\n")
		for i := range n {
			fmt.Fprintf(&b, "      - {en: harbour matter %d, status: preferred, styles: [house-%d]}\n", i, i)
		}
		return [][]byte{[]byte(b.String())}
	}},
	{"forms of one rendering", func(n int) [][]byte {
		var b strings.Builder
		b.WriteString("concepts:\n  - id: harbour\n    zh: 港务\n    renderings:\n      - en: harbour affairs\n        forms:\n")
		for i := range n {
			fmt.Fprintf(&b, "          - harbour matter %d\n", i)
		}
		return [][]byte{[]byte(b.String())}
	}},
}

// loadFiles loads files as one glossary, failing tb on an error.
func loadFiles(tb testing.TB, files [][]byte) *glossary.Glossary {
	var inputs []glossary.Input
	for i, data := range files {
		inputs = append(inputs, glossary.Input{Name: fmt.Sprintf("many-%d.yaml", i), Data: data})
	}
	g, problems := glossary.Load(inputs, glossary.ValidateOptions{})
	if g == nil {
		tb.Fatal(problems)
	}
	return g
}

// TestLoadRenderingsIsLinear bounds the work of loading a concept with
// many renderings, or a rendering with many forms, by counting the keys
// compared to find duplicates and the allocations: twice as many may
// cost about twice as much, where comparing each with all before it cost
// four times.
func TestLoadRenderingsIsLinear(t *testing.T) {
	for _, shape := range renderingShapes {
		t.Run(shape.name, func(t *testing.T) {
			small, large := shape.files(5_000), shape.files(10_000)
			smallKeys := glossary.CountKeyComparisons(func() { loadFiles(t, small) })
			largeKeys := glossary.CountKeyComparisons(func() { loadFiles(t, large) })
			if largeKeys > 2*smallKeys+100 {
				t.Errorf("twice the renderings compared %d keys, %.1f times the %d of half as many; want about twice", largeKeys, float64(largeKeys)/float64(smallKeys), smallKeys)
			}
			smallAllocs := testing.AllocsPerRun(2, func() { loadFiles(t, small) })
			largeAllocs := testing.AllocsPerRun(2, func() { loadFiles(t, large) })
			if largeAllocs > 2.2*smallAllocs {
				t.Errorf("twice the renderings took %.0f allocations, %.1f times the %.0f of half as many; want about twice", largeAllocs, largeAllocs/smallAllocs, smallAllocs)
			}
		})
	}
}

// BenchmarkLoadRenderings doubles the renderings of one concept, in each
// of renderingShapes: parse, merge and validate, as every command loads a
// glossary. Time and memory per rendering must stay flat
// (go test -bench LoadRenderings -benchmem ./glossary/).
func BenchmarkLoadRenderings(b *testing.B) {
	for _, shape := range renderingShapes {
		for _, n := range []int{12_500, 25_000, 50_000, 100_000} {
			files := shape.files(n)
			b.Run(fmt.Sprintf("%s/n=%d", strings.ReplaceAll(shape.name, " ", "-"), n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					loadFiles(b, files)
				}
			})
		}
	}
}
