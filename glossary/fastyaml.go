package glossary

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file is the glossary's fast path through YAML. yaml.v3, a port of
// libyaml, reads about 10 MB a second and builds its node tree with a
// great many small allocations, which for a glossary of 100,000 concepts
// (29 MB) is seconds and gigabytes. Glossaries are written in a small
// part of YAML, so fastYAML parses that part and nothing else:
//
//   - block mappings and sequences (also a sequence at the indentation of
//     the key it belongs to), a mapping starting on a sequence's "- " line;
//   - flow mappings and sequences on one line: {a: b, c: [d, e]};
//   - plain, single-quoted and double-quoted scalars on one line, with the
//     escapes of double quotes;
//   - comments, blank lines and a "---" before the document.
//
// It builds the *yaml.Node tree yaml.v3 would build for the same text
// (Kind, Style, Tag, Value, Line, Column and Content; no comments, which
// the glossary does not read). Anything else - anchors, aliases, tags,
// block scalars, scalars over several lines, explicit keys, tabs, several
// documents, a byte order mark, CR line ends, and every syntax error -
// makes it give up, and Parse reads the file with yaml.v3 instead, so
// that yaml.v3 stays the one that says what is wrong with a file. Either
// way the same reader (parse.go) turns the nodes into a glossary, so a new
// key of the glossary format (status_in, context, phrase) needs nothing
// here as long as it is written in the subset: a flow mapping such as
// {literal: preferred} is.
//
// The fast path also keeps memory down: the items of the top-level
// concepts list are not built as one tree. The document pass records
// where each item starts, and parseItem builds one item at a time in
// nodes reused for the next (see fastSeq), so that the glossary reader
// can turn each into a Concept and let its nodes go, on several cores.

// outsideSubset is what fastYAML panics with when the text leaves the
// subset it reads; the entry points recover it and report failure.
type outsideSubset struct{}

// maxFastDepth bounds the nesting the fast path follows (yaml.v3 stops at
// 10,000); glossaries nest four deep.
const maxFastDepth = 100

// maxKeyBytes bounds the length of a key: yaml.v3 (like libyaml) rejects
// an implicit key of more than 1024 characters.
const maxKeyBytes = 1000

// fastYAML is a parser of the subset, over one source text.
type fastYAML struct {
	src string
	// pos is the offset of the next byte to read, line its 1-based line
	// and lineStart the offset of that line's first byte.
	pos, line, lineStart int
	// indent is the indentation of the content line the parser stands
	// on after a block node, or -1 at the end of the text.
	indent int
	// extra counts the bytes after the first of each character read on
	// this line so far (see char): a column is an offset less that.
	extra int
	depth int

	// Nodes and content slices come from slabs, a few allocations instead
	// of one per node; reset recycles them (see parseItem).
	nodes []yaml.Node
	used  int
	ptrs  []*yaml.Node
	pused int
	// stack holds the children of the collections being parsed.
	stack []*yaml.Node

	// lazyKey names the key of the top-level mapping whose block sequence
	// is recorded as a fastSeq instead of parsed; "" parses everything.
	lazyKey string
	lazy    map[*yaml.Node]*fastSeq
}

// fastDocument parses src as one YAML document. It returns the document
// node and the sequences left unparsed under lazyKey (see fastSeq), or
// false when src is outside the subset (or no document at all).
func fastDocument(src, lazyKey string) (doc *yaml.Node, lazy map[*yaml.Node]*fastSeq, ok bool) {
	p := &fastYAML{src: src, lazyKey: lazyKey}
	defer func() {
		if r := recover(); r != nil {
			if _, outside := r.(outsideSubset); !outside {
				panic(r)
			}
			doc, lazy, ok = nil, nil, false
		}
	}()
	doc = p.document()
	return doc, p.lazy, true
}

func (p *fastYAML) fail() { panic(outsideSubset{}) }

func (p *fastYAML) document() *yaml.Node {
	p.line = 1
	indent := p.scanLine()
	if indent < 0 {
		p.fail() // no content: yaml.v3 says what an empty file is
	}
	doc := p.node(yaml.DocumentNode, 0, "", "", p.line, indent+1)
	if indent == 0 && strings.HasPrefix(p.src[p.pos:], "---") && p.blankAfter(p.pos+2) {
		p.pos += 3
		p.endLine()
		if indent = p.nextLine(); indent < 0 {
			p.fail()
		}
	}
	root := p.block(indent)
	if root.Kind == yaml.ScalarNode || p.indent >= 0 {
		// A document that is one scalar may go on over lines, and content
		// after the root is a second document or an error.
		p.fail()
	}
	doc.Content = []*yaml.Node{root}
	return doc
}

