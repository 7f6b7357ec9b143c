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
// seen (finish). So a scope of many files is checked without holding
// them (see Collector).
type Rule struct {
	Name     string
	Doc      string
	Severity Severity
	Run      func(*Pass)
	// finish, if set, runs once every file of the scope has been
	// through Run. It returns, by key (Collector.keys), the finding each
	// held use of the key becomes, but for its place, or nil for none.
	finish func(*scopePass) []*Finding
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
var Rules = []*Rule{Inconsistent, NonPreferred, Deprecated, Missing, Untranslated}

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
	fd.Fix = fix(p.File.text(o), len(o.Readings), r, suggestions)
	p.digest.found = append(p.digest.found, p.place(fd, p.File.Path, p.File.lines, p.File.Text, o.Start, o.End))
}

// reportAlternatives records a finding at occurrence o, read as r, whose
// suggestions are what to write instead of concept r.Concept in the scope
// (alternatives): they are known, with the finding's fix, once the scope
// has been seen.
func (p *Pass) reportAlternatives(o *Occurrence, r Reading, message string) {
	fd := p.place(occurrenceFinding(p.Rule.Severity, r, message, nil, nil), p.File.Path, p.File.lines, p.File.Text, o.Start, o.End)
	p.digest.pending = append(p.digest.pending, pending{Finding: fd, concept: r.Concept, fixable: true, readings: len(o.Readings), reading: r})
}

// occurrenceFinding is a finding at an occurrence read as r, without its
// place.
func occurrenceFinding(sev Severity, r Reading, message string, suggestions []string, related []Related) Finding {
	return Finding{Severity: sev, Concept: r.Concept.ID, ZH: r.Concept.ZH, Rendering: r.Rendering.EN, Message: message, Suggestions: suggestions, Related: related}
}

// fix is the replacement for text, an occurrence with the given number of
// readings read as r, when the finding has one unambiguous suggestion:
// the suggestion written in the text's case and number (inflect.Phrase).
// There is none when the suggestions are several or none; when the
// phrase is shared by several concepts, so that which concept it renders
// is a guess; when the suggestion is not a usable rendering of r's
// concept (a finding about a family may suggest another concept's words);
// and when it is r's own rendering, so that applying it would change
// nothing a rerun sees.
func fix(text string, readings int, r Reading, suggestions []string) string {
	if len(suggestions) != 1 || readings != 1 {
		return ""
	}
	i := slices.IndexFunc(r.Concept.Renderings, func(x *glossary.Rendering) bool { return x.EN == suggestions[0] })
	if i < 0 || r.Concept.Renderings[i] == r.Rendering || retired(r.Concept.Renderings[i]) {
		return ""
	}
	// The text may be a form of its rendering ("OBOR" of "One Belt, One
	// Road"): compare it with the form it is, so its case reads right.
	written, key := r.Rendering.EN, textnorm.Key(text)
	for _, form := range r.Rendering.Forms {
		if textnorm.Key(form) == key {
			written = form
		}
	}
	return inflect.Phrase(text, written, suggestions[0])
}

func (f *File) text(o *Occurrence) string { return string(f.Text[o.Start:o.End]) }

// use is one occurrence with the one reading a rule acts on.
type use struct {
	o *Occurrence
	r Reading
}

// uses yields the file's top-level occurrences that have exactly one
// reading, in file order. A phrase several concepts share is left out:
// its English cannot say which concept it renders; so is an occurrence in
// a bilingual file whose segment's Chinese lacks its concept.
func (p *Pass) uses() iter.Seq[use] {
	return func(yield func(use) bool) {
		for _, o := range p.File.Occurrences {
			if r, ok := o.Reading(); ok && !o.Unaligned {
				if !yield(use{o, r}) {
					return
				}
			}
		}
	}
}

// countRenderings counts the top-level uses of each rendering in f, shared
// phrases included: "neighboring countries" is ambiguous as evidence of a
// concept, not as a choice of words.
func countRenderings(f *File, counts map[*glossary.Rendering]int) {
	for _, o := range f.Occurrences {
		for _, r := range o.Readings {
			counts[r.Rendering]++
		}
	}
}

func retired(r *glossary.Rendering) bool {
	return r.Status == glossary.Deprecated || r.Status == glossary.Superseded
}

// Deprecated reports renderings the glossary marks deprecated or
// superseded.
var Deprecated = &Rule{
	Name:     "deprecated",
	Doc:      "reports renderings marked deprecated or superseded, suggesting the preferred one",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		for _, o := range p.File.Occurrences {
			// A shared phrase is reported only if every concept retired it.
			if slices.ContainsFunc(o.Readings, func(r Reading) bool { return !retired(r.Rendering) }) {
				continue
			}
			r := o.Readings[0]
			msg := fmt.Sprintf("%q is a %s rendering of %s", p.File.text(o), r.Rendering.Status, r.Concept.ZH)
			if r.Rendering.Note != "" {
				msg += ": " + r.Rendering.Note
			}
			p.reportAlternatives(o, r, msg)
		}
	},
}

