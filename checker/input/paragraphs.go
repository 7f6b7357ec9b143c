package input

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// A bilingual text, Markdown or HTML file alternates Chinese and English
// paragraphs: a translator's working copy, with each English paragraph
// under (or over) its Chinese original. Its segments are those pairs.
//
// Detection (BilingualAuto): a file is bilingual when pairing its
// paragraphs yields at least one pair, the paired paragraphs are at least
// pairedShare of its Chinese and English paragraphs, and the Chinese ones
// at least chineseShare. The first threshold lets a bilingual file keep an
// untranslated title or note in one language, but keeps an English draft
// that quotes a Chinese line or two English only. Each pair holds a Chinese
// paragraph, so the first implies the second as long as it stays above
// 0.4; the second says what a bilingual file is should the first be
// lowered.
const (
	pairedShare  = 0.8
	chineseShare = 0.2
)

// paragraph is a leaf block of a document: a run of lines in plain text;
// a paragraph, heading, list item or table cell in Markdown; the text
// between two tags of block elements in HTML.
type paragraph struct {
	// start and end are the bytes of the file from the block's first
	// checkable byte to its last; what lies between may be hidden.
	start, end int
	// marks are the emphasis marks the mask shows between two pieces of a
	// Markdown block's text: markup, which the Chinese side drops.
	marks []span
	// breaks are hidden content (code, URLs): it breaks phrases on both
	// sides, even between Chinese characters, where markup does not.
	breaks []span
	// lang is the script the markup says the paragraph is in (HTML's lang
	// attribute), or NoScript.
	lang Script
	// script is the script the paragraph is in, once known.
	script Script
	// entities says character references are decoded, escapes that
	// backslash escapes are (Markdown), and lines that the block's lines
	// may be split by script (text and Markdown, not HTML).
	entities, escapes, lines bool
	// line is, for a paragraph cut from a line at a <br> tag (中文<br/>
	// English), the line's offset plus one: the two halves of one line
	// are a pair whatever the order elsewhere. 0 otherwise.
	line int
}

// pairParagraphs returns the segments of a text, Markdown or HTML document
// whose paragraphs alternate Chinese and English, or nil when it does not
// (an English-only document). With force it pairs whatever pairs, and fails
// when nothing does.
//
// The paragraphs that take part (see aside) are grouped into runs of one
// script, and each Chinese run is paired with the English run next to it
// (see pairRuns): a file that puts each English paragraph under its
// Chinese one pairs paragraph by paragraph, one that puts a section's
// English under the section's Chinese pairs section by section. Runs
// left over are no segment.
//
// A segment's ID is "paragraph N" for its N-th pair, counting from 1.
// A file read as English only that holds a good deal of both scripts
// comes back with why (see unpairedReason), for a notice.
func pairParagraphs(d *Document, force bool) ([]Segment, *unpaired, error) {
	if !force && !hasHan(d.Masked) {
		return nil, nil, nil // an English file has nothing to pair
	}
	// Lines written 中文<br/>English are cut at the tag: the halves of a
	// line are a pair.
	ps, err := paragraphsOf(d, true, true)
	if err != nil {
		return nil, nil, err
	}
	rs := runsOf(d.Text, d.Masked, ps)
	pairs := pairRuns(rs)
	if !force && !bilingual(rs, pairs) {
		return nil, unpairedReason(ps, rs, pairs), nil
	}
	if len(pairs) == 0 {
		return nil, nil, errors.New("no Chinese and English paragraphs to pair")
	}
	segs := make([]Segment, len(pairs))
	for i, p := range pairs {
		segs[i] = Segment{
			ID:      fmt.Sprintf("paragraph %d", i+1),
			Chinese: runSpan(d.Text, d.Masked, ps, rs[p.chinese], true),
			English: runSpan(d.Text, d.Masked, ps, rs[p.english], false),
		}
	}
	return segs, nil, nil
}

