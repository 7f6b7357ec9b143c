package yamlfmt

import (
	"bytes"
	"encoding/json"

	"github.com/termlint/termlint/glossary"
)

// sameGlossary reports whether a and b hold the same glossary, positions
// aside. An absent list and an empty one are the same; with generated,
// so are a pinyin the loader generated and none. Concepts are compared
// one at a time: a snapshot of a whole large glossary as generic JSON
// values took gigabytes.
func sameGlossary(a, b *glossary.Glossary, generated bool) bool {
	if len(a.Concepts) != len(b.Concepts) {
		return false
	}
	same := func(x, y any) bool {
		jx, errX := normalized(x, generated)
		jy, errY := normalized(y, generated)
		return errX == nil && errY == nil && bytes.Equal(jx, jy)
	}
	if !same(registries(a), registries(b)) {
		return false
	}
	for i := range a.Concepts {
		if !same(a.Concepts[i], b.Concepts[i]) {
			return false
		}
	}
	return true
}

// snapshot is the JSON of everything g holds but positions, normalised.
func snapshot(g *glossary.Glossary, generated bool) ([]byte, error) {
	r := registries(g)
	r.Concepts = g.Concepts
	return normalized(r, generated)
}

type named struct {
	ID    string `json:"id"`
	Value any    `json:"value"`
}

type registryList struct {
	Sources  []named             `json:"sources"`
	Styles   []named             `json:"styles"`
	Concepts []*glossary.Concept `json:"concepts,omitempty"`
}

// registries holds g's sources and styles with their ids, which their
// JSON leaves out.
func registries(g *glossary.Glossary) registryList {
	var r registryList
	for _, x := range g.Sources {
		r.Sources = append(r.Sources, named{x.ID, x})
	}
	for _, x := range g.Styles {
		r.Styles = append(r.Styles, named{x.ID, x})
	}
	return r
}

// normalized is the JSON of v, normalised.
func normalized(v any, generated bool) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var x any
	if err := json.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	return json.Marshal(normalize(x, generated))
}

// normalize drops null values, empty text, empty lists and the mappings
// left empty from v, and with generated
// the pinyin of concepts whose pinyin was generated.
func normalize(v any, generated bool) any {
	switch x := v.(type) {
	case map[string]any:
		if generated && x["pinyin_generated"] == true {
			delete(x, "pinyin")
		}
		delete(x, "pinyin_generated")
		for k, e := range x {
			if e == nil || e == "" {
				delete(x, k)
				continue
			}
			if l, ok := e.([]any); ok && len(l) == 0 {
				delete(x, k)
				continue
			}
			x[k] = normalize(e, generated)
			// A mapping left empty (a context of empty lists) says no
			// more than none.
			if m, ok := x[k].(map[string]any); ok && len(m) == 0 {
				delete(x, k)
			}
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalize(e, generated)
		}
		return x
	}
	return v
}
