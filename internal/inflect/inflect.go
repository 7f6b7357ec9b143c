// Package inflect writes a glossary rendering the way a text wrote the
// rendering it replaces: in its case (a sentence start, Title Case, ALL
// CAPS), its number ("Communities of common destiny" becomes "Communities
// with a shared future"), its possessive and its British spelling.
//
// The text is compared with its rendering word by word through textnorm,
// the folding the matcher uses, so a text inflect can read is exactly one
// the matcher took for that rendering; a text it cannot align (an
// abbreviation matched as a form of a longer rendering) gets the
// replacement as the glossary writes it.
package inflect

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm"
	"github.com/termlint/termlint/internal/textnorm/noun"
)

// Phrase returns replacement written the way text writes rendering: text
// is a phrase as it stands in a document, rendering the glossary phrase
// (rendering or form) it is a form of, replacement the glossary phrase to
// put in its place.
//
//   - Case: a text that capitalises only the first word where the
//     rendering does not (a sentence start) gets a capitalised first word;
//     one that capitalises every word but the small ones gets Title Case;
//     one in capitals gets capitals. Otherwise the replacement keeps the
//     glossary's case, proper nouns and acronyms included.
//   - Number: when the text's head noun is plural and the rendering's
//     singular, the replacement's head noun is made plural, and the other
//     way round, irregular plurals included ("analyses", "criteria",
//     "people"); an uncountable head ("information") stays as it is, and
//     so does a head whose other number the matcher reads as another
//     word ("bases" for "basis"). The head noun is the last word before
//     the first preposition ("community" in "community of common
//     destiny"), else the last word ("work" in "neighborhood work").
//   - A possessive ending on the text's last word ('s, ’s, or a bare
//     apostrophe after a plural) goes on the replacement's last word.
//   - British spelling in the text ("neighbouring") is carried over to the
//     replacement's words that have one.
func Phrase(text, rendering, replacement string) string {
	tw, rw := split(text), split(rendering)
	if len(tw) == 0 || !aligned(tw, rw) {
		return replacement
	}
	possessive := ""
	last := &tw[len(tw)-1]
	last.text, possessive = cutPossessive(last.text)
	if _, renderingPossessive := cutPossessive(rw[len(rw)-1].text); renderingPossessive != "" {
		possessive = "" // the glossary phrase is itself possessive
	}

	out := split(replacement)
	if len(out) == 0 {
		return replacement
	}
	words := make([]string, len(out))
	for i, w := range out {
		words[i] = w.text
	}
	if british(tw, rw) {
		for i, w := range words {
			words[i] = toBritish(w)
		}
	}
	// The text and the rendering align word for word, so their heads are
	// at one index.
	if h, oh := head(rw), head(out); h >= 0 && oh >= 0 {
		textPlural, renderingPlural := plural(tw[h].text), plural(rw[h].text)
		inflected := words[oh]
		switch {
		case textPlural && !renderingPlural && !plural(words[oh]):
			inflected = pluralize(words[oh])
		case !textPlural && renderingPlural && plural(words[oh]):
			inflected = singularize(words[oh])
		}
		// A number the matcher folds to another word ("bases", which it
		// reads as the plural of "base", for "basis") would make the fix
		// read as something other than the replacement: the glossary's
		// number is the lesser harm.
		if fold(inflected) == fold(words[oh]) {
			words[oh] = inflected
		}
	}
	switch caseOf(tw, rw) {
	case upperCase:
		for i, w := range words {
			words[i] = strings.ToUpper(w)
		}
	case titleCase:
		for i, w := range words {
			// A hyphenated word is several words here, so it comes out
			// "People-to-People".
			if i == 0 || !minor[strings.ToLower(w)] {
				words[i] = capitalize(w)
			}
		}
	case sentenceCase:
		words[0] = capitalize(words[0])
	}
	if possessive != "" {
		n := len(words) - 1
		words[n] = withPossessive(words[n], possessive)
	}
	return join(replacement, out, words)
}

// word is a word of a phrase and where it stands.
type word struct {
	text       string
	start, end int // byte offsets in the phrase
}

// split cuts a phrase into words as textnorm.Words does: letters and
// digits, with apostrophes inside or after a word (so a possessive stays
// on its word); anything else separates.
func split(s string) []word {
	var words []word
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || isApostrophe(r) && start >= 0
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, word{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, word{s[start:], start, len(s)})
	}
	return words
}