// Align pairs the paragraphs of a Chinese document with those of its
// English translation, by position: english.Segments get Chinese spans into
// chinese.Text, and english.ChinesePath and ChineseText are set. Each file
// is cut into paragraphs by its own format, as pairParagraphs does, except
// that a plain-text file is not split where its lines change script: a
// text file's paragraphs are its blocks between blank lines, or its lines
// when it has no blank line between two lines of text. Paragraphs of
// neither script (a "***" rule, a page number) do not count.
//
// Files of different paragraph counts cannot be aligned: the error names
// both counts and, when their lengths tell, where the two files part.
func Align(chinese, english *Document) error {
	zh, err := paragraphsOf(chinese, false, false)
	if err != nil {
		return err
	}
	en, err := paragraphsOf(english, false, false)
	if err != nil {
		return err
	}
	zhSpans := make([]Span, len(zh))
	for i, p := range zh {
		zhSpans[i] = paragraphSpan(chinese.Text, chinese.Masked, p, true)
	}
	enSpans := make([]Span, len(en))
	for i, p := range en {
		enSpans[i] = paragraphSpan(english.Text, english.Masked, p, false)
	}
	if len(zh) != len(en) {
		msg := fmt.Sprintf("%s has %s, %s has %d: cannot align them by position",
			chinese.Path, plural(len(zh), "paragraph"), english.Path, len(en))
		if i, j, ok := divergence(textLengths(zhSpans), textLengths(enSpans)); ok {
			msg += "; they part near " + where(chinese, zh, i) + " and " + where(english, en, j)
		}
		return errors.New(msg)
	}
	segs := make([]Segment, len(zh))
	for i := range zh {
		segs[i] = Segment{ID: fmt.Sprintf("paragraph %d", i+1), Chinese: zhSpans[i], English: enSpans[i]}
	}
	english.Segments, english.ChinesePath, english.ChineseText = segs, chinese.Path, chinese.Text
	return nil
}

// where names the i-th paragraph of a file in a message, or the file's end.
func where(d *Document, ps []paragraph, i int) string {
	if i >= len(ps) {
		return "the end of " + d.Path
	}
	return fmt.Sprintf("paragraph %d of %s (line %d)", i+1, d.Path, newLineIndex(d.Text).line(ps[i].start))
}

// paragraphsOf returns the paragraphs of a text, Markdown or HTML document
// with their scripts, leaving out those of neither script. byScript splits
// a block of text or Markdown where its lines change script, so that an
// English paragraph right above its Chinese is two paragraphs.
func paragraphsOf(d *Document, byScript, breaks bool) ([]paragraph, error) {
	var blocks []paragraph
	switch d.Format {
	case PlainText:
		blocks = textParagraphs(d.Masked, byScript)
	case Markdown, HTML:
		blocks = d.blocks
	default:
		return nil, fmt.Errorf("%s: a %v file has no paragraphs to pair", d.Path, d.Format)
	}
	var ps []paragraph
	for _, p := range blocks {
		p.end = min(p.end, len(d.Text))
		if p.start >= p.end {
			continue
		}
		if byScript && p.lines && p.lang == NoScript {
			ps = append(ps, splitByScript(d.Text, d.Masked, p, breaks)...)
			continue
		}
		// The script is the text's as the span has it, with entities
		// decoded, so that "&nbsp;" is no English.
		s := ScriptOf(paragraphSpan(d.Text, d.Masked, p, false).Text)
		if s == NoScript {
			continue
		}
		if p.lang != NoScript {
			s = p.lang
		}
		p.script = s
		ps = append(ps, p)
	}
	return ps, nil
}

// textParagraphs returns the blocks of a plain-text file: its runs of
// lines between blank lines. Unless byScript, a file without a blank line
// between two lines of text is one paragraph per line instead, for files
// written a paragraph per line.
func textParagraphs(masked []byte, byScript bool) []paragraph {
	type line struct {
		start, end int
		blank      bool
	}
	var lines []line
	for i := 0; i < len(masked); {
		l, next := lineAt(masked, i)
		lines = append(lines, line{i, i + len(l), len(bytes.TrimSpace(l)) == 0})
		i = next
	}
	perLine := !byScript
	for i := 1; i+1 < len(lines) && perLine; i++ {
		if lines[i].blank && !lines[i-1].blank {
			for _, l := range lines[i+1:] {
				if !l.blank {
					perLine = false
					break
				}
			}
		}
	}
	var ps []paragraph
	inBlock := false
	for _, l := range lines {
		switch {
		case l.blank:
			inBlock = false
		case inBlock && !perLine:
			ps[len(ps)-1].end = l.end
		default:
			ps = append(ps, paragraph{start: l.start, end: l.end, lines: true})
			inBlock = true
		}
	}
	return ps
}

