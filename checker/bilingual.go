package checker

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/checker/match"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// Term is one Chinese glossary term found in a file: the leftmost-longest
// one at its place, with the shorter terms inside it.
type Term struct {
	// Start and End are byte offsets in the file the Chinese is in.
	Start, End int
	Concept    *glossary.Concept
	Nested     []*Term
	// Overlaps are terms that start inside this one and run past its end:
	// the other way to cut the Chinese (共建 + 一带一路倡议 where the term
	// found is 共建一带一路).
	Overlaps []*Term
}

// Segment is one segment of a bilingual file with what was found in it.
type Segment struct {
	*input.Segment
	// Terms are the Chinese terms of the segment's Chinese side.
	Terms []*Term
	// Renderings are the English occurrences of its English side (the
	// same values as in File.Occurrences).
	Renderings []*Occurrence
	// concepts are the concepts whose Chinese occurs in the segment,
	// nested terms included.
	concepts map[*glossary.Concept]bool
	// misaligned says why the segment's two sides look not to correspond
	// (markMisaligned), or is "".
	misaligned string
	// rendered are the concepts the English renders strictly, loose the
	// English read loosely and missed the unrendered terms, each made
	// once when first asked for: the variant, missing and usage passes
	// all read them. Stemming is the costly part, and what a segment
	// holds longest, so the loose reading is made only for a segment
	// with a term the strict reading does not find rendered.
	rendered map[*glossary.Concept]bool
	loose    *segmentEnglish
	missed   []missedTerm
	// missedDone says missed is made.
	missedDone bool
}

// segmentEnglish is a segment's English as the missing rule reads it.
type segmentEnglish struct {
	text   string
	tokens []looseToken
	stems  []string
}

// english returns the segment's English read loosely, made once.
func (s *Segment) english() *segmentEnglish {
	if s.loose == nil {
		e := &segmentEnglish{text: string(s.English.Text)}
		e.tokens = looseTokens(e.text)
		e.stems = stemsOf(e.tokens)
		s.loose = e
	}
	return s.loose
}

// renderedSet returns the concepts the segment's English renders
// strictly, made once.
func (s *Segment) renderedSet() map[*glossary.Concept]bool {
	if s.rendered == nil {
		s.rendered = renderedConcepts(s.Renderings)
	}
	return s.rendered
}

// missedTerm is a term its segment's English does not render, with what
// the English has instead.
type missedTerm struct {
	t  *Term
	in instead
}

// term converts a Chinese match to a Term, its concept the first of its
// IDs (a term and a variant of another concept seldom coincide).
func (c *Checker) term(m match.Match) *Term {
	t := &Term{Start: m.Start, End: m.End, Concept: c.g.Concepts[m.IDs[0]]}
	for _, n := range m.Nested {
		t.Nested = append(t.Nested, c.term(n))
	}
	for _, o := range m.Overlaps {
		t.Overlaps = append(t.Overlaps, c.term(o))
	}
	return t
}

// scanSegments matches each segment's two sides and maps what it finds to
// file offsets. An English occurrence keeps only the readings whose
// concept the segment's Chinese has, when it has any: in a segment whose
// Chinese says 周边国家 and not 邻国, the shared "neighboring countries"
// renders 周边国家.
func (c *Checker) scanSegments(f *File) {
	for i := range f.Document.Segments {
		seg := &Segment{Segment: &f.Document.Segments[i], concepts: make(map[*glossary.Concept]bool)}
		var quoted map[*glossary.Concept]bool // concepts the Chinese quotes somewhere
		for _, m := range c.findChinese(seg.Chinese.Text) {
			t := c.term(m)
			if chineseQuoted(seg.Chinese.Text, m.Start, m.End) {
				if quoted == nil {
					quoted = make(map[*glossary.Concept]bool)
				}
				t.each(func(t *Term) { quoted[t.Concept] = true })
			}
			mapTerm(t, &seg.Chinese)
			seg.Terms = append(seg.Terms, t)
			seg.addConcepts(t)
		}
		var occs []*Occurrence
		for _, m := range c.matcher.Find(seg.English.Text) {
			occs = append(occs, c.occurrence(m))
		}
		occs = c.names.shadow(seg.English.Text, occs)
		markQuoted(seg.English.Text, occs, quoteSpans(seg.English.Text))
		for _, o := range occs {
			// A phrase the English quotes where the Chinese has the term
			// but quotes it nowhere (统筹好两个大局, managing the "two
			// overall situations") is the translator's emphasis on a use,
			// not a mention of a wording.
			if o.Cited && slices.ContainsFunc(o.Readings, func(r Reading) bool { return seg.concepts[r.Concept] && !quoted[r.Concept] }) {
				o.Cited = false
			}
		}
		for _, o := range occs {
			mapOccurrence(o, &seg.English, seg)
			seg.align(o)
			seg.Renderings = append(seg.Renderings, o)
			f.Occurrences = append(f.Occurrences, o)
		}
		f.Terms = append(f.Terms, seg.Terms...)
		f.Segments = append(f.Segments, seg)
	}
	markMisaligned(f.Segments)
}

