package checker

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/checker/match"
	"github.com/termlint/termlint/glossary"
)

// Scope is how far the inconsistent rule looks for other renderings of a
// concept.
type Scope string

// The scopes: each file on its own, or every file of the run together.
const (
	ScopeFile Scope = "file"
	ScopeAll  Scope = "all"
)

// Options configure a run.
type Options struct {
	// Style is the house style whose preferred renderings the
	// non-preferred rule enforces; "" checks no style.
	Style string
	// Scope is ScopeFile unless set.
	Scope Scope
	// Rules are the rules to run; nil runs Rules.
	Rules []*Rule
}

// Checker is a glossary compiled for matching. It is immutable and safe for
// concurrent use.
type Checker struct {
	g        *glossary.Glossary
	matcher  *match.Matcher
	readings []Reading // by pattern ID
	// chinese finds the concepts' Chinese terms and variants; the
	// pattern IDs index g.Concepts.
	chinese *match.ChineseMatcher
	// family maps a concept to the root of the family it belongs to, by
	// its family field or by naming the root among its parts.
	family map[*glossary.Concept]*glossary.Concept
	// parts maps a compound to its parts' concepts, resolved once: the
	// missing rule asks for them for every term of every segment.
	parts map[*glossary.Concept][]*glossary.Concept
	// usable counts each concept's renderings that are neither deprecated
	// nor superseded: a concept with one cannot be rendered
	// inconsistently.
	usable map[*glossary.Concept]int
	// styles are each rendering's styles, sorted and joined with commas,
	// as a familyReading holds them.
	styles map[*glossary.Rendering]string
	// evidence are the renderings whose use says which style a text
	// follows: those of concepts with a choice of renderings. A name with
	// one rendering ("Political Bureau of the CPC Central Committee") is
	// written so in every style and says nothing.
	evidence map[*glossary.Rendering]bool
	// official is the date of each rendering's latest use by an official
	// source, for ranking renderings (authority).
	official map[*glossary.Rendering]string
	// contexts are the compiled Context of the renderings that have one.
	contexts map[*glossary.Rendering]*compiledContext
	// loose caches the loose readings of renderings the missing rule
	// asked about (looselyRendered).
	loose looseIndex
	// hasExcept is set when some concept lists zh_except words, which
	// findChinese drops.
	hasExcept bool
	// hasContext is set when some concept lists zh_context words, outside
	// whose sentences findChinese drops its term.
	hasContext bool
	// generic are the concepts some of whose preferred renderings need a
	// context to count: ordinary words in English, and so in Chinese
	// (周边). A concept whose admitted variant alone needs one (互联互通's
	// "interconnection") is a term like any.
	generic map[*glossary.Concept]bool
	// names are the renderings written as name patterns, which the
	// matcher does not take.
	names *names
}

// Reading is one way an English phrase can be read: as a rendering of a
// concept.
type Reading struct {
	Concept   *glossary.Concept
	Rendering *glossary.Rendering
}

// New compiles every rendering and form of g into one matcher.
func New(g *glossary.Glossary) *Checker {
	c := &Checker{g: g}
	// The Chinese matcher, the family links and the renderings' usable
	// counts and style keys are made on another core while the English
	// matcher compiles: with 100,000 concepts, each takes a good part of
	// the time New does.
	var wg sync.WaitGroup
	wg.Go(func() {
		c.chinese = compileChinese(g)
		c.family, c.parts = links(g)
		c.usable, c.styles = renderingKeys(g)
		c.evidence = styleEvidence(g, c.usable)
		c.official = officialDates(g)
	})
	n := 0
	for _, con := range g.Concepts {
		for _, r := range con.Renderings {
			n += 1 + len(r.Forms)
		}
	}
	patterns := make([]match.Pattern, 0, n)
	c.readings = make([]Reading, 0, n)
	add := func(con *glossary.Concept, r *glossary.Rendering, text string) {
		patterns = append(patterns, match.Pattern{Text: text, ID: len(c.readings)})
		c.readings = append(c.readings, Reading{con, r})
	}
	var namePatterns []Reading
	c.contexts = make(map[*glossary.Rendering]*compiledContext)
	c.hasExcept = slices.ContainsFunc(g.Concepts, func(con *glossary.Concept) bool { return len(con.ZHExcept) > 0 })
	c.hasContext = slices.ContainsFunc(g.Concepts, func(con *glossary.Concept) bool { return len(con.ZHContext) > 0 })
	c.generic = make(map[*glossary.Concept]bool)
	for _, con := range g.Concepts {
		for _, r := range con.Renderings {
			if cc := compileContext(r.Context); cc != nil {
				c.contexts[r] = cc
				c.generic[con] = c.generic[con] || len(cc.require) > 0 && r.Status == glossary.Preferred
			}
			if isNamePattern(r.EN) {
				namePatterns = append(namePatterns, Reading{con, r})
				continue
			}
			add(con, r, r.EN)
			for _, form := range r.Forms {
				add(con, r, form)
			}
		}
	}
	c.names = compileNames(namePatterns)
	c.matcher = match.Compile(patterns)
	wg.Wait()
	return c
}

