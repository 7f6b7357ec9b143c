package input

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Segment is one aligned pair of a bilingual file: a stretch of Chinese
// and its English translation (or the English and its Chinese original:
// which side is the file's source language does not matter to a check).
type Segment struct {
	// ID names the segment in messages: a unit or tu id, a PO msgctxt or
	// msgid line, a row or paragraph number. It may be empty.
	ID string
	// Chinese and English are the two sides. Their spans point into the
	// Document's Text, except that Chinese spans point into ChineseText
	// when the Chinese is a file of its own.
	Chinese, English Span
	// Untranslated says the translation is empty or absent: the segment
	// awaits translation, so its terms are not missing renderings.
	Untranslated bool
}

// Span is a stretch of a file's text as a reader extracted it: entities
// decoded, inline markup dropped with its text kept, placeholders turned
// into a 0 byte, which breaks phrases. Text is what the matchers scan;
// Offset and End map positions in it back to byte offsets in the file.
type Span struct {
	Text   []byte
	pieces []piece // sorted by at; together they cover Text
}

// piece maps Text[at:at+n] to the file's bytes [off, off+fileN). An exact
// piece is the file's bytes themselves (n == fileN and every byte equal);
// a decoded piece (an entity, an escape, a placeholder) maps as a whole.
type piece struct {
	at, n, off, fileN int
	exact             bool
}

// Offset returns the byte offset in the file where Text[i:] starts; i may
// be len(Text), which maps to the end of the span.
func (s *Span) Offset(i int) int {
	p := s.find(i)
	if p == nil {
		return 0
	}
	switch {
	case i >= p.at+p.n:
		return p.off + p.fileN
	case p.exact:
		return p.off + i - p.at
	}
	return p.off
}

// End returns the byte offset in the file where Text[:i] ends, for i > 0:
// the end of a decoded piece when i falls inside it.
func (s *Span) End(i int) int {
	if i <= 0 {
		return s.Offset(0)
	}
	p := s.find(i - 1)
	if p == nil {
		return 0
	}
	if p.exact && i <= p.at+p.n {
		return p.off + i - p.at
	}
	return p.off + p.fileN
}

// Index returns the index in Text of the byte at file offset off, the
// inverse of Offset: the start of a decoded piece for an offset inside
// it, 0 before the span and len(Text) past it.
func (s *Span) Index(off int) int {
	k := sort.Search(len(s.pieces), func(k int) bool { return s.pieces[k].off > off }) - 1
	if k < 0 {
		return 0
	}
	p := s.pieces[k]
	switch {
	case off >= p.off+p.fileN:
		return p.at + p.n
	case p.exact:
		return p.at + off - p.off
	}
	return p.at
}

// find returns the piece holding Text[i], or the last piece when i is
// past the end.
func (s *Span) find(i int) *piece {
	if len(s.pieces) == 0 {
		return nil
	}
	k := sort.Search(len(s.pieces), func(k int) bool { return s.pieces[k].at > i }) - 1
	return &s.pieces[max(k, 0)]
}

// Start is the file offset where the span starts.
func (s *Span) Start() int { return s.Offset(0) }

// Stop is the file offset just past the span.
func (s *Span) Stop() int { return s.End(len(s.Text)) }

// exactSpan is the span of file[start:end] as it stands.
func exactSpan(file []byte, start, end int) Span {
	var b spanBuilder
	b.copy(start, file[start:end])
	return b.span()
}

// spanBuilder builds a Span piece by piece, in file order.
type spanBuilder struct {
	text   []byte
	pieces []piece
}

// copy appends text that is the file's bytes at off.
func (b *spanBuilder) copy(off int, text []byte) {
	if len(text) == 0 {
		return
	}
	if n := len(b.pieces); n > 0 {
		if last := &b.pieces[n-1]; last.exact && last.off+last.fileN == off {
			last.n += len(text)
			last.fileN += len(text)
			b.text = append(b.text, text...)
			return
		}
	}
	b.pieces = append(b.pieces, piece{at: len(b.text), n: len(text), off: off, fileN: len(text), exact: true})
	b.text = append(b.text, text...)
}

// decoded appends text that stands for the fileN bytes of the file at
// off, such as "&" for "&amp;".
func (b *spanBuilder) decoded(off, fileN int, text []byte) {
	if len(text) == 0 {
		return
	}
	b.pieces = append(b.pieces, piece{at: len(b.text), n: len(text), off: off, fileN: fileN})
	b.text = append(b.text, text...)
}

// separator appends a 0 byte for the fileN bytes at off, where an inline
// placeholder (a tag, a variable) stood: phrases never run across it.
func (b *spanBuilder) separator(off, fileN int) {
	if n := len(b.text); n > 0 && b.text[n-1] == 0 {
		return
	}
	b.decoded(off, fileN, []byte{0})
}

func (b *spanBuilder) span() Span { return Span{Text: b.text, pieces: b.pieces} }

// SyntaxError is input a reader cannot read, at a byte offset of the file.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// Script is the writing system a text is mostly in.
type Script int

// The scripts a bilingual reader tells apart.
const (
	// NoScript is text with neither Han characters nor Latin letters.
	NoScript Script = iota
	Chinese
	English
)

// ScriptOf says whether text is mostly Chinese or mostly English: a Han
// character weighs as much as three Latin letters, about a word's worth,
// so that English quoting a Chinese term stays English and Chinese naming
// RCEP or ASEAN stays Chinese.
func ScriptOf(text []byte) Script {
	han, latin := scriptCounts(text)
	switch {
	case han == 0 && latin == 0:
		return NoScript
	case hanWeight*han >= latin:
		return Chinese
	}
	return English
}

// scriptCounts counts text's Han characters and Latin letters.
func scriptCounts(text []byte) (han, latin int) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		i += n
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				latin++
			}
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r) && unicode.In(r, unicode.Latin):
			latin++
		}
	}
	return han, latin
}

// LanguageScript returns the script of a language tag as the formats write
// it (zh-CN, zh_Hans, ZH-TW, en-US, en_GB, and TMX's old "lang" values):
// Chinese for any Chinese, English for any English, NoScript for the rest
// or a tag that does not parse.
func LanguageScript(tag string) Script {
	t, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	if err != nil {
		return NoScript
	}
	base, _ := t.Base()
	switch base.String() {
	case "zh", "cmn", "yue", "wuu", "hak", "nan", "gan", "hsn", "cjy":
		return Chinese
	case "en":
		return English
	}
	return NoScript
}
