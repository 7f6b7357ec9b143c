package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
)

type validateOptions struct {
	IO *iostreams.IOStreams
	// Inputs reads the named glossary files (the embedded one for none).
	Inputs func([]string) ([]glossary.Input, error)

	Files  []string
	Strict bool
}

func newCmdGlossaryValidate(f *factory) *cobra.Command {
	opts := &validateOptions{IO: f.IO, Inputs: f.glossaryInputs}
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Report every problem in glossary files",
		Long: `Parse the glossary files, merge them in order (later files extend or
override earlier ones by id) and report every problem at once, one per line
as file:line:col: message.

Errors: invalid YAML, wrong types and unknown keys; a concept without id or
zh; an id used twice in a file; a reference to an unknown source, style,
family, part or related concept; parts that form a cycle (a compound
made, through its parts, of itself); one Chinese term under two concepts; a
concept without renderings; two preferred renderings for one style; a bad
status, date, url or language tag; an example that expects an unknown rule.
Warnings: one English rendering under two concepts, unless each says
shared: true.

--strict adds the quality gates of a curated glossary, as warnings: a
rendering with no seen entry, or seen only in sources without a date (a
seen entry's own date counts, and a page in a book); a gloss that only
repeats a rendering; and, when the glossary defines the style
"official", a concept with no preferred official rendering whose notes do
not say why, in words holding "no official" ("No official English is
attested: …").

With no FILE, the glossaries of --glossary are validated, or the embedded
one. @default names the embedded glossary.

Exit status 0 when there are no errors (and, with --strict, no warnings),
1 for warnings under --strict, 2 for errors.`,
		Example: `  termlint glossary validate
  termlint glossary validate house.yaml
  termlint glossary validate @default house.yaml
  termlint glossary validate --strict`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if len(args) == 0 {
				opts.Files = f.glossaryPaths
			}
			return validateRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "check the quality gates of a curated glossary too, and fail (exit 1) on warnings")
	return cmd
}

func validateRun(opts *validateOptions) error {
	inputs, err := opts.Inputs(opts.Files)
	if err != nil {
		return err
	}
	g, problems := glossary.Load(inputs, glossary.ValidateOptions{CheckExample: checker.ExampleChecker(), Strict: opts.Strict})
	for _, p := range problems {
		fmt.Fprintln(opts.IO.Out, p)
	}
	errs := problems.Errors()
	warns := len(problems) - errs
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = in.Name
	}
	switch {
	case errs > 0:
		opts.IO.Eprintf("%s: %s, %s\n", joinNames(names), plural(errs, "error"), plural(warns, "warning"))
		return &exitError{exitBadInput}
	case warns > 0:
		opts.IO.Eprintf("%s: %s, %s, %s\n", joinNames(names), plural(len(g.Concepts), "concept"), plural(renderingCount(g), "rendering"), plural(warns, "warning"))
		if opts.Strict {
			return &exitError{exitFound}
		}
	default:
		opts.IO.Eprintf("%s: %s, %s, no problems\n", joinNames(names), plural(len(g.Concepts), "concept"), plural(renderingCount(g), "rendering"))
	}
	return nil
}

func renderingCount(g *glossary.Glossary) int {
	n := 0
	for _, c := range g.Concepts {
		n += len(c.Renderings)
	}
	return n
}

func joinNames(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " + " + names[1]
	}
	return fmt.Sprintf("%s + %d more", names[0], len(names)-1)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
