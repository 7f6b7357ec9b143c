package suggest

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// defaultChecker compiles the embedded glossary once.
var defaultChecker = func() *checker.Checker {
	g, problems := glossary.Load([]glossary.Input{termlint.DefaultInput()}, glossary.ValidateOptions{})
	if g == nil {
		panic(fmt.Sprint(problems))
	}
	return checker.New(g)
}()

// corpus reads files into a corpus, as the command does.
func corpus(t *testing.T, c *checker.Checker, paths ...string) *Corpus {
	t.Helper()
	k := NewCorpus(c)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := input.Read(p, data)
		if err != nil {
			t.Fatal(err)
		}
		k.Add(Read(c, c.Scan(doc)))
	}
	return k
}

// riverTowns is the test corpus: testdata/suggest/README.md says what it
// holds and what suggest must find in it.
var riverTowns = []string{"../../testdata/suggest/river-towns.txt", "../../testdata/suggest/phrasebook.tsv"}

func findTerm(r *Report, zh string) *TermSuggestion {
	for _, t := range r.Terms {
		if t.ZH == zh {
			return t
		}
	}
	return nil
}

// TestRiverTownsRenderings: 周边外交 is written "diplomacy toward the
// surroundings" in five segments (one of them in the TSV file) and
// "neighborhood diplomacy", which the glossary has, in one; the new
// rendering must come first, with its evidence.
func TestRiverTownsRenderings(t *testing.T) {
	r := corpus(t, defaultChecker, riverTowns...).Suggest(Options{})
	if r.Files != 2 || r.Bilingual != 2 || r.Translated != 20 {
		t.Errorf("files %d, bilingual %d, translated %d; want 2, 2, 20", r.Files, r.Bilingual, r.Translated)
	}
	if len(r.Renderings) != 1 {
		for _, c := range r.Renderings {
			t.Logf("concept %s", c.Concept.ID)
		}
		t.Fatalf("%d concepts with unrendered segments, want 1 (zhoubian-waijiao)", len(r.Renderings))
	}
	c := r.Renderings[0]
	if c.Concept.ID != "zhoubian-waijiao" || c.Segments != 6 || c.Unrendered != 5 {
		t.Fatalf("got %s in %d segments, %d unrendered; want zhoubian-waijiao in 6, 5 unrendered", c.Concept.ID, c.Segments, c.Unrendered)
	}
	if len(c.Candidates) == 0 {
		t.Fatal("no candidates for zhoubian-waijiao")
	}
	top := c.Candidates[0]
	if top.EN != "diplomacy toward the surroundings" || top.Key != "diplomacy toward the surrounding" {
		t.Fatalf("top candidate %q (key %q), want \"diplomacy toward the surroundings\"", top.EN, top.Key)
	}
	if top.Count != 5 || top.Unrendered != 5 || top.Frequency != 5 {
		t.Errorf("evidence %d, unrendered %d, frequency %d; want 5, 5, 5", top.Count, top.Unrendered, top.Frequency)
	}
	if !slices.Equal(top.Files, riverTowns) {
		t.Errorf("files %q, want both", top.Files)
	}
	// The n-grams inside it with the same evidence ("surroundings",
	// "diplomacy toward the surroundings" less a word) are not proposed.
	for _, cand := range c.Candidates[1:] {
		if strings.Contains(top.Key, cand.Key) {
			t.Errorf("candidate %q is inside the top one with the same evidence", cand.EN)
		}
		if cand.Score > top.Score {
			t.Errorf("candidate %q scores %.2f, above the top one's %.2f", cand.EN, cand.Score, top.Score)
		}
	}
	if len(top.Examples) != 2 {
		t.Fatalf("%d examples, want 2", len(top.Examples))
	}
	ex := top.Examples[0]
	want := Example{
		EN: Excerpt{File: riverTowns[0], Line: 1, Column: 5, Before: "Our ", Match: "diplomacy toward the surroundings", After: " must serve local development."},
		ZH: Excerpt{File: riverTowns[0], Line: 3, Column: 4, Before: "我们的", Match: "周边外交", After: "必须服务于地方建设。"},
	}
	if ex != want {
		t.Errorf("first example\n got %+v\nwant %+v", ex, want)
	}
}

