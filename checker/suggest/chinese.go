package suggest

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// The lengths of the Chinese strings looked at as new terms, in
// characters: most terms are two to six; eight takes in names such as
// 周边外交工作座谈会 cut short, which the curator completes.
const (
	minChars = 2
	maxChars = 8
)

// hanRun is a run of Han characters of a segment's Chinese that no
// punctuation, Latin letter or digit interrupts; white space between two
// characters does not (PDF text breaks lines inside words).
type hanRun struct {
	chars []hanChar
	// str is the characters as one string; off[i] is where character i
	// starts in it (off[len(chars)] == len(str)), so that a substring
	// costs no allocation.
	str string
	off []int
}

// hanChar is one character of a run.
type hanChar struct {
	r rune
	// at is its byte offset in the span's text.
	at int
	// term is the concept of the glossary term found over the character
	// (the longest one at its place), or nil; first and last say whether
	// the character begins and ends that term.
	term        *glossary.Concept
	first, last bool
	// stop says the character is part of a function word of two
	// characters or more (进一步, 推动), which stopFirst and stopLast say
	// it begins and ends.
	stop, stopFirst, stopLast bool
}

// end is the byte offset in the span's text just past character i.
func (h *hanRun) end(i int) int { return h.chars[i].at + utf8.RuneLen(h.chars[i].r) }

// text is characters i..j-1 of the run.
func (h *hanRun) text(i, j int) string { return h.str[h.off[i]:h.off[j]] }

// hanRuns splits Chinese text into runs of Han characters.
func hanRuns(text []byte) []hanRun {
	var runs []hanRun
	var cur []hanChar
	flush := func() {
		if len(cur) >= minChars {
			var b strings.Builder
			off := make([]int, 0, len(cur)+1)
			for _, c := range cur {
				off = append(off, b.Len())
				b.WriteRune(c.r)
			}
			off = append(off, b.Len())
			runs = append(runs, hanRun{chars: cur, str: b.String(), off: off})
		}
		cur = nil
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			cur = append(cur, hanChar{r: r, at: i})
		case r == '\n' || r == '\r' || r == ' ' || r == '\t' || r == '\u3000':
			// seen through, as the matcher sees through them
		default:
			flush()
		}
		i += n
	}
	flush()
	return runs
}

// Function words and affixes of Chinese, which a new term neither starts
// nor ends with. The lists are short on purpose: a character such as 和 or
// 对 also begins words (和平, 对话), so each list holds only what is (almost)
// never a term's first character, or its last. Verbs that take a term as their
// object (构建, 推动) start collocations, not terms.
var (
	stopEither = words2set(`的 了 着 过 是 在 与 及 把 被 将 从 也 都 就 这 那 其 并 而 或 之 于 向 由 即 还 又 很 已 给 让 所 每 该 此 啊 吗 呢 吧
		我们 我国 他们 它们 你们 这些 这个 这种 那些 一个 一些 一种 各种 以及 通过 进行 已经 不断 更加 同时 以来 之间 方面 作为 成为 进一步 如何 什么 因此 所以 但是 而且 并且 因为 如果 虽然 可以 能够 需要 应该 必须 要求 提出 指出 强调 表示 认为 其中 不仅 而是`)
	stopStart = words2set(`为 等 要 更 不 各 构建 推动 推进 加强 坚持 深化 促进 实现 倡导 做好 打造 维护 支持 积极 携手 深入 努力 充分 始终 继续`)
	stopEnd   = words2set(`和 对 为 以 等 要 中 上 下 地 得 们 时 后 前 里 共同 积极 深入 全面 充分`)
)

// Characters that bind to their neighbours (see boundPair and cutsWord).
var (
	// determiners are numerals and demonstratives that a measure word
	// follows; measures, the measure words that follow them. The pair is
	// one word (一条, 各级, 这次, 首批), so a term neither starts at its
	// measure word nor ends at its determiner. 上, 下 and 全 are left out:
	// 上项目 and 全方位 are no such pairs.
	determiners = runeSet("一二三四五六七八九十百千万亿两几半这那哪每各某该本此首多数")
	measures    = runeSet("条项个位级类种次批届名件场支座份套层些点轮代")
	// suffixes end words (省级, 现代化, 必要性, 参与者, 各界) and so start
	// no term after another character: 级党委 of 省级党委 starts inside
	// 省级.
	suffixes = runeSet("级性化者员式型率度界们")
)

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// boundPair reports whether characters a and b, in this order, are a
// numeral or determiner and its measure word.
func boundPair(a, b rune) bool { return determiners[a] && measures[b] }

