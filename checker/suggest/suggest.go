// Package suggest finds what a glossary is missing, from bilingual
// segments: English renderings of glossary terms that translators use but
// the glossary does not list, and recurring Chinese terms the glossary does
// not have, each with its most likely translation. It counts and scores;
// printing is the command's.
//
// # Scoring
//
// A candidate rendering of a Chinese term is an English n-gram (one to six
// words, folded as the glossary folds renderings, with no stop word at
// either end) and is scored by its association with the term across the
// translated segments of the corpus: Dunning's log-likelihood ratio G² over
// the two-by-two table of segments whose Chinese has the term or not and
// whose English has the n-gram or not. G² rather than Dice because the
// evidence is small and uneven: Dice gives a pair seen once together and
// nowhere else the same perfect score as a pair seen together in twenty
// segments, where G² grows with the evidence, and unlike the chi-squared
// test it stays reliable for the rare events most terms are (Dunning 1993,
// "Accurate methods for the statistics of surprise and coincidence").
// Only positive association counts: an n-gram rarer beside the term than
// elsewhere scores nothing.
//
// Segments are counted as aligned sentence pairs where they can be (see
// Read): by whole paragraphs, most words stand beside most terms.
package suggest

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// Options adjust Suggest; a zero field takes its default.
type Options struct {
	// MinCount is how many segments must have a term and a candidate
	// rendering together for the candidate to be proposed (default 2).
	MinCount int
	// MinTermCount is how many segments a new Chinese term must occur in
	// (default 3).
	MinTermCount int
	// Limit is the number of candidate renderings kept per term
	// (default 3).
	Limit int
	// Examples is the number of example segments kept per candidate
	// (default 2); negative keeps none.
	Examples int
	// MaxTerms is the number of new terms proposed (default 20);
	// negative proposes none.
	MaxTerms int
}

func (o Options) withDefaults() Options {
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	if o.MinTermCount <= 0 {
		o.MinTermCount = 3
	}
	if o.Limit <= 0 {
		o.Limit = 3
	}
	if o.Examples == 0 {
		o.Examples = 2
	}
	if o.MaxTerms == 0 {
		o.MaxTerms = 20
	}
	return o
}

// MinScore is the least G² a candidate needs: 3.84 is the 5% critical
// value of the chi-squared distribution with one degree of freedom, which
// G² follows, so that a weaker association may be chance.
const MinScore = 3.84

// StableShare is the share of a new term's segments that the English of
// more than that many must have its best candidate in for the translation
// to be called stable.
const StableShare = 0.5

// Report is what Suggest found.
type Report struct {
	// Files counts the files read, Bilingual those read as bilingual and
	// Translated their translated segments. Segments counts the segments
	// evidence is counted in: the translated segments, those of several
	// sentences split into aligned sentence pairs (see Read).
	Files, Bilingual, Translated, Segments int
	// Misaligned counts the units left out because their two sides'
	// lengths are out of proportion with their file's other units (see
	// File.Misaligned); Segments does not count them.
	Misaligned int
	// Renderings are the glossary concepts whose term occurs in a segment
	// whose English has none of its known renderings, those with the most
	// such segments first, each with its candidate renderings.
	Renderings []*ConceptSuggestion
	// Terms are recurring Chinese strings the glossary lacks: those with
	// a stable translation first, then by termhood (see TermSuggestion).
	Terms []*TermSuggestion
	// MoreTerms counts the new terms found beyond Options.MaxTerms.
	MoreTerms int
}

// Suggestions counts the candidate renderings and new terms of the report.
func (r *Report) Suggestions() int {
	n := len(r.Terms)
	for _, c := range r.Renderings {
		n += len(c.Candidates)
	}
	return n
}

// ConceptSuggestion is a glossary concept that translators render in a way
// the glossary does not know.
type ConceptSuggestion struct {
	Concept *glossary.Concept
	// Segments counts the segments whose Chinese has the concept's term;
	// Unrendered, those whose English has none of its renderings.
	Segments, Unrendered int
	// Candidates are the candidate renderings, best first.
	Candidates []*Candidate
}

