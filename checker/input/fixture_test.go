package input

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The annotations of testdata/input fixtures, as its README.md describes.
var (
	wantRE   = regexp.MustCompile(`\bwant(?:\(([+-]\d+)\))?((?:\s+(?:checkable|masked)\s+"(?:[^"\\]|\\.)*"|\s+suppressed(?:\([^)]*\))?)+)`)
	clauseRE = regexp.MustCompile(`(checkable|masked)\s+("(?:[^"\\]|\\.)*")|suppressed(?:\(([^)]*)\))?`)
)

// expectation is one clause of an annotation.
type expectation struct {
	kind   string // checkable, masked, suppressed
	phrase string // or the names suppressed, comma-separated
	all    bool   // suppressed without names
	// annStart and annEnd are the annotation's bytes on its line, if that
	// is the line it is about.
	annStart, annEnd int
	line             int // the annotation's line
}

func TestFixtures(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "..", "testdata", "input", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		if filepath.Base(name) == "README.md" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		n++
		lf := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
		t.Run(filepath.Base(name), func(t *testing.T) { checkFixture(t, name, lf) })
		t.Run(filepath.Base(name)+"/crlf", func(t *testing.T) { checkFixture(t, name, crlf) })
	}
	if n < 10 {
		t.Errorf("found %d fixtures", n)
	}
}

func checkFixture(t *testing.T, name string, data []byte) {
	orig := bytes.Clone(data)
	d, err := Read(filepath.ToSlash(name), data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	checkInvariants(t, orig, d)
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	wants := map[int][]expectation{} // by line, from 1
	for i, line := range lines {
		for _, ann := range wantRE.FindAllSubmatchIndex(line, -1) {
			target := i + 1
			if ann[2] >= 0 {
				delta, _ := strconv.Atoi(string(line[ann[2]:ann[3]]))
				target += delta
			}
			for _, c := range clauseRE.FindAllSubmatch(line[ann[4]:ann[5]], -1) {
				e := expectation{kind: string(c[1]), annStart: -1, annEnd: -1, line: i + 1}
				if target == i+1 {
					e.annStart, e.annEnd = ann[0], ann[1]
				}
				switch {
				case e.kind != "":
					if e.phrase, err = strconv.Unquote(string(c[2])); err != nil || e.phrase == "" {
						t.Fatalf("line %d: bad phrase %s: %v", i+1, c[2], err)
					}
				case c[3] == nil:
					e.kind, e.all = "suppressed", true
				default:
					e.kind, e.phrase = "suppressed", string(c[3])
				}
				wants[target] = append(wants[target], e)
			}
		}
	}
	off := 0
	for i, line := range lines {
		n := i + 1
		var wantAll bool
		var wantNames []string
		for _, e := range wants[n] {
			if e.kind == "suppressed" {
				wantAll = wantAll || e.all
				for s := range strings.SplitSeq(e.phrase, ",") {
					if s = strings.TrimSpace(s); s != "" {
						wantNames = append(wantNames, s)
					}
				}
				continue
			}
			found := false
			for at := 0; ; {
				j := bytes.Index(line[at:], []byte(e.phrase))
				if j < 0 {
					break
				}
				start := at + j
				at = start + 1
				if start < e.annEnd && start+len(e.phrase) > e.annStart {
					continue // the annotation's own copy
				}
				found = true
				got := d.Masked[off+start : off+start+len(e.phrase)]
				switch e.kind {
				case "checkable":
					if !bytes.Equal(got, []byte(e.phrase)) {
						t.Errorf("line %d (want on line %d): %q is not checkable: masked as %q", n, e.line, e.phrase, got)
					}
				case "masked":
					if bytes.ContainsFunc(got, func(r rune) bool { return r != 0 && r != '\r' && r != '\n' }) {
						t.Errorf("line %d (want on line %d): %q is not masked: %q", n, e.line, e.phrase, got)
					}
				}
			}
			if !found {
				t.Errorf("line %d (want on line %d): %q does not occur outside the annotation", n, e.line, e.phrase)
			}
		}
		var gotAll bool
		var gotNames []string
		for _, s := range d.Suppressions {
			if n < s.FromLine || n > s.ToLine {
				continue
			}
			if len(s.Names) == 0 {
				gotAll = true
			}
			for _, name := range s.Names {
				if !slices.Contains(gotNames, name) {
					gotNames = append(gotNames, name)
				}
			}
		}
		slices.Sort(gotNames)
		slices.Sort(wantNames)
		blank := len(bytes.TrimSpace(line)) == 0 // cannot carry an annotation, nor a finding
		if !blank && (gotAll != wantAll || !slices.Equal(gotNames, wantNames)) {
			t.Errorf("line %d: suppressed all %v, names %q; want all %v, names %q\n\t%s", n, gotAll, gotNames, wantAll, wantNames, line)
		}
		off += len(line)
	}
}

// checkInvariants checks what every Document must hold: Text is the input
// unchanged, Masked has its length and keeps its line breaks, every byte
// left in Masked is the input's, and suppressions lie within the file.
func checkInvariants(t testing.TB, input []byte, d *Document) {
	t.Helper()
	if text, _, _ := Decode(input, ""); !bytes.Equal(d.Text, text) {
		t.Fatalf("Text differs from the decoded input")
	}
	checkSegments(t, d)
	if len(d.Masked) != len(d.Text) {
		t.Fatalf("len(Masked) = %d, len(Text) = %d", len(d.Masked), len(d.Text))
	}
	for i, c := range d.Masked {
		if o := d.Text[i]; c != 0 && c != o || (o == '\n' || o == '\r') && c != o {
			t.Fatalf("Masked[%d] = %q, Text[%d] = %q", i, c, i, o)
		}
	}
	lines := bytes.Count(d.Text, []byte("\n")) + 1
	if bytes.HasSuffix(d.Text, []byte("\n")) {
		lines--
	}
	lines = max(lines, 1)
	for _, s := range d.Suppressions {
		if s.FromLine < 1 || s.FromLine > s.ToLine || s.ToLine > lines {
			t.Fatalf("suppression %+v outside lines 1-%d", s, lines)
		}
	}
}

// checkSegments asserts what every reader's segments must satisfy: each
// span maps into its file, in order, and an exact piece is the file's own
// bytes.
func checkSegments(t testing.TB, d *Document) {
	t.Helper()
	_, chinese := d.ChineseSource()
	for i, seg := range d.Segments {
		for _, side := range []struct {
			name string
			span Span
			file []byte
		}{{"Chinese", seg.Chinese, chinese}, {"English", seg.English, d.Text}} {
			at, off := 0, 0
			for _, p := range side.span.pieces {
				if p.at != at || p.off < off || p.off+p.fileN > len(side.file) || p.n <= 0 {
					t.Fatalf("segment %d (%s): piece %+v out of order or outside the file (len %d)", i, side.name, p, len(side.file))
				}
				if p.exact && !bytes.Equal(side.span.Text[p.at:p.at+p.n], side.file[p.off:p.off+p.fileN]) {
					t.Fatalf("segment %d (%s): exact piece %+v differs from the file", i, side.name, p)
				}
				at, off = p.at+p.n, p.off+p.fileN
			}
			if at != len(side.span.Text) {
				t.Fatalf("segment %d (%s): pieces cover %d of %d bytes", i, side.name, at, len(side.span.Text))
			}
		}
	}
}
