package printer

import (
	"bytes"
	"encoding/xml"
	"io"
)

// Checkstyle prints Checkstyle XML, which CI plugins (Jenkins warnings,
// GitLab through converters) and reviewdog read: the files with findings,
// in order, each with one error element per finding. Columns count code
// points; the source names the rule as termlint.RULE.
type Checkstyle struct{}

type checkstyleXML struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Print implements Printer.
func (Checkstyle) Print(w io.Writer, r *Report) error {
	doc := checkstyleXML{Version: "4.3", Files: []checkstyleFile{}}
	for _, f := range r.sorted() { // sorted by file first, so a file's errors are together
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
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}
