package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
)

// cardPrinter writes lookup results as text: a card per concept found.
type cardPrinter struct {
	w       io.Writer
	cs      *iostreams.ColorScheme
	g       *glossary.Glossary
	style   string
	sources bool // list the cited sources' titles under each result
}

// result prints the concepts found for one query: the best matches in full
// (all of them with all set), the rest a line each. With no match it says
// so on errOut and suggests the nearest concepts.
func (p *cardPrinter) result(r glossary.Result, all bool, errOut io.Writer) {
	if len(r.Matches) == 0 {
		fmt.Fprintf(errOut, "no concept matches %q", r.Query)
		if len(r.Nearest) == 0 {
			fmt.Fprintln(errOut, ", and none is close")
			return
		}
		fmt.Fprintln(errOut, "; nearest:")
		for _, m := range r.Nearest {
			fmt.Fprintf(errOut, "  %s\n", p.line(m.Concept))
		}
		return
	}
	best := r.Matches[0].Kind
	var full, brief []glossary.Match
	for _, m := range r.Matches {
		if all || m.Kind == best && !insideLongerPart(m, r.Matches) {
			full = append(full, m)
		} else {
			brief = append(brief, m)
		}
	}
	cited := map[string]bool{}
	for i, m := range full {
		if i > 0 {
			fmt.Fprintln(p.w)
		}
		p.card(m)
		for _, rd := range m.Concept.Renderings {
			for _, s := range rd.Seen {
				cited[s.Source] = true
			}
		}
	}
	if len(brief) > 0 {
		fmt.Fprintf(p.w, "\nalso matching %q:\n", r.Query)
		for _, m := range brief {
			fmt.Fprintf(p.w, "  %s\n", p.line(m.Concept))
		}
	}
	if p.sources {
		fmt.Fprintln(p.w, "\nsources:")
		for _, s := range p.g.Sources {
			if cited[s.ID] {
				fmt.Fprintf(p.w, "  %s  %s (%s)\n", p.cs.Bold(s.ID), s.Title, joinNonEmpty(", ", briefPublisher(s.Publisher), s.Kind, s.Date))
			}
		}
	}
}

// insideLongerPart reports whether m is a part of the query that lies
// inside a longer part also found (外交 inside 周边外交): the longer one is
// what the query is about.
func insideLongerPart(m glossary.Match, ms []glossary.Match) bool {
	if m.Kind != glossary.MatchPart {
		return false
	}
	for _, o := range ms {
		if o.Kind == glossary.MatchPart && len(o.Text) > len(m.Text) && strings.Contains(o.Text, m.Text) {
			return true
		}
	}
	return false
}

// line is a concept in one line: zh, id and its renderings.
func (p *cardPrinter) line(c *glossary.Concept) string {
	ens := make([]string, 0, len(c.Renderings))
	for _, r := range c.Renderings {
		ens = append(ens, r.EN)
	}
	return fmt.Sprintf("%s %s  %s", p.cs.Bold(c.ZH), p.cs.Dim(c.ID), strings.Join(ens, " · "))
}

