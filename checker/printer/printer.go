// Package printer prints the findings of a termlint check run in every
// output format. As in ripgrep, finding and printing are separate pieces:
// the checker produces a Report's findings, and each format is a Printer
// behind one interface, looked up by name in a registry the CLI's --format
// flag is validated against.
//
// Positions in a checker.Finding are 1-based lines and Unicode code point
// columns; a printer whose consumer counts otherwise (rdjsonl counts UTF-8
// bytes) converts them with the report's texts.
package printer

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/termlint/termlint/checker"
)

// Report is what a check run hands to a printer.
type Report struct {
	// Files is how many files were checked.
	Files int
	// Findings are what the rules found. Printers print them in
	// checker.Sort order without reordering the slice.
	Findings []checker.Finding
	// Texts holds each checked file's decoded text by path, a --source
	// file's included: the text format quotes lines from it and formats
	// that count bytes convert columns with it (see Format.Texts). A
	// printer reads a text only at the lines findings start and end on
	// and the lines of their related locations, so a text may be cut down
	// to those lines, every other line left empty, and end after the last.
	Texts map[string][]byte
	// Rules are the rules the run knew, described in SARIF output; nil
	// means the rules a run without configuration runs
	// (checker.DefaultRules).
	Rules []*checker.Rule
	// Version is termlint's version, as SARIF's tool.driver.version.
	Version string
	// SourceRoot is the absolute directory SARIF's %SRCROOT% stands for,
	// the top of the git work tree checked or else the working
	// directory: SARIF locates files relative to it, as GitHub code
	// scanning wants them. Empty, paths are written as they are.
	SourceRoot string
	// WorkDir is the absolute directory the findings' relative paths
	// start from, the working directory; empty means SourceRoot.
	WorkDir string
}

// NewReport gathers a run's files and findings into a Report.
func NewReport(files []*checker.File, findings []checker.Finding, version string) *Report {
	return &Report{Files: len(files), Findings: findings, Texts: TextsOf(files...), Version: version}
}

// TextsOf maps the files' paths to their texts, a --source file's
// included, as Report.Texts holds them.
func TextsOf(files ...*checker.File) map[string][]byte {
	texts := make(map[string][]byte, len(files))
	for _, f := range files {
		texts[f.Path] = f.Text
		if f.ChineseText != nil {
			texts[f.ChinesePath] = f.ChineseText
		}
	}
	return texts
}

// sorted returns the findings in output order: the report's own when
// they are in it, as a run gives them, else a sorted copy.
func (r *Report) sorted() []checker.Finding {
	if slices.IsSortedFunc(r.Findings, compareFindings) {
		return r.Findings
	}
	out := slices.Clone(r.Findings)
	checker.Sort(out)
	return out
}

// compareFindings orders findings as checker.Sort does, for telling
// whether they are sorted: findings it calls equal keep their order.
func compareFindings(a, b checker.Finding) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), strings.Compare(a.Rule, b.Rule))
}

// rules returns the rules the report describes.
func (r *Report) rules() []*checker.Rule {
	if r.Rules == nil {
		return checker.DefaultRules()
	}
	return r.Rules
}

// Printer writes a Report in one output format. A printer writes as it
// goes, through a buffer, so that a large report's output is never held
// in memory whole; it fails only when writing fails.
type Printer interface {
	Print(w io.Writer, r *Report) error
}

// Options configure the printers a Format makes.
type Options struct {
	// Colors colour the text format; formats for machines ignore them.
	Colors TextColors
}

// Format is an output format --format can name.
type Format struct {
	Name string
	// Doc says in a few words what the format is for.
	Doc string
	// New makes the format's printer.
	New func(Options) Printer
	// Texts says whether the printer reads Report.Texts; the other
	// formats print a report without them.
	Texts bool
}

var formats = []Format{
	//lint:ignore S1016 Options will carry settings other printers read, which Text does not have.
	{"text", "for people: each finding with its line and the suggestion", func(o Options) Printer { return Text{Colors: o.Colors} }, true},
	{"json", "termlint's stable findings wire format", func(Options) Printer { return JSON{} }, false},
	{"sarif", "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers", func(Options) Printer { return SARIF{} }, false},
	{"github", "GitHub Actions workflow commands, shown as annotations", func(Options) Printer { return GitHub{} }, false},
	{"checkstyle", "Checkstyle XML, read by CI plugins and reviewdog", func(Options) Printer { return Checkstyle{} }, false},
	{"rdjsonl", "reviewdog's diagnostic format, one JSON object per line", func(Options) Printer { return RDJSONL{} }, true},
}

// Formats returns the output formats, text first.
func Formats() []Format { return slices.Clone(formats) }

// Lookup returns the format named name.
func Lookup(name string) (Format, bool) {
	i := slices.IndexFunc(formats, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return formats[i], true
}

// Names lists the formats' names for a message: "text, json or sarif".
func Names() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Usage describes the formats for a command's help, one per line.
func Usage() string {
	var b strings.Builder
	for _, f := range formats {
		fmt.Fprintf(&b, "  %-11s %s\n", f.Name, f.Doc)
	}
	return b.String()
}

// severityWord maps termlint's severities onto a format's three words.
func severityWord(s checker.Severity, errorWord, warningWord, infoWord string) string {
	switch s {
	case checker.SeverityError:
		return errorWord
	case checker.SeverityWarning:
		return warningWord
	}
	return infoWord
}

// message is a finding's message with its suggestions, for formats that
// show nothing else of a finding.
func message(f checker.Finding) string {
	if len(f.Suggestions) == 0 {
		return f.Message
	}
	return fmt.Sprintf("%s (use: %s)", f.Message, strings.Join(f.Suggestions, " or "))
}

// byteColumns converts code point columns into UTF-8 byte columns, from
// the texts of a report, indexing each file's lines once.
type byteColumns struct {
	texts   map[string][]byte
	lines   map[string][][]byte
	columns map[string]*lineColumns
}

func newByteColumns(texts map[string][]byte) *byteColumns {
	return &byteColumns{texts: texts, lines: make(map[string][][]byte), columns: make(map[string]*lineColumns)}
}

// column returns the 1-based UTF-8 byte column of the code point column
// col on line of the file at path. Past the line's end each column counts
// one byte; without the file's text the column is returned as it is.
func (b *byteColumns) column(path string, line, col int) int {
	text, ok := b.texts[path]
	if !ok || line < 1 {
		return col
	}
	lines, ok := b.lines[path]
	if !ok {
		lines = splitLines(text)
		b.lines[path] = lines
		b.columns[path] = new(lineColumns)
	}
	if line > len(lines) {
		return col
	}
	offset, past := b.columns[path].offset(line, lines[line-1], col-1)
	return offset + past + 1
}

// splitLines splits text into lines as checker positions count them: a
// line ends at "\n", which is kept, so a line's bytes count from its start.
func splitLines(text []byte) [][]byte {
	var lines [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			break
		}
		lines = append(lines, text[:i+1])
		text = text[i+1:]
	}
	return append(lines, text)
}
