package table

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MarkdownOptions says how ReadMarkdown records what it reads.
type MarkdownOptions struct {
	// Style is the id of the house style the first rendering of each row
	// is preferred in; it is created, described as imported from the
	// file. Empty makes that rendering preferred with no style.
	Style string
	// Source is the id of the source every rendering is seen in; it is
	// created with kind "other" and the file's base name as title. Empty
	// derives the id from the file's base name in any case ("GLOSSARY.md",
	// "Glossary.md" and "glossary.md": "glossary-md").
	Source string
}

// markdownParser parses GitHub Flavored Markdown's tables and
// strikethrough; parsers are safe for concurrent use.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// ReadMarkdown reads the glossary tables of a Markdown file, such as the
// README.md or GLOSSARY.md of a translation repository, into a glossary.
// Every table with a Chinese and an English column is read (see the
// package documentation for how columns are found and cells split); other
// tables are skipped. Positions are the lines of the rows.
func ReadMarkdown(name string, data []byte, opts MarkdownOptions) (*glossary.Glossary, glossary.Problems, error) {
	for _, o := range []struct{ what, id string }{{"style", opts.Style}, {"source", opts.Source}} {
		if o.id != "" && !glossary.IsID(o.id) {
			return nil, nil, fmt.Errorf("%s id %q must be a lowercase slug of letters, digits and hyphens, such as \"house\"", o.what, o.id)
		}
	}
	src := bytes.TrimPrefix(data, bom)
	m := &mdReader{b: newBuilder(name), src: src, lines: newLines(src), opts: opts}
	m.source = opts.Source
	if m.source == "" {
		m.source = fileSource(m.b.base, "markdown")
	}
	// goldmark takes minutes over some inputs (thousands of nested lists
	// or unclosed links); check reads such a file as plain text, but a
	// table can only be read as Markdown.
	if off, why := input.MarkdownTooHard(src); off >= 0 {
		line, col := m.lines.at(off)
		return nil, nil, importError(fmt.Sprintf("%s:%d:%d: too hard to read as Markdown: %s", name, line, col, why))
	}
	doc := markdownParser.Parse(text.NewReader(src))
	tables := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			if m.table(t) {
				tables++
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	switch {
	case tables == 0:
		return nil, nil, importError(fmt.Sprintf("%s: no table with a Chinese and an English column", name))
	case len(m.b.concepts) == 0:
		return nil, nil, importError(fmt.Sprintf("%s: no table row has both Chinese and English", name))
	}
	return m.b.glossary(), m.b.warnings, nil
}

// mdReader is the state of one ReadMarkdown.
type mdReader struct {
	b      *builder
	src    []byte
	lines  *lines
	opts   MarkdownOptions
	source string
}

// mdCell is a table cell's text (see cellText) and where it starts.
type mdCell struct {
	text string
	pos  glossary.Pos
}

// markdownColumns names the columns of Markdown glossaries by header,
// folded with foldHeader.
var markdownColumns = map[string]column{
	"中文": colZH, "术语": colZH, "原文": colZH, "汉语": colZH, "简体": colZH, "简体中文": colZH,
	"中文术语": colZH, "中文名": colZH, "中文名称": colZH, "中文词汇": colZH, "汉字": colZH, "词条": colZH,
	"中": colZH, "chinese": colZH, "zh": colZH, "zh-cn": colZH, "zh-hans": colZH, "cn": colZH,
	"chinese-term": colZH, "term": colZH, "source": colZH, "source-term": colZH,

	"english": colEN, "英文": colEN, "英语": colEN, "译文": colEN, "译名": colEN, "翻译": colEN,
	"英译": colEN, "英文翻译": colEN, "英文术语": colEN, "英文名": colEN, "英文名称": colEN,
	"英文译名": colEN, "参考译文": colEN, "推荐译法": colEN, "译法": colEN, "英": colEN,
	"translation": colEN, "translations": colEN, "en": colEN, "en-us": colEN, "en-gb": colEN,
	"english-term": colEN, "english-translation": colEN, "target": colEN, "rendering": colEN,
	"renderings": colEN,

	"解释": colNote, "说明": colNote, "备注": colNote, "注释": colNote, "释义": colNote, "含义": colNote,
	"注": colNote, "定义": colNote, "用法": colNote, "notes": colNote, "note": colNote,
	"comment": colNote, "comments": colNote, "remark": colNote, "remarks": colNote,
	"definition": colNote, "description": colNote, "explanation": colNote, "meaning": colNote,
	"context": colNote, "usage": colNote,

	"拼音": colPinyin, "pinyin": colPinyin,
	"缩写": colForms, "简称": colForms, "英文缩写": colForms, "abbreviation": colForms,
	"abbr": colForms, "abbr.": colForms, "acronym": colForms,
}

// headerKeywords name columns whose header is not in markdownColumns by a
// word it contains ("英文译名（官方）", "English rendering"), tried in order.
var headerKeywords = []struct {
	word string
	col  column
}{
	{"缩写", colForms}, {"abbr", colForms}, {"拼音", colPinyin}, {"pinyin", colPinyin},
	{"中文", colZH}, {"chinese", colZH}, {"汉", colZH},
	{"英文", colEN}, {"english", colEN}, {"英语", colEN}, {"译", colEN}, {"translat", colEN},
	{"说明", colNote}, {"备注", colNote}, {"解释", colNote}, {"note", colNote}, {"comment", colNote},
}

func headerColumn(h string) column {
	f := foldHeader(h)
	if c := markdownColumns[f]; c != colUnknown {
		return c
	}
	for _, k := range headerKeywords {
		if strings.Contains(f, k.word) {
			return k.col
		}
	}
	return colUnknown
}

// table reads one table and reports whether it was a glossary table.
func (m *mdReader) table(t *east.Table) bool {
	var header []mdCell
	var rows [][]mdCell
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []mdCell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, m.cell(c))
		}
		if _, ok := r.(*east.TableHeader); ok {
			header = cells
		} else {
			rows = append(rows, cells)
		}
	}
	if len(header) == 0 {
		return false
	}
	placeEmptyCells(header, rows, func(line int) glossary.Pos { return m.b.pos(line, 1) })
	at := m.b.pos(header[0].pos.Line, 1)
	cols := map[column]int{}
	named := false // a header names a column of a glossary
	for i, h := range header {
		c := headerColumn(stripStruck(h.text))
		if c == colUnknown {
			continue
		}
		named = true
		if _, dup := cols[c]; !dup {
			cols[c] = i
		}
	}
	cellsOf := func(i int) []string {
		var out []string
		for _, r := range rows {
			if i < len(r) {
				out = append(out, r[i].text)
			}
		}
		return out
	}
	zh, hasZH := cols[colZH]
	en, hasEN := cols[colEN]
	// A header may say 原文 | 译文 in a repository translating English
	// into Chinese: believe the cells over the header.
	if hasZH && hasEN && share(cellsOf(zh), isHan) < 0.5 && share(cellsOf(en), isHan) >= 0.5 && share(cellsOf(zh), isLatin) >= 0.5 {
		m.b.warnf(at, "the cells of column %q are English and those of column %q Chinese; read as such", header[zh].text, header[en].text)
		zh, en = en, zh
		cols[colZH], cols[colEN] = zh, en
	}
	headerIsRow := false
	if !hasZH || !hasEN {
		// Find the missing columns by their cells, among the columns the
		// header does not name.
		taken := map[int]bool{}
		for _, i := range cols {
			taken[i] = true
		}
		best := func(is func(string) bool) (int, bool) {
			bi, bs := -1, 0.5
			for i := range header {
				if s := share(cellsOf(i), is); !taken[i] && s >= bs && (bi < 0 || s > bs) {
					bi, bs = i, s
				}
			}
			return bi, bi >= 0
		}
		var found []string
		missingNames := map[[2]bool]string{{false, false}: "Chinese and English columns", {false, true}: "Chinese column", {true, false}: "English column"}[[2]bool{hasZH, hasEN}]
		if !hasZH {
			if zh, hasZH = best(isHan); hasZH {
				taken[zh] = true
				found = append(found, fmt.Sprintf("column %d (%q) as Chinese", zh+1, header[zh].text))
			}
		}
		if !hasEN {
			if en, hasEN = best(isRenderingLike); hasEN {
				found = append(found, fmt.Sprintf("column %d (%q) as English", en+1, header[en].text))
			}
		}
		if !hasZH || !hasEN {
			// Warn only about a table that looks like a glossary: one
			// whose header names a column of one, or with Chinese cells.
			if named || hasZH {
				missing := "Chinese"
				if hasZH {
					missing = "English"
				}
				m.b.warnf(at, "table skipped: no %s column (header %s)", missing, headerText(header))
			}
			return false
		}
		// A table of terms under a header of terms: the header row is a
		// row of the glossary.
		headerIsRow = !named && isHan(header[zh].text) && isRenderingLike(header[en].text)
		how := "by their cells"
		if headerIsRow {
			how = "by their cells, and the header row as a row of the glossary"
		}
		m.b.warnf(at, "no header names the %s; reading %s %s", missingNames, strings.Join(found, " and "), how)
	}
	if headerIsRow {
		rows = append([][]mdCell{header}, rows...)
	}
	for _, r := range rows {
		m.row(r, zh, en, cols)
	}
	return true
}