// join puts the changed words back between the replacement's own
// separators.
func join(s string, ws []word, texts []string) string {
	var b strings.Builder
	prev := 0
	for i, w := range ws {
		b.WriteString(s[prev:w.start])
		b.WriteString(texts[i])
		prev = w.end
	}
	b.WriteString(s[prev:])
	return b.String()
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032':
		return true
	}
	return false
}

// fold is the matcher's key of one word, curly apostrophes straightened as
// textnorm.Words does before folding.
func fold(w string) string {
	return textnorm.Word(strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return r
	}, w))
}

// aligned reports whether the text's words are the rendering's, word for
// word, as the matcher folds them.
func aligned(tw, rw []word) bool {
	if len(tw) != len(rw) {
		return false
	}
	for i := range tw {
		if fold(tw[i].text) != fold(rw[i].text) {
			return false
		}
	}
	return true
}

// cutPossessive splits a possessive ending off a word: "country's" is
// "country" and "'s", "countries’" is "countries" and "’".
func cutPossessive(w string) (base, possessive string) {
	for _, suffix := range []string{"'s", "’s", "'S", "’S", "ʼs"} {
		if b, ok := strings.CutSuffix(w, suffix); ok && b != "" {
			return b, suffix
		}
	}
	if r, size := utf8.DecodeLastRuneInString(w); isApostrophe(r) {
		b := w[:len(w)-size]
		if strings.HasSuffix(strings.ToLower(b), "s") {
			return b, w[len(w)-size:]
		}
		return b, "" // a stray apostrophe, not a possessive
	}
	return w, ""
}

// withPossessive puts a possessive ending on w: "'s" after a singular
// or a plural not in s ("people's"), a bare apostrophe after a plural in
// s ("countries'"), in the text's apostrophe.
func withPossessive(w, possessive string) string {
	apostrophe, _ := utf8.DecodeRuneInString(possessive)
	s := "s"
	if isUpper(w) {
		s = "S"
	}
	if plural(w) && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "S")) {
		return w + string(apostrophe)
	}
	return w + string(apostrophe) + s
}

// heads stop at these: a preposition or a participle that starts a
// post-modifier ("work related to neighboring countries").
var postModifier = map[string]bool{
	"of": true, "with": true, "on": true, "for": true, "in": true, "to": true,
	"from": true, "at": true, "by": true, "among": true, "between": true,
	"into": true, "across": true, "toward": true, "towards": true,
	"related": true, "relating": true, "concerning": true, "regarding": true,
}

// head returns the index of a phrase's head noun: the last word before the
// first preposition, else the last word; -1 when the phrase starts with a
// preposition.
func head(ws []word) int {
	for i, w := range ws {
		if postModifier[strings.ToLower(w.text)] {
			return i - 1
		}
	}
	return len(ws) - 1
}

// plural reports whether w is a plural: whether its singular (package
// noun, whose rules the matcher folds number with) is another word.
// "countries", "criteria" and "people" are; "process", "series", "news"
// and "information" are not.
func plural(w string) bool { return noun.IsPlural(w) }

// pluralize returns the plural of the noun w, in w's case; an uncountable
// noun ("information", "progress") stays as it is.
func pluralize(w string) string { return keepCase(w, noun.Plural(w)) }

// singularize returns the singular of the noun w, in w's case.
func singularize(w string) string { return keepCase(w, noun.Singular(w)) }

// keepCase writes inflected, the plural or singular of w that noun
// returns, with w's own letters where the two share a start: noun puts
// an inflected word in its input's case, which is one of lower case,
// capitals or Title Case, so that a word written otherwise ("iPhone")
// would lose its case.
func keepCase(w, inflected string) string {
	lw, li := strings.ToLower(w), strings.ToLower(inflected)
	if len(lw) != len(w) || len(li) != len(inflected) {
		return inflected // lower case changes its length: no byte-wise sharing
	}
	n := 0
	for n < len(lw) && n < len(li) && lw[n] == li[n] {
		n++
	}
	if n == 0 {
		return inflected
	}
	rest := inflected[n:]
	if isUpper(w) && len(w) > 1 {
		rest = strings.ToUpper(rest)
	} else if !isUpper(w) {
		rest = strings.ToLower(rest)
	}
	return w[:n] + rest
}

// textCase is how a text's case differs from its rendering's.
type textCase int

const (
	asWritten    textCase = iota // as the glossary writes it, or no telling
	sentenceCase                 // first word capitalised
	titleCase                    // every word but the small ones capitalised
	upperCase                    // all capitals
)

// minor are the words Title Case leaves in lower case.
var minor = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "with": true, "on": true, "in": true, "at": true, "to": true, "for": true,
	"by": true, "from": true, "as": true, "into": true, "its": true, "our": true,
}

