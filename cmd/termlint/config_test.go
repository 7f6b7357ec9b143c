package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/config"
)

// configDraft renders 周边工作 twice one way and once another, which the
// official style settles the other way.
const configDraft = `Work on periphery affairs is now a priority.
Work on periphery affairs needs more staff.
Neighborhood work must also be funded.
`

// configRepo writes files (path → content) into a temporary repository
// and makes its sub directory the working directory, so that
// configuration files are found by walking up.
func configRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	top := writeFiles(t, files)
	t.Chdir(filepath.Join(top, "sub"))
	return top
}

// ruleLines runs check --format json and returns "rule:line" for each
// finding.
func ruleLines(t *testing.T, args ...string) (code int, got []string) {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"check", "--format", "json"}, args...)...)
	if code == exitBadInput {
		t.Fatalf("check %q: exit 2: %s", args, errOut)
	}
	var res struct {
		Findings []struct {
			Rule     string
			Severity string
			Line     int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("check %q: %v\n%s", args, err, out)
	}
	got = []string{}
	for _, f := range res.Findings {
		got = append(got, f.Rule+":"+f.Severity+":"+itoa(f.Line))
	}
	return code, got
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestConfigDiscoveryAndPrecedence(t *testing.T) {
	configRepo(t, map[string]string{
		".termlint.yaml": "style: official\nfail-on: error\nrules:\n  non-preferred: info\n",
		"sub/d.txt":      configDraft,
	})
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"the file found above sets style, severity and fail-on", []string{"d.txt"},
			0, []string{"non-preferred:info:1", "non-preferred:info:2"}},
		{"a flag beats the file", []string{"--style", "literal", "--fail-on", "info", "d.txt"},
			1, []string{"non-preferred:info:3"}},
		{"--rule beats the file's rules", []string{"--rule", "non-preferred=error", "d.txt"},
			1, []string{"non-preferred:error:1", "non-preferred:error:2"}},
		{"--rule turns a rule off", []string{"--rule", "non-preferred=off", "d.txt"},
			0, []string{}},
		{"--no-config reads no file", []string{"--no-config", "d.txt"},
			1, []string{"inconsistent:warning:3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, got := ruleLines(t, tt.args...)
			if code != tt.code || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("exit %d, findings %q; want exit %d, %q", code, got, tt.code, tt.want)
			}
		})
	}
}

