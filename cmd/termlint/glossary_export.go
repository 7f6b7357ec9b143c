package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/iostreams"
)

type exportOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Format string
}

func newCmdGlossaryExport(f *factory) *cobra.Command {
	opts := &exportOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Print the merged glossary in another format",
		Long: `Print the glossary named by --glossary (or the embedded one), merged and
with defaults filled in: generated pinyin and status "admitted" where none
was written.

Formats: json - {"version": 1, "sources": {...}, "styles": {...},
"concepts": [...]}, each concept as lookup --format json writes it.`,
		Example: `  termlint glossary export --format json > terms.json
  termlint -g @default -g house.yaml glossary export --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "json" {
				return fmt.Errorf("invalid --format %q: use json", opts.Format)
			}
			return exportRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "json", "output format: json")
	return cmd
}

func exportRun(opts *exportOptions) error {
	g, err := opts.Glossary()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(opts.IO.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(g)
}