// TermSuggestion is a recurring Chinese string that is no glossary term.
// Its termhood is its C-value (Frantzi, Ananiadou and Mima 2000): log2 of
// its length in characters times the number of its segments, less the
// mean number of those of the longer strings containing it, so that at
// equal frequency a longer string, and a string that stands on its own,
// rank first.
type TermSuggestion struct {
	ZH string
	// ID is a concept id made from the pinyin, unique in the glossary;
	// Pinyin is generated, with tone marks.
	ID, Pinyin string
	// Segments counts the segments the string occurs in, Occurrences its
	// occurrences.
	Segments, Occurrences int
	// Contains are the glossary concepts whose terms the string contains.
	Contains []*glossary.Concept
	// Stable says the best candidate occurs in more than StableShare of
	// the string's segments.
	Stable bool
	// Candidates are its candidate renderings, best first.
	Candidates []*Candidate
	// Examples show the string in its Chinese context.
	Examples []Excerpt
}

// Candidate is an English n-gram proposed as a rendering.
type Candidate struct {
	// EN is the n-gram as most often written; Key, folded.
	EN, Key string
	// Count is the number of segments whose Chinese has the term and whose
	// English has the n-gram: the evidence.
	Count int
	// Unrendered is, of those, the number where the term has none of its
	// known renderings (candidates for glossary concepts only).
	Unrendered int
	// Frequency is the number of segments whose English has the n-gram.
	Frequency int
	// Score is G², the log-likelihood ratio of the association.
	Score float64
	// Files are the files of the evidence, in the order read.
	Files []string
	// Examples are segments with the term and the n-gram, segments
	// without a known rendering first.
	Examples []Example
}

// Example is one segment where a term and a candidate rendering occur
// together.
type Example struct {
	EN, ZH Excerpt
}

// Excerpt is a stretch of a segment around a match: where the match is
// and the text before and after it.
type Excerpt struct {
	File         string
	Line, Column int
	Before       string
	Match        string
	After        string
}

// Corpus adds up the evidence of files. It is not safe for concurrent use;
// Read the files concurrently and Add them in order.
type Corpus struct {
	c          *checker.Checker
	files      int
	bilin      int
	translated int
	misaligned int
	units      []*unit
}

// NewCorpus returns an empty corpus for the glossary c was compiled from.
func NewCorpus(c *checker.Checker) *Corpus { return &Corpus{c: c} }

// Add adds a file's evidence.
func (k *Corpus) Add(f *File) {
	k.files++
	if f.Bilingual {
		k.bilin++
	}
	k.translated += f.Segments
	k.misaligned += f.Misaligned
	k.units = append(k.units, f.units...)
}

