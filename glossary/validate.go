package glossary

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm"
)

// RuleNames are the checker rules a glossary example may expect.
var RuleNames = []string{"inconsistent", "non-preferred", "deprecated", "missing", "untranslated"}

// ValidateOptions adjusts Validate.
type ValidateOptions struct {
	// RuleNames are the rule names examples may expect; nil means
	// RuleNames.
	RuleNames []string
	// CheckExample runs the checker on one example of concept c and returns
	// the names of the rules it reported, one per finding. When nil,
	// examples are checked for form only.
	CheckExample func(g *Glossary, c *Concept, e *Example) ([]string, error)
	// Strict adds the quality gates of a curated glossary, as warnings:
	// a rendering no seen entry dates (by its own date or its source's)
	// or places on a page, a gloss that only repeats a rendering,
	// and a concept with no preferred rendering in OfficialStyle whose
	// notes do not say why (NoOfficialNote). A house glossary need not
	// meet them, so they are off by default.
	Strict bool
}

// OfficialStyle is the style whose preferred rendering a strict
// validation asks of every concept, when the glossary defines it.
const OfficialStyle = "official"

// NoOfficialNote is the phrase with which a concept's notes say why it
// has no preferred official rendering ("No official English is
// attested: …"); a strict validation then does not ask for one. It is
// compared case-insensitively.
const NoOfficialNote = "no official"

// Validate checks a merged glossary as a whole: references to sources,
// styles (status_in's included) and concepts; one Chinese term or English
// rendering under two concepts; concepts without renderings; more than
// one preferred rendering per style, by each rendering's status in the
// style (Rendering.StatusFor); parts that form a cycle; a style named both in a rendering's styles
// and its status_in; and examples that do not hold. Problems a single
// file shows by itself are Parse's (an unknown status, phrase type or
// concept kind, a context pattern that is none, an unknown placeholder),
// and an empty glossary is Load's. opts.Strict adds the quality gates of
// a curated glossary, as warnings (ValidateOptions.Strict).
func Validate(g *Glossary, opts ValidateOptions) Problems {
	v := &validator{g: g, opts: opts, sources: mapByID(g.Sources), styles: mapByID(g.Styles)}
	if v.opts.RuleNames == nil {
		v.opts.RuleNames = RuleNames
	}
	// The collision checks only read the glossary, so they run beside the
	// checks of each concept, on other cores. Their problems are put
	// after those, as one pass would have found them: sorting keeps the
	// order of problems at one position.
	var chinese, english Problems
	var wg sync.WaitGroup
	wg.Go(func() { chinese = v.chineseCollisions() })
	wg.Go(func() { english = v.englishCollisions() })
	for _, c := range g.Concepts {
		v.concept(c)
	}
	v.partsCycles()
	wg.Wait()
	problems := append(append(v.problems, chinese...), english...)
	problems.Sort()
	return problems
}

type validator struct {
	g        *Glossary
	opts     ValidateOptions
	problems Problems
	// The registries by id: every reference is looked up, so a linear
	// search would make validation quadratic in the glossary's size.
	sources map[string]*Source
	styles  map[string]*Style
	// named holds the ids concepts name as family, part or related
	// concept, each with whether a concept has it; made when the first
	// is looked up. A glossary of 100,000 concepts names few, so this is
	// smaller than an index of all ids.
	named map[string]bool
	// idHints counts the "did you mean" suggestions made (maxIDHints).
	idHints int
}

