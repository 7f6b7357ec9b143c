package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/aymanbagabas/go-udiff"
	"github.com/spf13/cobra"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary/yamlfmt"
	"github.com/termlint/termlint/internal/atomicfile"
	"github.com/termlint/termlint/internal/iostreams"
)

type fmtOptions struct {
	IO       *iostreams.IOStreams
	ReadFile func(string) ([]byte, error)
	// Replace writes a file's new content in place of expected.
	Replace func(path string, data, expected []byte) error

	Files []string
	Check bool
	Diff  bool
}

func newCmdGlossaryFmt(f *factory) *cobra.Command {
	opts := &fmtOptions{IO: f.IO, ReadFile: f.readFile, Replace: atomicfile.Replace}
	cmd := &cobra.Command{
		Use:   "fmt [FILE...]",
		Short: "Rewrite glossary files in the canonical layout",
		Long: `Rewrite each glossary file in the canonical layout, the one terms.yaml is
written in: keys in a fixed order, two-space indentation, a blank line
before each concept and each top-level key, short lists and seen entries in
flow style. Comments are kept where they are, next to the entry they
annotate. Concepts, sources, styles, renderings and list items keep the
order they have: the curator's order carries meaning.

A file is replaced whole (with its permissions kept) only when its layout
changes; nothing is printed then. "-" reads standard input and writes the
result to standard output. With no FILE, the glossary files of --glossary
(or of the configuration file) are formatted; the embedded glossary cannot
be.

Exit status 0 when every file is formatted (or was rewritten), 1 under
--check when a file is not formatted, 2 when a file cannot be read or is
not a valid glossary file: then it is left untouched.`,
		Example: `  termlint glossary fmt house.yaml
  termlint glossary fmt --check terms.yaml
  termlint glossary fmt --diff house.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if len(args) == 0 {
				opts.Files = slices.DeleteFunc(slices.Clone(f.glossaryPaths), func(p string) bool { return p == defaultGlossaryArg })
				if len(opts.Files) == 0 {
					return errors.New("glossary fmt: name the glossary files to format (the embedded glossary cannot be rewritten)")
				}
			}
			return fmtRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "write nothing; list the files that are not formatted and exit 1 if there are any")
	cmd.Flags().BoolVar(&opts.Diff, "diff", false, "write nothing; print a unified diff of the changes instead")
	return cmd
}

func fmtRun(opts *fmtOptions) error {
	failed, unformatted := false, false
	// A signal stops the rewriting between two files (see writeGuard).
	guard := guardWrites()
	defer guard.stop()
	var written, unwritten []string
	for _, name := range opts.Files {
		var src []byte
		var err error
		if name == "-" {
			src, err = io.ReadAll(opts.IO.In)
		} else {
			src, err = opts.ReadFile(name)
		}
		if err != nil {
			opts.IO.Eprintf("termlint: %v\n", input.FileError(err))
			failed = true
			continue
		}
		out, err := yamlfmt.Format(name, src)
		if err != nil {
			opts.IO.Eprintf("%v\n", err)
			failed = true
			continue
		}
		changed := !bytes.Equal(out, src)
		unformatted = unformatted || changed
		switch {
		case opts.Diff || opts.Check:
			if changed && opts.Check {
				fmt.Fprintln(opts.IO.Out, name)
			}
			if changed && opts.Diff {
				fmt.Fprint(opts.IO.Out, udiff.Unified("a/"+name, "b/"+name, string(src), string(out)))
			}
		case name == "-":
			if _, err := opts.IO.Out.Write(out); err != nil {
				return err
			}
		case changed && guard.interrupted() != nil:
			unwritten = append(unwritten, name)
		case changed:
			if err := opts.Replace(name, out, src); errors.Is(err, atomicfile.ErrChanged) {
				opts.IO.Eprintf("termlint: %s changed while it was being formatted; left as it is\n", name)
				failed = true
				unwritten = append(unwritten, name)
			} else if err != nil {
				opts.IO.Eprintf("termlint: %s: %v\n", name, err)
				failed = true
				unwritten = append(unwritten, name)
			} else {
				written = append(written, name)
			}
		}
	}
	if guard.stop(); guard.interrupted() != nil {
		return guard.exit(opts.IO.ErrOut, "formatted", written, unwritten)
	}
	switch {
	case failed:
		return &exitError{exitBadInput}
	case opts.Check && unformatted:
		return &exitError{exitFound}
	}
	return nil
}
