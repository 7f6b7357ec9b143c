package checker

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
	"github.com/termlint/termlint/internal/workcount"
)

// NoDate is the year under which the uses in files whose path and front
// matter carry no year are counted.
const NoDate = "no date"

// UsageOptions say how much of a concept's usage to keep.
type UsageOptions struct {
	// Examples is how many keyword-in-context examples to keep for each
	// rendering, and for the occurrences with no known rendering.
	Examples int
	// Style, if set, puts its preferred rendering first among renderings
	// used equally often.
	Style string
}

// Usage is how one concept has been rendered in the files read: in
// bilingual files, which rendering the English of each segment whose
// Chinese has the concept's term used, or that it used none; in
// English-only files, which renderings occur. Build it with NewUsage, Add
// each file's FileUsage in walk order, then Finish.
type Usage struct {
	Concept *glossary.Concept
	// Renderings are every rendering of the concept, the most used first
	// (ties in the order a translator reads them: preferred ones first).
	Renderings []*RenderingUsage
	// Unrendered are the occurrences of the Chinese term in bilingual
	// segments whose English has none of the concept's renderings.
	Unrendered Tally
	// Unlisted are the phrases the English of those segments has instead,
	// the most used first: renderings the glossary does not list. A phrase
	// is what check names (a near miss of a rendering, or the part of one
	// the English keeps), or a rendering as a reviewer reads it, which
	// check accepts (see PhraseKind). Unnamed are the unrendered
	// occurrences with no phrase to name. The counts of Unlisted and
	// Unnamed add up to Unrendered's.
	Unlisted []*PhraseUsage
	Unnamed  Tally
	// Files are the files the concept occurs in, in walk order.
	Files []*FileUsage
	// Summary holds the totals over every file read.
	Summary UsageSummary

	opts     UsageOptions
	byRend   map[*glossary.Rendering]*RenderingUsage
	byPhrase map[string]*PhraseUsage
	added    int // files added, for ordering examples
}

// UsageSummary holds a usage's totals.
type UsageSummary struct {
	// Files counts the files read; Bilingual, those read as bilingual.
	Files, Bilingual int
	// Chinese counts the occurrences of the concept's Chinese term and
	// variants (inside longer terms too, a form inside another once) in
	// translated segments of bilingual files; Rendered, those paired with
	// a rendering in their segment's English; Unrendered, those left
	// without one, of which Unlisted have a phrase in its place (see
	// Usage.Unlisted) and Unnamed none. So Chinese = Rendered +
	// Unrendered, and Unrendered = Unlisted + Unnamed.
	Chinese, Rendered, Unrendered, Unlisted, Unnamed int
	// English counts the renderings in English-only files.
	English int
	// Total counts the uses: Chinese + English, the sum of the
	// renderings' counts and the occurrences with no known rendering.
	Total int
	// Extra and Unaligned count renderings in bilingual English with no
	// occurrence of the term to pair with, which are not uses: Extra,
	// those beyond the term's occurrences in their segment (the English
	// says it twice where the Chinese says it once); Unaligned, those whose
	// segment's Chinese lacks the term.
	Extra, Unaligned int
	// Untranslated counts Chinese occurrences with no translation to
	// compare: in segments awaiting translation, and in files that are not
	// bilingual (a Chinese source).
	Untranslated int
}

// RenderingUsage is how often one rendering was used.
type RenderingUsage struct {
	*glossary.Rendering
	Tally
}

// PhraseUsage is how often the English of bilingual segments whose
// Chinese has the concept's term used one phrase in place of all its
// renderings: an unlisted rendering, as check names it.
type PhraseUsage struct {
	// Phrase is the phrase as written most often (of forms written as
	// often, one with a lower-case first letter, then the first seen).
	Phrase string
	// Key is the phrase folded as the glossary folds renderings (case,
	// hyphens, plurals, British spellings: textnorm.Key); phrases with one
	// key are counted as one.
	Key string
	// Rendering is the concept's rendering the phrase is near or part of,
	// where it was first seen, and Kind how.
	Rendering *glossary.Rendering
	Kind      PhraseKind
	Tally

	forms map[string]int
	first []string // the forms, in the order first seen
}

