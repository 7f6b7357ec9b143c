package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/iostreams"
)

// runCLI runs the CLI as a user would, returning exit status and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code = run(args, ios)
	return code, out.String(), errOut.String()
}

const fixtures = "../../testdata/glossary"

func TestLookupChinese(t *testing.T) {
	code, out, errOut := runCLI(t, "lookup", "周边")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	first := strings.SplitN(out, "\n", 2)[0]
	if !strings.HasPrefix(first, "周边  zhōubiān  zhoubian") {
		t.Errorf("first line %q: want the card of 周边", first)
	}
	for _, want := range []string{"neighborhood", "periphery", "preferred", "official", "literal", "xinhua-2025-neighborhood-work-conference (Xinhua News Agency, official, 2025-04)", `also matching "周边":`, "周边工作 zhoubian-gongzuo", "周边命运共同体"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour escapes in output that is not a terminal")
	}
}

func TestLookupEnglishPinyinAndFuzzy(t *testing.T) {
	tests := []struct {
		query, firstLine string
	}{
		{"periphery", "周边  zhōubiān  zhoubian"},
		{"communities of common destiny", "命运共同体  mìngyùn gòngtóngtǐ  mingyun-gongtongti"},
		{"zhoubian", "周边  zhōubiān  zhoubian"},
		{"zhōubiān gōngzuò", "周边工作  zhōubiān gōngzuò  zhoubian-gongzuo"},
		{"with a shared futur", "命运共同体  mìngyùn gòngtóngtǐ  mingyun-gongtongti"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "lookup", tt.query)
		if code != 0 {
			t.Errorf("lookup %q: exit %d: %s", tt.query, code, errOut)
			continue
		}
		if first := strings.SplitN(out, "\n", 2)[0]; first != tt.firstLine {
			t.Errorf("lookup %q: first line %q, want %q", tt.query, first, tt.firstLine)
		}
	}
}

func TestLookupJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "lookup", "--format", "json", "周边")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Version int `json:"version"`
		Results []struct {
			Query   string `json:"query"`
			Matches []struct {
				ID         string `json:"id"`
				ZH         string `json:"zh"`
				Pinyin     string `json:"pinyin"`
				Renderings []struct {
					EN     string   `json:"en"`
					Status string   `json:"status"`
					Styles []string `json:"styles"`
					Seen   []struct {
						Source string `json:"source"`
					} `json:"seen"`
				} `json:"renderings"`
				Match struct {
					Kind, Field, Text string
				} `json:"match"`
			} `json:"matches"`
		} `json:"results"`
		Sources map[string]struct {
			Title, Kind string
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.Version != 1 || len(got.Results) != 1 || got.Results[0].Query != "周边" {
		t.Fatalf("envelope: %+v", got)
	}
	ms := got.Results[0].Matches
	if len(ms) < 2 || ms[0].ID != "zhoubian" || ms[0].ZH != "周边" || ms[0].Match.Kind != "exact" {
		t.Fatalf("first match: %+v", ms)
	}
	if ms[1].Match.Kind != "contains" {
		t.Errorf("second match kind %q, want contains", ms[1].Match.Kind)
	}
	var official bool
	for _, r := range ms[0].Renderings {
		if r.EN == "neighborhood" && r.Status == "preferred" && len(r.Styles) > 0 && r.Styles[0] == "official" && len(r.Seen) > 0 {
			official = true
			if _, ok := got.Sources[r.Seen[0].Source]; !ok {
				t.Errorf("seen source %q is not in sources", r.Seen[0].Source)
			}
		}
	}
	if !official {
		t.Errorf("周边 lacks its preferred official rendering with styles and seen: %+v", ms[0].Renderings)
	}
}

func TestLookupNoMatch(t *testing.T) {
	code, out, errOut := runCLI(t, "lookup", "belt road forum")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if out != "" {
		t.Errorf("stdout %q, want nothing", out)
	}
	if !strings.Contains(errOut, `no concept matches "belt road forum"; nearest:`) {
		t.Errorf("stderr lacks the nearest concepts:\n%s", errOut)
	}
	code, out, _ = runCLI(t, "lookup", "--format", "json", "qqqqqqqq")
	if code != 1 || !strings.Contains(out, `"matches": []`) {
		t.Errorf("json no match: exit %d\n%s", code, out)
	}
}

func TestLookupStyleAndSources(t *testing.T) {
	code, out, errOut := runCLI(t, "lookup", "--style", "official", "--sources", "命运共同体")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "use (official): community with a shared future") {
		t.Errorf("no preferred official rendering pointed out:\n%s", out)
	}
	if !strings.Contains(out, "\nsources:\n  scholarly-2025-periphery-common-destiny  ") {
		t.Errorf("no sources list:\n%s", out)
	}
	code, _, errOut = runCLI(t, "lookup", "--style", "offical", "周边")
	if code != 2 || !strings.Contains(errOut, `unknown --style "offical"`) {
		t.Errorf("unknown style: exit %d, %s", code, errOut)
	}
}

