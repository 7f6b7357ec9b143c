package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode"

	"github.com/termlint/termlint/checker/suggest"
	"github.com/termlint/termlint/glossary"
)

// writeSuggestYAML writes the report as a glossary snippet: a source per
// file the evidence comes from, the candidate renderings under their
// concepts' ids, and the new terms as concept stubs, each with its
// evidence in comments. minCount is --min-count, which comments cite. As written it parses, and merged after g it
// validates: a new term whose translation is not stable is commented out,
// since a concept needs a rendering.
func writeSuggestYAML(w io.Writer, g *glossary.Glossary, r *suggest.Report, minCount int) error {
	y := &yamlWriter{}
	split := ""
	if r.Segments+r.Misaligned != r.Translated {
		split = fmt.Sprintf(", %d once split into aligned sentences", r.Segments+r.Misaligned)
	}
	if r.Misaligned > 0 {
		// Say so: the curator may want to fix the file's alignment.
		split += fmt.Sprintf(", %d left out as misaligned (lengths out of proportion with the file's other pairs)", r.Misaligned)
	}
	y.line("# termlint suggest: %s (%d bilingual), %s%s", plural(r.Files, "file"), r.Bilingual, plural(r.Translated, "translated segment"), split)
	y.line("#")
	y.line("# Renderings the glossary lacks and Chinese terms it does not have, with")
	y.line("# their evidence. Keep what is right and delete the rest (a concept entry")
	y.line("# with its last rendering); give each source a real title and kind; check")
	y.line("# generated ids and pinyin. Then use this file after the glossary")
	y.line("# (termlint --glossary @default --glossary FILE ...), or move its entries")
	y.line("# into the glossary by hand, renderings under their concepts.")

	sources := newSourceIDs(g)
	for _, c := range r.Renderings {
		for _, cand := range c.Candidates {
			sources.cite(cand.Files)
		}
	}
	for _, t := range r.Terms {
		for _, cand := range t.Candidates {
			sources.cite(cand.Files)
		}
	}
	if len(sources.order) > 0 {
		y.line("")
		y.line("sources:")
		for _, p := range sources.order {
			y.line("  %s:", sources.ids[p])
			y.line("    title: %s", yamlString(p))
			y.line("    kind: other")
		}
	}

	y.line("")
	if r.Suggestions() == 0 && len(r.Renderings) == 0 {
		y.line("concepts: []")
		y.line("# nothing to propose")
		_, err := w.Write(y.buf.Bytes())
		return err
	}
	y.line("concepts:")
	entries := 0
	if len(r.Renderings) > 0 {
		y.line("")
		y.line("  # Renderings of glossary concepts")
	}
	for _, c := range r.Renderings {
		con := c.Concept
		y.line("")
		y.line("  # %s %s: %s with the term, %d without a known rendering", con.ZH, con.ID, plural(c.Segments, "segment"), c.Unrendered)
		var known []string
		for _, rd := range con.Renderings {
			known = append(known, rd.EN)
		}
		y.line("  # (known: %s)", oneLineComment(strings.Join(known, "; ")))
		if len(c.Candidates) == 0 {
			y.line("  # no candidate: no n-gram is beside the term in %s or more", plural(minCount, "segment"))
			continue
		}
		entries++
		y.line("  - id: %s", con.ID)
		y.line("    renderings:")
		for _, cand := range c.Candidates {
			y.rendering("      ", cand, sources, fmt.Sprintf("beside %s in %s (%d without a known rendering)", con.ZH, plural(cand.Count, "segment"), cand.Unrendered))
		}
	}
	if len(r.Terms) > 0 {
		y.line("")
		y.line("  # New terms")
	}
	for _, t := range r.Terms {
		y.line("")
		head := fmt.Sprintf("  # %s: %s, %s", t.ZH, plural(t.Segments, "segment"), plural(t.Occurrences, "occurrence"))
		switch {
		case len(t.Candidates) == 0:
			head += "; no n-gram recurs beside it: fill in a rendering and uncomment"
		case t.Stable:
			head += fmt.Sprintf("; stable: %q in %d of %d segments", t.Candidates[0].EN, t.Candidates[0].Count, t.Segments)
		default:
			head += fmt.Sprintf("; not stable: %q only in %d of %d segments; keep a rendering and uncomment", t.Candidates[0].EN, t.Candidates[0].Count, t.Segments)
		}
		y.line("%s", head)
		for _, e := range t.Examples {
			y.line("  #   %s", excerptLine(e))
		}
		// A stub that could not validate as it stands is commented out.
		prefix := "  "
		if !t.Stable {
			prefix = "  # "
		} else {
			entries++
		}
		y.line("%s- id: %s", prefix, t.ID)
		y.line("%s  zh: %s", prefix, t.ZH)
		y.line("%s  pinyin: %s  # generated: check characters with several readings", prefix, yamlString(t.Pinyin))
		if len(t.Contains) > 0 {
			ids := make([]string, len(t.Contains))
			for i, c := range t.Contains {
				ids[i] = c.ID
			}
			y.line("%s  related: [%s]", prefix, strings.Join(ids, ", "))
		}
		y.line("%s  renderings:", prefix)
		if len(t.Candidates) == 0 {
			y.line("%s    - en: %s", prefix, yamlString("FILL IN"))
			continue
		}
		for _, cand := range t.Candidates {
			y.rendering(prefix+"    ", cand, sources, fmt.Sprintf("beside %s in %s", t.ZH, plural(cand.Count, "segment")))
		}
	}
	if r.MoreTerms > 0 {
		y.line("")
		y.line("  # %s more new terms, not shown: see --max-terms", fmt.Sprint(r.MoreTerms))
	}
	if entries == 0 {
		y.line("")
		y.line("  [] # no entry to add: see the comments")
	}
	_, err := w.Write(y.buf.Bytes())
	return err
}