// alternatives are what to write for concept c, instead of a retired
// rendering or where a rendering is missing: the style's preferred
// rendering; else the concept's preferred rendering, the one the scope
// uses most if several styles prefer different ones, or all of them if
// the scope uses none; else the usable rendering the scope uses most, or
// all of them if it uses none. counts are the scope's uses of each
// rendering (countRenderings).
func alternatives(c *glossary.Concept, style string, counts map[*glossary.Rendering]int) []string {
	if style != "" {
		if pref := c.Preferred(style); pref != nil {
			return []string{pref.EN}
		}
	}
	mostUsed := func(candidates []*glossary.Rendering) *glossary.Rendering {
		var best *glossary.Rendering
		for _, r := range candidates {
			if counts[r] > 0 && (best == nil || counts[r] > counts[best]) {
				best = r
			}
		}
		return best
	}
	var prefs, usable []*glossary.Rendering
	for _, r := range c.Renderings {
		if r.Status == glossary.Preferred {
			prefs = append(prefs, r)
		}
		if !retired(r) {
			usable = append(usable, r)
		}
	}
	switch best := mostUsed(prefs); {
	case len(prefs) == 1:
		return []string{prefs[0].EN}
	case best != nil:
		return []string{best.EN}
	case len(prefs) > 1:
		return renderingTexts(prefs)
	}
	if best := mostUsed(usable); best != nil {
		return []string{best.EN}
	}
	return renderingTexts(usable)
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
	Name:     "non-preferred",
	Doc:      "under --style, reports renderings the style does not use, suggesting the one it prefers",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		for u := range p.uses() {
			if !nonPreferred(u.r, p.Style) {
				continue
			}
			pref := u.r.Concept.Preferred(p.Style)
			msg := fmt.Sprintf("%q is not the %s style's rendering of %s; it prefers %q", p.File.text(u.o), p.Style, u.r.Concept.ZH, pref.EN)
			p.Report(u.o, u.r, msg, []string{pref.EN})
		}
	},
}

// nonPreferred reports whether the non-preferred rule reports a use read
// as r: under a style, a rendering the style does not list (an admitted
// rendering the style lists, such as a short form, is the style's own) of
// a concept the style prefers another rendering for. Retired renderings
// are the deprecated rule's.
func nonPreferred(r Reading, style string) bool {
	if style == "" || retired(r.Rendering) || slices.Contains(r.Rendering.Styles, style) {
		return false
	}
	return r.Concept.Preferred(style) != nil
}

// Inconsistent reports a concept rendered more than one way in the scope,
// and concepts of one family that read their shared element differently.
// It keeps each file's uses (Pass.holdUses) and compares them once the
// scope has been seen.
var Inconsistent = &Rule{
	Name:     "inconsistent",
	Doc:      "reports a concept, or a family of concepts, rendered more than one way in the scope",
	Severity: SeverityWarning,
	Run:      func(p *Pass) { p.holdUses() },
	finish: func(s *scopePass) []*Finding {
		findings := s.conceptInconsistency()
		s.familyInconsistency(findings)
		return findings
	},
}

// tally counts keys in order of first use.
type tally[K comparable] struct {
	order []K
	count map[K]int
	first map[K]heldRef
}

func (t *tally[K]) add(k K, u heldRef) {
	if t.count == nil {
		t.count, t.first = make(map[K]int), make(map[K]heldRef)
	}
	if t.count[k] == 0 {
		t.order = append(t.order, k)
		t.first[k] = u
	}
	t.count[k]++
}

// majority is the most used key; ties go to a key styled is true of (a
// rendering some house uses beats a slip), then to the first used.
func (t *tally[K]) majority(styled func(K) bool) K {
	best := t.order[0]
	for _, k := range t.order[1:] {
		if t.count[k] > t.count[best] || t.count[k] == t.count[best] && styled(k) && !styled(best) {
			best = k
		}
	}
	return best
}