// addConcepts records t's concept and those of the terms inside it and
// overlapping it: each may be what the English renders.
// align keeps the readings of o whose concept the segment's Chinese has,
// or marks o Unaligned when it has none of them. Most occurrences have one
// reading, which is kept or not without a copy.
func (s *Segment) align(o *Occurrence) {
	kept := 0
	for _, r := range o.Readings {
		if s.concepts[r.Concept] {
			kept++
		}
	}
	switch kept {
	case 0:
		o.Unaligned = true
	case len(o.Readings):
	default:
		o.Readings = slices.DeleteFunc(slices.Clone(o.Readings), func(r Reading) bool { return !s.concepts[r.Concept] })
	}
}

func (s *Segment) addConcepts(t *Term) {
	s.concepts[t.Concept] = true
	for _, n := range append(t.Nested, t.Overlaps...) {
		s.addConcepts(n)
	}
}

// mapTerm and mapOccurrence turn offsets in a span's text into offsets in
// the file.
// each calls fn on t and the terms inside and overlapping it.
func (t *Term) each(fn func(*Term)) {
	fn(t)
	for _, n := range append(t.Nested, t.Overlaps...) {
		n.each(fn)
	}
}

// chineseQuotes are the quotation and title marks of Chinese text.
var chineseQuotes = [][2]string{{"“", "”"}, {"「", "」"}, {"『", "』"}, {"《", "》"}}

// maxChineseQuote is the longest quotation, in bytes, chineseQuoted looks
// for around a term: a mention, not a page of speech.
const maxChineseQuote = 300

// chineseQuoted reports whether text[start:end] stands inside Chinese
// quotation or title marks.
func chineseQuoted(text []byte, start, end int) bool {
	for _, q := range chineseQuotes {
		open, close := []byte(q[0]), []byte(q[1])
		from := max(0, start-maxChineseQuote)
		i := bytes.LastIndex(text[from:start], open)
		if i < 0 || bytes.Contains(text[from+i:start], close) {
			continue
		}
		to := min(len(text), end+maxChineseQuote)
		if j := bytes.Index(text[end:to], close); j >= 0 && !bytes.Contains(text[end:end+j], open) {
			return true
		}
	}
	return false
}

func mapTerm(t *Term, sp *input.Span) {
	t.Start, t.End = sp.Offset(t.Start), sp.End(t.End)
	for _, n := range append(t.Nested, t.Overlaps...) {
		mapTerm(n, sp)
	}
}

func mapOccurrence(o *Occurrence, sp *input.Span, seg *Segment) {
	o.Start, o.End, o.Segment = sp.Offset(o.Start), sp.End(o.End), seg
	for _, n := range o.Nested {
		mapOccurrence(n, sp, seg)
	}
}

// Missing reports source terms whose segment's translation has none of
// their renderings. Parts of compounds (glossary.Concept.IsPart: 工作,
// 外交) are not reported on their own; a term is rendered when a
// rendering of its concept is there, when each of its parts is, or when
// a term overlapping it is (the Chinese cut the other way).
var Missing = &Rule{
	Name: "missing",
	Doc:  "in a bilingual file, reports a Chinese term none of whose renderings occurs in its segment's English",
	Help: "In a bilingual file (TMX, XLIFF, PO, alternating paragraphs, or `--source` with `--target`), reports a Chinese term none of whose renderings in the glossary occurs in the English of its segment: the term was left out, or translated in a way the glossary does not know." +
		"\n\n" +
		"To fix a finding, use one of the suggested renderings in the segment's English. If the translation renders the term in a new way that is right, add that rendering to the glossary.",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		var before map[*glossary.Concept]bool // rendered in the segment before
		for _, seg := range p.File.Segments {
			if !seg.Untranslated {
				p.missing(seg, before)
			}
			before = seg.renderedSet()
		}
	},
}

