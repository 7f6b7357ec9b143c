// Package match finds English glossary phrases in text: many thousands of
// patterns at once, whole words only, leftmost-longest, with the variants a
// translator's text really has (case, plurals, possessives, British
// spellings, hyphens, quotes, line breaks, Markdown emphasis).
//
// It is written by hand rather than built on regular expressions because it
// is the heart of the product: one alternation of per-pattern regexes is why
// Vale crawls with a few dozen terms. Here a text is split into words once,
// each word is folded with textnorm (so keys agree with the glossary index)
// and interned to an integer, and a trie of patterns over those integers is
// walked from each word. A word no pattern has breaks every phrase, so the
// walks run only over the short stretches of known words; each walk is at
// most as long as the longest pattern.
package match

import (
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"
)

// Pattern is one English phrase to find: a glossary rendering or one of its
// forms.
type Pattern struct {
	// Text is the phrase as written in the glossary, such as "community with
	// a shared future", "BRI" or "amity, sincerity, mutual benefit and
	// inclusiveness".
	Text string
	// ID is the caller's handle for the pattern, reported in Match.IDs.
	ID int
}

// Match is one occurrence of a pattern in a text.
type Match struct {
	// Start and End are byte offsets into the text given to Find:
	// text[Start:End] is the phrase as written, from its first word's first
	// byte to its last word's last byte.
	Start, End int
	// IDs are the IDs of every pattern that folds to the matched key, each
	// key's in the order given to Compile ("BRI" and "bri" are two keys,
	// both matched by "BRI"). The slice may be shared between matches: do
	// not modify it.
	IDs []int
	// Nested are the leftmost-longest matches strictly inside this one, each
	// with its own nested matches, so that a rule can see that a conference's
	// name contains a shorter glossary phrase.
	Nested []Match
	// Overlaps, from the Chinese matcher only, are the longest terms that
	// start inside this match and run past its end: the other way to cut
	// the text (共建 + 一带一路倡议 where the match is 共建一带一路).
	Overlaps []Match
}

// Matcher finds a fixed set of patterns. It is immutable once compiled and
// safe for concurrent use.
type Matcher struct {
	syms  symtab  // folded word or mark -> symbol (from 1; 0 is unknown)
	root  []int32 // root's child by symbol; 0 for none
	edges edgetab // node and symbol -> child, below the root
	// outs[n]:outs[n+1] are the indexes into groups of the patterns that end
	// at trie node n.
	outs    []int32
	groups  []group
	wide    bool // some pattern has a non-ASCII mark (such as a Han character)
	skipped []int
	// marks holds the symbols of the ASCII characters, so that
	// punctuation, and the zero bytes a reader masks code with, cost
	// no hashing.
	marks [utf8.RuneSelf]int32
	// scratch pools Find's buffers and word caches, which hold this
	// matcher's symbols.
	scratch sync.Pool
	// auto, when some pattern is longer than walkDepth tokens, is the
	// trie's Aho-Corasick links, through which Find finds every
	// occurrence in one pass over a run of known words rather than
	// walking the trie from each of its words.
	auto *automaton
}

// walkDepth is the longest pattern, in tokens, for which Find walks the
// trie from every word of a run: at most walkDepth steps a word, which
// is linear in the text and faster than the automaton. A longer pattern
// (a rendering of a million characters validates) would make the walks
// cost text × pattern length; a test lowers it to run every pattern
// through the automaton.
var walkDepth = 64

// automaton holds the Aho-Corasick links of a matcher's trie.
type automaton struct {
	// depth is each node's depth, its pattern prefix's length in tokens.
	depth []int32
	// fail is each node's failure link: the node of the longest proper
	// suffix of its prefix that is also in the trie (0, the root, if
	// none).
	fail []int32
	// dict is each node's dictionary link: the nearest node along its
	// failure links at which some pattern ends (0 if none).
	dict []int32
}

// group is the patterns that share one folded key: the same symbols and the
// same words written as acronyms.
type group struct {
	ids  []int
	caps []int32 // token positions that must be written as acronyms
}

