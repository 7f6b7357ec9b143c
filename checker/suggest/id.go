package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// ids makes concept ids for new terms that no concept of the glossary,
// nor another new term, has.
type ids struct {
	*glossary.IDs
	// words are the Chinese words the glossary's pinyin writes as one
	// (see dictionary).
	words   map[string]bool
	longest int // the longest of words, in characters
}

func newIDs(g *glossary.Glossary) ids {
	t := ids{IDs: glossary.NewIDs(g), words: dictionary(g)}
	for w := range t.words {
		t.longest = max(t.longest, utf8.RuneCountInString(w))
	}
	return t
}

// make returns an id and tone-marked pinyin for a new term, word by
// word: a glossary term inside it is a word, with its concept's pinyin
// and id; the characters between terms are cut into words by segment
// (习近平总书记: Xí Jìnpíng zǒngshūjì, xi-jinping-zongshuji, where
// glossary.Words pairs syllables, xijin-pingzong-shuji).
func (t ids) make(nt *newTerm) (id, pinyin string) {
	var slugs, pys []string
	for _, c := range nt.chunks {
		if c.concept != nil {
			slugs = append(slugs, c.concept.ID)
			pys = append(pys, c.concept.Pinyin)
			continue
		}
		for _, w := range t.segment(c.zh) {
			py := strings.ReplaceAll(glossary.GeneratePinyin(w.zh), " ", "")
			if w.name {
				py = capitalize(py)
			}
			pys = append(pys, py)
			slugs = append(slugs, textnorm.Pinyin(py))
		}
	}
	base := strings.Join(strings.FieldsFunc(strings.Join(slugs, "-"), func(r rune) bool { return r == '-' }), "-")
	return t.Take(base), strings.Join(pys, " ")
}

// zhWord is a word of a new term; name says it is part of a person's name.
type zhWord struct {
	zh   string
	name bool
}

// segment cuts Chinese text into words for its id and pinyin. A person's
// name before a title (习近平总书记, 王毅外长) is its surname and given name,
// as pinyin writes names (Xi Jinping). The rest is cut into the fewest
// words of the dictionary, the characters no word covers the fewest of
// all; those are cut by glossary.Words (two characters a word), which is
// all there is to go on for them.
func (t ids) segment(zh string) []zhWord {
	var out []zhWord
	for _, part := range splitHan(zh) {
		rs := []rune(part)
		if !unicode.Is(unicode.Han, rs[0]) {
			out = append(out, zhWord{zh: part})
			continue
		}
		if n := nameLength(rs); n > 0 && !t.words[string(rs[:n])] {
			out = append(out, zhWord{zh: string(rs[:1]), name: true}, zhWord{zh: string(rs[1:n]), name: true})
			rs = rs[n:]
		}
		for _, w := range t.cut(rs) {
			out = append(out, zhWord{zh: w})
		}
	}
	return out
}

