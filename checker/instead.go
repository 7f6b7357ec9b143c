package checker

import (
	"math"
	"slices"
	"strings"

	"github.com/termlint/termlint/glossary"
)

// A missing finding is more use to an editor when it says what the
// translator wrote instead (issue 19 item 2). What termlint can name
// without a word aligner is the part of a rendering the translator kept:
// its head word, with the rendering's words right before it ("block" for
// "layer block", "friendships" for "good-neighborly friendship"), near
// where the term stands in the Chinese and not inside the rendering of
// another of the segment's terms or a name. Phrases named from
// co-occurrence across a file (a Dice score of the segments with the term
// and those with the phrase) were tried and named the wrong words on the
// real reports: in long paragraphs the phrases beside a term are other
// terms the glossary does not know. Where nothing is kept, the finding
// names nothing: a guess would send the editor looking for the wrong
// words.

// insteadEdgeWords are words that end no rendering's kept head: they
// join phrases rather than make them.
var insteadEdgeWords = map[string]bool{
	"and": true, "or": true, "to": true, "in": true, "for": true, "with": true, "on": true,
	"by": true, "at": true, "as": true, "from": true,
}

// renderedByOther reports whether span of seg's English lies inside an
// English occurrence of a concept, other than con, that the segment's
// Chinese has.
func renderedByOther(seg *Segment, con *glossary.Concept, span [2]int) bool {
	start, end := seg.English.Offset(span[0]), seg.English.End(span[1])
	for _, o := range seg.Renderings {
		if o.Start > start || o.End < end {
			continue
		}
		for _, r := range o.Readings {
			if r.Concept != con && slices.ContainsFunc(seg.Terms, func(t *Term) bool { return t.Concept == r.Concept }) {
				return true
			}
		}
	}
	return false
}

// maxDrift is how far apart, as shares of their sides' lengths, a
// Chinese term and the English words named as its rendering may stand:
// translators reorder clauses, but the head word of a rendering at the
// other end of a long sentence is another word's.
const maxDrift = 0.25

// minDriftBytes is how far, in bytes, the English words named may stand
// from the term's place whatever the segment's length: in one sentence,
// word order says little ("两国增进战略互信" puts the term before the
// middle, "The two countries deepen their strategic trust" its head at
// the end).
const minDriftBytes = 60

// driftReach is how far, as a share of an English side of n bytes, words
// named as a term's rendering may stand from its place.
func driftReach(n int) float64 {
	return max(maxDrift, minDriftBytes/float64(max(n, 1)))
}

// keptHead returns the part of one of concept con's multiword renderings
// that the English (as looseTokens of text) keeps, and the rendering: the
// rendering's head word with the rendering's words around it (see
// keptAround; "block" for "layer block"), nearest the place at (a share
// of the Chinese side's length) the term stands in the Chinese, or false.
// Words that render another of the segment's Chinese terms are not it,
// nor do they join a kept part ("Global Development Initiative, and the
// Global Civilization Initiative" keeps nothing of "Global Security
// Initiative"). A head word kept alone names the term only where the
// English has it once within reach of the term's place: of "development"
// in "common development" and in "China's development strategy", which
// one is left of "high-quality development" would be a guess.
func keptHead(seg *Segment, con *glossary.Concept, at float64, text string, english []looseToken) (string, *glossary.Rendering, bool) {
	var kept string
	var keptFrom *glossary.Rendering
	reach := driftReach(len(text))
	bestDrift := reach
	other := otherTermWords(seg, con, english)
	drift := func(start int) float64 { return math.Abs(float64(start)/float64(len(text)) - at) }
	for _, r := range con.Renderings {
		if retired(r) {
			continue
		}
		stems := looseWords(r.EN)
		if len(stems) < 2 || insteadEdgeWords[stems[len(stems)-1]] {
			continue
		}
		head := stems[len(stems)-1]
		words := strings.Fields(r.EN)
		lowerHead := !startsUpper(words[len(words)-1])
		var heads []int // the head's words within reach, not another term's
		for i, t := range english {
			if t.stem != head || lowerHead && startsUpper(text[t.start:t.end]) || other[i] {
				continue // not the head, the head of a name ("Agreement"), or another term's
			}
			if drift(t.start) <= reach {
				heads = append(heads, i)
			}
		}
		for _, i := range heads {
			first, last := keptAround(english, i, -1, stems, other), keptAround(english, i, 1, stems, other)
			if first == i && last == i && len(heads) > 1 {
				continue // the head alone, and not the only one
			}
			start, end := english[first].start, english[last].end
			if renderedByOther(seg, con, [2]int{start, end}) {
				continue
			}
			if d := drift(start); d <= bestDrift {
				kept, keptFrom, bestDrift = text[start:end], r, d
			}
		}
	}
	return kept, keptFrom, keptFrom != nil
}

