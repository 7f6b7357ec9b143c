package table

import (
	"slices"
	"strings"
	"unicode"

	"github.com/termlint/termlint/glossary"
)

// The cell text of a Markdown table marks struck-through text with these
// private-use characters, and a <br> with a line break, so that splitting
// a cell into renderings can tell which were struck.
const (
	struckOpen  = '\uE000'
	struckClose = '\uE001'
)

// piece is one rendering read from an English cell.
type piece struct {
	en     string
	status glossary.Status // "" unless a marker or strikethrough says
	forms  []string
	note   string
}

// openers and closers are the brackets and quotes inside which no
// separator splits a cell. A straight double quote both opens and closes.
const (
	openers = "([{（【［《“‘「『\""
	closers = ")]}）】］》”’」』\""
)

// splitTop splits s at the separators sep finds outside brackets and
// quotes: sep(rs, i) returns the width in runes of a separator at rs[i],
// or 0.
func splitTop(s string, sep func(rs []rune, i int) int) []string {
	rs := []rune(s)
	var out []string
	var stack []rune // the closers awaited
	start := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if n := len(stack); n > 0 && r == stack[n-1] {
			stack = stack[:n-1]
			continue
		}
		if k := strings.IndexRune(openers, r); k >= 0 {
			if r == '"' && len(stack) > 0 {
				continue // a straight quote inside brackets: leave it
			}
			stack = append(stack, []rune(closers)[runeIndex(openers, k)])
			continue
		}
		if strings.ContainsRune(closers, r) {
			continue // a stray closer
		}
		if len(stack) > 0 {
			continue
		}
		if n := sep(rs, i); n > 0 {
			out = append(out, string(rs[start:i]))
			start = i + n
			i += n - 1
		}
	}
	if len(stack) > 0 {
		// An unclosed bracket or quote would hide every separator after
		// it: split the cell as if it were not there.
		if strings.ContainsAny(s, openers) {
			return splitTop(strings.Map(func(r rune) rune {
				if strings.ContainsRune(openers, r) || strings.ContainsRune(closers, r) {
					return ' '
				}
				return r
			}, s), sep)
		}
	}
	return append(out, string(rs[start:]))
}

// runeIndex turns a byte index into s into a rune index.
func runeIndex(s string, byteIndex int) int { return len([]rune(s[:byteIndex])) }

// strongSep finds the separators that always part renderings: a line
// break (<br>), ";", "；", "、", "|", "或" and "/" (not in "and/or", a
// URL or a fraction).
func strongSep(rs []rune, i int) int {
	switch rs[i] {
	case '\n', ';', '；', '、', '|', '｜':
		return 1
	case '或':
		if i+1 < len(rs) && rs[i+1] == '者' {
			return 2
		}
		return 1
	case '/', '／':
		prev, next := at(rs, i-1), at(rs, i+1)
		if unicode.IsDigit(prev) && unicode.IsDigit(next) || next == '/' || prev == '/' || prev == ':' {
			return 0
		}
		if strings.EqualFold(wordBefore(rs, i), "and") && strings.EqualFold(wordAfter(rs, i+1), "or") {
			return 0
		}
		if tok := token(rs, i); strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			return 0
		}
		return 1
	}
	return 0
}

// commaSep finds commas: "," not between digits (1,000), and "，".
func commaSep(rs []rune, i int) int {
	switch rs[i] {
	case '，':
		return 1
	case ',':
		if unicode.IsDigit(at(rs, i-1)) && unicode.IsDigit(at(rs, i+1)) {
			return 0
		}
		return 1
	}
	return 0
}

// orSep finds " or " (any case).
func orSep(rs []rune, i int) int {
	if i+4 <= len(rs) && unicode.IsSpace(rs[i]) && strings.EqualFold(string(rs[i+1:i+3]), "or") && unicode.IsSpace(rs[i+3]) {
		return 4
	}
	return 0
}

