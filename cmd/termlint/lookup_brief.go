package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
)

// briefRun prints the translator's brief of the files named by the
// queries: every concept that occurs in them, with its counts and
// renderings.
func briefRun(opts *lookupOptions) error {
	g, err := styledGlossary(opts.Glossary, opts.Style, opts.StyleAt)
	if err != nil {
		return err
	}
	c := checker.New(g)
	files, inputErrs := scanPaths(c, opts.Queries, opts.IO, &opts.Read)
	brief := c.Brief(files, opts.Style)
	if opts.limitSet && len(brief) > opts.Limit {
		brief = brief[:opts.Limit]
	}
	if opts.Format == "json" {
		err = writeBriefJSON(opts.IO.Out, len(files), brief)
	} else {
		p := &cardPrinter{w: opts.IO.Out, cs: opts.IO.ColorScheme(), g: g, style: opts.Style}
		p.brief(len(files), brief)
	}
	if err != nil {
		return err
	}
	if len(inputErrs) > 0 {
		return &exitError{exitBadInput}
	}
	return nil
}

// brief writes one block per concept: the term and its counts, then its
// renderings, those the files use marked with their count.
func (p *cardPrinter) brief(files int, entries []*checker.BriefEntry) {
	fmt.Fprintf(p.w, "%s in %s\n", plural(len(entries), "concept"), plural(files, "file"))
	for _, e := range entries {
		c := e.Concept
		fmt.Fprintf(p.w, "\n%s  %s  %s  %s\n", p.cs.Bold(c.ZH), p.cs.Accent(c.Pinyin), p.cs.Dim(c.ID), briefCounts(e))
		width := 0
		for _, r := range e.Renderings {
			width = max(width, utf8.RuneCountInString(r.EN))
		}
		width = min(width, 44)
		for _, r := range e.Renderings {
			pad := strings.Repeat(" ", max(1, width-utf8.RuneCountInString(r.EN)+2))
			used := ""
			if r.Count > 0 {
				used = p.cs.Accent(fmt.Sprintf("used %d×", r.Count))
			}
			line := fmt.Sprintf("  %s%s%s%s%s", p.cs.Bold(r.EN), pad, p.status(r.StatusFor(p.style)), prefixed("  ", fmt.Sprintf("%-16s", briefStyles(r.Rendering))), prefixed("  ", used))
			fmt.Fprintln(p.w, strings.TrimRight(line, " "))
		}
	}
}

// briefStyles lists the styles that use r, each with a status of its own
// followed by that status: "official, literal (preferred)".
func briefStyles(r *glossary.Rendering) string {
	styles := make([]string, 0, len(r.AllStyles()))
	for _, s := range r.AllStyles() {
		if st, own := r.StatusIn[s]; own {
			s += " (" + string(st) + ")"
		}
		styles = append(styles, s)
	}
	return strings.Join(styles, ", ")
}

// briefCounts says where a concept occurs: "3× in Chinese (+2 inside
// longer terms), 1 rendering in English".
func briefCounts(e *checker.BriefEntry) string {
	var parts []string
	if e.Chinese > 0 {
		parts = append(parts, fmt.Sprintf("%d× in Chinese", e.Chinese))
	}
	if e.Inside > 0 {
		parts = append(parts, fmt.Sprintf("%d× inside longer terms", e.Inside))
	}
	if e.English > 0 {
		parts = append(parts, fmt.Sprintf("%d× rendered in English", e.English))
	}
	return strings.Join(parts, ", ")
}

// briefJSON is the wire format of lookup --in --format json.
type briefJSON struct {
	Version  int                `json:"version"`
	Files    int                `json:"files"`
	Concepts []briefConceptJSON `json:"concepts"`
}

type briefConceptJSON struct {
	ID         string               `json:"id"`
	ZH         string               `json:"zh"`
	Pinyin     string               `json:"pinyin"`
	Gloss      string               `json:"gloss,omitempty"`
	Count      int                  `json:"count"`
	Inside     int                  `json:"inside"`
	English    int                  `json:"english"`
	Renderings []briefRenderingJSON `json:"renderings"`
}

type briefRenderingJSON struct {
	EN     string          `json:"en"`
	Status glossary.Status `json:"status"`
	Styles []string        `json:"styles"`
	// StatusIn is the rendering's status in the styles where it is not
	// Status, as in the glossary.
	StatusIn map[string]glossary.Status `json:"status_in,omitempty"`
	Count    int                        `json:"count"`
}

func writeBriefJSON(w io.Writer, files int, entries []*checker.BriefEntry) error {
	out := briefJSON{Version: glossary.FormatVersion, Files: files, Concepts: []briefConceptJSON{}}
	for _, e := range entries {
		c := e.Concept
		bc := briefConceptJSON{ID: c.ID, ZH: c.ZH, Pinyin: c.Pinyin, Gloss: c.Gloss, Count: e.Chinese, Inside: e.Inside, English: e.English, Renderings: []briefRenderingJSON{}}
		for _, r := range e.Renderings {
			styles := r.Styles
			if styles == nil {
				styles = []string{}
			}
			bc.Renderings = append(bc.Renderings, briefRenderingJSON{EN: r.EN, Status: r.Status, Styles: styles, StatusIn: r.StatusIn, Count: r.Count})
		}
		out.Concepts = append(out.Concepts, bc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