// otherTermWords marks the words of english (seg's English read loosely)
// that lie inside an English occurrence of another of the segment's terms,
// one that is not a part of con's Chinese: the "diplomacy" of 外交 is a
// word of 中国特色大国外交's rendering too.
func otherTermWords(seg *Segment, con *glossary.Concept, english []looseToken) []bool {
	other := make([]bool, len(english))
	for _, o := range seg.Renderings {
		if !slices.ContainsFunc(o.Readings, func(r Reading) bool {
			return r.Concept != con && !strings.Contains(con.ZH, r.Concept.ZH) &&
				slices.ContainsFunc(seg.Terms, func(t *Term) bool { return t.Concept == r.Concept })
		}) {
			continue
		}
		for i, t := range english {
			if o.Start <= seg.English.Offset(t.start) && seg.English.End(t.end) <= o.End {
				other[i] = true
			}
		}
	}
	return other
}

// keptAround returns how far, in direction step (-1 or 1), the kept part
// of a rendering (its loose words, stems) runs from english[head]: over
// rendering words with up to maxInserted other words among them
// ("diplomacy with our own characteristics as a major country"), ending
// on a rendering word that joins nothing, and stopping at a word that
// renders another of the segment's terms (other). Each rendering word
// counts once: at a word already kept (the head's included) the part
// ends, for a rendering's words repeated all through a segment ("the
// region of the coast, the region of ...") are not one kept part, and
// walking them from every head would cost heads × words.
func keptAround(english []looseToken, head, step int, stems []string, other []bool) int {
	end, gap := head, 0
	kept := []string{english[head].stem}
	for j := head + step; j >= 0 && j < len(english) && gap <= maxInserted && !other[j]; j += step {
		if !slices.Contains(stems, english[j].stem) {
			gap++
			continue
		}
		if slices.Contains(kept, english[j].stem) {
			break
		}
		kept = append(kept, english[j].stem)
		if gap = 0; !insteadEdgeWords[english[j].stem] {
			end = j
		}
	}
	return end
}

// placeIn returns where term t stands in seg's Chinese, as a share of
// its length.
func placeIn(seg *Segment, t *Term) float64 {
	start, end := seg.Chinese.Offset(0), seg.Chinese.End(len(seg.Chinese.Text))
	if end <= start {
		return 0
	}
	return float64(t.Start-start) / float64(end-start)
}

// instead is what a segment's English has in place of a term's
// renderings, as check quotes it and usage counts it: a near miss of a
// rendering (a variant finding), else the part of a rendering it keeps
// (quoted by a missing finding), else nothing (rendering nil).
type instead struct {
	// rendering is the rendering the phrase is near or part of, or nil
	// when the English has no phrase to name.
	rendering *glossary.Rendering
	// start and end delimit the phrase in the segment's English text.
	start, end int
	// variant says the phrase is a near miss of the rendering (see
	// nearestMiss), not the part of it the English keeps (see keptHead).
	variant bool
}

