package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/iostreams"
)

// fixMemoryLine is one line of a draft with one --fix finding in every
// line: "periphery diplomacy", which the file's own "neighborhood
// diplomacy" (also the preferred rendering) outvotes and replaces.
const fixMemoryLine = "The periphery diplomacy of the county held. Neighborhood diplomacy as well.\n"

// fixBytesPerFinding bounds what check --fix holds per finding when it
// writes: the fixed text's scan (about 600 bytes a line of two
// renderings) and its texts, before and after.
const fixBytesPerFinding = 1000

// diffBytesPerFinding bounds what check --diff holds per finding while it
// writes the diff: some 75 bytes of text before and after a fix, and the
// diff lines that show both.
const diffBytesPerFinding = 750

// fixHeld runs check --fix on a draft of n lines and returns the heap
// that is live when the fixed file is about to be written, when the fix
// holds the most it holds for good (the fixed text, its findings), and
// how many findings were fixed.
func fixHeld(t *testing.T, n int) (live uint64, fixed int) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat(fixMemoryLine, n)), 0o644); err != nil {
		t.Fatal(err)
	}
	var base, at runtime.MemStats
	beforeReplace = func(string) {
		runtime.GC()
		runtime.ReadMemStats(&at)
	}
	defer func() { beforeReplace = func(string) {} }()
	runtime.GC()
	runtime.ReadMemStats(&base)
	code, _, stderr := runCLI(t, "--no-config", "check", "--fix", "--fail-on", "none", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := fmt.Sscanf(stderr[strings.Index(stderr, "fixed "):], "fixed %d findings", &fixed); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	return at.HeapAlloc - min(at.HeapAlloc, base.HeapAlloc), fixed
}

// TestFixMemoryPerFinding doubles the findings of check --fix and bounds,
// by counting bytes, what the fix holds per finding beyond a fixed cost
// (the glossary): the scanned file once, its findings once and the fixed
// text. It held the scan of the file twice, the findings of the pass
// before, and every fixable finding copied into its edit.
func TestFixMemoryPerFinding(t *testing.T) {
	if testing.Short() {
		t.Skip("fixes megabytes of text")
	}
	const n = 20000
	live1, fixed1 := fixHeld(t, n)
	live2, fixed2 := fixHeld(t, 2*n)
	if fixed1 != n || fixed2 != 2*n {
		t.Fatalf("fixed %d and %d findings, want %d and %d", fixed1, fixed2, n, 2*n)
	}
	perFinding := float64(live2-min(live1, live2)) / float64(fixed2-fixed1)
	t.Logf("held %d KB for %d findings, %d KB for %d: %.0f bytes per finding", live1>>10, fixed1, live2>>10, fixed2, perFinding)
	if perFinding > fixBytesPerFinding {
		t.Errorf("--fix held %.0f bytes per finding; the bound is %d", perFinding, fixBytesPerFinding)
	}
}

// heapAtFirstWrite is a standard output that notes, at its first write,
// the heap that is live then.
type heapAtFirstWrite struct {
	live    uint64
	written int
}

func (w *heapAtFirstWrite) Write(p []byte) (int, error) {
	if w.written == 0 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		w.live = m.HeapAlloc
	}
	w.written += len(p)
	return len(p), nil
}

// diffHeld runs check --diff on a draft of n lines and returns the heap
// that is live when the diff is first written, beyond what was live
// before the run.
func diffHeld(t *testing.T, n int) uint64 {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat(fixMemoryLine, n)), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, errOut := iostreams.Test()
	out := &heapAtFirstWrite{}
	ios.Out = out
	var base runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&base)
	if code := run([]string{"--no-config", "check", "--diff", path}, ios); code != 1 || out.written == 0 {
		t.Fatalf("exit %d, %d bytes of diff: %s", code, out.written, errOut)
	}
	return out.live - min(out.live, base.HeapAlloc)
}

// TestDiffMemoryPerFinding doubles the findings of check --diff and
// bounds, by counting bytes, what is live per finding while the diff is
// written: the text before and after and the diff, not the scans and
// findings, which --diff does not print.
func TestDiffMemoryPerFinding(t *testing.T) {
	if testing.Short() {
		t.Skip("diffs megabytes of text")
	}
	const n = 20000
	live1, live2 := diffHeld(t, n), diffHeld(t, 2*n)
	perFinding := float64(live2-min(live1, live2)) / float64(n)
	t.Logf("held %d KB for %d findings, %d KB for %d: %.0f bytes per finding", live1>>10, n, live2>>10, 2*n, perFinding)
	if perFinding > diffBytesPerFinding {
		t.Errorf("--diff held %.0f bytes per finding; the bound is %d", perFinding, diffBytesPerFinding)
	}
}

// BenchmarkFixManyFindings doubles the findings of check --fix and
// --diff, one per line: time and bytes per op must double with them
// (go test ./cmd/termlint -run '^$' -bench FixManyFindings -benchmem).
func BenchmarkFixManyFindings(b *testing.B) {
	for _, mode := range []string{"--fix", "--diff"} {
		for _, n := range []int{10000, 20000, 40000} {
			b.Run(fmt.Sprintf("%s/%d", mode[2:], n), func(b *testing.B) {
				dir := b.TempDir()
				path := filepath.Join(dir, "draft.txt")
				draft := []byte(strings.Repeat(fixMemoryLine, n))
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					if err := os.WriteFile(path, draft, 0o644); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					ios, _, _, errOut := iostreams.Test()
					if code := run([]string{"--no-config", "check", mode, "--fail-on", "none", path}, ios); code > 1 {
						b.Fatalf("exit %d: %s", code, errOut)
					}
				}
			})
		}
	}
}
