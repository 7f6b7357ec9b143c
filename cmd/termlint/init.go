package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/atomicfile"
	"github.com/termlint/termlint/internal/config"
	"github.com/termlint/termlint/internal/iostreams"
)

type initOptions struct {
	IO       *iostreams.IOStreams
	Glossary func() (*glossary.Glossary, error)

	Dir   string
	Style string
	Force bool
}

func newCmdInit(f *factory) *cobra.Command {
	opts := &initOptions{IO: f.IO, Glossary: f.loadGlossary}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented starter " + config.FileName,
		Long: `Write a commented starter configuration file, ` + config.FileName + `, in DIR
(default: the current directory). Every key is listed with what it does;
the settings that hold by default are written out and the others are
commented out with an example.

termlint reads the file when run in its directory or below (or when
--config names it). A flag on the command line wins over a setting in the
file, and the file over the defaults.

An existing file is left alone unless --force. With DIR -, the starter
goes to standard output, to keep under another name or to read.`,
		Example: `  termlint init
  termlint init --style official translations/
  termlint init - > ci/termlint.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return initRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Style, "style", "s", "", "house `style` to set in the file")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing "+config.FileName)
	return cmd
}

func initRun(opts *initOptions) error {
	g, err := styledGlossary(opts.Glossary, opts.Style, "")
	if err != nil {
		return err
	}
	var styles []config.Style
	for _, id := range g.StyleIDs() {
		styles = append(styles, config.Style{ID: id, Description: g.Style(id).Description})
	}
	starter := config.Starter(opts.Style, styles)
	if opts.Dir == "-" {
		_, err := opts.IO.Out.Write(starter)
		return err
	}
	path := filepath.Join(opts.Dir, config.FileName)
	if _, err := os.Lstat(path); err == nil && !opts.Force {
		return fmt.Errorf("%s already exists; --force overwrites it", path)
	}
	// Whole or not at all: --force over a configuration must not leave
	// half of one when the write fails.
	if err := atomicfile.Write(path, starter, 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	opts.IO.Eprintf("wrote %s\n", path)
	return nil
}