// named reports whether the English has a phrase to name.
func (in instead) named() bool { return in.rendering != nil }

// insteadOf returns what seg's English (text, read loosely as english)
// has in place of term t's renderings: the nearest miss of one, else the
// part of one it keeps near the term's place, else nothing. It is the
// one choice of the phrase that the variant and missing rules quote and
// usage counts.
//
// A phrase an editor could not take for a wording of the term is not
// named: one that starts or ends on a joining word ("and Road Forum for
// International Cooperation", "major country, China has made outstanding
// achievements in its diplomacy with"), runs over a sentence or clause
// break (a full stop, semicolon, colon, bullet) the rendering has not,
// opens or closes a bracket or quotation it does not close or open, ends
// inside a longer name ("Belt and Road" of "Belt and Road Forum"), or
// lies inside the rendering of another of the segment's terms.
func (c *Checker) insteadOf(seg *Segment, t *Term, text string, english []looseToken) instead {
	if n, ok := c.nearestMiss(t.Concept, english); ok && nameable(seg, t.Concept, text, n.start, n.end, n.rendering) {
		return instead{rendering: n.rendering, start: n.start, end: n.end, variant: true}
	}
	return keptInstead(seg, t, text, english)
}

// nameable reports whether text[start:end], a near miss or kept part of
// rendering r of concept con in seg's English, reads as a wording of it
// (see insteadOf).
func nameable(seg *Segment, con *glossary.Concept, text string, start, end int, r *glossary.Rendering) bool {
	phrase := text[start:end]
	words := strings.FieldsFunc(phrase, func(r rune) bool { return !isWordRune(r) && r != '-' })
	if len(words) == 0 || insteadEdgeWords[strings.ToLower(words[0])] || insteadEdgeWords[strings.ToLower(words[len(words)-1])] {
		return false
	}
	if strings.ContainsAny(phrase, ".;:!?•") && !strings.ContainsAny(r.EN, ".;:!?") {
		return false
	}
	for _, pair := range []string{"()", "[]", "“”"} {
		opening, closing := string([]rune(pair)[0]), string([]rune(pair)[1])
		if strings.Count(phrase, opening) != strings.Count(phrase, closing) {
			return false // "general secretary of the Communist Party of China (CPC"
		}
	}
	if startsUpper(words[len(words)-1]) && continuesName(text[end:]) {
		return false // "Belt and Road" of the "Belt and Road Forum for International Cooperation"
	}
	return !renderedByOther(seg, con, [2]int{start, end})
}

// continuesName reports whether text, right after a capitalized word,
// goes on with another one: the word is inside a longer name.
func continuesName(text string) bool {
	rest := strings.TrimLeft(text, " ")
	return len(rest) < len(text) && startsUpper(rest)
}

// keptInstead is the part of one of term t's renderings that seg's
// English keeps (see keptHead), or nothing.
func keptInstead(seg *Segment, t *Term, text string, english []looseToken) instead {
	at := placeIn(seg, t)
	kept, r, ok := keptHead(seg, t.Concept, at, text, english)
	if !ok {
		return instead{}
	}
	start := nearestIndex(text, kept, at)
	if !nameable(seg, t.Concept, text, start, start+len(kept), r) {
		return instead{}
	}
	return instead{rendering: r, start: start, end: start + len(kept)}
}

// nearestIndex returns the index in text of the occurrence of s nearest
// to at (a share of text's length); s occurs in text.
func nearestIndex(text, s string, at float64) int {
	best, bestDrift := -1, math.Inf(1)
	for i := 0; i+len(s) <= len(text); {
		j := strings.Index(text[i:], s)
		if j < 0 {
			break
		}
		if drift := math.Abs(float64(i+j)/float64(max(1, len(text))) - at); drift < bestDrift {
			best, bestDrift = i+j, drift
		}
		i += j + 1
	}
	return max(best, 0)
}
