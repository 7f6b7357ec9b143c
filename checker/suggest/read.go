package suggest

import (
	"sort"
	"unicode/utf8"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/checker/match"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/workcount"
)

// File is the evidence one file gives: its translated bilingual segments,
// each with its English words, its Chinese characters and the glossary
// terms and renderings found in them. Read makes it; a Corpus adds it up.
type File struct {
	// Path is the file's path; ChinesePath that of its Chinese side, which
	// differs for a --source/--target pair.
	Path, ChinesePath string
	// Bilingual says the file was read as bilingual; only then does it
	// have segments.
	Bilingual bool
	// Segments counts its translated segments.
	Segments int
	// Misaligned counts the units (segments or aligned sentence pairs)
	// left out as misaligned: see dropMisaligned.
	Misaligned int
	// units are the segments, those of several sentences split into
	// aligned sentence pairs: the units evidence is counted in.
	units []*unit
	// lines and chineseLines turn byte offsets into lines and columns.
	lines, chineseLines *match.Lines
}

// unit is a translated segment, or an aligned stretch of one: the unit
// evidence is counted in.
type unit struct {
	file   *File
	en, zh *input.Span // the whole segment's sides
	words  []word      // the unit's English words
	runs   []hanRun    // the unit's Chinese
	// concepts are those whose Chinese occurs in the unit, in order of
	// appearance, and terms where each first does (byte offsets in zh's
	// text).
	concepts []*glossary.Concept
	terms    map[*glossary.Concept][2]int
	// unrendered holds the concepts of the unit whose term the segment
	// leaves unrendered (as the missing rule judges the segment).
	unrendered map[*glossary.Concept]bool
	// enChars and zhChars are the lengths of the unit's two sides, in
	// characters other than white space (see dropMisaligned).
	enChars, zhChars int
}

// Read gathers the evidence of a scanned file: its translated segments,
// those with several sentences on both sides split into sentence pairs
// aligned by length (see alignSentences), each pair with the terms of its
// Chinese. A term counts as unrendered in a pair when the whole segment
// leaves it unrendered, as the missing rule judges it, so that an
// alignment error cannot make a rendered term look unrendered. Read only
// reads c and f, so files may be read concurrently.
func Read(c *checker.Checker, f *checker.File) *File {
	out := &File{Path: f.Path, ChinesePath: f.Path, Bilingual: f.Bilingual()}
	if !out.Bilingual {
		return out
	}
	out.lines = match.NewLines(f.Text)
	out.chineseLines = out.lines
	if path, text := f.ChineseSource(); f.ChineseText != nil {
		out.ChinesePath = path
		out.chineseLines = match.NewLines(text)
	}
	for _, seg := range f.Segments {
		if seg.Untranslated {
			continue
		}
		out.Segments++
		out.units = append(out.units, readSegment(c, out, seg)...)
	}
	out.units, out.Misaligned = dropMisaligned(out.units)
	return out
}

// readSteps counts the characters and words readSegment visits and the
// units it places them in, for the test that bounds its work.
var readSteps workcount.Counter

// placedTerm is a Chinese term found in a segment, at byte offsets of
// the Chinese span's text.
type placedTerm struct {
	concept *glossary.Concept
	at      [2]int
}

