package printer

import (
	"fmt"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/termlint/termlint/checker"
)

// longLineReport returns a report of one file of one line of about n
// bytes, with Chinese in every sentence and a finding in each, and a
// related location pointing back to the line's start.
func longLineReport(n int) *Report {
	const sentence = "据说 the policy of periphery diplomacy was restated. "
	start := utf8.RuneCountInString("据说 the policy of ")
	width := utf8.RuneCountInString("periphery diplomacy")
	var text []byte
	var findings []checker.Finding
	for col := 1; len(text) < n; col += utf8.RuneCountInString(sentence) {
		text = append(text, sentence...)
		findings = append(findings, checker.Finding{
			Rule: "non-preferred", Severity: checker.SeverityWarning, File: "long.md",
			Line: 1, Column: col + start, EndLine: 1, EndColumn: col + start + width,
			Message: "periphery diplomacy is not preferred", Suggestions: []string{"neighbourhood diplomacy"},
			Related: []checker.Related{{File: "long.md", Line: 1, Column: 1 + start, Text: "periphery diplomacy"}},
		})
	}
	return &Report{Files: 1, Findings: findings, Texts: map[string][]byte{"long.md": text}}
}

// TestLongLinePrintersAreLinear bounds the bytes the text and rdjsonl
// printers decode to find the columns of findings on one long line with
// Chinese in it: they grow as the line does, not as line × findings
// (issue 20, item 2).
func TestLongLinePrintersAreLinear(t *testing.T) {
	walked := 0
	countWalk = func(n int) { walked += n }
	defer func() { countWalk = nil }()
	for _, name := range []string{"text", "rdjsonl"} {
		format, _ := Lookup(name)
		work := func(n int) int {
			r := longLineReport(n)
			walked = 0
			if err := format.New(Options{}).Print(io.Discard, r); err != nil {
				t.Fatal(err)
			}
			return walked
		}
		for _, n := range []int{1 << 15, 1 << 16, 1 << 17} {
			small, large := work(n), work(2*n)
			if float64(large) > 2.2*float64(small) {
				t.Errorf("%s: a line of %d bytes decoded %d bytes, %.1f times the %d of %d bytes; want about 2", name, 2*n, large, float64(large)/float64(small), small, n)
			}
			if large > 4*(2*n)+columnStride*4*len(longLineReport(2*n).Findings) {
				t.Errorf("%s: a line of %d bytes decoded %d bytes", name, 2*n, large)
			}
		}
	}
}

// TestLongLineColumns checks the columns the marks of a long line give
// against walking the line from its start: the text format's quoted
// match and rdjsonl's byte columns, on a line with invalid UTF-8 and a
// four-byte character.
func TestLongLineColumns(t *testing.T) {
	line := []byte{}
	for i := range 2000 {
		line = append(line, "a周\xe5𐐀 "[i%5:]...)
	}
	var cols lineColumns
	i, col := 0, 0
	for {
		got, past := cols.offset(1, line, col)
		if got != i || past != 0 {
			t.Fatalf("column %d at byte %d (past %d), want byte %d", col, got, past, i)
		}
		if i == len(line) {
			break
		}
		_, size := utf8.DecodeRune(line[i:])
		i, col = i+size, col+1
	}
	if got, past := cols.offset(1, line, col+7); got != len(line) || past != 7 {
		t.Errorf("7 columns past the end: byte %d, past %d", got, past)
	}
}

// BenchmarkLongLinePrinters prints one long line with Chinese and a
// finding in every sentence, doubling the line: time and memory per run
// should double with it.
func BenchmarkLongLinePrinters(b *testing.B) {
	for _, name := range []string{"text", "rdjsonl"} {
		format, _ := Lookup(name)
		for _, n := range []int{1 << 19, 1 << 20, 1 << 21} {
			r := longLineReport(n)
			b.Run(fmt.Sprintf("%s/bytes=%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					if err := format.New(Options{}).Print(io.Discard, r); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