// splitHan splits text into runs of Han characters and other words
// (letters and digits), dropping the rest.
func splitHan(zh string) []string {
	var out []string
	var b strings.Builder
	han := false
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range zh {
		isHan := unicode.Is(unicode.Han, r)
		if !isHan && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if isHan != han {
			flush()
			han = isHan
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

// cut cuts Han characters into dictionary words by dynamic programming:
// fewest characters outside words first, then fewest pieces (longest
// words). The characters outside words are cut by glossary.Words.
func (t ids) cut(rs []rune) []string {
	if len(rs) == 0 {
		return nil
	}
	type state struct {
		loose, pieces, from int
		word                bool // rs[from:i] is a dictionary word
	}
	best := make([]state, len(rs)+1)
	for i := 1; i <= len(rs); i++ {
		// one character outside the dictionary
		best[i] = state{best[i-1].loose + 1, best[i-1].pieces + 1, i - 1, false}
		for n := 2; n <= min(i, t.longest); n++ {
			if !t.words[string(rs[i-n:i])] {
				continue
			}
			p := best[i-n]
			if p.loose < best[i].loose || p.loose == best[i].loose && p.pieces+1 < best[i].pieces {
				best[i] = state{p.loose, p.pieces + 1, i - n, true}
			}
		}
	}
	var pieces []string // backwards; loose characters gathered into runs
	loose := ""
	for i := len(rs); i > 0; i = best[i].from {
		s := best[i]
		if !s.word {
			loose = string(rs[s.from:i]) + loose
			continue
		}
		if loose != "" {
			pieces = append(pieces, reverse(glossary.Words(loose))...)
			loose = ""
		}
		pieces = append(pieces, string(rs[s.from:i]))
	}
	if loose != "" {
		pieces = append(pieces, reverse(glossary.Words(loose))...)
	}
	return reverse(pieces)
}

func reverse(s []string) []string {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}

// surnames are the commonest Chinese surnames, of one character.
var surnames = runeSet("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习温胡俞栗汪赵蔡丁")

// titles are the titles and forms of address that follow a name
// (习近平总书记, 李强总理, 王毅外长): the words that show what comes before
// them is a name.
// Titles that also end common compounds (委员, 主任, 省长: 江西省长) are
// left out.
var titles = words2set(`总书记 书记 主席 副主席 总理 副总理 委员长 国务委员 同志 先生 女士 部长 外长 大使 发言人 总统 首相`)

// nameLength returns the length of the name that a title follows at the
// start of rs (two or three characters, a surname first), or 0.
func nameLength(rs []rune) int {
	if len(rs) < 3 || !surnames[rs[0]] {
		return 0
	}
	for _, n := range []int{3, 2} {
		if len(rs) <= n {
			continue
		}
		for l := 2; l <= 3 && n+l <= len(rs); l++ {
			if titles[string(rs[n:n+l])] {
				return n
			}
		}
	}
	return 0
}

// capitalize makes the first letter of pinyin a capital, as names are
// written.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// dictionary gathers the words of the glossary's terms for segment: the
// glossary's pinyin writes each word of a term as one (Zhōnggòng
// Zhōngyāng zǒngshūjì for 中共中央总书记), so its terms tell where its
// words are: 中共, 中央, 总书记. The titles of names are words too.
func dictionary(g *glossary.Glossary) map[string]bool {
	words := map[string]bool{}
	for w := range titles {
		words[w] = true
	}
	if g == nil {
		return words
	}
	args := pinyin.NewArgs()
	args.Heteronym = true
	for _, c := range g.Concepts {
		rs := []rune(c.ZH)
		if len(rs) < 2 || c.Pinyin == "" {
			continue
		}
		pyWords := strings.Fields(c.Pinyin)
		spans, ok := alignPinyin(rs, pyWords, args)
		if !ok {
			continue // a character not read as the dictionary reads it, or not Han
		}
		for _, sp := range spans {
			if sp[1]-sp[0] >= 2 {
				words[string(rs[sp[0]:sp[1]])] = true
			}
		}
	}
	return words
}

// alignPinyin finds the characters of rs that each pinyin word spells,
// trying each reading of each character.
func alignPinyin(rs []rune, pyWords []string, args pinyin.Args) ([][2]int, bool) {
	var spans [][2]int
	at := 0
	for _, w := range pyWords {
		key := textnorm.Pinyin(w)
		start := at
		for key != "" {
			if at == len(rs) || !unicode.Is(unicode.Han, rs[at]) {
				return nil, false
			}
			// The longest reading that fits, so that the "xian" of one
			// character is not taken for "xi" and the next one's "an".
			best := ""
			for _, r := range pinyin.SinglePinyin(rs[at], args) {
				if syl := textnorm.Pinyin(r); len(syl) > len(best) && strings.HasPrefix(key, syl) {
					best = syl
				}
			}
			if best == "" {
				return nil, false
			}
			key = key[len(best):]
			at++
		}
		spans = append(spans, [2]int{start, at})
	}
	return spans, at == len(rs)
}
