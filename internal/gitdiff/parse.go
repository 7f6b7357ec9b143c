// Package gitdiff finds the lines of a git working tree that changed since
// a revision, so that termlint check --diff-base reports only what a pull
// request touched. Parse reads the output of git diff --unified=0; Load
// runs git and adds the untracked files.
package gitdiff

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// File is what changed in one file of the new tree.
type File struct {
	// Path is the file's repository-relative, slash-separated path in the
	// new tree; OldPath its path in the old tree, which differs for a
	// rename or copy and is "" for a new file.
	Path, OldPath string
	// Whole marks a file every line of which counts as changed: a new
	// file, an untracked one, or one git shows as binary (git has no
	// lines for it, but termlint may read it, as UTF-16 say).
	Whole bool
	// Lines are the new file's changed lines, 1-based inclusive ranges
	// in order.
	Lines []Range
	// Cuts are the places where lines were deleted: Cuts holding n means
	// old lines were removed between new lines n and n+1 (0: before the
	// first line).
	Cuts []int
}

// Range is a run of lines, 1-based, both ends included.
type Range struct{ Start, End int }

// Touches reports whether a span of the file from line first to line last
// (inclusive) touches a change: it holds a changed line, or it crosses a
// deletion, holding the lines on both sides of it. A span merely next to
// a deletion does not count: removing a line changes nothing in the lines
// around it, while a phrase that now runs across the gap (a paragraph
// rejoined) is new text.
func (f *File) Touches(first, last int) bool {
	if f.Whole {
		return true
	}
	for _, r := range f.Lines {
		if r.Start <= last && first <= r.End {
			return true
		}
	}
	for _, n := range f.Cuts {
		if first <= n && n+1 <= last {
			return true
		}
	}
	return false
}