// node returns a new node from the slab.
func (p *fastYAML) node(kind yaml.Kind, style yaml.Style, tag, value string, line, col int) *yaml.Node {
	if p.used == len(p.nodes) {
		p.nodes = make([]yaml.Node, min(max(2*len(p.nodes), 64), 1024))
		p.used = 0
	}
	n := &p.nodes[p.used]
	p.used++
	// These are the only fields the parser sets, so a reused node needs
	// no other clearing. Setting them one by one, and pointers only when
	// they change, spares the write barriers of copying a whole Node
	// while the collector runs.
	n.Kind, n.Style, n.Value, n.Line, n.Column = kind, style, value, line, col
	if n.Tag != tag {
		n.Tag = tag
	}
	if n.Content != nil {
		n.Content = nil
	}
	return n
}

// content moves the children stacked since mark into a slice of their
// own.
func (p *fastYAML) content(mark int) []*yaml.Node {
	k := len(p.stack) - mark
	if k == 0 {
		return nil
	}
	if p.pused+k > len(p.ptrs) {
		p.ptrs = make([]*yaml.Node, max(min(4*len(p.ptrs), 4096), 256, k))
		p.pused = 0
	}
	c := p.ptrs[p.pused : p.pused+k : p.pused+k]
	p.pused += k
	copy(c, p.stack[mark:])
	// The stack is not cleared: the nodes it still points to are reused
	// or dropped with the parser, and clearing pointers while the
	// collector runs costs a write barrier each.
	p.stack = p.stack[:mark]
	return c
}

// reset recycles the slabs: the nodes returned so far must no longer be
// used.
func (p *fastYAML) reset() {
	p.used, p.pused = 0, 0
}

// col returns the 1-based column of offset off on the current line, in
// characters as yaml.v3 counts them. Every character before a node has
// been read, and each one outside ASCII through char, which counts its
// extra bytes.
func (p *fastYAML) col(off int) int {
	return off - p.lineStart - p.extra + 1
}

// blankAfter reports whether offset i is followed by a space, a line end
// or the end of the text.
func (p *fastYAML) blankAfter(i int) bool {
	return i+1 >= len(p.src) || p.src[i+1] == ' ' || p.src[i+1] == '\n'
}

// isEntry reports whether a "- " sequence entry starts at offset i.
func (p *fastYAML) isEntry(i int) bool {
	return i < len(p.src) && p.src[i] == '-' && p.blankAfter(i)
}

// char checks the non-ASCII character at offset i and returns its length.
// Besides invalid UTF-8 and what yaml.v3 refuses as control characters,
// it turns down the characters YAML 1.1 reads as line breaks (U+0085,
// U+2028, U+2029) and the byte order mark, which yaml.v3 skips at the
// start of a line.
func (p *fastYAML) char(i int) int {
	// Chinese characters and accented pinyin are most of a glossary's
	// non-ASCII text: check their three- and two-byte forms here, and
	// decode the rest.
	if c := p.src[i]; c >= 0xE1 && c <= 0xEC && i+2 < len(p.src) {
		c1, c2 := p.src[i+1], p.src[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && !(c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9)) {
			p.extra += 2
			return 3
		}
	} else if c >= 0xC3 && c <= 0xDF && i+1 < len(p.src) && p.src[i+1]&0xC0 == 0x80 {
		p.extra++
		return 2
	}
	r, size := utf8.DecodeRuneInString(p.src[i:])
	switch {
	case r == utf8.RuneError && size == 1, r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
		p.fail()
	}
	p.extra += size - 1
	return size
}

// comment skips a comment from its '#' at offset i to the line end,
// which it returns.
func (p *fastYAML) comment(i int) int {
	for i < len(p.src) {
		switch c := p.src[i]; {
		case c == '\n':
			return i
		case c >= 0x80:
			i += p.char(i)
		case c < 0x20 && c != '\t' || c == 0x7F:
			p.fail()
		default:
			i++
		}
	}
	return i
}

