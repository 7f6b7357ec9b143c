package glossary

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm"
)

// MatchKind says how a concept matched a lookup query.
type MatchKind string

// How a concept can match, best first.
const (
	// MatchExact: the query is the concept's zh or a variant, one of its
	// renderings or forms (folded for case, plural and spelling), its
	// pinyin (tones and spaces aside) or its id.
	MatchExact MatchKind = "exact"
	// MatchContains: the query is part of the concept's zh, of one of its
	// renderings (whole words, the last one possibly cut short) or of its
	// pinyin.
	MatchContains MatchKind = "contains"
	// MatchPart: the concept's zh, or one of its renderings, is part of a
	// longer query.
	MatchPart MatchKind = "part"
	// MatchFuzzy: the query is a few edits away from part of a rendering,
	// pinyin or zh: a typo.
	MatchFuzzy MatchKind = "fuzzy"
	// MatchNearest: nothing matched; this concept is among the closest.
	MatchNearest MatchKind = "nearest"
)

var kindRank = map[MatchKind]int{MatchExact: 0, MatchContains: 1, MatchPart: 2, MatchFuzzy: 3, MatchNearest: 4}

// Match is one concept found for a query, with what in it matched.
type Match struct {
	Concept *Concept
	Kind    MatchKind
	// Field is what matched: "zh", "zh_variant", "en", "form", "pinyin"
	// or "id".
	Field string
	// Text is the matched value as the glossary writes it.
	Text string
	// Rendering is the rendering that matched, when Field is en or form.
	Rendering *Rendering
	// Distance is the number of edits between query and Text, for fuzzy and
	// nearest matches.
	Distance int

	order int // the concept's place in the glossary
}

// Result is what a lookup found for one query.
type Result struct {
	Query string
	// Matches are the concepts found, best first: exact, then contains,
	// part and fuzzy; within a kind the closest and then glossary order.
	Matches []Match
	// Nearest holds the closest concepts when Matches is empty.
	Nearest []Match
}

// Index finds concepts by Chinese, English, pinyin, id or approximate text.
//
// Its values are folded on first use, not by NewIndex, and in two groups:
// a Chinese query never needs the English and pinyin ones, which cost
// most to fold (over 100,000 concepts about 0.25 s and 60 MB of the
// whole index's 0.27 s and 78 MB).
type Index struct {
	g *Glossary
	// chinese holds each concept's zh, zh_variants and id; latin its
	// pinyin, renderings and forms. Within a group, values keep the
	// glossary's order, and a concept's chinese values come before its
	// latin ones, as ties between them are settled by that order.
	chinese, latin func() []entry
}

// entry is one searchable value of a concept.
type entry struct {
	c     *Concept
	r     *Rendering
	field string
	text  string
	key   string   // folded for the field's script
	words []string // key's words, for English
	runes int      // key's length in runes, to skip values too long or short to be near
	order int      // the concept's place in the glossary
}

// NewIndex indexes every concept of g.
func NewIndex(g *Glossary) *Index {
	idx := &Index{g: g}
	idx.chinese = sync.OnceValue(idx.chineseEntries)
	idx.latin = sync.OnceValue(idx.latinEntries)
	return idx
}

// addEntry appends the entry for a value of concept c, the i-th, unless
// its key is empty.
func addEntry(entries []entry, i int, c *Concept, r *Rendering, field, text, key string) []entry {
	if key == "" {
		return entries
	}
	return append(entries, entry{c: c, r: r, field: field, text: text, key: key, runes: utf8.RuneCountInString(key), order: i})
}

// chineseEntries folds each concept's zh, zh_variants and id. A term of
// CJK ideographs alone is its own key (chineseKey), so this allocates
// little more than the entries.
func (idx *Index) chineseEntries() []entry {
	n := 0
	for _, c := range idx.g.Concepts {
		n += 2 + len(c.ZHVariants)
	}
	entries := make([]entry, 0, n)
	for i, c := range idx.g.Concepts {
		entries = addEntry(entries, i, c, nil, "zh", c.ZH, chineseKey(c.ZH))
		for _, v := range c.ZHVariants {
			entries = addEntry(entries, i, c, nil, "zh_variant", v, chineseKey(v))
		}
		entries = addEntry(entries, i, c, nil, "id", c.ID, c.ID)
	}
	return entries
}

