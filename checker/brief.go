package checker

import (
	"bytes"
	"iter"
	"slices"

	"github.com/termlint/termlint/checker/match"
	"github.com/termlint/termlint/glossary"
)

// BriefEntry is one concept of a translator's brief: how often its terms
// occur in the files read and which of its renderings they use.
type BriefEntry struct {
	Concept *glossary.Concept
	// Chinese counts its Chinese term where no longer term contains it;
	// Inside counts it inside longer terms (周边 in 周边工作).
	Chinese, Inside int
	// English counts the occurrences of its renderings (a shared phrase
	// counts for each concept that shares it).
	English int
	// Renderings are the concept's renderings in the order a translator
	// reads them (see orderRenderings), with how often each was used.
	Renderings []RenderingUse
}

// RenderingUse is a rendering with the number of times the files use it.
type RenderingUse struct {
	*glossary.Rendering
	Count int
}

// Brief lists every concept whose Chinese term or English rendering occurs
// in the files (parts of compounds only where their Chinese stands alone), in the order they first appear (Chinese terms first within
// a file, as a translator reads the source): a brief for translating or
// revising them. Style, if set, puts its preferred renderings first.
// The Chinese of English-only files (a Chinese source, or a draft quoting
// one) is searched here, since Scan leaves it to those who ask.
func (c *Checker) Brief(files []*File, style string) []*BriefEntry {
	var entries []*BriefEntry
	byConcept := make(map[*glossary.Concept]*BriefEntry)
	uses := make(map[*glossary.Rendering]int)
	entry := func(c *glossary.Concept) *BriefEntry {
		e := byConcept[c]
		if e == nil {
			e = &BriefEntry{Concept: c}
			byConcept[c] = e
			entries = append(entries, e)
		}
		return e
	}
	count := func(con *glossary.Concept, nested bool) {
		if e := entry(con); nested {
			e.Inside++
		} else {
			e.Chinese++
		}
	}
	var addTerms func(ts []*Term, nested bool)
	addTerms = func(ts []*Term, nested bool) {
		for _, t := range ts {
			count(t.Concept, nested)
			addTerms(t.Nested, true)
		}
	}
	var addMatches func(ms []match.Match, nested bool)
	addMatches = func(ms []match.Match, nested bool) {
		for _, m := range ms {
			count(c.g.Concepts[m.IDs[0]], nested) // as term reads a match
			addMatches(m.Nested, true)
		}
	}
	for _, f := range files {
		addTerms(f.Terms, false)
		if !f.Bilingual() {
			// Sentence by sentence, so that what is held is one
			// sentence's matches, not a whole file's.
			for sentence := range chineseSentences(f.checkable()) {
				addMatches(c.findChinese(sentence), false)
			}
		}
		for _, o := range f.Occurrences {
			for _, r := range o.Readings {
				entry(r.Concept).English++
				uses[r.Rendering]++
			}
		}
	}
	// Parts (工作 "work") are there to build compounds: they belong in a
	// brief only where their Chinese stands on its own.
	entries = slices.DeleteFunc(entries, func(e *BriefEntry) bool { return e.Chinese == 0 && e.Concept.IsPart() })
	for _, e := range entries {
		for _, r := range orderRenderings(e.Concept, style) {
			e.Renderings = append(e.Renderings, RenderingUse{r, uses[r]})
		}
	}
	return entries
}

// orderRenderings orders a concept's renderings for reading: the preferred
// rendering of style, if given, then the preferred one of each style in
// the order the styles are first named, then the other usable renderings,
// then the deprecated and superseded ones, each group in glossary order.
func orderRenderings(c *glossary.Concept, style string) []*glossary.Rendering {
	var out []*glossary.Rendering
	add := func(r *glossary.Rendering) {
		if r != nil && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if style != "" {
		add(c.Preferred(style))
	}
	for _, r := range c.Renderings {
		if r.Status == glossary.Preferred {
			add(r)
		}
	}
	for _, r := range c.Renderings {
		if !retired(r) {
			add(r)
		}
	}
	for _, r := range c.Renderings {
		add(r)
	}
	return out
}

// maxSentence is the length past which chineseSentences cuts a sentence
// at a line break: text with no sentence ends is still read in pieces.
const maxSentence = 64 << 10

// chineseSentences yields text in pieces that each end a sentence (see
// chineseSentenceEnds), or a line past maxSentence bytes. A Chinese term
// never holds a sentence end, so no term is cut.
func chineseSentences(text []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for len(text) > 0 {
			n := len(text)
			if i := bytes.IndexAny(text, chineseSentenceEnds); i >= 0 {
				n = i + 1
				for n < len(text) && text[n]&0xC0 == 0x80 {
					n++ // the rest of the sentence end's bytes
				}
			}
			if n > maxSentence {
				if i := bytes.IndexByte(text[maxSentence:], '\n'); i >= 0 {
					n = maxSentence + i + 1
				}
			}
			if !yield(text[:n]) {
				return
			}
			text = text[n:]
		}
	}
}
