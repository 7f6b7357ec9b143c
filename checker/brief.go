package checker

import (
	"slices"

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
	var addTerms func(ts []*Term, nested bool)
	addTerms = func(ts []*Term, nested bool) {
		for _, t := range ts {
			if e := entry(t.Concept); nested {
				e.Inside++
			} else {
				e.Chinese++
			}
			addTerms(t.Nested, true)
		}
	}
	for _, f := range files {
		terms := f.Terms
		if !f.Bilingual() {
			for _, m := range c.findChinese(f.checkable()) {
				terms = append(terms, c.term(m))
			}
		}
		addTerms(terms, false)
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
