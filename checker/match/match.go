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
		node := int32(0)
		for _, sym := range seq {
			child := m.child(node, sym)
			if child == 0 {
				child = numNodes
				numNodes++
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
	return m
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
}

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
	run := s.run[:0]
	var out []Match
	var t token
	for s.sc.next(&t) {
		sym := t.sym
		if sym == 0 {
			// No pattern has this token: matches lie on either side.
			if len(run) > 0 {
				out = m.findRun(out, run)
				run = run[:0]
			}
			continue
		}
		run = append(run, tok{t.start, t.end, sym, t.caps})
	}
	if len(run) > 0 {
		out = m.findRun(out, run)
	}
	s.run = run[:0]
	s.sc.reset(nil, nil, false)
	return out
}

// findRun appends the leftmost-longest matches in a run of known tokens.
func (m *Matcher) findRun(out []Match, run []tok) []Match {
	for i := 0; i < len(run); {
		end, node := m.longest(run, i, len(run))
		if end == 0 {
			i++
			continue
		}
		out = append(out, m.match(run, i, end, node))
		i = end
	}
	return out
}

// match builds the match of run[i:end] ending at trie node, with its nested
// matches: the leftmost-longest matches in the same tokens that are shorter.
func (m *Matcher) match(run []tok, i, end int, node int32) Match {
	mt := Match{Start: run[i].start, End: run[end-1].end, IDs: m.ids(node, run[i:end])}
	for j := i; j < end; {
		limit := end
		if j == i {
			limit = end - 1 // not the match itself
		}
		e, n := m.longest(run, j, limit)
		if e == 0 {
			j++
			continue
		}
		mt.Nested = append(mt.Nested, m.match(run, j, e, n))
		j = e
	}
	return mt
}

// longest returns the end of the longest match starting at run[i] and ending
// by limit, and its trie node; end is 0 if there is none.
func (m *Matcher) longest(run []tok, i, limit int) (end int, node int32) {
	n := m.root[run[i].sym]
	for j := i + 1; n != 0 && j <= limit; j++ {
		if m.outs[n] < m.outs[n+1] && m.accepts(n, run[i:j]) {
			end, node = j, n
		}
		if j < limit {
			n = m.edges.get(n, run[j].sym)
		}
	}
	return end, node
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
