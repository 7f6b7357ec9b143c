// Package textnorm folds English phrases, Chinese terms and pinyin into
// comparison keys, so that the glossary index and (later) the matcher agree
// on when two spellings are the same term.
//
// The folding is deliberately lossy: a key is only ever compared with another
// key made by the same function, so a rule such as "drop a final s" needs to
// be consistent, not linguistically right.
package textnorm

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Words splits an English phrase into folded words: lower case, curly and
// straight apostrophes alike, possessives dropped, plurals singular, British
// spellings American. Hyphens, dashes, slashes and other punctuation separate
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
	w = strings.ToLower(w)
	w = strings.TrimRight(w, "'")
	// Possessive: country's -> country; countries' lost its apostrophe above.
	w = strings.TrimSuffix(w, "'s")
	w = strings.ReplaceAll(w, "'", "")
	w = americanSpelling(w)
	return singular(w)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u2032':
		return true
	}
	return false
}

// singular strips the regular English plural endings. It is applied to every
// word, not only to head nouns, which is harmless because keys are only
// compared with keys.
func singular(w string) string {
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// britishStems maps the start of a British spelling to its American form.
// Only stems that are unambiguous in this domain are listed: a general
// "-our" or "-ise" rule would also fold "four" or "promise".
var britishStems = []struct{ gb, us string }{
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

func americanSpelling(w string) string {
	for _, s := range britishStems {
		if !strings.HasPrefix(w, s.gb) {
			continue
		}
		rest := w[len(s.gb):]
		// "emphasis" itself is a noun in both spellings; only the verb
		// forms (emphasise, emphasised, ...) fold.
		if strings.HasSuffix(s.gb, "is") && (rest == "" || rest[0] != 'e' && rest[0] != 'a' && rest[0] != 'i') {
			continue
		}
		return s.us + rest
	}
	return w
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
