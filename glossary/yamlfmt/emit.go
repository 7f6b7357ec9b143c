package yamlfmt

import (
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// entry is one line-starting element of the output: a key and its value
// in a block mapping, or an item of a block sequence. Comments hang on
// entries.
type entry struct {
	key *yaml.Node // nil for a sequence item
	val *yaml.Node
	lay *layout // val's layout
	// line and col are where the entry starts in the file (the key, or
	// the item's "-"); 0 for an entry Marshal made.
	line, col int
	// children are the entries of val, in output order, when val is a
	// block mapping or sequence.
	children []*entry
	// blank is the layout's blank line before this entry.
	blank bool

	head []commentLine
	// headGap keeps a blank line between the head comments and the entry.
	headGap bool
	tail    []string
	foot    []commentLine
}

type commentLine struct {
	text string
	// gap keeps a blank line before this comment line.
	gap bool
}

// tree is a glossary file's entries.
type tree struct {
	src  *source // nil for Marshal's trees
	root []*entry
	// all lists every entry in file order (parents before children).
	all []*entry
	// starts lists the line of every node, sorted.
	starts []int
	// head is the file's head comment: the comments before the first
	// entry that a blank line separates from it. It stays at the top
	// whichever key comes first.
	head []commentLine
}

// isBlock says whether n is written as a block collection under lay.
func isBlock(n *yaml.Node, lay *layout, inFlow bool) bool {
	n = resolve(n)
	if inFlow || lay == nil || lay.flow || len(n.Content) == 0 {
		return false
	}
	return n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode
}

// resolve returns n, or what it aliases: an alias is written as an alias,
// but laid out as what it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func (t *tree) build(n *yaml.Node, lay *layout) []*entry {
	if n.Kind == yaml.AliasNode || !isBlock(n, lay, false) {
		return nil
	}
	var out []*entry
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			e := &entry{key: k, val: v, lay: lay.of(k.Value), line: k.Line, col: k.Column, blank: lay.blank}
			t.all = append(t.all, e)
			e.children = t.build(v, e.lay)
			out = append(out, e)
		}
		if lay.keys != nil {
			rank := func(e *entry) int {
				if i := slices.Index(lay.keys, e.key.Value); i >= 0 {
					return i
				}
				return len(lay.keys)
			}
			sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
		}
	case yaml.SequenceNode:
		item := lay.of("")
		for _, v := range n.Content {
			e := &entry{val: v, lay: item, line: v.Line, col: v.Column, blank: lay.blank}
			if t.src != nil {
				e.col = t.src.dashColumn(v)
			}
			t.all = append(t.all, e)
			e.children = t.build(v, item)
			out = append(out, e)
		}
	}
	return out
}

// attach hangs each comment of the file on an entry:
//   - a comment after code on its line is the tail of the last entry
//     started by then;
//   - a comment on a line of its own is the head of the next entry, unless
//     it is indented deeper than that entry: then it closes what comes
//     before, and is the foot of the last entry before it indented no
//     deeper than the comment.
//
// A comment inside a value that is not an entry of its own (a flow list
// written over several lines) is the head of the entry holding it.
func (t *tree) attach(comments []comment) {
	for _, c := range comments {
		next := sort.Search(len(t.all), func(i int) bool { return t.all[i].line > c.line })
		var prev *entry
		if next > 0 {
			prev = t.all[next-1]
		}
		if c.trailing {
			if prev != nil {
				prev.tail = append(prev.tail, c.text)
			} else if len(t.all) > 0 {
				t.all[0].head = append(t.all[0].head, commentLine{text: c.text})
			}
			continue
		}
		line := commentLine{text: c.text, gap: t.src.blank(c.line - 1)}
		var target *entry
		if next < len(t.all) {
			target = t.all[next]
			// The first value after the comment is inside prev.
			if i := sort.SearchInts(t.starts, c.line+1); prev != nil && i < len(t.starts) && t.starts[i] < target.line {
				prev.head = append(prev.head, line)
				continue
			}
		}
		if target == nil || c.col > target.col {
			for i := next - 1; i >= 0; i-- {
				if t.all[i].col <= c.col {
					t.all[i].foot = append(t.all[i].foot, line)
					target = nil
					break
				}
			}
		}
		if target == nil {
			continue
		}
		target.head = append(target.head, line)
		target.headGap = false
		for l := c.line + 1; l < target.line; l++ {
			if t.src.blank(l) {
				target.headGap = true
			}
		}
	}
	t.splitHead()
	// A foot comment followed by a sibling is written, and read back, as
	// that sibling's head: moving it now makes the layout of blank lines
	// the same on both readings.
	var settle func(list []*entry)
	settle = func(list []*entry) {
		for i, e := range list {
			if i+1 < len(list) && len(e.foot) > 0 {
				n := list[i+1]
				if len(n.head) == 0 {
					n.headGap = false
				}
				n.head = append(e.foot, n.head...)
				e.foot = nil
			}
			settle(e.children)
		}
	}
	settle(t.root)
}

