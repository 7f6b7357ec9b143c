package match

import (
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
