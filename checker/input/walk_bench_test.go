package input

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// walkTree makes a tree of n files, ten to a folder, every tenth a
// symbolic link to the file before it (which the walk meets twice), and
// returns its root.
func walkTree(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%04d", i/10))
		if i%10 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				tb.Fatal(err)
			}
		}
		name := filepath.Join(sub, fmt.Sprintf("f%d.md", i))
		if i%10 == 9 {
			if err := os.Symlink(fmt.Sprintf("f%d.md", i-1), name); err != nil {
				tb.Skip("no symlinks:", err)
			}
			continue
		}
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// walkCount walks paths and returns how many files and errors it yields.
func walkCount(tb testing.TB, paths []string) int {
	seq, err := Walk(paths, WalkOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for range seq {
		n++
	}
	return n
}

// TestWalkIsLinear: the walk's work per file stays flat as the tree
// doubles, links and the check that each file is yielded once included;
// counted in allocations, not timed.
func TestWalkIsLinear(t *testing.T) {
	var prev float64
	for n := 500; n <= 4000; n *= 2 {
		root := walkTree(t, n)
		if got := walkCount(t, []string{root}); got != n-n/10 {
			t.Fatalf("%d files: walked %d, want %d (each link's file once)", n, got, n-n/10)
		}
		allocs := testing.AllocsPerRun(2, func() { walkCount(t, []string{root}) })
		t.Logf("%d files: %.0f allocations", n, allocs)
		if prev > 0 && allocs > 2.2*prev {
			t.Errorf("%d files: %.0f allocations, %.0f for half as many", n, allocs, prev)
		}
		prev = allocs
	}
}

// BenchmarkWalk walks a tree of n files, n doubling: time and memory
// grow linearly (go test -bench Walk -benchmem ./checker/input/).
func BenchmarkWalk(b *testing.B) {
	for n := 1000; n <= 8000; n *= 2 {
		root := walkTree(b, n)
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				walkCount(b, []string{root})
			}
		})
	}
}
