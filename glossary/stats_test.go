package glossary_test

import (
	"encoding/json"
	"testing"

	"github.com/termlint/termlint/glossary"
)

// statsGlossary: 4 concepts (1 part), 6 renderings (3 preferred, 1
// admitted, 1 deprecated, 1 superseded), 2 styles, 3 sources of which
// "c" is cited by nobody, one family (zb) with two members, 1 example,
// 2 renderings never seen.
const statsGlossary = `
sources:
  a: {title: A, kind: official}
  b: {title: B, kind: scholarly}
  c: {title: C, kind: official}
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
      - {en: work, status: preferred, styles: [official, literal], seen: [{source: a}]}
  - id: zb-gz
    zh: 周边工作
    family: zb
    tags: [zhoubian, policy]
    renderings:
      - {en: periphery work, status: deprecated}
    examples:
      - {text: Periphery work., expect: [deprecated]}
  - id: zb-wj
    zh: 周边外交
    family: zb
    tags: [zhoubian]
    renderings:
      - {en: neighborhood diplomacy, status: admitted, styles: [official], seen: [{source: b}]}
      - {en: diplomacy with neighbors, status: superseded}
`

func TestSummarize(t *testing.T) {
	g, problems := glossary.Load([]glossary.Input{{Name: "stats.yaml", Data: []byte(statsGlossary)}}, glossary.ValidateOptions{})
	if g == nil {
		t.Fatal(problems)
	}
	got, err := json.Marshal(glossary.Summarize(g))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"concepts":4,"parts":1,"renderings":6,` +
		`"by_status":{"admitted":1,"deprecated":1,"preferred":3,"superseded":1},` +
		`"styles":[` +
		`{"id":"official","renderings":{"admitted":1,"preferred":2},"preferred":2,"without_preferred":["zb-gz","zb-wj"]},` +
		`{"id":"literal","renderings":{"preferred":2},"preferred":2,"without_preferred":["zb-gz","zb-wj"]}],` +
		`"sources":{"total":3,"by_kind":{"official":2,"scholarly":1},` +
		`"cited":[{"id":"a","kind":"official","seen":3},{"id":"b","kind":"scholarly","seen":2}],"uncited":["c"]},` +
		`"families":[{"root":"zb","zh":"周边","members":["zb-gz","zb-wj"]}],` +
		`"tags":[{"tag":"zhoubian","count":3},{"tag":"part","count":1},{"tag":"policy","count":1}],` +
		`"examples":1,` +
		`"unseen":[{"concept":"zb-gz","en":"periphery work"},{"concept":"zb-wj","en":"diplomacy with neighbors"}]}`
	if string(got) != want {
		t.Errorf("Summarize:\n got %s\nwant %s", got, want)
	}
}