func at(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// token returns the run of non-space characters around rs[i].
func token(rs []rune, i int) string {
	s, e := i, i
	for s > 0 && !unicode.IsSpace(rs[s-1]) {
		s--
	}
	for e < len(rs) && !unicode.IsSpace(rs[e]) {
		e++
	}
	return string(rs[s:e])
}

func wordBefore(rs []rune, i int) string {
	j := i
	for j > 0 && unicode.IsLetter(rs[j-1]) {
		j--
	}
	return string(rs[j:i])
}

func wordAfter(rs []rune, i int) string {
	j := i
	for j < len(rs) && unicode.IsLetter(rs[j]) {
		j++
	}
	return string(rs[i:j])
}

// splitEnglish splits an English cell into renderings.
//
// The rule, in order:
//  1. The strong separators (strongSep) always part renderings, outside
//     brackets and quotes.
//  2. Each part is split on commas only where it reads as a list of
//     alternatives: every comma-separated piece is phrase-like (see
//     phraseLike) and the part is not an English enumeration, whose last
//     item is joined by "and" or "or" ("friendship, sincerity, mutual
//     benefit and inclusiveness", with or without a serial comma). A part
//     that fails either test is one rendering, commas and all.
//     Pieces in a row that start with a number are one slogan ("One
//     Belt, One Road", "One Country, Two Systems"), one piece: a part
//     that is only a slogan is one rendering, and "Belt and Road
//     Initiative, One Belt, One Road" is two.
//  3. Each piece is split on " or " only where every side is phrase-like,
//     no side is a word such as "either", "more" or "one" that makes "or"
//     part of a phrase ("one or more"), and the sides are all single words
//     or all phrases: "neighborhood or periphery" and "community of common
//     destiny or community with a shared future" are two renderings each,
//     "bilateral or multilateral cooperation" is one.
//  4. Trailing parentheticals come off each rendering (see finish).
func splitEnglish(cell string) []piece {
	if placeholders[strings.ToLower(strings.TrimSpace(stripStruck(cell)))] {
		return nil
	}
	var parts []string
	for _, strong := range splitTop(cell, strongSep) {
		commas := joinSlogans(trimAll(splitTop(strong, commaSep)))
		if len(commas) > 1 && !isEnumeration(commas) && allPhraseLike(commas) {
			for _, c := range commas {
				parts = append(parts, splitOr(c)...)
			}
			continue
		}
		parts = append(parts, splitOr(strong)...)
	}
	// Strikethrough may span separators: carry whether the text is struck
	// from one part to the next.
	var out []piece
	struck := false
	for _, p := range parts {
		var letters, struckLetters int
		for _, r := range p {
			switch {
			case r == struckOpen:
				struck = true
			case r == struckClose:
				struck = false
			case unicode.IsLetter(r):
				letters++
				if struck {
					struckLetters++
				}
			}
		}
		pc, ok := finish(stripStruck(p))
		if !ok {
			continue
		}
		if letters > 0 && struckLetters*2 > letters {
			pc.status = glossary.Deprecated
		}
		out = append(out, pc)
	}
	return out
}

func stripStruck(s string) string {
	return strings.Map(func(r rune) rune {
		if r == struckOpen || r == struckClose {
			return -1
		}
		return r
	}, s)
}

func trimAll(parts []string) []string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(stripStruck(p)) != "" {
			out = append(out, p)
		}
	}
	return out
}

func allPhraseLike(parts []string) bool {
	for _, p := range parts {
		if !phraseLike(p) {
			return false
		}
	}
	return true
}

// isEnumeration reports whether comma-separated pieces are one English
// list whose last item is joined by "and" or "or": the last piece starts
// with the conjunction (serial comma) or holds it, and the pieces before
// are single items of up to three words. Of two pieces, the first holds
// no conjunction ("Belt and Road, One Belt and One Road" is two
// renderings); in a longer list an item may be a pair ("peaceful, safe
// and secure, prosperous, beautiful and amicable home" is one).
func isEnumeration(pieces []string) bool {
	last := words(pieces[len(pieces)-1])
	if len(last) > 0 && isConj(last[0]) {
		return true
	}
	if !slices.ContainsFunc(last, isConj) {
		return false
	}
	for _, p := range pieces[:len(pieces)-1] {
		w := words(p)
		if len(w) > 3 || len(pieces) == 2 && slices.ContainsFunc(w, isConj) {
			return false
		}
	}
	return true
}

// placeholders are English cells that hold no rendering.
var placeholders = map[string]bool{
	"": true, "-": true, "—": true, "–": true, "?": true, "n/a": true, "na": true, "tbd": true, "todo": true,
	"无": true, "暂无": true, "待定": true, "待译": true,
}

