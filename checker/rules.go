package checker

import (
	"fmt"
	"slices"
	"strings"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/inflect"
	"github.com/termlint/termlint/internal/textnorm"
)

// Rule is one check, in the shape of go/analysis: a name users type in
// config and suppressions, one sentence of documentation, and a function
// that reports findings through a Pass.
type Rule struct {
	Name     string
	Doc      string
	Severity Severity
	Run      func(*Pass)
}

// Pass is what a rule sees of a run: the files of one scope and the
// options.
type Pass struct {
	Rule    *Rule
	Checker *Checker
	// Style is the house style checked, or "".
	Style string
	// Files are the files of the scope, in the order given.
	Files    []*File
	findings *[]Finding
	// cache of uses and renderingCounts, which several rules read.
	usesCache   []use
	countsCache map[*glossary.Rendering]int
}

// Rules are the rules, in the order they run. Missing and Untranslated
// read the Chinese side, so they find nothing in an English-only file.
var Rules = []*Rule{Inconsistent, NonPreferred, Deprecated, Missing, Untranslated}

// Report records a finding at occurrence o of file f, read as r, with the
// rule's severity.
func (p *Pass) Report(f *File, o *Occurrence, r Reading, message string, suggestions []string, related ...Related) {
	p.ReportSeverity(p.Rule.Severity, f, o, r, message, suggestions, related...)
}

// ReportSeverity is Report with a severity of the rule's choosing. A
// finding with one suggestion, a rendering of the same concept, carries
// that suggestion as its Fix (see fix).
func (p *Pass) ReportSeverity(sev Severity, f *File, o *Occurrence, r Reading, message string, suggestions []string, related ...Related) {
	p.reportOccurrence(sev, f, o, r, message, suggestions, true, related...)
}

// reportOccurrence records a finding at occurrence o of file f, read as
// r; with fixable false it carries no Fix, whatever its suggestions.
func (p *Pass) reportOccurrence(sev Severity, f *File, o *Occurrence, r Reading, message string, suggestions []string, fixable bool, related ...Related) {
	fd := Finding{Severity: sev, Concept: r.Concept.ID, ZH: r.Concept.ZH, Rendering: r.Rendering.EN, Message: message, Suggestions: suggestions, Related: related}
	if fixable {
		fd.Fix = fix(f.text(o), o, r, suggestions)
	}
	p.reportAt(fd, f.Path, f.lines, f.Text, o.Start, o.End)
}

