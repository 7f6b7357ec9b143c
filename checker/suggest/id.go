package suggest

import (
	"strings"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// ids makes concept ids for new terms that no concept of the glossary,
// nor another new term, has.
type ids struct{ *glossary.IDs }

func newIDs(g *glossary.Glossary) ids { return ids{glossary.NewIDs(g)} }

// make returns an id and tone-marked pinyin for a new term, word by
// word: a glossary term inside it is a word, with its concept's pinyin
// and id; the characters between terms are cut into glossary.Words
// (亚洲价值观: yàzhōu jiàzhíguān, yazhou-jiazhiguan).
func (t ids) make(nt *newTerm) (id, pinyin string) {
	var slugs, pys []string
	for _, c := range nt.chunks {
		if c.concept != nil {
			slugs = append(slugs, c.concept.ID)
			pys = append(pys, c.concept.Pinyin)
			continue
		}
		for _, word := range glossary.Words(c.zh) {
			py := strings.ReplaceAll(glossary.GeneratePinyin(word), " ", "")
			pys = append(pys, py)
			slugs = append(slugs, textnorm.Pinyin(py))
		}
	}
	base := strings.Join(strings.FieldsFunc(strings.Join(slugs, "-"), func(r rune) bool { return r == '-' }), "-")
	return t.Take(base), strings.Join(pys, " ")
}