func (v *validator) concept(c *Concept) {
	name := what{noun: "concept", id: c.ID, quoted: true}
	for i, ex := range c.ZHExcept {
		// A word that does not hold the term could never shadow it.
		if !slices.ContainsFunc(append([]string{c.ZH}, c.ZHVariants...), func(zh string) bool { return zh != "" && strings.Contains(ex, zh) && ex != zh }) {
			v.problems.errorf(c.At(fmt.Sprintf("zh_except.%d", i)), "%s lists %q in zh_except, which does not hold its Chinese term in a longer word", name, ex)
		}
	}
	for i, zh := range c.ZHVariants {
		// TBX keeps one term per form, so a repeated form would not come back.
		if zh == c.ZH || slices.Contains(c.ZHVariants[:i], zh) {
			v.problems.errorf(c.At(fmt.Sprintf("zh_variants.%d", i)), "%s lists %q in zh_variants twice, or as its zh too", name, zh)
		}
	}
	for i, word := range c.ZHContext {
		// A word of the term itself would be in every sentence it is in.
		if word == "" || slices.ContainsFunc(append([]string{c.ZH}, c.ZHVariants...), func(zh string) bool { return strings.Contains(zh, word) }) {
			v.problems.errorf(c.At(fmt.Sprintf("zh_context.%d", i)), "%s lists %q in zh_context, which is empty or a part of its own Chinese term", name, word)
		}
	}
	if v.unknownConcept(c.Family) {
		v.conceptRef(c.At("family"), name, "family", c.Family)
	}
	for i, id := range c.Parts {
		if id == c.ID {
			v.problems.errorf(c.At(fmt.Sprintf("parts.%d", i)), "%s lists itself among its parts", name)
			continue
		}
		if v.unknownConcept(id) {
			v.conceptRef(c.At(fmt.Sprintf("parts.%d", i)), name, "part", id)
		}
	}
	for i, id := range c.Related {
		if v.unknownConcept(id) {
			v.conceptRef(c.At(fmt.Sprintf("related.%d", i)), name, "related concept", id)
		}
	}
	// A later file may extend a concept without repeating its zh, so a
	// missing zh is only an error once the files are merged.
	if c.ZH == "" {
		v.problems.errorf(c.Pos, "%s has no zh", name)
	}
	if len(c.Renderings) == 0 {
		v.problems.errorf(c.Pos, "%s has no renderings", name)
	}
	// The preferred rendering of each style ("" for none), in a list: a
	// concept has few styles, but may have thousands.
	type pref struct {
		style string
		r     *Rendering
		// at is where the rendering's status in the style is written.
		at Pos
	}
	var buf [4]pref
	preferred := buf[:0]
	var preferredStyles firstKeys // the styles of preferred, in order
	for _, r := range c.Renderings {
		for i, s := range r.Styles {
			if v.styles[s] == nil {
				v.problems.errorf(r.At(fmt.Sprintf("styles.%d", i)), "rendering %q names unknown style %q%s", r.EN, s, known(v.g.StyleIDs()))
			}
		}
		for _, s := range slices.Sorted(maps.Keys(r.StatusIn)) {
			switch {
			case v.styles[s] == nil:
				v.problems.errorf(r.At("status_in."+s), "rendering %q has a status in unknown style %q%s", r.EN, s, known(v.g.StyleIDs()))
			case slices.Contains(r.Styles, s):
				// Said once, at status_in: that is where the style's
				// status is, and removing the style from styles mends it.
				v.problems.errorf(r.At("status_in."+s), "rendering %q names style %q both in styles and in status_in; a style in status_in uses the rendering already, so take it out of styles", r.EN, s)
			}
		}
		for _, s := range r.Seen {
			if s.Source != "" && v.sources[s.Source] == nil {
				v.problems.errorf(s.At("source"), "rendering %q was seen in unknown source %q%s", r.EN, s.Source, known(idsOf(v.g.Sources)))
			}
		}
		for _, s := range r.PreferredStyles() {
			at := "status"
			if _, ok := r.StatusIn[s]; ok && s != "" {
				at = "status_in." + s
			}
			if i := preferredStyles.index(s); i >= 0 {
				prev := preferred[i]
				in := "with no style"
				if s != "" {
					in = fmt.Sprintf("in style %q", s)
				}
				v.problems.errorf(r.At(at), "%s has two preferred renderings %s: %q and %q (at %s)", name, in, prev.r.EN, r.EN, prev.at)
				continue
			}
			preferredStyles.add(s)
			preferred = append(preferred, pref{s, r, r.At(at)})
		}
	}
	for _, e := range c.Examples {
		v.example(c, e)
	}
	if v.opts.Strict {
		v.strictConcept(c, name)
	}
}

