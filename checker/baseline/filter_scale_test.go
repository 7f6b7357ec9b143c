package baseline

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
)

// scaledFindings is n findings in one file, eight of each text, and a
// baseline of every other one, recorded three lines higher: each key has
// twice the findings it has entries, so that entries and findings are
// matched by their nearest lines.
func scaledFindings(t testing.TB, n int) (*Baseline, []checker.Finding) {
	t.Chdir(t.TempDir())
	var findings, recorded []checker.Finding
	for i := range n {
		f := finding("a.md", 10+i, fmt.Sprintf("phrase %d", i/8))
		findings = append(findings, f)
		if i%2 == 0 {
			f.Line -= 3
			recorded = append(recorded, f)
		}
	}
	b, err := New("baseline.json", recorded, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b, findings
}

// TestFilterIsLinear doubles the findings of a file and the entries of
// its baseline, with many keys of a few findings each, and counts the
// allocations of Filter: entries are matched with findings key by key,
// never each with all.
func TestFilterIsLinear(t *testing.T) {
	allocs := func(n int) float64 {
		b, findings := scaledFindings(t, n)
		return testing.AllocsPerRun(3, func() {
			if fresh, matched := b.Filter(findings); matched != n/2 || len(fresh) != n/2 {
				t.Fatalf("n=%d: %d new, %d matched", n, len(fresh), matched)
			}
		})
	}
	small, large := allocs(4000), allocs(8000)
	if large > 2.4*small {
		t.Errorf("twice the findings and entries took %.0f allocations, %.1f times the %.0f of half as many; want about 2", large, large/small, small)
	}
}

// TestNearestMemory: matching the entries of one key with its findings
// keeps one row of costs and the choices in 32 bits, about four bytes a
// cell of the programme, not the sixteen of two whole tables (64 MB at
// maxCells).
func TestNearestMemory(t *testing.T) {
	expected, found := make([]int, 1000), make([]int, 2000)
	for i := range found {
		found[i] = 3 * i
	}
	for i := range expected {
		expected[i] = 6*i + 1
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	taken := nearest(expected, found)
	runtime.ReadMemStats(&after)
	cells := len(expected) * (len(found) - len(expected) + 1)
	if perCell := float64(after.TotalAlloc-before.TotalAlloc) / float64(cells); perCell > 5 {
		t.Errorf("nearest allocated %.1f bytes a cell; want about 4", perCell)
	}
	if n := count(taken); n != len(expected) {
		t.Errorf("took %d found lines for %d expected", n, len(expected))
	}
}

// BenchmarkFilter doubles the findings of a file and the entries of its
// baseline: time and memory per finding must stay flat
// (go test -bench Filter -benchmem ./checker/baseline/).
func BenchmarkFilter(b *testing.B) {
	for _, n := range []int{10000, 20000, 40000, 80000} {
		bl, findings := scaledFindings(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				bl.Filter(findings)
			}
		})
	}
}

// renamedFindings is n findings in new.md, a line each, eight of each
// text, and a baseline of every other one recorded in old.md, which no
// longer exists: every entry is matched, or not, by content.
func renamedFindings(t testing.TB, n int) (*Baseline, []checker.Finding, *Checked) {
	t.Chdir(t.TempDir())
	var text strings.Builder
	var findings, recorded []checker.Finding
	for i := range n {
		phrase := fmt.Sprintf("phrase %d", i/8)
		fmt.Fprintf(&text, "line %d has %s\n", i, phrase)
		findings = append(findings, finding("new.md", i+1, phrase))
		if i%2 == 0 {
			recorded = append(recorded, finding("old.md", i+1, phrase))
		}
	}
	lines := HashLines([]byte(text.String()))
	old := NewChecked(nil)
	old.Add("old.md", lines)
	b, err := New("baseline.json", recorded, old)
	if err != nil {
		t.Fatal(err)
	}
	run := NewChecked([]string{"."})
	run.Add("new.md", lines)
	return b, findings, run
}

// TestRenameMatchIsLinear doubles the findings of a renamed file and the
// entries of its old name and counts the allocations of Match: entries
// of gone files are indexed by content, never compared each with all.
func TestRenameMatchIsLinear(t *testing.T) {
	allocs := func(n int) float64 {
		b, findings, run := renamedFindings(t, n)
		return testing.AllocsPerRun(3, func() {
			if m := b.Match(findings, run); m.Renamed != n/2 || len(m.Fresh) != n/2 {
				t.Fatalf("n=%d: %d new, %d renamed", n, len(m.Fresh), m.Renamed)
			}
		})
	}
	small, large := allocs(4000), allocs(8000)
	if large > 2.4*small {
		t.Errorf("twice the findings and entries took %.0f allocations, %.1f times the %.0f of half as many; want about 2", large, large/small, small)
	}
}

// BenchmarkMatchRenamed doubles the findings of a renamed file and the
// entries of its old name: time and memory per finding must stay flat
// (go test -bench MatchRenamed -benchmem ./checker/baseline/).
func BenchmarkMatchRenamed(b *testing.B) {
	for _, n := range []int{10000, 20000, 40000, 80000} {
		bl, findings, run := renamedFindings(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				bl.Match(findings, run)
			}
		})
	}
}