func headerText(cells []mdCell) string {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + stripStruck(c.text) + " |")
	}
	return b.String()
}

// row reads one row of a glossary table.
func (m *mdReader) row(r []mdCell, zhCol, enCol int, cols map[column]int) {
	cell := func(i int, ok bool) mdCell {
		if !ok || i >= len(r) {
			return mdCell{pos: m.b.pos(r[0].pos.Line, 1)}
		}
		return r[i]
	}
	zhCell, enCell := cell(zhCol, true), cell(enCol, true)
	if strings.TrimSpace(zhCell.text) == "" && strings.TrimSpace(enCell.text) == "" {
		return
	}
	zh := splitChinese(zhCell.text)
	if zh.zh == "" {
		m.b.warnf(zhCell.pos, "the row has no Chinese; skipped")
		return
	}
	pieces := splitEnglish(enCell.text)
	if len(pieces) == 0 {
		m.b.warnf(enCell.pos, "the row has no English; skipped")
		return
	}
	c := m.b.concept(zh.zh, zh.variants, zhCell.pos)
	i, ok := cols[colPinyin]
	py := cell(i, ok)
	pinyin := strings.TrimSpace(py.text)
	if !isPinyin(pinyin) {
		pinyin = zh.pinyin
	}
	m.b.setField(c, "pinyin", &c.Pinyin, pinyin, py.pos)
	var notes []string
	if zh.note != "" {
		notes = append(notes, zh.note)
	}
	if i, ok := cols[colNote]; ok {
		if n := strings.Join(strings.Fields(stripStruck(cell(i, ok).text)), " "); n != "" {
			notes = append(notes, n)
		}
	}
	for _, n := range notes {
		m.b.addNote(&c.Notes, n, "\n")
	}
	if i, ok := cols[colForms]; ok {
		if forms := acronyms(strings.TrimSpace(cell(i, ok).text)); forms != nil {
			pieces[0].forms = append(pieces[0].forms, forms...)
		}
	}

	first := true // the row's first rendering not marked deprecated
	for _, p := range pieces {
		rd, _ := m.b.rendering(c, p.en, enCell.pos)
		m.b.seen(rd, m.b.source(m.source, m.b.base, enCell.pos), "", enCell.pos)
		for _, f := range p.forms {
			if !containsFold(rd.Forms, f) && !strings.EqualFold(f, rd.EN) {
				rd.Forms = append(rd.Forms, f)
			}
		}
		m.b.addNote(&rd.Note, p.note, listSeparator)
		switch {
		case p.status != "":
			if rd.Status == glossary.Preferred {
				m.b.warnf(enCell.pos, "%q of %s is marked %s here but preferred at line %d; kept preferred", rd.EN, c.ZH, p.status, rd.Pos.Line)
			} else {
				rd.Status = p.status
			}
		case first:
			first = false
			m.prefer(c, rd, enCell.pos)
		}
		m.b.notePreferred(c, rd)
	}
}

