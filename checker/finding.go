// Package checker is termlint's engine: it turns read documents into
// findings about the renderings of glossary terms. A Checker compiles a
// glossary once (package match); Scan finds the occurrences in an
// input.Document; Check runs the Rules over the files of each scope into
// Findings, which package printer prints in every output format (the JSON
// one is the stable wire format Finding's field tags define).
package checker

import "sort"

// Severity is how much a finding matters; --fail-on compares against it.
type Severity string

// The severities, most serious first.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Finding is one thing a rule reports at a span of a file. Lines and
// columns are 1-based; columns count Unicode code points; the end is
// exclusive.
type Finding struct {
	Rule      string   `json:"rule"`
	Severity  Severity `json:"severity"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	// Text is the file's text at the span, as written.
	Text string `json:"text"`
	// Concept is the glossary id of the concept found; ZH its Chinese.
	Concept string `json:"concept"`
	ZH      string `json:"zh"`
	// Rendering is the glossary rendering Text is a form of.
	Rendering   string   `json:"rendering"`
	Suggestions []string `json:"suggestions"`
	// Fix, when set, is what replaces Text to apply the finding's one
	// unambiguous suggestion, in Text's case and number ("Communities with
	// a shared future" for "Communities of common destiny"); --fix
	// applies it.
	Fix     string    `json:"fix,omitempty"`
	Message string    `json:"message"`
	Related []Related `json:"related"`
	// Offset and EndOffset are the span's byte offsets in the file's
	// decoded text (input.Document.Text), for edits; they are not part of
	// the wire format, which gives lines and columns.
	Offset    int `json:"-"`
	EndOffset int `json:"-"`
}

// Related points at another place that explains a finding, such as the
// first use of the majority rendering.
type Related struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Text   string `json:"text"`
}

// Summary counts what a run checked and found.
type Summary struct {
	Files    int `json:"files"`
	Findings int `json:"findings"`
	Error    int `json:"error"`
	Warning  int `json:"warning"`
	Info     int `json:"info"`
}

// Summarize counts findings by severity over a run of files.
func Summarize(files int, findings []Finding) Summary {
	s := Summary{Files: files, Findings: len(findings)}
	for _, f := range findings {
		switch f.Severity {
		case SeverityError:
			s.Error++
		case SeverityWarning:
			s.Warning++
		case SeverityInfo:
			s.Info++
		}
	}
	return s
}

// Sort puts findings in their stable output order: file, line, column,
// then rule.
func Sort(findings []Finding) {
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}
