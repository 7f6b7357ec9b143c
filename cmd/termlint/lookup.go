package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
)

type lookupOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Queries []string
	Format  string
	Style   string
	// StyleAt is where the configuration file set Style, or "".
	StyleAt string
	All     bool
	Limit   int
	Sources bool
	// In reads the queries as files and prints their brief.
	In       bool
	Read     readFlags
	limitSet bool
}

func newCmdLookup(f *factory) *cobra.Command {
	opts := &lookupOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "lookup QUERY... | lookup --in PATH...",
		Short: "Show how a term has been rendered",
		Long: `Find concepts by Chinese (the term or a variant, then terms containing it),
English (any rendering or form, whatever its case, number or spelling),
pinyin (with or without tones and spaces), concept id, or approximately
(typos, a phrase cut short). Each query is looked up on its own; quote a
query of several words.

Exact matches are shown in full: the Chinese, pinyin, gloss, each rendering
with its status, the styles that use it and who was seen using it when,
notes, family, parts and related concepts. Concepts that merely contain the
query are listed below them (--all shows them in full too). When nothing
matches, the nearest concepts are suggested and the exit status is 1.

With --in, the arguments are files or directories (as for check), and the
output is a translator's brief: every concept whose Chinese term or English
rendering occurs in them, in the order they first appear, with how often
its term occurs (alone, and inside longer terms) and how often it is
rendered, then its renderings (preferred ones first; --style's first of
all), each marked with how often the files use it.`,
		Example: `  termlint lookup 周边
  termlint lookup periphery "communities of common destiny"
  termlint lookup zhoubian
  termlint lookup --style official 命运共同体
  termlint lookup --format json 周边
  termlint lookup --in source.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Queries = args
			opts.StyleAt = f.configPos("style")
			if opts.Format != "text" && opts.Format != "json" {
				return fmt.Errorf("invalid --format %q: use text or json", opts.Format)
			}
			if opts.Limit < 1 {
				return fmt.Errorf("invalid --limit %d: it must be at least 1", opts.Limit)
			}
			if opts.In {
				if _, err := opts.Read.options(); err != nil {
					return err
				}
				opts.limitSet = cmd.Flags().Changed("limit")
				return briefRun(opts)
			}
			return lookupRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	cmd.Flags().StringVarP(&opts.Style, "style", "s", "", "house `style` whose preferred rendering to point out (see glossary styles)")
	cmd.Flags().BoolVarP(&opts.All, "all", "a", false, "show every matching concept in full, not only the best matches")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 20, "show at most `N` concepts per query (with --in: in all, and only when given)")
	cmd.Flags().BoolVar(&opts.Sources, "sources", false, "list the title of every source the shown renderings cite (text format)")
	cmd.Flags().BoolVar(&opts.In, "in", false, "read the arguments as files or directories and print a brief of the concepts in them")
	opts.Read.register(cmd.Flags(), "read")
	return cmd
}

func lookupRun(opts *lookupOptions) error {
	g, err := styledGlossary(opts.Glossary, opts.Style, opts.StyleAt)
	if err != nil {
		return err
	}
	idx := glossary.NewIndex(g)
	results := make([]glossary.Result, len(opts.Queries))
	missed := 0
	for i, q := range opts.Queries {
		results[i] = lookupCapped(idx, q, opts.IO.ErrOut)
		if len(results[i].Matches) > opts.Limit {
			results[i].Matches = results[i].Matches[:opts.Limit]
		}
		if len(results[i].Matches) == 0 {
			missed++
		}
	}
	if opts.Format == "json" {
		err = writeLookupJSON(opts.IO.Out, g, results)
	} else {
		p := &cardPrinter{w: opts.IO.Out, cs: opts.IO.ColorScheme(), g: g, style: opts.Style, sources: opts.Sources}
		for i, r := range results {
			if i > 0 {
				fmt.Fprintln(opts.IO.Out)
			}
			p.result(r, opts.All, opts.IO.ErrOut)
		}
	}
	if err != nil {
		return err
	}
	if missed > 0 {
		return &exitError{exitFound}
	}
	return nil
}

// maxQueryRunes is the most characters of a query lookup and usage
// compare with the glossary. Matching a query's words against every
// rendering's costs their product, and approximate matching once cost the
// query's length times every value's (1,000 characters over 100,000
// concepts: 28 s). Twice the longest value of the default glossary leaves
// every value, and a typo in it, within reach.
const maxQueryRunes = 200

// lookupCapped looks query up in idx, its first maxQueryRunes characters
// if it is longer, and then says so on errOut. The result names the whole
// query.
func lookupCapped(idx *glossary.Index, query string, errOut io.Writer) glossary.Result {
	q := strings.TrimSpace(query)
	if n := utf8.RuneCountInString(q); n > maxQueryRunes {
		cut, runes := q, 0
		for i := range q {
			if runes == maxQueryRunes {
				cut = q[:i]
				break
			}
			runes++
		}
		fmt.Fprintf(errOut, "termlint: query of %d characters: only its first %d are looked up; to find the terms a text holds, use lookup --in FILE\n", n, maxQueryRunes)
		res := idx.Lookup(cut)
		res.Query = query
		return res
	}
	return idx.Lookup(query)
}

// lookupJSON is the wire format of lookup --format json.
type lookupJSON struct {
	Version int                         `json:"version"`
	Results []lookupResultJSON          `json:"results"`
	Sources map[string]*glossary.Source `json:"sources"`
}

type lookupResultJSON struct {
	Query   string      `json:"query"`
	Matches []matchJSON `json:"matches"`
	Nearest []matchJSON `json:"nearest"`
}

// matchJSON is a concept as the export writes it, with how it matched.
type matchJSON struct {
	*glossary.Concept
	Match matchInfoJSON `json:"match"`
}

type matchInfoJSON struct {
	Kind     glossary.MatchKind `json:"kind"`
	Field    string             `json:"field"`
	Text     string             `json:"text"`
	Distance int                `json:"distance,omitempty"`
}

func writeLookupJSON(w io.Writer, g *glossary.Glossary, results []glossary.Result) error {
	out := lookupJSON{Version: glossary.FormatVersion, Results: []lookupResultJSON{}}
	used := map[string]bool{}
	convert := func(ms []glossary.Match) []matchJSON {
		list := make([]matchJSON, len(ms))
		for i, m := range ms {
			list[i] = matchJSON{m.Concept, matchInfoJSON{m.Kind, m.Field, m.Text, m.Distance}}
			for _, r := range m.Concept.Renderings {
				for _, s := range r.Seen {
					used[s.Source] = true
				}
			}
		}
		return list
	}
	for _, r := range results {
		out.Results = append(out.Results, lookupResultJSON{Query: r.Query, Matches: convert(r.Matches), Nearest: convert(r.Nearest)})
	}
	// Only the sources the shown renderings cite, so that "seen" can be
	// read without the whole glossary.
	var sources []*glossary.Source
	for _, s := range g.Sources {
		if used[s.ID] {
			sources = append(sources, s)
		}
	}
	out.Sources = glossary.SourceMap(sources)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