// PhraseKind says how an unlisted phrase stands to the rendering it is
// named after.
type PhraseKind string

const (
	// PhraseVariant is a near miss of the rendering: most of its words in
	// order, which check reports as a variant.
	PhraseVariant PhraseKind = "variant"
	// PhrasePart is the part of the rendering the English keeps (its head
	// word with the rendering's words around it), which a missing finding
	// quotes.
	PhrasePart PhraseKind = "part"
	// PhraseLoose is the rendering as a reviewer reads it (another
	// article or form of its words, a word or two inserted), which check
	// takes for the rendering and usage counts as unlisted.
	PhraseLoose PhraseKind = "loose"
)

// Tally counts uses and keeps a few examples of them.
type Tally struct {
	Count int
	// Files and Years count the uses by file path and by year (NoDate
	// for files without one).
	Files map[string]int
	Years map[string]int
	// Examples are up to UsageOptions.Examples uses, in walk order, from
	// as many files as there are before two from one file.
	Examples []*UsageExample

	// spread are examples each from a file none of the others is from;
	// spare are further ones, for when there are too few files.
	spread, spare []*UsageExample
}

// UsageExample is one use in context: where a rendering was found in the
// English, and the Chinese term it renders in a bilingual file. For an
// occurrence with no known rendering, the English is the glossary phrase
// nearest to where the term would be rendered (a rendering of the longer
// term it is part of, or of a concept of its family), or the start of the
// segment when there is none.
type UsageExample struct {
	Excerpt
	// Inside is the longer glossary phrase the rendering is part of
	// ("framework for work on periphery affairs"), or "".
	Inside string
	// ZH is the Chinese term in its context, in a bilingual file.
	ZH *Excerpt
	// Segment is the whole English of the segment, for an occurrence with
	// no known rendering.
	Segment string

	order, offset int
}

// Excerpt is a stretch of text in a file with about ContextWidth columns
// on either side of it, whitespace runs shown as one space.
type Excerpt struct {
	File         string
	Line, Column int
	Text         string
	Before       string
	After        string
}

// FileUsage is how a concept was rendered in one file.
type FileUsage struct {
	Concept *glossary.Concept
	Path    string
	// Year is the year the file's front matter or path carries, or "".
	Year      string
	Bilingual bool
	// The counts are as in UsageSummary, for this file.
	Chinese, Extra, Unrendered, Unnamed, English, Unaligned, Untranslated int
	// Renderings count the uses of each rendering: those paired with an
	// occurrence of the term in a bilingual file, every one in an
	// English-only file.
	Renderings map[*glossary.Rendering]int
	// Unlisted counts the uses of each unlisted phrase, by its Key.
	Unlisted map[string]int

	examples   map[*glossary.Rendering][]*UsageExample
	unrendered []*UsageExample
	unnamed    []*UsageExample
	phrases    map[string]*PhraseUsage // by key: forms, examples; no counts
	phraseKeys []string                // the keys of phrases, in the order first seen
}

// Rendered counts the uses of the concept's renderings in the file.
func (fu *FileUsage) Rendered() int {
	n := 0
	for _, c := range fu.Renderings {
		n += c
	}
	return n
}

// Total counts the uses in the file: its renderings and the occurrences
// with no known rendering (in a bilingual file, that is Chinese).
func (fu *FileUsage) Total() int { return fu.Rendered() + fu.Unrendered }

// occurs reports whether anything of the concept was found in the file.
func (fu *FileUsage) occurs() bool {
	return fu.Chinese+fu.English+fu.Unaligned+fu.Untranslated+fu.Rendered() > 0
}

