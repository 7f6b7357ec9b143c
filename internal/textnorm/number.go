package textnorm

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm/noun"
)

// The number of a word is folded with package noun (go-pluralize's rules),
// the rules that inflect writes plurals with, so that a fix's plural reads
// as the same word as its singular: "analyses" folds to "analysis",
// "criteria" to "criterion", "people" to "person", while "news",
// "series", "process" and "status" stay as they are. The fold applies to
// every word, not only to head nouns, which is harmless because keys are
// only compared with keys; a few words are left alone on purpose (see
// keepNumber).
//
// Those rules are regular expressions and cost microseconds a word, and
// the matcher folds every word of every text it has not cached, so the
// rules are asked only about words that may be plurals (mayBePlural: most
// words are passed over with a look at their last letters), and their
// answers are remembered (singularCache).

// appendSingular replaces the word dst[start:], lower case and spelled
// the American way, with its fold for number and returns the extended
// slice, which is dst's memory unless the fold is longer than the word
// ("criteria" becomes "criterion") and dst has no room for it.
func appendSingular(dst []byte, start int) []byte {
	b := dst[start:]
	if !mayBePlural(b) {
		return dst
	}
	e := singularOf(b)
	if e.same {
		return dst
	}
	return append(dst[:start], e.singular...)
}

// pluralEndings has a bit for each pair of last two bytes that
// mayBePlural may say yes to, for a look-up that AppendWord makes inline:
// most words, "the" and "when" among them, stop there.
var pluralEndings = func() (bits [1 << 16 / 64]uint64) {
	set := func(a, b byte) {
		k := uint16(a)<<8 | uint16(b)
		bits[k/64] |= 1 << (k % 64)
	}
	for c := range 256 {
		set(byte(c), 's')
		set(byte(c), 'a')
		set(byte(c), 'i')
	}
	for _, pair := range []string{"ae", "ce", "le", "se", "en", "im", "et", "th", "ux", "by"} {
		set(pair[0], pair[1])
	}
	return bits
}()

// endsLikePlural reports whether the last two bytes of b, which has at
// least two, have a bit in pluralEndings.
func endsLikePlural(b []byte) bool {
	k := uint16(b[len(b)-2])<<8 | uint16(b[len(b)-1])
	return pluralEndings[k/64]&(1<<(k%64)) != 0
}

// maxNumberFolds bounds the rounds of numberFold.
const maxNumberFolds = 4

// mayBePlural reports whether go-pluralize may give the lower-case word b
// a singular other than b: its rules (v0.2.1, and package noun's own) and
// its irregular plurals all end in s, or in one of the endings below. A
// word with none of them is its own singular, which FuzzAppendWord checks
// against the rules themselves.
func mayBePlural(b []byte) bool {
	n := len(b)
	if n < 2 {
		return false
	}
	// One switch on the last letter, so that a word pays for at most a
	// few comparisons.
	switch b[n-1] {
	case 's':
		return n > 3 // "its", "has", "gas" and the like stay
	case 'a': // data, criteria, phenomena, genera, stigmata
		return n > 2
	case 'i': // alumni, foci, stimuli
		return n > 3
	case 'e': // algae, mice, dice, people, geese
		return hasSuffix(b, "ae") || hasSuffix(b, "ice") || hasSuffix(b, "ople") || hasSuffix(b, "eese")
	case 'n': // men, women, children, oxen
		return hasSuffix(b, "men") || hasSuffix(b, "ren") || hasSuffix(b, "oxen")
	case 'm': // cherubim
		return hasSuffix(b, "im")
	case 't': // feet
		return hasSuffix(b, "eet")
	case 'h': // teeth
		return hasSuffix(b, "eeth")
	case 'x': // bureaux
		return hasSuffix(b, "eaux")
	case 'y': // passersby
		return hasSuffix(b, "sby")
	}
	return false
}

// hasSuffix is bytes.HasSuffix for a string suffix, without allocating.
func hasSuffix(b []byte, suffix string) bool {
	return len(b) >= len(suffix) && string(b[len(b)-len(suffix):]) == suffix
}

// keepNumber are the words whose number the fold leaves alone: pronouns,
// which go-pluralize pairs as if they were nouns ("ourselves" and
// "myself"), and would otherwise make one phrase of "our neighbors" and
// "my neighbors". Most of its pronoun pairs mayBePlural never asks about.
var keepNumber = map[string]bool{
	"we": true, "us": true, "they": true, "them": true, "our": true, "their": true,
	"these": true, "those": true, "are": true, "were": true, "have": true,
	"ourselves": true, "yourselves": true, "themselves": true,
}

// singularOf returns the cache entry of the lower-case word b: its fold
// for number (numberFold).
func singularOf(b []byte) *cacheEntry {
	h := maphash.Bytes(cacheSeed, b)
	set := &singularCache[h&(cacheSets-1)]
	for i := range set {
		if e := set[i].Load(); e != nil && e.word == string(b) {
			return e
		}
	}
	w := string(b)
	s := numberFold(w)
	e := &cacheEntry{word: w, singular: s, same: s == w}
	// An empty way if there is one, else one in turn: a word that is
	// asked about again soon is in the set again soon.
	way := int(cacheTurn.Add(1) % cacheWays)
	for i := range set {
		if set[i].Load() == nil {
			way = i
			break
		}
	}
	set[way].Store(e)
	return e
}

// numberFold is the fold for number of the lower-case word w, without
// the cache: go-pluralize's singular, in lower case, asked again until
// it changes nothing (go-pluralize's singular of a singular is not
// always itself, and a fold of a fold must be the fold).
func numberFold(w string) string {
	for range maxNumberFolds {
		s := singularStep(w)
		if s == w {
			break
		}
		w = s
	}
	return w
}

// singularStep is one round of numberFold.
func singularStep(w string) string {
	if keepNumber[w] || len(w) <= 3 && strings.HasSuffix(w, "s") {
		return w
	}
	// Every rule ends in ASCII letters, but case-blind: a final long s
	// (ſ), which NFKC makes s before the matcher folds, would be taken
	// for a plural's s. Nothing else that ends in another letter is a
	// plural to go-pluralize.
	if r, _ := utf8.DecodeLastRuneInString(w); r >= utf8.RuneSelf {
		return w
	}
	return strings.ToLower(noun.Singular(w))
}

// cacheEntry is a word and its singular (numberFold), and whether the
// two are the same, which most words ending in s are not.
type cacheEntry struct {
	word, singular string
	same           bool
}

// cacheSets and cacheWays shape singularCache: 16,384 words, more than
// the distinct words that may be plurals of a long document or a large
// glossary, at 8 bytes a word.
const (
	cacheSets = 1 << 12
	cacheWays = 4
)

// singularCache remembers the singulars of the words numberFold was asked
// about lately. It is a set-associative cache: a word hashes to a set of
// cacheWays slots and is looked for in each, so it is bounded, and two
// words of one text that hash alike do not keep pushing each other out
// (as they would in a direct-mapped cache, each miss costing a call to
// go-pluralize). Each slot is an atomic pointer to an entry that never
// changes, so goroutines read it without a lock and a hit allocates
// nothing.
var singularCache [cacheSets][cacheWays]atomic.Pointer[cacheEntry]

// cacheTurn chooses the way a miss replaces in a full set.
var cacheTurn atomic.Uint32

// cacheSeed seeds the hash of singularCache's sets.
var cacheSeed = maphash.MakeSeed()
