package input

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
)

// The directive keywords; the package documentation describes them.
const (
	kwDisable         = "termlint-disable"
	kwEnable          = "termlint-enable"
	kwDisableNextLine = "termlint-disable-next-line"
	kwIgnore          = "termlint:ignore"
)

type directiveKind uint8

const (
	disable directiveKind = iota
	enable
	disableNextLine
)

// directive is one suppression comment found by a reader.
type directive struct {
	kind       directiveKind
	start, end int // byte range of the comment in the file
	names      []string
}

// parseComment reads a directive from an HTML comment, "<!--" to "-->"
// (or to the end of the file for an unterminated comment), in the file at
// start.
func parseComment(comment []byte, start int) (directive, bool) {
	body, ok := bytes.CutPrefix(comment, []byte("<!--"))
	if !ok {
		return directive{}, false
	}
	body, _ = bytes.CutSuffix(body, []byte("-->"))
	s := strings.TrimSpace(string(body))
	keyword, rest, _ := strings.Cut(s, " ")
	if i := strings.IndexAny(keyword, "\t\r\n"); i >= 0 {
		keyword, rest = s[:i], s[i:]
	}
	d := directive{start: start, end: start + len(comment)}
	switch keyword {
	case kwDisable:
		d.kind = disable
	case kwEnable:
		d.kind = enable
	case kwDisableNextLine:
		d.kind = disableNextLine
	default:
		return directive{}, false
	}
	d.names = parseNames(rest)
	return d, true
}

// parseNames splits the names after a directive, up to the end of a
// comment ("-->", "*/"), a tag ("</p>" after a termlint:ignore in HTML) or
// a " -- reason".
func parseNames(s string) []string {
	for _, end := range []string{"-->", "*/", "<"} {
		if i := strings.Index(s, end); i >= 0 {
			s = s[:i]
		}
	}
	var names []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\r' || r == '\n'
	}) {
		if strings.HasPrefix(f, "--") {
			break
		}
		names = append(names, f)
	}
	return names
}

// suppressions turns the directives a reader found, and the
// termlint:ignore lines of the text, into line ranges sorted by their
// first line.
func suppressions(text, masked []byte, lines *lineIndex, dirs []directive) []Suppression {
	slices.SortStableFunc(dirs, func(a, b directive) int { return cmp.Compare(a.start, b.start) })
	type open struct {
		from  int
		names []string // nil: everything
	}
	var (
		opens []*open
		out   []Suppression
		next  []int // by line, the next line with checked text
	)
	for _, d := range dirs {
		line := lines.line(d.start)
		switch d.kind {
		case disable:
			opens = append(opens, &open{from: line, names: d.names})
		case enable:
			if len(d.names) == 0 {
				for _, o := range opens {
					out = append(out, Suppression{FromLine: o.from, ToLine: line, Names: o.names})
				}
				opens = nil
				break
			}
			opens = slices.DeleteFunc(opens, func(o *open) bool {
				if len(o.names) == 0 {
					return false
				}
				var ended, left []string
				for _, n := range o.names {
					if slices.ContainsFunc(d.names, func(m string) bool { return strings.EqualFold(n, m) }) {
						ended = append(ended, n)
					} else {
						left = append(left, n)
					}
				}
				if len(ended) > 0 {
					out = append(out, Suppression{FromLine: o.from, ToLine: line, Names: ended})
				}
				o.names = left
				return len(left) == 0
			})
		case disableNextLine:
			if next == nil {
				next = nextCheckedLines(masked, lines)
			}
			if next := next[lines.line(max(d.end-1, d.start))]; next > 0 {
				out = append(out, Suppression{FromLine: next, ToLine: next, Names: d.names})
			}
		}
	}
	last := lines.count()
	for _, o := range opens {
		out = append(out, Suppression{FromLine: o.from, ToLine: last, Names: o.names})
	}
	out = append(out, ignoreLines(text, lines)...)
	slices.SortStableFunc(out, func(a, b Suppression) int {
		return cmp.Or(cmp.Compare(a.FromLine, b.FromLine), cmp.Compare(a.ToLine, b.ToLine))
	})
	return out
}

// nextCheckedLines returns, for each line (indexed from 1), the first
// line after it that has checked text in masked, or 0. Skipping blank
// lines, markup and further comments lets next-line directives stack and
// stand apart from the text they are for.
func nextCheckedLines(masked []byte, lines *lineIndex) []int {
	n := lines.count()
	next := make([]int, n+1)
	for l := n; l > 1; l-- {
		next[l-1] = next[l]
		start, end := lines.bounds(l)
		for _, c := range masked[start:end] {
			if c != 0 && c != ' ' && c != '\t' && c != '\r' {
				next[l-1] = l
				break
			}
		}
	}
	return next
}

// ignoreLines returns a one-line suppression for each line containing
// termlint:ignore as a word of its own.
func ignoreLines(text []byte, lines *lineIndex) []Suppression {
	var out []Suppression
	kw := []byte(kwIgnore)
	// Looked for from its colon, which prose rarely has, rather than
	// from its "t", which bytes.Index would stop at in every other word.
	colon := bytes.IndexByte(kw, ':')
	for from := 0; from+len(kw) <= len(text); {
		j := bytes.Index(text[from+colon:], kw[colon:])
		if j < 0 {
			break
		}
		i := from + j
		from = i + len(kw)
		if !bytes.Equal(text[i:i+colon], kw[:colon]) {
			from = i + colon + 1
			continue
		}
		if i > 0 && isNameByte(text[i-1]) || from < len(text) && isNameByte(text[from]) {
			continue
		}
		line := lines.line(i)
		_, end := lines.bounds(line)
		out = append(out, Suppression{FromLine: line, ToLine: line, Names: parseNames(string(text[from:end]))})
		if end > from {
			from = end // one suppression per line
		}
	}
	return out
}

// isNameByte reports whether c may be part of a word like the keyword, so
// that "xtermlint:ignored" is not taken for it.
func isNameByte(c byte) bool {
	return c == '-' || c == '_' || c == ':' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
