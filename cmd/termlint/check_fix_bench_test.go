package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/termlint/termlint/internal/fixture"
	"github.com/termlint/termlint/internal/iostreams"
)

// writeBilingualTable writes fixture.BilingualTable(n) in dir: n/3 fixes
// over n segments.
func writeBilingualTable(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, "table.tsv")
	if err := os.WriteFile(path, fixture.BilingualTable(n), 0o644); err != nil {
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
