package glossary_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
)

// unknownReferences writes n made-up concepts, each naming as related a
// concept that does not exist, one letter off its own id.
func unknownReferences(n int) []byte {
	var b strings.Builder
	b.WriteString("concepts:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: harbour-matter-%d\n    zh: 港务%d号\n    related: [harbour-mater-%d]\n    renderings: [{en: harbour matter %d}]\n", i, i, i, i)
	}
	return []byte(b.String())
}

// TestUnknownReferencesAreLinear bounds the work of validating a
// glossary full of references to unknown concepts by counting
// allocations: twice the concepts may cost about twice as many, where a
// "did you mean" for each reference, against every concept, cost four
// times. The first references still get one.
func TestUnknownReferencesAreLinear(t *testing.T) {
	validate := func(n int) (glossary.Problems, float64) {
		g, problems := glossary.Parse("refs.yaml", unknownReferences(n))
		if problems.Errors() > 0 {
			t.Fatal(problems)
		}
		allocs := testing.AllocsPerRun(1, func() { problems = glossary.Validate(g, glossary.ValidateOptions{}) })
		return problems, allocs
	}
	problems, small := validate(1_000)
	_, large := validate(2_000)
	if large > 2.2*small {
		t.Errorf("twice the unknown references took %.0f allocations, %.1f times the %.0f of half as many; want about twice", large, large/small, small)
	}
	if want := `concept "harbour-matter-0" names unknown related concept "harbour-mater-0" (did you mean "harbour-matter-0"?)`; len(problems) == 0 || problems[0].Message != want {
		t.Errorf("first problem %v, want %q", problems[0], want)
	}
}

// BenchmarkUnknownReferences doubles the concepts of a glossary each of
// which names an unknown concept: time and memory per concept must stay
// flat (go test -bench UnknownReferences -benchmem ./glossary/).
func BenchmarkUnknownReferences(b *testing.B) {
	for _, n := range []int{2_500, 5_000, 10_000, 20_000} {
		g, _ := glossary.Parse("refs.yaml", unknownReferences(n))
		b.Run(fmt.Sprintf("concepts=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				glossary.Validate(g, glossary.ValidateOptions{})
			}
		})
	}
}
