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

// scanHTML tokenizes an HTML document or fragment and returns the byte
// ranges of its checkable text and of its comments ("<!--" only; the
// tokenizer also calls "<!x>" and "<?x>" comments). Tags, attributes,
// doctypes, comments and the content of code elements are not checkable.
// Entities stay as written: the masked copy cannot change lengths.
func scanHTML(src []byte) (prose, comments []span) {
	z := html.NewTokenizer(bytes.NewReader(src))
	open := map[string]int{} // code elements open, by name
	inCode := 0              // the sum of open
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
			}
		case html.StartTagToken:
			if name, _ := z.TagName(); codeElements[string(name)] {
				open[string(name)]++
				inCode++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); open[string(name)] > 0 {
				open[string(name)]--
				inCode--
			}
		case html.CommentToken:
			if bytes.HasPrefix(src[start:off], []byte("<!--")) {
				comments = append(comments, span{start, off})
			}
		}
	}
	return prose, comments
}

// readHTML masks an HTML file and returns its suppression directives.
func readHTML(data []byte) ([]byte, []directive) {
	masked := newMask(data)
	prose, comments := scanHTML(data)
	for _, s := range prose {
		copy(masked[s.start:s.end], data[s.start:s.end])
	}
	var dirs []directive
	for _, c := range comments {
		if d, ok := parseComment(data[c.start:c.end], c.start); ok {
			dirs = append(dirs, d)
		}
	}
	return masked, dirs
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
