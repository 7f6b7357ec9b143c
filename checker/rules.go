package checker

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/inflect"
	"github.com/termlint/termlint/internal/textnorm"
)

// Rule is one check, in the shape of go/analysis: a name users type in
// config and suppressions, one sentence of documentation, and a function
// that reports findings through a Pass.
//
// A rule sees each file of a scope on its own, while the file is whole
// (Run); a rule that compares the files of a scope (inconsistent) keeps
// what it needs of each, compactly, and reports once the scope has been
// seen (Finish). So a scope of many files is checked without holding
// them (see Collector). Everything a rule is lives in its value: Rules is
// the one registry the configuration, the --rule flag, the starter file
// and the fixtures read names, docs and defaults from.
type Rule struct {
	Name string
	// Doc says in one phrase what the rule reports, for --help and
	// SARIF's shortDescription.
	Doc string
	// Help is the rule's page in a viewer such as GitHub code scanning,
	// in Markdown with backquotes as its only markup: a first paragraph
	// on what the rule reports and why, then how to fix a finding. How to
	// suppress one is the same for every rule and added by the printer.
	Help     string
	Severity Severity
	Run      func(*Pass)
	// Off marks a rule that runs only when asked for (configuration or
	// --rule), such as one whose notes most editors do not want.
	Off bool
	// Finish, if set, runs once every file of the scope has been
	// through Run. It returns, by key (Collector.keys), the finding each
	// held use of the key becomes, but for its place, or nil for none.
	Finish func(*ScopePass) []*Finding
}

// Pass is what a rule sees of one file of a scope: the file, whole, and
// the options.
type Pass struct {
	Rule    *Rule
	Checker *Checker
	// Style is the house style checked, or "".
	Style string
	// File is the file, scanned.
	File   *File
	digest *Digest
}

// Rules are the rules, in the order they run. Missing and Untranslated
// read the Chinese side, so they find nothing in an English-only file.
var Rules = []*Rule{Inconsistent, StyleVariants, NonPreferred, Deprecated, Missing, Variant, Garbled, Misaligned, Untranslated}

// DefaultRules are the Rules that run unless told otherwise: those not
// Off.
func DefaultRules() []*Rule {
	var rules []*Rule
	for _, r := range Rules {
		if !r.Off {
			rules = append(rules, r)
		}
	}
	return rules
}

// Report records a finding at occurrence o of the file, read as r, with
// the rule's severity.
func (p *Pass) Report(o *Occurrence, r Reading, message string, suggestions []string, related ...Related) {
	p.ReportSeverity(p.Rule.Severity, o, r, message, suggestions, related...)
}

// ReportSeverity is Report with a severity of the rule's choosing. A
// finding with one suggestion, a rendering of the same concept, carries
// that suggestion as its Fix (see fix).
func (p *Pass) ReportSeverity(sev Severity, o *Occurrence, r Reading, message string, suggestions []string, related ...Related) {
	fd := occurrenceFinding(sev, r, message, suggestions, related)
	fd.Fix = fix(p.File.text(o), p.File.slotOf(o), len(o.Readings), r, suggestions, p.Style)
	p.digest.found = append(p.digest.found, p.place(fd, p.File.Path, p.File.lines, p.File.Text, o.Start, o.End))
}

// reportAlternatives records a finding at occurrence o, read as r, whose
// suggestions are what to write instead of concept r.Concept in the scope
// (alternatives): they are known, with the finding's fix, once the scope
// has been seen.
func (p *Pass) reportAlternatives(o *Occurrence, r Reading, message string) {
	fd := p.place(occurrenceFinding(p.Rule.Severity, r, message, nil, nil), p.File.Path, p.File.lines, p.File.Text, o.Start, o.End)
	p.digest.pending = append(p.digest.pending, pending{Finding: fd, concept: r.Concept, fixable: true, readings: len(o.Readings), reading: r, slot: p.File.slotOf(o)})
}

// occurrenceFinding is a finding at an occurrence read as r, without its
// place.
func occurrenceFinding(sev Severity, r Reading, message string, suggestions []string, related []Related) Finding {
	return Finding{Severity: sev, Concept: r.Concept.ID, ZH: r.Concept.ZH, Rendering: r.Rendering.EN, Message: message, Suggestions: suggestions, Related: related}
}