// endLine finishes a line after its last token: spaces, perhaps a
// comment, then the line end.
func (p *fastYAML) endLine() {
	i := p.pos
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	if i < len(p.src) {
		switch p.src[i] {
		case '\n':
		case '#':
			if i == p.pos && i != p.lineStart {
				p.fail() // a '#' against a token
			}
			i = p.comment(i)
		default:
			p.fail()
		}
	}
	p.pos = i
}

// nextLine moves from a line end to the first content of the next line
// that has any, past blank and comment lines, and returns its indentation
// (also left in p.indent), or -1 at the end of the text.
func (p *fastYAML) nextLine() int {
	if p.pos >= len(p.src) {
		p.indent = -1
		return -1
	}
	p.pos++ // the '\n' endLine stopped at
	p.line++
	p.lineStart, p.extra = p.pos, 0
	return p.scanLine()
}

// scanLine is nextLine from the start of a line.
func (p *fastYAML) scanLine() int {
	for {
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if i == len(p.src) {
			p.pos = i
			p.indent = -1
			return -1
		}
		switch p.src[i] {
		case '\n':
			p.pos = i
		case '#':
			p.pos = p.comment(i)
			if p.pos == len(p.src) {
				p.indent = -1
				return -1
			}
		default:
			p.pos = i
			p.indent = i - p.lineStart
			return p.indent
		}
		p.pos++
		p.line++
		p.lineStart, p.extra = p.pos, 0
	}
}

// block parses the block node at p.pos, the first content of its line or
// of a "- " entry, at column col (0-based; what precedes it on the line
// is ASCII). It returns with p.indent set to the indentation of the next
// content line.
func (p *fastYAML) block(col int) *yaml.Node {
	p.depth++
	if p.depth > maxFastDepth {
		p.fail()
	}
	defer func() { p.depth-- }()
	switch c := p.src[p.pos]; {
	case p.isEntry(p.pos):
		return p.blockSeq(col)
	case c == '[' || c == '{':
		n := p.flow()
		p.endLine()
		p.nextLine()
		return n
	}
	start := p.pos
	n := p.scalar(false)
	if k := p.keyEnd(start); k >= 0 {
		p.pos = k
		return p.blockMap(col, n)
	}
	p.endLine()
	p.nextLine()
	return n
}

// keyEnd reports whether the scalar just read from offset start is a
// key: followed, after spaces, by ':' and a blank. It returns the offset
// after the ':', or -1.
func (p *fastYAML) keyEnd(start int) int {
	i := p.pos
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	if i == len(p.src) || p.src[i] != ':' || !p.blankAfter(i) {
		return -1
	}
	if i-start > maxKeyBytes {
		p.fail()
	}
	return i + 1
}

// blockMap parses a block mapping at column col whose first key has been
// read; p.pos is after its ':'.
func (p *fastYAML) blockMap(col int, key *yaml.Node) *yaml.Node {
	m := p.node(yaml.MappingNode, 0, "!!map", "", key.Line, key.Column)
	mark := len(p.stack)
	for {
		p.stack = append(p.stack, key)
		p.stack = append(p.stack, p.mapValue(col, key))
		k := p.indent
		if k < col {
			break
		}
		if k > col || p.isEntry(p.pos) {
			p.fail()
		}
		start := p.pos
		key = p.scalar(false)
		end := p.keyEnd(start)
		if end < 0 {
			p.fail()
		}
		p.pos = end
	}
	m.Content = p.content(mark)
	return m
}

// mapValue parses the value of a block mapping at column col after its
// key's ':'.
func (p *fastYAML) mapValue(col int, key *yaml.Node) *yaml.Node {
	line, nullCol := p.line, p.col(p.pos)
	i := p.pos
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	if i < len(p.src) && p.src[i] != '\n' && p.src[i] != '#' {
		// The value is on the key's line: a scalar or a flow collection.
		p.pos = i
		var n *yaml.Node
		switch p.src[i] {
		case '[', '{':
			n = p.flow()
		default:
			n = p.scalar(false)
			if n.Style == 0 && p.pos < len(p.src) && p.src[p.pos] == ':' {
				p.fail()
			}
		}
		p.endLine()
		p.nextLine()
		return n
	}
	p.endLine()
	k := p.nextLine()
	switch {
	case k > col || k == col && p.isEntry(p.pos):
		if p.depth == 1 && p.lazyKey != "" && key.Value == p.lazyKey && p.isEntry(p.pos) {
			return p.lazySeq(k)
		}
		return p.block(k)
	}
	return p.node(yaml.ScalarNode, 0, "!!null", "", line, nullCol)
}