// TestRiverTownsNewTerms: 跨境电商 and 青年交流 recur, consistently
// translated, and are no glossary terms; 我们的 and 我们要 recur too but are
// function words, as are "our" and "we must" in English.
func TestRiverTownsNewTerms(t *testing.T) {
	r := corpus(t, defaultChecker, riverTowns...).Suggest(Options{})
	for _, want := range []struct{ zh, id, en string }{
		{"跨境电商", "kuajing-dianshang", "cross-border e-commerce"},
		{"青年交流", "qingnian-jiaoliu", "youth exchanges"},
	} {
		term := findTerm(r, want.zh)
		if term == nil {
			t.Errorf("%s not proposed", want.zh)
			continue
		}
		if term.ID != want.id || !term.Stable || len(term.Candidates) == 0 || term.Candidates[0].EN != want.en {
			t.Errorf("%s: id %q, stable %v, candidates %v; want %q, stable, %q first", want.zh, term.ID, term.Stable, candidateTexts(term.Candidates), want.id, want.en)
		}
	}
	if len(r.Terms) != 2 {
		t.Errorf("terms %v, want only the two", termTexts(r.Terms))
	}
	for _, term := range r.Terms {
		if stopEdged(term.ZH) || strings.Contains(term.ZH, "我们") {
			t.Errorf("function-word string %q proposed", term.ZH)
		}
	}
	checkNoStopEdges(t, r)
}

// checkNoStopEdges fails on a candidate that starts or ends with a stop
// word or is only numbers.
func checkNoStopEdges(t *testing.T, r *Report) {
	t.Helper()
	var cands []*Candidate
	for _, c := range r.Renderings {
		cands = append(cands, c.Candidates...)
	}
	for _, term := range r.Terms {
		cands = append(cands, term.Candidates...)
	}
	for _, c := range cands {
		ws := words([]byte(c.EN))
		if len(ws) == 0 || ws[0].stop || ws[len(ws)-1].stop || !slices.ContainsFunc(ws, func(w word) bool { return !w.stop && !w.number }) {
			t.Errorf("candidate %q starts or ends with a stop word, or has no word of its own", c.EN)
		}
	}
}

func candidateTexts(cs []*Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.EN)
	}
	return out
}

func termTexts(ts []*TermSuggestion) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ZH)
	}
	return out
}

// TestDeterministic: the report depends on the files and their order
// only, whatever the maps' order, and ties are sorted.
func TestDeterministic(t *testing.T) {
	dump := func() string {
		r := corpus(t, defaultChecker, riverTowns...).Suggest(Options{MinCount: 1, MinTermCount: 2, Limit: 10})
		var b strings.Builder
		for _, c := range r.Renderings {
			fmt.Fprintf(&b, "%s %d %d\n", c.Concept.ID, c.Segments, c.Unrendered)
			for _, cand := range c.Candidates {
				fmt.Fprintf(&b, "  %+v\n", *cand)
			}
		}
		for _, term := range r.Terms {
			fmt.Fprintf(&b, "%s %s %s %d %d %v\n", term.ZH, term.ID, term.Pinyin, term.Segments, term.Occurrences, term.Stable)
			for _, cand := range term.Candidates {
				fmt.Fprintf(&b, "  %+v\n", *cand)
			}
		}
		return b.String()
	}
	first := dump()
	if !strings.Contains(first, "diplomacy toward the surroundings") {
		t.Fatalf("the run found nothing to compare:\n%s", first)
	}
	for range 5 {
		if again := dump(); again != first {
			t.Fatalf("a second run differs:\n%s\n---\n%s", first, again)
		}
	}
}

func TestLogLikelihood(t *testing.T) {
	for _, tc := range []struct {
		a, b, c, d int
		want       float64
	}{
		{5, 5, 5, 5, 0},         // independence
		{10, 0, 0, 10, 27.7259}, // 2 * 20 ln 2
		{5, 1, 0, 14, 17.0868},  // the top candidate of the river towns
		{1, 0, 0, 0, 0},
	} {
		if got := logLikelihood(tc.a, tc.b, tc.c, tc.d); math.Abs(got-tc.want) > 1e-3 {
			t.Errorf("G²(%d %d %d %d) = %.4f, want %.4f", tc.a, tc.b, tc.c, tc.d, got, tc.want)
		}
	}
}

func TestNgrams(t *testing.T) {
	ws := words([]byte("The Cross-border e-commerce of the towns, and 2013 plans."))
	var got []string
	ngrams(ws, nil, func(i, j int, key []byte) { got = append(got, string(key)) })
	want := []string{
		// "cross border e commerce of the town" is seven words, one too many
		"cross", "cross border", "cross border e", "cross border e commerce",
		"border", "border e", "border e commerce", "border e commerce of the town",
		"e", "e commerce", "e commerce of the town", "commerce", "commerce of the town", "town",
		// "2013" alone is only a number; the comma ends "town"'s phrase
		"2013 plan", "plan",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ngrams\n got %q\nwant %q", got, want)
	}
}

