package main

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"
)

// statsGlossary is the glossary of glossary.TestSummarize, whose numbers
// its head comment gives.
const statsGlossary = "../../glossary/testdata/stats.yaml"

func TestGlossaryStatsText(t *testing.T) {
	code, out, errOut := runCLI(t, "--no-config", "-g", statsGlossary, "glossary", "stats")
	want := `concepts     4  (3 terms, 1 phrase; 1 part, 1 example)
renderings   6  (3 preferred, 1 admitted, 1 deprecated, 1 superseded)
sources      4  (2 official, 1 scholarly, 1 reference)
dated        4  (66% of the renderings are seen in a dated source or on a page)
unconfirmed  1  (seen only in an OCR transcription, waiting for a second source)

kind    concepts  renderings
term    3         5
phrase  1         1

style     preferred  admitted  deprecated  superseded  concepts with a preferred rendering
official  2          1         0           0           2 of 4
literal   3          1         0           0           3 of 4

no preferred official rendering (2):
  zb-gz, zb-wj

no preferred literal rendering (1):
  zb-gz

source  kind       date  seen  renderings
a       official   2019  3     2
b       scholarly  -     2     2
d       reference  -     1     1

cited by no seen entry (1):
  c

year     seen  renderings
2019     3     2
2021     1     1
undated  2

family  members  zh
zb      2        周边

tags (3):
  zhoubian 3, part 1, policy 1

never seen (1):
  zb-wj "diplomacy with neighbors"
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}
}

// TestGlossaryStatsTextAllTerms: a glossary whose concepts are all terms
// (none gives a kind, or says term) has its concepts counted without
// kinds, as before kinds were.
func TestGlossaryStatsTextAllTerms(t *testing.T) {
	t.Chdir(writeFiles(t, map[string]string{"g.yaml": "concepts:\n" +
		"  - {id: a, zh: 甲, renderings: [{en: a, status: preferred}]}\n" +
		"  - {id: b, zh: 乙, kind: term, renderings: [{en: b, status: preferred}]}\n"}))
	code, out, errOut := runCLI(t, "--no-config", "-g", "g.yaml", "glossary", "stats")
	if first, _, _ := strings.Cut(out, "\n"); code != 0 || errOut != "" || first != "concepts    2  (0 parts, 0 examples)" {
		t.Errorf("exit %d, stderr %q, first line %q; want the concepts without kinds", code, errOut, first)
	}
	code, out, _ = runCLI(t, "--no-config", "-g", "g.yaml", "glossary", "stats", "--format", "json")
	var got struct {
		ByKind map[string]int `json:"concepts_by_kind"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 || !maps.Equal(got.ByKind, map[string]int{"term": 2}) {
		t.Errorf("exit %d, %v: concepts_by_kind %v, want {term: 2}", code, err, got.ByKind)
	}
}

func TestGlossaryStatsJSON(t *testing.T) {
	code, out, _ := runCLI(t, "--no-config", "-g", statsGlossary, "glossary", "stats", "--format", "json")
	var got struct {
		Concepts int            `json:"concepts"`
		ByStatus map[string]int `json:"by_status"`
		ByKind   map[string]int `json:"concepts_by_kind"`
		Sources  struct {
			Uncited []string `json:"uncited"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if got.Concepts != 4 || got.ByStatus["preferred"] != 3 || !maps.Equal(got.ByKind, map[string]int{"term": 3, "phrase": 1}) || len(got.Sources.Uncited) != 1 || got.Sources.Uncited[0] != "c" {
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
