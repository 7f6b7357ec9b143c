package suggest

import (
	"fmt"
	"strings"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// ids makes concept ids for new terms that no concept of the glossary,
// nor another new term, has.
type ids struct {
	taken map[string]bool
}

func newIDs(g *glossary.Glossary) *ids {
	t := &ids{taken: map[string]bool{}}
	for _, c := range g.Concepts {
		t.taken[c.ID] = true
	}
	return t
}

// make returns an id and tone-marked pinyin for a new term, word by
// word: a glossary term inside it is a word, with its concept's pinyin
// and id; the characters between terms are cut into words of two
// characters, as most Chinese words are, a last odd one joining the word
// before (亚洲价值观: yàzhōu jiàzhíguān, yazhou-jiazhiguan).
func (t *ids) make(nt *newTerm) (id, pinyin string) {
	var slugs, pys []string
	for _, c := range nt.chunks {
		if c.concept != nil {
			slugs = append(slugs, c.concept.ID)
			pys = append(pys, c.concept.Pinyin)
			continue
		}
		rs := []rune(c.zh)
		for i := 0; i < len(rs); {
			n := 2
			if len(rs)-i <= 3 {
				n = len(rs) - i
			}
			word := string(rs[i : i+n])
			py := strings.ReplaceAll(glossary.GeneratePinyin(word), " ", "")
			pys = append(pys, py)
			slugs = append(slugs, textnorm.Pinyin(py))
			i += n
		}
	}
	base := strings.Join(strings.FieldsFunc(strings.Join(slugs, "-"), func(r rune) bool { return r == '-' }), "-")
	if base == "" {
		base = "term"
	}
	id = base
	for n := 2; t.taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	t.taken[id] = true
	return id, strings.Join(pys, " ")
}
