// Package baseline records a run's findings in a file so that later runs
// report only new ones: how a team adopts termlint on a repository that
// already has hundreds of findings (termlint check --write-baseline, then
// --baseline).
//
// A baseline is JSON, one entry per finding on a line of its own, sorted
// by file and line, so that a refreshed baseline reads well in review:
//
//	{
//	  "version": 2,
//	  "findings": [
//	    {"file":"draft.md","rule":"deprecated","concept":"yidai-yilu","text":"One Belt, One Road","line":18,"context":"8c1f0b7e2d4a6f31"}
//	  ]
//	}
//
// A finding is in the baseline when an entry has its file, rule, concept
// and text: lines shift as a file is edited, so the line only decides
// which of several entries of one key a finding stands for. An entry
// whose file is gone follows the file's content instead: it hides a
// finding in another file with its rule, concept, text and context (a
// hash of the finding's line), so that renaming a file keeps its
// findings hidden (see Baseline.Match). Files are written relative to the
// baseline's directory, slash-separated, so that the baseline works from
// any working directory and on any system.
//
// Version 1, written before entries had a context, is still read; its
// entries match by path only until a refresh rewrites them.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/internal/atomicfile"
)

// Version is the version of the baseline format that Write writes; it
// changes when a field is added, removed or changes meaning, so that an
// older termlint, which rejects fields it does not know, says which
// version it cannot read rather than naming a field.
const Version = 2

// oldestVersion is the oldest format Read reads: version 1 lacks
// contexts, which are optional.
const oldestVersion = 1

// Entry is one recorded finding.
type Entry struct {
	// File is the finding's path relative to the baseline's directory,
	// slash-separated; "-" for standard input.
	File    string `json:"file"`
	Rule    string `json:"rule"`
	Concept string `json:"concept"`
	// Text is the finding's text with each run of white space made one
	// space, so that rewrapping a paragraph keeps it.
	Text string `json:"text"`
	// Line is where the finding was; it is not part of the key.
	Line int `json:"line"`
	// Context is the hash of the finding's line (HashLines) in
	// hexadecimal, "" when it is not known (version 1): what lets the
	// entry follow its file to a new name.
	Context string `json:"context,omitempty"`
}

// key is what a finding must share with an entry to be in the baseline.
type key struct{ file, rule, concept, text string }

func (e Entry) key() key { return key{e.File, e.Rule, e.Concept, e.Text} }

// Baseline is a set of recorded findings.
type Baseline struct {
	// Path is the baseline's file.
	Path string
	// Entries are sorted by file, line, rule, concept and text.
	Entries []Entry
	// dir is the absolute directory the entries' files are relative to.
	dir string
}

// New makes the baseline of findings to be stored at path. The findings'
// paths are as the user gave them: relative to the working directory, or
// absolute. Their contexts are taken from checked, which may be nil
// (no contexts).
func New(path string, findings []checker.Finding, checked *Checked) (*Baseline, error) {
	b := &Baseline{Path: path}
	if err := b.setDir(); err != nil {
		return nil, err
	}
	relative := b.relativizer()
	b.Entries = make([]Entry, len(findings))
	for i, f := range findings {
		b.Entries[i] = Entry{File: relative(f.File), Rule: f.Rule, Concept: f.Concept, Text: squeeze(f.Text), Line: f.Line,
			Context: checked.context(f)}
	}
	sortEntries(b.Entries)
	return b, nil
}

// setDir anchors the baseline at its file's directory.
func (b *Baseline) setDir() error {
	abs, err := filepath.Abs(filepath.Dir(b.Path))
	if err != nil {
		return err
	}
	b.dir = abs
	return nil
}

// relativizer returns a function turning a finding's path into an
// entry's. It asks for the working directory once: filepath.Abs asks for
// every path.
func (b *Baseline) relativizer() func(path string) string {
	wd, wdErr := os.Getwd()
	return func(path string) string {
		if path == "-" {
			return path
		}
		abs := filepath.Clean(path)
		if !filepath.IsAbs(abs) {
			if wdErr != nil {
				return filepath.ToSlash(path)
			}
			abs = filepath.Join(wd, path)
		}
		rel, err := filepath.Rel(b.dir, abs)
		if err != nil { // another volume
			return filepath.ToSlash(abs)
		}
		return filepath.ToSlash(rel)
	}
}