// readSegment reads a segment's two sides and splits it into units.
func readSegment(c *checker.Checker, f *File, seg *checker.Segment) []*unit {
	en, zh := &seg.Segment.English, &seg.Segment.Chinese
	ws := words(en.Text)
	coverSteps := coverWords(ws, en, seg.Renderings)
	runs := hanRuns(zh.Text)
	var terms []placedTerm // every term, nested and overlapping ones too
	var walk func(ts []*checker.Term)
	walk = func(ts []*checker.Term) {
		for _, t := range ts {
			terms = append(terms, placedTerm{t.Concept, spanRange(zh, t.Start, t.End)})
			walk(t.Nested)
			walk(t.Overlaps)
		}
	}
	walk(seg.Terms)
	chars := charsOf(runs)
	steps := 0 // characters, words and terms visited
	for _, t := range seg.Terms {
		steps += markTerm(chars, t.Concept, spanRange(zh, t.Start, t.End))
	}
	markStopUnits(runs)
	unrendered := map[*glossary.Concept]bool{}
	for _, t := range c.Unrendered(seg) {
		unrendered[t.Concept] = true
	}

	ranges := unitRanges(zh.Text, en.Text)
	units := make([]*unit, len(ranges))
	for i, r := range ranges {
		units[i] = &unit{file: f, en: en, zh: zh, terms: map[*glossary.Concept][2]int{}, unrendered: map[*glossary.Concept]bool{},
			enChars: charCount(en.Text[r.en[0]:r.en[1]]), zhChars: charCount(zh.Text[r.zh[0]:r.zh[1]])}
	}
	// Each word, run and term goes to the unit it starts in, found by a
	// binary search: a segment of thousands of sentences would otherwise
	// cost sentences × words.
	for _, w := range ws {
		if u := unitAt(ranges, w.start, func(r unitRange) [2]int { return r.en }); u >= 0 {
			if len(units[u].words) == 0 {
				w.joined = false
			}
			units[u].words = append(units[u].words, w)
		}
	}
	for _, run := range runs {
		if u := unitAt(ranges, run.chars[0].at, func(r unitRange) [2]int { return r.zh }); u >= 0 {
			units[u].runs = append(units[u].runs, run)
		}
	}
	steps += coverSteps + len(ws) + len(runs) + len(terms)
	readSteps.Add(steps)
	for _, t := range terms {
		ui := unitAt(ranges, t.at[0], func(r unitRange) [2]int { return r.zh })
		if ui < 0 {
			continue
		}
		u := units[ui]
		if _, ok := u.terms[t.concept]; !ok {
			u.concepts = append(u.concepts, t.concept)
			u.terms[t.concept] = t.at
			if unrendered[t.concept] {
				u.unrendered[t.concept] = true
			}
		}
	}
	return units
}

// unitAt returns the index of the range whose side (as side picks it)
// holds offset at, or -1; ranges are in order and do not overlap.
func unitAt(ranges []unitRange, at int, side func(unitRange) [2]int) int {
	i := sort.Search(len(ranges), func(i int) bool { return side(ranges[i])[0] > at }) - 1
	if i < 0 || at >= side(ranges[i])[1] {
		return -1
	}
	return i
}

// unitRange is a unit's stretch of each side's text.
type unitRange struct{ zh, en [2]int }

// unitRanges splits a segment into aligned sentence pairs when both sides
// have more than one sentence (see alignSentences), or returns it whole.
func unitRanges(zh, en []byte) []unitRange {
	whole := []unitRange{{[2]int{0, len(zh)}, [2]int{0, len(en)}}}
	zs, es := zhSentences(zh), enSentences(en)
	if len(zs) < 2 || len(es) < 2 {
		return whole
	}
	lengths := func(text []byte, ss [][2]int) []int {
		ls := make([]int, len(ss))
		for i, s := range ss {
			ls[i] = charCount(text[s[0]:s[1]])
		}
		return ls
	}
	var out []unitRange
	for _, b := range alignSentences(lengths(zh, zs), lengths(en, es)) {
		out = append(out, unitRange{
			zh: [2]int{zs[b.zh[0]][0], zs[b.zh[1]-1][1]},
			en: [2]int{es[b.en[0]][0], es[b.en[1]-1][1]},
		})
	}
	// The first and last units reach the ends of the texts.
	out[0].zh[0], out[0].en[0] = 0, 0
	out[len(out)-1].zh[1], out[len(out)-1].en[1] = len(zh), len(en)
	return out
}