// strictConcept applies the quality gates of ValidateOptions.Strict to c:
// each rendering must be seen in a dated source, so a reader can tell
// when it was in use, and the concept must have a preferred official
// rendering or notes that say why not, so that check --style official
// knows the current form.
func (v *validator) strictConcept(c *Concept, name what) {
	for _, r := range c.Renderings {
		if len(r.Seen) == 0 {
			v.problems.warnf(r.Pos, "rendering %q of %s has no seen entry: say which dated source uses it", r.EN, name)
			continue
		}
		if !slices.ContainsFunc(r.Seen, v.dated) {
			v.problems.warnf(r.Seen[0].Pos, "rendering %q of %s is seen in no dated source: give the seen entry or its source a date (or, in a book, the page)", r.EN, name)
		}
	}
	if gloss := glossKey(c.Gloss); gloss != "" && slices.ContainsFunc(c.Renderings, func(r *Rendering) bool { return glossKey(r.EN) == gloss }) {
		v.problems.warnf(c.At("gloss"), "%s has a gloss that only repeats one of its renderings: say what the term means", name)
	}
	if v.styles[OfficialStyle] != nil && c.Preferred(OfficialStyle) == nil && !strings.Contains(strings.ToLower(c.Notes), NoOfficialNote) {
		v.problems.warnf(c.Pos, "%s has no preferred rendering in style %q: give one, or say why in its notes (%q …)", name, OfficialStyle, NoOfficialNote)
	}
}

// glossKey folds a gloss or a rendering for comparing them: its words,
// without a leading article ("the Chinese Dream" is "Chinese Dream").
func glossKey(s string) string {
	k := textnorm.Key(s)
	for _, article := range []string{"the ", "a ", "an "} {
		k = strings.TrimPrefix(k, article)
	}
	return k
}

// dated reports whether seen entry s has a date, its own or its source's,
// or a page, as Stats.Dated counts them: a page finds the use in a book
// as a date and URL find it in a column. An unknown source is reported
// already; it dates nothing.
func (v *validator) dated(s *Seen) bool { return located(s, v.sources) }

// PreferredStyles lists the styles r is the preferred rendering in, by
// its status in each (StatusFor), in AllStyles' order; when no style uses
// r, it is [""] (preferred with no style) if r's status is preferred.
// Each concept has at most one preferred rendering per entry.
func (r *Rendering) PreferredStyles() []string {
	all := r.AllStyles()
	if len(all) == 0 {
		if r.Status == Preferred {
			return []string{""}
		}
		return nil
	}
	var out []string
	for _, s := range all {
		if r.StatusFor(s) == Preferred {
			out = append(out, s)
		}
	}
	return out
}

// unknownConcept reports whether id is set and names no concept.
func (v *validator) unknownConcept(id string) bool {
	if id == "" {
		return false
	}
	if v.named == nil {
		v.named = map[string]bool{}
		for _, c := range v.g.Concepts {
			if c.Family != "" {
				v.named[c.Family] = false
			}
			for _, id := range c.Parts {
				v.named[id] = false
			}
			for _, id := range c.Related {
				v.named[id] = false
			}
		}
		for _, c := range v.g.Concepts {
			if _, ok := v.named[c.ID]; ok {
				v.named[c.ID] = true
			}
		}
	}
	return !v.named[id]
}

// partsCycles reports each cycle in the parts graph (a compound made,
// through its parts, of itself), at the parts entry that closes it, with
// the ids around it from there: a → b → a. The checker holds a compound
// rendered when each of its parts is, which a cycle leaves without an
// answer. A concept listing itself is concept's to report. The walk is
// iterative and visits each concept once, so neither a deep nor a wide
// graph can stop it.
func (v *validator) partsCycles() {
	byID := make(map[string]*Concept)
	for _, c := range v.g.Concepts {
		if len(c.Parts) > 0 {
			byID[c.ID] = nil
		}
	}
	if len(byID) == 0 {
		return
	}
	for _, c := range v.g.Concepts {
		if len(c.Parts) > 0 && byID[c.ID] == nil {
			byID[c.ID] = c
		}
	}
	const (
		unseen = iota
		onPath // its parts are being walked
		done
	)
	state := make(map[*Concept]int, len(byID))
	var path []partsFrame
	for _, root := range v.g.Concepts {
		if len(root.Parts) == 0 || state[root] != unseen {
			continue
		}
		state[root] = onPath
		path = append(path[:0], partsFrame{c: root})
		for len(path) > 0 {
			top := &path[len(path)-1]
			if top.next == len(top.c.Parts) {
				state[top.c] = done
				path = path[:len(path)-1]
				continue
			}
			i := top.next
			top.next++
			id := top.c.Parts[i]
			part := byID[id]
			if part == nil || part == top.c {
				continue // a leaf, unknown, or the concept itself
			}
			switch state[part] {
			case unseen:
				state[part] = onPath
				path = append(path, partsFrame{c: part})
			case onPath:
				v.problems.errorf(top.c.At(fmt.Sprintf("parts.%d", i)), "concept %q is made of itself through its parts: %s", top.c.ID, cycleOf(path, part))
			}
		}
	}
}

