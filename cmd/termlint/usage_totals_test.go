package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// usageTotalsInputs are the queries and paths TestUsageTotalsAddUp runs
// usage on, from the repository root: the project's fixtures, one
// written by the test, and the shared corpora where they are present.
var usageTotalsInputs = []struct {
	query string
	paths []string
	// shared marks paths outside the repository, which may be absent.
	shared bool
}{
	{query: "周边工作", paths: []string{"testdata/usage"}},
	{query: "周边工作", paths: []string{"--include", "*.tsv", "--include", "*.md", "--include", "*.po", "--include", "*.txt", "testdata/usage"}},
	{query: "共建一带一路", paths: []string{"--all", "checker/testdata/unlisted/drift.md"}},
	{query: "人类命运共同体", paths: []string{"checker/testdata/unlisted/drift.md"}},
	{query: "周边", paths: []string{"--all", "../shared/seeds", "../shared/realworld/bilingual-reports"}, shared: true},
	{query: "命运共同体", paths: []string{"--all", "../shared/seeds", "../shared/realworld/bilingual-reports"}, shared: true},
	{query: "一带一路", paths: []string{"--all", "../shared/seeds", "../shared/realworld/bilingual-reports"}, shared: true},
	{query: "党中央", paths: []string{"../shared/seeds", "../shared/realworld/bilingual-reports"}, shared: true},
}

// writeTotalsFixture writes files whose counts are easy to get wrong: a
// form of a term inside another (十八大 in 党的十八大), a rendering inside
// another ("intellectual property" in "intellectual property rights"), a
// rendering said twice for one occurrence, one whose Chinese lacks the
// term, Chinese with no translation. It returns their folder.
func writeTotalsFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"pairs.md": "党的十八大以后，我们加强知识产权保障。\n\n" +
			"After that congress we strengthened intellectual property rights.\n\n" +
			"知识产权很重要。\n\n" +
			"Intellectual property rights matter, and intellectual property rights need care.\n\n" +
			"这一段没有那个词。\n\n" +
			"Intellectual property rights are not named in this Chinese.\n",
		"notes.txt":  "Intellectual property rights, and the intellectual property they protect.\n",
		"source.txt": "知识产权与党的十八大。\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestUsageTotalsAddUp is the promise that usage's numbers add up, in
// the text report and in JSON, over every input of usageTotalsInputs:
// each rendering's count is the sum of its counts by file and by year;
// each file's total is the sum of the uses listed for it, and the files'
// totals add up to the total row; the renderings and the occurrences
// with no known rendering add up to the total row, and the unlisted
// phrases and the unnamed ones to the occurrences with no known
// rendering.
func TestUsageTotalsAddUp(t *testing.T) {
	t.Chdir("../..")
	inputs := usageTotalsInputs
	fixture := writeTotalsFixture(t)
	for _, q := range []string{"知识产权", "十八大"} {
		inputs = append(inputs, struct {
			query  string
			paths  []string
			shared bool
		}{query: q, paths: []string{fixture}})
	}
	for _, in := range inputs {
		name := in.query + " " + strings.Join(in.paths, " ")
		if strings.HasPrefix(name, fixture) {
			name = in.query + " fixture"
		}
		t.Run(name, func(t *testing.T) {
			if in.shared {
				for _, p := range in.paths {
					if strings.HasPrefix(p, "../shared") {
						if _, err := os.Stat(p); err != nil {
							t.Skipf("%s not found (from the repository root); this case runs where the shared corpora are", p)
						}
					}
				}
			}
			args := append([]string{"usage", "--examples", "0", in.query}, in.paths...)
			code, text, errOut := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			_, js, _ := runCLI(t, append([]string{"usage", "--format", "json", "--examples", "0", in.query}, in.paths...)...)
			var doc totalsJSON
			if err := json.Unmarshal([]byte(js), &doc); err != nil {
				t.Fatal(err)
			}
			for _, c := range doc.Concepts {
				checkJSONTotals(t, c)
			}
			checkTextTotals(t, text, doc)
		})
	}
}

// totalsJSON is the part of usage's JSON whose numbers must add up, read
// as a consumer reads it (not with the types that write it).
type totalsJSON struct {
	Concepts []totalsConcept `json:"concepts"`
}

type totalsConcept struct {
	Concept    string `json:"concept"`
	ZH         string `json:"zh"`
	Pinyin     string `json:"pinyin"`
	Renderings []struct {
		EN string `json:"en"`
		totalsTally
	} `json:"renderings"`
	Unrendered totalsTally `json:"unrendered"`
	Unlisted   []struct {
		Phrase string `json:"phrase"`
		totalsTally
	} `json:"unlisted"`
	Unnamed totalsTally `json:"unnamed"`
	Files   []struct {
		Path       string         `json:"path"`
		Bilingual  bool           `json:"bilingual"`
		Total      int            `json:"total"`
		Chinese    int            `json:"chinese"`
		Renderings map[string]int `json:"renderings"`
		Unrendered int            `json:"unrendered"`
		Unlisted   map[string]int `json:"unlisted"`
		Unnamed    int            `json:"unnamed"`
	} `json:"files"`
	Summary struct {
		Chinese, Rendered, Unrendered, English, Total int
	} `json:"summary"`
}

