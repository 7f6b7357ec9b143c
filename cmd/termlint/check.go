package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/baseline"
	"github.com/termlint/termlint/checker/printer"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
	"github.com/termlint/termlint/internal/version"
	"github.com/termlint/termlint/internal/worktree"
)

type checkOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Paths  []string
	Format string
	Style  string
	Scope  string
	FailOn string
	// Rules are the --rule flags; rules, the rules they and the
	// configuration leave to run.
	Rules []string
	rules []*checker.Rule
	// StyleAt is where the configuration file set Style, or "".
	StyleAt string
	Read    readFlags
	Filter  filterFlags
	// Fix writes the fixes of the findings to the files; Diff prints
	// them as a unified diff instead (check_fix.go).
	Fix, Diff bool
}

// failLevels ranks --fail-on values: a finding fails the run when its
// severity ranks at or above the threshold.
var failLevels = map[string]int{"error": 3, "warning": 2, "info": 1, "none": 4}

var severityLevel = map[checker.Severity]int{checker.SeverityError: 3, checker.SeverityWarning: 2, checker.SeverityInfo: 1}

func newCmdCheck(f *factory) *cobra.Command {
	opts := &checkOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Lint English drafts and translations for inconsistent, non-preferred, deprecated, missing and variant renderings",
		Long: `Check English text, and English translations beside their Chinese source,
for the glossary's renderings. The rules (off ones run when --rule or the
configuration sets a level):

` + rulesUsage() + `
PATH is a file, a directory (searched for *.md, *.markdown, *.mdx, *.txt,
*.html, *.htm, *.xhtml, *.tmx, *.xlf, *.xliff, *.po, *.zh and *.en, skipping hidden files
and folders and .gitignore'd paths) or - for standard input; the default is
the current directory; a file named on the command line is checked whatever
its extension. Markdown (goldmark) and HTML are read structurally: code,
URLs, link targets, front matter and comments are never checked, and
positions point into the original file.

Bilingual files are found by themselves: TMX, XLIFF 1.2 and 2.x, gettext PO,
CSV and TSV with a Chinese and an English column, and text, Markdown and HTML
whose paragraphs alternate Chinese and English (or carry lang attributes);
--source and --target check a Chinese file against its translation paragraph
by paragraph, as sibling files x.zh and x.en (x.zh.txt and x.en.txt, ...) in
one folder are checked unless --bilingual is off. Files may be UTF-8 (with or without a BOM), UTF-16 with a BOM,
or GB18030/GBK (detected, or named with --encoding).

Suppress findings with <!-- termlint-disable [NAMES] --> ...
<!-- termlint-enable -->, <!-- termlint-disable-next-line [NAMES] --> or, in
any file, a line containing termlint:ignore [NAMES]; NAMES are rules,
concept ids or Chinese terms.

To adopt termlint on a repository with many findings, --write-baseline
records them and --baseline reports only the others (following renamed
files by their lines; a refresh of some paths keeps the entries of the
rest); --diff-base REV
reports only findings on lines changed since a git revision.

Flags may be set for a repository in .termlint.yaml (see termlint init);
a flag on the command line wins over the file, and --rule over its rules.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is,
2 on bad usage, configuration or unreadable input.

Output formats (--format):
` + printer.Usage(),
		Example: `  termlint check draft.md
  termlint check translation.tmx messages.po
  termlint check --source zh.txt --target en.txt
  termlint check --style official docs/
  termlint check --format json --scope all .
  termlint check --format sarif . > termlint.sarif
  cat draft.txt | termlint check -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if len(opts.Paths) == 0 && opts.Read.Source == "" {
				opts.Paths = f.defaultPaths()
			}
			opts.StyleAt = f.configPos("style")
			rules, err := f.checkRules(opts.Rules)
			if err != nil {
				return err
			}
			opts.rules = rules
			if _, ok := printer.Lookup(opts.Format); !ok {
				return fmt.Errorf("invalid --format %q: use %s", opts.Format, printer.Names())
			}
			if opts.Scope != string(checker.ScopeFile) && opts.Scope != string(checker.ScopeAll) {
				return fmt.Errorf("invalid --scope %q: use file or all", opts.Scope)
			}
			if _, ok := failLevels[opts.FailOn]; !ok {
				return fmt.Errorf("invalid --fail-on %q: use error, warning, info or none", opts.FailOn)
			}
			if _, err := opts.Read.options(); err != nil {
				return err
			}
			if err := opts.Filter.validate(); err != nil {
				return err
			}
			switch {
			case opts.Fix && opts.Diff:
				return fmt.Errorf("--fix and --diff do not go together: --diff shows what --fix would write")
			case (opts.Fix || opts.Diff) && opts.Filter.WriteBaseline != "":
				return fmt.Errorf("--write-baseline records the findings as they are; run it without --fix and --diff")
			}
			return checkRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output `format`: "+printer.Names())
	cmd.Flags().StringVarP(&opts.Style, "style", "s", "", "house `style` whose preferred renderings to enforce")
	cmd.Flags().StringVar(&opts.Scope, "scope", "file", "where renderings must agree: file (each file) or all (every file checked)")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning, info or none")
	registerRuleFlag(cmd.Flags(), &opts.Rules)
	opts.Read.register(cmd.Flags(), "check")
	cmd.Flags().StringVar(&opts.Read.Source, "source", "", "a Chinese `file` to check --target against, paragraph by paragraph")
	cmd.Flags().StringVar(&opts.Read.Target, "target", "", "the English translation (`file`) of --source")
	cmd.Flags().StringVar(&opts.Filter.Baseline, "baseline", "", "report only findings not recorded in the baseline `file`")
	cmd.Flags().StringVar(&opts.Filter.WriteBaseline, "write-baseline", "", "record the findings in the baseline `file` instead of reporting them, keeping its entries of files not checked")
	cmd.Flags().StringVar(&opts.Filter.DiffBase, "diff-base", "", "report only findings on lines changed since the git `revision`")
	cmd.Flags().BoolVar(&opts.Fix, "fix", false, "apply the one suggestion of each inconsistent, non-preferred and deprecated finding to the files, then report what is left")
	cmd.Flags().BoolVar(&opts.Diff, "diff", false, "print what --fix would change as a unified diff, writing nothing")
	return cmd
}

func checkRun(opts *checkOptions) error {
	g, err := styledGlossary(opts.Glossary, opts.Style, opts.StyleAt)
	if err != nil {
		return err
	}
	c := checker.New(g)
	if opts.Fix || opts.Diff {
		files, inputErrs := scanPaths(c, opts.Paths, opts.IO, &opts.Read)
		return fixRun(opts, c, files, inputErrs)
	}
	var checked *baseline.Checked
	if opts.Filter.usesBaseline() {
		checked = baseline.NewChecked(opts.Paths)
	}
	report, inputErrs, err := checkPaths(opts, c, checked)
	if err != nil {
		return err
	}
	findings, err := filterFindings(opts, report.Findings, inputErrs, checked)
	if err != nil {
		return err
	}
	if opts.Filter.WriteBaseline != "" {
		return nil // recorded, not reported; standard error said how many
	}
	report.Findings = findings
	if err := printReport(opts, report); err != nil {
		return err
	}
	switch {
	case len(inputErrs) > 0:
		return &exitError{exitBadInput}
	case opts.fails(findings):
		return &exitError{exitFound}
	}
	return nil
}

// fails reports whether a finding is at or above --fail-on.
func (opts *checkOptions) fails(findings []checker.Finding) bool {
	return slices.ContainsFunc(findings, func(f checker.Finding) bool { return severityLevel[f.Severity] >= failLevels[opts.FailOn] })
}

// checkerOptions are the options of the checker's runs.
func (opts *checkOptions) checkerOptions() checker.Options {
	return checker.Options{Style: opts.Style, Scope: checker.Scope(opts.Scope), Rules: opts.rules}
}

func printFindings(opts *checkOptions, files []*checker.File, findings []checker.Finding) error {
	return printReport(opts, printer.NewReport(files, findings, version.String()))
}

func printReport(opts *checkOptions, report *printer.Report) error {
	// SARIF describes the rules as this run ran them: at the severities
	// the configuration and --rule set, without those turned off.
	report.Rules = opts.rules
	report.SourceRoot, report.WorkDir = sourceRoot()
	format, _ := printer.Lookup(opts.Format)
	cs := opts.IO.ColorScheme()
	p := format.New(printer.Options{Colors: printer.TextColors{
		Path: cs.Bold, Error: cs.Bad, Warning: cs.Warn, Info: cs.Accent, Match: cs.Bold, Dim: cs.Dim,
	}})
	return p.Print(opts.IO.Out, report)
}

// sourceRoot returns the directory SARIF's %SRCROOT% stands for, the top
// of the git work tree termlint runs in or else the working directory,
// and the working directory; both empty if it cannot be known.
func sourceRoot() (root, workDir string) {
	wd, err := os.Getwd()
	if err != nil {
		return "", ""
	}
	if top, ok := worktree.Top(wd); ok {
		return top, wd
	}
	return wd, wd
}

// rulesUsage lists the rules for the help, from the one registry: each
// rule's name, its default severity, and its doc, wrapped.
func rulesUsage() string {
	var b strings.Builder
	width := 0
	for _, r := range checker.Rules {
		width = max(width, len(r.Name))
	}
	for _, r := range checker.Rules {
		level := string(r.Severity)
		if r.Off {
			level = "off"
		}
		line := fmt.Sprintf("  %-*s  %s (%s)", width, r.Name, r.Doc, level)
		for len(line) > 78 {
			cut := strings.LastIndexByte(line[:78], ' ')
			if cut <= width+4 {
				break
			}
			b.WriteString(line[:cut] + "\n")
			line = strings.Repeat(" ", width+4) + line[cut+1:]
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
