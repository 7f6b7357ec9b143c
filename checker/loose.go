package checker

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/termlint/termlint/glossary"
)

// A reviewer reading a translation beside its source does not call a term
// missing because the English writes it with another article, in another
// form of its words ("ecological" for "ecology", as far as the Snowball
// stemmer joins them: not "summing" and "summation"), with a word or two
// inside it ("historic new achievements"
// for "historic achievements") or in the other order of a possessive
// ("the Party's 19th National Congress" for "the 19th National Congress of
// the Party"). The missing rule asks this loose reading of a rendering
// only when the strict matcher found none, so it costs nothing in the
// common case. A name (Title Case, "Xi Jinping Thought on Socialism with
// Chinese Characteristics for a New Era") is a fixed wording and is read
// strictly.

// looseSkip are the words a loose reading passes over: articles,
// demonstratives and possessives, and the "of" of the possessive
// alternation.
var looseSkip = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "this": true, "these": true, "that": true, "those": true,
	"its": true, "our": true, "their": true, "his": true, "her": true,
}

// maxInserted is how many other words may stand inside a rendering read
// loosely.
const maxInserted = 2

// looseWords splits English into the stems a loose reading compares: lower
// case, possessives and the words of looseSkip dropped, each word stemmed
// with the Snowball English stemmer (a maintained one, rather than suffix
// rules of our own).
func looseWords(text string) []string { return stemsOf(looseTokens(text)) }

// stemsOf returns the stems of tokens.
func stemsOf(tokens []looseToken) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = t.stem
	}
	return out
}

// comparatives are the comparative adjectives policy English puts in a
// rendering's place ("higher-standard opening up" for 更高水平对外开放),
// read as their base: the Snowball stemmer leaves comparatives alone.
var comparatives = map[string]string{
	"higher": "high", "greater": "great", "deeper": "deep", "broader": "broad",
	"wider": "wide", "closer": "close", "stronger": "strong", "larger": "large",
	"faster": "fast", "bigger": "big", "tighter": "tight", "lower": "low",
}

// looseToken is a word of a text read loosely: its stem and where it is.
type looseToken struct {
	stem       string
	start, end int
}

// looseTokens is looseWords with each word's place in text.
func looseTokens(text string) []looseToken {
	var out []looseToken
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) { // letters, digits, apostrophes, as context patterns read
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		w := strings.ToLower(text[i:j])
		for _, s := range []string{"'s", "’s"} {
			w = strings.TrimSuffix(w, s)
		}
		if w = strings.Trim(w, "'’"); w != "" && !looseSkip[w] {
			if base, ok := comparatives[w]; ok {
				w = base
			}
			out = append(out, looseToken{english.Stem(w, true), i, j})
		}
		i = j
	}
	return collapseExpansions(text, out)
}

// collapseExpansions reads a name spelled out before its abbreviation in
// brackets ("Communist Party of China (CPC)") as the abbreviation alone,
// one token over both, as a reviewer reads "the CPC Central Committee"
// in "the Communist Party of China (CPC) Central Committee".
func collapseExpansions(text string, tokens []looseToken) []looseToken {
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		word := text[t.start:t.end]
		n := len(word)
		if n < 2 || n > 6 || i < n || t.start == 0 || t.end >= len(text) ||
			text[t.start-1] != '(' || text[t.end] != ')' || strings.ToUpper(word) != word {
			continue
		}
		spelled := true
		for k, e := range tokens[i-n : i] {
			if text[e.start] != word[k] {
				spelled = false
				break
			}
		}
		if !spelled {
			continue
		}
		tokens[i-n] = looseToken{t.stem, tokens[i-n].start, t.end}
		tokens = slices.Delete(tokens, i-n+1, i+1)
		i -= n
	}
	return tokens
}

// looseIndex holds the loose readings of the renderings the missing rule
// asked about, made once per rendering: the checker is shared by
// goroutines, so it is a sync.Map.
type looseIndex struct{ stems sync.Map } // *glossary.Rendering -> []looseReading

// looseReading is a rendering or form read loosely: its stems, and
// whether it is a list ("amity, sincerity, mutual benefit and
// inclusiveness"), whose items keep their order.
type looseReading struct {
	stems []string
	list  bool
	// name says the rendering is a name, read word for word: only case,
	// articles and a name spelled out before its abbreviation aside.
	name bool
}

// readings returns the loose readings of r and its forms. Names are read
// word for word (see looseReading.name); name patterns are left to the
// matcher.
func (ix *looseIndex) readings(r *glossary.Rendering) []looseReading {
	if v, ok := ix.stems.Load(r); ok {
		return v.([]looseReading)
	}
	var out []looseReading
	for _, en := range append([]string{r.EN}, r.Forms...) {
		if isNamePattern(en) {
			continue
		}
		if ws := looseWords(en); len(ws) > 0 {
			out = append(out, looseReading{ws, strings.Contains(en, ","), titleCase(en) && startsUpper(en)})
		}
	}
	ix.stems.Store(r, out)
	return out
}