// Compile builds a matcher for patterns. Patterns that fold to the same key
// are merged, so a match reports all their IDs. A pattern word written in
// capitals ("BRI", "B&R") matches only a word written in capitals; other
// words match in any case. Patterns without a single word (empty, or only
// punctuation or Chinese) can never match and are left out; Skipped lists
// them.
func Compile(patterns []Pattern) *Matcher {
	m := &Matcher{root: []int32{0}}
	type pending struct{ node, group int32 }
	var (
		sc       scanner
		t        token
		seq      []int32
		caps     []int32
		text     []byte
		key      []byte
		byKey    = make(map[string]int32) // node and caps -> group
		ends     []pending
		numNodes int32 = 1
		// Each node's parent and symbol, for the automaton.
		parents, edgeSyms = []int32{0}, []int32{0}
		longest           int
	)
	for _, p := range patterns {
		text = append(text[:0], p.Text...)
		if !hasWord(text) {
			// Checked first so that a skipped pattern's marks do not
			// become symbols.
			m.skipped = append(m.skipped, p.ID)
			continue
		}
		sc.reset(text, m, true)
		seq, caps = seq[:0], caps[:0]
		for sc.next(&t) {
			if t.caps {
				caps = append(caps, int32(len(seq)))
			}
			seq = append(seq, t.sym)
		}
		// Walk the trie, adding what is missing.
		longest = max(longest, len(seq))
		node := int32(0)
		for _, sym := range seq {
			child := m.child(node, sym)
			if child == 0 {
				child = numNodes
				numNodes++
				parents, edgeSyms = append(parents, node), append(edgeSyms, sym)
				if node == 0 {
					m.root[sym] = child
				} else {
					m.edges.put(node, sym, child)
				}
			}
			node = child
		}
		key = binary.LittleEndian.AppendUint32(key[:0], uint32(node))
		for _, c := range caps {
			key = binary.LittleEndian.AppendUint32(key, uint32(c))
		}
		g, ok := byKey[string(key)]
		if !ok {
			g = int32(len(m.groups))
			byKey[string(key)] = g
			m.groups = append(m.groups, group{caps: slices.Clone(caps)})
			ends = append(ends, pending{node, g})
		}
		if !slices.Contains(m.groups[g].ids, p.ID) {
			m.groups[g].ids = append(m.groups[g].ids, p.ID)
		}
	}
	// Lay the groups out by node, so that a node's groups are one range.
	slices.SortStableFunc(ends, func(a, b pending) int { return cmp.Compare(a.node, b.node) })
	groups := make([]group, len(ends))
	m.outs = make([]int32, numNodes+1)
	for i, e := range ends {
		groups[i] = m.groups[e.group]
		m.outs[e.node+1]++
	}
	for n := 1; n < len(m.outs); n++ {
		m.outs[n] += m.outs[n-1]
	}
	m.groups = groups
	for c := range m.marks {
		m.marks[c] = m.syms.get(asciiBytes[c : c+1])
	}
	if longest > walkDepth {
		m.auto = m.link(parents, edgeSyms)
	}
	return m
}

// link builds the automaton of the trie whose nodes have the parents and
// edge symbols given (see linkTrie).
func (m *Matcher) link(parents, edgeSyms []int32) *automaton {
	return linkTrie(parents, edgeSyms, m.child, func(n int32) bool { return m.outs[n] < m.outs[n+1] })
}

// linkTrie builds the automaton of a trie whose nodes have the parents
// and edge symbols given, child and hasOut telling its edges and the
// nodes where patterns end, in the usual breadth-first way: a node's
// failure link is found from its parent's, so that the whole costs the
// trie's size.
func linkTrie(parents, edgeSyms []int32, child func(node, sym int32) int32, hasOut func(node int32) bool) *automaton {
	n := len(parents)
	a := &automaton{depth: make([]int32, n), fail: make([]int32, n), dict: make([]int32, n)}
	// A node comes after its parent, so depths come in one pass; nodes
	// sorted by depth are then breadth-first.
	count := []int32{0}
	for v := 1; v < n; v++ {
		d := a.depth[parents[v]] + 1
		a.depth[v] = d
		if int(d) >= len(count) {
			count = append(count, 0)
		}
		count[d]++
	}
	for d := 1; d < len(count); d++ {
		count[d] += count[d-1]
	}
	order := make([]int32, n)
	for v := n - 1; v >= 1; v-- {
		count[a.depth[v]]--
		order[count[a.depth[v]]] = int32(v)
	}
	for _, v := range order[1:] {
		if a.depth[v] > 1 {
			sym := edgeSyms[v]
			f := a.fail[parents[v]]
			for f != 0 && child(f, sym) == 0 {
				f = a.fail[f]
			}
			a.fail[v] = child(f, sym)
		}
		if f := a.fail[v]; hasOut(f) {
			a.dict[v] = f
		} else {
			a.dict[v] = a.dict[f]
		}
	}
	return a
}

