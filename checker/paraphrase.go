package checker

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/numerals"
)

// Official translators paraphrase and condense. A term rendered in other
// words, or a list of items the English sums up, is no term left out:
// issue 19 item 4 asks for at most an info note. These shapes are told
// apart from an omission, where the English drops words a rendering has
// ("multilateralism" for "true multilateralism", "supply chains" for
// "industrial and supply chains"), which stays a warning:
//
//   - a paraphrase keeps two or more of a rendering's content words, half
//     of them or more, together in one clause near where the term stands,
//     but not as a stretch of the rendering: "free trade negotiations with
//     Japan" for "China-Japan-ROK free trade agreement", "deepen
//     friendships … with our neighbors" for 同周边国家睦邻友好 (a word may
//     be shared with another term's rendering, one at least is the
//     term's own). Names are not paraphrased: "the Party's 18th session"
//     gets the name wrong;
//   - a paraphrase may also keep the frame of a rendering of two content
//     words and say its first otherwise: "relations with our neighbors"
//     for "diplomacy with neighbors";
//   - a condensation sums up, with its count ("six areas"), a Chinese list
//     of that many items the term is one of (保居民就业、…、保产业链供应链稳定、…).
//     Which count sums up which list is not told: the note names the
//     list's size, not the English words.

// paraphrase returns the note for a rendering of term t that seg's
// English (text, read loosely as english) keeps in other words, or false
// (see above).
func paraphrase(seg *Segment, t *Term, text string, english []looseToken) (msg string, ok bool) {
	if len(text) == 0 {
		return "", false
	}
	at, reach := placeIn(seg, t), driftReach(len(text))
	// The English's content words, for telling a rendering cut short.
	var stems []string
	for _, tok := range english {
		if !insteadEdgeWords[tok.stem] {
			stems = append(stems, tok.stem)
		}
	}
	if t.Concept.KindOrDefault() == glossary.KindName {
		return "", false
	}
	for _, cand := range t.Concept.Renderings {
		// A name said otherwise is a name got wrong ("the Party's 18th
		// session" for "18th Party Congress"), not a paraphrase.
		if retired(cand) || nameLike(cand.EN) || isNamePattern(cand.EN) {
			continue
		}
		content := contentStems(cand.EN)
		if len(content) < 2 {
			continue
		}
		// The words kept stand together: within a stretch of the
		// rendering's length and a few words more, the one holding most.
		width := len(looseWords(cand.EN)) + paraphraseSlack
		var kept, keptWords []string
		for i := range english {
			var k, kw []string
			own := false
			for j, tok := range english[i:min(len(english), i+width)] {
				if j > 0 && strings.ContainsAny(text[english[i+j-1].end:tok.start], clauseBreaks) {
					break // one clause: "…Agreement on Investment, accelerate China's free trade…"
				}
				if !slices.Contains(content, tok.stem) || slices.Contains(k, tok.stem) ||
					math.Abs(float64(tok.start)/float64(len(text))-at) > reach {
					continue
				}
				// A word of another term's rendering may carry part of
				// this one ("with our neighbors" for 周边国家 carries the
				// 睦邻 of 睦邻友好), but one word at least is the term's own.
				own = own || !renderedByOther(seg, t.Concept, [2]int{tok.start, tok.end})
				k, kw = append(k, tok.stem), append(kw, text[tok.start:tok.end])
			}
			if own && len(k) > len(kept) {
				kept, keptWords = k, kw
			}
		}
		if len(kept) < 2 || 2*len(kept) < len(content) {
			continue
		}
		// The kept words in the rendering's order: a stretch of the
		// rendering is a rendering cut short, not one said otherwise.
		inOrder := slices.DeleteFunc(slices.Clone(content), func(s string) bool { return !slices.Contains(kept, s) })
		if wordForWord(inOrder, stems) {
			continue
		}
		return fmt.Sprintf("%s seems paraphrased here: the English has %s of the glossary's %q, not as a rendering", t.Concept.ZH, quoteAll(keptWords), cand.EN), true
	}
	return substituted(seg, t, text, english, at, reach)
}

