package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/termlint/termlint/internal/atomicfile"
)

// findRoot returns the repository root: the nearest folder at or above dir
// holding go.mod.
func findRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod in the working directory or above: run from the termlint repository")
		}
		dir = parent
	}
}

// judgedPath is where the judged list lives in the repository.
func judgedPath(root string) string {
	return filepath.Join(root, "bench", "precision", "judged.tsv")
}

// defaultShared is where the material is by default: ../shared beside the
// repository.
func defaultShared(root string) string {
	return filepath.Join(filepath.Dir(root), "shared")
}

// buildTermlint builds the termlint command of the repository at root into
// dir and returns the binary's path.
func buildTermlint(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "termlint")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/termlint")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/termlint: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return bin, nil
}

// reviewOptions say what to review with what.
type reviewOptions struct {
	// Root is the repository root, the runs' working directory.
	Root string
	// Bin is the termlint binary.
	Bin string
	// Shared is the folder holding the material.
	Shared string
	// Judged is the judged list's path.
	Judged string
	// Rules, if any, are the rules the table counts.
	Rules []string
}

// review is a review that ran: its outcome and the sets left out.
type review struct {
	*outcome
	// Missing names the sets whose material is not in the shared folder.
	Missing []string
	// judgedData is the judged list as read, so that --update does not
	// overwrite an edit made while the review ran.
	judgedData []byte
}

// runReview reads the judged list, runs every set whose material is
// present in every mode and holds the findings against the list.
func runReview(ctx context.Context, opts reviewOptions) (*review, error) {
	data, err := os.ReadFile(opts.Judged)
	if err != nil {
		return nil, err
	}
	list, err := parseJudged(bytes.NewReader(data), opts.Judged)
	if err != nil {
		return nil, err
	}
	shared, err := filepath.Abs(opts.Shared)
	if err != nil {
		return nil, err
	}
	c := &checker{Bin: opts.Bin, Shared: shared, Dir: opts.Root}
	modes, err := c.modes(ctx)
	if err != nil {
		return nil, err
	}
	if err := list.checkModes(modes); err != nil {
		return nil, err
	}
	sets, missing := presentSets(shared)
	runs, err := c.checkAll(ctx, sets, modes)
	if err != nil {
		return nil, err
	}
	return &review{outcome: compare(list, runs, modes, opts.Rules...), Missing: missing, judgedData: data}, nil
}

// update marks each entry of a reviewed set open when it is produced and
// gone when it is not, sorts the list and writes it back in place. It
// adds no entry: unjudged findings wait for a person's verdict.
func (r *review) update() (open, gone int, err error) {
	r.markStates()
	r.List.sortEntries()
	for _, e := range r.List.Entries {
		if e.Gone {
			gone++
		} else {
			open++
		}
	}
	var buf bytes.Buffer
	if err := r.List.write(&buf); err != nil {
		return 0, 0, err
	}
	return open, gone, atomicfile.Replace(r.List.Name, buf.Bytes(), r.judgedData)
}

// markStates sets each entry of a reviewed set open or gone by whether
// it is produced; entries of sets whose material is missing keep theirs.
func (o *outcome) markStates() {
	for _, e := range o.List.Entries {
		if o.reviewed[e.Set] {
			e.Gone = o.produced[e] == 0
		}
	}
}
