package checker

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// What this file decides is whether an English phrase the matcher found
// is the glossary's rendering where it stands: "neighborhood" is 周边 in
// "China's neighborhood" but not in "the neighborhood committee" (a
// rendering's Context), "CPC Central Committee" is not 党中央 inside "the
// Fifth Plenary Session of the 19th CPC Central Committee" (a name
// pattern), and a phrase inside a quotation is the quoted author's
// wording, not the translator's.

// contextPattern is one compiled pattern of a glossary.Context: the folded
// words before and after the "_"; "" stands for any one word.
type contextPattern struct {
	before, after []string
}

// compiledContext is a rendering's Context, compiled.
type compiledContext struct {
	require, exclude []contextPattern
	// reach is the most words a pattern looks at on either side.
	reach int
}

// compileContext compiles ctx, or returns nil when it says nothing.
// Patterns Validate would reject (no "_") are left out.
func compileContext(ctx *glossary.Context) *compiledContext {
	if ctx == nil || len(ctx.Require)+len(ctx.Exclude) == 0 {
		return nil
	}
	cc := &compiledContext{}
	compile := func(patterns []string) []contextPattern {
		var out []contextPattern
		for _, p := range patterns {
			words := strings.Fields(p)
			i := slices.Index(words, "_")
			if i < 0 {
				continue
			}
			cp := contextPattern{before: foldContextWords(words[:i]), after: foldContextWords(words[i+1:])}
			cc.reach = max(cc.reach, len(cp.before), len(cp.after))
			out = append(out, cp)
		}
		return out
	}
	cc.require, cc.exclude = compile(ctx.Require), compile(ctx.Exclude)
	return cc
}

func foldContextWords(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		if w != "*" {
			out[i] = foldContextWord(w)
		}
	}
	return out
}

// foldContextWord folds a word as the matcher does (case, plural, British
// spelling) but keeps a possessive: "China's neighborhood" is the policy
// term where "China neighborhood" need not be.
func foldContextWord(w string) string {
	w = strings.Map(func(r rune) rune {
		if r == '’' || r == '‘' {
			return '\''
		}
		return r
	}, w)
	if base, ok := strings.CutSuffix(strings.ToLower(w), "'s"); ok {
		return textnorm.Word(base) + "'s"
	}
	return textnorm.Word(w)
}

// fits reports whether the rendering's words at text[start:end] are the
// rendering: one required pattern fits around them (if any are
// required) and no excluded one does.
func (cc *compiledContext) fits(text []byte, start, end int) bool {
	before := wordsBefore(text, start, cc.reach)
	after := wordsAfter(text, end, cc.reach)
	fit := func(p contextPattern) bool {
		return wordsFit(p.before, before, true) && wordsFit(p.after, after, false)
	}
	if slices.ContainsFunc(cc.exclude, fit) {
		return false
	}
	return len(cc.require) == 0 || slices.ContainsFunc(cc.require, fit)
}

// wordsFit reports whether pattern words match the words next to a
// phrase: before holds the words before it, nearest last; after, nearest
// first.
func wordsFit(pattern, words []string, before bool) bool {
	if len(pattern) > len(words) {
		return false
	}
	if before {
		words = words[len(words)-len(pattern):]
	} else {
		words = words[:len(pattern)]
	}
	for i, w := range pattern {
		if w != "" && w != words[i] {
			return false
		}
	}
	return true
}

// isWordRune is what a word is made of for context patterns: letters,
// digits and apostrophes (a possessive stays on its word).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// wordsBefore returns up to n folded words before offset, nearest last,
// stopping at punctuation other than a hyphen: a pattern's words are
// one stretch of the sentence.
func wordsBefore(text []byte, offset, n int) []string {
	var words []string
	i := offset
	for len(words) < n && i > 0 {
		// Skip the spaces (and hyphens) before the word, but not a blank
		// line: a paragraph or a heading ends there.
		j, newlines := i, 0
		for j > 0 {
			r, size := utf8.DecodeLastRune(text[:j])
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '-' && r != 0 {
				break
			}
			if r == '\n' {
				newlines++
			}
			j -= size
		}
		if newlines > 1 {
			break
		}
		k := j
		for k > 0 {
			r, size := utf8.DecodeLastRune(text[:k])
			if !isWordRune(r) {
				break
			}
			k -= size
		}
		if k == j {
			break
		}
		words = append(words, foldContextWord(string(text[k:j])))
		i = k
	}
	slices.Reverse(words)
	return words
}

// wordsAfter returns up to n folded words after offset, nearest first
// (see wordsBefore).
func wordsAfter(text []byte, offset, n int) []string {
	var words []string
	i := offset
	for len(words) < n && i < len(text) {
		j, newlines := i, 0
		for j < len(text) {
			r, size := utf8.DecodeRune(text[j:])
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '-' && r != 0 {
				break
			}
			if r == '\n' {
				newlines++
			}
			j += size
		}
		if newlines > 1 {
			break
		}
		k := j
		for k < len(text) {
			r, size := utf8.DecodeRune(text[k:])
			if !isWordRune(r) {
				break
			}
			k += size
		}
		if k == j {
			break
		}
		words = append(words, foldContextWord(string(text[j:k])))
		i = k
	}
	return words
}