// yamlWriter builds the snippet line by line.
type yamlWriter struct{ buf bytes.Buffer }

func (y *yamlWriter) line(format string, args ...any) {
	fmt.Fprintf(&y.buf, format, args...)
	y.buf.WriteByte('\n')
}

// rendering writes one candidate as a rendering at indent, with its
// score, evidence and examples in comments.
func (y *yamlWriter) rendering(indent string, cand *suggest.Candidate, sources *sourceIDs, evidence string) {
	y.line("%s- en: %s", indent, yamlString(cand.EN))
	y.line("%s  status: admitted", indent)
	if ids := sources.of(cand.Files); len(ids) > 0 {
		y.line("%s  seen:", indent)
		for _, id := range ids {
			y.line("%s    - {source: %s, quote: %s}", indent, id, yamlString(cand.EN))
		}
	}
	y.line("%s  # G² %.1f: %s; the n-gram is in %s in all", indent, cand.Score, evidence, plural(cand.Frequency, "segment"))
	for _, ex := range cand.Examples {
		y.line("%s  #   %s", indent, excerptLine(ex.EN))
		y.line("%s  #   %s", indent, excerptLine(ex.ZH))
	}
}

// excerptLine is an excerpt as a comment shows it: where it is, then the
// text with the match between « and ».
func excerptLine(e suggest.Excerpt) string {
	return oneLineComment(fmt.Sprintf("%s:%d:%d: %s«%s»%s", e.File, e.Line, e.Column, e.Before, e.Match, e.After))
}

// oneLineComment keeps text on one comment line.
func oneLineComment(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// yamlString quotes s as a YAML double-quoted scalar: JSON's string
// syntax is a subset of it.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// sourceIDs names a source for each file the evidence is cited from:
// "corpus-" and the file's name as a slug, made unique among the snippet's
// sources and the glossary's, so that merging the snippet replaces none.
type sourceIDs struct {
	g     *glossary.Glossary
	ids   map[string]string // path -> id
	taken map[string]bool
	order []string // paths, in the order first cited
}

func newSourceIDs(g *glossary.Glossary) *sourceIDs {
	return &sourceIDs{g: g, ids: map[string]string{}, taken: map[string]bool{}}
}

func (s *sourceIDs) cite(paths []string) {
	for _, p := range paths {
		if _, ok := s.ids[p]; ok {
			continue
		}
		base := "corpus"
		if slug := slugify(strings.TrimSuffix(path.Base(p), path.Ext(p))); slug != "" {
			base += "-" + slug
		}
		id := base
		for n := 2; s.taken[id] || s.g.Source(id) != nil; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		s.taken[id] = true
		s.ids[p] = id
		s.order = append(s.order, p)
	}
}

func (s *sourceIDs) of(paths []string) []string {
	var ids []string
	for _, p := range paths {
		if id, ok := s.ids[p]; ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// slugify makes s a lowercase slug of ASCII letters, digits and single
// hyphens, as glossary ids are.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
			continue
		}
		hyphen = true
	}
	return b.String()
}