// renderingKeys counts each concept's renderings that are not retired, and
// keys each rendering with styles by them, sorted and joined.
func renderingKeys(g *glossary.Glossary) (usable map[*glossary.Concept]int, styles map[*glossary.Rendering]string) {
	usable, styles = make(map[*glossary.Concept]int), make(map[*glossary.Rendering]string)
	for _, con := range g.Concepts {
		for _, r := range con.Renderings {
			if !retired(r) {
				usable[con]++
			}
			if all := r.AllStyles(); len(all) > 0 {
				styles[r] = strings.Join(slices.Sorted(slices.Values(all)), ",")
			}
		}
	}
	return usable, styles
}

// styleEvidence finds the renderings whose use says which style a text
// follows (Checker.evidence).
func styleEvidence(g *glossary.Glossary, usable map[*glossary.Concept]int) map[*glossary.Rendering]bool {
	evidence := make(map[*glossary.Rendering]bool)
	for _, con := range g.Concepts {
		if usable[con] < 2 {
			continue
		}
		for _, r := range con.Renderings {
			evidence[r] = true
		}
	}
	return evidence
}

// officialDates finds the date of each rendering's latest use by an
// official source: a seen entry's date, else its source's.
func officialDates(g *glossary.Glossary) map[*glossary.Rendering]string {
	kinds := make(map[string]*glossary.Source, len(g.Sources))
	for _, src := range g.Sources {
		if src.Kind == "official" {
			kinds[src.ID] = src
		}
	}
	dates := make(map[*glossary.Rendering]string)
	for _, con := range g.Concepts {
		for _, r := range con.Renderings {
			for _, seen := range r.Seen {
				src := kinds[seen.Source]
				if src == nil {
					continue
				}
				date := seen.Date
				if date == "" {
					date = src.Date
				}
				dates[r] = max(dates[r], date)
			}
		}
	}
	return dates
}

// compileChinese compiles the concepts' Chinese terms and variants; the
// pattern IDs index g.Concepts.
func compileChinese(g *glossary.Glossary) *match.ChineseMatcher {
	n := 0
	for _, con := range g.Concepts {
		n += 1 + len(con.ZHVariants) + len(con.ZHExcept)
	}
	terms := make([]match.Pattern, 0, n)
	for i, con := range g.Concepts {
		terms = append(terms, match.Pattern{Text: con.ZH, ID: i})
		for _, zh := range con.ZHVariants {
			terms = append(terms, match.Pattern{Text: zh, ID: i})
		}
	}
	// The words a concept lists in zh_except are matched too, with IDs
	// past the concepts', so that leftmost-longest they take the place of
	// the term inside them; findChinese then drops them.
	for _, con := range g.Concepts {
		for _, zh := range con.ZHExcept {
			terms = append(terms, match.Pattern{Text: zh, ID: len(g.Concepts)})
		}
	}
	return match.CompileChinese(terms)
}

// findChinese finds the glossary's Chinese terms in text, leaving out the
// words concepts list in zh_except (城市周边 is no 周边) and what is
// inside them, and the terms of concepts whose zh_context words their
// sentence lacks.
func (c *Checker) findChinese(text []byte) []match.Match {
	ms := c.chinese.Find(text)
	if c.hasExcept {
		ms = c.dropExcept(ms)
	}
	if c.hasContext {
		ms = c.dropOutOfContext(text, ms)
	}
	return ms
}

// chineseSentenceEnds end a Chinese sentence for zh_context. Not line
// breaks: text taken from a PDF breaks lines inside sentences and words.
const chineseSentenceEnds = "。！？!?"

