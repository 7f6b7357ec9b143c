// Package table reads and writes glossaries as tables: CSV and TSV, the
// shape CAT tools and spreadsheets exchange, and the Markdown tables
// translation repositories keep in README.md or GLOSSARY.md.
//
// # CSV and TSV
//
// Write writes one row per rendering under the header
//
//	zh,en,status,styles,sources,note
//
// with encoding/csv, quoting a cell only where needed. styles and sources
// (the distinct sources of the rendering's seen entries) hold several ids
// joined by "; " (listSeparator), the separator spreadsheet users read as
// a list and that no termlint id contains. A style in which the rendering
// has a status of its own (status_in) is written style=status after the
// others: "official; literal=preferred".
//
// What the table carries: each concept's zh; each rendering's en, status,
// styles, status per style, the ids of the sources it was seen in, and
// note. What it loses: concept ids (Read makes new ones from the
// Chinese), zh_variants, pinyin, gloss, tags, notes, family, parts,
// related and examples; a rendering's forms, shared flag, phrase type and
// context patterns (Write keeps to the header above, which CAT tools and
// termlint's documentation know; a table written by hand may give the
// last two in the columns phrase, context_require and context_exclude);
// a seen entry's date, url and quote (and how often
// a rendering was seen in one source); the definitions of sources and
// styles (Read recreates those it meets with kind "other" and "imported
// from <file>"); concepts without renderings; and spaces around a cell's
// text, which Read trims.
//
// Read takes the header's columns in any order and case, by these names
// and aliases:
//
//	zh       Chinese, 中文, source, term, zh-CN, zh-Hans, 汉语, 原文, 术语, ...
//	en       English, 英文, target, translation, en-US, 英语, 译文, 译名, ...
//	status   状态 (preferred, admitted, deprecated, superseded, or TBX's
//	         preferredTerm-admn-sts ...; any case; empty is admitted)
//	styles   style, 风格 (items style=status give a style's own status)
//	sources  seen, 来源, 出处
//	note     notes, comment, remark, 备注, 注释
//	id       a concept id, used when it is a lowercase slug
//	pinyin   拼音
//	forms    abbreviation, abbr, acronym, 缩写 (joined like styles)
//	gloss    definition, description, 释义, 定义
//	phrase   phrase type (noun, verb, adjective, adverbial, clause)
//	context_require, context_exclude
//	         context patterns ("China's _"), joined like styles
//	date     日期, year, 年份: the date of the row's seen entries
//	         (YYYY, YYYY-MM or YYYY-MM-DD; 2024/5/1 and 2024年5月 too);
//	         a dated row that names no source is seen in the file itself
//	         (a source named after it, "terms.csv": "terms-csv")
//
// The en cell is read as a Markdown table's English cell is (below):
// several renderings are split apart, a leading article dropped, a
// bracketed acronym made a form and another bracketed note the
// rendering's note, before the note column's. A row's status is its
// first rendering's; when it is preferred, the others are admitted.
//
// An unknown column is ignored with a warning, a file without a zh or an
// en column is an error. Rows with one zh (compared as termlint compares
// Chinese) are one concept, their renderings in row order; a repeated
// zh and en merges into the first row's rendering. A row without zh or en
// is skipped with a warning. Read tolerates a byte order mark, blank lines
// and rows longer or shorter than the header (with a warning). TSV is
// read with CSV's quoting, as Excel writes it; when its quotes break
// CSV's rules (a quote inside an unquoted cell), the file is read again
// with encoding/csv's LazyQuotes, with a warning: quotes inside a cell
// are then text, but a cell that starts with a quote loses that quote.
//
// # Markdown tables
//
// ReadMarkdown reads every table of a Markdown file (GitHub Flavored
// Markdown, parsed with goldmark) that has a Chinese and an English
// column:
//
//   - Columns are found by header: Chinese by 中文, 术语, 原文, 汉语, 简体,
//     Chinese, zh, term ...; English by English, 英文, 英语, 译文, 译名,
//     翻译, 英译, translation, en ...; the concept's notes by 解释, 说明,
//     备注, 注释, 释义, 含义, notes, comment, definition, description ...;
//     pinyin by 拼音 or pinyin; abbreviations by 缩写, 简称, abbreviation.
//     Either order works. Where the cells contradict the header (原文 |
//     译文 over English and Chinese), the cells win, with a warning.
//   - A table whose header names no Chinese or no English column has them
//     found by their cells, the column mostly in Chinese and the one mostly
//     in Latin letters, with a warning; a table with neither is skipped,
//     with a warning if its header named a glossary column or it has a
//     Chinese column.
//   - Cells lose their inline Markdown (emphasis, code and links keep
//     their text); escaped pipes, entities and <br> are read as text and
//     a line break.
//   - The English cell is split into renderings on line breaks, ";", "；",
//     "、", "|", "/", "或", and on commas ("," and "，") and " or " where
//     the pieces read as renderings, never inside brackets or quotes; see
//     splitEnglish for the rule. "friendship, sincerity, mutual benefit
//     and inclusiveness" stays one rendering.
//   - A leading "the", "a" or "an" (any case) is dropped: it is how
//     the phrase reads in a sentence, not part of the term. A rendering
//     that is only the article keeps it.
//   - A rendering's trailing parenthetical is a form when it is an
//     abbreviation ("Belt and Road Initiative (BRI)"), a status when it is
//     a marker ((deprecated), (avoid), (旧译), (弃用), (不推荐) ...:
//     deprecated; (superseded)), else the rendering's note. Struck-through
//     renderings (~~periphery~~) are deprecated.
//   - The Chinese cell may hold variants separated by "/", "、", "，" (the
//     first is zh, the others zh_variants) and pinyin in brackets, written
//     with tone marks or numbers; other bracketed text goes to the notes.
//   - The first rendering of each row (not marked deprecated) is preferred
//     in MarkdownOptions.Style, or preferred with no style when Style is
//     empty, unless the concept already prefers another; the others are
//     admitted. Every rendering is seen in MarkdownOptions.Source, by
//     default a source named after the file in lower case
//     ("GLOSSARY.md" and "Glossary.md": "glossary-md").
//   - Rows repeating a Chinese term add to its concept. Positions are the
//     lines of the rows.
package table