// prefer makes rd preferred in the style of the import, unless the
// concept prefers another rendering there.
func (m *mdReader) prefer(c *concept, rd *glossary.Rendering, p glossary.Pos) {
	if rd.Status != glossary.Admitted {
		return
	}
	if x := m.b.preferredIn(c, m.opts.Style, rd); x != nil {
		m.b.warnf(p, "%s already has the preferred rendering %q %s (line %d); %q is admitted", c.ZH, x.EN, inStyle(m.opts.Style), x.Pos.Line, rd.EN)
		return
	}
	rd.Status = glossary.Preferred
	if m.opts.Style != "" {
		rd.Styles = append(rd.Styles, m.b.style(m.opts.Style, p))
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// cell returns a table cell's text: inline Markdown stripped (emphasis,
// code and links keep their text), escapes and entities resolved,
// struck-through text between struckOpen and struckClose, <br> a line
// break.
// placeEmptyCells gives the cells goldmark left without a position (a
// row of empty cells has no text to find) the line of their row, counted
// from a cell that has one: a GFM table row is one line, and the
// delimiter row follows the header. With no position anywhere, line 1.
func placeEmptyCells(header []mdCell, rows [][]mdCell, pos func(line int) glossary.Pos) {
	all := append([][]mdCell{header}, rows...)
	offset := func(i int) int { // the line of all[i] after the header's
		if i == 0 {
			return 0
		}
		return i + 1
	}
	headerLine := 1
	for i, r := range all {
		if j := slices.IndexFunc(r, func(c mdCell) bool { return c.pos.Line > 0 }); j >= 0 {
			headerLine = max(1, r[j].pos.Line-offset(i))
			break
		}
	}
	for i, r := range all {
		for j := range r {
			if r[j].pos.Line == 0 {
				r[j].pos = pos(headerLine + offset(i))
			}
		}
	}
}

func (m *mdReader) cell(n ast.Node) mdCell {
	var b strings.Builder
	m.inline(&b, n)
	c := mdCell{text: strings.TrimSpace(b.String())}
	if n.Lines().Len() > 0 {
		seg := n.Lines().At(0)
		start := seg.Start
		if seg.Len() == 0 {
			// goldmark puts an empty cell at the pipe that ends it: put
			// it after the pipe that starts it.
			for start > 0 && (m.src[start-1] == ' ' || m.src[start-1] == '\t') {
				start--
			}
		}
		line, col := m.lines.at(start)
		c.pos = m.b.pos(line, col)
	} else if n.Parent() != nil && n.Parent().FirstChild() != nil && n.Parent().FirstChild().Lines().Len() > 0 {
		line, _ := m.lines.at(n.Parent().FirstChild().Lines().At(0).Start)
		c.pos = m.b.pos(line, 1)
	}
	return c
}

func (m *mdReader) inline(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(m.src)
			if c.IsRaw() {
				b.Write(v)
			} else {
				b.Write(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v))))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(m.src))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(m.src))
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				raw = append(raw, s.Value(m.src)...)
			}
			if isBreak(raw) {
				b.WriteByte('\n')
			}
		case *ast.Image:
			// An icon or a picture says nothing a glossary needs.
		case *east.Strikethrough:
			b.WriteRune(struckOpen)
			m.inline(b, c)
			b.WriteRune(struckClose)
		default: // emphasis, links
			m.inline(b, c)
		}
	}
}

