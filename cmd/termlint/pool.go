package main

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/internal/iostreams"
)

// poolSize is how many files a run reads and scans at once: one per CPU
// the process may use (GOMAXPROCS, which follows a container's CPU limit
// and the GOMAXPROCS variable). Tests change it to compare pools.
var poolSize = func() int { return runtime.GOMAXPROCS(0) }

// source is one input of a run: the --source/--target pair, or a path
// the walk found, or could not read (err), with its Chinese sibling (see
// pairSiblings) if it has one.
type source struct {
	pair    bool
	path    string
	sibling string
	err     error
}

// listSources lists what a run reads, in order: the --source/--target
// pair first, then the files the paths name, as input.Walk finds them
// (the count shows in progress). The error is a malformed glob.
func listSources(paths []string, r *readFlags, progress *iostreams.Progress) ([]source, error) {
	var srcs []source
	if r.Source != "" {
		srcs = append(srcs, source{pair: true})
	}
	seq, err := input.Walk(paths, input.WalkOptions{Include: r.Include, Exclude: r.Exclude})
	if err != nil {
		return nil, err
	}
	for path, err := range seq {
		srcs = append(srcs, source{path: path, err: err})
		progress.Add(1)
	}
	if r.Bilingual != "off" {
		srcs = pairSiblings(srcs)
	}
	return srcs, nil
}

// siblingName returns the name of the English sibling of a Chinese file
// named name: x.en for x.zh, x.en.txt for x.zh.txt (any extension), or
// "" when name has no ".zh" before its last extension or as it.
func siblingName(name string) string {
	if base, ok := strings.CutSuffix(name, ".zh"); ok && base != "" {
		return base + ".en"
	}
	ext := filepath.Ext(name)
	if base, ok := strings.CutSuffix(strings.TrimSuffix(name, ext), ".zh"); ok && base != "" && ext != "" {
		return base + ".en" + ext
	}
	return ""
}

// pairSiblings reads a Chinese file and its English sibling in the same
// folder (x.zh and x.en, x.zh.txt and x.en.txt) as a pair, as --source
// and --target would: the English file's source takes the Chinese one as
// its sibling, and the Chinese file's own source is dropped.
func pairSiblings(srcs []source) []source {
	at := make(map[string]int, len(srcs))
	for i, s := range srcs {
		if s.err == nil {
			at[s.path] = i
		}
	}
	paired := make(map[int]bool)
	for _, s := range srcs {
		if s.err != nil || s.pair {
			continue
		}
		en := siblingName(filepath.Base(s.path))
		if en == "" {
			continue
		}
		if j, ok := at[filepath.Join(filepath.Dir(s.path), en)]; ok {
			srcs[j].sibling = s.path
			paired[at[s.path]] = true
		}
	}
	out := srcs[:0]
	for i, s := range srcs {
		if !paired[i] {
			out = append(out, s)
		}
	}
	return out
}

// outcome is what a worker made of one source: work's result, or the
// error that kept the source from being read.
type outcome[T any] struct {
	res T
	err error
	// notices are the document's, printed in walk order as errors are.
	notices []string
}

// eachFile reads and scans the files the paths and the --source/--target
// pair name, poolSize at a time, and passes each scanned file to work in
// the worker that scanned it; work must be safe to run concurrently. The
// results go to collect one at a time, in the calling goroutine and in
// walk order, however the workers finish, so that a run's output does not
// depend on them. A source that cannot be read, or that work fails on, is
// reported by name on standard error, in that order too, while later
// files are still being read, and the errors are returned. The notices of
// a document (Document.Notices) and a binary file skipped are reported
// the same way but are no errors. A bad glob reads nothing. On a
// terminal, progress shows on standard error; it is wiped before
// eachFile returns.
//
// The workers run ahead of collect by at most two files each, so that
// what a run holds is bounded by what collect keeps.
func eachFile[T any](c *checker.Checker, paths []string, ios *iostreams.IOStreams, r *readFlags, work func(*checker.File) (T, error), collect func(T)) []error {
	progress := ios.StartProgress()
	defer progress.Stop()
	fail := func(err error) []error {
		progress.Printf("termlint: %v\n", err)
		return []error{err}
	}
	opts, err := r.options()
	if err != nil {
		return fail(err)
	}
	progress.Phase("listing", 0)
	srcs, err := listSources(paths, r, progress)
	if err != nil {
		return fail(err)
	}
	progress.Phase("reading", len(srcs))

	read := func(s source) outcome[T] {
		defer progress.Add(1)
		var doc *input.Document
		var err error
		switch {
		case s.err != nil:
			return outcome[T]{err: s.err}
		case s.pair:
			doc, err = readPair(r.Source, r.Target, opts)
		case s.sibling != "":
			doc, err = readSiblings(s.sibling, s.path, opts)
		default:
			doc, err = readDocument(s.path, ios.In, opts)
		}
		if err != nil {
			return outcome[T]{err: err}
		}
		res, err := work(c.Scan(doc))
		return outcome[T]{res: res, err: err, notices: doc.Notices}
	}

	// Each source gets a channel for its outcome. The channels go into
	// pending in walk order, which collecting follows, and with the
	// source to the workers; pending's capacity is how far the workers
	// may run ahead.
	type job struct {
		src source
		out chan outcome[T]
	}
	workers := max(1, min(poolSize(), len(srcs)))
	jobs := make(chan job)
	pending := make(chan chan outcome[T], 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.out <- read(j.src)
			}
		})
	}
	go func() {
		for _, s := range srcs {
			out := make(chan outcome[T], 1)
			pending <- out
			jobs <- job{s, out}
		}
		close(jobs)
		close(pending)
	}()
	var errs []error
	for out := range pending {
		o := <-out
		for _, n := range o.notices {
			progress.Printf("termlint: %s\n", n)
		}
		if o.err != nil {
			progress.Printf("termlint: %v\n", o.err)
			if !errors.Is(o.err, input.ErrBinary) && !errors.Is(o.err, input.ErrSkipped) { // a notice, not an error
				errs = append(errs, o.err)
			}
			continue
		}
		collect(o.res)
	}
	wg.Wait()
	return errs
}

// scanPaths reads and scans the files the paths name (see eachFile) and
// returns them all, in walk order, with the errors of those that could
// not be read.
func scanPaths(c *checker.Checker, paths []string, ios *iostreams.IOStreams, r *readFlags) ([]*checker.File, []error) {
	var files []*checker.File
	errs := eachFile(c, paths, ios, r,
		func(f *checker.File) (*checker.File, error) { return f, nil },
		func(f *checker.File) { files = append(files, f) })
	return files, errs
}
