package baseline

import (
	"slices"

	"github.com/termlint/termlint/checker"
)

// Filter returns the findings that are not in the baseline, in their
// order, and how many were. Entries and findings are matched by file,
// rule, concept and text as multisets: two entries of a key absorb at
// most two findings of it. When a key has more findings than entries,
// the entries take the findings nearest their lines, after moving each
// line by the shift of the file's nearest unambiguous finding (a key
// with as many findings as entries, paired in order), so that lines
// inserted above do not make an old finding look new; the ones left
// over are reported.
func (b *Baseline) Filter(findings []checker.Finding) (fresh []checker.Finding, matched int) {
	entries := make(map[string]map[key][]int) // file -> key -> entry lines
	for _, e := range b.Entries {
		if entries[e.File] == nil {
			entries[e.File] = make(map[key][]int)
		}
		entries[e.File][e.key()] = append(entries[e.File][e.key()], e.Line)
	}
	relative := b.relativizer()
	current := make(map[string]map[key][]int) // file -> key -> indexes into findings
	for i, f := range findings {
		k := key{relative(f.File), f.Rule, f.Concept, squeeze(f.Text)}
		if current[k.file] == nil {
			current[k.file] = make(map[key][]int)
		}
		current[k.file][k] = append(current[k.file][k], i)
	}
	isNew := make([]bool, len(findings))
	for file, keys := range current {
		for _, i := range b.matchFile(entries[file], keys, findings) {
			isNew[i] = true
		}
	}
	for i, f := range findings {
		if isNew[i] {
			fresh = append(fresh, f)
		}
	}
	return fresh, len(findings) - len(fresh)
}

// anchor is the shift of a file's lines at a line of the baseline.
type anchor struct{ line, shift int }

// matchFile matches one file's findings (indexes into findings, by key)
// with its entries' lines and returns the findings left over.
func (b *Baseline) matchFile(entries map[key][]int, keys map[key][]int, findings []checker.Finding) []int {
	lineOf := func(i int) int { return findings[i].Line }
	for _, idx := range keys {
		slices.SortStableFunc(idx, func(x, y int) int { return lineOf(x) - lineOf(y) })
	}
	var anchors []anchor
	for k, idx := range keys {
		if lines := entries[k]; len(lines) == len(idx) {
			for j, line := range lines {
				anchors = append(anchors, anchor{line, lineOf(idx[j]) - line})
			}
		}
	}
	slices.SortFunc(anchors, func(x, y anchor) int { return x.line - y.line })
	var fresh []int
	for k, idx := range keys {
		lines := entries[k]
		if len(lines) >= len(idx) {
			continue // every finding of the key is recorded
		}
		expected := make([]int, len(lines))
		for j, line := range lines {
			expected[j] = line + shiftAt(anchors, line)
		}
		slices.Sort(expected)
		found := make([]int, len(idx))
		for j, i := range idx {
			found[j] = lineOf(i)
		}
		taken := nearest(expected, found)
		for j, i := range idx {
			if !taken[j] {
				fresh = append(fresh, i)
			}
		}
	}
	return fresh
}

// shiftAt is the shift of the anchor nearest line (anchors sorted by
// line), or 0 when there is none.
func shiftAt(anchors []anchor, line int) int {
	if len(anchors) == 0 {
		return 0
	}
	i, _ := slices.BinarySearchFunc(anchors, line, func(a anchor, line int) int { return a.line - line })
	switch {
	case i == len(anchors):
		i--
	case i > 0 && line-anchors[i-1].line <= anchors[i].line-line:
		i--
	}
	return anchors[i].shift
}

// maxCells bounds the dynamic programme of nearest; beyond it (thousands
// of findings of one key in one file) a greedy match will do.
const maxCells = 1 << 22

// nearest matches each of the sorted expected lines with one of the
// sorted found lines, more numerous, keeping their order and making the
// sum of the distances least, and reports which found lines are taken.
// Keeping the order loses nothing: on a line, an optimal matching never
// needs to cross.
func nearest(expected, found []int) []bool {
	m, n := len(expected), len(found)
	slack := n - m // found lines left out
	taken := make([]bool, n)
	if m == 0 {
		return taken
	}
	if m*(slack+1) > maxCells {
		j := 0
		for i, e := range expected {
			// The nearest found line from j on, leaving enough for the
			// expected lines still to come; found is sorted, so the
			// distance falls to it and rises after.
			pick, last := j, n-(m-i)
			for pick < last && abs(found[pick+1]-e) < abs(found[pick]-e) {
				pick++
			}
			taken[pick] = true
			j = pick + 1
		}
		return taken
	}
	// cost[s] is, for the row i in hand, the least cost of matching
	// expected[:i+1] when expected[i] takes found[i+s] (the earlier ones
	// then take found lines before it); best[i*width+s] is the s' <= s
	// with the least cost of row i. Only the last row of costs is kept,
	// and best in 32 bits: a quarter of the memory of whole tables.
	width := slack + 1
	prev, cost := make([]int, width), make([]int, width)
	best := make([]int32, m*width)
	for i := range m {
		row := best[i*width : (i+1)*width]
		for s := 0; s <= slack; s++ {
			cost[s] = abs(found[i+s] - expected[i])
			if i > 0 {
				cost[s] += prev[best[(i-1)*width+s]]
			}
			row[s] = int32(s)
			if s > 0 && cost[row[s-1]] <= cost[s] {
				row[s] = row[s-1]
			}
		}
		prev, cost = cost, prev
	}
	s := int(best[(m-1)*width+slack])
	for i := m - 1; i >= 0; i-- {
		taken[i+s] = true
		if i > 0 {
			s = int(best[(i-1)*width+s])
		}
	}
	return taken
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
