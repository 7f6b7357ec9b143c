package glossary

import (
	"cmp"
	"slices"
)

// Stats is a glossary in numbers, for a curator: what it holds, which
// styles lack preferred renderings, which sources are cited, which
// renderings nobody has been seen using.
type Stats struct {
	Concepts int `json:"concepts"`
	// Parts counts the concepts tagged PartTag.
	Parts      int `json:"parts"`
	Renderings int `json:"renderings"`
	// ByStatus counts renderings by status.
	ByStatus map[Status]int `json:"by_status"`
	Styles   []StyleStats   `json:"styles"`
	Sources  SourceStats    `json:"sources"`
	Families []FamilyStats  `json:"families"`
	// Tags counts concepts by tag, most used first.
	Tags []TagCount `json:"tags"`
	// ConceptsByKind counts concepts by kind, a concept that gives none
	// as a term (KindOrDefault); kinds no concept has are left out.
	ConceptsByKind map[Kind]int `json:"concepts_by_kind"`
	Examples       int          `json:"examples"`
	// Unseen lists the renderings without a seen entry.
	Unseen []RenderingRef `json:"unseen"`
}

// StyleStats is one house style's share of the glossary.
type StyleStats struct {
	ID string `json:"id"`
	// Renderings counts the renderings the style uses (AllStyles) by
	// their status in it (StatusFor).
	Renderings map[Status]int `json:"renderings"`
	// Preferred counts the concepts with a preferred rendering in the
	// style; WithoutPreferred lists the others, by id, parts left out.
	Preferred        int      `json:"preferred"`
	WithoutPreferred []string `json:"without_preferred"`
}

// SourceStats sums up the sources and how often seen entries cite them.
type SourceStats struct {
	Total  int            `json:"total"`
	ByKind map[string]int `json:"by_kind"`
	// Cited lists the cited sources, most cited first.
	Cited []SourceCount `json:"cited"`
	// Uncited lists the sources no seen entry cites.
	Uncited []string `json:"uncited"`
}

// SourceCount is how many seen entries cite a source.
type SourceCount struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Seen int    `json:"seen"`
}

// FamilyStats is a family: its root concept and the concepts that name
// it as their family.
type FamilyStats struct {
	Root    string   `json:"root"`
	ZH      string   `json:"zh"`
	Members []string `json:"members"`
}

// TagCount is how many concepts carry a tag.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}

// RenderingRef names a rendering of a concept.
type RenderingRef struct {
	Concept string `json:"concept"`
	EN      string `json:"en"`
}

// Summarize counts what g holds. Lists keep the glossary's order unless
// they are ranked; ties in a ranking keep it too.
func Summarize(g *Glossary) Stats {
	s := Stats{
		ByStatus:       map[Status]int{},
		ConceptsByKind: map[Kind]int{},
		Sources:        SourceStats{Total: len(g.Sources), ByKind: map[string]int{}, Cited: []SourceCount{}, Uncited: []string{}},
		Families:       []FamilyStats{},
		Tags:           []TagCount{},
		Unseen:         []RenderingRef{},
		Styles:         make([]StyleStats, len(g.Styles)),
	}
	styleIndex := make(map[string]int, len(g.Styles))
	for i, st := range g.Styles {
		s.Styles[i] = StyleStats{ID: st.ID, Renderings: map[Status]int{}, WithoutPreferred: []string{}}
		styleIndex[st.ID] = i
	}
	cited := map[string]int{}
	tags := map[string]int{}
	var tagOrder []string
	families := map[string]int{} // root id -> index in s.Families
	for _, c := range g.Concepts {
		s.Concepts++
		s.ConceptsByKind[c.KindOrDefault()]++
		if c.IsPart() {
			s.Parts++
		}
		s.Examples += len(c.Examples)
		for _, t := range c.Tags {
			if tags[t] == 0 {
				tagOrder = append(tagOrder, t)
			}
			tags[t]++
		}
		if c.Family != "" {
			i, ok := families[c.Family]
			if !ok {
				i = len(s.Families)
				families[c.Family] = i
				f := FamilyStats{Root: c.Family, Members: []string{}}
				if root := g.Concept(c.Family); root != nil {
					f.ZH = root.ZH
				}
				s.Families = append(s.Families, f)
			}
			if c.ID != c.Family {
				s.Families[i].Members = append(s.Families[i].Members, c.ID)
			}
		}
		for _, r := range c.Renderings {
			s.Renderings++
			s.ByStatus[r.Status]++
			// Each style that uses the rendering counts it by its status
			// there.
			for _, id := range r.AllStyles() {
				if i, ok := styleIndex[id]; ok {
					s.Styles[i].Renderings[r.StatusFor(id)]++
				}
			}
			if len(r.Seen) == 0 {
				s.Unseen = append(s.Unseen, RenderingRef{Concept: c.ID, EN: r.EN})
			}
			for _, seen := range r.Seen {
				cited[seen.Source]++
			}
		}
		for i := range s.Styles {
			switch {
			case c.Preferred(s.Styles[i].ID) != nil:
				s.Styles[i].Preferred++
			case !c.IsPart():
				s.Styles[i].WithoutPreferred = append(s.Styles[i].WithoutPreferred, c.ID)
			}
		}
	}
	for _, src := range g.Sources {
		s.Sources.ByKind[src.Kind]++
		if n := cited[src.ID]; n > 0 {
			s.Sources.Cited = append(s.Sources.Cited, SourceCount{ID: src.ID, Kind: src.Kind, Seen: n})
		} else {
			s.Sources.Uncited = append(s.Sources.Uncited, src.ID)
		}
	}
	slices.SortStableFunc(s.Sources.Cited, func(a, b SourceCount) int { return cmp.Compare(b.Seen, a.Seen) })
	for _, t := range tagOrder {
		s.Tags = append(s.Tags, TagCount{Tag: t, Count: tags[t]})
	}
	slices.SortStableFunc(s.Tags, func(a, b TagCount) int { return cmp.Compare(b.Count, a.Count) })
	return s
}