func TestWords(t *testing.T) {
	ws := words([]byte("China’s neighbours—and its\nperiphery (周边) 17 nations"))
	var keys []string
	var joined []bool
	for _, w := range ws {
		keys = append(keys, w.key)
		joined = append(joined, w.joined)
	}
	if want := []string{"china", "neighbor", "and", "its", "periphery", "17", "nation"}; !slices.Equal(keys, want) {
		t.Errorf("keys %q, want %q", keys, want)
	}
	// The dash, the bracket and the Chinese break phrases; a line break
	// does not.
	if want := []bool{false, true, false, true, true, false, true}; !slices.Equal(joined, want) {
		t.Errorf("joined %v, want %v", joined, want)
	}
	if !ws[2].stop || !ws[3].stop || ws[0].stop || !ws[5].number {
		t.Errorf("stop and number marks wrong: %+v", ws)
	}
}

func TestSentences(t *testing.T) {
	en := []byte(`He met Mr. Li in the U.S. on Monday. "It went well," he said! Then 2025 began. e.g. this stays.`)
	var got []string
	for _, s := range enSentences(en) {
		got = append(got, strings.TrimSpace(string(en[s[0]:s[1]])))
	}
	want := []string{"He met Mr. Li in the U.S. on Monday.", `"It went well," he said!`, "Then 2025 began. e.g. this stays."}
	if !slices.Equal(got, want) {
		t.Errorf("English sentences\n got %q\nwant %q", got, want)
	}
	zh := []byte("他说：“很好。”我们同意！还有吗？没有")
	got = nil
	for _, s := range zhSentences(zh) {
		got = append(got, string(zh[s[0]:s[1]]))
	}
	if want := []string{"他说：“很好。”", "我们同意！", "还有吗？", "没有"}; !slices.Equal(got, want) {
		t.Errorf("Chinese sentences\n got %q\nwant %q", got, want)
	}
}

// TestAlignSentences: lengths in a steady ratio pair one to one; a long
// sentence translated as two short ones pairs one to two.
func TestAlignSentences(t *testing.T) {
	got := alignSentences([]int{10, 30, 12}, []int{31, 45, 44, 35})
	want := []bead{{[2]int{0, 1}, [2]int{0, 1}}, {[2]int{1, 2}, [2]int{1, 3}}, {[2]int{2, 3}, [2]int{3, 4}}}
	if !slices.Equal(got, want) {
		t.Errorf("beads %v, want %v", got, want)
	}
	one := alignSentences([]int{10, 12}, []int{0, 0})
	if want := []bead{{[2]int{0, 2}, [2]int{0, 2}}}; !slices.Equal(one, want) {
		t.Errorf("with one side empty: %v, want %v", one, want)
	}
}

