package printer

import (
	"bufio"
	"encoding/xml"
	"io"

	"github.com/termlint/termlint/internal/escape"
)

// Checkstyle prints Checkstyle XML, which CI plugins (Jenkins warnings,
// GitLab through converters) and reviewdog read: the files with findings,
// in order, each with one error element per finding. Columns count code
// points; the source names the rule as termlint.RULE.
type Checkstyle struct{}

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

// xmlText escapes the control characters XML 1.0 cannot hold, which
// encoding/xml would turn into U+FFFD, as the text format shows them
// (\x1b); tabs and line breaks XML escapes itself, and a reader gets
// them back.
func xmlText(s string) string { return escape.Keeping(s, "\t\r\n") }

// Print implements Printer. Each file's element is encoded and written
// as its findings come, so that the document is never held whole.
func (Checkstyle) Print(w io.Writer, r *Report) error {
	b := bufio.NewWriterSize(w, writeBuffer)
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	root := xml.StartElement{Name: xml.Name{Local: "checkstyle"}, Attr: []xml.Attr{{Name: xml.Name{Local: "version"}, Value: "4.3"}}}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	var file checkstyleFile
	flush := func() error {
		if len(file.Errors) == 0 {
			return nil
		}
		return enc.EncodeElement(file, xml.StartElement{Name: xml.Name{Local: "file"}})
	}
	for _, f := range r.sorted() { // sorted by file first, so a file's errors are together
		if len(file.Errors) > 0 && file.Name != xmlText(f.File) {
			if err := flush(); err != nil {
				return err
			}
			file.Errors = file.Errors[:0]
		}
		file.Name = xmlText(f.File)
		file.Errors = append(file.Errors, checkstyleError{
			Line: f.Line, Column: f.Column,
			Severity: severityWord(f.Severity, "error", "warning", "info"),
			Message:  xmlText(message(f)),
			Source:   "termlint." + f.Rule,
		})
	}
	if err := flush(); err != nil {
		return err
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	b.WriteByte('\n')
	return b.Flush()
}
