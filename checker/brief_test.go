package checker_test

import (
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

func TestBrief(t *testing.T) {
	c := defaultChecker(t)
	doc, err := input.Read("pair.md", []byte("我们做好周边工作，也做好周边\n工作。\n\nWe do neighborhood work, and periphery work too.\n"))
	if err != nil {
		t.Fatal(err)
	}
	brief := c.Brief([]*checker.File{c.Scan(doc)}, "literal")
	if len(brief) == 0 || brief[0].Concept.ID != "zhoubian-gongzuo" {
		t.Fatalf("want 周边工作 first, got %+v", brief)
	}
	e := brief[0]
	if e.Chinese != 2 || e.English != 2 {
		t.Errorf("周边工作: %d in Chinese, %d in English; want 2 and 2", e.Chinese, e.English)
	}
	if first := e.Renderings[0]; first.EN != "work on periphery affairs" || first.Count != 0 {
		t.Errorf("the literal style's preferred rendering should come first, unused: %+v", first)
	}
	for _, r := range e.Renderings {
		if want := map[string]int{"neighborhood work": 1, "periphery work": 1}[r.EN]; r.Count != want {
			t.Errorf("%q used %d times, want %d", r.EN, r.Count, want)
		}
	}
	for _, e := range brief {
		switch e.Concept.ID {
		case "zhoubian":
			if e.Chinese != 0 || e.Inside != 2 {
				t.Errorf("周边: %d alone, %d inside; want 0 and 2", e.Chinese, e.Inside)
			}
		case "gongzuo":
			t.Errorf("工作, a part, is in the brief though it never stands alone")
		}
	}
}
