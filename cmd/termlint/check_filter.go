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

// usesBaseline reports whether the run reads or writes a baseline, which
// then needs a record of what it checked (baseline.Checked).
func (r *filterFlags) usesBaseline() bool { return r.Baseline != "" || r.WriteBaseline != "" }

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
// returns the findings left to print. checked is what the run checked
// (nil when no baseline is used). With --write-baseline it records the
// findings and leaves none: the point is to adopt termlint whatever it
// finds. A baseline is not written when some input could not be read,
// since it would lack that input's findings.
func filterFindings(opts *checkOptions, findings []checker.Finding, inputErrs []error, checked *baseline.Checked) ([]checker.Finding, error) {
	flags, ios := &opts.Filter, opts.IO
	switch {
	case flags.WriteBaseline != "" && len(inputErrs) > 0:
		return nil, fmt.Errorf("not writing the baseline %s: %s could not be read", flags.WriteBaseline, plural(len(inputErrs), "input"))
	case flags.WriteBaseline != "":
		// A refresh: the file's entries for what this run checked are
		// replaced, the others kept, so that checking part of a
		// repository refreshes that part; --baseline is not read.
		guard := guardWrites()
		b, kept, err := baseline.Refresh(flags.WriteBaseline, findings, checked)
		if guard.stop(); err != nil {
			return nil, fmt.Errorf("cannot write the baseline %w", err)
		}
		if guard.interrupted() != nil {
			return nil, guard.exit(ios.ErrOut, "written", []string{flags.WriteBaseline}, nil)
		}
		msg := fmt.Sprintf("recorded %s in %s", plural(len(b.Entries)-kept, "finding"), flags.WriteBaseline)
		switch {
		case kept == 1:
			msg += ", keeping its 1 entry of a file not checked"
		case kept > 1:
			msg += fmt.Sprintf(", keeping its %d entries of files not checked", kept)
		}
		ios.Eprintf("%s\n", msg)
		return nil, nil
	}
	filter, err := loadFilter(flags, checked)
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
	// base is the baseline, or nil, and checked what the run checked;
	// changes, the lines changed since --diff-base, or nil.
	base    *baseline.Baseline
	checked *baseline.Checked
	changes *gitdiff.Changes
}

// hiddenCounts are how many findings each filter hid, and what the
// baseline's match found besides.
type hiddenCounts struct {
	baseline, unchanged int
	// renamed counts the findings of renamed files the baseline hid;
	// stale, its entries the run could have met and did not.
	renamed, stale int
}

// report says on standard error how many findings each filter hid.
func (ff *findingFilter) report(opts *checkOptions, hidden hiddenCounts) {
	flags, ios := &opts.Filter, opts.IO
	if ff.base != nil {
		var notes []string
		if hidden.renamed > 0 {
			notes = append(notes, fmt.Sprintf("%d of them in renamed files", hidden.renamed))
		}
		if hidden.stale > 0 {
			// A refresh over the same paths drops exactly these: it
			// keeps the entries of files this run did not check.
			notes = append(notes, fmt.Sprintf("%d of its entries no longer found; --write-baseline %s with the same paths refreshes it", hidden.stale, flags.Baseline))
		}
		msg := fmt.Sprintf("%s hidden by the baseline %s", plural(hidden.baseline, "finding"), flags.Baseline)
		if len(notes) > 0 {
			msg += " (" + strings.Join(notes, "; ") + ")"
		}
		ios.Eprintf("%s\n", msg)
	}
	if ff.changes != nil {
		ios.Eprintf("%s hidden on lines unchanged since %s\n", plural(hidden.unchanged, "finding"), flags.DiffBase)
	}
}

// loadFilter reads the baseline and the changes the flags name; it
// returns nil when they name neither. checked is what the run checked.
func loadFilter(flags *filterFlags, checked *baseline.Checked) (*findingFilter, error) {
	if flags.Baseline == "" && flags.DiffBase == "" {
		return nil, nil
	}
	filter := &findingFilter{checked: checked}
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
		m := ff.base.Match(findings, ff.checked)
		findings, hidden.baseline, hidden.renamed, hidden.stale = m.Fresh, m.Hidden, m.Renamed, m.Stale
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

// checkedLines hashes the lines of f's texts for a baseline
// (baseline.Checked): its own and, for --source, its Chinese file's.
func checkedLines(f *checker.File) []checkedText {
	texts := []checkedText{{f.Path, baseline.HashLines(f.Text)}}
	if f.ChineseText != nil {
		texts = append(texts, checkedText{f.ChinesePath, baseline.HashLines(f.ChineseText)})
	}
	return texts
}

// checkedText is a text a run checked, by the path its findings name,
// with the hashes of its lines.
type checkedText struct {
	path  string
	lines []uint64
}

// record adds texts to checked, which may be nil.
func record(checked *baseline.Checked, texts []checkedText) {
	if checked == nil {
		return
	}
	for _, t := range texts {
		checked.Add(t.path, t.lines)
	}
}
