// Package input prepares the files termlint checks: it finds them (Walk)
// and reads each into a Document whose Masked copy hides everything that is
// not prose a translator wrote, such as code, URLs, markup and front matter.
//
// A reader never cuts a file into pieces: the matcher scans Masked, which is
// the file byte for byte with the hidden bytes set to 0, so every position
// found in it is a position in the file as read, and line and column
// arithmetic needs no mapping table.
//
// # What is checked
//
// Plain text: everything. Markdown (goldmark, CommonMark with the GitHub
// extensions and footnotes): the text of paragraphs, headings, list items,
// block quotes, table cells, footnotes, link text and image alt text, and
// the spaces and emphasis marks (* _ ~) between the pieces of one block, so
// that a phrase may span emphasis. Hidden are front matter (YAML between
// "---" lines, TOML between "+++" lines), code blocks and spans, link and
// image destinations and titles, autolinks and bare URLs, link reference
// definitions, HTML comments and tags. The text inside raw HTML blocks is
// read as HTML. HTML: text between tags, except in script, style, noscript,
// template, code, pre, kbd, samp, xmp and plaintext elements; tags with
// their attributes, comments and doctypes are hidden.
//
// Since a masked copy cannot change lengths, entities stay as written
// ("Belt&nbsp;and Road" is no phrase), and a phrase cannot span an HTML tag
// ("<em>Belt and Road</em> Initiative") or the '>' markers that continue a
// Markdown block quote on its next line.
//
// # Bilingual files
//
// A bilingual Document also has Segments: each pairs a stretch of Chinese
// with its English, as Spans whose Text is what the matchers scan and
// whose offsets map back into the file (or, for two files aligned by
// Align, into the Chinese file). Which side is the file's source language
// does not matter. Read decodes the file first (see Decode): UTF-8 with or
// without a byte order mark, UTF-16 with one (or recognised without), and
// GB18030/GBK by detection or by name; lines and columns count in the
// decoded text.
//
// TMX (1.4b and earlier) and XLIFF (1.2, including SDL and memoQ files,
// and 2.x) are read as XML, never expanding DTD entities: a reference to
// an entity other than XML's five is an error, as is malformed XML. A TMX
// unit with a Chinese variant (xml:lang, or the old lang attribute) pairs
// it with its English one. An XLIFF 1.2 trans-unit is a segment, or one
// per <mrk mtype="seg"> of its seg-source, paired with the target's by
// mid; an XLIFF 2 unit gives one per <segment>. The languages the file
// names say which side is Chinese; when it names fewer than two, the
// text's script does. A missing or blank translation marks the segment
// Untranslated. Headers, notes, alt-trans and matches, ignorables,
// originalData and whatever translate="no" marks are skipped. Inline,
// formatting (hi, g, pc, mrk) keeps its text, so a phrase may run
// through it; placeholders and native code (bpt, ept, it, ph, ut, x, bx,
// ex, sc, ec, sm, em) become a 0 byte no phrase crosses. XML forbids "--"
// in a comment, so a directive there cannot give a " -- reason".
//
// Gettext catalogues (.po, .pot): each message's msgid and msgstr are a
// segment, continued strings joined and escapes decoded; a plural gives
// msgid with msgstr[0] and msgid_plural with msgstr[1]. The header's
// Language says which side is Chinese, else the side with more Chinese
// entries is. The header, comments, previous strings (#|), obsolete
// messages (#~) and messages without Chinese are skipped; an empty English
// side is untranslated; fuzzy messages are checked, since a reviewer sees
// them.
//
// CSV and TSV: each row's Chinese and English cells are a segment. The
// columns are named by Options, found from a header naming both languages
// (zh, chinese, source, 中文, 原文 / en, english, target, 英文, 译文), or
// found by script over the first 50 rows; a table whose columns cannot be
// found is not bilingual and yields nothing. CSV quoting follows RFC 4180;
// TSV has none.
//
// Text, Markdown and HTML whose paragraphs alternate Chinese and English
// pair each Chinese paragraph with the English one beside it. A paragraph
// is a run of non-blank lines in one script (plain text), a leaf block of
// goldmark's split the same way (Markdown), or a block element whose
// script is its nearest lang or xml:lang below body, else its text's
// (HTML). Both orders are tried, English first and Chinese first, and the
// one pairing more wins; with BilingualAuto a file is bilingual only when
// 80% of its Chinese and English paragraphs pair, so an English draft
// quoting a Chinese line stays English. On the Chinese side, markup and
// line breaks between two Han characters are dropped, so "周边**工作**"
// and a term wrapped over two lines read whole.
//
// # Suppression directives
//
// In Markdown and HTML, comments switch rules off for lines:
//
//	<!-- termlint-disable [names] -->            from this line on
//	<!-- termlint-enable [names] -->             ... up to and including this line
//	<!-- termlint-disable-next-line [names] -->  the next line with checked text
//
// In every format, a line containing "termlint:ignore [names]" is
// suppressed. Names are rule names, concept ids or Chinese terms, separated
// by commas or spaces; " -- " starts a reason that is not read
// ("<!-- termlint-disable deprecated -- quoting a 2013 speech -->").
// Without names a directive covers everything.
//
// An enable without names ends every open disable; with names, it ends
// those names in the disables that named them (a disable of everything
// ends only at an enable without names). A disable never enabled runs to
// the end of the file. A next-line directive skips blank lines, markup and
// further directives, so directives can be stacked. A comment that is not
// exactly a directive ("termlint-disabel") is an ordinary comment, and
// directives inside code are code.
package input

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// Document is one input file prepared for checking.
type Document struct {
	// Path is the file's name as given by the user or found by Walk:
	// slash-separated, relative when the input was relative, "-" for
	// standard input.
	Path string
	// Format is how Text was read.
	Format Format
	// Text is the file exactly as read.
	Text []byte
	// Masked is Text with every byte that must not be checked set to 0,
	// except '\n' and '\r', which are kept so that line structure stays
	// visible. len(Masked) == len(Text), and every non-zero byte of Masked
	// equals the byte of Text at the same offset.
	Masked []byte
	// Suppressions are the ranges of lines the file's directives switch
	// rules off for, sorted by their first line.
	Suppressions []Suppression
	// suppressionIndex is Suppressions indexed, made by Read.
	suppressionIndex *SuppressionIndex

	// Segments are the aligned Chinese and English pairs of a bilingual
	// file, in file order; nil for a document read as English only.
	Segments []Segment
	// ChinesePath and ChineseText are the Chinese file when the Chinese
	// side is a file of its own (check --source zh.txt --target en.txt):
	// the segments' Chinese spans point into ChineseText.
	ChinesePath string
	ChineseText []byte
	// Encoding is the encoding the file was decoded from into Text, which
	// is always UTF-8: "" for UTF-8 without a byte order mark.
	Encoding string
	// Notices are what a user should know about how the file was read
	// that did not stop it from being read, each naming the file and the
	// line and column it is about: invalid UTF-8 read as it is, Markdown
	// too pathological for the parser read as plain text.
	Notices []string
	// Quoted are the stretches of Text that quote another text, as the
	// file's markup shows them: a Markdown file's block quotes.
	// Quotation marks are found by the checker, in any format.
	Quoted []Range
	// Titles are a Markdown file's italic stretches that read as titles
	// ("*The Governance of China*"): a title quotes its author where it
	// holds more than the phrase itself.
	Titles []Range
	// References are the text of a Markdown file's reference lists (under
	// a heading such as References or 参考文献): titles cited, not used.
	References []Range
	// blocks are the leaf blocks the Markdown or HTML reader saw, kept
	// for pairing paragraphs.
	blocks []paragraph
}