// namePattern is a rendering written with placeholders ("plenary
// session of the {ordinal} CPC Central Committee"): a name that takes
// many values, matched word by word around the occurrences the matcher
// found, which it shadows. It is matched by hand rather than by a regular
// expression: one expression of every name, run around each occurrence,
// cost more than the rest of a check.
type namePattern struct {
	reading Reading
	words   []nameWord
}

// nameWord is one word of a name pattern: a literal, lower case, which
// matches in any case and with a plural s ("plenary sessions of the"), or
// a placeholder.
type nameWord struct {
	literal []byte
	kind    placeholder
}

// placeholder is the kind of word a pattern's placeholder matches.
type placeholder uint8

const (
	literalWord placeholder = iota
	ordinalWord             // {ordinal}: 19th, fifth
	numberWord              // {number}: any figure
)

// placeholders are the placeholders a name pattern may hold.
var placeholders = map[string]placeholder{"{ordinal}": ordinalWord, "{number}": numberWord}

// isNamePattern reports whether a rendering's English is a name pattern.
func isNamePattern(en string) bool { return strings.Contains(en, "{") }

// compileNamePattern splits a name pattern into its words.
func compileNamePattern(r Reading) namePattern {
	p := namePattern{reading: r}
	for _, w := range strings.Fields(r.Rendering.EN) {
		if kind, ok := placeholders[w]; ok {
			p.words = append(p.words, nameWord{kind: kind})
			continue
		}
		p.words = append(p.words, nameWord{literal: []byte(strings.ToLower(w))})
	}
	return p
}

// matches reports whether word w of a text fits the pattern word.
func (nw nameWord) matches(w []byte) bool {
	switch nw.kind {
	case ordinalWord:
		return isOrdinalFigure(w) || isOrdinalWord(w)
	case numberWord:
		return len(w) > 0 && w[0] >= '0' && w[0] <= '9'
	}
	if len(w) == len(nw.literal)+1 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') {
		w = w[:len(w)-1]
	}
	return bytes.EqualFold(w, nw.literal)
}

// names holds the glossary's name patterns.
type names struct {
	patterns []namePattern
	// longest is the most words a pattern has; numbers is set when some
	// pattern holds {number}, which any figure may be.
	longest int
	numbers bool
}

func compileNames(readings []Reading) *names {
	if len(readings) == 0 {
		return nil
	}
	n := &names{}
	for _, r := range readings {
		p := compileNamePattern(r)
		n.patterns = append(n.patterns, p)
		n.longest = max(n.longest, len(p.words))
		n.numbers = n.numbers || slices.ContainsFunc(p.words, func(w nameWord) bool { return w.kind == numberWord })
	}
	return n
}

// wordSpan is a word of a text: text[start:end].
type wordSpan struct{ start, end int }

// nameWords returns up to n words on either side of text[start:end] and
// the words inside it, in order, and the index of the first word inside.
// A character other than a space, a letter, a digit, a hyphen or an
// apostrophe is a word of its own, which no pattern word matches, so a
// name never runs across punctuation.
func nameWords(dst []wordSpan, text []byte, start, end, n int) ([]wordSpan, int) {
	dst = dst[:0]
	// Back from start to the n-th word before it.
	lo, count := start, 0
	for lo > 0 && count < n {
		k := lo
		for k > 0 && isNameSpace(text[k-1]) {
			k--
		}
		if k == 0 {
			lo = 0
			break
		}
		j := k
		for j > 0 && isNameWordByte(text[j-1]) {
			j--
		}
		if j == k {
			j-- // one byte of punctuation (or of a non-ASCII character)
		}
		lo, count = j, count+1
	}
	first, after := -1, 0
	for i := lo; i < len(text) && after < n; {
		if isNameSpace(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isNameWordByte(text[j]) {
			j++
		}
		if j == i {
			j++
		}
		if i >= start && first < 0 {
			first = len(dst)
		}
		dst = append(dst, wordSpan{i, j})
		if i >= end {
			after++
		}
		i = j
	}
	if first < 0 {
		first = len(dst)
	}
	return dst, first
}

func isNameSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0 }

func isNameWordByte(c byte) bool {
	return isASCIILetterOrDigit(c) || c == '-' || c == '\'' || c >= 0x80
}

// nameWindow is how far around an occurrence a number or an ordinal is
// looked for before the patterns are tried: no name pattern holds that
// many bytes beside the phrase it shadows.
const nameWindow = 160

