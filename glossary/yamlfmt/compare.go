package yamlfmt

import (
	"bytes"
	"encoding/json"

	"github.com/termlint/termlint/glossary"
)

// sameGlossary reports whether a and b hold the same glossary, positions
// aside. An absent list and an empty one are the same; with generated,
// so are a pinyin the loader generated and none.
func sameGlossary(a, b *glossary.Glossary, generated bool) bool {
	ja, errA := snapshot(a, generated)
	jb, errB := snapshot(b, generated)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// snapshot is the JSON of everything g holds but positions, normalised.
func snapshot(g *glossary.Glossary, generated bool) ([]byte, error) {
	type named struct {
		ID    string `json:"id"`
		Value any    `json:"value"`
	}
	var s struct {
		Sources  []named             `json:"sources"`
		Styles   []named             `json:"styles"`
		Concepts []*glossary.Concept `json:"concepts"`
	}
	for _, x := range g.Sources {
		s.Sources = append(s.Sources, named{x.ID, x})
	}
	for _, x := range g.Styles {
		s.Styles = append(s.Styles, named{x.ID, x})
	}
	s.Concepts = g.Concepts
	data, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return json.Marshal(normalize(v, generated))
}

// normalize drops null values, empty text and empty lists from v, and with generated
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
