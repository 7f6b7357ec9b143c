package main

import (
	"fmt"
	"hash/maphash"
	"os"
	"slices"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/baseline"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/checker/printer"
	"github.com/termlint/termlint/internal/iostreams"
	"github.com/termlint/termlint/internal/version"
)

// checkPaths reads, scans and checks the files opts names, in a pool (see
// eachFile), and returns the report to print with the errors of the
// inputs that could not be read; the error is a bad checker option.
//
// With the default scope, each file is checked in its worker as soon as
// it is scanned, and only its findings and, for a format that quotes
// lines, the lines they point at (printer.Excerpts) are kept: a run holds
// a few files per worker, whatever the size of the corpus. With --scope
// all the rules need every file's uses of the glossary together: each
// file is digested in its worker (checker.Collector), which keeps a small
// record per use and none of the text, and the lines the findings quote
// are read again at the end (quoteAgain). Either way the report is the
// same as checking every file at once. When checked is not nil, each
// file read and the hashes of its lines are recorded in it, for the
// baseline (8 bytes a line).
func checkPaths(opts *checkOptions, c *checker.Checker, checked *baseline.Checked) (*printer.Report, []error, error) {
	chk := opts.checkerOptions()
	format, _ := printer.Lookup(opts.Format)
	report := &printer.Report{Version: version.String()}
	if chk.Scope == checker.ScopeAll {
		return checkScopeAll(opts, c, format, report, checked)
	}

	var excerpts printer.Excerpts
	type fileChecked struct {
		findings []checker.Finding
		err      error
		// texts are the file's texts, kept only until collect has taken
		// the excerpts it needs.
		texts map[string][]byte
		// lines are the file's line hashes, for the baseline.
		lines []checkedText
	}
	var firstErr error
	errs := eachFile(c, opts.Paths, opts.IO, &opts.Read,
		func(f *checker.File) (fileChecked, error) {
			findings, err := c.Check([]*checker.File{f}, chk)
			res := fileChecked{findings: findings, err: err}
			if format.Texts && len(findings) > 0 {
				res.texts = printer.TextsOf(f)
			}
			if checked != nil {
				res.lines = checkedLines(f)
			}
			return res, nil
		},
		func(res fileChecked) {
			report.Files++
			report.Findings = append(report.Findings, res.findings...)
			record(checked, res.lines)
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

// checkScopeAll is checkPaths with --scope all.
func checkScopeAll(opts *checkOptions, c *checker.Checker, format printer.Format, report *printer.Report, checked *baseline.Checked) (*printer.Report, []error, error) {
	col, err := c.NewCollector(opts.checkerOptions())
	if err != nil {
		return nil, nil, err
	}
	type digested struct {
		digest *checker.Digest
		texts  []heldText
		lines  []checkedText
	}
	// held are the texts of the files added, by path: the last file of
	// a path wins, as in printer.TextsOf.
	held := make(map[string]heldText)
	errs := eachFile(c, opts.Paths, opts.IO, &opts.Read,
		func(f *checker.File) (digested, error) {
			d, err := col.Digest(f)
			res := digested{digest: d}
			if checked != nil {
				res.lines = checkedLines(f)
			}
			if err != nil || !format.Texts {
				return res, err
			}
			res.texts = holdTexts(f)
			return res, nil
		},
		func(res digested) {
			report.Files++
			col.Add(res.digest)
			record(checked, res.lines)
			for _, t := range res.texts {
				held[t.path] = t
			}
		})
	report.Findings = col.Findings()
	if format.Texts {
		report.Texts = quoteAgain(report.Findings, held, &opts.Read, opts.IO)
	}
	return report, errs, nil
}

// heldText identifies a text a run checked without keeping it, so that
// the lines its findings quote can be read again (quoteAgain), and the
// text told apart from one that changed in between. Standard input,
// which cannot be read again, is kept.
type heldText struct {
	path string
	size int
	sum  uint64
	kept []byte
}

// textSeed seeds the sums of heldText: the sums are compared within a run
// only.
var textSeed = maphash.MakeSeed()

// holdTexts identifies f's text and, for --source, its Chinese file's, as
// printer.TextsOf lists them.
func holdTexts(f *checker.File) []heldText {
	hold := func(path string, text []byte) heldText {
		t := heldText{path: path, size: len(text), sum: maphash.Bytes(textSeed, text)}
		if path == "-" {
			t.kept = text
		}
		return t
	}
	texts := []heldText{hold(f.Path, f.Text)}
	if f.ChineseText != nil {
		texts = append(texts, hold(f.ChinesePath, f.ChineseText))
	}
	return texts
}

// quoteAgain reads again, one file at a time, the texts of the paths whose
// lines the findings quote, and keeps those lines (printer.Excerpts). A
// text that is not what was checked, because its file changed or cannot
// be read any more, is said so on standard error and left out, so that
// its findings are printed without quoting wrong lines.
func quoteAgain(findings []checker.Finding, held map[string]heldText, r *readFlags, ios *iostreams.IOStreams) map[string][]byte {
	opts, _ := r.options() // eachFile has read them
	var excerpts printer.Excerpts
	wanted := printer.WantedLines(findings)
	paths := make([]string, 0, len(wanted))
	for path := range wanted {
		if _, ok := held[path]; ok {
			paths = append(paths, path)
		}
	}
	slices.Sort(paths) // so that warnings come in a stable order
	for _, path := range paths {
		h := held[path]
		text, err := h.read(opts)
		if err != nil {
			ios.Eprintf("termlint: warning: %v; its lines are not quoted\n", err)
			continue
		}
		excerpts.AddLines(path, text, wanted[path])
	}
	return excerpts.Texts()
}

// read reads the text again, decoded as it was, or fails if it is not the
// text checked.
func (h heldText) read(opts input.Options) ([]byte, error) {
	if h.kept != nil || h.path == "-" {
		return h.kept, nil
	}
	data, err := os.ReadFile(h.path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s again: %w", h.path, err)
	}
	text, _, err := input.Decode(data, opts.Encoding)
	if err != nil || len(text) != h.size || maphash.Bytes(textSeed, text) != h.sum {
		return nil, fmt.Errorf("%s changed while it was being checked", h.path)
	}
	return text, nil
}
