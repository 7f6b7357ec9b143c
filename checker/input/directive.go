package input

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
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
//
// A named enable finds the disables it ends through an index by name,
// not by going over every disable still open: 40,000 named disables
// followed by as many enables of other names are then no quadratic walk.
func suppressions(text, masked []byte, lines *lineIndex, dirs []directive) []Suppression {
	slices.SortStableFunc(dirs, func(a, b directive) int { return cmp.Compare(a.start, b.start) })
	type open struct {
		seq   int // order among the disables
		from  int
		names []string // nil: everything
		alive []bool   // which of names no enable has ended yet
		left  int      // how many of names are alive
		ended []int    // indexes into names the enable in hand ends
		done  bool
	}
	type named struct {
		o *open
		i int // index into o.names
	}
	var (
		opens   []*open                    // in order; done ones are skipped
		byName  = make(map[string][]named) // folded name -> open disables naming it
		out     []Suppression
		next    []int // by line, the next line with checked text
		touched []*open
	)
	aliveNames := func(o *open) []string {
		if o.names == nil || o.left == len(o.names) {
			return o.names
		}
		var names []string
		for i, n := range o.names {
			if o.alive[i] {
				names = append(names, n)
			}
		}
		return names
	}
	for _, d := range dirs {
		line := lines.line(d.start)
		switch d.kind {
		case disable:
			o := &open{seq: len(opens), from: line, names: d.names}
			if len(d.names) > 0 {
				o.alive = make([]bool, len(d.names))
				o.left = len(d.names)
				for i, n := range d.names {
					o.alive[i] = true
					k := foldKey(n)
					byName[k] = append(byName[k], named{o, i})
				}
			}
			opens = append(opens, o)
		case enable:
			if len(d.names) == 0 {
				for _, o := range opens {
					if !o.done {
						out = append(out, Suppression{FromLine: o.from, ToLine: line, Names: aliveNames(o)})
					}
				}
				opens = nil
				clear(byName)
				break
			}
			touched = touched[:0]
			for _, m := range d.names {
				k := foldKey(m)
				for _, n := range byName[k] {
					if !n.o.alive[n.i] {
						continue
					}
					n.o.alive[n.i] = false
					n.o.left--
					if len(n.o.ended) == 0 {
						touched = append(touched, n.o)
					}
					n.o.ended = append(n.o.ended, n.i)
				}
				delete(byName, k)
			}
			// In the order of the disables, each with the names it
			// ended in the order it gave them, as a walk over the open
			// disables would make them.
			slices.SortFunc(touched, func(a, b *open) int { return cmp.Compare(a.seq, b.seq) })
			for _, o := range touched {
				slices.Sort(o.ended)
				ended := make([]string, len(o.ended))
				for j, i := range o.ended {
					ended[j] = o.names[i]
				}
				out = append(out, Suppression{FromLine: o.from, ToLine: line, Names: ended})
				o.ended = o.ended[:0]
				o.done = o.left == 0
			}
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
		if !o.done {
			out = append(out, Suppression{FromLine: o.from, ToLine: last, Names: aliveNames(o)})
		}
	}
	out = append(out, ignoreLines(text, lines)...)
	slices.SortStableFunc(out, func(a, b Suppression) int {
		return cmp.Or(cmp.Compare(a.FromLine, b.FromLine), cmp.Compare(a.ToLine, b.ToLine))
	})
	return out
}

// SuppressionIndex answers whether a file's suppressions cover a line for
// a name in time logarithmic in their number, so that filtering a file's
// findings costs findings × log(suppressions), not findings ×
// suppressions. It holds, for each name and for "everything", the union
// of the line ranges that switch it off.
type SuppressionIndex struct {
	all    []lineSpan            // ranges of suppressions without names
	byName map[string][]lineSpan // by foldKey of a name
	// probes counts the ranges Covers has compared a line with, for the
	// test that bounds the work.
	probes atomic.Int64
}

// lineSpan is an inclusive range of lines.
type lineSpan struct{ from, to int }

// NewSuppressionIndex indexes suppressions, in any order.
func NewSuppressionIndex(suppressions []Suppression) *SuppressionIndex {
	x := &SuppressionIndex{byName: make(map[string][]lineSpan)}
	for _, s := range suppressions {
		if s.FromLine > s.ToLine {
			continue
		}
		span := lineSpan{s.FromLine, s.ToLine}
		if len(s.Names) == 0 {
			x.all = append(x.all, span)
			continue
		}
		for _, n := range s.Names {
			k := foldKey(n)
			x.byName[k] = append(x.byName[k], span)
		}
	}
	x.all = mergeSpans(x.all)
	for k, spans := range x.byName {
		x.byName[k] = mergeSpans(spans)
	}
	return x
}

// Covers reports whether the indexed suppressions switch off anything
// called by one of names on line, as Suppression.Covers does for one.
func (x *SuppressionIndex) Covers(line int, names ...string) bool {
	if x == nil {
		return false
	}
	probes := 0
	defer func() { x.probes.Add(int64(probes)) }()
	if spansCover(x.all, line, &probes) {
		return true
	}
	if len(x.byName) == 0 {
		return false
	}
	for _, n := range names {
		if spansCover(x.byName[foldKey(n)], line, &probes) {
			return true
		}
	}
	return false
}

// mergeSpans sorts spans and joins those that overlap or touch, so that
// at most one of the result holds a line.
func mergeSpans(spans []lineSpan) []lineSpan {
	slices.SortFunc(spans, func(a, b lineSpan) int { return cmp.Compare(a.from, b.from) })
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.from <= merged[n-1].to+1 {
			merged[n-1].to = max(merged[n-1].to, s.to)
			continue
		}
		merged = append(merged, s)
	}
	return slices.Clip(merged)
}

// spansCover reports whether one of the merged spans holds line.
func spansCover(spans []lineSpan, line int, probes *int) bool {
	i, _ := slices.BinarySearchFunc(spans, line, func(s lineSpan, line int) int {
		*probes++
		return cmp.Compare(s.from, line)
	})
	// spans[i-1] is the last that starts at or before line, unless
	// spans[i] starts on it.
	if i < len(spans) && spans[i].from == line {
		return true
	}
	return i > 0 && spans[i-1].to >= line
}

// foldKey returns a key under which two names are equal exactly when
// strings.EqualFold says they are: each rune becomes the least rune of
// its case-folding orbit. A name already in that form, as Chinese terms
// and upper-case ASCII are, is returned without allocating.
func foldKey(name string) string {
	canonical := true
	for i := 0; i < len(name) && canonical; {
		r, size := utf8.DecodeRuneInString(name[i:])
		// Invalid bytes all read as U+FFFD to EqualFold, so they are
		// written as it.
		canonical = foldRune(r) == r && (r != utf8.RuneError || size > 1)
		i += size
	}
	if canonical {
		return name
	}
	var b strings.Builder
	b.Grow(len(name))
	for _, r := range name {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune returns the least rune r folds to (unicode.SimpleFold).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
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