// splitByScript cuts a block into paragraphs where its lines change from
// Chinese to English or back. A line of neither script joins the paragraph
// around it, or is left out between two.
func splitByScript(text, masked []byte, p paragraph, breaks bool) []paragraph {
	var out []paragraph
	add := func(a, b, line int) {
		s := ScriptOf(decodeEntities(masked[a:b], p.entities))
		if s == NoScript {
			return
		}
		if n := len(out); n > 0 && out[n-1].script == s {
			out[n-1].end = b
			return
		}
		q := p
		q.start, q.end, q.script, q.line = a, b, s, line
		out = append(out, q)
	}
	for a := p.start; a < p.end; {
		b := p.end
		if i := bytes.IndexByte(masked[a:p.end], '\n'); i >= 0 {
			b = a + i
		}
		// A line break written as HTML (中文<br/>English, the layout of
		// many bilingual posts, or block tags on one line) parts a line
		// as a newline does.
		line := 0
		if breaks && lineBreakTag(text, masked, a, b) >= 0 {
			line = a + 1
		}
		for c := a; c < b; {
			br := -1
			if breaks {
				br = lineBreakTag(text, masked, c, b)
			}
			if br < 0 {
				add(c, b, line)
				break
			}
			add(c, br, line)
			for c = br; c < b && masked[c] == 0; c++ {
			}
		}
		oneScript(out, line)
		a = b + 1
	}
	return out
}

// oneScript unmarks the paragraphs cut from a line at <br> tags when they
// are all of one script: a line of English broken into lines is no pair
// of halves, and runs on with the paragraphs around it.
func oneScript(ps []paragraph, line int) {
	if line == 0 {
		return
	}
	first := len(ps)
	for first > 0 && ps[first-1].line == line {
		first--
	}
	for _, p := range ps[first:] {
		if p.script != ps[first].script {
			return
		}
	}
	for i := first; i < len(ps); i++ {
		ps[i].line = 0
	}
}

// lineBreakTag returns the offset of the first hidden tag in
// text[from:to] that breaks a line as a newline does: <br>, a block
// element's tag (<p>, <div>, <li> …), or one styled display:block
// (<strong style="display:block">标题</strong><strong …>Title</strong>,
// a bilingual post's title), or -1. Inline tags (<b>, <span>) do not:
// "我们同<i>RCEP</i>成员合作" is one sentence.
func lineBreakTag(text, masked []byte, from, to int) int {
	for i := from; i < to; i++ {
		if masked[i] != 0 || text[i] != '<' {
			continue
		}
		end := bytes.IndexByte(text[i:to], '>')
		if end < 0 {
			return -1
		}
		if breaksLine(text[i : i+end+1]) {
			return i
		}
		i += end
	}
	return -1
}

// blockTags are the elements whose tags start or end a line of their own.
var blockTags = []string{"br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header", "footer"}

// breaksLine says whether an HTML tag ("<br/>", "</p>", "<strong
// style='display:block'>") breaks a line.
func breaksLine(tag []byte) bool {
	t := bytes.ToLower(tag)
	name := bytes.TrimLeft(t[1:], "/")
	if n := bytes.IndexAny(name, " \t\n/>"); n >= 0 {
		name = name[:n]
	}
	if slices.Contains(blockTags, string(name)) {
		return true
	}
	t = bytes.ReplaceAll(t, []byte(" "), nil)
	return bytes.Contains(t, []byte("display:block"))
}

// unpaired is why a file with a good deal of Chinese and of English was
// read as English only, and where: a user who expected segments learns
// why there are none and which flag pairs them.
type unpaired struct {
	offset int
	why    string
}

// unpairedReason says why paragraphs ps, in runs rs that pair as pairs,
// do not make a bilingual file, or nil when the file is plainly English
// (or plainly Chinese).
func unpairedReason(ps []paragraph, rs []run, pairs []runPair) *unpaired {
	var chinese, english weight
	first := -1
	for _, r := range rs {
		switch r.script {
		case Chinese:
			chinese.add(r)
			if first < 0 {
				first = ps[r.paras[0]].start
			}
		case English:
			english.add(r)
		}
	}
	total := float64(chinese.text + english.text)
	if float64(chinese.text) < chineseShare*total || float64(english.text) < chineseShare*total {
		return nil
	}
	if chinese.paras == 0 && english.paras == 0 {
		// Every block holds both scripts (中文<br>English inside one
		// <p>): there is nothing to alternate, and counting none of each
		// would not say why.
		return &unpaired{0, "read as English only: each paragraph holds Chinese and English together (such as 中文<br>English in one HTML block), which is not read as a pair; put each language in a block of its own, or mark the blocks with lang"}
	}
	return &unpaired{first, fmt.Sprintf("read as English only: %d Chinese and %d English paragraphs do not alternate closely enough to pair (%s would); --bilingual on pairs those that alternate", chinese.paras, english.paras, plural(len(pairs), "pair"))}
}