// FileUsage finds how each concept is rendered in f: one FileUsage per
// concept, in order. It keeps up to opts.Examples examples per rendering
// (and of unrendered occurrences) for Usage.Add to choose from.
func (c *Checker) FileUsage(f *File, concepts []*glossary.Concept, opts UsageOptions) []*FileUsage {
	year := documentYear(f.Document)
	out := make([]*FileUsage, len(concepts))
	// The Chinese of an English-only file is counted once for all
	// concepts, sentence by sentence, so that what is held is one
	// sentence's terms, not a whole file's.
	untranslated := make([]int, len(concepts))
	if !f.Bilingual() && len(concepts) > 0 {
		var terms []*Term
		for sentence := range chineseSentences(f.checkable()) {
			terms = terms[:0]
			for _, m := range c.findChinese(sentence) {
				terms = append(terms, c.term(m))
			}
			for i, con := range concepts {
				untranslated[i] += len(termsOf(terms, con))
			}
		}
	}
	for i, con := range concepts {
		fu := &FileUsage{Concept: con, Path: f.Path, Year: year, Bilingual: f.Bilingual(),
			Renderings: make(map[*glossary.Rendering]int), Unlisted: make(map[string]int),
			examples: make(map[*glossary.Rendering][]*UsageExample), phrases: make(map[string]*PhraseUsage)}
		u := fileScan{c: c, f: f, fu: fu, con: con, max: opts.Examples}
		if f.Bilingual() {
			for _, seg := range f.Segments {
				u.segment(seg)
			}
		} else {
			for _, e := range renderingsOf(f.Occurrences, con) {
				u.rendered(e, nil, nil, &fu.English)
			}
			fu.Untranslated += untranslated[i]
		}
		out[i] = fu
	}
	return out
}

// fileScan is one concept's scan of one file.
type fileScan struct {
	c   *Checker
	f   *File
	fu  *FileUsage
	con *glossary.Concept
	max int
	// anchored are the English phrases unrendered terms of the segment
	// point at.
	anchored map[*Occurrence]bool
	// loose is the segment's English read loosely, once needed, and
	// named the stretches of it named as unlisted phrases.
	loose *segmentEnglish
	named map[[2]int]bool
	// looseDone says loosely and looseStretch are known for the segment:
	// whether its English renders the concept loosely, and where.
	looseDone, loosely bool
	looseStretch       instead
	// guesses counts the segment's terms the English was searched for a
	// phrase in place of (see maxGuesses).
	guesses int
}

// maxGuesses is how many unrendered terms of one segment usage names a
// phrase in place of; a segment has rarely more than a few, and each
// search reads the segment's whole English.
const maxGuesses = 32

// termAt is an occurrence of the concept's Chinese, with the concept of
// the outermost term it is in (its own when it stands alone).
type termAt struct {
	*Term
	outer *glossary.Concept
}

// renderingAt is an occurrence of one of the concept's renderings, with
// the outermost phrase it is in (itself when it stands alone).
type renderingAt struct {
	*Occurrence
	rendering *glossary.Rendering
	outer     *Occurrence
}

// termsOf returns the occurrences of con's Chinese among ts and the terms
// inside and overlapping them, once each, in file order.
func termsOf(ts []*Term, con *glossary.Concept) []termAt {
	var out []termAt
	// in is the span of the term of con being visited, if any: a form of
	// con inside another (十八大 in 党的十八大) is the same occurrence,
	// counted once.
	var visit func(t *Term, outer *glossary.Concept, in [2]int)
	visit = func(t *Term, outer *glossary.Concept, in [2]int) {
		if t.Concept == con && !spanHolds(in, t.Start, t.End) {
			out = append(out, termAt{t, outer})
			in = [2]int{t.Start, t.End}
		}
		for _, n := range t.Nested {
			visit(n, outer, in)
		}
		for _, o := range t.Overlaps {
			visit(o, o.Concept, in) // the Chinese cut the other way: a term of its own
		}
	}
	for _, t := range ts {
		visit(t, t.Concept, [2]int{-1, -1})
	}
	slices.SortStableFunc(out, func(a, b termAt) int { return cmp.Compare(a.Start, b.Start) })
	// A term reached twice (nested in one term, overlapping another) is
	// kept where it was first reached. Duplicates start alike, so they
	// are looked for among the few terms of the same start, not among
	// all before: 10 MB of 周边 has 2.6 million terms.
	kept := out[:0]
	run := 0 // where the terms starting at kept's last start begin
	compared := 0
	for _, t := range out {
		if len(kept) > 0 && kept[len(kept)-1].Start != t.Start {
			run = len(kept)
		}
		compared += len(kept) - run
		if !slices.ContainsFunc(kept[run:], func(o termAt) bool { return o.End == t.End }) {
			kept = append(kept, t)
		}
	}
	usageCompared.Add(compared)
	return kept
}

