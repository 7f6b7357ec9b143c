package printer

import "unicode/utf8"

// columnStride is how many code points apart the marks of a long line
// are: the most a column lookup walks.
const columnStride = 256

// lineColumns finds the byte offsets of code point columns on the lines
// of one text. A short line is walked from its start; a long one is walked
// once, keeping the offset of every columnStride-th column, so that a text
// of one long line with many findings costs findings + line length, not
// their product (issue 20, item 2).
type lineColumns struct {
	// marks holds, by 1-based line number, the byte offsets of columns
	// 0, columnStride, 2*columnStride and so on of a long line.
	marks map[int][]int
}

// countWalk, when a test sets it, is told how many bytes each column
// lookup decodes, to bound their work.
var countWalk func(bytes int)

// offset returns the byte offset in line, line number n of its text, of
// the 0-based code point column col, and how many columns col lies past
// the line's end (0 when it is on the line).
func (c *lineColumns) offset(n int, line []byte, col int) (offset, past int) {
	if col <= 0 {
		return 0, -col
	}
	from, left := 0, col
	if len(line) > 2*columnStride {
		marks, ok := c.marks[n]
		if !ok {
			marks = markColumns(line)
			if c.marks == nil {
				c.marks = make(map[int][]int)
			}
			c.marks[n] = marks
		}
		k := min(col/columnStride, len(marks)-1)
		from, left = marks[k], col-k*columnStride
	}
	i := from
	for ; left > 0 && i < len(line); left-- {
		_, size := utf8.DecodeRune(line[i:])
		i += size
	}
	if countWalk != nil {
		countWalk(i - from)
	}
	return i, left
}

// markColumns returns the byte offsets of every columnStride-th column of
// line, column 0 first.
func markColumns(line []byte) []int {
	marks := []int{0}
	col := 0
	for i := 0; i < len(line); col++ {
		if col > 0 && col%columnStride == 0 {
			marks = append(marks, i)
		}
		_, size := utf8.DecodeRune(line[i:])
		i += size
	}
	if countWalk != nil {
		countWalk(len(line))
	}
	return marks
}
