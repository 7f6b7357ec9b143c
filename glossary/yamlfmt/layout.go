package yamlfmt

// layout says how one node of a glossary is written: the order of a
// mapping's keys, flow or block style, and blank lines between entries.
// It is the layout terms.yaml, the curated glossary, is written in.
type layout struct {
	// keys is a mapping's key order; nil keeps the file's order (the
	// mappings keyed by id: sources, styles).
	keys []string
	// flow writes the node on one line, [a, b] or {k: v}; everything
	// inside a flow node is flow too.
	flow bool
	// blank puts a blank line before each entry of this collection.
	blank bool
	// child is the layout of the value under key (mappings) or of each
	// item (sequences, key ""); nil for scalars.
	child func(key string) *layout
}

func (l *layout) of(key string) *layout {
	if l == nil || l.child == nil {
		return nil
	}
	return l.child(key)
}

func fixed(m map[string]*layout) func(string) *layout {
	return func(k string) *layout { return m[k] }
}

func every(l *layout) func(string) *layout {
	return func(string) *layout { return l }
}

// The key orders are the field orders terms.yaml uses, which follow the
// fields of glossary.go except that a concept's family and parts come
// before its notes, and a rendering's shared flag before its note: the
// short structural fields first, the prose last. A rendering's status per
// style (status_in) follows its styles, which it adds to.
var (
	glossaryKeys  = []string{"sources", "styles", "concepts"}
	sourceKeys    = []string{"title", "kind", "publisher", "date", "url", "lang", "ocr", "note"}
	styleKeys     = []string{"description"}
	conceptKeys   = []string{"id", "zh", "zh_variants", "zh_except", "zh_context", "pinyin", "kind", "gloss", "tags", "family", "parts", "notes", "related", "renderings", "examples"}
	renderingKeys = []string{"en", "forms", "status", "styles", "status_in", "phrase", "context", "shared", "note", "seen"}
	contextKeys   = []string{"require", "exclude"}
	seenKeys      = []string{"source", "date", "url", "page", "quote"}
	exampleKeys   = []string{"text", "source", "style", "expect"}
)

var (
	flowList = &layout{flow: true}

	seenLayout = &layout{keys: seenKeys, flow: true}

	renderingLayout = &layout{keys: renderingKeys, child: fixed(map[string]*layout{
		"forms":  flowList,
		"styles": flowList,
		// status_in is a mapping keyed by style: the file's order, on
		// one line, {literal: preferred}.
		"status_in": {flow: true},
		// Context patterns are lists like the others, on one line
		// however many they are, as terms.yaml writes them.
		"context": {keys: contextKeys, child: fixed(map[string]*layout{
			"require": flowList,
			"exclude": flowList,
		})},
		"seen": {child: every(seenLayout)},
	})}

	exampleLayout = &layout{keys: exampleKeys, flow: true, child: fixed(map[string]*layout{
		"expect": flowList,
	})}

	conceptLayout = &layout{keys: conceptKeys, child: fixed(map[string]*layout{
		"zh_variants": flowList,
		"zh_except":   flowList,
		"zh_context":  flowList,
		"tags":        flowList,
		"parts":       flowList,
		"related":     flowList,
		"renderings":  {child: every(renderingLayout)},
		"examples":    {child: every(exampleLayout)},
	})}

	glossaryLayout = &layout{keys: glossaryKeys, blank: true, child: fixed(map[string]*layout{
		"sources":  {child: every(&layout{keys: sourceKeys})},
		"styles":   {child: every(&layout{keys: styleKeys, flow: true})},
		"concepts": {blank: true, child: every(conceptLayout)},
	})}
)