// fix is the replacement for text, occurrence o read as r, when the
// finding has one unambiguous suggestion: the suggestion written in the
// text's case and number (inflect.Phrase). There is none when the
// suggestions are several or none; when the phrase is shared by several
// concepts, so that which concept it renders is a guess; when the
// suggestion is not a usable rendering of r's concept (a finding about a
// family may suggest another concept's words); and when it is r's own
// rendering, so that applying it would change nothing a rerun sees.
func fix(text string, o *Occurrence, r Reading, suggestions []string) string {
	if len(suggestions) != 1 || len(o.Readings) != 1 {
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

// Related points at occurrence o of file f.
func (p *Pass) Related(f *File, o *Occurrence) Related {
	line, col := f.lines.Position(o.Start)
	return Related{File: f.Path, Line: line, Column: col, Text: f.text(o)}
}

func (f *File) text(o *Occurrence) string { return string(f.Text[o.Start:o.End]) }

// use is one occurrence with the one reading a rule acts on.
type use struct {
	f *File
	o *Occurrence
	r Reading
}

// uses lists the top-level occurrences of the scope that have exactly one
// reading, in file order. A phrase several concepts share is left out: its
// English cannot say which concept it renders; so is an occurrence in a
// bilingual file whose segment's Chinese lacks its concept.
func (p *Pass) uses() []use {
	if p.usesCache == nil {
		p.usesCache = []use{}
		for _, f := range p.Files {
			for _, o := range f.Occurrences {
				if r, ok := o.Reading(); ok && !o.Unaligned {
					p.usesCache = append(p.usesCache, use{f, o, r})
				}
			}
		}
	}
	return p.usesCache
}

// renderingCounts counts the top-level uses of each rendering in the scope,
// shared phrases included: "neighboring countries" is ambiguous as
// evidence of a concept, not as a choice of words.
func (p *Pass) renderingCounts() map[*glossary.Rendering]int {
	if p.countsCache == nil {
		p.countsCache = make(map[*glossary.Rendering]int)
		for _, f := range p.Files {
			for _, o := range f.Occurrences {
				for _, r := range o.Readings {
					p.countsCache[r.Rendering]++
				}
			}
		}
	}
	return p.countsCache
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
		for _, f := range p.Files {
			for _, o := range f.Occurrences {
				// A shared phrase is reported only if every concept retired it.
				if slices.ContainsFunc(o.Readings, func(r Reading) bool { return !retired(r.Rendering) }) {
					continue
				}
				r := o.Readings[0]
				msg := fmt.Sprintf("%q is a %s rendering of %s", f.text(o), r.Rendering.Status, r.Concept.ZH)
				if r.Rendering.Note != "" {
					msg += ": " + r.Rendering.Note
				}
				p.Report(f, o, r, msg, p.alternatives(r.Concept))
			}
		}
	},
}

// alternatives are what to write for concept c, instead of a retired
// rendering or where a rendering is missing: the style's preferred
// rendering; else the concept's preferred rendering, the one the scope
// uses most if several styles prefer different ones, or all of them if
// the scope uses none; else the usable rendering the scope uses most, or
// all of them if it uses none.
func (p *Pass) alternatives(c *glossary.Concept) []string {
	if p.Style != "" {
		if pref := c.Preferred(p.Style); pref != nil {
			return []string{pref.EN}
		}
	}
	counts := p.renderingCounts()
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
		for _, u := range p.uses() {
			if !p.nonPreferred(u) {
				continue
			}
			pref := u.r.Concept.Preferred(p.Style)
			msg := fmt.Sprintf("%q is not the %s style's rendering of %s; it prefers %q", u.f.text(u.o), p.Style, u.r.Concept.ZH, pref.EN)
			p.Report(u.f, u.o, u.r, msg, []string{pref.EN})
		}
	},
}

// nonPreferred reports whether the non-preferred rule reports u: under a
// style, a rendering the style does not list (an admitted rendering the
// style lists, such as a short form, is the style's own) of a concept the
// style prefers another rendering for. Retired renderings are the
// deprecated rule's.
func (p *Pass) nonPreferred(u use) bool {
	if p.Style == "" || retired(u.r.Rendering) || slices.Contains(u.r.Rendering.Styles, p.Style) {
		return false
	}
	return u.r.Concept.Preferred(p.Style) != nil
}

// Inconsistent reports a concept rendered more than one way in the scope,
// and concepts of one family that read their shared element differently.
var Inconsistent = &Rule{
	Name:     "inconsistent",
	Doc:      "reports a concept, or a family of concepts, rendered more than one way in the scope",
	Severity: SeverityWarning,
	Run: func(p *Pass) {
		reported := p.conceptInconsistency()
		p.familyInconsistency(reported)
	},
}

// tally counts keys in order of first use.
type tally[K comparable] struct {
	order []K
	count map[K]int
	first map[K]use
}

