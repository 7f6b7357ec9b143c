package fix_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint"
	"github.com/termlint/termlint/checker"
	"github.com/termlint/termlint/checker/fix"
	"github.com/termlint/termlint/checker/input"
	"github.com/termlint/termlint/glossary"
	"github.com/termlint/termlint/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/fix")

func defaultChecker(t testing.TB) *checker.Checker {
	t.Helper()
	g, problems := termlint.LoadDefault()
	if g == nil {
		t.Fatalf("default glossary: %v", problems)
	}
	return checker.New(g)
}

var (
	// want-skip "TEXT" "REASON", in any comment: a finding at TEXT whose
	// fix is not applied, for a reason matching the regexp REASON (both
	// Go strings). Every skip must be wanted.
	wantSkip = regexp.MustCompile(`want-skip ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")`)
	// fix-glossary: NAME, in a comment: the fixture is fixed with the
	// glossary testdata/fix/glossary/NAME, not the default one, so that
	// it can hold the renderings it needs and does not change with
	// terms.yaml.
	fixGlossary = regexp.MustCompile(`fix-glossary: (\S+)`)
)

// fixtureChecker returns the checker a fixture is fixed with: the default
// glossary's, c, unless the fixture names its own (fix-glossary).
func fixtureChecker(t *testing.T, c *checker.Checker, text []byte) *checker.Checker {
	t.Helper()
	m := fixGlossary.FindSubmatch(text)
	if m == nil {
		return c
	}
	path := filepath.Join("../../testdata/fix/glossary", string(m[1]))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, problems := glossary.Load([]glossary.Input{{Name: path, Data: data}}, glossary.ValidateOptions{})
	if g == nil {
		t.Fatalf("%s: %v", path, problems)
	}
	return checker.New(g)
}