// Suggest finds candidate renderings for the glossary concepts the
// segments leave unrendered and proposes the recurring Chinese strings the
// glossary lacks. Its result depends only on the files and their order.
func (k *Corpus) Suggest(opts Options) *Report {
	opts = opts.withDefaults()
	r := &Report{Files: k.files, Bilingual: k.bilin, Translated: k.translated, Segments: len(k.units), Misaligned: k.misaligned}
	g := k.c.Glossary()
	order := make(map[*glossary.Concept]int, len(g.Concepts))
	for i, c := range g.Concepts {
		order[c] = i
	}

	// Which segments each concept's term occurs in, and unrendered in.
	bySeg := map[*glossary.Concept][]int{}
	unrendered := map[*glossary.Concept]int{}
	for i, s := range k.units {
		for _, c := range s.concepts {
			bySeg[c] = append(bySeg[c], i)
			if s.unrendered[c] {
				unrendered[c]++
			}
		}
	}
	var concepts []*glossary.Concept
	for c, n := range unrendered {
		if n > 0 {
			concepts = append(concepts, c)
		}
	}
	slices.SortFunc(concepts, func(a, b *glossary.Concept) int {
		return cmp.Or(unrendered[b]-unrendered[a], order[a]-order[b])
	})

	// Part A: count the n-grams beside each concept's term.
	type targetCands struct {
		segs  []int
		cands []*tally
	}
	needed := map[string]int{} // n-gram key -> segments whose English has it
	var targets []targetCands
	for _, c := range concepts {
		own := ownKeys(c)
		segs := bySeg[c]
		var cands []*tally
		for _, t := range k.tally(segs, c, nil) {
			if t.count >= opts.MinCount && t.unrendered > 0 && !own[t.key] {
				cands = append(cands, t)
				needed[t.key] = 0
			}
		}
		targets = append(targets, targetCands{segs, cands})
		r.Renderings = append(r.Renderings, &ConceptSuggestion{Concept: c, Segments: len(segs), Unrendered: unrendered[c]})
	}

	k.frequencies(needed)
	n := len(k.units)
	scoredConcepts := make([][]scored, len(targets))
	for i, tc := range targets {
		scoredConcepts[i] = score(tc.cands, len(tc.segs), n, needed)
	}
	ownedConcepts := owners(scoredConcepts)
	for i, tc := range targets {
		c := r.Renderings[i].Concept
		list := slices.DeleteFunc(scoredConcepts[i], func(sc scored) bool { return ownedConcepts[sc.key] != i })
		r.Renderings[i].Candidates = k.candidates(list, tc.segs, opts, c, func(seg int) [2]int { return k.units[seg].terms[c] })
	}

	r.Terms, r.MoreTerms = k.termSuggestions(k.newTerms(opts), needed, opts)
	return r
}

// termSuggestions finds the English n-grams beside each new term, and
// returns the first opts.MaxTerms terms, those with a stable translation
// first, and how many more there are. freq holds the segments of the
// n-grams counted so far, and takes those counted here.
//
// The terms are taken in the order of their termhood, a window at a
// time, until the window holds enough stable ones: a corpus has
// thousands of recurring strings, and the n-grams beside each are worth
// counting only for those that may be shown.
func (k *Corpus) termSuggestions(terms []*newTerm, freq map[string]int, opts Options) ([]*TermSuggestion, int) {
	maxTerms := max(opts.MaxTerms, 0)
	if maxTerms == 0 {
		return nil, len(terms)
	}
	n := len(k.units)
	var cands [][]*tally
	var out []*TermSuggestion
	for window := min(len(terms), max(3*maxTerms, 60)); ; window = min(len(terms), 2*window) {
		// Count the n-grams beside the terms new to the window.
		fresh := map[string]int{}
		for _, t := range terms[len(cands):window] {
			var list []*tally
			for _, tl := range k.tally(t.segs, nil, nil) {
				if tl.count >= opts.MinCount {
					list = append(list, tl)
					if _, ok := freq[tl.key]; !ok {
						fresh[tl.key] = 0
					}
				}
			}
			cands = append(cands, list)
		}
		k.frequencies(fresh)
		maps.Copy(freq, fresh)

		scoredTerms := make([][]scored, window)
		for i, t := range terms[:window] {
			scoredTerms[i] = score(cands[i], len(t.segs), n, freq)
		}
		owned := owners(scoredTerms)
		stable := 0
		for i, t := range terms[:window] {
			list := slices.DeleteFunc(scoredTerms[i], func(sc scored) bool { return owned[sc.key] != i })
			if len(list) > 0 && float64(list[0].count) > StableShare*float64(len(t.segs)) {
				stable++
			}
			scoredTerms[i] = list
		}
		if stable < maxTerms && window < len(terms) {
			continue
		}
		ids := newIDs(k.c.Glossary())
		for i, t := range terms[:window] {
			ts := &TermSuggestion{ZH: t.zh, Segments: len(t.segs), Occurrences: t.occ, Contains: t.contains}
			ts.ID, ts.Pinyin = ids.make(t)
			list := scoredTerms[i]
			ts.Stable = len(list) > 0 && float64(list[0].count) > StableShare*float64(len(t.segs))
			out = append(out, ts)
		}
		slices.SortStableFunc(out, func(a, b *TermSuggestion) int { return boolRank(a.Stable) - boolRank(b.Stable) })
		out = out[:min(len(out), maxTerms)]
		// Candidates and examples only for those shown.
		index := make(map[string]int, window)
		for i, t := range terms[:window] {
			index[t.zh] = i
		}
		for _, ts := range out {
			i := index[ts.ZH]
			t := terms[i]
			ts.Candidates = k.candidates(scoredTerms[i], t.segs, opts, nil, func(seg int) [2]int { return t.at[seg] })
			for _, seg := range t.segs[:min(len(t.segs), max(opts.Examples, 0))] {
				at := t.at[seg]
				ts.Examples = append(ts.Examples, k.units[seg].zhExcerpt(at[0], at[1]))
			}
		}
		return out, len(terms) - len(out)
	}
}