// Range is a stretch of a file's bytes, Text[Start:End].
type Range struct{ Start, End int }

// Bilingual reports whether d was read as a bilingual file.
func (d *Document) Bilingual() bool { return d.Segments != nil }

// ChineseSource returns the path and text the Chinese spans point into.
func (d *Document) ChineseSource() (path string, text []byte) {
	if d.ChineseText != nil {
		return d.ChinesePath, d.ChineseText
	}
	return d.Path, d.Text
}

// Suppression switches rules off for a range of lines.
type Suppression struct {
	// FromLine and ToLine are 1-based and inclusive; ToLine is the file's
	// last line for a disable that is never enabled again.
	FromLine, ToLine int
	// Names are what the directive named, as written: rule names
	// ("inconsistent", "deprecated"), concept ids or Chinese terms. Empty
	// means everything.
	Names []string
}

// Covers reports whether s switches off anything called by one of names on
// line: a suppression without names covers every name. Names compare
// without regard to case, so "Deprecated" in a directive still counts.
func (s Suppression) Covers(line int, names ...string) bool {
	if line < s.FromLine || line > s.ToLine {
		return false
	}
	if len(s.Names) == 0 {
		return true
	}
	for _, n := range names {
		for _, m := range s.Names {
			if strings.EqualFold(n, m) {
				return true
			}
		}
	}
	return false
}

