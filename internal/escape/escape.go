// Package escape makes file names and file content safe to print where a
// terminal or a CI runner reads them. A file may be named
// "x\n::error file=README.md::forged\n.md", and a text may hold terminal
// escape sequences; printed raw, the one forges a GitHub workflow
// command on its own line, the other recolours or rewrites the
// terminal. Every path that prints a name or a piece of a text for
// people goes through Text.
package escape

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text returns s with each character that could act on a terminal or a
// log reader written as a visible Go escape: control characters, line
// breaks included, as \n, \r, \x1b or \u0085; Unicode line and paragraph
// separators and the bidirectional controls that reorder what is shown as
// \u2028 or \u202e; each byte of invalid UTF-8 as \xff. Tabs, printable
// characters and backslashes are left as they are, so that ordinary names,
// Windows paths and Chinese read unchanged, and s is returned itself when
// nothing needs escaping.
func Text(s string) string { return Keeping(s, "\t") }

// Keeping is Text leaving the control characters in keep raw, for a
// printer whose format has its own escapes for them (the GitHub format
// percent-encodes "\r" and "\n").
func Keeping(s, keep string) string {
	i := unsafeAt(s, keep, 0)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for {
		b.WriteString(s[:i])
		if i == len(s) {
			return b.String()
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&15, 16))
		} else {
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\n', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		s = s[i+size:]
		i = unsafeAt(s, keep, 0)
	}
}

// unsafeAt returns the byte offset of the first character of s from
// offset i on that Keeping escapes, or len(s).
func unsafeAt(s, keep string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && strings.IndexByte(keep, c) < 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unsafeRune(r) {
			return i
		}
		i += size
	}
	return i
}

// unsafeRune reports whether a non-ASCII character is one Text escapes:
// a C1 control (U+0080-U+009F, of which U+009B starts terminal sequences
// as ESC [ does), a line or paragraph separator, or a bidirectional
// control (which can make a name or a line read as another).
func unsafeRune(r rune) bool {
	switch {
	case r <= 0x9f:
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u2028' && r <= '\u202e':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// Line is Text for a message that ends in a newline: the final "\n" is
// kept, every other one escaped, so that a message stays one line.
func Line(s string) string {
	if body, ok := strings.CutSuffix(s, "\n"); ok {
		return Text(body) + "\n"
	}
	return Text(s)
}
