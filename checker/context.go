package checker

import (
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
	"{ordinal}": `(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)`,
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
// whose group i+1 is pattern i.
type names struct {
	patterns []namePattern
	re       *regexp.Regexp
}

func compileNames(patterns []namePattern) *names {
	if len(patterns) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(`(?i)\b(?:`)
	for i, p := range patterns {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString("(" + nameExpr(p.reading.Rendering.EN) + ")")
	}
	b.WriteString(`)\b`)
	return &names{patterns: patterns, re: regexp.MustCompile(b.String())}
}

// nameWindow is how far around an occurrence a name that holds it is
// looked for, in bytes: longer than any name pattern's words beside the
// phrase it shadows.
const nameWindow = 160

// shadow wraps the occurrences (top level, in order) that stand inside a
// name pattern's match in an occurrence of the name, so that the rules
// see the name and not the renderings in it. It looks for names only
// around occurrences, so its cost follows them, not the text.
func (n *names) shadow(text []byte, occs []*Occurrence) []*Occurrence {
	if n == nil || len(occs) == 0 {
		return occs
	}
	out := occs[:0:0]
	for i := 0; i < len(occs); i++ {
		o := occs[i]
		lo, hi := max(0, o.Start-nameWindow), min(len(text), o.End+nameWindow)
		var name *Occurrence
		for _, m := range n.re.FindAllSubmatchIndex(text[lo:hi], -1) {
			start, end := lo+m[0], lo+m[1]
			if start > o.Start || end < o.End || start == o.Start && end == o.End {
				continue // not around it, or the same phrase the matcher found
			}
			for g := 1; 2*g < len(m); g++ {
				if m[2*g] >= 0 {
					r := n.patterns[g-1].reading
					name = &Occurrence{Start: start, End: end, Readings: []Reading{r}, Segment: o.Segment}
					break
				}
			}
			break
		}
		if name == nil {
			// A name that ends before this occurrence may have
			// taken the previous one already.
			if k := len(out) - 1; k >= 0 && out[k].End > o.Start && o.End <= out[k].End {
				out[k].Nested = append(out[k].Nested, o)
				continue
			}
			out = append(out, o)
			continue
		}
		// The name holds this occurrence and those after it that end
		// inside it; an earlier occurrence it overlaps stays as it is.
		name.Nested = append(name.Nested, o)
		for i+1 < len(occs) && occs[i+1].Start < name.End && occs[i+1].End <= name.End {
			i++
			name.Nested = append(name.Nested, occs[i])
		}
		out = append(out, name)
	}
	return out
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