// Suppressed reports whether any of d's suppressions covers line for one
// of names. A rule passes its own name with the concept's id and Chinese
// term, so that a directive may name any of them.
func (d *Document) Suppressed(line int, names ...string) bool {
	return d.SuppressionIndex().Covers(line, names...)
}

// SuppressionIndex returns d's suppressions indexed for Suppressed, nil
// when there are none. Read indexes them once; a Document made by hand
// has its Suppressions indexed on each call.
func (d *Document) SuppressionIndex() *SuppressionIndex {
	if d.suppressionIndex != nil {
		return d.suppressionIndex
	}
	if len(d.Suppressions) == 0 {
		return nil
	}
	return NewSuppressionIndex(d.Suppressions)
}

// Format is the syntax a file is read with.
type Format int

// The formats Read knows.
const (
	// Auto reads a file in the format its name and content say.
	Auto Format = iota
	// PlainText is read as it is: everything is checked.
	PlainText
	// Markdown is CommonMark with the GitHub extensions (tables,
	// strikethrough, task lists, bare URLs) and footnotes.
	Markdown
	// HTML is an HTML or XHTML document or fragment.
	HTML
	// TMX is a translation memory (TMX 1.4 and earlier).
	TMX
	// XLIFF is an XLIFF 1.2 or 2.x document.
	XLIFF
	// PO is a gettext catalogue (.po, .pot).
	PO
	// CSV and TSV are tables with a Chinese and an English column.
	CSV
	TSV
)

// String returns the format's lower-case name.
func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	case TMX:
		return "tmx"
	case XLIFF:
		return "xliff"
	case PO:
		return "po"
	case CSV:
		return "csv"
	case TSV:
		return "tsv"
	case Auto:
		return "auto"
	}
	return "text"
}

// FormatOf returns the format a file is read with by its name's extension
// (case-insensitive): .md .markdown .mdx are Markdown; .html .htm .xhtml
// are HTML; .tmx is TMX; .xlf .xliff .xlif .sdlxliff .mqxliff are XLIFF;
// .po .pot are PO; .csv is CSV; .tsv .tab are TSV; anything else,
// including "-" for standard input, is PlainText.
func FormatOf(name string) Format {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".md", ".markdown", ".mdx":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".tmx":
		return TMX
	case ".xlf", ".xliff", ".xlif", ".sdlxliff", ".mqxliff":
		return XLIFF
	case ".po", ".pot":
		return PO
	case ".csv":
		return CSV
	case ".tsv", ".tab":
		return TSV
	}
	return PlainText
}

// sniffFormat looks at the start of an XML file for the root element of a
// translation format, so that "memory.xml" is read as the TMX it is.
func sniffFormat(text []byte) Format {
	head := text[:min(len(text), 2048)]
	switch {
	case bytes.Contains(head, []byte("<tmx")):
		return TMX
	case bytes.Contains(head, []byte("<xliff")):
		return XLIFF
	}
	return PlainText
}

// Bilingual says whether text, Markdown and HTML files are read as
// bilingual: whether their Chinese and English paragraphs are paired into
// segments. Translation formats (TMX, XLIFF, PO, CSV, TSV) are bilingual
// unless it is BilingualOff.
type Bilingual int

// The bilingual modes.
const (
	// BilingualAuto pairs paragraphs when the file alternates Chinese and
	// English throughout.
	BilingualAuto Bilingual = iota
	// BilingualOff reads every file as English only; the markup of the
	// XML formats is hidden as HTML's is.
	BilingualOff
	// BilingualOn pairs the paragraphs of every text, Markdown and HTML
	// file, and fails on one that has nothing to pair.
	BilingualOn
)