// numberWords start the pieces of a numbered slogan.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "hundred": true,
}

// joinSlogans joins each run of two or more comma-separated pieces that
// start with a number word or a numeral back into one piece: "One Belt",
// "One Road" are the slogan "One Belt, One Road".
func joinSlogans(pieces []string) []string {
	var out []string
	for i := 0; i < len(pieces); {
		j := i
		if endsWithNumbered(pieces[i]) {
			j++ // the slogan starts inside it: "policy of One Country, Two Systems"
		}
		for j < len(pieces) && startsWithNumber(pieces[j]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, strings.Join(pieces[i:j], ","))
			i = j
			continue
		}
		out = append(out, pieces[i])
		i++
	}
	return out
}

// endsWithNumbered reports whether a piece ends in a word that a number
// word comes before ("the policy of One Country", "principle of one
// country"), and does not start with a number itself.
func endsWithNumbered(p string) bool {
	w := words(p)
	return len(w) >= 3 && !startsWithNumber(p) && numberWords[strings.ToLower(w[len(w)-2])]
}

// startsWithNumber reports whether a piece starts with a number word or
// a numeral.
func startsWithNumber(p string) bool {
	w := words(p)
	if len(w) == 0 {
		return false
	}
	first := strings.ToLower(w[0])
	return numberWords[first] || first[0] >= '0' && first[0] <= '9'
}

func isConj(w string) bool {
	w = strings.ToLower(w)
	return w == "and" || w == "or" || w == "&"
}

// words returns the words of s outside brackets, without struck marks.
func words(s string) []string {
	s = stripStruck(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case strings.ContainsRune("([{（【［", r):
			depth++
		case strings.ContainsRune(")]}）】］", r):
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Fields(b.String())
}

// clauseWords start a piece of prose rather than a rendering: "which",
// "such as", "e.g.", "used in ...".
var clauseWords = map[string]bool{
	"which": true, "that": true, "who": true, "whom": true, "whose": true, "where": true, "when": true,
	"while": true, "as": true, "such": true, "including": true, "includes": true, "include": true,
	"e.g.": true, "e.g": true, "eg": true, "i.e.": true, "i.e": true, "ie": true, "esp.": true,
	"especially": true, "particularly": true, "namely": true, "but": true, "not": true, "also": true,
	"see": true, "cf.": true, "used": true, "usually": true, "often": true, "sometimes": true,
	"mostly": true, "literally": true, "lit.": true, "because": true, "if": true, "although": true,
	"though": true, "than": true, "like": true, "meaning": true, "means": true, "refers": true,
	"and": true, "or": true, "nor": true, "so": true, "then": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "etc": true, "etc.": true,
}

// phraseLike reports whether s reads as a rendering rather than prose: one
// to six words outside brackets, with a Latin letter and no Chinese, not
// starting with a clause word (clauseWords), holding no "etc." and no
// sentence punctuation.
func phraseLike(s string) bool {
	w := words(s)
	if len(w) == 0 || len(w) > 6 || clauseWords[strings.ToLower(w[0])] {
		return false
	}
	latin := false
	for _, word := range w {
		lw := strings.ToLower(word)
		if lw == "etc" || lw == "etc." {
			return false
		}
		for _, r := range word {
			if unicode.Is(unicode.Han, r) {
				return false
			}
			if unicode.Is(unicode.Latin, r) {
				latin = true
			}
		}
		if strings.ContainsAny(word, "?!:") {
			return false
		}
	}
	// "... people. The" is two sentences; "U.S." is a word.
	for _, word := range w[:len(w)-1] {
		if strings.HasSuffix(word, ".") && !strings.Contains(strings.TrimSuffix(word, "."), ".") && len(word) > 4 {
			return false
		}
	}
	return latin
}

// orBlockers are words that make "or" part of a phrase when next to it.
var orBlockers = map[string]bool{
	"either": true, "whether": true, "more": true, "less": true, "one": true, "two": true,
	"three": true, "not": true, "sooner": true, "later": true,
}

// splitOr splits s on " or " where rule 3 of splitEnglish allows.
func splitOr(s string) []string {
	sides := splitTop(s, orSep)
	if len(sides) < 2 {
		return []string{s}
	}
	single := len(words(sides[0])) == 1
	for i, side := range sides {
		w := words(side)
		if !phraseLike(side) || (len(w) == 1) != single {
			return []string{s}
		}
		if i > 0 && orBlockers[strings.ToLower(w[0])] {
			return []string{s}
		}
		if i < len(sides)-1 && orBlockers[strings.ToLower(w[len(w)-1])] {
			return []string{s}
		}
	}
	return sides
}

// deprecationMarkers are parentheticals that mark a rendering to avoid.
var deprecationMarkers = map[string]glossary.Status{
	"deprecated": glossary.Deprecated, "avoid": glossary.Deprecated, "do not use": glossary.Deprecated,
	"don't use": glossary.Deprecated, "not recommended": glossary.Deprecated, "obsolete": glossary.Deprecated,
	"outdated": glossary.Deprecated, "wrong": glossary.Deprecated, "incorrect": glossary.Deprecated,
	"旧译": glossary.Deprecated, "弃用": glossary.Deprecated, "已弃用": glossary.Deprecated,
	"不推荐": glossary.Deprecated, "不建议": glossary.Deprecated, "避免": glossary.Deprecated,
	"勿用": glossary.Deprecated, "误译": glossary.Deprecated, "过时": glossary.Deprecated,
	"superseded": glossary.Superseded,
}

// finish cleans one rendering: trailing parentheticals come off, an
// acronym ("(BRI)") becoming a form, a marker ("(deprecated)", "(旧译)")
// the status, anything else the note; then surrounding quotes, trailing
// punctuation and a leading article (dropArticle). It reports false when
// nothing English is left.
func finish(s string) (piece, bool) {
	var p piece
	s = strings.Join(strings.Fields(s), " ")
	var notes []string
	for {
		s = strings.TrimRight(s, " .。,，;；:：")
		inner, rest, ok := trailingBracket(s)
		if !ok {
			break
		}
		s = rest
		inner = strings.TrimSpace(inner)
		if st, ok := deprecationMarkers[strings.ToLower(inner)]; ok {
			p.status = st
			continue
		}
		if forms := acronyms(inner); forms != nil {
			p.forms = append(forms, p.forms...)
			continue
		}
		if inner != "" {
			notes = append([]string{inner}, notes...)
		}
	}
	if inner := unquote(strings.TrimSpace(s)); inner != strings.TrimSpace(s) && startsCapitalArticle(inner) {
		s = inner // a quoted sentence, as written: “The great virtue is like water”
	} else {
		s = dropArticle(inner)
	}
	p.en = s
	p.note = strings.Join(notes, listSeparator)
	hasLatin := false
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) || unicode.IsDigit(r) {
			hasLatin = true
			break
		}
	}
	return p, hasLatin
}

