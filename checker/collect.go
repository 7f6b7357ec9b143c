package checker

import (
	"bytes"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/checker/match"
	"github.com/termlint/termlint/glossary"
)

// Collector checks the files of one scope together, as Check does, without
// holding them: each file is digested as soon as it is scanned (Digest,
// which may run in several goroutines at once), the digests are added in
// the scope's order (Add), and Findings reports. A digest keeps the
// findings the rules made of its file, the file's suppressions and, for
// the rules that compare files (inconsistent), one small record per use
// of a rendering: its place, and an index into a table of what was
// used, by whom and in which words, shared by the scope. It keeps neither
// the file's text nor its occurrences, so a scope of many files costs
// memory in proportion to the renderings in it, not to its text.
type Collector struct {
	c     *Checker
	rules []*Rule
	style string
	// digests are the files added, in order.
	digests []*Digest
	// keys are the distinct uses of the scope (see useKey); index finds
	// them.
	keys  []useKey
	index map[useKey]uint32
	// counts are the scope's uses of each rendering (countRenderings).
	counts map[*glossary.Rendering]int
	// filesKept is set when the scope's files outlive the check (Check):
	// the digests then find the places of the few uses reported in their
	// files' lines, rather than the place of every use as it is held.
	filesKept bool
}

// NewCollector returns a Collector for a scope checked with opts; the
// scope in opts is not read. The error is an unknown style.
func (c *Checker) NewCollector(opts Options) (*Collector, error) {
	if err := c.knowsStyle(opts.Style); err != nil {
		return nil, err
	}
	return c.newCollector(opts), nil
}

// knowsStyle fails when style is not "" and not a style of the glossary.
func (c *Checker) knowsStyle(style string) error {
	if style != "" && c.g.Style(style) == nil {
		return fmt.Errorf("unknown style %q (the glossary has %v)", style, c.g.StyleIDs())
	}
	return nil
}

func (c *Checker) newCollector(opts Options) *Collector {
	rules := opts.Rules
	if rules == nil {
		rules = DefaultRules()
	}
	return &Collector{c: c, rules: rules, style: opts.Style, index: make(map[useKey]uint32), counts: make(map[*glossary.Rendering]int)}
}

// Digest is what checking a scope keeps of one of its files (see
// Collector).
type Digest struct {
	path         string
	suppressions *input.SuppressionIndex
	// found are findings the rules made of the file, with their
	// suggestions; pending, findings whose suggestions depend on the
	// scope.
	found   []Finding
	pending []pending
	// uses are the file's uses held for the comparing rules, in file
	// order; their keys index keys until Add, the collector's keys after.
	uses []heldUse
	keys []useKey
	// held is set once a comparing rule has held the file's uses.
	held bool
	// counts are the file's uses of each rendering (countRenderings),
	// until Add.
	counts map[*glossary.Rendering]int
	// lines are the file's lines when the collector keeps files; the
	// held uses then have only their offsets.
	lines *match.Lines
}

// pending is a finding whose suggestions are alternatives to its concept
// in the scope (deprecated, missing), and with them its fix: for an
// occurrence with the given number of readings, read as reading.
type pending struct {
	Finding
	concept  *glossary.Concept
	fixable  bool
	readings int
	reading  Reading
	slot     slot
}

// heldUse is one use of a rendering kept for the comparing rules: its
// start (offset, line and column), the column after it, and its key. The
// rest of the finding it may become comes from the key: the text, and
// so the end offset and line. Line and columns are 0 when the digest has
// its file's lines (Digest.lines).
type heldUse struct {
	offset, line, col, endCol uint32
	key                       uint32
	// slot is what a fix at the use must agree with; quoted marks a use
	// in quoted speech, which is reported but does not vote.
	slot   slot
	quoted bool
}

// useKey is what uses that are reported alike share: the reading, how it
// reads its family's shared element (when inFamily), and the text as
// written.
type useKey struct {
	r        Reading
	family   familyReading
	inFamily bool
	text     string
}

// heldRef is a held use with the file it is in.
type heldRef struct {
	d *Digest
	u heldUse
}