// Parse reads the output of git diff --unified=0 (with the default a/ and
// b/ prefixes; --find-renames and quoted paths understood) and returns
// the files that exist in the new tree with their changed lines. Deleted
// files, whose lines no finding can be on, are left out; so are files
// whose content did not change (a pure rename, a mode change).
func Parse(diff []byte) ([]*File, error) {
	var files []*File
	var cur *File
	deleted := false
	// minus and plus count the lines the current hunk still has to show.
	minus, plus := 0, 0
	finish := func() {
		if cur != nil && !deleted && cur.Path != "" && (cur.Whole || len(cur.Lines) > 0 || len(cur.Cuts) > 0) {
			files = append(files, cur)
		}
		cur, deleted = nil, false
	}
	for n, line := range bytes.Split(diff, []byte("\n")) {
		s := string(line)
		lineNo := n + 1
		if minus > 0 || plus > 0 {
			// Inside a hunk: count its lines, whatever they hold (a
			// removed "-- x" shows as "--- x").
			switch {
			case strings.HasPrefix(s, "-") && minus > 0:
				minus--
			case strings.HasPrefix(s, "+") && plus > 0:
				plus--
			case strings.HasPrefix(s, `\`): // \ No newline at end of file
			default:
				return nil, fmt.Errorf("line %d: hunk ends early (%d removed and %d added lines missing)", lineNo, minus, plus)
			}
			continue
		}
		switch {
		case strings.HasPrefix(s, "diff --git "):
			finish()
			cur = &File{}
			old, new, err := headerPaths(strings.TrimPrefix(s, "diff --git "))
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			cur.OldPath, cur.Path = old, new
		case cur == nil, strings.HasPrefix(s, `\`):
			// Text before the first file, or a "\ No newline" after a
			// hunk's last line.
		case strings.HasPrefix(s, "new file mode"):
			cur.OldPath = ""
			cur.Whole = true
		case strings.HasPrefix(s, "deleted file mode"):
			deleted = true
		case strings.HasPrefix(s, "rename from "), strings.HasPrefix(s, "copy from "):
			p, err := unquote(s[strings.Index(s, "from ")+len("from "):])
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			cur.OldPath = p
		case strings.HasPrefix(s, "rename to "), strings.HasPrefix(s, "copy to "):
			p, err := unquote(s[strings.Index(s, "to ")+len("to "):])
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			cur.Path = p
		case strings.HasPrefix(s, "Binary files "), s == "GIT binary patch":
			cur.Whole = true
		case strings.HasPrefix(s, "--- "):
			p, err := diffPath(s[len("--- "):], "a/")
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			if p != "" {
				cur.OldPath = p
			}
		case strings.HasPrefix(s, "+++ "):
			p, err := diffPath(s[len("+++ "):], "b/")
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			if p == "" {
				deleted = true
			} else {
				cur.Path = p
			}
		case strings.HasPrefix(s, "@@ "):
			h, err := parseHunk(s)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			minus, plus = h.oldCount, h.newCount
			if h.newCount == 0 {
				cur.Cuts = append(cur.Cuts, h.newStart)
			} else {
				cur.Lines = append(cur.Lines, Range{h.newStart, h.newStart + h.newCount - 1})
			}
		}
	}
	if minus > 0 || plus > 0 {
		return nil, fmt.Errorf("the diff ends inside a hunk")
	}
	finish()
	return files, nil
}

type hunk struct{ oldStart, oldCount, newStart, newCount int }

// parseHunk reads "@@ -a[,b] +c[,d] @@ section"; a missing count is 1.
func parseHunk(s string) (hunk, error) {
	fields := strings.Fields(s)
	if len(fields) < 4 || fields[3] != "@@" || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return hunk{}, fmt.Errorf("bad hunk header %q", s)
	}
	var h hunk
	var err1, err2 error
	h.oldStart, h.oldCount, err1 = lineRange(fields[1][1:])
	h.newStart, h.newCount, err2 = lineRange(fields[2][1:])
	if err1 != nil || err2 != nil {
		return hunk{}, fmt.Errorf("bad hunk header %q", s)
	}
	return h, nil
}

func lineRange(s string) (start, count int, err error) {
	startText, countText, hasCount := strings.Cut(s, ",")
	if start, err = strconv.Atoi(startText); err != nil || start < 0 {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(countText); err != nil || count < 0 {
			return 0, 0, fmt.Errorf("bad range %q", s)
		}
	}
	return start, count, nil
}

// diffPath reads the name on a "--- " or "+++ " line: "/dev/null" (returned
// as ""), or prefix and the path, quoted when it holds special characters
// and followed by a tab when it holds a space.
func diffPath(s, prefix string) (string, error) {
	s = strings.TrimSuffix(s, "\t")
	if s == "/dev/null" {
		return "", nil
	}
	p, err := unquote(s)
	if err != nil {
		return "", err
	}
	if !strings.HasPrefix(p, prefix) {
		return "", fmt.Errorf("path %q does not start with %s", p, prefix)
	}
	return p[len(prefix):], nil
}

// headerPaths reads the two paths of "diff --git a/OLD b/NEW". Unquoted
// paths may hold spaces, so without quotes the line is split where the
// two halves name the same file; a rename's names come from its "rename
// from" and "rename to" lines, or its ---/+++ lines, instead.
func headerPaths(s string) (old, new string, err error) {
	if strings.HasPrefix(s, `"`) || strings.HasSuffix(s, `"`) {
		parts, err := splitQuoted(s)
		if err != nil {
			return "", "", err
		}
		if len(parts) != 2 || !strings.HasPrefix(parts[0], "a/") || !strings.HasPrefix(parts[1], "b/") {
			return "", "", fmt.Errorf("bad diff header %q", s)
		}
		return parts[0][2:], parts[1][2:], nil
	}
	if half := (len(s) - 1) / 2; len(s)%2 == 1 && strings.HasPrefix(s, "a/") && s[half:half+3] == " b/" && s[2:half] == s[half+3:] {
		return s[2:half], s[half+3:], nil
	}
	// A rename with unquoted names: the later lines say which is which.
	return "", "", nil
}

// splitQuoted splits the two names of a diff header, either of which may
// be quoted.
func splitQuoted(s string) ([]string, error) {
	var parts []string
	for s != "" {
		s = strings.TrimLeft(s, " ")
		if strings.HasPrefix(s, `"`) {
			end := closingQuote(s)
			if end < 0 {
				return nil, fmt.Errorf("unterminated quoted path in %q", s)
			}
			p, err := unquote(s[:end+1])
			if err != nil {
				return nil, err
			}
			parts = append(parts, p)
			s = s[end+1:]
			continue
		}
		// An unquoted name beside a quoted one has no special
		// characters, so no spaces either.
		word, rest, _ := strings.Cut(s, " ")
		parts = append(parts, word)
		s = rest
	}
	return parts, nil
}

func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// unquote undoes git's C-style quoting of a path ("a/\344\270\255.md",
// "a/say \"hi\".md"); a path without quotes is returned as it is.
func unquote(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return s, nil
	}
	if len(s) < 2 || !strings.HasSuffix(s, `"`) {
		return "", fmt.Errorf("bad quoted path %s", s)
	}
	body := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(body) {
			return "", fmt.Errorf("bad quoted path %s", s)
		}
		switch c = body[i]; c {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case '"', '\\':
			b.WriteByte(c)
		case '0', '1', '2', '3':
			if i+3 > len(body) {
				return "", fmt.Errorf("bad quoted path %s", s)
			}
			v, err := strconv.ParseUint(body[i:i+3], 8, 8)
			if err != nil {
				return "", fmt.Errorf("bad quoted path %s", s)
			}
			b.WriteByte(byte(v))
			i += 2
		default:
			return "", fmt.Errorf("bad quoted path %s", s)
		}
	}
	return b.String(), nil
}
