package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// maxWords is the longest English n-gram considered, in words: the
// glossary's renderings run to five or six ("countries in China's
// periphery", "work related to neighboring countries"); longer ones are
// names, which a curator finds from their first six words.
const maxWords = 6

// word is one word of a segment's English.
type word struct {
	// key is the word folded as the glossary folds renderings (case,
	// plural, British spelling): "Neighbours" and "neighbor" are one key.
	key string
	// start and end are byte offsets in the span's text.
	start, end int
	// stop marks a function word; number, a word of digits. Neither may
	// be a candidate by itself, and a stop word never starts or ends one.
	stop, number bool
	// joined says only spaces, line breaks or hyphens separate the word
	// from the one before: an n-gram runs across them, never across other
	// punctuation.
	joined bool
	// cover holds the concepts of the glossary renderings found over the
	// word, nested ones included.
	cover []*glossary.Concept
	// occ is the index of the (top-level) rendering found over the word
	// among the segment's, or -1; occFirst and occLast say whether the
	// word begins and ends it. A candidate holds a rendering whole or not
	// at all: "destiny with our periphery and strive" cuts "community of
	// common destiny with our periphery" and says nothing.
	occ               int
	occFirst, occLast bool
}

// stopWords are English function words: trimmed from both ends of a
// candidate, and no candidate on their own. They are compared in lower
// case, unfolded ("does" folds to "doe").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of to in on at by for from with as into onto upon
		about over under between among through throughout toward towards than that this these those which who whom
		whose what when where why how it its it's they them their theirs we us our ours you your he him his she her
		i me my is are was were be been being am has have had having do does did will would shall should can could
		may might must not no so such also very more most both each all any some other others own same too only just
		then there here while if because since per via up down out off again further once s whether either neither
		yet thus hence therefore however including within without against around across along during before after
		e.g. i.e. etc`) {
		m[w] = true
	}
	return m
}()

// words splits English text into words, folded, each marked as a stop
// word or a number and as joined to the one before or not.
func words(text []byte) []word {
	var out []word
	gapOK := true // what lies since the last word lets an n-gram run on
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if !isWordRune(r) {
			if !joins(r) {
				gapOK = false
			}
			i += n
			continue
		}
		start := i
		if n := dottedAbbreviation(text[i:]); n > 0 {
			// U.S., e.g.: one word with its periods, which would otherwise
			// leave "U" and "S" as words and end the phrase at each period.
			i += n
			raw := string(text[start:i])
			lower := strings.ToLower(raw)
			out = append(out, word{start: start, end: i, joined: gapOK && len(out) > 0, stop: stopWords[lower], key: textnorm.Key(raw)})
			gapOK = true
			continue
		}
		for i < len(text) {
			r, n := utf8.DecodeRune(text[i:])
			if isWordRune(r) || isApostrophe(r) && i+n < len(text) && isWordRune(firstRune(text[i+n:])) {
				i += n
				continue
			}
			break
		}
		raw := string(text[start:i])
		lower := strings.ToLower(straightApostrophes(raw))
		w := word{start: start, end: i, joined: gapOK && len(out) > 0, stop: stopWords[lower], number: isNumber(lower)}
		if !isASCII(raw) {
			raw = norm.NFKC.String(raw)
		}
		w.key = textnorm.Word(straightApostrophes(raw))
		out = append(out, w)
		gapOK = true
	}
	return out
}

// dottedAbbreviation returns the length of the abbreviation written with
// periods that text starts with (U.S., U.K., U.N., e.g., i.e., a.m.), or 0:
// two or more single letters, each followed by a period, and then no
// letter or digit. Its key is its letters as separate words ("u s"), as
// textnorm.Key folds a rendering such as "U.S. dollar", so that it
// compares with the glossary's keys.
func dottedAbbreviation(text []byte) int {
	i, groups := 0, 0
	for i+1 < len(text) {
		r, n := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) || unicode.Is(unicode.Han, r) || text[i+n] != '.' {
			break
		}
		i += n + 1
		groups++
	}
	if groups < 2 {
		return 0
	}
	if i < len(text) && isWordRune(firstRune(text[i:])) {
		return 0 // "a.b.cd", "U.S.A": not written as one, left as they were
	}
	return i
}

func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}

// isWordRune reports whether r is part of an English word: a letter, a
// digit or a combining mark, but not a Han character (English quoting
// Chinese breaks a phrase there).
func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) && !unicode.Is(unicode.Han, r)
}

// joins reports whether r may stand between two words of one phrase:
// white space and hyphens ("people-to-people", a line break inside a
// phrase). Every other character (punctuation, quotation marks, dashes, a
// 0 byte where a placeholder stood) ends the phrase.
func joins(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '-', '\u2010', '\u2011':
		return true
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc':
		return true
	}
	return false
}

func straightApostrophes(s string) string {
	if isASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return r
	}, s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// numberWords are numbers written out, which count as numbers.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "twenty": true, "hundred": true, "hundreds": true,
	"thousand": true, "thousands": true, "million": true, "millions": true, "billion": true, "billions": true,
}

func isNumber(s string) bool {
	if numberWords[s] {
		return true
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// ngrams calls yield with each n-gram of ws that may be a candidate: 1 to
// maxWords words that no punctuation interrupts, starting and ending with
// a word that is not a stop word, and not made only of numbers (and stop
// words). key is the words' keys joined by spaces; yield must copy it to
// keep it.
func ngrams(ws []word, buf []byte, yield func(i, j int, key []byte)) []byte {
	for i := range ws {
		if ws[i].stop {
			continue
		}
		buf = buf[:0]
		content := false
		for j := i; j < len(ws) && j < i+maxWords; j++ {
			if j > i {
				if !ws[j].joined {
					break
				}
				buf = append(buf, ' ')
			}
			buf = append(buf, ws[j].key...)
			content = content || !ws[j].number && !ws[j].stop
			if ws[j].stop || !content {
				continue
			}
			yield(i, j, buf)
		}
	}
	return buf
}

// surface is the text of words i..j as written, runs of white space made
// one space.
func surface(text []byte, ws []word, i, j int) string {
	return strings.Join(strings.Fields(string(text[ws[i].start:ws[j].end])), " ")
}