// maxHeld is the longest text whose places a heldUse can hold.
const maxHeld = math.MaxUint32

// Digest runs the rules over f, a file of the collector's scope, and
// returns what they keep of it. f may be dropped once it is digested.
// Digest may be called from several goroutines at once. The error is a
// text of 4 GiB or more, whose places a digest cannot hold.
func (col *Collector) Digest(f *File) (*Digest, error) {
	if len(f.Text) > maxHeld {
		return nil, fmt.Errorf("%s: too long to check (%d bytes; the limit is %d)", f.Path, len(f.Text), maxHeld)
	}
	d := &Digest{path: f.Path, suppressions: f.SuppressionIndex(), counts: make(map[*glossary.Rendering]int)}
	if col.filesKept {
		d.lines = f.lines
	}
	for _, rule := range col.rules {
		rule.Run(&Pass{Rule: rule, Checker: col.c, Style: col.style, File: f, digest: d})
	}
	countRenderings(f, d.counts)
	return d, nil
}

// Add adds a digest to the scope, after those added before it: the
// order of the files is the order of first uses in the scope.
func (col *Collector) Add(d *Digest) {
	ids := make([]uint32, len(d.keys))
	for i, k := range d.keys {
		id, ok := col.index[k]
		if !ok {
			id = uint32(len(col.keys))
			col.keys = append(col.keys, k)
			col.index[k] = id
		}
		ids[i] = id
	}
	for i := range d.uses {
		d.uses[i].key = ids[d.uses[i].key]
	}
	d.keys = nil
	for r, n := range d.counts {
		col.counts[r] += n
	}
	d.counts = nil
	col.digests = append(col.digests, d)
}

// Findings returns the findings of the scope that its files' suppressions
// do not hide, in stable order (Sort). It is called once, when every
// digest has been added: it lets go of the digests as it makes their
// findings.
func (col *Collector) Findings() []Finding {
	byPath := make(map[string]*Digest, len(col.digests))
	for _, d := range col.digests {
		byPath[d.path] = d
	}
	findings := col.findings(func(fd Finding) bool {
		d := byPath[fd.File]
		return d != nil && d.suppressed(fd)
	})
	Sort(findings)
	return findings
}

// suppressed reports whether a finding falls under one of the file's
// suppressions, which may name its rule, concept id or Chinese term.
func (d *Digest) suppressed(fd Finding) bool {
	return d.suppressions.Covers(fd.Line, fd.Rule, fd.Concept, fd.ZH)
}

// findings completes the scope's findings and leaves out those hidden
// says to, in no particular order. It empties the digests as it goes, so
// it runs once.
func (col *Collector) findings(hidden func(Finding) bool) []Finding {
	// The comparing rules decide for each key first, so that the
	// findings can be counted, and held once, before they are made.
	house := col.houseStyle()
	var byKey [][]*Finding
	for _, rule := range col.rules {
		if rule.Finish != nil {
			byKey = append(byKey, rule.Finish(&ScopePass{Rule: rule, Checker: col.c, Style: col.style, House: house, Collector: col}))
		}
	}
	n := 0
	for _, d := range col.digests {
		n += len(d.found) + len(d.pending)
		for _, u := range d.uses {
			for _, findings := range byKey {
				if findings[u.key] != nil {
					n++
				}
			}
		}
	}
	out := make([]Finding, 0, n)
	keep := func(fd Finding) {
		if !hidden(fd) {
			out = append(out, fd)
		}
	}
	alts := make(map[*glossary.Concept][]string)
	// A key's fix depends only on the key, its finding and the use's
	// slot: it is made once for each, not once for each of a million
	// uses.
	type keyFix struct {
		key uint32
		t   *Finding
		sl  slot
	}
	fixes := make(map[keyFix]string)
	for _, d := range col.digests {
		for _, fd := range d.found {
			keep(fd)
		}
		for _, p := range d.pending {
			if col.style == "" && p.Rule == Deprecated.Name && keptByHouse(p.reading.Rendering, house) {
				continue // the style the text follows, as far as it shows, still writes it
			}
			suggestions, ok := alts[p.concept]
			if !ok {
				suggestions = alternatives(p.concept, house, col.counts, col.c.official)
				alts[p.concept] = suggestions
			}
			fd := p.Finding
			fd.Suggestions = suggestions
			if p.fixable {
				fd.Fix = fix(fd.Text, p.slot, p.readings, p.reading, suggestions, house)
			}
			keep(fd)
		}
		for _, findings := range byKey {
			for _, u := range d.uses {
				if t := findings[u.key]; t != nil {
					fd := col.place(*t, d, u)
					if fd.Fix != "" {
						// The key's fix, if the use's slot takes it.
						k := keyFix{u.key, t, u.slot}
						f, ok := fixes[k]
						if !ok {
							f = fix(fd.Text, u.slot, 1, col.keys[u.key].r, fd.Suggestions, house)
							fixes[k] = f
						}
						fd.Fix = f
					}
					keep(fd)
				}
			}
		}
		d.found, d.pending, d.uses = nil, nil, nil
	}
	return out
}

