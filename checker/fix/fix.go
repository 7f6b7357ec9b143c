// Package fix applies the fixes findings carry (checker.Finding.Fix) to
// the text of the files they are in, the way go/analysis applies
// suggested fixes: each finding's fix is an edit of its span; edits that
// overlap, or disagree on one span, are ambiguous and left alone.
//
// Run fixes a set of documents until nothing fixable is left: one fix can
// make a rendering the minority of a concept and so inconsistent, so each
// pass reads the fixed text again, as the file was read, and checks the
// whole scope again. Every pass also proves that its edits changed only
// the text they replace: the fixed file must read back with the same
// structure (segments, markup, encoding), so a replacement that would
// need escaping in XML, PO or CSV, or a span with markup inside it, is
// skipped with a reason rather than written; and so is an edit that would
// leave a quotation mark unpaired (see quote.go).
package fix

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/internal/textnorm"
	"github.com/termlint/termlint/internal/workcount"
)

// Edit replaces the bytes [Start, End) of a file's decoded text
// (input.Document.Text) with New.
type Edit struct {
	Start, End int
	New        string
	// Findings are the findings the edit fixes: one, or several at one
	// span whose fixes agree. They point into the findings given to Plan
	// rather than copy them: a file with a million fixes would otherwise
	// hold every finding twice while it is fixed.
	Findings []*checker.Finding
}

// Skip is a finding with a fix that is not applied, and why.
type Skip struct {
	Finding checker.Finding
	Reason  string
}

// statusRules are the rules whose fix follows the glossary's statuses and
// the house style, which a plain majority (the inconsistent rule) does not
// overrule.
var statusRules = map[string]bool{"deprecated": true, "non-preferred": true}

// Plan turns the findings that carry a fix into edits, by file, each
// file's sorted by offset and never overlapping. Findings of one span with
// the same fix make one edit. Findings of one span whose fixes differ are
// ambiguous, except that the fix of a deprecated or non-preferred finding
// wins over an inconsistent one: the glossary's status and the house
// style say what to write; a majority only says what the file does most.
// Edits that overlap or nest are ambiguous; all of them are skipped.
func Plan(findings []checker.Finding) (map[string][]Edit, []Skip) {
	var fixable []*checker.Finding
	for i := range findings {
		if f := &findings[i]; f.Fix != "" && f.EndOffset > f.Offset {
			fixable = append(fixable, f)
		}
	}
	fixable, skips := dropContradictions(fixable)
	byFile := make(map[string][]*checker.Finding)
	for _, f := range fixable {
		byFile[f.File] = append(byFile[f.File], f)
	}
	edits := make(map[string][]Edit)
	for path, fs := range byFile {
		slices.SortStableFunc(fs, func(a, b *checker.Finding) int {
			return cmp.Or(cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.EndOffset, b.EndOffset))
		})
		es := make([]Edit, 0, len(fs)) // at most one edit per finding
		for i := 0; i < len(fs); {
			j := i + 1
			for j < len(fs) && fs[j].Offset == fs[i].Offset && fs[j].EndOffset == fs[i].EndOffset {
				j++
			}
			e, ok, skipped := spanEdit(fs[i:j])
			skips = append(skips, skipped...)
			if ok {
				e.New = keepLineBreaks(fs[i].Text, e.New)
				es = append(es, e)
			}
			i = j
		}
		kept, overlapping := dropOverlaps(es)
		skips = append(skips, overlapping...)
		if len(kept) > 0 {
			edits[path] = kept
		}
	}
	sortSkips(skips)
	return edits, skips
}

// dropOverlaps returns the edits, sorted by offset, that overlap no other
// one, and skips the findings of the rest. An edit that overlaps another
// is ambiguous (which text is to be replaced?), and so is every edit of a
// chain of overlaps, and an edit inside a longer one that overlaps others:
// each is compared with every edit before it (through the furthest end so
// far), not only with its neighbours, so that none is applied into a span
// whose own fix was skipped.
func dropOverlaps(es []Edit) (kept []Edit, skips []Skip) {
	overlapped := make([]int, len(es)) // 1 + the index of an edit it overlaps; 0 for none
	furthest := -1                     // the edit before i that ends furthest
	for i, e := range es {
		if furthest >= 0 && es[furthest].End > e.Start {
			overlapped[i], overlapped[furthest] = furthest+1, cmp.Or(overlapped[furthest], i+1)
		}
		if furthest < 0 || e.End > es[furthest].End {
			furthest = i
		}
	}
	if !slices.ContainsFunc(overlapped, func(o int) bool { return o != 0 }) {
		return es, nil // the usual case: no copy
	}
	kept = make([]Edit, 0, len(es))
	for i, e := range es {
		if overlapped[i] == 0 {
			kept = append(kept, e)
			continue
		}
		o := es[overlapped[i]-1].Findings[0]
		reason := fmt.Sprintf("overlaps the fix of %q at %d:%d", o.Text, o.Line, o.Column)
		for _, f := range e.Findings {
			skips = append(skips, Skip{*f, reason})
		}
	}
	return kept, skips
}

