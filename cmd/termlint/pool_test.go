package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/printer"
	"github.com/termlint/termlint/internal/iostreams"
	"github.com/termlint/termlint/internal/version"
)

// withPoolSize runs the test's CLI runs with a pool of n workers.
func withPoolSize(t *testing.T, n int) {
	t.Helper()
	saved := poolSize
	poolSize = func() int { return n }
	t.Cleanup(func() { poolSize = saved })
}

// poolCorpus copies the repository's fixtures (every format the readers
// know, bilingual files, suppressions, fixtures that fail to read) and,
// when they are there, the seed texts into three folders of a temporary
// directory, so that a run has well over a hundred files of every kind,
// and adds a Chinese file and its translation for --source/--target.
func poolCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var copied int
	for _, from := range []string{"../../testdata/check", "../../testdata/bilingual", "../../testdata/examples", "../../testdata/input", "../../../shared/seeds"} {
		err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, path)
			for i := range 3 {
				writeText(t, filepath.Join(dir, fmt.Sprintf("copy%d", i), filepath.Base(from), rel), string(data))
				copied++
			}
			return nil
		})
		if err != nil && !(os.IsNotExist(err) && strings.Contains(from, "seeds")) {
			t.Fatal(err)
		}
	}
	if copied < 150 {
		t.Fatalf("the corpus has %d files: too few to keep a pool busy", copied)
	}
	writeText(t, filepath.Join(dir, "pair", "zh.txt"), "周边工作很重要。\n\n我们推进周边外交。\n")
	writeText(t, filepath.Join(dir, "pair", "en.txt"), "Periphery work matters.\n\nWe advance neighborhood diplomacy.\n")
	return dir
}

// checkAllAtOnce is check as it ran before the pool: every file read and
// scanned, then checked together and printed from the whole texts. It
// returns what check prints on standard output.
func checkAllAtOnce(t *testing.T, scope, format string, paths []string, read readFlags) string {
	t.Helper()
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	c := checker.New(g)
	withPoolSize(t, 1)
	ios, _, _, _ := iostreams.Test()
	files, _ := scanPaths(c, paths, ios, &read)
	findings, err := c.Check(files, checker.Options{Scope: checker.Scope(scope)})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := printer.Lookup(format)
	var out bytes.Buffer
	report := printer.NewReport(files, findings, version.String())
	report.SourceRoot, report.WorkDir = sourceRoot()
	if err := f.New(printer.Options{}).Print(&out, report); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestPoolOutputIsSequential checks a corpus with pools of 1, 2 and 8
// workers, in both scopes and every format: the output must be the same
// byte for byte, and the same as checking every file at once from the
// whole texts, which the default scope no longer keeps. Standard error,
// with the fixtures that fail to read, must be the same in every pool.
func TestPoolOutputIsSequential(t *testing.T) {
	dir := poolCorpus(t)
	t.Chdir(dir) // paths in the output do not depend on the temporary name
	pair := []string{"--source", "pair/zh.txt", "--target", "pair/en.txt"}
	for _, scope := range []string{"file", "all"} {
		for _, format := range printer.Formats() {
			args := append([]string{"check", "--no-config", "--fail-on", "none", "--scope", scope, "--format", format.Name}, pair...)
			args = append(args, "copy0", "copy1", "-", "copy2")
			want := checkAllAtOnce(t, scope, format.Name, []string{"copy0", "copy1", "-", "copy2"},
				readFlags{Bilingual: "auto", Source: "pair/zh.txt", Target: "pair/en.txt"})
			var firstErr string
			for _, n := range []int{1, 2, 8} {
				withPoolSize(t, n)
				ios, _, out, errOut := iostreams.Test()
				code := run(args, ios)
				if code != exitBadInput {
					t.Errorf("%s, %s, pool of %d: exit %d, want %d (some fixtures do not read)", scope, format.Name, n, code, exitBadInput)
				}
				if out.String() != want {
					t.Errorf("%s, %s, pool of %d: output differs from checking all at once:\n%s", scope, format.Name, n, firstDifference(out.String(), want))
				}
				if firstErr == "" {
					firstErr = errOut.String()
				} else if errOut.String() != firstErr {
					t.Errorf("%s, %s, pool of %d: stderr differs from a pool of 1:\n%s", scope, format.Name, n, firstDifference(errOut.String(), firstErr))
				}
			}
			if !strings.Contains(firstErr, "termlint: ") {
				t.Errorf("no fixture failed to read: stderr %q", firstErr)
			}
		}
	}
}

// firstDifference shows where got and want part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("at byte %d\ngot:  %q\nwant: %q", i, got[from:min(len(got), i+200)], want[from:min(len(want), i+200)])
}

// TestPoolReadErrorsInOrder makes files in the middle of a run fail to
// read: each is reported by name, in walk order whatever order the
// workers finish in, while every other file's findings are printed and
// the status is 2.
func TestPoolReadErrorsInOrder(t *testing.T) {
	dir := t.TempDir()
	// Every seventh file from the fourth is a TMX file with an entity
	// XML does not know, every seventh from the sixth a PO file with an
	// unterminated string; the others are drafts with a finding each.
	var failing [2][]string // by folder, in name order
	for i := range 40 {
		folder := i / 20
		name := filepath.Join(dir, fmt.Sprintf("d%d", folder), fmt.Sprintf("f%02d", i))
		switch i % 7 {
		case 3:
			writeText(t, name+".tmx", "<tmx><body><tu><seg>&nbsp;</seg></tu></body></tmx>\n")
			failing[folder] = append(failing[folder], name+".tmx:1:")
		case 5:
			writeText(t, name+".po", "msgid \"周边\nmsgstr \"x\"\n")
			failing[folder] = append(failing[folder], name+".po:1:")
		default:
			writeText(t, name+".txt", fmt.Sprintf("Draft %d pursues periphery work.\nIt ends with neighborhood work.\n", i))
		}
	}
	args := []string{"check", "--no-config", "--format", "json", filepath.Join(dir, "d0"), "missing-1.md", filepath.Join(dir, "d1"), "missing-2.md"}
	wantErrs := append(append(append(failing[0], "missing-1.md: no such file"), failing[1]...), "missing-2.md: no such file")
	wantFiles := 40 - len(failing[0]) - len(failing[1])
	for _, n := range []int{1, 8} {
		withPoolSize(t, n)
		ios, _, out, errOut := iostreams.Test()
		if code := run(args, ios); code != exitBadInput {
			t.Errorf("pool of %d: exit %d, want %d", n, code, exitBadInput)
		}
		lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
		if len(lines) != len(wantErrs) {
			t.Fatalf("pool of %d: %d errors, want %d:\n%s", n, len(lines), len(wantErrs), errOut)
		}
		for i, line := range lines {
			if !strings.HasPrefix(line, "termlint: "+wantErrs[i]) {
				t.Errorf("pool of %d: error %d is %q, want one starting %q", n, i+1, line, "termlint: "+wantErrs[i])
			}
		}
		var report struct {
			Findings []checker.Finding
			Summary  checker.Summary
		}
		if err := json.Unmarshal(out.Bytes(), &report); err != nil {
			t.Fatalf("pool of %d: %v\n%s", n, err, out)
		}
		perFile := make(map[string]int)
		for _, f := range report.Findings {
			perFile[f.File]++
		}
		if report.Summary.Files != wantFiles || len(perFile) != wantFiles {
			t.Errorf("pool of %d: %d files checked, %d with findings, want %d of each", n, report.Summary.Files, len(perFile), wantFiles)
		}
	}
}