// pairCounts counts the occurrences of each pair of adjacent characters in
// the runs of the units: the frequency test of cutsWord.
func pairCounts(units []*unit) map[string]int {
	m := map[string]int{}
	for _, u := range units {
		for ri := range u.runs {
			run := &u.runs[ri]
			for i := 0; i+2 <= len(run.chars); i++ {
				m[run.text(i, i+2)]++
			}
		}
	}
	return m
}

// cutsWord reports whether characters i..j-1 of run start or end inside a
// word, by the character beside each end: an occurrence that does is no
// evidence of a term (条党 of 一条党的路线, 级党 of 省级党委).
//
// An end is a word boundary where the run ends, or where the neighbour is
// a glossary term, a function word (的, 推动) or a determiner and measure
// word (一条), whose edges markTerm and markStopUnits recorded. Else the
// term must not start with a suffix (省|级党委), and the pair that the cut
// separates must not recur more often than the pair inside the term next
// to it: where 一条 is more frequent than 条党, the text is cut 一条|党, not
// 一|条党. That is the frequency test: the string must recur with its
// neighbours cut where the corpus cuts them. Equal counts keep the
// occurrence, since a string seen only in one context (发展跨境电商) gives no
// evidence either way.
func cutsWord(run *hanRun, i, j int, pairs map[string]int) bool {
	cs := run.chars
	if i > 0 && !boundary(&cs[i-1], true) {
		if suffixes[cs[i].r] {
			return true
		}
		if across := pairs[run.text(i-1, i+1)]; across >= 2 && across > pairs[run.text(i, i+2)] {
			return true
		}
	}
	if j < len(cs) && !boundary(&cs[j], false) {
		if across := pairs[run.text(j-1, j+1)]; across >= 2 && across > pairs[run.text(j-2, j)] {
			return true
		}
	}
	return false
}

// boundary reports whether the neighbour c of a string is surely in
// another word: a glossary term, a function word of several characters
// that it begins (after the string; before, ends), or a one-character
// function word that nothing binds (的, 是).
func boundary(c *hanChar, before bool) bool {
	switch {
	case c.term != nil:
		return true
	case c.stop:
		return before && c.stopLast || !before && c.stopFirst
	}
	return stopEither[string(c.r)]
}

func words2set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// stopEdged reports whether zh starts or ends with a function word.
func stopEdged(zh string) bool {
	rs := []rune(zh)
	for n := 1; n <= 3 && n <= len(rs); n++ {
		head, tail := string(rs[:n]), string(rs[len(rs)-n:])
		if stopEither[head] || stopStart[head] || stopEither[tail] || stopEnd[tail] {
			return true
		}
	}
	return false
}

// isStopChar reports whether the one-character string c is a function
// word.
func isStopChar(c rune) bool {
	s := string(c)
	return stopEither[s] || stopStart[s] || stopEnd[s]
}

// newTerm is a recurring Chinese string the glossary lacks.
type newTerm struct {
	zh   string
	segs []int // the segments with a good occurrence, in corpus order
	occ  int   // its good occurrences
	// at holds, by segment, where its first good occurrence is (byte
	// offsets in the Chinese span's text).
	at map[int][2]int
	// contains are the glossary concepts whose terms it is made with, and
	// chunks its pieces: those terms and the characters between them.
	contains []*glossary.Concept
	chunks   []chunk
	// cValue is its termhood (see cValues).
	cValue float64
}

// chunk is a piece of a new term: a glossary term in it, or characters
// between terms.
type chunk struct {
	zh      string
	concept *glossary.Concept
}

// stringCount counts a string's occurrences and the segments they are in.
type stringCount struct {
	occ, segs, last int
}

func (c *stringCount) add(seg int) {
	c.occ++
	if c.last != seg {
		c.segs++
		c.last = seg
	}
}

