package checker

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/numerals"
	"github.com/termlint/termlint/internal/textnorm"
)

// slot is what a fix must agree with where a rendering stands: the word
// before it, and whether a noun follows it. A finding offers a fix only when the replacement fits the
// slot (fits); otherwise it gives the advice without one, because a fix
// that breaks the sentence is worse than none ("foster an fostering
// good neighborliness", "its countries in our periphery").
type slot uint8

// The word before a rendering, as far as a fix cares (the low bits).
const (
	slotFree       slot = iota // nothing a replacement must agree with
	slotArticleA               // "a"
	slotArticleAn              // "an"
	slotDeterminer             // the, this, its, our, China's ...
	slotNoFix                  // a quotation mark in or at the phrase, or a bracket after it
	slotQuantifier             // both, all, every ...
)

// slotModifier is set when a content word follows the rendering, which
// then modifies it ("Belt and Road cooperation projects"): a replacement
// built with a preposition cannot stand there.
const slotModifier slot = 8

// slotComplement is set when "of" follows the rendering: the phrase after
// it may spell out what the rendering leaves open ("the two overall
// situations of domestic and international affairs").
const slotComplement slot = 16

// before is the slot's word-before part.
func (s slot) before() slot { return s &^ (slotModifier | slotComplement) }

// headNouns are the nouns a policy rendering most often modifies
// ("Belt and Road cooperation projects", "neighborhood diplomacy
// strategy"), folded as the context words are. Which word after a phrase
// is a noun and which a verb ("Periphery work lacks staff") no short
// rule tells, so only these make a modifier: a fix is withheld where it
// is known not to fit, and offered elsewhere.
var headNouns = foldContextWords(strings.Fields("project projects country countries cooperation mechanism mechanisms framework initiative initiatives platform platforms document documents agreement agreements policy policies strategy strategies zone zones partner partners program programs programme programmes construction development area areas region regions economy market markets enterprise enterprises company companies spirit concept vision idea ideas work affairs relations diplomacy security community communities"))

// determiners are the words before a noun phrase that a replacement
// starting with its own determiner, or holding a possessive, would
// clash with.
var determiners = []string{"the", "this", "that", "these", "those", "its", "our", "their", "his", "her", "my", "your", "whose", "such"}

// quantifiers are the determiners that take no numeral after them ("both
// two overall situations").
var quantifiers = []string{"every", "each", "any", "some", "no", "both", "all", "another", "either", "neither"}

// possessiveDeterminers are the words whose person a replacement carries
// ("countries in our periphery"): it fits only after no determiner.
var possessiveDeterminers = []string{"our", "its", "their", "his", "her", "my", "your"}

// isQuoteMark reports whether r is a quotation mark. The apostrophe of a
// possessive is ’ or ', which are quotation marks only at a word's edge:
// slotAt tells them apart.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '「', '」', '‘', '„':
		return true
	}
	return false
}

// slotOf returns the slot of occurrence o of f: no fix in quoted speech,
// whose words are the speaker's.
func (f *File) slotOf(o *Occurrence) slot {
	if o.Quoted {
		return slotNoFix
	}
	return slotAt(f.checkable(), o.Start, o.End)
}

