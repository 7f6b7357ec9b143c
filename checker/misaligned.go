package checker

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/lenratio"
	num "github.com/termlint/termlint/internal/numerals"
)

// Real bilingual files hold pairs whose two sides do not correspond: a
// file shifted by one paragraph, a scraped page footer under many
// paragraphs. Checking such a pair reports every term of its Chinese as
// missing, which is noise; the editor needs one note that the pairs are
// off. So a file's segments are measured against the file itself: the
// length ratio of each pair against the others', and the same English
// under different Chinese.

// minMeasuredHan is the least Chinese a segment needs for its length
// ratio to count.
const minMeasuredHan = 20

// boilerplateRepeats is how many different Chinese paragraphs the same
// English must stand under to be boilerplate.
const boilerplateRepeats = 3

// markMisaligned marks the segments of a bilingual file whose pairing is
// off, with the reason: boilerplate English, lengths out of all
// proportion, and numbers that say the English belongs to a neighbour
// (see markShifted).
func markMisaligned(segs []*Segment) {
	underChinese := make(map[string]map[string]bool) // English -> the Chinese it stands under
	lens := lengthsOf(segs)
	for _, s := range segs {
		if s.Untranslated || hanCount(s.Chinese.Text) == 0 || letterCount(s.English.Text) == 0 {
			continue
		}
		key := strings.Join(strings.Fields(string(s.English.Text)), " ")
		if underChinese[key] == nil {
			underChinese[key] = make(map[string]bool)
		}
		underChinese[key][string(s.Chinese.Text)] = true
	}
	for _, s := range segs {
		key := strings.Join(strings.Fields(string(s.English.Text)), " ")
		if n := len(underChinese[key]); n >= boilerplateRepeats && !s.Untranslated {
			s.misaligned = fmt.Sprintf("the same English stands under %d different Chinese paragraphs", n)
		}
	}
	if lens.ok {
		for i, s := range segs {
			if d := lens.deviation(i, i); math.Abs(d) > lens.limit && s.misaligned == "" {
				s.misaligned = "its English is " + timesAsLong(math.Exp(d)) + ", for its Chinese, as the file's pairs usually are"
			}
		}
	}
	markShifted(segs, lens)
}

// timesAsLong says how many times as long one text is as another: "3.2
// times as long", or for a shorter one "1/40 as long" (not "0.0 times").
func timesAsLong(f float64) string {
	if f >= 1 {
		return fmt.Sprintf("%.1f times as long", f)
	}
	return fmt.Sprintf("1/%.0f as long", 1/f)
}

// lengths are the lengths of a file's segments and the file's own
// proportion between them (see lenratio): the median log ratio of English
// letters to Chinese characters and how far from it a pair may lie.
type lengths struct {
	zh, en        []int
	median, limit float64
	ok            bool
}

func lengthsOf(segs []*Segment) lengths {
	l := lengths{zh: make([]int, len(segs)), en: make([]int, len(segs))}
	var ratios []float64
	for i, s := range segs {
		if s.Untranslated {
			continue
		}
		l.zh[i], l.en[i] = hanCount(s.Chinese.Text), letterCount(s.English.Text)
		if r, ok := lenratio.Log(l.en[i], l.zh[i]); ok && l.zh[i] >= minMeasuredHan {
			ratios = append(ratios, r)
		}
	}
	l.median, l.limit, l.ok = lenratio.Fence(ratios)
	return l
}

// deviation is how far the log ratio of segment en's English to segment
// zh's Chinese lies from the file's median, or 0 when it is not measured:
// a heading or a short line ("带伞！", "Take an Umbrella with You!") has a
// ratio of chance, not of pairing.
func (l lengths) deviation(zh, en int) float64 {
	if !l.ok || l.zh[zh] < minMeasuredHan {
		return 0
	}
	r, ok := lenratio.Log(l.en[en], l.zh[zh])
	if !ok {
		return 0
	}
	return r - l.median
}

