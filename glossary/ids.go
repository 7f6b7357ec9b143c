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

// AdoptIDs gives each concept of g whose Chinese term (or a variant of
// it) is a concept's of base that concept's id, and renames references
// to it, so that g merges onto base by id instead of colliding with it: the
// importers name concepts by their own ids or by the Chinese term.
//
// Chinese terms are compared folded as Validate compares them
// (chineseKey: quotation marks, spaces and full-width forms aside), so
// that an import writing 共建"一带一路" takes the id of the glossary's
// 共建一带一路, which Validate would otherwise reject as a second concept
// with that term once the two are merged.
func AdoptIDs(g, base *Glossary) {
	byZH := map[string]string{}
	for _, c := range base.Concepts {
		for _, zh := range append([]string{c.ZH}, c.ZHVariants...) {
			k := chineseKey(zh)
			if _, ok := byZH[k]; !ok && k != "" {
				byZH[k] = c.ID
			}
		}
	}
	taken := map[string]bool{}
	for _, c := range g.Concepts {
		taken[c.ID] = true
	}
	renamed := map[string]string{}
	for _, c := range g.Concepts {
		// The concept's term first, then its variants: an import may
		// give as a variant what base has as the term.
		id, ok := "", false
		for _, zh := range append([]string{c.ZH}, c.ZHVariants...) {
			if id, ok = byZH[chineseKey(zh)]; ok {
				break
			}
		}
		if !ok || id == c.ID || taken[id] {
			continue
		}
		renamed[c.ID] = id
		delete(taken, c.ID)
		taken[id] = true
		c.ID = id
	}
	if len(renamed) == 0 {
		return
	}
	rename := func(ids []string) {
		for i, id := range ids {
			if to, ok := renamed[id]; ok {
				ids[i] = to
			}
		}
	}
	for _, c := range g.Concepts {
		if to, ok := renamed[c.Family]; ok {
			c.Family = to
		}
		rename(c.Parts)
		rename(c.Related)
	}
}