// usageCompared counts the terms usage compares with others, to pair
// them or to tell them apart, for the test that bounds the work.
var usageCompared workcount.Counter

// renderingsOf returns the occurrences of con's renderings among os and
// the phrases inside them, in file order. A rendering inside another
// rendering of con ("intellectual property" in "intellectual property
// rights") is part of that one use, not a second.
func renderingsOf(os []*Occurrence, con *glossary.Concept) []renderingAt {
	var out []renderingAt
	var visit func(o, outer *Occurrence, in bool)
	visit = func(o, outer *Occurrence, in bool) {
		if !in {
			for _, r := range o.Readings {
				if r.Concept == con {
					out = append(out, renderingAt{o, r.Rendering, outer})
					in = true
					break
				}
			}
		}
		for _, n := range o.Nested {
			visit(n, outer, in)
		}
	}
	for _, o := range os {
		visit(o, o, false)
	}
	return out
}

// spanHolds reports whether [start, end) lies inside span.
func spanHolds(span [2]int, start, end int) bool {
	return span[0] <= start && end <= span[1]
}

// renders reports whether o may render concept con.
func renders(o *Occurrence, con *glossary.Concept) bool {
	return slices.ContainsFunc(o.Readings, func(r Reading) bool { return r.Concept == con })
}

// segment pairs the occurrences of the concept's Chinese in a segment with
// those of its renderings in the English: first each rendering with a
// term inside the same longer term (周边工作 in 周边工作框架 with "work on
// periphery affairs" in "framework for work on periphery affairs"), then
// the rest in order. Chinese occurrences left over are unrendered;
// renderings left over are counted as Extra, not as uses: each use is one
// occurrence of the term.
func (u *fileScan) segment(seg *Segment) {
	zh := termsOf(seg.Terms, u.con)
	en := renderingsOf(seg.Renderings, u.con)
	switch {
	case len(zh) == 0:
		u.fu.Unaligned += len(en)
		return
	case seg.Untranslated:
		u.fu.Untranslated += len(zh)
		return
	}
	u.fu.Chinese += len(zh)
	u.anchored = make(map[*Occurrence]bool)
	u.loose, u.named = nil, nil
	u.looseDone, u.looseStretch, u.guesses = false, instead{}, 0
	pair := make([]int, len(en)) // index into zh, or -1
	taken := make([]bool, len(zh))
	// Each rendering takes the first term left whose outer concept its
	// outer phrase may render. The terms wait in a queue by outer
	// concept, so that a segment of thousands of each does not cost
	// renderings × terms.
	waiting := make(map[*glossary.Concept][]int)
	for j, z := range zh {
		waiting[z.outer] = append(waiting[z.outer], j)
	}
	compared := 0
	for i, e := range en {
		pair[i] = -1
		for _, r := range e.outer.Readings {
			q := waiting[r.Concept]
			for len(q) > 0 && taken[q[0]] {
				q = q[1:]
				compared++
			}
			compared++
			waiting[r.Concept] = q
			if len(q) > 0 && (pair[i] < 0 || q[0] < pair[i]) {
				pair[i] = q[0]
			}
		}
		if pair[i] >= 0 {
			taken[pair[i]] = true
		}
	}
	free := 0 // no term before it is left
	for i := range en {
		if pair[i] >= 0 {
			continue
		}
		for free < len(taken) && taken[free] {
			free++
			compared++
		}
		if free < len(taken) {
			pair[i], taken[free] = free, true
		}
	}
	usageCompared.Add(compared)
	for i, e := range en {
		if pair[i] < 0 {
			// No occurrence of the term is left for it: like a rendering
			// whose segment's Chinese lacks the term, it renders nothing
			// counted, so it is not a use of the rendering.
			u.fu.Extra++
			continue
		}
		u.rendered(e, seg, zh[pair[i]].Term, nil)
	}
	for j, z := range zh {
		if !taken[j] {
			u.unrendered(seg, z, len(en) == 0)
		}
	}
}