// latinEntries folds each concept's pinyin, renderings and forms. The
// keys are written one after another into one string, and the words of
// the English ones into one slice, rather than allocated one by one:
// 3.4 million allocations over 100,000 concepts otherwise.
func (idx *Index) latinEntries() []entry {
	n, size := 0, 0
	for _, c := range idx.g.Concepts {
		n++
		size += len(c.Pinyin)
		for _, r := range c.Renderings {
			n += 1 + len(r.Forms)
			size += len(r.EN)
			for _, f := range r.Forms {
				size += len(f)
			}
		}
	}
	entries := make([]entry, 0, n)
	ends := make([]int, 0, n) // where each entry's key ends in keys
	keys := make([]byte, 0, size)
	add := func(i int, c *Concept, r *Rendering, field, text string, key []byte) []byte {
		if len(key) == len(keys) {
			return key
		}
		entries = append(entries, entry{c: c, r: r, field: field, text: text, order: i})
		ends = append(ends, len(key))
		return key
	}
	for i, c := range idx.g.Concepts {
		keys = add(i, c, nil, "pinyin", c.Pinyin, appendPinyinKey(keys, c.Pinyin))
		for _, r := range c.Renderings {
			keys = add(i, c, r, "en", r.EN, appendRenderingKey(keys, r.EN))
			for _, f := range r.Forms {
				keys = add(i, c, r, "form", f, appendRenderingKey(keys, f))
			}
		}
	}
	all := string(keys)
	words := make([]string, 0, len(entries)+strings.Count(all, " "))
	start := 0
	for k := range entries {
		e := &entries[k]
		e.key = all[start:ends[k]]
		e.runes = utf8.RuneCountInString(e.key)
		start = ends[k]
		if e.r != nil {
			first := len(words)
			for w := range strings.FieldsSeq(e.key) {
				words = append(words, w)
			}
			e.words = words[first:len(words):len(words)]
		}
	}
	return entries
}

// appendPinyinKey appends textnorm.Pinyin(s) to key. Pinyin written in
// ASCII letters and the tone-marked vowels, as nearly all is, is folded
// here without normalising it first (which allocates); anything else
// goes through textnorm.Pinyin.
func appendPinyinKey(key []byte, s string) []byte {
	start := len(key)
	for _, r := range s {
		switch {
		case r == 'v' || r == 'V':
			key = append(key, 'u')
		case 'a' <= r && r <= 'z':
			key = append(key, byte(r))
		case 'A' <= r && r <= 'Z':
			key = append(key, byte(r-'A'+'a'))
		case r < utf8.RuneSelf:
			// Spaces, apostrophes, hyphens and tone numbers fold away.
		case toneVowels[r] != 0:
			key = append(key, toneVowels[r])
		default:
			return append(key[:start], textnorm.Pinyin(s)...)
		}
	}
	return key
}

// toneVowels maps each tone-marked vowel, and ü, to the letter it folds
// to: its base letter, u for ü.
var toneVowels = func() map[rune]byte {
	m := map[rune]byte{}
	for base, marked := range map[byte]string{
		'a': "āáǎàĀÁǍÀ", 'e': "ēéěèĒÉĚÈ", 'i': "īíǐìĪÍǏÌ", 'o': "ōóǒòŌÓǑÒ",
		'u': "ūúǔùŪÚǓÙüǖǘǚǜÜǕǗǙǛ",
	} {
		for _, r := range marked {
			m[r] = base
		}
	}
	return m
}()

// groups returns the entries a query may match: a Chinese query matches
// no pinyin and no English.
func (idx *Index) groups(han bool) [][]entry {
	if han {
		return [][]entry{idx.chinese()}
	}
	return [][]entry{idx.chinese(), idx.latin()}
}

// nearestCount is how many concepts a lookup without matches suggests.
const nearestCount = 3

// nearestMaxEdits is the largest share of a value's characters a nearest
// suggestion may differ in.
const nearestMaxEdits = 0.6

// Lookup finds the concepts a query names. See MatchKind for what matches.
func (idx *Index) Lookup(query string) Result {
	res, _ := idx.lookup(query)
	return res
}

