package main

import (
	"io"
	"os"

	"github.com/termlint/termlint/checker/input"
)

// readDocuments expands paths into the documents to check, in a stable
// order, through the input readers (Markdown and HTML aware, suppressions
// parsed). A bad glob is a usage error; a path that cannot be read is
// reported by name and the other paths are still read.
func readDocuments(paths []string, stdin io.Reader, include, exclude []string) ([]*input.Document, []error) {
	seq, err := input.Walk(paths, input.WalkOptions{Include: include, Exclude: exclude})
	if err != nil {
		return nil, []error{err}
	}
	var docs []*input.Document
	var errs []error
	for path, err := range seq {
		var doc *input.Document
		if err == nil {
			doc, err = readDocument(path, stdin)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, doc)
	}
	return docs, errs
}

// readDocument reads one path; "-" is standard input, read as plain text.
func readDocument(path string, stdin io.Reader) (*input.Document, error) {
	if path == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, err
		}
		return input.ReadAs(path, data, input.PlainText)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return input.Read(path, data)
}
