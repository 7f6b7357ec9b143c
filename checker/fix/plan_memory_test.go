package fix_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/fix"
)

// planFindings are n fixable findings of one file, one per line of 40
// bytes, as a draft with a slip in every line gives.
func planFindings(n int) []checker.Finding {
	fs := make([]checker.Finding, n)
	for i := range fs {
		fs[i] = finding("inconsistent", "draft.md", 40*i+4, 40*i+18, "periphery work", "neighborhood work")
	}
	return fs
}

// planBytesPerFinding bounds what Plan allocates per fixable finding: an
// edit and a few pointers, not copies of the finding (a Finding is some
// 240 bytes, and Plan allocated over 5,000 bytes per finding in copies,
// growing slices and folded keys).
const planBytesPerFinding = 250

// TestPlanMemoryPerFinding doubles the findings Plan is given and counts
// the bytes it allocates per finding.
func TestPlanMemoryPerFinding(t *testing.T) {
	for _, n := range []int{50000, 100000} {
		findings := planFindings(n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		edits, skips := fix.Plan(findings)
		runtime.ReadMemStats(&after)
		if len(edits["draft.md"]) != n || len(skips) != 0 {
			t.Fatalf("%d findings: %d edits, %d skips", n, len(edits["draft.md"]), len(skips))
		}
		perFinding := float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
		t.Logf("%d findings: %.0f bytes allocated per finding", n, perFinding)
		if perFinding > planBytesPerFinding {
			t.Errorf("%d findings: Plan allocated %.0f bytes per finding; the bound is %d", n, perFinding, planBytesPerFinding)
		}
	}
}

// BenchmarkPlan doubles the findings Plan is given: time and bytes per
// finding must stay flat (go test ./checker/fix -run '^$' -bench Plan -benchmem).
func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{62500, 125000, 250000} {
		findings := planFindings(n)
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fix.Plan(findings)
			}
		})
	}
}