// partsFrame is a concept on the path of partsCycles' walk and the
// index of the next of its parts to walk.
type partsFrame struct {
	c    *Concept
	next int
}

// cycleOf names the cycle that the top of path closes by naming part,
// which is on path, from the top's point of view: the top, part and the
// concepts after it on path, then the top again.
func cycleOf(path []partsFrame, part *Concept) string {
	top := path[len(path)-1].c
	ids := []string{top.ID}
	on := false
	for _, f := range path[:len(path)-1] {
		on = on || f.c == part
		if on {
			ids = append(ids, f.c.ID)
		}
	}
	return strings.Join(append(ids, top.ID), " → ")
}

// maxIDHints is how many references to unknown concepts Validate
// suggests an id for ("did you mean"). Each suggestion compares the id
// with every concept's: without a bound, a glossary of 2,500 concepts
// each naming an unknown one took 10 s, and twice as many four times as
// long. A curator mends the first few and runs validate again.
const maxIDHints = 100

// conceptRef reports a reference to an unknown concept.
func (v *validator) conceptRef(pos Pos, name what, kind, id string) {
	hint := ""
	if v.idHints < maxIDHints {
		v.idHints++
		hint = nearestID(v.g, id)
	}
	v.problems.errorf(pos, "%s names unknown %s %q%s", name, kind, id, hint)
}

func (v *validator) example(c *Concept, e *Example) {
	for i, rule := range e.Expect {
		if !slices.Contains(v.opts.RuleNames, rule) {
			v.problems.errorf(e.At(fmt.Sprintf("expect.%d", i)), "example expects unknown rule %q (rules: %s)", rule, strings.Join(v.opts.RuleNames, ", "))
		}
	}
	if e.Style != "" && v.styles[e.Style] == nil {
		v.problems.errorf(e.At("style"), "example names unknown style %q%s", e.Style, known(v.g.StyleIDs()))
		return
	}
	if v.opts.CheckExample == nil {
		return
	}
	got, err := v.opts.CheckExample(v.g, c, e)
	if err != nil {
		v.problems.errorf(e.At("text"), "example could not be checked: %v", err)
		return
	}
	want := slices.Sorted(slices.Values(e.Expect))
	got = slices.Sorted(slices.Values(got))
	if !slices.Equal(want, got) {
		v.problems.errorf(e.At("text"), "example does not hold: it expects %s, the checker reports %s", ruleList(want), ruleList(got))
	}
}

func ruleList(rules []string) string {
	if len(rules) == 0 {
		return "no findings"
	}
	return "[" + strings.Join(rules, ", ") + "]"
}

// chineseCollisions reports one Chinese term (zh or a variant, compared
// folded) under two concepts: the matcher could not tell which is meant.
func (v *validator) chineseCollisions() (problems Problems) {
	// term i of a concept is its zh (-1) or zh_variants[i].
	type owner struct {
		c *Concept
		i int
	}
	pos := func(c *Concept, i int) Pos {
		if i < 0 {
			return c.At("zh")
		}
		return c.At(fmt.Sprintf("zh_variants.%d", i))
	}
	first := make(map[string]owner, len(v.g.Concepts))
	for _, c := range v.g.Concepts {
		for i := -1; i < len(c.ZHVariants); i++ {
			t := c.ZH
			if i >= 0 {
				t = c.ZHVariants[i]
			}
			k := chineseKey(t)
			if k == "" {
				continue
			}
			prev, dup := first[k]
			switch {
			case !dup:
				first[k] = owner{c, i}
			case prev.c != c:
				problems.errorf(pos(c, i), "zh %q of concept %q is also concept %q's (at %s)", t, c.ID, prev.c.ID, pos(prev.c, prev.i))
			}
		}
	}
	return problems
}

