package checker_test

import (
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// checkAllocsPerFinding bounds the allocations a check makes per finding
// of a text with one slip in every line, beyond those of its lines.
const checkAllocsPerFinding = 30

// TestCheckAllocsPerFinding doubles the findings of a text with one
// inconsistent rendering in every line and counts the allocations of
// Scan and Check per added finding: each finding's fix, the same for
// every use of one wording in one place, is made once, not once a use.
func TestCheckAllocsPerFinding(t *testing.T) {
	c := defaultChecker(t)
	line := "Their periphery diplomacy held firm. Neighborhood diplomacy did too.\n"
	allocs := func(n int) (float64, int) {
		doc, err := input.Read("slips.txt", []byte(strings.Repeat(line, n)))
		if err != nil {
			t.Fatal(err)
		}
		var findings int
		a := testing.AllocsPerRun(1, func() {
			fs, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{})
			if err != nil {
				t.Fatal(err)
			}
			findings = len(fs)
		})
		return a, findings
	}
	a1, f1 := allocs(5000)
	a2, f2 := allocs(10000)
	if f1 != 5000 || f2 != 10000 {
		t.Fatalf("%d and %d findings, want 5000 and 10000", f1, f2)
	}
	per := (a2 - a1) / float64(f2-f1)
	t.Logf("%.0f → %.0f allocations: %.1f per finding", a1, a2, per)
	if per > checkAllocsPerFinding {
		t.Errorf("%.1f allocations per finding; the bound is %d", per, checkAllocsPerFinding)
	}
}
