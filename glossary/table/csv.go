package table

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
)

// exportColumns is the header row Write writes, one column per field of
// a rendering that the format carries; readOnlyColumns are the columns
// Read understands besides, for fields a table written by hand may give.
var (
	exportColumns   = []string{"zh", "en", "status", "styles", "sources", "note"}
	readOnlyColumns = []string{"id", "pinyin", "forms", "gloss", "phrase", "context_require", "context_exclude", "date"}
)

// statusSeparator joins a style and the rendering's status in it in a
// styles cell: "official; literal=preferred" (a style id holds no "=").
const statusSeparator = "="

// listSeparator joins the items of a multi-valued cell (styles, sources,
// forms). Read splits such cells on ";" (or the full-width "；") and trims
// the items, so "a;b" reads as well as "a; b".
const listSeparator = "; "

// Write writes g as a table under the header zh,en,status,styles,sources,
// note, one row per rendering, concepts and renderings in g's order: comma
// ',' writes CSV, '\t' TSV.
// Cells are quoted only where needed (encoding/csv: a cell holding the
// comma, a quote or a line break, or starting with a space). styles
// lists the rendering's styles, then each style with a status of its own
// as style=status (status_in); sources lists the distinct sources of the
// rendering's seen entries in order. A rendering's phrase type and
// context patterns are not written: the header is the one CAT tools and
// the documentation know (see the package documentation for what Read
// takes of them).
func Write(w io.Writer, g *glossary.Glossary, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if err := cw.Write(exportColumns); err != nil {
		return err
	}
	for _, c := range g.Concepts {
		for _, r := range c.Renderings {
			var sources []string
			for _, s := range r.Seen {
				if s.Source != "" && !slices.Contains(sources, s.Source) {
					sources = append(sources, s.Source)
				}
			}
			status := r.Status
			if status == "" {
				status = glossary.Admitted
			}
			styles := slices.Clone(r.Styles)
			for _, s := range slices.Sorted(maps.Keys(r.StatusIn)) {
				styles = append(styles, s+statusSeparator+string(r.StatusIn[s]))
			}
			row := []string{c.ZH, englishCell(r.EN), string(status), strings.Join(styles, listSeparator), strings.Join(sources, listSeparator), r.Note}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// A column is what a column of an imported table holds.
type column int

const (
	colUnknown column = iota
	colZH
	colEN
	colStatus
	colStyles
	colSources
	colNote
	colID
	colPinyin
	colForms
	colGloss
	colPhrase
	colContextRequire
	colContextExclude
	colDate
)

// csvColumns names the columns Read understands, by header folded with
// foldHeader: termlint's own names first, then what CAT tools and
// spreadsheets call them.
var csvColumns = map[string]column{
	"zh": colZH, "chinese": colZH, "中文": colZH, "source": colZH, "term": colZH,
	"zh-cn": colZH, "zh-hans": colZH, "zh-hant": colZH, "zh-tw": colZH, "zh-hk": colZH,
	"cn": colZH, "chinese-term": colZH, "source-term": colZH, "汉语": colZH, "原文": colZH,
	"术语": colZH, "中文术语": colZH, "简体中文": colZH, "source-text": colZH,

	"en": colEN, "english": colEN, "英文": colEN, "target": colEN, "translation": colEN,
	"en-us": colEN, "en-gb": colEN, "english-term": colEN, "target-term": colEN,
	"rendering": colEN, "英语": colEN, "译文": colEN, "译名": colEN, "英文术语": colEN,
	"target-text": colEN,

	"status": colStatus, "状态": colStatus, "term-status": colStatus,
	"administrative-status": colStatus, "administrativestatus": colStatus,

	"styles": colStyles, "style": colStyles, "风格": colStyles,

	"sources": colSources, "seen": colSources, "seen-in": colSources, "出处": colSources, "来源": colSources,

	"note": colNote, "notes": colNote, "备注": colNote, "comment": colNote, "comments": colNote,
	"remark": colNote, "remarks": colNote, "注释": colNote,

	"id": colID, "concept-id": colID,
	"pinyin": colPinyin, "拼音": colPinyin,
	"forms": colForms, "form": colForms, "abbreviation": colForms, "abbreviations": colForms,
	"abbr": colForms, "acronym": colForms, "缩写": colForms,
	"gloss": colGloss, "definition": colGloss, "description": colGloss, "释义": colGloss, "定义": colGloss,
	"phrase": colPhrase, "phrase-type": colPhrase,
	"context-require": colContextRequire, "context-exclude": colContextExclude,
	"date": colDate, "日期": colDate, "year": colDate, "年份": colDate, "seen-date": colDate,
}

// foldHeader folds a header cell for csvColumns: lower case, trimmed,
// spaces and underscores as hyphens ("Source Term", "zh_CN").
func foldHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.TrimSuffix(strings.TrimSuffix(h, ":"), "：")
	return strings.Join(strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), "-")
}

// statusNames maps the statuses Read accepts, folded to lower case, to
// glossary statuses: termlint's names and TBX's picklist values.
var statusNames = map[string]glossary.Status{
	"preferred": glossary.Preferred, "admitted": glossary.Admitted,
	"deprecated": glossary.Deprecated, "superseded": glossary.Superseded,
	"preferredterm-admn-sts": glossary.Preferred, "admittedterm-admn-sts": glossary.Admitted,
	"deprecatedterm-admn-sts": glossary.Deprecated, "supersededterm-admn-sts": glossary.Superseded,
}

// Read reads a table such as Write writes (comma ',' for CSV, '\t' for
// TSV) into a glossary. The header row names the columns in any order and
// case, by termlint's names or common aliases (see the package
// documentation); rows with one zh are one concept, their renderings in
// row order. A fatal problem is the error, its message "name:line:col:
// what", one line per problem; warnings are returned as Problems.
func Read(name string, data []byte, comma rune) (*glossary.Glossary, glossary.Problems, error) {
	g, warnings, err := readTable(name, data, comma, false)
	var pe *csv.ParseError
	if comma == '\t' && errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote)) {
		// Spreadsheets write TSV with quotes in cells as they are; read
		// the file again taking such quotes as text.
		g, warnings, err = readTable(name, data, comma, true)
		lines := newLines(bytes.TrimPrefix(data, bom))
		w := glossary.Problem{Pos: glossary.Pos{File: name, Line: pe.Line, Column: lines.col(pe.Line, pe.Column)}, Severity: glossary.Warning,
			Message: fmt.Sprintf("quotes do not follow CSV rules (%v); reading quotes leniently", pe.Err)}
		warnings = append(glossary.Problems{w}, warnings...)
	}
	if err != nil {
		if errors.As(err, &pe) {
			lines := newLines(bytes.TrimPrefix(data, bom))
			msg := pe.Err.Error()
			if pe.StartLine != pe.Line {
				msg += fmt.Sprintf(" (in the row starting at line %d)", pe.StartLine)
			}
			err = importError(fmt.Sprintf("%s:%d:%d: %s", name, pe.Line, lines.col(pe.Line, pe.Column), msg))
		}
		return nil, nil, err
	}
	return g, warnings, nil
}

