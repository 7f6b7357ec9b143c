package checker

import (
	"slices"
	"testing"

	"github.com/termlint/termlint"
)

// TestRenderingStems: the garbled index reads each rendering with a memo
// of stems; it must read it as the text around it is read.
func TestRenderingStems(t *testing.T) {
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	memo := make(map[string]string)
	for _, con := range g.Concepts {
		for _, r := range con.Renderings {
			if got, want := renderingStems(r.EN, memo), garbleWords(r.EN); !slices.Equal(got, want) {
				t.Errorf("%q: %q, read in text %q", r.EN, got, want)
			}
		}
	}
}

func TestSentencesOf(t *testing.T) {
	text := []byte("One. Two? Three; four\n\nfive 2.5 six.Seven")
	var got []string
	for _, s := range sentencesOf(text) {
		got = append(got, string(text[s.start:s.end]))
	}
	want := []string{"One.", " Two?", " Three;", " four", "\n\nfive 2.5 six.Seven"}
	if !slices.Equal(got, want) {
		t.Errorf("sentencesOf = %q, want %q", got, want)
	}
}