func (t *tally[K]) add(k K, u use) {
	if t.count == nil {
		t.count, t.first = make(map[K]int), make(map[K]use)
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
// the deprecated rule. It returns the occurrences it reported.
func (p *Pass) conceptInconsistency() map[*Occurrence]bool {
	reported := make(map[*Occurrence]bool)
	var concepts []*glossary.Concept
	tallies := make(map[*glossary.Concept]*tally[*glossary.Rendering])
	us := p.uses()
	for _, u := range us {
		if retired(u.r.Rendering) {
			continue
		}
		t := tallies[u.r.Concept]
		if t == nil {
			t = &tally[*glossary.Rendering]{}
			tallies[u.r.Concept] = t
			concepts = append(concepts, u.r.Concept)
		}
		t.add(u.r.Rendering, u)
	}
	for _, c := range concepts {
		t := tallies[c]
		if len(t.order) < 2 {
			continue
		}
		win := t.majority(func(r *glossary.Rendering) bool { return len(r.Styles) > 0 })
		if pref := c.Preferred(p.Style); p.Style != "" && pref != nil && t.count[pref] > 0 {
			win = pref
		}
		first := t.first[win]
		for _, u := range us {
			if u.r.Concept != c || u.r.Rendering == win || retired(u.r.Rendering) || p.nonPreferred(u) {
				continue // non-preferred already says what to write
			}
			msg := fmt.Sprintf("%s is rendered %q %s in this scope, %q %s", c.ZH, win.EN, times(t.count[win]), u.r.Rendering.EN, times(t.count[u.r.Rendering]))
			sev, fixable := p.Rule.Severity, true
			if shared := sharedStyles(win, u.r.Rendering); len(shared) > 0 {
				// Two renderings one house uses side by side: worth knowing,
				// not worth failing a build over, and which to keep is the
				// writer's choice, not a fix.
				sev, fixable = SeverityInfo, false
				msg += fmt.Sprintf(" (both are %s renderings)", strings.Join(shared, "/"))
			}
			p.reportOccurrence(sev, u.f, u.o, u.r, msg, []string{win.EN}, fixable, p.Related(first.f, first.o))
			reported[u.o] = true
		}
	}
	return reported
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

func (c *Checker) familyReading(o *Occurrence, r Reading, root *glossary.Concept) familyReading {
	rootRendering := r.Rendering
	if r.Concept != root {
		rootRendering = findRendering(o.Nested, root)
	}
	styles := r.Rendering.Styles
	if rootRendering != nil {
		styles = rootRendering.Styles
	}
	return familyReading{root: rootRendering, styles: strings.Join(slices.Sorted(slices.Values(styles)), ",")}
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

// familyInconsistency reports occurrences whose reading of their family's
// shared element (周边: "neighborhood" or "periphery") disagrees with the
// reading most of the family's occurrences take, unless the concept rule
// already reported them.
func (p *Pass) familyInconsistency(reported map[*Occurrence]bool) {
	type familyUse struct {
		use
		reading familyReading
	}
	byRoot := make(map[*glossary.Concept][]familyUse)
	var roots []*glossary.Concept
	for _, u := range p.uses() {
		root := p.Checker.family[u.r.Concept]
		if root == nil || retired(u.r.Rendering) {
			continue
		}
		fr := p.Checker.familyReading(u.o, u.r, root)
		if fr.root == nil && fr.styles == "" {
			continue // a slip without a style says nothing about the family
		}
		if byRoot[root] == nil {
			roots = append(roots, root)
		}
		byRoot[root] = append(byRoot[root], familyUse{u, fr})
	}
	for _, root := range roots {
		fus := byRoot[root]
		var t tally[familyReading]
		for _, fu := range fus {
			t.add(fu.reading, fu.use)
		}
		if len(t.order) < 2 {
			continue
		}
		win := t.majority(func(fr familyReading) bool { return fr.styles != "" })
		if p.Style != "" {
			if i := slices.IndexFunc(t.order, func(fr familyReading) bool {
				return fr.hasStyle(p.Style)
			}); i >= 0 {
				win = t.order[i]
			}
		}
		winCount := 0
		for _, fu := range fus {
			if fu.reading.compatible(win) {
				winCount++
			}
		}
		first := t.first[win]
		for _, fu := range fus {
			if fu.reading.compatible(win) || reported[fu.o] || p.nonPreferred(fu.use) {
				continue
			}
			var suggestions []string
			for _, s := range win.styleList() {
				if pref := fu.r.Concept.Preferred(s); pref != nil && !slices.Contains(suggestions, pref.EN) {
					suggestions = append(suggestions, pref.EN)
				}
			}
			subject := fmt.Sprintf("%s reads %s", fu.r.Concept.ZH, root.ZH)
			if fu.r.Concept == root {
				subject = fmt.Sprintf("%s is read", root.ZH)
			}
			msg := fmt.Sprintf("%s as %s here, but %s %s in this scope (first: %q)",
				subject, fu.reading, win, times(winCount), first.f.text(first.o))
			p.Report(fu.f, fu.o, fu.r, msg, suggestions, p.Related(first.f, first.o))
		}
	}
}
