package input

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdownParser parses CommonMark with the GitHub extensions but
// Linkify, so that table cells are cells and task list markers are not
// text, and with footnotes, so that a footnote's text is prose and not the
// destination of a link reference definition. Bare URLs are found by
// bareLinks instead of Linkify. Parsers are safe for concurrent use.
var markdownParser parser.Parser = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote),
).Parser()

// readMarkdown masks a Markdown file and returns its suppression
// directives and its leaf blocks as paragraphs, each running from the
// first to the last text the mask shows in the block, for pairing the
// paragraphs of a bilingual file without parsing it again.
//
// The mask starts all hidden and the walk over goldmark's syntax tree
// shows only the text of the tree's ast.Text nodes, so anything goldmark
// does not call prose (code, raw HTML, URLs, link reference definitions,
// markers of headings, lists and tables) stays hidden without a rule of its
// own; bare URLs, which goldmark leaves as text, are hidden too. Between two pieces of text in one block it also shows spaces and
// the emphasis marks * _ ~, so that "*Belt and Road* Initiative" is still
// one phrase to the matcher, unless a code span, raw HTML, an autolink or
// the end of a link (its destination) lies between them.
//
// It also returns the stretches that quote or cite another text: the text
// of block quotes, italic spans that read as titles (see TitleLike), and
// the text of reference lists.
func readMarkdown(data []byte) (masked []byte, dirs []directive, paras []paragraph, quoted, titles, references []Range) {
	src := data
	if n := FrontMatter(data); n > 0 {
		// goldmark knows no front matter ("---" would be a thematic
		// break): blank it out, keeping every offset.
		src = bytes.Clone(data)
		for i, c := range src[:n] {
			if c != '\n' && c != '\r' {
				src[i] = ' '
			}
		}
	}
	m := &mdMasker{data: data, src: src, masked: newMask(data), prev: -1}
	m.links = bareLinks(src)
	m.inText = make([]bool, len(m.links))
	doc := markdownParser.Parse(text.NewReader(src))
	_ = ast.Walk(doc, m.visit)
	// goldmark moves footnote definitions to the end of the document: put
	// their paragraphs back where the file has them.
	slices.SortStableFunc(m.paras, func(a, b paragraph) int { return cmp.Compare(a.start, b.start) })
	for _, it := range m.italicSpans {
		if it.Start >= 0 && TitleLike(data[it.Start:it.End]) {
			titles = append(titles, it)
		}
	}
	return m.masked, m.dirs, m.paras, m.quoted, titles, m.references
}

// referenceHeadings are the headings of reference lists, folded.
var referenceHeadings = []string{"references", "reference", "bibliography", "works cited", "sources", "further reading", "参考文献", "参考资料", "引用文献"}

// referenceHeading reports whether a heading's text names a reference
// list.
func referenceHeading(text string) bool {
	return slices.Contains(referenceHeadings, strings.ToLower(strings.Trim(strings.TrimSpace(text), ":：")))
}