// coverWords records on each English word the concepts of the renderings
// found over it, and which top-level rendering it is part of. It returns
// how many words it visited.
func coverWords(ws []word, en *input.Span, os []*checker.Occurrence) (steps int) {
	type span struct{ start, end int }
	at := make([]span, len(ws))
	for i, w := range ws {
		at[i] = span{en.Offset(w.start), en.End(w.end)}
		ws[i].occ = -1
	}
	// inside calls f with the index of each word inside o. The words
	// are in order, so those starting in o are found by a binary search
	// and the walk stops at o's end: a segment of thousands of renderings
	// would otherwise cost renderings × words.
	inside := func(o *checker.Occurrence, f func(i int)) {
		for i := sort.Search(len(ws), func(i int) bool { return at[i].start >= o.Start }); i < len(ws) && at[i].start < o.End; i++ {
			steps++
			if at[i].end <= o.End {
				f(i)
			}
		}
	}
	var cover func(o *checker.Occurrence)
	cover = func(o *checker.Occurrence) {
		inside(o, func(i int) {
			for _, r := range o.Readings {
				ws[i].cover = appendNew(ws[i].cover, r.Concept)
			}
		})
		for _, n := range o.Nested {
			cover(n)
		}
	}
	for oi, o := range os {
		cover(o)
		first, last := -1, -1
		inside(o, func(i int) {
			ws[i].occ = oi
			if first < 0 {
				first = i
			}
			last = i
		})
		if first >= 0 {
			ws[first].occFirst, ws[last].occLast = true, true
		}
	}
	return steps
}

func appendNew(list []*glossary.Concept, c *glossary.Concept) []*glossary.Concept {
	for _, x := range list {
		if x == c {
			return list
		}
	}
	return append(list, c)
}

// spanRange turns file offsets of a span's side into offsets in its text:
// the span maps text to file monotonically, so a binary search finds the
// way back.
func spanRange(sp *input.Span, start, end int) [2]int {
	n := len(sp.Text)
	i := min(sort.Search(n+1, func(i int) bool { return sp.Offset(i) >= start }), n)
	j := min(sort.Search(n+1, func(j int) bool { return j > 0 && sp.End(j) >= end }), n)
	return [2]int{i, max(i, j)}
}

// charsOf returns pointers to the characters of runs, in text order.
func charsOf(runs []hanRun) []*hanChar {
	var chars []*hanChar
	for ri := range runs {
		for ci := range runs[ri].chars {
			chars = append(chars, &runs[ri].chars[ci])
		}
	}
	return chars
}

// markTerm records a top-level glossary term found at r on the Chinese
// characters under it (chars, in text order), so that new terms are made
// of whole terms or none. The first is found by a binary search, so that
// marking every term costs the characters once, not once per term.
// It returns how many characters it marked.
func markTerm(chars []*hanChar, con *glossary.Concept, r [2]int) (marked int) {
	var first, last *hanChar
	for i := sort.Search(len(chars), func(i int) bool { return chars[i].at >= r[0] }); i < len(chars) && chars[i].at < r[1]; i++ {
		ch := chars[i]
		ch.term = con
		marked++
		if first == nil {
			first = ch
		}
		last = ch
	}
	if first != nil {
		first.first, last.last = true, true
	}
	return marked
}

// markStopUnits records the function words of two characters or more
// (进一步, 推动) outside glossary terms on the characters under them,
// leftmost longest: a new term keeps them whole too, so that 进一, 一步
// and 动构建 are not proposed. A numeral or determiner and the measure
// word after it (一条, 各级, 本届) count as one such word, so that 条党 of
// 一条党的路线 and 级党委 of 各级党委 cut through it.
func markStopUnits(runs []hanRun) {
	for ri := range runs {
		cs := runs[ri].chars
		for i := 0; i < len(cs); {
			n := 0
			for l := min(len(cs)-i, maxStopLen); l >= 2; l-- {
				if w := runs[ri].text(i, i+l); (stopEither[w] || stopStart[w] || stopEnd[w]) && !hasTerm(cs[i:i+l]) {
					n = l
					break
				}
			}
			if n == 0 && i+1 < len(cs) && boundPair(cs[i].r, cs[i+1].r) && !hasTerm(cs[i:i+2]) {
				n = 2
			}
			if n == 0 {
				i++
				continue
			}
			for k := i; k < i+n; k++ {
				cs[k].stop = true
			}
			cs[i].stopFirst, cs[i+n-1].stopLast = true, true
			i += n
		}
	}
}

func hasTerm(cs []hanChar) bool {
	for _, c := range cs {
		if c.term != nil {
			return true
		}
	}
	return false
}

// maxStopLen is the length of the longest function word, in characters.
var maxStopLen = func() int {
	n := 0
	for _, set := range []map[string]bool{stopEither, stopStart, stopEnd} {
		for w := range set {
			n = max(n, utf8.RuneCountInString(w))
		}
	}
	return n
}()
