package fix_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/fix"
	"github.com/termlint/termlint/checker/input"
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

// runHeldPerFinding runs Run on a text of n lines with one fix each and
// returns the most heap that was live, beyond what was live before, when
// the fixed text was read back: while the edits are applied and checked,
// where Run holds the most.
func runHeldPerFinding(t *testing.T, c *checker.Checker, n int) (live uint64, fixed int) {
	t.Helper()
	doc, err := input.Read("draft.txt", []byte(strings.Repeat("The periphery diplomacy of the county held. Neighborhood diplomacy as well.\n", n)))
	if err != nil {
		t.Fatal(err)
	}
	read := fix.Reader(doc, input.Options{}, nil)
	var base, at runtime.MemStats
	measured := func(text []byte) (*input.Document, error) {
		d, err := read(text)
		runtime.GC()
		runtime.ReadMemStats(&at)
		live = max(live, at.HeapAlloc-min(at.HeapAlloc, base.HeapAlloc))
		return d, err
	}
	runtime.GC()
	runtime.ReadMemStats(&base)
	res, err := fix.Run(c, []fix.Document{{Doc: doc, Read: measured}}, checker.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return live, res.Fixed[0]
}

// runBytesPerFinding bounds what Run holds per finding while it applies
// the edits: the findings, the edits and the text before and after, not
// the scan of the text being replaced as well (some 600 bytes a line).
const runBytesPerFinding = 700

// TestRunMemoryPerFinding doubles the fixes of one file and counts the
// bytes Run holds per fix while it applies them.
func TestRunMemoryPerFinding(t *testing.T) {
	if testing.Short() {
		t.Skip("fixes megabytes of text")
	}
	c := defaultChecker(t)
	const n = 20000
	live1, fixed1 := runHeldPerFinding(t, c, n)
	live2, fixed2 := runHeldPerFinding(t, c, 2*n)
	if fixed1 != n || fixed2 != 2*n {
		t.Fatalf("fixed %d and %d, want %d and %d", fixed1, fixed2, n, 2*n)
	}
	perFinding := float64(live2-min(live1, live2)) / float64(n)
	t.Logf("held %d KB for %d fixes, %d KB for %d: %.0f bytes per fix", live1>>10, n, live2>>10, 2*n, perFinding)
	if perFinding > runBytesPerFinding {
		t.Errorf("Run held %.0f bytes per fix while applying them; the bound is %d", perFinding, runBytesPerFinding)
	}
}
