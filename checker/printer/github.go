package printer

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/termlint/termlint/internal/escape"
)

// GitHub prints GitHub Actions workflow commands, one line per finding,
// which a workflow run shows as annotations on the files and lines:
//
//	::warning file=draft.md,line=5,col=25,endLine=5,endColumn=39,title=termlint inconsistent::message (use: suggestion)
//
// Info findings become notices. Columns count code points.
type GitHub struct{}

// Print implements Printer.
func (GitHub) Print(w io.Writer, r *Report) error {
	b := bufio.NewWriterSize(w, writeBuffer)
	for _, f := range r.sorted() {
		fmt.Fprintf(b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			severityWord(f.Severity, "error", "warning", "notice"),
			escapeProperty(f.File), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeProperty("termlint "+f.Rule), escapeData(message(f)))
	}
	return b.Flush()
}

// dataEscaper escapes a workflow command's message the way the Actions
// runner unescapes it, so a "%" or a line break cannot end or garble the
// command.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// propertyEscaper escapes a property value, in which ":" and "," would
// also end the value.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

// escapeData and escapeProperty escape by the runner's rules, after the
// control characters those rules leave raw (an escape sequence, a C1
// control) are made visible as the text format shows them.
func escapeData(s string) string     { return dataEscaper.Replace(escape.Keeping(s, "\t\r\n")) }
func escapeProperty(s string) string { return propertyEscaper.Replace(escape.Keeping(s, "\t\r\n")) }
