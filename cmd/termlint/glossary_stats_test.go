package main

import (
	"encoding/json"
	"testing"
)

// statsGlossary is the glossary of glossary.TestSummarize, whose numbers
// its head comment gives.
const statsGlossary = "../../glossary/testdata/stats.yaml"

func TestGlossaryStatsText(t *testing.T) {
	code, out, errOut := runCLI(t, "--no-config", "-g", statsGlossary, "glossary", "stats")
	want := `concepts    4  (1 part, 1 example)
renderings  6  (3 preferred, 1 admitted, 1 deprecated, 1 superseded)
sources     3  (2 official, 1 scholarly)

style     preferred  admitted  deprecated  superseded  concepts with a preferred rendering
official  2          1         0           0           2 of 4
literal   3          1         0           0           3 of 4

no preferred official rendering (2):
  zb-gz, zb-wj

no preferred literal rendering (1):
  zb-gz

source  kind       seen
a       official   3
b       scholarly  2

cited by no seen entry (1):
  c

family  members  zh
zb      2        周边

tags (3):
  zhoubian 3, part 1, policy 1

never seen (2):
  zb-gz "periphery work", zb-wj "diplomacy with neighbors"
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}
}

func TestGlossaryStatsJSON(t *testing.T) {
	code, out, _ := runCLI(t, "--no-config", "-g", statsGlossary, "glossary", "stats", "--format", "json")
	var got struct {
		Concepts int            `json:"concepts"`
		ByStatus map[string]int `json:"by_status"`
		Sources  struct {
			Uncited []string `json:"uncited"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if got.Concepts != 4 || got.ByStatus["preferred"] != 3 || len(got.Sources.Uncited) != 1 || got.Sources.Uncited[0] != "c" {
		t.Errorf("json: %+v", got)
	}
}

func TestGlossaryStatsBadInput(t *testing.T) {
	code, _, errOut := runCLI(t, "--no-config", "glossary", "stats", "--format", "xml")
	if code != 2 || errOut != "termlint: invalid --format \"xml\": use text or json\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	t.Chdir(writeFiles(t, map[string]string{"g.yaml": "concepts: [\n"}))
	if code, out, _ := runCLI(t, "--no-config", "-g", "g.yaml", "glossary", "stats"); code != 2 || out != "" {
		t.Errorf("bad glossary: exit %d, stdout %q", code, out)
	}
}