// TestUnitsSplit: a paragraph of three sentences on each side becomes
// three segments, and a term's segment is the sentence it is in.
func TestUnitsSplit(t *testing.T) {
	doc, err := input.Read("p.txt", []byte("周边外交很重要。我们喜欢茶。跨境电商发展很快。\n\n"+
		"Diplomacy toward the surroundings matters. We like tea. Cross-border e-commerce grows fast.\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := Read(defaultChecker, defaultChecker.Scan(doc))
	if f.Segments != 1 || len(f.units) != 3 {
		t.Fatalf("%d segments in %d units, want 1 in 3", f.Segments, len(f.units))
	}
	first := f.units[0]
	if len(first.concepts) == 0 || first.concepts[0].ID != "zhoubian-waijiao" || !first.unrendered[first.concepts[0]] {
		t.Errorf("first unit's concepts %v, want zhoubian-waijiao, unrendered", first.concepts)
	}
	if len(f.units[1].concepts) != 0 || len(f.units[1].words) != 3 {
		t.Errorf("second unit: %d concepts, %d words; want 0 and 3 (We like tea)", len(f.units[1].concepts), len(f.units[1].words))
	}
}

func TestStopEdged(t *testing.T) {
	for zh, want := range map[string]bool{
		"我们的": true, "的周边": true, "合作了": true, "进一步": true, "推动构建": true, "我们": true,
		"跨境电商": false, "和平发展": false, "对话协商": false, "社会": false, "亚洲国家": false,
	} {
		if got := stopEdged(zh); got != want {
			t.Errorf("stopEdged(%s) = %v, want %v", zh, got, want)
		}
	}
}

// TestGoodOccurrence: a new term keeps glossary terms and function words
// whole, and is more than terms and a character.
func TestGoodOccurrence(t *testing.T) {
	zb := &glossary.Concept{ID: "zhoubian", ZH: "周边"}
	run := func(s string, terms ...[2]int) []hanChar {
		runs := hanRuns([]byte(s))
		for _, tr := range terms {
			markTerm(runs, zb, [2]int{3 * tr[0], 3 * tr[1]}) // three bytes a character
		}
		markStopUnits(runs)
		return runs[0].chars
	}
	for _, tc := range []struct {
		name  string
		chars []hanChar
		ok    bool
	}{
		{"plain", run("青年交流"), true},
		{"begins with a whole term", run("边安全合作", [2]int{0, 2}), true},
		{"starts inside a term", run("周边安全合作", [2]int{0, 2})[1:], false},
		{"ends inside a term", run("安全周边", [2]int{2, 4})[:3], false},
		{"a term and two characters", run("周边安全", [2]int{0, 2}), true},
		{"a term and one character", run("周边国", [2]int{0, 2}), false},
		{"a term and a function word", run("周边的了", [2]int{0, 2}), false},
		{"cuts a function word", run("进一步合作")[1:], false},
	} {
		if _, ok := goodOccurrence(tc.chars); ok != tc.ok {
			t.Errorf("%s: good %v, want %v", tc.name, ok, tc.ok)
		}
	}
}

func TestIDs(t *testing.T) {
	g := defaultChecker.Glossary()
	ids := newIDs(g)
	for _, tc := range []struct {
		nt         *newTerm
		id, pinyin string
	}{
		// The glossary has yazhou-jiazhiguan: the id gets a number.
		{&newTerm{chunks: []chunk{{zh: "亚洲价值观"}}}, "yazhou-jiazhiguan-2", "yàzhōu jiàzhíguān"},
		{&newTerm{chunks: []chunk{{zh: "跨境电商"}}}, "kuajing-dianshang", "kuàjìng diànshāng"},
		{&newTerm{chunks: []chunk{{zh: "周边", concept: g.Concept("zhoubian")}, {zh: "安全"}}}, "zhoubian-anquan", "zhōubiān ānquán"},
		{&newTerm{chunks: []chunk{{zh: "人工智能治理"}}}, "rengong-zhineng-zhili", "réngōng zhìnéng zhìlǐ"},
		// So has this run kuajing-dianshang, now.
		{&newTerm{chunks: []chunk{{zh: "跨境电商"}}}, "kuajing-dianshang-2", "kuàjìng diànshāng"},
	} {
		id, py := ids.make(tc.nt)
		if id != tc.id || py != tc.pinyin {
			t.Errorf("got %s (%s), want %s (%s)", id, py, tc.id, tc.pinyin)
		}
	}
}

func TestBestForm(t *testing.T) {
	tl := &tally{forms: map[string]*forms{}}
	tl.addForm("Youth exchanges", true)
	tl.addForm("Youth exchanges", true)
	tl.addForm("youth exchanges", false)
	tl.addForm("youth exchange", false)
	if got := bestForm(tl.forms); got != "youth exchanges" {
		t.Errorf("bestForm = %q, want the form inside sentences", got)
	}
	tl = &tally{forms: map[string]*forms{}}
	tl.addForm("Asian countries", true)
	tl.addForm("Asian countries", false)
	if got := bestForm(tl.forms); got != "Asian countries" {
		t.Errorf("bestForm = %q, want the proper noun's capital kept", got)
	}
}

// TestNewTermsClosed: of strings that always occur together only the
// longest is proposed; a string that also occurs alone is too.
func TestNewTermsClosed(t *testing.T) {
	var b strings.Builder
	for i := range 4 {
		fmt.Fprintf(&b, "第%d天，边民互市开张。\n\nOn day %d, the border fair opened.\n\n", i, i)
	}
	for i := range 3 {
		fmt.Fprintf(&b, "第%d次，互市热闹。\n\nTime %d, the fair was lively.\n\n", i, i)
	}
	doc, err := input.Read("fair.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	k := NewCorpus(defaultChecker)
	k.Add(Read(defaultChecker, defaultChecker.Scan(doc)))
	r := k.Suggest(Options{})
	got := termTexts(r.Terms)
	slices.Sort(got)
	// 边民互市开张 holds 边民, 民互 and the rest; 互市 also stands alone,
	// and recurs in 互市热闹.
	if want := []string{"互市", "互市热闹", "边民互市开张"}; !slices.Equal(got, want) {
		t.Errorf("terms %q, want %q", got, want)
	}
	if term := findTerm(r, "边民互市开张"); term == nil || len(term.Candidates) == 0 || term.Candidates[0].EN != "border fair opened" {
		t.Errorf("边民互市开张's candidates: %v", term)
	}
}