// fix is the replacement for text, an occurrence in slot sl with the
// given number of readings read as r, when the finding has one
// unambiguous suggestion: the suggestion written in the text's case and
// number (inflect.Phrase). There is none when the suggestions are several
// or none; when the phrase is shared by several concepts, so that which
// concept it renders is a guess; when the suggestion is not a usable
// rendering of r's concept in style (a finding about a family may suggest
// another concept's words); when it is r's own rendering, so that
// applying it would change nothing a rerun sees; and when it does not fit
// the slot (see slot.fits).
func fix(text string, sl slot, readings int, r Reading, suggestions []string, style string) string {
	if len(suggestions) != 1 || readings != 1 {
		return ""
	}
	i := slices.IndexFunc(r.Concept.Renderings, func(x *glossary.Rendering) bool { return x.EN == suggestions[0] })
	if i < 0 || r.Concept.Renderings[i] == r.Rendering || retiredIn(r.Concept.Renderings[i], style) {
		return ""
	}
	written := writtenAs(text, r.Rendering)
	if !sl.fits(text, written, r.Rendering, r.Concept.Renderings[i], suggestions[0]) {
		return ""
	}
	return inflect.Phrase(text, written, suggestions[0])
}

// writtenAs is the form of rendering r that text is ("OBOR" of "One Belt,
// One Road"), or r's English: a fix compares the text with it, so that
// its case and number read right.
func writtenAs(text string, r *glossary.Rendering) string {
	written, key := r.EN, textnorm.Key(text)
	for _, form := range r.Forms {
		if textnorm.Key(form) == key {
			written = form
		}
	}
	return written
}

func (f *File) text(o *Occurrence) string { return string(f.Text[o.Start:o.End]) }

// use is one occurrence with the one reading a rule acts on.
type use struct {
	o *Occurrence
	r Reading
}

// uses yields the file's top-level occurrences that have exactly one
// reading, in file order, but those that cite a text or a term. A phrase several concepts share is left out:
// its English cannot say which concept it renders; so is an occurrence in
// a bilingual file whose segment's Chinese lacks its concept.
func (p *Pass) uses() iter.Seq[use] {
	return func(yield func(use) bool) {
		for _, o := range p.File.Occurrences {
			if r, ok := o.Reading(); ok && !o.Unaligned && !o.Cited {
				if !yield(use{o, r}) {
					return
				}
			}
		}
	}
}

// countRenderings counts the top-level uses of each rendering in f, shared
// phrases included: "neighboring countries" is ambiguous as evidence of a
// concept, not as a choice of words. Quotations are someone else's choice
// and do not count, nor do lines suppressed for inconsistent.
func countRenderings(f *File, counts map[*glossary.Rendering]int) {
	// A line suppressed for inconsistent does not vote either; its line
	// is found only where the file has suppressions, and from the line
	// before, so the count stays one pass over the text.
	var pos positions
	if len(f.Suppressions) > 0 {
		pos.reset(f.Text)
	}
	for _, o := range f.Occurrences {
		if o.Quoted || o.Cited {
			continue
		}
		if len(f.Suppressions) > 0 {
			if line, _ := pos.at(o.Start); f.Suppressed(line, "inconsistent") {
				continue
			}
		}
		for _, r := range o.Readings {
			counts[r.Rendering]++
		}
	}
}

// retired reports whether a rendering is deprecated or superseded in
// general.
func retired(r *glossary.Rendering) bool { return retiredStatus(r.Status) }

func retiredStatus(s glossary.Status) bool {
	return s == glossary.Deprecated || s == glossary.Superseded
}

// retiredIn reports whether a rendering is deprecated or superseded in
// style: the literal style may prefer what official English superseded.
func retiredIn(r *glossary.Rendering, style string) bool {
	return retiredStatus(r.StatusFor(style))
}

