// Package noun inflects English nouns for number: the plural of a
// singular and the singular of a plural, irregular ones included
// ("analysis" and "analyses", "criterion" and "criteria", "person" and
// "people") and uncountable ones left alone ("information",
// "equipment", "progress").
//
// The rules are github.com/gertd/go-pluralize's (the pluralize
// JavaScript library's, in Go), with the corrections below for words of
// policy English those rules get wrong. Writing plurals by hand gave
// "analysises" and "criterions"; a maintained rule set does not.
//
// The rules are regular expressions, tried in turn, so a call costs
// microseconds: the matcher does not call this package for every word it
// folds (see textnorm).
package noun

import (
	"strings"
	"sync"

	"github.com/gertd/go-pluralize"
)

// client is the rule set, built on first use: building it compiles some
// hundred regular expressions, which a command that never inflects a
// noun need not pay for. A built client is only read, which is safe from
// several goroutines.
var client = sync.OnceValue(func() *pluralize.Client {
	c := pluralize.NewClient()
	// Mass nouns of policy English that go-pluralize counts: "progress"
	// would become "progresses".
	for _, w := range uncountables {
		c.AddUncountableRule(w)
	}
	// Greek nouns in -sis are singular: go-pluralize singularizes
	// "basis" and "oasis" to "basi" and "oasi", while it pluralizes any
	// -sis to -ses. ("analyses" still becomes "analysis", by its rule
	// for -ses.)
	c.AddSingularRule(`(?i)(sis)$`, `$1`)
	// "axes" is the plural of "axis" more often than of "axe" here.
	c.AddIrregularRule("axis", "axes")
	// Nouns in -men that are not compounds of "man": go-pluralize
	// leaves "specimen" as its own plural and singularizes it to
	// "speciman", and makes "Yemen" "Yeman".
	c.AddPluralRule(notMan, `$1mens`)
	c.AddSingularRule(notMan, `$1men`)
	return c
})

// uncountables are the mass nouns added to go-pluralize's own list (which
// has "information", "equipment", "cooperation", "energy", "research",
// "news" and "series", among others).
var uncountables = []string{
	"progress", "governance", "infrastructure", "connectivity", "evidence",
	"knowledge", "feedback", "legislation",
}

// notMan matches the nouns in -men whose plural is -mens.
const notMan = `(?i)(\b(?:o|a|ye|lu|hy)|speci|regi|abdo|acu|bitu|sta)men$`

// Plural returns the plural of the noun w, in w's case ("Analysis" gives
// "Analyses", "COUNTRY" gives "COUNTRIES"); an uncountable noun or a
// plural is returned as it is.
func Plural(w string) string {
	if w == "" {
		return w
	}
	return plurals.get(w, func(w string) string { return client().Plural(w) })
}

// Singular returns the singular of the noun w, in w's case ("Criteria"
// gives "Criterion"); an uncountable noun or a singular is returned as it
// is.
func Singular(w string) string {
	if w == "" {
		return w
	}
	return singulars.get(w, func(w string) string { return client().Singular(w) })
}

// plurals and singulars remember the answers of Plural and Singular: a
// check asks about the same few head nouns for every fix it offers, and
// each answer costs some twenty regular expressions.
var plurals, singulars memo

// memoSize bounds a memo: past it, the memo starts again empty.
const memoSize = 4096

// memo remembers the answers of a function of one word, up to memoSize
// of them, for any goroutine.
type memo struct {
	mu sync.Mutex
	m  map[string]string
}

// get returns f(w), from the memo when it has it.
func (c *memo) get(w string, f func(string) string) string {
	c.mu.Lock()
	s, ok := c.m[w]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = f(w)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoSize {
		c.m = make(map[string]string)
	}
	c.m[w] = s
	c.mu.Unlock()
	return s
}

// IsPlural reports whether w is the plural of another form: whether
// Singular changes it. An uncountable noun ("news", "series",
// "information") is not.
func IsPlural(w string) bool {
	return !strings.EqualFold(Singular(w), w)
}
