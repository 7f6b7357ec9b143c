package printer

import (
	"bufio"
	"encoding/json"
	"io"
)

// RDJSONL prints the Reviewdog Diagnostic Format as JSON Lines, one
// Diagnostic message per finding, for reviewdog -f=rdjsonl. The format's
// columns count UTF-8 bytes (reviewdog.proto, Position.column), so they are
// converted from the findings' code points with the report's texts. A
// finding's Fix becomes a suggestion replacing its span.
type RDJSONL struct{}

// The messages of reviewdog.proto, with its field names.
type (
	rdDiagnostic struct {
		Message          string      `json:"message"`
		Location         rdLocation  `json:"location"`
		Severity         string      `json:"severity"`
		Source           rdSource    `json:"source"`
		Code             rdCode      `json:"code"`
		Suggestions      []rdSuggest `json:"suggestions,omitempty"`
		RelatedLocations []rdRelated `json:"related_locations,omitempty"`
	}
	rdLocation struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	}
	rdRange struct {
		Start rdPosition  `json:"start"`
		End   *rdPosition `json:"end,omitempty"`
	}
	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	rdSource struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	rdCode struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	}
	rdSuggest struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}
	rdRelated struct {
		Message  string     `json:"message"`
		Location rdLocation `json:"location"`
	}
)

// Print implements Printer.
func (RDJSONL) Print(w io.Writer, r *Report) error {
	cols := newByteColumns(r.Texts)
	b := bufio.NewWriterSize(w, writeBuffer)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	for _, f := range r.sorted() {
		span := rdRange{
			Start: rdPosition{f.Line, cols.column(f.File, f.Line, f.Column)},
			End:   &rdPosition{f.EndLine, cols.column(f.File, f.EndLine, f.EndColumn)},
		}
		d := rdDiagnostic{
			Message:  message(f),
			Location: rdLocation{Path: f.File, Range: span},
			Severity: severityWord(f.Severity, "ERROR", "WARNING", "INFO"),
			Source:   rdSource{Name: "termlint", URL: informationURI},
			Code:     rdCode{Value: f.Rule, URL: rulesURI},
		}
		if f.Fix != "" {
			d.Suggestions = []rdSuggest{{Range: span, Text: f.Fix}}
		}
		for _, rel := range f.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{
				Message:  rel.Text,
				Location: rdLocation{Path: rel.File, Range: rdRange{Start: rdPosition{rel.Line, cols.column(rel.File, rel.Line, rel.Column)}}},
			})
		}
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return b.Flush()
}