// lookup is Lookup, and also returns the work it did: the values it
// compared plus the cells of edit distance tables it computed.
func (idx *Index) lookup(query string) (Result, int) {
	res := Result{Query: query}
	q := strings.TrimSpace(query)
	if q == "" {
		return res, 0
	}
	best := map[*Concept]Match{}
	consider := func(e *entry, kind MatchKind, dist int) {
		m := Match{Concept: e.c, Kind: kind, Field: e.field, Text: e.text, Rendering: e.r, Distance: dist, order: e.order}
		if prev, ok := best[e.c]; ok && !better(m, prev) {
			return
		}
		best[e.c] = m
	}

	exact := newExactQuery(q)
	groups := idx.groups(exact.han)
	work := 0
	for _, entries := range groups {
		work += len(entries)
		for i := range entries {
			e := &entries[i]
			if kind, ok := exact.match(e.field, e.key, e.runes, e.words); ok {
				consider(e, kind, 0)
			}
		}
	}
	keys := queryKeys{han: exact.han}
	if exact.han {
		keys.zh = newQueryKey(exact.zh)
	} else {
		keys.en, keys.pinyin = newQueryKey(exact.en), newQueryKey(exact.pinyin)
	}
	var scratch editScratch
	if len(best) == 0 {
		work += fuzzy(groups, keys, &scratch, consider)
	}
	res.Matches = sortMatches(best)
	if len(res.Matches) == 0 {
		var n int
		res.Nearest, n = nearest(groups, keys, &scratch)
		work += n
	}
	return res, work + scratch.cells
}

// exactQuery is a query folded for the exact, containing and part
// matches of Lookup: one fold per field a value may be in.
type exactQuery struct {
	han                bool
	zh, en, pinyin, id string
	enWords            []string
	// isPinyin says whether the query reads as pinyin; it is asked only
	// of a query that matches some pinyin, since the answer costs loading
	// the syllables.
	isPinyin func() bool
}

func newExactQuery(q string) exactQuery {
	han := textnorm.HasHan(q)
	en, pinyin := textnorm.Key(q), textnorm.Pinyin(q)
	return exactQuery{
		han: han, zh: textnorm.Chinese(q), en: en, pinyin: pinyin, id: strings.ToLower(q),
		enWords:  strings.Fields(en),
		isPinyin: sync.OnceValue(func() bool { return !han && isPinyin(pinyin) }),
	}
}

// match says how a value of field, folded to key (runes long, of words
// in English), matches the query short of fuzzily, if it does.
func (q exactQuery) match(field, key string, runes int, words []string) (MatchKind, bool) {
	switch field {
	case "zh", "zh_variant":
		switch {
		case key == q.zh:
			return MatchExact, true
		case q.han && strings.Contains(key, q.zh):
			return MatchContains, true
		case q.han && runes >= 2 && strings.Contains(q.zh, key):
			return MatchPart, true
		}
	case "id":
		if key == q.id {
			return MatchExact, true
		}
	case "pinyin":
		switch {
		case key == q.pinyin && q.isPinyin():
			return MatchExact, true
		case len(q.pinyin) >= 4 && strings.Contains(key, q.pinyin) && q.isPinyin():
			return MatchContains, true
		}
	case "en", "form":
		switch {
		case q.han || q.en == "":
		case key == q.en:
			return MatchExact, true
		case containsWords(words, q.enWords, true):
			return MatchContains, true
		case containsWords(q.enWords, words, false):
			return MatchPart, true
		}
	}
	return "", false
}

// queryKeys is a query folded for each script it may be compared in.
type queryKeys struct {
	han            bool
	zh, en, pinyin queryKey
}

// keyFor returns the query key to compare with e by edit distance, or an
// empty one when e is not comparable with this query (English with a
// Chinese query).
func (q queryKeys) keyFor(e *entry) queryKey {
	switch {
	case q.han && (e.field == "zh" || e.field == "zh_variant"):
		return q.zh
	case !q.han && (e.field == "en" || e.field == "form"):
		return q.en
	case !q.han && e.field == "pinyin":
		return q.pinyin
	}
	return queryKey{}
}

// fuzzy considers entries a few edits away from the query: one edit in
// four letters (or three Chinese characters), and none for queries under
// four letters, which match too much by accident. It returns the values
// it compared.
func fuzzy(groups [][]entry, q queryKeys, s *editScratch, consider func(*entry, MatchKind, int)) int {
	work := 0
	for e, q := range q.comparable(groups, &work) {
		allowed := len(q.runes) / 4
		if e.field == "zh" || e.field == "zh_variant" {
			allowed = len(q.runes) / 3
		}
		if allowed == 0 {
			continue
		}
		if d := s.distance(q, e.key, e.runes, true, allowed); d <= allowed {
			consider(e, MatchFuzzy, d)
		}
	}
	return work
}

