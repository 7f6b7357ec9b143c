package printer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"

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

// Print implements Printer. It writes the findings one at a time, each
// indented as encoding/json indents the whole document, so that the
// output of a run with many findings is never held in memory.
func (JSON) Print(w io.Writer, r *Report) error {
	out := r.sorted()
	bw := bufio.NewWriterSize(w, writeBuffer)
	bw.WriteString("{\n  \"version\": " + strconv.Itoa(JSONVersion) + ",\n  \"findings\": [")
	// Each finding is an element of an array two levels deep.
	enc := newIndented("    ")
	for i, f := range out {
		if f.Suggestions == nil {
			f.Suggestions = []string{}
		}
		if f.Related == nil {
			f.Related = []checker.Related{}
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		if err := enc.encode(bw, f); err != nil {
			return err
		}
	}
	if len(out) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n  \"summary\": ")
	if err := newIndented("  ").encode(bw, checker.Summarize(r.Files, out)); err != nil {
		return err
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeBuffer is how much output a printer gathers before it writes.
const writeBuffer = 64 << 10

// indented encodes values as encoding/json's Encoder does inside a
// document indented by two spaces, where each line of the value starts
// with prefix, without HTML escapes.
type indented struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newIndented(prefix string) *indented {
	e := &indented{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	e.enc.SetIndent(prefix, "  ")
	return e
}

// encode writes v to w, without the newline an Encoder ends it with.
func (e *indented) encode(w io.Writer, v any) error {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")))
	return err
}
