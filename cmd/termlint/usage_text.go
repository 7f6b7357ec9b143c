package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/escape"
	"github.com/termlint/termlint/internal/iostreams"
)

// usagePrinter writes usage reports as text: per concept, what was
// counted, a table of its renderings by use, the files, and
// keyword-in-context examples of each rendering.
type usagePrinter struct {
	w     io.Writer
	cs    *iostreams.ColorScheme
	cards *cardPrinter
	style string
}

// unrenderedLabel names the occurrences with no known rendering,
// unnamedLabel those of them with no unlisted phrase to name, and
// totalLabel the row that adds up the uses.
const (
	unrenderedLabel = "no known rendering"
	unnamedLabel    = "unnamed"
	totalLabel      = "total"
)

func (p *usagePrinter) print(query string, matches []glossary.Match, usages []*checker.Usage, also []glossary.Match) {
	if len(usages) > 1 {
		names := make([]string, len(usages))
		for i, u := range usages {
			names[i] = u.Concept.ZH + " (" + u.Concept.ID + ")"
		}
		fmt.Fprintf(p.w, "%q names %d concepts: %s\n\n", query, len(usages), strings.Join(names, ", "))
	}
	for i, u := range usages {
		if i > 0 {
			fmt.Fprintln(p.w)
		}
		p.usage(matches[i], u)
	}
	if len(also) > 0 {
		fmt.Fprintf(p.w, "\nalso matching %q (--all reports them too):\n", query)
		for _, m := range also {
			fmt.Fprintf(p.w, "  %s\n", p.cards.line(m.Concept))
		}
	}
}

func (p *usagePrinter) usage(m glossary.Match, u *checker.Usage) {
	c, s := u.Concept, u.Summary
	fmt.Fprintf(p.w, "%s  %s  %s\n", p.cs.Bold(c.ZH), p.cs.Accent(c.Pinyin), p.cs.Dim(c.ID))
	if how := matchedHow(m); how != "" {
		fmt.Fprintf(p.w, "  %s\n", p.cs.Dim(how))
	}
	if !u.Found() {
		fmt.Fprintf(p.w, "  %s and its renderings occur in none of the %s read\n", c.ZH, plural(s.Files, "file"))
		return
	}
	fmt.Fprintf(p.w, "  %s read, %d bilingual\n", plural(s.Files, "file"), s.Bilingual)
	if s.Chinese > 0 {
		line := fmt.Sprintf("  bilingual: %s %d× in the Chinese; its renderings %d× in the English", c.ZH, s.Chinese, s.Rendered)
		if s.Unrendered > 0 {
			line += fmt.Sprintf(", no known rendering for %d", s.Unrendered)
		}
		switch {
		case s.Unlisted > 0 && s.Unnamed > 0:
			line += fmt.Sprintf(" (unlisted phrases %d, unnamed %d)", s.Unlisted, s.Unnamed)
		case s.Unlisted > 0:
			line += fmt.Sprintf(" (unlisted phrases %d)", s.Unlisted)
		}
		fmt.Fprintln(p.w, line)
	}
	if s.English > 0 {
		fmt.Fprintf(p.w, "  English only: its renderings %d×\n", s.English)
	}
	if s.Untranslated > 0 {
		fmt.Fprintf(p.w, "  untranslated: %s %d× with no translation beside it\n", c.ZH, s.Untranslated)
	}
	if line := notCounted(c.ZH, s); line != "" {
		fmt.Fprintln(p.w, "  "+line)
	}
	var use *glossary.Rendering
	if p.style != "" {
		if use = c.Preferred(p.style); use != nil {
			fmt.Fprintf(p.w, "  %s %s\n", p.cs.Dim("use ("+p.style+"):"), p.cs.Good(use.EN))
		} else {
			fmt.Fprintf(p.w, "  %s\n", p.cs.Dim("use ("+p.style+"): no preferred rendering in this style"))
		}
	}
	p.table(u, use)
	p.files(u)
	p.examples(u)
}