// Deprecated reports renderings the glossary marks deprecated or
// superseded, in the style checked when there is one.
var Deprecated = &Rule{
	Name: "deprecated",
	Doc:  "reports renderings marked deprecated or superseded, suggesting the preferred one",
	Help: "Reports a rendering the glossary marks deprecated or superseded in the style checked, such as an early official name that was later replaced. An outdated rendering tells a reader that the text is old or was not edited against current usage." +
		"\n\n" +
		"To fix a finding, write the suggested rendering (`termlint check --fix` applies it where there is one). An old name in quotation marks, cited on purpose, is a mention and is not reported.",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		for _, o := range p.File.Occurrences {
			// A shared phrase is reported only if every concept retired it.
			if o.Cited || slices.ContainsFunc(o.Readings, func(r Reading) bool { return !retiredIn(r.Rendering, p.Style) }) {
				continue
			}
			r := o.Readings[0]
			msg := fmt.Sprintf("%q is a %s rendering of %s", p.File.text(o), r.Rendering.StatusFor(p.Style), r.Concept.ZH)
			if r.Rendering.Note != "" {
				msg += ": " + r.Rendering.Note
			}
			p.reportAlternatives(o, r, msg)
		}
	},
}

// alternatives are what to write for concept c, instead of a retired
// rendering or where a rendering is missing, by authority (see
// authorityOf): the house style's preferred rendering; else the usable
// renderings that rank first, the one the scope uses most if several
// tie, or all of those if the scope uses none of them. counts are the
// scope's uses of each rendering (countRenderings); official, each
// rendering's latest official use.
func alternatives(c *glossary.Concept, house string, counts map[*glossary.Rendering]int, official map[*glossary.Rendering]string) []string {
	if house != "" {
		if pref := c.Preferred(house); pref != nil {
			return []string{pref.EN}
		}
	}
	var top []*glossary.Rendering
	var best authority
	for _, r := range c.Renderings {
		if retiredIn(r, house) {
			continue
		}
		switch a := authorityOf(r, house, official); {
		case len(top) == 0 || a.above(best):
			top, best = []*glossary.Rendering{r}, a
		case !best.above(a):
			top = append(top, r)
		}
	}
	var used *glossary.Rendering
	for _, r := range top {
		if counts[r] > 0 && (used == nil || counts[r] > counts[used]) {
			used = r
		}
	}
	if used != nil {
		return []string{used.EN}
	}
	return renderingTexts(top)
}

// authority is how strongly the glossary recommends a rendering under a
// house style: first the style's preferred rendering, then what the style
// uses, then the status in the style, then the latest official use.
// Only renderings of equal authority are told apart by how often a text
// uses them: a majority of slips must not outvote the preferred
// rendering.
type authority struct {
	stylePreferred, inStyle bool
	status                  int
	official                string // the date of the latest official use
}

// statusRank orders statuses, most recommended highest.
var statusRank = map[glossary.Status]int{glossary.Preferred: 3, glossary.Admitted: 2, glossary.Superseded: 1, glossary.Deprecated: 0}

func authorityOf(r *glossary.Rendering, house string, official map[*glossary.Rendering]string) authority {
	a := authority{status: statusRank[r.StatusFor(house)], official: official[r]}
	if house != "" && r.InStyle(house) {
		a.inStyle = true
		a.stylePreferred = r.StatusFor(house) == glossary.Preferred
	}
	return a
}

// above reports whether a ranks above b.
func (a authority) above(b authority) bool {
	switch {
	case a.stylePreferred != b.stylePreferred:
		return a.stylePreferred
	case a.inStyle != b.inStyle:
		return a.inStyle
	case a.status != b.status:
		return a.status > b.status
	}
	return a.official > b.official
}

// renderingTexts lists the renderings' English.
func renderingTexts(rs []*glossary.Rendering) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.EN)
	}
	return out
}

// NonPreferred reports, under a house style, renderings that are not the
// style's preferred one.
var NonPreferred = &Rule{
	Name: "non-preferred",
	Doc:  "under --style, reports renderings the style does not use, suggesting the one it prefers",
	Help: "With `--style NAME`, reports a rendering that the house style does not use, so that a text held to that style uses its words; a rendering the style admits beside its preferred one is not reported." +
		"\n\n" +
		"To fix a finding, write the style's preferred rendering, which the finding suggests (`termlint check --fix` applies it), or check with the `--style` the text is meant to follow.",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		report := func(o *Occurrence, r Reading) {
			pref := r.Concept.Preferred(p.Style)
			msg := fmt.Sprintf("%q is not the %s style's rendering of %s; the %s style writes %q", p.File.text(o), p.Style, r.Concept.ZH, p.Style, pref.EN)
			p.Report(o, r, msg, []string{pref.EN})
		}
		for u := range p.uses() {
			if nonPreferred(u.r, p.Style) {
				report(u.o, u.r)
				continue
			}
			if o, r, ok := rootInCompound(u, p.Style); ok {
				report(o, r)
			}
		}
	},
}

