package glossary

import "unicode/utf8"

// Edit distances for fuzzy lookup and "did you mean" messages. Written here
// rather than taken from a library because lookup needs the substring form
// (Sellers' algorithm: the query against the best-matching part of a
// rendering), which the common Levenshtein packages do not offer.
//
// Both count an adjacent transposition as one edit (optimal string
// alignment), since "zhoubain" for "zhoubian" is one slip of the fingers.
//
// Lookup compares the query with every glossary value, so each comparison
// is bounded: it is only asked whether the distance is within a limit. A
// value whose length alone puts it beyond the limit is not compared. A
// query of up to 64 runes is compared bit-parallel (Myers' algorithm with
// Hyyrö's transpositions): one step of a few word operations per rune of
// the value. A longer one fills a table, stopping as soon as the limit is
// out of reach, and with a whole-value distance only a band of 2×limit+1
// cells per row.

// levenshtein is the edit distance between a and b, counted in runes.
// Lookup's substring form ("shared futur" is 0 from "community with a
// shared future") is editScratch.distance with free set.
func levenshtein(a, b string) int {
	var s editScratch
	return s.distance(queryKey{runes: []rune(a)}, b, utf8.RuneCountInString(b), false, len(a)+len(b))
}

// editScratch holds the rows of the alignment table and the runes of the
// value being compared, reused from one comparison to the next so that a
// lookup allocates them once, not once per glossary value.
type editScratch struct {
	text              []rune
	before, prev, cur []int
	// cells counts the table cells computed, to bound a lookup's work in
	// tests.
	cells int
}

// queryKey is a query to compare with many values: its runes, and its
// bit masks if it has at most 64.
type queryKey struct {
	runes []rune
	bits  *bitPattern
}

func newQueryKey(s string) queryKey {
	runes := []rune(s)
	return queryKey{runes: runes, bits: newBitPattern(runes)}
}

// distance aligns q against text, which has textRunes runes, and
// returns the edit distance if it is at most limit, or limit+1 if it is
// more. With free set, skipping a prefix and a suffix of text costs
// nothing: the distance is to the best-matching substring of text.
func (s *editScratch) distance(q queryKey, text string, textRunes int, free bool, limit int) int {
	query := q.runes
	over := limit + 1
	n, m := len(query), textRunes
	// Each rune of query that text lacks costs an edit, and with whole
	// values so does each rune of text that query lacks.
	if free && m < n-limit || !free && (n-m > limit || m-n > limit) {
		return over
	}
	if q.bits != nil {
		return min(q.bits.distance(text, free, &s.cells), over)
	}
	s.text = s.text[:0]
	for _, r := range text {
		s.text = append(s.text, r)
	}
	t := s.text
	if cap(s.cur) < m+1 {
		s.before, s.prev, s.cur = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	// Rows i-2, i-1 and i of the alignment table.
	before, prev, cur := s.before[:m+1], s.prev[:m+1], s.cur[:m+1]
	for j := range prev {
		prev[j] = 0
		if !free {
			prev[j] = j
		}
	}
	prevMin := 0
	for i := 1; i <= n; i++ {
		// Whole values: a cell more than limit off the diagonal is more
		// than limit edits, so only the band around it is computed and
		// its edges read as over.
		lo, hi := 1, m
		if !free {
			lo, hi = max(1, i-limit), min(m, i+limit)
		}
		if lo == 1 {
			cur[0] = i
		} else {
			cur[lo-1] = over
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if query[i-1] == t[j-1] {
				cost = 0
			}
			d := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && query[i-1] == t[j-2] && query[i-2] == t[j-1] {
				d = min(d, before[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if hi < m {
			cur[hi+1] = over
		}
		s.cells += hi - lo + 1
		// A cell is at least the least of the row above and one more
		// than the row above that, so two rows over the limit mean every
		// later row is too.
		if rowMin > limit && prevMin > limit {
			return over
		}
		prevMin = rowMin
		before, prev, cur = prev, cur, before
	}
	best := prev[m]
	if free {
		for _, d := range prev {
			best = min(best, d)
		}
	}
	return min(best, over)
}

// bitPattern is a query of at most 64 runes as bit masks: bit i of
// mask(r) is set when the query's i-th rune is r.
type bitPattern struct {
	query []rune
	ascii [128]uint64
	other map[rune]uint64
}

// newBitPattern returns query's masks, or nil if it is too long for a
// machine word or empty.
func newBitPattern(query []rune) *bitPattern {
	if len(query) == 0 || len(query) > 64 {
		return nil
	}
	p := &bitPattern{query: query}
	for i, r := range query {
		if r < 128 {
			p.ascii[r] |= 1 << i
			continue
		}
		if p.other == nil {
			p.other = map[rune]uint64{}
		}
		p.other[r] |= 1 << i
	}
	return p
}

func (p *bitPattern) mask(r rune) uint64 {
	if r < 128 {
		return p.ascii[r]
	}
	return p.other[r]
}

// distance is the optimal string alignment distance between the query
// and text, or with free set between the query and text's best-matching
// substring. It keeps one column of the alignment table as vertical
// differences (Hyyrö, "A bit-vector algorithm for computing Levenshtein
// and Damerau edit distances", 2003) and adds a step per rune to cells.
func (p *bitPattern) distance(text string, free bool, cells *int) int {
	n := len(p.query)
	last := uint64(1) << (n - 1)
	vp, vn, d0, prevEq := ^uint64(0), uint64(0), uint64(0), uint64(0)
	// score is the bottom cell of the current column: the distance from
	// the whole query to the text read so far (or, free, to its best
	// suffix).
	score, best := n, n
	for _, r := range text {
		*cells++
		eq := p.mask(r)
		transposed := ((^d0 & eq) << 1) & prevEq
		d0 = (((eq & vp) + vp) ^ vp) | eq | vn | transposed
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		switch {
		case hp&last != 0:
			score++
		case hn&last != 0:
			score--
		}
		// The top row is 0, 1, 2 … for a whole value, 0 throughout for a
		// substring.
		x := hp << 1
		if !free {
			x |= 1
		}
		vn = x & d0
		vp = (hn << 1) | ^(x | d0)
		prevEq = eq
		best = min(best, score)
	}
	if free {
		return best
	}
	return score
}
