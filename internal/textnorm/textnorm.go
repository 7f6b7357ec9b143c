// Package textnorm folds English phrases, Chinese terms and pinyin into
// comparison keys, so that the glossary index and (later) the matcher agree
// on when two spellings are the same term.
//
// The folding is deliberately lossy: a key is only ever compared with another
// key made by the same function, so a rule such as "a plural folds to its
// singular" needs to be consistent, not linguistically right: it is applied
// to every word, nouns or not.
package textnorm

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words splits an English phrase into folded words: lower case, curly and
// straight apostrophes alike, possessives dropped, plurals singular
// (irregular ones too: "analyses", "criteria", "people"; see number.go),
// British spellings American. Hyphens, dashes, slashes and other punctuation separate
// words, so "people-to-people" and "people to people" fold alike.
func Words(s string) []string {
	s = norm.NFKC.String(s)
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, Word(b.String()))
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case isApostrophe(r) && b.Len() > 0:
			b.WriteRune('\'')
		default:
			flush()
		}
	}
	flush()
	return words
}

// Key folds an English phrase into one comparison key: its Words joined by
// single spaces.
func Key(s string) string {
	return strings.Join(Words(s), " ")
}

// Word folds one English word (see Words).
func Word(w string) string {
	return string(AppendWord(nil, []byte(w)))
}

// AppendWord appends the fold of the word w (see Word) to dst and returns the
// extended slice. It gives exactly Word's result but, unlike Word, does not
// allocate when dst has room, because the matcher folds every word of every
// text it scans; the one exception is the first time a process folds a word
// that may be a plural, whose singular it then remembers.
func AppendWord(dst, w []byte) []byte {
	start := len(dst)
	dst, apos := appendLower(dst, w)
	b := dst[start:]
	if apos {
		// Possessive: country's -> country; countries' loses its apostrophe here.
		for len(b) > 0 && b[len(b)-1] == '\'' {
			b = b[:len(b)-1]
		}
		if n := len(b); n >= 2 && b[n-2] == '\'' && b[n-1] == 's' {
			b = b[:n-2]
		}
		b = dropApostrophes(b)
	}
	b = americanSpelling(b)
	dst = dst[:start+len(b)]
	if len(b) > 1 && endsLikePlural(b) { // most words stop here
		dst = appendSingular(dst, start)
	}
	return dst
}

// appendLower is strings.ToLower appending to dst, byte for byte the same
// (invalid UTF-8 becomes U+FFFD, as strings.Map makes it). It also reports
// whether w has a straight apostrophe, which most words do not.
func appendLower(dst, w []byte) (_ []byte, apos bool) {
	n := len(dst)
	dst = slices.Grow(dst, len(w))[:n+len(w)]
	out := dst[n:]
	var high byte
	for i, c := range w {
		high |= c
		out[i] = lowerASCII[c]
		if c == '\'' {
			apos = true
		}
	}
	if high < utf8.RuneSelf {
		return dst, apos
	}
	dst, apos = dst[:n], false
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		apos = apos || r == '\''
		i += size
	}
	return dst, apos
}

// lowerASCII lower-cases ASCII letters and leaves every other byte alone.
var lowerASCII = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c - 'A' + 'a')
	}
	return t
}()

func dropApostrophes(b []byte) []byte {
	n := 0
	for _, c := range b {
		if c != '\'' {
			b[n] = c
			n++
		}
	}
	return b[:n]
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032':
		return true
	}
	return false
}

// stem is a British spelling's start and its American form.
type stem struct{ gb, us string }

// britishStems maps the start of a British spelling to its American form.
// Only stems that are unambiguous in this domain are listed: a general
// "-our" or "-ise" rule would also fold "four" or "promise".
var britishStems = []stem{
	{"neighbour", "neighbor"},
	{"favour", "favor"},
	{"honour", "honor"},
	{"labour", "labor"},
	{"behaviour", "behavior"},
	{"colour", "color"},
	{"harbour", "harbor"},
	{"endeavour", "endeavor"},
	{"vigour", "vigor"},
	{"centre", "center"},
	{"defence", "defense"},
	{"offence", "offense"},
	{"programme", "program"},
	{"catalogue", "catalog"},
	{"dialogue", "dialog"},
	{"organis", "organiz"},
	{"modernis", "moderniz"},
	{"realis", "realiz"},
	{"recognis", "recogniz"},
	{"globalis", "globaliz"},
	{"internationalis", "internationaliz"},
	{"stabilis", "stabiliz"},
	{"mobilis", "mobiliz"},
	{"prioritis", "prioritiz"},
	{"emphasis", "emphasiz"},
	{"characteris", "characteriz"},
	{"institutionalis", "institutionaliz"},
	{"normalis", "normaliz"},
	{"harmonis", "harmoniz"},
	{"civilis", "civiliz"},
	{"standardis", "standardiz"},
	{"summaris", "summariz"},
	{"symbolis", "symboliz"},
	{"utilis", "utiliz"},
	{"minimis", "minimiz"},
	{"maximis", "maximiz"},
	{"optimis", "optimiz"},
	{"revitalis", "revitaliz"},
}

// stemsByFirst indexes britishStems by first letter, and stemStarts has a
// bit for each stem's first two letters, so that most words are passed over
// with one bit test and the rest are compared with a few stems, not all.
var stemsByFirst, stemStarts = func() (idx [256][]stem, starts [1 << 16 / 64]uint64) {
	for _, s := range britishStems {
		idx[s.gb[0]] = append(idx[s.gb[0]], s)
		k := uint16(s.gb[0])<<8 | uint16(s.gb[1])
		starts[k/64] |= 1 << (k % 64)
	}
	return idx, starts
}()

// americanSpelling rewrites a British stem at the start of b in place (every
// American stem is at most as long as its British one) and returns the
// shortened slice.
func americanSpelling(b []byte) []byte {
	if len(b) < 2 {
		return b
	}
	if k := uint16(b[0])<<8 | uint16(b[1]); stemStarts[k/64]&(1<<(k%64)) == 0 {
		return b
	}
	for _, s := range stemsByFirst[b[0]] {
		if len(b) < len(s.gb) || string(b[:len(s.gb)]) != s.gb {
			continue
		}
		rest := b[len(s.gb):]
		// "emphasis" itself is a noun in both spellings; only the verb
		// forms (emphasise, emphasised, ...) fold.
		if strings.HasSuffix(s.gb, "is") && (len(rest) == 0 || rest[0] != 'e' && rest[0] != 'a' && rest[0] != 'i') {
			continue
		}
		n := copy(b[len(s.us):], rest)
		copy(b, s.us)
		return b[:len(s.us)+n]
	}
	return b
}

// Chinese folds a Chinese term into a comparison key: full-width forms
// half-width (NFKC), and all whitespace and punctuation dropped, so that
// "睦邻、安邻、富邻", "睦邻安邻富邻" and a term broken across lines fold alike.
func Chinese(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// HasHan reports whether s contains a Chinese character.
func HasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Pinyin folds pinyin into a comparison key: lower case, tone marks and tone
// numbers dropped, ü and v as u, and spaces, apostrophes and hyphens dropped.
// "zhōubiān gōngzuò", "Zhoubian Gongzuo" and "zhou1bian1gong1zuo4" fold alike.
func Pinyin(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 'v':
			b.WriteByte('u')
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		}
	}
	return b.String()
}
