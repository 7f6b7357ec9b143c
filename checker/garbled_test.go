package checker_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/bench/corpus"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
)

// TestGarbledMessage pins the note: both wordings, the Chinese term, the
// rendering as the one suggestion, at info severity, and none in a
// bilingual file, where the variant rule speaks.
func TestGarbledMessage(t *testing.T) {
	c := defaultChecker(t)
	text := []byte("China pursues amity, sincerity, benefit and tolerance.\n")
	findings, err := c.Check([]*checker.File{c.Scan(&input.Document{Path: "g.txt", Text: text})}, checker.Options{Rules: []*checker.Rule{checker.Garbled}})
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 1 {
		t.Fatalf("want one finding, got %v", findings)
	}
	f := findings[0]
	want := `"amity, sincerity, benefit and tolerance" looks like a garbled "amity, sincerity, mutual benefit and inclusiveness" (亲诚惠容)`
	if f.Message != want || f.Severity != checker.SeverityInfo || f.Column != 15 || f.Fix != "" || len(f.Suggestions) != 1 || f.Suggestions[0] != "amity, sincerity, mutual benefit and inclusiveness" {
		t.Errorf("got %s %d %q %v fix %q", f.Severity, f.Column, f.Message, f.Suggestions, f.Fix)
	}

	doc := &input.Document{Path: "b.txt", Text: text, Segments: []input.Segment{{Chinese: input.Span{Text: []byte("中国")}, English: input.Span{Text: text}}}}
	findings, err = c.Check([]*checker.File{c.Scan(doc)}, checker.Options{Rules: []*checker.Rule{checker.Garbled}})
	if err != nil || len(findings) != 0 {
		t.Errorf("bilingual file: %v %v", findings, err)
	}
}

// BenchmarkGarbled doubles English-only text dense in words of long
// renderings, a garbled one in every tenth sentence: time and memory per
// sentence must stay flat, since each sentence is compared only with the
// renderings that share enough of its words
// (go test -bench Garbled -benchmem ./checker/).
func BenchmarkGarbled(b *testing.B) {
	c := defaultChecker(b)
	sentences := []string{
		"The central committee met with neighboring countries on security and cooperation for a shared future.",
		"Delegates discussed the community of common destiny, free trade and the Silk Road economic development.",
		"Party members study Xi Jinping Thought on Socialism with Chinese Characteristics in a New Era every week.",
		"China pursues peace, cooperation and openness with its neighbors in Asia and beyond.",
		"The publicity department of the provincial party committee issued a notice on trade agreements.",
	}
	for _, n := range []int{1000, 2000, 4000, 8000} {
		var sb strings.Builder
		for i := range n {
			s := sentences[i%len(sentences)]
			if i%10 != 2 {
				s = strings.Replace(s, " in a New Era", " for a New Era", 1)
			}
			fmt.Fprintf(&sb, "%s Item %d.\n\n", s, i)
		}
		doc := &input.Document{Path: "bench.md", Text: []byte(sb.String())}
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			f := c.Scan(doc)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Check([]*checker.File{f}, checker.Options{Rules: []*checker.Rule{checker.Garbled}}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
		})
	}
}

// garbledIndexBytes is what checking one garbled English sentence
// allocates with the default glossary and n synthetic concepts, the
// garbled rule's index of long renderings built for it: the checker is
// compiled before counting, so the index (a matcher pass over every
// rendering, to tell a compound's words from its own) is what grows.
func garbledIndexBytes(tb testing.TB, n int) uint64 {
	g := mustLoad(termlint.DefaultInput(), glossary.Input{Name: "synthetic.yaml", Data: corpus.Synthetic(n, 1, benchDefault())})
	c := checker.New(g)
	doc := &input.Document{Path: "g.txt", Text: []byte("China pursues amity, sincerity, benefit and tolerance.\n")}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	findings, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{Rules: []*checker.Rule{checker.Garbled}})
	runtime.ReadMemStats(&after)
	if err != nil || len(findings) != 1 {
		tb.Fatalf("%d concepts: findings %v, error %v", n, findings, err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestGarbledIndexIsLinearInGlossarySize doubles the glossary: what the
// garbled rule's index allocates must double with it, not grow faster.
func TestGarbledIndexIsLinearInGlossarySize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds glossaries of up to 8,000 concepts")
	}
	prev := garbledIndexBytes(t, 2000)
	for _, n := range []int{4000, 8000} {
		got := garbledIndexBytes(t, n)
		if ratio := float64(got) / float64(prev); ratio > 2.6 {
			t.Errorf("%d concepts: %d bytes, %.2f times the half's; the index grows faster than the glossary", n, got, ratio)
		}
		prev = got
	}
}

// BenchmarkGarbledIndexGlossarySize is the same doubling, timed
// (go test -bench GarbledIndex -benchmem ./checker/).
func BenchmarkGarbledIndexGlossarySize(b *testing.B) {
	doc := &input.Document{Path: "g.txt", Text: []byte("China pursues amity, sincerity, benefit and tolerance.\n")}
	for _, n := range []int{2000, 4000, 8000, 16000} {
		g := mustLoad(termlint.DefaultInput(), glossary.Input{Name: "synthetic.yaml", Data: corpus.Synthetic(n, 1, benchDefault())})
		b.Run(fmt.Sprintf("concepts=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c := checker.New(g) // a new checker builds its index again
				if _, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{Rules: []*checker.Rule{checker.Garbled}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
