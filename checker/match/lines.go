package match

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines converts byte offsets in a text to 1-based lines and columns, as
// findings report them. Columns count Unicode code points. A line ends at
// "\n"; a "\r" before it belongs to the line it ends, so CRLF text has the
// same columns as LF text.
type Lines struct {
	text   []byte
	starts []int  // byte offset of each line's start
	ascii  []bool // whether each line is ASCII, so its columns are bytes
}

// NewLines indexes the line starts of text once, so that each Position
// is a binary search.
func NewLines(text []byte) *Lines {
	l := &Lines{text: text, starts: []int{0}}
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j + 1
		}
		l.ascii = append(l.ascii, isASCII(text[i:end]))
		if j < 0 {
			break
		}
		i = end
		l.starts = append(l.starts, i)
	}
	return l
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
	n := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	start := l.starts[n]
	if l.ascii[n] {
		return n + 1, offset - start + 1
	}
	return n + 1, utf8.RuneCount(l.text[start:offset]) + 1
}
