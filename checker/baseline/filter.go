package baseline

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/termlint/termlint/checker"
)

// Filter returns the findings that are not in the baseline, in their
// order, and how many were, matching by path only: Match without a
// record of the run.
func (b *Baseline) Filter(findings []checker.Finding) (fresh []checker.Finding, matched int) {
	m := b.Match(findings, nil)
	return m.Fresh, m.Hidden
}

// Match is how a run's findings met a baseline's entries.
type Match struct {
	// Fresh are the findings not in the baseline, in their order.
	Fresh []checker.Finding
	// Hidden counts the findings the baseline hid; Renamed, those of
	// them hidden by an entry of a file gone since.
	Hidden, Renamed int
	// Stale counts the entries the run could have met and did not: of
	// the files it checked and of files gone from under its paths. Their
	// findings were fixed; a refresh drops them.
	Stale int
	// replaced marks the entries a refresh drops: those Stale counts and
	// those a finding met.
	replaced []bool
}

// Match matches findings with the baseline's entries in two steps.
//
// First by path: entries and findings of one file are matched by rule,
// concept and text as multisets, two entries of a key absorbing at most
// two findings of it. When a key has more findings than entries, the
// entries take the findings nearest their lines, after moving each line
// by the shift of the file's nearest unambiguous finding (a key with as
// many findings as entries, paired in order), so that lines inserted
// above do not make an old finding look new; the ones left over go on.
//
// Then by content, for a renamed file: an entry whose file no longer
// exists hides one finding left over, in any file, that has its rule,
// concept, text and context, the hash of the finding's line. The
// context is what tells a moved sentence from a new one that happens to
// use the same words; an entry of a file that still exists is never
// taken, so a copied file's findings are new, and a finding added to a
// renamed file is new, since no gone entry has its line. A finding whose
// line was edited in the same change as the rename is reported: its
// content is no longer the recorded one.
//
// checked, the record of the run, gives the findings' contexts and says
// which files the run checked; with nil, only the first step is made and
// every entry counts as checked.
func (b *Baseline) Match(findings []checker.Finding, checked *Checked) *Match {
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
	left := 0
	for file, keys := range current {
		for _, i := range b.matchFile(entries[file], keys, findings) {
			isNew[i] = true
			left++
		}
	}
	m := &Match{Hidden: len(findings) - left, replaced: make([]bool, len(b.Entries))}
	files := b.fileStates(checked, current, relative)
	var taken []bool // entries of gone files a renamed file's finding took
	if checked != nil && left > 0 {
		m.Renamed, taken = b.matchRenamed(findings, isNew, checked, files)
		m.Hidden += m.Renamed
	}
	for i, f := range findings {
		if isNew[i] {
			m.Fresh = append(m.Fresh, f)
		}
	}
	// Stale: the entries of checked files the first step left, and the
	// entries of files gone from the run's paths no renamed file took.
	stale := -(len(findings) - left) // the findings the first step hid met one entry each
	for i, e := range b.Entries {
		switch s := files[e.File]; {
		case s.checked:
			m.replaced[i] = true
			stale++
		case s.gone && taken != nil && taken[i]:
			m.replaced[i] = true
		case s.gone && s.inScope:
			m.replaced[i] = true
			stale++
		}
	}
	m.Stale = max(stale, 0)
	return m
}

// fileState is what a run tells of one file of the baseline's entries.
type fileState struct {
	// checked: the run read the file; gone: it no longer exists; inScope:
	// it is under the paths the run was given.
	checked, gone, inScope bool
}

// fileStates tells, for each file of the entries, whether the run
// checked it, whether it is gone and whether the run's paths hold it:
// one look at the disk for each file not checked. Without a record of
// the run, every file counts as checked.
func (b *Baseline) fileStates(checked *Checked, current map[string]map[key][]int, relative func(string) string) map[string]fileState {
	states := make(map[string]fileState)
	read := make(map[string]bool, len(current))
	for file := range current {
		read[file] = true
	}
	if checked != nil {
		for path := range checked.lines {
			read[relative(path)] = true
		}
	}
	for _, e := range b.Entries {
		if _, done := states[e.File]; done {
			continue
		}
		if checked == nil || read[e.File] {
			states[e.File] = fileState{checked: true}
			continue
		}
		if e.File == "-" {
			states[e.File] = fileState{}
			continue
		}
		abs := filepath.FromSlash(e.File)
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(b.dir, abs)
		}
		_, err := os.Lstat(abs)
		states[e.File] = fileState{gone: errors.Is(err, fs.ErrNotExist), inScope: checked.under(abs)}
	}
	return states
}

// content is what an entry of a gone file shares with a finding it
// hides: all but the file and line; base, the file's base name, is set
// for the index that prefers a file of the same name.
type content struct{ rule, concept, text, context, base string }

// matchRenamed lets the entries of gone files that have a context hide
// the findings still new with the same content, one each, in the
// findings' order. Of several such entries (the same line in several
// gone files), one of a file with the finding's base name goes first,
// so that a moved file takes its own entries. It returns how many
// findings it hid and which entries it took (nil for none).
func (b *Baseline) matchRenamed(findings []checker.Finding, isNew []bool, checked *Checked, files map[string]fileState) (hid int, taken []bool) {
	// Two queues of entry indexes, in order, each entry in both; an entry
	// taken from one is skipped when met in the other.
	byName, byContent := make(map[content][]int), make(map[content][]int)
	for i, e := range b.Entries {
		if e.Context != "" && files[e.File].gone {
			c := content{e.Rule, e.Concept, e.Text, e.Context, ""}
			byContent[c] = append(byContent[c], i)
			c.base = path.Base(e.File)
			byName[c] = append(byName[c], i)
		}
	}
	if len(byContent) == 0 {
		return 0, nil
	}
	taken = make([]bool, len(b.Entries))
	take := func(queues map[content][]int, c content) bool {
		idx, ok := queues[c]
		if !ok {
			return false // not a key to add: findings are many
		}
		for len(idx) > 0 && taken[idx[0]] {
			idx = idx[1:]
		}
		queues[c] = idx
		if len(idx) == 0 {
			return false
		}
		taken[idx[0]], queues[c] = true, idx[1:]
		return true
	}
	for i, f := range findings {
		if !isNew[i] {
			continue
		}
		c := content{f.Rule, f.Concept, squeeze(f.Text), checked.context(f), path.Base(filepath.ToSlash(f.File))}
		if c.context == "" {
			continue
		}
		named := take(byName, c)
		c.base = ""
		if named || take(byContent, c) {
			isNew[i] = false
			hid++
		}
	}
	return hid, taken
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