// notCounted says how many renderings in bilingual English had no
// occurrence of the term (zh) to pair with, and why: beyond the term's
// occurrences in their segment, or in a segment whose Chinese lacks it.
// They are not uses, so they are in no count of the table or the files.
func notCounted(zh string, s checker.UsageSummary) string {
	const head = "not counted: its renderings %d× in bilingual English "
	switch {
	case s.Extra > 0 && s.Unaligned > 0:
		return fmt.Sprintf(head+"with no %s left to pair with (%d beyond the term's occurrences in their segment, %d whose Chinese lacks it)",
			s.Extra+s.Unaligned, zh, s.Extra, s.Unaligned)
	case s.Extra > 0:
		return fmt.Sprintf(head+"beyond the occurrences of %s in their segment's Chinese", s.Extra, zh)
	case s.Unaligned > 0:
		return fmt.Sprintf(head+"whose Chinese lacks %s", s.Unaligned, zh)
	}
	return ""
}

// table lists the renderings by use, with their status, styles, count
// and years; the style's preferred one is marked with an arrow. A use is
// an occurrence of the term in a bilingual file (under the rendering
// paired with it, or as no known rendering) or a rendering in an
// English-only file; the total row adds them up, as the files do.
func (p *usagePrinter) table(u *checker.Usage, use *glossary.Rendering) {
	enWidth, styleWidth := displayWidth(unrenderedLabel), 0
	for _, r := range u.Renderings {
		enWidth = max(enWidth, displayWidth(r.EN))
		styleWidth = max(styleWidth, displayWidth(strings.Join(r.Styles, ", ")))
	}
	for _, ph := range u.Unlisted {
		enWidth = max(enWidth, displayWidth(phraseLabel(ph))+2)
	}
	enWidth = min(enWidth, 56)
	fmt.Fprintln(p.w)
	row := func(mark, en, status, styles string, t checker.Tally) {
		line := fmt.Sprintf("%s%s%s  %s  %s%s  %5s  %s", mark, en, pad(en, enWidth), status,
			styles, pad(styles, styleWidth), fmt.Sprintf("%d×", t.Count), years(t.Years))
		fmt.Fprintln(p.w, strings.TrimRight(line, " "))
	}
	for _, r := range u.Renderings {
		mark := "  "
		if r.Rendering == use {
			mark = "→ "
		}
		row(mark, p.cs.Bold(r.EN), p.cards.status(r.Status), strings.Join(r.Styles, ", "), r.Tally)
	}
	if u.Unrendered.Count > 0 {
		row("  ", unrenderedLabel, fmt.Sprintf("%-10s", ""), "", u.Unrendered)
		// The phrases the English has instead, then the rest, under it.
		if len(u.Unlisted) > 0 {
			for _, ph := range u.Unlisted {
				row("  ", "  "+phraseLabel(ph), fmt.Sprintf("%-10s", "unlisted"), "", ph.Tally)
			}
			if u.Unnamed.Count > 0 {
				row("  ", "  "+unnamedLabel, fmt.Sprintf("%-10s", ""), "", u.Unnamed)
			}
		}
	}
	row("  ", totalLabel, fmt.Sprintf("%-10s", ""), "", totalTally(u))
}

// totalTally adds up the table's rows: every rendering's uses and the
// occurrences with no known rendering, by year.
func totalTally(u *checker.Usage) checker.Tally {
	t := checker.Tally{Count: u.Summary.Total, Years: map[string]int{}}
	for _, r := range append([]checker.Tally{u.Unrendered}, renderingTallies(u)...) {
		for y, n := range r.Years {
			t.Years[y] += n
		}
	}
	return t
}

func renderingTallies(u *checker.Usage) []checker.Tally {
	ts := make([]checker.Tally, len(u.Renderings))
	for i, r := range u.Renderings {
		ts[i] = r.Tally
	}
	return ts
}

// phraseLabel is an unlisted phrase in quotation marks, as the table and
// the files list show it.
func phraseLabel(ph *checker.PhraseUsage) string { return fmt.Sprintf("%q", ph.Phrase) }

