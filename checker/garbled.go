package checker

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/checker/match"
	"github.com/termlint/termlint/glossary"
)

// In a bilingual file the variant rule sees a source term whose English
// holds most of a rendering but not the rendering. English-only text has
// no source to say which term was meant, but a long rendering garbled
// ("amity, sincerity, benefit and tolerance" for "amity, sincerity,
// mutual benefit and inclusiveness") is worth the same note: most of its
// content words, in order, close together, in a sentence that has no
// rendering of the concept. Free English shares words with renderings
// all the time, so the note is held to more than the bilingual one:
//
//   - a rendering of three content words or more ("opening up" is one),
//     of a term or a name (a phrase, KindPhrase, may be paraphrased), in
//     use (not retired);
//   - the stretch starts and ends as the rendering does (a list may end in
//     another last item), keeps all its content words but one (a list,
//     three fifths), two of them words few renderings have, and holds
//     one other word at most (a garbled word stands in for one, it does
//     not open the phrase up);
//   - the stretch is no rendering of another concept, nor inside one,
//     nor runs into one (a rendering inside it is fine: "Belt and Road
//     Forum on International Cooperation"), nor is in a quotation;
//   - the sentence renders the concept nowhere, strictly or as a
//     reviewer reads it.
//
// It is an info note: without the source, the text may mean something
// else.

// Garbled notes, in English-only text, a garbled form of a long
// rendering.
var Garbled = &Rule{
	Name: "garbled",
	Doc:  "in English-only text, notes a stretch holding most words of a rendering of three words or more, in order, but not the rendering",
	Help: "In English-only text, notes a stretch that starts and ends like a rendering of three content words or more and keeps most of its words, but is not the rendering: often a fixed wording remembered wrong." +
		"\n\n" +
		"To clear the note, compare the stretch with the rendering the message quotes and correct the words that differ.",
	Severity: SeverityInfo,
	Run: func(p *Pass) {
		if p.File.Segments == nil {
			p.garbled()
		}
	},
}

// longRendering is a rendering the garbled rule looks for: its loose
// words and which of them are content words.
type longRendering struct {
	concept   *glossary.Concept
	rendering *glossary.Rendering
	stems     []string
	content   []bool
	contentK  int
	list      bool // a list of words or phrases: "A, B and C"
	// proper are the stems of the capitalised words inside a rendering
	// that starts in lower case ("Chinese" in "fine traditional Chinese
	// culture"): they say whose or which, so a garbled form keeps them;
	// without "Chinese" the phrase is about someone else's culture.
	proper []string
}

// particles are the adverbs of phrasal verbs ("opening up"): part of the
// verb, not a content word of their own.
var particles = map[string]bool{"up": true, "out": true, "down": true, "off": true}

// garbledIndex holds the long renderings of a glossary and, by content
// word, those that have it.
type garbledIndex struct {
	renderings []longRendering
	byStem     map[string][]int
	// concepts counts, by word, the concepts whose renderings have it: a
	// word of few concepts tells renderings apart ("amity", "comrade"),
	// one of many does not ("countries", "central").
	concepts map[string]int
	// starts maps the first four letters (or fewer, of a shorter stem)
	// of the content words of long renderings to the renderings and how
	// many of their content words start so. A stem starts as its word
	// does, so a sentence whose words start as too few content words of
	// every long rendering holds no garbled form, and is not read loosely
	// at all: reading loosely (stemming) costs more than the rest.
	starts map[uint64][]startOf
}

// startKey packs the first letters of a word, four at most, into a map
// key, cheaper to hash than a string.
func startKey(b []byte) uint64 {
	k := uint64(len(b))
	for _, c := range b {
		k = k<<8 | uint64(c)
	}
	return k
}

// startOf is a long rendering with a count of its content words and of
// its distinctive ones.
type startOf struct{ rendering, words, distinct int }

// distinctiveConcepts is how many concepts' renderings a word may be in
// at most to tell one rendering from others; a garbled form keeps two
// such words, so that it is the rendering garbled and not another phrase
// of common words ("work with neighboring countries" is not "work
// related to neighboring countries" garbled).
const distinctiveConcepts = 3

// garbledKey is the key under which the checker's loose cache keeps its
// garbledIndex, made once for the checker.
type garbledKey struct{}

