package glossary_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/termlint/termlint/glossary"
)

func TestSummarize(t *testing.T) {
	data, err := os.ReadFile("testdata/stats.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := glossary.Load([]glossary.Input{{Name: "stats.yaml", Data: data}}, glossary.ValidateOptions{})
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
		`{"id":"literal","renderings":{"admitted":1,"preferred":3},"preferred":3,"without_preferred":["zb-gz"]}],` +
		`"sources":{"total":4,"by_kind":{"official":2,"reference":1,"scholarly":1},` +
		`"cited":[{"id":"a","kind":"official","date":"2019","seen":3,"renderings":2},{"id":"b","kind":"scholarly","seen":2,"renderings":2},{"id":"d","kind":"reference","seen":1,"renderings":1}],"uncited":["c"]},` +
		`"families":[{"root":"zb","zh":"周边","members":["zb-gz","zb-wj"]}],` +
		`"tags":[{"tag":"zhoubian","count":3},{"tag":"part","count":1},{"tag":"policy","count":1}],` +
		`"concepts_by_kind":{"phrase":1,"term":3},` +
		`"renderings_by_kind":{"phrase":1,"term":5},` +
		`"dated":4,"unconfirmed":1,` +
		`"by_year":[{"year":"2019","seen":3,"renderings":2},{"year":"2021","seen":1,"renderings":1}],"undated_seen":2,` +
		`"examples":1,` +
		`"unseen":[{"concept":"zb-wj","en":"diplomacy with neighbors"}]}`
	if string(got) != want {
		t.Errorf("Summarize:\n got %s\nwant %s", got, want)
	}
}