// TestLookupAllAndLimit: by default only the best matches are cards and
// the rest one line each; --all makes every match a card; --limit caps
// the concepts per query.
func TestLookupAllAndLimit(t *testing.T) {
	const compoundCard = "\n周边工作  zhōubiān gōngzuò  zhoubian-gongzuo\n"
	_, out, _ := runCLI(t, "lookup", "周边")
	if strings.Contains(out, compoundCard) || !strings.Contains(out, "\n  周边工作 zhoubian-gongzuo  ") {
		t.Errorf("without --all, 周边工作 should be a line, not a card:\n%s", out)
	}
	_, out, _ = runCLI(t, "lookup", "--all", "周边")
	if !strings.Contains(out, compoundCard) || strings.Contains(out, "also matching") {
		t.Errorf("with --all, 周边工作 should be a card and nothing listed below:\n%s", out)
	}
	_, out, _ = runCLI(t, "lookup", "--limit", "2", "周边")
	if n := strings.Count(out, "\n  周边"); n != 1 || !strings.HasPrefix(out, "周边  ") {
		t.Errorf("with --limit 2, want 周边's card and one more concept, got:\n%s", out)
	}
}

// TestLookupLongestPartInFull: for a phrase that contains terms, the
// longest is shown in full and the terms inside it are listed.
func TestLookupLongestPartInFull(t *testing.T) {
	code, out, _ := runCLI(t, "lookup", "周边外交原则")
	if code != 0 || !strings.HasPrefix(out, "周边外交  zhōubiān wàijiāo  zhoubian-waijiao\n") {
		t.Fatalf("exit %d, want 周边外交's card first:\n%s", code, out)
	}
	also := out[strings.Index(out, `also matching "周边外交原则":`):]
	if !strings.Contains(also, "\n  外交 waijiao  ") || !strings.Contains(also, "\n  周边 zhoubian  ") {
		t.Errorf("外交 and 周边 should be listed below:\n%s", also)
	}
}

func TestLookupColour(t *testing.T) {
	_, out, _ := runCLI(t, "--color", "always", "lookup", "周边")
	if !strings.Contains(out, "\x1b[") {
		t.Error("--color always did not colour")
	}
	ios, _, buf, _ := iostreams.Test()
	ios.SetStdoutTTY(true)
	ios.SetNoColorEnv(true)
	run([]string{"lookup", "周边"}, ios)
	if strings.Contains(buf.String(), "\x1b[") {
		t.Error("NO_COLOR on a terminal still coloured")
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"lookup"},
		{"lookup", "--format", "xml", "周边"},
		{"lookup", "--limit", "0", "周边"},
		{"lookup", "--no-such-flag", "周边"},
		{"no-such-command"},
		{"--color", "rainbow", "lookup", "周边"},
		{"glossary", "export", "--format", "xlsx"},
	} {
		code, _, errOut := runCLI(t, args...)
		if code != 2 || !strings.HasPrefix(errOut, "termlint: ") {
			t.Errorf("termlint %v: exit %d, stderr %q; want 2 and a termlint: message", args, code, errOut)
		}
	}
}

