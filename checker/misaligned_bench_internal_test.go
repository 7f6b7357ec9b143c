package checker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/termlint/termlint/checker/input"
)

// BenchmarkMarkMisaligned doubles the pairs of a bilingual file whose
// paragraphs are full of figures, a run of them shifted by one in every
// hundred: time and memory per pair must stay flat, since each pair's
// figures are compared with its own side and its two neighbours' only
// (go test -bench MarkMisaligned -benchmem ./checker/).
func BenchmarkMarkMisaligned(b *testing.B) {
	for _, pairs := range []int{1000, 2000, 4000, 8000} {
		segs := make([]input.Segment, pairs)
		for i := range segs {
			v := 1000 + i
			zh := fmt.Sprintf("全市第%d号项目投资%d万元，增长%d.%d%%，带动就业%d人，APEC%d。", i, v, i%50, i%10, v*3, i)
			en := fmt.Sprintf("Project %d drew %d0,000 yuan of investment, up %d.%d percent, and created %d jobs for APEC%d.", i, v, i%50, i%10, v*3, i)
			segs[i].Chinese.Text, segs[i].English.Text = []byte(strings.Repeat(zh, 2)), []byte(strings.Repeat(en, 2))
		}
		for i := 50; i+5 < pairs; i += 100 {
			segs[i].English, segs[i+1].English, segs[i+2].English = segs[i+1].English, segs[i+2].English, segs[i].English
		}
		b.Run(fmt.Sprintf("pairs=%d", pairs), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ss := make([]*Segment, pairs)
				for i := range segs {
					ss[i] = &Segment{Segment: &segs[i]}
				}
				markMisaligned(ss)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pairs), "ns/pair")
		})
	}
}
