package input

import (
	"bytes"

	"golang.org/x/net/html"
)

// span is a byte range [start, end).
type span struct{ start, end int }

// codeElements are the elements whose content is not prose: scripts and
// styles, code and preformatted text, and markup not rendered as it is.
// Their text is masked even when it is text to the tokenizer.
var codeElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"code": true, "pre": true, "kbd": true, "samp": true,
	"xmp": true, "plaintext": true,
}

// blockElements are the elements whose tags end a paragraph: text on the
// two sides of one of their tags never belongs to one paragraph, so a div
// holding text and then a p yields two, and a div of only text one.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "dd": true, "details": true, "dialog": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "head": true, "header": true, "hgroup": true, "hr": true,
	"html": true, "legend": true, "li": true, "main": true, "nav": true, "ol": true,
	"option": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true,
	"thead": true, "title": true, "tr": true, "ul": true,
}

// voidElements have no content and no end tag, so they open nothing.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// scanHTML tokenizes an HTML document or fragment and returns the byte
// ranges of its checkable text and of its comments ("<!--" only; the
// tokenizer also calls "<!x>" and "<?x>" comments), and its paragraphs.
// Tags, attributes, doctypes, comments and the content of code elements
// are not checkable. Entities stay as written: the masked copy cannot
// change lengths.
func scanHTML(src []byte) (prose, comments []span, paras []paragraph) {
	z := html.NewTokenizer(bytes.NewReader(src))
	open := map[string]int{} // code elements open, by name
	inCode := 0              // the sum of open
	var ps htmlParagraphs
	off := 0
	for {
		tt := z.Next()
		start := off
		off += len(z.Raw())
		if tt == html.ErrorToken || off > len(src) {
			break
		}
		switch tt {
		case html.TextToken:
			if inCode == 0 {
				prose = append(prose, span{start, off})
				ps.text(src, start, off)
			} else {
				ps.code(start, off)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			lang, tagged := NoScript, false
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				// XHTML's xml:lang wins over lang, as HTML says.
				switch k := string(key); {
				case k == "xml:lang", k == "lang" && !tagged:
					lang, tagged = LanguageScript(string(val)), true
				}
			}
			ps.start(string(name), lang, tagged, tt == html.SelfClosingTagToken)
			if tt == html.StartTagToken && codeElements[string(name)] {
				open[string(name)]++
				inCode++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			ps.end(string(name))
			if open[string(name)] > 0 {
				open[string(name)]--
				inCode--
			}
		case html.CommentToken:
			if bytes.HasPrefix(src[start:off], []byte("<!--")) {
				comments = append(comments, span{start, off})
			}
		}
	}
	ps.flush()
	return prose, comments, ps.paras
}

// htmlParagraphs collects the paragraphs of an HTML token stream: the text
// between two tags of block elements, with the language the markup gives
// it.
type htmlParagraphs struct {
	stack []htmlElement
	paras []paragraph
	// reading says that the last of paras is still being read.
	reading bool
	meta    int // head and title elements open: their text is no paragraph
}

// htmlElement is an element open at the current token.
type htmlElement struct {
	name string
	// lang is the element's language, its own or inherited; NoScript when
	// no element up to the body says one Chinese or English.
	lang  Script
	block bool
	// inline marks an inline element with a lang of its own (<span
	// lang="zh">): a paragraph of its own, so that a block holding a
	// Chinese span and an English one is a pair, unless the block has
	// text outside such elements too (a term cited in a sentence).
	inline bool
	// For a block: the index of its first paragraph, and whether text
	// stood in it outside inline elements with a lang, and inside them.
	firstPara             int
	plainText, inlineText bool
	// langAt and blockAt index the nearest element, this one or one it is
	// in, that is a block or inline, and that is a block (-1: none);
	// inInline says an inline element stands between blockAt and here.
	// They are set when the element opens, so that text costs the same
	// however deep it is nested.
	langAt, blockAt int
	inInline        bool
}

// start handles a start tag. A lang or xml:lang attribute on html or body
// is ignored: pages declare one whatever their content, and bilingual
// pages usually declare the source's.
func (h *htmlParagraphs) start(name string, lang Script, tagged, selfClosing bool) {
	block := blockElements[name]
	if block {
		h.flush()
		h.impliedEnd(name)
	}
	if selfClosing || voidElements[name] {
		return
	}
	if !tagged || name == "html" || name == "body" {
		lang = NoScript
		if n := len(h.stack); n > 0 {
			lang = h.stack[n-1].lang
		}
	}
	if name == "head" || name == "title" {
		h.meta++
	}
	inline := !block && tagged && lang != NoScript && name != "html" && name != "body"
	if inline {
		h.flush()
	}
	e := htmlElement{name: name, lang: lang, block: block, inline: inline, firstPara: len(h.paras), langAt: -1, blockAt: -1}
	if n := len(h.stack); n > 0 {
		parent := h.stack[n-1]
		e.langAt, e.blockAt, e.inInline = parent.langAt, parent.blockAt, parent.inInline
	}
	if at := len(h.stack); block {
		e.langAt, e.blockAt, e.inInline = at, at, false
	} else if inline {
		e.langAt, e.inInline = at, true
	}
	h.stack = append(h.stack, e)
}

// impliedEnd closes the elements a block's start tag ends without their
// end tags, in the common cases of HTML's parsing rules (<p>a<p>b,
// <li>a<li>b, <td>a<td>b), so that a paragraph does not inherit the
// language of the one before it.
func (h *htmlParagraphs) impliedEnd(name string) {
	for n := len(h.stack); n > 0; n = len(h.stack) {
		top := h.stack[n-1].name
		switch {
		case top == "p",
			top == "li" && name == "li",
			(top == "dt" || top == "dd") && (name == "dt" || name == "dd"),
			(top == "td" || top == "th") && (name == "td" || name == "th" || name == "tr"),
			top == "tr" && name == "tr",
			top == "option" && name == "option":
			h.pop(n - 1)
		default:
			return
		}
	}
}

// end handles an end tag: it closes the innermost open element of that
// name and everything opened inside it; a stray end tag closes nothing.
func (h *htmlParagraphs) end(name string) {
	if blockElements[name] {
		h.flush()
	}
	for i := len(h.stack) - 1; i >= 0; i-- {
		if h.stack[i].name == name {
			if h.stack[i].inline {
				h.flush()
			}
			h.pop(i)
			return
		}
	}
}

// pop closes the elements from the i-th open one on. A block whose text
// stood both inside and outside inline elements with a lang is one
// paragraph again, in the block's language.
func (h *htmlParagraphs) pop(i int) {
	for j := len(h.stack) - 1; j >= i; j-- {
		e := h.stack[j]
		if e.name == "head" || e.name == "title" {
			h.meta--
		}
		if e.block && e.plainText && e.inlineText && len(h.paras)-e.firstPara > 1 {
			first, last := &h.paras[e.firstPara], h.paras[len(h.paras)-1]
			first.end, first.lang = last.end, e.lang
			for _, p := range h.paras[e.firstPara+1:] {
				first.breaks = append(first.breaks, p.breaks...)
			}
			h.paras = h.paras[:e.firstPara+1]
		}
	}
	h.stack = h.stack[:i]
}

// text handles prose text at src[start:end].
func (h *htmlParagraphs) text(src []byte, start, end int) {
	if h.meta > 0 || len(bytes.TrimSpace(src[start:end])) == 0 {
		return
	}
	top := htmlElement{langAt: -1, blockAt: -1}
	if n := len(h.stack); n > 0 {
		top = h.stack[n-1]
	}
	if top.blockAt >= 0 {
		b := &h.stack[top.blockAt]
		b.plainText = b.plainText || !top.inInline
		b.inlineText = b.inlineText || top.inInline
	}
	if !h.reading {
		lang := NoScript
		if top.langAt >= 0 {
			lang = h.stack[top.langAt].lang
		}
		h.paras = append(h.paras, paragraph{start: start, lang: lang, entities: true})
		h.reading = true
	}
	h.paras[len(h.paras)-1].end = end
}

// code handles the text of a code element at [start, end): content that
// is hidden, so that it breaks phrases even between Chinese characters.
func (h *htmlParagraphs) code(start, end int) {
	if h.reading {
		p := &h.paras[len(h.paras)-1]
		p.breaks = append(p.breaks, span{start, end})
	}
}

// flush ends the paragraph being read.
func (h *htmlParagraphs) flush() { h.reading = false }

// readHTML masks an HTML file and returns its suppression directives and
// its paragraphs.
func readHTML(data []byte) ([]byte, []directive, []paragraph) {
	masked := newMask(data)
	prose, comments, paras := scanHTML(data)
	for _, s := range prose {
		copy(masked[s.start:s.end], data[s.start:s.end])
	}
	var dirs []directive
	for _, c := range comments {
		if d, ok := parseComment(data[c.start:c.end], c.start); ok {
			dirs = append(dirs, d)
		}
	}
	return masked, dirs, paras
}

// newMask returns an all-masked copy of data that keeps its line breaks.
func newMask(data []byte) []byte {
	masked := make([]byte, len(data))
	for i, c := range data {
		if c == '\n' || c == '\r' {
			masked[i] = c
		}
	}
	return masked
}
