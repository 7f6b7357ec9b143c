package match

import (
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm"
	"golang.org/x/text/unicode/norm"
)

// A token is one word or one mark of a text or pattern, with the symbol of
// its folded key. Characters that are transparent between the words of a
// phrase (spaces, hyphens, quotes, Markdown emphasis) make no token.
type token struct {
	start, end int   // bytes of the text the token covers
	sym        int32 // the symbol of the token's folded key; 0 if unknown
	word       bool  // a word (letters, digits, marks), not a mark
	caps       bool  // a word written as an acronym ("BRI", "NGOs")
	comma      bool  // a comma, dropped before "and" and "or"
	conj       bool  // the word "and" or "or"
}

// class is what a character does outside a word.
type class uint8

const (
	// mark: a punctuation mark, symbol or CJK character; a token of its own,
	// so a phrase cannot span it unless the pattern has the same mark there.
	mark class = iota
	// skip: transparent between the words of a phrase.
	skip
	// letter: starts a word.
	letter
	// comma: a mark, but dropped before "and" and "or" (the serial comma).
	comma
)

// asciiClass classifies the ASCII characters. Apostrophes and "&" are marked
// by what they do outside a word; scanWord keeps them inside one.
var asciiClass = func() (t [256]class) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = letter
		case c == ' ', '\t' <= c && c <= '\r':
			t[c] = skip
		}
	}
	for _, c := range "-\"'*_`~" {
		t[c] = skip
	}
	t[','] = comma
	return t
}()

// asciiBytes holds every ASCII character, so that a full-width mark can be
// keyed by its ASCII form without allocating.
var asciiBytes = func() (b [utf8.RuneSelf]byte) {
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

// fullWidth maps a full-width ASCII variant (U+FF01-U+FF5E, common in
// translations typed with a Chinese input method) to its ASCII character, and
// anything else to 0.
func fullWidth(r rune) byte {
	if r >= 0xFF01 && r <= 0xFF5E {
		return byte(r - 0xFEE0)
	}
	return 0
}

// classify classifies a non-ASCII character outside a word.
func classify(r rune) class {
	if r >= 0x4e00 && r <= 0x9fff { // the common Han ideographs, first for Chinese text
		return mark
	}
	if c := fullWidth(r); c != 0 {
		return asciiClass[c]
	}
	switch r {
	case '\u2018', '\u2019', '\u02bc', // apostrophes, at a word's edge quotes
		'\u201c', '\u201d', '\u201e', '\u201f', '\u201a', '\u201b', // curly and low quotes
		'\u00ab', '\u00bb', '\u2039', '\u203a', // guillemets
		'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', // hyphens, dashes, minus
		'\u00ad', '\ufe58', '\ufe63': // soft hyphen, small em dash and hyphen-minus
		return skip
	}
	switch {
	case unicode.IsSpace(r), unicode.Is(unicode.Cf, r): // NBSP, ideographic space, zero-width and bidi marks
		return skip
	case isWordRune(r):
		return letter
	}
	return mark
}

// isWordRune reports whether a non-ASCII character belongs to a word: a
// letter, digit or combining mark that is not CJK. Chinese, Japanese and
// Korean characters are left to the Chinese matcher and break English
// phrases.
func isWordRune(r rune) bool {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
		return false
	}
	return r < 0x1100 || !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}

// isApostrophe reports whether r is an apostrophe when it stands between two
// word characters: the ones textnorm.Words takes for apostrophes, and the
// full-width one, which it meets as "'" after NFKC.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032', '\uff07':
		return true
	}
	return false
}

// hasWord reports whether text has a word token.
func hasWord(text []byte) bool {
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiClass[c] == letter {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if classify(r) == letter {
			return true
		}
		i += size
	}
	return false
}

