package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/config"
	"github.com/termlint/termlint/internal/iostreams"
	"github.com/termlint/termlint/internal/version"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFound    = 1 // lookup found nothing; check found findings
	exitBadInput = 2 // usage, configuration or input error
)

// exitError ends a command with a status after it has said why itself.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// factory is what every command needs from its surroundings: the streams,
// and the glossary named by the global flags.
type factory struct {
	IO *iostreams.IOStreams
	// glossaryPaths are the --glossary flags, in order.
	glossaryPaths []string
	// readFile reads a glossary file; tests replace it.
	readFile func(string) ([]byte, error)

	// configPath is --config; noConfig is --no-config.
	configPath string
	noConfig   bool
	// config is the configuration file read, or nil.
	config *config.Config
	// fromConfig records where each flag set from the configuration file
	// got its value.
	fromConfig map[string]config.Pos
}

// defaultGlossaryArg names the embedded glossary among --glossary files.
const defaultGlossaryArg = "@default"

// glossaryInputs reads the glossaries paths name, or the embedded default
// when there are none. "@default" names the embedded glossary, so that a
// house glossary can extend it: --glossary @default --glossary house.yaml.
func (f *factory) glossaryInputs(paths []string) ([]glossary.Input, error) {
	if len(paths) == 0 {
		paths = []string{defaultGlossaryArg}
	}
	inputs := make([]glossary.Input, 0, len(paths))
	for _, p := range paths {
		if p == defaultGlossaryArg {
			inputs = append(inputs, termlint.DefaultInput())
			continue
		}
		data, err := f.readFile(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read glossary: %w", err)
		}
		inputs = append(inputs, glossary.Input{Name: p, Data: data})
	}
	return inputs, nil
}

// loadGlossary loads, merges and validates the glossaries the --glossary
// flags name. Errors are printed to standard error, warnings are not: they
// are glossary validate's business.
func (f *factory) loadGlossary() (*glossary.Glossary, error) {
	inputs, err := f.glossaryInputs(f.glossaryPaths)
	if err != nil {
		return nil, err
	}
	g, problems := glossary.Load(inputs, glossary.ValidateOptions{})
	if g == nil {
		for _, p := range problems {
			if p.Severity == glossary.Error {
				f.IO.Eprintf("%v\n", p)
			}
		}
		f.IO.Eprintf("termlint: the glossary has %s; see termlint glossary validate\n", plural(problems.Errors(), "error"))
		return nil, &exitError{exitBadInput}
	}
	return g, nil
}

// newCmdRoot builds the termlint command tree.
func newCmdRoot(f *factory) *cobra.Command {
	var colorMode string
	cmd := &cobra.Command{
		Use:   "termlint",
		Short: "Keep English translations of Chinese texts terminologically consistent",
		Long: `termlint records how Chinese terms have been rendered in English - who uses
which rendering, since when, and which house style prefers it - in a curated
glossary, and looks terms up in it.

The embedded glossary is used unless --glossary, or the glossaries key of
a .termlint.yaml configuration file (see termlint init), names others.`,
		Version:       versionText(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := f.IO.SetColorMode(colorMode); err != nil {
				return err
			}
			if cmd.Name() == "init" {
				return nil // init writes a configuration; a broken one must not stop it
			}
			return f.loadConfig(cmd)
		},
	}
	cmd.PersistentFlags().StringArrayVarP(&f.glossaryPaths, "glossary", "g", nil,
		"glossary `file` to use instead of the embedded one (repeatable; later files extend or override earlier ones; @default names the embedded one)")
	cmd.PersistentFlags().StringVar(&f.configPath, "config", "", "configuration `file` to use instead of the .termlint.yaml found in the working directory or above")
	cmd.PersistentFlags().BoolVar(&f.noConfig, "no-config", false, "read no configuration file")
	cmd.PersistentFlags().StringVar(&colorMode, "color", "auto", "colour output: auto, always or never (auto: only on a terminal and without NO_COLOR)")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())
	})
	cmd.AddCommand(newCmdLookup(f))
	cmd.AddCommand(newCmdUsage(f))
	cmd.AddCommand(newCmdCheck(f))
	cmd.AddCommand(newCmdGlossary(f))
	cmd.AddCommand(newCmdInit(f))
	cmd.AddCommand(newCmdSuggest(f))
	return cmd
}

// unknownVersion is what --version says of a build that recorded no
// version (go run, -buildvcs=false, a linked git work tree): go build in
// a git clone, or go install at a version, records one.
const unknownVersion = "unknown (this build recorded no module version or git commit)"

// versionText is termlint's version for --version: version.String, or
// unknownVersion where the build recorded none.
func versionText() string {
	if v := version.String(); v != "" {
		return v
	}
	return unknownVersion
}

// run executes termlint with args and returns the exit status.
func run(args []string, ios *iostreams.IOStreams) int {
	f := &factory{IO: ios, readFile: os.ReadFile}
	cmd := newCmdRoot(f)
	cmd.SetArgs(args)
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	var exit *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &exit):
		return exit.code
	}
	ios.Eprintf("termlint: %v\n", err)
	return exitBadInput
}
