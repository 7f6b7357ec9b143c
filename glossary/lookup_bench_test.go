package glossary_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/fixture"
)

// lookupGlossaries are the default glossary with n synthetic concepts
// added (bench/corpus), loaded once per n.
var lookupGlossaries sync.Map // int -> *glossary.Glossary

func lookupGlossary(tb testing.TB, n int) *glossary.Glossary {
	tb.Helper()
	if g, ok := lookupGlossaries.Load(n); ok {
		return g.(*glossary.Glossary)
	}
	def, problems := termlint.LoadDefault()
	if def == nil {
		tb.Fatal(problems)
	}
	inputs := []glossary.Input{termlint.DefaultInput()}
	if n > 0 {
		inputs = append(inputs, glossary.Input{Name: "synthetic.yaml", Data: corpus.Synthetic(n, 1, def)})
	}
	g, problems := glossary.Load(inputs, glossary.ValidateOptions{})
	if g == nil {
		tb.Fatal(problems)
	}
	lookupGlossaries.Store(n, g)
	return g
}

// lookupQueries are the kinds of query a translator asks: a rendering, a
// typo of one (fuzzy), a Chinese term, a word nothing holds (nearest) and
// a query as long as lookup's cap of 200 characters.
var lookupQueries = []struct{ name, query string }{
	{"english", "periphery"},
	{"typo", "periferry"},
	{"chinese", "周边"},
	{"nomatch", "xqzvkw"},
	{"long", fixture.ProseQuery(200)},
}

// BenchmarkNewIndex doubles the glossary that lookup indexes, and looks
// an English word up in it, which folds every value the index holds
// (go test ./glossary -run '^$' -bench NewIndex -benchmem).
func BenchmarkNewIndex(b *testing.B) {
	for _, n := range []int{0, 12500, 25000, 50000, 100000} {
		g := lookupGlossary(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				glossary.NewIndex(g).Lookup("periphery")
			}
		})
	}
}

// BenchmarkLookupGlossarySize doubles the glossary and looks each kind of
// query up in it, the index built once
// (go test ./glossary -run '^$' -bench LookupGlossarySize -benchmem).
func BenchmarkLookupGlossarySize(b *testing.B) {
	for _, n := range []int{0, 12500, 25000, 50000, 100000} {
		idx := glossary.NewIndex(lookupGlossary(b, n))
		idx.Lookup("periphery") // folds the index, which BenchmarkNewIndex measures
		for _, q := range lookupQueries {
			b.Run(fmt.Sprintf("%d/%s", n, q.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					idx.Lookup(q.query)
				}
			})
		}
	}
}

// BenchmarkLookupQueryLength doubles a query that matches nothing over
// the default glossary and 100,000 synthetic concepts
// (go test ./glossary -run '^$' -bench LookupQueryLength -benchmem).
func BenchmarkLookupQueryLength(b *testing.B) {
	idx := glossary.NewIndex(lookupGlossary(b, 100000))
	idx.Lookup("periphery")
	for _, n := range []int{25, 50, 100, 200, 400} {
		q := fixture.ProseQuery(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				idx.Lookup(q)
			}
		})
	}
}
