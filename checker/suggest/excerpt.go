package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The context an excerpt shows on each side of its match, in characters:
// about ten English words, or twenty Chinese characters.
const (
	englishContext = 60
	chineseContext = 20
)

// example shows words rf.i..rf.j of a segment's English and, in its
// Chinese, the term at zh (byte offsets in the Chinese span's text).
func (k *Corpus) example(rf ref, zh [2]int) Example {
	s := k.units[rf.seg]
	return Example{EN: s.enExcerpt(s.words[rf.i].start, s.words[rf.j].end), ZH: s.zhExcerpt(zh[0], zh[1])}
}

// enExcerpt is the excerpt of the segment's English around text[start:end].
func (s *unit) enExcerpt(start, end int) Excerpt {
	line, col := s.file.lines.Position(s.en.Offset(start))
	before, match, after := excerpt(s.en.Text, start, end, englishContext, true)
	return Excerpt{File: s.file.Path, Line: line, Column: col, Before: before, Match: match, After: after}
}

// zhExcerpt is the excerpt of the segment's Chinese around text[start:end].
func (s *unit) zhExcerpt(start, end int) Excerpt {
	line, col := s.file.chineseLines.Position(s.zh.Offset(start))
	before, match, after := excerpt(s.zh.Text, start, end, chineseContext, false)
	return Excerpt{File: s.file.ChinesePath, Line: line, Column: col, Before: before, Match: match, After: after}
}

// excerpt cuts text into what comes before text[start:end], the match and
// what comes after, each side at most width characters, cut at a space
// when words is set, and marked "…" where cut. White space is made single
// spaces, and a 0 byte (a placeholder) a space.
func excerpt(text []byte, start, end, width int, words bool) (before, match, after string) {
	b := []rune(string(text[:start]))
	cutBefore := len(b) > width
	if cutBefore {
		b = b[len(b)-width:]
		if words {
			if i := indexSpace(b); i >= 0 {
				b = b[i+1:]
			}
		}
	}
	a := []rune(string(text[end:]))
	cutAfter := len(a) > width
	if cutAfter {
		a = a[:width]
		if words {
			if i := lastSpace(a); i > 0 {
				a = a[:i]
			}
		}
	}
	before, match, after = oneLine(string(b)), oneLine(string(text[start:end])), oneLine(string(a))
	if cutBefore {
		before = "…" + strings.TrimLeft(before, " ")
	}
	if cutAfter {
		after = strings.TrimRight(after, " ") + "…"
	}
	return before, match, after
}

func indexSpace(rs []rune) int {
	for i, r := range rs {
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

func lastSpace(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if unicode.IsSpace(rs[i]) {
			return i
		}
	}
	return -1
}

// oneLine makes each run of white space (and 0 bytes) one space and
// invalid UTF-8 the replacement character, so that an excerpt fits on a
// line and in a YAML comment.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToValidUTF8(s, string(utf8.RuneError)) {
		if unicode.IsSpace(r) || r == 0 || unicode.IsControl(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