// step moves the automaton from state by sym, following failure links
// where the trie has no edge, and returns the new state and the steps
// taken.
func (a *automaton) step(state, sym int32, child func(node, sym int32) int32) (int32, int) {
	steps := 1
	for state != 0 && child(state, sym) == 0 {
		state = a.fail[state]
		steps++
	}
	return child(state, sym), steps
}

// intern returns the symbol for a folded key, adding it if it is new.
func (m *Matcher) intern(key []byte) int32 {
	if s := m.syms.get(key); s != 0 {
		return s
	}
	s := int32(len(m.root))
	m.syms.put(key, s)
	m.root = append(m.root, 0)
	return s
}

// child returns the child of node by sym, or 0.
func (m *Matcher) child(node, sym int32) int32 {
	if node == 0 {
		return m.root[sym]
	}
	return m.edges.get(node, sym)
}

// Skipped returns the IDs of the patterns Compile left out because they fold
// to no words, in the order given.
func (m *Matcher) Skipped() []int { return slices.Clone(m.skipped) }

// tok is a token of a stretch of known symbols, as Find keeps it.
type tok struct {
	start, end int
	sym        int32
	caps       bool
}

// scratch is the per-call state of Find, pooled so that checking many small
// segments (Markdown paragraphs) does not allocate buffers each time.
type scratch struct {
	sc    scanner
	run   []tok
	cache *wordCache
	occ   occurrences
	// steps counts trie steps and occurrences looked at, which a test
	// reads through countSteps to bound Find's work.
	steps int
}

// countSteps, when a test sets it, is told how many steps each Find took.
var countSteps func(steps int)

// Find returns the leftmost-longest non-overlapping matches in text, in
// order: of the patterns that occur, the one starting at the earliest word
// wins, the longest if several start there, and the search goes on after
// its end.
//
// Words match whole, folded as textnorm.Word folds them. Between the words
// of a phrase, whitespace (line breaks included), hyphens and dashes,
// quotation marks and the Markdown marks * _ ` ~ are transparent. A comma
// must be where the pattern has one, except that a comma before "and" or
// "or" is ignored in both. Any other punctuation mark, symbol or CJK
// character breaks a phrase.
func (m *Matcher) Find(text []byte) []Match {
	if len(m.groups) == 0 {
		return nil
	}
	s, _ := m.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{cache: new(wordCache)}
	}
	defer m.scratch.Put(s)
	s.sc.reset(text, m, false)
	s.sc.cache = s.cache
	s.steps = 0
	run := s.run[:0]
	var out []Match
	var t token
	for s.sc.next(&t) {
		sym := t.sym
		if sym == 0 {
			// No pattern has this token: matches lie on either side.
			if len(run) > 0 {
				out = m.findRun(out, run, s)
				run = run[:0]
			}
			continue
		}
		run = append(run, tok{t.start, t.end, sym, t.caps})
	}
	if len(run) > 0 {
		out = m.findRun(out, run, s)
	}
	if countSteps != nil {
		countSteps(s.steps)
	}
	s.run = run[:0]
	s.sc.reset(nil, nil, false)
	return out
}

// findRun appends the leftmost-longest matches in a run of known tokens.
// With an automaton, the run's occurrences are found first, in one pass.
func (m *Matcher) findRun(out []Match, run []tok, s *scratch) []Match {
	var occ *occurrences
	if m.auto != nil {
		occ = &s.occ
		m.occurrences(run, occ, s)
	}
	for i := 0; i < len(run); {
		end, node := m.longest(run, occ, i, len(run), s)
		if end == 0 {
			i++
			continue
		}
		out = append(out, m.match(run, occ, i, end, node, s))
		i = end
	}
	return out
}

// match builds the match of run[i:end] ending at trie node, with its nested
// matches: the leftmost-longest matches in the same tokens that are shorter.
func (m *Matcher) match(run []tok, occ *occurrences, i, end int, node int32, s *scratch) Match {
	mt := Match{Start: run[i].start, End: run[end-1].end, IDs: m.ids(node, run[i:end])}
	for j := i; j < end; {
		limit := end
		if j == i {
			limit = end - 1 // not the match itself
		}
		e, n := m.longest(run, occ, j, limit, s)
		if e == 0 {
			j++
			continue
		}
		mt.Nested = append(mt.Nested, m.match(run, occ, j, e, n, s))
		j = e
	}
	return mt
}