// rendered counts a use of a rendering, and keeps it as an example while
// the rendering has too few; count, if not nil, is also counted.
func (u *fileScan) rendered(e renderingAt, seg *Segment, zh *Term, count *int) {
	fu := u.fu
	fu.Renderings[e.rendering]++
	if count != nil {
		*count++
	}
	if len(fu.examples[e.rendering]) >= u.max {
		return
	}
	ex := &UsageExample{offset: e.Start}
	ex.Excerpt = u.english(seg, e.Start, e.End)
	if e.outer != e.Occurrence {
		ex.Inside = collapse(u.f.Text[e.outer.Start:e.outer.End])
	}
	if zh != nil {
		ex.ZH = u.chinese(seg, zh)
	}
	fu.examples[e.rendering] = append(fu.examples[e.rendering], ex)
}

// unrendered counts an occurrence of the Chinese term whose segment's
// English has no rendering left for it, and keeps it as an example while
// there are too few. Where the English has no rendering of the concept
// at all (none), it is counted under the phrase the English has instead,
// if one can be named, and as unnamed otherwise.
func (u *fileScan) unrendered(seg *Segment, z termAt, none bool) {
	fu := u.fu
	fu.Unrendered++
	var in instead
	var kind PhraseKind
	if none {
		in, kind = u.instead(seg, z)
	}
	if in.named() {
		u.unlisted(seg, z, in, kind)
	} else {
		fu.Unnamed++
	}
	if len(fu.unrendered) >= u.max && (in.named() || len(fu.unnamed) >= u.max) {
		return // examples enough of both the unrendered and the unnamed
	}
	start, end := seg.English.Start(), seg.English.Start()
	if o := u.anchor(seg, z); o != nil {
		start, end = o.Start, o.End
	}
	ex := &UsageExample{Excerpt: u.english(seg, start, end), ZH: u.chinese(seg, z.Term), offset: z.Start}
	ex.Segment = collapse(seg.English.Text)
	if len(fu.unrendered) < u.max {
		fu.unrendered = append(fu.unrendered, ex)
	}
	if !in.named() && len(fu.unnamed) < u.max {
		fu.unnamed = append(fu.unnamed, ex)
	}
}

// instead returns the phrase seg's English has in place of the
// concept's renderings for term z, as check names it (insteadOf), and
// how it stands to the rendering it is named after; nothing when the
// term is rendered after all (by its parts, or by a term overlapping
// it), when the segment looks misaligned, or when another occurrence of
// the segment already has that stretch of English. Where the English
// holds a rendering as a reviewer reads it, the phrase is that reading
// (looseStretch), never a near miss inside it nor a kept part of it.
func (u *fileScan) instead(seg *Segment, z termAt) (instead, PhraseKind) {
	if seg.misaligned != "" {
		return instead{}, ""
	}
	if u.c.termRendered(z.Term, seg.renderedSet()) {
		return instead{}, ""
	}
	e := u.loose
	if e == nil {
		e = seg.english()
		u.loose, u.named = e, make(map[[2]int]bool)
	}
	// Whether the English renders the concept loosely, and where, is the
	// same for each of the segment's terms: it is found once.
	if !u.looseDone {
		u.looseDone = true
		if u.c.looselyRendered(u.con, e.stems) {
			u.looseStretch = u.c.looseStretch(seg, u.con, e.text, e.tokens, e.stems)
			u.loosely = true
		} else {
			u.loosely = false
		}
	}
	var in instead
	kind := PhrasePart
	if u.loosely {
		in, kind = u.looseStretch, PhraseLoose
	} else {
		// Each guess reads the whole English; past maxGuesses terms in
		// one segment the rest go unnamed, so that a segment holding the
		// term thousands of times costs the English a bounded number of
		// times, not once per term.
		if u.guesses >= maxGuesses {
			return instead{}, ""
		}
		u.guesses++
		if in = u.c.insteadOf(seg, z.Term, e.text, e.tokens); in.variant {
			kind = PhraseVariant
		}
	}
	span := [2]int{in.start, in.end}
	if !in.named() || u.named[span] {
		return instead{}, ""
	}
	u.named[span] = true
	return in, kind
}