// dropOutOfContext leaves out of ms, in text, the readings of concepts
// with zh_context words none of which the match's sentence holds, and
// the matches no reading is left to. Matches come in order, so each
// sentence is found, and searched for a concept's words, once.
func (c *Checker) dropOutOfContext(text []byte, ms []match.Match) []match.Match {
	sentStart, sentEnd := 0, -1
	var inContext map[*glossary.Concept]bool
	keep := func(m *match.Match) bool {
		if m.Start >= sentEnd {
			sentStart = max(sentEnd, 0)
			if i := lastIndexAny(text[sentStart:m.Start], chineseSentenceEnds); i >= 0 {
				sentStart += i
			}
			sentEnd = len(text)
			if i := bytes.IndexAny(text[m.End:], chineseSentenceEnds); i >= 0 {
				sentEnd = m.End + i
			}
			clear(inContext)
		}
		out := func(id int) bool {
			con := c.g.Concepts[id]
			if len(con.ZHContext) == 0 {
				return false
			}
			if inContext == nil {
				inContext = make(map[*glossary.Concept]bool)
			}
			ok, seen := inContext[con]
			if !seen {
				sentence := text[sentStart:sentEnd]
				ok = slices.ContainsFunc(con.ZHContext, func(w string) bool { return bytes.Contains(sentence, []byte(w)) })
				inContext[con] = ok
			}
			return !ok
		}
		if slices.ContainsFunc(m.IDs, out) {
			// The IDs are the matcher's own: copied before they change.
			m.IDs = slices.DeleteFunc(slices.Clone(m.IDs), out)
		}
		return len(m.IDs) > 0
	}
	var filter func(ms []match.Match) []match.Match
	filter = func(ms []match.Match) []match.Match {
		out := ms[:0] // in place, as dropExcept
		for _, m := range ms {
			if keep(&m) {
				m.Nested, m.Overlaps = filter(m.Nested), filter(m.Overlaps)
				out = append(out, m)
			}
		}
		return out
	}
	return filter(ms)
}

// lastIndexAny is bytes.LastIndexAny returning the index just past the
// character found, where the sentence after it starts.
func lastIndexAny(b []byte, chars string) int {
	i := bytes.LastIndexAny(b, chars)
	if i < 0 {
		return -1
	}
	_, size := utf8.DecodeRune(b[i:])
	return i + size
}

// dropExcept leaves out of ms the matches that are only zh_except words,
// with what is inside them, and drops such words from the IDs, nested
// matches and overlaps of the others.
func (c *Checker) dropExcept(ms []match.Match) []match.Match {
	except := func(id int) bool { return id >= len(c.g.Concepts) }
	out := ms[:0] // in place: Find made ms for this call alone
	for _, m := range ms {
		if !slices.ContainsFunc(m.IDs, func(id int) bool { return !except(id) }) {
			continue
		}
		if slices.ContainsFunc(m.IDs, except) {
			m.IDs = slices.DeleteFunc(slices.Clone(m.IDs), except)
		}
		m.Nested, m.Overlaps = c.dropExcept(m.Nested), c.dropExcept(m.Overlaps)
		out = append(out, m)
	}
	return out
}

// links maps each concept to the root of the family it belongs to, by its
// family field or by naming the root among its parts, and each compound
// to its parts' concepts.
func links(g *glossary.Glossary) (family map[*glossary.Concept]*glossary.Concept, parts map[*glossary.Concept][]*glossary.Concept) {
	family, parts = make(map[*glossary.Concept]*glossary.Concept), make(map[*glossary.Concept][]*glossary.Concept)
	// Ids are resolved through a map: the glossary's lookup by id is a
	// search, and a glossary may hold 100,000 concepts. Only the ids
	// named as a family or a part go in it, usually a few.
	byID := make(map[string]*glossary.Concept)
	roots := make(map[string]bool)
	for _, con := range g.Concepts {
		if con.Family != "" {
			roots[con.Family] = true
			byID[con.Family] = nil
		}
		for _, part := range con.Parts {
			byID[part] = nil
		}
	}
	if len(byID) == 0 {
		return family, parts
	}
	for _, con := range g.Concepts {
		if _, named := byID[con.ID]; named {
			byID[con.ID] = con
		}
	}
	for _, con := range g.Concepts {
		switch {
		case roots[con.ID]:
			family[con] = con
		case con.Family != "":
			family[con] = byID[con.Family]
		}
		for _, part := range con.Parts {
			if roots[part] && family[con] == nil {
				family[con] = byID[part]
			}
			// An unknown part (nil) is never rendered; validation
			// reports it.
			parts[con] = append(parts[con], byID[part])
		}
	}
	return family, parts
}

// Glossary returns the glossary the checker was compiled from.
func (c *Checker) Glossary() *glossary.Glossary { return c.g }

// File is a read document with the glossary renderings and terms found
// in it.
type File struct {
	*input.Document
	// Occurrences are the English renderings found, in file order: in a
	// bilingual file, those in its segments' English.
	Occurrences []*Occurrence
	// Terms are the Chinese terms of a bilingual file's segments, in
	// order (in ChineseText when that is set); nil for an English-only
	// file, whose Chinese no rule reads (Brief finds it when asked).
	Terms []*Term
	// Segments are a bilingual file's segments with what was found in
	// each; nil for an English-only file.
	Segments []*Segment
	lines    *match.Lines
	// chineseLines numbers the lines of the Chinese side's file.
	chineseLines *match.Lines
}