// missing reports each concept of a segment's Chinese terms, once, that
// its English does not render, nor come near (see Variant). Where the
// segment before rendered the concept and this English refers back to it
// ("the initiative", "this work"), the finding is an info note: a
// reference is a translator's choice, not a term left out.
//
// Where the English keeps part of a rendering (see instead.go), the
// message quotes it beside the glossary's. A paraphrase or a condensation
// (see paraphrase.go) is an info note.
func (p *Pass) missing(seg *Segment, before map[*glossary.Concept]bool) {
	var english []string
	for _, m := range p.unrendered(seg) {
		t, in := m.t, m.in
		if in.variant {
			continue
		}
		e := seg.english()
		if msg, ok := paraphrase(seg, t, e.text, e.tokens); ok {
			p.reportTermSeverity(SeverityInfo, t, msg, p.segmentStart(seg))
			continue
		}
		if items, ok := condensed(seg, t, seg.Chinese.Text, e.text); ok {
			p.reportTermSeverity(SeverityInfo, t, condensedMessage(t, items), p.segmentStart(seg))
			continue
		}
		if before[t.Concept] {
			if english == nil {
				english = strings.Fields(strings.ToLower(string(seg.English.Text)))
			}
			if ref := backReference(t.Concept, english); ref != "" {
				msg := fmt.Sprintf("%s is referred back to here (%q), not rendered; the segment before renders it", t.Concept.ZH, ref)
				p.reportTermSeverity(SeverityInfo, t, msg, p.segmentStart(seg))
				continue
			}
		}
		p.reportTerm(t, missingMessage(seg, t, in), p.segmentStart(seg))
	}
}

// missingMessage says that term t of segment seg is missing and, where
// the English keeps part of a rendering (in, see keptHead), quotes it
// beside that rendering.
func missingMessage(seg *Segment, t *Term, in instead) string {
	if in.named() {
		kept := string(seg.English.Text[in.start:in.end])
		return fmt.Sprintf("%s is rendered %q here, it seems: part of the glossary's %q", t.Concept.ZH, kept, in.rendering.EN)
	}
	return fmt.Sprintf("%s occurs in the Chinese but none of its renderings is in the English", t.Concept.ZH)
}

// backDeterminers are the words that make a head noun refer back.
var backDeterminers = []string{"this", "that", "these", "those", "such", "the", "its", "our"}

// backReference returns the words of english (lower case, split at
// spaces) that refer back to concept con: a determiner followed, within
// two words, by the head noun of one of its renderings ("the initiative"
// for "Belt and Road Initiative", "this work" for "neighborhood work"),
// or "".
func backReference(con *glossary.Concept, english []string) string {
	var heads []string
	for _, r := range con.Renderings {
		if h := strings.ToLower(headWord(r.EN)); h != "" && !slices.Contains(heads, h) {
			heads = append(heads, h)
		}
	}
	for i, w := range english {
		if !slices.Contains(backDeterminers, strings.Trim(w, ",.;:!?\"“”")) {
			continue
		}
		for j := i + 1; j < len(english) && j <= i+2; j++ {
			word := strings.Trim(english[j], ",.;:!?\"“”")
			if slices.ContainsFunc(heads, func(h string) bool { return textnorm.Word(word) == textnorm.Word(h) }) {
				return strings.TrimRight(strings.Join(english[i:j+1], " "), ",.;:!?\"“”")
			}
		}
	}
	return ""
}

// Variant reports, in a bilingual file, a source term whose English holds
// most of a rendering's words in order but not the rendering: a garbled or
// reworded form the translator should align with the glossary, at the
// English it quotes, with both wordings in the message. It takes the place
// of a missing finding.
var Variant = &Rule{
	Name: "variant",
	Doc:  "in a bilingual file, reports a source term whose English holds most of a rendering's words but not the rendering",
	Help: "In a bilingual file, reports English that holds most of the words of a term's rendering, in order, but not the rendering itself: a word of a fixed wording dropped or changed." +
		"\n\n" +
		"To fix a finding, write the rendering the message quotes, word for word. There is no automatic fix: which word is wrong is for the translator to say.",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		for _, seg := range p.File.Segments {
			if seg.Untranslated {
				continue
			}
			for _, m := range p.unrendered(seg) {
				if m.in.variant {
					p.reportVariant(seg, m.t, m.in)
				}
			}
		}
	},
}

