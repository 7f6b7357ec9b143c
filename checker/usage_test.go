package checker_test

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

const usageCorpus = "../testdata/usage"

// usageFiles reads and scans the files of the usage corpus, all of them
// (the TSV too, which a walk leaves out by default), in name order.
func usageFiles(t *testing.T, c *checker.Checker) []*checker.File {
	t.Helper()
	var files []*checker.File
	err := filepath.WalkDir(usageCorpus, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := input.Read(filepath.ToSlash(path), data)
		if err != nil {
			return err
		}
		files = append(files, c.Scan(doc))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func concept(t *testing.T, c *checker.Checker, id string) *glossary.Concept {
	t.Helper()
	con := c.Glossary().Concept(id)
	if con == nil {
		t.Fatalf("no concept %s in the default glossary", id)
	}
	return con
}

// The corpus's Markdown and PO files say what usage must find in them:
// want-usage CONCEPT KEY=N ..., KEY a count (chinese, unrendered,
// unaligned, untranslated), year, or a quoted rendering.
var (
	wantUsage     = regexp.MustCompile(`want-usage (\S+)(.*)`)
	wantUsageItem = regexp.MustCompile(`("[^"]+"|[a-z]+)=(\S+)`)
)

// fileWant is what a file of the corpus must yield for a concept: its
// counts by name ("chinese", "year", "work on periphery affairs", ...).
type fileWant map[string]string

// wantsOf reads the want-usage lines of a file, by concept id.
func wantsOf(t *testing.T, path string) map[string]fileWant {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wants := map[string]fileWant{}
	for _, m := range wantUsage.FindAllStringSubmatch(string(data), -1) {
		w := fileWant{}
		for _, item := range wantUsageItem.FindAllStringSubmatch(m[2], -1) {
			w[strings.Trim(item[1], `"`)] = item[2]
		}
		wants[m[1]] = w
	}
	return wants
}

// got is what a FileUsage counted, in the terms of a fileWant; counts of
// zero are left out, as a want leaves them out.
func got(fu *checker.FileUsage) fileWant {
	g := fileWant{}
	if fu.Year != "" {
		g["year"] = fu.Year
	}
	for name, n := range map[string]int{"chinese": fu.Chinese, "unrendered": fu.Unrendered, "unaligned": fu.Unaligned, "untranslated": fu.Untranslated} {
		if n > 0 {
			g[name] = strconv.Itoa(n)
		}
	}
	for r, n := range fu.Renderings {
		g[r.EN] = strconv.Itoa(n)
	}
	return g
}

// TestUsageFixtures checks each file of the corpus against its
// want-usage lines; the files that cannot carry one (text, TSV) are
// listed here.
func TestUsageFixtures(t *testing.T) {
	c := defaultChecker(t)
	con := concept(t, c, "zhoubian-gongzuo")
	noComments := map[string]fileWant{
		"2019/belt-and-road.txt": {"year": "2019"},
		"notes.txt":              {"neighborhood work": "1", "work on periphery affairs": "1", "periphery work": "1"},
		// 周边工作框架 "framework for neighborhood work": the rendering
		// inside the longer one, with the term inside the longer term.
		"terms_2017.tsv": {"year": "2017", "chinese": "2", "periphery work": "1", "neighborhood work": "1"},
	}
	checked := 0
	for _, f := range usageFiles(t, c) {
		name := strings.TrimPrefix(f.Path, usageCorpus+"/")
		want, ok := noComments[name]
		if !ok {
			want, ok = wantsOf(t, f.Path)[con.ID]
		}
		if !ok {
			t.Errorf("%s says nothing of what usage must find in it", f.Path)
			continue
		}
		checked++
		fu := c.FileUsage(f, []*glossary.Concept{con}, checker.UsageOptions{Examples: 3})[0]
		if g := got(fu); !maps.Equal(g, want) {
			t.Errorf("%s: usage found %v, want %v", f.Path, g, want)
		}
	}
	if checked != 6 {
		t.Errorf("checked %d files of the corpus, want 6", checked)
	}
}

func TestUsageTotals(t *testing.T) {
	c := defaultChecker(t)
	con := concept(t, c, "zhoubian-gongzuo")
	u := c.Usage(usageFiles(t, c), []*glossary.Concept{con}, checker.UsageOptions{Examples: 2})[0]
	if !u.Found() {
		t.Fatal("Found() = false")
	}
	type row struct {
		count int
		files map[string]int
		years map[string]int
	}
	p := func(name string) string { return usageCorpus + "/" + name }
	want := map[string]row{
		"neighborhood work":                     {5, map[string]int{p("2023/messages.po"): 1, p("briefing.md"): 2, p("notes.txt"): 1, p("terms_2017.tsv"): 1}, map[string]int{"2017": 1, "2021": 2, "2023": 1, checker.NoDate: 1}},
		"work on periphery affairs":             {4, map[string]int{p("2019/address.md"): 3, p("notes.txt"): 1}, map[string]int{"2019": 3, checker.NoDate: 1}},
		"periphery work":                        {3, map[string]int{p("2019/address.md"): 1, p("notes.txt"): 1, p("terms_2017.tsv"): 1}, map[string]int{"2017": 1, "2019": 1, checker.NoDate: 1}},
		"work related to neighboring countries": {1, map[string]int{p("2023/messages.po"): 1}, map[string]int{"2023": 1}},
	}
	var order []string
	for _, r := range u.Renderings {
		order = append(order, r.EN)
		w := want[r.EN]
		if r.Count != w.count || !maps.Equal(r.Files, w.files) || !maps.Equal(r.Years, w.years) {
			t.Errorf("%s: %d× %v %v, want %d× %v %v", r.EN, r.Count, r.Files, r.Years, w.count, w.files, w.years)
		}
		if len(r.Examples) > 2 {
			t.Errorf("%s: %d examples, want at most 2", r.EN, len(r.Examples))
		}
	}
	// By use; the tie in glossary order.
	if wantOrder := []string{"neighborhood work", "work on periphery affairs", "periphery work", "work related to neighboring countries"}; !slices.Equal(order, wantOrder) {
		t.Errorf("renderings in order %q, want %q", order, wantOrder)
	}
	if u.Unrendered.Count != 3 || !maps.Equal(u.Unrendered.Years, map[string]int{"2019": 2, "2023": 1}) {
		t.Errorf("unrendered: %d× %v, want 3× in 2019: 2, 2023: 1", u.Unrendered.Count, u.Unrendered.Years)
	}
	wantSummary := checker.UsageSummary{Files: 6, Bilingual: 4, Chinese: 13, Rendered: 10, Unrendered: 3, Unnamed: 3, English: 3, Total: 16, Unaligned: 1, Untranslated: 1}
	if u.Summary != wantSummary {
		t.Errorf("summary %+v, want %+v", u.Summary, wantSummary)
	}
	if len(u.Files) != 5 {
		t.Errorf("%d files with the concept, want 5 (not belt-and-road.txt)", len(u.Files))
	}
}

// An example is the rendering with its context, and in a bilingual file
// the Chinese term it renders with its own; one inside a longer term
// pairs with the term inside the longer Chinese term.
func TestUsageExamples(t *testing.T) {
	c := defaultChecker(t)
	con := concept(t, c, "zhoubian-gongzuo")
	var address []*checker.File
	for _, f := range usageFiles(t, c) {
		if strings.HasSuffix(f.Path, "address.md") {
			address = append(address, f)
		}
	}
	u := c.Usage(address, []*glossary.Concept{con}, checker.UsageOptions{Examples: 10})[0]
	var wopa *checker.RenderingUsage
	for _, r := range u.Renderings {
		if r.EN == "work on periphery affairs" {
			wopa = r
		}
	}
	if wopa == nil || len(wopa.Examples) != 3 {
		t.Fatalf("work on periphery affairs: %+v, want 3 examples", wopa)
	}
	ex := wopa.Examples[1]
	if ex.Line != 13 || ex.Column != 15 || ex.Before != "This year our " || ex.Text != "work on periphery affairs" || ex.After != " made fresh progress." || ex.Inside != "" {
		t.Errorf("example 2: %+v", ex.Excerpt)
	}
	if z := ex.ZH; z == nil || z.Line != 11 || z.Column != 6 || z.Before != "今年我们的" || z.Text != "周边工作" || z.After != "取得了新的进展。" {
		t.Errorf("example 2, Chinese: %+v", ex.ZH)
	}
	framework := wopa.Examples[2]
	if framework.Inside != "framework for work on periphery affairs" || framework.ZH == nil || framework.ZH.After != "框架。" {
		t.Errorf("example 3: inside %q, Chinese %+v; want the rendering inside the framework's, with 周边工作 of 周边工作框架", framework.Inside, framework.ZH)
	}

	// Unrendered: the second 周边工作 of a segment whose English renders
	// one; 周边工作 inside 中央周边工作会议, pointed at the English of the
	// conference's name.
	un := u.Unrendered.Examples
	if len(un) != 2 {
		t.Fatalf("%d unrendered examples, want 2", len(un))
	}
	if un[0].ZH.Column != 12 || un[0].Text != "" || un[0].Column != 1 || !strings.HasPrefix(un[0].Segment, "Periphery work has to serve") {
		t.Errorf("unrendered 1: %+v, Chinese %+v; want the segment's English from its start", un[0], un[0].ZH)
	}
	if un[1].Text != "Central Conference on Work Relating to the Periphery" || un[1].ZH.Before != "中央" {
		t.Errorf("unrendered 2: %q (Chinese %+v), want the conference's English", un[1].Text, un[1].ZH)
	}
}

// Examples come from as many files as there are before two come from
// one, and stay in walk order.
func TestUsageExamplesSpread(t *testing.T) {
	c := defaultChecker(t)
	con := concept(t, c, "zhoubian-gongzuo")
	doc := func(path, text string) *checker.File {
		d, err := input.Read(path, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return c.Scan(d)
	}
	files := []*checker.File{
		doc("a.txt", "neighborhood work, neighborhood work, neighborhood work"),
		doc("b.txt", "neighborhood work"),
		doc("c.txt", "Neighborhood work and neighborhood work."),
	}
	u := c.Usage(files, []*glossary.Concept{con}, checker.UsageOptions{Examples: 4})[0]
	var got []string
	for _, ex := range u.Renderings[0].Examples {
		got = append(got, ex.File+":"+strconv.Itoa(ex.Column))
	}
	if want := []string{"a.txt:1", "a.txt:20", "b.txt:1", "c.txt:1"}; !slices.Equal(got, want) {
		t.Errorf("examples %q, want %q", got, want)
	}
	if u.Renderings[0].Count != 6 {
		t.Errorf("count %d, want 6", u.Renderings[0].Count)
	}

	none := c.Usage(files, []*glossary.Concept{con}, checker.UsageOptions{Examples: 0})[0]
	if n := len(none.Renderings[0].Examples); n != 0 || none.Renderings[0].Count != 6 {
		t.Errorf("Examples: 0 kept %d examples, counted %d", n, none.Renderings[0].Count)
	}
}

// A Chinese term in a file that is not bilingual has no translation to
// compare; a concept in no file is not found.
func TestUsageUntranslatedAndAbsent(t *testing.T) {
	c := defaultChecker(t)
	d, err := input.Read("source.txt", []byte("要做好周边工作。\n\n周边工作框架已经形成。\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := c.Scan(d)
	us := c.Usage([]*checker.File{f}, []*glossary.Concept{concept(t, c, "zhoubian-gongzuo"), concept(t, c, "qin-cheng-hui-rong")}, checker.UsageOptions{Examples: 3})
	if s := us[0].Summary; s.Untranslated != 2 || s.Chinese != 0 || !us[0].Found() {
		t.Errorf("周边工作 in a Chinese file: %+v, found %v; want 2 untranslated", s, us[0].Found())
	}
	if us[1].Found() || len(us[1].Files) != 0 || us[1].Summary.Files != 1 {
		t.Errorf("亲诚惠容: found %v in %d files of %d", us[1].Found(), len(us[1].Files), us[1].Summary.Files)
	}
}

// The style's preferred rendering goes first among renderings used as
// often.
func TestUsageStyleOrder(t *testing.T) {
	c := defaultChecker(t)
	con := concept(t, c, "zhoubian-gongzuo")
	for style, first := range map[string]string{"": "neighborhood work", "official": "neighborhood work", "literal": "work on periphery affairs"} {
		u := c.Usage(nil, []*glossary.Concept{con}, checker.UsageOptions{Style: style})[0]
		if u.Renderings[0].EN != first {
			t.Errorf("style %q: first %q, want %q", style, u.Renderings[0].EN, first)
		}
	}
}

// In a segment with several occurrences, a rendering inside a longer
// phrase pairs with the term inside the longer term, and the one standing
// alone with the term standing alone, whatever their order; unrendered
// terms point at different phrases of the English where there are.
func TestUsagePairing(t *testing.T) {
	c := defaultChecker(t)
	con := concept(t, c, "zhoubian-gongzuo")
	table := "中文\tEnglish\n" +
		"完善周边工作框架，做好周边工作\tDo work on periphery affairs well, within the framework for work on periphery affairs\n" +
		"中央周边工作会议和中央周边工作会议\tThe Central Conference on Work Relating to the Periphery met, and then the Central Conference on Work Relating to the Periphery\n"
	d, err := input.Read("pairs.tsv", []byte(table))
	if err != nil {
		t.Fatal(err)
	}
	u := c.Usage([]*checker.File{c.Scan(d)}, []*glossary.Concept{con}, checker.UsageOptions{Examples: 5})[0]
	var pairs []string
	for _, r := range u.Renderings {
		for _, ex := range r.Examples {
			pairs = append(pairs, ex.Before+"["+ex.Text+"] ↔ "+ex.ZH.Before+"["+ex.ZH.Text+"]"+ex.ZH.After)
		}
	}
	want := []string{
		"Do [work on periphery affairs] ↔ 完善周边工作框架，做好[周边工作]",
		"affairs well, within the framework for [work on periphery affairs] ↔ 完善[周边工作]框架，做好周边工作",
	}
	if !slices.Equal(pairs, want) {
		t.Errorf("pairs:\n%s\nwant:\n%s", strings.Join(pairs, "\n"), strings.Join(want, "\n"))
	}
	var anchors []int
	for _, ex := range u.Unrendered.Examples {
		if ex.Text != "Central Conference on Work Relating to the Periphery" {
			t.Errorf("unrendered points at %q", ex.Text)
		}
		anchors = append(anchors, ex.Column)
	}
	if len(anchors) != 2 || anchors[0] == anchors[1] {
		t.Errorf("two unrendered terms point at columns %v, want two different phrases", anchors)
	}
}

// One occurrence is one use: a form of the term inside another of its
// forms (十八大 in 党的十八大) is one occurrence of it, and a rendering
// inside another of its renderings ("intellectual property" in
// "intellectual property rights") one rendering, in bilingual and
// English-only files alike.
func TestUsageOneUseOnce(t *testing.T) {
	c := defaultChecker(t)
	table := "中文\tEnglish\n" +
		"党的十八大提出了新目标。\tNew goals were set then.\n" +
		"我们加强知识产权保障。\tWe strengthen intellectual property rights.\n"
	bi, err := input.Read("pairs.tsv", []byte(table))
	if err != nil {
		t.Fatal(err)
	}
	en, err := input.Read("notes.txt", []byte("Our notes mention intellectual property rights once.\n"))
	if err != nil {
		t.Fatal(err)
	}
	zh, err := input.Read("source.txt", []byte("党的十八大以后的工作。\n"))
	if err != nil {
		t.Fatal(err)
	}
	files := []*checker.File{c.Scan(bi), c.Scan(en), c.Scan(zh)}
	// What is counted once: the Chinese of bilingual segments, the
	// renderings paired with it and those beyond it, the renderings of
	// English-only files, the Chinese with no translation.
	type counts struct{ Chinese, Rendered, Extra, English, Untranslated int }
	for _, tt := range []struct {
		id   string
		want counts
	}{
		{"shiba-da", counts{Chinese: 1, Untranslated: 1}},
		{"zhishi-chanquan", counts{Chinese: 1, Rendered: 1, English: 1}},
	} {
		u := c.Usage(files, []*glossary.Concept{concept(t, c, tt.id)}, checker.UsageOptions{})[0]
		s := u.Summary
		if got := (counts{s.Chinese, s.Rendered, s.Extra, s.English, s.Untranslated}); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.id, got, tt.want)
		}
	}
}
