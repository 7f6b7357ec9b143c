package glossary

import (
	"slices"
	"testing"
)

func TestWordsAndSlug(t *testing.T) {
	for _, tc := range []struct {
		zh    string
		words []string
		slug  string
	}{
		{"周边", []string{"周边"}, "zhoubian"},
		{"一带一路", []string{"一带", "一路"}, "yidai-yilu"},
		{"亚洲价值观", []string{"亚洲", "价值观"}, "yazhou-jiazhiguan"},
		{"G20峰会", []string{"G20", "峰会"}, "g20-fenghui"},
		{"中国—东盟", []string{"中国", "东盟"}, "zhongguo-dongmeng"},
		{"", nil, ""},
	} {
		if got := Words(tc.zh); !slices.Equal(got, tc.words) {
			t.Errorf("Words(%q) = %q, want %q", tc.zh, got, tc.words)
		}
		if got := Slug(tc.zh); got != tc.slug {
			t.Errorf("Slug(%q) = %q, want %q", tc.zh, got, tc.slug)
		}
	}
}

func TestIDsTake(t *testing.T) {
	ids := NewIDs(&Glossary{Concepts: []*Concept{{ID: "zhoubian"}, {ID: "zhoubian-2"}}})
	for _, want := range []struct{ base, id string }{
		{"zhoubian", "zhoubian-3"},
		{"zhoubian", "zhoubian-4"},
		{"waijiao", "waijiao"},
		{"waijiao", "waijiao-2"},
		{"", "term"},
		{"", "term-2"},
	} {
		if got := ids.Take(want.base); got != want.id {
			t.Errorf("Take(%q) = %q, want %q", want.base, got, want.id)
		}
	}
}

func TestAdoptIDs(t *testing.T) {
	base := &Glossary{Concepts: []*Concept{
		{ID: "zhoubian", ZH: "周边", ZHVariants: []string{"周邊"}},
		{ID: "waijiao", ZH: "外交"},
	}}
	g := &Glossary{Concepts: []*Concept{
		{ID: "zb", ZH: "周邊"}, // a variant of base's 周边
		{ID: "zb-wj", ZH: "周边外交", Family: "zb", Parts: []string{"zb", "wj"}, Related: []string{"zb"}}, // unknown to base
		{ID: "waijiao", ZH: "外事"}, // has base's id for 外交 already
		{ID: "wj", ZH: "外交"},      // so keeps its own
	}}
	AdoptIDs(g, base)
	if got, want := idsOf(g.Concepts), []string{"zhoubian", "zb-wj", "waijiao", "wj"}; !slices.Equal(got, want) {
		t.Errorf("ids %q, want %q", got, want)
	}
	c := g.Concepts[1]
	if c.Family != "zhoubian" || !slices.Equal(c.Parts, []string{"zhoubian", "wj"}) || !slices.Equal(c.Related, []string{"zhoubian"}) {
		t.Errorf("references not renamed: family %q, parts %q, related %q", c.Family, c.Parts, c.Related)
	}
}

// TestAdoptIDsFoldsChinese checks that adoption compares Chinese terms as
// Validate does: quotation marks, spaces and full-width forms do not
// keep an imported concept from taking the glossary's id.
func TestAdoptIDsFoldsChinese(t *testing.T) {
	base := &Glossary{Concepts: []*Concept{
		{ID: "gongjian-ydyl", ZH: "高质量共建一带一路"},
		{ID: "ydyl", ZH: "一带一路"},
		{ID: "g20", ZH: "G20峰会"},
		{ID: "zhoubian", ZH: "周边", ZHVariants: []string{"周邊"}},
	}}
	for _, tc := range []struct {
		zh       string
		variants []string
		want     string
	}{
		{zh: `高质量共建"一带一路"`, want: "gongjian-ydyl"},
		{zh: "高质量共建“一带一路”", want: "gongjian-ydyl"},
		{zh: "高质量共建「一带一路」", want: "gongjian-ydyl"},
		{zh: "“一带一路”", want: "ydyl"},
		{zh: "一带 一路", want: "ydyl"},
		{zh: "Ｇ２０峰会", want: "g20"},
		{zh: "周边地区", variants: []string{"周邊"}, want: "zhoubian"},
		{zh: "一带一路倡议", want: "imported"},
	} {
		g := &Glossary{Concepts: []*Concept{{ID: "imported", ZH: tc.zh, ZHVariants: tc.variants}}}
		AdoptIDs(g, base)
		if got := g.Concepts[0].ID; got != tc.want {
			t.Errorf("AdoptIDs of %q (variants %q): id %q, want %q", tc.zh, tc.variants, got, tc.want)
		}
	}
}