// Options say how to read a file. The zero value reads it as its name and
// content say.
type Options struct {
	// Format, unless Auto, is the format to read.
	Format Format
	// Bilingual says whether to pair Chinese and English paragraphs.
	Bilingual Bilingual
	// Encoding, unless "", is the file's encoding by name ("gb18030",
	// "gbk", "utf-16le", ...); otherwise it is detected (see Decode).
	Encoding string
	// ChineseColumn and EnglishColumn name the columns of a CSV or TSV
	// file, by header or 1-based number; "" detects them.
	ChineseColumn, EnglishColumn string
}

// ErrBinary is wrapped by the error Read returns for a file that looks
// binary rather than text: a NUL byte in its first 8,000 bytes, as git
// tells them apart, once UTF-16 has been ruled out. A run over many files
// skips such a file with a notice; it is no error.
var ErrBinary = errors.New("binary file")

// binaryPrefix is how many bytes of a file are looked at for a NUL byte.
const binaryPrefix = 8000

// Read prepares a file for checking in the format its name and content say
// (see FormatOf), detecting bilingual files. It keeps data as
// Document.Text without copying it when data is UTF-8.
//
// The error is for input that cannot be read at all: an undecodable
// encoding, malformed XML, a bilingual file whose columns cannot be found.
// It names the file, and the line and column where they apply. Should a
// parser ever panic on an input, Read returns an error naming the file
// instead, so that a run over many files goes on.
func Read(name string, data []byte) (*Document, error) {
	return ReadWith(name, data, Options{})
}

// ReadAs prepares a file for checking in the given format, for input whose
// name says nothing, such as standard input.
func ReadAs(name string, data []byte, f Format) (*Document, error) {
	return ReadWith(name, data, Options{Format: f})
}

// ReadWith prepares a file for checking as opts say.
func ReadWith(name string, data []byte, opts Options) (_ *Document, err error) {
	f := opts.Format
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: cannot read as %v: %v", name, f, r)
		}
	}()
	text, enc, err := Decode(data, opts.Encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if i := bytes.IndexByte(text[:min(len(text), binaryPrefix)], 0); i >= 0 {
		return nil, fmt.Errorf("%s: skipped: %w (a NUL byte)", position(name, text[:i+1], newLineIndex(text[:i+1]), i), ErrBinary)
	}
	if f == Auto {
		f = FormatOf(name)
		if f == PlainText && strings.EqualFold(path.Ext(name), ".xml") {
			f = sniffFormat(text)
		}
	}
	if opts.Bilingual == BilingualOff {
		switch f {
		case TMX, XLIFF:
			f = HTML
		case PO, CSV, TSV:
			f = PlainText
		}
	}
	d := &Document{Path: name, Format: f, Text: text, Encoding: enc}
	lines := newLineIndex(text)
	// Only UTF-8 is returned as read; every other decoder makes valid
	// UTF-8. (Decode looked already when it chose UTF-8, but an ASCII
	// file passes utf8.Valid at several GB/s, so it is not worth
	// threading its answer through.)
	if (enc == "" || enc == "utf-8-bom") && !utf8.Valid(text) {
		i := invalidUTF8(text)
		d.Notices = append(d.Notices, notice(name, text, lines, i,
			fmt.Sprintf("invalid UTF-8 (byte 0x%02X), read as it is; if the file is in another encoding, name it with --encoding", text[i])))
	}
	if f == Markdown {
		if off, why := MarkdownTooHard(text); off >= 0 {
			d.Notices = append(d.Notices, notice(name, text, lines, off, why+": read as plain text, not Markdown"))
			f, d.Format = PlainText, PlainText
		}
	}
	var dirs []directive
	switch f {
	case Markdown:
		d.Masked, dirs, d.blocks, d.Quoted, d.Titles, d.References = readMarkdown(text)
	case HTML:
		d.Masked, dirs, d.blocks = readHTML(text)
	case TMX:
		d.Segments, dirs, err = readTMX(text)
	case XLIFF:
		d.Segments, dirs, err = readXLIFF(text)
	case PO:
		d.Segments, err = readPO(text)
	case CSV, TSV:
		sep := ','
		if f == TSV {
			sep = '\t'
		}
		d.Segments, err = readTable(text, sep, opts.ChineseColumn, opts.EnglishColumn)
	default:
		d.Masked = bytes.Clone(text)
		if d.Masked == nil {
			d.Masked = []byte{}
		}
	}
	if err != nil {
		return nil, positioned(name, text, lines, err)
	}
	switch f {
	case TMX, XLIFF, PO, CSV, TSV: // only the segments are text
		if d.Segments == nil {
			d.Segments = []Segment{}
		}
		d.Masked = maskSegments(text, d.Segments)
	default:
		if opts.Bilingual != BilingualOff {
			var un *unpaired
			if d.Segments, un, err = pairParagraphs(d, opts.Bilingual == BilingualOn); err != nil {
				return nil, positioned(name, text, lines, err)
			}
			if un != nil {
				d.Notices = append(d.Notices, notice(name, text, lines, un.offset, un.why))
			}
		}
	}
	d.Suppressions = suppressions(d.Text, d.Masked, lines, dirs)
	if len(d.Suppressions) > 0 {
		d.suppressionIndex = NewSuppressionIndex(d.Suppressions)
	}
	return d, nil
}

