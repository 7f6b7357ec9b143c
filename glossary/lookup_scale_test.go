package glossary_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/fixture"
	"github.com/termlint/termlint/internal/textnorm"
)

// describe writes a lookup result with everything a user sees of it.
func describe(r glossary.Result) string {
	var b strings.Builder
	for _, list := range [][]glossary.Match{r.Matches, r.Nearest} {
		for _, m := range list {
			fmt.Fprintf(&b, "%s:%s:%s:%q:%d ", m.Kind, m.Concept.ID, m.Field, m.Text, m.Distance)
		}
		b.WriteString("| ")
	}
	return b.String()
}

// typos returns s with one rune substituted, two swapped, one dropped,
// one doubled, and cut short, at places rng picks.
func typos(rng *rand.Rand, s string) []string {
	r := []rune(s)
	if len(r) < 2 {
		return nil
	}
	edit := func(f func(r []rune, i int) []rune) string {
		c := append([]rune(nil), r...)
		return string(f(c, rng.IntN(len(c)-1)))
	}
	return []string{
		edit(func(r []rune, i int) []rune { r[i] = 'x'; return r }),
		edit(func(r []rune, i int) []rune { r[i], r[i+1] = r[i+1], r[i]; return r }),
		edit(func(r []rune, i int) []rune { return append(r[:i], r[i+1:]...) }),
		edit(func(r []rune, i int) []rune { return append(r[:i+1], r[i:]...) }),
		edit(func(r []rune, i int) []rune { return r[:i+1] }),
	}
}

// TestLookupFindsWhatTheUnboundedSearchFinds looks up values of the
// default glossary and of 1,000 synthetic concepts, typos of them, words
// nothing holds and long prose, and compares every match and suggestion
// (kind, concept, field, text, distance, order) with the lookup as it was
// before its search was bounded and its index built lazily.
func TestLookupFindsWhatTheUnboundedSearchFinds(t *testing.T) {
	g := lookupGlossary(t, 1000)
	idx, reference := glossary.NewIndex(g), glossary.ReferenceLookup(g)
	rng := rand.New(rand.NewPCG(3, 4))
	queries := []string{"xqzvkw", "q", "zz", "周", "国际", fixture.ProseQuery(40), fixture.ProseQuery(200), "zhoubain", "periferry", "shared futur", "周边工做"}
	// About fifty concepts, however large the default glossary grows, and
	// ten under the race detector: the unbounded search the answers are
	// compared with is slow by design.
	step := max(11, len(g.Concepts)/50)
	if raceEnabled {
		step = len(g.Concepts) / 10
	}
	for i := 0; i < len(g.Concepts); i += step {
		c := g.Concepts[i]
		values := []string{c.ZH, c.Pinyin, c.ID}
		for _, r := range c.Renderings {
			values = append(values, r.EN)
		}
		for _, v := range values {
			queries = append(queries, v)
			queries = append(queries, typos(rng, v)...)
		}
	}
	for _, q := range queries {
		got, want := describe(idx.Lookup(q)), describe(reference(q))
		if got != want {
			t.Errorf("lookup %q:\n got %s\nwant %s", q, got, want)
		}
	}
	t.Logf("%d queries", len(queries))
}

// lookupWork is the values compared plus edit distance cells computed by
// a lookup of each query, over the default glossary and n synthetic
// concepts, and by the unbounded lookup it replaced.
func lookupWork(t *testing.T, n int, query string) (work, before int) {
	g := lookupGlossary(t, n)
	_, work = glossary.LookupWork(glossary.NewIndex(g), query)
	_, before = glossary.ReferenceLookupWork(g, query)
	return work, before
}

// TestLookupWorkDoesNotGrowWithQueryLength doubles a query that matches
// nothing from lookup's cap of 200 characters (which the command applies)
// on, and counts the work. Every value was compared with the whole query in a full edit
// distance table, so the work doubled with the query (1,000 characters
// over 100,000 concepts: 28 s). Now a value far shorter or longer than
// the query is skipped by its length alone, and the work stays flat.
func TestLookupWorkDoesNotGrowWithQueryLength(t *testing.T) {
	const concepts = 2000
	var prev int
	for _, n := range []int{200, 400, 800, 1600} {
		work, before := lookupWork(t, concepts, fixture.ProseQuery(n))
		t.Logf("query of %d characters: work %d (unbounded: %d)", n, work, before)
		if work > before/10 {
			t.Errorf("query of %d characters: work %d, want under a tenth of the unbounded search's %d", n, work, before)
		}
		if prev > 0 && float64(work) > 1.2*float64(prev) {
			t.Errorf("query of %d characters: work %d, up from %d at half the length; want it flat", n, work, prev)
		}
		prev = work
	}
}

// TestLookupWorkIsLinearInGlossarySize doubles the synthetic glossary
// under each kind of query and counts the work: at most twice as much
// (plus a little) per doubling.
func TestLookupWorkIsLinearInGlossarySize(t *testing.T) {
	for _, q := range lookupQueries {
		var prev int
		for _, n := range []int{1000, 2000, 4000} {
			work, _ := lookupWork(t, n, q.query)
			t.Logf("%s over %d concepts: work %d", q.name, n, work)
			if prev > 0 && float64(work) > 2.2*float64(prev) {
				t.Errorf("%s over %d concepts: work %d, more than twice the %d over half as many", q.name, n, work, prev)
			}
			prev = work
		}
	}
}

// TestPinyinKeyIsTextnormPinyin checks the index's pinyin fold against
// textnorm.Pinyin on every pinyin of the default glossary and 1,000
// synthetic concepts, and on spellings it must hand over or fold alike.
func TestPinyinKeyIsTextnormPinyin(t *testing.T) {
	inputs := []string{"", "Zhōubiān Gōngzuò", "zhou1bian1 gong1zuo4", "lǜsè", "LÜSE", "lvse", "nǚ'ér", "Xi'an", "ń", "ê", "ｚｈｏｕ", "K", "ǹg", "x-y z"}
	for _, c := range lookupGlossary(t, 1000).Concepts {
		inputs = append(inputs, c.Pinyin)
	}
	for _, s := range inputs {
		if got, want := glossary.PinyinKey(s), textnorm.Pinyin(s); got != want {
			t.Errorf("pinyin key of %q = %q, textnorm.Pinyin %q", s, got, want)
		}
	}
}