func (p *cardPrinter) card(m glossary.Match) {
	c := m.Concept
	fmt.Fprintf(p.w, "%s  %s  %s\n", p.cs.Bold(c.ZH), p.cs.Accent(c.Pinyin), p.cs.Dim(c.ID))
	if len(c.ZHVariants) > 0 {
		fmt.Fprintf(p.w, "  also written %s\n", strings.Join(c.ZHVariants, ", "))
	}
	if how := matchedHow(m); how != "" {
		fmt.Fprintf(p.w, "  %s\n", p.cs.Dim(how))
	}
	if c.Gloss != "" {
		p.wrapped("  ", "", c.Gloss)
	}
	if p.style != "" {
		if r := c.Preferred(p.style); r != nil {
			fmt.Fprintf(p.w, "  %s %s\n", p.cs.Dim("use ("+p.style+"):"), p.cs.Good(r.EN))
		} else {
			fmt.Fprintf(p.w, "  %s\n", p.cs.Dim("use ("+p.style+"): no preferred rendering in this style"))
		}
	}
	width := 0
	for _, r := range c.Renderings {
		width = max(width, utf8.RuneCountInString(r.EN))
	}
	width = min(width, 44)
	fmt.Fprintln(p.w)
	for _, r := range c.Renderings {
		pad := strings.Repeat(" ", max(1, width-utf8.RuneCountInString(r.EN)+2))
		styles := strings.Join(r.AllStyles(), ", ")
		line := fmt.Sprintf("  %s%s%s%s", p.cs.Bold(r.EN), pad, p.status(r.Status), prefixed("  ", styles))
		fmt.Fprintln(p.w, strings.TrimRight(line, " "))
		if len(r.StatusIn) > 0 {
			fmt.Fprintf(p.w, "      %s %s\n", p.cs.Dim("status:"), p.statusByStyle(r))
		}
		if r.PhraseType() != "noun" {
			fmt.Fprintf(p.w, "      %s %s\n", p.cs.Dim("phrase:"), r.PhraseType())
		}
		if how := contextText(r.Context); how != "" {
			p.wrapped("      ", "counts", how)
		}
		if len(r.Forms) > 0 {
			fmt.Fprintf(p.w, "      %s %s\n", p.cs.Dim("forms:"), strings.Join(r.Forms, ", "))
		}
		if len(r.Seen) > 0 {
			fmt.Fprintf(p.w, "      %s %s\n", p.cs.Dim("seen:"), p.seen(r.Seen))
		}
		if p.g.Unconfirmed(r) {
			fmt.Fprintf(p.w, "      %s\n", p.cs.Warn("unconfirmed: seen only in an OCR transcription; check the wording against a second source"))
		}
		if r.Note != "" {
			p.wrapped("      ", "note:", r.Note)
		}
	}
	if c.Notes != "" {
		fmt.Fprintln(p.w)
		p.wrapped("  ", "notes:", strings.TrimSpace(c.Notes))
	}
	if len(c.ZHExcept) > 0 {
		p.wrapped("  ", "not the term in:", strings.Join(c.ZHExcept, ", "))
	}
	if len(c.ZHContext) > 0 {
		p.wrapped("  ", "the term only in sentences with:", strings.Join(c.ZHContext, ", "))
	}
	var links []string
	if k := c.KindOrDefault(); k != glossary.KindTerm {
		links = append(links, p.cs.Dim("kind: ")+kindText(k))
	}
	if c.Family != "" && c.Family != c.ID {
		links = append(links, p.cs.Dim("family: ")+p.ref(c.Family))
	}
	if len(c.Parts) > 0 {
		parts := make([]string, len(c.Parts))
		for i, id := range c.Parts {
			parts[i] = p.ref(id)
		}
		links = append(links, p.cs.Dim("parts: ")+strings.Join(parts, " + "))
	}
	if len(c.Related) > 0 {
		rel := make([]string, len(c.Related))
		for i, id := range c.Related {
			rel[i] = p.ref(id)
		}
		links = append(links, p.cs.Dim("related: ")+strings.Join(rel, ", "))
	}
	if len(c.Tags) > 0 {
		links = append(links, p.cs.Dim("tags: ")+strings.Join(c.Tags, ", "))
	}
	if len(links) > 0 {
		fmt.Fprintln(p.w)
		for _, l := range links {
			fmt.Fprintf(p.w, "  %s\n", l)
		}
	}
}

// kindText names a concept's kind with what it means for a translator.
func kindText(k glossary.Kind) string {
	switch k {
	case glossary.KindName:
		return "name (of an institution, meeting, document or title)"
	case glossary.KindPhrase:
		return "phrase (may be paraphrased: never reported missing or inconsistent)"
	}
	return string(k)
}

// statusByStyle says a rendering's status in the styles where it has one
// of its own, then its status elsewhere: "preferred in literal;
// superseded otherwise". Styles with one status are named together, the
// statuses in the order of glossary.Statuses.
func (p *cardPrinter) statusByStyle(r *glossary.Rendering) string {
	byStatus := map[glossary.Status][]string{}
	for _, s := range slices.Sorted(maps.Keys(r.StatusIn)) {
		byStatus[r.StatusIn[s]] = append(byStatus[r.StatusIn[s]], s)
	}
	var parts []string
	for _, st := range glossary.Statuses {
		if styles := byStatus[st]; len(styles) > 0 {
			parts = append(parts, p.statusWord(st)+" in "+andList(styles))
		}
	}
	return strings.Join(append(parts, p.statusWord(r.Status)+" otherwise"), "; ")
}

// andList joins items as English does: "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// contextText says where a rendering's words count as the rendering:
// "only in: China's _, _ diplomacy; not in: _ committee", or "" when
// anywhere.
func contextText(ctx *glossary.Context) string {
	if ctx == nil {
		return ""
	}
	var parts []string
	if len(ctx.Require) > 0 {
		parts = append(parts, "only in: "+strings.Join(ctx.Require, ", "))
	}
	if len(ctx.Exclude) > 0 {
		label := "not in: "
		if len(ctx.Require) == 0 {
			label = "except in: "
		}
		parts = append(parts, label+strings.Join(ctx.Exclude, ", "))
	}
	return strings.Join(parts, "; ")
}

// matchedHow says how a match that is not exact was found.
func matchedHow(m glossary.Match) string {
	switch m.Kind {
	case glossary.MatchContains:
		return fmt.Sprintf("matched: the query is part of %s %q", m.Field, m.Text)
	case glossary.MatchPart:
		return fmt.Sprintf("matched: %s %q is part of the query", m.Field, m.Text)
	case glossary.MatchFuzzy:
		return fmt.Sprintf("matched: %s %q, %s from the query", m.Field, m.Text, plural(m.Distance, "edit"))
	}
	return ""
}