// dropArticle drops a leading "the", "a" or "an" (any case) from a
// rendering: a team's table writes "the Belt and Road Initiative" as the
// phrase reads in a sentence, but the article is no part of the term, and
// a rendering that kept it would match only after that article. A
// rendering that is the article alone keeps it, and articles inside the
// phrase stay ("community with a shared future").
func dropArticle(s string) string {
	article, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	switch strings.ToLower(article) {
	case "the", "a", "an":
		if rest = strings.TrimSpace(rest); rest != "" {
			return rest
		}
	}
	return s
}

// trailingBracket splits "text (inner)" into inner and text, for the
// brackets ( ) [ ] （ ） 【 】.
func trailingBracket(s string) (inner, rest string, ok bool) {
	rs := []rune(s)
	if len(rs) == 0 {
		return "", s, false
	}
	var open rune
	switch rs[len(rs)-1] {
	case ')':
		open = '('
	case ']':
		open = '['
	case '）':
		open = '（'
	case '】':
		open = '【'
	default:
		return "", s, false
	}
	close, depth := rs[len(rs)-1], 0
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case close:
			depth++
		case open:
			depth--
			if depth == 0 {
				if i == 0 {
					return "", s, false // the whole rendering is bracketed
				}
				return string(rs[i+1 : len(rs)-1]), strings.TrimSpace(string(rs[:i])), true
			}
		}
	}
	return "", s, false
}

// acronyms returns the abbreviations a parenthetical lists ("BRI",
// "BRI, B&R", "abbr. BRI"), or nil when it is not such a list.
func acronyms(s string) []string {
	for _, prefix := range []string{"abbr.", "abbr", "简称", "缩写"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			s = strings.TrimLeft(rest, " :：")
			break
		}
	}
	var out []string
	for _, a := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '/' || r == ';' || r == '，' || r == '、' }) {
		a = strings.TrimSpace(a)
		if !isAcronym(a) {
			return nil
		}
		out = append(out, a)
	}
	return out
}