// newTerms finds the Chinese strings of minChars to maxChars characters
// that recur in at least opts.MinTermCount segments and are new to the
// glossary, most frequent first.
//
// The strings are counted level by level, as frequent-itemset mining
// does: a string of n characters is counted only where both its strings
// of n-1 are frequent, which keeps the counts to what can matter.
//
// An occurrence is good when it keeps the glossary terms found in the
// text whole (it neither starts nor ends inside one), is more than
// those terms (not only terms, and not a term with a character or two of
// function words) and neither starts nor ends inside a word (cutsWord). A string is proposed when its good occurrences are in
// enough segments, it is no glossary term nor inside one, it neither
// starts nor ends with a function word, and no longer string proposed
// holds all its occurrences (the curator wants 习近平总书记, not also
// 近平总书记 and 总书记): the closed frequent strings.
func (k *Corpus) newTerms(opts Options) []*newTerm {
	frequent := map[string]*stringCount{}
	var prev map[string]*stringCount
	for n := minChars; n <= maxChars; n++ {
		cur := map[string]*stringCount{}
		for si, s := range k.units {
			for ri := range s.runs {
				run := &s.runs[ri]
				for i := 0; i+n <= len(run.chars); i++ {
					if n > minChars && (prev[run.text(i, i+n-1)] == nil || prev[run.text(i+1, i+n)] == nil) {
						continue
					}
					key := run.text(i, i+n)
					c := cur[key]
					if c == nil {
						c = &stringCount{last: -1}
						cur[key] = c
					}
					c.add(si)
				}
			}
		}
		maps.DeleteFunc(cur, func(_ string, c *stringCount) bool { return c.segs < opts.MinTermCount })
		if len(cur) == 0 {
			break
		}
		maps.Copy(frequent, cur)
		prev = cur
	}

	pairs := pairCounts(k.units)
	gl := newGlossaryTerms(k.c.Glossary())
	terms := map[string]*newTerm{}
	rejected := map[string]bool{}
	var list []*newTerm
	for si, s := range k.units {
		for ri := range s.runs {
			run := &s.runs[ri]
			for i := range run.chars {
				for j := i + minChars; j <= len(run.chars) && j <= i+maxChars; j++ {
					key := run.text(i, j)
					if frequent[key] == nil {
						break // nor is a longer string from i, which starts with it
					}
					if rejected[key] {
						continue
					}
					chunks, ok := goodOccurrence(run.chars[i:j])
					if !ok || cutsWord(run, i, j, pairs) {
						continue
					}
					t := terms[key]
					if t == nil {
						if gl.isTerm(key) || gl.inside(key) || stopEdged(key) {
							rejected[key] = true
							continue
						}
						t = &newTerm{zh: key, at: map[int][2]int{}, chunks: chunks}
						for _, c := range chunks {
							if c.concept != nil && !slices.Contains(t.contains, c.concept) {
								t.contains = append(t.contains, c.concept)
							}
						}
						terms[key] = t
						list = append(list, t)
					}
					t.occ++
					if _, ok := t.at[si]; !ok {
						t.at[si] = [2]int{run.chars[i].at, run.end(j - 1)}
						t.segs = append(t.segs, si)
					}
				}
			}
		}
	}
	list = slices.DeleteFunc(list, func(t *newTerm) bool { return len(t.segs) < opts.MinTermCount })
	// Closed strings: drop a string a longer one holds with as many
	// occurrences.
	kept := map[string]*newTerm{}
	for _, t := range list {
		kept[t.zh] = t
	}
	subsumed := map[string]bool{}
	for _, t := range list {
		rs := []rune(t.zh)
		for i := range rs {
			for j := i + minChars; j <= len(rs); j++ {
				if j-i == len(rs) {
					continue
				}
				if u := kept[string(rs[i:j])]; u != nil && u.occ == t.occ {
					subsumed[u.zh] = true
				}
			}
		}
	}
	list = slices.DeleteFunc(list, func(t *newTerm) bool { return subsumed[t.zh] })
	cValues(list)
	slices.SortFunc(list, func(a, b *newTerm) int {
		return cmp.Or(cmp.Compare(b.cValue, a.cValue), len(b.segs)-len(a.segs), b.occ-a.occ, strings.Compare(a.zh, b.zh))
	})
	return list
}

