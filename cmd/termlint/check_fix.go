package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/aymanbagabas/go-udiff"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/baseline"
	"github.com/termlint/termlint/checker/fix"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/internal/atomicfile"
	"github.com/termlint/termlint/internal/escape"
)

// beforeReplace runs just before a fixed file is written; tests change the
// file there to see the write refused.
var beforeReplace = func(path string) {}

// fixTarget is one file --fix may write: what was read and the bytes on
// disk it was read from.
type fixTarget struct {
	doc *input.Document
	// raw is the file's content when it was read; nil for standard input.
	raw []byte
	// refused says why the file is checked but not fixed; "" when it is
	// fixed.
	refused string
}

// fixRun is check --fix and --diff over the files check read: it applies
// every unambiguous fix (see package fix), then writes each changed file
// once, atomically, or prints a unified diff of what it would change.
func fixRun(opts *checkOptions, c *checker.Checker, files []*checker.File, inputErrs []error) error {
	readOpts, err := opts.Read.options()
	if err != nil {
		return err
	}
	// The baseline's record of the run: the files as they were read,
	// before any fix.
	var checked *baseline.Checked
	if opts.Filter.usesBaseline() {
		checked = baseline.NewChecked(opts.Paths)
		for _, f := range files {
			record(checked, checkedLines(f))
		}
	}
	targets := make([]*fixTarget, len(files))
	docs := make([]fix.Document, len(files))
	for i, f := range files {
		t, read := prepareFix(f.Document, readOpts)
		targets[i], docs[i] = t, fix.Document{Doc: f.Document, File: f, Read: read}
	}
	// fix.Run takes the scans over and drops each as its file is fixed;
	// files must not keep them.
	clear(files)
	chk := opts.checkerOptions()
	// --baseline and --diff-base choose what to fix, as they choose what
	// to report.
	filter, err := loadFilter(&opts.Filter, checked)
	if err != nil {
		return err
	}
	var keep func([]checker.Finding) []checker.Finding
	if filter != nil {
		keep = func(fs []checker.Finding) []checker.Finding {
			kept, _ := filter.apply(fs)
			return kept
		}
	}
	res, err := fix.Run(c, docs, chk, keep)
	if err != nil {
		return err
	}
	stderr := opts.IO.ErrOut
	for _, t := range targets {
		if t.refused != "" {
			opts.IO.Eprintf("termlint: %s: %s; not fixed\n", t.doc.Path, t.refused)
		}
	}
	if opts.Diff {
		return printDiff(opts, targets, res, inputErrs)
	}

	// Write each changed file once; one that cannot be written is
	// reported and checked as it is on disk. A signal stops the writing
	// between two files (see writeGuard).
	fixedFindings, fixedFiles := 0, 0
	var stdin []byte
	var written, unwritten []string
	guard := guardWrites()
	defer guard.stop()
	for i, t := range targets {
		after := res.Docs[i]
		if t.doc.Path == "-" {
			if stdin, err = input.Encode(after.Text, after.Encoding); err != nil {
				t.refused = err.Error()
				opts.IO.Eprintf("termlint: -: %v\n", err)
				stdin = t.doc.Text
			}
		}
		if res.Fixed[i] == 0 || t.refused != "" {
			continue
		}
		if t.raw != nil {
			if guard.interrupted() != nil {
				unwritten = append(unwritten, t.doc.Path)
				continue
			}
			if err := writeFixed(t, after); err != nil {
				t.refused = err.Error()
				opts.IO.Eprintf("termlint: %s: %v\n", t.doc.Path, err)
				res.Docs[i], res.Files[i] = t.doc, c.Scan(t.doc)
				unwritten = append(unwritten, t.doc.Path)
				continue
			}
			written = append(written, t.doc.Path)
		}
		fixedFindings += res.Fixed[i]
		fixedFiles++
	}
	if guard.stop(); guard.interrupted() != nil {
		return guard.exit(stderr, "fixed", written, unwritten)
	}
	findings := res.Findings
	if slices.ContainsFunc(targets, func(t *fixTarget) bool { return t.refused != "" }) {
		// Some files stayed as they were: report what is on disk.
		if findings, err = c.Check(res.Files, chk); err != nil {
			return err
		}
	}
	opts.IO.Eprintf("termlint: fixed %s in %s\n", plural(fixedFindings, "finding"), plural(fixedFiles, "file"))
	reportSkipped(opts.IO.ErrOut, res.Skipped, targets)

	out := opts
	if stdin != nil {
		// Standard output carries the fixed text; the findings go to
		// standard error.
		if _, err := opts.IO.Out.Write(stdin); err != nil {
			return err
		}
		ios := *opts.IO
		ios.Out = ios.ErrOut
		o := *opts
		o.IO, out = &ios, &o
	}
	if filter != nil {
		var hidden hiddenCounts
		findings, hidden = filter.apply(findings)
		filter.report(opts, hidden)
	}
	if err := printFindings(out, res.Files, findings); err != nil {
		return err
	}
	return fixStatus(targets, inputErrs, opts.fails(findings))
}