// isAcronym reports whether s is written like an abbreviation: no spaces,
// starting with a capital, at least two capitals or a capital and
// digits, at most one lower-case letter (a plural "s").
func isAcronym(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 || len(rs) > 12 || !unicode.IsUpper(rs[0]) {
		return false
	}
	upper, lower, digits := 0, 0, 0
	for _, r := range rs {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digits++
		case !strings.ContainsRune("&.-", r):
			return false
		}
	}
	return (upper >= 2 || digits > 0) && lower <= 1
}

// startsCapitalArticle reports whether s starts with "The", "A" or "An",
// capitalised: the start of a sentence rather than of a noun phrase.
func startsCapitalArticle(s string) bool {
	first, _, _ := strings.Cut(s, " ")
	return first == "The" || first == "A" || first == "An"
}

// englishCell writes rendering en as a cell that reads back as en: as it
// is, or in quotes where the reader would split it or change it (a
// sentence with commas, one that starts with an article).
func englishCell(en string) string {
	if ps := splitEnglish(en); len(ps) == 1 && ps[0].en == en && ps[0].note == "" && len(ps[0].forms) == 0 && ps[0].status == "" {
		return en
	}
	return "“" + en + "”"
}

// unquote strips quotes around a whole rendering.
func unquote(s string) string {
	for _, q := range []string{`""`, "“”", "‘’", "''", "「」", "『』"} {
		qs := []rune(q)
		rs := []rune(s)
		if len(rs) > 2 && rs[0] == qs[0] && rs[len(rs)-1] == qs[1] && !strings.ContainsRune(string(rs[1:len(rs)-1]), qs[0]) {
			return strings.TrimSpace(string(rs[1 : len(rs)-1]))
		}
	}
	return s
}

// chineseCell is what a Chinese cell holds: the term, its variants, its
// pinyin and anything else in brackets.
type chineseCell struct {
	zh       string
	variants []string
	pinyin   string
	note     string
}

// splitChinese reads a Chinese cell: variants separated by "/", "、",
// "，", ",", ";" or a line break; a bracketed pinyin (written with tone
// marks or numbers); other bracketed text as a note.
func splitChinese(cell string) chineseCell {
	var c chineseCell
	var notes []string
	var b strings.Builder
	rs := []rune(stripStruck(cell))
	for i := 0; i < len(rs); i++ {
		close := map[rune]rune{'(': ')', '（': '）', '[': ']', '【': '】'}[rs[i]]
		if close == 0 {
			b.WriteRune(rs[i])
			continue
		}
		j := slices.Index(rs[i+1:], close)
		if j < 0 {
			b.WriteRune(rs[i])
			continue
		}
		inner := strings.TrimSpace(string(rs[i+1 : i+1+j]))
		i += j + 1
		switch {
		case inner == "":
		case c.pinyin == "" && isPinyin(inner):
			c.pinyin = inner
		default:
			notes = append(notes, inner)
		}
		b.WriteRune(' ')
	}
	for _, t := range strings.FieldsFunc(b.String(), func(r rune) bool {
		return strings.ContainsRune("/／、，,;；\n|｜", r)
	}) {
		if t = strings.Join(strings.Fields(t), " "); t != "" && t != c.zh && !slices.Contains(c.variants, t) {
			if c.zh == "" {
				c.zh = t
			} else {
				c.variants = append(c.variants, t)
			}
		}
	}
	c.note = strings.Join(notes, listSeparator)
	return c
}

// isPinyin reports whether s is pinyin written with tone marks or tone
// numbers ("zhōubiān", "zhou1bian1"): Latin letters, spaces, apostrophes
// and hyphens, with a tone.
func isPinyin(s string) bool {
	tone := false
	for _, r := range s {
		switch {
		case strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈŌÓǑÒ", r):
			tone = true
		case r >= '1' && r <= '5':
			tone = true
		case r < unicode.MaxASCII && unicode.IsLetter(r), r == 'ü', r == 'Ü', r == ' ', r == '\'', r == '’', r == '-':
		default:
			return false
		}
	}
	return tone
}