func (c *Checker) garbledIndex() *garbledIndex {
	if v, ok := c.loose.stems.Load(garbledKey{}); ok {
		return v.(*garbledIndex)
	}
	ix := &garbledIndex{byStem: make(map[string][]int), concepts: make(map[string]int)}
	memo := make(map[string]string)  // word -> stem: a large glossary repeats its words
	indexed := make(map[string]bool) // a rendering's words already indexed
	for _, con := range c.g.Concepts {
		var words, borrowed []string
		stems := make([][]string, len(con.Renderings))
		for i, r := range con.Renderings {
			stems[i] = renderingStems(r.EN, memo)
			words = append(words, stems[i]...)
			borrowed = c.borrowedStems(con, r.EN, memo, borrowed)
		}
		slices.Sort(words)
		for _, w := range slices.Compact(words) {
			// A word the concept has only inside another concept's
			// rendering ("amity" in "principle of amity, sincerity, …")
			// is that concept's: compounds do not make it common. Nor
			// do phrases, whose renderings are free English that no
			// garbled form is read against.
			if slices.Contains(borrowed, w) || con.KindOrDefault() == glossary.KindPhrase {
				continue
			}
			ix.concepts[w]++
		}
		if con.KindOrDefault() == glossary.KindPhrase {
			continue
		}
		for i, r := range con.Renderings {
			if retired(r) || isNamePattern(r.EN) {
				continue
			}
			lr := longRendering{concept: con, rendering: r, stems: stems[i], proper: properStems(r.EN, memo)}
			lr.list = strings.Contains(r.EN, ", ") && (strings.Contains(r.EN, " and ") || strings.Contains(r.EN, " or "))
			for _, st := range lr.stems {
				content := !insteadEdgeWords[st] && !particles[st]
				lr.content = append(lr.content, content)
				if content {
					lr.contentK++
				}
			}
			if lr.contentK < minNearMiss {
				continue
			}
			// Each content word once; a set, not a look back over the
			// words before, so that a rendering of many words costs
			// their number, not its square (issue 20, item 6).
			for i, st := range lr.stems {
				if lr.content[i] && !indexed[st] {
					indexed[st] = true
					ix.byStem[st] = append(ix.byStem[st], len(ix.renderings))
				}
			}
			for _, st := range lr.stems {
				delete(indexed, st)
			}
			ix.renderings = append(ix.renderings, lr)
		}
	}
	ix.starts = make(map[uint64][]startOf)
	for r, lr := range ix.renderings {
		for i, st := range lr.stems {
			if !lr.content[i] {
				continue
			}
			start := startKey([]byte(st[:min(4, len(st))]))
			n := len(ix.starts[start])
			if n == 0 || ix.starts[start][n-1].rendering != r {
				ix.starts[start] = append(ix.starts[start], startOf{rendering: r})
				n++
			}
			ix.starts[start][n-1].words++
			if ix.concepts[st] <= distinctiveConcepts {
				ix.starts[start][n-1].distinct++
			}
		}
	}
	v, _ := c.loose.stems.LoadOrStore(garbledKey{}, ix)
	return v.(*garbledIndex)
}

// borrowedStems appends to out the stems of the words of rendering en,
// of concept con, that stand inside the rendering of another concept
// (the matcher finds it there), so that a compound's words are counted
// once, for the concept they come from.
func (c *Checker) borrowedStems(con *glossary.Concept, en string, memo map[string]string, out []string) []string {
	text := []byte(en)
	var walk func(ms []match.Match)
	walk = func(ms []match.Match) {
		for _, m := range ms {
			if !slices.ContainsFunc(m.IDs, func(id int) bool { return c.readings[id].Concept == con }) {
				out = append(out, renderingStems(en[m.Start:m.End], memo)...)
				continue
			}
			walk(m.Nested)
		}
	}
	walk(c.matcher.Find(text))
	return out
}

// garble is a stretch of text that garbles a long rendering: tokens
// [first, last] of its sentence, holding matched words of the rendering,
// kept of them content words.
type garble struct {
	lr            *longRendering
	first, last   int
	matched, kept int
}