// plural says "1 pair" or "N pairs".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// weight is how much text runs hold, in English letters: a Han character
// counts as three, about what it takes to translate it.
type weight struct{ text, paras int }

// hanWeight is the English letters a Han character takes to translate,
// roughly; ScriptOf weighs the scripts the same way.
const hanWeight = 3

func (w *weight) add(r run) {
	w.text += r.text
	w.paras += len(r.paras)
}

// run is paragraphs of one script in a row, with asides left out: the
// unit that pairs.
type run struct {
	script Script
	paras  []int // indices into the paragraphs
	// line is the paragraphs' line, for the half of a line cut at a <br>
	// tag (see paragraph.line), 0 otherwise.
	line int
	// text is the run's letters, Han characters counting hanWeight each.
	text int
	// ruled says a thematic break stands right before the run: it pairs
	// with nothing before the break.
	ruled bool
}

// runsOf groups the paragraphs that take part in pairing into runs. The
// half of a line written 中文<br/>English runs only with its own line's
// paragraphs: its pair is the other half. A thematic break (---) ends a
// run, and no pair spans it: what stands before it (a blogger's preface to
// a bilingual post) is no part of what follows.
func runsOf(text, masked []byte, ps []paragraph) []run {
	var rs []run
	prevEnd := 0
	for i, p := range ps {
		t := decodeEntities(masked[p.start:p.end], p.entities)
		han, latin := scriptCounts(t)
		if aside(t, han, p) {
			continue
		}
		ruled := thematicBreak(text[min(prevEnd, p.start):p.start])
		prevEnd = p.end
		if n := len(rs) - 1; n >= 0 && !ruled && rs[n].script == p.script && rs[n].line == p.line {
			rs[n].paras = append(rs[n].paras, i)
			rs[n].text += hanWeight*han + latin
			continue
		}
		rs = append(rs, run{script: p.script, paras: []int{i}, line: p.line, text: hanWeight*han + latin, ruled: ruled})
	}
	return rs
}

// aside says whether a paragraph stands outside the pairing, as notes
// interrupting the alternation do in translators' notes: a line holding
// both languages (a term list's "be steadfast in 坚定不移", a heading
// "10.31 黄河保护法 Yellow River Law"), a bracketed label (【重要讲话】),
// and the attribution of a quotation ("——2022年10月16日，…"), which the
// English leaves out. Capitals (RCEP, ASEAN) are at home in Chinese text
// and make no line English. t is the paragraph's text, entities decoded,
// with han Han characters.
func aside(t []byte, han int, p paragraph) bool {
	if p.line != 0 || p.lang != NoScript {
		return false // a half of 中文<br/>English, or a paragraph the markup says the language of
	}
	t = bytes.TrimSpace(t)
	words := lowercaseLetters(t)
	switch {
	case han >= 2 && words >= 4 && 3*min(hanWeight*han, words) >= max(hanWeight*han, words):
		return true
	case label(t):
		return true
	}
	return attribution(t)
}

// decodeEntities returns text with its character references decoded
// ("&nbsp;" is no English word), when the format has them.
func decodeEntities(text []byte, entities bool) []byte {
	if !entities || bytes.IndexByte(text, '&') < 0 {
		return text
	}
	var out []byte
	for i := 0; i < len(text); {
		if text[i] == '&' {
			if n, dec := entityAt(text[i:]); n > 0 {
				out = append(out, dec...)
				i += n
				continue
			}
		}
		out = append(out, text[i])
		i++
	}
	return out
}

// lowercaseLetters counts the ASCII letters of t's English words: those
// that hold a lowercase letter or are too long for an acronym (a title in
// capitals), not RCEP or ASEAN.
func lowercaseLetters(t []byte) int {
	n := 0
	for _, w := range bytes.FieldsFunc(t, func(r rune) bool { return r >= utf8.RuneSelf || !unicode.IsLetter(r) }) {
		if len(w) > 5 || bytes.ContainsFunc(w, unicode.IsLower) {
			n += len(w)
		}
	}
	return n
}