var bom = []byte("\uFEFF")

func readTable(name string, data []byte, comma rune, lazy bool) (*glossary.Glossary, glossary.Problems, error) {
	data = bytes.TrimPrefix(data, bom)
	lines := newLines(data)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = lazy
	b := newBuilder(name)
	cellPos := func(i int) glossary.Pos {
		line, col := cr.FieldPos(i)
		return b.pos(line, lines.col(line, col))
	}

	// The header is the first row with a cell that is not blank.
	var header []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil, nil, importError(fmt.Sprintf("%s: the file is empty; it needs a header row naming a zh and an en column", name))
		}
		if err != nil {
			return nil, nil, err
		}
		if !blank(rec) {
			header = rec
			break
		}
	}
	headerLine, _ := cr.FieldPos(0)
	cols := make([]column, len(header))
	at := map[column]int{}
	var unknown []string
	var unknownAt glossary.Pos
	for i, h := range header {
		col := csvColumns[foldHeader(h)]
		switch {
		case col == colUnknown:
			if len(unknown) == 0 {
				unknownAt = cellPos(i)
			}
			unknown = append(unknown, strings.TrimSpace(h))
			continue
		case slices.Contains(cols, col):
			b.warnf(cellPos(i), "column %q holds what column %q holds; ignored", strings.TrimSpace(h), strings.TrimSpace(header[at[col]]))
			continue
		}
		cols[i] = col
		at[col] = i
	}
	for _, need := range []struct {
		col           column
		field, please string
	}{
		{colZH, "zh", "zh, Chinese, 中文, source or term"},
		{colEN, "en", "en, English, 英文, target or translation"},
	} {
		if _, ok := at[need.col]; !ok {
			return nil, nil, importError(fmt.Sprintf("%s:%d: no %s column in the header %q; name it %s", name, headerLine, need.field, strings.Join(header, string(comma)), need.please))
		}
	}
	if len(unknown) > 0 {
		b.warnf(unknownAt, "unknown %s %s ignored (known: %s)", plural(len(unknown), "column", "columns"), quoteAll(unknown), strings.Join(slices.Concat(exportColumns, readOnlyColumns), ", "))
	}

	rows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			b.warnf(b.pos(line, 1), "the row has %d %s, the header %d", len(rec), plural(len(rec), "cell", "cells"), len(header))
		}
		// cell returns the trimmed cell of col and its position: for a
		// cell the row lacks, the row's start.
		cell := func(col column) (string, glossary.Pos) {
			i, ok := at[col]
			if !ok || i >= len(rec) {
				return "", b.pos(line, 1)
			}
			return strings.TrimSpace(rec[i]), cellPos(i)
		}
		zh, zhAt := cell(colZH)
		en, enAt := cell(colEN)
		if zh == "" || en == "" {
			missing, p := "zh", zhAt
			if zh != "" {
				missing, p = "en", enAt
			}
			b.warnf(p, "the row has no %s; skipped", missing)
			continue
		}
		status, statusAt := cell(colStatus)
		st := glossary.Admitted
		if status != "" {
			var ok bool
			if st, ok = statusNames[strings.ToLower(status)]; !ok {
				b.errorf(statusAt, "unknown status %q; it must be one of preferred, admitted, deprecated, superseded", status)
				continue
			}
		}
		pieces := splitEnglish(en)
		if len(pieces) == 0 {
			b.warnf(enAt, "the row has no en; skipped")
			continue
		}
		rows++
		c := b.concept(zh, nil, zhAt)
		if id, p := cell(colID); id != "" {
			if glossary.IsID(id) {
				b.setField(c, "id", &c.id, id, p)
				if c.idPos.Line == 0 {
					c.idPos = p
				}
			} else {
				b.warnf(p, "id %q is not a lowercase slug of letters, digits and hyphens; %s gets a new id", id, zh)
			}
		}
		pinyin, p := cell(colPinyin)
		b.setField(c, "pinyin", &c.Pinyin, pinyin, p)
		gloss, p := cell(colGloss)
		b.setField(c, "gloss", &c.Gloss, gloss, p)
		date, dateAt := cell(colDate)
		if date != "" {
			d, ok := seenDate(date)
			if !ok {
				b.warnf(dateAt, "date %q is not written YYYY, YYYY-MM or YYYY-MM-DD; ignored", date)
			}
			date = d
		}
		for i, pc := range pieces {
			// The row's status is its first rendering's; the others of
			// a cell listing several are alternatives, admitted unless
			// the status or a marker ("(deprecated)") says less.
			st, status := st, status
			if i > 0 && st == glossary.Preferred {
				st, status = glossary.Admitted, ""
			}
			if status == "" && pc.status != "" {
				st, status = pc.status, string(pc.status)
			}
			b.csvRendering(c, pc, st, status != "", date, enAt, statusAt, cell)
		}
	}
	if err := b.err(); err != nil {
		return nil, nil, err
	}
	if rows == 0 {
		return nil, nil, importError(fmt.Sprintf("%s: no row has both a zh and an en", name))
	}
	return b.glossary(), b.warnings, nil
}