// garbled reports the garbled long renderings of an English-only file.
func (p *Pass) garbled() {
	ix := p.Checker.garbledIndex()
	if len(ix.renderings) == 0 {
		return
	}
	text := p.File.Text
	var quotes []span
	quotesRead := false
	occs := p.File.Occurrences
	count := make(map[int]int)    // long rendering -> its content words in the sentence
	seen := make(map[string]bool) // the sentence's words
	var starts []uint64           // the starts of the sentence's words, for mayHold
	for _, sent := range sentencesOf(text) {
		if !ix.mayHold(text[sent.start:sent.end], count, &starts) {
			continue
		}
		tokens := garbleTokens(string(text[sent.start:sent.end]))
		if len(tokens) < minNearMiss {
			continue
		}
		clear(count)
		clear(seen)
		for _, t := range tokens {
			if seen[t.stem] {
				continue
			}
			seen[t.stem] = true
			for _, i := range ix.byStem[t.stem] {
				count[i]++
			}
		}
		var found []garble
		for i, n := range count {
			lr := &ix.renderings[i]
			if n < garbleNeed(lr) {
				continue
			}
			if g, ok := findGarble(lr, tokens); ok && ix.distinctive(g, tokens) {
				found = append(found, g)
			}
		}
		if len(found) == 0 {
			continue
		}
		// the best first: most words, then the tighter, then the earlier
		sort.Slice(found, func(a, b int) bool {
			fa, fb := found[a], found[b]
			if fa.matched != fb.matched {
				return fa.matched > fb.matched
			}
			if fa.last-fa.first != fb.last-fb.first {
				return fa.last-fa.first < fb.last-fb.first
			}
			if fa.lr.rendering.EN != fb.lr.rendering.EN {
				return fa.lr.rendering.EN < fb.lr.rendering.EN
			}
			return fa.lr.concept.ID < fb.lr.concept.ID
		})
		stems := looseWords(string(text[sent.start:sent.end])) // as the loose reading reads the sentence
		// the concepts the sentence renders loosely, of those whose long
		// renderings it shares words with
		var loose []*glossary.Concept
		for i := range count {
			con := ix.renderings[i].concept
			if count[i] >= 2 && !slices.Contains(loose, con) && p.Checker.looselyRendered(con, stems) {
				loose = append(loose, con)
			}
		}
		sentOccs := occurrencesWithin(occs, sent.start, sent.end)
		var taken [][2]int
		for _, g := range found {
			start, end := sent.start+tokens[g.first].start, sent.start+tokens[g.last].end
			if slices.ContainsFunc(taken, func(t [2]int) bool { return t[0] < end && start < t[1] }) {
				continue
			}
			if occurrencesRender(sentOccs, g.lr.concept) || slices.Contains(loose, g.lr.concept) || p.Checker.looselyRendered(g.lr.concept, stems) {
				continue // the sentence has the concept
			}
			if slices.ContainsFunc(loose, func(con *glossary.Concept) bool { return sharesWords(con, g, tokens) }) {
				continue // the words are another concept's, read loosely ("community of shared future for all mankind")
			}
			if slices.ContainsFunc(sentOccs, func(o *Occurrence) bool { return o.Start < end && start < o.End && (o.Start < start || o.End > end) }) {
				continue // the words are, or run into, another concept's rendering
			}
			if !quotesRead {
				quotes, quotesRead = quoteSpans(text), true
			}
			if slices.ContainsFunc(quotes, func(q span) bool { return q.start <= start && end <= q.end }) {
				continue // quoted: a title or someone's words
			}
			taken = append(taken, [2]int{start, end})
			p.reportGarble(g.lr, start, end)
		}
	}
}

