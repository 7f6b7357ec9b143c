package glossary_test

import (
	"fmt"
	"strings"
	"testing"
)

// manyConcepts writes n made-up concepts, each with two renderings, a
// family, a part and a related concept naming the one before it, so that
// every link a loader resolves grows with n.
func manyConcepts(n int) []byte {
	var b strings.Builder
	b.WriteString("concepts:\n  - id: port-0\n    zh: 港口零\n    renderings: [{en: port zero, status: preferred}]\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  - id: port-%d\n    zh: 港口%d号\n    family: port-0\n    parts: [port-%d]\n    related: [port-%d]\n", i, i, i-1, i-1)
		fmt.Fprintf(&b, "    renderings:\n      - {en: port number %d, status: preferred}\n      - {en: harbour number %d}\n", i, i)
	}
	return []byte(b.String())
}

// TestLoadConceptsIsLinear doubles the glossary's concepts and bounds the
// work of loading them (parse, merge, validate, resolve links) by counting
// allocations, not time.
func TestLoadConceptsIsLinear(t *testing.T) {
	small, large := [][]byte{manyConcepts(2_000)}, [][]byte{manyConcepts(4_000)}
	smallAllocs := testing.AllocsPerRun(2, func() { loadFiles(t, small) })
	largeAllocs := testing.AllocsPerRun(2, func() { loadFiles(t, large) })
	if largeAllocs > 2.2*smallAllocs {
		t.Errorf("twice the concepts took %.0f allocations, %.1f times the %.0f of half as many; want about twice", largeAllocs, largeAllocs/smallAllocs, smallAllocs)
	}
}

// BenchmarkLoadConcepts doubles the concepts: time and memory per concept
// must stay flat (go test -bench LoadConcepts -benchmem ./glossary/).
func BenchmarkLoadConcepts(b *testing.B) {
	for _, n := range []int{12_500, 25_000, 50_000, 100_000} {
		files := [][]byte{manyConcepts(n)}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				loadFiles(b, files)
			}
		})
	}
}
