package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
)

type usageOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Query  string
	Paths  []string
	Format string
	Style  string
	// StyleAt is where the configuration file set Style, or "".
	StyleAt  string
	All      bool
	Examples int
	Read     readFlags
}

func newCmdUsage(f *factory) *cobra.Command {
	opts := &usageOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "usage QUERY [PATH...]",
		Short: "Show how a term has actually been rendered across a corpus",
		Long: `Find the concept QUERY names, as lookup finds it (Chinese, English, pinyin,
concept id, or approximately), and show how the files render it.

In bilingual files, each occurrence of the concept's Chinese term or a
variant (inside longer terms too) is paired with the renderings of the
concept in its segment's English; an occurrence the English has none of
the concept's renderings for counts as "no known rendering". Where the
English has a phrase in their place, the one check's variant and missing
findings quote (a near miss of a rendering, or the part of one it keeps)
or a rendering as a reviewer reads it ("high-quality industrial
development"), the occurrence is counted under that phrase, an unlisted
rendering; the others are "unnamed", and their examples show the
segment's English, so that you see what was written instead. In
English-only files, the concept's renderings are counted.

Every count is of uses, each counted once: an occurrence of the Chinese
term in a bilingual file (under the rendering paired with it, or as no
known rendering; a form of the term inside another is one occurrence),
or a rendering in an English-only file (a rendering inside another is
one). The table's total row adds up the renderings and the occurrences
with no known rendering; each file's total adds up the uses listed for
it. Renderings in bilingual English with no occurrence of the term to
pair with (beyond its occurrences in their segment, or where the
segment's Chinese lacks it) are no use: they are reported as "not
counted", as Chinese with no translation is as "untranslated".

Each rendering is counted by file and by year, the year a file's front
matter (date:) or path (2019/, 2019-05-02-notes.md, speech_2013.txt)
carries, "no date" otherwise; keyword-in-context examples show where each
was used, with the Chinese term beside it in bilingual files.

PATH is read as check reads it: a file, a directory (searched for *.md,
*.markdown, *.mdx, *.txt, *.html, *.htm, *.xhtml, *.tmx, *.xlf, *.xliff
and *.po, skipping hidden and .gitignore'd paths; --include replaces the
list) or - for standard input, in any of check's formats, encodings and
bilingual layouts, or --source and --target; the default is the
configuration's paths, or the current directory.

When the query matches several concepts equally well, each is reported;
concepts that merely contain the query are listed below (--all reports
them too).

Exit status: 0 when the concept occurs, 1 when it does not, 2 when no
concept matches the query or on bad usage or unreadable input.`,
		Example: `  termlint usage 周边工作 corpus/
  termlint usage "periphery work" translations/
  termlint usage --examples 10 zhoubian-gongzuo .
  termlint usage --format json 周边工作 corpus/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query, opts.Paths = args[0], args[1:]
			if len(opts.Paths) == 0 && opts.Read.Source == "" {
				opts.Paths = f.defaultPaths()
			}
			opts.StyleAt = f.configPos("style")
			if opts.Format != "text" && opts.Format != "json" {
				return fmt.Errorf("invalid --format %q: use text or json", opts.Format)
			}
			if opts.Examples < 0 {
				return fmt.Errorf("invalid --examples %d: it must be 0 or more", opts.Examples)
			}
			if _, err := opts.Read.options(); err != nil {
				return err
			}
			return usageRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	cmd.Flags().StringVarP(&opts.Style, "style", "s", "", "house `style` whose preferred rendering to point out")
	cmd.Flags().BoolVarP(&opts.All, "all", "a", false, "report every concept the query matches, not only the best matches")
	cmd.Flags().IntVarP(&opts.Examples, "examples", "e", 3, "show at most `N` examples of each rendering, and of occurrences with no known rendering")
	opts.Read.register(cmd.Flags(), "read")
	cmd.Flags().StringVar(&opts.Read.Source, "source", "", "a Chinese `file` to read with --target, paragraph by paragraph")
	cmd.Flags().StringVar(&opts.Read.Target, "target", "", "the English translation (`file`) of --source")
	return cmd
}

func usageRun(opts *usageOptions) error {
	g, err := styledGlossary(opts.Glossary, opts.Style, opts.StyleAt)
	if err != nil {
		return err
	}
	res := lookupCapped(glossary.NewIndex(g), opts.Query, opts.IO.ErrOut)
	cards := &cardPrinter{w: opts.IO.Out, cs: opts.IO.ColorScheme(), g: g, style: opts.Style}
	if len(res.Matches) == 0 {
		// Nothing to count: a query that names no concept is a usage
		// error, not a concept that does not occur.
		cards.result(res, false, opts.IO.ErrOut)
		return &exitError{exitBadInput}
	}
	matches, also := usageConcepts(res, opts.All)
	concepts := make([]*glossary.Concept, len(matches))
	usages := make([]*checker.Usage, len(matches))
	uopts := checker.UsageOptions{Examples: opts.Examples, Style: opts.Style}
	for i, m := range matches {
		concepts[i] = m.Concept
		usages[i] = checker.NewUsage(m.Concept, uopts)
	}
	c := checker.New(g)
	inputErrs := eachFile(c, opts.Paths, opts.IO, &opts.Read,
		func(f *checker.File) ([]*checker.FileUsage, error) { return c.FileUsage(f, concepts, uopts), nil },
		func(fus []*checker.FileUsage) {
			for i, fu := range fus {
				usages[i].Add(fu)
			}
		})
	found := false
	for _, u := range usages {
		u.Finish()
		found = found || u.Found()
	}
	if opts.Format == "json" {
		err = writeUsageJSON(opts.IO.Out, opts, matches, usages, also)
	} else {
		p := &usagePrinter{w: opts.IO.Out, cs: opts.IO.ColorScheme(), cards: cards, style: opts.Style}
		p.print(opts.Query, matches, usages, also)
	}
	switch {
	case err != nil:
		return err
	case len(inputErrs) > 0:
		return &exitError{exitBadInput}
	case !found:
		return &exitError{exitFound}
	}
	return nil
}

// usageConcepts splits a lookup's matches as lookup shows them: the best
// ones (all of them with all), which usage reports, and the others, which
// it lists.
func usageConcepts(res glossary.Result, all bool) (report, also []glossary.Match) {
	best := res.Matches[0].Kind
	for _, m := range res.Matches {
		if all || m.Kind == best && !insideLongerPart(m, res.Matches) {
			report = append(report, m)
		} else {
			also = append(also, m)
		}
	}
	return report, also
}

// usageJSON is the wire format of usage --format json.
type usageJSON struct {
	Version  int                `json:"version"`
	Query    string             `json:"query"`
	Style    string             `json:"style,omitempty"`
	Concepts []usageConceptJSON `json:"concepts"`
	Also     []usageAlsoJSON    `json:"also"`
}

type usageConceptJSON struct {
	Concept    string               `json:"concept"`
	ZH         string               `json:"zh"`
	ZHVariants []string             `json:"zh_variants"`
	Pinyin     string               `json:"pinyin"`
	Match      matchInfoJSON        `json:"match"`
	Renderings []usageRenderingJSON `json:"renderings"`
	Unrendered usageTallyJSON       `json:"unrendered"`
	Unlisted   []usagePhraseJSON    `json:"unlisted"`
	Unnamed    usageTallyJSON       `json:"unnamed"`
	Files      []usageFileJSON      `json:"files"`
	Summary    usageSummaryJSON     `json:"summary"`
}

type usageRenderingJSON struct {
	EN     string          `json:"en"`
	Status glossary.Status `json:"status"`
	Styles []string        `json:"styles"`
	// Use marks the preferred rendering of --style.
	Use bool `json:"use,omitempty"`
	usageTallyJSON
}

// usagePhraseJSON is an unlisted phrase: what the English has in place
// of the concept's renderings, and the rendering it is named after.
type usagePhraseJSON struct {
	Phrase    string             `json:"phrase"`
	Rendering string             `json:"rendering"`
	Kind      checker.PhraseKind `json:"kind"`
	usageTallyJSON
}

type usageTallyJSON struct {
	Count    int                `json:"count"`
	Files    map[string]int     `json:"files"`
	Years    map[string]int     `json:"years"`
	Examples []usageExampleJSON `json:"examples"`
}

type usageExampleJSON struct {
	usageContextJSON
	Inside  string            `json:"inside,omitempty"`
	Segment string            `json:"segment,omitempty"`
	ZH      *usageContextJSON `json:"zh,omitempty"`
}

type usageContextJSON struct {
	File          string `json:"file"`
	Line          int    `json:"line"`
	Column        int    `json:"column"`
	Text          string `json:"text"`
	ContextBefore string `json:"context_before"`
	ContextAfter  string `json:"context_after"`
}

// usageFileJSON is one file's counts: total, its uses, is the sum of
// renderings and unrendered.
type usageFileJSON struct {
	Path         string         `json:"path"`
	Year         string         `json:"year"`
	Bilingual    bool           `json:"bilingual"`
	Total        int            `json:"total"`
	Chinese      int            `json:"chinese"`
	Renderings   map[string]int `json:"renderings"`
	Extra        int            `json:"extra"`
	Unrendered   int            `json:"unrendered"`
	Unlisted     map[string]int `json:"unlisted"`
	Unnamed      int            `json:"unnamed"`
	Unaligned    int            `json:"unaligned"`
	Untranslated int            `json:"untranslated"`
}

// usageSummaryJSON is checker.UsageSummary, whose doc says what each
// count counts: total = chinese + english = the renderings' counts plus
// unrendered; extra and unaligned are renderings that are not uses.
type usageSummaryJSON struct {
	Files        int `json:"files"`
	Bilingual    int `json:"bilingual"`
	Chinese      int `json:"chinese"`
	Rendered     int `json:"rendered"`
	Unrendered   int `json:"unrendered"`
	Unlisted     int `json:"unlisted"`
	Unnamed      int `json:"unnamed"`
	English      int `json:"english"`
	Total        int `json:"total"`
	Extra        int `json:"extra"`
	Unaligned    int `json:"unaligned"`
	Untranslated int `json:"untranslated"`
}

type usageAlsoJSON struct {
	Concept string             `json:"concept"`
	ZH      string             `json:"zh"`
	Kind    glossary.MatchKind `json:"kind"`
}

func writeUsageJSON(w io.Writer, opts *usageOptions, matches []glossary.Match, usages []*checker.Usage, also []glossary.Match) error {
	out := usageJSON{Version: glossary.FormatVersion, Query: opts.Query, Style: opts.Style, Concepts: []usageConceptJSON{}, Also: []usageAlsoJSON{}}
	for i, u := range usages {
		m, con := matches[i], u.Concept
		var use *glossary.Rendering
		if opts.Style != "" {
			use = con.Preferred(opts.Style)
		}
		cj := usageConceptJSON{
			Concept: con.ID, ZH: con.ZH, ZHVariants: nonNil(con.ZHVariants), Pinyin: con.Pinyin,
			Match:      matchInfoJSON{m.Kind, m.Field, m.Text, m.Distance},
			Renderings: []usageRenderingJSON{},
			Unrendered: tallyJSON(u.Unrendered),
			Unlisted:   []usagePhraseJSON{},
			Unnamed:    tallyJSON(u.Unnamed),
			Files:      []usageFileJSON{},
			Summary:    usageSummaryJSON(u.Summary),
		}
		for _, r := range u.Renderings {
			cj.Renderings = append(cj.Renderings, usageRenderingJSON{EN: r.EN, Status: r.Status, Styles: nonNil(r.Styles), Use: r.Rendering == use, usageTallyJSON: tallyJSON(r.Tally)})
		}
		for _, p := range u.Unlisted {
			cj.Unlisted = append(cj.Unlisted, usagePhraseJSON{Phrase: p.Phrase, Rendering: p.Rendering.EN, Kind: p.Kind, usageTallyJSON: tallyJSON(p.Tally)})
		}
		for _, fu := range u.Files {
			fj := usageFileJSON{Path: fu.Path, Year: fu.Year, Bilingual: fu.Bilingual, Total: fu.Total(), Chinese: fu.Chinese, Renderings: map[string]int{},
				Extra: fu.Extra, Unrendered: fu.Unrendered, Unlisted: map[string]int{}, Unnamed: fu.Unnamed, Unaligned: fu.Unaligned, Untranslated: fu.Untranslated}
			for r, n := range fu.Renderings {
				fj.Renderings[r.EN] = n
			}
			for _, p := range u.Unlisted {
				if n := fu.Unlisted[p.Key]; n > 0 {
					fj.Unlisted[p.Phrase] = n
				}
			}
			cj.Files = append(cj.Files, fj)
		}
		out.Concepts = append(out.Concepts, cj)
	}
	for _, m := range also {
		out.Also = append(out.Also, usageAlsoJSON{m.Concept.ID, m.Concept.ZH, m.Kind})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func tallyJSON(t checker.Tally) usageTallyJSON {
	tj := usageTallyJSON{Count: t.Count, Files: t.Files, Years: t.Years, Examples: []usageExampleJSON{}}
	for _, ex := range t.Examples {
		ej := usageExampleJSON{usageContextJSON: contextJSON(ex.Excerpt), Inside: ex.Inside, Segment: ex.Segment}
		if ex.ZH != nil {
			zh := contextJSON(*ex.ZH)
			ej.ZH = &zh
		}
		tj.Examples = append(tj.Examples, ej)
	}
	return tj
}

func contextJSON(c checker.Excerpt) usageContextJSON {
	return usageContextJSON{c.File, c.Line, c.Column, c.Text, c.Before, c.After}
}

// nonNil makes a nil list an empty one, so that JSON shows [] not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
