package input

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// readPO reads the entries of a gettext catalogue (.po, .pot) as segments,
// one for each msgid and its msgstr, in file order.
//
// Which side is Chinese is decided once for the file, so that an entry
// whose text is a number or a format string still pairs the right way: by
// the header's Language field (zh_CN: the msgstrs are Chinese and the
// msgids English; en: the msgids are Chinese), or, without a language
// either script names, by whether more msgids or more msgstrs are Chinese.
// A catalogue with no Chinese in it at all yields no segments, as there is
// nothing to look terms up in.
//
// Skipped are the header entry (the empty msgid), comments, obsolete
// entries (#~ lines) and previous strings (#| lines), and entries whose
// Chinese side is empty: an untranslated entry of an English-to-Chinese
// catalogue has no Chinese yet. An entry whose English side is empty is
// Untranslated.
//
// Fuzzy entries (#, fuzzy) are read like any other: a fuzzy msgstr is a
// draft translation that a reviewer will see and may well accept as it
// stands, so its terms are worth checking now.
//
// A plural entry yields two segments when its msgstr[1] is there: msgid
// with msgstr[0], then msgid_plural with msgstr[1]. Further plural forms
// are not read; English has two, and Chinese, with one, has no msgstr[1]
// at all, so that a Chinese translation pairs with the singular msgid only.
func readPO(text []byte) ([]Segment, error) {
	p := poParser{text: text}
	if err := p.parse(); err != nil {
		return nil, err
	}
	segs := []Segment{}
	msgidChinese, ok := p.direction()
	if !ok {
		return segs, nil
	}
	for _, e := range p.entries {
		id := string(e.ctxt.text)
		pluralID := id + " (plural)"
		if !e.hasCtxt {
			id, pluralID = fmt.Sprintf("line %d", e.idLine), fmt.Sprintf("line %d", e.pluralLine)
		}
		segs = appendPOSegment(segs, id, msgidChinese, e.id.span(), e.str[0].span())
		if e.hasPlural && e.hasStr[1] {
			segs = appendPOSegment(segs, pluralID, msgidChinese, e.plural.span(), e.str[1].span())
		}
	}
	return segs, nil
}

// appendPOSegment appends the segment of a msgid and its msgstr, unless
// its Chinese side is empty.
func appendPOSegment(segs []Segment, id string, msgidChinese bool, msgid, msgstr Span) []Segment {
	zh, en := msgid, msgstr
	if !msgidChinese {
		zh, en = msgstr, msgid
	}
	if len(zh.Text) == 0 {
		return segs
	}
	return append(segs, Segment{ID: id, Chinese: zh, English: en, Untranslated: len(en.Text) == 0})
}

// poEntry is one message of a catalogue.
type poEntry struct {
	ctxt       spanBuilder
	id, plural spanBuilder
	str        [2]spanBuilder // msgstr or msgstr[0], and msgstr[1]
	hasCtxt    bool
	hasID      bool
	hasPlural  bool
	hasStr     [2]bool
	// hasAnyStr also counts the plural forms past msgstr[1], which are
	// not kept but still complete the message.
	hasAnyStr bool
	// idLine and pluralLine are the 1-based lines of the msgid and
	// msgid_plural keywords, which name the segments of a message
	// without a context.
	idLine, pluralLine int
	// start and idOff are the offsets of the message's first keyword and
	// of its msgid, for errors.
	start, idOff int
}

// poParser reads a catalogue line by line: every line is blank, a
// comment, a keyword with its string, or a string continuing the field
// of the keyword before it.
type poParser struct {
	text    []byte
	entries []poEntry // without the header
	// language is the header's Language field, "" without one.
	language string

	cur *poEntry // the entry being read, or nil
	// field is the builder the strings of the current keyword go to, or
	// nil when a string here would belong to nothing; fieldName and
	// fieldOff are the keyword as written and where it starts, for
	// errors, and fieldEmpty says no string has followed it yet.
	field      *spanBuilder
	fieldName  string
	fieldOff   int
	fieldEmpty bool
	ignored    spanBuilder // for the strings of fields not kept
}