type totalsTally struct {
	Count int            `json:"count"`
	Files map[string]int `json:"files"`
	Years map[string]int `json:"years"`
}

// checkJSONTotals checks the sums of one concept of usage's JSON.
func checkJSONTotals(t *testing.T, c totalsConcept) {
	t.Helper()
	s := c.Summary
	eq := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("JSON %s: %s is %d, its parts add up to %d", c.Concept, what, got, want)
		}
	}
	tally := func(what string, tj totalsTally, byFile map[string]int) {
		t.Helper()
		eq(what+" count vs its years", tj.Count, sumValues(tj.Years))
		eq(what+" count vs its files", tj.Count, sumValues(tj.Files))
		eq(what+" count vs the files' counts of it", tj.Count, sumValues(byFile))
	}
	rows := c.Unrendered.Count
	for _, r := range c.Renderings {
		byFile := map[string]int{}
		for _, f := range c.Files {
			byFile[f.Path] = f.Renderings[r.EN]
		}
		tally("rendering "+strconv.Quote(r.EN), r.totalsTally, byFile)
		rows += r.Count
	}
	byFile, unlisted := map[string]int{}, 0
	for _, f := range c.Files {
		byFile[f.Path] = f.Unrendered
	}
	tally("unrendered", c.Unrendered, byFile)
	for _, p := range c.Unlisted {
		byFile := map[string]int{}
		for _, f := range c.Files {
			byFile[f.Path] = f.Unlisted[p.Phrase]
		}
		tally("unlisted "+strconv.Quote(p.Phrase), p.totalsTally, byFile)
		unlisted += p.Count
	}
	for _, f := range c.Files {
		byFile[f.Path] = f.Unnamed
	}
	tally("unnamed", c.Unnamed, byFile)
	eq("unrendered", c.Unrendered.Count, unlisted+c.Unnamed.Count)
	eq("summary.total vs the renderings and unrendered", s.Total, rows)
	eq("summary.total vs chinese and english", s.Total, s.Chinese+s.English)
	eq("summary.chinese vs rendered and unrendered", s.Chinese, s.Rendered+s.Unrendered)
	fileTotals := 0
	for _, f := range c.Files {
		fileTotals += f.Total
		eq(f.Path+" total vs its renderings and unrendered", f.Total, sumValues(f.Renderings)+f.Unrendered)
		eq(f.Path+" unrendered vs its unlisted and unnamed", f.Unrendered, sumValues(f.Unlisted)+f.Unnamed)
		if f.Bilingual {
			eq(f.Path+" chinese vs its renderings and unrendered", f.Chinese, sumValues(f.Renderings)+f.Unrendered)
		}
	}
	eq("summary.total vs the files' totals", s.Total, fileTotals)
}

