package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/textnorm"
)

// riverTowns is the corpus of testdata/suggest, as docs/suggest.md runs it.
var riverTowns = []string{"../../testdata/suggest/river-towns.txt", "../../testdata/suggest/phrasebook.tsv"}

func suggestArgs(extra ...string) []string {
	return append(append([]string{"suggest"}, extra...), riverTowns...)
}

// validateMerged loads the embedded glossary with the snippet after it,
// examples checked, and fails on any error.
func validateMerged(t *testing.T, snippet string) *glossary.Glossary {
	t.Helper()
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(snippet), &node); err != nil {
		t.Fatalf("the snippet is not YAML: %v\n%s", err, snippet)
	}
	g, problems := glossary.Load([]glossary.Input{termlint.DefaultInput(), {Name: "suggest.yaml", Data: []byte(snippet)}},
		glossary.ValidateOptions{CheckExample: checker.ExampleChecker()})
	if g == nil || problems.Errors() > 0 {
		t.Fatalf("the snippet merged after the default glossary does not validate:\n%v\n%s", problems, snippet)
	}
	return g
}

// TestSuggestYAMLMerges: the snippet parses, merges after the default
// glossary without an error, and adds what it proposes: the new rendering
// under its concept, the new terms as concepts.
func TestSuggestYAMLMerges(t *testing.T) {
	code, out, errOut := runCLI(t, suggestArgs()...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	g := validateMerged(t, out)
	if c := g.Concept("zhoubian-waijiao"); c == nil || !slices.ContainsFunc(c.Renderings, func(r *glossary.Rendering) bool {
		return r.EN == "diplomacy toward the surroundings" && r.Status == glossary.Admitted && len(r.Seen) == 2
	}) {
		t.Errorf("zhoubian-waijiao lacks the admitted rendering seen in both files:\n%s", out)
	}
	for id, en := range map[string]string{"kuajing-wuliu": "cross-border logistics", "qingnian-jiaoliu": "youth exchanges"} {
		c := g.Concept(id)
		if c == nil || len(c.Renderings) == 0 || c.Renderings[0].EN != en {
			t.Errorf("new concept %s with %q missing:\n%s", id, en, out)
		}
	}
	for _, src := range []string{"corpus-river-towns", "corpus-phrasebook"} {
		if s := g.Source(src); s == nil || s.Kind != "other" || !strings.HasSuffix(s.Title, "testdata/suggest/"+strings.TrimPrefix(src, "corpus-")+filepath.Ext(s.Title)) {
			t.Errorf("source %s: %+v", src, s)
		}
	}
	// The evidence is in comments, with the match marked on both sides.
	for _, want := range []string{
		"# 周边外交 zhoubian-waijiao: 6 segments with the term, 5 without a known rendering",
		"# G² 17.1: beside 周边外交 in 5 segments (5 without a known rendering)",
		"#   ../../testdata/suggest/river-towns.txt:1:5: Our «diplomacy toward the surroundings» must serve local development.",
		"#   ../../testdata/suggest/river-towns.txt:3:4: 我们的«周边外交»必须服务于地方建设。",
		`pinyin: "kuàjìng wùliú"  # generated`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the snippet lacks %q:\n%s", want, out)
		}
	}
}

