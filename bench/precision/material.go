package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// materialSet is one set of third-party text and how termlint checks it.
type materialSet struct {
	Name string
	// Root is the set's folder, slash-separated and relative to the shared
	// folder; findings' files are recorded relative to it.
	Root string
	// Source and Target, relative to Root, are checked as a pair with
	// --source and --target; when empty, Root is checked as a folder.
	Source, Target string
}

// materialSets are the sets reviewed, in the table's order.
var materialSets = []materialSet{
	{Name: "seeds", Root: "seeds"},
	{Name: "bilingual-reports", Root: "realworld/bilingual-reports"},
	{Name: "peoplesdaily-en", Root: "realworld/peoplesdaily-en"},
	{Name: "xuexi-notes", Root: "realworld/xuexi-notes"},
	{Name: "wmt21-zhen", Root: "realworld/wmt21-zhen",
		Source: "txt/sources/newstest2021.zh-en.src.zh",
		Target: "txt/references/newstest2021.zh-en.ref.A.en"},
}

// findSet returns the set named name, or nil.
func findSet(name string) *materialSet {
	for i := range materialSets {
		if materialSets[i].Name == name {
			return &materialSets[i]
		}
	}
	return nil
}

// setNames lists the sets' names, for messages.
func setNames() []string {
	names := make([]string, len(materialSets))
	for i, s := range materialSets {
		names[i] = s.Name
	}
	return names
}

// dir is the set's folder under the shared folder.
func (s materialSet) dir(shared string) string {
	return filepath.Join(shared, filepath.FromSlash(s.Root))
}

// paths are what the set's check reads: its folder, or its two files.
func (s materialSet) paths(shared string) []string {
	if s.Source == "" {
		return []string{s.dir(shared)}
	}
	return []string{
		filepath.Join(s.dir(shared), filepath.FromSlash(s.Source)),
		filepath.Join(s.dir(shared), filepath.FromSlash(s.Target)),
	}
}

// checkArgs are the arguments of termlint check that read the set.
func (s materialSet) checkArgs(shared string) []string {
	p := s.paths(shared)
	if s.Source == "" {
		return p
	}
	return []string{"--source", p[0], "--target", p[1]}
}

// present says whether everything the set's check reads exists.
func (s materialSet) present(shared string) bool {
	for _, p := range s.paths(shared) {
		if _, err := os.Stat(p); err != nil {
			return false
		}
	}
	return true
}

// presentSets splits the sets into those whose material is in shared and
// the names of those whose material is not.
func presentSets(shared string) (present []materialSet, missing []string) {
	for _, s := range materialSets {
		if s.present(shared) {
			present = append(present, s)
		} else {
			missing = append(missing, s.Name)
		}
	}
	return present, missing
}

// defaultMode is the mode without --style.
const defaultMode = "default"

// finding is what the review needs of one finding of termlint's JSON
// wire format (checker/printer/json.go), with the set and mode it was
// produced in and its file made relative to the set's folder.
type finding struct {
	Set     string `json:"-"`
	Mode    string `json:"-"`
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Text    string `json:"text"`
	Fix     string `json:"fix"`
	Message string `json:"message"`
}

// key is what an entry of the judged list must match to cover f.
func (f *finding) key() key {
	return key{Set: f.Set, Mode: f.Mode, File: f.File, Line: f.Line, Rule: f.Rule, Text: f.Text, Fix: f.Fix}
}

// setRun is the findings of one set in one mode.
type setRun struct {
	Set      string
	Mode     string
	Findings []*finding
}

// checker runs a termlint binary on the shared material.
type checker struct {
	Bin    string
	Shared string // absolute
	// Dir is the working directory of the runs (the repository root).
	Dir string
}

// jsonVersion is the findings wire format version the review reads.
const jsonVersion = 1

// termlint runs the binary with args, ignoring any configuration file so
// that a user's settings do not change the findings, and returns its
// standard output. Exit status 1 (findings) is success.
func (c *checker) termlint(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, c.Bin, append([]string{"--no-config"}, args...)...)
	cmd.Dir = c.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			err = fmt.Errorf("%v: %s", err, msg)
		}
		return nil, fmt.Errorf("termlint %s: %v", strings.Join(args, " "), err)
	}
	return stdout.Bytes(), nil
}

// modes lists the review's modes: default, then one per house style of
// the binary's glossary, so that a new style is reviewed without a change
// here.
func (c *checker) modes(ctx context.Context) ([]string, error) {
	out, err := c.termlint(ctx, "glossary", "stats", "--format", "json")
	if err != nil {
		return nil, err
	}
	var stats struct {
		Styles []struct {
			ID string `json:"id"`
		} `json:"styles"`
	}
	if err := json.Unmarshal(out, &stats); err != nil {
		return nil, fmt.Errorf("termlint glossary stats: %v", err)
	}
	modes := []string{defaultMode}
	for _, s := range stats.Styles {
		if s.ID == defaultMode || s.ID == anyMode {
			return nil, fmt.Errorf("the glossary has a style %q, which the judged list cannot tell from its mode %q", s.ID, s.ID)
		}
		modes = append(modes, s.ID)
	}
	return modes, nil
}

// check runs termlint check on set s in mode and returns its findings.
func (c *checker) check(ctx context.Context, s materialSet, mode string) (*setRun, error) {
	args := []string{"check", "--format", "json"}
	if mode != defaultMode {
		args = append(args, "--style", mode)
	}
	out, err := c.termlint(ctx, append(args, s.checkArgs(c.Shared)...)...)
	if err != nil {
		return nil, err
	}
	r := &setRun{Set: s.Name, Mode: mode}
	if r.Findings, err = parseFindings(out); err != nil {
		return nil, fmt.Errorf("set %s, mode %s: %v", s.Name, mode, err)
	}
	root := s.dir(c.Shared)
	for _, f := range r.Findings {
		f.Set, f.Mode = s.Name, mode
		f.File = relFile(c.Dir, root, f.File)
	}
	return r, nil
}

// parseFindings reads termlint's JSON output.
func parseFindings(data []byte) ([]*finding, error) {
	var doc struct {
		Version  int        `json:"version"`
		Findings []*finding `json:"findings"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("reading termlint's JSON: %v", err)
	}
	if doc.Version != jsonVersion {
		return nil, fmt.Errorf("termlint's JSON is version %d, the review reads version %d", doc.Version, jsonVersion)
	}
	return doc.Findings, nil
}

// relFile makes a file as termlint reported it, relative to dir when not
// absolute, slash-separated and relative to root, so that the judged list
// does not depend on where the material is.
func relFile(dir, root, file string) string {
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	if rel, err := filepath.Rel(root, file); err == nil {
		file = rel
	}
	return filepath.ToSlash(file)
}

// parallelRuns is how many checks run at once: the review machines have
// two cores.
const parallelRuns = 2

// checkAll runs every set in every mode, parallelRuns at a time, and
// returns the runs mode by mode, set by set. The checks take a fraction of
// a second each, so one that fails does not stop the others.
func (c *checker) checkAll(ctx context.Context, sets []materialSet, modes []string) ([]*setRun, error) {
	runs := make([]*setRun, len(sets)*len(modes))
	errs := make([]error, len(runs))
	sem := make(chan struct{}, parallelRuns)
	var wg sync.WaitGroup
	for i := range runs {
		mode, s := modes[i/len(sets)], sets[i%len(sets)]
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			runs[i], errs[i] = c.check(ctx, s, mode)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return runs, nil
}
