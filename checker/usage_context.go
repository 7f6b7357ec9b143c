package checker

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/termlint/termlint/checker/input"
)

// ContextWidth is how many terminal columns of context a usage example
// keeps on either side of what it shows: about 40 letters, or 20 Chinese
// characters, which take two columns each.
const ContextWidth = 40

// kwic cuts text[start:end] out of text[lo:hi] with up to ContextWidth
// columns on either side, stopping at a blank line (the paragraph's end).
// Whitespace runs read as one space (none between Chinese characters, as
// a line break inside a Chinese sentence is no space), and a 0 byte (the
// break a placeholder leaves in a span) as a space.
func kwic(text []byte, lo, hi, start, end int) (before, keyword, after string) {
	return contextBefore(text[lo:start]), collapse(text[start:end]), contextAfter(text[end:hi])
}

func isGap(r rune) bool { return r == 0 || unicode.IsSpace(r) }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// runeWidth is the terminal columns r takes.
func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// contextBefore is the end of b, up to ContextWidth columns.
func contextBefore(b []byte) string {
	rev := contextRunes(b, true)
	slices.Reverse(rev)
	return string(rev)
}

// contextAfter is the start of b, up to ContextWidth columns.
func contextAfter(b []byte) string { return string(contextRunes(b, false)) }

// contextRunes collects the characters of b from its end (backward, so
// in reverse order) or from its start, up to ContextWidth columns: a run of
// white space with at most one line break becomes one space (none between
// two Han characters), a blank line ends the context, and white space
// alone is no context.
func contextRunes(b []byte, backward bool) []rune {
	var out []rune
	cols, newlines, gap := 0, 0, false
	for len(b) > 0 {
		var r rune
		var n int
		if backward {
			r, n = utf8.DecodeLastRune(b)
			b = b[:len(b)-n]
		} else {
			r, n = utf8.DecodeRune(b)
			b = b[n:]
		}
		if isGap(r) {
			if r == '\n' {
				if newlines++; newlines == 2 {
					break
				}
			}
			gap = true
			continue
		}
		newlines = 0
		w := runeWidth(r)
		if gap && !(isHan(r) && len(out) > 0 && isHan(out[len(out)-1])) {
			w++
		}
		if cols+w > ContextWidth {
			break
		}
		if w > runeWidth(r) {
			out = append(out, ' ')
		}
		out, cols, gap = append(out, r), cols+w, false
	}
	return out
}

// collapse is b with whitespace runs (and 0 bytes) read as one space, or
// none between Chinese characters, and trimmed.
func collapse(b []byte) string {
	var sb strings.Builder
	gap := false
	var last rune
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		if isGap(r) {
			gap = true
			continue
		}
		if gap && sb.Len() > 0 && !(isHan(r) && isHan(last)) {
			sb.WriteByte(' ')
		}
		sb.WriteRune(r)
		last, gap = r, false
	}
	return sb.String()
}

// yearIn finds a year (1900 to 2099) standing as a word of a file or
// folder name: "2019", "2019-05-02-notes.md", "speech_2013.txt", but not
// the digits of "v2019" or of a hash.
var yearIn = regexp.MustCompile(`(?:^|[^0-9A-Za-z])((?:19|20)[0-9]{2})(?:[^0-9A-Za-z]|$)`)

// frontMatterDate finds the year of a date: or date = line.
var frontMatterDate = regexp.MustCompile(`^(?i:date)\s*[:=]\s*["']?((?:19|20)[0-9]{2})`)

// documentYear is the year a document carries: the date of its front
// matter (YAML between --- lines, or TOML between +++ lines), else a year
// in its file name, else in its folders' names from the innermost out; ""
// when none does. A --source/--target pair asks the English file first.
func documentYear(doc *input.Document) string {
	if y := frontMatterYear(doc.Text); y != "" {
		return y
	}
	for _, p := range []string{doc.Path, doc.ChinesePath} {
		if p == "" || p == "-" {
			continue
		}
		for p = path.Clean(strings.ReplaceAll(p, "\\", "/")); p != "." && p != "/" && p != ""; p = path.Dir(p) {
			if m := yearIn.FindStringSubmatch(path.Base(p)); m != nil {
				return m[1]
			}
			if path.Dir(p) == p {
				break
			}
		}
	}
	return ""
}

// frontMatterYear is the year of the date in text's front matter (as the
// Markdown reader finds it: input.FrontMatter), or "".
func frontMatterYear(text []byte) string {
	for line := range strings.SplitSeq(string(text[:input.FrontMatter(text)]), "\n") {
		if m := frontMatterDate.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			return m[1]
		}
	}
	return ""
}