// prepareFix decides whether doc can be fixed and returns its target and
// the function that reads it again after edits (nil when it cannot be
// fixed). A file is fixed only when what is on disk is what was checked
// and its encoding writes the text back byte for byte: termlint never
// writes a file it would change anywhere but at the fixes.
func prepareFix(doc *input.Document, opts input.Options) (*fixTarget, func([]byte) (*input.Document, error)) {
	t := &fixTarget{doc: doc}
	var chinese *input.Document
	if doc.ChineseText != nil {
		// The English of --source/--target: read alone, aligned again
		// with its Chinese after every pass.
		opts.Bilingual = input.BilingualOff
		zh, err := readChinese(doc, opts)
		if err != nil {
			t.refused = err.Error()
			return t, nil
		}
		chinese = zh
	}
	if doc.Path != "-" {
		raw, err := os.ReadFile(doc.Path)
		if err != nil {
			t.refused = err.Error()
			return t, nil
		}
		if text, enc, err := input.Decode(raw, opts.Encoding); err != nil || enc != doc.Encoding || !bytes.Equal(text, doc.Text) {
			t.refused = "file changed while it was read"
			return t, nil
		}
		t.raw = raw
	}
	back, err := input.Encode(doc.Text, doc.Encoding)
	if err != nil || t.raw != nil && !bytes.Equal(back, t.raw) {
		t.refused = fmt.Sprintf("its encoding (%s) does not write the text back byte for byte", encodingLabel(doc.Encoding))
		return t, nil
	}
	if t.raw != nil {
		// The same bytes: a UTF-8 file's are its text's own, so the file
		// is not held a second time as it was read.
		t.raw = back
	}
	return t, fix.Reader(doc, opts, chinese)
}

// readChinese reads again the Chinese file doc was aligned with, and
// makes sure it is the text that was checked.
func readChinese(doc *input.Document, opts input.Options) (*input.Document, error) {
	data, err := os.ReadFile(doc.ChinesePath)
	if err != nil {
		return nil, err
	}
	zh, err := input.ReadWith(doc.ChinesePath, data, opts)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(zh.Text, doc.ChineseText) {
		return nil, fmt.Errorf("%s changed while it was read", doc.ChinesePath)
	}
	return zh, nil
}

func encodingLabel(e string) string {
	if e == "" {
		return "utf-8"
	}
	return e
}

// writeFixed writes the fixed document over its file, unless the file
// changed since it was read.
func writeFixed(t *fixTarget, after *input.Document) error {
	data, err := input.Encode(after.Text, after.Encoding)
	if err != nil {
		return err
	}
	beforeReplace(t.doc.Path)
	return atomicfile.Replace(t.doc.Path, data, t.raw)
}

// printDiff prints what --fix would change as a unified diff of each
// file's text, in file order, and says on standard error how much.
func printDiff(opts *checkOptions, targets []*fixTarget, res *fix.Result, inputErrs []error) error {
	// --diff prints no findings: the scans and findings go before the
	// diffs are made.
	res.Files, res.Findings = nil, nil
	findings, files := 0, 0
	for i, t := range targets {
		before, after := t.doc.Text, res.Docs[i].Text
		if bytes.Equal(before, after) {
			continue
		}
		// Each file's diff is written as soon as it is made, and dropped
		// with the file's fixed text: the diffs of all files are never
		// held at once.
		if _, err := io.WriteString(opts.IO.Out, unifiedDiff(t.doc.Path, before, after)); err != nil {
			return err
		}
		res.Docs[i] = nil
		findings += res.Fixed[i]
		files++
	}
	opts.IO.Eprintf("termlint: --fix would fix %s in %s\n", plural(findings, "finding"), plural(files, "file"))
	reportSkipped(opts.IO.ErrOut, res.Skipped, targets)
	return fixStatus(targets, inputErrs, files > 0)
}

// unifiedDiff is the unified diff, with three lines of context, that
// turns before, the text of the file at path, into after.
//
// go-udiff before v0.4.2 wrote a wrong new-file line in every hunk header
// after one that joined two nearby changes (it did not count the context
// lines between them), so that patch applied the hunks off by those lines
// or not at all; go.mod asks for v0.4.2, and TestUnifiedDiffHeaders holds
// every header to the files.
func unifiedDiff(path string, before, after []byte) string {
	return udiff.Unified("a/"+path, "b/"+path, string(before), string(after))
}

// reportSkipped says which fixes were left alone and why, with their
// place in the fixed text; findings of files that are not fixed at all
// were reported with their file.
func reportSkipped(w io.Writer, skips []fix.Skip, targets []*fixTarget) {
	refused := make(map[string]bool)
	for _, t := range targets {
		if t.refused != "" {
			refused[t.doc.Path] = true
		}
	}
	for _, s := range skips {
		if refused[s.Finding.File] {
			continue
		}
		f := s.Finding
		io.WriteString(w, escape.Line(fmt.Sprintf("termlint: %s:%d:%d: not fixed: %q: %s\n", f.File, f.Line, f.Column, f.Text, s.Reason)))
	}
}

// fixStatus is the exit status of --fix and --diff: 2 when a file could
// not be read or fixed, else 1 when found is true (findings left at or
// above --fail-on; a non-empty diff), else 0.
func fixStatus(targets []*fixTarget, inputErrs []error, found bool) error {
	switch {
	case len(inputErrs) > 0 || slices.ContainsFunc(targets, func(t *fixTarget) bool { return t.refused != "" }):
		return &exitError{exitBadInput}
	case found:
		return &exitError{exitFound}
	}
	return nil
}