// longest returns the end of the longest match starting at run[i] and ending
// by limit, and its trie node; end is 0 if there is none. It looks the
// match up in occ when there is an automaton, else walks the trie.
func (m *Matcher) longest(run []tok, occ *occurrences, i, limit int, s *scratch) (end int, node int32) {
	if occ != nil {
		return occ.longest(i, limit, s)
	}
	n := m.root[run[i].sym]
	for j := i + 1; n != 0 && j <= limit; j++ {
		s.steps++
		if m.outs[n] < m.outs[n+1] && m.accepts(n, run[i:j]) {
			end, node = j, n
		}
		if j < limit {
			n = m.edges.get(n, run[j].sym)
		}
	}
	return end, node
}

// occurrences are the patterns that occur in a run of tokens, by the
// token they start at: first[i]:first[i+1] index the occurrences starting
// at run[i] in list, in order of their ends.
type occurrences struct {
	first []int32
	list  []occurrence
	found []foundAt // as the automaton finds them, in order of their ends
}

type occurrence struct{ end, node int32 }

type foundAt struct{ start, end, node int32 }

// occurrences finds every occurrence of a pattern in run through the
// automaton, in one pass: the failure links cost at most a step back for
// each step forward, and each occurrence is met once.
func (m *Matcher) occurrences(run []tok, occ *occurrences, s *scratch) {
	a := m.auto
	found := occ.found[:0]
	state := int32(0)
	for j, t := range run {
		var steps int
		state, steps = a.step(state, t.sym, m.child)
		s.steps += steps
		n := state
		if m.outs[n] == m.outs[n+1] {
			n = a.dict[n]
		}
		for ; n != 0; n = a.dict[n] {
			s.steps++
			start := j + 1 - int(a.depth[n])
			if m.accepts(n, run[start:j+1]) {
				found = append(found, foundAt{int32(start), int32(j + 1), n})
			}
		}
	}
	occ.found = found
	occ.group(len(run))
}

// group indexes the occurrences found, in a run of n tokens, by start,
// keeping each start's in order of their ends.
func (occ *occurrences) group(n int) {
	found := occ.found
	first := slices.Grow(occ.first[:0], n+1)[:n+1]
	clear(first)
	for _, f := range found {
		first[f.start+1]++
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	list := slices.Grow(occ.list[:0], len(found))[:len(found)]
	for _, f := range found {
		list[first[f.start]] = occurrence{f.end, f.node}
		first[f.start]++
	}
	// Each first[i] is now where run[i]'s occurrences end: shift back.
	copy(first[1:], first[:len(first)-1])
	first[0] = 0
	occ.first, occ.list = first, list
}

// longest returns the longest occurrence starting at run[i] and ending by
// limit, as Matcher.longest does.
func (occ *occurrences) longest(i, limit int, s *scratch) (end int, node int32) {
	s.steps++
	return occ.longestAt(i, limit)
}

// longestAt returns the longest occurrence starting at token i and ending
// by limit: its end and node, or 0 and 0.
func (occ *occurrences) longestAt(i, limit int) (end int, node int32) {
	list := occ.list[occ.first[i]:occ.first[i+1]]
	k := sort.Search(len(list), func(k int) bool { return int(list[k].end) > limit }) - 1
	if k < 0 {
		return 0, 0
	}
	return int(list[k].end), list[k].node
}

// accepts reports whether some pattern ending at node matches the tokens:
// every word it writes as an acronym is written so in the text.
func (m *Matcher) accepts(node int32, toks []tok) bool {
	for _, g := range m.groups[m.outs[node]:m.outs[node+1]] {
		if capsOK(g.caps, toks) {
			return true
		}
	}
	return false
}

func capsOK(caps []int32, toks []tok) bool {
	for _, c := range caps {
		if !toks[c].caps {
			return false
		}
	}
	return true
}

// ids returns the IDs of the patterns ending at node that match toks,
// sharing the compiled slice when one key matches, as it nearly always does.
func (m *Matcher) ids(node int32, toks []tok) []int {
	var ids []int
	shared := true
	for _, g := range m.groups[m.outs[node]:m.outs[node+1]] {
		if !capsOK(g.caps, toks) {
			continue
		}
		switch {
		case ids == nil:
			ids = g.ids
		case shared:
			ids = append(slices.Clip(ids), g.ids...)
			shared = false
		default:
			ids = append(ids, g.ids...)
		}
	}
	return ids
}