// rootInCompound finds, in a use of a compound that the style has no
// rendering of, the family root or part inside it that the style renders
// otherwise: 中国—东盟命运共同体 has only its official "China-ASEAN
// community with a shared future", so under the literal style the
// "community with a shared future" in it is 命运共同体's, which that
// style writes "community of common destiny". The root is reported as
// the compound is placed (quoted, in a segment).
func rootInCompound(u use, style string) (*Occurrence, Reading, bool) {
	c := u.r.Concept
	if style == "" || c.Preferred(style) != nil || u.r.Rendering.InStyle(style) || retiredIn(u.r.Rendering, style) {
		return nil, Reading{}, false
	}
	for _, n := range u.o.Nested {
		r, ok := n.Reading()
		if !ok || r.Concept.ID != c.Family && !slices.Contains(c.Parts, r.Concept.ID) || !nonPreferred(r, style) {
			continue
		}
		inner := *n
		inner.Segment, inner.Quoted, inner.Cited, inner.Unaligned = u.o.Segment, u.o.Quoted, u.o.Cited, u.o.Unaligned
		return &inner, r, true
	}
	return nil, Reading{}, false
}

// nonPreferred reports whether the non-preferred rule reports a use read
// as r: under a style, a rendering the style does not list (an admitted
// rendering the style lists, such as a short form, is the style's own) of
// a concept the style prefers another rendering for. Retired renderings
// are the deprecated rule's.
func nonPreferred(r Reading, style string) bool {
	if style == "" || retiredIn(r.Rendering, style) || r.Rendering.InStyle(style) {
		return false
	}
	return r.Concept.Preferred(style) != nil
}

// Inconsistent reports a concept rendered more than one way in the scope,
// and concepts of one family that read their shared element differently.
// It keeps each file's uses (Pass.holdUses) and compares them once the
// scope has been seen. What it recommends follows authority, not the
// majority (see authority), and it stays silent between two renderings
// one style uses side by side: which to keep is the writer's choice.
var Inconsistent = &Rule{
	Name: "inconsistent",
	Doc:  "reports a concept, or a family of concepts, rendered in more than one style in the scope",
	Help: "Reports each use of a rendering that differs from the one the rest of the scope uses for the same concept (the file, or every file checked with `--scope all`), and uses of concepts built on one element that read the element differently, such as 周边 as \"periphery\" in one compound and \"neighborhood\" in the next. A reader takes two renderings for two things, so a text names each concept one way." +
		"\n\n" +
		"To fix a finding, write the suggested rendering: the one of the house style (`--style`, or else the style most of the text follows), then of the highest status in the glossary, then of the latest official use; `termlint check --fix` applies it where there is exactly one suggestion. If the text means the other rendering, use that one everywhere instead.",
	Severity: SeverityWarning,
	Run:      func(p *Pass) { p.holdUses() },
	Finish: func(s *ScopePass) []*Finding {
		findings := s.conceptInconsistency()
		s.familyInconsistency(findings)
		return findings
	},
}

// tally counts keys in order of first use. A key heard only in quoted
// speech is in order with a count of 0: it can be reported, but it does
// not vote.
type tally[K comparable] struct {
	order []K
	count map[K]int
	first map[K]heldRef
}

// add records a use of k; votes is false for a use in quoted speech.
func (t *tally[K]) add(k K, u heldRef, votes bool) {
	if t.count == nil {
		t.count, t.first = make(map[K]int), make(map[K]heldRef)
	}
	if _, heard := t.count[k]; !heard {
		t.order = append(t.order, k)
		t.count[k] = 0
	}
	if votes {
		if t.count[k] == 0 {
			t.first[k] = u
		}
		t.count[k]++
	}
}

// best is the voting key better ranks highest; keys better does not tell
// apart go to the most used, then to the first used. ok is false when no
// key votes, or only one key was heard: nothing to compare.
func (t *tally[K]) best(better func(a, b K) bool) (win K, ok bool) {
	if len(t.order) < 2 {
		return win, false
	}
	for _, k := range t.order {
		switch {
		case t.count[k] == 0:
		case !ok:
			win, ok = k, true
		case better(k, win) || !better(win, k) && t.count[k] > t.count[win]:
			win = k
		}
	}
	return win, ok
}

