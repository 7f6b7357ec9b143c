package input

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// suppressedDoc is a Markdown file of n termlint:ignore lines and n
// named disable/enable pairs, with a sentence between them.
func suppressedDoc(t testing.TB, n int) *Document {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "The talks went on. <!-- termlint:ignore deprecated -->\n")
		fmt.Fprintf(&b, "<!-- termlint-disable non-preferred -->\nThe talks went on.\n<!-- termlint-enable non-preferred -->\n")
		if i%3 == 0 {
			b.WriteString("The talks went on.\n")
		}
	}
	d, err := ReadAs("s.md", []byte(b.String()), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSuppressedIsLogarithmic asks, for every line of a file with n
// suppressions, whether it is suppressed, and counts the ranges compared:
// twice the file must cost about twice the work, not four times, as it
// did when every finding was compared with every suppression (80,000
// termlint:ignore lines took 24 s).
func TestSuppressedIsLogarithmic(t *testing.T) {
	probes := func(n int) int64 {
		d := suppressedDoc(t, n)
		lines := strings.Count(string(d.Text), "\n")
		hidden := 0
		for line := 1; line <= lines; line++ {
			if d.Suppressed(line, "inconsistent", "zhoubian", "周边") {
				t.Fatalf("line %d suppressed for inconsistent", line)
			}
			if d.Suppressed(line, "Deprecated", "zhoubian") || d.Suppressed(line, "non-preferred") {
				hidden++
			}
		}
		if want := 3*n + 0; hidden < want {
			t.Fatalf("%d lines suppressed of %d; want at least %d", hidden, lines, want)
		}
		return d.SuppressionIndex().probes.Load()
	}
	small, large := probes(2000), probes(4000)
	if float64(large) > 2.4*float64(small) {
		t.Errorf("twice the suppressions took %d comparisons, %.1f times the %d of half as many; want about 2", large, float64(large)/float64(small), small)
	}
}

// TestNamedEnablesAreLinear reads n disables of one name each followed
// by n enables of other names: each enable used to go over every open
// disable, n² steps with an allocation each.
func TestNamedEnablesAreLinear(t *testing.T) {
	allocs := func(n int) float64 {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "<!-- termlint-disable a%d -->\n", i)
		}
		b.WriteString("Text.\n")
		for i := range n {
			fmt.Fprintf(&b, "<!-- termlint-enable b%d -->\n", i)
		}
		src := []byte(b.String())
		return testing.AllocsPerRun(2, func() {
			d, err := ReadAs("s.md", src, Markdown)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Suppressions) != n {
				t.Fatalf("%d suppressions, want %d", len(d.Suppressions), n)
			}
		})
	}
	small, large := allocs(1000), allocs(2000)
	if large > 2.4*small {
		t.Errorf("twice the directives took %.0f allocations, %.1f times the %.0f of half as many; want about 2", large, large/small, small)
	}
}

// TestSuppressionIndexAgreesWithCovers compares the index with asking
// each suppression in turn, over random ranges and names that differ only
// in case, Unicode case folding included (K and the Kelvin sign, σ and ς).
func TestSuppressionIndexAgreesWithCovers(t *testing.T) {
	names := []string{"deprecated", "DEPRECATED", "kelvin", "\u212aelvin", "σ", "ς", "Σ", "周边", "ſ", "S", "\xff", "\xfe"}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var ss []Suppression
		for range r.IntN(12) {
			from := 1 + r.IntN(30)
			s := Suppression{FromLine: from, ToLine: from + r.IntN(6)}
			for range r.IntN(3) {
				s.Names = append(s.Names, names[r.IntN(len(names))])
			}
			ss = append(ss, s)
		}
		x := NewSuppressionIndex(ss)
		for line := 0; line <= 40; line++ {
			for _, n := range append(names, "other") {
				want := false
				for _, s := range ss {
					want = want || s.Covers(line, n)
				}
				if got := x.Covers(line, n); got != want {
					t.Fatalf("round %d: Covers(%d, %q) = %v, want %v; suppressions %v", round, line, n, got, want, ss)
				}
			}
		}
	}
}

// BenchmarkSuppressed doubles the suppressions of a file and asks for
// every line whether it is suppressed, as the checker does for each
// finding: time and memory per suppression must stay flat
// (go test -bench Suppressed -benchmem ./checker/input/).
func BenchmarkSuppressed(b *testing.B) {
	for _, n := range []int{10000, 20000, 40000, 80000} {
		src := []byte(suppressedDoc(b, n).Text)
		lines := strings.Count(string(src), "\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				d, err := ReadAs("s.md", src, Markdown)
				if err != nil {
					b.Fatal(err)
				}
				for line := 1; line <= lines; line++ {
					d.Suppressed(line, "deprecated", "zhoubian", "周边")
				}
			}
		})
	}
}
