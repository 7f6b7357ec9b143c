// Package yamlnode holds what termlint's YAML readers (the glossary and the
// config file) share to report problems by line and column: walking
// yaml.v3 nodes rather than decoding into structs keeps every value's
// position, so a message can say where in the file it is.
package yamlnode

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Pos is a position in a YAML file. Lines and columns are 1-based;
// columns count Unicode code points, as yaml.v3 reports them; 0 is
// unknown.
type Pos struct {
	File   string
	Line   int
	Column int
}

// At is the position of node n in file.
func At(file string, n *yaml.Node) Pos { return Pos{file, n.Line, n.Column} }

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// syntaxErrorLine pulls the line out of yaml.v3's "yaml: line N: ..." errors.
var syntaxErrorLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// SyntaxError splits an error of yaml.Unmarshal on data into the line and
// column it is at and a message that starts "invalid YAML: ". yaml.v3 names
// a line for most errors and a column for none, so the column is 0 unless
// the error names what it is about: an unknown anchor, whose first alias
// is found in data, a %YAML directive of another version, or a character
// the reader rejects (found again in data). An error yaml.v3 gives no
// line is on the first; only where nothing can say (excessive aliasing)
// is the line 0.
func SyntaxError(err error, data []byte) (line, col int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if m := syntaxErrorLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	var at []byte
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		at = []byte("*" + m[1])
	} else if strings.Contains(msg, "incompatible YAML document") {
		at = []byte("%YAML") // yaml.v3 says line 1 wherever it is
	}
	i := -1
	switch {
	case at != nil:
		i = bytes.Index(data, at)
	case line == 0 && readerError.MatchString(msg):
		// yaml.v3 reads the whole input before it parses and says
		// where it stopped in no message; find it again.
		i = badCharacter(data)
	}
	switch {
	case i >= 0:
		line = bytes.Count(data[:i], []byte("\n")) + 1
		col = utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i]) + 1
	case line == 0 && !readerError.MatchString(msg) && !strings.Contains(msg, "excessive aliasing"):
		// yaml.v3 counts lines from 0 and leaves "line 0" out of the
		// message: the parser's error is on the first line.
		line = 1
	}
	return line, col, "invalid YAML: " + msg
}

// readerError matches the messages of yaml.v3's reader, which checks
// the characters of the input and names no line.
var readerError = regexp.MustCompile(`^(control characters are not allowed|invalid (leading|trailing) UTF-8 octet|incomplete UTF-8 octet sequence|invalid length of a UTF-8 sequence|invalid Unicode character)$`)

// badCharacter returns the offset of the first byte in UTF-8 data that
// yaml.v3's reader rejects, invalid UTF-8 or a character YAML does not
// allow, or -1.
func badCharacter(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 || !yamlPrintable(r) {
			return i
		}
		i += size
	}
	return -1
}

// yamlPrintable reports whether YAML 1.2 allows r in a stream.
func yamlPrintable(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return true
	case r < 0x20 || r == 0x7F:
		return false
	case r <= 0x7E:
		return true
	}
	return r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// unknownAnchor pulls the name out of yaml.v3's "unknown anchor 'x'
// referenced".
var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// Resolve follows aliases to the node they name.
func Resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// IsNull reports whether n is an empty value ("key:" with nothing after
// it), which readers treat as a key left out.
func IsNull(n *yaml.Node) bool {
	n = Resolve(n)
	return n.Kind == 0 || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// Describe names what a node is, for messages: "a mapping", "a list",
// `the int "3"`, "empty".
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		tag := strings.TrimPrefix(n.Tag, "!!")
		if !plainTag.MatchString(tag) {
			// A tag of the file's own making is content too.
			return fmt.Sprintf("the value %s tagged %s", Excerpt(n.Value), Excerpt(n.Tag))
		}
		return fmt.Sprintf("the %s %s", tag, Excerpt(n.Value))
	}
	return "empty"
}

// plainTag matches the YAML core schema's tags, without their "!!".
var plainTag = regexp.MustCompile(`^[a-z]{1,12}$`)

// ExcerptLen is how many characters of a value Excerpt keeps.
const ExcerptLen = 80

// Excerpt quotes a value from a file for a message, as %q does, so that
// control characters, line breaks and invalid UTF-8 come out escaped and
// never reach a terminal or a CI runner raw; a value longer than
// ExcerptLen characters is cut there and marked with "...". A message
// then shows what is wrong without copying out a file that was never
// meant to be read (a configuration may name any file as a glossary).
func Excerpt(s string) string {
	n := 0
	for i := range s {
		if n == ExcerptLen {
			return strconv.Quote(s[:i]) + "..."
		}
		n++
	}
	return strconv.Quote(s)
}

// DidYouMean returns ` (did you mean "x"?)` for the known name closest to
// a mistyped one (at most two edits away), else ` (known keys: a, b, ...)`
// with what naming the known names ("known keys").
func DidYouMean(key string, known []string, what string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if d := distance(strings.ToLower(key), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return " (" + what + ": " + strings.Join(known, ", ") + ")"
}

// distance is the Levenshtein distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return row[len(rb)]
}