// csvRendering adds to c the rendering pc of a row: st is its status,
// explicit whether the row states it; date ("" for none) is the date of
// the row's seen entries. cell returns the row's cells. A problem in the
// row's cells is an error that leaves the rest of the rendering unread.
func (b *builder) csvRendering(c *concept, pc piece, st glossary.Status, explicit bool, date string, enAt, statusAt glossary.Pos, cell func(column) (string, glossary.Pos)) {
	r, isNew := b.rendering(c, pc.en, enAt)
	if explicit {
		if !isNew && c.explicit[r] && r.Status != st {
			b.warnf(statusAt, "%q of %s is %s at line %d; %s ignored", r.EN, c.ZH, r.Status, r.Pos.Line, st)
		} else {
			r.Status = st
			c.explicit[r] = true
		}
	}
	styles, stylesAt := cell(colStyles)
	if !b.readStyles(r, styles, stylesAt) {
		return
	}
	if phrase, p := cell(colPhrase); phrase != "" {
		phrase = strings.ToLower(phrase)
		switch {
		case !slices.Contains(glossary.PhraseTypes, phrase):
			b.errorf(p, "unknown phrase type %q; it must be one of %s", phrase, strings.Join(glossary.PhraseTypes, ", "))
			return
		case r.Phrase != "" && r.Phrase != phrase:
			b.warnf(p, "%q of %s is a %s phrase at line %d; %s ignored", r.EN, c.ZH, r.Phrase, r.Pos.Line, phrase)
		default:
			r.Phrase = phrase
		}
	}
	for _, list := range []struct {
		col column
		add func(*glossary.Context, string)
	}{
		{colContextRequire, func(ctx *glossary.Context, p string) { ctx.Require = append(ctx.Require, p) }},
		{colContextExclude, func(ctx *glossary.Context, p string) { ctx.Exclude = append(ctx.Exclude, p) }},
	} {
		patterns, p := cell(list.col)
		for _, pattern := range splitList(patterns) {
			if err := glossary.CheckContextPattern(pattern); err != nil {
				b.errorf(p, "context pattern %q: %v", pattern, err)
				continue
			}
			if r.Context == nil {
				r.Context = &glossary.Context{}
			}
			if !slices.Contains(r.Context.Require, pattern) && !slices.Contains(r.Context.Exclude, pattern) {
				list.add(r.Context, pattern)
			}
		}
	}
	sources, p := cell(colSources)
	names := splitList(sources)
	if len(names) == 0 && date != "" {
		// A seen entry needs a source: a dated row that names none was
		// seen in the file itself.
		names = []string{fileSource(b.base, "table")}
		if _, at := cell(colDate); at.Line > 0 {
			p = at
		}
	}
	for _, s := range names {
		title := ""
		if len(sources) == 0 {
			title = b.base
		}
		b.seen(r, b.source(s, title, p), date, p)
	}
	forms, _ := cell(colForms)
	for _, f := range slices.Concat(pc.forms, splitList(forms)) {
		if !slices.Contains(r.Forms, f) && f != r.EN {
			r.Forms = append(r.Forms, f)
		}
	}
	note, _ := cell(colNote)
	for _, n := range []string{pc.note, note} {
		b.addNote(&r.Note, n, listSeparator)
	}
	if x, s := b.conflict(c, r); x != nil {
		// Point at where the row makes r preferred in the style: its
		// styles cell for a status of the style's own.
		at := statusAt
		if _, own := r.StatusIn[s]; own && s != "" {
			at = stylesAt
		}
		b.errorf(at, "%s has two preferred renderings %s: %q (line %d) and %q", c.ZH, inStyle(s), x.EN, x.Pos.Line, r.EN)
	}
}