// slotAt returns the slot of the phrase text[start:end].
func slotAt(text []byte, start, end int) slot {
	phrase := text[start:end]
	for i, r := range string(phrase) {
		if isQuoteMark(r) || (r == '\'' || r == '’') && !insideWord(phrase, i) {
			return slotNoFix
		}
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRune(text[end:]); isQuoteMark(r) {
			return slotNoFix
		}
		// "(CPC)" after a full name defines an abbreviation the
		// replacement would leave without its name.
		if rest := bytes.TrimLeft(text[end:], " "); len(rest) > 0 && (rest[0] == '(' || strings.HasPrefix(string(rest[:min(3, len(rest))]), "（")) {
			return slotNoFix
		}
	}
	if start > 0 {
		if r, _ := utf8.DecodeLastRune(text[:start]); isQuoteMark(r) {
			return slotNoFix
		}
	}
	var s slot
	if after := wordsAfter(text, end, 1); len(after) == 1 && slices.Contains(headNouns, after[0]) {
		s = slotModifier
	} else if len(after) == 1 && after[0] == "of" {
		s = slotComplement
	}
	before := wordsBefore(text, start, 1)
	if len(before) == 0 {
		return s
	}
	switch w := before[0]; {
	case w == "a":
		return s | slotArticleA
	case w == "an":
		return s | slotArticleAn
	case slices.Contains(quantifiers, w):
		return s | slotQuantifier
	case slices.Contains(determiners, w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'"):
		return s | slotDeterminer
	}
	return s
}

// insideWord reports whether the apostrophe at phrase[i] is a
// possessive's or a contraction's: a letter before it, and after it an
// s, a letter, or the end of a plural ("countries’").
func insideWord(phrase []byte, i int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRune(phrase[:i])
	if !unicode.IsLetter(prev) {
		return false
	}
	_, size := utf8.DecodeRune(phrase[i:])
	if i+size >= len(phrase) {
		return prev == 's' || prev == 'S'
	}
	next, _ := utf8.DecodeRune(phrase[i+size:])
	return unicode.IsLetter(next)
}

// fits reports whether replacing text, the form written of rendering
// from, by replacement, written as rendering to, leaves the sentence
// whole: the
// same phrase type; no quotation mark in or at the phrase; an article
// before it that still agrees; no second determiner or clashing
// possessive after one; before an "of" phrase, nothing the phrase may
// already say (specifiesAnew); no plural forced onto a name ("Belt and
// Road Initiatives" for "Belt and Road projects").
func (s slot) fits(text, written string, from, to *glossary.Rendering, replacement string) bool {
	if to == nil || from.PhraseType() != to.PhraseType() || s.before() == slotNoFix {
		return false
	}
	words := strings.Fields(strings.ToLower(replacement))
	if len(words) == 0 {
		return false
	}
	// A possessive in the replacement must be the text's own: "its
	// neighboring countries" is not "its countries in our periphery", nor
	// "countries in China's neighborhood" "countries in our periphery".
	textWords := strings.Fields(strings.ToLower(text))
	for _, w := range words {
		if slices.Contains(possessiveDeterminers, w) && !slices.Contains(textWords, w) {
			return false
		}
	}
	first := words[0]
	switch s.before() {
	case slotArticleA, slotArticleAn:
		// "a peaceful ... home" cannot become "a Five Major Homes".
		if startsWithVowel(text) != startsWithVowel(replacement) || isPlural(headWord(replacement)) || startsUpper(replacement) && !startsUpper(text) {
			return false
		}
		fallthrough
	case slotDeterminer, slotQuantifier:
		if slices.Contains(determiners, first) || slices.Contains(quantifiers, first) || first == "a" || first == "an" {
			return false
		}
		// "the two top priorities" may become "the two major matters",
		// but "both" or "a" takes no numeral after it.
		if _, numeral := numerals.WordValue(first); numeral && s.before() != slotDeterminer {
			return false
		}
	}
	// A name ("Central Conference on ...") is followed by its verb, not
	// modifying a noun.
	if s&slotModifier != 0 && !titleCase(from.EN) && (strings.Contains(replacement, ",") || slices.ContainsFunc(words, isPreposition)) {
		return false
	}
	if s&slotComplement != 0 && specifiesAnew(text, replacement) {
		return false
	}
	// The verb after the phrase agrees with its head noun's number.
	if isPlural(headWord(from.EN)) != isPlural(headWord(to.EN)) {
		return false
	}
	return !pluralOntoName(text, written, replacement)
}

// specifiesAnew reports whether replacement has another head noun than
// text and a modifier of it that text lacks: before an "of" phrase, which
// may already say what the modifier says, the sentence would say it twice
// ("the domestic and international imperatives of home and abroad" for
// "the two overall situations of home and abroad"). "Risk analyses of the
// year" for "risk reviews of the year" adds no modifier and still reads.
func specifiesAnew(text, replacement string) bool {
	head := headWord(replacement)
	if textnorm.Word(headWord(text)) == textnorm.Word(head) {
		return false
	}
	own := textnorm.Words(text)
	for _, w := range textnorm.Words(strings.TrimSuffix(replacement, head)) {
		if len(w) > 3 && !slices.Contains(own, w) {
			return true
		}
	}
	return false
}

// prepositions are the words that make a phrase unfit to modify a noun.
var prepositions = []string{"of", "in", "on", "for", "to", "with", "by", "at", "from", "between", "among"}

func isPreposition(w string) bool { return slices.Contains(prepositions, w) }

// headWord is a phrase's head noun as inflect takes it: the last word
// before the first preposition, else the last word.
func headWord(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		if i > 0 && isPreposition(strings.ToLower(w)) {
			return words[i-1]
		}
	}
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// isPlural reports whether a word reads as a plural: the matcher folds it
// to another word ending one letter or more shorter.
func isPlural(w string) bool {
	w = strings.ToLower(strings.Trim(w, ",.;:"))
	return strings.HasSuffix(w, "s") && textnorm.Word(w) != w && len(textnorm.Word(w)) < len(w)
}

// titleCase reports whether every word of s longer than three letters
// starts with a capital, as a name's do.
func titleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		if len(w) > 3 && !startsUpper(w) {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// startsWithVowel reports whether a phrase starts with a vowel letter, the
// rough test of "a" or "an" that is right for the renderings a glossary
// holds.
func startsWithVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }))
	return strings.ContainsRune("aeiouAEIOU", r)
}

// pluralOntoName reports whether text writes its rendering's last word in
// another number and the replacement is a name, whose head noun a fix
// must not inflect.
func pluralOntoName(text, rendering, replacement string) bool {
	tw, rw := strings.Fields(text), strings.Fields(rendering)
	if len(tw) == 0 || len(rw) == 0 {
		return false
	}
	last, rlast := tw[len(tw)-1], rw[len(rw)-1]
	for _, suffix := range []string{"'s", "’s", "'", "’"} {
		if base, ok := strings.CutSuffix(last, suffix); ok {
			last = base
			break
		}
	}
	if strings.EqualFold(last, rlast) || textnorm.Word(last) != textnorm.Word(rlast) {
		return false
	}
	for _, w := range strings.Fields(replacement) {
		if len(w) > 3 && unicode.IsUpper([]rune(w)[0]) {
			return true
		}
	}
	return false
}
