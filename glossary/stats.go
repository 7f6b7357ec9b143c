package glossary

import (
	"cmp"
	"slices"
	"strings"
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
	// RenderingsByKind counts renderings by their concept's kind, as
	// ConceptsByKind counts concepts.
	RenderingsByKind map[Kind]int `json:"renderings_by_kind"`
	// Dated counts the renderings seen in a dated source: a seen entry
	// with a date of its own or its source's, or a page in a book (the
	// gate of validate --strict).
	Dated int `json:"dated"`
	// Unconfirmed counts the renderings seen only in sources read
	// through OCR (Source.OCR), which wait for a second source.
	Unconfirmed int `json:"unconfirmed"`
	// ByYear counts, for each year a seen entry dates (its own date or
	// its source's), the seen entries and the renderings seen that year,
	// earliest first; UndatedSeen counts the seen entries with no date.
	ByYear      []YearStats `json:"by_year"`
	UndatedSeen int         `json:"undated_seen"`
	Examples    int         `json:"examples"`
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

// SourceCount is how many seen entries and renderings cite a source.
type SourceCount struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Date string `json:"date,omitempty"`
	Seen int    `json:"seen"`
	// Renderings counts the renderings with a seen entry citing the
	// source, each once.
	Renderings int `json:"renderings"`
}

// YearStats is what the glossary attests in one year: seen entries
// dated in it, and renderings with such an entry, each once.
type YearStats struct {
	Year       string `json:"year"`
	Seen       int    `json:"seen"`
	Renderings int    `json:"renderings"`
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
		ByStatus:         map[Status]int{},
		ConceptsByKind:   map[Kind]int{},
		RenderingsByKind: map[Kind]int{},
		ByYear:           []YearStats{},
		Sources:          SourceStats{Total: len(g.Sources), ByKind: map[string]int{}, Cited: []SourceCount{}, Uncited: []string{}},
		Families:         []FamilyStats{},
		Tags:             []TagCount{},
		Unseen:           []RenderingRef{},
		Styles:           make([]StyleStats, len(g.Styles)),
	}
	styleIndex := make(map[string]int, len(g.Styles))
	for i, st := range g.Styles {
		s.Styles[i] = StyleStats{ID: st.ID, Renderings: map[Status]int{}, WithoutPreferred: []string{}}
		styleIndex[st.ID] = i
	}
	sources := mapByID(g.Sources)
	cited := map[string]int{}
	citingRenderings := map[string]int{}
	years := map[string]*YearStats{}
	// The sources and years of one rendering's seen entries so far, to
	// count the rendering once in each: a rendering has few entries.
	var renderingSources, renderingYears []string
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
			s.RenderingsByKind[c.KindOrDefault()]++
			renderingSources, renderingYears = renderingSources[:0], renderingYears[:0]
			placed := false // seen with a date or on a page (located)
			if unconfirmed(r, func(id string) *Source { return sources[id] }) {
				s.Unconfirmed++
			}
			for _, seen := range r.Seen {
				cited[seen.Source]++
				if !slices.Contains(renderingSources, seen.Source) {
					renderingSources = append(renderingSources, seen.Source)
					citingRenderings[seen.Source]++
				}
				placed = placed || located(seen, sources)
				year := seenYear(seen, sources)
				if year == "" {
					s.UndatedSeen++
					continue
				}
				y := years[year]
				if y == nil {
					y = &YearStats{Year: year}
					years[year] = y
				}
				y.Seen++
				if !slices.Contains(renderingYears, year) {
					renderingYears = append(renderingYears, year)
					y.Renderings++
				}
			}
			if placed {
				s.Dated++
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
			s.Sources.Cited = append(s.Sources.Cited, SourceCount{ID: src.ID, Kind: src.Kind, Date: src.Date, Seen: n, Renderings: citingRenderings[src.ID]})
		} else {
			s.Sources.Uncited = append(s.Sources.Uncited, src.ID)
		}
	}
	slices.SortStableFunc(s.Sources.Cited, func(a, b SourceCount) int { return cmp.Compare(b.Seen, a.Seen) })
	for _, y := range years {
		s.ByYear = append(s.ByYear, *y)
	}
	slices.SortFunc(s.ByYear, func(a, b YearStats) int { return cmp.Compare(a.Year, b.Year) })
	for _, t := range tagOrder {
		s.Tags = append(s.Tags, TagCount{Tag: t, Count: tags[t]})
	}
	slices.SortStableFunc(s.Tags, func(a, b TagCount) int { return cmp.Compare(b.Count, a.Count) })
	return s
}

// seenYear is the year a seen entry dates, from its own date or else its
// source's ("2013" for 2013-10-24), or "" when neither has one.
func seenYear(seen *Seen, sources map[string]*Source) string {
	date := seen.Date
	if date == "" {
		if src := sources[seen.Source]; src != nil {
			date = src.Date
		}
	}
	year, _, _ := strings.Cut(date, "-")
	return year
}

// located reports whether a seen entry says when or where the use is: a
// date, its own or its source's, or a page.
func located(seen *Seen, sources map[string]*Source) bool {
	return seen.Page > 0 || seenYear(seen, sources) != ""
}

// unconfirmed reports whether r is seen, and only in OCR sources, each
// found by source.
func unconfirmed(r *Rendering, source func(id string) *Source) bool {
	return len(r.Seen) > 0 && !slices.ContainsFunc(r.Seen, func(seen *Seen) bool {
		src := source(seen.Source)
		return src == nil || !src.OCR
	})
}

// Unconfirmed reports whether r is seen only in sources of g read
// through OCR (Source.OCR): its wording may be the transcription's, so
// it waits for a second source.
func (g *Glossary) Unconfirmed(r *Rendering) bool { return unconfirmed(r, g.Source) }
