// Package numerals reads the numbers of a text, Chinese or English, as
// values a translation keeps: 2023年 and "2023", 1.2万亿 and "1.2
// trillion", 百分之五 and "5 percent", 十九大 and "19th". The misaligned
// rule compares them between the two sides of a bilingual pair: a pair
// whose sides share no number, where both have some, is likely not a pair.
//
// It reads what is easy to read for sure and leaves the rest: a Chinese
// numeral in a word (一些, 十分, 万一, 千方百计) is no number, nor is a
// digit inside a name (G20, COVID-19, 5G); months are left out, since the
// English writes them as words.
package numerals

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a number counts.
type Kind uint8

// The kinds of number.
const (
	Plain   Kind = iota
	Percent      // 5%, 百分之五, "5 percent", "0.5 percentage points"
	Ordinal      // 第十九, 十九大, "19th", "nineteenth"
	Year         // 2023年, 二〇二三年; in English a bare 1900..2099
)

// Number is a number of a text.
type Number struct {
	Value float64
	Kind  Kind
	// Digits is how many significant digits it was written with: 3000万
	// and "30 million" have 1, 1386万 has 4. A number written with fewer
	// may be the other rounded.
	Digits int
	// Converted is the value in the unit an English translation
	// converts it to (亩 in hectares, 斤 in tonnes), or 0.
	Converted float64
	// InName marks the digits of a name (G20, COVID-19, 5G): no number
	// of the text, but one a number of the other side may stand for
	// (二十国集团 and G20).
	InName bool
	// Start and End are its byte offsets in the text.
	Start, End int
}

// Significant reports whether a number says something about the text it
// is in: a year, a percentage, a fraction, or a whole number of ten or
// more. Small whole numbers (一是, "one of", 两岸, "both") are written and
// left out too freely to compare.
func (n Number) Significant() bool {
	return !n.InName && (n.Kind == Year || n.Kind == Percent || n.Value >= 10 || n.Value != math.Trunc(n.Value))
}

// String is the number as a message quotes it: 2023, 5.5%, 19th, 12000000.
func (n Number) String() string {
	s := strconv.FormatFloat(n.Value, 'f', -1, 64)
	switch n.Kind {
	case Percent:
		return s + "%"
	case Ordinal:
		return s + ordinalSuffix(int64(n.Value))
	}
	return s
}

func ordinalSuffix(n int64) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// Same reports whether b may render a, or a b: the same value (or the
// same once converted, 1000万亩 and "667,000 hectares"), or the one
// written with fewer digits the other rounded or cut to them ("14
// million" or "over 13 million" for 1386万, "1.39 billion" for 13.86亿).
// A year is the same only as the same year; a round number of one digit
// stands for another only with a scale ("3 million" for 320万, not 2000
// for 2023). The kinds are not compared: 十九大 is "the 19th", and a
// percentage may be written as a plain number in a table.
func Same(a, b Number) bool {
	if a.Converted != 0 && same(Number{Value: a.Converted, Digits: 15}, b) || b.Converted != 0 && same(a, Number{Value: b.Converted, Digits: 15}) {
		return true
	}
	return same(a, b)
}

func same(a, b Number) bool {
	if equal(a.Value, b.Value) {
		return true
	}
	if a.Kind == Year || b.Kind == Year || isYear(a.Value) && isYear(b.Value) {
		return false
	}
	lo, hi := a, b
	if hi.Digits < lo.Digits {
		lo, hi = hi, lo
	}
	if lo.Digits >= hi.Digits || lo.Digits < 2 && lo.Value < 1e4 || lo.Value == 0 || hi.Value == 0 {
		return false
	}
	return equal(round(hi.Value, lo.Digits, math.Round), lo.Value) || equal(round(hi.Value, lo.Digits, math.Trunc), lo.Value)
}

func equal(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func isYear(v float64) bool { return v == math.Trunc(v) && v >= 1900 && v <= 2099 }

// round rounds v to n significant digits with f (math.Round or
// math.Trunc).
func round(v float64, n int, f func(float64) float64) float64 {
	e := math.Floor(math.Log10(math.Abs(v))) - float64(n-1)
	p := math.Pow(10, e)
	return f(v/p) * p
}

// digitsOf counts the significant digits of a number written with the
// digits ds (a dot allowed): leading zeros are not significant, nor are
// trailing zeros before the dot ("3000", "30 million": 1).
func digitsOf(ds string) int {
	whole, frac, _ := strings.Cut(ds, ".")
	all := strings.TrimLeft(whole+frac, "0")
	if frac == "" {
		all = strings.TrimRight(all, "0")
	}
	return max(1, len(all))
}

// valueDigits counts the significant digits of a value, for numbers
// written in words.
func valueDigits(v float64) int {
	return digitsOf(strconv.FormatFloat(v, 'f', -1, 64))
}

// digitRun reads the Arabic number at text[i:] (half- or full-width
// digits, thousands commas in English, a decimal point), returning its
// digits with "." as the point, and its end; n is 0 when there is none.
func digitRun(text string, i int, thousands bool) (ds string, end int) {
	var b strings.Builder
	j := i
	seenDot := false
	group, commas := 0, 0 // digits since the last thousands comma, commas read
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			group++
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
			group++
		case (r == '.' || r == '．') && !seenDot && b.Len() > 0 && isDigitAt(text, j+size):
			seenDot = true
			b.WriteByte('.')
		case r == ',' && thousands && !seenDot && (commas == 0 && group <= 3 || group == 3) && threeDigits(text, j+1):
			// 1,386,000: a thousands comma, not a list's.
			group, commas = 0, commas+1
		default:
			return b.String(), j
		}
		j += size
	}
	return b.String(), j
}

func isDigitAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// threeDigits reports whether text[i:] is three digits and no fourth.
func threeDigits(text string, i int) bool {
	if i+3 > len(text) {
		return false
	}
	for k := i; k < i+3; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return i+3 == len(text) || text[i+3] < '0' || text[i+3] > '9'
}

// inName reports whether the digits at text[start:end] are part of a name
// written in Latin letters and digits (G20, COVID-19, 5G, PM2.5): a letter
// touches them, or a hyphen that a letter is before.
func inName(text string, start, end int) bool {
	if start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if isLatin(r) {
			return true
		}
		if r == '-' && start-size > 0 {
			if r2, _ := utf8.DecodeLastRuneInString(text[:start-size]); isLatin(r2) && unicode.IsUpper(r2) {
				return true
			}
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isLatin(r) {
			return true
		}
	}
	return false
}

func isLatin(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

func parseFloat(ds string) float64 {
	v, _ := strconv.ParseFloat(ds, 64)
	return v
}
