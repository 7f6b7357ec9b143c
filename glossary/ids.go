package glossary

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/textnorm"
)

// IDs hands out concept ids that no concept of a glossary, nor an id
// handed out before, has: suggest and the importers name new concepts
// with it, so that what they write merges onto the glossary by id.
type IDs struct {
	taken map[string]bool
}

// NewIDs returns IDs that avoid the ids of g's concepts; g may be nil.
func NewIDs(g *Glossary) *IDs {
	t := &IDs{taken: map[string]bool{}}
	if g != nil {
		for _, c := range g.Concepts {
			t.taken[c.ID] = true
		}
	}
	return t
}

// Take returns base, or the first of base-2, base-3, ... not taken, and
// takes it. An empty base is "term".
func (t *IDs) Take(base string) string {
	if base == "" {
		base = "term"
	}
	id := base
	for n := 2; t.taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	t.taken[id] = true
	return id
}

// Words cuts a Chinese term into words for its id and pinyin: two
// characters a word, as most Chinese words are, a last odd character
// joining the word before (亚洲价值观: 亚洲, 价值观). Runs of letters and
// digits are words of their own.
func Words(zh string) []string {
	var words []string
	var han []rune
	flush := func() {
		for i := 0; i < len(han); {
			n := 2
			if len(han)-i <= 3 {
				n = len(han) - i
			}
			words = append(words, string(han[i:i+n]))
			i += n
		}
		han = han[:0]
	}
	var other strings.Builder
	for _, r := range zh {
		if unicode.Is(unicode.Han, r) {
			if other.Len() > 0 {
				words = append(words, other.String())
				other.Reset()
			}
			han = append(han, r)
			continue
		}
		flush()
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			other.WriteRune(r)
		} else if other.Len() > 0 {
			words = append(words, other.String())
			other.Reset()
		}
	}
	flush()
	if other.Len() > 0 {
		words = append(words, other.String())
	}
	return words
}

// Slug returns the id base of a Chinese term: the toneless pinyin of its
// Words joined by hyphens (亚洲价值观: yazhou-jiazhiguan), other words
// in lower-case ASCII (G20峰会: g20-fenghui).
func Slug(zh string) string {
	var slugs []string
	for _, w := range Words(zh) {
		var s string
		if unicode.Is(unicode.Han, []rune(w)[0]) {
			s = textnorm.Pinyin(GeneratePinyin(w))
		} else {
			// Keep digits, which pinyin folding drops: G20, not g.
			s = strings.Map(func(r rune) rune {
				if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
					return unicode.ToLower(r)
				}
				return -1
			}, w)
		}
		if s != "" {
			slugs = append(slugs, s)
		}
	}
	return strings.Join(slugs, "-")
}
