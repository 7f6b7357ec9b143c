package suggest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// parallelLengths makes the sentence lengths of a translated text of n
// Chinese sentences: each English sentence about three times as long as
// its Chinese, give or take a fifth, with one Chinese sentence in eight
// translated as two and one pair in eight joined into one.
func parallelLengths(seed uint64, n int) (zh, en []int) {
	r := rand.New(rand.NewPCG(seed, 7))
	for len(zh) < n {
		l := 8 + r.IntN(60)
		e := int(float64(l) * 3 * (0.8 + 0.4*r.Float64()))
		switch r.IntN(8) {
		case 0: // one Chinese sentence, two English ones
			zh, en = append(zh, l), append(en, e/3, e-e/3)
		case 1: // two Chinese sentences, one English one
			l2 := 8 + r.IntN(60)
			zh, en = append(zh, l, l2), append(en, e+l2*3)
		default:
			zh, en = append(zh, l), append(en, e)
		}
	}
	return zh, en
}

// TestBandedAlignmentMatchesFullTable: on texts of hundreds of
// sentences, where the band is narrower than the table, the banded
// alignment finds the beads the full table finds.
func TestBandedAlignmentMatchesFullTable(t *testing.T) {
	for seed := range uint64(12) {
		zh, en := parallelLengths(seed, 100+int(seed)*20)
		if seed%3 == 2 { // a run of English sentences with no Chinese
			en = slices.Insert(en, len(en)/2, 40, 55, 61, 38, 70, 44)
		}
		got, want := alignSentences(zh, en), alignFullTable(zh, en)
		if !slices.Equal(got, want) {
			t.Errorf("seed %d (%d and %d sentences): banded alignment differs from the full table's:\n got %v\nwant %v", seed, len(zh), len(en), got, want)
		}
	}
}

// TestAlignSentencesIsLinear doubles the sentences of both sides and
// counts the bytes the alignment allocates, its table mostly: a full
// table grows four times, 4 GB for 16,000 sentences a side.
func TestAlignSentencesIsLinear(t *testing.T) {
	allocated := func(n int) uint64 {
		zh, en := parallelLengths(1, n)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if beads := alignSentences(zh, en); len(beads) < n/2 {
			t.Fatalf("%d beads for %d sentences", len(beads), n)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(2000), allocated(4000)
	if float64(large) > 2.5*float64(small) {
		t.Errorf("twice the sentences allocated %d bytes, %.1f times the %d of half as many; want about 2", large, float64(large)/float64(small), small)
	}
}

// BenchmarkAlignSentences doubles the sentences of both sides: time and
// memory per sentence must stay flat
// (go test -bench AlignSentences -benchmem ./checker/suggest/).
func BenchmarkAlignSentences(b *testing.B) {
	for _, n := range []int{2000, 4000, 8000, 16000} {
		zh, en := parallelLengths(1, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				alignSentences(zh, en)
			}
		})
	}
}

// alignFullTable is alignSentences as it was, over the whole table: the
// reference the band must agree with.
func alignFullTable(zh, en []int) []bead {
	total := func(ls []int) (n int) {
		for _, l := range ls {
			n += l
		}
		return n
	}
	tz, te := total(zh), total(en)
	if tz == 0 || te == 0 {
		return []bead{{[2]int{0, len(zh)}, [2]int{0, len(en)}}}
	}
	ratio := float64(te) / float64(tz)
	// Gale and Church's variance is 6.8 characters per character of
	// source for languages with a ratio of one; it grows with the ratio.
	variance := 6.8 * ratio
	lengthCost := func(lz, le int) float64 {
		mean := (float64(lz) + float64(le)/ratio) / 2
		if mean == 0 {
			return 0
		}
		delta := (float64(le) - float64(lz)*ratio) / math.Sqrt(mean*variance)
		p := math.Erfc(math.Abs(delta) / math.Sqrt2) // two-tailed
		return -math.Log(max(p, 1e-300))
	}
	inf := math.Inf(1)
	nz, ne := len(zh), len(en)
	cost := make([][]float64, nz+1)
	from := make([][]int, nz+1)
	for i := range cost {
		cost[i] = slices.Repeat([]float64{inf}, ne+1)
		from[i] = make([]int, ne+1)
	}
	cost[0][0] = 0
	for i := 0; i <= nz; i++ {
		for j := 0; j <= ne; j++ {
			if i == 0 && j == 0 {
				continue
			}
			for k, b := range beadKinds {
				pi, pj := i-b.zh, j-b.en
				if pi < 0 || pj < 0 || math.IsInf(cost[pi][pj], 1) {
					continue
				}
				c := cost[pi][pj] + b.cost + lengthCost(total(zh[pi:i]), total(en[pj:j]))
				if c < cost[i][j] {
					cost[i][j], from[i][j] = c, k
				}
			}
		}
	}
	var beads []bead
	for i, j := nz, ne; i > 0 || j > 0; {
		b := beadKinds[from[i][j]]
		beads = append(beads, bead{[2]int{i - b.zh, i}, [2]int{j - b.en, j}})
		i, j = i-b.zh, j-b.en
	}
	slices.Reverse(beads)
	// A sentence left without a translation (1-0, 0-1) joins the bead
	// before it, or after it at the start: it is evidence all the same.
	var out []bead
	for _, b := range beads {
		empty := b.zh[0] == b.zh[1] || b.en[0] == b.en[1]
		switch {
		case empty && len(out) > 0:
			last := &out[len(out)-1]
			last.zh[1], last.en[1] = b.zh[1], b.en[1]
		case len(out) > 0 && (out[len(out)-1].zh[0] == out[len(out)-1].zh[1] || out[len(out)-1].en[0] == out[len(out)-1].en[1]):
			last := &out[len(out)-1]
			last.zh[1], last.en[1] = b.zh[1], b.en[1]
		default:
			out = append(out, b)
		}
	}
	return out
}
