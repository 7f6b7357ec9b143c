package glossary_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/glossary"
)

// synthetic100000 is the glossary bench/run.sh adds to the default one:
// 100,000 made-up concepts with their pinyin and one to four renderings
// each (bench/corpus), about 29 MB of YAML.
var synthetic100000 = sync.OnceValue(func() []byte {
	def, problems := termlint.LoadDefault()
	if def == nil {
		panic(fmt.Sprint(problems))
	}
	return corpus.Synthetic(100_000, 1, def)
})

// BenchmarkParse100000 parses the synthetic glossary: YAML, with the
// position of every value.
func BenchmarkParse100000(b *testing.B) {
	data := synthetic100000()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, problems := glossary.Parse("synthetic.yaml", data); len(problems) > 0 {
			b.Fatal(problems)
		}
	}
}

// BenchmarkLoad100000 loads the default glossary and the synthetic one
// after it, as termlint -g @default -g synthetic.yaml does: parse, merge
// and validate.
func BenchmarkLoad100000(b *testing.B) {
	inputs := []glossary.Input{termlint.DefaultInput(), {Name: "synthetic.yaml", Data: synthetic100000()}}
	b.SetBytes(int64(len(inputs[1].Data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if g, problems := glossary.Load(inputs, glossary.ValidateOptions{}); g == nil {
			b.Fatal(problems)
		}
	}
}
