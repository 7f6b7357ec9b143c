package checker_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// BenchmarkMissingLongSegment doubles one paragraph pair whose Chinese
// holds a term in every sentence and whose English renders none of them,
// keeping words of their renderings here and there: time and memory per
// sentence must stay flat however long the paragraph (go test -bench
// MissingLongSegment -benchmem ./checker/).
func BenchmarkMissingLongSegment(b *testing.B) {
	c := defaultChecker(b)
	zhSentences := []string{"我们深化周边外交。", "要稳定产业链供应链。", "加快中日韩自由贸易协定谈判。", "推动构建人类命运共同体。"}
	enSentences := []string{"We deepen ties with the region.", "Chains must hold.", "Talks on free trade with Japan go on.", "We work for a shared future."}
	for _, n := range []int{250, 500, 1000, 2000} {
		var zh, en strings.Builder
		for i := range n {
			zh.WriteString(zhSentences[i%len(zhSentences)])
			en.WriteString(enSentences[i%len(enSentences)] + " ")
		}
		src := []byte(zh.String() + "\n\n" + en.String() + "\n")
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := input.ReadWith("long.md", src, input.Options{Bilingual: input.BilingualOn})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := c.Check([]*checker.File{c.Scan(d)}, checker.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
		})
	}
}
