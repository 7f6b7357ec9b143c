package main

import (
	"flag"
	"os"
	"path/filepath"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/internal/iostreams"
)

// The benchmarks of this file run termlint check end to end, as bench/run.sh
// times the binary, so that a CPU or memory profile shows the whole run:
//
//	go test ./cmd/termlint -run '^$' -bench CheckCorpus -benchtime 1x -cpuprofile cpu.out -args -corpus DIR
//
// Without -corpus they generate a 10 MB corpus of their own.
var benchCorpusDir = flag.String("corpus", "", "`folder` of the corpus the CheckCorpus benchmarks check (default: a generated 10 MB one)")

// benchCorpus returns the corpus to check: -corpus, or one generated
// into the benchmark's temporary folder.
func benchCorpus(b *testing.B) string {
	if *benchCorpusDir != "" {
		return *benchCorpusDir
	}
	g, problems := termlint.LoadDefault()
	if g == nil {
		b.Fatal(problems)
	}
	dir := b.TempDir()
	opts := corpus.DefaultOptions()
	opts.Size = 10_000_000
	err := corpus.Generate(g, opts, func(f corpus.File) error {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, f.Data, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchmarkCheck runs termlint [global] check --format json --fail-on none
// [flags] CORPUS.
func benchmarkCheck(b *testing.B, global []string, flags ...string) {
	dir := benchCorpus(b)
	var size int64
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			size += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	args := append(append([]string{"--no-config"}, global...), "check", "--format", "json", "--fail-on", "none")
	args = append(append(args, flags...), dir)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		ios, _, _, errOut := iostreams.Test()
		// The output is counted and dropped, as a file would take it,
		// so that the peak is the run's.
		var out countingWriter
		ios.Out = &out
		peak = max(peak, peakHeap(func() {
			if code := run(args, ios); code != 0 {
				b.Fatalf("termlint %q: exit %d: %s", args, code, errOut)
			}
		}))
		b.ReportMetric(float64(out)/1e6, "output-MB")
	}
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
}

// countingWriter counts the bytes written to it.
type countingWriter int64

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}

// peakHeap runs f and returns the most heap memory in objects, live or
// not yet swept, that a sample every millisecond saw meanwhile: about
// what the run needs at its fullest, less the garbage collector's
// headroom and the runtime's own memory (a process's peak RSS, which
// bench/run.sh measures, adds those).
func peakHeap(f func()) uint64 {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			peak = max(peak, samples[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak
}

// BenchmarkCheckCorpus is termlint check --format json over the corpus.
func BenchmarkCheckCorpus(b *testing.B) { benchmarkCheck(b, nil) }

// BenchmarkCheckCorpusScopeAll is the same with --scope all.
func BenchmarkCheckCorpusScopeAll(b *testing.B) { benchmarkCheck(b, nil, "--scope", "all") }

// BenchmarkCheckCorpus100000 checks the corpus with 100,000 synthetic
// concepts added to the default glossary (-g @default -g synthetic.yaml).
func BenchmarkCheckCorpus100000(b *testing.B) {
	def, problems := termlint.LoadDefault()
	if def == nil {
		b.Fatal(problems)
	}
	synthetic := filepath.Join(b.TempDir(), "synthetic.yaml")
	if err := os.WriteFile(synthetic, corpus.Synthetic(100_000, 1, def), 0o644); err != nil {
		b.Fatal(err)
	}
	benchmarkCheck(b, []string{"-g", "@default", "-g", synthetic})
}