// shadow wraps the occurrences (top level, in order) that stand inside a
// match of a name pattern in an occurrence of the name, so that the rules
// see the name and not the renderings in it. Names are looked for only
// around occurrences that have a number or an ordinal near them, so the
// cost follows the occurrences, not the text.
func (n *names) shadow(text []byte, occs []*Occurrence) []*Occurrence {
	if n == nil || len(occs) == 0 {
		return occs
	}
	out := occs[:0:0]
	var words []wordSpan
	var lastName *Occurrence
	for _, o := range occs {
		if lastName != nil && o.End <= lastName.End {
			lastName.Nested = append(lastName.Nested, o) // inside the name found last
			continue
		}
		lo, hi := max(0, o.Start-nameWindow), min(len(text), o.End+nameWindow)
		if !hasPlaceholderWord(text[lo:hi], n.numbers) {
			out = append(out, o)
			continue
		}
		var first int
		words, first = nameWords(words, text, o.Start, o.End, n.longest)
		last := first
		for last+1 < len(words) && words[last+1].end <= o.End {
			last++
		}
		if name := n.find(text, words, first, last); name != nil {
			name.Segment, name.Nested = o.Segment, []*Occurrence{o}
			out = append(out, name)
			lastName = name
			continue
		}
		out = append(out, o)
	}
	return out
}

// find returns an occurrence of the longest name pattern whose match
// covers words[first..last], or nil; a match that is just those words is
// the phrase the matcher found, not a name around it.
func (n *names) find(text []byte, words []wordSpan, first, last int) *Occurrence {
	var best *Occurrence
	for _, p := range n.patterns {
		l := len(p.words)
		for s := max(0, last-l+1); s <= first && s+l <= len(words); s++ {
			if s == first && s+l-1 == last {
				continue
			}
			fits := true
			for k, pw := range p.words {
				if w := words[s+k]; !pw.matches(text[w.start:w.end]) {
					fits = false
					break
				}
			}
			if fits && (best == nil || words[s+l-1].end-words[s].start > best.End-best.Start) {
				best = &Occurrence{Start: words[s].start, End: words[s+l-1].end, Readings: []Reading{p.reading}}
			}
		}
	}
	return best
}

// ordinalWords are the ordinals written out that {ordinal} matches, in
// lower case.
var ordinalWords = bytes.Fields([]byte("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second"))

// isOrdinalWord reports whether w is an ordinal written out, in any case.
func isOrdinalWord(w []byte) bool {
	return len(w) >= 5 && slices.ContainsFunc(ordinalWords, func(o []byte) bool { return bytes.EqualFold(w, o) })
}

// hasPlaceholderWord reports whether text holds a word a placeholder can
// match: an ordinal, in figures or words, or with numbers set, any word
// that starts with a digit. It is the cheap look that spares most
// occurrences the patterns.
func hasPlaceholderWord(text []byte, numbers bool) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if !isASCIILetterOrDigit(c) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isASCIILetterOrDigit(text[j]) || text[j] == '-') {
			j++
		}
		w := text[i:j]
		switch {
		case c >= '0' && c <= '9':
			if numbers || isOrdinalFigure(w) {
				return true
			}
		case isOrdinalWord(w):
			return true
		}
		i = j
	}
	return false
}

// isOrdinalFigure reports whether w is an ordinal in figures ("19th").
func isOrdinalFigure(w []byte) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	a, b := w[n-2]|0x20, w[n-1]|0x20 // ASCII lower case
	suffix := a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
	return suffix && w[n-3] >= '0' && w[n-3] <= '9'
}

func isASCIILetterOrDigit(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quoteSpans finds the stretches of text inside quotation marks: curly
// double quotes pair by shape, straight ones in turn within a paragraph.
// A quotation never runs past a blank line. Straight quotes, which do not
// say which end they are, make a quotation of at most maxStraight bytes,
// a longer one being taken for a stray mark; curly ones, which pair by
// shape, may quote a whole paragraph of speech (maxCurly).
func quoteSpans(text []byte) []span {
	const maxStraight, maxCurly = 600, 4000
	var spans []span
	open, straight := -1, -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == '\n' && i+1 < len(text) && (text[i+1] == '\n' || text[i+1] == '\r'):
			open, straight = -1, -1
		case r == '“' || r == '«' || r == '「':
			open = i + size
		case (r == '”' || r == '»' || r == '」') && open >= 0:
			if i-open <= maxCurly {
				spans = append(spans, span{open, i})
			}
			open = -1
		case r == '"':
			if straight < 0 {
				straight = i + size
			} else {
				if i-straight <= maxStraight {
					spans = append(spans, span{straight, i})
				}
				straight = -1
			}
		}
		i += size
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	return spans
}

// span is a stretch of bytes of a text.
type span struct{ start, end int }

// within reports whether [start, end) lies inside one of spans, which
// are sorted and do not overlap.
func within(spans []span, start, end int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end >= start })
	return i < len(spans) && spans[i].start <= start && end <= spans[i].end
}
