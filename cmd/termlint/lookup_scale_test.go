package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/fixture"
	"github.com/termlint/termlint/internal/iostreams"
)

// syntheticGlossary is the default glossary with n made-up concepts
// (bench/corpus), loaded once per n.
var syntheticGlossary = sync.OnceValues(func() (*glossary.Glossary, error) {
	def, problems := glossary.Load([]glossary.Input{termlint.DefaultInput()}, glossary.ValidateOptions{})
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("%v", problems)
	}
	data := corpus.Synthetic(100000, 1, def)
	g, problems := glossary.Load([]glossary.Input{termlint.DefaultInput(), {Name: "synthetic.yaml", Data: data}}, glossary.ValidateOptions{})
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("%v", problems)
	}
	return g, nil
})

// defaultGlossary is the embedded glossary, loaded once.
var defaultGlossary = sync.OnceValues(func() (*glossary.Glossary, error) {
	g, problems := glossary.Load([]glossary.Input{termlint.DefaultInput()}, glossary.ValidateOptions{})
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("%v", problems)
	}
	return g, nil
})

// lookupAllocated runs lookup of query over g and returns the bytes it
// allocated, the index included, and what it wrote to standard error.
func lookupAllocated(t *testing.T, g *glossary.Glossary, query string) (uint64, string) {
	ios, _, _, errOut := iostreams.Test()
	opts := &lookupOptions{IO: ios, Glossary: func() (*glossary.Glossary, error) { return g, nil }, Queries: []string{query}, Format: "json", Limit: 10}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := lookupRun(opts)
	runtime.ReadMemStats(&after)
	if e, ok := err.(*exitError); !ok || e.code != exitFound {
		t.Fatalf("lookup of %d characters: %v, want exit status %d", len(query), err, exitFound)
	}
	return after.TotalAlloc - before.TotalAlloc, errOut.String()
}

// TestLookupLongQueryIsCapped doubles a query that names nothing, past
// maxQueryRunes: approximate matching compares the query with every
// glossary value, so its work grew with the query's length (1,000
// characters over 100,000 concepts: 28 s). Past the cap it stays flat,
// and a notice says the query was cut.
func TestLookupLongQueryIsCapped(t *testing.T) {
	g, err := defaultGlossary()
	if err != nil {
		t.Fatal(err)
	}
	short, notice := lookupAllocated(t, g, fixture.ProseQuery(maxQueryRunes))
	if notice != "" {
		t.Errorf("a query of %d characters: notice %q, want none", maxQueryRunes, notice)
	}
	small, notice := lookupAllocated(t, g, fixture.ProseQuery(1000))
	if want := "query of 1000 characters: only its first 200 are looked up"; !strings.Contains(notice, want) {
		t.Errorf("notice %q, want it to say %q", notice, want)
	}
	large, _ := lookupAllocated(t, g, fixture.ProseQuery(2000))
	if float64(large) > 1.3*float64(small) || float64(small) > 1.3*float64(short) {
		t.Errorf("queries of %d, 1000 and 2000 characters allocated %d, %d and %d bytes; want the same past the cap", maxQueryRunes, short, small, large)
	}
}

// BenchmarkLookupQueryLength doubles the length of a query that matches
// nothing over the default glossary and 100,000 synthetic concepts
// (go test ./cmd/termlint -run '^$' -bench LookupQueryLength -benchmem).
func BenchmarkLookupQueryLength(b *testing.B) {
	g, err := syntheticGlossary()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{125, 250, 500, 1000, 2000} {
		q := fixture.ProseQuery(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				ios, _, _, _ := iostreams.Test()
				opts := &lookupOptions{IO: ios, Glossary: func() (*glossary.Glossary, error) { return g, nil }, Queries: []string{q}, Format: "text", Limit: 10}
				lookupRun(opts)
			}
		})
	}
}