// thematicBreak says whether text between two paragraphs holds a line
// that is a thematic break: three or more of -, * or _ alone.
func thematicBreak(text []byte) bool {
	for line := range bytes.Lines(text) {
		t := bytes.TrimSpace(line)
		if len(t) < 3 || !bytes.ContainsAny(t[:1], "-*_") {
			continue
		}
		if len(bytes.Trim(t, string(t[:1])+" ")) == 0 {
			return true
		}
	}
	return false
}

// label says whether t is a label: its Han characters all inside 【】.
func label(t []byte) bool {
	open := bytes.Index(t, []byte("【"))
	if open < 0 {
		return false
	}
	close := bytes.Index(t[open:], []byte("】"))
	if close < 0 {
		return false
	}
	rest := append(append([]byte(nil), t[:open]...), t[open+close:]...)
	return !hasHan(rest)
}

// attributionDate finds the date an attribution line opens with.
var attributionDate = regexp.MustCompile(`^(——|—|--)\s*\d{4}\s*年`)

// attribution says whether t is the attribution of a quotation: a dash
// and a date ("——2022年10月16日，在…上的讲话").
func attribution(t []byte) bool {
	return attributionDate.Match(t)
}

// runPair is a Chinese run and its English one, by index.
type runPair struct{ chinese, english int }

// pairRuns pairs runs next to each other, choosing the pairs that
// together score best (dynamic programming over the runs, which alternate
// script): a pair scores 1, the halves of one line 2 more, and less by up
// to half as its length ratio strays from a translation's. A file that
// puts the English after the Chinese and one that puts it before both
// pair throughout, a file that changes its order partway pairs both ways,
// and where the count of pairs ties, the lengths decide.
func pairRuns(rs []run) []runPair {
	n := len(rs)
	best := make([]float64, n+1) // best[i]: score of rs[:i]
	took := make([]bool, n+1)    // took[i]: best[i] pairs rs[i-2] with rs[i-1]
	for i := 2; i <= n; i++ {
		best[i] = best[i-1]
		if a, b := rs[i-2], rs[i-1]; a.script != b.script && !b.ruled {
			if s := best[i-2] + pairScore(a, b); s > best[i] {
				best[i], took[i] = s, true
			}
		}
	}
	var pairs []runPair
	for i := n; i >= 2; {
		if !took[i] {
			i--
			continue
		}
		p := runPair{i - 2, i - 1}
		if rs[p.chinese].script != Chinese {
			p.chinese, p.english = p.english, p.chinese
		}
		pairs = append(pairs, p)
		i -= 2
	}
	slices.Reverse(pairs)
	return pairs
}

// typicalRatio is the log of English letters per Han character of a
// translation, weighed as runs are (about 1: a Han character is worth
// hanWeight letters), and ratioRange how far from it a pair's ratio may
// stray before its score falls by the most.
var (
	typicalRatio = 0.0
	ratioRange   = math.Log(4)
)

// pairScore is what pairing runs a and b is worth (see pairRuns).
func pairScore(a, b run) float64 {
	score := 1.0
	if a.line != 0 && a.line == b.line {
		score += 2
	}
	zh, en := a, b
	if zh.script != Chinese {
		zh, en = en, zh
	}
	if zh.text > 0 && en.text > 0 {
		stray := math.Abs(math.Log(float64(en.text)/float64(zh.text)) - typicalRatio)
		score -= 0.5 * min(1, stray/ratioRange)
	}
	return score
}

// bilingual says whether runs paired as pairs make a bilingual file: the
// pairs hold at least pairedShare of its text, and the Chinese at least
// chineseShare (see there). A pair of runs of several paragraphs (a
// section and its translation) counts only in a file of at least
// minSectionPairs pairs: a few Chinese paragraphs followed by English
// ones are as likely an article and notes on it.
func bilingual(rs []run, pairs []runPair) bool {
	var total, chinese, paired int
	for _, r := range rs {
		total += r.text
		if r.script == Chinese {
			chinese += r.text
		}
	}
	for _, p := range pairs {
		zh, en := rs[p.chinese], rs[p.english]
		if len(pairs) >= minSectionPairs || len(zh.paras) == 1 && len(en.paras) == 1 {
			paired += zh.text + en.text
		}
	}
	return len(pairs) > 0 && float64(paired) >= pairedShare*float64(total) && float64(chinese) >= chineseShare*float64(total)
}

