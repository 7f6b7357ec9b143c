package match

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// withAutomaton runs f with every matcher compiled in it using the
// automaton, however short its patterns.
func withAutomaton(t testing.TB, f func()) {
	t.Helper()
	saved := walkDepth
	walkDepth = 0
	defer func() { walkDepth = saved }()
	f()
}

// TestAutomatonFind runs the cases of TestFind through the automaton.
func TestAutomatonFind(t *testing.T) {
	withAutomaton(t, func() {
		for _, tt := range findTests {
			m := compile(tt.patterns...)
			if m.auto == nil && len(m.groups) > 0 {
				t.Fatalf("%s: no automaton", tt.name)
			}
			text := []byte(tt.text)
			got := show(hits(t, text, m.Find(text)), "")
			if want := show(tt.want, ""); got != want {
				t.Errorf("%s: Find(%q)\ngot:\n%swant:\n%s", tt.name, tt.text, got, want)
			}
		}
	})
}

// TestAutomatonAgreesWithWalk compares the two ways of finding matches
// over random texts and patterns from a vocabulary of three words, which
// repeat and overlap as no glossary's do: suffixes of patterns that are
// patterns, prefixes that are, an acronym where a word is.
func TestAutomatonAgreesWithWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 6))
	words := []string{"belt", "road", "BRI", "bri", ",", "and"}
	phrase := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	for range 300 {
		var patterns []string
		for range 1 + r.IntN(8) {
			patterns = append(patterns, phrase(1+r.IntN(5)))
		}
		walk := compile(patterns...)
		var auto *Matcher
		withAutomaton(t, func() { auto = compile(patterns...) })
		for range 20 {
			text := []byte(phrase(r.IntN(25)))
			if got, want := fmt.Sprint(auto.Find(text)), fmt.Sprint(walk.Find(text)); got != want {
				t.Fatalf("patterns %q, text %q:\nautomaton %s\nwalk      %s", patterns, text, got, want)
			}
		}
	}
}

// TestAutomatonAgreesWithNaiveSearch runs TestFindAgreesWithNaiveSearch
// through the automaton.
func TestAutomatonAgreesWithNaiveSearch(t *testing.T) {
	withAutomaton(t, func() { TestFindAgreesWithNaiveSearch(t) })
}

// longPattern returns a pattern of n words and the texts it is looked
// for in: itself, itself without its last word (which every pattern
// prefix in it nearly matches), and n distinct words.
func longPattern(n int) (pattern string, texts []string) {
	same := strings.TrimSpace(strings.Repeat("policy ", n))
	distinct := make([]string, n)
	for i := range distinct {
		distinct[i] = fmt.Sprintf("w%d", i)
	}
	return same, []string{same, strings.TrimSuffix(same, " policy") + ".", strings.Join(distinct, " ")}
}

// TestLongPatternIsLinear bounds the steps Find takes on a pattern of
// thousands of words, one word repeated, in texts as long: doubling the
// pattern and the text doubles them, where walking the trie from every
// word squared them (issue 20, item 6).
func TestLongPatternIsLinear(t *testing.T) {
	stepsDouble(t, "words", func(n int) (func([]byte), []string) {
		pattern, texts := longPattern(n)
		m := Compile([]Pattern{{Text: pattern, ID: 1}, {Text: "policy", ID: 2}, {Text: "w7 w8", ID: 3}})
		return func(text []byte) { m.Find(text) }, texts
	})
}

// stepsDouble doubles n, the length of a pattern and of the texts
// compile(n) returns with the find to run on them, and fails t if the
// steps counted for a text more than double, or pass 8 a unit of it.
func stepsDouble(t *testing.T, unit string, compile func(n int) (find func([]byte), texts []string)) {
	steps := 0
	countSteps = func(n int) { steps += n }
	defer func() { countSteps = nil }()
	work := func(n int) []int {
		find, texts := compile(n)
		var out []int
		for _, text := range texts {
			steps = 0
			find([]byte(text))
			out = append(out, steps)
		}
		return out
	}
	for _, n := range []int{1000, 2000, 4000} {
		small, large := work(n), work(2*n)
		for i := range small {
			if float64(large[i]) > 2.2*float64(small[i]) || large[i] > 8*2*n {
				t.Errorf("text %d: %d %s took %d steps, %.1f times the %d of %d; want about 2", i, 2*n, unit, large[i], float64(large[i])/float64(small[i]), small[i], n)
			}
		}
	}
}

