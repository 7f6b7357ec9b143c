package glossary

import (
	"runtime"
	"slices"
	"sync"
)

// Merge combines glossaries in order into a new one. A later glossary
// extends or overrides an earlier one by id: a source or style with a known
// id replaces it; a concept with a known id keeps what it does not say and
// takes what it does, its list fields (zh_variants, tags, parts, related)
// adding to the earlier lists and its renderings replacing or extending the
// earlier ones matched by English text. A rendering's status, phrase,
// styles and context patterns are replaced by those the later glossary
// gives, its status_in merged style by style (see mergeStyles). The
// inputs are not modified.
//
// Merge then fills in what a glossary may leave out: generated pinyin and
// the default status "admitted".
func Merge(gs ...*Glossary) *Glossary { return merge(gs, copyConcept, false) }

// merge is Merge, adding a concept no earlier glossary has as add(c).
// Load, which owns the glossaries it parsed, passes nil to take them as
// they are: copying 100,000 concepts to keep inputs nobody else sees
// costs time and memory.
//
// unique says that no glossary has two concepts with one id, as Parse
// makes sure. Then the concepts of the last glossary need not be
// indexed by id, since no later one looks them up: with a large
// glossary last, as in -g @default -g large.yaml, the index stays small.
func merge(gs []*Glossary, add func(*Concept) *Concept, unique bool) *Glossary {
	n, last := 0, -1
	for i, g := range gs {
		n += len(g.Concepts)
		if len(g.Concepts) > 0 {
			last = i
		}
	}
	out := &Glossary{Sources: []*Source{}, Styles: []*Style{}, Concepts: make([]*Concept, 0, n)}
	sources, styles, concepts := map[string]int{}, map[string]int{}, map[string]int{}
	for i, g := range gs {
		for _, s := range g.Sources {
			out.Sources = upsert(out.Sources, sources, s, func(_, x *Source) *Source { return x }, nil)
		}
		for _, s := range g.Styles {
			out.Styles = upsert(out.Styles, styles, s, func(_, x *Style) *Style { return x }, nil)
		}
		if unique && i == last {
			for _, c := range g.Concepts {
				if j, ok := concepts[c.ID]; ok {
					out.Concepts[j] = mergeConcept(out.Concepts[j], c)
					continue
				}
				if add != nil {
					c = add(c)
				}
				out.Concepts = append(out.Concepts, c)
			}
			continue
		}
		for _, c := range g.Concepts {
			out.Concepts = upsert(out.Concepts, concepts, c, mergeConcept, add)
		}
	}
	// Each concept is filled in by itself, so on all cores.
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(out.Concepts)/1000+1)
	for w := range workers {
		wg.Go(func() {
			for _, c := range out.Concepts[w*len(out.Concepts)/workers : (w+1)*len(out.Concepts)/workers] {
				fillDefaults(c)
			}
		})
	}
	wg.Wait()
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
	n.at = slices.Clone(c.at)
	n.Renderings = make([]*Rendering, len(c.Renderings))
	for i, r := range c.Renderings {
		n.Renderings[i] = copyRendering(r)
	}
	return &n
}

func copyRendering(r *Rendering) *Rendering {
	n := *r
	n.at = slices.Clone(r.at)
	return &n
}

// mergeConcept returns base overridden by over, field by field.
func mergeConcept(base, over *Concept) *Concept {
	c := copyConcept(base)
	c.Pos = over.Pos
	// takePos replaces the positions of a field's value and items by
	// over's.
	takePos := func(field int) {
		c.at.drop(field)
		for _, e := range over.at {
			if e.field() == field {
				c.at = append(c.at, e)
			}
		}
	}
	str := func(field int, dst *string, v string) {
		if v != "" {
			*dst = v
			takePos(field)
		}
	}
	str(cZH, &c.ZH, over.ZH)
	str(cPinyin, &c.Pinyin, over.Pinyin)
	str(cKind, (*string)(&c.Kind), string(over.Kind))
	str(cGloss, &c.Gloss, over.Gloss)
	str(cNotes, &c.Notes, over.Notes)
	str(cFamily, &c.Family, over.Family)
	c.ZHVariants = unionAt(&c.at, cZHVariants, c.ZHVariants, over.ZHVariants, over.at)
	c.ZHExcept = unionAt(&c.at, cZHExcept, c.ZHExcept, over.ZHExcept, over.at)
	c.ZHContext = unionAt(&c.at, cZHContext, c.ZHContext, over.ZHContext, over.at)
	c.Tags = unionAt(&c.at, cTags, c.Tags, over.Tags, over.at)
	c.Related = unionAt(&c.at, cRelated, c.Related, over.Related, over.at)
	if over.Parts != nil {
		// Parts are an ordered decomposition, so a later file replaces them.
		c.Parts = over.Parts
		takePos(cParts)
	}
	if over.Pinyin != "" {
		c.PinyinGenerated = false
	}
	if len(over.Renderings) > 0 {
		var byEN firstKeys
		for _, r := range c.Renderings {
			byEN.add(r.foldedEN())
		}
		for _, r := range over.Renderings {
			if i := byEN.add(r.foldedEN()); i >= 0 {
				c.Renderings[i] = mergeRendering(c.Renderings[i], r)
			} else {
				c.Renderings = append(c.Renderings, copyRendering(r))
			}
		}
	}
	if over.Examples != nil {
		c.Examples = over.Examples
	}
	return c
}