// comparable yields each entry of groups with the query's key to compare
// it with, leaving out entries the query has no key for, and counts the
// entries looked at in work.
func (q queryKeys) comparable(groups [][]entry, work *int) iter.Seq2[*entry, queryKey] {
	return func(yield func(*entry, queryKey) bool) {
		for _, entries := range groups {
			*work += len(entries)
			for i := range entries {
				e := &entries[i]
				if k := q.keyFor(e); len(k.runes) > 0 && !yield(e, k) {
					return
				}
			}
		}
	}
}

// nearest ranks every concept by how close its nearest value is to the
// whole query, for "did you mean" suggestions. It returns them and the
// values it compared.
func nearest(groups [][]entry, q queryKeys, s *editScratch) ([]Match, int) {
	best := map[*Concept]Match{}
	// closest holds the nearestCount concepts nearest so far. A value
	// further than all of them cannot be suggested, so its distance is
	// computed only up to theirs.
	var closest []Match
	keep := func(m Match) {
		for i := range closest {
			if closest[i].Concept == m.Concept {
				closest[i].Distance = min(closest[i].Distance, m.Distance)
				slices.SortStableFunc(closest, func(a, b Match) int { return a.Distance - b.Distance })
				return
			}
		}
		switch {
		case len(closest) < nearestCount:
			closest = append(closest, m)
		case m.Distance < closest[len(closest)-1].Distance:
			closest[len(closest)-1] = m
		default:
			return
		}
		slices.SortStableFunc(closest, func(a, b Match) int { return a.Distance - b.Distance })
	}
	work := 0
	for e, q := range q.comparable(groups, &work) {
		// A value that would need most of its letters changed is no
		// suggestion: d ≤ 0.6 × the longer length, d an integer.
		limit := int(nearestMaxEdits * float64(max(len(q.runes), e.runes)))
		if len(closest) == nearestCount {
			limit = min(limit, closest[len(closest)-1].Distance)
		}
		d := s.distance(q, e.key, e.runes, false, limit)
		if d > limit {
			continue
		}
		m := Match{Concept: e.c, Kind: MatchNearest, Field: e.field, Text: e.text, Rendering: e.r, Distance: d, order: e.order}
		if prev, ok := best[e.c]; !ok || better(m, prev) {
			best[e.c] = m
		}
		keep(m)
	}
	ms := sortMatches(best)
	if len(ms) > nearestCount {
		ms = ms[:nearestCount]
	}
	return ms, work
}

// better reports whether a is a better match for one concept than b.
func better(a, b Match) bool {
	if kindRank[a.Kind] != kindRank[b.Kind] {
		return kindRank[a.Kind] < kindRank[b.Kind]
	}
	if a.Distance != b.Distance {
		return a.Distance < b.Distance
	}
	return utf8.RuneCountInString(a.Text) < utf8.RuneCountInString(b.Text)
}

func sortMatches(best map[*Concept]Match) []Match {
	ms := make([]Match, 0, len(best))
	for _, m := range best {
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if kindRank[a.Kind] != kindRank[b.Kind] {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		if a.Distance != b.Distance {
			return a.Distance < b.Distance
		}
		// Among containing matches the shortest term is the closest; among
		// parts of the query, the longest.
		if la, lb := utf8.RuneCountInString(a.Text), utf8.RuneCountInString(b.Text); la != lb {
			switch a.Kind {
			case MatchContains, MatchFuzzy, MatchNearest:
				return la < lb
			case MatchPart:
				return la > lb
			}
		}
		return a.order < b.order
	})
	return ms
}

// containsWords reports whether the words run occur in order in words.
// With cutShort the last word of run may be the start of a word: "shared
// futur" is in "community with a shared future".
func containsWords(words, run []string, cutShort bool) bool {
	n := len(run)
	if n == 0 {
		return false
	}
	for i := 0; i+n <= len(words); i++ {
		if !slices.Equal(words[i:i+n-1], run[:n-1]) {
			continue
		}
		last := words[i+n-1]
		if last == run[n-1] || cutShort && strings.HasPrefix(last, run[n-1]) {
			return true
		}
	}
	return false
}
