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
