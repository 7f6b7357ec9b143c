package input

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds what the TMX and XLIFF readers share: a token reader
// that knows where each token stands in the file, and the reading of a
// side's inline content into spans.
//
// encoding/xml's Decoder parses and checks the XML (Strict: balanced tags,
// only the five predefined entities and character references, valid
// UTF-8), but what it returns cannot be the segments' text: it normalises
// line breaks and decodes references, so its text no longer maps to the
// file byte for byte, and xml.Unmarshal would drop the text of nested
// elements besides. The readers take each token's byte range from
// InputOffset and re-read the file's own bytes in it.
//
// DTD entities are never expanded: the Decoder reads a DOCTYPE's internal
// subset as an opaque directive, and a reference to an entity it declares
// is "unknown entity", an error like any other malformed XML.

// xmlNamespace is the namespace of the xml: prefix, as the Decoder
// resolves it.
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// xmlToken is a token with the byte range it was read from. The end tag
// the Decoder makes up for a self-closing element is empty: start == end,
// just past the start tag.
type xmlToken struct {
	xml.Token  // xml.StartElement, xml.EndElement or xml.CharData
	start, end int
}

// xmlReader reads the tokens of an XML file that the translation formats
// care about, collecting the suppression directives of its comments on
// the way.
type xmlReader struct {
	text []byte
	dec  *xml.Decoder
	dirs []directive

	depth    int  // elements open
	rootDone bool // the root element has been closed
}

// newXMLReader reads text, which is UTF-8.
func newXMLReader(text []byte) *xmlReader {
	dec := xml.NewDecoder(bytes.NewReader(text))
	// The text is UTF-8 already, whatever the declaration says: Decode
	// did that, so "UTF-16" or "GB2312" in <?xml?> is only history.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return &xmlReader{text: text, dec: dec}
}

// next returns the next element or character data token. Comments become
// directives where they are ones; processing instructions and the DOCTYPE
// are passed over. At the end of the file it returns io.EOF.
//
// It also checks what the Decoder lets through: a document has exactly one
// root element and no text outside it.
func (r *xmlReader) next() (xmlToken, error) {
	for {
		start := int(r.dec.InputOffset())
		tok, err := r.dec.Token()
		end := int(r.dec.InputOffset())
		if err == io.EOF {
			if !r.rootDone {
				return xmlToken{}, &SyntaxError{Offset: end, Msg: "no root element"}
			}
			return xmlToken{}, io.EOF
		}
		if err != nil {
			return xmlToken{}, r.syntaxError(err, start, end)
		}
		switch t := tok.(type) {
		case xml.Comment:
			if d, ok := parseComment(r.text[start:end], start); ok {
				r.dirs = append(r.dirs, d)
			}
			continue
		case xml.ProcInst, xml.Directive:
			continue
		case xml.StartElement:
			if r.depth == 0 && r.rootDone {
				return xmlToken{}, &SyntaxError{Offset: start, Msg: fmt.Sprintf("element <%s> after the root element", t.Name.Local)}
			}
			r.depth++
		case xml.EndElement:
			r.depth--
			r.rootDone = r.rootDone || r.depth == 0
		case xml.CharData:
			if r.depth == 0 {
				if i := bytes.IndexFunc(r.text[start:end], func(c rune) bool { return !unicode.IsSpace(c) }); i >= 0 {
					return xmlToken{}, &SyntaxError{Offset: start + i, Msg: "text outside the root element"}
				}
				continue
			}
		}
		return xmlToken{Token: tok, start: start, end: end}, nil
	}
}

// syntaxError turns the Decoder's error for the token at text[start:]
// into a SyntaxError at the offset of the problem. The Decoder stops
// reading just past it (end), except for a mismatched end tag, which it
// reads whole, a bad reference, which it reads to its ';', and a "--" in
// a comment, which it reads one byte past.
func (r *xmlReader) syntaxError(err error, start, end int) error {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return &SyntaxError{Offset: end, Msg: err.Error()}
	}
	msg := se.Msg
	off := max(end-1, start)
	switch {
	case msg == "unexpected EOF":
		off = end
		msg = "unexpected end of file"
	case strings.Contains(msg, "closed by") || strings.HasPrefix(msg, "unexpected end element"):
		off = start
	case strings.Contains(msg, `"--"`):
		if i := bytes.LastIndex(r.text[start:end], []byte("--")); i >= 0 {
			off = start + i
		}
		msg += ` (so a directive's " -- reason" cannot be written in XML)`
	case strings.Contains(msg, "entity") || strings.HasPrefix(msg, "illegal character code"):
		if i := bytes.LastIndexByte(r.text[start:end], '&'); i >= 0 {
			off = start + i
		}
		if strings.HasPrefix(msg, "invalid character entity") {
			msg += " (XML knows only &amp; &lt; &gt; &quot; &apos; and character references; DTD entities are not expanded)"
		}
	}
	return &SyntaxError{Offset: off, Msg: "malformed XML: " + msg}
}

