package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/termlint/termlint/checker"
)

var defaultInclude = []string{"*.md", "*.markdown", "*.txt", "*.html", "*.htm"}

// readSources expands paths into the sources to check, in a stable order.
// Errors name the path; the other paths are still read.
func readSources(paths []string, stdin io.Reader, include, exclude []string) ([]checker.Source, []error) {
	if len(include) == 0 {
		include = defaultInclude
	}
	var sources []checker.Source
	var errs []error
	add := func(path string, data []byte) {
		sources = append(sources, checker.Source{Path: filepath.ToSlash(path), Text: data})
	}
	for _, p := range paths {
		if p == "-" {
			data, err := readAll(stdin)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			add("-", data)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			add(p, data)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") || matchAny(exclude, name) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !matchAny(include, name) {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			add(path, data)
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return sources, errs
}

func matchAny(globs []string, name string) bool {
	for _, g := range globs {
		if ok, _ := filepath.Match(g, name); ok {
			return true
		}
	}
	return false
}