// minSectionPairs is how many pairs a file needs for pairs of several
// paragraphs a side to make it bilingual (see bilingual).
const minSectionPairs = 3

// runSpan returns the span of a run's text: its paragraphs' spans, with
// a separator between two, so that no phrase runs from one into the next.
func runSpan(text, masked []byte, ps []paragraph, r run, chinese bool) Span {
	if len(r.paras) == 1 {
		return paragraphSpan(text, masked, ps[r.paras[0]], chinese)
	}
	var b spanBuilder
	prevEnd := -1
	for _, i := range r.paras {
		sp := paragraphSpan(text, masked, ps[i], chinese)
		if len(sp.Text) == 0 {
			continue
		}
		if prevEnd >= 0 {
			b.separator(prevEnd, sp.Offset(0)-prevEnd)
		}
		for _, pc := range sp.pieces {
			if pc.exact {
				b.copy(pc.off, sp.Text[pc.at:pc.at+pc.n])
			} else {
				b.decoded(pc.off, pc.fileN, sp.Text[pc.at:pc.at+pc.n])
			}
		}
		prevEnd = sp.End(len(sp.Text))
	}
	return b.span()
}

// hasHan reports whether text has a Han character.
func hasHan(text []byte) bool {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if unicode.Is(unicode.Han, r) {
			return true
		}
		i += n
	}
	return false
}

// atomKind is what a stretch of a paragraph's bytes is to its span.
type atomKind uint8

const (
	atomText    atomKind = iota // checkable text
	atomSpace                   // checkable white space within a line
	atomNewline                 // a line break, with '\r' or not
	atomMark                    // an emphasis mark between two pieces of text
	atomHidden                  // hidden markup: tags, link destinations, '>' markers
	atomCode                    // hidden content: code, URLs
)

// atom is a stretch of a paragraph's bytes of one kind.
type atom struct {
	kind   atomKind
	off, n int    // the file's bytes
	dec    []byte // the decoded text of an entity or escape; nil for the bytes as they are
}

// atomPool holds the atom slices paragraphSpan reuses.
var atomPool = sync.Pool{New: func() any { return new([]atom) }}