func squeeze(text string) string { return strings.Join(strings.Fields(text), " ") }

func sortEntries(entries []Entry) {
	slices.SortStableFunc(entries, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			strings.Compare(a.Rule, b.Rule), strings.Compare(a.Concept, b.Concept), strings.Compare(a.Text, b.Text))
	})
}

// Write records findings in a baseline at path, replacing the file
// whole, whatever it held; Refresh keeps what a run did not check.
func Write(path string, findings []checker.Finding, checked *Checked) (*Baseline, error) {
	b, err := New(path, findings, checked)
	if err != nil {
		return nil, err
	}
	return b, b.write()
}

// Refresh records findings in the baseline at path, keeping the entries
// of the old baseline there that the run could not have met: entries of
// files it did not check, unless the file is gone from under the paths
// it was given (the walk would have found it) or a finding of a renamed
// file took the entry. So checking part of a repository refreshes that
// part only. With no file at path, it writes a new one; a file that is
// not a baseline this termlint reads is an error, and is left as it is.
// It returns the new baseline and how many old entries it kept.
func Refresh(path string, findings []checker.Finding, checked *Checked) (b *Baseline, kept int, err error) {
	if isStream(path) {
		return nil, 0, fmt.Errorf("%s: %w", path, errNotFile)
	}
	b, err = New(path, findings, checked)
	if err != nil {
		return nil, 0, err
	}
	old, err := Read(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, 0, fmt.Errorf("%w; not a baseline this termlint reads, so it is left as it is", err)
	default:
		m := old.Match(findings, checked)
		for i, e := range old.Entries {
			if !m.replaced[i] {
				b.Entries = append(b.Entries, e)
				kept++
			}
		}
		sortEntries(b.Entries)
	}
	return b, kept, b.write()
}

// write writes the baseline to its file atomically (a temporary file
// renamed over it) so that a failed run leaves the old baseline whole. A
// device or pipe (/dev/stdout) is an error.
func (b *Baseline) write() error {
	var buf bytes.Buffer
	if err := b.Encode(&buf); err != nil {
		return err
	}
	if err := writeAtomic(b.Path, buf.Bytes()); err != nil {
		// atomicfile's errors name no file (not the temporary one).
		return fmt.Errorf("%s: %w", b.Path, err)
	}
	return nil
}

// errNotFile is the error for a baseline that would not be a file of
// its own: its paths are relative to its directory, and it is replaced
// whole, neither of which makes sense for /dev/stdout. (Written through
// a file of its own, standard output redirected to a file would also be
// overwritten by termlint's report.)
var errNotFile = errors.New("a baseline must be a regular file, not a device or pipe")

// isStream reports whether path names something other than a file to
// replace: a device or pipe, or anything under /dev (/dev/stdout leads,
// through /proc, to whatever standard output is, a regular file too).
func isStream(path string) bool {
	if abs, err := filepath.Abs(path); err == nil && strings.HasPrefix(abs, "/dev/") {
		return true
	}
	info, err := os.Stat(path)
	return err == nil && !info.Mode().IsRegular()
}

func writeAtomic(path string, data []byte) error {
	if isStream(path) {
		return errNotFile
	}
	return atomicfile.Write(path, data, 0o644)
}

