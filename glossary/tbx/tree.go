package tbx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/glossary"
)

// node is an element of the file as read: TBX files are small enough to
// hold whole, and the entries of some tools need a second look (a
// cross-reference to an entry further down).
type node struct {
	name xml.Name
	attr []xml.Attr
	// content holds the element's text (string) and child elements
	// (*node) in document order.
	content []any
	pos     glossary.Pos
}

// kids returns the child elements.
func (n *node) kids() []*node {
	var out []*node
	for _, c := range n.content {
		if k, ok := c.(*node); ok {
			out = append(out, k)
		}
	}
	return out
}

// text returns all text inside n, that of inline elements (<hi>) included.
func (n *node) text() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, c := range n.content {
			switch c := c.(type) {
			case string:
				b.WriteString(c)
			case *node:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// get returns the attribute with the given local name, whatever its
// namespace (xml:lang, lang).
func (n *node) get(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element with the given local name.
func (n *node) child(local string) *node {
	for _, k := range n.kids() {
		if k.name.Local == local {
			return k
		}
	}
	return nil
}

// lineIndex turns byte offsets into positions whose columns count code
// points, as all of termlint's positions do.
type lineIndex struct {
	name   string
	data   []byte
	starts []int // the offset at which each line begins
	// last is the position pos returned last, at offset lastOff: the
	// parser asks for offsets in order, so the column of the next on the
	// same line is counted from there, not from the line's start, which
	// made a TBX file on one line cost the square of its length.
	last    glossary.Pos
	lastOff int
	// counted is how many bytes pos has counted code points in, for tests
	// that bound the work.
	counted int
}

func newLineIndex(name string, data []byte) *lineIndex {
	ix := &lineIndex{name: name, data: data, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			ix.starts = append(ix.starts, i+1)
		}
	}
	return ix
}

func (ix *lineIndex) pos(offset int64) glossary.Pos {
	off := min(max(int(offset), 0), len(ix.data))
	line := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > off })
	from, col := ix.starts[line-1], 1
	if line == ix.last.Line && off >= ix.lastOff {
		from, col = ix.lastOff, ix.last.Column
	}
	ix.counted += off - from
	ix.last = glossary.Pos{File: ix.name, Line: line, Column: col + utf8.RuneCount(ix.data[from:off])}
	ix.lastOff = off
	return ix.last
}

// parseTree reads data as XML into a tree of nodes. DTD entities are never
// expanded: the decoder knows only the five predefined ones and fails on
// any other. The encoding named in the XML declaration is ignored, for the
// caller has already decoded the data to UTF-8.
func parseTree(name string, data []byte) (*node, error) {
	return parseTreeIndexed(newLineIndex(name, data), data)
}

// parseTreeIndexed is parseTree with the index of data's lines.
func parseTreeIndexed(ix *lineIndex, data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *node
	var stack []*node
	for {
		// The previous token ends where this one begins.
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			msg := err.Error()
			var syn *xml.SyntaxError
			if errors.As(err, &syn) {
				msg = syn.Msg
			}
			return nil, fmt.Errorf("%s: malformed XML: %s", ix.pos(d.InputOffset()), msg)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attr: t.Copy().Attr, pos: ix.pos(off)}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("%s: malformed XML: a second root element <%s>", n.pos, t.Name.Local)
				}
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.content = append(parent.content, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.content = append(top.content, string(t))
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, fmt.Errorf("%s: malformed XML: text outside the root element", ix.pos(off))
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%s: malformed XML: no root element", ix.pos(int64(len(data))))
	}
	return root, nil
}