// looseStretch returns the shortest stretch of seg's English (text,
// read loosely as tokens and their stems) that holds one of concept
// con's renderings as a reviewer reads it, the first that does in the
// glossary's order, ending as early as it can, with the rendering's
// words right before and after it; nothing when no rendering
// does or the stretch is not nameable. It asks looselyRendered of each
// rendering on its own, so that usage reads the English as the missing
// rule does.
func (c *Checker) looseStretch(seg *Segment, con *glossary.Concept, text string, tokens []looseToken, stems []string) instead {
	for _, r := range con.Renderings {
		one := *con // the concept with this rendering alone
		one.Renderings = []*glossary.Rendering{r}
		if !c.looselyRendered(&one, stems) {
			continue
		}
		end := 0
		for end < len(stems) && !c.looselyRendered(&one, stems[:end+1]) {
			end++
		}
		start := end
		for start > 0 && !c.looselyRendered(&one, stems[start:end+1]) {
			start--
		}
		// The rendering's words next to it belong to it ("Chinese Dream
		// of the rejuvenation of the Chinese nation", not "Dream of ...").
		words := looseWords(r.EN)
		for start > 0 && slices.Contains(words, stems[start-1]) {
			start--
		}
		for end+1 < len(stems) && slices.Contains(words, stems[end+1]) {
			end++
		}
		from, to := tokens[start].start, tokens[end].end
		if !nameable(seg, con, text, from, to, r) {
			return instead{}
		}
		return instead{rendering: r, start: from, end: to}
	}
	return instead{}
}

// unlisted counts a use of an unlisted phrase, and keeps it as an
// example while the phrase has too few.
func (u *fileScan) unlisted(seg *Segment, z termAt, in instead, kind PhraseKind) {
	text := collapse([]byte(u.loose.text[in.start:in.end]))
	for _, s := range []string{"'s", "’s"} { // "central Party leadership’s": the phrase, not its case
		text = strings.TrimSuffix(text, s)
	}
	if sentenceStart(u.loose.text[:in.start]) && !startsUpper(in.rendering.EN) {
		text = lowerFirst(text) // "Building the Belt and Road" starting a sentence
	}
	key := textnorm.Key(text)
	u.fu.Unlisted[key]++
	p := u.fu.phrases[key]
	if p == nil {
		p = &PhraseUsage{Key: key, Rendering: in.rendering, Kind: kind, forms: make(map[string]int)}
		u.fu.phrases[key] = p
		u.fu.phraseKeys = append(u.fu.phraseKeys, key)
	}
	p.addForm(text, 1)
	if len(p.Examples) < u.max {
		start, end := seg.English.Offset(in.start), seg.English.End(in.end)
		p.Examples = append(p.Examples, &UsageExample{Excerpt: u.english(seg, start, end), ZH: u.chinese(seg, z.Term), offset: start})
	}
}

// sentenceStart reports whether a phrase after before (the text of its
// segment up to it) starts a sentence.
func sentenceStart(before string) bool {
	before = strings.TrimRightFunc(before, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("\"“‘'([", r) })
	return before == "" || strings.ContainsAny(before[len(before)-1:], ".!?:;")
}

// lowerFirst puts the first letter of s in lower case when it is the
// only capital of its word ("Building", not "BRI" or "McDonald").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	word, _, _ := strings.Cut(s[n:], " ")
	if !unicode.IsUpper(r) || strings.IndexFunc(word, unicode.IsUpper) >= 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// addForm counts n uses of the phrase written as form.
func (p *PhraseUsage) addForm(form string, n int) {
	if p.forms[form] == 0 {
		p.first = append(p.first, form)
	}
	p.forms[form] += n
}

// chooseForm sets Phrase to the form written most often; of forms
// written as often, one that starts in lower case, then the first seen.
// (A form starting a sentence is counted with its first letter in lower
// case when the rendering's is: see unlisted.)
func (p *PhraseUsage) chooseForm() {
	lower := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return !unicode.IsUpper(r)
	}
	p.Phrase = ""
	for _, f := range p.first {
		if p.Phrase == "" || p.forms[f] > p.forms[p.Phrase] || p.forms[f] == p.forms[p.Phrase] && lower(f) && !lower(p.Phrase) {
			p.Phrase = f
		}
	}
}