// cValues sets the termhood of each string, its C-value (Frantzi,
// Ananiadou and Mima, "Automatic recognition of multi-word terms", 2000):
// log2 of its length times its frequency, less the mean frequency of the
// longer strings that contain it. Longer strings rank higher at the same
// frequency, since a two-character string is mostly a common word, and a
// string that recurs mostly inside longer ones (遵循 in 基本遵循) ranks
// lower. Frequency is the number of segments.
func cValues(list []*newTerm) {
	// The strings containing each are found through their substrings,
	// each counted once per string that contains it.
	type nest struct{ sum, n int }
	nested := make(map[string]*nest, len(list))
	for _, t := range list {
		nested[t.zh] = &nest{}
	}
	for _, b := range list {
		rs := []rune(b.zh)
		seen := map[string]bool{}
		for i := range rs {
			for j := i + minChars; j <= len(rs); j++ {
				sub := string(rs[i:j])
				if n := nested[sub]; n != nil && sub != b.zh && !seen[sub] {
					seen[sub] = true
					n.sum += len(b.segs)
					n.n++
				}
			}
		}
	}
	for _, a := range list {
		f := float64(len(a.segs))
		if n := nested[a.zh]; n.n > 0 {
			f -= float64(n.sum) / float64(n.n)
		}
		a.cValue = math.Log2(float64(utf8.RuneCountInString(a.zh))) * f
	}
}

// goodOccurrence reports whether characters cs may be an occurrence of a
// new term (see newTerms) and cuts them into chunks: the glossary terms in
// them and the characters between.
func goodOccurrence(cs []hanChar) ([]chunk, bool) {
	first, last := cs[0], cs[len(cs)-1]
	if first.term != nil && !first.first || last.term != nil && !last.last {
		return nil, false // it cuts a glossary term
	}
	if first.stop && !first.stopFirst || last.stop && !last.stopLast {
		return nil, false // it cuts a function word
	}
	var chunks []chunk
	var rest []rune // the characters outside terms
	var b strings.Builder
	for i, c := range cs {
		b.WriteRune(c.r)
		if c.term == nil {
			rest = append(rest, c.r)
			if i+1 == len(cs) || cs[i+1].term != nil {
				chunks = append(chunks, chunk{zh: b.String()})
				b.Reset()
			}
			continue
		}
		if c.last {
			chunks = append(chunks, chunk{zh: b.String(), concept: c.term})
			b.Reset()
		}
	}
	if len(rest) == len(cs) {
		return chunks, true
	}
	if len(rest) < 2 || !slices.ContainsFunc(rest, func(r rune) bool { return !isStopChar(r) }) {
		return nil, false // glossary terms, with at most a character or function words
	}
	return chunks, true
}

// glossaryTerms answers whether a string is a glossary term, or inside
// one.
type glossaryTerms struct {
	terms map[string]bool
	// byBigram lists the terms by each pair of characters in them, so
	// that a string is compared only with the terms that may hold it.
	byBigram map[string][]string
}

func newGlossaryTerms(g *glossary.Glossary) *glossaryTerms {
	gt := &glossaryTerms{terms: map[string]bool{}, byBigram: map[string][]string{}}
	for _, c := range g.Concepts {
		for _, zh := range append([]string{c.ZH}, c.ZHVariants...) {
			key := textnorm.Chinese(zh)
			if key == "" || gt.terms[key] {
				continue
			}
			gt.terms[key] = true
			rs := []rune(key)
			for i := 0; i+2 <= len(rs); i++ {
				bg := string(rs[i : i+2])
				if l := gt.byBigram[bg]; len(l) == 0 || l[len(l)-1] != key {
					gt.byBigram[bg] = append(l, key)
				}
			}
		}
	}
	return gt
}

func (gt *glossaryTerms) isTerm(zh string) bool { return gt.terms[zh] }

// inside reports whether zh is part of a longer glossary term.
func (gt *glossaryTerms) inside(zh string) bool {
	rs := []rune(zh)
	for _, term := range gt.byBigram[string(rs[:2])] {
		if term != zh && strings.Contains(term, zh) {
			return true
		}
	}
	return false
}
