package match

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// ChineseMatcher finds Chinese glossary terms: leftmost-longest over their
// characters, seeing through what Chinese text puts inside a term without
// changing it:
//
//   - whitespace and line breaks, which PDF extraction leaves inside words
//     ("周边命运共同\n体");
//   - quotation and title marks (高质量共建“一带一路”, 《…》);
//   - the difference between full-width and half-width forms (ＲＣＥＰ and
//     RCEP, "，" and ","), and case in Latin letters;
//   - the enumeration comma 、 against the comma, which texts use alike in
//     lists such as 睦邻、安邻、富邻.
//
// A 0 byte breaks a term, as it breaks an English phrase: readers put one
// where a placeholder or hidden code stood. (The bilingual readers drop
// mere formatting between Han characters, so 周边<b>工作</b> still reads
// whole there.)
//
// Traditional characters match when the glossary lists the traditional
// form as a variant: characters are not converted, since one simplified
// character may stand for several traditional ones.
//
// The trie is over runes with a Go map for edges: Chinese terms are few
// and short, and a text's characters mostly miss at the root, so the map
// is not on a hot path worth a table of its own.
type ChineseMatcher struct {
	root  map[rune]int32
	edges map[chineseEdge]int32
	outs  [][]int // by node: the IDs of the patterns ending there
	// asciiStart says which ASCII characters (folded) start a pattern, so
	// that the English between Chinese terms costs no map lookups.
	asciiStart [utf8.RuneSelf]bool
	// auto, when some term is longer than walkDepth characters, is the
	// trie's Aho-Corasick links, as Matcher has them: walking the trie
	// from every character of a text would cost text × term length.
	auto *automaton
	// parents and runes are each node's parent and edge character, kept
	// while compiling for the automaton.
	parents, runes []int32
}

type chineseEdge struct {
	node int32
	r    rune
}

// CompileChinese builds a matcher for Chinese patterns. A pattern that
// folds to nothing (only spaces and quotation marks) is ignored.
func CompileChinese(patterns []Pattern) *ChineseMatcher {
	m := &ChineseMatcher{root: make(map[rune]int32), edges: make(map[chineseEdge]int32), outs: [][]int{nil},
		parents: []int32{0}, runes: []int32{0}}
	longest := 0
	for _, p := range patterns {
		node := int32(0)
		depth := 0
		for _, r := range p.Text {
			r, skip := foldChinese(r)
			if skip {
				continue
			}
			node = m.add(node, r)
			depth++
		}
		if node != 0 {
			m.outs[node] = append(m.outs[node], p.ID)
		}
		longest = max(longest, depth)
	}
	if longest > walkDepth {
		m.auto = linkTrie(m.parents, m.runes, m.child, func(n int32) bool { return len(m.outs[n]) > 0 })
	}
	m.parents, m.runes = nil, nil
	return m
}

func (m *ChineseMatcher) add(node int32, r rune) int32 {
	if next := m.child(node, r); next != 0 {
		return next
	}
	next := int32(len(m.outs))
	m.outs = append(m.outs, nil)
	m.parents, m.runes = append(m.parents, node), append(m.runes, r)
	if node == 0 {
		m.root[r] = next
		if r < utf8.RuneSelf {
			m.asciiStart[r] = true
		}
	} else {
		m.edges[chineseEdge{node, r}] = next
	}
	return next
}

func (m *ChineseMatcher) child(node int32, r rune) int32 {
	if node == 0 {
		return m.root[r]
	}
	return m.edges[chineseEdge{node, r}]
}

// foldChinese returns the rune r compares as, or skip for a rune a term
// is seen through.
func foldChinese(r rune) (folded rune, skip bool) {
	if 0x4E00 <= r && r <= 0x9FFF {
		return r, false // CJK Unified Ideographs, nearly every character of a Chinese text
	}
	if unicode.IsSpace(r) || isQuote(r) {
		return 0, true
	}
	if r >= utf8.RuneSelf {
		if f := width.LookupRune(r).Narrow(); f != 0 && f < utf8.RuneSelf {
			r = f
		}
	}
	switch r {
	case '、', '，':
		return ',', false
	}
	return unicode.ToLower(r), false
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '〈', '〉', '«', '»', '＂', '＇':
		return true
	}
	return false
}

// Find returns the leftmost-longest matches in text, in order, each with
// the shorter matches nested inside it. A match starts and ends at a
// character of the term: spaces and quotation marks around it are not
// part of it.
func (m *ChineseMatcher) Find(text []byte) []Match {
	if m.auto != nil {
		return m.findLinked(text)
	}
	return m.find(text, 0, len(text), false)
}

