package glossary

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestBoundedDistanceIsExactWithinLimit compares the bounded edit
// distance with the full table on random strings over a small alphabet
// (so that matches, transpositions and near misses are common): within
// the limit it is the same number, beyond it limit+1.
func TestBoundedDistanceIsExactWithinLimit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcé周边")
	word := func(long int) string {
		r := make([]rune, rng.IntN(9))
		if long > 0 {
			// Around a machine word's 64 bits.
			r = make([]rune, 60+rng.IntN(8))
		}
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	var s editScratch
	for i := range 3300 {
		a, b := word(0), word(0)
		if i >= 3000 {
			a, b = word(1), word(1)
		}
		for _, free := range []bool{false, true} {
			want := refEditDistance([]rune(a), []rune(b), free)
			// Both with the table and bit-parallel.
			for _, q := range []queryKey{{runes: []rune(a)}, newQueryKey(a)} {
				for _, limit := range []int{0, 1, 2, 3, 4, 5, 6, 8, 10, 30, 70} {
					got := s.distance(q, b, utf8.RuneCountInString(b), free, limit)
					if exp := min(want, limit+1); got != exp {
						t.Fatalf("distance(%q, %q, free=%v, limit %d, bit-parallel %v) = %d, want %d", a, b, free, limit, q.bits != nil, got, exp)
					}
				}
			}
		}
	}
}