// reportVariant records a variant finding at the English of a near miss.
func (p *Pass) reportVariant(seg *Segment, t *Term, near instead) {
	start, end := seg.English.Offset(near.start), seg.English.End(near.end)
	text := p.File.Text[start:end]
	msg := fmt.Sprintf("%s is rendered %q here; the glossary has %q", t.Concept.ZH, string(text), near.rendering.EN)
	fd := Finding{Concept: t.Concept.ID, ZH: t.Concept.ZH, Rendering: near.rendering.EN, Message: msg, Suggestions: []string{near.rendering.EN}}
	p.digest.found = append(p.digest.found, p.place(fd, p.File.Path, p.File.lines, p.File.Text, start, end))
}

// unrendered returns, once per concept, the terms of a segment's Chinese
// whose English renders none of the concept's renderings, strictly or as
// a reviewer reads them, with what the English has instead (insteadOf: a
// near miss, the part of a rendering it keeps, or nothing). Parts of
// compounds (工作), phrases (glossary.KindPhrase, which translators may
// paraphrase), and ordinary words where they modify a noun the glossary
// does not know (周边绿地) are left out. It is made once per segment, for
// the variant and the missing rule.
func (p *Pass) unrendered(seg *Segment) []missedTerm {
	if seg.missedDone {
		return seg.missed
	}
	seg.missedDone = true
	if seg.misaligned != "" {
		return nil // the misaligned rule says so once for the run
	}
	reported := make(map[*glossary.Concept]bool)
	_, chinese := p.File.ChineseSource()
	for _, t := range seg.Terms {
		con := t.Concept
		if reported[con] || con.IsPart() || con.KindOrDefault() == glossary.KindPhrase {
			continue
		}
		if p.Checker.termRendered(t, seg.renderedSet()) {
			continue // the English has it
		}
		e := seg.english()
		if p.Checker.looselyRendered(con, e.stems) {
			continue // as a reviewer reads it
		}
		if p.Checker.generic[con] && modifiesUnknownNoun(chinese, t.End) {
			continue // 周边绿地, 周边水域: the ordinary word, not the term
		}
		reported[con] = true
		seg.missed = append(seg.missed, missedTerm{t, p.Checker.insteadOf(seg, t, e.text, e.tokens)})
	}
	return seg.missed
}

// chineseFunctionChars are the characters after a term that do not make
// it modify a noun: particles, conjunctions, copulas, prepositions.
const chineseFunctionChars = "的和与及是在等以为对同也都就而并或将已之中上下里"

// modifiesUnknownNoun reports whether the Chinese term ending at end is
// followed straight away by a Han character that starts no longer term
// (the matcher would have taken that): it then modifies a noun the
// glossary does not know, as the ordinary word does (周边绿地 "surrounding
// green belts"), unlike the policy term (我国周边, 稳定周边).
func modifiesUnknownNoun(chinese []byte, end int) bool {
	if end >= len(chinese) {
		return false
	}
	r, _ := utf8.DecodeRune(chinese[end:])
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune(chineseFunctionChars, r)
}

// termRendered reports whether term t is rendered: its concept is, or a
// term overlapping it is (the Chinese cut the other way).
func (c *Checker) termRendered(t *Term, rendered map[*glossary.Concept]bool) bool {
	w := partsWalk{parts: c.parts, set: rendered}
	return w.rendered(t.Concept) ||
		slices.ContainsFunc(t.Overlaps, func(o *Term) bool { return w.rendered(o.Concept) })
}

// renderedConcepts collects the concepts any of the occurrences may render,
// nested ones and every reading of a shared phrase included: presence is
// all the missing rule asks.
func renderedConcepts(os []*Occurrence) map[*glossary.Concept]bool {
	set := make(map[*glossary.Concept]bool)
	var add func(os []*Occurrence)
	add = func(os []*Occurrence) {
		for _, o := range os {
			for _, r := range o.Readings {
				set[r.Concept] = true
			}
			add(o.Nested)
		}
	}
	add(os)
	return set
}