// root reads up to the root element's start tag.
func (r *xmlReader) root() (xmlToken, error) {
	for {
		tok, err := r.next()
		if err != nil {
			return tok, err
		}
		if _, ok := tok.Token.(xml.StartElement); ok {
			return tok, nil
		}
	}
}

// finish reads the rest of the file after the root element, for its
// comments (a directive may follow the root) and to check it is well
// formed.
func (r *xmlReader) finish() error {
	for {
		if _, err := r.next(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// skip reads past the end tag of the element whose start tag was read
// last, content and all.
func (r *xmlReader) skip() error {
	for depth := 1; depth > 0; {
		tok, err := r.next()
		if err != nil {
			return unexpectedEOF(err, len(r.text))
		}
		switch tok.Token.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// children calls fn for each child element of the element whose start tag
// was read last, up to and including its end tag. fn must read the child
// through its end tag (skip does). Text between the children is not
// read: in the structure of a translation file it is indentation.
func (r *xmlReader) children(fn func(el xml.StartElement) error) error {
	for {
		tok, err := r.next()
		if err != nil {
			return unexpectedEOF(err, len(r.text))
		}
		switch el := tok.Token.(type) {
		case xml.StartElement:
			if err := fn(el); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// unexpectedEOF turns io.EOF inside an element, which the Decoder reports
// as a syntax error itself, into one should it ever not.
func unexpectedEOF(err error, n int) error {
	if err == io.EOF {
		return &SyntaxError{Offset: n, Msg: "unexpected end of file"}
	}
	return err
}

// attr returns the value of an element's attribute without a prefix.
func attr(el xml.StartElement, name string) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// attrValue returns the value of an attribute without a prefix, or "".
func attrValue(el xml.StartElement, name string) string {
	v, _ := attr(el, name)
	return v
}

// xmlLang returns an element's xml:lang.
func xmlLang(el xml.StartElement) string {
	for _, a := range el.Attr {
		if (a.Name.Space == xmlNamespace || a.Name.Space == "xml") && a.Name.Local == "lang" {
			return a.Value
		}
	}
	return ""
}

// translatable says whether an element's translate attribute lets its
// content be translated, inheriting parent's answer when it has none.
func translatable(el xml.StartElement, parent bool) bool {
	if v, ok := attr(el, "translate"); ok {
		return strings.TrimSpace(v) != "no"
	}
	return parent
}

// sideText is the text of one side of a unit (a TMX seg, an XLIFF source
// or target) as spans: the whole, and each part an XLIFF 1.2 <mrk
// mtype="seg"> marks as a segment of its own.
type sideText struct {
	whole spanBuilder
	parts []*markedPart
	cur   *spanBuilder // the part being read, or nil
}

// markedPart is a segment of a side, named by its mrk's mid.
type markedPart struct {
	mid string
	b   spanBuilder
}

// copy, decoded and separator add to the whole and to the part being read
// what spanBuilder's methods of those names add.
func (t *sideText) copy(off int, text []byte) {
	t.whole.copy(off, text)
	if t.cur != nil {
		t.cur.copy(off, text)
	}
}

func (t *sideText) decoded(off, fileN int, text []byte) {
	t.whole.decoded(off, fileN, text)
	if t.cur != nil {
		t.cur.decoded(off, fileN, text)
	}
}

func (t *sideText) separator(off, fileN int) {
	t.whole.separator(off, fileN)
	if t.cur != nil {
		t.cur.separator(off, fileN)
	}
}

// inlineKind is what an element inside a side's text is to that text.
type inlineKind uint8

const (
	// inlineCode is a placeholder or native code (TMX and XLIFF 1.2 bpt,
	// ept, ph, it, ut, x, bx, ex; XLIFF 2 ph, sc, ec; anything unknown):
	// one separator, and its content, which is code, is dropped.
	inlineCode inlineKind = iota
	// inlineText is markup around text of the segment (g, hi, pc, mrk): the
	// text is kept, and a phrase may run through the tags, unless the
	// element says translate="no", which drops its content for a separator.
	inlineText
	// inlineSub is a text of its own inside code (sub: the alt text of an
	// image, say): kept, set apart by separators.
	inlineSub
	// inlineChar is XLIFF 2's <cp hex="..."/>: the character it names.
	inlineChar
	// inlineSegment is XLIFF 1.2's <mrk mtype="seg">: text of the side,
	// and also a segment of its own.
	inlineSegment
	// inlineRangeStart and inlineRangeEnd are XLIFF 2's <sm/> and <em/>:
	// separators, and with translate="no" the text between them is dropped.
	inlineRangeStart
	inlineRangeEnd
)

// inlineRules says what kind an element inside a side's text is.
type inlineRules func(el xml.StartElement) inlineKind

// inline reads the content of the element whose start tag was read last
// (a TMX seg, an XLIFF source or target) into t, through its end tag.
func (r *xmlReader) inline(t *sideText, rules inlineRules) error {
	type frame struct {
		kind inlineKind
		drop bool // the content is not text of the segment
		part bool // the element began a marked part
	}
	stack := []frame{{kind: inlineText}}
	// The XLIFF 2 <sm translate="no"/> ranges open: their <em/> may come
	// at another depth, so they are not frames.
	var ranges []string
	for len(stack) > 0 {
		tok, err := r.next()
		if err != nil {
			return unexpectedEOF(err, len(r.text))
		}
		top := stack[len(stack)-1]
		dropping := top.drop || len(ranges) > 0
		switch el := tok.Token.(type) {
		case xml.CharData:
			if !dropping {
				r.chars(t, tok.start, tok.end)
			}
		case xml.StartElement:
			tag := tok.end - tok.start
			f := frame{kind: rules(el), drop: true}
			switch f.kind {
			case inlineText, inlineSegment:
				f.drop = !translatable(el, !top.drop)
				if f.drop && !dropping {
					t.separator(tok.start, tag)
				}
				if f.kind == inlineSegment && t.cur == nil {
					p := &markedPart{mid: attrValue(el, "mid")}
					t.parts = append(t.parts, p)
					t.cur, f.part = &p.b, true
				}
			case inlineSub:
				f.drop = false
				if len(ranges) == 0 {
					t.separator(tok.start, tag)
				}
			case inlineChar:
				if !dropping {
					if c, ok := codePoint(attrValue(el, "hex")); ok {
						t.decoded(tok.start, tag, utf8.AppendRune(nil, c))
					} else {
						t.separator(tok.start, tag)
					}
				}
			case inlineRangeStart:
				if !dropping {
					t.separator(tok.start, tag)
				}
				if id := attrValue(el, "id"); id != "" && !translatable(el, true) {
					ranges = append(ranges, id)
				}
			case inlineRangeEnd:
				if ref := attrValue(el, "startRef"); ref != "" {
					for i, id := range ranges {
						if id == ref {
							ranges = append(ranges[:i], ranges[i+1:]...)
							break
						}
					}
				}
				if !top.drop && len(ranges) == 0 {
					t.separator(tok.start, tag)
				}
			default:
				if !dropping {
					t.separator(tok.start, tag)
				}
			}
			stack = append(stack, f)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			switch {
			case top.part:
				t.cur = nil
			case top.kind == inlineSub && len(stack) > 0 && len(ranges) == 0:
				t.separator(tok.start, tok.end-tok.start)
			}
		}
	}
	return nil
}

// codePoint reads the hex attribute of an XLIFF 2 cp: a character that
// XML cannot carry. Zero, surrogates and values past U+10FFFF are not
// characters.
func codePoint(hex string) (rune, bool) {
	n, err := strconv.ParseUint(strings.TrimSpace(hex), 16, 32)
	if err != nil || n == 0 || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

var (
	cdataOpen  = []byte("<![CDATA[")
	cdataClose = []byte("]]>")
)

// chars adds the character data token text[start:end] to t: the content
// of a CDATA section and text as it stands, line breaks and all, as exact
// pieces; entity and character references decoded.
func (r *xmlReader) chars(t *sideText, start, end int) {
	raw := r.text[start:end]
	if bytes.HasPrefix(raw, cdataOpen) && bytes.HasSuffix(raw, cdataClose) && len(raw) >= len(cdataOpen)+len(cdataClose) {
		t.copy(start+len(cdataOpen), raw[len(cdataOpen):len(raw)-len(cdataClose)])
		return
	}
	for i := 0; i < len(raw); {
		amp := bytes.IndexByte(raw[i:], '&')
		if amp < 0 {
			t.copy(start+i, raw[i:])
			return
		}
		t.copy(start+i, raw[i:i+amp])
		i += amp
		semi := bytes.IndexByte(raw[i:], ';')
		if semi < 0 { // the Decoder let no such thing through
			t.copy(start+i, raw[i:])
			return
		}
		if c, ok := reference(raw[i+1 : i+semi]); ok {
			t.decoded(start+i, semi+1, c)
		} else {
			t.copy(start+i, raw[i:i+semi+1])
		}
		i += semi + 1
	}
}

// reference decodes the name of an entity or character reference, what
// stands between '&' and ';'.
func reference(name []byte) ([]byte, bool) {
	switch string(name) {
	case "amp":
		return []byte("&"), true
	case "lt":
		return []byte("<"), true
	case "gt":
		return []byte(">"), true
	case "quot":
		return []byte(`"`), true
	case "apos":
		return []byte("'"), true
	}
	digits, ok := bytes.CutPrefix(name, []byte("#"))
	if !ok {
		return nil, false
	}
	base := 10
	if hex, ok := bytes.CutPrefix(digits, []byte("x")); ok {
		digits, base = hex, 16
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return nil, false
	}
	return utf8.AppendRune(nil, rune(n)), true
}

// blank reports whether a side's text has nothing but white space and
// placeholders: a target that is no translation.
func blank(text []byte) bool {
	return bytes.IndexFunc(text, func(c rune) bool { return c != 0 && !unicode.IsSpace(c) }) < 0
}

// chineseIsSource says which side of a source and target pair is the
// Chinese, given the languages the file names (srcTag and trgTag, either
// possibly "") and the two texts; ok is false for a pair that is not
// Chinese and English.
//
// Two named languages decide. With one or none, the texts decide where
// they can, since tools write a default: po2xliff says source-language
// "en-US" of any PO file, Chinese msgids and all.
func chineseIsSource(srcTag, trgTag string, source, target []byte) (chineseSource, ok bool) {
	src, trg := LanguageScript(srcTag), LanguageScript(trgTag)
	if srcTag != "" && trgTag != "" {
		switch {
		case src == Chinese && trg == English:
			return true, true
		case src == English && trg == Chinese:
			return false, true
		}
		return false, false
	}
	switch s, t := ScriptOf(source), ScriptOf(target); {
	case s == Chinese:
		return true, true
	case t == Chinese:
		return false, true
	case !blank(source) && !blank(target):
		return false, false // neither side is Chinese: a PO header, a number
	}
	// One side is blank: an untranslated unit, whose source is not Chinese.
	// Only the language named can tell which is which.
	switch {
	case src == Chinese || trg == English:
		return true, true
	case src == English || trg == Chinese:
		return false, true
	}
	return false, false
}

// newSegment pairs the Chinese and English of a unit, either nil when the
// file has no such side. The side that is the translation (the English
// unless chineseSource is false) makes the segment Untranslated when it is
// missing or blank, and is then left empty. A unit whose source is blank
// has nothing to translate: it is no segment (ok is false).
func newSegment(id string, chinese, english *spanBuilder, chineseSource bool) (_ Segment, ok bool) {
	s := Segment{ID: id}
	if chinese != nil {
		s.Chinese = chinese.span()
	}
	if english != nil {
		s.English = english.span()
	}
	source, target := &s.Chinese, &s.English
	if !chineseSource {
		source, target = target, source
	}
	if blank(source.Text) {
		return Segment{}, false
	}
	if blank(target.Text) {
		*target = Span{}
		s.Untranslated = true
	}
	return s, true
}

// textOf returns the text built so far, or nil for a side the unit lacks.
func textOf(b *spanBuilder) []byte {
	if b == nil {
		return nil
	}
	return b.text
}