// isBreak reports whether raw HTML is a <br> tag.
func isBreak(raw []byte) bool {
	s := strings.ToLower(strings.TrimSpace(string(raw)))
	s = strings.TrimSuffix(strings.TrimSuffix(s, ">"), "/")
	return strings.TrimSpace(s) == "<br"
}

// isHan reports whether s is mostly Chinese: its Han characters are at
// least a third as many as its Latin letters ("G20峰会" is).
func isHan(s string) bool {
	han, latin := letters(s)
	return han > 0 && han*3 >= latin
}

// isLatin reports whether s is English rather than Chinese.
func isLatin(s string) bool {
	han, latin := letters(s)
	return latin > 0 && han*3 < latin
}

// isRenderingLike reports whether s, in a column no header names, could
// be an English rendering: English, beginning with a letter or digit, and
// not a handle, address or link (a table of contributors, | 姓名 | GitHub |,
// is not a glossary).
func isRenderingLike(s string) bool {
	s = strings.TrimSpace(s)
	if !isLatin(s) || strings.ContainsAny(s, "@") || strings.Contains(s, "://") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func letters(s string) (han, latin int) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	return han, latin
}

// share returns the share of the non-blank cells for which is holds.
func share(cells []string, is func(string) bool) float64 {
	n, yes := 0, 0
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		n++
		if is(c) {
			yes++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(yes) / float64(n)
}
