package checker_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/input"
)

// fuzzFormats are the formats FuzzCheck reads its input as, picked by the
// input's first byte.
var fuzzFormats = []input.Format{
	input.Markdown, input.PlainText, input.HTML, input.PO, input.CSV, input.TSV, input.TMX, input.XLIFF,
}

// FuzzCheck runs the whole engine — a reader, both matchers and every
// rule in both scopes, with and without a house style — on arbitrary
// input in every format, and asserts what a user and --fix rely on:
// nothing panics; every finding names the file and lies inside it, its
// text is the file's text at its span and its line and column are that
// span's; and checking the same input again gives the same findings.
func FuzzCheck(f *testing.F) {
	for _, pattern := range []string{"examples/*", "check/*.md", "bilingual/*/*", "input/*"} {
		names, _ := filepath.Glob(filepath.Join("..", "testdata", pattern))
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			format := input.FormatOf(name)
			for i, ff := range fuzzFormats {
				if ff == format {
					f.Add(byte(i), data)
				}
			}
		}
	}
	for i, s := range []string{
		"The Belt and Road Initiative and the One Belt, One Road initiative.",
		"周边外交\n\nPeriphery diplomacy and neighborhood diplomacy.\n",
		"zh,en\n周边外交,periphery diplomacy\n命运共同体,community of common destiny\n",
		"The BRI's *Belt and\nRoad* and `Belt and Road`\r\n\r\nneighbourhood diplomacy",
	} {
		f.Add(byte(i), []byte(s))
	}
	c := checker.New(mustLoad(termlint.DefaultInput()))
	f.Fuzz(func(t *testing.T, format byte, data []byte) {
		opts := input.Options{Format: fuzzFormats[int(format)%len(fuzzFormats)]}
		first := fuzzCheckOnce(t, c, opts, data)
		if again := fuzzCheckOnce(t, c, opts, data); !reflect.DeepEqual(first, again) {
			t.Fatalf("a second check found something else:\n%+v\nthen\n%+v", first, again)
		}
	})
}

// fuzzCheckOnce reads and checks data, asserts the findings' invariants
// and returns them, one list per scope and style.
func fuzzCheckOnce(t *testing.T, c *checker.Checker, opts input.Options, data []byte) [][]checker.Finding {
	const name = "fuzz"
	doc, err := input.ReadWith(name, bytes.Clone(data), opts)
	if err != nil {
		return nil // a clear error is fine; input's own fuzz targets check it
	}
	var all [][]checker.Finding
	for _, scope := range []checker.Scope{checker.ScopeFile, checker.ScopeAll} {
		for _, style := range []string{"", "official", "literal"} {
			findings, err := c.Check([]*checker.File{c.Scan(doc)}, checker.Options{Scope: scope, Style: style})
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range findings {
				checkFindingSpan(t, doc, fd)
			}
			all = append(all, findings)
		}
	}
	return all
}

// checkFindingSpan asserts that a finding lies inside its file and
// describes the span it points at.
func checkFindingSpan(t *testing.T, doc *input.Document, fd checker.Finding) {
	t.Helper()
	text := doc.Text
	if fd.File != doc.Path {
		t.Fatalf("finding in %q for a file named %q", fd.File, doc.Path)
	}
	if fd.Offset < 0 || fd.Offset > fd.EndOffset || fd.EndOffset > len(text) {
		t.Fatalf("%s finding at bytes %d-%d of a %d-byte file", fd.Rule, fd.Offset, fd.EndOffset, len(text))
	}
	if got := string(text[fd.Offset:fd.EndOffset]); got != fd.Text {
		t.Fatalf("%s finding's text is %q, the file has %q at its span", fd.Rule, fd.Text, got)
	}
	line, col := position(text, fd.Offset)
	endLine, endCol := position(text, fd.EndOffset)
	if fd.Line != line || fd.Column != col || fd.EndLine != endLine || fd.EndColumn != endCol {
		t.Fatalf("%s finding %q at %d:%d-%d:%d, its span is at %d:%d-%d:%d",
			fd.Rule, fd.Text, fd.Line, fd.Column, fd.EndLine, fd.EndColumn, line, col, endLine, endCol)
	}
}

// position returns the 1-based line and column, in code points, of a byte
// offset: lines end at "\n".
func position(text []byte, offset int) (line, col int) {
	start := bytes.LastIndexByte(text[:offset], '\n') + 1
	return bytes.Count(text[:offset], []byte("\n")) + 1, utf8.RuneCount(text[start:offset]) + 1
}
