package printer_test

import (
	"bytes"
	"testing"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/printer"
)

// printReport prints r in format, failing the test on an error.
func printReport(t *testing.T, format printer.Format, r *printer.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := format.New(printer.Options{}).Print(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestExcerptsPrintLikeTexts prints the fixtures' report from excerpts
// instead of whole texts: every format must print the same, though the
// excerpts keep only the lines findings point at.
func TestExcerptsPrintLikeTexts(t *testing.T) {
	report := fixtureReport(t)
	var ex printer.Excerpts
	// Added one finding at a time, as a run adds file after file, and
	// twice, as when two inputs have one path.
	for i := range report.Findings {
		ex.Add(report.Texts, report.Findings[i:i+1])
	}
	ex.Add(report.Texts, report.Findings)
	cut := *report
	cut.Texts = ex.Texts()
	for _, format := range printer.Formats() {
		if got, want := printReport(t, format, &cut), printReport(t, format, report); got != want {
			t.Errorf("%s from excerpts:\n%s\nfrom texts:\n%s", format.Name, got, want)
		}
	}
	kept, emptied := 0, 0
	for path, text := range report.Texts {
		lines := bytes.Split(text, []byte("\n"))
		excerpt, ok := cut.Texts[path]
		if !ok {
			continue
		}
		for i, line := range bytes.Split(excerpt, []byte("\n")) {
			switch {
			case len(line) == 0 && len(lines[i]) > 0:
				emptied++
			case !bytes.Equal(line, lines[i]):
				t.Errorf("%s line %d: excerpt %q, text %q", path, i+1, line, lines[i])
			default:
				kept++
			}
		}
	}
	if kept == 0 || emptied == 0 {
		t.Errorf("excerpts kept %d lines and emptied %d: want some of each", kept, emptied)
	}
}

// TestFormatTexts checks each format's Texts flag: a format without it
// prints the same without texts, one with it does not.
func TestFormatTexts(t *testing.T) {
	report := fixtureReport(t)
	bare := *report
	bare.Texts = nil
	for _, format := range printer.Formats() {
		same := printReport(t, format, &bare) == printReport(t, format, report)
		if same == format.Texts {
			t.Errorf("%s: Texts is %v, but printing without texts changes the output: %v", format.Name, format.Texts, !same)
		}
	}
}

func TestExcerptsOfLinesPastTheEnd(t *testing.T) {
	// A finding may end at the end of a text that ends in a newline: on
	// the line after the last, which is empty.
	texts := map[string][]byte{"a.txt": []byte("one\ntwo\n"), "b.txt": []byte("x")}
	var ex printer.Excerpts
	ex.Add(texts, findingsAt("a.txt", 2, 3, 7, "b.txt", 1, 4, "c.txt", 1))
	got := ex.Texts()
	if string(got["a.txt"]) != "\ntwo\n" {
		t.Errorf("a.txt excerpt %q, want %q", got["a.txt"], "\ntwo\n")
	}
	if string(got["b.txt"]) != "x" {
		t.Errorf("b.txt excerpt %q, want %q", got["b.txt"], "x")
	}
	if _, ok := got["c.txt"]; ok {
		t.Error("an excerpt of a path without a text")
	}
}

// findingsAt makes one finding per path and line pair given as path,
// line, line, ...: each number after a path is a finding on that line.
func findingsAt(args ...any) []checker.Finding {
	var out []checker.Finding
	path := ""
	for _, a := range args {
		switch v := a.(type) {
		case string:
			path = v
		case int:
			out = append(out, checker.Finding{File: path, Line: v, EndLine: v})
		}
	}
	return out
}
