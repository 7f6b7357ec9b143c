package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/iostreams"
)

// writeBilingualTable writes a TSV file of n segments in dir, every third
// rendering 周边工作 as "periphery work" against the majority's
// "neighborhood work": n/3 fixes over n segments.
func writeBilingualTable(tb testing.TB, dir string, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("source\ttarget\n")
	for i := range n {
		en := "neighborhood work"
		if i%3 == 0 {
			en = "periphery work"
		}
		fmt.Fprintf(&b, "周边工作 %d\t%s %d\n", i, en, i)
	}
	path := filepath.Join(dir, "table.tsv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkFixDiffBilingual doubles the segments (and the fixes) of a
// bilingual file under check --diff and check --fix: time and memory per
// segment must stay flat
// (go test ./cmd/termlint -run '^$' -bench FixDiffBilingual -benchmem).
func BenchmarkFixDiffBilingual(b *testing.B) {
	for _, mode := range []string{"--diff", "--fix"} {
		for _, n := range []int{2000, 4000, 8000, 16000} {
			b.Run(fmt.Sprintf("%s/%d", mode[2:], n), func(b *testing.B) {
				dir := b.TempDir()
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					path := writeBilingualTable(b, dir, n)
					b.StartTimer()
					ios, _, _, errOut := iostreams.Test()
					if code := run([]string{"check", mode, "--format", "json", "--fail-on", "none", path}, ios); code > 1 {
						b.Fatalf("exit %d: %s", code, errOut)
					}
				}
			})
		}
	}
}