// peekWord decodes the character at text[i:] and reports its size, whether
// it belongs to a word and whether it is a letter or digit (not a mark).
func peekWord(text []byte, i int) (size int, word, alnum bool) {
	if i >= len(text) {
		return 0, false, false
	}
	if c := text[i]; c < utf8.RuneSelf {
		a := asciiClass[c] == letter
		return 1, a, a
	}
	r, size := utf8.DecodeRune(text[i:])
	if c := fullWidth(r); c != 0 {
		a := asciiClass[c] == letter
		return size, a, a
	}
	if r == '\u02bc' || !isWordRune(r) {
		return size, false, false
	}
	return size, true, !unicode.IsMark(r)
}

// scanWord returns the end of the word starting at text[i] (a word
// character), and whether the word is all ASCII. An apostrophe between two
// word characters ("China’s") and "&" between two letters or digits ("B&R")
// are part of the word.
func scanWord(text []byte, i int) (end int, ascii bool) {
	ascii = true
	alnum := false // whether the last character was a letter or digit
	j := i
	for {
		// The ASCII letters and digits, most of every English word.
		k := j
		for k < len(text) && asciiClass[text[k]] == letter {
			k++
		}
		if k > j {
			j, alnum = k, true
		}
		if j >= len(text) {
			return j, ascii
		}
		c := text[j]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[j:])
			if fc := fullWidth(r); fc != 0 {
				r = rune(fc)
				if asciiClass[fc] == letter {
					j += size
					alnum, ascii = true, false
					continue
				}
			} else if r != '\u02bc' && isWordRune(r) {
				j += size
				alnum, ascii = !unicode.IsMark(r), false
				continue
			}
		}
		// j > i here: text[i] is a word character.
		nsize, nword, nalnum := peekWord(text, j+size)
		if !(isApostrophe(r) && nword || r == '&' && alnum && nalnum) {
			return j, ascii
		}
		ascii = ascii && c < utf8.RuneSelf && text[j+size] < utf8.RuneSelf
		j += size + nsize
		alnum = nalnum
	}
}

// scanner splits a text into tokens, folds them and looks their keys up in
// a matcher. Its buffers are reused from token to token, so scanning ASCII
// text does not allocate.
type scanner struct {
	text []byte
	pos  int
	m    *Matcher
	// compiling: add unknown keys to m (scanning a pattern) rather than
	// giving them symbol 0 (scanning a text).
	compiling bool

	fold, tmp, nfkc []byte // reused buffers

	// cache, when not nil, holds the tokens of recent ASCII words (not
	// while compiling, when symbols are still being added).
	cache *wordCache

	// held is a token read ahead of a comma that was not dropped.
	held    token
	hasHeld bool
}

func (s *scanner) reset(text []byte, m *Matcher, compiling bool) {
	s.text, s.pos, s.m, s.compiling, s.hasHeld, s.cache = text, 0, m, compiling, false, nil
	if cap(s.fold) < 64 {
		s.fold = make([]byte, 0, 64) // symtab reads keys 16 bytes at a time
	}
}

// symbol returns the symbol of a folded key.
func (s *scanner) symbol(key []byte) int32 {
	if s.compiling {
		return s.m.intern(key)
	}
	return s.m.syms.get(key)
}

// next reads the next token into t, dropping a comma that stands directly
// before "and" or "or" so that the serial comma is optional.
func (s *scanner) next(t *token) bool {
	if s.hasHeld {
		*t, s.hasHeld = s.held, false
	} else if !s.scan(t) {
		return false
	}
	if !t.comma {
		return true
	}
	if !s.scan(&s.held) {
		return true
	}
	if s.held.conj {
		*t = s.held
		return true
	}
	s.hasHeld = true
	return true
}

