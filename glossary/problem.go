package glossary

import (
	"fmt"
	"sort"
)

// Severity says whether a Problem makes a glossary unusable.
type Severity int

// Severities of problems.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong in a glossary, at a position in its file.
type Problem struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats p as "file:line:col: message", with "warning: " before
// the message of a warning.
func (p Problem) String() string {
	if p.Severity == Warning {
		return fmt.Sprintf("%s: warning: %s", p.Pos, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.Pos, p.Message)
}

// Problems is a list of problems, as Parse and Validate report them.
type Problems []Problem

func (ps *Problems) errorf(pos Pos, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (ps *Problems) warnf(pos Pos, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Errors counts the problems of severity Error.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders problems by file, line and column, keeping the order of
// problems at one position.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}
