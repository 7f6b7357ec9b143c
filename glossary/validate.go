package glossary

import (
	"fmt"
	"slices"
	"strings"

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
}

// Validate checks a merged glossary as a whole: references to sources,
// styles and concepts; one Chinese term or English rendering under two
// concepts; concepts without renderings; more than one preferred rendering
// per style; and examples that do not hold. Problems a single file shows
// by itself are Parse's, and an empty glossary is Load's.
func Validate(g *Glossary, opts ValidateOptions) Problems {
	v := &validator{g: g, opts: opts, concepts: mapByID(g.Concepts), sources: mapByID(g.Sources), styles: mapByID(g.Styles)}
	if v.opts.RuleNames == nil {
		v.opts.RuleNames = RuleNames
	}
	for _, c := range g.Concepts {
		v.concept(c)
	}
	v.chineseCollisions()
	v.englishCollisions()
	v.problems.Sort()
	return v.problems
}

type validator struct {
	g        *Glossary
	opts     ValidateOptions
	problems Problems
	// The registries by id: every reference is looked up, so a linear
	// search would make validation quadratic in the glossary's size.
	concepts map[string]*Concept
	sources  map[string]*Source
	styles   map[string]*Style
}

func (v *validator) concept(c *Concept) {
	name := fmt.Sprintf("concept %q", c.ID)
	v.conceptRef(c.At("family"), name, "family", c.Family)
	for i, id := range c.Parts {
		if id == c.ID {
			v.problems.errorf(c.At(fmt.Sprintf("parts.%d", i)), "%s lists itself among its parts", name)
			continue
		}
		v.conceptRef(c.At(fmt.Sprintf("parts.%d", i)), name, "part", id)
	}
	for i, id := range c.Related {
		v.conceptRef(c.At(fmt.Sprintf("related.%d", i)), name, "related concept", id)
	}
	// A later file may extend a concept without repeating its zh, so a
	// missing zh is only an error once the files are merged.
	if c.ZH == "" {
		v.problems.errorf(c.Pos, "%s has no zh", name)
	}
	if len(c.Renderings) == 0 {
		v.problems.errorf(c.Pos, "%s has no renderings", name)
	}
	preferred := map[string]*Rendering{} // style ("" for none) -> preferred rendering
	for _, r := range c.Renderings {
		for i, s := range r.Styles {
			if v.styles[s] == nil {
				v.problems.errorf(r.At(fmt.Sprintf("styles.%d", i)), "rendering %q names unknown style %q%s", r.EN, s, known(v.g.StyleIDs()))
			}
		}
		for _, s := range r.Seen {
			if s.Source != "" && v.sources[s.Source] == nil {
				v.problems.errorf(s.At("source"), "rendering %q was seen in unknown source %q%s", r.EN, s.Source, known(idsOf(v.g.Sources)))
			}
		}
		if r.Status != Preferred {
			continue
		}
		styles := r.Styles
		if len(styles) == 0 {
			styles = []string{""}
		}
		for _, s := range styles {
			if prev, dup := preferred[s]; dup {
				in := "with no style"
				if s != "" {
					in = fmt.Sprintf("in style %q", s)
				}
				v.problems.errorf(r.At("status"), "%s has two preferred renderings %s: %q and %q (at %s)", name, in, prev.EN, r.EN, prev.At("status"))
				continue
			}
			preferred[s] = r
		}
	}
	for _, e := range c.Examples {
		v.example(c, e)
	}
}

func (v *validator) conceptRef(pos Pos, name, what, id string) {
	if id != "" && v.concepts[id] == nil {
		v.problems.errorf(pos, "%s names unknown %s %q%s", name, what, id, nearestID(v.g, id))
	}
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
func (v *validator) chineseCollisions() {
	type owner struct {
		c   *Concept
		pos Pos
	}
	first := map[string]owner{}
	for _, c := range v.g.Concepts {
		terms := append([]string{c.ZH}, c.ZHVariants...)
		paths := []string{"zh"}
		for i := range c.ZHVariants {
			paths = append(paths, fmt.Sprintf("zh_variants.%d", i))
		}
		for i, t := range terms {
			k := textnorm.Chinese(t)
			if k == "" {
				continue
			}
			prev, dup := first[k]
			switch {
			case !dup:
				first[k] = owner{c, c.At(paths[i])}
			case prev.c != c:
				v.problems.errorf(c.At(paths[i]), "zh %q of concept %q is also concept %q's (at %s)", t, c.ID, prev.c.ID, prev.pos)
			}
		}
	}
}

// englishCollisions warns about one English rendering (or form, folded)
// under two concepts, unless both renderings say shared: true.
func (v *validator) englishCollisions() {
	type use struct {
		c    *Concept
		r    *Rendering
		text string
		pos  Pos
	}
	first := map[string]use{}
	for _, c := range v.g.Concepts {
		for _, r := range c.Renderings {
			texts := append([]string{r.EN}, r.Forms...)
			seen := map[string]bool{}
			for i, text := range texts {
				k := renderingKey(text)
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				u := use{c, r, text, r.At("en")}
				if i > 0 {
					u.pos = r.At(fmt.Sprintf("forms.%d", i-1))
				}
				prev, ok := first[k]
				switch {
				case !ok:
					first[k] = u
				case prev.c == c || prev.r.Shared && r.Shared:
				case i == 0:
					v.problems.warnf(u.pos, "rendering %q of concept %q is also a rendering of concept %q (at %s); if that is intended, mark both shared: true", text, c.ID, prev.c.ID, prev.pos)
				default:
					v.problems.warnf(u.pos, "%q, a form of rendering %q of concept %q, is also a rendering of concept %q (at %s); if that is intended, mark both shared: true", text, r.EN, c.ID, prev.c.ID, prev.pos)
				}
			}
		}
	}
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

// nearestID suggests the concept id closest to a misspelt one.
func nearestID(g *Glossary, id string) string {
	best, bestDist := "", len(id)/3+1
	for _, c := range g.Concepts {
		if d := levenshtein(id, c.ID); d < bestDist {
			best, bestDist = c.ID, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
