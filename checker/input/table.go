package input

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tableSampleRows is how many rows after the first decide, by their
// script, which columns are the Chinese and the English ones: enough that
// a few untranslated rows or numbers do not tip the count, few enough that
// detection costs nothing on a large table.
const tableSampleRows = 50

// readTable reads a CSV (sep ',') or TSV (sep '\t') table with a Chinese
// and an English column as segments, one for each row, in file order.
//
// chineseColumn and englishColumn name the columns by header
// (case-insensitive) or by 1-based number; a name that is a number is a
// number. A column not named is detected: by the header, when the first
// row names a Chinese column (zh, zh-CN, chinese, source, 中文, 原文, ...)
// and an English one (en, en-US, english, target, translation, 英文,
// 译文, ...), or else by script, as the column whose cells are mostly
// Chinese and the column whose cells are mostly English over the
// tableSampleRows rows after the first (see mostlyColumn for a choice
// between several). A first row whose Chinese cell is not Chinese is
// taken for a header with names of its own ("key,text,rendering").
//
// A column named but absent is an error. A table whose columns cannot be
// detected yields no segments and no error: a CSV file that is not a
// bilingual table (a data export, a list of names) has nothing to check,
// and a run over a whole repository must not fail on it.
//
// Rows whose Chinese cell is empty are skipped, as there is nothing to
// look terms up in; rows whose English cell is empty (or blank) are
// Untranslated. Other columns are not read. A segment's ID is "row N",
// counting records from 1 with the header, as a spreadsheet numbers its
// rows; a record whose quoted cell spans lines is one row.
//
// CSV follows RFC 4180 as encoding/csv reads it, except that a quote
// inside an unquoted cell is the cell's text (see csvQuoted). TSV has no
// quoting: cells are split at tabs and lines at line breaks.
func readTable(text []byte, sep rune, chineseColumn, englishColumn string) ([]Segment, error) {
	var rows []tableRow
	var err error
	if sep == '\t' {
		rows = tsvRows(text)
	} else if rows, err = csvRows(text, sep); err != nil {
		return nil, err
	}
	segs := []Segment{}
	if len(rows) == 0 {
		return segs, nil
	}
	zh, en, header, err := tableColumns(rows, chineseColumn, englishColumn)
	if err != nil || zh < 0 || en < 0 {
		return segs, err
	}
	if header {
		rows = rows[1:]
	}
	segs = make([]Segment, 0, len(rows))
	for _, r := range rows {
		zhCell, enCell := r.cell(zh), r.cell(en)
		if strings.TrimSpace(zhCell.text) == "" {
			continue
		}
		s := Segment{ID: fmt.Sprintf("row %d", r.n), Chinese: zhCell.span(text, sep)}
		if strings.TrimSpace(enCell.text) == "" {
			s.Untranslated = true
		} else {
			s.English = enCell.span(text, sep)
		}
		segs = append(segs, s)
	}
	return segs, nil
}

// tableRow is one record of a table.
type tableRow struct {
	n     int // 1-based record number
	cells []tableCell
}

// cell returns the row's i-th cell, or an empty one past its end.
func (r tableRow) cell(i int) tableCell {
	if i < len(r.cells) {
		return r.cells[i]
	}
	return tableCell{}
}

// tableCell is one cell of a table as read, with where it stands in the
// file.
type tableCell struct {
	text string
	// off is the offset of the cell's first byte: its opening quote when
	// quoted.
	off    int
	quoted bool
}

// span maps the cell's text back into the file: an unquoted cell is the
// file's bytes as they stand, a quoted cell needs its escapes mapped.
func (c tableCell) span(file []byte, sep rune) Span {
	if !c.quoted {
		return exactSpan(file, c.off, c.off+len(c.text))
	}
	var b spanBuilder
	_ = csvQuoted(&b, file, c.off, sep) // csvRows has seen it end well
	return b.span()
}