// direction is a fix's change of one concept's rendering, as the matcher
// folds the two.
type direction struct{ concept, from, to string }

// directions folds the directions of findings, each distinct one once:
// a file may have a million fixes of a few renderings.
type directions map[direction]direction

func (ds directions) of(f *checker.Finding) direction {
	raw := direction{f.Concept, f.Rendering, f.Fix}
	d, ok := ds[raw]
	if !ok {
		d = direction{f.Concept, textnorm.Key(f.Rendering), textnorm.Key(f.Fix)}
		ds[raw] = d
	}
	return d
}

// dropContradictions settles fixes of one concept that go opposite ways:
// the concept rule turning "neighborhood work" into the majority's
// "periphery work" while the family rule turns "periphery work" into
// "neighborhood work", the reading of 周边 the family uses most. Applied
// together they would swap the two and leave the next pass to undo half
// of it. The way more findings go is kept (it leaves more text as it
// is), then the way a deprecated or non-preferred finding goes; a tie
// beyond that is ambiguous and both ways are skipped.
func dropContradictions(fs []*checker.Finding) ([]*checker.Finding, []Skip) {
	count := make(map[direction]int)
	status := make(map[direction]bool)
	folded := make(directions)
	for _, f := range fs {
		d := folded.of(f)
		count[d]++
		status[d] = status[d] || statusRules[f.Rule]
	}
	kept := fs[:0] // in place: fs is Plan's own list
	var skips []Skip
	for _, f := range fs {
		d := folded.of(f)
		back := direction{d.concept, d.to, d.from}
		n, m := count[d], count[back]
		switch {
		case m == 0, n > m, n == m && status[d] && !status[back]:
			kept = append(kept, f)
		default:
			skips = append(skips, Skip{*f, fmt.Sprintf("other fixes turn %q into %q", back.from, back.to)})
		}
	}
	return kept, skips
}

// keepLineBreaks moves the line breaks of a phrase broken across lines
// into its replacement, after as many words as they followed in the text,
// so that a hard-wrapped paragraph keeps its lines (and its CRLF). A
// replacement with fewer spaces than that takes the break at its last
// space; one without spaces loses it. A lone CR is a line break too (old
// Mac line ends): the matcher reads it as one, so it must not become a
// space.
func keepLineBreaks(text, replacement string) string {
	if !strings.ContainsAny(text, "\r\n") {
		return replacement
	}
	type gap struct {
		words int
		ws    string
	}
	var breaks []gap
	words := 0
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && isSpace(text[j]) {
			j++
		}
		if j > i {
			if ws := text[i:j]; strings.ContainsAny(ws, "\r\n") {
				breaks = append(breaks, gap{words, ws})
			}
			i = j
			continue
		}
		if i == 0 || isSpace(text[i-1]) {
			words++
		}
		i++
	}
	parts := strings.Split(replacement, " ")
	used := make(map[int]bool)
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			sep := " "
			for _, g := range breaks {
				at := min(g.words, len(parts)-1)
				if at == i && !used[at] {
					sep, used[at] = g.ws, true
				}
			}
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// spanEdit makes the edit of findings that share one span, or skips them
// (ok is false).
func spanEdit(fs []*checker.Finding) (e Edit, ok bool, skips []Skip) {
	fixes := distinctFixes(fs, func(*checker.Finding) bool { return true })
	agree := len(fixes) == 1
	if len(fixes) > 1 {
		if status := distinctFixes(fs, func(f *checker.Finding) bool { return statusRules[f.Rule] }); len(status) == 1 {
			fixes = status
		}
	}
	if len(fixes) > 1 {
		reason := "its fixes disagree: " + quoteList(fixes)
		for _, f := range fs {
			skips = append(skips, Skip{*f, reason})
		}
		return Edit{}, false, skips
	}
	e = Edit{Start: fs[0].Offset, End: fs[0].EndOffset, New: fixes[0]}
	if agree {
		// Every finding agrees, the usual case: the edit shares Plan's
		// list of them.
		e.Findings = fs[:len(fs):len(fs)]
		return e, true, nil
	}
	var losers []*checker.Finding
	for _, f := range fs {
		if f.Fix == e.New {
			e.Findings = append(e.Findings, f)
		} else {
			losers = append(losers, f)
		}
	}
	for _, f := range losers {
		skips = append(skips, Skip{*f, fmt.Sprintf("the %s fix %q of the same text is applied instead", e.Findings[0].Rule, e.New)})
	}
	return e, true, skips
}