func TestConfigGlossariesAndPaths(t *testing.T) {
	// A house glossary, relative to the configuration file, that knows
	// only one concept; without the default glossary nothing else is
	// found.
	house := `concepts:
  - id: house-term
    zh: 试点
    renderings:
      - {en: pilot program, status: preferred}
      - {en: trial scheme, status: deprecated}
`
	configRepo(t, map[string]string{
		"glossary/house.yaml": house,
		".termlint.yaml":      "glossaries: [glossary/house.yaml]\ndefault-glossary: false\npaths: [docs]\n",
		"docs/a.txt":          "The trial scheme ended.\n" + configDraft,
		"sub/placeholder.txt": "",
	})
	code, out, errOut := runCLI(t, "check")
	if code != exitFound {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	if !strings.Contains(out, filepath.Join("..", "docs", "a.txt")+":1:5: warning deprecated") || !strings.Contains(out, "\n1 finding ") {
		t.Errorf("want one deprecated finding in ../docs/a.txt from the house glossary alone:\n%s", out)
	}
	// --glossary beats the file's glossaries.
	if code, got := ruleLines(t, "--glossary", "@default", "../docs/a.txt"); code != exitFound || !reflect.DeepEqual(got, []string{"inconsistent:warning:4"}) {
		t.Errorf("--glossary @default: exit %d, %q", code, got)
	}
}

func TestConfigErrors(t *testing.T) {
	configRepo(t, map[string]string{
		".termlint.yaml": "style: offical\n",
		"sub/d.txt":      configDraft,
		"bad.yaml":       "scope: every\nsytle: x\n",
	})
	code, _, errOut := runCLI(t, "check", "d.txt")
	if code != exitBadInput || !strings.Contains(errOut, filepath.Join("..", config.FileName)+`:1:8: unknown style "offical" (styles: official, literal)`) {
		t.Errorf("exit %d, stderr %q: want exit 2 and the style's place in the file", code, errOut)
	}
	code, _, errOut = runCLI(t, "check", "--config", "../bad.yaml", "d.txt")
	want := "../bad.yaml:1:8: invalid scope \"every\": use file or all\n../bad.yaml:2:1: unknown key \"sytle\" (did you mean \"style\"?)\ntermlint: ../bad.yaml has 2 errors\n"
	if code != exitBadInput || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", code, errOut, want)
	}
	code, _, errOut = runCLI(t, "check", "--no-config", "--config", "../bad.yaml", "d.txt")
	if code != exitBadInput || errOut != "termlint: --config and --no-config contradict each other\n" {
		t.Errorf("--config with --no-config: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "check", "--config", "../missing.yaml", "d.txt")
	if code != exitBadInput || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("a missing --config: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "check", "--rule", "inconsistent", "--no-config", "d.txt")
	if code != exitBadInput || !strings.Contains(errOut, `invalid --rule "inconsistent": use NAME=LEVEL`) {
		t.Errorf("--rule without a level: exit %d, %q", code, errOut)
	}
}

func TestInit(t *testing.T) {
	top := configRepo(t, map[string]string{"sub/d.txt": configDraft})
	code, _, errOut := runCLI(t, "init", "--style", "official", "..")
	path := filepath.Join("..", config.FileName)
	if code != 0 || errOut != "wrote "+path+"\n" {
		t.Fatalf("init: exit %d, %q", code, errOut)
	}
	// The starter sets only the style: every other setting is the default.
	_, withStarter := ruleLines(t, "d.txt")
	_, withFlags := ruleLines(t, "--no-config", "--style", "official", "d.txt")
	if !reflect.DeepEqual(withStarter, withFlags) {
		t.Errorf("with the starter %q, with --style official alone %q", withStarter, withFlags)
	}
	if code, _, errOut := runCLI(t, "init", ".."); code != exitBadInput || !strings.Contains(errOut, "already exists; --force overwrites it") {
		t.Errorf("init over an existing file: exit %d, %q", code, errOut)
	}
	if err := os.WriteFile(filepath.Join(top, config.FileName), []byte("broken: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "init", "--force", ".."); code != 0 {
		t.Errorf("init --force over a broken file: exit %d, %q", code, errOut)
	}
	if _, err := config.Load(path); err != nil {
		t.Errorf("the file init --force wrote: %v", err)
	}
	// With -, the same starter goes to standard output and no file is
	// written.
	code, out, errOut := runCLI(t, "init", "-")
	written, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || errOut != "" || out != string(written) {
		t.Errorf("init -: exit %d, stderr %q, output:\n%s\nwant what init wrote:\n%s", code, errOut, out, written)
	}
	if _, err := os.Stat(config.FileName); err == nil {
		t.Error("init - wrote a file")
	}
}

// TestConfigBaseline checks that the baseline key, a path relative to the
// configuration file, works from a subdirectory.
func TestConfigBaseline(t *testing.T) {
	configRepo(t, map[string]string{
		".termlint.yaml": "baseline: ci/termlint-baseline.json\n",
		"ci/.keep":       "",
		"sub/d.txt":      configDraft,
	})
	if code, _, errOut := runCLI(t, "check", "--write-baseline", "../ci/termlint-baseline.json", "d.txt"); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, errOut)
	}
	code, got := ruleLines(t, "d.txt")
	if code != 0 || len(got) != 0 {
		t.Errorf("with the configured baseline: exit %d, %q; want every finding hidden", code, got)
	}
	if code, got := ruleLines(t, "--baseline", "", "d.txt"); code != exitFound || len(got) != 1 {
		t.Errorf("--baseline '' overriding the file: exit %d, %q; want the finding back", code, got)
	}
}

// TestConfigRulesInSARIF checks that SARIF describes the rules as the run
// ran them.
func TestConfigRulesInSARIF(t *testing.T) {
	configRepo(t, map[string]string{
		".termlint.yaml": "rules:\n  untranslated: off\n",
		"sub/d.txt":      configDraft,
	})
	_, out, errOut := runCLI(t, "check", "--format", "sarif", "--rule", "inconsistent=error", "d.txt")
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("%v: %s%s", err, out, errOut)
	}
	levels := map[string]string{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		levels[r.ID] = r.DefaultConfiguration.Level
	}
	if levels["inconsistent"] != "error" || levels["deprecated"] != "warning" {
		t.Errorf("rule levels %v: want inconsistent error, deprecated warning", levels)
	}
	if _, ok := levels["untranslated"]; ok {
		t.Errorf("rule levels %v: untranslated is off and should not be described", levels)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(log.Runs[0].Results) != 1 {
		t.Fatalf("%d results, want the one inconsistency", len(log.Runs[0].Results))
	}
	for _, r := range log.Runs[0].Results {
		if r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID || r.Level != "error" {
			t.Errorf("result %+v does not point at its rule, or is not an error", r)
		}
	}
}
