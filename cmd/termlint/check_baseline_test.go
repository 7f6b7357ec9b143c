package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/gittest"
)

// A chapter with three deprecated findings, on lines of their own words.
const renameChapter = `# Chapter one

Trade grew along One Belt, One Road routes.

The ports of One Belt, One Road were busy.

Critics wrote about One Belt, One Road loans.
`

// TestCheckBaselineFollowsRename: after git mv, a file's baselined
// findings stay hidden; a finding added to the renamed file is new, and
// so are the findings of a copy while the original is still there.
func TestCheckBaselineFollowsRename(t *testing.T) {
	dir := gittest.Repo(t)
	t.Chdir(dir)
	writeText(t, "docs/one.md", renameChapter)
	writeText(t, "docs/other.md", "A note on One Belt, One Road.\n")
	gittest.Run(t, dir, "add", ".")
	gittest.Run(t, dir, "commit", "-q", "-m", "chapters")
	if code, _, stderr := runCLI(t, "check", "--write-baseline", "termlint.baseline.json", "docs"); code != 0 || stderr != "recorded 4 findings in termlint.baseline.json\n" {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}

	gittest.Run(t, dir, "mv", "docs/one.md", "docs/chapter-1.md")
	got, code, stderr := reported(t, "--baseline", "termlint.baseline.json", "docs")
	if len(got) != 0 || code != 0 || stderr != "4 findings hidden by the baseline termlint.baseline.json (3 of them in renamed files)\n" {
		t.Errorf("after git mv: %v, exit %d, stderr %q", got, code, stderr)
	}
	// --scope all digests the files without keeping their text: the
	// lines are hashed all the same.
	if got, code, _ := reported(t, "--scope", "all", "--baseline", "termlint.baseline.json", "docs"); len(got) != 0 || code != 0 {
		t.Errorf("after git mv, --scope all: %v, exit %d", got, code)
	}

	// Moved to another directory and given a new paragraph with a
	// recorded phrase: only the new paragraph is reported.
	gittest.Run(t, dir, "mv", "docs/chapter-1.md", "part-1.md")
	writeText(t, "part-1.md", renameChapter+"\nA new line on One Belt, One Road.\n")
	got, code, _ = reported(t, "--baseline", "termlint.baseline.json", "docs", "part-1.md")
	if want := []string{"part-1.md:9 deprecated"}; !slices.Equal(got, want) || code != 1 {
		t.Errorf("renamed and extended: %v (exit %d), want %v", got, code, want)
	}
	// --diff fixes what is reported, the new line only.
	if _, stdout, _ := runCLI(t, "check", "--diff", "--baseline", "termlint.baseline.json", "part-1.md"); strings.Count(stdout, "\n+") != 2 ||
		!strings.Contains(stdout, "+A new line on Belt and Road.") {
		t.Errorf("--diff after the move:\n%s", stdout)
	}

	// A copy beside the original: the original keeps its entries, the
	// copy's findings are new.
	writeText(t, "docs/other-copy.md", "A note on One Belt, One Road.\n")
	got, _, _ = reported(t, "--baseline", "termlint.baseline.json", "docs")
	if want := []string{"docs/other-copy.md:1 deprecated"}; !slices.Equal(got, want) {
		t.Errorf("copy: %v, want %v", got, want)
	}
	// A file deleted and another, unrelated, using the same phrase:
	// new, since its line is not the recorded one.
	os.Remove("docs/other-copy.md")
	gittest.Run(t, dir, "rm", "-q", "docs/other.md")
	writeText(t, "docs/fresh.md", "A fresh remark on One Belt, One Road.\n")
	got, _, _ = reported(t, "--baseline", "termlint.baseline.json", "docs")
	if want := []string{"docs/fresh.md:1 deprecated"}; !slices.Equal(got, want) {
		t.Errorf("deleted and unrelated new file: %v, want %v", got, want)
	}
}

