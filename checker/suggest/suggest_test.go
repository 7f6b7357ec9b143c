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

// TestRiverTownsNewTerms: 跨境物流 and 青年交流 recur, consistently
// translated, and are no glossary terms; 我们的 and 我们要 recur too but are
// function words, as are "our" and "we must" in English.
func TestRiverTownsNewTerms(t *testing.T) {
	r := corpus(t, defaultChecker, riverTowns...).Suggest(Options{})
	for _, want := range []struct{ zh, id, en string }{
		{"跨境物流", "kuajing-wuliu", "cross-border logistics"},
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
	doc, err := input.Read("p.txt", []byte("周边外交很重要。我们喜欢茶。跨境物流发展很快。\n\n"+
		"Diplomacy toward the surroundings matters. We like tea. Cross-border logistics grows fast.\n"))
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
		"跨境物流": false, "和平发展": false, "对话协商": false, "社会": false, "亚洲国家": false,
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
			markTerm(charsOf(runs), zb, [2]int{3 * tr[0], 3 * tr[1]}) // three bytes a character
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
		{&newTerm{chunks: []chunk{{zh: "跨境物流"}}}, "kuajing-wuliu", "kuàjìng wùliú"},
		{&newTerm{chunks: []chunk{{zh: "周边", concept: g.Concept("zhoubian")}, {zh: "安全"}}}, "zhoubian-anquan", "zhōubiān ānquán"},
		{&newTerm{chunks: []chunk{{zh: "人工智能治理"}}}, "rengong-zhineng-zhili", "réngōng zhìnéng zhìlǐ"},
		// So has this run kuajing-wuliu, now.
		{&newTerm{chunks: []chunk{{zh: "跨境物流"}}}, "kuajing-wuliu-2", "kuàjìng wùliú"},
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

// TestWordsAbbreviations: abbreviations written with periods are one
// word each, keyed as textnorm.Key keys them, and e.g. and i.e. are stop
// words; a period after a word still ends its phrase.
func TestWordsAbbreviations(t *testing.T) {
	for _, tc := range []struct {
		text string
		keys []string
		// joined marks the words joined to the one before.
		joined []bool
	}{
		{"the U.S. economy", []string{"the", "u s", "economy"}, []bool{false, true, true}},
		{"U.K. and U.N. bodies", []string{"u k", "and", "u n", "body"}, []bool{false, true, true, true}},
		{"trade, e.g. tariffs", []string{"trade", "e g", "tariff"}, []bool{false, false, true}},
		{"U.S.-China talks", []string{"u s", "china", "talk"}, []bool{false, true, true}},
		{"in the U.S.", []string{"in", "the", "u s"}, []bool{false, true, true}},
		{"at 9 a.m. sharp", []string{"at", "9", "a m", "sharp"}, []bool{false, true, true, true}},
		// Not abbreviations: one letter and a period, or letters after
		// the last period.
		{"Plan B. Then", []string{"plan", "b", "then"}, []bool{false, true, false}},
		{"U.S.A", []string{"u", "s", "a"}, []bool{false, false, false}},
	} {
		ws := words([]byte(tc.text))
		var keys []string
		var joined []bool
		for _, w := range ws {
			keys = append(keys, w.key)
			joined = append(joined, w.joined)
		}
		if !slices.Equal(keys, tc.keys) || !slices.Equal(joined, tc.joined) {
			t.Errorf("words(%q): keys %q joined %v, want %q %v", tc.text, keys, joined, tc.keys, tc.joined)
		}
	}
	ws := words([]byte("e.g. i.e. U.S."))
	if !ws[0].stop || !ws[1].stop || ws[2].stop {
		t.Errorf("stop marks: e.g. %v, i.e. %v, U.S. %v; want true, true, false", ws[0].stop, ws[1].stop, ws[2].stop)
	}
	var got []string
	ngrams(words([]byte("U.S. tariffs")), nil, func(i, j int, key []byte) { got = append(got, string(key)) })
	if want := []string{"u s", "u s tariff", "tariff"}; !slices.Equal(got, want) {
		t.Errorf("ngrams of \"U.S. tariffs\": %q, want %q", got, want)
	}
}

// TestUSCandidate: a rendering with U.S. in it is proposed whole, as
// written, not as "U" or "S".
func TestUSCandidate(t *testing.T) {
	var b strings.Builder
	for i := range 4 {
		fmt.Fprintf(&b, "第%d年，美方关税上调。\n\nIn year %d, U.S. tariffs rose.\n\n", i, i)
	}
	for i := range 4 {
		fmt.Fprintf(&b, "第%d天，我们喝茶。\n\nOn day %d, we drank tea.\n\n", i, i)
	}
	r := suggestText(t, b.String(), Options{})
	term := findTerm(r, "美方关税上调")
	if term == nil || len(term.Candidates) == 0 {
		t.Fatalf("美方关税上调 not proposed with candidates: %v", termTexts(r.Terms))
	}
	if got := term.Candidates[0].EN; got != "U.S. tariffs rose" {
		t.Errorf("best candidate %q, want \"U.S. tariffs rose\"", got)
	}
	for _, c := range term.Candidates {
		if c.EN == "U" || c.EN == "S" {
			t.Errorf("candidate %q is a piece of U.S.", c.EN)
		}
	}
}

// suggestText runs Suggest on one plain-text file of alternating
// paragraphs.
func suggestText(t *testing.T, text string, opts Options) *Report {
	t.Helper()
	doc, err := input.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	k := NewCorpus(defaultChecker)
	k.Add(Read(defaultChecker, defaultChecker.Scan(doc)))
	return k.Suggest(opts)
}

// TestNoWordFragments: strings that start or end inside a word are not
// proposed: 条党 (after 一条, 这条, 那条: a determiner and its measure
// word), 级党委 (after 各级, 省级, 市级: a suffix), 路线图 where 线图
// recurs... while the terms around them are.
func TestNoWordFragments(t *testing.T) {
	text := "" +
		// 条党: always after a determiner and measure word, before 的.
		"这是一条党的纪律。\n\nThis is a rule of the Party.\n\n" +
		"那条党的规矩很清楚。\n\nThat Party rule is clear.\n\n" +
		"这条党的路线没有变。\n\nThis Party line has not changed.\n\n" +
		// 级党委: after 各级, 省级, 市级, 县级.
		"各级党委抓落实。\n\nParty committees at all levels implement it.\n\n" +
		"省级党委抓落实。\n\nProvincial Party committees implement it.\n\n" +
		"市级党委抓落实。\n\nCity Party committees implement it.\n\n" +
		"县级党委抓落实。\n\nCounty Party committees implement it.\n\n" +
		// 河长制 is a term, after words that change.
		"推行河长制。\n\nImplement the river chief system.\n\n" +
		"落实河长制。\n\nCarry out the river chief system.\n\n" +
		"完善河长制。\n\nImprove the river chief system.\n\n"
	r := suggestText(t, text, Options{})
	got := termTexts(r.Terms)
	for _, bad := range []string{"条党", "级党", "级党委", "级党委抓落实", "条党的路线"} {
		if slices.Contains(got, bad) {
			t.Errorf("fragment %s proposed: %q", bad, got)
		}
	}
	if !slices.Contains(got, "河长制") {
		t.Errorf("河长制 not proposed: %q", got)
	}
}

// TestCutsWord: the ends of a string are word boundaries where the run
// ends, beside a function word or term, and where the pair of characters
// the cut separates recurs no more often than the pair inside the string;
// a cut through a determiner and its measure word is goodOccurrence's to
// reject, as a cut through any function word.
func TestCutsWord(t *testing.T) {
	for _, tc := range []struct {
		name  string
		run   string
		i, j  int // the string: characters i..j-1
		pairs map[string]int
		cuts  bool
	}{
		{"the whole run", "河长制", 0, 3, nil, false},
		{"after a function word", "的河长制", 1, 4, nil, false},
		{"after a determiner and measure word", "一条河长制", 2, 5, nil, false},
		{"inside a determiner and measure word", "一条党的", 1, 3, nil, true},
		{"starts with a suffix", "省级党委", 1, 4, nil, true},
		{"a suffix at the run's start", "级别", 0, 2, nil, false},
		{"the pair across the cut is more frequent", "建路线图", 2, 4, map[string]int{"路线": 5, "线图": 2}, true},
		{"the pair inside is as frequent", "发展跨境", 2, 4, map[string]int{"展跨": 3, "跨境": 3}, false},
		{"the pair across the end is more frequent", "路线图", 0, 2, map[string]int{"线图": 5, "路线": 2}, true},
		{"a pair across seen once says nothing", "路线图", 0, 2, map[string]int{"线图": 1}, false},
	} {
		runs := hanRuns([]byte(tc.run))
		markStopUnits(runs)
		_, ok := goodOccurrence(runs[0].chars[tc.i:tc.j])
		if got := !ok || cutsWord(&runs[0], tc.i, tc.j, tc.pairs); got != tc.cuts {
			t.Errorf("%s: cutsWord(%s[%d:%d]) = %v, want %v", tc.name, tc.run, tc.i, tc.j, got, tc.cuts)
		}
	}
}

// TestIDsByWord: the characters between glossary terms are cut into
// words of the glossary's own pinyin, names before a title into surname
// and given name; what no word covers is paired as before.
func TestIDsByWord(t *testing.T) {
	ids := newIDs(defaultChecker.Glossary())
	for _, tc := range []struct{ zh, id, pinyin string }{
		{"习近平总书记", "xi-jinping-zongshuji", "Xí Jìnpíng zǒngshūjì"},
		{"王毅外长", "wang-yi-waizhang", "Wáng Yì wàizhǎng"},
		// 中共, 中央 and 总书记 are words of 中共中央总书记's pinyin.
		{"中共中央总书记处", "zhonggong-zhongyang-zongshuji-chu", "zhōnggòng zhōngyāng zǒngshūjì chù"},
		// 周边 is a word: its characters are not paired with the next.
		{"大周边格调", "da-zhoubian-gediao", "dà zhōubiān gédiào"},
		// A surname before no title is no name.
		{"周末经济", "zhoumo-jingji", "zhōumò jīngjì"},
		{"跨境物流", "kuajing-wuliu", "kuàjìng wùliú"},
	} {
		id, py := ids.make(&newTerm{chunks: []chunk{{zh: tc.zh}}})
		if id != tc.id || py != tc.pinyin {
			t.Errorf("%s: got %s (%s), want %s (%s)", tc.zh, id, py, tc.id, tc.pinyin)
		}
	}
}

// TestDictionary: the words of a term are those its pinyin writes as one.
func TestDictionary(t *testing.T) {
	g := &glossary.Glossary{Concepts: []*glossary.Concept{
		{ID: "a", ZH: "中共中央总书记", Pinyin: "Zhōnggòng Zhōngyāng zǒngshūjì"},
		{ID: "b", ZH: "西安事变", Pinyin: "Xī'ān shìbiàn"},
		{ID: "c", ZH: "银行行长", Pinyin: "yínháng hángzhǎng"}, // 行 has two readings
		{ID: "d", ZH: "错配", Pinyin: "cuò pèi duō"},         // more syllables than characters
	}}
	d := dictionary(g)
	for _, w := range []string{"中共", "中央", "总书记", "西安", "事变", "银行", "行长"} {
		if !d[w] {
			t.Errorf("%s not in the dictionary", w)
		}
	}
	if d["错配"] {
		t.Error("错配, whose pinyin does not fit it, is in the dictionary")
	}
}

// TestDropMisaligned: a unit whose length ratio is far from the file's
// others is left out; a file of too few units is left alone.
func TestDropMisaligned(t *testing.T) {
	mk := func(sizes ...[2]int) []*unit {
		var us []*unit
		for _, s := range sizes {
			us = append(us, &unit{enChars: s[0], zhChars: s[1]})
		}
		return us
	}
	steady := [][2]int{{60, 20}, {90, 30}, {33, 10}, {150, 52}, {70, 25}, {45, 14}, {120, 41}, {88, 29}}
	for _, tc := range []struct {
		name    string
		units   []*unit
		dropped int
	}{
		{"steady", mk(steady...), 0},
		{"English of two sentences beside one", mk(append(steady, [2]int{300, 20})...), 1},
		{"Chinese of a whole paragraph beside a line", mk(append(steady, [2]int{30, 120})...), 1},
		{"an empty side", mk(append(steady, [2]int{0, 20})...), 1},
		{"twice as long is within the fence", mk(append(steady, [2]int{120, 20})...), 0},
		{"too few to judge", mk([2]int{60, 20}, [2]int{300, 20}, [2]int{30, 120}), 0},
	} {
		kept, n := dropMisaligned(tc.units)
		if n != tc.dropped || len(kept)+n != len(tc.units) {
			t.Errorf("%s: dropped %d, kept %d; want %d dropped", tc.name, n, len(kept), tc.dropped)
		}
	}
}

// TestMisalignedPairIgnored: a pair whose English belongs to another
// segment gives its words no evidence, and the report counts it.
func TestMisalignedPairIgnored(t *testing.T) {
	var b strings.Builder
	for i := range 9 {
		fmt.Fprintf(&b, "第%d天，边民互市开张。\n\nOn day %d, the border fair opened.\n\n", i, i)
	}
	// Shifted: the English of a long paragraph stands beside a short line.
	for range 2 {
		b.WriteString("互市开张。\n\nThe market of the mountain villages opened early in the morning, and traders from both sides of the river came with salt, tea and cloth, as they had done for generations.\n\n")
	}
	r := suggestText(t, b.String(), Options{})
	if r.Misaligned != 2 || r.Segments != 9 {
		t.Errorf("misaligned %d, segments %d; want 2 and 9", r.Misaligned, r.Segments)
	}
	for _, term := range r.Terms {
		for _, c := range term.Candidates {
			if strings.Contains(c.Key, "salt") || strings.Contains(c.Key, "mountain") {
				t.Errorf("%s: candidate %q from a misaligned pair", term.ZH, c.EN)
			}
		}
	}
}