// owners says, for each n-gram of the lists, which list it belongs to:
// the one where it scores highest, the first of equals. An n-gram beside
// several terms is proposed for the one it is most associated with:
// "value concepts" for 价值理念, not also for 理念.
func owners(lists [][]scored) map[string]int {
	type owner struct {
		list  int
		score float64
	}
	best := map[string]owner{}
	for i, l := range lists {
		for _, sc := range l {
			if o, ok := best[sc.key]; !ok || sc.score > o.score {
				best[sc.key] = owner{i, sc.score}
			}
		}
	}
	out := make(map[string]int, len(best))
	for k, o := range best {
		out[k] = o.list
	}
	return out
}

// ownKeys are the folded renderings and forms of a concept, which are no
// candidates for it.
func ownKeys(c *glossary.Concept) map[string]bool {
	m := map[string]bool{}
	for _, r := range c.Renderings {
		m[textnorm.Key(r.EN)] = true
		for _, f := range r.Forms {
			m[textnorm.Key(f)] = true
		}
	}
	return m
}

// tally is an n-gram counted beside one term.
type tally struct {
	key   string
	words int
	// explained counts its words that are part of renderings of other
	// concepts: of two n-grams with the same evidence, the one that says
	// more of its own ranks first.
	explained  int
	count      int
	unrendered int
	// forms and refs are filled in for the candidates kept only (see
	// tally's detail).
	forms map[string]*forms // by the n-gram in lower case
	refs  []ref             // one per segment, in corpus order
}

// ref is an n-gram's place: words i..j of segment seg.
type ref struct{ seg, i, j int }

// tally counts the n-grams of the English of segments segs, each once per
// segment, that may be renderings of concept c (nil for a new term): an
// n-gram over a rendering of c is not (it is c's known rendering with
// context), nor is one whose words are all renderings of other concepts.
//
// With detail set, it counts nothing but records, on the tallies detail
// holds by key, how each is written and where: a second pass, for the few
// candidates kept, since recording that for every n-gram would hold the
// corpus many times over.
func (k *Corpus) tally(segs []int, c *glossary.Concept, detail map[string]*tally) []*tally {
	byKey := map[string]*tally{}
	var list []*tally
	var buf []byte
	seen := map[string]bool{}
	for _, si := range segs {
		s := k.units[si]
		clear(seen)
		buf = ngrams(s.words, buf, func(i, j int, key []byte) {
			if seen[string(key)] || !eligible(s.words[i:j+1], c) {
				return
			}
			if detail != nil {
				t := detail[string(key)]
				if t == nil {
					return
				}
				seen[t.key] = true
				t.addForm(surface(s.en.Text, s.words, i, j), !s.words[i].joined)
				t.refs = append(t.refs, ref{si, i, j})
				return
			}
			t := byKey[string(key)]
			if t == nil {
				t = &tally{key: string(key), words: j - i + 1, explained: explainedWords(s.words[i:j+1], c)}
				byKey[t.key] = t
				list = append(list, t)
			}
			seen[t.key] = true
			t.count++
			if c != nil && s.unrendered[c] {
				t.unrendered++
			}
		})
	}
	return list
}