// phraseRelation says how an unlisted phrase stands to the rendering it
// is named after.
func phraseRelation(ph *checker.PhraseUsage) string {
	switch ph.Kind {
	case checker.PhraseVariant:
		return fmt.Sprintf("near the glossary's %q", ph.Rendering.EN)
	case checker.PhraseLoose:
		return fmt.Sprintf("the glossary's %q, read loosely", ph.Rendering.EN)
	}
	return fmt.Sprintf("part of the glossary's %q", ph.Rendering.EN)
}

// pad is the spaces that fill s, which may be coloured, out to width
// columns; plain is s without colour.
func pad(s string, width int) string {
	return strings.Repeat(" ", max(0, width-displayWidth(stripANSI(s))))
}

// stripANSI drops colour escapes, which take no columns.
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// years says how many uses fell in each year, the earliest first and
// those with no date last: "2019: 3 · no date: 1".
func years(ys map[string]int) string {
	keys := make([]string, 0, len(ys))
	for y := range ys {
		keys = append(keys, y)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(boolInt(a == checker.NoDate), boolInt(b == checker.NoDate)), cmp.Compare(a, b))
	})
	parts := make([]string, len(keys))
	for i, y := range keys {
		parts[i] = fmt.Sprintf("%s: %d", y, ys[y])
	}
	return strings.Join(parts, " · ")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// files lists the files the concept occurs in, with their year, whether
// they are bilingual, and what each rendering counted there.
func (p *usagePrinter) files(u *checker.Usage) {
	type fileRow struct{ path, year, kind, counts string }
	rows := make([]fileRow, 0, len(u.Files))
	var pathW, yearW, kindW int
	for _, fu := range u.Files {
		r := fileRow{path: escape.Text(fu.Path), year: cmp.Or(fu.Year, checker.NoDate), kind: "English only"}
		if fu.Bilingual {
			r.kind = "bilingual"
		}
		r.counts = fileCounts(u, fu)
		pathW, yearW, kindW = max(pathW, displayWidth(r.path)), max(yearW, len(r.year)), max(kindW, len(r.kind))
		rows = append(rows, r)
	}
	fmt.Fprintln(p.w)
	for _, r := range rows {
		fmt.Fprintf(p.w, "  %s%s  %-*s  %-*s  %s\n", r.path, pad(r.path, pathW), yearW, r.year, kindW, r.kind, r.counts)
	}
}

// fileCounts is a file's uses, "周边工作 6×: work on periphery affairs 3
// · periphery work 1 · no known rendering 2" (renderings 3× in an
// English-only file), whose parts add up to the total before the colon;
// then, after "also", what is not a use: occurrences untranslated, and
// renderings not counted.
func fileCounts(u *checker.Usage, fu *checker.FileUsage) string {
	var uses, also []string
	for _, ru := range u.Renderings {
		if n := fu.Renderings[ru.Rendering]; n > 0 {
			uses = append(uses, fmt.Sprintf("%s %d", ru.EN, n))
		}
	}
	if fu.Unrendered > 0 {
		uses = append(uses, fmt.Sprintf("%s %d%s", unrenderedLabel, fu.Unrendered, unlistedCounts(u, fu)))
	}
	for _, c := range []struct {
		label string
		n     int
	}{{"untranslated", fu.Untranslated}, {"not counted", fu.Extra + fu.Unaligned}} {
		if c.n > 0 {
			also = append(also, fmt.Sprintf("%s %d", c.label, c.n))
		}
	}
	var out string
	switch {
	case fu.Total() == 0:
	case fu.Bilingual:
		out = fmt.Sprintf("%s %d×: %s", u.Concept.ZH, fu.Total(), strings.Join(uses, " · "))
	default:
		out = fmt.Sprintf("renderings %d×: %s", fu.Total(), strings.Join(uses, " · "))
	}
	if len(also) == 0 {
		return out
	}
	if out == "" {
		return strings.Join(also, " · ")
	}
	return out + "; also " + strings.Join(also, " · ")
}