// mayHold reports whether the words of sentence start as enough content
// words of some long rendering, and two distinctive ones, for it to hold
// a garbled form (see starts). count and seen are scratch maps, cleared
// here.
func (ix *garbledIndex) mayHold(sentence []byte, count map[int]int, seen *[]uint64) bool {
	clear(count)
	*seen = (*seen)[:0]
	var buf [4]byte
	for i := 0; i < len(sentence); {
		if !isASCIILetter(sentence[i]) {
			i++
			continue
		}
		j := i
		for j < len(sentence) && isASCIILetter(sentence[j]) {
			j++
		}
		n := min(4, j-i)
		for k := range n {
			buf[k] = sentence[i+k] | 0x20 // lower case
		}
		for m := n; m >= 1; m-- {
			key := startKey(buf[:m])
			rs, ok := ix.starts[key]
			if !ok || slices.Contains(*seen, key) {
				continue
			}
			*seen = append(*seen, key)
			for _, r := range rs {
				// content words in the low bits, distinctive ones above
				count[r.rendering] += r.words + r.distinct<<16
				if c := count[r.rendering]; c&0xffff >= garbleNeed(&ix.renderings[r.rendering]) && c>>16 >= 2 {
					return true
				}
			}
		}
		i = j
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// distinctive reports whether g keeps two words of its rendering that
// tell it from others (see distinctiveConcepts).
func (ix *garbledIndex) distinctive(g garble, tokens []looseToken) bool {
	var kept []string
	for _, t := range tokens[g.first : g.last+1] {
		if slices.Contains(g.lr.stems, t.stem) && ix.concepts[t.stem] <= distinctiveConcepts && !slices.Contains(kept, t.stem) {
			kept = append(kept, t.stem)
		}
	}
	return len(kept) >= 2
}

// garbleNeed is how many content words of a long rendering a garbled
// form keeps: all but one, and three at least. Free English shares
// generic words with renderings ("China signed free trade agreements",
// "China-Japan-ROK free trade agreement"; "Publicity Department of the
// Provincial Party Committee"): the words a garbled form loses are what
// tells one rendering from another. A list ("amity, sincerity, mutual
// benefit and inclusiveness") is garbled an item at a time, and keeps
// three fifths of its words.
func garbleNeed(lr *longRendering) int {
	if lr.list {
		return max(minNearMiss, (3*lr.contentK+4)/5)
	}
	return max(minNearMiss, lr.contentK-1)
}

// findGarble finds the best garbled form of lr in tokens (see the rule's
// conditions), or false.
func findGarble(lr *longRendering, tokens []looseToken) (garble, bool) {
	var best garble
	found := false
	k := len(lr.stems)
	need := garbleNeed(lr)
	firstContent := slices.Index(lr.content, true)
	lastContent := k - 1
	for !lr.content[lastContent] {
		lastContent--
	}
	for i, t := range tokens {
		if t.stem != lr.stems[firstContent] {
			continue // a garbled rendering starts as the rendering does
		}
		g := garble{lr: lr, first: i, last: i, matched: 1, kept: 1}
		all, next, extra, lastAny, lastPos := 1, firstContent+1, 0, i, firstContent
		for j := i + 1; j < len(tokens) && next < k && extra <= k-all; j++ {
			at := slices.Index(lr.stems[next:], tokens[j].stem)
			if at < 0 {
				extra++
				continue
			}
			next += at + 1
			all, lastAny = all+1, j
			if lr.content[next-1] {
				g.kept++
				g.last, g.matched, lastPos = j, all, next-1
			}
		}
		switch {
		case lastPos == lastContent:
			// it ends as the rendering does
		case next == k-1 && lastContent == k-1 && lastAny > g.last && lastAny+1 < len(tokens) && (lr.stems[k-2] == "and" || lr.stems[k-2] == "or"):
			// the last item of a list said otherwise: "benefit and
			// tolerance" for "mutual benefit and inclusiveness"
			g.last, g.matched = lastAny+1, all
		default:
			continue
		}
		inside := g.last - g.first + 1 - g.matched
		if g.kept < need || all >= k || inside > min(1, k-g.matched) {
			continue
		}
		if inside == 0 && g.matched == lastPos-firstContent+1 {
			continue // the start of the rendering word for word: a shorter phrase, not a garbled one
		}
		if !keepsProper(lr, tokens[g.first:g.last+1]) {
			continue
		}
		if !found || g.matched > best.matched || g.matched == best.matched && g.last-g.first < best.last-best.first {
			best, found = g, true
		}
	}
	return best, found
}

// properStems returns the stems of the capitalised words of en after
// its first, when en starts in lower case (longRendering.proper).
func properStems(en string, memo map[string]string) []string {
	first, _ := utf8.DecodeRuneInString(en)
	if !unicode.IsLower(first) {
		return nil // a name: every word is capitalised
	}
	var out []string
	for _, f := range strings.FieldsFunc(en, func(r rune) bool { return !isWordRune(r) }) {
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			out = append(out, renderingStems(f, memo)...)
		}
	}
	return out
}

// keepsProper reports whether the stretch holds every proper word of lr.
func keepsProper(lr *longRendering, stretch []looseToken) bool {
	for _, st := range lr.proper {
		if !slices.ContainsFunc(stretch, func(t looseToken) bool { return t.stem == st }) {
			return false
		}
	}
	return true
}

// occurrencesRender reports whether one of occs renders concept con, or has a
// rendering of it inside.
func occurrencesRender(occs []*Occurrence, con *glossary.Concept) bool {
	for _, o := range occs {
		if slices.ContainsFunc(o.Readings, func(r Reading) bool { return r.Concept == con }) || occurrencesRender(o.Nested, con) {
			return true
		}
	}
	return false
}

// occurrencesWithin returns the occurrences, in file order, that overlap
// [start, end).
func occurrencesWithin(occs []*Occurrence, start, end int) []*Occurrence {
	i := sort.Search(len(occs), func(i int) bool { return occs[i].End > start })
	j := i
	for j < len(occs) && occs[j].Start < end {
		j++
	}
	return occs[i:j]
}

// reportGarble records a garbled note at text[start:end] of the file.
func (p *Pass) reportGarble(lr *longRendering, start, end int) {
	written := string(p.File.Text[start:end])
	msg := fmt.Sprintf("%q looks like a garbled %q (%s)", written, lr.rendering.EN, lr.concept.ZH)
	fd := Finding{Concept: lr.concept.ID, ZH: lr.concept.ZH, Rendering: lr.rendering.EN, Message: msg, Suggestions: []string{lr.rendering.EN}}
	p.digest.found = append(p.digest.found, p.place(fd, p.File.Path, p.File.lines, p.File.Text, start, end))
}

// sentencesOf splits text into sentences: at a full stop, question or
// exclamation mark or semicolon followed by a space or line break, and at
// a blank line. A stretch never runs from one sentence into the next.
func sentencesOf(text []byte) []span {
	var out []span
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		switch {
		case (c == '.' || c == '?' || c == '!' || c == ';') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r'):
			end = i + 1
		case c == '\n' && i+1 < len(text) && (text[i+1] == '\n' || text[i+1] == '\r'):
			end = i
		}
		if end >= 0 {
			if end > start {
				out = append(out, span{start, end})
			}
			start = end
		}
	}
	if start < len(text) {
		out = append(out, span{start, len(text)})
	}
	return out
}