// anchor returns the English phrase nearest to where an unrendered term
// would be rendered: a rendering of the longer term it is part of, else
// a rendering of a concept of its family or of one of its parts; among
// several, one no other unrendered term of the segment points at yet,
// then the one nearest to the term's relative place in the segment. Nil
// when the English has none.
func (u *fileScan) anchor(seg *Segment, z termAt) *Occurrence {
	root := u.c.family[u.con]
	related := func(o *Occurrence) bool {
		for _, r := range o.Readings {
			if r.Concept == u.con {
				return false
			}
			if root != nil && u.c.family[r.Concept] == root {
				return true
			}
			if !r.Concept.IsPart() && slices.Contains(u.c.parts[u.con], r.Concept) {
				return true
			}
		}
		return false
	}
	outer := func(o *Occurrence) bool { return renders(o, z.outer) }
	zhLen := max(1, seg.Chinese.Stop()-seg.Chinese.Start())
	enStart, enLen := seg.English.Start(), seg.English.Stop()-seg.English.Start()
	want := enStart + (z.Start-seg.Chinese.Start())*enLen/zhLen
	better := func(o, best *Occurrence) bool {
		if best == nil || u.anchored[o] != u.anchored[best] {
			return best == nil || !u.anchored[o]
		}
		return abs(o.Start-want) < abs(best.Start-want)
	}
	tests := []func(*Occurrence) bool{outer, related}
	if z.outer == u.con {
		tests = tests[1:] // standing alone, it is part of no longer term
	}
	for _, fits := range tests {
		var best *Occurrence
		for _, o := range seg.Renderings {
			if fits(o) && better(o, best) {
				best = o
			}
		}
		if best != nil {
			u.anchored[best] = true
			return best
		}
	}
	return nil
}

func abs(n int) int { return max(n, -n) }

// english is the context of f.Text[start:end], in a segment's English
// when seg is set.
func (u *fileScan) english(seg *Segment, start, end int) Excerpt {
	ctx := Excerpt{File: u.f.Path}
	ctx.Line, ctx.Column = u.f.lines.Position(start)
	if seg == nil {
		ctx.Before, ctx.Text, ctx.After = kwic(u.f.Text, 0, len(u.f.Text), start, end)
	} else {
		ctx.Before, ctx.Text, ctx.After = spanKWIC(&seg.English, start, end)
	}
	return ctx
}

// chinese is the context of term t in a segment's Chinese.
func (u *fileScan) chinese(seg *Segment, t *Term) *Excerpt {
	path, _ := u.f.ChineseSource()
	ctx := &Excerpt{File: path}
	ctx.Line, ctx.Column = u.f.chineseLines.Position(t.Start)
	ctx.Before, ctx.Text, ctx.After = spanKWIC(&seg.Chinese, t.Start, t.End)
	return ctx
}

// spanKWIC is the context of the file's bytes [start, end) within a
// span, taken from the span's text: entities decoded and markup dropped,
// as the matchers saw it.
func spanKWIC(sp *input.Span, start, end int) (before, text, after string) {
	i, j := spanIndex(sp, start), spanIndex(sp, end)
	return kwic(sp.Text, 0, len(sp.Text), i, max(i, j))
}

