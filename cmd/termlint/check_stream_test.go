package main

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/internal/iostreams"
)

// TestQuoteAgain reads again the lines --scope all quotes: from a UTF-8
// file, a GB18030 file (decoded as it was), standard input (kept, since
// it cannot be read again), and not from a file that changed after it was
// checked or is gone, which standard error names instead of quoting
// lines that are not the ones checked.
func TestQuoteAgain(t *testing.T) {
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatal(problems)
	}
	c := checker.New(g)
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String("第一行\n周边工作 is periphery work\n")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{
		"same.txt":    "one\ntwo periphery work\nthree\n",
		"gb.txt":      gbk,
		"changed.txt": "one\ntwo\n",
		"gone.txt":    "one\n",
	})
	t.Chdir(dir)
	ios, stdin, _, errOut := iostreams.Test()
	stdin.WriteString("from stdin\nsecond line\n")
	r := &readFlags{Bilingual: "auto"}
	opts, err := r.options()
	if err != nil {
		t.Fatal(err)
	}
	held := make(map[string]heldText)
	for _, path := range []string{"same.txt", "gb.txt", "changed.txt", "gone.txt", "-"} {
		doc, err := readDocument(path, ios.In, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range holdTexts(c.Scan(doc)) {
			held[h.path] = h
		}
	}
	writeText(t, "changed.txt", "one\nTWO\n") // as long as before
	if err := os.Remove("gone.txt"); err != nil {
		t.Fatal(err)
	}

	findings := []checker.Finding{
		{File: "same.txt", Line: 2, EndLine: 2, Related: []checker.Related{{File: "gb.txt", Line: 2}}},
		{File: "changed.txt", Line: 2, EndLine: 2},
		{File: "gone.txt", Line: 1, EndLine: 1},
		{File: "-", Line: 2, EndLine: 2},
		{File: "unknown.txt", Line: 1, EndLine: 1},
	}
	texts := quoteAgain(findings, held, r, ios)
	want := map[string]string{"same.txt": "\ntwo periphery work", "gb.txt": "\n周边工作 is periphery work", "-": "\nsecond line"}
	if len(texts) != len(want) {
		t.Errorf("texts for %d paths, want %d: %q", len(texts), len(want), texts)
	}
	for path, text := range want {
		if string(texts[path]) != text {
			t.Errorf("%s: %q, want %q", path, texts[path], text)
		}
	}
	lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	if len(lines) != 2 ||
		lines[0] != "termlint: warning: changed.txt changed while it was being checked; its lines are not quoted" ||
		!strings.HasPrefix(lines[1], "termlint: warning: cannot read gone.txt again: ") {
		t.Errorf("standard error:\n%s", errOut)
	}
}

// TestScopeAllQuotesLines checks a few files with --scope all in the text
// format: the lines quoted are read again after checking, and are those
// of each finding.
func TestScopeAllQuotesLines(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.md": "# A\n\nWe do work on periphery affairs.\n\nMore work on periphery affairs.\n",
		"b.md": "# B\n\nThen periphery work, said the draft.\n",
	})
	t.Chdir(dir)
	ios, _, out, errOut := iostreams.Test()
	if code := run([]string{"check", "--no-config", "--scope", "all", "--fail-on", "none", "a.md", "b.md"}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "b.md:3:6: warning inconsistent:") || !strings.Contains(out.String(), "  | Then periphery work, said the draft.\n") {
		t.Errorf("output:\n%s", out)
	}
	if errOut.Len() > 0 {
		t.Errorf("standard error: %s", errOut)
	}
}
