package glossary

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/termlint/termlint/internal/textnorm"
)

// Merge combines glossaries in order into a new one. A later glossary
// extends or overrides an earlier one by id: a source or style with a known
// id replaces it; a concept with a known id keeps what it does not say and
// takes what it does, its list fields (zh_variants, tags, parts, related)
// adding to the earlier lists and its renderings replacing or extending the
// earlier ones matched by English text. The inputs are not modified.
//
// Merge then fills in what a glossary may leave out: generated pinyin and
// the default status "admitted".
func Merge(gs ...*Glossary) *Glossary {
	out := &Glossary{Sources: []*Source{}, Styles: []*Style{}, Concepts: []*Concept{}}
	sources, styles, concepts := map[string]int{}, map[string]int{}, map[string]int{}
	for _, g := range gs {
		for _, s := range g.Sources {
			out.Sources = upsert(out.Sources, sources, s, func(_, x *Source) *Source { return x }, nil)
		}
		for _, s := range g.Styles {
			out.Styles = upsert(out.Styles, styles, s, func(_, x *Style) *Style { return x }, nil)
		}
		for _, c := range g.Concepts {
			out.Concepts = upsert(out.Concepts, concepts, c, mergeConcept, copyConcept)
		}
	}
	for _, c := range out.Concepts {
		fillDefaults(c)
	}
	return out
}

// upsert merges x into the entry of list with its id, whose index at
// records, or appends it (as add(x) when add is not nil).
func upsert[T identified](list []T, at map[string]int, x T, merge func(old, x T) T, add func(T) T) []T {
	if i, ok := at[x.id()]; ok {
		list[i] = merge(list[i], x)
		return list
	}
	if add != nil {
		x = add(x)
	}
	at[x.id()] = len(list)
	return append(list, x)
}

func copyConcept(c *Concept) *Concept {
	n := *c
	n.at = maps.Clone(c.at)
	n.Renderings = make([]*Rendering, len(c.Renderings))
	for i, r := range c.Renderings {
		n.Renderings[i] = copyRendering(r)
	}
	return &n
}

func copyRendering(r *Rendering) *Rendering {
	n := *r
	n.at = maps.Clone(r.at)
	return &n
}

// mergeConcept returns base overridden by over, field by field.
func mergeConcept(base, over *Concept) *Concept {
	c := copyConcept(base)
	c.Pos = over.Pos
	takePos := func(key string) {
		for k := range c.at {
			if k == key || strings.HasPrefix(k, key+".") {
				delete(c.at, k)
			}
		}
		for k, v := range over.at {
			if k == key || strings.HasPrefix(k, key+".") {
				c.at[k] = v
			}
		}
	}
	str := func(key string, dst *string, v string) {
		if v != "" {
			*dst = v
			takePos(key)
		}
	}
	str("zh", &c.ZH, over.ZH)
	str("pinyin", &c.Pinyin, over.Pinyin)
	str("gloss", &c.Gloss, over.Gloss)
	str("notes", &c.Notes, over.Notes)
	str("family", &c.Family, over.Family)
	c.ZHVariants = unionAt(c.at, "zh_variants", c.ZHVariants, over.ZHVariants, over.at)
	c.Tags = unionAt(c.at, "tags", c.Tags, over.Tags, over.at)
	c.Related = unionAt(c.at, "related", c.Related, over.Related, over.at)
	if over.Parts != nil {
		// Parts are an ordered decomposition, so a later file replaces them.
		c.Parts = over.Parts
		takePos("parts")
	}
	if over.Pinyin != "" {
		c.PinyinGenerated = false
	}
	for _, r := range over.Renderings {
		key := renderingKey(r.EN)
		if i := slices.IndexFunc(c.Renderings, func(x *Rendering) bool { return renderingKey(x.EN) == key }); i >= 0 {
			c.Renderings[i] = mergeRendering(c.Renderings[i], r)
		} else {
			c.Renderings = append(c.Renderings, copyRendering(r))
		}
	}
	if over.Examples != nil {
		c.Examples = over.Examples
	}
	return c
}

func mergeRendering(base, over *Rendering) *Rendering {
	r := copyRendering(base)
	r.EN = over.EN
	r.Pos = over.Pos
	r.at["en"] = over.At("en")
	if over.Status != "" {
		r.Status = over.Status
		r.at["status"] = over.At("status")
	}
	if over.Styles != nil {
		r.Styles = over.Styles
		for k, v := range over.at {
			if strings.HasPrefix(k, "styles") {
				r.at[k] = v
			}
		}
	}
	if over.Note != "" {
		r.Note = over.Note
	}
	r.Shared = r.Shared || over.Shared
	r.Forms = union(r.Forms, over.Forms)
	r.Seen = append(append([]*Seen{}, r.Seen...), over.Seen...)
	return r
}

// union appends to a the items of b it does not hold yet.
func union(a, b []string) []string {
	return unionAt(nil, "", a, b, nil)
}

// unionAt is union that also records, in at, the position bAt held for
// each item taken from b, under "key.i" for its new index i.
func unionAt(at map[string]Pos, key string, a, b []string, bAt map[string]Pos) []string {
	if b == nil {
		return a
	}
	out := append([]string{}, a...)
	for i, s := range b {
		if slices.Contains(out, s) {
			continue
		}
		if p, ok := bAt[fmt.Sprintf("%s.%d", key, i)]; ok && at != nil {
			at[fmt.Sprintf("%s.%d", key, len(out))] = p
		}
		out = append(out, s)
	}
	return out
}

func fillDefaults(c *Concept) {
	if c.Pinyin == "" && c.ZH != "" {
		c.Pinyin = GeneratePinyin(c.ZH)
		c.PinyinGenerated = c.Pinyin != ""
	}
	for _, r := range c.Renderings {
		if r.Status == "" {
			r.Status = Admitted
		}
		if r.Styles == nil {
			r.Styles = []string{}
		}
		if r.Seen == nil {
			r.Seen = []*Seen{}
		}
	}
	if c.Renderings == nil {
		c.Renderings = []*Rendering{}
	}
}

// renderingKey folds an English rendering for comparison: two renderings
// with one key are the same rendering.
func renderingKey(en string) string { return textnorm.Key(en) }
