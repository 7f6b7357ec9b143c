package main

import (
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/printer"
)

// checkPaths reads, scans and checks the files opts names, in a pool (see
// eachFile), and returns the report to print with the errors of the
// inputs that could not be read; the error is a bad checker option.
//
// With the default scope, each file is checked in its worker as soon as
// it is scanned, and only its findings and, for a format that quotes
// lines, the lines they point at (printer.Excerpts) are kept: a run holds
// a few files per worker, whatever the size of the corpus. With --scope
// all the rules need every file's occurrences together: the files are
// kept, less what only scanning reads (checker.File.Release), checked
// together, and dropped before printing. Either way the report is the
// same as checking every file at once.
func checkPaths(opts *checkOptions, c *checker.Checker) (*printer.Report, []error, error) {
	chk := opts.checkerOptions()
	format, _ := printer.Lookup(opts.Format)
	report := &printer.Report{Version: version()}
	var excerpts printer.Excerpts
	if chk.Scope == checker.ScopeAll {
		var files []*checker.File
		errs := eachFile(c, opts.Paths, opts.IO, &opts.Read,
			func(f *checker.File) *checker.File {
				f.Release()
				return f
			},
			func(f *checker.File) { files = append(files, f) })
		findings, err := c.Check(files, chk)
		if err != nil {
			return nil, nil, err
		}
		if format.Texts {
			excerpts.Add(printer.TextsOf(files...), findings)
			report.Texts = excerpts.Texts()
		}
		report.Files, report.Findings = len(files), findings
		return report, errs, nil
	}

	type checked struct {
		findings []checker.Finding
		err      error
		// texts are the file's texts, kept only until collect has taken
		// the excerpts it needs.
		texts map[string][]byte
	}
	var firstErr error
	errs := eachFile(c, opts.Paths, opts.IO, &opts.Read,
		func(f *checker.File) checked {
			findings, err := c.Check([]*checker.File{f}, chk)
			res := checked{findings: findings, err: err}
			if format.Texts && len(findings) > 0 {
				res.texts = printer.TextsOf(f)
			}
			return res
		},
		func(res checked) {
			report.Files++
			report.Findings = append(report.Findings, res.findings...)
			if res.texts != nil {
				excerpts.Add(res.texts, res.findings)
			}
			if firstErr == nil {
				firstErr = res.err
			}
		})
	if firstErr != nil {
		return nil, nil, firstErr
	}
	// Each file's findings are sorted; sorting them all is stable, so
	// findings at one place keep the order a run over all files gives.
	checker.Sort(report.Findings)
	if format.Texts {
		report.Texts = excerpts.Texts()
	}
	return report, errs, nil
}
