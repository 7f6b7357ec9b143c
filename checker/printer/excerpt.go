package printer

import (
	"bytes"
	"slices"

	"github.com/termlint/termlint/checker"
)

// Excerpts gathers, file by file, the lines of checked texts that printing
// their findings reads: the lines each finding starts and ends on and the
// lines of its related locations. A run that checks each file as soon as
// it is read can drop the file and keep these, and its report then prints
// in every format as if it had kept the whole texts (see Report.Texts).
// The zero value is ready to use.
type Excerpts struct {
	// lines holds copies of the lines kept, by path and 1-based line
	// number, without their "\n".
	lines map[string]map[int][]byte
}

// Add keeps the lines of texts, by path as in Report.Texts, that printing
// findings reads. Findings and related locations in a file texts lacks
// are left out, as a printer leaves them without a text. The lines are
// copied, so the excerpts hold none of the texts' memory.
func (e *Excerpts) Add(texts map[string][]byte, findings []checker.Finding) {
	for path, lines := range WantedLines(findings) {
		if text, ok := texts[path]; ok {
			e.AddLines(path, text, lines)
		}
	}
}

// WantedLines lists, by path, the lines printing findings reads: the lines
// each finding starts and ends on and the lines of its related locations,
// in order, each once.
func WantedLines(findings []checker.Finding) map[string][]int {
	wanted := make(map[string][]int)
	for _, f := range findings {
		wanted[f.File] = append(wanted[f.File], f.Line, f.EndLine)
		for _, r := range f.Related {
			wanted[r.File] = append(wanted[r.File], r.Line)
		}
	}
	for path, nums := range wanted {
		slices.Sort(nums)
		wanted[path] = slices.Clip(slices.Compact(nums))
	}
	return wanted
}

// AddLines keeps copies of lines of text, the text of the file at path:
// lines are 1-based line numbers in increasing order. A line the text
// does not reach is left out.
func (e *Excerpts) AddLines(path string, text []byte, lines []int) {
	if len(lines) == 0 {
		return
	}
	if e.lines == nil {
		e.lines = make(map[string]map[int][]byte)
	}
	kept := e.lines[path]
	if kept == nil {
		kept = make(map[int][]byte)
		e.lines[path] = kept
	}
	line := 1
	for _, n := range lines {
		// Walk to line n, which the text may not reach.
		for ; line < n && text != nil; line++ {
			i := bytes.IndexByte(text, '\n')
			if i < 0 {
				text = nil
				break
			}
			text = text[i+1:]
		}
		if line != n || text == nil || kept[n] != nil {
			continue
		}
		end := bytes.IndexByte(text, '\n')
		if end < 0 {
			end = len(text)
		}
		kept[n] = append([]byte{}, text[:end]...)
	}
}

// Texts returns the excerpts as texts for Report.Texts: each path's kept
// lines at their line numbers, the lines between them empty, ending after
// the last line kept.
func (e *Excerpts) Texts() map[string][]byte {
	texts := make(map[string][]byte, len(e.lines))
	for path, kept := range e.lines {
		last, size := 0, 0
		for n, line := range kept {
			last, size = max(last, n), size+len(line)
		}
		text := make([]byte, 0, size+last)
		for n := 1; n <= last; n++ {
			if n > 1 {
				text = append(text, '\n')
			}
			text = append(text, kept[n]...)
		}
		texts[path] = text
	}
	return texts
}
