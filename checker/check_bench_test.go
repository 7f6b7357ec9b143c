package checker_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// The benchmarks of this file measure the engine on generated input
// (bench/corpus): about 10 MB of Markdown in one house style per file,
// with a slip in about 200 mentions, checked with the default glossary
// and with 100,000 synthetic concepts added to it.

const benchCorpusSize = 10_000_000

func mustLoad(inputs ...glossary.Input) *glossary.Glossary {
	g, problems := glossary.Load(inputs, glossary.ValidateOptions{})
	if g == nil {
		panic(fmt.Sprint(problems))
	}
	return g
}

var benchDefault = sync.OnceValue(func() *glossary.Glossary { return mustLoad(termlint.DefaultInput()) })

// benchSynthetic is a glossary of 100,000 synthetic concepts, in YAML.
var benchSynthetic = sync.OnceValue(func() []byte { return corpus.Synthetic(100_000, 1, benchDefault()) })

var benchLarge = sync.OnceValue(func() *glossary.Glossary {
	return mustLoad(termlint.DefaultInput(), glossary.Input{Name: "synthetic.yaml", Data: benchSynthetic()})
})

// benchDocs are the corpus's files, read.
var benchDocs = sync.OnceValues(func() ([]*input.Document, int64) {
	opts := corpus.DefaultOptions()
	opts.Size = benchCorpusSize
	var docs []*input.Document
	var size int64
	err := corpus.Generate(benchDefault(), opts, func(f corpus.File) error {
		doc, err := input.Read(f.Path, f.Data)
		docs = append(docs, doc)
		size += int64(len(f.Data))
		return err
	})
	if err != nil {
		panic(err)
	}
	return docs, size
})

func scanAll(c *checker.Checker, docs []*input.Document) []*checker.File {
	files := make([]*checker.File, len(docs))
	for i, d := range docs {
		files[i] = c.Scan(d)
	}
	return files
}

func benchmarkScan(b *testing.B, g *glossary.Glossary) {
	c := checker.New(g)
	docs, size := benchDocs()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		scanAll(c, docs)
	}
}

// BenchmarkScan matches the default glossary's renderings in the corpus.
func BenchmarkScan(b *testing.B) { benchmarkScan(b, benchDefault()) }

// BenchmarkScan100000 matches them with 100,000 synthetic concepts more.
func BenchmarkScan100000(b *testing.B) { benchmarkScan(b, benchLarge()) }

func benchmarkCheck(b *testing.B, scope checker.Scope) {
	c := checker.New(benchDefault())
	docs, size := benchDocs()
	files := scanAll(c, docs)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		findings, err := c.Check(files, checker.Options{Scope: scope})
		if err != nil {
			b.Fatal(err)
		}
		n = len(findings)
	}
	b.ReportMetric(float64(n), "findings")
}

// BenchmarkCheckFile runs the rules over the scanned corpus, each file its
// own scope (the default).
func BenchmarkCheckFile(b *testing.B) { benchmarkCheck(b, checker.ScopeFile) }

// BenchmarkCheckAll runs them over the corpus as one scope (--scope all).
func BenchmarkCheckAll(b *testing.B) { benchmarkCheck(b, checker.ScopeAll) }

// BenchmarkNewDefault compiles the default glossary.
func BenchmarkNewDefault(b *testing.B) {
	g := benchDefault()
	b.ReportAllocs()
	for b.Loop() {
		checker.New(g)
	}
}

// BenchmarkNew100000 compiles the default glossary with 100,000 synthetic
// concepts.
func BenchmarkNew100000(b *testing.B) {
	g := benchLarge()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		checker.New(g)
	}
}

// BenchmarkLoadNew100000 is what termlint does before it reads a file
// when given -g @default -g synthetic.yaml: parse, merge and validate the
// glossaries, then compile them (the target is under a second).
func BenchmarkLoadNew100000(b *testing.B) {
	data := benchSynthetic()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		checker.New(mustLoad(termlint.DefaultInput(), glossary.Input{Name: "synthetic.yaml", Data: data}))
	}
}
