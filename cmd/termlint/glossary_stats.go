package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
)

type statsOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Format string
}

func newCmdGlossaryStats(f *factory) *cobra.Command {
	opts := &statsOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count what the glossary holds",
		Long: `Report on the glossary named by --glossary (or the embedded one), merged:
concepts (by kind, when some are names or phrases) and parts, renderings by
status, the renderings seen in a dated source, concepts and renderings by
kind, for each style the renderings in it and the concepts without a
preferred rendering in it (parts aside), sources by kind and, for each
cited one, its date and how many seen entries and renderings cite it, seen
entries and renderings by year, families, tags, examples and the
renderings nobody has been seen using.

Formats: text (aligned, for reading) and json (the same numbers, for
tools; lists in the text's order).`,
		Example: `  termlint glossary stats
  termlint -g house.yaml glossary stats --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "text" && opts.Format != "json" {
				return fmt.Errorf("invalid --format %q: use text or json", opts.Format)
			}
			return statsRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	return cmd
}

func statsRun(opts *statsOptions) error {
	g, err := opts.Glossary()
	if err != nil {
		return err
	}
	s := glossary.Summarize(g)
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(s)
	}
	writeStats(opts.IO.Out, s)
	return nil
}

// writeStats writes s as aligned text: a heading per part, then one line
// per style, source or family, long lists of ids wrapped.
func writeStats(w io.Writer, s glossary.Stats) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	defer tw.Flush()
	p := func(format string, args ...any) { fmt.Fprintf(tw, format+"\n", args...) }

	p("concepts\t%d\t(%s%s, %s)", s.Concepts, conceptKinds(s.ConceptsByKind), plural(s.Parts, "part"), plural(s.Examples, "example"))
	p("renderings\t%d\t(%s)", s.Renderings, byStatus(s.ByStatus))
	p("sources\t%d\t(%s)", s.Sources.Total, byKind(s.Sources.ByKind))
	p("dated\t%d\t(%s of the renderings are seen in a dated source or on a page)", s.Dated, percent(s.Dated, s.Renderings))
	if s.Unconfirmed > 0 {
		p("unconfirmed\t%d\t(seen only in an OCR transcription, waiting for a second source)", s.Unconfirmed)
	}
	p("")
	p("kind\tconcepts\trenderings")
	for _, k := range glossary.Kinds {
		if s.ConceptsByKind[k] > 0 {
			p("%s\t%d\t%d", k, s.ConceptsByKind[k], s.RenderingsByKind[k])
		}
	}
	p("")
	p("style\tpreferred\tadmitted\tdeprecated\tsuperseded\tconcepts with a preferred rendering")
	for _, st := range s.Styles {
		r := st.Renderings
		p("%s\t%d\t%d\t%d\t%d\t%d of %d", st.ID, r[glossary.Preferred], r[glossary.Admitted], r[glossary.Deprecated], r[glossary.Superseded], st.Preferred, s.Concepts)
	}
	for _, st := range s.Styles {
		if len(st.WithoutPreferred) > 0 {
			p("")
			wrap(p, fmt.Sprintf("no preferred %s rendering (%d):", st.ID, len(st.WithoutPreferred)), st.WithoutPreferred)
		}
	}
	p("")
	p("source\tkind\tdate\tseen\trenderings")
	for _, c := range s.Sources.Cited {
		date := c.Date
		if date == "" {
			date = "-"
		}
		p("%s\t%s\t%s\t%d\t%d", c.ID, c.Kind, date, c.Seen, c.Renderings)
	}
	if len(s.Sources.Uncited) > 0 {
		p("")
		wrap(p, fmt.Sprintf("cited by no seen entry (%d):", len(s.Sources.Uncited)), s.Sources.Uncited)
	}
	if len(s.ByYear) > 0 || s.UndatedSeen > 0 {
		p("")
		p("year\tseen\trenderings")
		for _, y := range s.ByYear {
			p("%s\t%d\t%d", y.Year, y.Seen, y.Renderings)
		}
		if s.UndatedSeen > 0 {
			p("undated\t%d", s.UndatedSeen)
		}
	}
	p("")
	p("family\tmembers\tzh")
	for _, f := range s.Families {
		p("%s\t%d\t%s", f.Root, len(f.Members), f.ZH)
	}
	p("")
	tags := make([]string, len(s.Tags))
	for i, t := range s.Tags {
		tags[i] = fmt.Sprintf("%s %d", t.Tag, t.Count)
	}
	wrap(p, fmt.Sprintf("tags (%d):", len(s.Tags)), tags)
	p("")
	if len(s.Unseen) == 0 {
		p("every rendering has a seen entry")
		return
	}
	unseen := make([]string, len(s.Unseen))
	for i, u := range s.Unseen {
		unseen[i] = fmt.Sprintf("%s %q", u.Concept, u.EN)
	}
	wrap(p, fmt.Sprintf("never seen (%d):", len(s.Unseen)), unseen)
}

// wrap writes title and then items, comma-separated, in lines of at most
// 76 columns indented by two spaces.
func wrap(p func(string, ...any), title string, items []string) {
	p("%s", title)
	if len(items) > maxListed {
		// A list of hundreds of ids is read with --json, not on a screen.
		p("  (too many to list here; --format json lists them)")
		return
	}
	line := ""
	for i, it := range items {
		if i < len(items)-1 {
			it += ","
		}
		if line != "" && len(line)+1+len(it) > 74 {
			p("  %s", line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += it
	}
	if line != "" {
		p("  %s", line)
	}
}

// maxListed is the longest list of ids the text output writes out.
const maxListed = 40

// percent is n of total as a whole percentage, rounded down so that 100%
// means all: "97%".
func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", n*100/total)
}

func byStatus(m map[glossary.Status]int) string {
	var parts []string
	for _, st := range glossary.Statuses {
		if m[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[st], st))
		}
	}
	return strings.Join(parts, ", ")
}

// conceptKinds counts concepts by kind, "120 terms, 6 names, 3 phrases; ",
// or says nothing when every concept is a term.
func conceptKinds(m map[glossary.Kind]int) string {
	var parts []string
	for _, k := range glossary.Kinds {
		if m[k] > 0 {
			parts = append(parts, plural(m[k], string(k)))
		}
	}
	if len(parts) == 0 || len(parts) == 1 && m[glossary.KindTerm] > 0 {
		return ""
	}
	return strings.Join(parts, ", ") + "; "
}

func byKind(m map[string]int) string {
	var parts []string
	for _, k := range glossary.SourceKinds {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
		}
	}
	return strings.Join(parts, ", ")
}
