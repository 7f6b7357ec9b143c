package textnorm

import (
	"strings"
	"testing"
)

// benchProse is prose in the register termlint checks, written for this
// benchmark: about one word in five ends in s, as in policy English.
const benchProse = `The two countries agreed that the analyses of regional crises
should inform their policies, and that neighbouring states' processes of
consultation would be strengthened. Officials said progress on connectivity,
trade and people-to-people exchanges was steady, while critics noted that the
criteria for new projects remain vague. The Committee's report lists a series
of measures, including information sharing, joint exercises and the
modernisation of customs facilities at border crossings.`

// BenchmarkAppendWord folds every word of benchProse, as the matcher folds
// each word it has not cached.
func BenchmarkAppendWord(b *testing.B) {
	var words [][]byte
	for _, w := range strings.FieldsFunc(benchProse, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\'')
	}) {
		words = append(words, []byte(w))
	}
	dst := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			dst = AppendWord(dst[:0], w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
