package yamlfmt

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source is a YAML file split into lines, with what yaml.v3 does not
// tell: where each comment is and the exact text of each quoted scalar.
//
// Comments are found by scanning the lines, not taken from yaml.v3's
// Head/Line/FootComment: yaml.v3 attaches a comment to a node by rules of
// its own (a block after a blank line becomes the previous node's foot,
// comments inside flow collections are dropped), and says nothing of the
// blank lines around them, which the canonical layout keeps. A '#' starts a
// comment when it is at the start of a line or after a space or tab, and is
// not inside a quoted or block scalar; the scalars' extents come from the
// positions yaml.v3 gives every node, so the scan never has to guess where
// a scalar starts.
type source struct {
	lines []string
	// masked[i] lists the byte ranges of line i (0-based) inside scalars.
	masked map[int][][2]int
	// quoted holds the source text of each single-line quoted scalar,
	// quotes included, kept as the author wrote it.
	quoted map[*yaml.Node]string
	// blockLines holds, for each block scalar (| or >) whose content can
	// be moved to another indentation as it is, its header and its
	// content lines without their common indentation.
	block map[*yaml.Node]blockScalar
}

type blockScalar struct {
	header string
	lines  []string // "" for an empty line
}

// comment is one comment of the file.
type comment struct {
	line int // 1-based
	col  int // 1-based, in code points
	text string
	// trailing is set when code precedes the comment on its line.
	trailing bool
}

func newSource(src []byte, root *yaml.Node) *source {
	s := &source{
		lines:  strings.Split(string(src), "\n"),
		masked: map[int][][2]int{},
		quoted: map[*yaml.Node]string{},
		block:  map[*yaml.Node]blockScalar{},
	}
	for i, l := range s.lines {
		s.lines[i] = strings.TrimSuffix(l, "\r")
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			s.scalar(n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return s
}

// byteAt converts a 1-based code point column on line (1-based) to a byte
// offset, or -1 when the line is not that long.
func (s *source) byteAt(line, col int) int {
	if line < 1 || line > len(s.lines) {
		return -1
	}
	l := s.lines[line-1]
	off := 0
	for c := 1; c < col; c++ {
		if off >= len(l) {
			return -1
		}
		_, size := utf8.DecodeRuneInString(l[off:])
		off += size
	}
	return off
}

func (s *source) mask(line, from, to int) {
	s.masked[line] = append(s.masked[line], [2]int{from, to})
}

// scalar records the extent of scalar n: quoted text and block scalar
// content cannot hold comments.
func (s *source) scalar(n *yaml.Node) {
	if n.Line == 0 {
		return
	}
	li := n.Line - 1
	off := s.byteAt(n.Line, n.Column)
	if off < 0 {
		return
	}
	l := s.lines[li]
	// yaml.v3 places a node with an anchor or a tag at the anchor or tag.
	for off < len(l) && (l[off] == '&' || l[off] == '!') {
		for off < len(l) && l[off] != ' ' && l[off] != '\t' {
			off++
		}
		for off < len(l) && (l[off] == ' ' || l[off] == '\t') {
			off++
		}
	}
	if off >= len(l) {
		return
	}
	switch n.Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle) {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		s.quotedScalar(n, li, off)
	case yaml.LiteralStyle, yaml.FoldedStyle:
		s.blockScalar(n, li, off)
	}
}

func (s *source) quotedScalar(n *yaml.Node, li, start int) {
	q := s.lines[li][start]
	if q != '"' && q != '\'' {
		return
	}
	i := start + 1
	for line := li; line < len(s.lines); line++ {
		l := s.lines[line]
		for ; i < len(l); i++ {
			switch {
			case q == '"' && l[i] == '\\':
				i++
			case l[i] == q && q == '\'' && i+1 < len(l) && l[i+1] == '\'':
				i++
			case l[i] == q:
				s.mask(line, start, i+1)
				if line == li {
					s.quoted[n] = l[start : i+1]
				}
				return
			}
		}
		s.mask(line, start, len(l))
		start, i = 0, 0
	}
}

func (s *source) blockScalar(n *yaml.Node, li, start int) {
	l := s.lines[li]
	end := start + 1
	for end < len(l) && l[end] != ' ' && l[end] != '\t' {
		end++
	}
	header := l[start:end]
	// The content: the lines after the header as indented as the first
	// line that is not empty, and the empty lines among them.
	indent := -1
	var content []string
	last := li
	for line := li + 1; line < len(s.lines); line++ {
		t := s.lines[line]
		if strings.TrimSpace(t) == "" {
			content = append(content, "")
			continue
		}
		ind := len(t) - len(strings.TrimLeft(t, " "))
		if indent < 0 {
			indent = ind
		}
		if ind < indent || ind == 0 {
			break
		}
		content = append(content, t[indent:])
		last = line
	}
	for line := li + 1; line <= last; line++ {
		s.mask(line, 0, len(s.lines[line]))
	}
	content = content[:last-li]
	// An explicit indentation indicator ties the content to the parent's
	// indentation: such a scalar is written quoted instead.
	if strings.ContainsAny(header, "123456789") || indent < 0 {
		return
	}
	// Empty lines kept at the end belong to a "keep" (+) scalar only.
	if strings.Contains(header, "+") {
		for line := last + 1; line < len(s.lines) && strings.TrimSpace(s.lines[line]) == ""; line++ {
			content = append(content, "")
		}
	}
	s.block[n] = blockScalar{header: header, lines: content}
}

// comments lists the file's comments in order.
func (s *source) comments() []comment {
	var out []comment
	for li, l := range s.lines {
		ranges := s.masked[li]
		for i := 0; i < len(l); i++ {
			if l[i] != '#' || i > 0 && l[i-1] != ' ' && l[i-1] != '\t' || inRanges(ranges, i) {
				continue
			}
			out = append(out, comment{
				line:     li + 1,
				col:      utf8.RuneCountInString(l[:i]) + 1,
				text:     strings.TrimRight(l[i:], " \t"),
				trailing: strings.TrimSpace(l[:i]) != "",
			})
			break
		}
	}
	return out
}

func inRanges(ranges [][2]int, i int) bool {
	for _, r := range ranges {
		if r[0] <= i && i < r[1] {
			return true
		}
	}
	return false
}

// blank reports whether line (1-based) is empty or spaces only.
func (s *source) blank(line int) bool {
	return line >= 1 && line <= len(s.lines) && strings.TrimSpace(s.lines[line-1]) == ""
}

// dashColumn is the column of the "-" that introduces the sequence item
// starting at n, or n's own column.
func (s *source) dashColumn(n *yaml.Node) int {
	off := s.byteAt(n.Line, n.Column)
	if off < 0 {
		return n.Column
	}
	l := s.lines[n.Line-1]
	i := off - 1
	for i >= 0 && (l[i] == ' ' || l[i] == '\t') {
		i--
	}
	if i >= 0 && l[i] == '-' {
		return utf8.RuneCountInString(l[:i]) + 1
	}
	return n.Column
}
