package table_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/table"
)

// importShapes are tables of n rows, made up for these tests, in the
// shapes whose cost grew with the square of the rows: many renderings of
// one Chinese term, each row with a note of its own, and many rows of
// terms of their own.
var importShapes = []struct {
	name string
	read func(data []byte) (*glossary.Glossary, glossary.Problems, error)
	make func(n int) []byte
}{
	{"csv one term", readCSV, func(n int) []byte {
		var b strings.Builder
		b.WriteString("zh,en,status,note\n")
		for i := range n {
			status := "admitted"
			if i == 0 {
				status = "preferred"
			}
			fmt.Fprintf(&b, "港务,harbour matter %d,%s,note %d\n", i, status, i)
		}
		return []byte(b.String())
	}},
	{"csv one rendering seen on many dates", readCSV, func(n int) []byte {
		var b strings.Builder
		b.WriteString("zh,en,sources,date\n")
		for i := range n {
			fmt.Fprintf(&b, "港务,harbour affairs,gazette,%d-%02d-%02d\n", 1000+i/336, i/28%12+1, i%28+1)
		}
		return []byte(b.String())
	}},
	{"markdown one term", readMarkdown, func(n int) []byte {
		var b strings.Builder
		b.WriteString("| 中文 | English | 说明 |\n|---|---|---|\n")
		for i := range n {
			fmt.Fprintf(&b, "| 港务 | harbour matter %d | note %d |\n", i, i)
		}
		return []byte(b.String())
	}},
	{"markdown many terms", readMarkdown, func(n int) []byte {
		var b strings.Builder
		b.WriteString("| 中文 | English |\n|---|---|\n")
		for i := range n {
			fmt.Fprintf(&b, "| 港务%d | harbour matter %d |\n", i, i)
		}
		return []byte(b.String())
	}},
}

func readCSV(data []byte) (*glossary.Glossary, glossary.Problems, error) {
	return table.Read("many.csv", data, ',')
}

func readMarkdown(data []byte) (*glossary.Glossary, glossary.Problems, error) {
	return table.ReadMarkdown("many.md", data, table.MarkdownOptions{Style: "house"})
}

// importCost imports data and returns the allocations and bytes
// allocated.
func importCost(tb testing.TB, read func([]byte) (*glossary.Glossary, glossary.Problems, error), data []byte) (allocs, bytes uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g, _, err := read(data)
	runtime.ReadMemStats(&after)
	if err != nil {
		tb.Fatal(err)
	}
	if len(g.Concepts) == 0 {
		tb.Fatal("nothing imported")
	}
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

// TestImportIsLinear bounds the work of importing tables of many rows
// by counting the entries looked at to find preferred renderings, seen
// entries and notes, the allocations and the bytes allocated: twice the
// rows may cost about twice as much.
func TestImportIsLinear(t *testing.T) {
	for _, shape := range importShapes {
		t.Run(shape.name, func(t *testing.T) {
			small, large := shape.make(5_000), shape.make(10_000)
			smallLooks := table.CountLooks(func() { importCost(t, shape.read, small) })
			largeLooks := table.CountLooks(func() { importCost(t, shape.read, large) })
			if largeLooks > 2*smallLooks+100 {
				t.Errorf("twice the rows looked at %d entries, %.1f times the %d of half as many; want about twice", largeLooks, float64(largeLooks)/float64(smallLooks), smallLooks)
			}
			smallAllocs, smallBytes := importCost(t, shape.read, small)
			largeAllocs, largeBytes := importCost(t, shape.read, large)
			if float64(largeAllocs) > 2.3*float64(smallAllocs) {
				t.Errorf("twice the rows took %d allocations, %.1f times the %d of half as many; want about twice", largeAllocs, float64(largeAllocs)/float64(smallAllocs), smallAllocs)
			}
			if float64(largeBytes) > 2.5*float64(smallBytes) {
				t.Errorf("twice the rows allocated %d bytes, %.1f times the %d of half as many; want about twice", largeBytes, float64(largeBytes)/float64(smallBytes), smallBytes)
			}
		})
	}
}

// BenchmarkImport doubles the rows of each of importShapes: time and
// memory per row must stay flat (go test -bench Import -benchmem
// ./glossary/table/).
func BenchmarkImport(b *testing.B) {
	for _, shape := range importShapes {
		for _, n := range []int{5_000, 10_000, 20_000, 40_000} {
			data := shape.make(n)
			b.Run(fmt.Sprintf("%s/rows=%d", strings.ReplaceAll(shape.name, " ", "-"), n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, _, err := shape.read(data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