// partsWalk answers, for one set of rendered concepts, whether a concept
// is rendered: one of its renderings is in the set, or it is a compound
// each of whose parts is. Compounds share parts (a_i and b_i both made of
// a_{i+1} and b_{i+1}), so each concept's answer is kept: without that the
// walk is exponential in the depth of the parts graph. A glossary that
// was not validated may have parts that form a cycle; a concept met again
// while its own parts are being walked counts as not rendered, so the
// walk ends.
type partsWalk struct {
	parts map[*glossary.Concept][]*glossary.Concept
	set   map[*glossary.Concept]bool
	// known holds the answer for each compound walked, or walking for one
	// whose parts are being walked; made by the first compound.
	known map[*glossary.Concept]walkState
	// visits counts the concepts looked at, for tests that bound the work.
	visits int
}

type walkState uint8

const (
	walking walkState = iota + 1
	isRendered
	notRendered
)

// rendered reports whether concept con is rendered.
func (w *partsWalk) rendered(con *glossary.Concept) bool {
	w.visits++
	if w.set[con] {
		return true
	}
	parts := w.parts[con]
	if len(parts) == 0 {
		return false
	}
	switch w.known[con] {
	case isRendered:
		return true
	case walking, notRendered:
		return false
	}
	if w.known == nil {
		w.known = make(map[*glossary.Concept]walkState)
	}
	w.known[con] = walking
	all := true
	for _, part := range parts {
		if part == nil || !w.rendered(part) {
			all = false
			break
		}
	}
	w.known[con] = notRendered
	if all {
		w.known[con] = isRendered
	}
	return all
}

// Untranslated reports segments awaiting translation.
var Untranslated = &Rule{
	Name: "untranslated",
	Doc:  "in a bilingual file, reports a segment whose translation is empty or absent",
	Help: "In a bilingual file, notes a segment whose translation is empty or absent, so that unfinished work shows; the terms of the segment are not reported as missing." +
		"\n\n" +
		"To clear the note, translate the segment.",
	Severity: SeverityInfo,
	Run: func(p *Pass) {
		f := p.File
		for _, seg := range f.Segments {
			if !seg.Untranslated || len(seg.Chinese.Text) == 0 {
				continue
			}
			msg := "the segment has no translation"
			if seg.ID != "" {
				msg = fmt.Sprintf("segment %s has no translation", seg.ID)
			}
			path, text := f.ChineseSource()
			p.digest.found = append(p.digest.found, p.place(Finding{Message: msg}, path, f.chineseLines, text, seg.Chinese.Start(), seg.Chinese.Stop()))
		}
	},
}

// reportTerm records a finding at Chinese term t of the file, whose
// suggestions are what to write for its concept in the scope
// (alternatives), known once the scope has been seen.
func (p *Pass) reportTerm(t *Term, message string, related ...Related) {
	p.reportTermSeverity("", t, message, related...)
}

// reportTermSeverity is reportTerm at a severity of the rule's choosing
// ("" for the rule's own).
func (p *Pass) reportTermSeverity(sev Severity, t *Term, message string, related ...Related) {
	path, text := p.File.ChineseSource()
	fd := Finding{Severity: sev, Concept: t.Concept.ID, ZH: t.Concept.ZH, Message: message, Related: related}
	fd = p.place(fd, path, p.File.chineseLines, text, t.Start, t.End)
	p.digest.pending = append(p.digest.pending, pending{Finding: fd, concept: t.Concept})
}

// place returns fd at text[start:end] of the file at path, filling in the
// rule, the position and the text, and the rule's severity unless fd has
// one.
func (p *Pass) place(fd Finding, path string, lines *match.Lines, text []byte, start, end int) Finding {
	fd.Rule, fd.File, fd.Text = p.Rule.Name, path, string(text[start:end])
	fd.Offset, fd.EndOffset = start, end
	if fd.Severity == "" {
		fd.Severity = p.Rule.Severity
	}
	fd.Line, fd.Column = lines.Position(start)
	fd.EndLine, fd.EndColumn = lines.Position(end)
	return fd
}

// segmentStart points at the start of a segment's English, with its first
// words as the text.
func (p *Pass) segmentStart(seg *Segment) Related {
	f := p.File
	start, end := seg.English.Start(), seg.English.Stop()
	line, col := f.lines.Position(start)
	text := string(f.Text[start:end])
	if r := []rune(text); len(r) > 60 {
		text = string(r[:60]) + "…"
	}
	return Related{File: f.Path, Line: line, Column: col, Text: text}
}