// conceptInconsistency reports every minority rendering of a concept. Forms
// of one rendering count as that rendering; retired renderings are left to
// the deprecated rule. It returns the findings by key, as finish does.
func (s *scopePass) conceptInconsistency() []*Finding {
	var concepts []*glossary.Concept
	tallies := make(map[*glossary.Concept]*tally[*glossary.Rendering])
	for ref := range s.heldUses() {
		r := s.keys[ref.u.key].r
		if retired(r.Rendering) {
			continue
		}
		t := tallies[r.Concept]
		if t == nil {
			t = &tally[*glossary.Rendering]{}
			tallies[r.Concept] = t
			concepts = append(concepts, r.Concept)
		}
		t.add(r.Rendering, ref)
	}
	// Each key is reported, or not, the same way: decide once per key,
	// then place the finding at each use.
	type winner struct {
		r     *glossary.Rendering
		first heldRef
	}
	wins := make(map[*glossary.Concept]winner)
	for _, c := range concepts {
		t := tallies[c]
		if len(t.order) < 2 {
			continue
		}
		win := t.majority(func(r *glossary.Rendering) bool { return len(r.Styles) > 0 })
		if pref := c.Preferred(s.Style); s.Style != "" && pref != nil && t.count[pref] > 0 {
			win = pref
		}
		wins[c] = winner{win, t.first[win]}
	}
	findings := make([]*Finding, len(s.keys))
	for i, k := range s.keys {
		c := k.r.Concept
		w, ok := wins[c]
		if !ok || k.r.Rendering == w.r || retired(k.r.Rendering) || nonPreferred(k.r, s.Style) {
			continue // non-preferred already says what to write
		}
		t := tallies[c]
		msg := fmt.Sprintf("%s is rendered %q %s in this scope, %q %s", c.ZH, w.r.EN, times(t.count[w.r]), k.r.Rendering.EN, times(t.count[k.r.Rendering]))
		sev, fixable := s.Rule.Severity, true
		if shared := sharedStyles(w.r, k.r.Rendering); len(shared) > 0 {
			// Two renderings one house uses side by side: worth knowing,
			// not worth failing a build over, and which to keep is the
			// writer's choice, not a fix.
			sev, fixable = SeverityInfo, false
			msg += fmt.Sprintf(" (both are %s renderings)", strings.Join(shared, "/"))
		}
		suggestions := []string{w.r.EN}
		fd := occurrenceFinding(sev, k.r, msg, suggestions, []Related{s.related(w.first)})
		if fixable {
			fd.Fix = fix(k.text, 1, k.r, suggestions)
		}
		findings[i] = s.finding(fd)
	}
	return findings
}

// sharedStyles lists the styles that use both renderings.
func sharedStyles(a, b *glossary.Rendering) []string {
	var shared []string
	for _, s := range a.Styles {
		if slices.Contains(b.Styles, s) {
			shared = append(shared, s)
		}
	}
	return shared
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
	return "the " + strings.ReplaceAll(fr.styles, ",", "/") + " way"
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
// element (周边: "neighborhood" or "periphery") disagrees with the reading
// most of the family's uses take, unless the concept rule already
// reported them: it adds to the concept rule's findings, by key.
func (s *scopePass) familyInconsistency(findings []*Finding) {
	byRoot := make(map[*glossary.Concept]*tally[familyReading])
	var roots []*glossary.Concept
	for ref := range s.heldUses() {
		k := &s.keys[ref.u.key]
		if !k.inFamily || retired(k.r.Rendering) {
			continue
		}
		root := s.Checker.family[k.r.Concept]
		t := byRoot[root]
		if t == nil {
			t = &tally[familyReading]{}
			byRoot[root] = t
			roots = append(roots, root)
		}
		t.add(k.family, ref)
	}
	type winner struct {
		fr    familyReading
		count int
		first heldRef
	}
	wins := make(map[*glossary.Concept]winner)
	for _, root := range roots {
		t := byRoot[root]
		if len(t.order) < 2 {
			continue
		}
		win := t.majority(func(fr familyReading) bool { return fr.styles != "" })
		if s.Style != "" {
			if i := slices.IndexFunc(t.order, func(fr familyReading) bool {
				return fr.hasStyle(s.Style)
			}); i >= 0 {
				win = t.order[i]
			}
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
		if !k.inFamily || retired(k.r.Rendering) || findings[i] != nil || nonPreferred(k.r, s.Style) {
			continue
		}
		root := s.Checker.family[k.r.Concept]
		w, ok := wins[root]
		if !ok || k.family.compatible(w.fr) {
			continue
		}
		var suggestions []string
		for _, style := range w.fr.styleList() {
			if pref := k.r.Concept.Preferred(style); pref != nil && !slices.Contains(suggestions, pref.EN) {
				suggestions = append(suggestions, pref.EN)
			}
		}
		subject := fmt.Sprintf("%s reads %s", k.r.Concept.ZH, root.ZH)
		if k.r.Concept == root {
			subject = fmt.Sprintf("%s is read", root.ZH)
		}
		msg := fmt.Sprintf("%s as %s here, but %s %s in this scope (first: %q)",
			subject, k.family, w.fr, times(w.count), s.keys[w.first.u.key].text)
		fd := occurrenceFinding(s.Rule.Severity, k.r, msg, suggestions, []Related{s.related(w.first)})
		fd.Fix = fix(k.text, 1, k.r, suggestions)
		findings[i] = s.finding(fd)
	}
}