func sumValues(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

var (
	// tableRow is a row of the renderings table: mark, name (indented
	// under "no known rendering" for unlisted phrases and unnamed ones),
	// count and years.
	tableRow = regexp.MustCompile(`^(?:→ |  )(  )?(\S+(?: \S+)*)(?: {2,}.*?)? +(\d+)×(?:  (.*))?$`)
	// fileRowCounts is the counts of a row of the files list.
	fileRowCounts = regexp.MustCompile(`  (?:bilingual|English only) +(\S.*)$`)
	// usesHead is "周边工作 6×: " or "renderings 3×: " before a file's uses.
	usesHead   = regexp.MustCompile(`^(\S+) (\d+)×: (.*)$`)
	countItem  = regexp.MustCompile(`^(.*) (\d+)$`)
	unrendItem = regexp.MustCompile(`^no known rendering (\d+)(?: \((.*)\))?$`)
	splitItem  = regexp.MustCompile(`"(?:[^"\\]|\\.)*" (\d+)|unnamed (\d+)`)
	bilingualS = regexp.MustCompile(`^  bilingual: \S+ (\d+)× in the Chinese; its renderings (\d+)× in the English(?:, no known rendering for (\d+))?`)
	englishS   = regexp.MustCompile(`^  English only: its renderings (\d+)×$`)
)

// checkTextTotals checks the sums of usage's text report, concept by
// concept, finding each concept's part by its first line.
func checkTextTotals(t *testing.T, text string, doc totalsJSON) {
	t.Helper()
	lines := strings.Split(text, "\n")
	for _, c := range doc.Concepts {
		head := c.ZH + "  " + c.Pinyin + "  " + c.Concept
		start := -1
		for i, l := range lines {
			if l == head {
				start = i
			}
		}
		if start < 0 {
			t.Errorf("text: no report of %s", c.Concept)
			continue
		}
		// The report: the summary, the table, the files, each a
		// paragraph.
		var paras [][]string
		cur := []string{}
		for _, l := range lines[start+1:] {
			if l == "" {
				paras = append(paras, cur)
				cur = []string{}
				if len(paras) == 3 {
					break
				}
				continue
			}
			cur = append(cur, l)
		}
		if len(paras) < 3 || strings.Contains(strings.Join(paras[0], "\n"), "occur in none") {
			continue
		}
		checkTextReport(t, c.Concept, paras[0], paras[1], paras[2])
	}
}

// checkTextReport checks one concept's text report: its summary, its
// table of renderings and its list of files.
func checkTextReport(t *testing.T, id string, summary, table, files []string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("text %s: %s", id, fmt.Sprintf(format, args...))
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }

	// The table: renderings and "no known rendering" add up to "total",
	// the rows under "no known rendering" to it, each row's years to it.
	rendered, unrendered, under, total := 0, -1, 0, -1
	byRendering := map[string]int{}
	for _, l := range table {
		m := tableRow.FindStringSubmatch(l)
		if m == nil {
			fail("table row %q unreadable", l)
			continue
		}
		sub, name, n := m[1] != "", m[2], atoi(m[3])
		years := 0
		for _, y := range strings.Split(m[4], " · ") {
			if _, v, ok := strings.Cut(y, ": "); ok {
				years += atoi(v)
			}
		}
		if years != n {
			fail("row %q: %d×, its years add up to %d", name, n, years)
		}
		switch {
		case sub:
			under += n
		case name == unrenderedLabel:
			unrendered = n
		case name == "total":
			total = n
		default:
			rendered += n
			byRendering[name] = n
		}
	}
	if unrendered < 0 {
		unrendered = 0
	}
	if total < 0 {
		fail("the table has no %q row to add up to", "total")
	} else if rendered+unrendered != total {
		fail("the table's renderings (%d) and %s (%d) add up to %d, its total is %d", rendered, unrenderedLabel, unrendered, rendered+unrendered, total)
	}
	if under > 0 && under != unrendered {
		fail("the rows under %s add up to %d, not %d", unrenderedLabel, under, unrendered)
	}

	// The summary: the Chinese of bilingual files is rendered or not, and
	// with the renderings of English-only files makes the total.
	chinese, english := 0, 0
	for _, l := range summary {
		if m := bilingualS.FindStringSubmatch(l); m != nil {
			chinese = atoi(m[1])
			if atoi(m[2])+atoi(m[3]) != chinese {
				fail("summary %q: %s + %s is not %d", l, m[2], cmpOr(m[3], "0"), chinese)
			}
		}
		if m := englishS.FindStringSubmatch(l); m != nil {
			english = atoi(m[1])
		}
	}
	if total >= 0 && chinese+english != total {
		fail("the summary's %d in the Chinese and %d in English-only files are not the table's total %d", chinese, english, total)
	}

	// The files: each file's uses add up to its total, the totals to the
	// table's, each rendering's counts to its row.
	fileTotals := 0
	filesByRendering := map[string]int{}
	for _, l := range files {
		m := fileRowCounts.FindStringSubmatch(l)
		if m == nil {
			fail("file row %q unreadable", l)
			continue
		}
		uses, _, _ := strings.Cut(m[1], "; also ")
		h := usesHead.FindStringSubmatch(uses)
		if h == nil {
			continue // nothing but what is not a use
		}
		n, sum := atoi(h[2]), 0
		fileTotals += n
		for _, item := range strings.Split(h[3], " · ") {
			if u := unrendItem.FindStringSubmatch(item); u != nil {
				sum += atoi(u[1])
				if u[2] != "" {
					split := 0
					for _, s := range splitItem.FindAllStringSubmatch(u[2], -1) {
						split += atoi(s[1]) + atoi(s[2])
					}
					if split != atoi(u[1]) {
						fail("file row %q: %s %s, its parts add up to %d", l, unrenderedLabel, u[1], split)
					}
				}
				continue
			}
			c := countItem.FindStringSubmatch(item)
			if c == nil {
				fail("file row %q: item %q unreadable", l, item)
				continue
			}
			sum += atoi(c[2])
			filesByRendering[c[1]] += atoi(c[2])
		}
		if sum != n {
			fail("file row %q: %d×, its uses add up to %d", l, n, sum)
		}
	}
	if total >= 0 && fileTotals != total {
		fail("the files' totals add up to %d, the table's total is %d", fileTotals, total)
	}
	for name, n := range byRendering {
		if filesByRendering[name] != n {
			fail("%q is %d× in the table, %d× in the files", name, n, filesByRendering[name])
		}
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