// englishCollisions warns about one English rendering (or form, folded)
// under two concepts, unless both renderings say shared: true.
func (v *validator) englishCollisions() (problems Problems) {
	// A use is text i of a rendering: its en (0) or forms[i-1].
	type use struct {
		c *Concept
		r *Rendering
		i int
	}
	pos := func(u use) Pos {
		if u.i == 0 {
			return u.r.At("en")
		}
		return u.r.At(fmt.Sprintf("forms.%d", u.i-1))
	}
	n := 0
	for _, c := range v.g.Concepts {
		n += len(c.Renderings)
	}
	first := make(map[string]use, n)
	var keys firstKeys // the keys of one rendering's texts so far
	for _, c := range v.g.Concepts {
		for _, r := range c.Renderings {
			keys.reset()
			for i := 0; i <= len(r.Forms); i++ {
				text, k := r.EN, r.foldedEN()
				if i > 0 {
					text = r.Forms[i-1]
					k = renderingKey(text)
				}
				if k == "" || keys.add(k) >= 0 {
					continue
				}
				u := use{c, r, i}
				prev, ok := first[k]
				switch {
				case !ok:
					first[k] = u
				case prev.c == c || prev.r.Shared && r.Shared:
				case i == 0:
					problems.warnf(pos(u), "rendering %q of concept %q is also a rendering of concept %q (at %s); if that is intended, mark both shared: true", text, c.ID, prev.c.ID, pos(prev))
				default:
					problems.warnf(pos(u), "%q, a form of rendering %q of concept %q, is also a rendering of concept %q (at %s); if that is intended, mark both shared: true", text, r.EN, c.ID, prev.c.ID, pos(prev))
				}
			}
		}
	}
	return problems
}

func known(ids []string) string {
	if len(ids) == 0 {
		return " (none are defined)"
	}
	if len(ids) > 8 {
		return fmt.Sprintf(" (known: %s, … %d in all)", strings.Join(ids[:8], ", "), len(ids))
	}
	return " (known: " + strings.Join(ids, ", ") + ")"
}

// maxHintIDLen is the longest id nearestID suggests for: the edit
// distance costs the product of the lengths, and no misspelt slug is
// that long.
const maxHintIDLen = 100

// nearestID suggests the concept id closest to a misspelt one.
func nearestID(g *Glossary, id string) string {
	n := utf8.RuneCountInString(id)
	if n > maxHintIDLen {
		return ""
	}
	best, bestDist := "", n/3+1
	for _, c := range g.Concepts {
		// Two ids differ by at least their difference in length.
		if m := utf8.RuneCountInString(c.ID); m-n >= bestDist || n-m >= bestDist {
			continue
		}
		if d := levenshtein(id, c.ID); d < bestDist {
			best, bestDist = c.ID, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Placeholders are the name placeholders a rendering may hold, which the
// checker reads as any name of their kind: "{ordinal} Plenary Session of
// the {ordinal} CPC Central Committee" stands for every such session.
var Placeholders = []string{"{ordinal}", "{number}"}

// CheckPlaceholders returns an error when text, a rendering or form,
// holds a brace that is not part of one of Placeholders.
func CheckPlaceholders(text string) error {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '{':
			j := strings.IndexByte(text[i:], '}')
			if j < 0 {
				return fmt.Errorf("it holds a { that opens no placeholder; the placeholders are %s", strings.Join(Placeholders, " and "))
			}
			if ph := text[i : i+j+1]; !slices.Contains(Placeholders, ph) {
				return fmt.Errorf("it holds the unknown placeholder %s; the placeholders are %s", ph, strings.Join(Placeholders, " and "))
			}
			i += j
		case '}':
			return fmt.Errorf("it holds a } that closes no placeholder; the placeholders are %s", strings.Join(Placeholders, " and "))
		}
	}
	return nil
}

// ContextWord is the word of a context pattern that stands for the
// rendering, and AnyWord the word that stands for any one word.
const (
	ContextWord = "_"
	AnyWord     = "*"
)

// CheckContextPattern returns an error when pattern is not a context
// pattern: words separated by single spaces, exactly one of which is
// ContextWord, and at least one other.
func CheckContextPattern(pattern string) error {
	words := strings.Fields(pattern)
	switch {
	case len(words) == 0:
		return errors.New("it is empty")
	case strings.Join(words, " ") != pattern:
		return errors.New("it has an empty word: words are separated by single spaces, with none at either end")
	}
	n := 0
	for _, w := range words {
		switch {
		case w == ContextWord:
			n++
		case strings.Contains(w, ContextWord):
			return fmt.Errorf("its word %q holds %s, which must be a word of its own", w, ContextWord)
		}
	}
	switch {
	case n == 0:
		return fmt.Errorf("it has no %s standing for the rendering", ContextWord)
	case n > 1:
		return fmt.Errorf("it has %d words %s; exactly one stands for the rendering", n, ContextWord)
	case len(words) == 1:
		return fmt.Errorf("it has no word beside %s, so it says nothing about the context", ContextWord)
	}
	return nil
}
