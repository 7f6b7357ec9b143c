package match

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// The benchmark corpus is generated from template sentences in the register
// of the texts termlint checks, with glossary-like phrases slotted in, so
// that runs of known words and real matches occur as they would in a draft.
var benchTemplates = []string{
	"In the new era, %s has become a priority in the country's diplomacy with its neighbours.",
	"The report stresses that %s and %s should be advanced together, step by step.",
	"Officials from several ministries met on Tuesday to discuss %s, trade and investment.",
	"Scholars have long argued that the principle of %s cannot be separated from %s.",
	"According to the statement, the two sides agreed to deepen cooperation on infrastructure, energy and the digital economy.",
	"He said the \"%s\" remained the guiding idea, and that %s would follow in due course.",
	"Analysts in the region noted that the policy is neither new nor simply a response to outside pressure.",
	"The meeting called for %s to be implemented in full, with local governments reporting progress every quarter.",
	"Since 2013, the *%s* has been cited in more than forty official documents — a sign of its weight.",
	"Critics, however, point out that the numbers are hard to verify and that many projects stalled after 2020.",
	"A new fund was set up to support %s, small and medium-sized enterprises, and vocational training programmes.",
	"Delegates from twelve countries attended the forum, held in a coastal city known for its harbour and old town.",
}

var benchPhrases = []string{
	"neighborhood diplomacy", "a community with a shared future", "the Belt and Road Initiative",
	"amity, sincerity, mutual benefit and inclusiveness", "people-to-people exchanges",
	"work related to neighboring countries", "the BRI", "periphery diplomacy",
	"Chinese modernization", "high-quality development", "win-win cooperation",
	"a community of common destiny", "the Global Development Initiative", "connectivity",
	"regional economic integration", "good-neighborliness", "the CPC Central Committee",
}

// benchText returns about size bytes of generated prose, the same every run.
func benchText(size int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	for b.Len() < size {
		tpl := benchTemplates[r.IntN(len(benchTemplates))]
		args := make([]any, strings.Count(tpl, "%s"))
		for i := range args {
			args[i] = benchPhrases[r.IntN(len(benchPhrases))]
		}
		fmt.Fprintf(&b, tpl, args...)
		if r.IntN(5) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.Bytes()
}

// benchWords is the vocabulary synthetic patterns are built from: words of
// the corpus, so that patterns share prefixes with the text and tries are
// walked, and invented ones, so that most patterns are not in the text.
func benchWords() []string {
	seen := map[string]bool{}
	var words []string
	for _, s := range append(benchTemplates, benchPhrases...) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		}) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var w []byte
		for range 4 + r.IntN(6) {
			w = append(w, byte('a'+r.IntN(26)))
		}
		words = append(words, string(w))
	}
	return words
}

// benchPatterns returns n patterns: the glossary-like phrases first, then
// random phrases of two to five words.
func benchPatterns(n int) []Pattern {
	var ps []Pattern
	for i, p := range benchPhrases {
		if i < n {
			ps = append(ps, Pattern{Text: p, ID: i})
		}
	}
	words := benchWords()
	r := rand.New(rand.NewPCG(5, 6))
	for len(ps) < n {
		k := 2 + r.IntN(4)
		parts := make([]string, k)
		for i := range parts {
			parts[i] = words[r.IntN(len(words))]
		}
		ps = append(ps, Pattern{Text: strings.Join(parts, " "), ID: len(ps)})
	}
	return ps
}

func benchmarkFind(b *testing.B, patterns int) {
	text := benchText(1 << 20)
	m := Compile(benchPatterns(patterns))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		n = len(m.Find(text))
	}
	b.ReportMetric(float64(n), "matches")
}

func BenchmarkFind300(b *testing.B)    { benchmarkFind(b, 300) }
func BenchmarkFind100000(b *testing.B) { benchmarkFind(b, 100_000) }

// BenchmarkFindBilingual measures a bilingual file: each English paragraph
// followed by a Chinese one, which the English matcher only steps over.
func BenchmarkFindBilingual(b *testing.B) {
	zh := "会议强调，要坚持互利共赢的原则，推动区域合作不断走深走实，让发展成果更多惠及各国人民。"
	var text []byte
	for _, para := range bytes.SplitAfter(benchText(1<<19), []byte("\n\n")) {
		text = append(text, para...)
		text = append(text, strings.Repeat(zh, 1+len(para)/len(zh))...)
		text = append(text, "\n\n"...)
	}
	m := Compile(benchPatterns(300))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.Find(text)
	}
}

func BenchmarkCompile100000(b *testing.B) {
	ps := benchPatterns(100_000)
	var size int
	for _, p := range ps {
		size += len(p.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Compile(ps)
	}
}