// distinctFixes lists the different fixes of the findings keep is true of,
// in order.
func distinctFixes(fs []*checker.Finding, keep func(*checker.Finding) bool) []string {
	var out []string
	for _, f := range fs {
		if keep(f) && !slices.Contains(out, f.Fix) {
			out = append(out, f.Fix)
		}
	}
	return out
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, " or ")
}

func sortSkips(skips []Skip) {
	slices.SortStableFunc(skips, func(a, b Skip) int {
		return cmp.Or(strings.Compare(a.Finding.File, b.Finding.File), cmp.Compare(a.Finding.Offset, b.Finding.Offset), strings.Compare(a.Finding.Rule, b.Finding.Rule))
	})
}

// Apply returns a copy of text with the edits made. The edits must be
// sorted and must not overlap, as Plan returns them.
func Apply(text []byte, edits []Edit) []byte {
	var out []byte
	prev := 0
	for _, e := range edits {
		out = append(out, text[prev:e.Start]...)
		out = append(out, e.New...)
		prev = e.End
	}
	return append(out, text[prev:]...)
}

// Document is a file to fix.
type Document struct {
	// Doc is the file as read.
	Doc *input.Document
	// File, unless nil, is Doc as scanned (checker.Checker.Scan), which
	// Run then takes over rather than scan Doc again: the caller has
	// usually checked the file already, and a second scan would hold its
	// occurrences twice. Run sets it to nil, so that the scan of a file
	// it fixes is dropped with the text it was made of.
	File *checker.File
	// Read reads the file's text with edits made (decoded, as Doc.Text)
	// the way Doc was read: Reader makes one. Nil leaves the file as it
	// is: it is checked with the others, in their scope, but not fixed.
	Read func(text []byte) (*input.Document, error)
}

