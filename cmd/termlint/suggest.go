package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/suggest"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
)

type suggestOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Paths  []string
	Format string
	// Limit, Examples, MinCount, MinTermCount and MaxTerms are
	// suggest.Options'.
	Limit, Examples, MinCount, MinTermCount, MaxTerms int
	Read                                              readFlags
}

func newCmdSuggest(f *factory) *cobra.Command {
	opts := &suggestOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "suggest PATH...",
		Short: "Propose renderings and terms the glossary lacks, from bilingual files",
		Long: `Read bilingual files (as check reads them) and propose what the glossary
is missing, as a YAML snippet a curator reviews and adds to the glossary:

  renderings  for each glossary term that occurs in a segment whose English
              has none of its renderings: the English n-grams (1 to 6
              words, stop words trimmed) most associated with the term
              across the segments, scored by log-likelihood (G²), each
              with its evidence (segments with both) and example segments
  new terms   Chinese strings of 2 to 8 characters that recur in
              --min-term-count segments and are no glossary term (nor a
              piece of one, nor one and a function word), longest and
              most independent first, with the English n-grams most
              associated with them; a translation is stable when the best
              n-gram is in more than half the term's segments

Only translated bilingual segments are evidence: TMX, XLIFF, PO, CSV/TSV,
text, Markdown and HTML alternating Chinese and English paragraphs, or
--source and --target. A segment of several sentences on each side is
split into sentence pairs aligned by length, which count as segments.
PATH is a file or a directory, searched as check searches it (*.md,
*.markdown, *.mdx, *.txt, *.html, *.htm, *.xhtml, *.tmx, *.xlf, *.xliff
and *.po; --include "*.tsv" adds tables, and replaces the default).

The snippet adds the renderings to their concepts by id, as admitted, with
the files they were seen in as sources; new terms come as concept stubs
with an id and pinyin generated from the Chinese (check them), commented
out when their translation is not stable. Save it, delete what is wrong,
and use it after the glossary (--glossary @default --glossary FILE), or
move its entries into the glossary by hand.

Exit status: 0 when something is proposed, 1 when nothing is, 2 on bad
usage or unreadable input.`,
		Example: `  termlint suggest translations/
  termlint suggest memory.tmx messages.po > suggestions.yaml
  termlint suggest --source zh.txt --target en.txt
  termlint suggest --min-count 3 --limit 5 --examples 1 corpus/
  termlint suggest --format json corpus/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if len(args) == 0 && opts.Read.Source == "" {
				return fmt.Errorf("suggest needs files or directories to read (or --source and --target)")
			}
			if opts.Format != "yaml" && opts.Format != "json" {
				return fmt.Errorf("invalid --format %q: use yaml or json", opts.Format)
			}
			for _, fl := range []struct {
				name   string
				v, min int
			}{{"limit", opts.Limit, 1}, {"examples", opts.Examples, 0}, {"min-count", opts.MinCount, 1}, {"min-term-count", opts.MinTermCount, 1}, {"max-terms", opts.MaxTerms, 0}} {
				if fl.v < fl.min {
					return fmt.Errorf("invalid --%s %d: it must be at least %d", fl.name, fl.v, fl.min)
				}
			}
			if _, err := opts.Read.options(); err != nil {
				return err
			}
			return suggestRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "yaml", "output format: yaml (a glossary snippet) or json")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 3, "propose at most `N` renderings per term")
	cmd.Flags().IntVar(&opts.Examples, "examples", 2, "show `N` example segments per rendering (0: none)")
	cmd.Flags().IntVar(&opts.MinCount, "min-count", 2, "propose a rendering only when it is beside the term in at least `N` segments")
	cmd.Flags().IntVar(&opts.MinTermCount, "min-term-count", 3, "propose a new term only when it occurs in at least `N` segments")
	cmd.Flags().IntVar(&opts.MaxTerms, "max-terms", 20, "propose at most `N` new terms (0: none)")
	opts.Read.register(cmd.Flags(), "read")
	cmd.Flags().StringVar(&opts.Read.Source, "source", "", "a Chinese `file` to read beside --target, paragraph by paragraph")
	cmd.Flags().StringVar(&opts.Read.Target, "target", "", "the English translation (`file`) of --source")
	return cmd
}

func suggestRun(opts *suggestOptions) error {
	g, err := opts.Glossary()
	if err != nil {
		return err
	}
	c := checker.New(g)
	corpus := suggest.NewCorpus(c)
	inputErrs := eachFile(c, opts.Paths, opts.IO, &opts.Read,
		func(f *checker.File) (*suggest.File, error) { return suggest.Read(c, f), nil },
		corpus.Add)
	// suggest.Options' zero is its default; its "none" is negative.
	none := func(n int) int {
		if n == 0 {
			return -1
		}
		return n
	}
	report := corpus.Suggest(suggest.Options{Limit: opts.Limit, Examples: none(opts.Examples), MinCount: opts.MinCount,
		MinTermCount: opts.MinTermCount, MaxTerms: none(opts.MaxTerms)})
	if report.Segments == 0 && report.Files > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "termlint: no translated bilingual segments in %s: suggest learns only from Chinese paired with its English (TMX, XLIFF, PO, CSV/TSV, alternating paragraphs, --source/--target)\n", plural(report.Files, "file"))
	}
	if opts.Format == "json" {
		err = writeSuggestJSON(opts.IO.Out, report)
	} else {
		err = writeSuggestYAML(opts.IO.Out, g, report, opts.MinCount)
	}
	switch {
	case err != nil:
		return err
	case len(inputErrs) > 0:
		return &exitError{exitBadInput}
	case report.Suggestions() == 0:
		return &exitError{exitFound}
	}
	return nil
}

// suggestJSON is the wire format of suggest --format json.
type suggestJSON struct {
	Version    int `json:"version"`
	Files      int `json:"files"`
	Bilingual  int `json:"bilingual_files"`
	Translated int `json:"translated_segments"`
	Segments   int `json:"segments"`
	// Misaligned is left out when 0, which keeps the output of files
	// without misaligned pairs as it was.
	Misaligned int                  `json:"misaligned,omitempty"`
	MoreTerms  int                  `json:"more_terms"`
	Renderings []suggestConceptJSON `json:"renderings"`
	Terms      []suggestTermJSON    `json:"terms"`
}

type suggestConceptJSON struct {
	ID         string                 `json:"id"`
	ZH         string                 `json:"zh"`
	Known      []string               `json:"known"`
	Segments   int                    `json:"segments"`
	Unrendered int                    `json:"unrendered"`
	Candidates []suggestCandidateJSON `json:"candidates"`
}

type suggestTermJSON struct {
	ZH          string                 `json:"zh"`
	ID          string                 `json:"id"`
	Pinyin      string                 `json:"pinyin"`
	Segments    int                    `json:"segments"`
	Occurrences int                    `json:"occurrences"`
	Contains    []string               `json:"contains"`
	Stable      bool                   `json:"stable"`
	Candidates  []suggestCandidateJSON `json:"candidates"`
	Examples    []excerptJSON          `json:"examples"`
}

type suggestCandidateJSON struct {
	EN         string               `json:"en"`
	Key        string               `json:"key"`
	Count      int                  `json:"count"`
	Unrendered *int                 `json:"unrendered,omitempty"`
	Frequency  int                  `json:"frequency"`
	Score      float64              `json:"score"`
	Files      []string             `json:"files"`
	Examples   []suggestExampleJSON `json:"examples"`
}

type suggestExampleJSON struct {
	EN excerptJSON `json:"en"`
	ZH excerptJSON `json:"zh"`
}

type excerptJSON struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Before string `json:"before"`
	Match  string `json:"match"`
	After  string `json:"after"`
}

func toExcerptJSON(e suggest.Excerpt) excerptJSON {
	return excerptJSON{e.File, e.Line, e.Column, e.Before, e.Match, e.After}
}

// roundScore keeps two decimals of a score: more say nothing to a
// curator, and fewer digits keep the output stable across platforms.
func roundScore(x float64) float64 { return math.Round(x*100) / 100 }

func toCandidatesJSON(cands []*suggest.Candidate, concept bool) []suggestCandidateJSON {
	out := []suggestCandidateJSON{}
	for _, c := range cands {
		cj := suggestCandidateJSON{EN: c.EN, Key: c.Key, Count: c.Count, Frequency: c.Frequency, Score: roundScore(c.Score), Files: c.Files, Examples: []suggestExampleJSON{}}
		if concept {
			n := c.Unrendered
			cj.Unrendered = &n
		}
		for _, ex := range c.Examples {
			cj.Examples = append(cj.Examples, suggestExampleJSON{toExcerptJSON(ex.EN), toExcerptJSON(ex.ZH)})
		}
		out = append(out, cj)
	}
	return out
}

func writeSuggestJSON(w io.Writer, r *suggest.Report) error {
	out := suggestJSON{Version: glossary.FormatVersion, Files: r.Files, Bilingual: r.Bilingual, Translated: r.Translated, Segments: r.Segments, Misaligned: r.Misaligned, MoreTerms: r.MoreTerms,
		Renderings: []suggestConceptJSON{}, Terms: []suggestTermJSON{}}
	for _, c := range r.Renderings {
		known := []string{}
		for _, rd := range c.Concept.Renderings {
			known = append(known, rd.EN)
		}
		out.Renderings = append(out.Renderings, suggestConceptJSON{ID: c.Concept.ID, ZH: c.Concept.ZH, Known: known,
			Segments: c.Segments, Unrendered: c.Unrendered, Candidates: toCandidatesJSON(c.Candidates, true)})
	}
	for _, t := range r.Terms {
		tj := suggestTermJSON{ZH: t.ZH, ID: t.ID, Pinyin: t.Pinyin, Segments: t.Segments, Occurrences: t.Occurrences,
			Contains: []string{}, Stable: t.Stable, Candidates: toCandidatesJSON(t.Candidates, false), Examples: []excerptJSON{}}
		for _, c := range t.Contains {
			tj.Contains = append(tj.Contains, c.ID)
		}
		for _, e := range t.Examples {
			tj.Examples = append(tj.Examples, toExcerptJSON(e))
		}
		out.Terms = append(out.Terms, tj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