// unlistedCounts is how a file's occurrences with no known rendering
// divide into unlisted phrases and unnamed ones (` ("phrase" 2, unnamed
// 1)`), or "" when none has a phrase.
func unlistedCounts(u *checker.Usage, fu *checker.FileUsage) string {
	var parts []string
	for _, ph := range u.Unlisted {
		if n := fu.Unlisted[ph.Key]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", phraseLabel(ph), n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if fu.Unnamed > 0 {
		parts = append(parts, fmt.Sprintf("%s %d", unnamedLabel, fu.Unnamed))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// examples prints each rendering's examples, then those of occurrences
// with no known rendering, as a keyword-in-context concordance: the
// keyword of every line starts in one column.
func (p *usagePrinter) examples(u *checker.Usage) {
	locWidth := 0
	measure := func(t checker.Tally) {
		for _, ex := range t.Examples {
			locWidth = max(locWidth, displayWidth(location(ex.Excerpt)))
			if ex.ZH != nil {
				locWidth = max(locWidth, displayWidth(location(*ex.ZH)))
			}
		}
	}
	for _, r := range u.Renderings {
		measure(r.Tally)
	}
	measure(u.Unrendered)
	measure(u.Unnamed)
	for _, ph := range u.Unlisted {
		measure(ph.Tally)
	}
	block := func(title, note string, t checker.Tally, unrendered bool) {
		if len(t.Examples) == 0 {
			return
		}
		if note != "" {
			note = "  " + p.cs.Dim(note)
		}
		fmt.Fprintf(p.w, "\n%s  %d×%s\n", p.cs.Bold(title), t.Count, note)
		for _, ex := range t.Examples {
			switch {
			case !unrendered:
				p.kwic(locWidth, ex.Excerpt, p.cs.Bold)
			case ex.Text != "":
				p.kwic(locWidth, ex.Excerpt, p.cs.Accent)
			default:
				// No glossary phrase to point at: the segment's start.
				seg := escape.Text(ex.Segment)
				if displayWidth(seg) > 2*checker.ContextWidth {
					seg = cutWidth(seg, 2*checker.ContextWidth-1) + "…"
				}
				fmt.Fprintf(p.w, "  %s%s  %s%s\n", p.cs.Dim(location(ex.Excerpt)), pad(location(ex.Excerpt), locWidth), strings.Repeat(" ", checker.ContextWidth), seg)
			}
			if ex.ZH != nil {
				p.kwic(locWidth, *ex.ZH, p.cs.Bold)
			}
		}
	}
	for _, r := range u.Renderings {
		block(r.EN, "", r.Tally, false)
	}
	if len(u.Unlisted) == 0 {
		block(unrenderedLabel, "", u.Unrendered, true)
		return
	}
	for _, ph := range u.Unlisted {
		block(phraseLabel(ph), "unlisted, "+phraseRelation(ph), ph.Tally, true)
	}
	block(unnamedLabel, "no known rendering, and no phrase to name", u.Unnamed, true)
}

// location is where an excerpt is, its file name escaped as every name
// termlint prints is.
func location(c checker.Excerpt) string {
	return fmt.Sprintf("%s:%d:%d", escape.Text(c.File), c.Line, c.Column)
}

// kwic prints one concordance line: the location, the context before
// right-aligned, the keyword highlighted, the context after, spaced as
// the text is, its control characters escaped.
func (p *usagePrinter) kwic(locWidth int, c checker.Excerpt, highlight func(string) string) {
	loc := location(c)
	before := escape.Text(c.Before)
	line := fmt.Sprintf("  %s%s  %s%s%s%s", p.cs.Dim(loc), pad(loc, locWidth), pad(before, checker.ContextWidth), before, highlight(escape.Text(c.Text)), escape.Text(c.After))
	fmt.Fprintln(p.w, strings.TrimRight(line, " "))
}

// cutWidth is the start of s that fits in width columns.
func cutWidth(s string, width int) string {
	cols := 0
	for i, r := range s {
		if cols += displayWidth(string(r)); cols > width {
			return s[:i]
		}
	}
	return s
}