// Encode writes the baseline in its file format.
func (b *Baseline) Encode(w io.Writer) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"findings\": [", Version)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i, e := range b.Entries {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		if err := enc.Encode(e); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	if len(b.Entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// Read reads the baseline at path. A missing or malformed file is an
// error; a malformed one names the place as path:line:col.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b, err := parse(path, data)
	if err != nil {
		return nil, err
	}
	if err := b.setDir(); err != nil {
		return nil, err
	}
	return b, nil
}

// parse decodes the baseline file name holds, checking each entry.
func parse(name string, data []byte) (*Baseline, error) {
	fail := func(offset int64, format string, args ...any) error {
		line, col := position(data, offset)
		return fmt.Errorf("%s:%d:%d: %s", name, line, col, fmt.Sprintf(format, args...))
	}
	var file struct {
		Version  *int              `json:"version"`
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			// Offset counts the bytes read, the bad one included; at the
			// end of the input, there is no bad byte to point at.
			off := syntax.Offset
			if off < int64(len(data)) {
				off = max(off-1, 0)
			}
			return nil, fail(off, "%v", syntax)
		case errors.As(err, &typ):
			return nil, fail(fieldOffset(data, typ.Field), "%s must be %s, not %s", cmp.Or(typ.Field, "the baseline"), jsonKind(typ.Type.Kind().String()), typ.Value)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if file.Version == nil {
		return nil, fail(0, "not a termlint baseline: no version")
	}
	if *file.Version < oldestVersion || *file.Version > Version {
		return nil, fail(fieldOffset(data, "version"), "baseline version %d; this termlint reads versions %d to %d", *file.Version, oldestVersion, Version)
	}
	if file.Findings == nil {
		return nil, fail(0, "not a termlint baseline: no findings list")
	}
	b := &Baseline{Path: name, Entries: make([]Entry, 0, len(file.Findings))}
	var offsets []int64 // found when an entry is bad
	for i, raw := range file.Findings {
		entryFail := func(offsetInEntry int64, format string, args ...any) error {
			if offsets == nil {
				offsets = entryOffsets(data)
			}
			if i < len(offsets) {
				offsetInEntry += offsets[i]
			}
			return fail(offsetInEntry, format, args...)
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		var e Entry
		if err := dec.Decode(&e); err != nil {
			var typ *json.UnmarshalTypeError
			if errors.As(err, &typ) {
				return nil, entryFail(fieldOffset(raw, typ.Field), "finding %d: %s must be %s, not %s", i+1, typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
			}
			return nil, entryFail(0, "finding %d: %v", i+1, strings.TrimPrefix(err.Error(), "json: "))
		}
		switch {
		case e.File == "":
			return nil, entryFail(0, "finding %d has no file", i+1)
		case e.Rule == "":
			return nil, entryFail(0, "finding %d has no rule", i+1)
		case e.Line < 1:
			return nil, entryFail(0, "finding %d has no line (lines start at 1)", i+1)
		}
		e.File, e.Text = path.Clean(e.File), squeeze(e.Text) // as written by hand: ./a.md, a line break
		b.Entries = append(b.Entries, e)
	}
	sortEntries(b.Entries)
	return b, nil
}

// jsonKind names a Go kind as JSON calls it.
func jsonKind(kind string) string {
	switch kind {
	case "int", "int64":
		return "a number"
	case "string":
		return "a string"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return kind
}

// fieldOffset is the offset of the first key named name in data (an
// UnmarshalTypeError's own offset is the end of the bad value), or 0.
func fieldOffset(data []byte, name string) int64 {
	if name == "" {
		return 0
	}
	quoted, _ := json.Marshal(name)
	return int64(max(bytes.Index(data, quoted), 0))
}

// entryOffsets returns where each element of the top-level "findings"
// list starts, so that a bad entry can be pointed at.
func entryOffsets(data []byte) []int64 {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		name, err := dec.Token()
		if err != nil {
			return nil
		}
		if name != "findings" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil
		}
		var offsets []int64
		for dec.More() {
			// InputOffset is where the previous token ended: skip the
			// comma and white space to the entry's first byte.
			off := dec.InputOffset()
			for off < int64(len(data)) && strings.IndexByte(", \t\r\n", data[off]) >= 0 {
				off++
			}
			offsets = append(offsets, off)
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return offsets
			}
		}
		return offsets
	}
	return nil
}

// position turns a byte offset into a 1-based line and a column counting
// code points.
func position(data []byte, offset int64) (line, col int) {
	offset = min(offset, int64(len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}