// seenDate reads a date cell as a glossary date: YYYY, YYYY-MM or
// YYYY-MM-DD, also written with "/" or "." ("2024/5/1") or as
// spreadsheets write a date with a time ("2024-05-01 00:00:00"), or
// 2024年5月1日. It reports false, with "", for anything else.
func seenDate(s string) (string, bool) {
	s, _, _ = strings.Cut(strings.TrimSpace(s), " ")
	s, _, _ = strings.Cut(s, "T")
	s = strings.TrimSuffix(s, "日")
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("-/.年月", r) })
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return "", false
	}
	for i := 1; i < len(parts); i++ {
		if len(parts[i]) == 1 {
			parts[i] = "0" + parts[i]
		}
	}
	d := strings.Join(parts, "-")
	if !glossary.IsDate(d) {
		return "", false
	}
	return d, true
}

// readStyles reads a styles cell into r: ids, and style=status for a style
// with a status of its own (status_in). A style given both ways is one
// with its own status. It reports false, with an error, for an unknown
// status.
func (b *builder) readStyles(r *glossary.Rendering, cell string, p glossary.Pos) bool {
	for _, item := range splitList(cell) {
		name, status, own := strings.Cut(item, statusSeparator)
		id := b.style(strings.TrimSpace(name), p)
		if !own {
			if !r.InStyle(id) {
				r.Styles = append(r.Styles, id)
			}
			continue
		}
		st, ok := statusNames[strings.ToLower(strings.TrimSpace(status))]
		if !ok {
			b.errorf(p, "unknown status %q of style %q; it must be one of preferred, admitted, deprecated, superseded", strings.TrimSpace(status), strings.TrimSpace(name))
			return false
		}
		if r.StatusIn == nil {
			r.StatusIn = map[string]glossary.Status{}
		}
		r.StatusIn[id] = st
		r.Styles = slices.DeleteFunc(r.Styles, func(s string) bool { return s == id })
	}
	return true
}

// blank reports whether every cell of rec is blank.
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// splitList splits a multi-valued cell on ";" or "；", dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' }) {
		if item = strings.TrimSpace(item); item != "" && !slices.Contains(out, item) {
			out = append(out, item)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func quoteAll(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// lines finds lines of a file by number, to turn the byte columns
// encoding/csv and goldmark report into columns counting code points.
type lines struct {
	data  []byte
	start []int // start[i] is the offset of line i+1
}

func newLines(data []byte) *lines {
	l := &lines{data: data, start: []int{0}}
	for i, c := range data {
		if c == '\n' {
			l.start = append(l.start, i+1)
		}
	}
	return l
}

// col converts a 1-based byte column of line to one counting code points.
func (l *lines) col(line, byteCol int) int {
	if line < 1 || line > len(l.start) || byteCol < 1 {
		return byteCol
	}
	s := l.start[line-1]
	e := min(s+byteCol-1, len(l.data))
	return utf8.RuneCount(l.data[s:e]) + 1
}

// at returns the line and code-point column of a byte offset.
func (l *lines) at(offset int) (line, col int) {
	i, found := slices.BinarySearch(l.start, offset)
	if !found {
		i--
	}
	return i + 1, utf8.RuneCount(l.data[l.start[i]:offset]) + 1
}
