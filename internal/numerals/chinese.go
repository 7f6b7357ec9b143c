package numerals

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Chinese returns the numbers of Chinese text: numbers in digits with
// their scale and unit (2023年, 1.2万亿, 3000多万, 5.5%, 0.5个百分点), and
// numbers in Chinese numerals where they are surely numbers: 百分之五,
// 第十九 and 十九大 or 十四五 (ordinals), 二〇二三年, and a numeral of two
// characters or more that starts with a digit or 十 (十九, 三百, 一万).
// A lone numeral in a word (一些, 统一, 十分, 万一, 千方百计) is left out,
// as are months (3月: the English writes March).
func Chinese(text string) []Number {
	var out []Number
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case (r >= '0' && r <= '9' || r >= '０' && r <= '９') && !afterDigitOrPoint(text, i):
			n, end, ok := chineseDigits(text, i)
			if ok {
				out = append(out, n)
			}
			i = max(end, i+size)
		case strings.HasPrefix(text[i:], "百分之"):
			j := i + len("百分之")
			r, size := utf8.DecodeRuneInString(text[j:])
			if n, end, ok := hanNumber(text, j); ok {
				n.Kind, n.Start = Percent, i
				out = append(out, n)
				i = end
			} else if d, ok := hanDigits[r]; ok {
				out = append(out, Number{Value: float64(d), Kind: Percent, Digits: 1, Start: i, End: j + size})
				i = j + size
			} else if ds, end := digitRun(text, j, false); ds != "" {
				out = append(out, Number{Value: parseFloat(ds), Kind: Percent, Digits: digitsOf(ds), Start: i, End: end})
				i = end
			} else {
				i = j
			}
		case (isHanDigit(r) || r == '十') && !afterNumeral(text, i):
			n, end, ok := hanNumber(text, i)
			if !ok {
				i += size
				continue
			}
			if n, ok := hanKind(text, n, end); ok {
				out = append(out, n)
			}
			i = end
		default:
			i += size
		}
	}
	return out
}

// chineseDigits reads a number in digits at text[i:], with its scale
// (万, 亿, 万亿, after 多 or 余) and unit (%, 个百分点, 年).
func chineseDigits(text string, i int) (Number, int, bool) {
	ds, end := digitRun(text, i, true)
	n := Number{Value: parseFloat(ds), Digits: digitsOf(ds), Start: i, End: end}
	if inName(text, i, end) {
		n.InName = true
		return n, end, true
	}
	j := end
	for { // 3000多万, 4万多亿, 1.2万亿, 14 亿
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		r, size := utf8.DecodeRuneInString(text[k:])
		if m, ok := hanScales[r]; ok && m >= 1e4 {
			n.Value *= m
		} else if k > j || r != '多' && r != '余' {
			break
		}
		j = k + size
	}
	if j == end && len(ds) == 2 && strings.HasPrefix(text[j:], "后") {
		// 90后, 00后: those born in the 1990s, the 2000s
		n.Value, n.Kind, n.Digits = 1900+n.Value, Year, 4
		if n.Value < 1930 {
			n.Value += 100
		}
		n.End = j
		return n, j, true
	}
	switch {
	case strings.HasPrefix(text[j:], "%"), strings.HasPrefix(text[j:], "％"):
		n.Kind = Percent
		_, size := utf8.DecodeRuneInString(text[j:])
		j += size
	case strings.HasPrefix(text[j:], "个百分点"):
		n.Kind = Percent
		j += len("个百分点")
	case strings.HasPrefix(text[j:], "年") && j == end && isYear(n.Value) && len(ds) == 4:
		n.Kind = Year
		j += len("年")
	case strings.HasPrefix(text[j:], "月") && j == end:
		return Number{}, j, false // a month: the English names it
	case strings.HasPrefix(text[j:], "年代") && j == end && n.Value < 100 && n.Value == math.Trunc(n.Value):
		n.Value, n.Kind, n.Digits = 1900+n.Value, Year, 4 // 80年代: the 1980s
		j += len("年代")
	case strings.HasPrefix(text[j:], "成") && j == end && n.Value < 10 && !followedByWord(text, j+len("成")):
		n.Value, n.Kind = n.Value*10, Percent // 6成: 60 percent
		j += len("成")
	case strings.HasPrefix(text[j:], "里") && !strings.HasPrefix(text[j:], "里面"):
		n.Converted = n.Value / 2 // kilometres
	case strings.HasPrefix(text[j:], "亩"):
		n.Converted = n.Value / 15 // hectares
	case strings.HasPrefix(text[j:], "斤"):
		n.Converted = n.Value / 2000 // tonnes
	case strings.HasPrefix(text[j:], "公斤"):
		n.Converted = n.Value / 1000 // tonnes
	}
	n.End = j
	return n, j, true
}

var hanDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

var hanScales = map[rune]float64{'十': 10, '百': 100, '千': 1000, '万': 1e4, '亿': 1e8}

// afterNumeral reports whether text[i:] follows a Chinese numeral: it is
// then inside a word or an idiom (万一, 千方百计), not a number's start.
func afterNumeral(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	_, scale := hanScales[r]
	return scale || isHanDigit(r)
}

func isHanDigit(r rune) bool { _, ok := hanDigits[r]; return ok }

// hanNumber reads the Chinese numeral at text[i:], as far as it is one
// number (十四五 is 十四, then 五). Four digits without units before 年 are
// a year (二〇二三年). A numeral of one character other than 十 is none,
// nor is one that starts with another unit (万一, 百姓, 千方百计).
func hanNumber(text string, i int) (Number, int, bool) {
	// 二〇二三年
	var year strings.Builder
	j := i
	for year.Len() < 4 {
		r, size := utf8.DecodeRuneInString(text[j:])
		d, ok := hanDigits[r]
		if !ok || r == '两' {
			break
		}
		year.WriteByte(byte('0' + d))
		j += size
	}
	if year.Len() == 4 && strings.HasPrefix(text[j:], "年") {
		v := parseFloat(year.String())
		return Number{Value: v, Kind: Year, Digits: 4, Start: i, End: j + len("年")}, j + len("年"), true
	}

	var total, section float64
	digit := -1     // a digit waiting for its unit, or -1
	lastUnit := 0.0 // the unit last applied within the section
	zero := false   // 零 since the last unit
	chars := 0
	j = i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if d, ok := hanDigits[r]; ok {
			switch {
			case d == 0 && chars == 0:
			case d == 0:
				zero = true
				chars++
				j += size
				continue
			case digit >= 0:
				// 十四五, 三四: a digit after a digit ends the number
			default:
				digit = d
				chars++
				j += size
				continue
			}
			break
		}
		m, ok := hanScales[r]
		if !ok || chars == 0 && r != '十' {
			break
		}
		if m >= 1e4 {
			x := section + float64(max(digit, 0))
			if x == 0 {
				break
			}
			if m == 1e8 {
				total = (total + x) * m
			} else {
				total += x * m
			}
			section, lastUnit = 0, 0
		} else {
			if lastUnit != 0 && m >= lastUnit || digit < 0 && chars > 0 && !zero {
				break // 三十十, 一百十: no longer one number
			}
			d := digit
			if d < 0 {
				d = 1 // 十九: the ten has no digit before it
			}
			section += float64(d) * m
			lastUnit = m
		}
		digit, zero = -1, false
		chars++
		j += size
	}
	if chars < 2 && !(chars == 1 && strings.HasPrefix(text[i:], "十")) {
		return Number{}, j, false
	}
	if digit >= 0 {
		section += float64(digit)
	}
	v := total + section
	if v == 0 {
		return Number{}, j, false
	}
	return Number{Value: v, Digits: valueDigits(v), Start: i, End: j}, j, true
}

// ordinalAfter are the characters after a numeral that make it an
// ordinal: 十九大 (the 19th National Congress), 十九届, 十四五 (the 14th
// Five-Year Plan).
const ordinalAfter = "大届五次"

// hanKind gives a Chinese numeral its kind from what is around it: 第
// before it or 大, 届 after it make an ordinal; a lone 十 is a number only
// so. ok is false for a numeral that is no number to compare.
func hanKind(text string, n Number, end int) (Number, bool) {
	before, _ := utf8.DecodeLastRuneInString(text[:n.Start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	if before == '第' || strings.ContainsRune(ordinalAfter, after) && n.Value >= 10 && n.Value < 100 {
		n.Kind = Ordinal
	}
	if strings.HasPrefix(text[n.Start:], "十") && end-n.Start == len("十") && n.Kind != Ordinal {
		return n, false // 十分, 十年: 十 alone is read only as an ordinal
	}
	if after == '月' {
		return n, false
	}
	switch rest := text[end:]; {
	case strings.HasPrefix(rest, "年代") && n.Value < 100:
		n.Value, n.Kind, n.Digits = 1900+n.Value, Year, 4 // 八十年代: the 1980s
	case strings.HasPrefix(rest, "里") && !strings.HasPrefix(rest, "里面"):
		n.Converted = n.Value / 2 // kilometres
	}
	return n, true
}

// cheng are the characters after 成 that make a word of it (成为, 成功)
// rather than tenths (六成).
const cheng = "为功果立本长员就绩熟交效型都不了"

// followedByWord reports whether text[i:] starts with a character that
// makes a word with the 成 before it.
func followedByWord(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return strings.ContainsRune(cheng, r)
}