// looselyRendered reports whether the English, as loose words (english),
// holds one of concept c's usable renderings read loosely.
func (c *Checker) looselyRendered(con *glossary.Concept, english []string) bool {
	for _, r := range con.Renderings {
		if slices.ContainsFunc(c.loose.readings(r), func(lr looseReading) bool {
			if lr.name {
				return wordForWord(lr.stems, english)
			}
			return looseMatch(lr.stems, english, lr.list)
		}) {
			return true
		}
	}
	return false
}

// wordForWord reports whether text holds stems one after another.
func wordForWord(stems, text []string) bool {
	for i := 0; i+len(stems) <= len(text); i++ {
		if slices.Equal(text[i:i+len(stems)], stems) {
			return true
		}
	}
	return false
}

// looseMatch reports whether text holds the stems of a rendering: in
// order with at most maxInserted other words among them, or, for a
// rendering of two to six words that is not a list, in any order within a
// stretch of their number plus one (the possessive alternation). A list
// ("amity, sincerity, mutual benefit and inclusiveness") is a fixed
// sequence whose items keep their order: read in any order it would take
// a garbled list ("amity, mutual benefit, sincerity and inclusiveness",
// which the variant rule reports) for the rendering.
func looseMatch(stems, text []string, list bool) bool {
	k := len(stems)
	for i, w := range text {
		if w != stems[0] {
			continue
		}
		j, inserted := 1, 0
		for t := i + 1; t < len(text) && j < k && inserted <= maxInserted; t++ {
			if text[t] == stems[j] {
				j++
			} else {
				inserted++
			}
		}
		if j == k && inserted <= maxInserted {
			return true
		}
	}
	if list || k < 2 || k > 6 {
		return false
	}
	window := k + 1
	for i := 0; i+k <= len(text); i++ {
		if holdsAll(text[i:min(len(text), i+window)], stems) {
			return true
		}
	}
	return false
}

// holdsAll reports whether span (of at most 7 words, as looseMatch cuts
// it) holds every stem, each as often as stems does.
func holdsAll(span, stems []string) bool {
	var used [8]bool
	for _, s := range stems {
		found := false
		for i, w := range span {
			if !used[i] && w == s {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// minNearMiss is the fewest words of a rendering a near miss holds.
const minNearMiss = 3

// nearMiss is a stretch of English that holds most of a rendering's words
// in order but not the rendering: "quality development" for
// "high-quality development", "amity, sincerity, benefit and tolerance"
// for "amity, sincerity, mutual benefit and inclusiveness".
type nearMiss struct {
	rendering  *glossary.Rendering
	start, end int // in the segment's English
	matched    int // how many of the rendering's words it holds
}

// nearestMiss returns the best near miss of concept con's renderings in
// the English (as looseTokens), or false: a stretch holding, in order, at
// least three and at least three fifths of a rendering's content words
// (not "in" or "and"), with no
// more other words among them than the rendering has. Two words of a
// rendering of three are a paraphrase as often as a slip ("development
// that is of high quality"), and the editor is better left alone. The best holds the
// most words, then the greatest share, then is the shortest.
func (c *Checker) nearestMiss(con *glossary.Concept, english []looseToken) (nearMiss, bool) {
	var best nearMiss
	var bestShare float64
	found := false
	for _, r := range con.Renderings {
		if retired(r) {
			continue
		}
		stems := looseWords(r.EN)
		k := len(stems)
		if k < 2 {
			continue
		}
		// The words that count are content words: "in" and "and" are in
		// any sentence.
		content := func(stem string) int {
			if insteadEdgeWords[stem] {
				return 0
			}
			return 1
		}
		contentK := 0
		for _, st := range stems {
			contentK += content(st)
		}
		need := max(minNearMiss, (3*contentK+4)/5)
		for i, t := range english {
			first := slices.Index(stems, t.stem)
			if first < 0 {
				continue
			}
			matched, kept, next, last, extra := 1, content(t.stem), first+1, i, 0
			for j := i + 1; j < len(english) && next < k && extra <= k; j++ {
				if at := slices.Index(stems[next:], english[j].stem); at >= 0 {
					matched, kept, next, last = matched+1, kept+content(english[j].stem), next+at+1, j
				} else {
					extra++
				}
			}
			if kept < need || matched == k {
				continue
			}
			share := float64(matched) / float64(k)
			span := english[last].end - t.start
			if !found || matched > best.matched || matched == best.matched && (share > bestShare || share == bestShare && span < best.end-best.start) {
				best, bestShare, found = nearMiss{r, t.start, english[last].end, matched}, share, true
			}
		}
	}
	return best, found
}