// conceptInconsistency reports the uses of a concept whose rendering
// another style writes than the recommended one (the rendering of the
// highest authority the scope uses). Forms of one rendering count as that
// rendering; retired renderings are left to the deprecated rule. It
// returns the findings by key, as Finish does.
func (s *ScopePass) conceptInconsistency() []*Finding {
	tallies, wins := s.conceptTallies()
	findings := make([]*Finding, len(s.keys))
	for i, k := range s.keys {
		c, r := k.r.Concept, k.r.Rendering
		w, ok := wins[c]
		if !ok || r == w || c.KindOrDefault() == glossary.KindPhrase || retiredIn(r, s.House) || nonPreferred(k.r, s.Style) || s.sideBySide(r, w) {
			continue
		}
		t := tallies[c]
		msg := fmt.Sprintf("%q differs from %q, used %s %s (first at %s); %s",
			k.text, w.EN, times(t.count[w]), s.where(), s.at(t.first[w]), s.why(c, w))
		suggestions := []string{w.EN}
		fd := occurrenceFinding(s.Rule.Severity, k.r, msg, suggestions, []Related{s.related(t.first[w])})
		fd.Fix = fix(k.text, slotFree, 1, k.r, suggestions, s.House)
		findings[i] = s.finding(fd)
	}
	return findings
}

// StyleVariants reports, when asked for, a concept rendered two ways
// that one style both uses ("Chinese modernization" and "Chinese path to
// modernization"): not a slip, and which to keep is the writer's choice,
// so it is an info note without a fix, and off unless configured.
var StyleVariants = &Rule{
	Name: "style-variants",
	Doc:  "notes a concept rendered two ways that one house style both uses",
	Help: "Notes a concept written two ways that one house style both accepts. It is off unless configured: both ways are right, but an editor may want a text to settle on one." +
		"\n\n" +
		"To clear the note, keep the suggested rendering throughout, or leave the rule off.",
	Severity: SeverityInfo,
	Off:      true,
	Run:      func(p *Pass) { p.holdUses() },
	Finish: func(s *ScopePass) []*Finding {
		tallies, wins := s.conceptTallies()
		findings := make([]*Finding, len(s.keys))
		for i, k := range s.keys {
			c, r := k.r.Concept, k.r.Rendering
			w, ok := wins[c]
			if !ok || r == w || retiredIn(r, s.House) || !s.sideBySide(r, w) {
				continue
			}
			t := tallies[c]
			shared := slices.DeleteFunc(slices.Clone(r.AllStyles()), func(style string) bool { return !w.InStyle(style) })
			msg := fmt.Sprintf("%q and %q are both %s renderings of %s; %q is used %s %s (first at %s)",
				k.text, w.EN, strings.Join(shared, "/"), c.ZH, w.EN, times(t.count[w]), s.where(), s.at(t.first[w]))
			if len(shared) == 0 {
				msg = fmt.Sprintf("%q and %q are both renderings the %s style admits for %s; %q is used %s %s (first at %s)",
					k.text, w.EN, s.House, c.ZH, w.EN, times(t.count[w]), s.where(), s.at(t.first[w]))
			}
			findings[i] = s.finding(occurrenceFinding(s.Rule.Severity, k.r, msg, []string{w.EN}, []Related{s.related(t.first[w])}))
		}
		return findings
	},
}

// conceptTallies counts, for each concept the scope holds uses of, the
// uses of each of its renderings that are not retired in the house
// style, and picks the rendering to recommend where there are several:
// the one of highest authority, then the most used.
func (s *ScopePass) conceptTallies() (map[*glossary.Concept]*tally[*glossary.Rendering], map[*glossary.Concept]*glossary.Rendering) {
	var concepts []*glossary.Concept
	tallies := make(map[*glossary.Concept]*tally[*glossary.Rendering])
	for ref := range s.heldUses() {
		r := s.keys[ref.u.key].r
		if retiredIn(r.Rendering, s.House) {
			continue
		}
		t := tallies[r.Concept]
		if t == nil {
			t = &tally[*glossary.Rendering]{}
			tallies[r.Concept] = t
			concepts = append(concepts, r.Concept)
		}
		t.add(r.Rendering, ref, !ref.u.quoted)
	}
	better := func(a, b *glossary.Rendering) bool {
		return authorityOf(a, s.House, s.Checker.official).above(authorityOf(b, s.House, s.Checker.official))
	}
	wins := make(map[*glossary.Concept]*glossary.Rendering)
	for _, c := range concepts {
		if win, ok := tallies[c].best(better); ok {
			wins[c] = win
		}
	}
	return tallies, wins
}