// csvQuoted reads the quoted CSV cell whose opening quote is at file[q]
// into b (when not nil) as encoding/csv does: a doubled quote is one
// quote, and "\r\n" is "\n".
//
// encoding/csv reads with LazyQuotes, because the unquoted cells of real
// tables quote words ("他说"周边"", or a note quoting a phrase); but a
// stray quote in a quoted cell is an error here, as csv, reading it
// lazily, would run the cell on over the separators and line breaks that
// follow until some quote happens to end it, swallowing rows. So is a
// quoted cell never closed.
func csvQuoted(b *spanBuilder, file []byte, q int, sep rune) error {
	run := q + 1
	for i := q + 1; i < len(file); i++ {
		switch {
		case file[i] == '"':
			if b != nil {
				b.copy(run, file[run:i])
			}
			rest := file[i+1:]
			switch r, _ := utf8.DecodeRune(rest); {
			case r == '"':
				if b != nil {
					b.decoded(i, 2, []byte{'"'})
				}
				i++
				run = i + 1
				continue
			case len(rest) == 0, r == sep, r == '\n',
				bytes.HasPrefix(rest, []byte("\r\n")), len(rest) == 1 && r == '\r':
				return nil
			}
			return &SyntaxError{Offset: i, Msg: `stray " in a quoted cell: double it ("") or end the cell before a separator or line break`}
		case file[i] == '\r' && i+1 < len(file) && file[i+1] == '\n':
			if b != nil {
				b.copy(run, file[run:i])
				b.decoded(i, 2, []byte{'\n'})
			}
			i++
			run = i + 1
		}
	}
	return &SyntaxError{Offset: q, Msg: "quoted cell not closed: it runs to the end of the file"}
}

// csvRows reads the records of a CSV table, locating each field with
// encoding/csv's FieldPos.
func csvRows(text []byte, sep rune) ([]tableRow, error) {
	lines := newLineIndex(text)
	offset := func(line, col int) int {
		if line < 1 || line > len(lines.starts) {
			return len(text)
		}
		return min(lines.starts[line-1]+col-1, len(text))
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1 // a short row is an empty cell, not an error
	r.ReuseRecord = true
	r.LazyQuotes = true // see csvQuoted
	var rows []tableRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			// Reading lazily, csv finds no syntax errors (csvQuoted
			// does), and a bytes.Reader fails on nothing.
			return nil, err
		}
		row := tableRow{n: len(rows) + 1, cells: make([]tableCell, len(rec))}
		for i, field := range rec {
			off := offset(r.FieldPos(i))
			quoted := off < len(text) && text[off] == '"'
			if quoted {
				if err := csvQuoted(nil, text, off, sep); err != nil {
					return nil, err
				}
			}
			row.cells[i] = tableCell{text: field, off: off, quoted: quoted}
		}
		rows = append(rows, row)
	}
}

// tsvRows splits a TSV table into records, skipping empty lines as
// encoding/csv does.
func tsvRows(text []byte) []tableRow {
	var rows []tableRow
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(text)-start, len(text)
		}
		end += start
		if end > start && text[end-1] == '\r' {
			end--
		}
		if end > start {
			row := tableRow{n: len(rows) + 1}
			for off := start; ; {
				tab := bytes.IndexByte(text[off:end], '\t')
				if tab < 0 {
					row.cells = append(row.cells, tableCell{text: string(text[off:end]), off: off})
					break
				}
				row.cells = append(row.cells, tableCell{text: string(text[off : off+tab]), off: off})
				off += tab + 1
			}
			rows = append(rows, row)
		}
		start = next
	}
	return rows
}

// Header names of the Chinese and English columns besides language tags,
// lower-case.
var (
	chineseColumnNames = []string{"chinese", "source", "src", "中文", "原文", "汉语", "简体中文", "源文", "源语言"}
	englishColumnNames = []string{"english", "target", "tgt", "translation", "英文", "译文", "英语", "英译", "目标语言"}
)

// columnScript says which side a header cell names, NoScript for neither.
func columnScript(name string) Script {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, n := range chineseColumnNames {
		if name == n {
			return Chinese
		}
	}
	for _, n := range englishColumnNames {
		if name == n {
			return English
		}
	}
	return LanguageScript(name)
}