// eligible reports whether words ws may be evidence of a rendering of
// concept c (nil: of a new term): none of them is part of a rendering of
// c, and not every word that is not a stop word or a number is part of a
// rendering of another concept.
func eligible(ws []word, c *glossary.Concept) bool {
	if first, last := &ws[0], &ws[len(ws)-1]; first.occ >= 0 && !first.occFirst || last.occ >= 0 && !last.occLast {
		return false // it cuts a rendering
	}
	explained := true
	for _, w := range ws {
		if c != nil && slices.Contains(w.cover, c) {
			return false
		}
		if w.stop || w.number {
			continue
		}
		if !slices.ContainsFunc(w.cover, func(x *glossary.Concept) bool { return x != c }) {
			explained = false
		}
	}
	return !explained
}

// explainedWords counts the words of ws that are part of a rendering of a
// concept other than c.
func explainedWords(ws []word, c *glossary.Concept) int {
	n := 0
	for _, w := range ws {
		if slices.ContainsFunc(w.cover, func(x *glossary.Concept) bool { return x != c }) {
			n++
		}
	}
	return n
}

// frequencies counts, for each key of needed, the segments whose English
// has it.
func (k *Corpus) frequencies(needed map[string]int) {
	if len(needed) == 0 {
		return
	}
	var buf []byte
	for _, s := range k.units {
		seen := map[string]bool{}
		buf = ngrams(s.words, buf, func(_, _ int, key []byte) {
			if n, ok := needed[string(key)]; ok && !seen[string(key)] {
				seen[string(key)] = true
				needed[string(key)] = n + 1
			}
		})
	}
}

// scored is a tally with its score and frequency.
type scored struct {
	*tally
	score float64
	freq  int
}

// score scores the tallies of a term found in termSegs of n segments
// (freq has the segments of each n-gram), keeps those positively
// associated with it, drops an n-gram inside a longer one with the same
// evidence, and sorts them best first. An association weaker than
// MinScore does not count.
func score(ts []*tally, termSegs, n int, freq map[string]int) []scored {
	var list []scored
	for _, t := range ts {
		f := freq[t.key]
		a, b, c := t.count, termSegs-t.count, f-t.count
		d := n - a - b - c
		if a*n <= termSegs*f || d < 0 { // not more often beside the term than elsewhere
			continue
		}
		if g2 := logLikelihood(a, b, c, d); g2 >= MinScore {
			list = append(list, scored{t, g2, f})
		}
	}
	// An n-gram inside a longer one with the same evidence says less.
	// Each n-gram's shorter n-grams are looked up, not compared with every
	// other: a frequent term has thousands of candidates.
	count := make(map[string]int, len(list))
	for _, s := range list {
		count[s.key] = s.count
	}
	inside := map[string]bool{}
	for _, l := range list {
		ws := strings.Split(l.key, " ")
		for i := range ws {
			for j := i + 1; j <= len(ws); j++ {
				if j-i == len(ws) {
					continue
				}
				if k := strings.Join(ws[i:j], " "); count[k] == l.count {
					inside[k] = true
				}
			}
		}
	}
	list = slices.DeleteFunc(list, func(s scored) bool { return inside[s.key] })
	slices.SortFunc(list, func(x, y scored) int {
		return cmp.Or(cmp.Compare(y.score, x.score), y.count-x.count, x.explained-y.explained, y.words-x.words, strings.Compare(x.key, y.key))
	})
	return list
}

