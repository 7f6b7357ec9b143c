package baseline

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"path/filepath"

	"github.com/termlint/termlint/checker"
)

// Checked is what a run checked, as far as a baseline needs to know it:
// the files read, with a hash of each of their lines, and the paths the
// run was given.
//
// The files read decide what a refresh replaces: the entries of the
// files it checked, and of files gone from under the paths it was given;
// every other entry is kept. The line hashes are a finding's context:
// the hash of its line, white space squeezed, recorded in its entry, so
// that the entry can follow its file when the file is renamed (see
// Match).
type Checked struct {
	// lines are the hashes of each file's lines, by the path findings
	// name the file by.
	lines map[string][]uint64
	// roots are the paths the run was given, absolute and cleaned;
	// standard input is left out.
	roots map[string]bool
}

// NewChecked starts the record of a run given paths (files and
// directories, as the user named them).
func NewChecked(paths []string) *Checked {
	c := &Checked{lines: make(map[string][]uint64), roots: make(map[string]bool)}
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if abs, err := filepath.Abs(p); err == nil {
			c.roots[abs] = true
		}
	}
	return c
}

// Add records that the file at path was read, with the hashes of its
// lines (HashLines). A path added twice keeps its last lines.
func (c *Checked) Add(path string, lines []uint64) { c.lines[path] = lines }

// HashLines returns a hash of each line of text, its white space squeezed
// (so that indenting a line again keeps it): what a finding's context is
// taken from. It is FNV-1a, the same on every machine and in every run,
// since baselines are compared across both.
func HashLines(text []byte) []uint64 {
	hashes := make([]uint64, 0, bytes.Count(text, []byte("\n"))+1)
	h := fnv.New64a()
	for line := range bytes.Lines(text) {
		h.Reset()
		for i, word := range bytes.Fields(line) {
			if i > 0 {
				h.Write([]byte{' '})
			}
			h.Write(word)
		}
		hashes = append(hashes, h.Sum64())
	}
	return hashes
}

// context is the context of finding f: the hash of its first line, in
// hexadecimal, or "" when the run did not record f's file.
func (c *Checked) context(f checker.Finding) string {
	if c == nil {
		return ""
	}
	lines := c.lines[f.File]
	if f.Line < 1 || f.Line > len(lines) {
		return ""
	}
	return fmt.Sprintf("%016x", lines[f.Line-1])
}

// under reports whether the absolute, clean path abs is one of the run's
// paths or inside one of them. It looks its ancestors up, so that a run
// given thousands of files stays linear.
func (c *Checked) under(abs string) bool {
	for {
		if c.roots[abs] {
			return true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return false
		}
		abs = parent
	}
}