// splitHead moves the comments above the first entry of the file, up to
// the last blank line between them and it, to the file's head.
func (t *tree) splitHead() {
	if len(t.all) == 0 {
		return
	}
	first := t.all[0]
	cut := -1
	if first.headGap {
		cut = len(first.head)
	} else {
		for i := len(first.head) - 1; i > 0; i-- {
			if first.head[i].gap {
				cut = i
				break
			}
		}
	}
	if cut <= 0 {
		return
	}
	t.head = first.head[:cut:cut]
	first.head = first.head[cut:]
	if len(first.head) > 0 {
		first.head[0].gap = false
	} else {
		first.headGap = false
	}
}

// writer writes a tree's lines.
type writer struct {
	t     *tree
	lines []string
}

func (w *writer) line(s string) { w.lines = append(w.lines, strings.TrimRight(s, " ")) }

// gap writes a blank line, unless at the start or after another.
func (w *writer) gap() {
	if len(w.lines) > 0 && w.lines[len(w.lines)-1] != "" {
		w.lines = append(w.lines, "")
	}
}

func pad(n int) string { return strings.Repeat(" ", n) }

func (w *writer) comments(list []commentLine, indent int) {
	for _, c := range list {
		if c.gap {
			w.gap()
		}
		w.line(pad(indent) + c.text)
	}
}

func withTail(s string, tail []string) string {
	if len(tail) == 0 {
		return s
	}
	return strings.TrimRight(s, " ") + " " + strings.Join(tail, " ")
}

func (w *writer) entries(list []*entry, indent int) {
	for _, e := range list {
		w.entry(e, indent)
	}
}

// entry writes e with its key or dash at indent.
func (w *writer) entry(e *entry, indent int) {
	if e.blank {
		w.gap()
	}
	w.comments(e.head, indent)
	if len(e.head) > 0 && e.headGap {
		w.gap()
	}
	val := resolve(e.val)
	var lead string
	if e.key != nil {
		lead = pad(indent) + w.scalar(e.key, false) + ":"
	} else {
		lead = pad(indent) + "-"
	}
	switch {
	case e.key == nil && len(e.children) > 0 && val.Kind == yaml.MappingNode && e.val.Kind != yaml.AliasNode && props(e.val) == "":
		// "- key: value", the item's first entry on the dash line.
		first := e.children[0]
		w.comments(first.head, indent)
		if len(first.head) > 0 && first.headGap {
			w.gap()
		}
		inner := *first
		inner.head, inner.blank = nil, false
		inner.tail = append(slices.Clone(first.tail), e.tail...)
		mark := len(w.lines)
		w.entry(&inner, indent+2)
		w.lines[mark] = pad(indent) + "- " + strings.TrimLeft(w.lines[mark], " ")
		w.entries(e.children[1:], indent+2)
	case len(e.children) > 0:
		w.line(withTail(lead+sp(props(e.val)), e.tail))
		w.entries(e.children, indent+2)
	default:
		if b, ok := w.blockScalar(e.val); ok {
			w.line(withTail(lead+" "+props(e.val)+b.header, e.tail))
			for _, l := range b.lines {
				if l == "" {
					w.lines = append(w.lines, "")
				} else {
					w.line(pad(indent+2) + l)
				}
			}
			break
		}
		w.line(withTail(lead+sp(w.flow(e.val, e.lay, false)), e.tail))
	}
	w.comments(e.foot, indent)
}

