package glossary_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
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
    kind: name
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
    kind: phrase
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
	if c.Kind != glossary.KindPhrase || c.At("kind").File != "house.yaml" || c.At("kind").Line != 8 {
		t.Errorf("kind not overridden: %q at %s", c.Kind, c.At("kind"))
	}
	if n := g.Concept("new-one"); n.Kind != "" || n.KindOrDefault() != glossary.KindTerm {
		t.Errorf("a concept without a kind: Kind %q, KindOrDefault %q; want none and term", n.Kind, n.KindOrDefault())
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
	if base.Concepts[0].Gloss != "the surrounding region" || base.Concepts[0].Kind != glossary.KindName || len(base.Concepts[0].Renderings) != 1 || len(base.Concepts[0].Renderings[0].Seen) != 1 {
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

// TestLoadMergesAsMerge checks that Load, which merges the glossaries it
// parsed without copying them and without indexing the last one's ids,
// gives what Merge and Validate give.
func TestLoadMergesAsMerge(t *testing.T) {
	files := []glossary.Input{
		{Name: "base.yaml", Data: []byte(`
styles:
  official: {description: official}
concepts:
  - id: zhoubian
    zh: 周边
    renderings: [{en: periphery, status: preferred, styles: [official]}]
  - id: gongzuo
    zh: 工作
    renderings: [{en: work}]
`)},
		{Name: "empty-middle.yaml", Data: []byte("styles:\n  house: {description: house}\n")},
		{Name: "house.yaml", Data: []byte(`
concepts:
  - id: zhoubian-gongzuo
    zh: 周边工作
    family: zhoubian
    parts: [zhoubian, gongzuo]
    renderings: [{en: neighborhood work}]
  - id: zhoubian
    tags: [region]
    renderings:
      - {en: neighborhood, status: preferred, styles: [house]}
      - {en: Periphery, forms: [peripheries]}
  - id: xin
    zh: 新
    renderings: [{en: neighborhood}]
`)},
	}
	var parsed []*glossary.Glossary
	for _, in := range files {
		g, problems := glossary.Parse(in.Name, in.Data)
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		parsed = append(parsed, g)
	}
	want := glossary.Merge(parsed...)
	wantProblems := glossary.Validate(want, glossary.ValidateOptions{})
	got, problems := glossary.Load(files, glossary.ValidateOptions{})
	if got == nil {
		t.Fatal(problems)
	}
	if len(problems) != 1 || !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("Load problems %v, Merge and Validate %v (want the one warning about neighborhood)", problems, wantProblems)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load and Merge differ:\n%+v\n%+v", got.Concepts, want.Concepts)
	}
	if c := got.Concept("zhoubian"); c == nil || len(c.Renderings) != 2 || !slices.Equal(c.Tags, []string{"region"}) || c.At("tags").File != "house.yaml" || c.At("zh").File != "base.yaml" {
		t.Errorf("the concept both files define was not merged: %+v", c)
	}
}

// TestLoadFillsDefaultsOfManyConcepts loads enough concepts for the
// defaults to be filled in on several cores: every concept still gets its
// generated pinyin and every rendering its default status.
func TestLoadFillsDefaultsOfManyConcepts(t *testing.T) {
	var b strings.Builder
	b.WriteString("concepts:\n")
	chars := []rune("周边工作外交命运共同体新形势局面")
	for i := range 2500 {
		zh := string([]rune{chars[i%len(chars)], chars[i/len(chars)%len(chars)], chars[i/len(chars)/len(chars)%len(chars)]})
		fmt.Fprintf(&b, "  - id: c%d\n    zh: %s%d\n    renderings: [{en: term %d}]\n", i, zh, i, i)
	}
	g, problems := glossary.Load([]glossary.Input{{Name: "many.yaml", Data: []byte(b.String())}}, glossary.ValidateOptions{})
	if g == nil {
		t.Fatal(problems)
	}
	for _, c := range g.Concepts {
		if want := glossary.GeneratePinyin(c.ZH); c.Pinyin != want || !c.PinyinGenerated {
			t.Fatalf("%s: pinyin %q (generated %v), want %q", c.ID, c.Pinyin, c.PinyinGenerated, want)
		}
		if c.Renderings[0].Status != glossary.Admitted {
			t.Fatalf("%s: status %q", c.ID, c.Renderings[0].Status)
		}
	}
}

// TestMergeRenderingStylesAndContext merges one rendering of a base file
// with the same rendering of a later file: styles, phrase and each list
// of context patterns are replaced when the later file gives them,
// status_in is merged style by style, and a style the later file names in
// one of styles and status_in leaves the other. Each case says what the
// merged rendering holds, and in which file and on which line each value
// it names was written: a value merged away is at the rendering itself,
// the later file's line 9.
func TestMergeRenderingStylesAndContext(t *testing.T) {
	const head = "styles:\n  a: {description: a}\n  b: {description: b}\n  c: {description: c}\nconcepts:\n  - id: qiao\n    zh: 桥\n    renderings:\n      - en: bridge\n"
	tests := []struct {
		name       string
		base, over string // the rendering's keys after en, from line 10
		want       string
		at         map[string]string
	}{
		{
			name: "a later status in a style moves the style out of styles",
			base: "        status: superseded\n        styles: [a, b, c]\n",
			over: "        status_in: {b: preferred}\n",
			want: "superseded styles=[a c] status_in=map[b:preferred]",
			at:   map[string]string{"styles.0": "base:11", "styles.1": "base:11", "styles.2": "over:9", "status_in.b": "over:10"},
		},
		{
			name: "later styles take a style out of status_in",
			base: "        status: admitted\n        status_in: {a: preferred, b: deprecated}\n",
			over: "        styles: [a]\n",
			want: "admitted styles=[a] status_in=map[b:deprecated]",
			at:   map[string]string{"styles.0": "over:10", "status_in.a": "over:9", "status_in.b": "base:11"},
		},
		{
			name: "later styles take the last style out of status_in",
			base: "        status_in: {a: preferred}\n",
			over: "        styles: [a, b]\n",
			want: "admitted styles=[a b] status_in=map[]",
			at:   map[string]string{"status_in": "over:9", "status_in.a": "over:9"},
		},
		{
			name: "status_in is merged style by style",
			base: "        styles: [c]\n        status_in: {a: preferred, b: admitted}\n",
			over: "        status_in:\n          b: deprecated\n          c: superseded\n",
			want: "admitted styles=[] status_in=map[a:preferred b:deprecated c:superseded]",
			at:   map[string]string{"status_in.a": "base:11", "status_in.b": "over:11", "status_in.c": "over:12", "status_in": "over:11"},
		},
		{
			name: "phrase and context lists are replaced when given",
			base: "        phrase: verb\n        context:\n          require: [the _ over]\n          exclude: [_ club]\n",
			over: "        context: {exclude: [\"_ toll\", \"* _ fee\"]}\n",
			want: "admitted styles=[] status_in=map[] phrase=verb require=[the _ over] exclude=[_ toll * _ fee]",
			at:   map[string]string{"phrase": "base:10", "context": "over:10", "context.require.0": "base:12", "context.exclude.0": "over:10", "context.exclude.1": "over:10"},
		},
		{
			name: "a later phrase replaces the earlier one, a rendering without says nothing",
			base: "        phrase: verb\n        status_in: {a: preferred}\n        context: {require: [the _ over]}\n",
			over: "        phrase: clause\n",
			want: "admitted styles=[] status_in=map[a:preferred] phrase=clause require=[the _ over]",
			at:   map[string]string{"phrase": "over:10", "status_in.a": "base:11", "context.require.0": "base:12"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base, ps := glossary.Parse("base", []byte(head+tc.base))
			if len(ps) > 0 {
				t.Fatal(ps)
			}
			over, ps := glossary.Parse("over", []byte(head+tc.over))
			if len(ps) > 0 {
				t.Fatal(ps)
			}
			before := fmt.Sprint(base.Concepts[0].Renderings[0].StatusIn, base.Concepts[0].Renderings[0].Styles)
			g := glossary.Merge(base, over)
			r := g.Concepts[0].Renderings[0]
			got := fmt.Sprintf("%s styles=%v status_in=%v", r.Status, r.Styles, r.StatusIn)
			if r.Phrase != "" {
				got += " phrase=" + r.Phrase
			}
			if r.Context != nil {
				if r.Context.Require != nil {
					got += fmt.Sprintf(" require=%v", r.Context.Require)
				}
				if r.Context.Exclude != nil {
					got += fmt.Sprintf(" exclude=%v", r.Context.Exclude)
				}
			}
			if got != tc.want {
				t.Errorf("merged: %s\nwant    %s", got, tc.want)
			}
			for path, want := range tc.at {
				if p := r.At(path); fmt.Sprintf("%s:%d", p.File, p.Line) != want {
					t.Errorf("At(%q) = %s:%d, want %s", path, p.File, p.Line, want)
				}
			}
			if after := fmt.Sprint(base.Concepts[0].Renderings[0].StatusIn, base.Concepts[0].Renderings[0].Styles); after != before {
				t.Errorf("Merge changed its input: %s became %s", before, after)
			}
			for _, p := range glossary.Validate(g, glossary.ValidateOptions{}) {
				t.Errorf("the merged glossary does not validate: %s", p)
			}
		})
	}
}
