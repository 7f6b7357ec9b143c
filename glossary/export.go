package glossary

import "encoding/json"

// FormatVersion is the version of termlint's JSON formats; it changes only
// when a field is removed or changes meaning.
const FormatVersion = 1

// MarshalJSON writes the glossary in the export format:
//
//	{"version": 1, "sources": {id: {...}}, "styles": {id: {...}}, "concepts": [...]}
//
// sources and styles are objects keyed by id, as in the YAML.
func (g *Glossary) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Version  int                `json:"version"`
		Sources  map[string]*Source `json:"sources"`
		Styles   map[string]*Style  `json:"styles"`
		Concepts []*Concept         `json:"concepts"`
	}{FormatVersion, SourceMap(g.Sources), styleMap(g.Styles), nonNil(g.Concepts)})
}

// SourceMap keys sources by id, as the JSON formats write them.
func SourceMap(sources []*Source) map[string]*Source {
	m := make(map[string]*Source, len(sources))
	for _, s := range sources {
		m[s.ID] = s
	}
	return m
}

func styleMap(styles []*Style) map[string]*Style {
	m := make(map[string]*Style, len(styles))
	for _, s := range styles {
		m[s.ID] = s
	}
	return m
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
