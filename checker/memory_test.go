package checker_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// memoryInputs are the three shapes of input whose memory docs/guarantees.md
// bounds: prose with no findings, a bilingual file, and text
// with a finding in every sentence. Each is n repetitions of its unit,
// written for this test.
var memoryInputs = []struct {
	name, path, unit string
	// livePerByte and livePerFinding bound what a check holds (docs/guarantees.md):
	// per byte of input, and per finding beyond that.
	livePerByte, livePerFinding float64
}{
	{"prose", "prose.md", "The river town held its market on the square, and traders came from the hills with tea and salt.\n\n", 3, 0},
	{"bilingual", "pairs.md", "我们重视同邻国的合作，推动地区繁荣。\n\nWe value cooperation with neighboring countries and push for regional prosperity.\n\n", 12, 0},
	{"findings", "dense.txt", "Our periphery diplomacy works, and so does our neighborhood diplomacy.\n", 3, 1200},
}

// memoryUse checks n units of text and returns what was allocated in all
// and what stays live while the file and its findings are held, with the
// input's size.
func memoryUse(t *testing.T, c *checker.Checker, path, unit string, n int) (total, live, size uint64, findings int) {
	t.Helper()
	data := []byte(strings.Repeat(unit, n))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC() // the second empties the sync.Pools, so every run starts cold
	runtime.ReadMemStats(&before)
	doc, err := input.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	f := c.Scan(doc)
	fs, err := c.Check([]*checker.File{f}, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(f) // what a check holds while it runs the rules
	runtime.KeepAlive(fs)
	live = 0
	if after.HeapAlloc > before.HeapAlloc {
		live = after.HeapAlloc - before.HeapAlloc
	}
	return after.TotalAlloc - before.TotalAlloc, live, uint64(len(data)), len(fs)
}

// TestMemoryIsLinear doubles each input and bounds the memory it costs by
// counting bytes, not time: twice the input may allocate, and hold, at
// most a little more than twice as much. It also holds the constants
// the memory row of docs/guarantees.md states: per byte of input and per finding.
func TestMemoryIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("checks megabytes of text")
	}
	c := defaultChecker(t)
	for _, in := range memoryInputs {
		t.Run(in.name, func(t *testing.T) {
			n := (4 << 20) / len(in.unit)
			total1, live1, size1, f1 := memoryUse(t, c, in.path, in.unit, n)
			total2, live2, size2, f2 := memoryUse(t, c, in.path, in.unit, 2*n)
			t.Logf("%s: %d KB → %d KB of input, %d → %d findings; allocated %.1f → %.1f bytes per byte; live %.1f → %.1f bytes per byte",
				in.name, size1>>10, size2>>10, f1, f2,
				float64(total1)/float64(size1), float64(total2)/float64(size2),
				float64(live1)/float64(size1), float64(live2)/float64(size2))
			if r := float64(total2) / float64(total1); r > 2.3 {
				t.Errorf("twice the input allocated %.2f times as much", r)
			}
			if r := float64(live2) / float64(max(live1, 1)); r > 2.3 {
				t.Errorf("twice the input held %.2f times as much", r)
			}
			if bound := in.livePerByte*float64(size2) + in.livePerFinding*float64(f2); float64(live2) > bound {
				t.Errorf("held %d bytes for %d bytes of input and %d findings; the bound is %.0f", live2, size2, f2, bound)
			}
		})
	}
}

// BenchmarkMemory doubles each input; bytes per op must double with it
// (go test -bench Memory -benchmem ./checker/).
func BenchmarkMemory(b *testing.B) {
	c := defaultChecker(b)
	for _, in := range memoryInputs {
		for _, mb := range []int{1, 2, 4, 8} {
			data := []byte(strings.Repeat(in.unit, (mb<<20)/len(in.unit)))
			b.Run(fmt.Sprintf("%s/%dMB", in.name, mb), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					doc, err := input.Read(in.path, data)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestChineseSourceIsLinear doubles a Chinese source dense with terms, as
// `lookup --in` and `usage` read it, and bounds what they allocate by
// counting bytes: twice the text may cost about twice as much, and no
// more than allocatedPerByte for each byte. (Matching a whole file at
// once, with two filtered copies of its matches, allocated 134 bytes per
// byte and held them all.)
func TestChineseSourceIsLinear(t *testing.T) {
	const allocatedPerByte = 60
	c := defaultChecker(t)
	unit := "周边外交工作稳步推进，周边命运共同体建设取得新进展。\n"
	allocated := func(n int) (total, size uint64) {
		data := []byte(strings.Repeat(unit, n))
		doc, err := input.Read("source.txt", data)
		if err != nil {
			t.Fatal(err)
		}
		f := c.Scan(doc)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.GC() // the second empties the sync.Pools, so every run starts cold
		runtime.ReadMemStats(&before)
		c.Brief([]*checker.File{f}, "")
		c.FileUsage(f, c.Glossary().Concepts[:8], checker.UsageOptions{Examples: 3})
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, uint64(len(data))
	}
	small, size := allocated(20_000)
	large, size2 := allocated(40_000)
	t.Logf("%.1f → %.1f bytes allocated per byte", float64(small)/float64(size), float64(large)/float64(size2))
	if r := float64(large) / float64(small); r > 2.3 {
		t.Errorf("twice the text allocated %.2f times as much", r)
	}
	if float64(large) > allocatedPerByte*float64(size2) {
		t.Errorf("allocated %d bytes for %d bytes of text, more than %d a byte", large, size2, allocatedPerByte)
	}
}
