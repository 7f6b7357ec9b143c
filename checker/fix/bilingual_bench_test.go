package fix_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/fix"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/internal/fixture"
)

// bilingualTable reads fixture.BilingualTable(n): n/3 fixes spread over n
// segments.
func bilingualTable(tb testing.TB, n int) *input.Document {
	tb.Helper()
	doc, err := input.ReadWith("table.tsv", fixture.BilingualTable(n), input.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if len(doc.Segments) != n {
		tb.Fatalf("%d segments, want %d", len(doc.Segments), n)
	}
	return doc
}

func runFix(tb testing.TB, c *checker.Checker, doc *input.Document) *fix.Result {
	res, err := fix.Run(c, []fix.Document{{Doc: doc, Read: fix.Reader(doc, input.Options{}, nil)}}, checker.Options{}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// BenchmarkFixBilingual doubles the segments (and with them the fixes) of
// a bilingual file: time and memory per segment must stay flat
// (go test -bench FixBilingual -benchmem ./checker/fix/).
func BenchmarkFixBilingual(b *testing.B) {
	c := defaultChecker(b)
	for _, n := range []int{2000, 4000, 8000, 16000} {
		doc := bilingualTable(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if res := runFix(b, c, doc); res.Fixed[0] != (n+2)/3 {
					b.Fatalf("fixed %d, want %d", res.Fixed[0], (n+2)/3)
				}
			}
		})
	}
}

// TestFixBilingualIsLinear doubles the segments and fixes of a bilingual
// file twice: the work of placing each edit in its segment, counted
// (fix.SpanProbes), must grow about as the file does, not as edits ×
// segments (16 times for 4 times the file, before), and so must the
// allocations of the whole Run.
func TestFixBilingualIsLinear(t *testing.T) {
	c := defaultChecker(t)
	work := func(n int) (probes, allocs float64) {
		doc := bilingualTable(t, n)
		probes = float64(fix.SpanProbes.Count(func() { runFix(t, c, doc) }))
		allocs = testing.AllocsPerRun(1, func() { runFix(t, c, doc) })
		return probes, allocs
	}
	smallProbes, smallAllocs := work(500)
	largeProbes, largeAllocs := work(2000)
	if largeProbes > 4.4*smallProbes {
		t.Errorf("4 times the segments took %.0f span probes, %.1f times the %.0f of the smaller file; want about 4", largeProbes, largeProbes/smallProbes, smallProbes)
	}
	if largeAllocs > 4.4*smallAllocs {
		t.Errorf("4 times the segments took %.0f allocations, %.1f times the %.0f of the smaller file; want about 4", largeAllocs, largeAllocs/smallAllocs, smallAllocs)
	}
}

// TestFixOneBadEditIsNotQuadratic doubles a file twice with one edit in it
// that fails when the file is read back (a replacement that would need
// escaping, say): finding it must not read the whole file back once per
// edit. The reads are counted.
func TestFixOneBadEditIsNotQuadratic(t *testing.T) {
	c := defaultChecker(t)
	reads := func(n int) int {
		doc := bilingualTable(t, n)
		read := fix.Reader(doc, input.Options{}, nil)
		calls := 0
		failing := func(text []byte) (*input.Document, error) {
			calls++
			if strings.Contains(string(text), "\tneighborhood work 3\n") {
				return nil, errors.New("the replacement would need escaping here")
			}
			return read(text)
		}
		res, err := fix.Run(c, []fix.Document{{Doc: doc, Read: failing}}, checker.Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := (n+2)/3 - 1; res.Fixed[0] != want {
			t.Errorf("%d segments: fixed %d, want %d", n, res.Fixed[0], want)
		}
		if len(res.Skipped) != 1 || res.Skipped[0].Finding.Text != "periphery work" {
			t.Errorf("%d segments: skipped %v, want the one bad edit", n, res.Skipped)
		}
		return calls
	}
	small, large := reads(300), reads(1200)
	if large > 2*small {
		t.Errorf("4 times the edits took %d reads of the file, %.1f times the %d of the smaller file; want a few more (log edits), not 4 times", large, float64(large)/float64(small), small)
	}
}