// caseOf compares the case of the text's words with the rendering's.
// Only words the glossary writes in lower case say anything: "Belt and
// Road" is capitalised in the glossary already.
func caseOf(tw, rw []word) textCase {
	var words, capitals, capitalized, capitalizedLater, lowerLater int
	for i := range tw {
		t, r := tw[i].text, rw[i].text
		if !hasLower(r) || !hasLetter(t) {
			continue
		}
		if utf8.RuneCountInString(t) > 1 {
			words++
			if isUpper(t) {
				capitals++
			}
		}
		first, _ := utf8.DecodeRuneInString(t)
		switch {
		case unicode.IsUpper(first) && !startsUpper(r):
			capitalized++
			if i > 0 {
				capitalizedLater++
			}
		case i > 0 && unicode.IsLower(first) && !minor[strings.ToLower(t)]:
			lowerLater++
		}
	}
	switch {
	case words > 0 && capitals == words:
		return upperCase
	case capitalizedLater > 0 && lowerLater == 0 && startsUpper(tw[0].text):
		return titleCase
	case capitalized == 1 && capitalizedLater == 0:
		return sentenceCase
	}
	return asWritten
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// isUpper reports whether s has letters and all of them are capitals.
func isUpper(s string) bool { return hasLetter(s) && !hasLower(s) }

// capitalize upper-cases the first letter of w unless w has a capital
// already (an acronym, a proper noun).
func capitalize(w string) string {
	if !hasLower(w) || strings.IndexFunc(w, unicode.IsUpper) >= 0 {
		return w
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// british reports whether the text spells a word the British way where the
// rendering spells it the American way.
func british(tw, rw []word) bool {
	for i := range tw {
		t, r := strings.ToLower(tw[i].text), strings.ToLower(rw[i].text)
		// "neighbours" for "neighbor": the rendering's British form,
		// plural or not, starts the text's word.
		if gb := toBritish(r); gb != r && strings.HasPrefix(t, gb) {
			return true
		}
	}
	return false
}

// spelling is an American spelling and its British one, as a stem any
// ending may follow ("neighbor" in "neighboring") or, when whole, only as
// the word or its plural ("center", whose past tense "centered" is not
// "centreed").
type spelling struct {
	us, gb string
	whole  bool
}

// spellings are the British spellings textnorm folds (britishStems there),
// written the other way round; TestSpellingsFoldAlike keeps the two lists
// in step.
var spellings = []spelling{
	{"neighbor", "neighbour", false},
	{"favor", "favour", false},
	{"honor", "honour", false},
	{"labor", "labour", false},
	{"behavior", "behaviour", false},
	{"color", "colour", false},
	{"harbor", "harbour", false},
	{"endeavor", "endeavour", false},
	{"vigor", "vigour", false},
	{"center", "centre", true},
	{"defense", "defence", true},
	{"offense", "offence", true},
	{"program", "programme", true},
	{"catalog", "catalogue", true},
	{"dialog", "dialogue", true},
	{"organiz", "organis", false},
	{"moderniz", "modernis", false},
	{"realiz", "realis", false},
	{"recogniz", "recognis", false},
	{"globaliz", "globalis", false},
	{"internationaliz", "internationalis", false},
	{"stabiliz", "stabilis", false},
	{"mobiliz", "mobilis", false},
	{"prioritiz", "prioritis", false},
	{"emphasiz", "emphasis", false},
	{"characteriz", "characteris", false},
	{"institutionaliz", "institutionalis", false},
	{"normaliz", "normalis", false},
	{"harmoniz", "harmonis", false},
	{"civiliz", "civilis", false},
	{"standardiz", "standardis", false},
	{"summariz", "summaris", false},
	{"symboliz", "symbolis", false},
	{"utiliz", "utilis", false},
	{"minimiz", "minimis", false},
	{"maximiz", "maximis", false},
	{"optimiz", "optimis", false},
	{"revitaliz", "revitalis", false},
}

// toBritish rewrites an American spelling at the start of w the British
// way, in w's case.
func toBritish(w string) string {
	lw := strings.ToLower(w)
	for _, s := range spellings {
		rest, ok := strings.CutPrefix(lw, s.us)
		if !ok || s.whole && rest != "" && rest != "s" {
			continue
		}
		gb := s.gb
		if isUpper(w) && len(w) > 1 {
			gb = strings.ToUpper(gb)
		} else if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			gb = capitalize(gb)
		}
		return gb + w[len(s.us):]
	}
	return w
}
