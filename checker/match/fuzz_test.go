package match

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fuzzPatterns are always compiled, besides the patterns a fuzz input adds,
// so that inputs can reach commas, acronyms, marks, Han and nesting.
var fuzzPatterns = []string{
	"neighboring countries", "work related to neighboring countries",
	"Central Conference on Work Related to Neighboring Countries",
	"amity, sincerity, mutual benefit and inclusiveness", "BRI", "B&R", "bri",
	"people-to-people exchanges", "U.S. dollar", "zhoubian (周边)", "country's", "a", "a a",
	"Ｃａｆé", "community of common destiny", "Communities of Common Destiny",
}

func FuzzFind(f *testing.F) {
	for _, tt := range findTests {
		f.Add(strings.Join(tt.patterns, "\n"), []byte(tt.text))
	}
	f.Add("", []byte("a a a a, a. a-a ’a’ B&R’s BRIs amity, sincerity, mutual benefit, and inclusiveness"))
	f.Add("x,\ny, and", []byte("x, and y, and x,, and"))
	f.Fuzz(func(t *testing.T, patterns string, text []byte) {
		ps := append(slices.Clone(fuzzPatterns), strings.Split(patterns, "\n")...)
		if len(ps) > 64 {
			ps = ps[:64]
		}
		m := compile(ps...)
		got := m.Find(text)
		checkMatches(t, text, got, 0, len(text), false)
		if again := m.Find(text); !reflect.DeepEqual(got, again) {
			t.Fatalf("Find is not deterministic: %v, then %v", got, again)
		}
		if want := naiveFind(m, ps, text); fmt.Sprint(sortedIDs(got)) != fmt.Sprint(want) {
			t.Fatalf("Find = %v, the naive search finds %v", got, want)
		}
		// A match is found alone as it is in context.
		for _, mt := range got {
			alone := m.Find(text[mt.Start:mt.End])
			if want := []Match{shift(mt, -mt.Start)}; fmt.Sprint(alone) != fmt.Sprint(want) {
				t.Fatalf("match %q: Find finds %v alone, %v in context", text[mt.Start:mt.End], alone, want)
			}
		}
	})
}

// checkMatches checks that ms lie in [lo, hi), ordered and not overlapping,
// each with IDs and with nested matches strictly inside it.
func checkMatches(t *testing.T, text []byte, ms []Match, lo, hi int, nested bool) {
	t.Helper()
	prev := lo
	for _, m := range ms {
		if m.Start < prev || m.Start >= m.End || m.End > hi {
			t.Fatalf("match [%d:%d] out of order or range [%d:%d] (after %d) in %q", m.Start, m.End, lo, hi, prev, text)
		}
		if nested && m.End-m.Start >= hi-lo {
			t.Fatalf("nested match [%d:%d] is not shorter than its parent [%d:%d]", m.Start, m.End, lo, hi)
		}
		if len(m.IDs) == 0 {
			t.Fatalf("match [%d:%d] has no IDs", m.Start, m.End)
		}
		checkMatches(t, text, m.Nested, m.Start, m.End, true)
		prev = m.End
	}
}

func shift(m Match, d int) Match {
	m.Start += d
	m.End += d
	if m.Nested != nil {
		nested := make([]Match, len(m.Nested))
		for i, n := range m.Nested {
			nested[i] = shift(n, d)
		}
		m.Nested = nested
	}
	return m
}

// naiveFind is Find without the trie: it tokenizes text and patterns with
// m's scanner and tries every pattern at every token.
func naiveFind(m *Matcher, patterns []string, text []byte) []Match {
	type pat struct {
		syms []int32
		caps []bool
		id   int
	}
	var pats []pat
	maxLen := 0
	var sc scanner
	var t token
	for i, p := range patterns {
		var x pat
		words := false
		sc.reset([]byte(p), m, false)
		for sc.next(&t) {
			x.syms = append(x.syms, t.sym)
			x.caps = append(x.caps, t.caps && t.word)
			words = words || t.word
		}
		if words {
			x.id = i + 1
			pats = append(pats, x)
			maxLen = max(maxLen, len(x.syms))
		}
	}
	var toks []token
	sc.reset(text, m, false)
	for sc.next(&t) {
		toks = append(toks, t)
	}
	// at returns the IDs of the patterns covering exactly toks[i:j].
	at := func(i, j int) []int {
		var ids []int
		for _, p := range pats {
			if len(p.syms) != j-i {
				continue
			}
			ok := true
			for k, s := range p.syms {
				tk := toks[i+k]
				if tk.sym == 0 || tk.sym != s || p.caps[k] && !tk.caps {
					ok = false
					break
				}
			}
			if ok && !slices.Contains(ids, p.id) {
				ids = append(ids, p.id)
			}
		}
		slices.Sort(ids)
		return ids
	}
	var find func(lo, hi int, nested bool) []Match
	find = func(lo, hi int, nested bool) []Match {
		var ms []Match
		for i := lo; i < hi; {
			found := false
			for j := min(hi, i+maxLen); j > i && !found; j-- {
				if nested && i == lo && j == hi {
					continue
				}
				if ids := at(i, j); ids != nil {
					ms = append(ms, Match{Start: toks[i].start, End: toks[j-1].end, IDs: ids, Nested: find(i, j, true)})
					i, found = j, true
				}
			}
			if !found {
				i++
			}
		}
		return ms
	}
	return find(0, len(toks), false)
}

// sortedIDs returns a copy of ms with every IDs sorted: Find reports IDs
// key by key, naiveFind in order.
func sortedIDs(ms []Match) []Match {
	var out []Match
	for _, m := range ms {
		m.IDs = slices.Sorted(slices.Values(m.IDs))
		m.Nested = sortedIDs(m.Nested)
		out = append(out, m)
	}
	return out
}

// TestFindAgreesWithNaiveSearch runs the fuzz properties over random texts
// made from the fuzz patterns' words, which meet many patterns at once.
func TestFindAgreesWithNaiveSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var words []string
	for _, p := range fuzzPatterns {
		words = append(words, strings.Fields(p)...)
	}
	words = append(words, ",", ".", "and", "—", "\n", "周", "A", "’s", "*")
	m := compile(fuzzPatterns...)
	for range 2000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		text := []byte(b.String())
		got := m.Find(text)
		checkMatches(t, text, got, 0, len(text), false)
		if want := naiveFind(m, fuzzPatterns, text); fmt.Sprint(sortedIDs(got)) != fmt.Sprint(want) {
			t.Fatalf("Find(%q) = %v, the naive search finds %v", text, got, want)
		}
	}
}