// notice formats a notice about the byte at offset: "file:line:col: msg".
func notice(name string, text []byte, lines *lineIndex, offset int, msg string) string {
	return position(name, text, lines, offset) + ": " + msg
}

// position formats the place of the byte at offset as "file:line:col",
// the column in code points.
func position(name string, text []byte, lines *lineIndex, offset int) string {
	off := min(max(offset, 0), len(text))
	line := lines.line(off)
	start, _ := lines.bounds(line)
	return fmt.Sprintf("%s:%d:%d", name, line, utf8.RuneCount(text[start:max(start, off)])+1)
}

// DecodeStrict decodes data as Decode does, for a reader that needs valid
// text (an importer, whose strings go into a glossary): text that is still
// not valid UTF-8 is an error naming the file, line and column of the
// first bad byte.
func DecodeStrict(name string, data []byte, encoding string) ([]byte, error) {
	text, enc, err := Decode(data, encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if (enc == "" || enc == "utf-8-bom") && !utf8.Valid(text) {
		i := invalidUTF8(text)
		return nil, fmt.Errorf("%s: invalid UTF-8 (byte 0x%02X); if the file is in another encoding, name it with --encoding", position(name, text, newLineIndex(text), i), text[i])
	}
	return text, nil
}

// invalidUTF8 returns the offset of the first byte of text that is not
// valid UTF-8.
func invalidUTF8(text []byte) int {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(text)
}

// positioned names the file in a reader's error, and the line and column
// (in code points) of a SyntaxError.
func positioned(name string, text []byte, lines *lineIndex, err error) error {
	var se *SyntaxError
	if !errors.As(err, &se) {
		return fmt.Errorf("%s: %w", name, err)
	}
	return fmt.Errorf("%s: %s", position(name, text, lines, se.Offset), se.Msg)
}

// maskSegments hides everything of a translation file but the text of its
// segments' exact pieces, so that next-line directives skip markup.
func maskSegments(text []byte, segs []Segment) []byte {
	masked := newMask(text)
	for _, s := range segs {
		for _, sp := range []*Span{&s.Chinese, &s.English} {
			for _, p := range sp.pieces {
				if p.exact && p.off+p.fileN <= len(text) {
					copy(masked[p.off:p.off+p.fileN], text[p.off:p.off+p.fileN])
				}
			}
		}
	}
	return masked
}

// lineIndex converts byte offsets to 1-based line numbers. A line ends at
// '\n', as the matcher's line table has it, so CRLF and LF files number
// their lines alike.
type lineIndex struct {
	text   []byte
	starts []int // byte offset where each line starts
}

func newLineIndex(text []byte) *lineIndex {
	l := &lineIndex{text: text, starts: []int{0}}
	for i, c := range text {
		if c == '\n' && i+1 < len(text) {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// line returns the 1-based line of the byte at offset.
func (l *lineIndex) line(offset int) int {
	lo, hi := 0, len(l.starts) // the answer is the last start <= offset
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// count returns the number of lines: a final '\n' does not start another
// line, and an empty text has one, empty, line.
func (l *lineIndex) count() int { return len(l.starts) }

// bounds returns the byte range of a 1-based line, without its '\n'.
func (l *lineIndex) bounds(line int) (start, end int) {
	start, end = l.starts[line-1], len(l.text)
	if line < len(l.starts) {
		end = l.starts[line]
	}
	if end > start && l.text[end-1] == '\n' {
		end--
	}
	return start, end
}