// blockSeq parses a block sequence whose first "- " is at p.pos, column
// col.
func (p *fastYAML) blockSeq(col int) *yaml.Node {
	s := p.node(yaml.SequenceNode, 0, "!!seq", "", p.line, col+1)
	mark := len(p.stack)
	for {
		p.stack = append(p.stack, p.entry(col))
		if p.indent != col || !p.isEntry(p.pos) {
			break
		}
	}
	if p.indent > col {
		p.fail()
	}
	s.Content = p.content(mark)
	return s
}

// entry parses one "- " entry of a block sequence at column col, from its
// '-'.
func (p *fastYAML) entry(col int) *yaml.Node {
	line := p.line
	p.pos++
	i := p.pos
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	if i < len(p.src) && p.src[i] != '\n' && p.src[i] != '#' {
		p.pos = i
		return p.block(i - p.lineStart)
	}
	p.endLine()
	if k := p.nextLine(); k > col {
		return p.block(k)
	}
	return p.node(yaml.ScalarNode, 0, "!!null", "", line, col+2)
}

// flow parses a flow sequence or mapping, from its '[' or '{' to the
// closing bracket, on one line.
func (p *fastYAML) flow() *yaml.Node {
	p.depth++
	if p.depth > maxFastDepth {
		p.fail()
	}
	defer func() { p.depth-- }()
	open := p.src[p.pos]
	kind, tag, closing := yaml.SequenceNode, "!!seq", byte(']')
	if open == '{' {
		kind, tag, closing = yaml.MappingNode, "!!map", '}'
	}
	n := p.node(kind, yaml.FlowStyle, tag, "", p.line, p.col(p.pos))
	mark := len(p.stack)
	p.pos++
	for {
		if p.flowSpaces() == closing {
			p.pos++
			break
		}
		if kind == yaml.SequenceNode {
			p.stack = append(p.stack, p.flowNode())
		} else {
			start := p.pos
			key := p.scalar(true)
			if p.flowSpaces() != ':' || !p.blankAfter(p.pos) || p.pos-start > maxKeyBytes {
				p.fail()
			}
			p.pos++
			if c := p.flowSpaces(); c == ',' || c == '}' {
				p.fail() // an empty value
			}
			p.stack = append(p.stack, key, p.flowNode())
		}
		switch p.flowSpaces() {
		case ',':
			p.pos++
		case closing:
			p.pos++
			n.Content = p.content(mark)
			return n
		default:
			p.fail()
		}
	}
	n.Content = p.content(mark)
	return n
}

// flowSpaces skips spaces inside a flow collection and returns the byte
// after them; the collection must go on on this line.
func (p *fastYAML) flowSpaces() byte {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos == len(p.src) || p.src[p.pos] == '\n' || p.src[p.pos] == '#' {
		p.fail()
	}
	return p.src[p.pos]
}

// flowNode parses a node inside a flow collection.
func (p *fastYAML) flowNode() *yaml.Node {
	if c := p.src[p.pos]; c == '[' || c == '{' {
		return p.flow()
	}
	return p.scalar(true)
}