// find matches text[from:to]; inside a parent match, the match spanning
// all of it is the parent itself and is skipped.
func (m *ChineseMatcher) find(text []byte, from, to int, inside bool) []Match {
	var out []Match
	for i := from; i < to; {
		if c := text[i]; c < utf8.RuneSelf && !m.asciiStart[unicode.ToLower(rune(c))] {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:to])
		if _, skip := foldChinese(r); skip {
			i += n
			continue
		}
		exclude := -1
		if inside && i == from {
			exclude = to
		}
		end, node := m.longest(text, i, to, exclude)
		if node == 0 {
			i += n
			continue
		}
		out = append(out, Match{Start: i, End: end, IDs: m.outs[node], Nested: m.find(text, i, end, true), Overlaps: m.overlaps(text, i, end, to)})
		i = end
	}
	return out
}

// overlaps returns the longest term at each character inside
// text[start:end] that runs past end (but not past to).
func (m *ChineseMatcher) overlaps(text []byte, start, end, to int) []Match {
	var out []Match
	_, n := utf8.DecodeRune(text[start:])
	for i := start + n; i < end; i += n {
		var r rune
		r, n = utf8.DecodeRune(text[i:end])
		if _, skip := foldChinese(r); skip {
			continue
		}
		if e, node := m.longest(text, i, to, -1); node != 0 && e > end {
			out = append(out, Match{Start: i, End: e, IDs: m.outs[node]})
		}
	}
	return out
}

// longest walks the trie from text[start] and returns the end and node of
// the longest pattern there, or node 0; a pattern ending at exclude is
// not taken.
func (m *ChineseMatcher) longest(text []byte, start, to, exclude int) (end int, node int32) {
	cur := int32(0)
	for i := start; i < to; {
		r, n := utf8.DecodeRune(text[i:to])
		i += n
		f, skip := foldChinese(r)
		if skip {
			if cur == 0 {
				return end, node
			}
			continue
		}
		if countSteps != nil {
			countSteps(1) // a test bounding the walks' work
		}
		if cur = m.child(cur, f); cur == 0 {
			break
		}
		if len(m.outs[cur]) > 0 && i != exclude {
			end, node = i, cur
		}
	}
	return end, node
}

// chineseTok is a character of a text that is not seen through, folded.
type chineseTok struct {
	start, end int
	r          rune
}

// chineseRun is a text's characters and the terms that occur in them, as
// the automaton finds them: Find's matches, nesting and overlaps over
// them are those the trie walks find.
type chineseRun struct {
	m    *ChineseMatcher
	toks []chineseTok
	occ  occurrences
	// steps counts the work, as scratch.steps does for Matcher.
	steps int
}

// findLinked is Find through the automaton: the text's characters are
// folded once, the terms occurring in them found in one pass, and the
// matches, nested matches and overlaps read from those occurrences.
func (m *ChineseMatcher) findLinked(text []byte) []Match {
	run := &chineseRun{m: m}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if f, skip := foldChinese(r); !skip {
			run.toks = append(run.toks, chineseTok{i, i + n, f})
		}
		i += n
	}
	a := m.auto
	var found []foundAt
	state := int32(0)
	for j, t := range run.toks {
		var steps int
		state, steps = a.step(state, t.r, m.child)
		run.steps += steps
		n := state
		if len(m.outs[n]) == 0 {
			n = a.dict[n]
		}
		for ; n != 0; n = a.dict[n] {
			run.steps++
			found = append(found, foundAt{int32(j + 1 - int(a.depth[n])), int32(j + 1), n})
		}
	}
	run.occ.found = found
	run.occ.group(len(run.toks))
	out := run.find(0, len(run.toks), false)
	if countSteps != nil {
		countSteps(run.steps)
	}
	return out
}

// find is ChineseMatcher.find over characters from to to.
func (c *chineseRun) find(from, to int, inside bool) []Match {
	var out []Match
	for i := from; i < to; {
		limit := to
		if inside && i == from {
			limit = to - 1 // not the parent match itself
		}
		end, node := c.occ.longestAt(i, limit)
		c.steps++
		if node == 0 {
			i++
			continue
		}
		out = append(out, Match{Start: c.toks[i].start, End: c.toks[end-1].end, IDs: c.m.outs[node],
			Nested: c.find(i, end, true), Overlaps: c.overlaps(i, end, to)})
		i = end
	}
	return out
}

// overlaps is ChineseMatcher.overlaps over characters.
func (c *chineseRun) overlaps(start, end, to int) []Match {
	var out []Match
	for i := start + 1; i < end; i++ {
		e, node := c.occ.longestAt(i, to)
		c.steps++
		if node != 0 && e > end {
			out = append(out, Match{Start: c.toks[i].start, End: c.toks[e-1].end, IDs: c.m.outs[node]})
		}
	}
	return out
}
