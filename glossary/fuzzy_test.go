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
	word := func() string {
		r := make([]rune, rng.IntN(9))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	var s editScratch
	for range 3000 {
		a, b := word(), word()
		for _, free := range []bool{false, true} {
			want := refEditDistance([]rune(a), []rune(b), free)
			for limit := 0; limit <= 10; limit++ {
				got := s.distance([]rune(a), b, utf8.RuneCountInString(b), free, limit)
				if exp := min(want, limit+1); got != exp {
					t.Fatalf("distance(%q, %q, free=%v, limit %d) = %d, want %d", a, b, free, limit, got, exp)
				}
			}
		}
	}
}
