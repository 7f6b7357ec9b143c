package corpus

import "slices"

// Templates lists every template the generator writes text from, for the
// tests of package corpus_test.
func Templates() []string {
	out := slices.Concat(sentences, headings, items, linkTexts)
	for _, p := range pairs {
		out = append(out, p[1])
	}
	return out
}
