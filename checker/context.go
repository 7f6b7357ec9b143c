package checker

import (
	"bytes"
	"regexp"
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
		// Skip the spaces (and hyphens) before the word.
		j := i
		for j > 0 {
			r, size := utf8.DecodeLastRune(text[:j])
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '-' && r != 0 {
				break
			}
			j -= size
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
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRune(text[j:])
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '-' && r != 0 {
				break
			}
			j += size
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

// namePattern is a rendering written with placeholders ("{ordinal}
// Plenary Session of the {ordinal} CPC Central Committee"): a name that
// takes many values, found with a regular expression around the
// occurrences the matcher found, which it shadows.
type namePattern struct {
	reading Reading
}

// placeholders are what a name pattern's placeholders match.
var placeholders = map[string]string{
	// Every ordinal, in figures or in words, ends so; what else does
	// ("north") never stands before a name's words.
	"{ordinal}": `[0-9a-z-]*(?:st|nd|rd|th)`,
	"{number}":  `\d+`,
}

// placeholderRE finds placeholders in a rendering.
var placeholderRE = regexp.MustCompile(`\{[a-z]+\}`)

// isNamePattern reports whether a rendering's English is a name pattern.
func isNamePattern(en string) bool { return placeholderRE.MatchString(en) }

// nameExpr is the regular expression of one name pattern: its words,
// any run of spaces between them, any case.
func nameExpr(en string) string {
	var b strings.Builder
	rest := en
	for rest != "" {
		loc := placeholderRE.FindStringIndex(rest)
		lit := rest
		if loc != nil {
			lit = rest[:loc[0]]
		}
		for i, w := range strings.Split(lit, " ") {
			if i > 0 {
				b.WriteString(`\s+`)
			}
			b.WriteString(regexp.QuoteMeta(w))
			if w != "" {
				b.WriteString(`s?`) // "plenary sessions of the ..."
			}
		}
		if loc == nil {
			break
		}
		expr, ok := placeholders[rest[loc[0]:loc[1]]]
		if !ok {
			expr = regexp.QuoteMeta(rest[loc[0]:loc[1]])
		}
		b.WriteString(expr)
		rest = rest[loc[1]:]
	}
	return b.String()
}

// names holds the glossary's name patterns compiled into one expression
// that finds any of them (without groups, which would force Go's slowest
// engine), and each on its own, anchored, to tell which one a match is.
type names struct {
	patterns []namePattern
	re       *regexp.Regexp
	each     []*regexp.Regexp
}

func compileNames(patterns []namePattern) *names {
	if len(patterns) == 0 {
		return nil
	}
	// Matched against text in lower case (asciiLower).
	n := &names{patterns: patterns}
	exprs := make([]string, len(patterns))
	for i, p := range patterns {
		exprs[i] = nameExpr(strings.ToLower(p.reading.Rendering.EN))
		n.each = append(n.each, regexp.MustCompile(`^(?:`+exprs[i]+`)$`))
	}
	n.re = regexp.MustCompile(`\b(?:` + strings.Join(exprs, "|") + `)\b`)
	return n
}

// nameWindow is how far around an occurrence a name that holds it is
// looked for, in bytes: longer than any name pattern's words beside the
// phrase it shadows.
const nameWindow = 160

// maxStretch is the longest stretch of text the name expression runs
// over at once (see shadow).
const maxStretch = 2048

// shadow wraps the occurrences (top level, in order) that stand inside a
// name pattern's match in an occurrence of the name, so that the rules
// see the name and not the renderings in it. It looks for names only
// around occurrences, once per stretch of text where their windows
// overlap, so its cost follows the occurrences, not the text.
func (n *names) shadow(text []byte, occs []*Occurrence) []*Occurrence {
	if n == nil || len(occs) == 0 {
		return occs
	}
	out := occs[:0:0]
	var lower []byte
	for i := 0; i < len(occs); {
		// The cluster of occurrences whose windows overlap.
		lo, hi := max(0, occs[i].Start-nameWindow), min(len(text), occs[i].End+nameWindow)
		j := i + 1
		// A stretch is cut at about maxStretch bytes (each occurrence's
		// window stays whole in its stretch): Go runs a short input
		// through its fast backtracking engine.
		for j < len(occs) && occs[j].Start-nameWindow <= hi && hi-lo < maxStretch {
			hi = max(hi, min(len(text), occs[j].End+nameWindow))
			j++
		}
		// Every name pattern has a placeholder, so a stretch without a
		// number or an ordinal holds no name: skip the expression,
		// which costs far more than this look.
		if !hasPlaceholderWord(text[lo:hi]) {
			out = append(out, occs[i:j]...)
			i = j
			continue
		}
		lower = asciiLower(lower[:0], text[lo:hi])
		matches := n.re.FindAllIndex(lower, -1)
		m := 0
		for k := i; k < j; k++ {
			o := occs[k]
			for m < len(matches) && lo+matches[m][1] < o.End {
				m++
			}
			if m == len(matches) {
				out = append(out, o)
				continue
			}
			start, end := lo+matches[m][0], lo+matches[m][1]
			if start > o.Start || start == o.Start && end == o.End {
				out = append(out, o) // not inside it, or the same phrase the matcher found
				continue
			}
			if last := len(out) - 1; last >= 0 && out[last].Start == start && out[last].End == end && out[last].Readings[0].Concept == n.reading(lower, matches[m]).Concept {
				out[last].Nested = append(out[last].Nested, o) // the same name again
				continue
			}
			out = append(out, &Occurrence{Start: start, End: end, Readings: []Reading{n.reading(lower, matches[m])}, Segment: o.Segment, Nested: []*Occurrence{o}})
		}
		i = j
	}
	return out
}

// reading is the reading of the name pattern that the match m of the
// combined expression in text is of: the first that matches it whole.
func (n *names) reading(text []byte, m []int) Reading {
	for i, re := range n.each {
		if re.Match(text[m[0]:m[1]]) {
			return n.patterns[i].reading
		}
	}
	return n.patterns[0].reading
}

// asciiLower appends text to dst with ASCII letters in lower case, every
// byte kept in place, so that offsets into the copy are offsets into text.
func asciiLower(dst, text []byte) []byte {
	for _, c := range text {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// ordinalWords are the ordinals written out that {ordinal} matches, in
// lower case.
var ordinalWords = strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second")

// hasPlaceholderWord reports whether text holds a word a placeholder can
// match: one that starts with a digit, or an ordinal written out.
func hasPlaceholderWord(text []byte) bool {
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
		if w := text[i:j]; c >= '0' && c <= '9' || len(w) >= 5 && slices.ContainsFunc(ordinalWords, func(o string) bool { return bytes.EqualFold(w, []byte(o)) }) {
			return true
		}
		i = j
	}
	return false
}

func isASCIILetterOrDigit(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quoteSpans finds the stretches of text inside quotation marks: curly
// double quotes pair by shape, straight ones in turn within a paragraph.
// A quotation never runs past a blank line, and one longer than
// maxQuote bytes is taken for a stray mark, not a quotation.
func quoteSpans(text []byte) []span {
	const maxQuote = 600
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
			if i-open <= maxQuote {
				spans = append(spans, span{open, i})
			}
			open = -1
		case r == '"':
			if straight < 0 {
				straight = i + size
			} else {
				if i-straight <= maxQuote {
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