func TestGlossaryFlag(t *testing.T) {
	house := filepath.Join(fixtures, "house.yaml")
	// Over the embedded glossary, the house file extends 周边.
	code, out, errOut := runCLI(t, "-g", "@default", "-g", house, "lookup", "--style", "house", "周边")
	if code != 0 || !strings.Contains(out, "use (house): surrounding region") || !strings.Contains(out, "neighborhood") {
		t.Errorf("extended glossary: exit %d\n%s%s", code, out, errOut)
	}
	// Alone, it replaces the embedded glossary: zhoubian then has no zh.
	code, _, errOut = runCLI(t, "-g", house, "lookup", "周边")
	if code != 2 || !strings.Contains(errOut, house+":8:5: concept \"zhoubian\" has no zh") {
		t.Errorf("incomplete glossary alone: exit %d, %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "-g", "missing.yaml", "lookup", "周边")
	if code != 2 || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing glossary: exit %d, %s", code, errOut)
	}
}

func TestGlossaryValidate(t *testing.T) {
	code, out, errOut := runCLI(t, "glossary", "validate")
	if code != 0 || out != "" || !strings.Contains(errOut, "terms.yaml: ") || !strings.Contains(errOut, "no problems") {
		t.Errorf("embedded glossary: exit %d\n%s%s", code, out, errOut)
	}
	bad := filepath.Join(fixtures, "validate", "references.yaml")
	code, out, errOut = runCLI(t, "glossary", "validate", bad)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	// The fixture says each problem it holds in a "# want" comment.
	src, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Count(string(src), "# want")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != want || !strings.HasPrefix(lines[0], bad+":9:13: concept \"zhoubian\" names unknown family \"zhoubain\"") {
		t.Errorf("want %d problems, the first at 9:13, got:\n%s", want, out)
	}
	if !strings.Contains(errOut, fmt.Sprintf("%d errors, 0 warnings", want)) {
		t.Errorf("summary: %s", errOut)
	}
	dup := filepath.Join(fixtures, "validate", "duplicates.yaml")
	code, out, _ = runCLI(t, "glossary", "validate", dup)
	if code != 2 || !strings.Contains(out, ": warning: rendering \"community of common destinies\"") {
		t.Errorf("warnings: exit %d\n%s", code, out)
	}
}

func TestGlossaryValidateStrict(t *testing.T) {
	file := filepath.Join(fixtures, "validate", "shared-rendering.yaml")
	if code, out, _ := runCLI(t, "glossary", "validate", file); code != 0 || !strings.Contains(out, "warning:") {
		t.Errorf("warnings without --strict: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "glossary", "validate", "--strict", file); code != 1 {
		t.Errorf("warnings with --strict: exit %d, want 1", code)
	}
}

// TestGlossaryValidateStrictGates: --strict adds the quality gates (a
// dated seen entry for every rendering, a preferred official rendering or
// notes that say why not), which the embedded glossary meets and a plain
// validate does not apply.
func TestGlossaryValidateStrictGates(t *testing.T) {
	if code, out, errOut := runCLI(t, "glossary", "validate", "--strict"); code != 0 || out != "" || !strings.Contains(errOut, "no problems") {
		t.Errorf("embedded glossary under --strict: exit %d\n%s%s", code, out, errOut)
	}
	file := filepath.Join(fixtures, "validate", "strict.yaml")
	if code, out, _ := runCLI(t, "glossary", "validate", file); code != 0 || out != "" {
		t.Errorf("quality gates without --strict: exit %d\n%s", code, out)
	}
	code, out, _ := runCLI(t, "glossary", "validate", "--strict", file)
	for _, want := range []string{
		file + ":19:9: warning: rendering \"span\" of concept \"qiao\" has no seen entry",
		file + ":24:13: warning: rendering \"crossing\" of concept \"qiao\" is seen in no dated source",
		file + ":29:5: warning: concept \"dukou\" has no preferred rendering in style \"official\"",
	} {
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("--strict: exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("--strict: %d problems, want 3:\n%s", n, out)
	}
}

func TestGlossaryExport(t *testing.T) {
	code, out, errOut := runCLI(t, "glossary", "export", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Version  int                       `json:"version"`
		Sources  map[string]map[string]any `json:"sources"`
		Styles   map[string]map[string]any `json:"styles"`
		Concepts []map[string]any          `json:"concepts"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || len(got.Concepts) < 10 || got.Styles["official"] == nil || got.Sources["scholarly-2025-periphery-common-destiny"] == nil {
		t.Errorf("export: version %d, %d concepts, styles %v", got.Version, len(got.Concepts), got.Styles)
	}
	for _, c := range got.Concepts {
		for _, key := range []string{"id", "zh", "pinyin", "renderings"} {
			if c[key] == nil {
				t.Errorf("concept %v lacks %s", c["id"], key)
			}
		}
	}
}

// TestValidateRunsExamples: glossary validate checks examples with the
// real checker, and reports one that does not hold.
func TestValidateRunsExamples(t *testing.T) {
	code, out, _ := runCLI(t, "glossary", "validate", "../../testdata/glossary/check-examples.yaml")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "check-examples.yaml:17:") ||
		!strings.Contains(lines[0], "example does not hold: it expects no findings, the checker reports [inconsistent]") {
		t.Errorf("want one problem for the example on line 17, got:\n%s", out)
	}
}

// TestCheckStdinAndExitCodes: "-" reads standard input; --fail-on decides
// the status; a missing path is reported by name with status 2 while the
// other paths are still checked; bad flag values are usage errors.
func TestCheckStdinAndExitCodes(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString("We oppose OBOR wording.\n")
	if code := run([]string{"check", "-"}, ios); code != 1 || !strings.Contains(out.String(), "-:1:11: warning deprecated:") {
		t.Errorf("stdin: exit %d\n%s%s", code, out, errOut)
	}
	for _, tt := range []struct {
		failOn string
		want   int
	}{{"warning", 1}, {"info", 1}, {"error", 0}, {"none", 0}} {
		if code, _, _ := runCLI(t, "check", "--fail-on", tt.failOn, "../../testdata/examples/slip.txt"); code != tt.want {
			t.Errorf("--fail-on %s: exit %d, want %d", tt.failOn, code, tt.want)
		}
	}
	code, stdout, stderr := runCLI(t, "check", "no-such-draft.md", "../../testdata/examples/slip.txt")
	if code != 2 || !strings.Contains(stderr, "no-such-draft.md") || !strings.Contains(stdout, "slip.txt:2:5: warning inconsistent") {
		t.Errorf("missing path: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	for _, args := range [][]string{{"--scope", "dir"}, {"--fail-on", "loud"}, {"--format", "xml"}, {"--style", "offical"}} {
		if code, _, stderr := runCLI(t, append([]string{"check"}, append(args, "../../testdata/examples/slip.txt")...)...); code != 2 || stderr == "" {
			t.Errorf("check %v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