// houseStyle is the style the scope is held to: the one asked for, else
// the one that most of the scope's uses of styled renderings are in
// (where the concept had a choice: Checker.evidence), or
// "" when no style leads. A literal translation is held to the literal
// style without being told, so its one official slip is the outlier and
// not its many literal renderings.
func (col *Collector) houseStyle() string {
	if col.style != "" {
		return col.style
	}
	uses := make(map[string]int)
	for r, n := range col.counts {
		if !col.c.evidence[r] {
			continue
		}
		for _, style := range r.AllStyles() {
			if !retiredIn(r, style) {
				uses[style] += n
			}
		}
	}
	house, lead := "", 0
	for _, style := range col.c.g.StyleIDs() {
		switch n := uses[style]; {
		case n > lead:
			house, lead = style, n
		case n == lead:
			house = ""
		}
	}
	return house
}

// keptByHouse reports whether a text held to house (or to no style it
// shows) may write r, retired in general: the house still uses it, or no
// house shows and some style does ("sense of community of common
// destiny" is superseded in official English, the literal style's own).
func keptByHouse(r *glossary.Rendering, house string) bool {
	if house != "" {
		return !retiredIn(r, house)
	}
	return slices.ContainsFunc(r.AllStyles(), func(style string) bool { return !retiredIn(r, style) })
}

// ScopePass is what a rule's Finish sees: the scope, every file added,
// with the uses its files held (Pass.holdUses).
type ScopePass struct {
	Rule    *Rule
	Checker *Checker
	// Style is the style asked for, or ""; House the style the scope is
	// held to (houseStyle).
	Style, House string
	*Collector
}

// heldUses yields the uses the scope's digests hold, in scope order.
func (s *ScopePass) heldUses() iter.Seq[heldRef] {
	return func(yield func(heldRef) bool) {
		for _, d := range s.digests {
			for _, u := range d.uses {
				if !yield(heldRef{d, u}) {
					return
				}
			}
		}
	}
}

// related points at a held use.
func (s *ScopePass) related(ref heldRef) Related {
	line, col, _, _ := s.position(ref.d, ref.u)
	return Related{File: ref.d.path, Line: line, Column: col, Text: s.keys[ref.u.key].text}
}

// finding completes a finding of the rule that held uses of a key
// become, but for its place.
func (s *ScopePass) finding(fd Finding) *Finding {
	fd.Rule = s.Rule.Name
	if fd.Severity == "" {
		fd.Severity = s.Rule.Severity
	}
	return &fd
}

// place returns fd at held use u of digest d.
func (col *Collector) place(fd Finding, d *Digest, u heldUse) Finding {
	text := col.keys[u.key].text
	fd.File, fd.Text = d.path, text
	fd.Offset, fd.EndOffset = int(u.offset), int(u.offset)+len(text)
	fd.Line, fd.Column, fd.EndLine, fd.EndColumn = col.position(d, u)
	return fd
}

