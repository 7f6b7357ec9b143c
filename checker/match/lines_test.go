package match

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

func TestLinesPosition(t *testing.T) {
	text := []byte("ab\r\n周边 x\n\nlast")
	tests := []struct {
		offset, line, column int
	}{
		{0, 1, 1},
		{2, 1, 3},  // the \r ends line 1
		{3, 1, 4},  // and so does the \n
		{4, 2, 1},  // 周
		{7, 2, 2},  // 边: columns count code points, not bytes
		{10, 2, 3}, // the space
		{11, 2, 4}, // x
		{12, 2, 5}, // \n
		{13, 3, 1}, // an empty line
		{14, 4, 1},
		{18, 4, 5},   // the end of the text
		{-3, 1, 1},   // clamped
		{1000, 4, 5}, // clamped
	}
	l := NewLines(text)
	for _, tt := range tests {
		line, column := l.Position(tt.offset)
		if line != tt.line || column != tt.column {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, line, column, tt.line, tt.column)
		}
	}
}

func TestLinesAgreeWithCounting(t *testing.T) {
	for _, text := range []string{"", "\n", "a\n", "\r\n\r\n", "one\r\ntwo “三” four\n\nfive 六\n", "no newline"} {
		l := NewLines([]byte(text))
		line, column := 1, 1
		for off := 0; off <= len(text); {
			if gl, gc := l.Position(off); gl != line || gc != column {
				t.Errorf("%q: Position(%d) = %d:%d, want %d:%d", text, off, gl, gc, line, column)
			}
			if off == len(text) {
				break
			}
			r, size := utf8.DecodeRuneInString(text[off:])
			if r == '\n' {
				line, column = line+1, 1
			} else {
				column++
			}
			off += size
		}
	}
}

func TestLinesOfMatches(t *testing.T) {
	m := compile("community with a shared future")
	text := []byte("第一行\r\n“A community with a\r\nshared future”")
	ms := m.Find(text)
	if len(ms) != 1 {
		t.Fatalf("Find = %v, want one match", ms)
	}
	l := NewLines(text)
	if line, col := l.Position(ms[0].Start); line != 2 || col != 4 {
		t.Errorf("start at %d:%d, want 2:4", line, col)
	}
	if line, col := l.Position(ms[0].End); line != 3 || col != 14 {
		t.Errorf("end at %d:%d, want 3:14", line, col)
	}
}

// TestLinesLongLineAgreesWithCounting checks the marks of long lines
// against counting from the line's start, at every offset of lines with
// Chinese, invalid UTF-8 and characters that straddle the marks' stride.
func TestLinesLongLineAgreesWithCounting(t *testing.T) {
	var b []byte
	for i := range 300 {
		b = append(b, "ab 周边\xe5\x91 𐐀x"[i%9:]...)
		if i%97 == 0 {
			b = append(b, '\n')
		}
	}
	l := NewLines(b)
	start, line := 0, 1
	for off := 0; off <= len(b); off++ {
		gl, gc := l.Position(off)
		if want := utf8.RuneCount(b[start:off]) + 1; gl != line || gc != want {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, gl, gc, line, want)
		}
		if off < len(b) && b[off] == '\n' {
			start, line = off+1, line+1
		}
	}
}

// longChineseLine returns one line of about n bytes of English with a
// Chinese word in every sentence, and the offset of each word's start.
func longChineseLine(n int) (text []byte, offsets []int) {
	for len(text) < n {
		offsets = append(offsets, len(text))
		text = append(text, "The policy of 周边 diplomacy was restated. "...)
	}
	return text, offsets
}

// TestLinesLongLineIsLinear bounds the bytes Position counts for every
// sentence of one long line with Chinese in it: they grow as the line
// does, not as its square (issue 20, item 3).
func TestLinesLongLineIsLinear(t *testing.T) {
	counted := 0
	countPositionBytes = func(n int) { counted += n }
	defer func() { countPositionBytes = nil }()
	// work returns the bytes counted and the positions asked for.
	work := func(n int) (int, int) {
		text, offsets := longChineseLine(n)
		l := NewLines(text)
		counted = 0
		for _, off := range offsets {
			l.Position(off)
			l.Position(off + 20)
		}
		return counted, 2 * len(offsets)
	}
	for _, n := range []int{1 << 16, 1 << 17, 1 << 18} {
		small, _ := work(n)
		large, positions := work(2 * n)
		if float64(large) > 2.2*float64(small) {
			t.Errorf("a line of %d bytes counted %d bytes for its positions, %.1f times the %d of %d bytes; want about 2", 2*n, large, float64(large)/float64(small), small, n)
		}
		if large > positions*markStride {
			t.Errorf("%d positions on a line of %d bytes counted %d bytes; want at most %d each", positions, 2*n, large, markStride)
		}
	}
}

// BenchmarkLinesLongLine times the positions of every sentence of one
// long line with Chinese in it, doubling the line: time and memory per
// run should double with it.
func BenchmarkLinesLongLine(b *testing.B) {
	for _, n := range []int{1 << 19, 1 << 20, 1 << 21} {
		text, offsets := longChineseLine(n)
		b.Run(fmt.Sprintf("bytes=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				l := NewLines(text)
				for _, off := range offsets {
					l.Position(off)
				}
			}
		})
	}
}
