package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/table"
	"github.com/termlint/termlint/glossary/tbx"
	"github.com/termlint/termlint/glossary/yamlfmt"
	"github.com/termlint/termlint/internal/iostreams"
)

type importOptions struct {
	IO *iostreams.IOStreams
	// Base loads the glossary whose ids imported concepts take.
	Base     func() (*glossary.Glossary, error)
	ReadFile func(string) ([]byte, error)

	File     string
	Format   string
	Encoding string
	Style    string
	Source   string
	KeepIDs  bool
	Output   string
}

// importFormats are the formats glossary import reads, with the file
// extensions that choose each when --format is not given.
var importFormats = []fileFormat{
	{"tbx", []string{".tbx", ".xml"}},
	{"csv", []string{".csv"}},
	{"tsv", []string{".tsv", ".tab", ".txt"}},
	{"md", []string{".md", ".markdown"}},
}

// markdownStyle is the house style a Markdown table's first renderings
// are preferred in when --style is not given.
const markdownStyle = "house"

func newCmdGlossaryImport(f *factory) *cobra.Command {
	opts := &importOptions{IO: f.IO, Base: f.loadGlossary, ReadFile: f.readFile}
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Turn a TBX, CSV, TSV or Markdown-table glossary into a termlint glossary",
		Long: `Read a glossary kept in another format and write it as a termlint glossary
(YAML, in the layout glossary fmt gives) to standard output or --output.

Formats (chosen by the file's extension unless --format is given):
  tbx   TBX v3 (ISO 30042:2019) or v2 (martif), as memoQ, Trados, Okapi,
        Weblate, Translate Toolkit and glossary export write it
  csv   a header row naming the columns zh, en, status, styles, sources,
        note (also id, pinyin, forms, date; common aliases such as Chinese,
        中文, source, English, target), one row per rendering; a date
        column (date, 日期, year) dates the rendering's seen entries
  tsv   the same, tab-separated
  md    every table of a Markdown file with a Chinese and an English column
        (| 中文 | English | 解释 |); the first rendering of a row is
        preferred in --style (default "house"), the others admitted

In every table format, an English cell listing several renderings is
split at commas (where each piece reads as a rendering), "/", ";", " or "
and 或; a leading "the", "a" or "an" is dropped, a bracketed acronym
becomes a form and another bracketed note the rendering's note.

A concept whose Chinese term the glossary of --glossary (or the embedded
one) has takes that concept's id, unless --keep-ids: the result then
merges onto it, as in termlint -g @default -g imported.yaml check.

The result is validated before anything is written: errors name the line
of the imported file, and exit with status 2.`,
		Example: `  termlint glossary import GLOSSARY.md -o house.yaml
  termlint glossary import terms.tbx > terms.yaml
  termlint glossary import --format csv --encoding gb18030 - < export.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if opts.Format == "" {
				if opts.File == "-" {
					return fmt.Errorf("reading standard input needs --format (%s)", formatNames(importFormats))
				}
				opts.Format = formatOfExt(importFormats, opts.File)
				if opts.Format == "" {
					return fmt.Errorf("%s: cannot tell the format from the extension; give --format (%s)", opts.File, formatNames(importFormats))
				}
			} else if !hasFormat(importFormats, opts.Format) {
				return fmt.Errorf("invalid --format %q: use %s", opts.Format, formatNames(importFormats))
			}
			for _, name := range []string{"style", "source"} {
				if cmd.Flags().Changed(name) && opts.Format != "md" {
					return fmt.Errorf("--%s applies to Markdown tables (--format md) only: a %s file says its own", name, opts.Format)
				}
			}
			if opts.Style == "" && opts.Format == "md" {
				opts.Style = markdownStyle
			}
			return importRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "input `format`: "+formatNames(importFormats)+" (default: from the extension)")
	cmd.Flags().StringVar(&opts.Encoding, "encoding", "", "the file's `encoding` (gb18030, utf-16le, ...); default: detected")
	cmd.Flags().StringVar(&opts.Style, "style", "", "md: the house `style` a row's first rendering is preferred in (default \"house\")")
	cmd.Flags().StringVar(&opts.Source, "source", "", "md: the `id` of the source every rendering is seen in (default: from the file name)")
	cmd.Flags().BoolVar(&opts.KeepIDs, "keep-ids", false, "keep the file's ids instead of taking the glossary's for the same Chinese term")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `file` (whole or not at all) instead of standard output")
	return cmd
}

func importRun(opts *importOptions) error {
	data, err := readImport(opts)
	if err != nil {
		return err
	}
	g, warnings, err := importGlossary(opts, data)
	if err != nil {
		return err
	}
	if !opts.KeepIDs {
		base, err := opts.Base()
		if err != nil {
			return err
		}
		glossary.AdoptIDs(g, base)
	}
	problems := append(warnings, glossary.Validate(glossary.Merge(g), glossary.ValidateOptions{})...)
	problems.Sort()
	for _, p := range problems {
		opts.IO.Eprintf("%v\n", p)
	}
	if n := problems.Errors(); n > 0 {
		opts.IO.Eprintf("%s: %s; nothing written\n", opts.File, plural(n, "error"))
		return &exitError{exitBadInput}
	}
	// Marshal checks that what it writes parses back to g without errors,
	// and g has just validated: so what is written loads.
	out, err := yamlfmt.Marshal(g, fmt.Sprintf("Imported from %s (%s) by termlint glossary import.", filepath.Base(opts.File), opts.Format))
	if err != nil {
		return err
	}
	if err := writeOutput(opts.IO, opts.Output, out); err != nil {
		return err
	}
	opts.IO.Eprintf("%s: imported %s, %s, %s\n", opts.File, plural(len(g.Concepts), "concept"), plural(renderingCount(g), "rendering"), plural(len(problems), "warning"))
	return nil
}

// readImport reads and decodes the file to import.
func readImport(opts *importOptions) ([]byte, error) {
	var data []byte
	var err error
	if opts.File == "-" {
		data, err = io.ReadAll(opts.IO.In)
	} else {
		data, err = opts.ReadFile(opts.File)
	}
	if err != nil {
		return nil, input.FileError(err)
	}
	return input.DecodeStrict(opts.File, data, opts.Encoding)
}

func importGlossary(opts *importOptions, data []byte) (*glossary.Glossary, glossary.Problems, error) {
	name := opts.File
	switch opts.Format {
	case "tbx":
		return tbx.Read(name, data)
	case "csv":
		return table.Read(name, data, ',')
	case "tsv":
		return table.Read(name, data, '\t')
	default:
		return table.ReadMarkdown(name, data, table.MarkdownOptions{Style: opts.Style, Source: opts.Source})
	}
}

// fileFormat is a file format a command reads or writes, with the file
// extensions that stand for it.
type fileFormat struct {
	name string
	exts []string
}

func formatNames(formats []fileFormat) string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

func hasFormat(formats []fileFormat, name string) bool {
	return slices.ContainsFunc(formats, func(f fileFormat) bool { return f.name == name })
}

// formatOfExt returns the format the extension of a file name stands for,
// or "".
func formatOfExt(formats []fileFormat, name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range formats {
		if ext != "" && slices.Contains(f.exts, ext) {
			return f.name
		}
	}
	return ""
}