// Reader returns a Document.Read for doc: the text is encoded back into
// doc's encoding (which must give the same encoding when read) and read
// with opts in doc's format, then aligned with chinese, the Chinese file
// doc was aligned with (check --source), unless that is nil.
func Reader(doc *input.Document, opts input.Options, chinese *input.Document) func([]byte) (*input.Document, error) {
	opts.Format = doc.Format
	if doc.Encoding != "" {
		// Named, so that a GB18030 file whose only Chinese a fix removed
		// is still read, and written, as GB18030.
		opts.Encoding = doc.Encoding
	}
	return func(text []byte) (*input.Document, error) {
		data, err := input.Encode(text, doc.Encoding)
		if err != nil {
			return nil, err
		}
		d, err := input.ReadWith(doc.Path, data, opts)
		if err != nil {
			return nil, err
		}
		if d.Encoding != doc.Encoding {
			return nil, fmt.Errorf("the fixed file would read as %s, not as %s", encodingName(d.Encoding), encodingName(doc.Encoding))
		}
		if chinese != nil {
			if err := input.Align(chinese, d); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
}

func encodingName(e string) string {
	if e == "" {
		return "utf-8"
	}
	return e
}

// MaxPasses is how many times Run fixes and checks again at most; two
// are usually enough (a fix, and the fix of an inconsistency it made).
const MaxPasses = 5

// Result is what Run did.
type Result struct {
	// Docs are the documents as fixed, in the order given; a document
	// nothing was applied to is the one given.
	Docs []*input.Document
	// Files are Docs scanned, and Findings what the checker finds in them.
	Files    []*checker.File
	Findings []checker.Finding
	// Fixed counts the findings fixed in each document.
	Fixed []int
	// Skipped are the findings of the fixed files that carry a fix which
	// was not applied, and why.
	Skipped []Skip
	// Passes is how many passes applied fixes.
	Passes int
}

// Run fixes the documents: it checks them together with opts (so that
// with checker.ScopeAll the majority of every file counts), applies the
// planned edits of each document that has a Read, reads the fixed text
// again and checks again, until a pass applies nothing or MaxPasses
// passes have run. An edit the re-read text does not bear out (see Check)
// is skipped; the rest of the file's edits are still applied. keep, unless
// nil, chooses the findings to fix among each pass's (those not in a
// baseline, say); Result.Findings are all of them.
func Run(c *checker.Checker, docs []Document, opts checker.Options, keep func([]checker.Finding) []checker.Finding) (*Result, error) {
	res := &Result{Docs: make([]*input.Document, len(docs)), Files: make([]*checker.File, len(docs)), Fixed: make([]int, len(docs))}
	byPath := make(map[string]int, len(docs))
	for i, d := range docs {
		res.Docs[i] = d.Doc
		res.Files[i] = d.File
		if d.File == nil {
			res.Files[i] = c.Scan(d.Doc)
		}
		docs[i].File = nil
		if _, dup := byPath[d.Doc.Path]; !dup {
			byPath[d.Doc.Path] = i
		}
	}
	for pass := 0; ; pass++ {
		findings, err := c.Check(res.Files, opts)
		if err != nil {
			return nil, err
		}
		res.Findings = findings
		if keep != nil {
			findings = keep(findings)
		}
		edits, skips := Plan(findings)
		// A file's scan is not needed to apply its edits, and is of text
		// that is about to go: it is dropped first, and the file scanned
		// again below, so that a file of many findings is never held
		// scanned twice, nor scanned with its next text.
		var rescan []int
		applied := false
		for path, es := range edits {
			i, ok := byPath[path]
			if !ok || docs[i].Read == nil {
				delete(edits, path)
				continue
			}
			if pass == MaxPasses {
				for _, e := range es {
					for _, f := range e.Findings {
						skips = append(skips, Skip{*f, fmt.Sprintf("still fixable after %d passes", MaxPasses)})
					}
				}
				continue
			}
			res.Files[i] = nil
			rescan = append(rescan, i)
			doc, done, rejected := applyChecked(res.Docs[i], es, docs[i].Read)
			skips = append(skips, rejected...)
			if len(done) > 0 {
				res.Docs[i] = doc
				for _, e := range done {
					res.Fixed[i] += len(e.Findings)
				}
				applied = true
			}
		}
		if applied {
			// This pass's findings are of text that is gone too (the
			// edits that point into them are no longer live).
			res.Findings = nil
		}
		for _, i := range rescan {
			res.Files[i] = c.Scan(res.Docs[i])
		}
		if !applied {
			sortSkips(skips)
			res.Skipped = skips
			return res, nil
		}
		res.Passes++
	}
}

// applyChecked applies the edits that Check bears out to doc and returns
// the document read back, the edits applied and the ones skipped. When
// the edits together fail, each half is tried, and each half of a half
// that fails, down to single edits, so one edit that needs escaping does
// not hold back the others.
func applyChecked(doc *input.Document, edits []Edit, read func([]byte) (*input.Document, error)) (*input.Document, []Edit, []Skip) {
	var skips []Skip
	reject := func(e Edit, err error) {
		for _, f := range e.Findings {
			skips = append(skips, Skip{*f, err.Error()})
		}
	}
	try := func(es []Edit) (*input.Document, error) {
		d, err := read(Apply(doc.Text, es))
		if err != nil {
			return nil, err
		}
		return d, Check(doc, d, es)
	}
	var valid []Edit
	quoteErrs := checkQuotes(doc.Text, edits)
	_, placed := segmentEdits(doc, edits)
	for k, e := range edits {
		err := checkSpan(doc, e, placed[k])
		if err == nil {
			err = quoteErrs[k]
		}
		if err != nil {
			reject(e, err)
		} else {
			valid = append(valid, e)
		}
	}
	if len(valid) == 0 {
		return doc, nil, skips
	}
	if d, err := try(valid); err == nil {
		return d, valid, skips
	}
	// Find the edits that fail by halves: one bad edit among many costs
	// a few reads of the file per halving, not one read per edit.
	var ok []Edit
	var bisect func(es []Edit)
	bisect = func(es []Edit) {
		if _, err := try(es); err == nil {
			ok = append(ok, es...)
		} else if len(es) == 1 {
			reject(es[0], err)
		} else {
			bisect(es[:len(es)/2])
			bisect(es[len(es)/2:])
		}
	}
	bisect(valid[:len(valid)/2])
	bisect(valid[len(valid)/2:])
	if len(ok) == 0 {
		return doc, nil, skips
	}
	d, err := try(ok)
	if err != nil { // each alone is fine, together they are not
		for _, e := range ok {
			reject(e, err)
		}
		return doc, nil, skips
	}
	return d, ok, skips
}

// errStructure says a fixed file does not read back as the original with
// only the edited text changed.
var errStructure = errors.New("the replacement would change the file's structure (it needs escaping here)")

// checkSpan reports whether edit e replaces checked text only: no markup
// or code hidden inside it, and, in a bilingual file, the exact text of
// one segment's translation (no entity or escape inside it), which
// inSegment says (see segmentEdits).
func checkSpan(doc *input.Document, e Edit, inSegment bool) error {
	if e.Start < 0 || e.End > len(doc.Text) || e.Start >= e.End {
		return fmt.Errorf("the span %d-%d is outside the file", e.Start, e.End)
	}
	// The matcher sees through Markdown emphasis and the like, which a
	// replacement would lose or leave unbalanced.
	if doc.Masked != nil && !bytes.Equal(doc.Masked[e.Start:e.End], doc.Text[e.Start:e.End]) ||
		bytes.ContainsAny(doc.Text[e.Start:e.End], markup) {
		return errors.New("the text to replace has markup inside it")
	}
	if doc.Bilingual() && !inSegment {
		return errors.New("the text to replace has an escape or entity inside it")
	}
	return nil
}

// segmentEdits places edits, sorted and not overlapping as Plan makes
// them, in the translations of doc's segments: in[k] are the edits that
// are exact text of segment k's English, as indexes of its span's Text,
// and placed[n] says edits[n] is in some segment. Each segment finds its
// edits by binary search, so a file of many segments and many edits
// costs segments × log(edits), not segments × edits.
func segmentEdits(doc *input.Document, edits []Edit) (in [][]Edit, placed []bool) {
	placed = make([]bool, len(edits))
	in = make([][]Edit, len(doc.Segments))
	for k := range doc.Segments {
		sp := &doc.Segments[k].English
		start, stop := sp.Start(), sp.Stop()
		n, _ := slices.BinarySearchFunc(edits, start, func(e Edit, off int) int { return cmp.Compare(e.Start, off) })
		for ; n < len(edits) && edits[n].Start < stop; n++ {
			if i, j, ok := spanIndex(sp, doc.Text, edits[n]); ok {
				in[k] = append(in[k], Edit{Start: i, End: j, New: edits[n].New})
				placed[n] = true
			}
		}
	}
	return in, placed
}

// markup are the characters of Markdown, HTML and XML markup, none of
// which a glossary rendering has.
const markup = "*_`~[]<>|\\#{}"

// spanProbes counts spanIndex's calls and the positions it tries, the
// work TestFixBilingualIsLinear bounds.
var spanProbes workcount.Counter

// spanIndex finds edit e in span sp of a file's text: the indexes i, j of
// sp.Text that are the file's bytes [e.Start, e.End) themselves.
func spanIndex(sp *input.Span, text []byte, e Edit) (i, j int, ok bool) {
	spanProbes.Add(1)
	if e.Start < sp.Start() || e.End > sp.Stop() {
		return 0, 0, false
	}
	n := e.End - e.Start
	// Offset never decreases with the index: the first index at e.Start,
	// if there is one, is found by binary search.
	i = sort.Search(len(sp.Text)+1, func(i int) bool { return sp.Offset(i) >= e.Start })
	if i+n > len(sp.Text) || sp.Offset(i) != e.Start {
		return 0, 0, false
	}
	if !bytes.Equal(sp.Text[i:i+n], text[e.Start:e.End]) || sp.End(i+n) != e.End {
		return 0, 0, false
	}
	for k := i; k < i+n; k++ {
		if sp.Offset(k) != e.Start+k-i {
			return 0, 0, false
		}
	}
	return i, i + n, true
}

// Check reports whether after, the file with edits made and read again,
// is before with only the edited text changed: the masked text (what is
// checked, and what is markup) and every segment's two sides are before's
// with the replacements made, and nothing else; and the text has the
// quotation marks it had, each still opening or closing as it did. The
// edits are sorted and do not overlap, as Plan makes them.
func Check(before, after *input.Document, edits []Edit) error {
	if !slices.Equal(quotationMarks(before.Text), quotationMarks(after.Text)) {
		return errQuotesChanged
	}
	if (before.Masked == nil) != (after.Masked == nil) || before.Bilingual() != after.Bilingual() || len(before.Segments) != len(after.Segments) {
		return errStructure
	}
	if before.Masked != nil && !bytes.Equal(Apply(before.Masked, edits), after.Masked) {
		return errStructure
	}
	in, _ := segmentEdits(before, edits)
	for k := range before.Segments {
		b, a := &before.Segments[k], &after.Segments[k]
		if b.Untranslated != a.Untranslated || !bytes.Equal(b.Chinese.Text, a.Chinese.Text) {
			return errStructure
		}
		want := b.English.Text
		if len(in[k]) > 0 {
			want = Apply(want, in[k])
		}
		if !bytes.Equal(want, a.English.Text) {
			return errStructure
		}
	}
	return nil
}