// Occurrence is one glossary phrase found in a file: the leftmost-longest
// one at its place, with the shorter phrases inside it.
type Occurrence struct {
	Start, End int
	// Readings has one entry per concept the phrase renders: more than one
	// when concepts share the English (shared: true in the glossary). It
	// may share its array with the checker and other occurrences: replace
	// it, never write into it.
	Readings []Reading
	Nested   []*Occurrence
	// Segment is the segment of a bilingual file the occurrence is in,
	// or nil.
	Segment *Segment
	// Quoted marks an occurrence inside quoted speech (a quotation of a
	// sentence or more, a block quote): a translator's rendering still,
	// so it is reported, but the speaker's words neither vote nor get a
	// fix.
	Quoted bool
	// Cited marks an occurrence that names a text or a term rather than
	// using it: inside a quoted or italic title, a reference list, or a
	// quotation that holds the phrase and little else (a mention of the
	// wording). The English-only rules leave it alone.
	Cited bool
	// Unaligned marks an occurrence in a bilingual file whose segment's
	// Chinese has none of the concepts it may render: it is checked for
	// deprecated and non-preferred wording but is no evidence of how a
	// source term was rendered.
	Unaligned bool
}

// Reading returns the occurrence's one reading, or false when the English
// is shared by several concepts and so cannot tell them apart.
func (o *Occurrence) Reading() (Reading, bool) {
	if len(o.Readings) != 1 {
		return Reading{}, false
	}
	return o.Readings[0], true
}

// Scan finds the glossary's renderings in doc, and in a bilingual
// document its Chinese terms, segment by segment; otherwise it scans the
// masked text (code, URLs and markup are zero bytes there) or, if there
// is none, the text.
func (c *Checker) Scan(doc *input.Document) *File {
	f := &File{Document: doc, lines: match.NewLines(doc.Text)}
	f.chineseLines = f.lines
	if doc.Bilingual() {
		if _, text := doc.ChineseSource(); doc.ChineseText != nil {
			f.chineseLines = match.NewLines(text)
		}
		c.scanSegments(f)
		return f
	}
	text := f.checkable()
	for _, m := range c.matcher.Find(text) {
		if o := c.inContext(text, c.occurrence(m)); o != nil {
			f.Occurrences = append(f.Occurrences, o)
		}
	}
	f.Occurrences = c.names.shadow(text, f.Occurrences)
	markQuoted(text, f.Occurrences, quoteSpans(text))
	markBlocks(f.Occurrences, spansOf(doc.Quoted), spansOf(doc.References))
	markTitles(f.Text, f.Occurrences, spansOf(doc.Titles))
	return f
}

// markTitles marks cited the occurrences inside italic titles that hold
// more than the phrase: "*Building a Community of Common Destiny with Our
// Periphery*" is an author's title, while "*One Belt, One Road*" is the
// phrase stressed, and the writer's own.
func markTitles(text []byte, occs []*Occurrence, titles []span) {
	slices.SortFunc(titles, func(a, b span) int { return a.start - b.start })
	// Both are in text order and titles do not overlap: one walk.
	i := 0
	for _, o := range occs {
		for i < len(titles) && titles[i].end < o.End {
			i++
		}
		if i == len(titles) {
			return
		}
		if t := titles[i]; o.Start >= t.start && o.End <= t.end {
			extra := len(bytes.Fields(text[t.start:o.Start])) + len(bytes.Fields(text[o.End:t.end]))
			o.Cited = o.Cited || extra >= 2
		}
	}
}

// markBlocks marks quoted the occurrences inside block quotes and cited
// those inside reference lists, as the reader found them (sorted, not
// overlapping).
func markBlocks(occs []*Occurrence, blockQuotes, references []span) {
	for _, o := range occs {
		o.Quoted = o.Quoted || within(blockQuotes, o.Start, o.End)
		o.Cited = o.Cited || within(references, o.Start, o.End)
	}
}

