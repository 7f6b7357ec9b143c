package glossary_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
)

// curatedConcepts writes n made-up concepts in the shape the strict gates
// and the stats read: a source for every four concepts, dated over 25
// years; two renderings per concept, each seen twice (once with a date of
// its own); every seventh concept without an official rendering, half of
// those saying why in their notes and half not, and every third
// rendering seen in an undated source only.
func curatedConcepts(n int) []byte {
	var b strings.Builder
	b.WriteString("sources:\n  undated-reference: {title: An undated page, kind: reference}\n")
	sources := max(n/4, 1)
	for i := range sources {
		fmt.Fprintf(&b, "  harbour-%d-notice: {title: Harbour notice %d, kind: official, date: %d-03}\n", i, i, 2000+i%25)
	}
	b.WriteString("styles:\n  official: {description: the official style}\n  literal: {description: a literal style}\nconcepts:\n")
	for i := range n {
		style, notes := "official", ""
		if i%7 == 0 {
			style = "literal"
			if i%2 == 0 {
				notes = "\n    notes: No official English is attested."
			}
		}
		src := fmt.Sprintf("harbour-%d-notice", i%sources)
		second := fmt.Sprintf("{source: %s, date: %d-06}", src, 2000+i%25)
		if i%3 == 0 {
			second = "{source: undated-reference}"
		}
		fmt.Fprintf(&b, "  - id: port-%d\n    zh: 港口%d号%s\n    renderings:\n", i, i, notes)
		fmt.Fprintf(&b, "      - {en: port number %d, status: preferred, styles: [%s], seen: [{source: %s}, {source: %s, date: %d-01}]}\n", i, style, src, src, 2001+i%25)
		fmt.Fprintf(&b, "      - {en: harbour number %d, seen: [%s, {source: undated-reference}]}\n", i, second)
	}
	return []byte(b.String())
}

// loadCurated loads curatedConcepts(n) without validating it.
func loadCurated(tb testing.TB, n int) *glossary.Glossary {
	tb.Helper()
	g, problems := glossary.Load([]glossary.Input{{Name: "curated.yaml", Data: curatedConcepts(n)}}, glossary.ValidateOptions{})
	if g == nil || problems.Errors() > 0 {
		tb.Fatalf("the curated glossary does not load: %v", problems)
	}
	return g
}

// TestStrictGatesAndStatsAreLinear doubles the concepts (and sources and
// seen entries with them) and bounds the work of validate --strict's
// gates and of glossary stats by counting allocations, not time.
func TestStrictGatesAndStatsAreLinear(t *testing.T) {
	small, large := loadCurated(t, 2_000), loadCurated(t, 4_000)
	strict := glossary.ValidateOptions{Strict: true}
	if n := len(glossary.Validate(small, strict)); n == 0 {
		t.Fatal("the strict gates found nothing to report; the test would measure nothing")
	}
	for _, work := range []struct {
		name string
		run  func(g *glossary.Glossary)
	}{
		{"Validate (strict)", func(g *glossary.Glossary) { glossary.Validate(g, strict) }},
		{"Summarize", func(g *glossary.Glossary) { glossary.Summarize(g) }},
	} {
		smallAllocs := testing.AllocsPerRun(2, func() { work.run(small) })
		largeAllocs := testing.AllocsPerRun(2, func() { work.run(large) })
		if largeAllocs > 2.2*smallAllocs {
			t.Errorf("%s: twice the concepts took %.0f allocations, %.1f times the %.0f of half as many; want about twice", work.name, largeAllocs, largeAllocs/smallAllocs, smallAllocs)
		}
	}
}

// BenchmarkStrictGates doubles the concepts of a curated glossary: time
// and memory per concept of validate --strict and of stats must stay
// flat (go test -bench StrictGates -benchmem ./glossary/).
func BenchmarkStrictGates(b *testing.B) {
	for _, n := range []int{12_500, 25_000, 50_000, 100_000} {
		g := loadCurated(b, n)
		// validate without the gates, to show what they add.
		for _, strict := range []bool{false, true} {
			name := "validate"
			if strict {
				name = "validate-strict"
			}
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					glossary.Validate(g, glossary.ValidateOptions{Strict: strict})
				}
			})
		}
		b.Run(fmt.Sprintf("stats/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				glossary.Summarize(g)
			}
		})
	}
}
