package glossary

// The lookup as it was before its search was bounded (full edit distance
// tables against every value), kept to check that the bounded one finds
// exactly the same matches.

import (
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm"
)

// ReferenceLookup returns a function that looks queries up in g the
// unbounded way.
func ReferenceLookup(g *Glossary) func(query string) Result {
	return newRefIndex(g).Lookup
}

// ReferenceLookupWork is ReferenceLookup, and also returns the values it
// compared plus the edit distance cells it computed, as LookupWork does.
func ReferenceLookupWork(g *Glossary, query string) (Result, int) {
	idx := newRefIndex(g)
	refCells = len(idx.entries)
	res := idx.Lookup(query)
	if len(res.Matches) == 0 {
		// The first pass, the fuzzy one and the nearest one each compared
		// every value.
		refCells += 2 * len(idx.entries)
	}
	return res, refCells
}

// refCells counts the cells refEditDistance computes.
var refCells int

// LookupWork looks query up in idx and returns the values it compared
// plus the edit distance cells it computed.
func LookupWork(idx *Index, query string) (Result, int) {
	return idx.lookup(query)
}

// refIndex finds concepts by Chinese, English, pinyin, id or approximate text.
type refIndex struct {
	entries []refEntry
}

// entry is one searchable value of a concept.
type refEntry struct {
	c     *Concept
	r     *Rendering
	field string
	text  string
	key   string   // folded for the field's script
	words []string // key's words, for English
	order int      // the concept's place in the glossary
}

// newRefIndex indexes every concept of g.
func newRefIndex(g *Glossary) *refIndex {
	idx := &refIndex{}
	for i, c := range g.Concepts {
		add := func(field, text, key string, r *Rendering) {
			if key == "" {
				return
			}
			e := refEntry{c: c, r: r, field: field, text: text, key: key, order: i}
			if r != nil {
				e.words = strings.Fields(key)
			}
			idx.entries = append(idx.entries, e)
		}
		add("zh", c.ZH, textnorm.Chinese(c.ZH), nil)
		for _, v := range c.ZHVariants {
			add("zh_variant", v, textnorm.Chinese(v), nil)
		}
		add("id", c.ID, c.ID, nil)
		add("pinyin", c.Pinyin, textnorm.Pinyin(c.Pinyin), nil)
		for _, r := range c.Renderings {
			add("en", r.EN, textnorm.Key(r.EN), r)
			for _, f := range r.Forms {
				add("form", f, textnorm.Key(f), r)
			}
		}
	}
	return idx
}

// Lookup finds the concepts a query names. See MatchKind for what matches.
func (idx *refIndex) Lookup(query string) Result {
	res := Result{Query: query}
	q := strings.TrimSpace(query)
	if q == "" {
		return res
	}
	best := map[*Concept]Match{}
	consider := func(e refEntry, kind MatchKind, dist int) {
		m := Match{Concept: e.c, Kind: kind, Field: e.field, Text: e.text, Rendering: e.r, Distance: dist, order: e.order}
		if prev, ok := best[e.c]; ok && !better(m, prev) {
			return
		}
		best[e.c] = m
	}

	// The exact, containing and part matches are the index's own: the
	// reference is the fuzzy search it replaced.
	exact := newExactQuery(q)
	for _, e := range idx.entries {
		if kind, ok := exact.match(e.field, e.key, utf8.RuneCountInString(e.key), e.words); ok {
			consider(e, kind, 0)
		}
	}
	keys := refQueryKeys{han: exact.han, zh: exact.zh, en: exact.en, pinyin: exact.pinyin}
	if len(best) == 0 {
		idx.fuzzy(keys, consider)
	}
	res.Matches = sortMatches(best)
	if len(res.Matches) == 0 {
		res.Nearest = idx.nearest(keys)
	}
	return res
}

// queryKeys is a query folded for each script it may be compared in.
type refQueryKeys struct {
	han            bool
	zh, en, pinyin string
}

// keyFor returns the query key to compare with e by edit distance, or ""
// when e is not comparable with this query (English with a Chinese query).
func (q refQueryKeys) keyFor(e refEntry) string {
	switch {
	case q.han && (e.field == "zh" || e.field == "zh_variant"):
		return q.zh
	case !q.han && (e.field == "en" || e.field == "form"):
		return q.en
	case !q.han && e.field == "pinyin":
		return q.pinyin
	}
	return ""
}

// fuzzy considers entries a few edits away from the query: one edit in
// four letters (or three Chinese characters), and none for queries under
// four letters, which match too much by accident.
func (idx *refIndex) fuzzy(q refQueryKeys, consider func(refEntry, MatchKind, int)) {
	for _, e := range idx.entries {
		q := q.keyFor(e)
		if q == "" {
			continue
		}
		n := utf8.RuneCountInString(q)
		allowed := n / 4
		if e.field == "zh" || e.field == "zh_variant" {
			allowed = n / 3
		}
		if allowed == 0 {
			continue
		}
		if d := refSubstringDistance(q, e.key); d <= allowed {
			consider(e, MatchFuzzy, d)
		}
	}
}

// nearest ranks every concept by how close its nearest value is to the
// whole query, for "did you mean" suggestions.
func (idx *refIndex) nearest(q refQueryKeys) []Match {
	best := map[*Concept]Match{}
	for _, e := range idx.entries {
		q := q.keyFor(e)
		if q == "" {
			continue
		}
		d := refLevenshtein(q, e.key)
		// A value that would need most of its letters changed is no
		// suggestion.
		if float64(d) > nearestMaxEdits*float64(max(utf8.RuneCountInString(q), utf8.RuneCountInString(e.key))) {
			continue
		}
		m := Match{Concept: e.c, Kind: MatchNearest, Field: e.field, Text: e.text, Rendering: e.r, Distance: d, order: e.order}
		if prev, ok := best[e.c]; !ok || better(m, prev) {
			best[e.c] = m
		}
	}
	ms := sortMatches(best)
	if len(ms) > nearestCount {
		ms = ms[:nearestCount]
	}
	return ms
}

// refLevenshtein is the edit distance between a and b, counted in runes.
func refLevenshtein(a, b string) int {
	return refEditDistance([]rune(a), []rune(b), false)
}

// refSubstringDistance is the fewest edits that turn query into some substring
// of text: "shared futur" is 0 from "community with a shared future".
func refSubstringDistance(query, text string) int {
	return refEditDistance([]rune(query), []rune(text), true)
}

// refEditDistance aligns a against b. With free set, skipping a prefix and a
// suffix of b costs nothing.
func refEditDistance(a, b []rune, free bool) int {
	// Rows i-2, i-1 and i of the alignment table.
	before := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		if !free {
			prev[j] = j
		}
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		refCells += len(b)
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	if !free {
		return prev[len(b)]
	}
	best := prev[0]
	for _, d := range prev {
		best = min(best, d)
	}
	return best
}

// PinyinKey is the pinyin key the index folds s to.
func PinyinKey(s string) string { return string(appendPinyinKey(nil, s)) }