// spanIndex returns the index in sp.Text of the file offset off: the
// first whose offset in the file is off or after.
func spanIndex(sp *input.Span, off int) int {
	lo, hi := 0, len(sp.Text)
	for lo < hi {
		mid := (lo + hi) / 2
		if sp.Offset(mid) < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// NewUsage starts the usage of a concept.
func NewUsage(con *glossary.Concept, opts UsageOptions) *Usage {
	u := &Usage{Concept: con, opts: opts, byRend: make(map[*glossary.Rendering]*RenderingUsage), byPhrase: make(map[string]*PhraseUsage)}
	for _, r := range orderRenderings(con, opts.Style) {
		ru := &RenderingUsage{Rendering: r, Tally: newTally()}
		u.Renderings = append(u.Renderings, ru)
		u.byRend[r] = ru
	}
	u.Unrendered, u.Unnamed = newTally(), newTally()
	return u
}

func newTally() Tally {
	return Tally{Files: make(map[string]int), Years: make(map[string]int)}
}

// Add counts one file's usage of the concept; files are added in walk
// order, every file read, whether the concept occurs in it or not.
func (u *Usage) Add(fu *FileUsage) {
	u.added++
	s := &u.Summary
	s.Files++
	if fu.Bilingual {
		s.Bilingual++
	}
	if !fu.occurs() {
		return
	}
	u.Files = append(u.Files, fu)
	s.Chinese += fu.Chinese
	s.Extra += fu.Extra
	s.Unrendered += fu.Unrendered
	s.Unnamed += fu.Unnamed
	s.English += fu.English
	s.Total += fu.Total()
	s.Unaligned += fu.Unaligned
	s.Untranslated += fu.Untranslated
	if fu.Bilingual {
		s.Rendered += fu.Rendered()
	}
	year := cmp.Or(fu.Year, NoDate)
	for r, n := range fu.Renderings {
		ru := u.byRend[r]
		if ru == nil { // a rendering of another glossary: cannot happen
			continue
		}
		ru.add(fu.Path, year, n, fu.examples[r], u.added, u.opts.Examples)
	}
	if fu.Unrendered > 0 {
		u.Unrendered.add(fu.Path, year, fu.Unrendered, fu.unrendered, u.added, u.opts.Examples)
	}
	if fu.Unnamed > 0 {
		u.Unnamed.add(fu.Path, year, fu.Unnamed, fu.unnamed, u.added, u.opts.Examples)
	}
	for _, key := range fu.phraseKeys {
		fp, n := fu.phrases[key], fu.Unlisted[key]
		s.Unlisted += n
		p := u.byPhrase[key]
		if p == nil {
			p = &PhraseUsage{Key: key, Rendering: fp.Rendering, Kind: fp.Kind, Tally: newTally(), forms: make(map[string]int)}
			u.byPhrase[key] = p
			u.Unlisted = append(u.Unlisted, p)
		}
		for _, f := range fp.first {
			p.addForm(f, fp.forms[f])
		}
		p.add(fu.Path, year, n, fp.Examples, u.added, u.opts.Examples)
	}
}

// add counts n uses in a file and offers its examples.
func (t *Tally) add(path, year string, n int, examples []*UsageExample, order, limit int) {
	t.Count += n
	t.Files[path] += n
	t.Years[year] += n
	for i, ex := range examples {
		ex.order = order
		switch {
		case i == 0 && len(t.spread) < limit:
			t.spread = append(t.spread, ex)
		case len(t.spare) < limit:
			t.spare = append(t.spare, ex)
		}
	}
}

// Finish orders the renderings by use and chooses the examples.
func (u *Usage) Finish() {
	slices.SortStableFunc(u.Renderings, func(a, b *RenderingUsage) int { return cmp.Compare(b.Count, a.Count) })
	for _, r := range u.Renderings {
		r.finish(u.opts.Examples)
	}
	u.Unrendered.finish(u.opts.Examples)
	u.Unnamed.finish(u.opts.Examples)
	slices.SortStableFunc(u.Unlisted, func(a, b *PhraseUsage) int { return cmp.Compare(b.Count, a.Count) })
	for _, p := range u.Unlisted {
		p.chooseForm()
		p.finish(u.opts.Examples)
	}
}

func (t *Tally) finish(limit int) {
	t.Examples = append(t.spread, t.spare[:min(len(t.spare), limit-len(t.spread))]...)
	slices.SortStableFunc(t.Examples, func(a, b *UsageExample) int {
		return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.offset, b.offset))
	})
	t.spread, t.spare = nil, nil
}

// Found reports whether the concept's term or a rendering of it occurs in
// any file read.
func (u *Usage) Found() bool { return len(u.Files) > 0 }

// Usage is how each concept is rendered in the files, in walk order: the
// FileUsage of each file, added up.
func (c *Checker) Usage(files []*File, concepts []*glossary.Concept, opts UsageOptions) []*Usage {
	us := make([]*Usage, len(concepts))
	for i, con := range concepts {
		us[i] = NewUsage(con, opts)
	}
	for _, f := range files {
		for i, fu := range c.FileUsage(f, concepts, opts) {
			us[i].Add(fu)
		}
	}
	for _, u := range us {
		u.Finish()
	}
	return us
}