// markQuoted marks the occurrences inside quotation marks (spans, in
// text): cited where the quotation is a title or holds its phrases and at
// most one other word (a mention of the wording: “two major matters”,
// “periphery diplomacy work (周边外交工作)”, “community of common destiny
// / community with a shared future”), quoted where it is speech.
func markQuoted(text []byte, occs []*Occurrence, spans []span) {
	if len(spans) == 0 {
		return
	}
	// The occurrences are in text order, so those of one quotation are
	// neighbours: take them a quotation at a time.
	for i := 0; i < len(occs); {
		k := sort.Search(len(spans), func(k int) bool { return spans[k].end >= occs[i].End })
		if k == len(spans) || spans[k].start > occs[i].Start {
			i++
			continue
		}
		q, j := spans[k], i
		for j < len(occs) && occs[j].Start >= q.start && occs[j].End <= q.end {
			j++
		}
		other, at := 0, q.start
		for _, o := range occs[i:j] {
			other += otherWords(text[at:o.Start])
			at = o.End
		}
		other += otherWords(text[at:q.end])
		cited := other <= 1 || input.TitleLike(text[q.start:q.end])
		for _, o := range occs[i:j] {
			o.Cited, o.Quoted = o.Cited || cited, o.Quoted || !cited
		}
		i = max(j, i+1)
	}
}

// otherWords counts the English words of text but articles: what a
// quotation holds besides the phrase (Chinese in brackets is a gloss).
func otherWords(text []byte) int {
	n := 0
	for _, w := range bytes.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) || unicode.Is(unicode.Han, r) }) {
		if s := strings.ToLower(string(w)); s != "a" && s != "an" && s != "the" {
			n++
		}
	}
	return n
}

// inContext returns o with the readings whose renderings' context allows
// them where o stands in an English-only text, or nil when none does.
func (c *Checker) inContext(text []byte, o *Occurrence) *Occurrence {
	if len(c.contexts) == 0 {
		return o
	}
	fits := func(r Reading) bool {
		cc := c.contexts[r.Rendering]
		return cc == nil || cc.fits(text, o.Start, o.End)
	}
	if !slices.ContainsFunc(o.Readings, func(r Reading) bool { return !fits(r) }) {
		return o
	}
	o.Readings = slices.DeleteFunc(slices.Clone(o.Readings), func(r Reading) bool { return !fits(r) })
	if len(o.Readings) == 0 {
		return nil
	}
	return o
}

// spansOf turns a reader's spans into the checker's.
func spansOf(in []input.Range) []span {
	out := make([]span, len(in))
	for i, r := range in {
		out[i] = span{r.Start, r.End}
	}
	return out
}

// checkable is the text of a file to match and to read context in: the
// masked text (markup, code and a format's syntax, such as a PO file's
// quotes, hidden as zero bytes), or the text when there is none.
func (f *File) checkable() []byte {
	if f.Masked == nil {
		return f.Text
	}
	return f.Masked
}

func (c *Checker) occurrence(m match.Match) *Occurrence {
	o := &Occurrence{Start: m.Start, End: m.End}
	if len(m.IDs) == 1 {
		// Most phrases have one reading: share the checker's, capped so
		// that an append copies, instead of allocating one per occurrence.
		id := m.IDs[0]
		o.Readings = c.readings[id : id+1 : id+1]
	} else {
		for _, id := range m.IDs {
			r := c.readings[id]
			if !slices.ContainsFunc(o.Readings, func(x Reading) bool { return x.Concept == r.Concept }) {
				o.Readings = append(o.Readings, r)
			}
		}
	}
	for _, n := range m.Nested {
		o.Nested = append(o.Nested, c.occurrence(n))
	}
	return o
}

// Check runs the rules over the files, each file on its own or all
// together as opts.Scope says, and returns the findings not suppressed, in
// stable order. Each scope goes through a Collector, as a run that does
// not hold its files checks them.
func (c *Checker) Check(files []*File, opts Options) ([]Finding, error) {
	if err := c.knowsStyle(opts.Style); err != nil {
		return nil, err
	}
	scopes := [][]*File{files}
	if opts.Scope != ScopeAll {
		scopes = scopes[:0]
		for _, f := range files {
			scopes = append(scopes, []*File{f})
		}
	}
	// A finding is suppressed by the last file of its path, whatever its
	// scope.
	byPath := make(map[string]*File, len(files))
	for _, f := range files {
		byPath[f.Path] = f
	}
	hidden := func(fd Finding) bool {
		f := byPath[fd.File]
		return f != nil && f.Suppressed(fd.Line, fd.Rule, fd.Concept, fd.ZH)
	}
	var findings []Finding
	for _, scope := range scopes {
		col := c.newCollector(opts)
		col.filesKept = true
		for _, f := range scope {
			d, err := col.Digest(f)
			if err != nil {
				return nil, err
			}
			col.Add(d)
		}
		findings = append(findings, col.findings(hidden)...)
	}
	Sort(findings)
	return findings, nil
}
