package numerals

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// English returns the numbers of English text: numbers in digits with
// their scale and unit ("1.2 trillion", "6.5 percent", "5%", "19th",
// "1990s"), and numbers in words from ten up ("nineteen", "twenty-five",
// "nineteenth", "three hundred", "five percent"). Digits inside a name
// (G20, COVID-19) are left out.
func English(text string) []Number {
	var out []Number
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '0' && r <= '9' && !afterDigitOrPoint(text, i):
			n, end, ok := englishDigits(text, i)
			if ok {
				out = append(out, n)
			}
			i = max(end, i+size)
		case isLatin(r) && !afterLatin(text, i):
			n, end, ok := englishWords(text, i)
			if ok {
				out = append(out, n)
			}
			i = max(end, i+size)
		default:
			i += size
		}
	}
	return out
}

func afterDigitOrPoint(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r >= '0' && r <= '9' || r == '.' && i >= 2 && text[i-2] >= '0' && text[i-2] <= '9'
}

func afterLatin(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isLatin(r) || r == '\'' || r == '’'
}

// scales are the English words that multiply a number before them.
var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// englishDigits reads a number in digits at text[i:].
func englishDigits(text string, i int) (Number, int, bool) {
	ds, end := digitRun(text, i, true)
	n := Number{Value: parseFloat(ds), Digits: digitsOf(ds), Start: i, End: end}
	// 19th, 1990s: the suffix is read before a letter can make a name.
	if suf, ok := suffixAt(text, end); ok {
		switch suf {
		case "st", "nd", "rd", "th":
			n.Kind, n.End = Ordinal, end+2
			return n, n.End, true
		case "s":
			if isYear(n.Value) {
				n.Kind, n.End = Year, end+1
				return n, n.End, true
			}
		}
	}
	if inName(text, i, end) {
		n.InName = true
		return n, end, true
	}
	j := end
	if w, k := nextWord(text, j); scales[w] != 0 {
		n.Value *= scales[w]
		j = k
	} else if w == "bn" {
		n.Value *= 1e9
		j = k
	}
	if strings.HasPrefix(text[j:], "%") {
		n.Kind, j = Percent, j+1
	} else if k, ok := percentWords(text, j); ok {
		n.Kind, j = Percent, k
	} else if isYear(n.Value) && !strings.Contains(ds, ".") && n.Value == parseFloat(ds) && len(ds) == 4 {
		n.Kind = Year
	}
	n.End = j
	return n, j, true
}

// suffixAt returns the lower-case letters at text[i:] when they are
// st, nd, rd, th or s and end a word.
func suffixAt(text string, i int) (string, bool) {
	j := i
	for j < len(text) && j-i < 3 && (text[j] >= 'a' && text[j] <= 'z') {
		j++
	}
	if j < len(text) && isLatin(rune(text[j])) {
		return "", false
	}
	switch s := text[i:j]; s {
	case "st", "nd", "rd", "th", "s":
		return s, true
	}
	return "", false
}

// nextWord returns the lower-case word after spaces at text[i:] and its
// end ("" when no word follows).
func nextWord(text string, i int) (string, int) {
	j := i
	for j < len(text) && (text[j] == ' ' || text[j] == '\u00a0' || text[j] == '\n') {
		j++
	}
	if strings.HasPrefix(text[j:], "\u00a0") {
		j += len("\u00a0")
	}
	k := j
	for k < len(text) && isLatin(rune(text[k])) {
		k++
	}
	return strings.ToLower(text[j:k]), k
}

// percentWords reads "percent", "per cent" or "percentage point(s)" at
// text[i:], after spaces.
func percentWords(text string, i int) (int, bool) {
	w, k := nextWord(text, i)
	switch w {
	case "percent":
		if w2, k2 := nextWord(text, k); w2 == "point" || w2 == "points" {
			return k2, true
		}
		return k, true
	case "percentage":
		if w2, k2 := nextWord(text, k); w2 == "point" || w2 == "points" {
			return k2, true
		}
	case "per":
		if w2, k2 := nextWord(text, k); w2 == "cent" {
			return k2, true
		}
	}
	return 0, false
}

// Words for numbers: units, teens, tens, and their ordinals.
var (
	wordValues = map[string]int{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	ordinalValues = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
		"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
		"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
		"eightieth": 80, "ninetieth": 90, "hundredth": 100,
	}
)

// WordValue returns the value of an English number word of one word
// ("six", "twelve", "forty"), whatever its case: a count a sentence may
// sum a list up with ("six areas"), which English leaves out below ten.
func WordValue(w string) (int, bool) {
	v, ok := wordValues[strings.ToLower(w)]
	return v, ok
}

// englishWords reads a number written in words at text[i:] ("twenty-five",
// "three hundred", "nineteenth", "five percent"). A number without a
// word for its units or tens ("hundreds", "a million") is none.
func englishWords(text string, i int) (Number, int, bool) {
	w, end := wordAt(text, i)
	v, ok := wordValues[w]
	if !ok {
		if o, ok := ordinalValues[w]; ok && w != "second" {
			return Number{Value: float64(o), Kind: Ordinal, Digits: valueDigits(float64(o)), Start: i, End: end}, end, true
		}
		return Number{}, end, false
	}
	value := float64(v)
	kind := Plain
	j := end
	// twenty-five, twenty-fifth, thirty two
	if v >= 20 && v%10 == 0 && j < len(text) && (text[j] == '-' || text[j] == ' ') {
		w2, k := wordAt(text, j+1)
		if u, ok := wordValues[w2]; ok && u < 10 {
			value, j = value+float64(u), k
		} else if u, ok := ordinalValues[w2]; ok && u < 10 {
			value, kind, j = value+float64(u), Ordinal, k
		}
	}
	if kind == Plain {
		if w2, k := nextWord(text, j); w2 == "hundred" {
			value, j = value*100, k
		} else if w2 == "hundredth" {
			value, kind, j = value*100, Ordinal, k
		}
		if w2, k := nextWord(text, j); scales[w2] != 0 {
			value, j = value*scales[w2], k
		}
		if k, ok := percentWords(text, j); ok {
			kind, j = Percent, k
		}
	}
	return Number{Value: value, Kind: kind, Digits: valueDigits(value), Start: i, End: j}, j, true
}

// wordAt returns the lower-case word of Latin letters at text[i:] and its
// end.
func wordAt(text string, i int) (string, int) {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isLatin(r) {
			break
		}
		j += size
	}
	if j < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return "", j // a word that runs on in other letters
		}
	}
	return strings.ToLower(text[i:j]), j
}
