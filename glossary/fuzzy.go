package glossary

// Edit distances for fuzzy lookup and "did you mean" messages. Written here
// rather than taken from a library because lookup needs the substring form
// (Sellers' algorithm: the query against the best-matching part of a
// rendering), which the common Levenshtein packages do not offer.
//
// Both count an adjacent transposition as one edit (optimal string
// alignment), since "zhoubain" for "zhoubian" is one slip of the fingers.

// levenshtein is the edit distance between a and b, counted in runes.
func levenshtein(a, b string) int {
	return editDistance([]rune(a), []rune(b), false)
}

// substringDistance is the fewest edits that turn query into some substring
// of text: "shared futur" is 0 from "community with a shared future".
func substringDistance(query, text string) int {
	return editDistance([]rune(query), []rune(text), true)
}

// editDistance aligns a against b. With free set, skipping a prefix and a
// suffix of b costs nothing.
func editDistance(a, b []rune, free bool) int {
	// Rows i-2, i-1 and i of the alignment table.
	before := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		if !free {
			prev[j] = j
		}
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	if !free {
		return prev[len(b)]
	}
	best := prev[0]
	for _, d := range prev {
		best = min(best, d)
	}
	return best
}