// scalar parses a quoted or plain scalar on the current line, in flow
// context or not; p.pos is left after it (for a plain scalar, after its
// last non-blank character).
func (p *fastYAML) scalar(flow bool) *yaml.Node {
	line, col := p.line, p.col(p.pos)
	switch c := p.src[p.pos]; c {
	case '\'':
		return p.node(yaml.ScalarNode, yaml.SingleQuotedStyle, "!!str", p.singleQuoted(), line, col)
	case '"':
		return p.node(yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str", p.doubleQuoted(), line, col)
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		// Indicators; '-', '?' and ':' may start a plain scalar, which
		// the subset leaves out rather than follow yaml.v3's rules.
		p.fail()
	}
	v := p.plain(flow)
	return p.node(yaml.ScalarNode, 0, plainTag(v), v, line, col)
}

// plainStop marks the bytes a plain scalar's fast loop stops at: blanks,
// ':' and '#' (which may end it), control characters and non-ASCII (which
// need a closer look), and in flow context the flow indicators.
var plainStop, flowPlainStop [256]bool

func init() {
	for c := range 256 {
		stop := c <= ' ' || c == ':' || c == '#' || c >= 0x7F
		plainStop[c] = stop
		flowPlainStop[c] = stop || strings.IndexByte(",?[]{}", byte(c)) >= 0
	}
}

// plain scans a plain scalar on one line, as yaml.v3 does: it ends before
// ": ", " #", the line end and, in flow context, a flow indicator, and
// does not hold its trailing spaces.
func (p *fastYAML) plain(flow bool) string {
	stop := &plainStop
	if flow {
		stop = &flowPlainStop
	}
	start, i := p.pos, p.pos
	for i < len(p.src) {
		c := p.src[i]
		if !stop[c] {
			i++
			continue
		}
		switch {
		case c >= 0x80:
			i += p.char(i)
			continue
		case c == ':':
			if p.blankAfter(i) {
				v := strings.TrimRight(p.src[start:i], " ")
				p.pos = start + len(v)
				return v
			}
			i++
			continue
		case c == '#':
			i++ // no blank before it, so not a comment
			continue
		case c == ' ':
			end := i
			for i < len(p.src) && p.src[i] == ' ' {
				i++
			}
			if i == len(p.src) || p.src[i] == '\n' || p.src[i] == '#' {
				p.pos = end
				return p.src[start:end]
			}
			continue
		case c == '\n':
		case flow && strings.IndexByte(",?[]{}", c) >= 0:
		default:
			p.fail() // tab, CR, control character
		}
		break
	}
	// A flow indicator, perhaps after spaces, or the line end.
	v := strings.TrimRight(p.src[start:i], " ")
	p.pos = start + len(v)
	return v
}

// resolveHint sorts the first bytes of plain scalars as yaml.v3's
// resolver does: 'M' for those of its keywords (true, null, "<<", ...),
// 'N' for those of numbers and dates, 0 for the rest, which are strings.
var resolveHint [256]byte

func init() {
	for _, c := range "yYnNtTfFoO~<" {
		resolveHint[c] = 'M'
	}
	for _, c := range "+-0123456789." {
		resolveHint[c] = 'N'
	}
}

// plainTag is the tag yaml.v3 resolves a plain scalar to. Its first byte
// settles most; yaml.v3's keywords are few and looked up here, and
// numbers and dates are left to yaml.v3's own resolver (Node.ShortTag).
func plainTag(v string) string {
	if v == "" {
		return "!!null"
	}
	switch resolveHint[v[0]] {
	case 0:
		return "!!str"
	case 'M':
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		case "<<":
			return "!!merge"
		}
		return "!!str"
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return n.ShortTag()
}

// singleQuoted reads a single-quoted scalar on one line from its opening
// quote.
func (p *fastYAML) singleQuoted() string {
	start := p.pos + 1
	var buf []byte
	for i := start; i < len(p.src); {
		switch c := p.src[i]; {
		case c == '\'':
			if i+1 < len(p.src) && p.src[i+1] == '\'' {
				buf = append(buf, p.src[start:i+1]...)
				i += 2
				start = i
				continue
			}
			p.pos = i + 1
			if buf == nil {
				return p.src[start:i]
			}
			return string(append(buf, p.src[start:i]...))
		case c >= 0x80:
			i += p.char(i)
		case c < 0x20 || c == 0x7F:
			p.fail() // a line break (the scalar goes on), tab or control character
		default:
			i++
		}
	}
	p.fail()
	return ""
}

// doubleEscapes maps the one-character escapes of double-quoted scalars
// yaml.v3 knows to what they stand for.
var doubleEscapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", 'n': "\n", 'v': "\v", 'f': "\f", 'r': "\r", 'e': "\x1b",
	' ': " ", '"': "\"", '\'': "'", '\\': "\\", 'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// doubleQuoted reads a double-quoted scalar on one line from its opening
// quote.
func (p *fastYAML) doubleQuoted() string {
	start := p.pos + 1
	var buf []byte
	for i := start; i < len(p.src); {
		switch c := p.src[i]; {
		case c == '"':
			p.pos = i + 1
			if buf == nil {
				return p.src[start:i]
			}
			return string(append(buf, p.src[start:i]...))
		case c == '\\':
			if i+1 == len(p.src) {
				p.fail()
			}
			buf = append(buf, p.src[start:i]...)
			e := p.src[i+1]
			i += 2
			if s, ok := doubleEscapes[e]; ok {
				buf = append(buf, s...)
			} else {
				digits := 0
				switch e {
				case 'x':
					digits = 2
				case 'u':
					digits = 4
				case 'U':
					digits = 8
				}
				if digits == 0 || i+digits > len(p.src) {
					p.fail() // an unknown escape, or a line break escaped
				}
				r := rune(0)
				for _, h := range []byte(p.src[i : i+digits]) {
					r <<= 4
					switch {
					case '0' <= h && h <= '9':
						r |= rune(h - '0')
					case 'a' <= h && h <= 'f':
						r |= rune(h - 'a' + 10)
					case 'A' <= h && h <= 'F':
						r |= rune(h - 'A' + 10)
					default:
						p.fail()
					}
				}
				if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
					p.fail()
				}
				buf = utf8.AppendRune(buf, r)
				i += digits
			}
			start = i
		case c >= 0x80:
			i += p.char(i)
		case c < 0x20 || c == 0x7F:
			p.fail()
		default:
			i++
		}
	}
	p.fail()
	return ""
}