// parse reads the catalogue into p.entries and p.language.
func (p *poParser) parse() error {
	line := 0
	for start := 0; start < len(p.text); {
		line++
		end := bytes.IndexByte(p.text[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(p.text)-start, len(p.text)
		}
		end += start
		if end > start && p.text[end-1] == '\r' {
			end--
		}
		if err := p.parseLine(start, end, line); err != nil {
			return err
		}
		start = next
	}
	return p.finish()
}

// parseLine reads the line text[start:end], without its line break.
func (p *poParser) parseLine(start, end, line int) error {
	i := poSkipBlanks(p.text, start, end)
	switch {
	case i == end:
		return nil // blank lines are whitespace between tokens
	case p.text[i] == '#':
		// Comments, obsolete entries (#~) and previous strings (#|)
		// are not text; a string after one continues nothing.
		if err := p.endField(); err != nil {
			return err
		}
		p.field = nil
		return nil
	case p.text[i] == '"':
		if p.field == nil {
			return &SyntaxError{Offset: i, Msg: "string outside an entry: a PO string follows msgid, msgstr or another string"}
		}
		return p.readStrings(i, end)
	}
	k := i
	for k < end && (p.text[k] >= 'a' && p.text[k] <= 'z' || p.text[k] == '_') {
		k++
	}
	keyword := string(p.text[i:k])
	index := -1
	if keyword == "msgstr" {
		if j := poSkipBlanks(p.text, k, end); j < end && p.text[j] == '[' {
			n := j + 1
			for n < end && p.text[n] >= '0' && p.text[n] <= '9' {
				n++
			}
			v, err := strconv.Atoi(string(p.text[j+1 : n]))
			if err != nil || n == end || p.text[n] != ']' {
				return &SyntaxError{Offset: j, Msg: "bad plural index: want msgstr[N]"}
			}
			index, k = v, n+1
		}
	}
	if err := p.endField(); err != nil {
		return err
	}
	if err := p.keyword(keyword, index, i, line); err != nil {
		return err
	}
	p.fieldName, p.fieldOff, p.fieldEmpty = string(p.text[i:k]), i, true
	return p.readStrings(k, end)
}

// keyword starts the field of a keyword at offset off.
func (p *poParser) keyword(keyword string, index, off, line int) error {
	e := p.cur
	switch keyword {
	case "msgctxt", "msgid":
		if e != nil && e.hasAnyStr {
			if err := p.finish(); err != nil {
				return err
			}
			e = nil
		}
		if e == nil {
			p.cur = &poEntry{start: off}
			e = p.cur
		}
		if keyword == "msgctxt" {
			if e.hasCtxt || e.hasID {
				return &SyntaxError{Offset: off, Msg: "msgctxt after msgctxt or msgid: a message has one context, before its msgid"}
			}
			e.hasCtxt = true
			p.field = &e.ctxt
			return nil
		}
		if e.hasID {
			return &SyntaxError{Offset: e.idOff, Msg: "msgid without msgstr"}
		}
		e.hasID, e.idLine, e.idOff = true, line, off
		p.field = &e.id
	case "msgid_plural":
		switch {
		case e == nil || !e.hasID:
			return &SyntaxError{Offset: off, Msg: "msgid_plural without msgid"}
		case e.hasAnyStr:
			return &SyntaxError{Offset: off, Msg: "msgid_plural after msgstr: it follows the msgid"}
		case e.hasPlural:
			return &SyntaxError{Offset: off, Msg: "second msgid_plural in one message"}
		}
		e.hasPlural, e.pluralLine = true, line
		p.field = &e.plural
	case "msgstr":
		name := keywordName(index)
		if e == nil || !e.hasID {
			return &SyntaxError{Offset: off, Msg: name + " without msgid"}
		}
		e.hasAnyStr = true
		if index < 0 {
			index = 0 // a plain msgstr; lenient where gettext wants msgstr[0]
		}
		if index >= len(e.str) {
			p.ignored = spanBuilder{}
			p.field = &p.ignored
			return nil
		}
		if e.hasStr[index] {
			return &SyntaxError{Offset: off, Msg: "second " + name + " in one message"}
		}
		e.hasStr[index] = true
		p.field = &e.str[index]
	case "domain":
		// A domain directive names the catalogue the messages after it
		// belong to; it is not text.
		if err := p.finish(); err != nil {
			return err
		}
		p.ignored = spanBuilder{}
		p.field = &p.ignored
	default:
		if keyword == "" {
			return &SyntaxError{Offset: off, Msg: "unexpected " + strconv.QuoteRune(rune(p.text[off])) + ": want a keyword, a string or a comment"}
		}
		return &SyntaxError{Offset: off, Msg: "unknown keyword " + keyword}
	}
	return nil
}

// keywordName names a msgstr keyword in messages: msgstr, msgstr[N].
func keywordName(index int) string {
	if index < 0 {
		return "msgstr"
	}
	return fmt.Sprintf("msgstr[%d]", index)
}

// endField fails when the keyword just read has had no string.
func (p *poParser) endField() error {
	if p.field != nil && p.fieldEmpty {
		return &SyntaxError{Offset: p.fieldOff + len(p.fieldName), Msg: p.fieldName + " without a string"}
	}
	return nil
}

// finish completes the current entry, where the next one starts or the
// file ends.
func (p *poParser) finish() error {
	if err := p.endField(); err != nil {
		return err
	}
	p.field = nil
	e := p.cur
	p.cur = nil
	switch {
	case e == nil:
		return nil
	case !e.hasID:
		return &SyntaxError{Offset: e.start, Msg: "msgctxt without msgid"}
	case !e.hasAnyStr:
		return &SyntaxError{Offset: e.idOff, Msg: "msgid without msgstr"}
	}
	if !e.hasCtxt && len(e.id.text) == 0 {
		// The header: its fields say about the catalogue, they are no
		// translation.
		if p.language == "" {
			p.language = poHeaderField(e.str[0].text, "Language")
		}
		return nil
	}
	p.entries = append(p.entries, *e)
	return nil
}

// readStrings reads the strings in text[i:end] into the current field.
func (p *poParser) readStrings(i, end int) error {
	for {
		i = poSkipBlanks(p.text, i, end)
		if i == end {
			return nil
		}
		if p.text[i] != '"' {
			return &SyntaxError{Offset: i, Msg: "unexpected " + strconv.QuoteRune(rune(p.text[i])) + " after " + p.fieldName + ": want a string in double quotes"}
		}
		n, err := poString(p.field, p.text, i, end)
		if err != nil {
			return err
		}
		p.fieldEmpty = false
		i = n
	}
}

// poString appends the content of the string whose opening quote is at
// text[q], on the line ending at end, to b: plain runs as the file's
// bytes, each escape as the one byte it stands for. It returns the offset
// past the closing quote.
func poString(b *spanBuilder, text []byte, q, end int) (int, error) {
	run := q + 1
	for i := q + 1; i < end; i++ {
		switch text[i] {
		case '"':
			b.copy(run, text[run:i])
			return i + 1, nil
		case '\\':
			b.copy(run, text[run:i])
			c, n := poEscape(text[i+1 : end])
			if n == 0 {
				msg := "bad escape \\" + string(text[i+1:min(i+2, end)]) + ": PO strings know \\n \\t \\r \\\" \\\\ and C's other escapes"
				if i+1 == end {
					msg = "backslash at the end of a line: a PO string continues in a new string on the next line"
				}
				return 0, &SyntaxError{Offset: i, Msg: msg}
			}
			b.decoded(i, 1+n, []byte{c})
			i += n
			run = i + 1
		}
	}
	return 0, &SyntaxError{Offset: q, Msg: "unterminated string: a PO string ends on its line, with a double quote"}
}

// poEscape decodes the escape after a backslash at the start of s (C's,
// as gettext reads them), returning the byte and the length of the escape
// without the backslash, or n == 0 when it is none.
func poEscape(s []byte) (c byte, n int) {
	if len(s) == 0 {
		return 0, 0
	}
	if i := bytes.IndexByte([]byte(`ntrabfv"\`), s[0]); i >= 0 {
		return "\n\t\r\a\b\f\v\"\\"[i], 1
	}
	switch {
	case '0' <= s[0] && s[0] <= '7':
		v := 0
		for n < 3 && n < len(s) && '0' <= s[n] && s[n] <= '7' {
			v = v*8 + int(s[n]-'0')
			n++
		}
		return byte(v), n
	case s[0] == 'x':
		v := 0
		for n = 1; n < 3 && n < len(s); n++ {
			d := poHexDigit(s[n])
			if d < 0 {
				break
			}
			v = v*16 + d
		}
		if n == 1 {
			return 0, 0
		}
		return byte(v), n
	}
	return 0, 0
}

// poHexDigit returns the value of a hexadecimal digit, or -1.
func poHexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// poSkipBlanks returns the offset of the first byte of text[i:end] that is
// not white space within a line, or end.
func poSkipBlanks(text []byte, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\f' || text[i] == '\v') {
		i++
	}
	return i
}

// poHeaderField returns the value of a field of a PO header ("Language:
// zh_CN\n"), "" when it has none.
func poHeaderField(header []byte, name string) string {
	for line := range strings.SplitSeq(string(header), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// direction says whether the msgids are the Chinese side, and ok false
// when the catalogue has no Chinese to check.
func (p *poParser) direction() (msgidChinese, ok bool) {
	lang := p.language
	if i := strings.IndexAny(lang, ".@"); i >= 0 {
		lang = lang[:i] // zh_CN.UTF-8, sr@latin
	}
	switch LanguageScript(lang) {
	case Chinese:
		return false, true
	case English:
		return true, true
	}
	idZh, strZh := 0, 0
	for _, e := range p.entries {
		if ScriptOf(e.id.text) == Chinese {
			idZh++
		}
		if ScriptOf(e.str[0].text) == Chinese {
			strZh++
		}
	}
	return idZh >= strZh, idZh+strZh > 0
}
