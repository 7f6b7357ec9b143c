package printer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/internal/escape"
)

// TextColors colour parts of the text output; nil functions leave text
// plain. The CLI fills them from the terminal's colour scheme.
type TextColors struct {
	Path, Error, Warning, Info, Match, Dim func(string) string
}

func apply(f func(string) string, s string) string {
	if f == nil {
		return s
	}
	return f(s)
}

// contextWidth is how many characters of a line the text output shows
// around a finding, so long paragraphs stay readable.
const contextWidth = 100

// Text prints findings for people: one heading line per finding
// (file:line:col: severity rule: message), the line it is on with the
// match marked, the suggestion, and a summary line. File names and text
// are escaped by escape.Text: a control character or line break shows as
// \x1b or \n.
type Text struct {
	Colors TextColors
}

// Print implements Printer.
func (p Text) Print(w io.Writer, r *Report) error {
	c := p.Colors
	out := r.sorted()
	b := bufio.NewWriterSize(w, writeBuffer)
	// The findings come file by file: split each file's text once, when
	// its first finding comes.
	var path string
	var lines [][]byte
	var cols *lineColumns
	for i, f := range out {
		sev := string(f.Severity)
		switch f.Severity {
		case checker.SeverityError:
			sev = apply(c.Error, sev)
		case checker.SeverityWarning:
			sev = apply(c.Warning, sev)
		default:
			sev = apply(c.Info, sev)
		}
		// Names and text come from files: escaped, they cannot break a
		// line or send the terminal a control sequence.
		fmt.Fprintf(b, "%s: %s %s: %s\n", apply(c.Path, fmt.Sprintf("%s:%d:%d", escape.Text(f.File), f.Line, f.Column)), sev, f.Rule, escape.Text(f.Message))
		if i == 0 || f.File != path {
			path, lines, cols = f.File, bytes.Split(r.Texts[f.File], []byte("\n")), new(lineColumns)
		}
		if before, match, after, ok := context(lines, cols, f); ok {
			fmt.Fprintf(b, "  %s %s%s%s\n", apply(c.Dim, "|"), escape.Text(before), apply(c.Match, escape.Text(match)), escape.Text(after))
		}
		if len(f.Suggestions) > 0 {
			fmt.Fprintf(b, "  %s use: %s\n", apply(c.Dim, "="), escape.Text(strings.Join(f.Suggestions, " or ")))
		}
	}
	s := checker.Summarize(r.Files, out)
	fmt.Fprintf(b, "%s (%d %s, %d %s, %d info) in %s\n",
		plural(s.Findings, "finding"), s.Error, pluralWord(s.Error, "error"), s.Warning, pluralWord(s.Warning, "warning"), s.Info, plural(s.Files, "file"))
	return b.Flush()
}

func plural(n int, word string) string { return fmt.Sprintf("%d %s", n, pluralWord(n, word)) }

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// context cuts the finding's first line into the text before the match,
// the match (up to the line's end) and the text after, shortened to about
// contextWidth characters around the match. It walks the line's
// characters only as far as it needs, finding the match's start through
// cols: a file can be one line of hundreds of megabytes and many findings.
func context(lines [][]byte, cols *lineColumns, f checker.Finding) (before, match, after string, ok bool) {
	if f.Line < 1 || f.Line > len(lines) || f.Column < 1 {
		return "", "", "", false
	}
	line := bytes.TrimRight(lines[f.Line-1], "\r")
	start, past := cols.offset(f.Line, line, f.Column-1)
	if past > 0 {
		return "", "", "", false
	}
	end, width := len(line), -1 // the match's width in characters, -1 to the line's end
	if f.EndLine == f.Line {
		if f.EndColumn-1 < f.Column-1 {
			return "", "", "", false
		}
		width = f.EndColumn - f.Column
		if e, ok := runeOffset(line, start, width); ok {
			end = e
		} else {
			width = -1
		}
	}
	from, to := 0, len(line)
	if longerThan(line, contextWidth) {
		if width < 0 {
			width = utf8.RuneCount(line[start:])
		}
		room := max(0, (contextWidth-width)/2)
		from, to = start, end
		for i := 0; i < room && from > 0; i++ {
			_, size := utf8.DecodeLastRune(line[:from])
			from -= size
		}
		for i := 0; i < room && to < len(line); i++ {
			_, size := utf8.DecodeRune(line[to:])
			to += size
		}
	}
	before, after = runeString(line[from:start]), runeString(line[end:to])
	if from > 0 {
		before = "…" + before
	}
	if to < len(line) {
		after += "…"
	}
	return before, runeString(line[start:end]), after, true
}

// runeOffset returns the byte offset n characters after the byte offset
// from, and false when the line ends before.
func runeOffset(line []byte, from, n int) (int, bool) {
	if n < 0 {
		return 0, false
	}
	i := from
	for ; n > 0 && i < len(line); n-- {
		_, size := utf8.DecodeRune(line[i:])
		i += size
	}
	return i, n == 0
}

// longerThan reports whether line has more than n characters.
func longerThan(line []byte, n int) bool {
	if len(line) <= n {
		return false
	}
	_, ok := runeOffset(line, 0, n+1)
	return ok
}

// runeString is string(b) with each byte of invalid UTF-8 replaced by
// U+FFFD, as a conversion through []rune makes it.
func runeString(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return string([]rune(string(b)))
}