// headingText is a heading's text as written in src.
func headingText(h *ast.Heading, src []byte) string {
	var b strings.Builder
	lines := h.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// titleLike reports whether italic text reads as a title: two words or
// more, most of the longer ones capitalised ("The Governance of China"),
// rather than a stressed phrase ("*not* the same").
func TitleLike(text []byte) bool {
	words := bytes.Fields(text)
	if len(words) < 2 {
		return false
	}
	long, capital := 0, 0
	for _, w := range words {
		if len(w) <= 3 {
			continue
		}
		long++
		if w[0] >= 'A' && w[0] <= 'Z' {
			capital++
		}
	}
	return long > 0 && 2*capital > long
}

// mdMasker is the state of one walk over a Markdown syntax tree.
type mdMasker struct {
	data   []byte // the file
	src    []byte // what goldmark parsed: data with front matter blanked
	masked []byte
	dirs   []directive
	// prev is the end of the last text shown in the current block, or -1;
	// broken says that something since then must not be joined over, and
	// content that it was content (code, a URL), not markup.
	prev            int
	broken, content bool
	// paras are the leaf blocks seen so far; the last is the current
	// block's when reading says so.
	paras   []paragraph
	reading bool
	// links are the bare URLs and e-mail addresses of the source, in
	// order, and inText says which of them started in a piece of text.
	links  []span
	inText []bool
	// quotes and italics count the block quotes and single emphases the
	// walk is in; quoted are the block quotes' text so far, italics the
	// italic stretches (one per emphasis).
	quotes, italics int
	// referenceLevel is the level of the reference-list heading the walk
	// is under, or 0; references are the text under it so far.
	referenceLevel int
	references     []Range
	quoted         []Range
	italicSpans    []Range
}

func (m *mdMasker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if _, ok := n.(*ast.Blockquote); ok {
		if entering {
			m.quotes++
		} else {
			m.quotes--
		}
	}
	if h, ok := n.(*ast.Heading); ok && entering {
		// A reference list cites other texts by their titles: it is
		// quoted, up to the next heading of its level or above.
		switch {
		case referenceHeading(headingText(h, m.src)):
			m.referenceLevel = h.Level
		case h.Level <= m.referenceLevel:
			m.referenceLevel = 0
		}
	}
	if e, ok := n.(*ast.Emphasis); ok && e.Level == 1 {
		if entering {
			m.italics++
			m.italicSpans = append(m.italicSpans, Range{-1, -1})
		} else {
			m.italics--
		}
	}
	if n.Type() == ast.TypeBlock {
		m.prev, m.broken, m.content, m.reading = -1, false, false, false
		if b, ok := n.(*ast.HTMLBlock); ok && entering {
			m.htmlBlock(b)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		switch n.(type) {
		case *ast.Link, *ast.Image:
			m.broken = true // the destination follows the text
		}
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.Text:
		if n.IsRaw() { // code span content
			m.broken, m.content = true, true
			return ast.WalkContinue, nil
		}
		m.showText(n.Segment.Start, n.Segment.Stop)
	case *ast.CodeSpan, *ast.AutoLink:
		m.broken, m.content = true, true
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		m.broken = true
		m.rawHTML(n)
		return ast.WalkSkipChildren, nil
	case *ast.Emphasis, *east.Strikethrough, *ast.Link, *ast.Image:
	default: // footnote references, task check boxes, nodes of other extensions
		m.broken, m.content = true, true
	}
	return ast.WalkContinue, nil
}

// showText shows a piece of text but the bare links in it, which break a
// phrase as a code span does. A link is one only when it starts in text:
// bareLinks also finds a link destination's URL, and where the destination
// is followed by text ("[a](http://x)b") its span runs on into that text.
// One that does start in text and runs on into the next piece (goldmark
// cuts text at "_" and "*") is hidden there too.
func (m *mdMasker) showText(start, stop int) {
	if len(m.links) == 0 {
		m.show(start, stop)
		return
	}
	i, _ := slices.BinarySearchFunc(m.links, start, func(s span, off int) int { return cmp.Compare(s.end, off+1) })
	for ; i < len(m.links) && m.links[i].start < stop; i++ {
		l := m.links[i]
		if l.start < start && !m.inText[i] {
			continue
		}
		m.inText[i] = true
		m.show(start, l.start)
		m.broken, m.content = true, true
		start = max(start, l.end)
	}
	m.show(start, stop)
}

// show unmasks a piece of text, and the spaces and emphasis marks between
// it and the previous piece of the same block, and adds the piece to the
// block's paragraph: the marks shown as its marks, the code or URL hidden
// since the previous piece as a break.
func (m *mdMasker) show(start, stop int) {
	start, stop = max(0, start), min(stop, len(m.data))
	if start >= stop {
		return
	}
	if !m.reading {
		m.paras = append(m.paras, paragraph{start: start, entities: true, escapes: true, lines: true})
		m.reading = true
	}
	p := &m.paras[len(m.paras)-1]
	if m.prev >= 0 && m.prev <= start {
		switch {
		case m.content:
			p.breaks = append(p.breaks, span{m.prev, start})
		case !m.broken:
			for i := m.prev; i < start; i++ {
				switch c := m.data[i]; c {
				case '*', '_', '~':
					if k := len(p.marks) - 1; k >= 0 && p.marks[k].end == i {
						p.marks[k].end++
					} else {
						p.marks = append(p.marks, span{i, i + 1})
					}
					fallthrough
				case ' ', '\t':
					m.masked[i] = c
				}
			}
		}
	}
	copy(m.masked[start:stop], m.data[start:stop])
	if m.quotes > 0 {
		m.quoted = append(m.quoted, Range{start, stop})
	}
	if m.referenceLevel > 0 {
		m.references = append(m.references, Range{start, stop})
	}
	if m.italics > 0 {
		it := &m.italicSpans[len(m.italicSpans)-1]
		if it.Start < 0 {
			it.Start = start
		}
		it.End = stop
	}
	p.end = max(p.end, stop)
	m.prev, m.broken, m.content = stop, false, false
}

// htmlBlock unmasks the text of a raw HTML block, read as HTML, and
// collects its directives and paragraphs. The block's lines are not
// contiguous in a list or block quote (their markers are left out), so they
// are joined for the tokenizer and offsets are mapped back.
func (m *mdMasker) htmlBlock(b *ast.HTMLBlock) {
	var segs []text.Segment
	lines := b.Lines()
	for i := range lines.Len() {
		segs = append(segs, lines.At(i))
	}
	if b.HasClosure() {
		segs = append(segs, b.ClosureLine)
	}
	j := newJoined(m.src, segs)
	prose, comments, paras := scanHTML(j.buf)
	for _, s := range prose {
		j.each(s, func(start, end int) { copy(m.masked[start:end], m.data[start:end]) })
	}
	for _, p := range paras {
		p.start, p.end = j.offset(p.start), j.offset(p.end-1)+1
		for i, b := range p.breaks {
			p.breaks[i] = span{j.offset(b.start), j.offset(b.end-1) + 1}
		}
		m.paras = append(m.paras, p)
	}
	for _, c := range comments {
		if d, ok := parseComment(j.buf[c.start:c.end], j.offset(c.start)); ok {
			d.end = j.offset(c.end-1) + 1
			m.dirs = append(m.dirs, d)
		}
	}
}

// rawHTML collects a directive from inline raw HTML, which stays masked.
func (m *mdMasker) rawHTML(n *ast.RawHTML) {
	var segs []text.Segment
	for i := range n.Segments.Len() {
		segs = append(segs, n.Segments.At(i))
	}
	j := newJoined(m.src, segs)
	if len(j.buf) == 0 {
		return
	}
	if d, ok := parseComment(j.buf, j.offset(0)); ok {
		d.end = j.offset(len(j.buf)-1) + 1
		m.dirs = append(m.dirs, d)
	}
}

// joined is the text of some segments of a source, one after the other,
// with the way back to source offsets.
type joined struct {
	buf   []byte
	segs  []span // the segments, clamped to the source
	start []int  // offset in buf of each segment
}

func newJoined(src []byte, segs []text.Segment) *joined {
	j := &joined{}
	for _, s := range segs {
		start, stop := max(0, s.Start), min(s.Stop, len(src))
		if start >= stop {
			continue
		}
		j.start = append(j.start, len(j.buf))
		j.segs = append(j.segs, span{start, stop})
		j.buf = append(j.buf, src[start:stop]...)
	}
	return j
}

// offset maps an offset in buf to the source.
func (j *joined) offset(off int) int {
	i := sort.SearchInts(j.start, off+1) - 1 // the last segment starting at or before off
	if i < 0 {
		return 0
	}
	return j.segs[i].start + off - j.start[i]
}

// each calls fn with the source ranges a range of buf comes from.
func (j *joined) each(s span, fn func(start, end int)) {
	for i := max(0, sort.SearchInts(j.start, s.start+1)-1); i < len(j.segs) && j.start[i] < s.end; i++ {
		seg := j.segs[i]
		lo, hi := max(s.start, j.start[i]), min(s.end, j.start[i]+seg.end-seg.start)
		if lo < hi {
			fn(seg.start+lo-j.start[i], seg.start+hi-j.start[i])
		}
	}
}

// FrontMatter returns the length of the front matter a Markdown file
// starts with, or 0: YAML between "---" lines (or closed by "..."), or
// TOML between "+++" lines, after an optional byte order mark. As in
// Pandoc, a blank line right after the opening "---" makes it a thematic
// break instead, and front matter that is never closed is none.
func FrontMatter(data []byte) int {
	i := 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		i = 3
	}
	line, next := lineAt(data, i)
	delim := string(bytes.TrimRight(line, " \t"))
	if delim != "---" && delim != "+++" || next == len(data) {
		return 0
	}
	for first := true; next < len(data); first = false {
		line, next = lineAt(data, next)
		t := string(bytes.TrimRight(line, " \t"))
		if t == delim || delim == "---" && t == "..." {
			return next
		}
		if first && len(bytes.TrimSpace(line)) == 0 {
			return 0
		}
	}
	return 0
}

// lineAt returns the line starting at offset i, without its line break,
// and the offset of the next line.
func lineAt(data []byte, i int) (line []byte, next int) {
	j := bytes.IndexByte(data[i:], '\n')
	if j < 0 {
		return data[i:], len(data)
	}
	return bytes.TrimSuffix(data[i:i+j], []byte("\r")), i + j + 1
}
