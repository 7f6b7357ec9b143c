package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/internal/config"
)

// loadConfig reads the configuration file --config names, or the one
// found from the working directory upward, unless --no-config, and sets
// from it the glossaries and the flags of cmd that the command line left
// unset: a flag beats the file, the file beats the default.
func (f *factory) loadConfig(cmd *cobra.Command) error {
	if f.noConfig {
		if f.configPath != "" {
			return fmt.Errorf("--config and --no-config contradict each other")
		}
		return nil
	}
	path := f.configPath
	if path == "" {
		found, err := config.Find(".")
		if err != nil {
			return fmt.Errorf("looking for %s: %w", config.FileName, err)
		}
		if found == "" {
			return nil
		}
		path = found
	}
	cfg, err := config.Load(path)
	if err != nil {
		if problems, ok := err.(config.Error); ok {
			for _, p := range problems {
				f.IO.Eprintf("%v\n", p)
			}
			f.IO.Eprintf("termlint: %s has %s\n", path, plural(len(problems), "error"))
			return &exitError{exitBadInput}
		}
		return err
	}
	f.config = cfg
	if cfg.Glossaries != nil && !cmd.Flags().Changed("glossary") {
		f.glossaryPaths = cfg.Glossaries
	}
	f.fromConfig = make(map[string]config.Pos)
	for _, s := range cfg.Settings {
		fl := cmd.Flags().Lookup(s.Flag)
		if fl == nil || fl.Changed {
			continue // the key is for another command, or the flag wins
		}
		for _, v := range s.Values {
			// Value.Set, not FlagSet.Set: the flag stays unchanged, so that
			// code asking whether the user gave it hears no.
			if err := fl.Value.Set(v); err != nil {
				return fmt.Errorf("%s: %s: %v", s.At, s.Flag, err)
			}
		}
		f.fromConfig[s.Flag] = s.At
	}
	return nil
}

// configPos is where the configuration file set a flag, as file:line:col,
// or "" when the flag's value is not from the file; messages about a bad
// value point there.
func (f *factory) configPos(flag string) string {
	if at, ok := f.fromConfig[flag]; ok {
		return at.String()
	}
	return ""
}

// defaultPaths are the paths to check when the command line names none:
// the configuration's, else the current directory.
func (f *factory) defaultPaths() []string {
	if f.config != nil && len(f.config.Paths) > 0 {
		return f.config.Paths
	}
	return []string{"."}
}

// registerRuleFlag adds --rule to fs.
func registerRuleFlag(fs *pflag.FlagSet, levels *[]string) {
	fs.StringArrayVar(levels, "rule", nil, "set a rule's severity: `NAME=LEVEL`, LEVEL error, warning, info or off (repeatable)")
}

// checkRules returns the rules to run: the configuration's levels, then
// the --rule flags, applied to checker.Rules (a later setting of a rule
// wins). A rule set to a severity reports at it wherever it would have
// reported at its default; a rule set off does not run.
func (f *factory) checkRules(flags []string) ([]*checker.Rule, error) {
	levels := map[string]string{}
	if f.config != nil {
		for _, r := range f.config.Rules {
			levels[r.Rule] = r.Level
		}
	}
	names := make([]string, len(checker.Rules))
	for i, r := range checker.Rules {
		names[i] = r.Name
	}
	for _, fl := range flags {
		name, level, ok := strings.Cut(fl, "=")
		switch {
		case !ok:
			return nil, fmt.Errorf("invalid --rule %q: use NAME=LEVEL, such as untranslated=off", fl)
		case !slices.Contains(names, name):
			return nil, fmt.Errorf("invalid --rule %q: unknown rule %q (rules: %s)", fl, name, strings.Join(names, ", "))
		case !slices.Contains(config.Levels, level):
			return nil, fmt.Errorf("invalid --rule %q: the level must be %s", fl, strings.Join(config.Levels, ", "))
		}
		levels[name] = level
	}
	var rules []*checker.Rule
	for _, r := range checker.Rules {
		switch level, ok := levels[r.Name]; {
		case !ok && r.Off:
			// runs only when asked for
		case !ok:
			rules = append(rules, r)
		case level != config.Off:
			set := *r
			set.Severity = checker.Severity(level)
			rules = append(rules, &set)
		}
	}
	return rules, nil
}