// TestCheckBaselinePartialRefresh: checking part of a repository counts
// as stale only the entries of what it checked, and following the hint
// it prints refreshes that part, keeping every entry of the files it did
// not check.
func TestCheckBaselinePartialRefresh(t *testing.T) {
	dir := gittest.Repo(t)
	t.Chdir(dir)
	writeText(t, "book/a.md", renameChapter)
	writeText(t, "book/b.md", "Maps of One Belt, One Road.\n\nTables on One Belt, One Road.\n")
	writeText(t, "notes/c.md", "One Belt, One Road, said the notes.\n\nAnd again One Belt, One Road.\n")
	writeText(t, "notes/gone.md", "Old One Belt, One Road notes.\n")
	if code, _, stderr := runCLI(t, "check", "--write-baseline", "b.json", "."); code != 0 || stderr != "recorded 8 findings in b.json\n" {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}
	before, _ := os.ReadFile("b.json")

	// Nothing changed: a check of notes/ finds no stale entry, however
	// many book/ has.
	if _, code, stderr := reported(t, "--baseline", "b.json", "notes"); code != 0 || stderr != "3 findings hidden by the baseline b.json\n" {
		t.Errorf("partial check: exit %d, stderr %q", code, stderr)
	}
	// One finding of notes/c.md fixed, notes/gone.md deleted: two stale
	// entries, and the hint says how to drop them.
	writeText(t, "notes/c.md", "One Belt, One Road, said the notes.\n\nAnd again the Belt and Road.\n")
	os.Remove("notes/gone.md")
	_, code, stderr := reported(t, "--baseline", "b.json", "notes")
	wantHint := "1 finding hidden by the baseline b.json (2 of its entries no longer found; --write-baseline b.json with the same paths refreshes it)\n"
	if code != 0 || stderr != wantHint {
		t.Errorf("stale: exit %d, stderr %q\nwant %q", code, stderr, wantHint)
	}
	// Following the hint.
	code, _, stderr = runCLI(t, "check", "--baseline", "b.json", "--write-baseline", "b.json", "notes")
	if code != 0 || stderr != "recorded 1 finding in b.json, keeping its 5 entries of files not checked\n" {
		t.Errorf("refresh: exit %d, stderr %q", code, stderr)
	}
	after, _ := os.ReadFile("b.json")
	for _, line := range strings.Split(string(before), "\n") {
		if strings.Contains(line, `"file":"book/`) && !strings.Contains(string(after), line) {
			t.Errorf("the refresh lost an entry of a file it did not check: %s", line)
		}
	}
	if strings.Contains(string(after), "notes/gone.md") || strings.Count(string(after), `"file":"notes/c.md"`) != 1 {
		t.Errorf("the refresh kept what it checked as it was:\n%s", after)
	}
	if got, code, stderr := reported(t, "--baseline", "b.json", "."); len(got) != 0 || code != 0 || stderr != "6 findings hidden by the baseline b.json\n" {
		t.Errorf("whole repository after the refresh: %v, exit %d, stderr %q", got, code, stderr)
	}
	// A file outside notes/ renamed into it: the partial refresh takes
	// its entries over under the new name.
	gittest.Run(t, dir, "add", ".")
	gittest.Run(t, dir, "commit", "-q", "-m", "all")
	gittest.Run(t, dir, "mv", "book/b.md", "notes/b.md")
	if code, _, stderr := runCLI(t, "check", "--write-baseline", "b.json", "notes"); code != 0 || stderr != "recorded 3 findings in b.json, keeping its 3 entries of files not checked\n" {
		t.Errorf("refresh after a move: exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile("b.json"); strings.Contains(string(data), "book/b.md") || strings.Count(string(data), `"file":"notes/b.md"`) != 2 {
		t.Errorf("after refreshing a moved file:\n%s", data)
	}
}

// TestCheckBaselineVersions: a baseline written by the previous version
// (version 1, no contexts) still hides its findings and can be
// refreshed; a newer version, or a file that is not a baseline, is an
// error naming the place, and --write-baseline leaves it as it is.
func TestCheckBaselineVersions(t *testing.T) {
	t.Chdir(t.TempDir())
	writeText(t, "docs/a.md", renameChapter)
	writeText(t, "old.json", `{
  "version": 1,
  "findings": [
    {"file":"docs/a.md","rule":"deprecated","concept":"yidai-yilu","text":"One Belt, One Road","line":3},
    {"file":"docs/a.md","rule":"deprecated","concept":"yidai-yilu","text":"One Belt, One Road","line":5},
    {"file":"docs/a.md","rule":"deprecated","concept":"yidai-yilu","text":"One Belt, One Road","line":7}
  ]
}
`)
	if got, code, stderr := reported(t, "--baseline", "old.json", "docs"); len(got) != 0 || code != 0 || stderr != "3 findings hidden by the baseline old.json\n" {
		t.Errorf("version 1: %v, exit %d, stderr %q", got, code, stderr)
	}
	if code, _, stderr := runCLI(t, "check", "--baseline", "old.json", "--write-baseline", "old.json", "docs"); code != 0 || stderr != "recorded 3 findings in old.json\n" {
		t.Errorf("refreshing version 1: exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile("old.json"); !strings.HasPrefix(string(data), "{\n  \"version\": 2,") || strings.Count(string(data), `"context":"`) != 3 {
		t.Errorf("refreshed version 1:\n%s", data)
	}

	newer := "{\n  \"version\": 3,\n  \"findings\": []\n}\n"
	writeText(t, "newer.json", newer)
	want := "termlint: newer.json:2:3: baseline version 3; this termlint reads versions 1 to 2\n"
	if _, code, stderr := reported(t, "--baseline", "newer.json", "docs"); code != 2 || stderr != want {
		t.Errorf("version 3: exit %d, stderr %q", code, stderr)
	}
	for _, file := range []string{"newer.json", "docs/a.md"} {
		before, _ := os.ReadFile(file)
		code, stdout, stderr := runCLI(t, "check", "--write-baseline", file, "docs")
		if after, _ := os.ReadFile(file); code != 2 || stdout != "" || !strings.Contains(stderr, "cannot write the baseline "+file+":") ||
			!strings.Contains(stderr, "not a baseline this termlint reads, so it is left as it is") || string(after) != string(before) {
			t.Errorf("--write-baseline %s: exit %d, stderr %q; file now:\n%s", file, code, stderr, after)
		}
	}
}