// readFixture reads testdata/fix/NAME (any format, read as check reads it)
// with its options and the skips it wants.
func readFixture(t *testing.T, path string) (*input.Document, checker.Options, [][2]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := input.Read(filepath.ToSlash(path), data)
	if err != nil {
		t.Fatal(err)
	}
	opts, err := fixture.Options(doc.Text)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var skips [][2]string
	for _, m := range wantSkip.FindAllStringSubmatch(string(doc.Text), -1) {
		text, err1 := strconv.Unquote(m[1])
		reason, err2 := strconv.Unquote(m[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: malformed %s", path, m[0])
		}
		skips = append(skips, [2]string{text, reason})
	}
	return doc, opts, skips
}

// TestFixtures fixes every file of testdata/fix and compares the result
// with NAME.golden (go test -update rewrites them; review the diff). Then
// it holds the result to what --fix promises: a check of the fixed text
// finds no fix left but the skipped ones, and fixing it again changes
// nothing.
func TestFixtures(t *testing.T) {
	c := defaultChecker(t)
	paths, _ := filepath.Glob("../../testdata/fix/*")
	paths = slices.DeleteFunc(paths, func(p string) bool {
		fi, err := os.Stat(p)
		// Directories hold the fixtures' glossaries and the edit fixtures
		// (TestEditFixtures).
		return err != nil || fi.IsDir() || strings.HasSuffix(p, ".golden") || filepath.Base(p) == "README.md"
	})
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc, opts, wantSkips := readFixture(t, path)
			c := fixtureChecker(t, c, doc.Text)
			res, err := fix.Run(c, []fix.Document{{Doc: doc, Read: fix.Reader(doc, input.Options{}, nil)}}, opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := res.Docs[0].Text
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("fixed text differs from %s:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
			if res.Fixed[0] == 0 {
				t.Error("nothing fixed: a fixture exists to be fixed")
			}
			for _, s := range res.Skipped {
				if !slices.ContainsFunc(wantSkips, func(w [2]string) bool {
					return w[0] == s.Finding.Text && regexp.MustCompile(w[1]).MatchString(s.Reason)
				}) {
					t.Errorf("unexpected skip of %q: %s", s.Finding.Text, s.Reason)
				}
			}
			for _, w := range wantSkips {
				if !slices.ContainsFunc(res.Skipped, func(s fix.Skip) bool {
					return w[0] == s.Finding.Text && regexp.MustCompile(w[1]).MatchString(s.Reason)
				}) {
					t.Errorf("want a skip of %q (%s), got %v", w[0], w[1], res.Skipped)
				}
			}

			// A check of the fixed text from scratch, as a rerun reads the
			// file: every fix left is one the run reported skipping.
			fixed, err := input.Read(doc.Path, got)
			if err != nil {
				t.Fatal(err)
			}
			findings, err := c.Check([]*checker.File{c.Scan(fixed)}, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				if f.Fix != "" && !slices.ContainsFunc(res.Skipped, func(s fix.Skip) bool { return s.Finding.Text == f.Text && s.Finding.Line == f.Line }) {
					t.Errorf("%s:%d:%d: %s %q still has a fix %q", f.File, f.Line, f.Column, f.Rule, f.Text, f.Fix)
				}
			}
			again, err := fix.Run(c, []fix.Document{{Doc: fixed, Read: fix.Reader(fixed, input.Options{}, nil)}}, opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(again.Docs[0].Text) != string(got) || again.Fixed[0] != 0 {
				t.Errorf("fixing again fixed %d findings:\n%s", again.Fixed[0], again.Docs[0].Text)
			}
		})
	}
}

func finding(rule, file string, start, end int, text, fix string) checker.Finding {
	return checker.Finding{Rule: rule, File: file, Line: 1, Column: start + 1, Offset: start, EndOffset: end, Text: text, Fix: fix}
}

// TestPlan: one span, one edit; agreeing findings share it; disagreeing
// ones are ambiguous unless a status rule settles it; overlapping spans
// are ambiguous, every one of a chain or a nest of them.
func TestPlan(t *testing.T) {
	findings := []checker.Finding{
		finding("inconsistent", "a.md", 0, 14, "periphery work", "neighborhood work"),
		finding("family", "a.md", 0, 14, "periphery work", "neighborhood work"),
		// Different fixes of one span: the deprecated one wins.
		finding("inconsistent", "a.md", 20, 24, "OBOR", "One Belt"),
		finding("deprecated", "a.md", 20, 24, "OBOR", "Belt and Road"),
		// Different fixes, no status rule: ambiguous.
		finding("inconsistent", "a.md", 30, 34, "xxxx", "y"),
		finding("other", "a.md", 30, 34, "xxxx", "z"),
		// Two status rules that disagree: ambiguous.
		finding("deprecated", "a.md", 40, 44, "wwww", "y"),
		finding("non-preferred", "a.md", 40, 44, "wwww", "z"),
		// Nested spans: both ambiguous.
		finding("inconsistent", "a.md", 50, 60, "vvvvvvvvvv", "outer"),
		finding("inconsistent", "a.md", 52, 54, "vv", "inner"),
		// A chain of overlaps: all three ambiguous, though the first and
		// the last do not overlap each other.
		finding("inconsistent", "a.md", 100, 110, "chain one", "x"),
		finding("inconsistent", "a.md", 105, 115, "chain two", "y"),
		finding("inconsistent", "a.md", 112, 120, "chain three", "z"),
		// Two spans inside a longer one, apart from each other: the second
		// overlaps the long one too, not only its neighbour.
		finding("inconsistent", "a.md", 130, 150, "long", "x"),
		finding("inconsistent", "a.md", 132, 134, "first inside", "y"),
		finding("inconsistent", "a.md", 140, 142, "second inside", "z"),
		// Spans that touch do not overlap.
		finding("inconsistent", "a.md", 160, 165, "left", "l"),
		finding("inconsistent", "a.md", 165, 170, "right", "r"),
		// No fix: no edit.
		finding("missing", "a.md", 70, 72, "周边", ""),
		finding("inconsistent", "b.md", 0, 4, "bbbb", "c"),
	}
	edits, skips := fix.Plan(findings)
	var got []string
	for _, path := range []string{"a.md", "b.md"} {
		for _, e := range edits[path] {
			got = append(got, fmt.Sprintf("%s %d-%d %q (%d)", path, e.Start, e.End, e.New, len(e.Findings)))
		}
	}
	want := []string{`a.md 0-14 "neighborhood work" (2)`, `a.md 20-24 "Belt and Road" (1)`, `a.md 160-165 "l" (1)`, `a.md 165-170 "r" (1)`, `b.md 0-4 "c" (1)`}
	if !slices.Equal(got, want) {
		t.Errorf("edits:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var gotSkips []string
	for _, s := range skips {
		gotSkips = append(gotSkips, fmt.Sprintf("%d %s: %s", s.Finding.Offset, s.Finding.Rule, s.Reason))
	}
	wantSkips := []string{
		`20 inconsistent: the deprecated fix "Belt and Road" of the same text is applied instead`,
		`30 inconsistent: its fixes disagree: "y" or "z"`,
		`30 other: its fixes disagree: "y" or "z"`,
		`40 deprecated: its fixes disagree: "y" or "z"`,
		`40 non-preferred: its fixes disagree: "y" or "z"`,
		`50 inconsistent: overlaps the fix of "vv" at 1:53`,
		`52 inconsistent: overlaps the fix of "vvvvvvvvvv" at 1:51`,
		`100 inconsistent: overlaps the fix of "chain two" at 1:106`,
		`105 inconsistent: overlaps the fix of "chain one" at 1:101`,
		`112 inconsistent: overlaps the fix of "chain two" at 1:106`,
		`130 inconsistent: overlaps the fix of "first inside" at 1:133`,
		`132 inconsistent: overlaps the fix of "long" at 1:131`,
		`140 inconsistent: overlaps the fix of "long" at 1:131`,
	}
	if !slices.Equal(gotSkips, wantSkips) {
		t.Errorf("skips:\n%s\nwant:\n%s", strings.Join(gotSkips, "\n"), strings.Join(wantSkips, "\n"))
	}
	if got := string(fix.Apply([]byte("0123456789"), []fix.Edit{{Start: 1, End: 3, New: "ab"}, {Start: 5, End: 5, New: "+"}, {Start: 8, End: 10, New: ""}})); got != "0ab34+567" {
		t.Errorf("Apply = %q", got)
	}
}

// TestScopeAll fixes two files together: the majority is counted over
// both, and each file gets its own edits.
func TestScopeAll(t *testing.T) {
	c := defaultChecker(t)
	a := &input.Document{Path: "a.txt", Format: input.PlainText, Text: []byte("Our work on periphery affairs. More work on periphery affairs.\n")}
	b := &input.Document{Path: "b.txt", Format: input.PlainText, Text: []byte("Periphery work is hard.\n")}
	for _, d := range []*input.Document{a, b} {
		d.Masked = d.Text
	}
	docs := []fix.Document{{Doc: a, Read: fix.Reader(a, input.Options{}, nil)}, {Doc: b, Read: fix.Reader(b, input.Options{}, nil)}}
	res, err := fix.Run(c, docs, checker.Options{Scope: checker.ScopeAll}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Docs[1].Text); got != "Work on periphery affairs is hard.\n" {
		t.Errorf("b.txt fixed to %q", got)
	}
	if string(res.Docs[0].Text) != string(a.Text) || res.Fixed[0] != 0 || res.Fixed[1] != 1 || len(res.Findings) != 0 {
		t.Errorf("fixed %v, findings %v", res.Fixed, res.Findings)
	}
	// A document without Read is checked, not fixed.
	docs[1].Read = nil
	res, err = fix.Run(c, docs, checker.Options{Scope: checker.ScopeAll}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fixed[1] != 0 || len(res.Findings) != 1 || res.Findings[0].Fix == "" || len(res.Skipped) != 0 {
		t.Errorf("read-only b.txt: fixed %v, findings %v, skipped %v", res.Fixed, res.Findings, res.Skipped)
	}
}

// TestPlanKeepsLineBreaks: a phrase broken across lines keeps its break,
// CRLF and indentation included, after as many words as in the text.
func TestPlanKeepsLineBreaks(t *testing.T) {
	for _, tt := range []struct{ text, fix, want string }{
		{"community of\r\n  common destiny", "community with a shared future", "community with\r\n  a shared future"},
		{"periphery\nwork", "work on periphery affairs", "work\non periphery affairs"},
		{"One Belt,\nOne Road", "Belt and Road", "Belt and\nRoad"},
		{"periphery work", "work on periphery affairs", "work on periphery affairs"},
		{"periphery\nwork", "neighborhood", "neighborhood"},
		// A lone CR (old Mac line ends, or a stray one) is a line break
		// too: kept once, not turned into a space nor doubled.
		{"periphery\rwork", "neighborhood work", "neighborhood\rwork"},
		{"neighborhood\r work", "periphery work", "periphery\r work"},
		{"community of\rcommon destiny", "community with a shared future", "community with\ra shared future"},
	} {
		edits, _ := fix.Plan([]checker.Finding{finding("inconsistent", "a.md", 0, len(tt.text), tt.text, tt.fix)})
		if got := edits["a.md"][0].New; got != tt.want {
			t.Errorf("%q -> %q: edit writes %q, want %q", tt.text, tt.fix, got, tt.want)
		}
	}
}
