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
	wanted := make(map[string][]int)
	want := func(path string, line int) {
		if _, ok := texts[path]; ok {
			wanted[path] = append(wanted[path], line)
		}
	}
	for _, f := range findings {
		want(f.File, f.Line)
		want(f.File, f.EndLine)
		for _, r := range f.Related {
			want(r.File, r.Line)
		}
	}
	if len(wanted) > 0 && e.lines == nil {
		e.lines = make(map[string]map[int][]byte)
	}
	for path, nums := range wanted {
		kept := e.lines[path]
		if kept == nil {
			kept = make(map[int][]byte)
			e.lines[path] = kept
		}
		slices.Sort(nums)
		text, line := texts[path], 1
		for _, n := range slices.Compact(nums) {
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
