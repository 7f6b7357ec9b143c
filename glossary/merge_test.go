package glossary_test

import (
	"slices"
	"testing"

	"github.com/termlint/termlint/glossary"
)

func TestMergeExtendsAndOverrides(t *testing.T) {
	base, ps := glossary.Parse("base.yaml", []byte(`
sources:
  xinhua: {title: Xinhua English, kind: official}
styles:
  official: {description: official}
concepts:
  - id: zhoubian
    zh: 周边
    pinyin: zhōubiān
    gloss: the surrounding region
    tags: [region]
    renderings:
      - en: neighborhood
        status: preferred
        styles: [official]
        seen: [{source: xinhua, date: "2025"}]
`))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	over, ps := glossary.Parse("house.yaml", []byte(`
sources:
  xinhua: {title: Xinhua (corrected title), kind: media}
styles:
  house: {description: ours}
concepts:
  - id: zhoubian
    gloss: China's neighborhood
    tags: [policy, region]
    renderings:
      - en: Neighbourhood
        styles: [official, house]
        seen: [{source: xinhua, date: "2026"}]
      - en: periphery
  - id: new-one
    zh: 新词
    renderings: [{en: new word}]
`))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	g := glossary.Merge(base, over)

	if got := g.Source("xinhua").Title; got != "Xinhua (corrected title)" {
		t.Errorf("source not overridden: title %q", got)
	}
	if g.Style("official") == nil || g.Style("house") == nil {
		t.Errorf("styles not merged: %v", g.Styles)
	}
	c := g.Concept("zhoubian")
	if c.ZH != "周边" || c.Pinyin != "zhōubiān" {
		t.Errorf("fields the override left out were lost: zh %q pinyin %q", c.ZH, c.Pinyin)
	}
	if c.Gloss != "China's neighborhood" {
		t.Errorf("gloss not overridden: %q", c.Gloss)
	}
	if !slices.Equal(c.Tags, []string{"region", "policy"}) {
		t.Errorf("tags not unioned: %v", c.Tags)
	}
	if len(c.Renderings) != 2 {
		t.Fatalf("want neighborhood (merged with Neighbourhood) and periphery, got %d renderings", len(c.Renderings))
	}
	r := c.Renderings[0]
	if r.Status != glossary.Preferred {
		t.Errorf("status the override left out was lost: %q", r.Status)
	}
	if !slices.Equal(r.Styles, []string{"official", "house"}) {
		t.Errorf("styles not overridden: %v", r.Styles)
	}
	if len(r.Seen) != 2 {
		t.Errorf("seen entries not accumulated: %d", len(r.Seen))
	}
	if got := c.Renderings[1]; got.EN != "periphery" || got.Status != glossary.Admitted {
		t.Errorf("added rendering: got %q %q, want periphery with default status admitted", got.EN, got.Status)
	}
	if g.Concept("new-one") == nil || len(g.Concepts) != 2 {
		t.Errorf("new concept not appended: %d concepts", len(g.Concepts))
	}
	// The inputs are left as they were.
	if base.Concepts[0].Gloss != "the surrounding region" || len(base.Concepts[0].Renderings) != 1 || len(base.Concepts[0].Renderings[0].Seen) != 1 {
		t.Error("Merge modified its input")
	}
}

func TestMergeGeneratesPinyin(t *testing.T) {
	g, ps := glossary.Parse("g.yaml", []byte("concepts:\n  - {id: x, zh: 周边工作, renderings: [{en: neighborhood work}]}\n"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	c := glossary.Merge(g).Concepts[0]
	if c.Pinyin != "zhōu biān gōng zuò" || !c.PinyinGenerated {
		t.Errorf("generated pinyin %q (generated=%v)", c.Pinyin, c.PinyinGenerated)
	}
}

func TestGeneratePinyinKeepsLatinAndDigits(t *testing.T) {
	if got, want := glossary.GeneratePinyin("周边17国"), "zhōu biān 17 guó"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := glossary.GeneratePinyin("RCEP协定"), "RCEP xié dìng"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
