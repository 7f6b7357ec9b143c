package input

import (
	"bytes"
	"fmt"
)

// goldmark, like every CommonMark parser, has inputs on which its time or
// memory grows faster than the input: lists and quotations nested
// hundreds of levels deep, a paragraph of thousands of unclosed links,
// emphasis marks or code spans, thousands of footnotes, a table whose
// header of a thousand columns pads each of a thousand short rows. A
// file of a megabyte can then take minutes. termlint runs unattended over
// files nobody vetted, so a Markdown file past one of these limits is read
// as plain text instead, with a notice. The limits are far beyond what a
// document written by people has, and where they sit goldmark still takes
// well under a second (the pathological-input tests).
const (
	// maxNestingColumns is the widest run of list and quotation markers,
	// with the indentation between them, a line may start with.
	maxNestingColumns = 256
	// maxBracketsPerBlock, maxEmphasisPerBlock and maxBackticksPerBlock
	// bound the "[", the "*" and "_" and the "`" of one block (a run of
	// lines without a blank one).
	maxBracketsPerBlock  = 2_000
	maxEmphasisPerBlock  = 20_000
	maxBackticksPerBlock = 50_000
	// maxPaddedCells and paddedCellsPerByte bound the cells a table's rows
	// leave out, which goldmark makes for each row up to the header's
	// width: maxPaddedCells, and paddedCellsPerByte more for each byte of
	// the block. Cells written cost time in proportion to the input, so a
	// table of any number of rows is read; one whose header is far wider
	// than its rows is not.
	maxPaddedCells     = 50_000
	paddedCellsPerByte = 8
	// maxFootnoteRefs bounds the "[^" of a file.
	maxFootnoteRefs = 5_000
)

// MarkdownTooHard returns the offset of the line where data first goes past
// one of the limits above and what it is, or -1.
func MarkdownTooHard(data []byte) (offset int, why string) {
	if n := bytes.Count(data, []byte("[^")); n > maxFootnoteRefs {
		return bytes.Index(data, []byte("[^")), fmt.Sprintf("%d footnote references (more than %d)", n, maxFootnoteRefs)
	}
	var brackets, emphasis, backticks int
	// The table of the block: the cells of its header (counted as the
	// header line's pipes, an upper bound), the pipes of the line before,
	// the cells its rows left out, and where the block starts.
	headerPipes, lastPipes, padded, blockStart := 0, -1, 0, 0
	for i := 0; i < len(data); {
		line, next := lineAt(data, i)
		if len(bytes.TrimSpace(line)) == 0 {
			brackets, emphasis, backticks = 0, 0, 0
			headerPipes, lastPipes, padded, blockStart = 0, -1, 0, next
			i = next
			continue
		}
		if w := nestingColumns(line); w > maxNestingColumns {
			return i, fmt.Sprintf("a line nested %d columns deep in lists and quotations (more than %d)", w, maxNestingColumns)
		}
		brackets += bytes.Count(line, []byte("["))
		emphasis += bytes.Count(line, []byte("*")) + bytes.Count(line, []byte("_"))
		pipes := bytes.Count(line, []byte("|"))
		switch {
		case lastPipes >= 0 && isDelimiterRow(line):
			headerPipes = max(headerPipes, lastPipes)
		case headerPipes > pipes:
			padded += headerPipes - pipes
		}
		lastPipes = pipes
		backticks += bytes.Count(line, []byte("`"))
		switch {
		case brackets > maxBracketsPerBlock:
			return i, fmt.Sprintf("a paragraph with more than %d brackets", maxBracketsPerBlock)
		case emphasis > maxEmphasisPerBlock:
			return i, fmt.Sprintf("a paragraph with more than %d emphasis marks", maxEmphasisPerBlock)
		case padded > maxPaddedCells+paddedCellsPerByte*(next-blockStart):
			return i, fmt.Sprintf("a table whose rows leave out more of its header's cells than %d and %d for each byte", maxPaddedCells, paddedCellsPerByte)
		case backticks > maxBackticksPerBlock:
			return i, fmt.Sprintf("a paragraph with more than %d backticks", maxBackticksPerBlock)
		}
		i = next
	}
	return -1, ""
}

// isDelimiterRow reports whether line is the row of a table that
// separates the header from the body: pipes, hyphens, colons and spaces,
// with a hyphen and a pipe.
func isDelimiterRow(line []byte) bool {
	if bytes.IndexByte(line, '-') < 0 || bytes.IndexByte(line, '|') < 0 {
		return false
	}
	for _, c := range line {
		switch c {
		case '|', '-', ':', ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

// nestingColumns returns the width of the list and quotation markers a
// line starts with, and of the indentation among them, or 0 when it starts
// with none: indentation alone is an indented code block, one level.
func nestingColumns(line []byte) int {
	width, markers := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			width++
		case c == '\t':
			width += 4
		case c == '>':
			width++
			markers++
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return width * min(markers, 1)
			}
			width++
			markers++
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j >= len(line) || line[j] != '.' && line[j] != ')' {
				return width * min(markers, 1)
			}
			width += j + 1 - i
			markers++
			i = j + 1
			continue
		default:
			return width * min(markers, 1)
		}
		i++
	}
	return width * min(markers, 1)
}