// scan reads the next raw token into t.
func (s *scanner) scan(t *token) bool {
	text := s.text
	i := s.pos
	for i < len(text) {
		c := text[i]
		size := 1
		var cl class
		if c < utf8.RuneSelf {
			cl = asciiClass[c]
		} else {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			cl = classify(r)
			if fc := fullWidth(r); fc != 0 {
				c = fc
			}
		}
		switch cl {
		case skip:
			i += size
			continue
		case letter:
			end, ascii := scanWord(text, i)
			s.pos = end
			if ascii && s.cache != nil && end-i <= 16 {
				s.cachedWord(t, text[i:end])
			} else {
				s.foldWord(t, text[i:end], ascii)
			}
			t.start, t.end = i, end
			return true
		}
		s.pos = i + size
		*t = token{start: i, end: i + size, comma: cl == comma}
		switch {
		case c < utf8.RuneSelf && s.compiling:
			t.sym = s.symbol(asciiBytes[c : c+1])
		case c < utf8.RuneSelf:
			t.sym = s.m.marks[c]
			if t.sym == 0 && !t.comma {
				// Step over the marks and spaces that follow: they break
				// phrases as this one does (masked code is all zero bytes).
				j := s.pos
				for j < len(text) && text[j] < utf8.RuneSelf &&
					(asciiClass[text[j]] == skip || asciiClass[text[j]] == mark && s.m.marks[text[j]] == 0) {
					j++
				}
				s.pos = j
			}
		case s.compiling:
			t.sym = s.symbol(text[i : i+size])
			s.m.wide = true
		case s.m.wide:
			t.sym = s.symbol(text[i : i+size])
		}
		return true
	}
	s.pos = i
	return false
}

// foldWord sets t to the token of the word w. ASCII words are folded
// straight from the text; others first get their apostrophes straightened
// and, unless that made them ASCII, NFKC normalisation (full-width letters,
// ligatures, composed accents), as textnorm.Words does before folding.
func (s *scanner) foldWord(t *token, w []byte, ascii bool) {
	if !ascii {
		s.tmp = s.tmp[:0]
		ascii = true
		for i := 0; i < len(w); {
			r, size := utf8.DecodeRune(w[i:])
			if isApostrophe(r) {
				s.tmp = append(s.tmp, '\'')
			} else {
				s.tmp = append(s.tmp, w[i:i+size]...)
				ascii = ascii && size == 1
			}
			i += size
		}
		w = s.tmp
		if !ascii {
			s.nfkc = norm.NFKC.Append(s.nfkc[:0], w...)
			w = s.nfkc
		}
	}
	s.fold = textnorm.AppendWord(s.fold[:0], w)
	conj := string(s.fold) == "and" || string(s.fold) == "or"
	*t = token{sym: s.symbol(s.fold), word: true, caps: acronym(w, ascii), conj: conj}
}

// cachedWord sets t to the token of the ASCII word w, of at most 16 bytes,
// from the cache or by folding it and caching the result.
func (s *scanner) cachedWord(t *token, w []byte) {
	slot, hit := s.cache.slot(w)
	if !hit {
		s.foldWord(t, w, true)
		a, b := pack(w)
		*slot = wordSlot{a: a, b: b, n: uint8(len(w)), caps: t.caps, conj: t.conj, sym: t.sym}
		return
	}
	*t = token{sym: slot.sym, word: true, caps: slot.caps, conj: slot.conj}
}

// acronym reports whether a word is written as an acronym: at least two
// capital letters and no small ones, not counting a possessive 's or a plural
// s ("BRI's", "NGOs"). Apostrophes in w are already straight.
func acronym(w []byte, ascii bool) bool {
	if n := len(w); n >= 2 && w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S') {
		w = w[:n-2]
	}
	if n := len(w); n >= 3 && w[n-1] == 's' {
		w = w[:n-1]
	}
	upper := 0
	if ascii {
		for _, c := range w {
			switch {
			case 'a' <= c && c <= 'z':
				return false
			case 'A' <= c && c <= 'Z':
				upper++
			}
		}
		return upper >= 2
	}
	for _, r := range string(w) {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 2
}
