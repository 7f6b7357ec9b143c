package printer

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"testing"

	"github.com/termlint/termlint/checker"
)

// The printers write as they go; these are the documents they write,
// encoded whole as encoding/json and encoding/xml encode them.
// TestStreamingPrintersWriteTheWholeDocument compares the two.

func wholeJSON(r *Report) []byte {
	out := r.sorted()
	clone := make([]checker.Finding, len(out))
	for i, f := range out {
		if f.Suggestions == nil {
			f.Suggestions = []string{}
		}
		if f.Related == nil {
			f.Related = []checker.Related{}
		}
		clone[i] = f
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Version  int               `json:"version"`
		Findings []checker.Finding `json:"findings"`
		Summary  checker.Summary   `json:"summary"`
	}{JSONVersion, clone, checker.Summarize(r.Files, clone)}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func wholeSARIF(r *Report) []byte {
	run := newSARIFRun(r)
	fingerprints := newFingerprints()
	for _, f := range r.sorted() {
		run.Results = append(run.Results, newSARIFResult(run, r, f, fingerprints))
	}
	log := newSARIFLog(run)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func wholeCheckstyle(r *Report) []byte {
	type document struct {
		XMLName xml.Name         `xml:"checkstyle"`
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}
	doc := document{Version: "4.3", Files: []checkstyleFile{}}
	for _, f := range r.sorted() {
		if n := len(doc.Files); n == 0 || doc.Files[n-1].Name != f.File {
			doc.Files = append(doc.Files, checkstyleFile{Name: f.File})
		}
		file := &doc.Files[len(doc.Files)-1]
		file.Errors = append(file.Errors, checkstyleError{
			Line: f.Line, Column: f.Column,
			Severity: severityWord(f.Severity, "error", "warning", "info"),
			Message:  message(f),
			Source:   "termlint." + f.Rule,
		})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// streamReports are reports of no finding, one, and many over several
// files, out of order, with text JSON and XML must escape.
func streamReports() map[string]*Report {
	awkward := checker.Finding{
		Rule: "deprecated", Severity: checker.SeverityError, File: "dir/a&b<c>.md", Line: 3, Column: 5, EndLine: 4, EndColumn: 2,
		Text: "OBOR\u2028x", Concept: "yidai-yilu", ZH: "一带一路", Rendering: "OBOR", Fix: "B&R",
		Message:     "100% \"wrong\", <said> the 'editor' & left:\r\nsee\tbelow",
		Suggestions: []string{"Belt and Road", "<x>"},
		Related:     []checker.Related{{File: "z.md", Line: 1, Column: 2, Text: "a\"b"}, {File: "dir/a&b<c>.md", Line: 9, Column: 1}},
	}
	var many []checker.Finding
	for i := range 40 {
		f := awkward
		f.File = fmt.Sprintf("f%d.md", (i*7)%5)
		f.Line, f.EndLine = 40-i, 40-i
		f.Rule = []string{"inconsistent", "deprecated", "missing", "untranslated"}[i%4]
		f.Severity = []checker.Severity{checker.SeverityWarning, checker.SeverityInfo, checker.SeverityError}[i%3]
		if i%2 == 0 {
			f.Related, f.Suggestions, f.Fix = nil, nil, ""
		}
		many = append(many, f)
	}
	return map[string]*Report{
		"none":      {Files: 3, Version: "1.2.3"},
		"one":       {Files: 1, Findings: []checker.Finding{awkward}},
		"many":      {Files: 5, Findings: many, Version: "0.0.0-test"},
		"one rule":  {Files: 5, Findings: many, Rules: []*checker.Rule{checker.Deprecated}},
		"no rules?": {Files: 1, Findings: many[:3], Rules: []*checker.Rule{}},
	}
}

func TestStreamingPrintersWriteTheWholeDocument(t *testing.T) {
	printers := []struct {
		name  string
		p     Printer
		whole func(*Report) []byte
	}{
		{"json", JSON{}, wholeJSON},
		{"sarif", SARIF{}, wholeSARIF},
		{"checkstyle", Checkstyle{}, wholeCheckstyle},
	}
	for name, r := range streamReports() {
		for _, p := range printers {
			var got bytes.Buffer
			if err := p.p.Print(&got, r); err != nil {
				t.Fatal(err)
			}
			if want := p.whole(r); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s, report %q: streamed\n%s\nwhole\n%s", p.name, name, got.Bytes(), want)
			}
		}
	}
}
