package checker

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// usageChecker is a checker of one concept, 周边, with a one-word and a
// two-word rendering.
func usageChecker(tb testing.TB) (*Checker, *glossary.Concept) {
	g, problems := glossary.Parse("zhoubian.yaml", []byte(`concepts:
  - id: zhoubian
    zh: 周边
    renderings:
      - en: neighborhood
      - en: surrounding region
`))
	if problems.Errors() > 0 {
		tb.Fatal(problems)
	}
	return New(g), g.Concepts[0]
}

// usageOf reads text as check does, bilingual when it pairs, and
// returns the concept's usage in it.
func usageOf(tb testing.TB, c *Checker, con *glossary.Concept, text string) *FileUsage {
	doc, err := input.ReadWith("u.md", []byte(text), input.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return c.FileUsage(c.Scan(doc), []*glossary.Concept{con}, UsageOptions{Examples: 3})[0]
}

// TestUsageIsLinear doubles the occurrences of a term in one file, as
// usage counts them: alone in an English-only file, and in one bilingual
// segment whose English renders half of them. Each term used to be
// compared with every term counted before it and every rendering with
// every term, so that 10 MB of 周边 took over 120 s.
func TestUsageIsLinear(t *testing.T) {
	c, con := usageChecker(t)
	tests := []struct {
		name string
		text func(n int) string
		want func(fu *FileUsage, n int) bool
	}{
		{"English-only", func(n int) string { return strings.Repeat("周边", n) },
			func(fu *FileUsage, n int) bool { return fu.Untranslated == n }},
		{"bilingual", func(n int) string {
			return strings.Repeat("周边，", n) + "\n\n" + strings.Repeat("the neighborhood and the coast, ", n/2) + "\n"
		}, func(fu *FileUsage, n int) bool {
			return fu.Chinese == n && fu.Rendered() == n/2 && fu.Unrendered == n/2
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compared := func(n int) int64 {
				text := tt.text(n)
				return usageCompared.Count(func() {
					if fu := usageOf(t, c, con, text); !tt.want(fu, n) {
						t.Fatalf("n=%d: unexpected counts %+v", n, *fu)
					}
				})
			}
			small, large := compared(2000), compared(4000)
			if float64(large) > 2.4*float64(small+1) {
				t.Errorf("twice the terms took %d comparisons, %.1f times the %d of half as many; want about 2", large, float64(large)/float64(small), small)
			}
		})
	}
}

// TestUsageUnrenderedIsLinear doubles the occurrences of a term in one
// bilingual segment whose English has none of its renderings: each used
// to search the whole English for a phrase in its place, which doubles
// the bytes allocated twice over.
func TestUsageUnrenderedIsLinear(t *testing.T) {
	c, con := usageChecker(t)
	allocated := func(n int) uint64 {
		text := strings.Repeat("周边，", n) + "\n\n" + strings.Repeat("the region of the coast, ", n) + "\n"
		var before, after runtime.MemStats
		// Two collections empty the sync.Pools (a paragraph's atoms, the
		// matcher's scratch), so that every run starts cold and none
		// finds another's buffers: pools, not the work, would decide.
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&before)
		fu := usageOf(t, c, con, text)
		runtime.ReadMemStats(&after)
		if fu.Unrendered != n {
			t.Fatalf("n=%d: %d unrendered", n, fu.Unrendered)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(1000), allocated(2000)
	if float64(large) > 2.5*float64(small) {
		t.Errorf("twice the terms allocated %d bytes, %.1f times the %d of half as many; want about 2", large, float64(large)/float64(small), small)
	}
}

// BenchmarkUsage doubles the occurrences of 周边 in a file, English-only
// and in one bilingual segment: time and memory per occurrence must stay
// flat (go test -bench Usage -benchmem ./checker/).
func BenchmarkUsage(b *testing.B) {
	c, con := usageChecker(b)
	for _, n := range []int{25000, 50000, 100000, 200000} {
		for _, kind := range []string{"english", "bilingual"} {
			text := strings.Repeat("周边", n)
			if kind == "bilingual" {
				text = strings.Repeat("周边，", n) + "\n\n" + strings.Repeat("the neighborhood and the region of the coast, ", n/2) + "\n"
			}
			b.Run(fmt.Sprintf("%s/%d", kind, n), func(b *testing.B) {
				for b.Loop() {
					usageOf(b, c, con, text)
				}
			})
		}
	}
}

// TestKeptPartStaysWithinReach checks that the kept part of a rendering
// holds each of its words once, however often they repeat: "surrounding region" kept as "region" in an English that says
// "the region of the coast" over and over is one "region", not the whole
// English (which every head walked to, costing heads × words).
func TestKeptPartStaysWithinReach(t *testing.T) {
	c, con := usageChecker(t)
	text := strings.Repeat("周边，", 400) + "\n\n" + strings.Repeat("the region of the coast, ", 400) + "\n"
	doc, err := input.ReadWith("kept.md", []byte(text), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := c.Scan(doc)
	if len(f.Segments) != 1 || len(f.Segments[0].Terms) == 0 {
		t.Fatalf("want one segment with terms, got %d segments", len(f.Segments))
	}
	seg := f.Segments[0]
	e := seg.english()
	kept, _, ok := keptHead(seg, con, placeIn(seg, seg.Terms[0]), e.text, e.tokens)
	if n := strings.Count(kept, "region"); ok && n > 1 {
		t.Errorf("kept part %.60q… holds the rendering's word %d times; want once", kept, n)
	}
}