func sp(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}

// props is a node's anchor and explicit tag, each followed by a space
// when more follows.
func props(n *yaml.Node) string {
	var p []string
	if n.Anchor != "" {
		p = append(p, "&"+n.Anchor)
	}
	if n.Style&yaml.TaggedStyle != 0 && n.Tag != "" {
		p = append(p, n.ShortTag())
	}
	return strings.Join(p, " ")
}

func (w *writer) blockScalar(n *yaml.Node) (blockScalar, bool) {
	if w.t.src == nil || n.Kind != yaml.ScalarNode {
		return blockScalar{}, false
	}
	b, ok := w.t.src.block[n]
	return b, ok
}

// flow writes n on one line: a scalar, an alias, or a flow collection
// whose mappings follow lay's key order.
func (w *writer) flow(n *yaml.Node, lay *layout, inFlow bool) string {
	p := props(n)
	switch n.Kind {
	case yaml.AliasNode:
		return "*" + n.Value
	case yaml.ScalarNode:
		return joinSp(p, w.scalar(n, inFlow))
	case yaml.SequenceNode:
		items := make([]string, len(n.Content))
		for i, c := range n.Content {
			items[i] = w.flow(c, lay.of(""), true)
		}
		return joinSp(p, "["+strings.Join(items, ", ")+"]")
	case yaml.MappingNode:
		type pair struct{ k, v *yaml.Node }
		pairs := make([]pair, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
		}
		if lay != nil && lay.keys != nil {
			rank := func(p pair) int {
				if i := slices.Index(lay.keys, p.k.Value); i >= 0 {
					return i
				}
				return len(lay.keys)
			}
			sort.SliceStable(pairs, func(i, j int) bool { return rank(pairs[i]) < rank(pairs[j]) })
		}
		items := make([]string, len(pairs))
		for i, p := range pairs {
			v := w.flow(p.v, lay.of(p.k.Value), true)
			if v == "" {
				v = "null"
			}
			items[i] = w.scalar(p.k, true) + ": " + v
		}
		return joinSp(p, "{"+strings.Join(items, ", ")+"}")
	}
	return ""
}

func joinSp(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// scalar writes a scalar as its author quoted it where that is valid in
// its new place: a quoted scalar on one line keeps its very text, a plain
// one stays plain unless it would read differently. Scalars Marshal made
// are plain unless that changes them, double-quoted otherwise.
func (w *writer) scalar(n *yaml.Node, inFlow bool) string {
	if n.Kind == yaml.AliasNode {
		return "*" + n.Value
	}
	v := n.Value
	if w.t.src != nil {
		if q, ok := w.t.src.quoted[n]; ok {
			return q
		}
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return doubleQuoted(v)
	case n.Style&yaml.SingleQuotedStyle != 0:
		if q, ok := singleQuoted(v); ok && !strings.Contains(v, "\n") {
			return q
		}
		return doubleQuoted(v)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return doubleQuoted(v)
	}
	if n.Tag == "!!null" && n.Line > 0 {
		if v == "" && inFlow {
			return "null"
		}
		return v
	}
	tag := ""
	if n.Style&yaml.TaggedStyle != 0 || n.Line == 0 && n.Tag != "!!str" {
		tag = n.Tag // explicit tags, and Marshal's booleans, must read back as such
	}
	if plainOK(v, inFlow, tag) {
		return v
	}
	return doubleQuoted(v)
}
