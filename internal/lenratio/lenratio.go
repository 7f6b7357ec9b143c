// Package lenratio finds the pairs of a bilingual file whose two sides'
// lengths are out of all proportion with the file's other pairs: the
// telltale of a pair whose English is not the translation of its Chinese
// (a file shifted by a paragraph, a row merged with the next). The
// misaligned rule and suggest both ask it.
//
// Each pair is measured by the log of its English length over its Chinese
// length (the log, because a side twice as long and one half as long are
// equally wrong), and compared with the file's own: a pair more than
// three interquartile ranges from the median (Tukey's far-out fence) is
// out of proportion.
package lenratio

import (
	"math"
	"slices"
)

// MinPairs is the fewest measured pairs a file needs before its quartiles
// say anything about one of them.
const MinPairs = 8

// spread is how many interquartile ranges from the median the fence
// stands; minLimit is the nearest it stands (a factor of about e), so
// that a file of very even pairs does not call a free translation, twice
// as long as most, out of proportion.
const (
	spread   = 3.0
	minLimit = 1.0
)

// Log returns the log of en over zh, or false when either is zero.
func Log(en, zh int) (float64, bool) {
	if en == 0 || zh == 0 {
		return 0, false
	}
	return math.Log(float64(en) / float64(zh)), true
}

// Fence returns the median of a file's log ratios and how far from it a
// ratio may lie, or false when there are fewer than MinPairs. It sorts a
// copy, leaving logRatios as they are.
func Fence(logRatios []float64) (median, limit float64, ok bool) {
	if len(logRatios) < MinPairs {
		return 0, 0, false
	}
	sorted := slices.Sorted(slices.Values(logRatios))
	q1, q3 := quantile(sorted, 0.25), quantile(sorted, 0.75)
	return quantile(sorted, 0.5), max(spread*(q3-q1), minLimit), true
}

// quantile is the q-quantile of sorted values, interpolated linearly
// between the two nearest.
func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (pos-float64(i))*(sorted[i+1]-sorted[i])
}