// sideBySide reports whether one style uses both renderings, or the house
// style admits r: then neither is a slip, and which to keep is the
// writer's choice ("neighborhood work" and "work related to neighboring
// countries" in one official text).
func (s *ScopePass) sideBySide(r, w *glossary.Rendering) bool {
	if s.House != "" && r.InStyle(s.House) && !retiredIn(r, s.House) {
		return true
	}
	return slices.ContainsFunc(r.AllStyles(), w.InStyle)
}

// where names the scope in a message.
func (s *ScopePass) where() string {
	if len(s.digests) == 1 {
		return "in this file"
	}
	return "in the files checked"
}

// at is where a held use is, for a message: line and column, and the
// file when the scope has several.
func (s *ScopePass) at(ref heldRef) string {
	line, col, _, _ := s.position(ref.d, ref.u)
	if len(s.digests) == 1 {
		return fmt.Sprintf("%d:%d", line, col)
	}
	return fmt.Sprintf("%s:%d:%d", ref.d.path, line, col)
}

// why says why w is the rendering to write for c.
func (s *ScopePass) why(c *glossary.Concept, w *glossary.Rendering) string {
	switch {
	case s.House != "" && c.Preferred(s.House) == w && s.Style == "":
		return fmt.Sprintf("the %s style, which this text follows, writes %q", s.House, w.EN)
	case s.House != "" && c.Preferred(s.House) == w:
		return fmt.Sprintf("the %s style writes %q", s.House, w.EN)
	case w.StatusFor(s.House) == glossary.Preferred:
		return fmt.Sprintf("%q is the glossary's preferred rendering", w.EN)
	}
	return fmt.Sprintf("%q is the text's usual rendering", w.EN)
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// familyReading is how an occurrence reads its family's shared element:
// the root concept's rendering inside it when there is one ("periphery" in
// "periphery diplomacy"), else the styles of the rendering itself.
type familyReading struct {
	root   *glossary.Rendering
	styles string // sorted, comma-separated; "" when the reading says nothing
	// official is the date of the latest official use of the rendering
	// the reading takes its styles from, which ranks readings when no
	// house style does.
	official string
}

func (fr familyReading) compatible(other familyReading) bool {
	if fr.root != nil && fr.root == other.root {
		return true
	}
	return slices.ContainsFunc(fr.styleList(), other.hasStyle)
}

// styleList is the reading's styles; styles is kept joined so that a
// reading can be a map key.
func (fr familyReading) styleList() []string {
	if fr.styles == "" {
		return nil
	}
	return strings.Split(fr.styles, ",")
}

func (fr familyReading) hasStyle(style string) bool { return slices.Contains(fr.styleList(), style) }

func (fr familyReading) String() string {
	if fr.root != nil {
		return fmt.Sprintf("%q", fr.root.EN)
	}
	return "the " + strings.ReplaceAll(fr.styles, ",", "/") + " wording"
}

// familyPlace is how occurrence o, read as r, reads the element it
// shares with its family's root: the root concept's rendering inside it,
// if any, and the rendering whose styles say how it reads it (the root's
// rendering, else r's own). ok is false when o says nothing of its
// family: its concept has none, or it is a slip without a style.
func (c *Checker) familyPlace(o *Occurrence, r Reading) (root, styled *glossary.Rendering, ok bool) {
	rootConcept := c.family[r.Concept]
	if rootConcept == nil {
		return nil, nil, false
	}
	root = r.Rendering
	if r.Concept != rootConcept {
		root = findRendering(o.Nested, rootConcept)
	}
	styled = r.Rendering
	if root != nil {
		styled = root
	}
	return root, styled, root != nil || c.styles[styled] != ""
}

// findRendering looks for an unshared rendering of concept c among nested
// occurrences, depth first.
func findRendering(nested []*Occurrence, c *glossary.Concept) *glossary.Rendering {
	for _, n := range nested {
		if r, ok := n.Reading(); ok && r.Concept == c {
			return r.Rendering
		}
		if r := findRendering(n.Nested, c); r != nil {
			return r
		}
	}
	return nil
}

// familyInconsistency reports uses whose reading of their family's shared
// element (周边: "neighborhood" or "periphery") is not the house style's,
// unless the concept rule already reported them: it adds to the concept
// rule's findings, by key. Without a house style, a reading some style
// takes beats a slip, then the more recent official use wins, and only
// then the majority.
func (s *ScopePass) familyInconsistency(findings []*Finding) {
	byRoot := make(map[*glossary.Concept]*tally[familyReading])
	var roots []*glossary.Concept
	for ref := range s.heldUses() {
		k := &s.keys[ref.u.key]
		if !k.inFamily || retiredIn(k.r.Rendering, s.House) {
			continue
		}
		root := s.Checker.family[k.r.Concept]
		t := byRoot[root]
		if t == nil {
			t = &tally[familyReading]{}
			byRoot[root] = t
			roots = append(roots, root)
		}
		t.add(k.family, ref, !ref.u.quoted)
	}
	type winner struct {
		fr    familyReading
		count int
		first heldRef
	}
	wins := make(map[*glossary.Concept]winner)
	for _, root := range roots {
		t := byRoot[root]
		// With a house style, its reading wins; without, a reading some
		// style takes beats a slip, then the more recent official use.
		win, ok := t.best(func(a, b familyReading) bool {
			if s.House != "" {
				return a.hasStyle(s.House) && !b.hasStyle(s.House)
			}
			if (a.styles != "") != (b.styles != "") {
				return a.styles != ""
			}
			return a.official > b.official
		})
		if !ok || s.House != "" && !win.hasStyle(s.House) {
			continue
		}
		// The uses that agree with the winner: those of every reading
		// compatible with it.
		count := 0
		for _, fr := range t.order {
			if fr.compatible(win) {
				count += t.count[fr]
			}
		}
		wins[root] = winner{win, count, t.first[win]}
	}
	for i, k := range s.keys {
		if !k.inFamily || retiredIn(k.r.Rendering, s.House) || findings[i] != nil || nonPreferred(k.r, s.Style) {
			continue
		}
		root := s.Checker.family[k.r.Concept]
		w, ok := wins[root]
		if !ok || k.family.compatible(w.fr) {
			continue
		}
		var suggestions []string
		styles := w.fr.styleList()
		if s.House != "" {
			styles = []string{s.House}
		}
		for _, style := range styles {
			if pref := k.r.Concept.Preferred(style); pref != nil && !slices.Contains(suggestions, pref.EN) {
				suggestions = append(suggestions, pref.EN)
			}
		}
		msg := fmt.Sprintf("%s differs from %s, used %s %s (first at %s)",
			k.familyWords(), w.fr, times(w.count), s.where(), s.at(w.first))
		if len(suggestions) == 1 {
			style := s.House
			if style == "" && len(w.fr.styleList()) == 1 {
				style = w.fr.styleList()[0]
			}
			if style != "" {
				msg += fmt.Sprintf("; the %s style writes %q", style, suggestions[0])
			} else {
				msg += fmt.Sprintf("; that reading writes %q", suggestions[0])
			}
		}
		fd := occurrenceFinding(s.Rule.Severity, k.r, msg, suggestions, []Related{s.related(w.first)})
		fd.Fix = fix(k.text, slotFree, 1, k.r, suggestions, s.House)
		findings[i] = s.finding(fd)
	}
}

// familyWords names, for a message, how a use reads its family's shared
// element: the root's rendering in it ("periphery" (in "periphery
// diplomacy")), else the use and its style.
func (k *useKey) familyWords() string {
	switch {
	case k.family.root != nil && textnorm.Key(k.family.root.EN) == textnorm.Key(k.text):
		return fmt.Sprintf("%q", k.text)
	case k.family.root != nil:
		return fmt.Sprintf("%q (in %q)", k.family.root.EN, k.text)
	}
	return fmt.Sprintf("%q (%s)", k.text, k.family)
}