// fastSeq is a block sequence fastDocument did not parse: the concepts
// list, whose items parseItem builds one at a time.
type fastSeq struct {
	src string
	// col is the column of the sequence's '-'s (0-based).
	col int
	// starts are the offsets of the lines the items start on, and lines
	// their line numbers.
	starts, lines []int
	// end is the offset of the line after the sequence (len(src) at the
	// end of the text).
	end int
}

// lazySeq records the block sequence at column col whose first '-' is at
// p.pos, and moves past it. An item runs from its "- " line to the next
// line with content at the sequence's indentation or less; whatever is
// in it, parseItem checks.
func (p *fastYAML) lazySeq(col int) *yaml.Node {
	n := p.node(yaml.SequenceNode, 0, "!!seq", "", p.line, col+1)
	s := &fastSeq{src: p.src, col: col}
	i, line := p.lineStart, p.line
	for i < len(p.src) {
		j := i
		for j < len(p.src) && p.src[j] == ' ' {
			j++
		}
		if j == len(p.src) {
			i = j
			break
		}
		if c := p.src[j]; c != '\n' && c != '#' {
			indent := j - i
			if indent < col {
				break
			}
			if indent == col {
				if !p.isEntry(j) {
					break
				}
				s.starts = append(s.starts, i)
				s.lines = append(s.lines, line)
			}
		}
		k := strings.IndexByte(p.src[j:], '\n')
		if k < 0 {
			i = len(p.src)
			break
		}
		i = j + k + 1
		line++
	}
	if i == len(p.src) {
		s.end = len(p.src)
		p.pos, p.indent = len(p.src), -1
	} else {
		s.end = i
		p.lineStart, p.line, p.extra = i, line, 0
		p.pos = i
		p.indent = p.scanLine()
	}
	if p.lazy == nil {
		p.lazy = map[*yaml.Node]*fastSeq{}
	}
	p.lazy[n] = s
	return n
}

// parseItem parses item i of s with p, whose slabs it resets first: the
// nodes of the previous item are reused. It returns false when the item
// is outside the subset.
func (s *fastSeq) parseItem(p *fastYAML, i int) (item *yaml.Node, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, outside := r.(outsideSubset); !outside {
				panic(r)
			}
			item, ok = nil, false
		}
	}()
	p.reset()
	p.src = s.src
	p.lineStart, p.line, p.pos = s.starts[i], s.lines[i], s.starts[i]+s.col
	p.extra = 0
	p.depth = 1
	item = p.entry(s.col)
	end := s.end
	if i+1 < len(s.starts) {
		end = s.starts[i+1]
	}
	// The item must end where the next begins: anything else is text the
	// line scan of lazySeq and the parser read differently.
	if p.indent < 0 && end != len(s.src) || p.indent >= 0 && p.lineStart != end {
		return nil, false
	}
	return item, true
}