func hanCount(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

func letterCount(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// Misaligned reports, in a bilingual file, each run of segments whose
// Chinese and English do not correspond: once per run, with the reason of
// its first segment, and the terms of those segments are not reported
// missing or variant.
var Misaligned = &Rule{
	Name: "misaligned",
	Doc:  "in a bilingual file, reports a run of segments whose Chinese and English do not correspond",
	Help: "In a bilingual file, reports a run of segments whose Chinese and English do not correspond: one English under several different Chinese paragraphs, English far longer or shorter than its Chinese, or numbers and names that belong to a neighbouring segment. Term findings in such segments would be noise, so they are not reported." +
		"\n\n" +
		"To fix a finding, realign the file: split or join paragraphs, or move the English beside its Chinese, and check again.",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		segs := p.File.Segments
		for i := 0; i < len(segs); i++ {
			if segs[i].misaligned == "" {
				continue
			}
			j := i
			for j+1 < len(segs) && segs[j+1].misaligned != "" {
				j++
			}
			what := "this segment looks misaligned"
			if j > i {
				what = fmt.Sprintf("these %d segments look misaligned", j-i+1)
			}
			first := segs[i]
			start, end := first.English.Start(), first.English.Stop()
			end = start + min(end-start, len(firstWords(p.File.Text[start:end], 6)))
			fd := Finding{Message: fmt.Sprintf("%s: %s; its terms are not checked", what, first.misaligned)}
			p.digest.found = append(p.digest.found, p.place(fd, p.File.Path, p.File.lines, p.File.Text, start, end))
			i = j
		}
	},
}

// firstWords is the start of text up to its n-th word, for a finding's
// text.
func firstWords(text []byte, n int) []byte {
	words := 0
	in := false
	for i, r := range string(text) {
		switch {
		case unicode.IsSpace(r) && in:
			in = false
			if words++; words == n {
				return text[:i]
			}
		case !unicode.IsSpace(r):
			in = true
		}
	}
	return text
}

// Figures are the surest sign of a pair shifted by one where lengths look
// normal: a Chinese paragraph whose numbers (and names in Latin letters)
// are not in its English but in the next one's. A figure that is not
// there is not enough, since translators convert (1000万亩 is "667,000
// hectares"), round, write "last year" for 2022年 or leave a figure out,
// and now and then get one wrong. So a segment is taken for shifted only
// when its two sides share none of their figures (or fewer than half)
// and they fit a neighbour's instead: its Chinese the next English and
// its English the previous Chinese (or the other way round); or one of
// them, with the lengths of the shifted pairing fitting better too, or
// with two figures or more where its other side has none. A segment
// whose figures fit a neighbour's on one side only joins a run of sure
// ones shifted the same way, but makes none.

// commonNumber is in how many segments' text a figure must occur to be
// the file's commonplace (the year of a report), which says nothing of
// where a pair belongs.
const commonNumber = 4

// maxShiftGap is how many segments without figures may lie between two
// segments shifted the same way for the run to take them in: the pairing
// cannot shift back and forth between them.
const maxShiftGap = 3

// markShifted marks the segments whose figures say their English is a
// neighbour's, and those between two of them shifted the same way.
func markShifted(segs []*Segment, lens lengths) {
	n := len(segs)
	nums := make([]numbersOf, n)
	for i, s := range segs {
		if !s.Untranslated {
			nums[i] = segmentNumbers(s)
		}
	}
	dropCommon(nums)
	readEnglishWords(segs, nums)
	// shift is where the English of a segment's Chinese is (-1, +1, or
	// 0) where the figures say so for sure; lean where they say so on one
	// side only, which is taken beside a sure one.
	shift, lean := make([]int, n), make([]int, n)
	reasons := make([]string, n)
	aligned := make([]bool, n)
	for i, s := range segs {
		if s.Untranslated || s.misaligned != "" {
			continue
		}
		own := matchNumbers(nums[i], nums[i])
		if own.fits() {
			aligned[i] = true
			continue
		}
		for _, d := range []int{1, -1} {
			var zf, ef numberMatch // its Chinese against the English at i+d, its English against the Chinese at i-d
			if i+d >= 0 && i+d < n {
				zf = matchNumbers(nums[i], nums[i+d])
			}
			if i-d >= 0 && i-d < n {
				ef = matchNumbers(nums[i-d], nums[i])
			}
			zhThere, enThere := zf.fits() && zf.shared > own.shared, ef.fits() && ef.shared > own.shared
			if !zhThere && !enThere {
				continue
			}
			sure := zhThere && enThere || lens.fitsShifted(i, d) ||
				zhThere && own.en == 0 && zf.shared-zf.names >= 2 || enThere && own.zh == 0 && ef.shared-ef.names >= 2
			if sure {
				shift[i], reasons[i] = d, shiftReason(segs, nums, i, d, zhThere)
				break
			}
			if lean[i] == 0 {
				lean[i], reasons[i] = d, shiftReason(segs, nums, i, d, zhThere)
			}
		}
	}
	// A run is a chain of segments shifted the same way, surely or
	// leaning, with at least one sure: between two of them the pairing is
	// shifted too, unless a segment's figures say otherwise. Between sure
	// ones a short gap is taken in whole, a longer one where the lengths
	// agree; a leaning one joins across one segment at most.
	for i := 0; i < n; {
		d := shift[i] + lean[i]
		if d == 0 {
			i++
			continue
		}
		last, sure := i, shift[i] != 0
		for k := i + 1; k < n; k++ {
			if aligned[k] || segs[k].Untranslated {
				break
			}
			dk := shift[k] + lean[k]
			if dk == 0 {
				continue
			}
			gap := k - last - 1
			if dk != d || gap > maxShiftGap && !lens.gapShifted(last+1, k, d) || gap > 1 && (shift[k] == 0 || shift[last] == 0) {
				break
			}
			last, sure = k, sure || shift[k] != 0
		}
		if sure {
			for j := i; j <= last; j++ {
				shift[j] = d
				if segs[j].misaligned == "" {
					segs[j].misaligned = cmp.Or(reasons[j], gapReason)
				}
			}
		}
		i = last + 1
	}
	// At the ends of a run, a segment whose lengths fit the shifted
	// pairing better than its own is shifted with it.
	for i := 0; i < n; i++ {
		d := shift[i]
		if d == 0 {
			continue
		}
		for _, step := range []int{-1, 1} {
			for j := i + step; j >= 0 && j < n && shift[j] == 0 && !aligned[j] && !segs[j].Untranslated && segs[j].misaligned == "" && lens.prefersShifted(j, d); j += step {
				shift[j] = d
				segs[j].misaligned = gapReason
			}
		}
	}
}

const gapReason = "its lengths fit the shifted pairing of the segments beside it"

// gapShifted reports whether the lengths of segments [from, to) fit a
// pairing shifted by d at least as well as their own, taken together.
func (l lengths) gapShifted(from, to, d int) bool {
	own, shifted := 0.0, 0.0
	for i := from; i < to; i++ {
		if !l.measured(i, i) || !l.measured(i, i+d) {
			continue
		}
		own += math.Abs(l.deviation(i, i))
		shifted += math.Abs(l.deviation(i, i+d))
	}
	return shifted <= own
}

// prefersShifted reports whether segment i's Chinese fits the English at
// i+d clearly better than its own: by half the file's limit.
func (l lengths) prefersShifted(i, d int) bool {
	if !l.measured(i, i) || !l.measured(i, i+d) {
		return false
	}
	return math.Abs(l.deviation(i, i+d))+l.limit/2 <= math.Abs(l.deviation(i, i))
}

// measured reports whether the pairing of Chinese zh and English en has a
// ratio to compare.
func (l lengths) measured(zh, en int) bool {
	return l.ok && zh >= 0 && en >= 0 && zh < len(l.zh) && en < len(l.en) && l.zh[zh] >= minMeasuredHan && l.en[en] > 0
}

// fitsShifted reports whether the lengths of segment i say its pairing is
// shifted by d: its own ratio lies beyond half the file's limit, and the
// shifted pairing (its Chinese with the English at i+d, or its English
// with the Chinese at i-d) lies at most half as far from the median.
func (l lengths) fitsShifted(i, d int) bool {
	own := math.Abs(l.deviation(i, i))
	if !l.ok || own < l.limit/2 {
		return false
	}
	for _, p := range [][2]int{{i, i + d}, {i - d, i}} {
		if l.measured(p[0], p[1]) && math.Abs(l.deviation(p[0], p[1])) <= own/2 {
			return true
		}
	}
	return false
}

// shiftReason says why segment i looks shifted by d: its Chinese figures
// are in the English of the neighbour at i+d (zhThere), or else its
// English figures are in the Chinese of the one at i-d.
func shiftReason(segs []*Segment, nums []numbersOf, i, d int, zhThere bool) string {
	side, other, where := "Chinese", "English", "next"
	quoted := quoteNumbers(segs[i].Chinese.Text, nums[i].zh, 3)
	names := nums[i].names
	if !zhThere {
		side, other = "English", "Chinese"
		quoted = quoteNumbers(segs[i].English.Text, nums[i].en, 3)
		names = slices.DeleteFunc(slices.Clone(nums[i-d].names), func(name string) bool { return !nums[i].enWords[strings.ToLower(name)] })
		d = -d
	}
	if quoted == "" {
		quoted = strings.Join(names[:min(3, len(names))], ", ")
	}
	if quoted != "" {
		quoted = " (" + quoted + ")"
	}
	if d < 0 {
		where = "previous"
	}
	return fmt.Sprintf("the figures of its %s%s are not in its %s but in the %s segment's", side, quoted, other, where)
}

// quoteNumbers quotes up to max significant numbers of text as written.
func quoteNumbers(text []byte, ns []num.Number, max int) string {
	var out []string
	for _, n := range ns {
		if n.Significant() && len(out) < max {
			out = append(out, string(text[n.Start:n.End]))
		}
	}
	return strings.Join(out, ", ")
}

// dropCommon leaves out of nums the figures that occur in commonNumber
// segments or more, on either side, and the names in as many Chinese.
func dropCommon(nums []numbersOf) {
	count := make(map[float64]int)
	for _, ns := range nums {
		seen := make(map[float64]bool)
		for _, n := range append(slices.Clip(ns.zh), ns.en...) {
			if n.Significant() && !seen[n.Value] {
				seen[n.Value] = true
				count[n.Value]++
			}
		}
	}
	common := func(n num.Number) bool { return count[n.Value] >= commonNumber }
	names := make(map[string]int)
	for _, ns := range nums {
		for _, name := range slices.Compact(slices.Sorted(slices.Values(ns.names))) {
			names[name]++
		}
	}
	for i := range nums {
		nums[i].zh = slices.DeleteFunc(nums[i].zh, common)
		nums[i].en = slices.DeleteFunc(nums[i].en, common)
		nums[i].names = slices.DeleteFunc(nums[i].names, func(name string) bool { return names[name] >= commonNumber })
	}
}

// numbersOf are the figures of a segment's two sides: the numbers of
// each, and the names in Latin letters of its Chinese (APEC, G20, iPhone)
// with the words of its English, to look them up in.
type numbersOf struct {
	zh, en  []num.Number
	names   []string
	enWords map[string]bool
}

// maxFigures is how many numbers of a side are compared: a side holding
// more (a table read as one paragraph) is compared on its first ones, so
// that comparing two sides stays within a bound.
const maxFigures = 64

func segmentNumbers(s *Segment) numbersOf {
	ns := numbersOf{zh: num.Chinese(string(s.Chinese.Text)), en: num.English(string(s.English.Text))}
	ns.zh, ns.en = ns.zh[:min(len(ns.zh), maxFigures)], ns.en[:min(len(ns.en), maxFigures)]
	for _, w := range latinWords(s.Chinese.Text) {
		// a unit (cm, kg) is no name
		if len(ns.names) < maxFigures && (len(w) > 3 || strings.ToLower(w) != w) {
			ns.names = append(ns.names, w)
		}
	}
	return ns
}

// readEnglishWords fills in the English words of the segments whose
// Chinese or a neighbour's has a name to look up.
func readEnglishWords(segs []*Segment, nums []numbersOf) {
	for i := range nums {
		if len(nums[max(0, i-1)].names)+len(nums[i].names)+len(nums[min(len(nums)-1, i+1)].names) == 0 {
			continue
		}
		nums[i].enWords = make(map[string]bool)
		for _, w := range latinWords(segs[i].English.Text) {
			nums[i].enWords[strings.ToLower(w)] = true
		}
	}
}

// latinWords are the words of text written in Latin letters and digits
// (with a dot or hyphen inside: PM2.5, COVID-19) that have a letter.
func latinWords(text []byte) []string {
	var out []string
	isAlnum := func(c byte) bool { return c < utf8.RuneSelf && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))) }
	for i := 0; i < len(text); {
		if !isAlnum(text[i]) {
			i++
			continue
		}
		j, letters := i, 0
		for j < len(text) && (isAlnum(text[j]) || (text[j] == '.' || text[j] == '-') && j+1 < len(text) && isAlnum(text[j+1]) && j > i) {
			if unicode.IsLetter(rune(text[j])) {
				letters++
			}
			j++
		}
		if letters > 0 && j-i >= 2 {
			out = append(out, string(text[i:j]))
		}
		i = j
	}
	return out
}