// paragraphSpan returns the span of a paragraph's text: its checkable
// bytes, with entities and escapes decoded where its format has them, and
// white space trimmed at both ends.
//
// Hidden bytes between two pieces of text become a separator, as they
// break a phrase in an English-only file. On the Chinese side, markup
// between two Han characters is dropped instead, with any white space
// around it, for Chinese has no spaces to fall back on: "周边**工作**",
// "周边<b>工作</b>", and a line break inside a hard-wrapped Chinese
// paragraph all read "周边工作". Hidden content such as a code span still
// breaks it. The English side keeps the emphasis
// marks the mask shows, which the matcher steps over as it does in an
// English-only file; the Chinese side drops them.
func paragraphSpan(text, masked []byte, p paragraph, chinese bool) Span {
	// The atoms live only while the span is built; reusing their slice
	// saves what was a quarter of what a bilingual file allocated.
	buf := atomPool.Get().(*[]atom)
	defer atomPool.Put(buf)
	atoms := scanAtoms((*buf)[:0], masked, p)
	*buf = atoms
	first, last := -1, -1
	for k, a := range atoms {
		if a.kind == atomText {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	var b spanBuilder
	if first < 0 {
		return b.span()
	}
	emit := func(a atom) {
		if a.dec == nil {
			b.copy(a.off, text[a.off:a.off+a.n])
		} else {
			b.decoded(a.off, a.n, a.dec)
		}
	}
	for k := first; k <= last; k++ {
		if atoms[k].kind == atomText {
			emit(atoms[k])
			continue
		}
		g := k + 1
		for atoms[g].kind != atomText {
			g++
		}
		gap := atoms[k:g]
		if chinese && joinsHan(gap) &&
			isHan(lastRune(text, atoms[k-1])) && isHan(firstRune(text, atoms[g])) {
			k = g - 1
			continue
		}
		for _, a := range gap {
			switch a.kind {
			case atomSpace, atomNewline:
				emit(a)
			case atomMark:
				if !chinese {
					emit(a)
				}
			default:
				b.separator(a.off, a.n)
			}
		}
		k = g - 1
	}
	sp := b.span()
	if len(sp.pieces) == 1 && sp.pieces[0].exact {
		// The paragraph is the file's bytes as they stand: share them
		// rather than keep a copy, which would double what a bilingual
		// file holds. Capped, so that nothing appends into the file.
		p := sp.pieces[0]
		sp.Text = text[p.off : p.off+p.n : p.off+p.n]
	}
	return sp
}

// joinsHan says whether the stretch between two pieces of text is markup
// that two Han characters read through: hidden markup, emphasis marks or a
// line break, and no hidden content.
func joinsHan(gap []atom) bool {
	joins := false
	for _, a := range gap {
		switch a.kind {
		case atomCode:
			return false
		case atomHidden, atomMark, atomNewline:
			joins = true
		}
	}
	return joins
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// firstRune and lastRune return the first and last character of an atom.
func firstRune(text []byte, a atom) rune {
	r, _ := utf8.DecodeRune(atomBytes(text, a))
	return r
}

func lastRune(text []byte, a atom) rune {
	r, _ := utf8.DecodeLastRune(atomBytes(text, a))
	return r
}

// atomBytes returns the text an atom stands for.
func atomBytes(text []byte, a atom) []byte {
	if a.dec != nil {
		return a.dec
	}
	return text[a.off : a.off+a.n]
}

// scanAtoms cuts a paragraph's bytes into atoms, in file order, merging
// neighbouring bytes of one kind, and appends them to atoms.
func scanAtoms(atoms []atom, masked []byte, p paragraph) []atom {
	add := func(kind atomKind, off, n int, dec []byte) {
		if k := len(atoms) - 1; dec == nil && k >= 0 && atoms[k].kind == kind && atoms[k].dec == nil && atoms[k].off+atoms[k].n == off {
			atoms[k].n += n
			return
		}
		atoms = append(atoms, atom{kind, off, n, dec})
	}
	breaks, marks := p.breaks, p.marks
	for i := p.start; i < p.end; {
		for len(breaks) > 0 && breaks[0].end <= i {
			breaks = breaks[1:]
		}
		for len(marks) > 0 && marks[0].end <= i {
			marks = marks[1:]
		}
		nextBreak := p.end
		if len(breaks) > 0 {
			if breaks[0].start <= i {
				end := min(breaks[0].end, p.end)
				add(atomCode, i, end-i, nil)
				i = end
				continue
			}
			nextBreak = min(nextBreak, breaks[0].start)
		}
		if masked[i] == 0 {
			j := i + 1
			for j < nextBreak && masked[j] == 0 {
				j++
			}
			add(atomHidden, i, j-i, nil)
			i = j
			continue
		}
		if len(marks) > 0 && marks[0].start <= i {
			end := min(marks[0].end, nextBreak)
			add(atomMark, i, end-i, nil)
			i = end
			continue
		}
		r, n := utf8.DecodeRune(masked[i:p.end])
		switch {
		case r == '&' && p.entities:
			if n, dec := entityAt(masked[i:p.end]); n > 0 {
				kind := atomText
				if len(bytes.TrimSpace(dec)) == 0 {
					kind = atomSpace
				}
				add(kind, i, n, dec)
				i += n
				continue
			}
		case r == '\\' && p.escapes && i+1 < p.end && isASCIIPunct(masked[i+1]):
			add(atomText, i, 2, masked[i+1:i+2])
			i += 2
			continue
		}
		kind := atomText
		switch {
		case r == '\n' || r == '\r':
			kind = atomNewline
		case unicode.IsSpace(r):
			kind = atomSpace
		}
		add(kind, i, n, nil)
		i += n
	}
	return atoms
}

// entityAt returns the length and decoded text of the character reference
// b starts with ("&amp;", "&#21608;", "&#x5468;"), or 0.
func entityAt(b []byte) (int, []byte) {
	i := 1
	if i < len(b) && b[i] == '#' {
		i++
		hex := i < len(b) && b[i]|0x20 == 'x'
		if hex {
			i++
		}
		start := i
		for i < len(b) && i-start < 8 && ('0' <= b[i] && b[i] <= '9' || hex && 'a' <= b[i]|0x20 && b[i]|0x20 <= 'f') {
			i++
		}
		if i == start {
			return 0, nil
		}
	} else {
		start := i
		for i < len(b) && i-start < 32 && ('a' <= b[i]|0x20 && b[i]|0x20 <= 'z' || '0' <= b[i] && b[i] <= '9') {
			i++
		}
		if i == start || '0' <= b[start] && b[start] <= '9' {
			return 0, nil
		}
	}
	if i >= len(b) || b[i] != ';' {
		return 0, nil
	}
	ref := string(b[:i+1])
	dec := html.UnescapeString(ref)
	if dec == ref {
		return 0, nil
	}
	return i + 1, []byte(dec)
}

// isASCIIPunct says whether a backslash before c escapes it in CommonMark.
func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// textLengths returns the lengths of spans in characters other than
// spaces and separators, for telling paragraphs apart by length.
func textLengths(spans []Span) []int {
	ls := make([]int, len(spans))
	for i, s := range spans {
		for _, r := range string(s.Text) {
			if r != 0 && !unicode.IsSpace(r) {
				ls[i]++
			}
		}
	}
	return ls
}

// divergence finds where two files of paragraphs part: it aligns them by
// their lengths, as Gale and Church align sentences, letting a paragraph
// stand alone or two of one file match one of the other, and returns the
// first paragraphs (from 0) of the first step that is not one to one.
//
// ok is false when the lengths say nothing, when the files are too long
// to try, and when their counts differ by more than a few paragraphs or a
// tenth: then they are not one text with a paragraph lost or split, but
// differently cut or different texts, and no one place is where they part.
func divergence(zh, en []int) (i, j int, ok bool) {
	n, m := len(zh), len(en)
	if n == 0 || m == 0 || n*m > 4_000_000 || abs(n-m) > max(3, max(n, m)/10) {
		return 0, 0, false
	}
	zhSum, enSum := 0, 0
	for _, l := range zh {
		zhSum += l
	}
	for _, l := range en {
		enSum += l
	}
	if zhSum == 0 || enSum == 0 {
		return 0, 0, false
	}
	ratio := float64(enSum) / float64(zhSum)
	// match is the cost of a and b being translations of each other: the
	// square of the log of their length ratio against the files', whose
	// spread from one paragraph to the next is about a third.
	match := func(a, b int) float64 {
		x := math.Log((float64(b) + 1) / (ratio*float64(a) + 1))
		return x * x / (2 * 0.3 * 0.3)
	}
	const alone, merged = 4.0, 2.0
	type move struct{ di, dj int }
	moves := []move{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}
	cost := make([]float64, (n+1)*(m+1))
	from := make([]uint8, (n+1)*(m+1))
	at := func(i, j int) int { return i*(m+1) + j }
	for x := 0; x <= n; x++ {
		for y := 0; y <= m; y++ {
			if x == 0 && y == 0 {
				continue
			}
			best, bestMove := math.Inf(1), uint8(0)
			for k, mv := range moves {
				pi, pj := x-mv.di, y-mv.dj
				if pi < 0 || pj < 0 {
					continue
				}
				c := cost[at(pi, pj)]
				switch k {
				case 0:
					c += match(zh[pi], en[pj])
				case 1, 2:
					c += alone
				case 3:
					c += match(zh[pi]+zh[pi+1], en[pj]) + merged
				case 4:
					c += match(zh[pi], en[pj]+en[pj+1]) + merged
				}
				if c < best {
					best, bestMove = c, uint8(k)
				}
			}
			cost[at(x, y)], from[at(x, y)] = best, bestMove
		}
	}
	// Walk back from the end: the last step found that is not one to one
	// is the first in the files' order.
	var first move
	for x, y := n, m; x > 0 || y > 0; {
		mv := moves[from[at(x, y)]]
		x, y = x-mv.di, y-mv.dj
		if mv != (move{1, 1}) {
			i, j, first, ok = x, y, mv, true
		}
	}
	// Of two paragraphs matched with one, the one that fits it better is
	// its translation, and the files part at the other.
	switch {
	case first == move{2, 1} && match(zh[i], en[j]) < match(zh[i+1], en[j]),
		first == move{1, 2} && match(zh[i], en[j]) < match(zh[i], en[j+1]):
		i, j = i+1, j+1
	}
	return i, j, ok
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