// garbleTokens are the words of text read loosely (looseTokens), with
// "Communist Party of China" and "Communist Party" read as "CPC", as the
// loose reading reads "Communist Party of China (CPC)": the abbreviation
// for the name is no garbling.
func garbleTokens(text string) []looseToken {
	tokens := looseTokens(text)
	out := tokens[:0]
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if t.stem == "communist" && i+1 < len(tokens) && tokens[i+1].stem == "parti" {
			t.stem, t.end = "cpc", tokens[i+1].end
			i++
			if i+1 < len(tokens) && tokens[i+1].stem == "china" {
				t.end = tokens[i+1].end
				i++
			}
		}
		out = append(out, t)
	}
	return out
}

// garbleWords are the stems of garbleTokens.
func garbleWords(text string) []string { return stemsOf(garbleTokens(text)) }

// sharesWords reports whether a long rendering of con has two of the
// words g keeps.
func sharesWords(con *glossary.Concept, g garble, tokens []looseToken) bool {
	for _, r := range con.Renderings {
		n := 0
		stems := garbleWords(r.EN)
		for _, t := range tokens[g.first : g.last+1] {
			if slices.Contains(g.lr.stems, t.stem) && slices.Contains(stems, t.stem) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// renderingStems are garbleWords of a rendering, the stems looked up in
// memo first and kept there: with 100,000 concepts, stemming each word of
// each rendering anew is most of the index's making. A rendering with a
// bracket, where the loose reading may read an abbreviation, is read as
// any text is.
func renderingStems(en string, memo map[string]string) []string {
	if strings.ContainsAny(en, "()") {
		return garbleWords(en)
	}
	var out []string
	for _, f := range strings.FieldsFunc(en, func(r rune) bool { return !isWordRune(r) }) {
		w, ok := memo[f]
		if !ok {
			if ws := looseWords(f); len(ws) == 1 {
				w = ws[0]
			}
			memo[f] = w
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return collapseCPC(out)
}

// collapseCPC reads "communist parti (china)" in stems as "cpc", as
// garbleTokens does.
func collapseCPC(stems []string) []string {
	out := stems[:0]
	for i := 0; i < len(stems); i++ {
		if stems[i] == "communist" && i+1 < len(stems) && stems[i+1] == "parti" {
			out = append(out, "cpc")
			i++
			if i+1 < len(stems) && stems[i+1] == "china" {
				i++
			}
			continue
		}
		out = append(out, stems[i])
	}
	return out
}
