package main

import (
	"io"
	"os"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// readSources expands paths into the sources to check, in a stable order,
// through the input readers (Markdown and HTML aware, suppressions parsed).
// A bad glob is a usage error; a path that cannot be read is reported by
// name and the other paths are still read.
func readSources(paths []string, stdin io.Reader, include, exclude []string) ([]checker.Source, []error) {
	seq, err := input.Walk(paths, input.WalkOptions{Include: include, Exclude: exclude})
	if err != nil {
		return nil, []error{err}
	}
	var sources []checker.Source
	var errs []error
	for path, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var doc *input.Document
		if path == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			doc, err = input.ReadAs("-", data, input.PlainText)
			if err != nil {
				errs = append(errs, err)
				continue
			}
		} else {
			data, err := os.ReadFile(path)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if doc, err = input.Read(path, data); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		src := checker.Source{Path: doc.Path, Text: doc.Text, Masked: doc.Masked}
		for _, s := range doc.Suppressions {
			src.Suppressions = append(src.Suppressions, checker.Suppression{FromLine: s.FromLine, ToLine: s.ToLine, Names: s.Names})
		}
		sources = append(sources, src)
	}
	return sources, errs
}
