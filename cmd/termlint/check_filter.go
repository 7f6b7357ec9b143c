package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/baseline"
	"github.com/termlint/termlint/internal/gitdiff"
)

// filterFlags are check's flags that narrow the report to new findings,
// for adopting termlint on a repository that already has many: those not
// recorded in a baseline, those on lines a pull request changed.
type filterFlags struct {
	// Baseline is a baseline file whose findings are not reported
	// (--baseline; a configuration file may set it too).
	Baseline string
	// WriteBaseline is a file to record the findings in instead of
	// reporting them (--write-baseline).
	WriteBaseline string
	// DiffBase is a git revision: only findings on lines changed since
	// it are reported (--diff-base).
	DiffBase string
}

func (r *filterFlags) validate() error {
	switch {
	case r.WriteBaseline != "" && r.DiffBase != "":
		return errors.New("--write-baseline records every finding; it cannot be combined with --diff-base")
	case strings.HasPrefix(r.DiffBase, "-"):
		return fmt.Errorf("invalid --diff-base %q: a git revision cannot start with -", r.DiffBase)
	}
	return nil
}

// filterFindings applies --write-baseline, --baseline and --diff-base to
// the findings of a run over the whole scope (so that the consistency
// rules saw every line), saying on standard error how many each hid, and
// returns the findings left to print. With --write-baseline it records
// the findings and leaves none: the point is to adopt termlint whatever
// it finds. A baseline is not written when some input could not be read,
// since it would lack that input's findings.
func filterFindings(opts *checkOptions, findings []checker.Finding, inputErrs []error) ([]checker.Finding, error) {
	flags, ios := &opts.Filter, opts.IO
	switch {
	case flags.WriteBaseline != "" && len(inputErrs) > 0:
		return nil, fmt.Errorf("not writing the baseline %s: %s could not be read", flags.WriteBaseline, plural(len(inputErrs), "input"))
	case flags.WriteBaseline != "":
		// With --baseline naming the same file (or another), this is a
		// refresh: the new baseline hides everything, the old one is not
		// read, and may not exist yet.
		guard := guardWrites()
		b, err := baseline.Write(flags.WriteBaseline, findings)
		if guard.stop(); err != nil {
			return nil, fmt.Errorf("cannot write the baseline %w", err)
		}
		if guard.interrupted() != nil {
			return nil, guard.exit(ios.ErrOut, "written", []string{flags.WriteBaseline}, nil)
		}
		ios.Eprintf("recorded %s in %s\n", plural(len(b.Entries), "finding"), flags.WriteBaseline)
		return nil, nil
	}
	filter, err := loadFilter(flags)
	if err != nil || filter == nil {
		return findings, err
	}
	kept, hidden := filter.apply(findings)
	filter.report(opts, hidden)
	return kept, nil
}

// findingFilter is --baseline and --diff-base, loaded once, so that --fix
// can apply them to every pass.
type findingFilter struct {
	// base is the baseline, or nil; changes, the lines changed since
	// --diff-base, or nil.
	base    *baseline.Baseline
	changes *gitdiff.Changes
}

// hiddenCounts are how many findings each filter hid.
type hiddenCounts struct{ baseline, unchanged int }

// report says on standard error how many findings each filter hid.
func (ff *findingFilter) report(opts *checkOptions, hidden hiddenCounts) {
	flags, ios := &opts.Filter, opts.IO
	if ff.base != nil {
		msg := fmt.Sprintf("%s hidden by the baseline %s", plural(hidden.baseline, "finding"), flags.Baseline)
		if stale := len(ff.base.Entries) - hidden.baseline; stale > 0 {
			msg += fmt.Sprintf(" (%d of its entries no longer found; --write-baseline %s refreshes it)", stale, flags.Baseline)
		}
		ios.Eprintf("%s\n", msg)
	}
	if ff.changes != nil {
		ios.Eprintf("%s hidden on lines unchanged since %s\n", plural(hidden.unchanged, "finding"), flags.DiffBase)
	}
}

// loadFilter reads the baseline and the changes the flags name; it
// returns nil when they name neither.
func loadFilter(flags *filterFlags) (*findingFilter, error) {
	if flags.Baseline == "" && flags.DiffBase == "" {
		return nil, nil
	}
	filter := &findingFilter{}
	if flags.Baseline != "" {
		b, err := baseline.Read(flags.Baseline)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("baseline %s does not exist (--write-baseline %s writes it)", flags.Baseline, flags.Baseline)
		}
		if err != nil {
			return nil, err
		}
		filter.base = b
	}
	if flags.DiffBase != "" {
		changes, err := gitdiff.Load(".", flags.DiffBase)
		if err != nil {
			return nil, fmt.Errorf("--diff-base %s: %w", flags.DiffBase, err)
		}
		filter.changes = changes
	}
	return filter, nil
}

// apply returns the findings neither the baseline nor the unchanged lines
// hide. The baseline goes first: its entries must meet every finding, or
// an old finding --diff-base dropped could not absorb its entry, which
// would then hide a new one.
func (ff *findingFilter) apply(findings []checker.Finding) ([]checker.Finding, hiddenCounts) {
	var hidden hiddenCounts
	if ff.base != nil {
		findings, hidden.baseline = ff.base.Filter(findings)
	}
	if ff.changes != nil {
		var kept []checker.Finding
		for _, f := range findings {
			// A finding in a --source Chinese file carries that file's
			// path and lines.
			if ff.changes.Touches(f.File, f.Line, lastLine(f)) {
				kept = append(kept, f)
			}
		}
		hidden.unchanged = len(findings) - len(kept)
		findings = kept
	}
	return findings, hidden
}

// lastLine is the last line a finding's span covers: its end is
// exclusive, so a span ending at the start of a line does not reach it.
func lastLine(f checker.Finding) int {
	if f.EndLine <= f.Line {
		return f.Line
	}
	if f.EndColumn <= 1 {
		return f.EndLine - 1
	}
	return f.EndLine
}