func mergeRendering(base, over *Rendering) *Rendering {
	r := copyRendering(base)
	r.EN, r.key, r.keyEN = over.EN, over.key, over.keyEN
	r.Pos = over.Pos
	r.at.set(rEN, -1, over.At("en"))
	if over.Status != "" {
		r.Status = over.Status
		r.at.set(rStatus, -1, over.At("status"))
	}
	mergeStyles(r, over)
	if over.Phrase != "" {
		r.Phrase = over.Phrase
		r.at.set(rPhrase, -1, over.At("phrase"))
	}
	if over.Context != nil {
		// Each list of patterns is replaced, as styles are, when the later
		// file gives it.
		ctx := Context{}
		if r.Context != nil {
			ctx = *r.Context
		}
		if over.Context.Require != nil {
			ctx.Require = over.Context.Require
			r.at.take(rContextRequire, over.at)
		}
		if over.Context.Exclude != nil {
			ctx.Exclude = over.Context.Exclude
			r.at.take(rContextExclude, over.at)
		}
		r.Context = &ctx
		r.at.set(rContext, -1, over.At("context"))
	}
	if over.Note != "" {
		r.Note = over.Note
	}
	r.Shared = r.Shared || over.Shared
	r.Forms = union(r.Forms, over.Forms)
	r.Seen = append(append([]*Seen{}, r.Seen...), over.Seen...)
	return r
}

// mergeStyles merges over's styles and status_in into r, a copy of the
// rendering over overrides. styles are replaced when over gives them;
// status_in is merged style by style, over's status in a style replacing
// r's. A style over names in one of the two leaves the other, where only
// the earlier file put it: a later file that gives the literal style a
// status of its own, or puts it back among styles, moves it, and the
// merged rendering does not name one style twice.
func mergeStyles(r, over *Rendering) {
	if over.Styles != nil {
		r.Styles = over.Styles
		r.at.take(rStyles, over.at)
	} else if len(over.StatusIn) > 0 {
		var kept []string
		var old []int
		for i, s := range r.Styles {
			if _, moved := over.StatusIn[s]; !moved {
				kept = append(kept, s)
				old = append(old, i)
			}
		}
		if len(kept) < len(r.Styles) {
			if kept == nil {
				kept = []string{}
			}
			r.Styles = kept
			r.at.renumber(rStyles, old)
		}
	}
	if len(over.StatusIn) == 0 && (over.Styles == nil || len(r.StatusIn) == 0) {
		return
	}
	statusIn := make(map[string]Status, len(r.StatusIn)+len(over.StatusIn))
	for s, st := range r.StatusIn {
		if _, given := over.StatusIn[s]; !given && slices.Contains(over.Styles, s) {
			r.at.remove(rStatusIn, itemNameID(s))
			continue
		}
		statusIn[s] = st
	}
	for s, st := range over.StatusIn {
		statusIn[s] = st
	}
	for _, e := range over.at {
		if e.field() == rStatusIn {
			r.at.put(e)
		}
	}
	if len(statusIn) == 0 {
		statusIn = nil
		r.at.drop(rStatusIn)
	}
	r.StatusIn = statusIn
}

// union appends to a the items of b it does not hold yet.
func union(a, b []string) []string {
	return unionAt(nil, 0, a, b, nil)
}

// unionAt is union that also records, in at, the position bAt held for
// each item of field taken from b, under its new index.
func unionAt(at *positions, field int, a, b []string, bAt positions) []string {
	if b == nil {
		return a
	}
	out := append([]string{}, a...)
	for i, s := range b {
		if slices.Contains(out, s) {
			continue
		}
		if e, ok := bAt.entry(field, i); ok && at != nil && len(out) <= maxItem {
			e.key = posKey(field, len(out))
			at.put(e)
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

// foldedEN is renderingKey(r.EN), folded once when the rendering was
// parsed: parsing, merging and validation all compare by it.
func (r *Rendering) foldedEN() string {
	if r.keyEN != r.EN {
		return renderingKey(r.EN)
	}
	return r.key
}
