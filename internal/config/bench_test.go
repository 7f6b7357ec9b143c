package config

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// longPathConfig is a configuration naming one path of n elements that
// do not exist.
func longPathConfig(n int) []byte {
	return []byte("paths: [" + strings.Repeat("no/", n) + "x]\n")
}

// TestLongPathIsNotQuadratic: checking that a path stays inside the
// repository resolves links as far as the path exists, which costs a
// number of lookups that grows with the logarithm of the path's
// elements, not with them (one per element made a 1 MB path take hours).
// Counted, not timed.
func TestLongPathIsNotQuadratic(t *testing.T) {
	var calls int
	evalSymlinks = func(p string) (string, error) {
		calls++
		return filepath.EvalSymlinks(p)
	}
	t.Cleanup(func() { evalSymlinks = filepath.EvalSymlinks })
	prev := 0
	for n := 1000; n <= 16000; n *= 2 {
		calls = 0
		if _, err := Parse(filepath.Join("repo", FileName), longPathConfig(n)); err != nil {
			t.Fatal(err)
		}
		t.Logf("%d elements: %d lookups", n, calls)
		if prev > 0 && calls > prev+2 {
			t.Errorf("%d elements: %d lookups, %d for half as many; want about one more per doubling", n, calls, prev)
		}
		prev = calls
	}
}

// BenchmarkParseLongPath parses a configuration naming a path of n
// elements, n doubling: time and memory grow linearly.
func BenchmarkParseLongPath(b *testing.B) {
	for n := 4000; n <= 64000; n *= 2 {
		data := longPathConfig(n)
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(filepath.Join("repo", FileName), data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
