package glossary

import "go.yaml.in/yaml/v3"

// FastItems parses src with the fast path. With lazyKey "" it returns the
// whole tree; otherwise, as Parse does, the items of the top-level
// sequence under lazyKey are left out of the tree (their sequence node has
// no Content) and item is called with each of them in order, built in
// nodes that are reused for the next. ok is false when src is outside the
// subset, item having been called or not.
func FastItems(src, lazyKey string, item func(seq *yaml.Node, i int, n *yaml.Node)) (doc *yaml.Node, ok bool) {
	doc, lazy, ok := fastDocument(src, lazyKey)
	if !ok {
		return nil, false
	}
	p := &fastYAML{}
	for seqNode, seq := range lazy {
		for i := range seq.starts {
			n, ok := seq.parseItem(p, i)
			if !ok {
				return nil, false
			}
			item(seqNode, i, n)
		}
	}
	return doc, true
}

// RenderingKey and ChineseKey are the glossary's folds, for their tests.
var (
	RenderingKey = renderingKey
	ChineseKey   = chineseKey
)

// ParseFast and ParseYAMLv3 are Parse's two ways through a file: the fast
// path (false when it gives up) and yaml.v3.
var (
	ParseFast   = parseFast
	ParseYAMLv3 = parseYAMLv3
)

// CountKeyComparisons runs f and returns how many keys the searches for
// duplicates (renderings of a concept, styles, forms) compared meanwhile.
// Tests that call it must not run in parallel.
func CountKeyComparisons(f func()) int64 { return keyComparisons.Count(f) }