// position returns where held use u of digest d starts and ends.
func (col *Collector) position(d *Digest, u heldUse) (line, column, endLine, endColumn int) {
	text := col.keys[u.key].text
	if d.lines != nil {
		line, column = d.lines.Position(int(u.offset))
		endLine, endColumn = d.lines.Position(int(u.offset) + len(text))
		return line, column, endLine, endColumn
	}
	return int(u.line), int(u.col), int(u.line) + strings.Count(text, "\n"), int(u.endCol)
}

// holdUses keeps in the digest, for the comparing rules, the file's uses
// that the scope may report or point to: uses of usable renderings of a
// concept that has more than one, and uses that say how they read their
// family's shared element.
func (p *Pass) holdUses() {
	f, d, c := p.File, p.digest, p.Checker
	if d.held {
		return // another comparing rule held them
	}
	d.held = true
	// Uses with one reading and family place have a few keys, one per
	// way of writing them: find the key among those by its text.
	type place struct {
		r            Reading
		root, styled *glossary.Rendering
		inFamily     bool
	}
	keys := make(map[place][]uint32)
	var pos positions
	pos.reset(f.Text)
	for u := range p.uses() {
		if retired(u.r.Rendering) && !slices.ContainsFunc(u.r.Rendering.AllStyles(), func(style string) bool { return !retiredIn(u.r.Rendering, style) }) {
			continue // retired in every style
		}
		root, styled, inFamily := c.familyPlace(u.o, u.r)
		if !inFamily && c.usable[u.r.Concept] < 2 {
			continue
		}
		pl := place{u.r, root, styled, inFamily}
		raw := f.Text[u.o.Start:u.o.End]
		ids := keys[pl]
		i := slices.IndexFunc(ids, func(id uint32) bool { return d.keys[id].text == string(raw) })
		var key uint32
		if i >= 0 {
			key = ids[i]
		} else {
			key = uint32(len(d.keys))
			keys[pl] = append(ids, key)
			var fr familyReading
			if inFamily {
				fr = familyReading{root: root, styles: c.styles[styled], official: c.official[styled]}
			}
			d.keys = append(d.keys, useKey{u.r, fr, inFamily, string(raw)})
		}
		h := heldUse{offset: uint32(u.o.Start), key: key, slot: f.slotOf(u.o), quoted: u.o.Quoted}
		line, col := pos.at(u.o.Start)
		if f.Suppressed(line, "inconsistent", u.r.Concept.ID, u.r.Concept.ZH) {
			continue // a suppressed line does not vote
		}
		if d.lines == nil {
			_, endCol := pos.at(u.o.End)
			h.line, h.col, h.endCol = uint32(line), uint32(col), uint32(endCol)
		}
		d.uses = append(d.uses, h)
	}
	// The digest outlives the file: keep no spare capacity.
	if cap(d.uses) > len(d.uses) {
		d.uses = slices.Clone(d.uses)
	}
}

// positions finds the lines and columns of offsets in a text, as
// match.Lines.Position does, for offsets that mostly come in increasing
// order: each is found from the one before, so that a file's positions
// cost one pass over its text rather than a search and a count from
// the start of the line each.
type positions struct {
	text []byte
	// off is the offset found last, on line line, which starts at
	// start; runes are the code points from start to off.
	off, line, start, runes int
}

func (p *positions) reset(text []byte) {
	*p = positions{text: text, line: 1}
}

// at returns the 1-based line and code point column of the byte at
// offset (see match.Lines.Position).
func (p *positions) at(offset int) (line, column int) {
	offset = max(0, min(offset, len(p.text)))
	if offset < p.off {
		p.reset(p.text)
	}
	between := p.text[p.off:offset]
	if n := bytes.Count(between, newline); n > 0 {
		p.line += n
		p.start = p.off + bytes.LastIndexByte(between, '\n') + 1
		p.runes = utf8.RuneCount(p.text[p.start:offset])
	} else if p.off < len(p.text) && !utf8.RuneStart(p.text[p.off]) {
		// The offset before was inside a character: count from the
		// line's start, as a character read whole counts once.
		p.runes = utf8.RuneCount(p.text[p.start:offset])
	} else {
		p.runes += utf8.RuneCount(between)
	}
	p.off = offset
	return p.line, p.runes + 1
}

var newline = []byte{'\n'}