// BenchmarkLongPattern times Find on a pattern of one word repeated, in
// the pattern itself, doubling both: time and memory per run should double
// with them.
func BenchmarkLongPattern(b *testing.B) {
	for _, n := range []int{1 << 15, 1 << 16, 1 << 17} {
		pattern, texts := longPattern(n)
		m := Compile([]Pattern{{Text: pattern, ID: 1}, {Text: "policy", ID: 2}})
		for i, text := range texts[:2] {
			b.Run(fmt.Sprintf("text=%d/words=%d", i, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					m.Find([]byte(text))
				}
			})
		}
	}
}

// TestChineseAutomaton runs the cases of TestChineseMatcher through the
// automaton.
func TestChineseAutomaton(t *testing.T) {
	withAutomaton(t, func() {
		if compileChineseTerms().auto == nil {
			t.Fatal("no automaton")
		}
		TestChineseMatcher(t)
	})
}

// TestChineseAutomatonAgreesWithWalk compares the two ways of finding
// Chinese terms, nested matches and overlaps over random texts of the
// terms' characters, with spaces, quotation marks and punctuation
// between them, and over random terms of three characters that repeat.
func TestChineseAutomatonAgreesWithWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 13))
	var chars []string
	for _, term := range chineseTerms {
		for _, c := range term {
			chars = append(chars, string(c))
		}
	}
	chars = append(chars, " ", "\n", "“", "”", "。", "\x00", "\xff")
	text := func(chars []string, n int) []byte {
		var b strings.Builder
		for range n {
			b.WriteString(chars[r.IntN(len(chars))])
		}
		return []byte(b.String())
	}
	compileBoth := func(terms []string) (walk, auto *ChineseMatcher) {
		var patterns []Pattern
		for i, term := range terms {
			patterns = append(patterns, Pattern{Text: term, ID: i})
		}
		walk = CompileChinese(patterns)
		withAutomaton(t, func() { auto = CompileChinese(patterns) })
		return walk, auto
	}
	walk, auto := compileBoth(chineseTerms)
	for range 2000 {
		text := text(chars, r.IntN(30))
		if got, want := fmt.Sprint(auto.Find(text)), fmt.Sprint(walk.Find(text)); got != want {
			t.Fatalf("text %q:\nautomaton %s\nwalk      %s", text, got, want)
		}
	}
	few := []string{"周", "边", "“", " "}
	for range 300 {
		var terms []string
		for range 1 + r.IntN(6) {
			terms = append(terms, string(text(few[:2], 1+r.IntN(5))))
		}
		walk, auto := compileBoth(terms)
		for range 20 {
			text := text(few, r.IntN(25))
			if got, want := fmt.Sprint(auto.Find(text)), fmt.Sprint(walk.Find(text)); got != want {
				t.Fatalf("terms %q, text %q:\nautomaton %s\nwalk      %s", terms, text, got, want)
			}
		}
	}
}

// longChineseTerm returns a term of n characters, one repeated, and
// texts to look for it in: itself, itself less its last character, and
// itself in quotation marks with a space in every tenth place.
func longChineseTerm(n int) (term string, texts []string) {
	term = strings.Repeat("周", n)
	spaced := strings.ReplaceAll(strings.Repeat("周周周周周周周周周 ", n/10+1), " ", " ")
	return term, []string{term, term[:len(term)-len("周")] + "。", "“" + spaced + "”"}
}

// TestLongChineseTermIsLinear bounds the steps the Chinese matcher takes
// on a term of thousands of characters, in texts as long: doubling both
// doubles them, where walking the trie from every character squared
// them.
func TestLongChineseTermIsLinear(t *testing.T) {
	stepsDouble(t, "characters", func(n int) (func([]byte), []string) {
		term, texts := longChineseTerm(n)
		m := CompileChinese([]Pattern{{Text: term, ID: 1}, {Text: "周周", ID: 2}})
		return func(text []byte) { m.Find(text) }, texts
	})
}

// BenchmarkLongChineseTerm times the Chinese matcher on a term of one
// character repeated, in the term itself, doubling both: time and memory
// per run should double with them.
func BenchmarkLongChineseTerm(b *testing.B) {
	for _, n := range []int{1 << 15, 1 << 16, 1 << 17} {
		term, texts := longChineseTerm(n)
		m := CompileChinese([]Pattern{{Text: term, ID: 1}, {Text: "周周", ID: 2}})
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(texts[0])))
			b.ReportAllocs()
			for b.Loop() {
				m.Find([]byte(texts[0]))
			}
		})
	}
}
