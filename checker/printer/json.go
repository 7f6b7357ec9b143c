package printer

import (
	"encoding/json"
	"io"

	"github.com/termlint/termlint/checker"
)

// JSONVersion is the version of the findings wire format; it changes only
// when a field is removed or changes meaning.
const JSONVersion = 1

// JSON prints findings in the wire format, in stable order:
//
//	{"version": 1, "findings": [...], "summary": {...}}
//
// Empty lists are written as [], never null, so consumers need no guard.
type JSON struct{}

// Print implements Printer.
func (JSON) Print(w io.Writer, r *Report) error {
	out := r.sorted()
	for i := range out {
		if out[i].Suggestions == nil {
			out[i].Suggestions = []string{}
		}
		if out[i].Related == nil {
			out[i].Related = []checker.Related{}
		}
	}
	// An Encoder builds its whole output before it writes it, in one
	// Write: a buffer here would only hold the output once more.
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Version  int               `json:"version"`
		Findings []checker.Finding `json:"findings"`
		Summary  checker.Summary   `json:"summary"`
	}{JSONVersion, out, checker.Summarize(r.Files, out)})
}