// wrapWidth is the column lookup wraps notes at.
const wrapWidth = 80

// wrapped prints text after indent and a dimmed label, wrapped at
// wrapWidth columns with continuation lines indented to match.
func (p *cardPrinter) wrapped(indent, label, text string) {
	first := indent
	if label != "" {
		first += p.cs.Dim(label) + " "
	}
	cont := indent + strings.Repeat(" ", displayWidth(label)+min(len(label), 1))
	col := displayWidth(indent) + displayWidth(label) + min(len(label), 1)
	var b strings.Builder
	b.WriteString(first)
	lineStart := true
	for _, word := range strings.Fields(text) {
		w := displayWidth(word)
		if !lineStart && col+1+w > wrapWidth {
			b.WriteString("\n" + cont)
			col = displayWidth(cont)
			lineStart = true
		}
		if !lineStart {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += w
		lineStart = false
	}
	fmt.Fprintln(p.w, b.String())
}

// displayWidth counts terminal columns: two for wide (CJK) characters.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// ref names another concept by its Chinese and id.
func (p *cardPrinter) ref(id string) string {
	if c := p.g.Concept(id); c != nil {
		return c.ZH + " " + p.cs.Dim("("+id+")")
	}
	return id
}

// status is a status in the status column: padded to its width and
// coloured.
func (p *cardPrinter) status(s glossary.Status) string {
	return p.colored(s, fmt.Sprintf("%-10s", s))
}

// statusWord is a status in running text, coloured.
func (p *cardPrinter) statusWord(s glossary.Status) string { return p.colored(s, string(s)) }

// colored colours text as status s is coloured: preferred good,
// deprecated bad, superseded a warning.
func (p *cardPrinter) colored(s glossary.Status, text string) string {
	switch s {
	case glossary.Preferred:
		return p.cs.Good(text)
	case glossary.Deprecated:
		return p.cs.Bad(text)
	case glossary.Superseded:
		return p.cs.Warn(text)
	}
	return text
}

// seen says who used a rendering when: each source's id, which names the
// publication and is what --sources and the glossary list it under, with
// its publisher, kind and dates, or the pages of a book and whether it
// was read through OCR: "xinhua-2025-neighborhood-work-conference
// (Xinhua News Agency, official, 2025-04)". A source seen several times
// (a dated column, a book) is named once with all its dates and pages,
// in the glossary's order.
func (p *cardPrinter) seen(seen []*glossary.Seen) string {
	type sourceUses struct {
		id          string
		dates       []string
		pages       []string
		undatedUses bool
	}
	var uses []*sourceUses
	bySource := map[string]*sourceUses{}
	for _, s := range seen {
		u := bySource[s.Source]
		if u == nil {
			u = &sourceUses{id: s.Source}
			bySource[s.Source] = u
			uses = append(uses, u)
		}
		switch {
		case s.Date != "":
			u.dates = appendNew(u.dates, s.Date)
		case s.Page > 0:
			u.pages = appendNew(u.pages, strconv.Itoa(s.Page))
		default:
			u.undatedUses = true
		}
	}
	parts := make([]string, 0, len(uses))
	for _, u := range uses {
		publisher, kind, ocr := "", "", ""
		dates := u.dates
		if src := p.g.Source(u.id); src != nil {
			publisher, kind = briefPublisher(src.Publisher), src.Kind
			if (len(dates) == 0 || u.undatedUses) && src.Date != "" {
				// An entry without a date of its own has its source's.
				dates = appendNew(dates, src.Date)
			}
			if src.OCR {
				ocr = "OCR"
			}
		}
		pages := ""
		switch len(u.pages) {
		case 0:
		case 1:
			pages = "p. " + u.pages[0]
		default:
			pages = "pp. " + strings.Join(u.pages, ", ")
		}
		if detail := joinNonEmpty(", ", publisher, kind, strings.Join(dates, ", "), pages, ocr); detail != "" {
			parts = append(parts, u.id+" ("+detail+")")
		} else {
			parts = append(parts, u.id)
		}
	}
	return strings.Join(parts, "; ")
}

// appendNew appends s to list unless list holds it.
func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// briefPublisher is a source's publisher without its parenthesised
// remark ("National Development and Reform Commission (with the Ministry
// of Foreign Affairs …)"), which would nest in the seen line's brackets.
func briefPublisher(publisher string) string {
	if i := strings.Index(publisher, " ("); i > 0 {
		publisher = publisher[:i]
	}
	return strings.TrimSpace(publisher)
}

// joinNonEmpty joins the parts that are not empty with sep.
func joinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0]
	for _, part := range parts {
		if part != "" {
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, sep)
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}