// candidates makes the best opts.Limit of a sorted list candidates, with
// their forms and examples, from the segments segs of the term. c is the
// concept they are candidates for (nil for a new term); zhAt says where
// its term is in a segment's Chinese.
func (k *Corpus) candidates(list []scored, segs []int, opts Options, c *glossary.Concept, zhAt func(seg int) [2]int) []*Candidate {
	list = list[:min(len(list), opts.Limit)]
	detail := make(map[string]*tally, len(list))
	for _, s := range list {
		detail[s.key] = s.tally
	}
	k.tally(segs, c, detail)
	out := make([]*Candidate, len(list))
	for i, s := range list {
		cand := &Candidate{EN: bestForm(s.forms), Key: s.key, Count: s.count, Unrendered: s.unrendered, Frequency: s.freq, Score: s.score}
		for _, rf := range s.refs {
			path := k.units[rf.seg].file.Path
			if !slices.Contains(cand.Files, path) {
				cand.Files = append(cand.Files, path)
			}
		}
		refs := s.refs
		if c != nil { // segments without a known rendering first: they show the gap
			refs = slices.Clone(refs)
			slices.SortStableFunc(refs, func(x, y ref) int {
				return boolRank(k.units[x.seg].unrendered[c]) - boolRank(k.units[y.seg].unrendered[c])
			})
		}
		for _, rf := range refs[:min(len(refs), max(opts.Examples, 0))] {
			cand.Examples = append(cand.Examples, k.example(rf, zhAt(rf.seg)))
		}
		out[i] = cand
	}
	return out
}

func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// forms counts the ways an n-gram is written that differ only in case.
type forms struct {
	n int
	// written counts them as written; inner only where the n-gram does
	// not start a sentence or clause, whose capital says nothing.
	written, inner map[string]int
}

// addForm records an instance of the n-gram as written; initial says it
// starts a sentence or clause.
func (t *tally) addForm(text string, initial bool) {
	lower := strings.ToLower(text)
	if t.forms == nil {
		t.forms = map[string]*forms{}
	}
	f := t.forms[lower]
	if f == nil {
		f = &forms{written: map[string]int{}, inner: map[string]int{}}
		t.forms[lower] = f
	}
	f.n++
	f.written[text]++
	if !initial {
		f.inner[text]++
	}
}

// bestForm is how an n-gram is best written: its most frequent form,
// case aside (the first in byte order of equals), written as it most
// often is inside a sentence, or else as it most often is at all (a
// capital at a sentence's start is no part of a rendering, a proper
// noun's is).
func bestForm(fs map[string]*forms) string {
	var best *forms
	bestKey := ""
	for k, f := range fs {
		if best == nil || f.n > best.n || f.n == best.n && k < bestKey {
			best, bestKey = f, k
		}
	}
	if len(best.inner) > 0 {
		return mostFrequent(best.inner)
	}
	return mostFrequent(best.written)
}

// mostFrequent is the most frequent of the counted strings, of equals
// the one with fewest capitals, then the first in byte order.
func mostFrequent(counts map[string]int) string {
	best := ""
	for f, n := range counts {
		if best == "" {
			best = f
			continue
		}
		if c := cmp.Or(counts[best]-n, capitals(f)-capitals(best), strings.Compare(f, best)); c < 0 {
			best = f
		}
	}
	return best
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if 'A' <= r && r <= 'Z' || r > 127 && strings.ToLower(string(r)) != string(r) {
			n++
		}
	}
	return n
}

// logLikelihood is Dunning's G² for the two-by-two table [[a b] [c d]].
func logLikelihood(a, b, c, d int) float64 {
	n := float64(a + b + c + d)
	term := func(o, row, col int) float64 {
		if o == 0 {
			return 0
		}
		e := float64(row) * float64(col) / n
		return float64(o) * math.Log(float64(o)/e)
	}
	return 2 * (term(a, a+b, a+c) + term(b, a+b, b+d) + term(c, c+d, a+c) + term(d, c+d, b+d))
}