// TestSuggestUnstableCommentedOut: a new term without a stable
// translation comes as a commented-out stub, so that the snippet still
// validates, and says what to fill in.
func TestSuggestUnstableCommentedOut(t *testing.T) {
	dir := t.TempDir()
	var text strings.Builder
	for _, en := range []string{"The night market opened.", "Tourists filled the evening bazaar.", "Vendors left the food street late.", "The lanterns lit the market."} {
		text.WriteString("夜市很热闹。\n\n" + en + "\n\n")
	}
	path := filepath.Join(dir, "night.txt")
	if err := os.WriteFile(path, []byte(text.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "suggest", path)
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	validateMerged(t, out)
	if !strings.Contains(out, "not stable") && !strings.Contains(out, "fill in a rendering and uncomment") {
		t.Errorf("no unstable term in:\n%s", out)
	}
	if !strings.Contains(out, "  # - id: yeshi") {
		t.Errorf("the stub of 夜市 is not commented out:\n%s", out)
	}
}

// TestSuggestJSON checks the documented shape.
func TestSuggestJSON(t *testing.T) {
	code, out, errOut := runCLI(t, suggestArgs("--format", "json", "--examples", "1")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got suggestJSON
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Files != 2 || got.Bilingual != 2 || got.Translated != 20 || got.Segments != 20 {
		t.Errorf("header %+v", got)
	}
	if len(got.Renderings) != 1 || got.Renderings[0].ID != "zhoubian-waijiao" || len(got.Renderings[0].Known) != 5 {
		t.Fatalf("renderings %+v", got.Renderings)
	}
	top := got.Renderings[0].Candidates[0]
	if top.EN != "diplomacy toward the surroundings" || top.Count != 5 || top.Unrendered == nil || *top.Unrendered != 5 || top.Score != 17.09 || len(top.Examples) != 1 {
		t.Errorf("top candidate %+v", top)
	}
	if ex := top.Examples[0]; ex.EN.Match != "diplomacy toward the surroundings" || ex.ZH.Match != "周边外交" || ex.ZH.Line != 3 {
		t.Errorf("example %+v", ex)
	}
	if len(got.Terms) != 2 || got.Terms[0].Candidates[0].Unrendered != nil || !got.Terms[0].Stable || len(got.Terms[0].Examples) != 1 {
		t.Errorf("terms %+v", got.Terms)
	}
	// Lists are never null.
	for _, key := range []string{`"renderings": null`, `"terms": null`, `"candidates": null`, `"examples": null`, `"contains": null`, `"files": null`} {
		if strings.Contains(out, key) {
			t.Errorf("output has %s", key)
		}
	}
}

// TestSuggestDeterministic: the same output twice, and whatever the
// number of workers reading the files.
func TestSuggestDeterministic(t *testing.T) {
	var outs []string
	for _, n := range []int{1, 4, 4} {
		withPoolSize(t, n)
		code, out, errOut := runCLI(t, suggestArgs("--min-count", "1", "--min-term-count", "2", "--limit", "10")...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Errorf("the runs differ:\n%s\n---\n%s\n---\n%s", outs[0], outs[1], outs[2])
	}
}

func TestSuggestFlags(t *testing.T) {
	_, out, _ := runCLI(t, suggestArgs("--examples", "0")...)
	if strings.Contains(out, "«") {
		t.Errorf("--examples 0 shows examples:\n%s", out)
	}
	_, out, _ = runCLI(t, suggestArgs("--limit", "1", "--min-count", "1")...)
	if n := strings.Count(out, "- en: "); n != 3 {
		t.Errorf("--limit 1: %d renderings, want one for each of three terms:\n%s", n, out)
	}
	code, out, _ := runCLI(t, suggestArgs("--min-count", "6", "--max-terms", "0")...)
	if code != 1 || !strings.Contains(out, "no candidate: no n-gram is beside the term in 6 segments or more") || strings.Contains(out, "- id:") {
		t.Errorf("--min-count 6 --max-terms 0: exit %d:\n%s", code, out)
	}
	_, out, _ = runCLI(t, suggestArgs("--max-terms", "1")...)
	if !strings.Contains(out, "# 1 more new terms, not shown: see --max-terms") || strings.Contains(out, "青年交流") {
		t.Errorf("--max-terms 1:\n%s", out)
	}
	_, out, _ = runCLI(t, suggestArgs("--min-term-count", "5")...)
	if !strings.Contains(out, "跨境物流") || strings.Contains(out, "青年交流") {
		t.Errorf("--min-term-count 5 keeps 跨境物流 (5 segments) only:\n%s", out)
	}
}

// TestSuggestSourceTarget reads a Chinese file and its translation as
// one bilingual file.
func TestSuggestSourceTarget(t *testing.T) {
	dir := t.TempDir()
	var zh, en strings.Builder
	for _, pair := range [][2]string{
		{"我们推进周边外交。", "We advance diplomacy toward the surroundings."},
		{"学者研究周边外交。", "Scholars study diplomacy toward the surroundings."},
		{"周边外交需要耐心。", "Diplomacy toward the surroundings needs patience."},
	} {
		zh.WriteString(pair[0] + "\n\n")
		en.WriteString(pair[1] + "\n\n")
	}
	// Association needs segments without the term, too.
	zh.WriteString("河水很清。\n\n山路很长。\n")
	en.WriteString("The river is clear.\n\nThe mountain road is long.\n")
	writeText(t, filepath.Join(dir, "zh.txt"), zh.String())
	writeText(t, filepath.Join(dir, "en.txt"), en.String())
	code, out, errOut := runCLI(t, "suggest", "--source", filepath.Join(dir, "zh.txt"), "--target", filepath.Join(dir, "en.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `- en: "diplomacy toward the surroundings"`) || !strings.Contains(out, "zh.txt:1:5: 我们推进«周边外交»") {
		t.Errorf("output:\n%s", out)
	}
}

func TestSuggestExitStatus(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		code    int
		message string
	}{
		{[]string{"suggest"}, 2, "suggest needs files or directories to read"},
		{suggestArgs("--format", "text"), 2, `invalid --format "text": use yaml or json`},
		{suggestArgs("--limit", "0"), 2, "invalid --limit 0: it must be at least 1"},
		{suggestArgs("--min-count", "0"), 2, "invalid --min-count 0"},
		{suggestArgs("--examples", "-1"), 2, "invalid --examples -1"},
		{suggestArgs("--bilingual", "maybe"), 2, `invalid --bilingual "maybe"`},
		{[]string{"suggest", "--source", "zh.txt"}, 2, "--source and --target go together"},
		{[]string{"suggest", "no/such/file.txt"}, 2, "no/such/file.txt"},
		// English only: nothing to learn from, and a notice saying why.
		{[]string{"suggest", "../../testdata/examples/draft.md"}, 1, "no translated bilingual segments in 1 file"},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.message) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q\n%s", tc.args, code, errOut, tc.code, tc.message, out)
		}
	}
}

// TestSuggestSeed000 is issue 9's done criterion: on seed 000, whose
// odd lines are English and even lines the Chinese original, suggest
// proposes renderings the glossary does not have yet. The ones checked
// here were checked by reading the seed: each Chinese term is rendered so
// in every sentence pair it is in.
func TestSuggestSeed000(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/000_*.txt")
	if len(files) == 0 {
		t.Skip("seed corpus not found at ../../../shared/seeds; this test runs where it is present (CI)")
	}
	code, out, errOut := runCLI(t, append([]string{"suggest", "--format", "json"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got suggestJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	g, _ := termlint.LoadDefault()
	known := map[string]string{} // folded rendering -> concept
	for _, c := range g.Concepts {
		for _, r := range c.Renderings {
			known[textnorm.Key(r.EN)] = c.ID
			for _, f := range r.Forms {
				known[textnorm.Key(f)] = c.ID
			}
		}
	}
	for zh, en := range map[string]string{
		"习近平总书记":  "General Secretary Xi Jinping",
		"亚洲国家":    "Asian countries",
		"中国与周边国家": "China and countries in its periphery",
		"历史性变革":   "historic achievements and transformations",
	} {
		i := slices.IndexFunc(got.Terms, func(t suggestTermJSON) bool { return t.ZH == zh })
		if i < 0 {
			t.Errorf("%s not proposed", zh)
			continue
		}
		term := got.Terms[i]
		if !term.Stable || len(term.Candidates) == 0 || term.Candidates[0].EN != en {
			t.Errorf("%s: stable %v, candidates %+v; want %q first", zh, term.Stable, term.Candidates, en)
		}
		if id, ok := known[textnorm.Key(en)]; ok {
			t.Errorf("%q is already a rendering of %s", en, id)
		}
		for _, c := range g.Concepts {
			if c.ZH == zh {
				t.Errorf("%s is already a glossary term (%s)", zh, c.ID)
			}
		}
	}
	// The one concept seed 000 leaves unrendered has no candidate: its
	// sentence omits it, and it occurs nowhere else.
	if len(got.Renderings) != 1 || got.Renderings[0].ID != "yulin-weishan-yilin-weiban" || len(got.Renderings[0].Candidates) != 0 {
		t.Errorf("renderings %+v", got.Renderings)
	}
	// The YAML snippet merges after the glossary.
	_, yamlOut, _ := runCLI(t, append([]string{"suggest"}, files...)...)
	validateMerged(t, yamlOut)
}

// TestSuggestMisaligned: pairs whose lengths are out of proportion with
// the file's others are left out, and both formats say how many.
func TestSuggestMisaligned(t *testing.T) {
	var b strings.Builder
	for range 9 {
		b.WriteString("边民互市开张。\n\nThe border fair opened.\n\n")
	}
	b.WriteString("互市开张。\n\nThe market of the mountain villages opened early in the morning, and traders from both sides of the river came with salt, tea and cloth.\n\n")
	path := filepath.Join(t.TempDir(), "fair.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "suggest", path)
	if want := "# termlint suggest: 1 file (1 bilingual), 10 translated segments, 1 left out as misaligned (lengths out of proportion with the file's other pairs)\n"; !strings.HasPrefix(out, want) {
		t.Errorf("YAML header:\n%s\nwant\n%s", strings.SplitAfter(out, "\n")[0], want)
	}
	_, out, _ = runCLI(t, "suggest", "--format", "json", path)
	var got struct{ Segments, Misaligned int }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Segments != 9 || got.Misaligned != 1 {
		t.Errorf("segments %d, misaligned %d; want 9 and 1", got.Segments, got.Misaligned)
	}
}
