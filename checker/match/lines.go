package match

import (
	"bytes"
	"unicode/utf8"
)

// Lines converts byte offsets in a text to 1-based lines and columns, as
// findings report them. Columns count Unicode code points. A line ends at
// "\n"; a "\r" before it belongs to the line it ends, so CRLF text has the
// same columns as LF text.
//
// Each Position costs a binary search and counts at most markStride bytes:
// a long line that is not ASCII keeps marks, the column of a character
// every markStride bytes, so that a file of one long line with Chinese in
// it costs no more per position than a short one.
type Lines struct {
	text   []byte
	starts []int  // byte offset of each line's start
	ascii  []bool // whether each line is ASCII, so its columns are bytes
	// marks holds, for each non-ASCII line longer than markStride, the
	// offsets and columns of characters about markStride bytes apart, in
	// order, the line's start first.
	marks map[int][]lineMark
}

// lineMark is a character start on a long line and its 0-based column.
type lineMark struct{ offset, column int }

// markStride is how many bytes apart the marks of a long line are: the
// most a Position counts.
const markStride = 256

// countPositionBytes, when a test sets it, is told how many bytes each
// Position counts, to bound its work.
var countPositionBytes func(bytes int)

// NewLines indexes the line starts of text once, and the marks of its
// long non-ASCII lines, so that each Position is a binary search.
func NewLines(text []byte) *Lines {
	l := &Lines{text: text, starts: []int{0}}
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j + 1
		}
		ascii := isASCII(text[i:end])
		l.ascii = append(l.ascii, ascii)
		if !ascii && end-i > markStride {
			l.markLine(len(l.ascii)-1, i, end)
		}
		if j < 0 {
			break
		}
		i = end
		l.starts = append(l.starts, i)
	}
	return l
}

// markLine keeps the marks of line n, text[start:end]. Characters are
// decoded as utf8.RuneCount decodes them, so that counting from a mark
// gives the column counting from the line's start gives.
func (l *Lines) markLine(n, start, end int) {
	if l.marks == nil {
		l.marks = make(map[int][]lineMark)
	}
	marks := make([]lineMark, 0, (end-start)/markStride+1)
	marks = append(marks, lineMark{start, 0})
	next := start + markStride
	column := 0
	for i := start; i < end; column++ {
		if i >= next {
			marks = append(marks, lineMark{i, column})
			next = i + markStride
		}
		if c := l.text[i]; c < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(l.text[i:end])
		i += size
	}
	l.marks[n] = marks
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Position returns the 1-based line and column of the byte at offset, which
// is clamped to the text (len(text) is the position after the last
// character). An offset inside a multi-byte character counts the
// character's bytes up to it as columns.
func (l *Lines) Position(offset int) (line, column int) {
	offset = max(0, min(offset, len(l.text)))
	// The last line start at or before offset; binary searches written
	// out, as a closure passed to sort.Search would cost an allocation
	// for every position.
	n, hi := 0, len(l.starts)
	for n+1 < hi {
		mid := int(uint(n+hi) >> 1)
		if l.starts[mid] <= offset {
			n = mid
		} else {
			hi = mid
		}
	}
	start := l.starts[n]
	if l.ascii[n] {
		return n + 1, offset - start + 1
	}
	from := lineMark{start, 0}
	if marks := l.marks[n]; marks != nil {
		k, hi := 0, len(marks)
		for k+1 < hi {
			mid := int(uint(k+hi) >> 1)
			if marks[mid].offset <= offset {
				k = mid
			} else {
				hi = mid
			}
		}
		from = marks[k]
	}
	if countPositionBytes != nil {
		countPositionBytes(offset - from.offset)
	}
	return n + 1, from.column + countRunes(l.text[from.offset:offset]) + 1
}

// countRunes counts code points as utf8.RuneCount does, without the
// string conversion with which it allocates on non-ASCII text.
func countRunes(b []byte) int {
	n := 0
	for i := 0; i < len(b); n++ {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return n
}