// numberMatch compares the figures of a Chinese side with those of an
// English one: how many significant numbers each has (distinct values),
// and how many of the Chinese ones the English has. A name of the Chinese
// that the English has counts as a figure of both, shared; one it lacks
// does not count (the English may spell it out).
type numberMatch struct {
	zh, en, shared int
	names          int // of shared, the name (0 or 1)
}

// fits reports whether the two sides share their figures: some, and at
// least half of those of the side with fewer.
func (m numberMatch) fits() bool {
	return m.shared > 0 && 2*m.shared >= min(m.zh, m.en)
}

// matchNumbers compares the Chinese figures of a with the English ones
// of b.
func matchNumbers(a, b numbersOf) numberMatch {
	var m numberMatch
	zh, en := a.zh, b.en
	zhSig, enSig := distinctSignificant(zh), distinctSignificant(en)
	m.zh, m.en = len(zhSig), len(enSig)
	for _, z := range zhSig {
		if slices.ContainsFunc(en, func(e num.Number) bool { return num.Same(z, e) }) {
			m.shared++
		}
	}
	if m.shared == 0 && m.zh > 0 && m.en > 0 {
		// a significant English number may stand for a small Chinese one
		for _, e := range enSig {
			if slices.ContainsFunc(zh, func(z num.Number) bool { return num.Same(z, e) }) {
				m.shared++
			}
		}
	}
	// Names count once however many there are: a name of several
	// words is several words.
	if slices.ContainsFunc(a.names, func(name string) bool { return b.enWords[strings.ToLower(name)] }) {
		m.zh, m.en, m.shared, m.names = m.zh+1, m.en+1, m.shared+1, 1
	}
	return m
}

// distinctSignificant are the significant numbers of ns, each value once.
func distinctSignificant(ns []num.Number) []num.Number {
	var out []num.Number
	seen := make(map[float64]bool, len(ns))
	for _, n := range ns {
		if n.Significant() && !seen[n.Value] {
			seen[n.Value] = true
			out = append(out, n)
		}
	}
	return out
}
