package main

import (
	"encoding/json"
	"testing"
)

// statsYAML: 3 concepts (1 part), 4 renderings, 2 styles, 3 sources of
// which c is cited by nobody, one family, one rendering never seen.
const statsYAML = `sources:
  a: {title: A, kind: official}
  b: {title: B, kind: scholarly}
  c: {title: C, kind: media}
styles:
  official: {description: o}
  literal: {description: l}
concepts:
  - id: zb
    zh: 周边
    family: zb
    tags: [zhoubian]
    renderings:
      - {en: neighborhood, status: preferred, styles: [official], seen: [{source: a}, {source: a}]}
      - {en: periphery, status: preferred, styles: [literal], seen: [{source: b}]}
  - id: gz
    zh: 工作
    tags: [part]
    renderings:
      - {en: work, status: preferred, styles: [official, literal], seen: [{source: b}]}
  - id: zb-gz
    zh: 周边工作
    family: zb
    parts: [zb, gz]
    tags: [zhoubian]
    renderings:
      - {en: periphery work, status: deprecated}
`

func TestGlossaryStatsText(t *testing.T) {
	t.Chdir(writeFiles(t, map[string]string{"g.yaml": statsYAML}))
	code, out, errOut := runCLI(t, "--no-config", "-g", "g.yaml", "glossary", "stats")
	want := `concepts    3  (1 part, 0 examples)
renderings  4  (3 preferred, 1 deprecated)
sources     3  (1 official, 1 scholarly, 1 media)

style     preferred  admitted  deprecated  superseded  concepts with a preferred rendering
official  2          0         0           0           2 of 3
literal   2          0         0           0           2 of 3

no preferred official rendering (1):
  zb-gz

no preferred literal rendering (1):
  zb-gz

source  kind       seen
a       official   2
b       scholarly  2

cited by no seen entry (1):
  c

family  members  zh
zb      1        周边

tags (2):
  zhoubian 2, part 1

never seen (1):
  zb-gz "periphery work"
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}
}

func TestGlossaryStatsJSON(t *testing.T) {
	t.Chdir(writeFiles(t, map[string]string{"g.yaml": statsYAML}))
	code, out, _ := runCLI(t, "--no-config", "-g", "g.yaml", "glossary", "stats", "--format", "json")
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
	if got.Concepts != 3 || got.ByStatus["preferred"] != 3 || len(got.Sources.Uncited) != 1 || got.Sources.Uncited[0] != "c" {
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