// substituted returns the note for a rendering of two content words and
// a joining word ("diplomacy with neighbors") whose English keeps the
// joining word and the second, with another word for the first:
// "relations with our neighbors". Forms and retired renderings count:
// they say what the term means.
func substituted(seg *Segment, t *Term, text string, english []looseToken, at, reach float64) (string, bool) {
	for _, cand := range t.Concept.Renderings {
		for _, en := range append([]string{cand.EN}, cand.Forms...) {
			w := looseWords(en)
			if len(w) != 3 || !insteadEdgeWords[w[1]] || insteadEdgeWords[w[0]] || insteadEdgeWords[w[2]] || nameLike(en) {
				continue
			}
			for i := 0; i+2 < len(english); i++ {
				a, j, b := english[i], english[i+1], english[i+2]
				if j.stem != w[1] || b.stem != w[2] || a.stem == w[0] || insteadEdgeWords[a.stem] ||
					math.Abs(float64(a.start)/float64(len(text))-at) > reach ||
					strings.ContainsAny(text[a.end:b.start], clauseBreaks) ||
					renderedByOther(seg, t.Concept, [2]int{a.start, b.end}) {
					continue
				}
				return fmt.Sprintf("%s seems paraphrased here: the English has %q for the glossary's %q", t.Concept.ZH, text[a.start:b.end], en), true
			}
		}
	}
	return "", false
}

// clauseBreaks end the clause a paraphrase stands in.
const clauseBreaks = ",;:.!?()\x00"

// nameLike reports whether a rendering reads as a name: its words of
// letters in title case ("18th Party Congress", "Belt and Road
// Initiative"), one capital at least.
func nameLike(en string) bool {
	upper := false
	for _, w := range strings.Fields(en) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case !unicode.IsLetter(r):
		case unicode.IsUpper(r):
			upper = true
		case len(w) > 3:
			return false
		}
	}
	return upper
}

// paraphraseSlack is how many words more than a rendering has may stand
// among the words a paraphrase keeps of it.
const paraphraseSlack = 6

// contentStems returns the loose words of a rendering that carry its
// content, each once: not the joining words.
func contentStems(en string) []string {
	var out []string
	for _, s := range looseWords(en) {
		if !insteadEdgeWords[s] && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// chineseClauseBreaks end the clause a Chinese list stands in.
const chineseClauseBreaks = "，。；：！？,;:!?\x00\n"

// condensed returns the number of items of a Chinese list that term t
// is one of, when seg's English sums up a list of as many with a count
// ("six areas"), or false.
func condensed(seg *Segment, t *Term, chinese []byte, text string) (int, bool) {
	start, end := seg.Chinese.Index(t.Start), seg.Chinese.Index(t.End)
	if start < 0 || end > len(chinese) || start >= end {
		return 0, false
	}
	from, to := start, end
	for from > 0 {
		r, size := utf8.DecodeLastRune(chinese[:from])
		if strings.ContainsRune(chineseClauseBreaks, r) {
			break
		}
		from -= size
	}
	for to < len(chinese) {
		r, size := utf8.DecodeRune(chinese[to:])
		if strings.ContainsRune(chineseClauseBreaks, r) {
			break
		}
		to += size
	}
	items := strings.Count(string(chinese[from:to]), "、") + 1
	if items < 3 {
		return 0, false
	}
	for _, w := range strings.Fields(text) {
		word := strings.ToLower(strings.Trim(w, ",.;:()“”\"'"))
		n, ok := numerals.WordValue(word)
		if !ok {
			n, _ = strconv.Atoi(word)
		}
		if n != items {
			continue
		}
		if i := strings.Index(text, w); i >= 0 && countPhrase(text[i:]) {
			return items, true
		}
	}
	return 0, false
}

// countPhrase reports whether text starts with a count followed, within
// a word or two, by a plural noun ("six areas", "three critical
// battles"): a count that sums up a list.
func countPhrase(text string) bool {
	words := strings.Fields(text)
	for j := 1; j < len(words) && j <= 3; j++ {
		noun := strings.Trim(words[j], ",.;:()“”\"'")
		if len(noun) > 3 && strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss") {
			return true
		}
		if strings.ContainsAny(words[j], ",.;:") {
			break
		}
	}
	return false
}

// condensedMessage says what the English does with the term instead of
// leaving it out.
func condensedMessage(t *Term, items int) string {
	return fmt.Sprintf("%s is one of a list of %d the English seems to sum up with its count; none of its renderings is in the English", t.Concept.ZH, items)
}

// quoteAll quotes words and joins them: "a", "b" and "c".
func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