// tableColumns returns the 0-based indexes of the Chinese and English
// columns, -1 for a column not found, and whether the first row is a
// header. Its error is for a column named but absent.
func tableColumns(rows []tableRow, chineseColumn, englishColumn string) (zh, en int, header bool, err error) {
	first := rows[0]
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	// named finds a column the user named, by number or by header.
	named := func(name string) (int, error) {
		if n, err := strconv.Atoi(strings.TrimSpace(name)); err == nil {
			if n < 1 || n > width {
				return -1, fmt.Errorf("no column %d: the table has %d columns", n, width)
			}
			return n - 1, nil
		}
		names := make([]string, len(first.cells))
		for i, c := range first.cells {
			names[i] = c.text
			if strings.EqualFold(strings.TrimSpace(c.text), strings.TrimSpace(name)) {
				header = true
				return i, nil
			}
		}
		return -1, fmt.Errorf("no column named %q; the header has %s", name, strings.Join(names, ", "))
	}
	zh, en = -1, -1
	if chineseColumn != "" {
		if zh, err = named(chineseColumn); err != nil {
			return -1, -1, false, err
		}
	}
	if englishColumn != "" {
		if en, err = named(englishColumn); err != nil {
			return -1, -1, false, err
		}
	}
	if zh >= 0 && zh == en {
		return -1, -1, false, fmt.Errorf("the Chinese and the English column are both column %d", zh+1)
	}
	// A header names both sides; a row of data rarely has the cells
	// "zh" and "en".
	hzh, hen := -1, -1
	for i, c := range first.cells {
		switch columnScript(c.text) {
		case Chinese:
			if hzh < 0 {
				hzh = i
			}
		case English:
			if hen < 0 {
				hen = i
			}
		}
	}
	if hzh >= 0 && hen >= 0 {
		header = true
		if zh < 0 && hzh != en {
			zh = hzh
		}
		if en < 0 && hen != zh {
			en = hen
		}
	}
	if zh < 0 || en < 0 {
		// The first row is left out even when it is no header we know,
		// as it may be one with names of its own, unless it is all there is.
		sample := rows
		if len(rows) > 1 {
			sample = sample[1:]
		}
		sample = sample[:min(len(sample), tableSampleRows)]
		if zh < 0 {
			zh = mostlyColumn(sample, width, Chinese, en, false)
		}
		if en < 0 {
			en = mostlyColumn(sample, width, English, zh, true)
		}
	}
	if !header && zh >= 0 && ScriptOf([]byte(first.cell(zh).text)) != Chinese {
		header = true // a header with names of its own: "id,text,translation"
	}
	return zh, en, header, nil
}

// mostlyColumn returns the column other than near whose non-empty cells
// in rows are mostly in script, or -1. Of several, it takes those with at
// least half as many cells in script as the column with most (a column
// partly translated has fewer cells filled than a column of notes, but a
// stray cell makes no column), and of these the leftmost when near < 0,
// else the nearest to column near, to its right on a tie when right is
// set: a translation tends to stand next to its original, with keys and
// notes further out, and the original first.
func mostlyColumn(rows []tableRow, width int, script Script, near int, right bool) int {
	counts := make([]int, width)
	most := 0
	for i := range width {
		if i == near {
			continue
		}
		count, filled := 0, 0
		for _, r := range rows {
			text := r.cell(i).text
			if strings.TrimSpace(text) == "" {
				continue
			}
			filled++
			if ScriptOf([]byte(text)) == script {
				count++
			}
		}
		if 2*count > filled {
			counts[i] = count
			most = max(most, count)
		}
	}
	best, bestDistance := -1, 0
	for i, count := range counts {
		if count == 0 || 2*count < most {
			continue
		}
		if near < 0 {
			return i
		}
		d := 2 * (i - near)
		if d < 0 {
			d = -d
		}
		if (i > near) != right {
			d++ // the other side loses a tie
		}
		if best < 0 || d < bestDistance {
			best, bestDistance = i, d
		}
	}
	return best
}
