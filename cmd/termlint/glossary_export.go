package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/glossary/table"
	"github.com/termlint/termlint/glossary/tbx"
	"github.com/termlint/termlint/glossary/yamlfmt"
	"github.com/termlint/termlint/internal/atomicfile"
	"github.com/termlint/termlint/internal/iostreams"
)

type exportOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Format     string
	TBXVersion int
	BOM        bool
	Output     string
}

// exportFormats are the formats glossary export writes, with the file
// extensions that choose each when --format is not given.
var exportFormats = []fileFormat{
	{"json", []string{".json"}},
	{"yaml", []string{".yaml", ".yml"}},
	{"tbx", []string{".tbx", ".xml"}},
	{"csv", []string{".csv"}},
	{"tsv", []string{".tsv", ".tab"}},
}

func newCmdGlossaryExport(f *factory) *cobra.Command {
	opts := &exportOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the merged glossary as JSON, YAML, TBX, CSV or TSV",
		Long: `Write the glossary named by --glossary (or the embedded one), merged and
with defaults filled in: generated pinyin and status "admitted" where none
was written.

Formats:
  json  {"version": 1, "sources": {...}, "styles": {...}, "concepts": [...]},
        each concept as lookup --format json writes it
  yaml  a termlint glossary in the layout glossary fmt gives
  tbx   TBX-Basic, for memoQ, Trados, Xbench, Okapi, Weblate and Translate
        Toolkit: TBX v3 (ISO 30042:2019), or v2 (martif) with --tbx-version 2
  csv   one row per rendering: zh, en, status, styles, sources, note
  tsv   the same, tab-separated

Without --format, the extension of --output chooses (.json, .yaml, .tbx,
.csv, .tsv), else json. glossary import reads tbx, csv and tsv back.`,
		Example: `  termlint glossary export --format tbx > terms.tbx
  termlint glossary export --format tbx --tbx-version 2 -o terms-v2.tbx
  termlint glossary export -o terms.csv --bom
  termlint -g @default -g house.yaml glossary export --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("format") {
				if f := formatOfExt(exportFormats, opts.Output); f != "" {
					opts.Format = f
				}
			}
			if !hasFormat(exportFormats, opts.Format) {
				return fmt.Errorf("invalid --format %q: use %s", opts.Format, formatNames(exportFormats))
			}
			if opts.TBXVersion != 2 && opts.TBXVersion != 3 {
				return fmt.Errorf("invalid --tbx-version %d: use 3 (ISO 30042:2019) or 2 (martif)", opts.TBXVersion)
			}
			return exportRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "json", "output `format`: "+formatNames(exportFormats))
	cmd.Flags().IntVar(&opts.TBXVersion, "tbx-version", 3, "TBX `version` for --format tbx: 3 or 2")
	cmd.Flags().BoolVar(&opts.BOM, "bom", false, "begin CSV and TSV with a UTF-8 byte order mark, as Excel needs")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `file` (whole or not at all) instead of standard output")
	return cmd
}

func exportRun(opts *exportOptions) error {
	g, err := opts.Glossary()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if opts.BOM && (opts.Format == "csv" || opts.Format == "tsv") {
		out.WriteString("\uFEFF")
	}
	switch opts.Format {
	case "json":
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(g)
	case "yaml":
		var data []byte
		data, err = yamlfmt.Marshal(g, "")
		out.Write(data)
	case "tbx":
		err = tbx.Write(&out, g, opts.TBXVersion)
	case "csv":
		err = table.Write(&out, g, ',')
	case "tsv":
		err = table.Write(&out, g, '\t')
	}
	if err != nil {
		return err
	}
	return writeOutput(opts.IO, opts.Output, out.Bytes())
}

// writeOutput writes data to the file named path, whole or not at all, or
// to standard output when path is "" or "-".
func writeOutput(io *iostreams.IOStreams, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := io.Out.Write(data)
		return err
	}
	guard := guardWrites()
	err := atomicfile.Write(path, data, 0o644)
	if guard.stop(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if guard.interrupted() != nil {
		return guard.exit(io.ErrOut, "written", []string{path}, nil)
	}
	return nil
}
