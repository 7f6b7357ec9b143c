package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// Renderings lists every rendering of g and its forms, each once, in
// glossary order: the patterns a bare matcher such as ripgrep's
// -F -f searches for to do the matching termlint does.
func Renderings(g *glossary.Glossary) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range g.Concepts {
		for _, r := range c.Renderings {
			for _, text := range append([]string{r.EN}, r.Forms...) {
				if !seen[text] {
					seen[text] = true
					out = append(out, text)
				}
			}
		}
	}
	return out
}

// Synthetic writes a glossary of n made-up concepts in termlint's YAML
// format: each a unique Chinese term of two to six common characters
// with its pinyin, and one to four unique English renderings of two to
// four words, preferred in the official or literal style, admitted,
// deprecated or superseded. No term or rendering is one of avoid's
// (which may be nil), so the glossary extends avoid without a clash, and
// it declares avoid's styles so that it also loads by itself.
func Synthetic(n int, seed uint64, avoid *glossary.Glossary) []byte {
	r := rand.New(rand.NewPCG(seed, 0x676c6f7373617279)) // "glossary"
	chars := []rune(hanChars)
	slices.Sort(chars)
	chars = slices.Compact(chars)

	usedZH, usedEN, usedID := map[string]bool{}, map[string]bool{}, map[string]bool{}
	styles := [][2]string{{"official", "official English"}, {"literal", "literal renderings"}}
	if avoid != nil {
		for _, c := range avoid.Concepts {
			for _, zh := range append([]string{c.ZH}, c.ZHVariants...) {
				usedZH[textnorm.Chinese(zh)] = true
			}
			usedID[c.ID] = true
			for _, rd := range c.Renderings {
				for _, text := range append([]string{rd.EN}, rd.Forms...) {
					usedEN[textnorm.Key(text)] = true
				}
			}
		}
		styles = styles[:0]
		for _, s := range avoid.Styles {
			styles = append(styles, [2]string{s.ID, s.Description})
		}
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "# A synthetic glossary of %d concepts, generated for benchmarks with seed %d\n", n, seed)
	b.WriteString("# (go run ./bench/gencorpus -glossary N). The terms and renderings are made up.\n\n")
	b.WriteString("sources:\n")
	const sources = 8
	for i := 1; i <= sources; i++ {
		fmt.Fprintf(&b, "  synthetic-%d: {title: \"Synthetic source %d\", kind: reference, date: %d}\n", i, i, 2010+i)
	}
	b.WriteString("styles:\n")
	for _, s := range styles {
		fmt.Fprintf(&b, "  %s: {description: %q}\n", s[0], s[1])
	}
	b.WriteString("concepts:\n")
	for range n {
		zh := uniqueTerm(r, chars, usedZH)
		pinyin := glossary.GeneratePinyin(zh)
		id := uniqueID(pinyin, usedID)
		fmt.Fprintf(&b, "  - id: %s\n    zh: %s\n    pinyin: %s\n    renderings:\n", id, zh, pinyin)
		count := 1 + weighted(r, 35, 40, 18, 7)
		for i := range count {
			en := uniqueRendering(r, usedEN)
			src := 1 + r.IntN(sources)
			switch {
			case i == 0 && count == 1:
				fmt.Fprintf(&b, "      - {en: %s, status: preferred, styles: [official, literal], seen: [{source: synthetic-%d}]}\n", en, src)
			case i == 0:
				fmt.Fprintf(&b, "      - {en: %s, status: preferred, styles: [official], seen: [{source: synthetic-%d}]}\n", en, src)
			case i == 1:
				fmt.Fprintf(&b, "      - {en: %s, status: preferred, styles: [literal], seen: [{source: synthetic-%d}]}\n", en, src)
			case i == 2:
				fmt.Fprintf(&b, "      - {en: %s, status: admitted}\n", en)
			default:
				status := "deprecated"
				if r.IntN(2) == 0 {
					status = "superseded"
				}
				fmt.Fprintf(&b, "      - {en: %s, status: %s}\n", en, status)
			}
		}
	}
	return b.Bytes()
}

// weighted returns i with probability proportional to weights[i].
func weighted(r *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// uniqueTerm makes a Chinese term of two to six characters not in used,
// and adds it.
func uniqueTerm(r *rand.Rand, chars []rune, used map[string]bool) string {
	for {
		term := make([]rune, 2+weighted(r, 30, 25, 30, 10, 5))
		for i := range term {
			term[i] = chars[r.IntN(len(chars))]
		}
		s := string(term)
		if k := textnorm.Chinese(s); !used[k] {
			used[k] = true
			return s
		}
	}
}

// uniqueID makes a concept id from the toneless pinyin, numbered when a
// homophone has it already.
func uniqueID(pinyin string, used map[string]bool) string {
	var syllables []string
	for _, s := range strings.Fields(pinyin) {
		syllables = append(syllables, textnorm.Pinyin(s))
	}
	base := strings.Join(syllables, "-")
	id := base
	for i := 2; used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	used[id] = true
	return id
}

// uniqueRendering makes an English rendering of one to three modifiers and
// a head noun whose folded key is not in used, and adds the key.
func uniqueRendering(r *rand.Rand, used map[string]bool) string {
	for {
		words := make([]string, 0, 4)
		for range 1 + weighted(r, 30, 50, 20) {
			words = append(words, modifiers[r.IntN(len(modifiers))])
		}
		words = append(words, heads[r.IntN(len(heads))])
		en := strings.Join(words, " ")
		if k := textnorm.Key(en); !used[k] {
			used[k] = true
			return en
		}
	}
}

// Pair is a Chinese sentence and its English translation.
type Pair struct {
	ZH, EN string
}

// Pairs returns n sentence pairs built from g: each slot holds a
// concept's Chinese term and its preferred official rendering, or, in
// about one pair in slipEvery (never when it is zero), another rendering.
func Pairs(g *glossary.Glossary, n int, seed uint64, slipEvery int) []Pair {
	r := rand.New(rand.NewPCG(seed, 0x7061697273)) // "pairs"
	hs := housesOf(g, "official")
	out := make([]Pair, n)
	for i := range out {
		tpl := pairs[r.IntN(len(pairs))]
		zh, en := tpl[0], tpl[1]
		for strings.Contains(zh, "{}") {
			h := hs[r.IntN(len(hs))]
			text := h.text
			if slipEvery > 0 && len(h.slips) > 0 && r.IntN(slipEvery) == 0 {
				text = h.slips[r.IntN(len(h.slips))]
			}
			zh = strings.Replace(zh, "{}", h.c.ZH, 1)
			en = strings.Replace(en, "{}", text, 1)
		}
		out[i] = Pair{ZH: zh, EN: capitalize(en)}
	}
	return out
}
